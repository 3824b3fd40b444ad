"""An article's document variables (name, value) for a read-only table in Article ▸ Details."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from hnreader.ui.common.plain_text import visible_controls

Index = QModelIndex | QPersistentModelIndex


class VariablesTableModel(QAbstractTableModel):
    NAME, VALUE = range(2)

    def __init__(self, rows: tuple[tuple[str, str], ...] = (), parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[tuple[str, str]] = list(rows)

    def set_rows(self, rows: tuple[tuple[str, str], ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        name, value = self._rows[index.row()]
        return visible_controls(name if index.column() == self.NAME else value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.tr("Variable") if section == self.NAME else self.tr("Value")

"""A matrix of numbers with labelled rows and columns: the code matrix and co-occurrence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from hnreader.ui.common.plain_text import tooltip, visible_controls

Index = QModelIndex | QPersistentModelIndex

COUNT, PRESENCE, SHARE, JACCARD = "count", "presence", "share", "jaccard"
HEAT = QColor("#2F6DB5")


@dataclass(frozen=True)
class GridLabel:
    """A row or column heading: what it shows, how deep a tag is, what it stands for."""

    text: str
    depth: int = 0
    key: str = ""  # a tag id, an article id or a group key
    detail: str = ""  # a longer description for its tooltip


class AnalysisGridModel(QAbstractTableModel):
    """Values in cells, rows and columns labelled in the headers; cells shaded by value."""

    ValueRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[GridLabel] = []
        self._columns: list[GridLabel] = []
        self._values: list[tuple[float, ...]] = []
        self._kind = COUNT
        self._highest = 0.0

    def set_grid(
        self,
        rows: Sequence[GridLabel],
        columns: Sequence[GridLabel],
        values: Sequence[Sequence[float]],
        kind: str,
    ) -> None:
        self.beginResetModel()
        self._rows, self._columns = list(rows), list(columns)
        self._values = [tuple(row) for row in values]
        self._kind = kind
        self._highest = max((v for row in self._values for v in row), default=0.0)
        self.endResetModel()

    def row_label(self, row: int) -> GridLabel:
        return self._rows[row]

    def column_label(self, column: int) -> GridLabel:
        return self._columns[column]

    def value(self, row: int, column: int) -> float:
        return self._values[row][column]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        labels = self._columns if orientation == Qt.Orientation.Horizontal else self._rows
        if not 0 <= section < len(labels):
            return None
        label = labels[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return "    " * label.depth + visible_controls(label.text)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(label.detail or label.text)
        if role == Qt.ItemDataRole.TextAlignmentRole and orientation == Qt.Orientation.Vertical:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        value = self._values[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(value)
        if role == self.ValueRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and value and self._highest:
            color = QColor(HEAT)
            color.setAlphaF(0.12 + 0.6 * value / self._highest)
            return color
        if role == Qt.ItemDataRole.ForegroundRole and not value:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.ToolTipRole:
            row, column = self._rows[index.row()], self._columns[index.column()]
            return tooltip(f"{row.text} × {column.detail or column.text}: {self.cell_text(value)}")
        return None

    def cell_text(self, value: float) -> str:
        if self._kind == SHARE:
            return f"{value * 100:.1f}%" if value else "0"
        if self._kind == JACCARD:
            return f"{value:.2f}" if value else "0"
        return str(int(value))

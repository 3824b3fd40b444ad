"""The passages one tag is applied to, as a table model for the codebook panel."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from hnreader.core.models import Annotation
from hnreader.ui.common.plain_text import tooltip, visible_controls

Index = QModelIndex | QPersistentModelIndex


class TagPassageModel(QAbstractTableModel):
    """The passages one tag is applied to, across the corpus."""

    PASSAGE, ARTICLE, NOTE = range(3)
    COLUMN_COUNT = 3

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Annotation, str]] = []

    def set_rows(self, annotations: Sequence[Annotation], titles: dict[int, str]) -> None:
        self.beginResetModel()
        self._rows = [(a, titles.get(a.article_id, "")) for a in annotations]
        self.endResetModel()

    def annotation(self, row: int) -> Annotation:
        return self._rows[row][0]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < self.COLUMN_COUNT:
            return (self.tr("Passage"), self.tr("Article"), self.tr("Note"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        annotation, title = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == self.PASSAGE:
                return visible_controls(" ".join(annotation.quote.split()))
            if index.column() == self.ARTICLE:
                return visible_controls(title)
            return visible_controls(" ".join(annotation.note.split()))
        if role == Qt.ItemDataRole.ToolTipRole:
            text = f"…{annotation.prefix}【{annotation.quote}】{annotation.suffix}…"
            note = f"\n\n{annotation.note}" if annotation.note else ""
            return tooltip(f"{title}\n\n{text}{note}")
        return None

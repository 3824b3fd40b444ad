"""Retrieved passages as a table: date, article, the passage in its context, tags, note."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from hnreader.core.coding_analysis.retrieval import RetrievedPassage
from hnreader.ui.common.contrast import READABLE, line_on
from hnreader.ui.common.date_text import shown_date
from hnreader.ui.common.plain_text import tooltip, visible_controls
from hnreader.ui.common.table_views import RowsTableModel

Index = QModelIndex | QPersistentModelIndex

PASSAGE_COLOR = "#B3541E"


def _one_line(text: str) -> str:
    return visible_controls(text).replace("\n", " ⏎ ")


class PassageTableModel(RowsTableModel[RetrievedPassage]):
    """DATE | ARTICLE | BEFORE (right-aligned) | PASSAGE | AFTER | TAGS | NOTE | CODER."""

    DATE, ARTICLE, BEFORE, PASSAGE, AFTER, TAGS, NOTE, CODER = range(8)
    COLUMN_COUNT = 8

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Date"),
                self.tr("Article"),
                self.tr("Before"),
                self.tr("Passage"),
                self.tr("After"),
                self.tr("Tags"),
                self.tr("Note"),
                self.tr("Coder"),
            )[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == self.BEFORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        passage, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                visible_controls(shown_date(passage.article_date)),
                _one_line(passage.article_title),
                _one_line(passage.before),
                _one_line(passage.text),
                _one_line(passage.after),
                _one_line("; ".join(passage.tags)),
                _one_line(passage.note),
                _one_line(passage.coder),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (self.BEFORE, self.PASSAGE, self.AFTER):
                return tooltip(f"{passage.before}【{passage.text}】{passage.after}")
            if column == self.ARTICLE:
                return tooltip(f"{passage.article_title}\n{passage.publication}")
            if column == self.NOTE:
                return tooltip(passage.note)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == self.PASSAGE:
            page = QApplication.palette().color(QPalette.ColorRole.Base)
            return line_on(PASSAGE_COLOR, page, READABLE)  # as the search panel's hits
        if role == Qt.ItemDataRole.ForegroundRole and column in (self.BEFORE, self.AFTER):
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.BEFORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

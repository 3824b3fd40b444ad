"""The import preview as a table: one row per article of each previewed file (a file that
would be skipped: one row saying why)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from hnreader.core.project import ImportPreview, PreviewArticle
from hnreader.ui.common.date_text import shown_date
from hnreader.ui.common.plain_text import tooltip, visible_controls
from hnreader.ui.common.removed_reasons import reason_text
from hnreader.ui.common.table_views import RowsTableModel

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class PreviewRow:
    file: str
    article: PreviewArticle | None  # None: the file would be skipped
    problem: str = ""


def preview_rows(preview: ImportPreview) -> list[PreviewRow]:
    rows: list[PreviewRow] = []
    for file in preview.files:
        if file.problem or not file.articles:
            rows.append(PreviewRow(file.name, None, file.problem))
        rows.extend(PreviewRow(file.name, a) for a in file.articles)
    return rows


class PreviewTableModel(RowsTableModel[PreviewRow]):
    """FILE | TITLE | DATE | CHARACTERS | SET ASIDE."""

    FILE, TITLE, DATE, CHARS, SET_ASIDE = range(5)
    COLUMN_COUNT = 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("File"),
                self.tr("Article"),
                self.tr("Date"),
                self.tr("Characters"),
                self.tr("Set aside"),
            )[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        article = row.article
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.FILE:
                return visible_controls(row.file)
            if article is None:
                return (
                    visible_controls(self.tr("Skipped: %1").replace("%1", row.problem))
                    if column == self.TITLE
                    else ""
                )
            return (
                "",
                visible_controls(article.title.replace("\n", " ")),
                visible_controls(shown_date(article.date)),
                f"{article.chars:,}",
                str(len(article.set_aside)) if article.set_aside else "",
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if article is None:
                return tooltip(row.problem)
            if column == self.SET_ASIDE and article.set_aside:
                return tooltip(set_aside_text(article))
            if column == self.TITLE:
                return tooltip(article.title)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and article is None:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.CHARS, self.SET_ASIDE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def set_aside_text(article: PreviewArticle) -> str:
    return "\n".join(f"[{reason_text(r.reason)}] {r.text}" for r in article.set_aside)

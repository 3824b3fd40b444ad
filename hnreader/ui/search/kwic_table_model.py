"""Search hits as a keyword-in-context (KWIC) concordance table."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from hnreader.core.models import SearchField
from hnreader.core.search.session import ListedHit
from hnreader.ui.common.contrast import READABLE, line_on
from hnreader.ui.common.date_text import shown_date
from hnreader.ui.common.plain_text import tooltip, visible_controls
from hnreader.ui.common.table_views import RowsTableModel

Index = QModelIndex | QPersistentModelIndex

HIT_COLOR = "#B3541E"


class KwicTableModel(RowsTableModel[ListedHit]):
    """FIELD | LEFT (right-aligned) | HIT | RIGHT | ARTICLE | DATE; sortable by every column.

    FIELD names where a hit outside the article text is (title, kicker, byline) and is empty
    for the text's own hits. Sorting by LEFT orders by the reversed left context, so the
    word next to the hit decides, as in corpus concordancers."""

    FIELD, LEFT, HIT, RIGHT, ARTICLE, DATE = range(6)
    COLUMN_COUNT = 6
    ArticleIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._hit_font: QFont | None = None

    def append_rows(self, rows: Sequence[ListedHit]) -> None:
        """Add rows below the ones shown (which keep their selection)."""
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("In"),
                self.tr("Left context"),
                self.tr("Hit"),
                self.tr("Right context"),
                self.tr("Article"),
                self.tr("Date"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == self.LEFT:
            return self.tr("Sorts by the words nearest the hit")
        if role == Qt.ItemDataRole.ToolTipRole and section == self.FIELD:
            return self.tr("Where a hit outside the article text is: title, kicker or byline")
        if role == Qt.ItemDataRole.TextAlignmentRole and section == self.LEFT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        hit, article = row.hit, row.article
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.FIELD:
                return self.field_name(hit.field)
            texts = ("", hit.left, hit.text, hit.right, article.title, shown_date(article.date))
            return visible_controls(texts[column])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == self.LEFT:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == self.HIT:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if column == self.HIT and role == Qt.ItemDataRole.FontRole:
            if self._hit_font is None:
                self._hit_font = QFont()
                self._hit_font.setBold(True)
            return self._hit_font
        if column == self.HIT and role == Qt.ItemDataRole.ForegroundRole:
            page = QApplication.palette().color(QPalette.ColorRole.Base)
            return line_on(HIT_COLOR, page, READABLE)  # orange, darkened to read on white
        if column == self.FIELD and role == Qt.ItemDataRole.ForegroundRole:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.ToolTipRole:
            kind = {
                "word": self.tr("whole word"),
                "subword": self.tr("part of a longer word"),
                "substring": self.tr("across words"),
            }.get(hit.match, self.tr("whole word"))
            where = "" if hit.in_body else f"\n{self.field_place(hit.field)}"
            return tooltip(
                f"{article.title}  {shown_date(article.date)}\n"
                f"…{hit.left}【{hit.text}】{hit.right}…\n"
                f"{kind}{where}"
            )
        if role == self.ArticleIdRole:
            return row.article_id
        return None

    def field_name(self, field: str) -> str:
        """The FIELD column's word for where a hit is ("" for the article text)."""
        names = {
            SearchField.TITLE: self.tr("Title"),
            SearchField.SUBTITLE: self.tr("Kicker"),
            SearchField.BYLINE: self.tr("Byline"),
        }
        return names.get(field, "")

    def field_place(self, field: str) -> str:
        """A tooltip's line saying where a hit outside the article text is."""
        places = {
            SearchField.TITLE: self.tr("In the title (not taggable)"),
            SearchField.SUBTITLE: self.tr("In the kicker (not taggable)"),
            SearchField.BYLINE: self.tr("In the byline (not taggable)"),
        }
        return places.get(field, "")

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.COLUMN_COUNT:
            return
        key = _sort_key(column)
        self.layoutAboutToBeChanged.emit()
        old_rows = self._rows
        persistent = self.persistentIndexList()
        order_ids = sorted(
            range(len(old_rows)),
            key=lambda i: key(old_rows[i]),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        new_position = {old: new for new, old in enumerate(order_ids)}
        self._rows = [old_rows[i] for i in order_ids]
        self.changePersistentIndexList(
            persistent,
            [self.index(new_position[p.row()], p.column()) for p in persistent],
        )
        self.layoutChanged.emit()


_FIELD_ORDER = {field: n for n, field in enumerate(SearchField.ALL)}


def _sort_key(column: int) -> Callable[[ListedHit], tuple]:
    def position(r: ListedHit) -> tuple:
        return (r.article.date, r.article_id, _FIELD_ORDER[r.field], r.start)

    if column == KwicTableModel.FIELD:
        return lambda r: (_FIELD_ORDER[r.field], *position(r))
    if column == KwicTableModel.LEFT:
        return lambda r: (r.hit.left[::-1], *position(r))
    if column == KwicTableModel.HIT:
        return lambda r: (r.hit.text, r.hit.right, *position(r))
    if column == KwicTableModel.RIGHT:
        return lambda r: (r.hit.right, *position(r))
    if column == KwicTableModel.ARTICLE:
        return lambda r: (r.article.title, r.article_id, _FIELD_ORDER[r.field], r.start)
    return position

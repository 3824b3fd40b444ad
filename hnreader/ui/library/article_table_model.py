"""The library's article list: lightweight rows, filtered and sorted in Python, fetched lazily."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from hnreader.core.models import ArticleSummary
from hnreader.ui.common.date_text import shown_date
from hnreader.ui.common.plain_text import tooltip, visible_controls

Index = QModelIndex | QPersistentModelIndex

FETCH_BATCH = 1000
ANNOTATED_COLOR = "#E8A33D"


@dataclass(frozen=True)
class Arrangement:
    """Rows filtered and sorted for the model, built by `arrange()`: plain Python, so a
    background thread can do the work for 100,000 rows and the model adopts it at once."""

    rows: list[ArticleSummary]
    terms: tuple[str, ...]
    sort_column: int
    descending: bool
    haystacks: list[str]
    position: dict[int, int]  # article id → index into rows
    visible: list[int]  # indices into rows, filtered and sorted
    row: dict[int, int]  # index into rows → row in visible


def arrange(
    rows: Sequence[ArticleSummary], terms: Sequence[str], sort_column: int, descending: bool
) -> Arrangement:
    rows = list(rows)
    haystacks = [
        f"{r.title}\n{r.source}\n{r.byline}\n{r.date}\n{shown_date(r.date)}".casefold()
        for r in rows
    ]
    visible = _visible(rows, haystacks, terms, sort_column, descending)
    return Arrangement(
        rows,
        tuple(terms),
        sort_column,
        descending,
        haystacks,
        {summary.id: position for position, summary in enumerate(rows)},
        visible,
        _row_map(visible),
    )


def _visible(
    rows: list[ArticleSummary],
    haystacks: list[str],
    terms: Sequence[str],
    sort_column: int,
    descending: bool,
) -> list[int]:
    ranges = [r for r in map(date_range, terms) if r is not None]
    words = [t for t in terms if date_range(t) is None]
    if ranges or words:
        visible = [
            i
            for i, hay in enumerate(haystacks)
            if all(t in hay for t in words)
            and all(
                low <= rows[i].date[: len(low)] and rows[i].date[: len(high)] <= high
                for low, high in ranges
            )
        ]
    else:
        visible = list(range(len(rows)))
    if sort_column >= 0:
        key = _sort_key(sort_column)
        visible.sort(key=lambda i: key(rows[i]), reverse=descending)
    return visible


_DATE_RANGE = re.compile(r"(\d{4}(?:-\d{2}){0,2})\.\.(\d{4}(?:-\d{2}){0,2})")


def date_range(term: str) -> tuple[str, str] | None:
    """A filter term 2020-08-01..2020-09-30 (or 2019..2020, 2020-08..2020-09): the articles
    dated within, inclusive, each bound at its own precision."""
    match = _DATE_RANGE.fullmatch(term)
    return (match.group(1), match.group(2)) if match else None


def _row_map(visible: list[int]) -> dict[int, int]:
    return {position: row for row, position in enumerate(visible)}


def _sort_key(column: int) -> Callable[[ArticleSummary], Any]:
    if column == ArticleTableModel.TITLE:
        return lambda r: (r.title.casefold(), r.date, r.id)
    if column == ArticleTableModel.DATE:
        # In ascending order: dated articles, then those without a year, then undated ones.
        return lambda r: (r.date == "", not r.date[:4].isdigit(), r.date, r.source, r.ordinal)
    if column == ArticleTableModel.SOURCE:
        return lambda r: (r.source.casefold(), r.ordinal)
    return lambda r: (r.annotation_count, r.date, r.id)


class ArticleTableModel(QAbstractTableModel):
    """Articles as rows (title, date, source, annotation count).

    Filtering and sorting happen here on plain Python lists: a QSortFilterProxyModel would call
    `data()` once per comparison, which costs seconds for 100,000 rows in Python. `data()` does
    no SQL. Rows are exposed to the view in batches through `canFetchMore`/`fetchMore`.
    """

    TITLE, DATE, SOURCE, ANNOTATIONS = range(4)
    COLUMN_COUNT = 4
    ArticleIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ArticleSummary] = []
        self._haystacks: list[str] = []
        self._visible: list[int] = []  # indices into _rows, filtered and sorted
        self._position: dict[int, int] = {}  # article id → index into _rows
        self._row: dict[int, int] = {}  # index into _rows → row in _visible
        self._loaded = 0  # how many of _visible the view has fetched
        self._read: set[int] = set()
        self._excluded: set[int] = set()  # shown greyed when "Show excluded" lists them
        self._filter_terms: list[str] = []
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._bold: QFont | None = None
        self._dot: QIcon | None = None
        # Document variables shown as columns after the fixed ones, and the one filter on a
        # variable's value (issue 13): {name: {article id: value}}, their kinds.
        self._variables: list[str] = []
        self._values: dict[str, dict[int, str]] = {}
        self._kinds: dict[str, str] = {}
        self._variable_filter: tuple[str, str] | None = None

    # -- content

    def set_rows(self, rows: Sequence[ArticleSummary]) -> None:
        self.adopt(arrange(rows, self._filter_terms, self._sort_column, self._descending()))

    def set_variables(
        self,
        values: dict[str, dict[int, str]],
        kinds: dict[str, str],
        value_filter: tuple[str, str] | None,
    ) -> None:
        """Show these variables as columns (in this order) and keep only the articles whose
        variable `value_filter[0]` has the value `value_filter[1]` (None: all)."""
        self.beginResetModel()
        self._variables = list(values)
        self._values = dict(values)
        self._kinds = dict(kinds)
        self._variable_filter = value_filter
        if self._sort_column >= self.columnCount():
            self._sort_column = self.DATE
        self._rebuild()
        self.endResetModel()

    def variable_columns(self) -> list[str]:
        return list(self._variables)

    def _by_variables(self, visible: list[int]) -> list[int]:
        """Visible rows after the variable filter, sorted by a variable column if asked."""
        if self._variable_filter is not None:
            name, wanted = self._variable_filter
            values = self._values.get(name, {})
            visible = [i for i in visible if values.get(self._rows[i].id) == wanted]
        column = self._sort_column - self.COLUMN_COUNT
        if 0 <= column < len(self._variables):
            name = self._variables[column]
            values = self._values.get(name, {})
            numeric = self._kinds.get(name) == "number"

            def key(i: int) -> tuple[int, Any]:
                value = values[self._rows[i].id]
                if numeric:
                    try:
                        return (0, float(value))
                    except ValueError:
                        pass
                return (1, value.casefold())

            having = [i for i in visible if values.get(self._rows[i].id, "") != ""]
            lacking = [i for i in visible if values.get(self._rows[i].id, "") == ""]
            visible = sorted(having, key=key, reverse=self._descending()) + lacking  # last
        return visible

    def adopt(self, arrangement: Arrangement) -> None:
        """Show rows arranged by `arrange()`; they are re-arranged here only if the filter or
        the sort order changed since."""
        self.beginResetModel()
        self._rows = arrangement.rows
        self._position = arrangement.position
        self._haystacks = arrangement.haystacks
        current = (tuple(self._filter_terms), self._sort_column, self._descending())
        by_variables = self._variable_filter is not None or self._sort_column >= self.COLUMN_COUNT
        if (
            arrangement.terms,
            arrangement.sort_column,
            arrangement.descending,
        ) == current and not by_variables:
            self._show(arrangement.visible, arrangement.row)
        else:
            self._rebuild()
        self.endResetModel()

    def arrangement_key(self) -> tuple[list[str], int, bool]:
        """The filter terms, sort column and direction to pass to `arrange()`."""
        return list(self._filter_terms), self._sort_column, self._descending()

    def set_read(self, article_ids: Iterable[int]) -> None:
        self._read = set(article_ids)
        self._emit_column_changed(self.TITLE)

    def set_excluded(self, article_ids: Iterable[int]) -> None:
        self._excluded = set(article_ids)

    def is_excluded(self, article_id: int) -> bool:
        return article_id in self._excluded

    def is_read(self, article_id: int) -> bool:
        return article_id in self._read

    def mark_read(self, article_id: int, read: bool = True) -> None:
        if (article_id in self._read) == read:
            return
        if read:
            self._read.add(article_id)
        else:
            self._read.discard(article_id)
        row = self.row_of(article_id)
        if row is not None:
            index = self.index(row, self.TITLE)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.FontRole])

    def update_count(self, article_id: int, count: int) -> None:
        position = self._position.get(article_id)
        if position is not None:
            self._rows[position] = _with_count(self._rows[position], count)
        row = self.row_of(article_id)
        if row is not None:
            first, last = self.index(row, self.TITLE), self.index(row, self.ANNOTATIONS)
            self.dataChanged.emit(first, last)

    def set_filter(self, text: str) -> None:
        terms = text.casefold().split()
        if terms == self._filter_terms:
            return
        self.beginResetModel()
        self._filter_terms = terms
        self._rebuild()
        self.endResetModel()

    def total_count(self) -> int:
        return len(self._rows)

    def match_count(self) -> int:
        return len(self._visible)

    def article_id(self, row: int) -> int:
        return self._rows[self._visible[row]].id

    def row_of(self, article_id: int, *, fetch: bool = False) -> int | None:
        """The row showing this article, or None; with `fetch`, load rows up to it."""
        position = self._position.get(article_id)
        row = None if position is None else self._row.get(position)
        if row is None:
            return None
        if row >= self._loaded:
            if not fetch:
                return None
            self._fetch_to(row + 1)
        return row

    def _descending(self) -> bool:
        return self._sort_order == Qt.SortOrder.DescendingOrder

    def _rebuild(self) -> None:
        fixed = self._sort_column if self._sort_column < self.COLUMN_COUNT else self.DATE
        self._show(
            self._by_variables(
                _visible(
                    self._rows,
                    self._haystacks,
                    self._filter_terms,
                    fixed,
                    self._descending(),
                )
            )
        )

    def _show(self, visible: list[int], row: dict[int, int] | None = None) -> None:
        self._visible = visible
        self._row = _row_map(visible) if row is None else row
        self._loaded = min(len(visible), FETCH_BATCH)

    def _fetch_to(self, count: int) -> None:
        count = min(count, len(self._visible))
        if count <= self._loaded:
            return
        self.beginInsertRows(QModelIndex(), self._loaded, count - 1)
        self._loaded = count
        self.endInsertRows()

    def _emit_column_changed(self, column: int) -> None:
        if self._loaded:
            self.dataChanged.emit(
                self.index(0, column),
                self.index(self._loaded - 1, column),
                [Qt.ItemDataRole.FontRole],
            )

    # -- Qt model API

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT + len(self._variables)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._loaded < len(self._visible)

    def fetchMore(self, parent: Index) -> None:
        if not parent.isValid():
            self._fetch_to(self._loaded + FETCH_BATCH)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.columnCount():
            return
        self.beginResetModel()
        self._sort_column, self._sort_order = column, order
        self._rebuild()
        self.endResetModel()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if section >= self.COLUMN_COUNT:
            name = self._variables[section - self.COLUMN_COUNT]
            if role == Qt.ItemDataRole.DisplayRole:
                return visible_controls(name)
            if role == Qt.ItemDataRole.ToolTipRole:
                return tooltip(self.tr("Document variable “%1”").replace("%1", name))
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Title"), self.tr("Date"), self.tr("Source"), self.tr("Tagged"))[
                section
            ]
        if role == Qt.ItemDataRole.ToolTipRole and section == self.ANNOTATIONS:
            return self.tr("Number of annotations in the article")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self._loaded:
            return None
        summary = self._rows[self._visible[index.row()]]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole and column >= self.COLUMN_COUNT:
            name = self._variables[column - self.COLUMN_COUNT]
            return visible_controls(self._values.get(name, {}).get(summary.id, ""))
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                return visible_controls(summary.title) or self.tr("(untitled)")
            if column == self.DATE:
                return visible_controls(shown_date(summary.date))
            if column == self.SOURCE:
                return visible_controls(f"{summary.ordinal} · {summary.source}")
            if column == self.ANNOTATIONS:
                return str(summary.annotation_count) if summary.annotation_count else ""
        elif role == self.ArticleIdRole:
            return summary.id
        elif role == Qt.ItemDataRole.FontRole and column == self.TITLE:
            if summary.id not in self._read:
                if self._bold is None:
                    self._bold = QFont()
                    self._bold.setBold(True)
                return self._bold
        elif role == Qt.ItemDataRole.ForegroundRole and summary.id in self._excluded:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        elif role == Qt.ItemDataRole.DecorationRole and column == self.ANNOTATIONS:
            if summary.annotation_count:
                if self._dot is None:
                    self._dot = dot_icon(QColor(ANNOTATED_COLOR))
                return self._dot
        elif role == Qt.ItemDataRole.ToolTipRole:
            lines = [summary.title]
            if summary.byline:
                lines.append(summary.byline)
            lines.append(self.tr("%1 characters").replace("%1", f"{summary.chars:,}"))
            if summary.id not in self._read:
                lines.append(self.tr("Not read yet"))
            if summary.id in self._excluded:
                lines.append(self.tr("Excluded: left out of search, counts, analysis and export"))
            return tooltip("\n".join(lines))
        return None


def _with_count(summary: ArticleSummary, count: int) -> ArticleSummary:
    return summary._replace(annotation_count=count)


def dot_icon(color: QColor, size: int = 10) -> QIcon:
    """A filled circle, the "has annotations" marker."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)

"""Figures (statistics, money, years…) as a table: text, value, unit, kind, article."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from hnreader.core.models import Figure
from hnreader.ui.codebook.annotation_table_model import format_value
from hnreader.ui.common.plain_text import tooltip, visible_controls

COLUMN_TEXT = 0
COLUMN_VALUE = 1
COLUMN_UNIT = 2
COLUMN_KIND = 3
COLUMN_ARTICLE = 4
COLUMN_TAGS = 5
COLUMN_COUNT = 6

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # a value that sorts right (numbers as numbers)
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # the untranslated kind, for filtering

AnyIndex = QModelIndex | QPersistentModelIndex


def kind_label(kind: str) -> str:
    """The translated name of a figure kind (the literals are here for lupdate)."""
    labels = {
        "count": QCoreApplication.translate("FigureTableModel", "count"),
        "money": QCoreApplication.translate("FigureTableModel", "money"),
        "percent": QCoreApplication.translate("FigureTableModel", "percent"),
        "year": QCoreApplication.translate("FigureTableModel", "year"),
        "date": QCoreApplication.translate("FigureTableModel", "date"),
        "area": QCoreApplication.translate("FigureTableModel", "area"),
        "weight": QCoreApplication.translate("FigureTableModel", "weight"),
        "other": QCoreApplication.translate("FigureTableModel", "other"),
        "caption": QCoreApplication.translate("FigureTableModel", "caption"),
    }
    return labels.get(kind, kind)


@dataclass(frozen=True)
class FigureRow:
    article_id: int
    figure: Figure
    article_title: str = ""
    tags: str = ""  # names of the tags on figure annotations of exactly this span


class FigureTableModel(QAbstractTableModel):
    """A flat list of FigureRow; sorting and the kind filter are done by a proxy."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[FigureRow] = []

    def set_rows(self, rows: Sequence[FigureRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, row: int) -> FigureRow:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            COLUMN_TEXT: QCoreApplication.translate("FigureTableModel", "Figure"),
            COLUMN_VALUE: QCoreApplication.translate("FigureTableModel", "Value"),
            COLUMN_UNIT: QCoreApplication.translate("FigureTableModel", "Unit"),
            COLUMN_KIND: QCoreApplication.translate("FigureTableModel", "Kind"),
            COLUMN_ARTICLE: QCoreApplication.translate("FigureTableModel", "Article"),
            COLUMN_TAGS: QCoreApplication.translate("FigureTableModel", "Tagged"),
        }
        return titles.get(section)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        figure, column = item.figure, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            shown = self._display(item, column)
            return None if shown is None else visible_controls(shown)
        if role == SORT_ROLE:
            return self._sort_key(item, column)
        if role == KIND_ROLE:
            return figure.kind
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COLUMN_VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == COLUMN_ARTICLE:
            return tooltip(item.article_title)
        return None

    def _display(self, item: FigureRow, column: int) -> str | None:
        figure = item.figure
        if column == COLUMN_TEXT:
            return " ".join(figure.text.split())
        if column == COLUMN_VALUE:
            if figure.kind in ("year", "date") and figure.value is not None:
                return f"{figure.value:g}"
            return format_value(figure.value)
        if column == COLUMN_UNIT:
            return figure.unit
        if column == COLUMN_KIND:
            return kind_label(figure.kind)
        if column == COLUMN_ARTICLE:
            return item.article_title
        if column == COLUMN_TAGS:
            return item.tags
        return None

    def _sort_key(self, item: FigureRow, column: int) -> object:
        figure = item.figure
        if column == COLUMN_VALUE:
            return float("-inf") if figure.value is None else float(figure.value)
        if column == COLUMN_ARTICLE:
            # Article order, then position: "sorted by article" reads each article top-down.
            return f"{item.article_id:09d}:{figure.start:09d}"
        return self._display(item, column) or ""

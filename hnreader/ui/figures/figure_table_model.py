"""Figures (statistics, money, years…) as a table: text, value, unit, kind, article. A range
shows as 4–6, an approximation with ≈ before the value (the word in the tooltip)."""

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

from hnreader.core.analysis.figure_values import value_text
from hnreader.core.models import Figure, FigureValue
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
        "percentage_points": QCoreApplication.translate("FigureTableModel", "percentage points"),
        "ratio": QCoreApplication.translate("FigureTableModel", "ratio"),
        "year": QCoreApplication.translate("FigureTableModel", "year"),
        "date": QCoreApplication.translate("FigureTableModel", "date"),
        "time": QCoreApplication.translate("FigureTableModel", "time"),
        "duration": QCoreApplication.translate("FigureTableModel", "duration"),
        "area": QCoreApplication.translate("FigureTableModel", "area"),
        "length": QCoreApplication.translate("FigureTableModel", "length"),
        "weight": QCoreApplication.translate("FigureTableModel", "weight"),
        "volume": QCoreApplication.translate("FigureTableModel", "volume"),
        "temperature": QCoreApplication.translate("FigureTableModel", "temperature"),
        "other": QCoreApplication.translate("FigureTableModel", "other"),
        "caption": QCoreApplication.translate("FigureTableModel", "caption"),
    }
    return labels.get(kind, kind)


def _one_value(value: FigureValue, kind: str) -> str:
    if kind == "year" and isinstance(value, float):
        return value_text(value)  # 2019, not 2,019
    return format_value(value)


def _value_text(figure: Figure) -> str:
    """7,470,000 · 13.43 · 2019 · 2019-07 · 10:30 · a range as 4–6 or --01 – --10."""
    if figure.value is None and figure.value_low is not None and figure.value_high is not None:
        low, high = (
            _one_value(figure.value_low, figure.kind),
            _one_value(figure.value_high, figure.kind),
        )
        # ISO ends get spaces around the dash: --10-10 – --10-14 reads as two dates.
        dash = " – " if isinstance(figure.value_low, str) else "–"
        return f"{low}{dash}{high}"
    return _one_value(figure.value, figure.kind)


def _sort_number(figure: Figure) -> float:
    """A number to sort the value column by: ranges by their low end, ISO dates and times
    in calendar order (2019-07-01 → 20190701, --01-17 → 117, 10:30 → 10.5)."""
    value = figure.value if figure.value is not None else figure.value_low
    if value is None:
        return float("-inf")
    if isinstance(value, float):
        return value
    if ":" in value:
        hours, _, minutes = value.partition(":")
        return int(hours) + int(minutes or 0) / 60
    parts = [int(p) for p in value.lstrip("-").split("-") if p]
    if value.startswith("---"):
        return float(parts[0])
    if value.startswith("--"):
        return float(parts[0] * 100 + (parts[1] if len(parts) > 1 else 0))
    year, month, day = [*parts, 0, 0][:3]
    return float(year * 10_000 + month * 100 + day)


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
        if role == Qt.ItemDataRole.ToolTipRole and column == COLUMN_VALUE and figure.approx:
            return tooltip(
                QCoreApplication.translate("FigureTableModel", "Approximate: %1").replace(
                    "%1", figure.approx
                )
            )
        return None

    def _display(self, item: FigureRow, column: int) -> str | None:
        figure = item.figure
        if column == COLUMN_TEXT:
            return " ".join(figure.text.split())
        if column == COLUMN_VALUE:
            shown = _value_text(figure)
            return f"≈{shown}" if figure.approx and shown else shown
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
            return _sort_number(figure)
        if column == COLUMN_ARTICLE:
            # Article order, then position: "sorted by article" reads each article top-down.
            return f"{item.article_id:09d}:{figure.start:09d}"
        return self._display(item, column) or ""

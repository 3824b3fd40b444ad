"""Table models of the word statistics: word list, keyness, collocates, pair lines; sorted
by their values (not their text) through `SortRole`."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from hnreader.core.wordstats.collocates import CollocateRow, PairContext
from hnreader.core.wordstats.keyness import KeyRow
from hnreader.core.wordstats.wordlist import WordRow
from hnreader.ui.analyse.passage_table_model import PASSAGE_COLOR
from hnreader.ui.common.contrast import READABLE, line_on
from hnreader.ui.common.date_text import shown_date
from hnreader.ui.common.plain_text import tooltip, visible_controls
from hnreader.ui.common.table_views import Row, RowsTableModel

Index = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole + 1  # a cell's value (a number for numbers)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
KEY_A_COLOR, KEY_B_COLOR = "#1F6FB2", "#B3541E"


def _number(value: float, digits: int) -> str:
    if value in (float("inf"), float("-inf")):
        return "—"
    return f"{value:,.{digits}f}"


class _ValuesModel(RowsTableModel[Row]):
    """Rows shown as text, sorted by value in Python (a proxy model's sort would call
    `data()` a million times for 80,000 words, on the GUI thread); numbers right-aligned.
    Each subclass gives a row's `values` (what it sorts by) and how it is `shown`."""

    HEADERS: tuple[str, ...] = ()
    TEXT_COLUMNS: frozenset[int] = frozenset()
    values: Callable[[Row], tuple[object, ...]]
    shown: Callable[[Row], tuple[str, ...]]

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._in_order: list[Row] = []  # the result's own order (sort column -1)

    def set_rows(self, rows: Sequence[Row]) -> None:
        self._in_order = list(rows)
        super().set_rows(rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """By a column's values; column -1: the result's own order."""
        self.beginResetModel()
        rows = list(self._in_order)
        if 0 <= column < self.COLUMN_COUNT:
            rows.sort(
                key=lambda row: self.values(row)[column],
                reverse=order == Qt.SortOrder.DescendingOrder,
            )
        self._rows = rows
        self.endResetModel()

    def headers(self) -> tuple[str, ...]:
        return self.HEADERS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if section in self.TEXT_COLUMNS else _RIGHT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.shown(row)[column]
        if role == SortRole:
            return self.values(row)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in self.TEXT_COLUMNS:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column in self.TEXT_COLUMNS:
            return tooltip(str(self.values(row)[column]))
        return None


class WordListModel(_ValuesModel[WordRow]):
    """RANK | WORD | FREQUENCY | RANGE | PER 10,000."""

    RANK, WORD, FREQ, RANGE, PER = range(5)
    COLUMN_COUNT = 5
    TEXT_COLUMNS = frozenset({1})

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Rank"),
            self.tr("Word"),
            self.tr("Frequency"),
            self.tr("Range (articles)"),
            self.tr("Per 10,000 words"),
        )

    def values(self, row: WordRow) -> tuple[object, ...]:
        return (row.rank, row.word, row.freq, row.range, row.per_10k)

    def shown(self, row: WordRow) -> tuple[str, ...]:
        return (
            str(row.rank),
            visible_controls(row.word),
            f"{row.freq:,}",
            f"{row.range:,}",
            _number(row.per_10k, 2),
        )


class KeynessModel(_ValuesModel[KeyRow]):
    """WORD | FREQ A | FREQ B | PER 10,000 A | PER 10,000 B | LOG-LIKELIHOOD | P | LOG RATIO."""

    WORD, FREQ_A, FREQ_B, PER_A, PER_B, LL, P, RATIO = range(8)
    COLUMN_COUNT = 8
    TEXT_COLUMNS = frozenset({0})

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Word"),
            self.tr("Freq. A"),
            self.tr("Freq. B"),
            self.tr("Per 10,000 A"),
            self.tr("Per 10,000 B"),
            self.tr("Log-likelihood"),
            self.tr("p"),
            self.tr("Log ratio"),
        )

    def values(self, row: KeyRow) -> tuple[object, ...]:
        return (
            row.word,
            row.freq_a,
            row.freq_b,
            row.per_10k_a,
            row.per_10k_b,
            row.log_likelihood,
            row.p_value,
            row.log_ratio,
        )

    def shown(self, row: KeyRow) -> tuple[str, ...]:
        return (
            visible_controls(row.word),
            f"{row.freq_a:,}",
            f"{row.freq_b:,}",
            _number(row.per_10k_a, 2),
            _number(row.per_10k_b, 2),
            _number(row.log_likelihood, 2),
            f"{row.p_value:.2g}",
            _number(row.log_ratio, 2),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.isValid()
            and index.column() in (self.WORD, self.LL, self.RATIO)
        ):
            page = QApplication.palette().color(QPalette.ColorRole.Base)
            key_a = self._rows[index.row()].log_likelihood >= 0
            return line_on(KEY_A_COLOR if key_a else KEY_B_COLOR, page, READABLE)
        return super().data(index, role)


class CollocatesModel(_ValuesModel[CollocateRow]):
    """COLLOCATE | TOGETHER | LEFT | RIGHT | FREQUENCY | LOGDICE | MI | LOG-LIKELIHOOD."""

    WORD, TOGETHER, LEFT, RIGHT, FREQ, DICE, MI, LL = range(8)
    COLUMN_COUNT = 8
    TEXT_COLUMNS = frozenset({0})

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Collocate"),
            self.tr("Together"),
            self.tr("Left"),
            self.tr("Right"),
            self.tr("Frequency"),
            self.tr("logDice"),
            self.tr("MI"),
            self.tr("Log-likelihood"),
        )

    def values(self, row: CollocateRow) -> tuple[object, ...]:
        return (
            row.word,
            row.together,
            row.left,
            row.right,
            row.freq,
            row.log_dice,
            row.mi,
            row.log_likelihood,
        )

    def shown(self, row: CollocateRow) -> tuple[str, ...]:
        return (
            visible_controls(row.word),
            f"{row.together:,}",
            f"{row.left:,}",
            f"{row.right:,}",
            f"{row.freq:,}",
            _number(row.log_dice, 2),
            _number(row.mi, 2),
            _number(row.log_likelihood, 2),
        )


class PairLinesModel(RowsTableModel[PairContext]):
    """DATE | ARTICLE | BEFORE (right-aligned) | NODE … COLLOCATE | AFTER."""

    DATE, ARTICLE, BEFORE, HIT, AFTER = range(5)
    COLUMN_COUNT = 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Date"),
                self.tr("Article"),
                self.tr("Before"),
                self.tr("Term … collocate"),
                self.tr("After"),
            )[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == self.BEFORE:
            return _RIGHT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        line, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return tuple(
                visible_controls(v).replace("\n", " ⏎ ")
                for v in (shown_date(line.date), line.title, line.before, line.hit, line.after)
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.BEFORE, self.HIT, self.AFTER):
            return tooltip(f"{line.before}【{line.hit}】{line.after}")
        if role == Qt.ItemDataRole.ForegroundRole and column == self.HIT:
            page = QApplication.palette().color(QPalette.ColorRole.Base)
            return line_on(PASSAGE_COLOR, page, READABLE)
        if role == Qt.ItemDataRole.ForegroundRole and column in (self.BEFORE, self.AFTER):
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.BEFORE:
            return _RIGHT
        return None

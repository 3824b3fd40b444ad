"""The ledger's two tables: its entries (indicator × place × period) and one entry's values
with their source articles and sentences."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from hnreader.core.ledger.entries import LedgerEntry, LedgerValue
from hnreader.ui.common.contrast import READABLE, line_on
from hnreader.ui.common.date_text import shown_date
from hnreader.ui.common.plain_text import tooltip, visible_controls
from hnreader.ui.common.table_views import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
CONFLICT_COLOR = "#C0392B"
SETTLED_COLOR = "#2E7D32"


def _one_line(text: str) -> str:
    return visible_controls(text).replace("\n", " ⏎ ")


def _status_text(status: str) -> str:
    return {
        "conflict": QCoreApplication.translate("LedgerModels", "⚠ Conflict"),
        "resolved": QCoreApplication.translate("LedgerModels", "✓ Value marked correct"),
        "confirmed": QCoreApplication.translate("LedgerModels", "✓ Confirmed"),
        "": "",
    }[status]


def _how_text(how: str) -> str:
    return {
        "dictionary": QCoreApplication.translate("LedgerModels", "dictionary"),
        "project": QCoreApplication.translate("LedgerModels", "project's name"),
        "guessed": QCoreApplication.translate("LedgerModels", "guessed"),
        "sentence": QCoreApplication.translate("LedgerModels", "sentence"),
        "dateline": QCoreApplication.translate("LedgerModels", "dateline"),
        "article": QCoreApplication.translate("LedgerModels", "article"),
        "written": QCoreApplication.translate("LedgerModels", "year before it"),
        "relative": QCoreApplication.translate("LedgerModels", "relative year"),
        "": "—",
    }.get(how, how)


def _status_color(status: str) -> QColor | None:
    if not status:
        return None
    page = QApplication.palette().color(QPalette.ColorRole.Base)
    return line_on(CONFLICT_COLOR if status == "conflict" else SETTLED_COLOR, page, READABLE)


class LedgerEntryModel(RowsTableModel[LedgerEntry]):
    """INDICATOR | PLACE | PERIOD | VALUES (how many) | STATED (the values) | STATUS."""

    INDICATOR, PLACE, PERIOD, COUNT, STATED, STATUS = range(6)
    COLUMN_COUNT = 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Indicator"),
                self.tr("Place"),
                self.tr("Period"),
                self.tr("Values"),
                self.tr("Stated as"),
                self.tr("Status"),
            )[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.INDICATOR:
                return _one_line(entry.label) + (" ?" if entry.guessed else "")
            if column == self.PLACE:
                return _one_line(entry.place) or "—"
            if column == self.PERIOD:
                return entry.period or "—"
            if column == self.COUNT:
                return str(len(entry.values))
            if column == self.STATED:
                return _one_line(_stated(entry))
            return _status_text(entry.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.INDICATOR and entry.guessed:
                return tooltip(
                    self.tr(
                        "A name guessed from the words before the figures (not in the "
                        "indicator dictionary): add it as an indicator name or merge it into one"
                    )
                )
            if column == self.STATED:
                return tooltip(_stated(entry))
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.STATUS:
                return _status_color(entry.status)
            if column == self.INDICATOR and entry.guessed:
                return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def value_in_sentence(value: LedgerValue, before: int = 16, after: int = 30) -> str:
    """The sentence around the value, the value in 【】: …全省共减少贫困人口【747万】,6920个…"""
    start = value.start - value.sentence_start
    end = value.end - value.sentence_start
    sentence = value.sentence
    left = sentence[max(0, start - before) : start]
    right = sentence[end : end + after]
    return (
        ("…" if start > before else "")
        + left
        + f"【{sentence[start:end]}】"
        + right
        + ("…" if end + after < len(sentence) else "")
    )


def _stated(entry: LedgerEntry) -> str:
    """The distinct values as written, in order: 747万 · 767万."""
    return " · ".join(dict.fromkeys(v.text for v in entry.values))


class LedgerValueModel(RowsTableModel[LedgerValue]):
    """MARK | VALUE | DATE | ARTICLE | SENTENCE | FOUND AS | PLACE FROM | PERIOD FROM."""

    MARK, VALUE, DATE, ARTICLE, SENTENCE, FOUND, PLACE_FROM, PERIOD_FROM = range(8)
    COLUMN_COUNT = 8

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.entry: LedgerEntry | None = None

    def set_entry(self, entry: LedgerEntry | None) -> None:
        self.entry = entry
        self.set_rows(entry.values if entry is not None else ())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                "",
                self.tr("Value"),
                self.tr("Date"),
                self.tr("Article"),
                self.tr("Sentence"),
                self.tr("Found as"),
                self.tr("Place from"),
                self.tr("Period from"),
            )[section]
        return None

    def _mark(self, value: LedgerValue) -> str:
        """✓ for the value marked correct; in a conflict, ⚠ and its reading (A, B…)."""
        entry = self.entry
        if entry is None:
            return ""
        if entry.correct == value.key:
            return "✓"
        if value.key in entry.disagreeing:
            return "⚠ " + chr(ord("A") + min(entry.readings.get(value.key, 0), 25))
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        value, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self._mark(value),
                _one_line(value.text),
                visible_controls(shown_date(value.article_date)),
                _one_line(value.article_title),
                _one_line(value_in_sentence(value)),
                _one_line(value.written) + f" · {_how_text(value.how)}",
                _how_text(value.place_how),
                _how_text(value.period_how),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.SENTENCE:
                return tooltip(value.sentence)
            if column == self.ARTICLE:
                return tooltip(value.article_title)
            if column == self.MARK and self._mark(value).startswith("⚠"):
                return tooltip(
                    self.tr(
                        "Disagrees with another value of this entry; values with the same "
                        "letter agree with each other"
                    )
                )
            if column == self.MARK and self._mark(value) == "✓":
                return tooltip(self.tr("Marked as the correct value"))
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column in (self.MARK, self.VALUE):
            mark = self._mark(value)
            if mark:
                return _status_color("conflict" if mark.startswith("⚠") else "resolved")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.MARK:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

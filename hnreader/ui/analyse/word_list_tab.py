"""The Word List tab: words or 2–4-word clusters of the corpus or a subset, by frequency,
with range and frequency per 10,000 words; a row's words in context in the search panel."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.coding_analysis.corpus import CodingFilter
from hnreader.core.project import Project
from hnreader.core.wordstats.subsets import WordSubset
from hnreader.core.wordstats.tables import word_table
from hnreader.core.wordstats.wordlist import WordFilters, WordList, search_text
from hnreader.ui.analyse.retrieval_tab import empty_state
from hnreader.ui.analyse.word_subset_editor import WordSubsetEditor
from hnreader.ui.analyse.word_table_models import WordListModel
from hnreader.ui.common.table_views import set_up_list_table

Job = tuple[Callable[..., Any], Callable[[Any], None]]
# Rows a table of clusters shows at most (a large corpus has millions of distinct ones).
CLUSTER_ROWS = 20_000


class WordFilterRow(QWidget):
    """Min. length, min. frequency, leave out stop words / numbers / dates (shared by the tabs)."""

    changed = Signal()

    def __init__(self, min_freq: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.min_length = QSpinBox()
        self.min_length.setRange(1, 10)
        self.min_freq = QSpinBox()
        self.min_freq.setRange(1, 1_000_000)
        self.min_freq.setMaximumWidth(90)
        self.min_freq.setValue(min_freq)
        self.stop_words = QCheckBox(self.tr("Leave out stop words"))
        self.stop_words.setChecked(True)
        self.numbers = QCheckBox(self.tr("Leave out numbers"))
        self.numbers.setChecked(True)
        self.dates = QCheckBox(self.tr("Leave out dates"))
        self.dates.setToolTip(
            self.tr("Date and time units alone or after a numeral: 年, 月, 日, 3月, 2019年")
        )
        self.dates.setChecked(True)
        row.addWidget(QLabel(self.tr("Min. length")))
        row.addWidget(self.min_length)
        row.addWidget(QLabel(self.tr("Min. frequency")))
        row.addWidget(self.min_freq)
        row.addWidget(self.stop_words)
        row.addWidget(self.numbers)
        row.addWidget(self.dates)
        for spin in (self.min_length, self.min_freq):
            spin.editingFinished.connect(self.changed)
        self.stop_words.toggled.connect(self.changed)
        self.numbers.toggled.connect(self.changed)
        self.dates.toggled.connect(self.changed)

    def filters(self, stop_words: frozenset[str]) -> WordFilters:
        return WordFilters(
            min_length=self.min_length.value(),
            min_freq=self.min_freq.value(),
            stop_words=stop_words if self.stop_words.isChecked() else frozenset(),
            exclude_numbers=self.numbers.isChecked(),
            exclude_dates=self.dates.isChecked(),
        )


def results_table(model: Any, text_column: int) -> QTableView:
    """A read-only table over `model`, sorted by a click on a header (the model sorts); the
    numbers sit right next to the words (a stretched word column set them far apart)."""
    table = QTableView()
    table.setModel(model)
    set_up_list_table(table, multi_select=True)
    header = table.horizontalHeader()
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the result's own order
    table.setSortingEnabled(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    header.setDefaultSectionSize(120)
    table.setColumnWidth(text_column, 240)
    return table


def in_result_order(table: QTableView) -> None:
    """Show a new result in its own order (no column's sort indicator)."""
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)


class WordListTab(QWidget):
    """Words (or clusters) with frequency, range and per-10,000 frequency."""

    run_requested = Signal()
    export_requested = Signal(object, str)
    search_requested = Signal(str)  # a word or cluster to see in context
    stop_words_requested = Signal(list)  # words to add to the project's stop words
    edit_stop_words_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: WordList | None = None
        self.stop_words: frozenset[str] = frozenset()
        self.size = QComboBox()
        self.size.addItem(self.tr("Words"), 1)
        for n in (2, 3, 4):
            self.size.addItem(self.tr("Clusters of %1 words").replace("%1", str(n)), n)
        self.subset_editor = WordSubsetEditor()
        self.word_filters = WordFilterRow()
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.context_button = QPushButton(self.tr("Show in Context"))
        self.context_button.setToolTip(self.tr("Search for the selected word in the main window"))
        self.stop_button = QPushButton(self.tr("Add to Stop Words"))
        self.edit_stop_button = QPushButton(self.tr("Stop Words…"))
        self.export_button = QPushButton(self.tr("Export…"))
        for button in (self.context_button, self.stop_button, self.export_button):
            button.setEnabled(False)
        self.model = WordListModel(self)
        self.table = results_table(self.model, self.model.WORD)
        self.table.setColumnWidth(self.model.RANK, 70)
        self.table.setColumnWidth(self.model.RANGE, 140)
        self.table.setColumnWidth(self.model.PER, 150)
        self.hint = empty_state("")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.hint)
        self.stack.addWidget(self.table)
        top = QHBoxLayout()
        top.addWidget(self.size)
        top.addWidget(self.subset_editor)
        top.addStretch(1)
        second = QHBoxLayout()
        second.addWidget(self.word_filters)
        second.addStretch(1)
        second.addWidget(self.edit_stop_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.context_button)
        bottom.addWidget(self.stop_button)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addLayout(bottom)
        layout.addWidget(self.stack, 1)
        self.size.currentIndexChanged.connect(self.run_requested)
        self.subset_editor.changed.connect(self.run_requested)
        self.word_filters.changed.connect(self.run_requested)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.context_button.clicked.connect(self._show_in_context)
        self.stop_button.clicked.connect(self._add_stop_words)
        self.edit_stop_button.clicked.connect(self.edit_stop_words_requested)
        self.export_button.clicked.connect(self._export)
        self.show_hint(self.tr("Counting words…"))

    def problem(self) -> str:
        return self.subset_editor.problem()

    def job(self, base: CodingFilter, with_subtags: bool) -> Job:
        subset = self.subset_editor.subset(base, with_subtags)
        filters = self.word_filters.filters(self.stop_words)
        n = int(self.size.currentData())
        job = partial(_word_list, subset, filters, n, None if n == 1 else CLUSTER_ROWS)
        return job, self.show_list

    def show_hint(self, text: str) -> None:
        self.result = None
        self.model.set_rows([])
        self.summary.setText("")
        self.export_button.setEnabled(False)
        self.hint.setText(text)
        self.stack.setCurrentWidget(self.hint)

    def show_list(self, result: WordList) -> None:
        if not result.rows:
            self.show_hint(
                self.tr(
                    "No words to list: the text chosen is empty, or the filters leave "
                    "nothing (lower the minimum frequency or length)."
                )
            )
            return
        self.result = result
        self.model.set_rows(result.rows)
        in_result_order(self.table)
        kind = self.tr("words") if result.n == 1 else self.tr("clusters")
        self.summary.setText(
            self.tr("%1 distinct %2 · %3 running words in %4 articles")
            .replace("%1", f"{result.types:,}")
            .replace("%2", kind)
            .replace("%3", f"{result.total:,}")
            .replace("%4", f"{result.articles:,}")
            + (
                self.tr(" · the %1 most frequent shown").replace("%1", f"{len(result.rows):,}")
                if len(result.rows) < result.types
                else ""
            )
        )
        self.export_button.setEnabled(True)
        self.stack.setCurrentWidget(self.table)

    def selected_words(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row(r).word for r in rows]

    def _on_selection(self) -> None:
        words = self.selected_words()
        self.context_button.setEnabled(len(words) == 1)
        self.stop_button.setEnabled(bool(words) and self.result is not None and self.result.n == 1)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        self.search_requested.emit(search_text(self.model.row(index.row()).word))

    def _show_in_context(self) -> None:
        words = self.selected_words()
        if len(words) == 1:
            self.search_requested.emit(search_text(words[0]))

    def _add_stop_words(self) -> None:
        words = self.selected_words()
        if words:
            self.stop_words_requested.emit(words)

    def _export(self) -> None:
        if self.result is not None:
            self.export_requested.emit(word_table([self.result]), self.tr("word list"))


def _word_list(
    subset: WordSubset,
    filters: WordFilters,
    n: int,
    limit: int | None,
    project: Project,
    progress: Any,
    is_cancelled: Any,
) -> object:
    return project.word_list(
        subset, filters, n=n, limit=limit, progress=progress, is_cancelled=is_cancelled
    )

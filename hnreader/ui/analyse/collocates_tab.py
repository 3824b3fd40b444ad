"""The Collocates tab: words near a term, ranked by logDice, MI or log-likelihood; a
collocate's lines with the term below (double-click: open in the reader)."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.coding_analysis.corpus import CodingFilter
from hnreader.core.project import Project
from hnreader.core.wordstats.collocates import MAX_WINDOW, Collocates, PairContext
from hnreader.core.wordstats.subsets import WordSubset
from hnreader.core.wordstats.tables import collocate_table
from hnreader.core.wordstats.wordlist import WordFilters
from hnreader.ui.analyse.retrieval_tab import empty_state
from hnreader.ui.analyse.word_list_tab import Job, WordFilterRow, in_result_order, results_table
from hnreader.ui.analyse.word_subset_editor import WordSubsetEditor
from hnreader.ui.analyse.word_table_models import CollocatesModel, PairLinesModel
from hnreader.ui.common.plain_text import visible_controls
from hnreader.ui.common.table_views import set_up_list_table


class CollocatesTab(QWidget):
    run_requested = Signal()
    export_requested = Signal(object, str)
    lines_requested = Signal()  # a collocate was chosen: the window fetches its lines
    passage_activated = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: Collocates | None = None
        self.stop_words: frozenset[str] = frozenset()
        self.chosen: str | None = None
        self.term = QLineEdit()
        self.term.setPlaceholderText(self.tr("a word, e.g. 扶贫"))
        self.term.setMaximumWidth(180)
        self.window = QSpinBox()
        self.window.setRange(1, MAX_WINDOW)
        self.window.setValue(5)
        self.window.setSuffix(self.tr(" words"))
        self.measure = QComboBox()
        for measure, text in (
            ("logdice", self.tr("logDice")),
            ("mi", self.tr("Mutual information (MI)")),
            ("ll", self.tr("Log-likelihood")),
        ):
            self.measure.addItem(text, measure)
        self.together = QSpinBox()
        self.together.setRange(1, 100_000)
        self.together.setValue(2)
        self.subset_editor = WordSubsetEditor()
        self.word_filters = WordFilterRow(min_freq=2)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setEnabled(False)
        self.model = CollocatesModel(self)
        self.table = results_table(self.model, self.model.WORD)
        self.lines_model = PairLinesModel(self)
        self.lines = QTableView()
        self.lines.setModel(self.lines_model)
        set_up_list_table(self.lines)
        self.lines.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((90, 200, 260, 200)):
            self.lines.setColumnWidth(column, width)
        self.lines_label = QLabel()
        self.lines_label.setTextFormat(Qt.TextFormat.PlainText)
        self.hint = empty_state("")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.hint)
        lower = QWidget()
        lower_column = QVBoxLayout(lower)
        lower_column.setContentsMargins(0, 0, 0, 0)
        lower_column.addWidget(self.lines_label)
        lower_column.addWidget(self.lines, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setSizes([380, 220])
        self.stack.addWidget(splitter)
        self._results = splitter
        top = QHBoxLayout()
        for label, widget in (
            (self.tr("Term"), self.term),
            (self.tr("Window ±"), self.window),
            (self.tr("Rank by"), self.measure),
            (self.tr("Min. together"), self.together),
        ):
            top.addWidget(QLabel(label))
            top.addWidget(widget)
        top.addWidget(self.subset_editor)
        top.addStretch(1)
        second = QHBoxLayout()
        second.addWidget(self.word_filters)
        second.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addLayout(bottom)
        layout.addWidget(self.stack, 1)
        self.term.returnPressed.connect(self.run_requested)
        for spin in (self.window, self.together):
            spin.editingFinished.connect(self.run_requested)
        self.measure.currentIndexChanged.connect(self.run_requested)
        self.subset_editor.changed.connect(self.run_requested)
        self.word_filters.changed.connect(self.run_requested)
        self.table.clicked.connect(self._on_clicked)
        self.lines.doubleClicked.connect(self._on_line)
        self.export_button.clicked.connect(self._export)
        self.show_hint(
            self.tr("Type a word in Term and press Enter to see the words found near it.")
        )

    def problem(self) -> str:
        return self.subset_editor.problem()

    def has_term(self) -> bool:
        return bool(self.term.text().strip())

    def job(self, base: CodingFilter, with_subtags: bool) -> Job:
        subset = self.subset_editor.subset(base, with_subtags)
        filters = self.word_filters.filters(self.stop_words)
        job = partial(
            _collocates,
            self.term.text().strip(),
            subset,
            filters,
            self.window.value(),
            str(self.measure.currentData()),
            self.together.value(),
        )
        return job, self.show_collocates

    def lines_job(self, base: CodingFilter, with_subtags: bool) -> Job | None:
        if self.result is None or self.chosen is None:
            return None
        subset = self.subset_editor.subset(base, with_subtags)
        job = partial(_lines, self.result.term, self.chosen, subset, self.result.window)
        return job, self.show_lines

    def show_hint(self, text: str) -> None:
        self.result = None
        self.model.set_rows([])
        self.lines_model.set_rows([])
        self.summary.setText("")
        self.export_button.setEnabled(False)
        self.hint.setText(text)
        self.stack.setCurrentWidget(self.hint)

    def show_collocates(self, result: Collocates) -> None:
        if not result.rows:
            self.show_hint(
                self.tr(
                    "No collocates of “%1”: it occurs %2 time(s) as a whole word here. Try "
                    "another word, a wider window or lower minimums."
                )
                .replace("%1", visible_controls(result.term))
                .replace("%2", str(result.node_freq))
            )
            return
        self.result = result
        self.chosen = None
        self.model.set_rows(result.rows)
        in_result_order(self.table)
        self.lines_model.set_rows([])
        self.lines_label.setText(self.tr("Click a collocate to see its lines with the term."))
        self.summary.setText(
            self.tr("“%1”: %2 occurrences, %3 collocates within %4 words")
            .replace("%1", visible_controls(result.term))
            .replace("%2", f"{result.node_freq:,}")
            .replace("%3", f"{len(result.rows):,}")
            .replace("%4", str(result.window))
        )
        self.export_button.setEnabled(True)
        self.stack.setCurrentWidget(self._results)

    def show_lines(self, lines: list[PairContext]) -> None:
        self.lines_model.set_rows(lines)
        self.lines_label.setText(
            self.tr("%1 line(s) of “%2” with “%3” — double-click one to open it")
            .replace("%1", str(len(lines)))
            .replace("%2", visible_controls(self.result.term if self.result else ""))
            .replace("%3", visible_controls(self.chosen or ""))
        )

    def _on_clicked(self, index: QModelIndex) -> None:
        if self.result is None:
            return
        self.chosen = self.model.row(index.row()).word
        self.lines_requested.emit()

    def _on_line(self, index: QModelIndex) -> None:
        line = self.lines_model.row(index.row())
        self.passage_activated.emit(line.article_id, line.start, line.end)

    def _export(self) -> None:
        if self.result is not None:
            self.export_requested.emit(collocate_table(self.result), self.tr("collocates"))


def _collocates(
    term: str,
    subset: WordSubset,
    filters: WordFilters,
    window: int,
    measure: str,
    together: int,
    project: Project,
    progress: Any,
    is_cancelled: Any,
) -> object:
    return project.collocates(
        term,
        subset,
        filters,
        window=window,
        measure=measure,
        min_together=together,
        progress=progress,
        is_cancelled=is_cancelled,
    )


def _lines(
    term: str,
    collocate: str,
    subset: WordSubset,
    window: int,
    project: Project,
    progress: Any,
    is_cancelled: Any,
) -> object:
    return project.collocate_lines(
        term, collocate, subset, window=window, progress=progress, is_cancelled=is_cancelled
    )

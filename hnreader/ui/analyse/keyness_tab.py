"""The Keyness tab: words key in subset A against subset B (log-likelihood, log ratio)."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.coding_analysis.corpus import CodingFilter
from hnreader.core.project import Project
from hnreader.core.wordstats.keyness import Keyness
from hnreader.core.wordstats.subsets import WordSubset
from hnreader.core.wordstats.tables import keyness_table
from hnreader.core.wordstats.wordlist import WordFilters
from hnreader.ui.analyse.retrieval_tab import empty_state
from hnreader.ui.analyse.word_list_tab import Job, WordFilterRow, in_result_order, results_table
from hnreader.ui.analyse.word_subset_editor import WordSubsetEditor
from hnreader.ui.analyse.word_table_models import KEY_A_COLOR, KEY_B_COLOR, KeynessModel


class KeynessTab(QWidget):
    """A and B each: dates and a tag on top of the shared filters; B may be the whole corpus."""

    run_requested = Signal()
    export_requested = Signal(object, str)
    search_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: Keyness | None = None
        self.stop_words: frozenset[str] = frozenset()
        self.a = WordSubsetEditor(with_dates=True)
        self.b = WordSubsetEditor(with_dates=True)
        self.whole = QCheckBox(self.tr("B is the whole corpus"))
        self.whole.setChecked(True)
        self.b.setEnabled(False)
        self.word_filters = WordFilterRow(min_freq=5)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.PlainText)
        self.legend.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setEnabled(False)
        self.model = KeynessModel(self)
        self.table = results_table(self.model, self.model.WORD)
        self.hint = empty_state("")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.hint)
        self.stack.addWidget(self.table)
        row_a, row_b = QHBoxLayout(), QHBoxLayout()
        label_a, label_b = QLabel(self.tr("A")), QLabel(self.tr("B"))
        for label, color in ((label_a, KEY_A_COLOR), (label_b, KEY_B_COLOR)):
            label.setStyleSheet(f"font-weight: bold; color: {color};")
        row_a.addWidget(label_a)
        row_a.addWidget(self.a)
        row_a.addStretch(1)
        row_b.addWidget(label_b)
        row_b.addWidget(self.whole)
        row_b.addWidget(self.b)
        row_b.addStretch(1)
        filters = QHBoxLayout()
        filters.addWidget(self.word_filters)
        filters.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row_a)
        layout.addLayout(row_b)
        layout.addLayout(filters)
        layout.addWidget(self.legend)
        layout.addLayout(bottom)
        layout.addWidget(self.stack, 1)
        self.legend.setText(
            self.tr(
                "Blue rows are more frequent in A, orange rows in B. Log-likelihood above "
                "3.84 means p < 0.05, above 10.83 p < 0.001; log ratio is the binary log of "
                "how many times more frequent (1 = twice, 2 = four times). Double-click a "
                "word to see it in context."
            )
        )
        for editor in (self.a, self.b):
            editor.changed.connect(self.run_requested)
        self.whole.toggled.connect(self._on_whole)
        self.word_filters.changed.connect(self.run_requested)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.export_button.clicked.connect(self._export)
        self.show_hint(
            self.tr("Choose subset A (dates, a tag) to compare with B or the whole corpus.")
        )

    def _on_whole(self, whole: bool) -> None:
        self.b.setEnabled(not whole)
        self.run_requested.emit()

    def problem(self) -> str:
        return self.a.problem() or ("" if self.whole.isChecked() else self.b.problem())

    def job(self, base: CodingFilter, with_subtags: bool) -> Job:
        a = self.a.subset(base, with_subtags)
        b = WordSubset() if self.whole.isChecked() else self.b.subset(base, with_subtags)
        filters = self.word_filters.filters(self.stop_words)
        return partial(_keyness, a, b, filters), self.show_keyness

    def show_hint(self, text: str) -> None:
        self.result = None
        self.model.set_rows([])
        self.summary.setText("")
        self.export_button.setEnabled(False)
        self.hint.setText(text)
        self.stack.setCurrentWidget(self.hint)

    def show_keyness(self, result: Keyness) -> None:
        if not result.rows:
            self.show_hint(self.tr("No word passes the filters in A or B."))
            return
        self.result = result
        self.model.set_rows(result.rows)
        in_result_order(self.table)
        self.summary.setText(
            self.tr("A: %1 running words in %2 articles · B: %3 in %4")
            .replace("%1", f"{result.total_a:,}")
            .replace("%2", f"{result.articles_a:,}")
            .replace("%3", f"{result.total_b:,}")
            .replace("%4", f"{result.articles_b:,}")
        )
        self.export_button.setEnabled(True)
        self.stack.setCurrentWidget(self.table)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        self.search_requested.emit(self.model.row(index.row()).word)

    def _export(self) -> None:
        if self.result is not None:
            self.export_requested.emit(keyness_table(self.result), self.tr("keyness"))


def _keyness(
    a: WordSubset,
    b: WordSubset,
    filters: WordFilters,
    project: Project,
    progress: Any,
    is_cancelled: Any,
) -> object:
    return project.keyness(a, b, filters, progress=progress, is_cancelled=is_cancelled)

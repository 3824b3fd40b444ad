"""The Analyse window: the shared filters over Retrieve, Code Matrix, Co-occurrence, Word
List, Keyness, Collocates and Trends tabs, each computed in the background with progress and
Cancel."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.coding_analysis.corpus import AnalysisCancelled, CodingFilter
from hnreader.core.export.csv_writer import ExportCancelled
from hnreader.core.project import Project
from hnreader.ui.analyse.analysis_filter_bar import AnalysisFilterBar
from hnreader.ui.analyse.collocates_tab import CollocatesTab
from hnreader.ui.analyse.cooccurrence_tab import CooccurrenceTab
from hnreader.ui.analyse.keyness_tab import KeynessTab
from hnreader.ui.analyse.matrix_tab import MatrixTab
from hnreader.ui.analyse.retrieval_tab import RetrievalTab
from hnreader.ui.analyse.stop_words_dialog import StopWordsDialog
from hnreader.ui.analyse.trends_tab import ChartRequest, TrendsTab
from hnreader.ui.analyse.word_list_tab import WordListTab
from hnreader.ui.common.plain_text import visible_controls, window_title
from hnreader.ui.common.table_files import ask_table_path
from hnreader.ui.common.worker import Worker
from hnreader.ui.project.project_controller import ProjectController

RETRIEVE, MATRIX, COOCCURRENCE = "retrieve", "matrix", "cooccurrence"
WORDLIST, KEYNESS, COLLOCATES = "wordlist", "keyness", "collocates"
TRENDS = "trends"
NAMES = (RETRIEVE, MATRIX, COOCCURRENCE, WORDLIST, KEYNESS, COLLOCATES, TRENDS)  # tab order
WORD_TABS = {WORDLIST, KEYNESS, COLLOCATES}


class AnalyseWindow(QWidget):
    """One project's analyses of its codes, in a window of its own beside the main one."""

    passage_activated = Signal(int, int, int)  # article id, start, end: open in the reader
    result_shown = Signal()  # a background job's result (or an export) reached its tab
    search_requested = Signal(str)  # a word to see in context in the main window's search

    def __init__(self, controller: ProjectController, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.controller = controller
        self.setWindowTitle(
            window_title(self.tr("Analyse — %1").replace("%1", controller.project.path.stem))
        )
        self.resize(QSize(1280, 760))
        self._worker: Worker | None = None
        self._stale = set(NAMES)
        self.filters = AnalysisFilterBar()
        self.retrieval = RetrievalTab(self.filters)
        self.matrix = MatrixTab()
        self.cooccurrence = CooccurrenceTab()
        self.word_list = WordListTab()
        self.keyness = KeynessTab()
        self.collocates = CollocatesTab()
        self.trends = TrendsTab()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.retrieval, self.tr("Retrieve"))
        self.tabs.addTab(self.matrix, self.tr("Code Matrix"))
        self.tabs.addTab(self.cooccurrence, self.tr("Co-occurrence"))
        self.tabs.addTab(self.word_list, self.tr("Word List"))
        self.tabs.addTab(self.keyness, self.tr("Keyness"))
        self.tabs.addTab(self.collocates, self.tr("Collocates"))
        self.tabs.addTab(self.trends, self.tr("Trends"))
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(240)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self._set_busy(False)

        self.filters.changed.connect(self._on_filters_changed)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.cancel_button.clicked.connect(self.cancel)
        self.retrieval.run_requested.connect(self._on_query_changed)
        self.matrix.run_requested.connect(self._on_query_changed)
        self.cooccurrence.run_requested.connect(self._on_query_changed)
        self.trends.run_requested.connect(self._on_query_changed)
        self.trends.passage_activated.connect(self.passage_activated)
        self.retrieval.passage_activated.connect(self.passage_activated)
        self.matrix.cell_requested.connect(self._retrieve_cell)
        self.cooccurrence.pair_requested.connect(self._retrieve_pair)
        for tab in (
            self.retrieval,
            self.matrix,
            self.cooccurrence,
            self.word_list,
            self.keyness,
            self.collocates,
            self.trends,
        ):
            tab.export_requested.connect(self.export)
        for word_tab in (self.word_list, self.keyness, self.collocates):
            word_tab.run_requested.connect(self._on_query_changed)
        self.word_list.search_requested.connect(self.search_requested)
        self.keyness.search_requested.connect(self.search_requested)
        self.word_list.stop_words_requested.connect(self._add_stop_words)
        self.word_list.edit_stop_words_requested.connect(self.edit_stop_words)
        self.collocates.lines_requested.connect(self._show_collocate_lines)
        self.collocates.passage_activated.connect(self.passage_activated)
        controller.stop_words_changed.connect(self._on_project_changed)
        controller.dictionary_changed.connect(self._on_project_changed)
        controller.tags_changed.connect(self._on_project_changed)
        controller.annotations_changed.connect(self._on_project_changed)
        controller.articles_changed.connect(self._on_project_changed)
        self._load_choices()

    @property
    def project(self) -> Project:
        return self.controller.project

    # -- what to show

    def show_tab(self, name: str) -> None:
        """Bring the window up at one of its tabs (one of NAMES)."""
        self.tabs.setCurrentIndex(NAMES.index(name))
        self.show()
        self.raise_()
        self.activateWindow()
        self._run_current()

    def current_name(self) -> str:
        return NAMES[self.tabs.currentIndex()]

    def _load_choices(self) -> None:
        self.filters.set_choices(self.project.variables(), self.project.coders())
        self.matrix.set_variables(self.project.variables())
        self.retrieval.set_tags(self.project.tags())
        self.trends.set_tags(self.project.tags())
        tags = self.project.tags()
        stop_words = self.project.stop_words()
        publications = self.project.publications()
        for editor in (
            self.word_list.subset_editor,
            self.keyness.a,
            self.keyness.b,
            self.collocates.subset_editor,
        ):
            editor.set_tags(tags)
            editor.set_publications(publications)
        for word_tab in (self.word_list, self.keyness, self.collocates):
            word_tab.stop_words = stop_words

    def _on_project_changed(self, *_args: object) -> None:
        self._load_choices()
        self._stale = set(NAMES)
        if self.isVisible():
            self._run_current()

    def _on_filters_changed(self) -> None:
        self._stale = set(NAMES)
        self._run_current()

    def _on_query_changed(self) -> None:
        self._stale.add(self.current_name())
        self._run_current()

    def _on_tab_changed(self, _index: int) -> None:
        self._run_current()

    def _retrieve_cell(self, tag_id: int, article_ids: Sequence[int]) -> None:
        self.tabs.setCurrentWidget(self.retrieval)
        self.retrieval.query([tag_id], "any", article_ids)

    def _retrieve_pair(self, tag_a: int, tag_b: int, scope: str) -> None:
        self.tabs.setCurrentWidget(self.retrieval)
        mode = "any" if tag_a == tag_b else scope
        self.retrieval.query([tag_a, tag_b], mode, None)

    # -- running

    def _run_current(self) -> None:
        name = self.current_name()
        if name not in self._stale:
            return
        problem = self.filters.problem()
        if problem:
            self.status.setText(problem)
            return
        with_subtags = self.filters.with_subtags()
        if name in WORD_TABS:
            self._run_word_tab(name, with_subtags)
            return
        self._stale.discard(name)
        if name == RETRIEVE:
            tag_ids = self.retrieval.ticked_tags()
            if not tag_ids:
                self.cancel()
                self.retrieval.clear()
                return
            selection = self.filters.selection(self.retrieval.article_ids)
            job: Callable[..., Any] = partial(
                _retrieve, tag_ids, self.retrieval.mode_value(), with_subtags, selection
            )
            self._start(job, self.retrieval.show_passages)
        elif name == MATRIX:
            job = partial(
                _matrix,
                self.matrix.by_value(),
                self.matrix.measure_value(),
                with_subtags,
                self.filters.selection(),
            )
            self._start(job, self.matrix.show_matrix)
        elif name == TRENDS:
            request = self.trends.request()
            if request is None:
                self.cancel()
                return
            job = partial(_trends, request, with_subtags, self.filters.selection())
            self._start(job, self.trends.show_result)
        else:
            job = partial(
                _cooccurrence,
                self.cooccurrence.scope_value(),
                with_subtags,
                self.filters.selection(),
            )
            self._start(job, self.cooccurrence.show_result)

    def _run_word_tab(self, name: str, with_subtags: bool) -> None:
        tab = {WORDLIST: self.word_list, KEYNESS: self.keyness, COLLOCATES: self.collocates}[name]
        problem = tab.problem()
        if problem:
            self.status.setText(problem)
            return
        self._stale.discard(name)
        if tab is self.collocates and not self.collocates.has_term():
            self.cancel()
            return
        job, done = tab.job(self.filters.selection(), with_subtags)
        self._start(job, done, self.tr("Counting words…"))

    def _show_collocate_lines(self) -> None:
        job = self.collocates.lines_job(self.filters.selection(), self.filters.with_subtags())
        if job is not None:
            self._start(*job, self.tr("Finding the lines…"))

    def _add_stop_words(self, words: list[str]) -> None:
        self.controller.run(partial(self.project.set_stop_words, words, True))

    def edit_stop_words(self) -> None:
        dialog = StopWordsDialog(self.project.stop_words(), self)
        if dialog.exec() != StopWordsDialog.DialogCode.Accepted:
            return
        if dialog.added():
            self.controller.run(partial(self.project.set_stop_words, dialog.added(), True))
        if dialog.removed():
            self.controller.run(partial(self.project.set_stop_words, dialog.removed(), False))

    def _start(
        self, job: Callable[..., Any], done: Callable[[Any], None], message: str = ""
    ) -> None:
        self.cancel()
        worker = Worker.for_project(self.project, partial(_unless_cancelled, job))
        worker.signals.progressed.connect(self._on_progress)
        worker.signals.finished.connect(partial(self._on_finished, worker, done))
        worker.signals.failed.connect(partial(self._on_failed, worker))
        self._worker = worker
        default = (
            self.tr("Counting for the chart…")
            if self.current_name() == TRENDS
            else self.tr("Analysing the codes…")
        )
        self.status.setText(message or default)
        self._set_busy(True)
        worker.start()

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self._stale.add(self.current_name())
        self._worker = None
        self._set_busy(False)

    def is_busy(self) -> bool:
        return self._worker is not None

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)

    def _on_progress(self, done: int, total: int, _stage: str, _item: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _on_finished(self, worker: Worker, done: Callable[[Any], None], result: object) -> None:
        if worker is not self._worker:
            return  # replaced or cancelled meanwhile
        self._worker = None
        self._set_busy(False)
        self.status.setText("")
        done(result)
        self.result_shown.emit()

    def _on_failed(self, worker: Worker, message: str, _details: str) -> None:
        if worker is not self._worker:
            return
        self._worker = None
        self._set_busy(False)
        self.status.setText(
            self.tr("The analysis could not be run: %1").replace("%1", visible_controls(message))
        )
        self.result_shown.emit()

    # -- export

    def export(self, table: object, suggested: str) -> None:
        path = ask_table_path(self, self.tr("Export Table"), suggested)
        if path is not None:
            self.export_to(path, table)

    def export_to(self, path: Path, table: object) -> None:
        self._start(partial(_export, path, table), partial(self._exported, path))

    def _exported(self, path: Path, count: object) -> None:
        self.status.setText(
            self.tr("Wrote %n row(s) to %1", "", int(count)).replace(  # type: ignore[call-overload]
                "%1", visible_controls(str(path))
            )
        )


def _unless_cancelled(job: Callable[..., Any], *args: Any, **kwargs: Any) -> object:
    """The job's result, or None when it was cancelled (nobody waits for it then: a
    cancel is not a failure to log)."""
    try:
        return job(*args, **kwargs)
    except (AnalysisCancelled, ExportCancelled):
        return None


def _retrieve(
    tag_ids: Sequence[int],
    mode: str,
    with_subtags: bool,
    selection: CodingFilter,
    project: Project,
    progress: Any,
    is_cancelled: Any,
) -> object:
    return project.retrieve_passages(
        tag_ids,
        mode,
        with_subtags=with_subtags,
        selection=selection,
        progress=progress,
        is_cancelled=is_cancelled,
    )


def _matrix(
    by: str,
    measure: str,
    with_subtags: bool,
    selection: CodingFilter,
    project: Project,
    progress: Any,
    is_cancelled: Any,
) -> object:
    return project.code_matrix(
        by,
        measure,
        with_subtags=with_subtags,
        selection=selection,
        progress=progress,
        is_cancelled=is_cancelled,
    )


def _cooccurrence(
    scope: str,
    with_subtags: bool,
    selection: CodingFilter,
    project: Project,
    progress: Any,
    is_cancelled: Any,
) -> object:
    return project.tag_cooccurrence(
        scope,
        with_subtags=with_subtags,
        selection=selection,
        progress=progress,
        is_cancelled=is_cancelled,
    )


def _trends(
    request: ChartRequest,
    with_subtags: bool,
    selection: CodingFilter,
    project: Project,
    progress: Any,
    is_cancelled: Any,
) -> object:
    # matplotlib is imported and its fonts found here, off the GUI thread (≈ 1 s, several on
    # a first run that builds matplotlib's font cache)
    from hnreader.charts.fonts import setup

    setup()
    import matplotlib.backends.backend_qtagg  # noqa: F401

    options = {"selection": selection, "progress": progress, "is_cancelled": is_cancelled}
    if request.kind == "dispersion":
        data: object = project.term_dispersion(
            request.terms, whole_words=request.whole_words, **options
        )
    elif request.kind == "tags":
        data = project.tag_frequencies(
            by_coder=request.by_coder,
            with_subtags=with_subtags,
            tag_ids=request.tag_ids or None,
            **options,
        )
    elif request.terms:
        data = project.term_trend(
            request.terms, request.by, whole_words=request.whole_words, **options
        )
    else:
        data = project.tag_trend(request.tag_ids, request.by, with_subtags=with_subtags, **options)
    return request, data


def _export(path: Path, table: Any, project: Project, progress: Any, is_cancelled: Any) -> int:
    return project.export_table(path, table, is_cancelled=is_cancelled)

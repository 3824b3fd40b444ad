"""Corpus search: the query bar, its segmentation, and the hits as a KWIC concordance.

Hits are listed a page of articles at a time in corpus order: the first page at once, the next
ones when the table is scrolled to its end (or Show More is clicked). When the first page is not
the whole result, the exact totals are counted in the background.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import partial

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.models import HnreaderError, SearchResult
from hnreader.core.project import Project
from hnreader.ui.codebook.tag_dialogs import TagHitsDialog
from hnreader.ui.common.plain_text import visible_controls
from hnreader.ui.common.settings import Settings
from hnreader.ui.common.table_views import set_up_list_table
from hnreader.ui.common.worker import Worker
from hnreader.ui.library.library_panel import quiet_label
from hnreader.ui.project.project_controller import ProjectController
from hnreader.ui.search.hit_scope import scope_spans
from hnreader.ui.search.kwic_table_model import KwicTableModel, kwic_rows

log = logging.getLogger(__name__)

PAGE_SIZE = 200  # articles listed at first, and added by each further page
SEGMENT_DELAY_MS = 150
SEARCH_DELAY_MS = 350
SYNC_ARTICLE_LIMIT = 200  # up to this many articles a page takes < ~0.2 s on the GUI thread
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def background_search(
    project: Project,
    query: str,
    whole_words: bool,
    limit: int,
    after: int = 0,
    progress=None,
    is_cancelled=None,
) -> SearchResult:
    """List a page on its own connection (SQLite connections stay in their thread)."""
    with project.open_for_thread() as own:
        return own.search(query, whole_words=whole_words, limit=limit, after=after)


def background_count(
    project: Project,
    query: str,
    whole_words: bool,
    progress=None,
    is_cancelled=None,
) -> tuple[int, int] | None:
    """The exact (hits, articles) of a search on its own connection; None when cancelled."""
    with project.open_for_thread() as own:
        return own.count_matches(query, whole_words=whole_words, is_cancelled=is_cancelled)


@dataclass
class _PageJob:
    """A page being listed in the background."""

    worker: Worker
    query: str
    whole_words: bool
    first: bool  # the first page of a new search (else the next page of the listed one)


class _ElideLeftDelegate(QStyledItemDelegate):
    """Left context keeps its end (the words next to the hit) when the column is narrow."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft


class SearchPanel(QWidget):
    """Search the corpus; double-click or Enter on a hit emits `hit_activated`."""

    hit_activated = Signal(int, int, int)  # article id, start, end (code points)
    results_changed = Signal()  # new results: the reader may re-ask `spans_for`

    def __init__(
        self, controller: ProjectController, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self.page_size = PAGE_SIZE
        self.sync_article_limit = SYNC_ARTICLE_LIMIT
        self._result: SearchResult | None = None  # every page listed so far, totals if known
        self._whole_words = False  # the option the listed result was searched with
        self._spans: dict[int, list[tuple[int, int]]] = {}  # listed and looked-up articles
        self._page_job: _PageJob | None = None
        self._count_worker: Worker | None = None
        self._last_scope = "sentence"

        self.query_edit = QLineEdit()
        self.query_edit.setPlaceholderText(self.tr("Search the corpus (Ctrl+F)"))
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.setToolTip(
            self.tr(
                "Words separated by spaces must all occur: 扶贫 产业\n"
                '"a phrase" is searched exactly as typed: "脱贫攻坚"\n'
                "-word excludes articles containing it: 扶贫 -旅游\n"
                "A OR B accepts either: 乡村 OR 农村\n"
                "Everything else (*, :, NOT, brackets) is ordinary text."
            )
        )
        self.whole_words_check = QCheckBox(self.tr("&Whole words"))
        self.whole_words_check.setToolTip(
            self.tr("Only hits that are words of their own (扶贫 but not 扶贫办)")
        )
        self.tag_button = QPushButton(self.tr("Tag Hits…"))
        self.tag_button.setToolTip(
            self.tr(
                "Tag the selected hits (or all listed hits) with their hit, clause, "
                "sentence or paragraph"
            )
        )
        self.tag_button.setEnabled(False)
        self.segments_label = QLabel()
        self.segments_label.setTextFormat(Qt.TextFormat.PlainText)
        self.segments_label.setToolTip(self.tr("How the query is segmented into words"))
        quiet_label(self.segments_label)
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setObjectName("searchStatus")
        self.more_button = QToolButton()
        self.more_button.setText(self.tr("Show More"))
        self.more_button.setToolTip(
            self.tr("List the hits of more articles (scrolling to the end of the list does too)")
        )
        self.more_button.setVisible(False)
        # The row keeps its height whether the button shows or not: the table does not jump.
        self.status_label.setMinimumHeight(self.more_button.sizeHint().height())

        self.model = KwicTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(KwicTableModel.LEFT, _ElideLeftDelegate(self.table))
        set_up_list_table(self.table, multi_select=True)
        header = self.table.horizontalHeader()
        # No sort column at first: the hits stay in corpus order, the order pages come in.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        header.setSectionResizeMode(KwicTableModel.LEFT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(KwicTableModel.HIT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(KwicTableModel.RIGHT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(KwicTableModel.ARTICLE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(KwicTableModel.DATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setHighlightSections(False)
        self.table.setColumnWidth(KwicTableModel.ARTICLE, 200)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.query_edit, 1)
        bar.addWidget(self.whole_words_check)
        bar.addWidget(self.tag_button)
        info = QHBoxLayout()
        info.setContentsMargins(2, 0, 2, 0)
        info.addWidget(self.segments_label, 1)
        info.addWidget(self.status_label)
        info.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addLayout(info)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.query_edit)

        self._segment_timer = QTimer(self, singleShot=True, interval=SEGMENT_DELAY_MS)
        self._segment_timer.timeout.connect(self.update_segmentation)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search)
        self.query_edit.textChanged.connect(self._query_edited)
        self.query_edit.returnPressed.connect(self.search)
        self.query_edit.installEventFilter(self)
        self.whole_words_check.toggled.connect(self._whole_words_toggled)
        self.tag_button.clicked.connect(self.tag_selected_hits)
        self.more_button.clicked.connect(self.load_more)
        self.table.doubleClicked.connect(self._activate)
        self.table.installEventFilter(self)
        self.table.verticalScrollBar().valueChanged.connect(self._scrolled)
        controller.articles_changed.connect(self._corpus_changed)
        controller.dictionary_changed.connect(self._corpus_changed)
        self._show_status("")

    # -- public API

    def focus_search(self) -> None:
        self.query_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query_edit.selectAll()

    def set_query(self, query: str) -> None:
        self.query_edit.setText(query)
        self.search()

    def result(self) -> SearchResult | None:
        """The pages listed so far as one result (totals set once known)."""
        return self._result

    def can_load_more(self) -> bool:
        result = self._result
        return result is not None and not result.message and not result.complete

    def is_loading(self) -> bool:
        """A page (the first of a search or the next one) is being listed in the background."""
        return self._page_job is not None

    def is_counting(self) -> bool:
        """The totals of the listed result are being counted in the background."""
        return self._count_worker is not None

    def spans_for(self, article_id: int) -> list[tuple[int, int]]:
        """The hits of the current search in one article, for the reader to highlight.

        Articles not listed yet are searched on their own (one row: cheap)."""
        spans = self._spans.get(article_id)
        if spans is None:
            spans = self._look_up_spans(article_id)
        return list(spans)

    def _look_up_spans(self, article_id: int) -> list[tuple[int, int]]:
        result = self._result
        # Pages are in id order: every article up to `next_after` was read, and those with
        # hits are listed already.
        if not self.can_load_more() or result is None or article_id <= result.next_after:
            return []
        try:
            hits = self.controller.project.search_article(
                result.query, article_id, whole_words=self._whole_words
            )
        except Exception:  # highlighting is a convenience: never take the reader down
            log.exception("searching article %s for %r failed", article_id, result.query)
            return []
        spans = [] if hits is None else [(h.start, h.end) for h in hits.hits]
        self._spans[article_id] = spans
        return spans

    # -- searching

    def _query_edited(self, _text: str) -> None:
        self._segment_timer.start()
        self._search_timer.start()

    def _whole_words_toggled(self, _checked: bool) -> None:
        if self.query_edit.text().strip():
            self.search()

    def _corpus_changed(self) -> None:
        self.update_segmentation()
        if self._result is not None and self.query_edit.text().strip():
            self.search()

    def update_segmentation(self) -> None:
        text = self.query_edit.text()
        if not text.strip():
            self.segments_label.clear()
            return
        segmentation = self.controller.project.query_segmentation(text)
        if segmentation is None:
            self.segments_label.clear()
            return
        words, excluded_terms = segmentation
        parts = [" | ".join(term) for term in words]
        excluded = [f"−{term}" for term in excluded_terms]
        self.segments_label.setText(visible_controls("   ·   ".join(parts + excluded)))

    def search(self) -> None:
        """Run the query now (typing runs it after a short pause)."""
        self._search_timer.stop()
        self._segment_timer.stop()
        self.update_segmentation()
        self._cancel_page()
        self._cancel_count()
        query = self.query_edit.text()
        if not query.strip():
            self._set_result(None)
            return
        whole_words = self.whole_words_check.isChecked()
        if self._pages_on_gui_thread():
            self._set_result(self._page_now(query, whole_words), whole_words)
            return
        self._start_page(query, whole_words, after=0)
        self._show_status(self.tr("Searching…"))

    def load_more(self) -> None:
        """List the next page of the current result (scrolling to the end does it too)."""
        result = self._result
        if result is None or not self.can_load_more() or self._page_job is not None:
            return
        if self._pages_on_gui_thread():
            self._append_page(self._page_now(result.query, self._whole_words, result.next_after))
            return
        self._start_page(result.query, self._whole_words, after=result.next_after)

    def _scrolled(self, value: int) -> None:
        if value > 0 and value >= self.table.verticalScrollBar().maximum():
            self.load_more()

    def _pages_on_gui_thread(self) -> bool:
        return self.controller.project.article_count() <= self.sync_article_limit

    def _page_now(self, query: str, whole_words: bool, after: int = 0) -> SearchResult:
        try:
            return self.controller.project.search(
                query, whole_words=whole_words, limit=self.page_size, after=after
            )
        except HnreaderError as error:
            return SearchResult(query, (), 0, 0, (), message=str(error))
        except Exception as error:  # a search must never take the app down; details logged
            log.exception("search failed for %r", query)
            message = self.tr("The search failed: %1").replace("%1", str(error))
            return SearchResult(query, (), 0, 0, (), message=message)

    def _start_page(self, query: str, whole_words: bool, after: int) -> None:
        project = self.controller.project
        worker = Worker(
            partial(
                background_search,
                project,
                query,
                whole_words,
                self.page_size,
                after,
            )
        )
        worker.signals.finished.connect(self._page_finished)
        worker.signals.failed.connect(self._page_failed)
        self._page_job = _PageJob(worker, query, whole_words, first=after == 0)
        self._update_more_button()
        worker.start()

    def _current_page_job(self) -> _PageJob | None:
        """The job whose worker sent the signal, unless a newer page or search replaced it."""
        job = self._page_job
        if job is None or self.sender() is not job.worker.signals:
            return None
        self._page_job = None
        return job

    def _page_finished(self, result: object) -> None:
        job = self._current_page_job()
        if job is None or not isinstance(result, SearchResult):
            return
        if job.first:
            self._set_result(result, job.whole_words)
        else:
            self._append_page(result)

    def _page_failed(self, message: str, _details: str) -> None:
        job = self._current_page_job()
        if job is None:
            return
        failed = self.tr("The search failed: %1").replace("%1", message)
        error = SearchResult(job.query, (), 0, 0, (), message=failed)
        if job.first:
            self._set_result(error, job.whole_words)
        else:
            self._append_page(error)

    def _cancel_page(self) -> None:
        if self._page_job is not None:
            self._page_job.worker.cancel()
            self._page_job = None

    def _set_result(self, result: SearchResult | None, whole_words: bool = False) -> None:
        """Show the first page of a new search (or nothing)."""
        self._result = result
        self._whole_words = whole_words
        self._spans = {}
        if result is not None:
            self._remember_spans(result)
        self.model.set_rows(kwic_rows(result.articles) if result else [])
        self.table.scrollToTop()
        self._sort_again()
        self.tag_button.setEnabled(self.model.rowCount() > 0)
        if result is not None and self.can_load_more():
            self._start_count(result.query, whole_words)
        self._update_status()
        self.results_changed.emit()

    def _append_page(self, page: SearchResult) -> None:
        """Add the next page below the rows shown (a failed page stops the listing)."""
        result = self._result
        if result is None:
            return
        if page.message:
            self._cancel_count()
            self._result = replace(result, message=page.message)
            self._update_status()
            return
        articles = result.articles + page.articles
        result = replace(
            result, articles=articles, complete=page.complete, next_after=page.next_after
        )
        if result.complete and result.total_hits is None:  # every hit is listed now
            self._cancel_count()
            hits = sum(len(article.hits) for article in articles)
            result = replace(result, total_hits=hits, total_articles=len(articles))
        self._result = result
        self._remember_spans(page)
        self.model.append_rows(kwic_rows(page.articles))
        self._sort_again()
        self.tag_button.setEnabled(self.model.rowCount() > 0)
        self._update_status()

    def _remember_spans(self, page: SearchResult) -> None:
        for article in page.articles:
            self._spans[article.article_id] = [(h.start, h.end) for h in article.hits]

    def _sort_again(self) -> None:
        header = self.table.horizontalHeader()
        if header.sortIndicatorSection() >= 0:
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    # -- totals

    def _start_count(self, query: str, whole_words: bool) -> None:
        project = self.controller.project
        worker = Worker(partial(background_count, project, query, whole_words))
        worker.signals.finished.connect(self._count_finished)
        worker.signals.failed.connect(self._count_failed)
        self._count_worker = worker
        worker.start()

    def _count_finished(self, counts: object) -> None:
        worker = self._count_worker
        if worker is None or self.sender() is not worker.signals:
            return  # the count of an older search
        self._count_worker = None
        if self._result is not None and isinstance(counts, tuple):
            hits, articles = counts
            self._result = replace(self._result, total_hits=hits, total_articles=articles)
        self._update_status()

    def _count_failed(self, message: str, _details: str) -> None:
        worker = self._count_worker
        if worker is None or self.sender() is not worker.signals:
            return
        self._count_worker = None
        log.warning("counting the hits failed: %s", message)
        self._update_status()

    def _cancel_count(self) -> None:
        if self._count_worker is not None:
            self._count_worker.cancel()
            self._count_worker = None

    # -- status

    def _update_status(self) -> None:
        self._show_status(self._status_text(self._result))
        self._update_more_button()

    def _update_more_button(self) -> None:
        self.more_button.setVisible(self.can_load_more())
        self.more_button.setEnabled(self._page_job is None)

    def _status_text(self, result: SearchResult | None) -> str:
        if result is None:
            return ""
        if result.message:
            return result.message
        listed = f"{len(result.articles):,}"
        hits, articles = result.total_hits, result.total_articles
        if hits is None or articles is None:
            if self.is_counting():
                return self.tr("Listing the first %1 articles · counting…").replace("%1", listed)
            return self.tr("Listing the first %1 articles").replace("%1", listed)
        if hits == 1:
            text = self.tr("1 hit in 1 article")
        elif articles == 1:
            text = self.tr("%1 hits in 1 article").replace("%1", f"{hits:,}")
        else:
            text = (
                self.tr("%1 hits in %2 articles")
                .replace("%1", f"{hits:,}")
                .replace("%2", f"{articles:,}")
            )
        if len(result.articles) < articles:
            text += self.tr(" — listing the first %1 articles").replace("%1", listed)
        return text

    def _show_status(self, text: str) -> None:
        self.status_label.setText(visible_controls(text))
        is_message = self._result is not None and bool(self._result.message)
        self.status_label.setStyleSheet("color: #B3261E;" if is_message else "")

    # -- hits

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            row = self.model.row(index.row())
            self.hit_activated.emit(row.article_id, row.start, row.end)

    def selected_rows(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return rows or list(range(self.model.rowCount()))

    def tag_selected_hits(self) -> int:
        """Tag the selected hits (all listed hits when none is selected) with a chosen tag,
        widened to the chosen scope. Returns how many annotations were created."""
        hits = [self.model.row(r) for r in self.selected_rows()]
        if not hits:
            return 0
        project = self.controller.project
        texts = project.article_texts(sorted({h.article_id for h in hits}))
        by_article: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for hit in hits:
            by_article[hit.article_id].append((hit.start, hit.end))

        def spans_for_scope(scope: str) -> list[tuple[int, int, int]]:
            spans = []
            for article_id, article_hits in sorted(by_article.items()):
                text = texts.get(article_id)
                if text is not None:
                    spans.extend(
                        (article_id, s, e) for s, e in scope_spans(article_hits, text, scope)
                    )
            return spans

        choice = TagHitsDialog.ask(
            self, project.tags(), self.controller, spans_for_scope, len(hits), self._last_scope
        )
        if choice is None:
            return 0
        tag_id, scope = choice
        self._last_scope = scope
        spans = spans_for_scope(scope)
        existing = {
            (a.article_id, a.start, a.end)
            for a in project.annotations(article_ids=sorted(by_article), tag_ids=[tag_id])
        }
        return self._annotate([s for s in spans if s not in existing], tag_id)

    def _annotate(self, spans: list[tuple[int, int, int]], tag_id: int) -> int:
        """All passages in one action, so one Undo takes them all back."""
        if not spans:
            return 0
        project = self.controller.project
        change = self.controller.run(partial(project.annotate_many, spans, [tag_id]))
        return len(spans) if change is not None else 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.table and event.key() in _ENTER_KEYS:
                self._activate(self.table.currentIndex())
                return True
            down = event.key() == Qt.Key.Key_Down
            if watched is self.query_edit and down and self.model.rowCount():
                self.table.setFocus()
                if not self.table.currentIndex().isValid():
                    self.table.selectRow(0)
                return True
        return super().eventFilter(watched, event)

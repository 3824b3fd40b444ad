"""Corpus search: the query bar, its segmentation, and the hits as a KWIC concordance.

Hits are listed a page of articles at a time in corpus order: the first page at once, the next
ones when the table is scrolled to its end (or Show More is clicked). When the first page is not
the whole result, the exact totals are counted in the background.
"""

from __future__ import annotations

import logging
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

from hnreader.core.models import SearchField, SearchResult, SearchTotals
from hnreader.core.search.session import PageJob, SearchSession
from hnreader.ui.codebook.tag_dialogs import TagHitsDialog
from hnreader.ui.common.error_messages import user_message
from hnreader.ui.common.plain_text import visible_controls
from hnreader.ui.common.settings import Settings
from hnreader.ui.common.table_views import set_up_list_table
from hnreader.ui.common.worker import Worker
from hnreader.ui.library.library_panel import quiet_label
from hnreader.ui.project.project_controller import ProjectController
from hnreader.ui.search.kwic_table_model import KwicTableModel

log = logging.getLogger(__name__)

PAGE_SIZE = 200  # articles added by each further page
FIRST_PAGE_SIZE = 50  # articles listed at first: the first rows show sooner
SEGMENT_DELAY_MS = 150
SEARCH_DELAY_MS = 350
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _ElideLeftDelegate(QStyledItemDelegate):
    """Left context keeps its end (the words next to the hit) when the column is narrow."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft


class SearchPanel(QWidget):
    """Search the corpus; double-click or Enter on a hit emits `hit_activated` (a hit in the
    article text) or `header_hit_activated` (in its title, kicker or byline)."""

    hit_activated = Signal(int, int, int)  # article id, start, end (code points)
    header_hit_activated = Signal(int, str, int, int)  # article id, SearchField, start, end
    results_changed = Signal()  # new results: the reader may re-ask `spans_for`

    def __init__(
        self, controller: ProjectController, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self.page_size = PAGE_SIZE
        self._session: SearchSession | None = None  # the search listed, page by page
        self._page_worker: Worker | None = None
        self._page_for: tuple[SearchSession, PageJob]  # what the page worker lists
        self._count_worker: Worker | None = None
        self._count_for: SearchSession  # what the count worker counts
        self._articles_worker: Worker | None = None  # the quick count of matching articles
        self._articles_for: SearchSession
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
        self.header_check = QCheckBox(self.tr("Search titles and &bylines too"))
        self.header_check.setChecked(True)
        self.header_check.setToolTip(
            self.tr(
                "Also search each article's title, kicker and byline. Their hits are marked "
                "in the first column; Tag Hits leaves them out (only article text is tagged)."
            )
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
        header.setSectionResizeMode(KwicTableModel.FIELD, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(KwicTableModel.LEFT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(KwicTableModel.HIT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(KwicTableModel.RIGHT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(KwicTableModel.ARTICLE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(KwicTableModel.DATE, QHeaderView.ResizeMode.ResizeToContents)
        # Fit those columns to the rows in view, not to the first 1,000 (Qt's default): a
        # page of 1,500 hits was measured on the GUI thread at every change (0.8 s).
        header.setResizeContentsPrecision(0)
        header.setHighlightSections(False)
        self.table.setColumnWidth(KwicTableModel.ARTICLE, 200)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.query_edit, 1)
        bar.addWidget(self.whole_words_check)
        bar.addWidget(self.header_check)
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
        self.whole_words_check.toggled.connect(self._options_toggled)
        self.header_check.toggled.connect(self._options_toggled)
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

    def session(self) -> SearchSession | None:
        """The search listed: its pages so far, its totals once known."""
        return self._session

    def can_load_more(self) -> bool:
        return self._session is not None and self._session.can_load_more()

    def is_loading(self) -> bool:
        """A page (the first of a search or the next one) is being listed in the background."""
        return self._page_worker is not None

    def is_counting(self) -> bool:
        """The totals of the listed result are being counted in the background."""
        return self._count_worker is not None

    def spans_for(self, article_id: int) -> list[tuple[int, int]]:
        """The hits of the current search in one article, for the reader to highlight."""
        session = self._session
        if session is None:
            return []
        try:
            return session.spans_for(article_id, self.controller.project)
        except Exception:  # highlighting is a convenience: never take the reader down
            log.exception("searching article %s for %r failed", article_id, session.query)
            return []

    # -- searching

    def _query_edited(self, _text: str) -> None:
        self._segment_timer.start()
        self._search_timer.start()

    def _options_toggled(self, _checked: bool) -> None:
        if self.query_edit.text().strip():
            self.search()

    def _corpus_changed(self) -> None:
        self.update_segmentation()
        if self._session is not None and self.query_edit.text().strip():
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
            self._show_session(None)
            return
        session = self.controller.project.search_session(
            query,
            whole_words=self.whole_words_check.isChecked(),
            fields=None if self.header_check.isChecked() else (SearchField.BODY,),
            page_size=self.page_size,
            first_page_size=min(self.page_size, FIRST_PAGE_SIZE),
        )
        self._start_page(session)
        self._show_status(self.tr("Searching…"))

    def load_more(self) -> None:
        """List the next page of the current result (scrolling to the end does it too)."""
        if self._session is None or not self.can_load_more() or self._page_worker is not None:
            return
        self._start_page(self._session)

    def _scrolled(self, value: int) -> None:
        if value > 0 and value >= self.table.verticalScrollBar().maximum():
            self.load_more()

    def _start_page(self, session: SearchSession) -> None:
        """List the session's next page in the background, whatever the corpus size."""
        job = session.page_job()
        worker = Worker.for_project(self.controller.project, job)
        # Slots are this panel's methods (not partials): they run on the GUI thread.
        worker.signals.finished.connect(self._page_finished)
        worker.signals.failed.connect(self._page_failed)
        self._page_worker = worker
        self._page_for = (session, job)
        self._update_more_button()
        worker.start()

    def _is_current(self, worker: Worker | None) -> bool:
        """Whether the signal comes from the worker still wanted (not replaced since)."""
        return worker is not None and self.sender() is worker.signals

    def _page_finished(self, page: object) -> None:
        if not self._is_current(self._page_worker) or not isinstance(page, SearchResult):
            return
        self._page_worker = None
        self._take_page(*self._page_for, page)

    def _page_failed(self, message: str, _details: str) -> None:
        if not self._is_current(self._page_worker):
            return
        self._page_worker = None
        session, job = self._page_for
        failed = self.tr("The search failed: %1").replace("%1", message)
        self._take_page(session, job, SearchResult(job.query, (), 0, 0, (), message=failed))

    def _take_page(self, session: SearchSession, job: PageJob, page: SearchResult) -> None:
        rows = session.add_page(page)
        if job.first:
            self._show_session(session)
            return
        if session.failed or session.complete:
            self._cancel_count()
        self.model.append_rows(rows)
        self._after_rows_changed()

    def _show_session(self, session: SearchSession | None) -> None:
        """Show the first page of a new search (or nothing)."""
        self._session = session
        self.model.set_rows(session.rows if session is not None else [])
        self.table.setColumnHidden(
            KwicTableModel.FIELD, session is not None and not session.searches_header
        )
        self.table.scrollToTop()
        if session is not None and session.needs_count():
            self._start_count(session)
        self._after_rows_changed()
        self.results_changed.emit()

    def _after_rows_changed(self) -> None:
        self._sort_again()
        self.tag_button.setEnabled(self.model.rowCount() > 0)
        self._update_status()

    def _cancel_page(self) -> None:
        if self._page_worker is not None:
            self._page_worker.cancel()
            self._page_worker = None

    def _sort_again(self) -> None:
        header = self.table.horizontalHeader()
        if header.sortIndicatorSection() >= 0:
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    # -- totals

    def _start_count(self, session: SearchSession) -> None:
        # The number of articles comes from the index in milliseconds; the hits take
        # longer (the matching texts are read): both run at once.
        articles = Worker.for_project(self.controller.project, session.article_count_job())
        articles.signals.finished.connect(self._articles_counted)
        self._articles_worker = articles
        self._articles_for = session
        articles.start()
        worker = Worker.for_project(self.controller.project, session.count_job())
        worker.signals.finished.connect(self._count_finished)
        worker.signals.failed.connect(self._count_failed)
        self._count_worker = worker
        self._count_for = session
        worker.start()

    def _count_finished(self, counts: object) -> None:
        if not self._is_current(self._count_worker):
            return  # the count of an older search
        self._count_worker = None
        self._count_for.set_totals(counts if isinstance(counts, SearchTotals) else None)
        self._update_status()

    def _articles_counted(self, articles: object) -> None:
        if not self._is_current(self._articles_worker):
            return
        self._articles_worker = None
        self._articles_for.set_known_articles(articles if isinstance(articles, int) else None)
        self._update_status()

    def _count_failed(self, message: str, _details: str) -> None:
        if not self._is_current(self._count_worker):
            return
        self._count_worker = None
        log.warning("counting the hits failed: %s", message)
        self._update_status()

    def _cancel_count(self) -> None:
        if self._count_worker is not None:
            self._count_worker.cancel()
            self._count_worker = None
        if self._articles_worker is not None:
            self._articles_worker.cancel()
            self._articles_worker = None

    # -- status

    def _update_status(self) -> None:
        self._show_status(self._status_text(self._session))
        self._update_more_button()

    def _update_more_button(self) -> None:
        self.more_button.setVisible(self.can_load_more())
        self.more_button.setEnabled(self._page_worker is None)

    def _status_text(self, session: SearchSession | None) -> str:
        if session is None:
            return ""
        if session.failed:
            return user_message(session.error) if session.error else session.message
        listed = f"{len(session.articles):,}"
        hits, articles = session.total_hits, session.total_articles
        if hits is None or articles is None:
            known = session.known_articles
            if known is not None and self.is_counting():
                return (
                    self.tr("%1 articles · listing the first %2 · counting the hits…")
                    .replace("%1", f"{known:,}")
                    .replace("%2", listed)
                )
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
        text += self._header_text(session)
        if len(session.articles) < articles:
            text += self.tr(" — listing the first %1 articles").replace("%1", listed)
        return text

    def _header_text(self, session: SearchSession) -> str:
        """How many of the hits counted are in titles, kickers and bylines, if any."""
        totals = session.totals
        if totals is None or not totals.header_hits:
            return ""
        words = {
            SearchField.TITLE: self.tr("%1 in titles"),
            SearchField.SUBTITLE: self.tr("%1 in kickers"),
            SearchField.BYLINE: self.tr("%1 in bylines"),
        }
        parts = [words[field].replace("%1", f"{n:,}") for field, n in totals.header_hits]
        return self.tr(" · %1 (not taggable)").replace("%1", self.tr(", ").join(parts))

    def _show_status(self, text: str) -> None:
        self.status_label.setText(visible_controls(text))
        failed = self._session is not None and self._session.failed
        self.status_label.setStyleSheet("color: #B3261E;" if failed else "")

    # -- hits

    def _activate(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = self.model.row(index.row())
        if row.in_body:
            self.hit_activated.emit(row.article_id, row.start, row.end)
        else:
            self.header_hit_activated.emit(row.article_id, row.field, row.start, row.end)

    def selected_rows(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return rows or list(range(self.model.rowCount()))

    def tag_selected_hits(self) -> int:
        """Tag the selected hits (all listed hits when none is selected) with a chosen tag,
        widened to the chosen scope; hits in titles, kickers and bylines are left out (only
        article text can be tagged), as the dialog says. Returns how many annotations were
        created."""
        rows = list(map(self.model.row, self.selected_rows()))
        hits = [(row.article_id, row.start, row.end) for row in rows if row.in_body]
        skipped = len(rows) - len(hits)
        if not rows:
            return 0
        project = self.controller.project
        choice = TagHitsDialog.ask(
            self,
            project.tags(),
            self.controller,
            partial(project.hit_passages, hits),
            len(hits),
            self._last_scope,
            skipped=skipped,
        )
        if choice is None:
            return 0
        tag_id, scope = choice
        self._last_scope = scope
        change = self.controller.run(partial(project.tag_hits, hits, tag_id, scope))
        return len(change.after.get("annotations", {})) if change is not None else 0

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

"""Corpus search: the query bar, its segmentation, and the hits as a KWIC concordance."""

from __future__ import annotations

import logging
from collections import defaultdict
from functools import partial
from pathlib import Path

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
    QVBoxLayout,
    QWidget,
)

from hnreader.core.models import HnreaderError, QueryError, SearchResult
from hnreader.core.search import search as run_search
from hnreader.core.search_query import parse_query
from hnreader.core.segmenter import Segmenter
from hnreader.core.store import Store
from hnreader.ui.hit_scope import scope_spans
from hnreader.ui.kwic_table_model import KwicTableModel, kwic_rows
from hnreader.ui.library_panel import quiet_label
from hnreader.ui.project_controller import ProjectController
from hnreader.ui.settings import Settings
from hnreader.ui.table_views import set_up_list_table
from hnreader.ui.tag_dialogs import TagHitsDialog
from hnreader.ui.worker import Worker

log = logging.getLogger(__name__)

ARTICLE_LIMIT = 2000  # articles whose hits are listed; the counts cover every article
SEGMENT_DELAY_MS = 150
SEARCH_DELAY_MS = 350
SYNC_ARTICLE_LIMIT = 200  # up to this many articles a search takes < ~0.2 s on the GUI thread
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def background_search(
    path: Path,
    segmenter: Segmenter,
    query: str,
    whole_words: bool,
    limit: int,
    progress=None,
    is_cancelled=None,
) -> SearchResult:
    """Run a search on its own connection (SQLite connections stay in their thread)."""
    store = Store(path, create=False)
    try:
        return run_search(store, segmenter, query, whole_words=whole_words, limit=limit)
    finally:
        store.close()


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
        self.sync_article_limit = SYNC_ARTICLE_LIMIT
        self._result: SearchResult | None = None
        self._spans: dict[int, list[tuple[int, int]]] = {}
        self._worker: Worker | None = None
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

        self.model = KwicTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(KwicTableModel.LEFT, _ElideLeftDelegate(self.table))
        set_up_list_table(self.table, multi_select=True)
        header = self.table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # keep the ranking at first
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
        self.table.doubleClicked.connect(self._activate)
        self.table.installEventFilter(self)
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
        return self._result

    def spans_for(self, article_id: int) -> list[tuple[int, int]]:
        """The hits of the current search in one article, for the reader to highlight."""
        return list(self._spans.get(article_id, []))

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
        try:
            parsed = parse_query(text)
        except QueryError:
            self.segments_label.clear()
            return
        segmenter = self.controller.project.segmenter
        parts = [" | ".join(segmenter.cut(term.folded)) for term in parsed.positive_terms]
        excluded = [f"−{term.text}" for term in parsed.excluded]
        self.segments_label.setText("   ·   ".join(parts + excluded))

    def search(self) -> None:
        """Run the query now (typing runs it after a short pause)."""
        self._search_timer.stop()
        self._segment_timer.stop()
        self.update_segmentation()
        query = self.query_edit.text()
        if self._worker is not None:
            self._worker.cancel()
            self._worker = None
        if not query.strip():
            self._set_result(None)
            self._show_status("")
            return
        whole_words = self.whole_words_check.isChecked()
        project = self.controller.project
        if project.store.article_count() <= self.sync_article_limit:
            self._set_result(self._search_now(query, whole_words))
            return
        worker = Worker(
            partial(
                background_search,
                project.path,
                project.segmenter,
                query,
                whole_words,
                ARTICLE_LIMIT,
            )
        )
        worker.signals.finished.connect(self._search_finished)
        worker.signals.failed.connect(self._search_failed)
        self._worker = worker
        self._show_status(self.tr("Searching…"))
        worker.start()

    def _search_now(self, query: str, whole_words: bool) -> SearchResult:
        try:
            return self.controller.project.search(
                query, whole_words=whole_words, limit=ARTICLE_LIMIT
            )
        except HnreaderError as error:
            return SearchResult(query, (), 0, 0, (), message=str(error))
        except Exception as error:  # a search must never take the app down; details logged
            log.exception("search failed for %r", query)
            message = self.tr("The search failed: %1").replace("%1", str(error))
            return SearchResult(query, (), 0, 0, (), message=message)

    def _search_finished(self, result: object) -> None:
        worker = self._worker
        if worker is None or self.sender() is not worker.signals:
            return  # an older search finished after a newer one started
        self._worker = None
        if isinstance(result, SearchResult):
            self._set_result(result)

    def _search_failed(self, message: str, _details: str) -> None:
        worker = self._worker
        if worker is None or self.sender() is not worker.signals:
            return
        self._worker = None
        query = self.query_edit.text()
        failed = self.tr("The search failed: %1").replace("%1", message)
        self._set_result(SearchResult(query, (), 0, 0, (), message=failed))

    def _set_result(self, result: SearchResult | None) -> None:
        self._result = result
        self._spans = defaultdict(list)
        if result is not None:
            for article in result.articles:
                self._spans[article.article_id] = [(h.start, h.end) for h in article.hits]
        self._spans = dict(self._spans)
        self.model.set_rows(kwic_rows(result.articles) if result else [])
        header = self.table.horizontalHeader()
        if header.sortIndicatorSection() >= 0:
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.tag_button.setEnabled(self.model.rowCount() > 0)
        self._show_status(self._status_text(result))
        self.results_changed.emit()

    def _status_text(self, result: SearchResult | None) -> str:
        if result is None:
            return ""
        if result.message:
            return result.message
        text = (
            self.tr("%1 hits in %2 articles")
            .replace("%1", f"{result.total_hits:,}")
            .replace("%2", f"{result.total_articles:,}")
        )
        if result.total_hits == 1:
            text = self.tr("1 hit in 1 article")
        elif result.total_articles == 1:
            text = self.tr("%1 hits in 1 article").replace("%1", f"{result.total_hits:,}")
        if len(result.articles) < result.total_articles:
            text += self.tr(" — listing the first %1 articles").replace(
                "%1", f"{len(result.articles):,}"
            )
        return text

    def _show_status(self, text: str) -> None:
        self.status_label.setText(text)
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
        store = self.controller.project.store
        texts = store.article_texts(sorted({h.article_id for h in hits}))
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
            self, store.tags(), self.controller, spans_for_scope, len(hits), self._last_scope
        )
        if choice is None:
            return 0
        tag_id, scope = choice
        self._last_scope = scope
        spans = spans_for_scope(scope)
        existing = {
            (a.article_id, a.start, a.end)
            for a in store.annotations(article_ids=sorted(by_article), tag_ids=[tag_id])
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

"""The article reader: header, highlighted text, tagging from a selection, search hits."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette, QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.analysis.word_snapping import snap_to_words, visible_word_boundaries
from hnreader.core.models import Annotation, Article, Figure, StoreError, Tag
from hnreader.ui.common.plain_text import visible_controls
from hnreader.ui.common.settings import Settings
from hnreader.ui.corrections.reader_actions import restore_line
from hnreader.ui.project.project_controller import ProjectController
from hnreader.ui.reader.article_header import ArticleHeader
from hnreader.ui.reader.reader_context_menu import ReaderContextMenu
from hnreader.ui.reader.reader_text_edit import Layer, ReaderTextEdit, build_highlights
from hnreader.ui.reader.removed_lines_box import RemovedLinesBox
from hnreader.ui.team.coder_view import CoderView


class ReaderView(QWidget):
    """Shows one article; every change goes through the controller; offsets are code points."""

    article_shown = Signal(int)
    figure_clicked = Signal(int, int, int)  # article id, start, end
    annotation_clicked = Signal(int)
    tag_picker_requested = Signal()
    status_reported = Signal(str)  # a short message for the status bar

    def __init__(
        self, controller: ProjectController, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self._article: Article | None = None
        self._annotations: list[Annotation] = []
        self._shown: list[Annotation] = []  # those the coder view shows
        self._coder_view = CoderView()
        self._figures: list[Figure] = []
        self._figure_by_span: dict[tuple[int, int], Figure] = {}
        self._tags: dict[int, Tag] = {}
        self._flags = b""
        self._hits: list[tuple[int, int]] = []
        self._current_hit = -1
        self._layers: list[Layer] = []
        self._exact_span: tuple[int, int] | None = None  # a selection never snapped
        self._font_size = settings.font_size
        self._line_spacing = settings.line_spacing
        self._show_segmentation = settings.show_segmentation
        self._show_removed = False
        self._context_menu = ReaderContextMenu(self)
        self._build()
        self._connect()
        self._show_empty()

    # -- construction

    def _build(self) -> None:
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.pages = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self.empty_label = QLabel(
            self.tr("Select an article in the library")
            + "\n\n"
            + self.tr("Select text and press a tag’s shortcut, or Ctrl+T, to annotate it."),
            self,
        )
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        empty_font = self.empty_label.font()
        empty_font.setPointSizeF(empty_font.pointSizeF() * 1.15)
        self.empty_label.setFont(empty_font)
        self.pages.addWidget(self.empty_label)

        page = QWidget(self)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(0)
        self.text_edit = ReaderTextEdit(page)
        self.text_edit.setAccessibleName(self.tr("Article text"))
        page_layout.addWidget(self.text_edit, 1)
        self.header = ArticleHeader()
        self.text_edit.set_header(self.header)
        self.removed_box = RemovedLinesBox(page)
        page_layout.addWidget(self.removed_box)
        self.removed_box.restore_requested.connect(self._restore_line)
        self.pages.addWidget(page)

    def _connect(self) -> None:
        edit = self.text_edit
        edit.char_clicked.connect(self._on_char_clicked)
        edit.selection_dragged.connect(self._on_selection_dragged)
        edit.customContextMenuRequested.connect(self._context_menu.show_at)
        self.controller.annotations_changed.connect(self._on_annotations_changed)
        self.controller.tags_changed.connect(self._on_tags_changed)
        self.controller.dictionary_changed.connect(self._on_dictionary_changed)
        self.controller.articles_changed.connect(self._on_articles_changed)

    # -- public API

    @property
    def article_id(self) -> int | None:
        return None if self._article is None else self._article.id

    @property
    def article(self) -> Article | None:
        return self._article

    @property
    def tags(self) -> list[Tag]:
        """The project's tags as the reader last loaded them."""
        return list(self._tags.values())

    def show_article(self, article_id: int, select: tuple[int, int] | None = None) -> None:
        """Show an article (kept as is if already shown), optionally selecting a span."""
        if self._article is None or self._article.id != article_id:
            try:
                article = self.controller.project.article(article_id)
            except StoreError as error:
                self.status_reported.emit(str(error))
                self._show_empty()
                return
            self._hits, self._current_hit = [], -1
            self._load(article)
            self.text_edit.verticalScrollBar().setValue(0)
        if select is not None:
            self.select_span(*select)
        self.article_shown.emit(article_id)

    def clear(self) -> None:
        """Show the empty state."""
        self._show_empty()

    def select_span(self, start: int, end: int) -> None:
        """Select a code-point span exactly (no snapping) and scroll it to the middle."""
        if self._article is None:
            return
        length = len(self._article.text)
        start, end = max(0, min(start, length)), max(0, min(end, length))
        self._exact_span = (start, end)
        positions = self.text_edit.positions
        self.text_edit.select_qt(positions.to_qt(start), positions.to_qt(end))

    def select_header_span(self, field: str, start: int, end: int) -> None:
        """Show a span of the title, kicker or byline (code points into that field) selected
        in the header, scrolled into view: where a search hit outside the text is."""
        if self._article is None:
            return
        self.text_edit.moveCursor(QTextCursor.MoveOperation.Start)  # nothing selected in the text
        self.text_edit.verticalScrollBar().setValue(0)  # the header sits above the text
        self.header.select_field(field, start, end)

    def raw_selected_span(self) -> tuple[int, int] | None:
        """The selection in code points as made, without snapping; None when empty."""
        if self._article is None:
            return None
        cursor = self.text_edit.textCursor()
        if not cursor.hasSelection():
            return None
        return self.text_edit.positions.span_to_cp(cursor.selectionStart(), cursor.selectionEnd())

    def selected_span(self) -> tuple[int, int] | None:
        """The selection in code points, snapped out to whole words unless made exactly."""
        span = self.raw_selected_span()
        if span is None:
            return None
        if span == self._exact_span or not self.settings.snap_to_words:
            return span
        return self._snap(*span)

    def cursor_position(self) -> int:
        """The text cursor's position in code points (0 when nothing is shown)."""
        if self._article is None:
            return 0
        return self.text_edit.positions.to_cp(self.text_edit.textCursor().position())

    def apply_tag(self, tag_id: int) -> bool:
        """Tag the selection (a figure selected exactly becomes a figure annotation)."""
        article = self._article
        span = self.selected_span()
        if article is None or span is None or span[0] == span[1]:
            self.status_reported.emit(self.tr("Select some text to tag first."))
            return False
        start, end = span
        project = self.controller.project
        figure = self._figure_by_span.get(span) if self.raw_selected_span() == span else None
        if figure is not None:
            change = self.controller.run(
                lambda: project.annotate_figure(article.id, figure, [tag_id])
            )
        else:
            change = self.controller.run(lambda: project.annotate(article.id, start, end, [tag_id]))
        if change is None:
            return False
        # Collapse the selection so the new highlight shows in its own colour.
        cursor = self.text_edit.textCursor()
        cursor.clearSelection()
        self.text_edit.setTextCursor(cursor)
        tag = self._tags.get(tag_id)
        name = tag.path if tag is not None else str(tag_id)
        self.status_reported.emit(self.tr("Tagged with “%1”").replace("%1", visible_controls(name)))
        return True

    def set_search_spans(self, spans: list[tuple[int, int]]) -> None:
        """Highlight search hits; the hit that is selected (if any) becomes the current one."""
        self._hits = sorted((int(s), int(e)) for s, e in spans)
        selected = self.raw_selected_span()
        self._current_hit = self._hits.index(selected) if selected in self._hits else -1
        self._refresh_highlights()

    def next_hit(self) -> tuple[int, int] | None:
        return self._step_hit(+1)

    def previous_hit(self) -> tuple[int, int] | None:
        return self._step_hit(-1)

    def at_last_hit(self, step: int) -> bool:
        """Whether a step (+1 next, -1 previous) would run past this article's hits: there
        are none, or the current hit (the cursor, before the first step) is the last one."""
        if not self._hits or self._article is None:
            return True
        if self._current_hit < 0:
            here = self.cursor_position()
            starts = [s for s, _ in self._hits]
            return bisect_left(starts, here) >= len(starts) if step > 0 else starts[0] >= here
        return self._current_hit + step not in range(len(self._hits))

    def go_to_hit(self, index: int) -> tuple[int, int] | None:
        """Select the hit `index` of this article (-1: the last)."""
        if not self._hits:
            return None
        self._current_hit = index % len(self._hits)
        return self._step_hit(0)

    @property
    def current_hit(self) -> tuple[int, int] | None:
        return self._hits[self._current_hit] if 0 <= self._current_hit < len(self._hits) else None

    def set_show_segmentation(self, show: bool) -> None:
        self._show_segmentation = bool(show)
        self._refresh_boundaries()

    def set_font_size(self, size: int) -> None:
        self._font_size = int(size)
        self._relayout()

    def set_line_spacing(self, percent: int) -> None:
        self._line_spacing = int(percent)
        self._relayout()

    def set_show_removed(self, show: bool) -> None:
        self._show_removed = bool(show)
        self._refresh_removed()

    def highlight_at(self, cp: int) -> list[str]:
        """The kinds drawn at a code-point position, from the data that drew them."""
        kinds = [layer.kind for layer in self._layers if layer.start <= cp < layer.end]
        if self._article is not None and any(
            start <= cp < end for start, end in self._caption_spans()
        ):
            kinds.append("caption")
        return kinds

    def annotations_at(self, cp: int) -> list[Annotation]:
        """The annotations shown at a position (those of the coders the reader shows)."""
        return [a for a in self._shown if a.start <= cp < a.end]

    def set_coder_view(self, view: CoderView) -> None:
        """Show every coder's coding, one coder's, or two coders' in two colours."""
        self._coder_view = view
        self._refresh_highlights()

    # -- loading and drawing

    def _show_empty(self) -> None:
        self._article = None
        self._annotations, self._figures, self._figure_by_span = [], [], {}
        self._shown = []
        self._hits, self._current_hit, self._layers = [], -1, []
        self._exact_span = None
        self.text_edit.set_content("")
        self.text_edit.setExtraSelections([])
        self.removed_box.hide()
        self.pages.setCurrentWidget(self.empty_label)

    def _load(self, article: Article) -> None:
        self._article = article
        self._exact_span = None
        project = self.controller.project
        self._tags = {tag.id: tag for tag in project.tags()}
        self._annotations = project.annotations(article_id=article.id)
        self._load_figures()
        self._flags = project.article_word_flags(article.id)
        self.header.fill(article, self._font_size)
        self.text_edit.set_content(article.text)
        self._relayout()
        self._refresh_boundaries()
        self._refresh_removed()
        self.pages.setCurrentIndex(1)

    def _load_figures(self) -> None:
        assert self._article is not None
        project = self.controller.project
        self._figures = [f for _, f in project.figures(self._article.id) if f.kind != "caption"]
        self._figure_by_span = {(f.start, f.end): f for f in self._figures}

    def _caption_spans(self) -> list[tuple[int, int]]:
        return [] if self._article is None else [(s.start, s.end) for s in self._article.captions]

    def _relayout(self) -> None:
        if self._article is None:
            return
        positions = self.text_edit.positions
        captions = [positions.span_to_qt(s, e) for s, e in self._caption_spans()]
        self.header.fill(self._article, self._font_size)
        self.text_edit.apply_layout(self._font_size, self._line_spacing, captions)
        self._refresh_highlights()

    def _refresh_highlights(self) -> None:
        """Rebuild every extra selection in one pass (annotations, figures, search hits)."""
        colored = self._coder_view.coloured(self._annotations, self._annotation_color)
        self._shown = [a for a, _ in colored]
        selections, self._layers = build_highlights(
            self.text_edit, colored, self._figures, self._hits, self._current_hit
        )
        self.text_edit.setExtraSelections(selections)
        positions = self.text_edit.positions
        self.text_edit.set_clickable_spans(
            [positions.span_to_qt(f.start, f.end) for f in self._figures]
        )

    def _annotation_color(self, annotation: Annotation) -> QColor:
        for tag_id in annotation.tag_ids:
            tag = self._tags.get(tag_id)
            if tag is not None and QColor(tag.color).isValid():
                return QColor(tag.color)
        return QColor("#9e9e9e")

    def _refresh_boundaries(self) -> None:
        if self._article is None:
            self.text_edit.set_word_boundaries([], False)
            return
        boundaries = []
        if self._show_segmentation:
            to_qt = self.text_edit.positions.to_qt
            boundaries = [
                to_qt(p) for p in visible_word_boundaries(self._article.text, self._flags)
            ]
        self.text_edit.set_word_boundaries(boundaries, self._show_segmentation)

    def _refresh_removed(self) -> None:
        if self._article is None or not self._show_removed:
            self.removed_box.hide()
        else:
            self.removed_box.show_lines(self._article.removed)

    # -- word snapping

    def _snap(self, start: int, end: int) -> tuple[int, int]:
        return snap_to_words(self._flags, start, end)

    # -- events

    def _on_selection_dragged(self, alt_held: bool) -> None:
        span = self.raw_selected_span()
        if span is None:
            return
        if alt_held or not self.settings.snap_to_words:
            self._exact_span = span
            return
        self._exact_span = None
        snapped = self._snap(*span)
        if snapped != span:
            # Show what will be tagged; keep the exact snapped span as the selection.
            positions = self.text_edit.positions
            self.text_edit.select_qt(*positions.span_to_qt(*snapped), center=False)

    def _on_char_clicked(self, qt_char: int) -> None:
        article = self._article
        if article is None:
            return
        qt_span = self.text_edit.clickable_at(qt_char)
        if qt_span is not None:
            start, end = self.text_edit.positions.span_to_cp(*qt_span)
            self._exact_span = (start, end)
            self.text_edit.select_qt(*qt_span, center=False)
            self.figure_clicked.emit(article.id, start, end)
            return
        cp = self.text_edit.positions.to_cp(qt_char)
        under = self.annotations_at(cp)
        if under:
            innermost = min(under, key=lambda a: (a.end - a.start, -a.id))
            self.annotation_clicked.emit(innermost.id)

    def _step_hit(self, step: int) -> tuple[int, int] | None:
        if not self._hits or self._article is None:
            self.status_reported.emit(self.tr("No search hits in this article."))
            return None
        if self._current_hit < 0:
            here = self.cursor_position()
            starts = [s for s, _ in self._hits]
            index = bisect_left(starts, here) if step > 0 else bisect_right(starts, here) - 1
        else:
            index = self._current_hit + step
        self._current_hit = index % len(self._hits)
        start, end = self._hits[self._current_hit]
        self.select_span(start, end)
        self._refresh_highlights()
        self.status_reported.emit(
            self.tr("Hit %1 of %2")
            .replace("%1", str(self._current_hit + 1))
            .replace("%2", str(len(self._hits)))
        )
        return start, end

    def _on_annotations_changed(self, article_id: int) -> None:
        if self._article is None or article_id not in (-1, self._article.id):
            return
        self._annotations = self.controller.project.annotations(article_id=self._article.id)
        self._refresh_highlights()

    def _on_tags_changed(self) -> None:
        if self._article is None:
            return
        self._tags = {tag.id: tag for tag in self.controller.project.tags()}
        self._refresh_highlights()

    def _on_dictionary_changed(self) -> None:
        if self._article is None:
            return
        self._flags = self.controller.project.article_word_flags(self._article.id)
        self._refresh_boundaries()

    def _on_articles_changed(self) -> None:
        if self._article is None:
            return
        try:
            article = self.controller.project.article(self._article.id)
        except StoreError:
            self._show_empty()
            return
        if article == self._article:
            return
        scroll = self.text_edit.verticalScrollBar().value()
        cursor = self.text_edit.textCursor()
        anchor, position = cursor.anchor(), cursor.position()
        text_changed = article.text != self._article.text
        self._load(article)
        if not text_changed:
            cursor.setPosition(anchor)
            cursor.setPosition(position, cursor.MoveMode.KeepAnchor)
            self.text_edit.setTextCursor(cursor)
        else:
            self._hits, self._current_hit = [], -1
            self._refresh_highlights()
        self.text_edit.verticalScrollBar().setValue(scroll)

    # -- context menu

    def _restore_line(self, number: int) -> None:
        if self._article is not None:
            restore_line(self.controller, self._article.id, number)

    def context_menu(self, qt_position: int) -> QMenu:
        """The menu for a right click at a Qt position (built fresh, so always current)."""
        return self._context_menu.build(qt_position)

    def copy_selection(self) -> None:
        """Copy the stored text of the selection (never Qt's U+2029 paragraph marks)."""
        self._context_menu.copy_selection()

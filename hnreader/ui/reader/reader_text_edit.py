"""The reader's text surface: plain article text laid out for comfortable CJK reading."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QFrame, QTextEdit, QWidget

from hnreader.core.models import Annotation, Figure
from hnreader.ui.common.contrast import line_on, text_on
from hnreader.ui.common.plain_text import visible_controls
from hnreader.ui.common.text_positions import PositionMap

CJK_FAMILIES = [
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "Microsoft YaHei",
    "sans-serif",
]
READING_WIDTH_EM = 40
MIN_SIDE_MARGIN = 28
TOP_MARGIN = 28
BOTTOM_MARGIN = 64
HEADER_GAP = 18  # between the header and the first paragraph
CLICK_SLOP = 4  # pixels a press may move and still count as a click

ANNOTATION_ALPHA = (90, 70, 60)  # translucent fills stack where annotations overlap
HIT_COLOR = QColor("#ff9f1a")
CURRENT_HIT_COLOR = QColor("#ff7a00")
FIGURE_UNDERLINE = QColor("#3d7bd9")
UNDERLINE_BY_DEPTH = (
    QTextCharFormat.UnderlineStyle.NoUnderline,
    QTextCharFormat.UnderlineStyle.SingleUnderline,  # the 2nd layer of overlapping annotations
    QTextCharFormat.UnderlineStyle.DashUnderline,  # the 3rd and deeper
)


@dataclass(frozen=True)
class Layer:
    """One drawn decoration, kept so tests and `highlight_at` see what was painted."""

    kind: str  # "annotation:<id>", "figure", "hit", "current-hit"
    start: int  # code points
    end: int


def reader_font(point_size: float) -> QFont:
    font = QFont()
    font.setFamilies(CJK_FAMILIES)
    font.setPointSizeF(point_size)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


class ReaderTextEdit(QTextEdit):
    """A read-only QTextEdit that only ever holds plain text (setPlainText, never HTML).

    It knows the stored text so that copying gives the stored characters (Qt's own copy
    would turn paragraph breaks into U+2029), draws word separators over the text instead
    of changing it, keeps a reading column of limited width centred, and carries a header
    widget that scrolls with the text.
    """

    char_clicked = Signal(int)  # Qt position of the character clicked (no drag)
    selection_dragged = Signal(bool)  # a mouse selection ended; True when Alt was held

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setMouseTracking(True)
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self.document().setUndoRedoEnabled(False)
        self.stored_text = ""
        self.positions = PositionMap("")
        self._header: QWidget | None = None
        self._header_height = 0
        self._side_margin = -1.0
        self._clickable: list[tuple[int, int]] = []  # sorted Qt spans showing a hand cursor
        self._clickable_starts: list[int] = []
        self._boundaries: list[int] = []  # Qt positions of word separators
        self._show_boundaries = False
        self._press_pos: QPoint | None = None
        self._press_alt = False
        self._point_size = 15.0

    # -- content and layout

    def set_header(self, header: QWidget) -> None:
        self._header = header
        header.setParent(self.viewport())
        header.show()
        self._update_geometry(force=True)

    def set_content(self, text: str) -> None:
        """Show `text` as plain text (the stored text: offsets map 1:1 through `positions`).

        Bidi and other invisible controls are shown as a placeholder (an U+202E would reverse
        the rest of its line); the replacement keeps every length, so `positions` built from
        the stored text still holds, and copies come from `stored_text`."""
        self.stored_text = text
        self.positions = PositionMap(text)
        self.setPlainText(visible_controls(text))
        self._side_margin = -1.0
        self._update_geometry(force=True)

    def apply_layout(
        self, point_size: float, line_spacing: int, captions: list[tuple[int, int]]
    ) -> None:
        """Font, line height, paragraph spacing and caption style over the whole document."""
        self._point_size = point_size
        document = self.document()
        font = reader_font(point_size)
        document.setDefaultFont(font)
        em = QFontMetricsF(font).height()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        block = QTextBlockFormat()
        block.setLineHeight(float(line_spacing), 1)  # 1 = QTextBlockFormat.ProportionalHeight
        block.setBottomMargin(em * 0.75)
        block.setAlignment(Qt.AlignmentFlag.AlignJustify)
        cursor.mergeBlockFormat(block)
        plain = QTextCharFormat()
        plain.setFont(font)
        cursor.setCharFormat(plain)
        caption = QTextCharFormat()
        caption.setFontItalic(True)
        caption.setFontPointSize(max(8.0, point_size * 0.85))
        caption.setForeground(self.palette().placeholderText())
        for start, end in captions:
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(caption)
            centred = QTextBlockFormat()
            centred.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            cursor.mergeBlockFormat(centred)
        cursor.endEditBlock()
        self._side_margin = -1.0
        self._update_geometry(force=True)

    def reading_width(self) -> float:
        em = QFontMetricsF(reader_font(self._point_size)).horizontalAdvance("汉")
        return em * READING_WIDTH_EM

    def _update_geometry(self, force: bool = False) -> None:
        width = self.viewport().width()
        column = min(self.reading_width(), max(100.0, width - 2 * MIN_SIDE_MARGIN))
        side = max(float(MIN_SIDE_MARGIN), (width - column) / 2)
        header_height = 0
        if self._header is not None:
            header_width = int(width - 2 * side)
            layout = self._header.layout()
            if layout is not None and layout.hasHeightForWidth():
                header_height = layout.totalHeightForWidth(header_width)
            else:
                header_height = self._header.sizeHint().height()
            self._header.setGeometry(
                int(side),
                TOP_MARGIN - self.verticalScrollBar().value(),
                header_width,
                header_height,
            )
        if not force and side == self._side_margin and header_height == self._header_height:
            return
        self._side_margin = side
        self._header_height = header_height
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        top = TOP_MARGIN + (header_height + HEADER_GAP if header_height else 0)
        fmt.setTopMargin(top)
        fmt.setBottomMargin(BOTTOM_MARGIN)
        frame.setFrameFormat(fmt)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_geometry()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        if self._header is not None:
            self._header.move(self._header.x(), TOP_MARGIN - self.verticalScrollBar().value())

    # -- positions

    def char_at(self, point: QPoint) -> int | None:
        """The Qt position of the character under a viewport point, or None off the text."""
        layout = self.document().documentLayout()
        doc_point = QPointF(
            point.x() + self.horizontalScrollBar().value(),
            point.y() + self.verticalScrollBar().value(),
        )
        position = layout.hitTest(doc_point, Qt.HitTestAccuracy.ExactHit)
        if position < 0:
            return None
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        if point.x() < self.cursorRect(cursor).x() and position > 0:
            position -= 1  # the hit is the boundary nearest the point: the char is before it
        if position >= self.positions.qt_length:
            return None
        return position

    def select_qt(self, start: int, end: int, *, center: bool = True) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        if center:
            self.center_on(start)

    def center_on(self, qt_position: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(qt_position)
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 2)

    # -- decorations

    def set_clickable_spans(self, spans: list[tuple[int, int]]) -> None:
        self._clickable = sorted(spans)
        self._clickable_starts = [s for s, _ in self._clickable]

    def clickable_at(self, qt_char: int) -> tuple[int, int] | None:
        index = bisect_right(self._clickable_starts, qt_char) - 1
        while index >= 0:
            start, end = self._clickable[index]
            if start <= qt_char < end:
                return start, end
            if qt_char - start > 64:  # figures are short: stop looking far back
                break
            index -= 1
        return None

    def set_word_boundaries(self, qt_positions: list[int], show: bool) -> None:
        self._boundaries = qt_positions
        self._show_boundaries = show
        self.viewport().update()

    @property
    def shows_word_boundaries(self) -> bool:
        return self._show_boundaries

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._show_boundaries or not self._boundaries:
            return
        first = self.cursorForPosition(QPoint(0, 0)).position()
        last = self.cursorForPosition(
            QPoint(self.viewport().width(), self.viewport().height())
        ).position()
        lo, hi = bisect_left(self._boundaries, first), bisect_right(self._boundaries, last)
        painter = QPainter(self.viewport())
        color = QColor(self.palette().text().color())
        color.setAlpha(90)
        painter.setPen(QPen(color, 1))
        cursor = QTextCursor(self.document())
        left_edge = self._side_margin + 1
        for position in self._boundaries[lo:hi]:
            cursor.setPosition(position)
            rect = self.cursorRect(cursor)
            if rect.x() <= left_edge:
                continue  # a line start: the line break already separates the words
            inset = rect.height() * 0.22
            painter.drawLine(
                QPointF(rect.x(), rect.top() + inset), QPointF(rect.x(), rect.bottom() - inset)
            )
        painter.end()

    # -- mouse

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press_pos = event.position().toPoint()
            self._press_alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton:
            char = self.char_at(event.position().toPoint())
            over = char is not None and self.clickable_at(char) is not None
            shape = Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.IBeamCursor
            if self.viewport().cursor().shape() != shape:
                self.viewport().setCursor(shape)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self._press_pos is None:
            return
        point = event.position().toPoint()
        moved = (point - self._press_pos).manhattanLength() > CLICK_SLOP
        self._press_pos = None
        if moved or self.textCursor().hasSelection():
            self.selection_dragged.emit(self._press_alt)
            return
        char = self.char_at(point)
        if char is not None:
            self.char_clicked.emit(char)

    # -- copy: the stored characters, not Qt's rendering of them

    def createMimeDataFromSelection(self) -> QMimeData:
        cursor = self.textCursor()
        start, end = self.positions.span_to_cp(cursor.selectionStart(), cursor.selectionEnd())
        mime = QMimeData()
        mime.setText(self.stored_text[start:end])
        return mime


def underline_format(color: QColor, style: QTextCharFormat.UnderlineStyle) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(style)
    fmt.setUnderlineColor(color)
    return fmt


def background_format(
    color: QColor, alpha: int, page: QColor | None = None, text: QColor | None = None
) -> QTextCharFormat:
    """A translucent fill; given the page and text colours, with a text colour of its own
    where the palette's would not read well on it (a dark palette, a strong tag colour)."""
    fmt = QTextCharFormat()
    fill = QColor(color)
    fill.setAlpha(alpha)
    fmt.setBackground(fill)
    if page is not None and text is not None:
        foreground = text_on(fill, page, text)
        if foreground is not None:
            fmt.setForeground(foreground)
    return fmt


def build_highlights(
    edit: ReaderTextEdit,
    annotations: Sequence[tuple[Annotation, QColor]],
    figures: Sequence[Figure],
    hits: Sequence[tuple[int, int]],
    current_hit: int,
) -> tuple[list[QTextEdit.ExtraSelection], list[Layer]]:
    """Every extra selection for an article in one pass, and what each one marks.

    Order matters: Qt paints extra selections in turn, so translucent annotation fills
    stack, then figure underlines, then search hits on top.
    """
    positions = edit.positions
    document = edit.document()
    page, text = edit.palette().base().color(), edit.palette().text().color()
    layers: list[Layer] = []
    selections: list[QTextEdit.ExtraSelection] = []
    formats: dict[tuple[str, int], QTextCharFormat] = {}

    def add(kind: str, start: int, end: int, fmt: QTextCharFormat) -> None:
        if end <= start:
            return
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(document)
        cursor.setPosition(positions.to_qt(start))
        cursor.setPosition(positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = fmt
        selections.append(selection)
        layers.append(Layer(kind, start, end))

    for (annotation, color), depth in _layered(annotations):
        key = (color.name(), depth)
        fmt = formats.get(key)
        if fmt is None:
            fmt = background_format(color, ANNOTATION_ALPHA[min(depth, 2)], page, text)
            if depth >= 1:
                fmt.setUnderlineStyle(UNDERLINE_BY_DEPTH[min(depth, 2)])
                fmt.setUnderlineColor(color)
            formats[key] = fmt
        add(f"annotation:{annotation.id}", annotation.start, annotation.end, fmt)
    figure_fmt = underline_format(
        line_on(FIGURE_UNDERLINE, page), QTextCharFormat.UnderlineStyle.DotLine
    )
    for figure in figures:
        add("figure", figure.start, figure.end, figure_fmt)
    hit_fmt = background_format(HIT_COLOR, 120, page, text)
    current_fmt = background_format(CURRENT_HIT_COLOR, 230, page, text)
    for index, (start, end) in enumerate(hits):
        if index == current_hit:
            add("hit", start, end, current_fmt)
            layers.append(Layer("current-hit", start, end))
        else:
            add("hit", start, end, hit_fmt)
    return selections, layers


def _layered(
    annotations: Iterable[tuple[Annotation, QColor]],
) -> list[tuple[tuple[Annotation, QColor], int]]:
    """Each annotation with its depth: 0 unless it overlaps one that started earlier."""
    ends: list[int] = []  # the end of the last annotation on each depth
    out = []
    for item in sorted(annotations, key=lambda x: (x[0].start, -x[0].end, x[0].id)):
        annotation = item[0]
        for depth, end in enumerate(ends):
            if end <= annotation.start:
                ends[depth] = annotation.end
                break
        else:
            depth = len(ends)
            ends.append(annotation.end)
        out.append((item, depth))
    return out

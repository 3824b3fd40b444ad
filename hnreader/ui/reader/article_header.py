"""The header above an article's text: kicker (subtitle), title and a line of metadata (date,
credits, publication · page · section, source)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from hnreader.core.models import Article, SearchField
from hnreader.core.text.credits import shown_byline
from hnreader.ui.common.date_text import header_date
from hnreader.ui.common.plain_text import visible_controls
from hnreader.ui.common.text_positions import PositionMap
from hnreader.ui.reader.reader_text_edit import reader_font

META_SEPARATOR = " · "


class ArticleHeader(QWidget):
    """Plain-text labels for an article's subtitle, title and metadata, over a rule."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.kicker_label = self._label(self, QPalette.ColorRole.PlaceholderText)
        self.title_label = self._label(self)
        self.meta_label = self._label(self, QPalette.ColorRole.PlaceholderText)
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Plain)
        rule.setForegroundRole(QPalette.ColorRole.Mid)
        for widget in (self.kicker_label, self.title_label, self.meta_label, rule):
            layout.addWidget(widget)
        layout.insertSpacing(3, 4)
        self._byline_at = -1  # where the byline starts in the meta label's text (code points)
        self._byline = self._shown_byline = ""  # the stored byline and the one shown

    def _label(self, parent: QWidget, role: QPalette.ColorRole | None = None) -> QLabel:
        label = QLabel(parent)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        if role is not None:
            label.setForegroundRole(role)
        return label

    def fill(self, article: Article, font_size: int) -> None:
        """Show `article`'s header in fonts scaled from the reader's `font_size`."""
        self.kicker_label.setText(visible_controls(article.subtitle))
        self.kicker_label.setVisible(bool(article.subtitle))
        self.title_label.setText(visible_controls(article.title) or self.tr("(untitled)"))
        title_font = reader_font(font_size * 1.45)
        title_font.setWeight(title_font.Weight.Bold)
        self.title_label.setFont(title_font)
        small = reader_font(max(8.0, font_size * 0.8))
        self.kicker_label.setFont(small)
        self.meta_label.setFont(small)
        source = self.tr("%1 #%2").replace("%1", article.source).replace("%2", str(article.ordinal))
        # The credits without ■ marks and dateline words; where it was published.
        date = header_date(article.date, article.date_text)
        self._byline, self._shown_byline = article.byline, shown_byline(article.byline)
        self._shown_byline = self._shown_byline.replace("\n", " ")
        self._byline_at = -1
        if self._shown_byline:  # it follows the date, when there is one
            self._byline_at = len(date) + len(META_SEPARATOR) if date else 0
        parts = [
            date,
            self._shown_byline,
            article.publication,
            article.page,
            article.section,
            source,
        ]
        self.meta_label.setText(
            visible_controls(META_SEPARATOR.join(part for part in parts if part))
        )

    def select_field(self, field: str, start: int, end: int) -> bool:
        """Select [start, end) of a header field (code points into the stored title, subtitle
        or byline), as a search hit there is shown. False when the field is not shown."""
        label, offset = self.title_label, 0
        if field == SearchField.SUBTITLE:
            label = self.kicker_label
        elif field == SearchField.BYLINE:
            # The byline is shown cleaned (no ■, no dateline words): the hit's text there.
            at = self._shown_byline.find(self._byline[start:end])
            if self._byline_at < 0 or at < 0:
                return False
            label, offset = self.meta_label, self._byline_at
            start, end = at, at + (end - start)
        elif field != SearchField.TITLE:
            return False
        if offset < 0 or label.isHidden():
            return False
        positions = PositionMap(label.text())  # the stored field, one for one (visible_controls)
        qt_start, qt_end = positions.span_to_qt(offset + start, offset + end)
        label.setSelection(qt_start, qt_end - qt_start)
        return True

    def clear_selection(self) -> None:
        for label in (self.kicker_label, self.title_label, self.meta_label):
            if label.hasSelectedText():
                label.setSelection(0, 0)

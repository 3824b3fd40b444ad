"""Highlights that read in light and dark palettes: contrast computed (WCAG 2), not assumed."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from hnreader.ui.common.contrast import READABLE, contrast, line_on, over, text_on
from hnreader.ui.reader.reader_text_edit import CURRENT_HIT_COLOR, FIGURE_UNDERLINE, HIT_COLOR

WHITE, BLACK = QColor("#ffffff"), QColor("#000000")
DARK_PAGE, LIGHT_TEXT = QColor("#1e1e1e"), QColor("#e6e6e6")


def test_contrast_follows_wcag() -> None:
    assert contrast(BLACK, WHITE) == pytest.approx(21.0)
    assert contrast(WHITE, WHITE) == pytest.approx(1.0)
    assert contrast(QColor("#767676"), WHITE) == pytest.approx(4.54, abs=0.01)  # WCAG's grey
    half = QColor(0, 0, 0, 128)
    assert over(half, WHITE).red() in (127, 128)


def test_a_strong_fill_gets_a_text_colour_of_its_own_only_where_needed() -> None:
    current = QColor(CURRENT_HIT_COLOR)
    current.setAlpha(230)
    assert text_on(current, WHITE, BLACK) is None  # black on orange reads well
    chosen = text_on(current, DARK_PAGE, LIGHT_TEXT)  # light text on bright orange does not
    assert chosen == BLACK and contrast(chosen, over(current, DARK_PAGE)) >= READABLE
    pale = QColor(HIT_COLOR)
    pale.setAlpha(40)
    assert text_on(pale, DARK_PAGE, LIGHT_TEXT) is None
    for tag in ("#F2C94C", "#2D9CDB", "#EB5757", "#000080", "#ffffff"):  # any tag colour
        fill = QColor(tag)
        fill.setAlpha(200)
        for page, text in ((WHITE, BLACK), (DARK_PAGE, LIGHT_TEXT)):
            shown = text_on(fill, page, text) or text
            assert contrast(shown, over(fill, page)) >= READABLE


def test_lines_and_hit_text_are_lightened_or_darkened_to_be_seen() -> None:
    assert contrast(line_on(FIGURE_UNDERLINE, DARK_PAGE), DARK_PAGE) >= 3.0
    assert contrast(line_on(HIT_COLOR, WHITE, READABLE), WHITE) >= READABLE


def test_the_readers_highlights_read_in_a_dark_palette(qtbot, controller, settings) -> None:
    from hnreader.ui.reader.reader_text_edit import build_highlights
    from hnreader.ui.reader.reader_view import ReaderView

    reader = ReaderView(controller, settings)
    qtbot.addWidget(reader)
    palette = reader.text_edit.palette()
    palette.setColor(QPalette.ColorRole.Base, DARK_PAGE)
    palette.setColor(QPalette.ColorRole.Text, LIGHT_TEXT)
    reader.text_edit.setPalette(palette)
    article = controller.project.article_ids()[0]
    reader.show_article(article)
    selections, layers = build_highlights(reader.text_edit, [], [], [(0, 2), (3, 5)], 1)
    current = next(s for s, layer in zip(selections, layers, strict=False) if layer.start == 3)
    fill = current.format.background().color()
    shown = (
        current.format.foreground().color()
        if current.format.hasProperty(current.format.Property.ForegroundBrush)
        else LIGHT_TEXT
    )
    assert contrast(shown, over(fill, DARK_PAGE)) >= READABLE

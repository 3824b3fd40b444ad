"""Colours that stay readable in light and dark palettes: WCAG 2 contrast between a text
colour and a translucent highlight laid over the page, computed rather than assumed (tag
colours are the user's choice)."""

from __future__ import annotations

from PySide6.QtGui import QColor

READABLE = 4.5  # WCAG 2 AA for body text


def luminance(color: QColor) -> float:
    """Relative luminance (WCAG 2), 0 black … 1 white."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two opaque colours, 1 … 21."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def over(fill: QColor, page: QColor) -> QColor:
    """`fill` (with its alpha) painted over the opaque `page`."""
    alpha = fill.alphaF()
    return QColor.fromRgbF(
        fill.redF() * alpha + page.redF() * (1 - alpha),
        fill.greenF() * alpha + page.greenF() * (1 - alpha),
        fill.blueF() * alpha + page.blueF() * (1 - alpha),
    )


def is_dark(page: QColor) -> bool:
    return luminance(page) < 0.2


def text_on(fill: QColor, page: QColor, text: QColor) -> QColor | None:
    """The text colour to use on `fill` over `page`: None when the palette's `text` reads
    well there (≥ 4.5:1), else black or white, whichever contrasts more."""
    shown = over(fill, page)
    if contrast(text, shown) >= READABLE:
        return None
    black, white = QColor("#000000"), QColor("#ffffff")
    return black if contrast(black, shown) >= contrast(white, shown) else white


def line_on(color: QColor, page: QColor, least: float = 3.0) -> QColor:
    """A line colour (an underline) visible on `page` (≥ 3:1, WCAG for graphics): `color`,
    or `color` lightened on a dark page (darkened on a light one) until it is."""
    shown = QColor(color)
    for _ in range(12):
        if contrast(shown, page) >= least:
            return shown
        shown = shown.lighter(125) if is_dark(page) else shown.darker(125)
    return shown

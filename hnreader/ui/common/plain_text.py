"""The one way the UI turns data into display strings: shown literally, never as markup."""

from __future__ import annotations

import html
import re

# Shown in place of an invisible control character. U+2426 SYMBOL FOR SUBSTITUTE FORM TWO (␦)
# is the ISO 2047 picture of SUB, the control that stands for "a character that cannot be
# shown". Not U+FFFD: the importer already writes U+FFFD for bytes it could not decode, and
# the two must stay distinguishable. It is one UTF-16 unit like every character it replaces
# (so Qt positions stay right too), bidi-neutral (class ON: it cannot reorder anything itself)
# and in the usual symbol fonts that Qt falls back on.
PLACEHOLDER = "\u2426"

# Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the marks LRM, RLM
# and ALM, the deprecated format controls U+206A–U+206F, a stray BOM, the interlinear
# annotation controls (which hide text) and every C0/C1 control except tab and line feed.
# A U+202E in a title reverses the rest of the line; a CR counts as a line break in Qt.
_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u206f\ufeff\ufff9-\ufffb]"
)

TOOLTIP_CHARS = 1000  # a longer tooltip is cut here…
TOOLTIP_LINES = 25  # …or after this many lines, whichever comes first
ELLIPSIS = "…"


def visible_controls(text: str) -> str:
    """`text` with each bidi or invisible control character replaced by PLACEHOLDER.

    One code point for one code point (and one UTF-16 unit for one), so an offset into the
    stored text is the same offset into the shown text."""
    if not _CONTROLS.search(text):
        return text
    return _CONTROLS.sub(PLACEHOLDER, text)


def rich_text(text: str) -> str:
    """`text` as explicit Qt rich text that displays exactly `text` (controls made visible).

    For the places where Qt guesses the format itself and cannot be told: tooltips, the
    labels of QInputDialog's and QMessageBox's static functions. Qt takes a string starting
    with a known tag for rich text (`Qt::mightBeRichText`), so `<b>` or `<img src="file:…">`
    in data would be rendered or loaded; escaped inside our own paragraph, it is only text.
    `white-space: pre-wrap` keeps runs of spaces and tabs and still wraps long lines."""
    body = html.escape(visible_controls(text), quote=False).replace("\n", "<br>")
    return f"<p style='white-space:pre-wrap'>{body}</p>"


def tooltip(text: str | None) -> str:
    """A ToolTipRole value (or `setToolTip` text) showing `text` literally, line breaks kept,
    cut with an ellipsis when very long. Empty text gives "" (no tooltip at all)."""
    if not text:
        return ""
    return rich_text(_capped(text))


def action_text(text: str) -> str:
    """Data as the text of a QAction or a button: "&" would mark a shortcut letter and a tab
    would start the shortcut column of a menu item, so "R&D" stays "R&D"."""
    single_line = " ".join(visible_controls(text).splitlines()).replace("\t", " ")
    return single_line.replace("&", "&&")


def window_title(text: str) -> str:
    """Data in a window title: "[*]" is Qt's placeholder for the modified mark ("[*][*]" is
    a literal "[*]")."""
    return visible_controls(text).replace("[*]", "[*][*]")


def _capped(text: str) -> str:
    cut = len(text) > TOOLTIP_CHARS
    if cut:
        text = text[:TOOLTIP_CHARS]
    lines = text.split("\n")
    if len(lines) > TOOLTIP_LINES:
        text, cut = "\n".join(lines[:TOOLTIP_LINES]), True
    return text.rstrip() + ELLIPSIS if cut else text

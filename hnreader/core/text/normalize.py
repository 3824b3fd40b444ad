"""Normalisation of imported text, and the length-preserving folded view used for matching."""

from __future__ import annotations

import html
import re
import threading

import opencc

# Bump when fold_for_search changes: stored search indexes record it and are rebuilt.
FOLD_VERSION = 1

_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029|\x85")
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def _fold_table() -> dict[int, int]:
    table = {}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII forms
        table[code] = code - 0xFEE0
    table[0x3000] = 0x20  # ideographic space
    for code, half in list(table.items()):
        if ord("A") <= half <= ord("Z"):
            table[code] = half + 32
    for half in range(ord("A"), ord("Z") + 1):
        table[half] = half + 32
    return table


_FOLD_TABLE = _fold_table()
_FOLD_CHARS = {chr(code): chr(target) for code, target in _FOLD_TABLE.items()}
_FOLDABLE = re.compile("[" + "".join(re.escape(char) for char in sorted(_FOLD_CHARS)) + "]")

_converter_lock = threading.Lock()
_converter: opencc.OpenCC | None = None


def normalise_stored_text(text: str) -> str:
    """What is stored for an imported text: `\\n` line ends, no BOM, no NUL, no lone surrogates,
    and a line of HTML paragraphs (a page's markup pasted into a text file) as its paragraphs.

    Everything else stays as the file said it (no NFKC: it would change lengths and wording).
    """
    text = normalise_line_ends(text)
    if "</p>" in text or "<br" in text:
        text = _HTML_PARAGRAPH_LINE.sub(_paragraph_lines, text)
    return text


def normalise_line_ends(text: str) -> str:
    """What is stored for a file kept as written (a page's HTML, a table's CSV): `\\n` line
    ends, no BOM, no NUL, no lone surrogates; markup is left as it is."""
    text = text.lstrip("\ufeff")
    text = _LINE_BREAKS.sub("\n", text)
    text = text.replace("\x00", "").replace("\ufeff", "")
    return _SURROGATES.sub("\ufffd", text)


# A line made of HTML paragraphs: <p><strong>央视网消息</strong>：</p><p>……</p>
_HTML_PARAGRAPH_LINE = re.compile(
    r"^[ \t]*<(?:p|div|br)\b[^\n]*(?:</p>|<br\s*/?>)[^\n]*$", re.MULTILINE | re.IGNORECASE
)
_BLOCK_TAG = re.compile(r"\s*(?:</p>|</div>|<br\s*/?>)\s*", re.IGNORECASE)
_OPEN_BLOCK = re.compile(r"<(?:p|div)\b[^>]*>", re.IGNORECASE)
_INLINE_TAG = re.compile(r"</?(?:strong|b|em|i|u|span|font|a|sup|sub)\b[^>]*>", re.IGNORECASE)


def _paragraph_lines(match: re.Match[str]) -> str:
    """The paragraphs of a line of HTML, one per line; the tags (markup) are dropped and
    entities read (&nbsp; becomes a space)."""
    line = _INLINE_TAG.sub("", _OPEN_BLOCK.sub("", _BLOCK_TAG.sub("\n", match.group())))
    paragraphs = [html.unescape(part).strip() for part in line.split("\n")]
    return "\n".join(part for part in paragraphs if part)


def _t2s() -> opencc.OpenCC:
    global _converter
    with _converter_lock:
        if _converter is None:
            _converter = opencc.OpenCC("t2s")
        return _converter


def to_simplified(text: str) -> str:
    """Traditional → Simplified, guaranteed to keep the length (and so every offset)."""
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    # A phrase-level rule changed the length somewhere: convert character by character and
    # keep only one-to-one mappings, so offsets stay exact.
    out = []
    for char in text:
        single = _t2s().convert(char)
        out.append(single if len(single) == 1 else char)
    return "".join(out)


def fold_width(text: str) -> str:
    """The first step of `fold_for_search`: full-width → half-width and ASCII lower-case, by a
    fixed character table (no OpenCC). Same length as `text`."""
    # A regex finds the few characters to fold at C speed; str.translate would look every
    # character up in the table, 3-10x slower on Chinese text.
    return _FOLDABLE.sub(_fold_match, text)


def _fold_match(match: re.Match[str]) -> str:
    return _FOLD_CHARS[match.group()]


def fold_for_search(text: str) -> str:
    """The matching view of a text: full-width → half-width, ASCII lower-case, Traditional →
    Simplified. Same length as `text`, so an offset found in the view is an offset in `text`."""
    folded = to_simplified(fold_width(text))
    assert len(folded) == len(text)
    return folded


def _width_preimages() -> dict[str, str]:
    sources: dict[str, list[str]] = {}
    for code, target in _FOLD_TABLE.items():
        sources.setdefault(chr(target), [chr(target)]).append(chr(code))
    return {target: "".join(chars) for target, chars in sources.items()}


_WIDTH_PREIMAGES = _width_preimages()


def has_width_variants(folded: str) -> bool:
    """Whether some other character folds to one of this folded term's characters (ASCII
    letters, digits and punctuation: their full-width and upper-case forms), so that the
    raw text may hold the term where `fold_width(text)` does and the text itself does not."""
    return any(char in _WIDTH_PREIMAGES for char in folded)


def width_pattern(folded: str) -> re.Pattern[str]:
    """A regex matching, in a raw text, exactly the places where `fold_width(text)` holds
    `folded`: `13.43%` also matches `１３．４３％`, `gdp` also `GDP`; other characters as is."""
    parts = []
    for char in folded:
        chars = _WIDTH_PREIMAGES.get(char)
        parts.append("[" + re.escape(chars) + "]" if chars else re.escape(char))
    return re.compile("".join(parts))

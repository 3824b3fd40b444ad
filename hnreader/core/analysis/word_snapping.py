"""Whole words in an article, from its index's word-boundary flags: snapping a selection to
word boundaries and the boundaries the reader draws between words."""

from __future__ import annotations

import unicodedata

from hnreader.core.analysis.index import WORD_BOUNDARY

# No separator is drawn next to these: punctuation, spaces, symbols already separate words.
NO_BREAK_CATEGORIES = ("P", "Z", "S", "C")


def snap_to_words(flags: bytes, start: int, end: int) -> tuple[int, int]:
    """`start`–`end` widened to the nearest word boundaries (code points; `flags` as
    `Project.article_word_flags` gives them, empty when the article is not indexed)."""
    if not flags:
        return start, end
    while start > 0 and not flags[start] & WORD_BOUNDARY:
        start -= 1
    while end < len(flags) - 1 and not flags[end] & WORD_BOUNDARY:
        end += 1
    return start, end


def visible_word_boundaries(text: str, flags: bytes) -> list[int]:
    """The positions between two words where a separator helps the eye: not at the ends,
    not next to punctuation, spaces or symbols."""
    if not flags:
        return []
    return [
        position
        for position in range(1, min(len(text), len(flags) - 1))
        if flags[position] & WORD_BOUNDARY and _joins_words(text[position - 1], text[position])
    ]


def _joins_words(before: str, after: str) -> bool:
    return not any(
        unicodedata.category(ch).startswith(NO_BREAK_CATEGORIES) for ch in (before, after)
    )

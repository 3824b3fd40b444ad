"""Sentences and paragraphs of a stored text as numbered units, for "same sentence" tests."""

from __future__ import annotations

from bisect import bisect_right

from hnreader.core.text.scope import CLOSERS, SENTENCE_ENDS

OVERLAP, SENTENCE, PARAGRAPH, ARTICLE = "overlap", "sentence", "paragraph", "article"
SCOPES = (OVERLAP, SENTENCE, PARAGRAPH, ARTICLE)


def unit_starts(text: str, scope: str) -> list[int]:
    """The offsets where each paragraph (a line) or sentence begins; the first is 0.

    A sentence ends after 。！？!? (a run of them and the closing quotes that follow) or at a
    line break, as in the search panel's sentence scope.
    """
    starts = [0]
    position = 0
    length = len(text)
    while position < length:
        char = text[position]
        if char == "\n":
            starts.append(position + 1)
            position += 1
            continue
        if scope == SENTENCE and char in SENTENCE_ENDS:
            while position < length and text[position] in SENTENCE_ENDS:
                position += 1
            while position < length and text[position] in CLOSERS:
                position += 1
            if position < length and text[position] != "\n":
                starts.append(position)
            continue
        position += 1
    return starts


def units_of(starts: list[int], start: int, end: int) -> range:
    """The numbers of the units that the span [start, end) touches."""
    first = bisect_right(starts, start) - 1
    last = bisect_right(starts, max(start, end - 1)) - 1
    return range(first, last + 1)

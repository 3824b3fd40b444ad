"""The units agreement is counted on: sentences, paragraphs, whole articles or characters of
an article's text (code-point offsets), and which of them a coder coded with a tag."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

SENTENCE = "sentence"
PARAGRAPH = "paragraph"
ARTICLE = "article"
CHARACTER = "character"
UNITS = (SENTENCE, PARAGRAPH, ARTICLE, CHARACTER)

# A sentence ends at its mark and the closing quotes after it (“……。”), or at a line's end.
_SENTENCE = re.compile(r"[^\n。！？!?；;]*(?:[。！？!?；;]+[”’」』\"')）]*|(?=\n)|$)")

Span = tuple[int, int]


def units_of(text: str, unit: str) -> list[Span]:
    """The units of a text, in order, without blank ones."""
    if unit == ARTICLE:
        return [(0, len(text))] if text.strip() else []
    if unit == CHARACTER:
        return [(i, i + 1) for i, char in enumerate(text) if not char.isspace()]
    if unit == PARAGRAPH:
        spans, start = [], 0
        for line in text.split("\n"):
            if line.strip():
                spans.append((start, start + len(line)))
            start += len(line) + 1
        return spans
    if unit == SENTENCE:
        return [
            (m.start(), m.end())
            for m in _SENTENCE.finditer(text)
            if text[m.start() : m.end()].strip()
        ]
    raise ValueError(f"unknown unit {unit!r}; one of {', '.join(UNITS)}")


def merged(spans: Sequence[Span]) -> list[Span]:
    """Overlapping or touching spans joined, sorted."""
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def covered(unit: Span, coded: Sequence[Span]) -> int:
    """How many characters of `unit` the merged spans `coded` cover."""
    start, end = unit
    total = 0
    i = max(0, bisect.bisect_right(coded, (start, start)) - 1)
    while i < len(coded) and coded[i][0] < end:
        total += max(0, min(end, coded[i][1]) - max(start, coded[i][0]))
        i += 1
    return total


def is_coded(unit: Span, coded: Sequence[Span], min_share: float) -> bool:
    """Whether a coding covers `unit`: any character of it (min_share 0), else at least that
    share of its characters."""
    share = covered(unit, coded)
    if min_share <= 0:
        return share > 0
    return share >= min_share * (unit[1] - unit[0])

"""Widen a search hit to its clause, sentence or paragraph, in code points of the stored text."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

HIT, CLAUSE, SENTENCE, PARAGRAPH = "hit", "clause", "sentence", "paragraph"
SCOPES = (HIT, CLAUSE, SENTENCE, PARAGRAPH)

SENTENCE_ENDS = frozenset("。！？!?")
CLAUSE_ENDS = frozenset("，；,;、：:") | SENTENCE_ENDS
# Closing quotes and brackets that belong to the sentence they follow: 他说：“好。”
CLOSERS = frozenset("”’」』）)》〉】\"'")


def scope_span(text: str, start: int, end: int, scope: str) -> tuple[int, int]:
    """The span of `scope` around the hit [start, end): always contains the hit, never
    crosses a line break the hit does not cross, has no surrounding whitespace.

    - hit: the hit itself
    - clause: up to the nearest ，；,;、：: or sentence end on either side (delimiters excluded,
      except a sentence end and its closing quotes, which stay with the clause they end)
    - sentence: after the previous 。！？!? (and its closing quotes) through the next one
    - paragraph: the line
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}–{end} is outside a text of {len(text)} characters")
    if scope == HIT:
        return start, end
    if scope not in SCOPES:
        raise ValueError(f"unknown scope {scope!r}; use one of {', '.join(SCOPES)}")
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end < 0:
        line_end = len(text)
    if scope == PARAGRAPH:
        left, right = line_start, line_end
    else:
        stops = CLAUSE_ENDS if scope == CLAUSE else SENTENCE_ENDS
        left = _left_edge(text, line_start, start, stops)
        right = _right_edge(text, end, line_end, stops, keep=SENTENCE_ENDS)
    left, right = _trim(text, left, right)
    return min(left, start), max(right, end)


def _left_edge(text: str, floor: int, start: int, stops: frozenset[str]) -> int:
    position = start
    while position > floor and text[position - 1] not in stops:
        position -= 1
    if position > floor:
        # Skip closing quotes that belong to the previous sentence.
        while position < start and text[position] in CLOSERS:
            position += 1
    return position


def _right_edge(
    text: str, end: int, ceiling: int, stops: frozenset[str], keep: frozenset[str]
) -> int:
    position = end
    while position < ceiling and text[position] not in stops:
        position += 1
    if position < ceiling and text[position] in keep:
        while position < ceiling and text[position] in keep:
            position += 1  # 吗？！ ends once
        while position < ceiling and text[position] in CLOSERS:
            position += 1
    return position


def _trim(text: str, left: int, right: int) -> tuple[int, int]:
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1].isspace():
        right -= 1
    return left, right


def scope_spans(hits: list[tuple[int, int]], text: str, scope: str) -> list[tuple[int, int]]:
    """The distinct scope spans of several hits in one text, in order (two hits in one
    sentence give one sentence)."""
    return sorted({scope_span(text, start, end, scope) for start, end in hits})


def hit_passages(
    hits: Iterable[tuple[int, int, int]], texts: Mapping[int, str], scope: str
) -> list[tuple[int, int, int]]:
    """The distinct passages (article id, start, end) that hits (article id, start, end) widen
    to in `scope`, by article then position; hits of articles missing from `texts` are left
    out."""
    by_article: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for article_id, start, end in hits:
        by_article[article_id].append((start, end))
    passages: list[tuple[int, int, int]] = []
    for article_id, spans in sorted(by_article.items()):
        text = texts.get(article_id)
        if text is not None:
            passages.extend((article_id, s, e) for s, e in scope_spans(spans, text, scope))
    return passages

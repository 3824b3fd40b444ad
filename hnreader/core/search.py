"""search(): FTS candidates → exact hits with offsets, word classification, KWIC, ranking."""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from hnreader.core.models import ArticleHits, QueryError, SearchHit, SearchResult
from hnreader.core.search_index import (
    TOKEN_END,
    TOKEN_START,
    WORD_BOUNDARY,
    boundary_flags,
    chars_match,
    chars_match_is_exhaustive,
)
from hnreader.core.search_query import ParsedQuery, TermGroup, parse_query
from hnreader.core.segmenter import Segmenter
from hnreader.core.text_normalize import fold_for_search

BATCH_SIZE = 200

WORD = "word"
SUBWORD = "subword"
SUBSTRING = "substring"


class SearchBackend(Protocol):
    """What search() needs from the store (kept minimal; the Store implements it)."""

    def fts_candidates(self, match: str) -> list[tuple[int, float]]:
        """(article id, bm25 score; lower is better) of every `article_fts` row matching the
        FTS5 expression `match`, best first; ties by article date (newest first), then id."""
        ...

    def article_texts(self, ids: Sequence[int]) -> dict[int, str]:
        """The stored texts of these articles (missing ids are left out)."""
        ...

    def article_flags(self, ids: Sequence[int]) -> dict[int, bytes]:
        """The stored `IndexEntry.flags` blobs of these articles (missing ids are left out)."""
        ...

    def article_briefs(self, ids: Sequence[int]) -> dict[int, tuple[str, str, str]]:
        """(title, date, source) of these articles."""
        ...


@dataclass
class _Matched:
    article_id: int
    score: float
    spans: list[tuple[int, int, str]]  # (start, end, match kind), sorted
    text: str | None  # kept only for articles that may make the first `limit`


def fts_expression(parsed: ParsedQuery) -> str:
    """The FTS5 candidate filter for a parsed query: the positive groups ANDed (exclusions are
    checked in Python: an FTS phrase is a superset, so NOT would drop real matches)."""
    exhaustive = [g for g in parsed.groups if _group_is_exhaustive(g)]
    groups = exhaustive or list(parsed.groups)
    return " AND ".join(_group_expression(g) for g in groups)


def _group_is_exhaustive(group: TermGroup) -> bool:
    return all(chars_match_is_exhaustive(term.folded) for term in group.alternatives)


def _group_expression(group: TermGroup) -> str:
    return "(" + " OR ".join(chars_match(term.folded) for term in group.alternatives) + ")"


def _find_all(haystack: str, needle: str) -> list[int]:
    """Start offsets of non-overlapping occurrences, left to right (as `re.finditer`)."""
    starts = []
    step = len(needle)
    pos = haystack.find(needle)
    while pos >= 0:
        starts.append(pos)
        pos = haystack.find(needle, pos + step)
    return starts


def _classify(flags: bytes, start: int, end: int) -> str:
    if flags[start] & WORD_BOUNDARY and flags[end] & WORD_BOUNDARY:
        return WORD
    if flags[start] & TOKEN_START and flags[end] & TOKEN_END:
        return SUBWORD
    return SUBSTRING


def _kwic(text: str, start: int, end: int, width: int) -> tuple[str, str]:
    left = text[max(0, start - width) : start]
    left = left[left.rfind("\n") + 1 :]
    right = text[end : end + width]
    cut = right.find("\n")
    return left, right if cut < 0 else right[:cut]


def search(
    backend: SearchBackend,
    segmenter: Segmenter,
    query: str,
    *,
    whole_words: bool = False,
    limit: int = 50,
    context_chars: int = 20,
) -> SearchResult:
    """Find every occurrence of the query's terms in the articles matching the query.

    A query that holds nothing searchable gives an empty result whose `message` says why;
    `parse_query` is where a `QueryError` comes from. Hits are exact, non-overlapping
    occurrences of each folded term in the folded text, in order; different terms' hits may
    overlap. Articles with a whole-word hit come first, then by BM25, date, id.
    """
    try:
        parsed = parse_query(query)
    except QueryError as error:
        return SearchResult(str(query), (), 0, 0, (), message=str(error))
    limit = max(0, limit)
    context_chars = max(0, context_chars)
    segments = tuple(word for term in parsed.positive_terms for word in segmenter.cut(term.folded))
    positives = list(dict.fromkeys(term.folded for term in parsed.positive_terms))
    groups = [tuple({t.folded for t in g.alternatives}) for g in parsed.groups]
    excluded = [term.folded for term in parsed.excluded]

    candidates = backend.fts_candidates(fts_expression(parsed))
    whole: list[_Matched] = []  # articles with a whole-word hit, in FTS order
    partial: list[_Matched] = []  # the others
    total_hits = 0
    for offset in range(0, len(candidates), BATCH_SIZE):
        batch = candidates[offset : offset + BATCH_SIZE]
        texts = backend.article_texts([article_id for article_id, _ in batch])
        found: list[tuple[int, float, str, str, dict[str, list[int]]]] = []
        for article_id, score in batch:
            text = texts.get(article_id)
            if text is None:
                continue
            folded = fold_for_search(text)
            if any(term in folded for term in excluded):
                continue
            if not all(any(alt in folded for alt in group) for group in groups):
                continue
            starts = {term: _find_all(folded, term) for term in positives}
            found.append((article_id, score, text, folded, starts))
        if not found:
            continue
        blobs = backend.article_flags([item[0] for item in found])
        for article_id, score, text, folded, starts in found:
            flags = _flags_for(blobs.get(article_id), folded, segmenter)
            spans = []
            for term, term_starts in starts.items():
                size = len(term)
                for start in term_starts:
                    kind = _classify(flags, start, start + size)
                    if whole_words and kind == SUBSTRING:
                        continue
                    spans.append((start, start + size, kind))
            if not spans:
                continue
            spans.sort()
            total_hits += len(spans)
            has_whole = whole_words or any(kind != SUBSTRING for _, _, kind in spans)
            bucket = whole if has_whole else partial
            keep_text = len(bucket) < limit
            bucket.append(_Matched(article_id, score, spans, text if keep_text else None))

    ranked = (whole + partial)[:limit]
    briefs = backend.article_briefs([m.article_id for m in ranked]) if ranked else {}
    articles = []
    for matched in ranked:
        text = matched.text
        assert text is not None
        title, date, source = briefs.get(matched.article_id, ("", "", ""))
        hits = []
        for start, end, kind in matched.spans:
            left, right = _kwic(text, start, end, context_chars)
            hits.append(SearchHit(start, end, text[start:end], left, right, kind))
        articles.append(
            ArticleHits(matched.article_id, title, date, source, tuple(hits), matched.score)
        )
    return SearchResult(
        query=query,
        segments=segments,
        total_hits=total_hits,
        total_articles=len(whole) + len(partial),
        articles=tuple(articles),
    )


def _flags_for(blob: bytes | None, folded: str, segmenter: Segmenter) -> bytes:
    """The article's stored flags, or flags computed now when none (or stale ones) are stored."""
    if blob is not None:
        try:
            flags = zlib.decompress(blob)
        except zlib.error:
            flags = b""
        if len(flags) == len(folded) + 1:
            return flags
    return boundary_flags(folded, segmenter)

"""search(): FTS candidates → exact hits with offsets, word classification and KWIC, a page
at a time in corpus order; count_matches() for the exact totals.

A page costs the FTS lookup of its candidates plus a substring search in each: a search
never reads more articles than it lists (and the ones it rejects), so the first page comes
back in milliseconds whatever the size of the corpus. The totals need every candidate
checked; the app counts them in the background.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from hnreader.core.analysis.index import (
    TOKEN_END,
    TOKEN_START,
    WORD_BOUNDARY,
    boundary_flags,
    chars_match,
    chars_match_is_exhaustive,
)
from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.models import ArticleHits, QueryError, SearchHit, SearchResult
from hnreader.core.search.query import ParsedQuery, TermGroup, parse_query
from hnreader.core.text.normalize import fold_for_search, width_pattern

MAX_BATCH = 1000

WORD = "word"
SUBWORD = "subword"
SUBSTRING = "substring"

MatchRow = tuple[str, str | None, bytes | None]  # text, stored folded view, compressed flags


class SearchBackend(Protocol):
    """What search() needs from the store (kept minimal; the Store implements it)."""

    def fts_page(self, match: str | None, after: int, limit: int) -> list[int]:
        """Up to `limit` article ids above `after`, ascending, of the articles whose FTS
        document matches the expression `match` (None: every article)."""
        ...

    def match_rows(self, ids: Sequence[int]) -> dict[int, MatchRow]:
        """(text, stored folded view or None, compressed flags or None) of these articles."""
        ...

    def article_briefs(self, ids: Sequence[int]) -> dict[int, tuple[str, str, str]]:
        """(title, date, source) of these articles."""
        ...


def fts_expression(parsed: ParsedQuery) -> str | None:
    """The FTS5 candidate filter for a parsed query: the positive groups ANDed (exclusions are
    checked in Python: an FTS phrase is a superset, so NOT would drop real matches). None
    when no group can be looked up (every article is then a candidate)."""
    groups = [g for g in parsed.groups if _group_is_exhaustive(g)]
    if not groups:
        return None
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


class _Matcher:
    """A parsed query, ready to find its exact hits in one article's stored row.

    Hits are non-overlapping occurrences of each folded term in the article's folded view, in
    order. The view is `fold_width(text)` for almost every article, so the search runs on the
    stored text with a pattern that matches every width and case variant of the term
    (`width_pattern`); the few articles OpenCC changes keep their folded view in the store.
    """

    def __init__(self, parsed: ParsedQuery, whole_words: bool) -> None:
        self.whole_words = whole_words
        self.positives = list(dict.fromkeys(term.folded for term in parsed.positive_terms))
        self.groups = [tuple({t.folded for t in g.alternatives}) for g in parsed.groups]
        self.excluded = list(dict.fromkeys(term.folded for term in parsed.excluded))
        self.patterns: dict[str, re.Pattern[str]] = {
            term: width_pattern(term) for term in [*self.positives, *self.excluded]
        }

    def starts(self, row: MatchRow) -> dict[str, list[int]] | None:
        """Hit starts of each positive term, or None when the article does not match."""
        text, folded, _flags = row
        if folded is not None:
            if any(term in folded for term in self.excluded):
                return None
            starts = {term: _find_all(folded, term) for term in self.positives}
        else:
            if any(self.patterns[term].search(text) for term in self.excluded):
                return None
            starts = {
                term: [m.start() for m in self.patterns[term].finditer(text)]
                for term in self.positives
            }
        if not all(any(starts[alt] for alt in group) for group in self.groups):
            return None
        return starts

    def spans(self, row: MatchRow, segmenter: Segmenter) -> list[tuple[int, int, str]]:
        """(start, end, match kind) of the article's hits, sorted; [] when it does not match."""
        starts = self.starts(row)
        if starts is None:
            return []
        text, folded, blob = row
        flags = _flags_for(blob, folded if folded is not None else text, segmenter)
        spans = []
        for term, term_starts in starts.items():
            size = len(term)
            for start in term_starts:
                kind = _classify(flags, start, start + size)
                if self.whole_words and kind == SUBSTRING:
                    continue
                spans.append((start, start + size, kind))
        spans.sort()
        return spans

    def count(self, row: MatchRow, segmenter: Segmenter) -> int:
        """How many hits `spans()` would list, without building them where it can."""
        if self.whole_words:
            return len(self.spans(row, segmenter))
        starts = self.starts(row)
        return 0 if starts is None else sum(len(found) for found in starts.values())


@dataclass
class _Prepared:
    query: str
    segments: tuple[str, ...]
    match: str | None
    matcher: _Matcher


def _prepare(segmenter: Segmenter, query: str, whole_words: bool) -> _Prepared | SearchResult:
    try:
        parsed = parse_query(query)
    except QueryError as error:
        return SearchResult(str(query), (), 0, 0, (), message=str(error), error=error)
    segments = tuple(word for term in parsed.positive_terms for word in segmenter.cut(term.folded))
    return _Prepared(query, segments, fts_expression(parsed), _Matcher(parsed, whole_words))


def _candidate_batches(
    backend: SearchBackend, match: str | None, after: int, first_batch: int
) -> Iterator[list[int]]:
    """Successive batches of candidate ids above `after`, each twice the last (to MAX_BATCH)."""
    batch = max(1, first_batch)
    while True:
        ids = backend.fts_page(match, after, batch)
        if ids:
            yield ids
        if len(ids) < batch:
            return
        after = ids[-1]
        batch = min(batch * 2, MAX_BATCH)


def search(
    backend: SearchBackend,
    segmenter: Segmenter,
    query: str,
    *,
    whole_words: bool = False,
    limit: int = 50,
    after: int = 0,
    context_chars: int = 20,
) -> SearchResult:
    """The first `limit` articles (ids above `after`, in corpus order) holding the query,
    with every hit in them: offsets, match kind and KWIC context.

    A query that holds nothing searchable gives an empty result whose `message` says why.
    When the page holds every matching article, `complete` is set and the totals are exact;
    otherwise the totals are None (see `count_matches`) and `next_after` continues the list.
    """
    prepared = _prepare(segmenter, query, whole_words)
    if isinstance(prepared, SearchResult):
        return prepared
    limit = max(0, limit)
    context_chars = max(0, context_chars)
    batches = _candidate_batches(backend, prepared.match, after, limit)
    found: list[tuple[int, str, list[tuple[int, int, str]]]] = []
    last_seen = after
    exhausted = limit == 0
    while len(found) < limit:
        ids = next(batches, [])
        if not ids:
            exhausted = True
            break
        rows = backend.match_rows(ids)
        for article_id in ids:
            last_seen = article_id
            row = rows.get(article_id)
            spans = prepared.matcher.spans(row, segmenter) if row is not None else []
            if spans:
                found.append((article_id, row[0], spans))  # type: ignore[index]
                if len(found) == limit:
                    break
    if not exhausted:
        # The page is full: it is the whole result if no candidate is left after it.
        exhausted = not backend.fts_page(prepared.match, last_seen, 1)
    briefs = backend.article_briefs([article_id for article_id, _, _ in found]) if found else {}
    articles = [
        _article_hits(article_id, text, spans, briefs.get(article_id), context_chars)
        for article_id, text, spans in found
    ]
    complete = exhausted and after == 0
    return SearchResult(
        query=query,
        segments=prepared.segments,
        total_hits=sum(len(a.hits) for a in articles) if complete else None,
        total_articles=len(articles) if complete else None,
        articles=tuple(articles),
        complete=exhausted,
        next_after=last_seen,
    )


def search_article(
    backend: SearchBackend,
    segmenter: Segmenter,
    query: str,
    article_id: int,
    *,
    whole_words: bool = False,
    context_chars: int = 20,
) -> ArticleHits | None:
    """The hits of the query in one article (None when it has none, or the query is empty)."""
    prepared = _prepare(segmenter, query, whole_words)
    if isinstance(prepared, SearchResult):
        return None
    row = backend.match_rows([article_id]).get(article_id)
    if row is None:
        return None
    spans = prepared.matcher.spans(row, segmenter)
    if not spans:
        return None
    brief = backend.article_briefs([article_id]).get(article_id)
    return _article_hits(article_id, row[0], spans, brief, context_chars)


def _article_hits(
    article_id: int,
    text: str,
    spans: list[tuple[int, int, str]],
    brief: tuple[str, str, str] | None,
    context_chars: int,
) -> ArticleHits:
    title, date, source = brief or ("", "", "")
    hits = []
    for start, end, kind in spans:
        left, right = _kwic(text, start, end, context_chars)
        hits.append(SearchHit(start, end, text[start:end], left, right, kind))
    return ArticleHits(article_id, title, date, source, tuple(hits))


def count_matches(
    backend: SearchBackend,
    segmenter: Segmenter,
    query: str,
    *,
    whole_words: bool = False,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> tuple[int, int] | None:
    """(hits, articles) of the whole result, as `search` would list them page after page.

    Reads every candidate; `progress(checked, last id)` after each batch. None when the query
    holds nothing searchable or `is_cancelled()` turned true.
    """
    prepared = _prepare(segmenter, query, whole_words)
    if isinstance(prepared, SearchResult):
        return None
    hits = articles = checked = 0
    for ids in _candidate_batches(backend, prepared.match, 0, MAX_BATCH):
        if is_cancelled is not None and is_cancelled():
            return None
        rows = backend.match_rows(ids)
        for article_id in ids:
            row = rows.get(article_id)
            found = prepared.matcher.count(row, segmenter) if row is not None else 0
            if found:
                hits += found
                articles += 1
        checked += len(ids)
        if progress is not None:
            progress(checked, ids[-1])
    return hits, articles


def _flags_for(blob: bytes | None, view: str, segmenter: Segmenter) -> bytes:
    """The article's stored flags, or flags computed now when none (or stale ones) are
    stored. `view` is the stored folded view, or the text (folded here when needed)."""
    if blob is not None:
        try:
            flags = zlib.decompress(blob)
        except zlib.error:
            flags = b""
        if len(flags) == len(view) + 1:
            return flags
    return boundary_flags(fold_for_search(view), segmenter)

"""search(): FTS candidates → exact hits with offsets, word classification and KWIC, a page
at a time in corpus order; count_matches() for the exact totals.

A page costs the FTS lookup of its candidates plus a substring search in each: a search
never reads more articles than it lists (and the ones it rejects), so the first page comes
back in milliseconds whatever the size of the corpus. The body index's phrases are exact
(every character is a token), so the candidates are the matches for almost every query,
and the totals come from the index where it can give them (`totals.py`: the number of
articles; a single character's occurrences); other hits are counted in the matching articles
only. The app counts them in the background.

The fields searched are the body and the header (title, subtitle, byline) unless a search
asks for fewer. The header has an FTS index of its own; an article is a candidate when its
body holds every term (the text index) or its header holds any (the header index), which
finds every article whose fields hold every term between them. Hits in the header have
offsets into their field's stored string (`SearchHit.field`).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from hnreader.core.analysis.index import (
    TOKEN_END,
    TOKEN_START,
    WORD_BOUNDARY,
    boundary_flags,
)
from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.models import (
    ArticleHits,
    QueryError,
    SearchField,
    SearchHit,
    SearchResult,
    SearchTotals,
)
from hnreader.core.search.candidates import (
    MAX_BATCH,
    Lookup,
    SearchBackend,
    candidate_batches,
    match_rows,
    searched_fields,
)
from hnreader.core.search.query import ParsedQuery, parse_query
from hnreader.core.search.totals import (
    can_count_from_index,
    indexed_article_count,
    indexed_counts_by_article,
    indexed_totals,
)
from hnreader.core.store import MatchRow
from hnreader.core.text.normalize import fold_for_search, width_pattern

__all__ = [
    "MatchRow",
    "SearchBackend",
    "body_spans_by_article",
    "count_articles",
    "count_by_article",
    "count_matches",
    "search",
    "search_article",
]

WORD = "word"
SUBWORD = "subword"
SUBSTRING = "substring"

BODY = SearchField.BODY

Span = tuple[str, int, int, str]  # field, start, end, match kind


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

    Hits are non-overlapping occurrences of each folded term in the folded view of each
    field searched, in order. The body's view is `fold_width(text)` for almost every
    article, so the search runs on the stored text with a pattern that matches every width
    and case variant of the term (`width_pattern`); the few articles OpenCC changes keep
    their folded view in the store. The header index keeps every header field's view.
    An article matches when every group has a term in some field searched and no excluded
    term is in any.
    """

    def __init__(self, parsed: ParsedQuery, whole_words: bool, fields: tuple[str, ...]) -> None:
        self.whole_words = whole_words
        self.body = BODY in fields
        self.header = frozenset(fields) - {BODY}
        self.positives = list(dict.fromkeys(term.folded for term in parsed.positive_terms))
        self.groups = [tuple({t.folded for t in g.alternatives}) for g in parsed.groups]
        self.excluded = list(dict.fromkeys(term.folded for term in parsed.excluded))
        self.patterns: dict[str, re.Pattern[str]] = {
            term: width_pattern(term) for term in [*self.positives, *self.excluded]
        }

    def _body_starts(self, row: MatchRow) -> dict[str, list[int]] | None:
        text, folded = row.text, row.folded
        if folded is not None:
            if any(term in folded for term in self.excluded):
                return None
            return {term: _find_all(folded, term) for term in self.positives}
        if any(self.patterns[term].search(text) for term in self.excluded):
            return None
        return {
            term: [m.start() for m in self.patterns[term].finditer(text)] for term in self.positives
        }

    def starts(self, row: MatchRow) -> list[tuple[str, str, dict[str, list[int]]]] | None:
        """(field, its folded view, hit starts of each positive term) of each field searched,
        or None when the article does not match. The body's view is given as ""."""
        body = None
        if self.body:
            body = self._body_starts(row)
            if body is None:
                return None
        if not row.header or not self.header:  # the text alone: most candidates
            if body is not None and all(any(body[t] for t in g) for g in self.groups):
                return [(BODY, "", body)]
            return None
        found: list[tuple[str, str, dict[str, list[int]]]] = []
        for field, stored, folded in row.header:
            if field not in self.header or not stored:
                continue
            view = folded if folded is not None else fold_for_search(stored)
            if any(term in view for term in self.excluded):
                return None
            found.append((field, view, {t: _find_all(view, t) for t in self.positives}))
        if body is not None:
            found.append((BODY, "", body))
        for group in self.groups:
            if not any(starts[alt] for _, _, starts in found for alt in group):
                return None
        return found

    def spans(self, row: MatchRow, segmenter: Segmenter) -> list[Span]:
        """(field, start, end, match kind) of the article's hits in field order, then by
        start; [] when it does not match."""
        found = self.starts(row)
        if found is None:
            return []
        spans: list[Span] = []
        for field, view, starts in found:
            if not any(starts.values()):
                continue
            if field == BODY:
                body_view = row.folded if row.folded is not None else row.text
                flags = _flags_for(row.flags, body_view, segmenter)
            else:
                flags = boundary_flags(view, segmenter)  # a few characters: segmented now
            field_spans = []
            for term, term_starts in starts.items():
                size = len(term)
                for start in term_starts:
                    kind = _classify(flags, start, start + size)
                    if self.whole_words and kind == SUBSTRING:
                        continue
                    field_spans.append((field, start, start + size, kind))
            spans.extend(sorted(field_spans))
        return spans

    def count(self, row: MatchRow, segmenter: Segmenter) -> list[tuple[str, int]]:
        """(field, how many hits `spans()` would list there) for each field with hits,
        without building them where it can."""
        if self.whole_words:
            counts: dict[str, int] = {}
            for field, _start, _end, _kind in self.spans(row, segmenter):
                counts[field] = counts.get(field, 0) + 1
            return list(counts.items())
        found = self.starts(row)
        if found is None:
            return []
        counted = [(field, sum(map(len, starts.values()))) for field, _, starts in found]
        return counted if len(counted) == 1 else [(field, n) for field, n in counted if n]


@dataclass
class _Prepared:
    query: str
    segments: tuple[str, ...]
    lookup: Lookup
    matcher: _Matcher
    parsed: ParsedQuery
    fields: tuple[str, ...]


def _prepare(
    segmenter: Segmenter, query: str, whole_words: bool, fields: Sequence[str] | None
) -> _Prepared | SearchResult:
    searched = searched_fields(fields)
    try:
        parsed = parse_query(query)
    except QueryError as error:
        return SearchResult(str(query), (), 0, 0, (), message=str(error), error=error)
    segments = tuple(word for term in parsed.positive_terms for word in segmenter.cut(term.folded))
    return _Prepared(
        query,
        segments,
        Lookup.of(parsed, searched),
        _Matcher(parsed, whole_words, searched),
        parsed,
        searched,
    )


def search(
    backend: SearchBackend,
    segmenter: Segmenter,
    query: str,
    *,
    whole_words: bool = False,
    fields: Sequence[str] | None = None,
    limit: int = 50,
    after: int = 0,
    context_chars: int = 20,
) -> SearchResult:
    """The first `limit` articles (ids above `after`, in corpus order) holding the query in
    the `fields` searched (None: all of `SearchField.ALL`), with every hit in them: field,
    offsets, match kind and KWIC context.

    A query that holds nothing searchable gives an empty result whose `message` says why.
    When the page holds every matching article, `complete` is set and the totals are exact;
    otherwise the totals are None (see `count_matches`) and `next_after` continues the list.
    """
    prepared = _prepare(segmenter, query, whole_words, fields)
    if isinstance(prepared, SearchResult):
        return prepared
    limit = max(0, limit)
    context_chars = max(0, context_chars)
    batches = candidate_batches(backend, prepared.lookup, after, limit)
    found: list[tuple[int, MatchRow, list[Span]]] = []
    last_seen = after
    exhausted = limit == 0
    while len(found) < limit:
        ids, rows = next(batches, ([], {}))
        if not ids:
            exhausted = True
            break
        for article_id in ids:
            last_seen = article_id
            row = rows.get(article_id)
            spans = prepared.matcher.spans(row, segmenter) if row is not None else []
            if spans and row is not None:
                found.append((article_id, row, spans))
                if len(found) == limit:
                    break
    if not exhausted:
        # The page is full: it is the whole result if no candidate is left after it.
        exhausted = not prepared.lookup.page(backend, last_seen, 1)[0]
    briefs = backend.article_briefs([article_id for article_id, _, _ in found]) if found else {}
    articles = [
        _article_hits(article_id, row, spans, briefs.get(article_id), context_chars)
        for article_id, row, spans in found
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
    fields: Sequence[str] | None = None,
    context_chars: int = 20,
) -> ArticleHits | None:
    """The hits of the query in one article (None when it has none, or the query is empty)."""
    prepared = _prepare(segmenter, query, whole_words, fields)
    if isinstance(prepared, SearchResult):
        return None
    header = [article_id] if prepared.matcher.header else []
    row = match_rows(backend, [article_id], header).get(article_id)
    if row is None:
        return None
    spans = prepared.matcher.spans(row, segmenter)
    if not spans:
        return None
    brief = backend.article_briefs([article_id]).get(article_id)
    return _article_hits(article_id, row, spans, brief, context_chars)


def _article_hits(
    article_id: int,
    row: MatchRow,
    spans: list[Span],
    brief: tuple[str, str, str] | None,
    context_chars: int,
) -> ArticleHits:
    title, date, source = brief or ("", "", "")
    texts = {field: stored for field, stored, _ in row.header}
    texts[BODY] = row.text
    hits = []
    for field, start, end, kind in spans:
        text = texts[field]
        left, right = _kwic(text, start, end, context_chars)
        hits.append(SearchHit(start, end, text[start:end], left, right, kind, field))
    return ArticleHits(article_id, title, date, source, tuple(hits))


def count_matches(
    backend: SearchBackend,
    segmenter: Segmenter,
    query: str,
    *,
    whole_words: bool = False,
    fields: Sequence[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> SearchTotals | None:
    """The totals of the whole result (hits, articles, hits per header field), as `search`
    would list them page after page.

    Reads every candidate; `progress(checked, last id)` after each batch. None when the query
    holds nothing searchable or `is_cancelled()` turned true.
    """
    prepared = _prepare(segmenter, query, whole_words, fields)
    if isinstance(prepared, SearchResult):
        return None
    if can_count_from_index(prepared.parsed, prepared.fields, whole_words):
        return indexed_totals(
            backend,
            prepared.parsed,
            prepared.fields,
            prepared.matcher,
            segmenter,
            progress,
            is_cancelled,
        )
    scanned = _scan_counts(backend, segmenter, prepared, progress, is_cancelled)
    if scanned is None:
        return None
    by_field = dict.fromkeys(SearchField.ALL, 0)
    for found in scanned.values():
        for field, hits in found:
            by_field[field] += hits
    header = tuple((f, by_field[f]) for f in SearchField.HEADER if by_field[f])
    return SearchTotals(sum(by_field.values()), len(scanned), header)


def _scan_counts(
    backend: SearchBackend,
    segmenter: Segmenter,
    prepared: _Prepared,
    progress: Callable[[int, int], None] | None,
    is_cancelled: Callable[[], bool] | None,
) -> dict[int, list[tuple[str, int]]] | None:
    """(field, hits) of every matching article, read candidate by candidate (what the index
    cannot count); `progress(checked, last id)` after each batch; None when cancelled."""
    found: dict[int, list[tuple[str, int]]] = {}
    checked = 0
    for ids, rows in candidate_batches(backend, prepared.lookup, 0, MAX_BATCH):
        if is_cancelled is not None and is_cancelled():
            return None
        for article_id in ids:
            row = rows.get(article_id)
            counted = prepared.matcher.count(row, segmenter) if row is not None else []
            if counted:
                found[article_id] = counted
        checked += len(ids)
        if progress is not None:
            progress(checked, ids[-1])
    return found


def count_articles(
    backend: SearchBackend,
    segmenter: Segmenter,
    query: str,
    *,
    whole_words: bool = False,
    fields: Sequence[str] | None = None,
) -> int | None:
    """How many articles match, when the index alone can say (in milliseconds, whatever
    the corpus size); None when only `count_matches` can (whole words, a term with an ASCII
    space, several groups over the header) or the query holds nothing searchable."""
    prepared = _prepare(segmenter, query, whole_words, fields)
    if isinstance(prepared, SearchResult):
        return None
    if not can_count_from_index(prepared.parsed, prepared.fields, whole_words):
        return None
    return indexed_article_count(
        backend, prepared.parsed, prepared.fields, prepared.matcher, segmenter
    )


def count_by_article(
    backend: SearchBackend,
    segmenter: Segmenter,
    query: str,
    *,
    whole_words: bool = False,
    fields: Sequence[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> dict[int, int] | None:
    """The number of hits in each matching article (in the `fields` searched), as
    `count_matches` totals them: its per-article form, for trends over time (from the body
    index when `count_matches` would be, see `totals.py`). None when the query holds nothing
    searchable or `is_cancelled()` turned true."""
    prepared = _prepare(segmenter, query, whole_words, fields)
    if isinstance(prepared, SearchResult):
        return None
    if prepared.fields == (BODY,) and can_count_from_index(
        prepared.parsed, prepared.fields, whole_words
    ):
        return indexed_counts_by_article(
            backend, prepared.parsed, prepared.matcher, segmenter, progress, is_cancelled
        )
    scanned = _scan_counts(backend, segmenter, prepared, progress, is_cancelled)
    if scanned is None:
        return None
    by_article = {article_id: sum(n for _, n in found) for article_id, found in scanned.items()}
    return {article_id: hits for article_id, hits in by_article.items() if hits}


def body_spans_by_article(
    backend: SearchBackend,
    segmenter: Segmenter,
    query: str,
    *,
    whole_words: bool = False,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> dict[int, list[tuple[int, int]]] | None:
    """(start, end) of every hit in each matching article's body, as `search` lists them
    there, without their KWIC and match kinds (unless whole words need the kinds): for a
    dispersion plot. None when the query holds nothing searchable or it was cancelled."""
    prepared = _prepare(segmenter, query, whole_words, (BODY,))
    if isinstance(prepared, SearchResult):
        return None
    found: dict[int, list[tuple[int, int]]] = {}
    checked = 0
    for ids, rows in candidate_batches(backend, prepared.lookup, 0, MAX_BATCH):
        if is_cancelled is not None and is_cancelled():
            return None
        for article_id in ids:
            row = rows.get(article_id)
            if row is None:
                continue
            if whole_words:
                spans = [
                    (start, end) for _, start, end, _ in prepared.matcher.spans(row, segmenter)
                ]
            else:
                starts = prepared.matcher.starts(row)
                spans = sorted(
                    (start, start + len(term))
                    for _, _, by_term in starts or ()
                    for term, term_starts in by_term.items()
                    for start in term_starts
                )
            if spans:
                found[article_id] = spans
        checked += len(ids)
        if progress is not None:
            progress(checked, ids[-1])
    return found


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

"""Exact totals of a search from the body index, without reading what it need not.

Every character of a text is a token of the body index (file format 17), so a term's
phrase matches exactly the articles whose folded text holds it (`fts_is_exact`): the number
of matching articles is the index's count, and the hits are counted only in the articles
that match — by SQLite itself (`length` and `replace` over the stored view, so no text is
decoded into Python) when folding cannot make any of the terms' characters from another
character (Han text, Chinese punctuation), else by the matcher over those articles' texts.

Hits are non-overlapping occurrences, left to right (`str.find` stepping past each hit, as
`re.finditer`): `哈哈` is found once in `哈哈哈`. This is the rule of every other count too.

The hits are counted by the index itself where it can (`positions.py`): FTS5's instance
counts for terms without a border, else the index's positions when that is estimated
cheaper than the texts (Latin words and common words, mostly).

Used when the query allows it: not whole words only (that needs every hit classified), the
body alone or a single group of alternatives (a header may complete several groups
otherwise), every term's phrase exact, no exclusion with header fields. Otherwise
`count_matches` reads every candidate as before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.models import SearchField, SearchTotals
from hnreader.core.search.candidates import (
    SearchBackend,
    fts_expression,
    fts_is_exact,
    header_expression,
)
from hnreader.core.search.positions import (
    counts_by_instances,
    counts_by_position,
    prefer_positions,
)
from hnreader.core.search.query import ParsedQuery
from hnreader.core.store import MatchRow
from hnreader.core.text.fts import body_tokens
from hnreader.core.text.normalize import fold_for_search, has_width_variants

BODY = SearchField.BODY
# Ids per statement: between two, progress is reported and cancelling is noticed.
CHUNK = 20_000


class Counter(Protocol):
    """What the totals need of the matcher (`engine._Matcher`)."""

    positives: list[str]

    def count(self, row: MatchRow, segmenter: Segmenter) -> list[tuple[str, int]]: ...


def can_count_from_index(parsed: ParsedQuery, fields: tuple[str, ...], whole_words: bool) -> bool:
    if whole_words or not parsed.groups or not fts_is_exact(parsed) or BODY not in fields:
        return False
    return fields == (BODY,) or (len(parsed.groups) == 1 and not parsed.excluded)


def indexed_article_count(
    backend: SearchBackend,
    parsed: ParsedQuery,
    fields: tuple[str, ...],
    matcher: Counter,
    segmenter: Segmenter,
) -> int:
    """How many articles match, for a query `can_count_from_index` accepts: from the body
    index alone (plus the few headers that hold the query when they are searched)."""
    expression = fts_expression(parsed)
    articles = backend.fts_count(expression)
    header = tuple(field for field in fields if field != BODY)
    if header:
        # Only the headers of articles whose body does not match can add one: those few
        # are read and checked (an article found by its body is counted already).
        candidates = _header_candidates(backend, parsed, header)
        in_body = backend.fts_matching(expression, candidates)
        extra, _hits = _header_hits(
            backend, [i for i in candidates if i not in in_body], matcher, segmenter
        )
        articles += len(extra)
    return articles


def indexed_totals(
    backend: SearchBackend,
    parsed: ParsedQuery,
    fields: tuple[str, ...],
    matcher: Counter,
    segmenter: Segmenter,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> SearchTotals | None:
    """The totals `count_matches` gives, for a query `can_count_from_index` accepts; None
    when cancelled."""
    expression = fts_expression(parsed)
    body = _body_totals(backend, parsed, expression, matcher, segmenter, progress, is_cancelled)
    if body is None:
        return None
    articles, hits = body
    header_hits: dict[str, int] = {}
    header = tuple(field for field in fields if field != BODY)
    if header:
        extra, header_hits = _header_totals(backend, parsed, header, expression, matcher, segmenter)
        articles += extra
    by_field = tuple((f, header_hits[f]) for f in SearchField.HEADER if header_hits.get(f))
    return SearchTotals(hits + sum(header_hits.values()), articles, by_field)


def _body_totals(
    backend: SearchBackend,
    parsed: ParsedQuery,
    expression: str,
    matcher: Counter,
    segmenter: Segmenter,
    progress: Callable[[int, int], None] | None,
    is_cancelled: Callable[[], bool] | None,
) -> tuple[int, int] | None:
    """(articles, hits) in the body; None when cancelled."""
    terms = matcher.positives
    last = backend.last_article_id()
    if len(parsed.groups) == 1 and not parsed.excluded and all(len(t) == 1 for t in terms):
        # Single characters, any of which makes a match: the index's vocabulary counts
        # their occurrences, and every article holding one of them matches.
        totals = backend.fts_token_totals([body_tokens(t) for t in terms])
        hits = sum(n for _articles, n in totals.values())
        # Excluded articles (issue 13) are in the vocabulary's counts but never hits: their
        # occurrences come off (they are few; the article count leaves them out itself).
        excluded = backend.excluded_ids()
        for text in backend.article_texts(sorted(excluded)).values() if excluded else ():
            view = fold_for_search(text)
            hits -= sum(view.count(term) for term in terms)
        if progress is not None:
            progress(last, last)
        return backend.fts_count(expression), hits
    in_sql = not any(has_width_variants(term) for term in terms)
    chosen, by_position = _by_position(backend, parsed, terms, in_sql, progress, is_cancelled)
    if chosen:
        return None if by_position is None else (len(by_position), sum(by_position.values()))
    articles = hits = 0
    for after in range(0, last, CHUNK):
        if is_cancelled is not None and is_cancelled():
            return None
        upto = after + CHUNK
        if in_sql:
            found, counted = backend.fts_body_hits(expression, terms, after, upto)
        else:
            found = counted = 0
            for _id, text, folded in backend.fts_texts(expression, after, upto):
                counts = matcher.count(MatchRow(text, folded, None), segmenter)
                if counts:
                    found += 1
                    counted += sum(n for _field, n in counts)
        articles += found
        hits += counted
        if progress is not None:
            progress(min(upto, last), min(upto, last))
    return articles, hits


def _by_position(
    backend: SearchBackend,
    parsed: ParsedQuery,
    terms: Sequence[str],
    in_sql: bool,
    progress: Callable[[int, int], None] | None,
    is_cancelled: Callable[[], bool] | None,
) -> tuple[bool, dict[int, int] | None]:
    """(True, {article id: hits}) when the index counts them without the texts — FTS5's own
    instance counts for terms without a border (`positions.counts_by_instances`), else the
    positions when estimated cheaper than the texts (`positions.prefer_positions`) — with
    None for the counts when cancelled; else (False, None): the caller reads the texts."""
    expression = fts_expression(parsed)
    if is_cancelled is not None and is_cancelled():
        return True, None
    counts = counts_by_instances(backend, parsed, terms, expression)
    if counts is not None:
        if progress is not None:
            last = backend.last_article_id()
            progress(last, last)
        return True, counts
    if not prefer_positions(backend, terms, expression, in_sql):
        return False, None
    if is_cancelled is not None and is_cancelled():
        return True, None
    counts = counts_by_position(backend, parsed, terms, expression)
    if progress is not None:
        last = backend.last_article_id()
        progress(last, last)
    return True, counts


def indexed_counts_by_article(
    backend: SearchBackend,
    parsed: ParsedQuery,
    matcher: Counter,
    segmenter: Segmenter,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> dict[int, int] | None:
    """{article id: hits in its body} for a body-only query `can_count_from_index` accepts,
    as `_body_totals` counts them (in SQL for Han terms, else the matcher over the matching
    articles' texts): the per-article form, for trends. None when cancelled."""
    expression = fts_expression(parsed)
    terms = matcher.positives
    in_sql = not any(has_width_variants(term) for term in terms)
    last = backend.last_article_id()
    chosen, by_position = _by_position(backend, parsed, terms, in_sql, progress, is_cancelled)
    if chosen:
        return by_position
    found: dict[int, int] = {}
    for after in range(0, last, CHUNK):
        if is_cancelled is not None and is_cancelled():
            return None
        upto = after + CHUNK
        if in_sql:
            rows = backend.fts_body_hits_by_article(expression, terms, after, upto)
            found.update((article_id, n) for article_id, n in rows if n)
        else:
            for article_id, text, folded in backend.fts_texts(expression, after, upto):
                n = sum(
                    count
                    for _field, count in matcher.count(MatchRow(text, folded, None), segmenter)
                )
                if n:
                    found[article_id] = n
        if progress is not None:
            progress(min(upto, last), min(upto, last))
    return found


def _header_totals(
    backend: SearchBackend,
    parsed: ParsedQuery,
    header: tuple[str, ...],
    body_expression: str,
    matcher: Counter,
    segmenter: Segmenter,
) -> tuple[int, dict[str, int]]:
    """(articles with header hits whose body does not match, hits per header field)."""
    with_hits, hits = _header_hits(
        backend, _header_candidates(backend, parsed, header), matcher, segmenter
    )
    in_body = backend.fts_matching(body_expression, with_hits)
    return len(set(with_hits) - in_body), hits


def _header_candidates(
    backend: SearchBackend, parsed: ParsedQuery, header: tuple[str, ...]
) -> list[int]:
    """The articles whose header may hold the query (the header index's superset)."""
    expression = header_expression(parsed, header)
    ids: list[int] = []
    # A term the header index cannot look up (spaces only): every header is read, a few
    # dozen characters each.
    while page := (
        backend.fts_page(None, ids[-1] if ids else 0, 5000)
        if expression is None
        else backend.header_fts_page(expression, ids[-1] if ids else 0, 5000)
    ):
        ids.extend(page)
    return ids


def _header_hits(
    backend: SearchBackend, ids: list[int], matcher: Counter, segmenter: Segmenter
) -> tuple[list[int], dict[str, int]]:
    """Those of `ids` (not excluded) whose header holds the query, and the hits per field."""
    hits: dict[str, int] = {}
    with_hits: list[int] = []
    excluded = backend.excluded_ids()
    for article_id, row in backend.header_rows([i for i in ids if i not in excluded]).items():
        counts = [
            (field, n)
            for field, n in matcher.count(MatchRow("", None, None, row), segmenter)
            if field != BODY and n
        ]
        if counts:
            with_hits.append(article_id)
            for field, n in counts:
                hits[field] = hits.get(field, 0) + n
    return with_hits, hits

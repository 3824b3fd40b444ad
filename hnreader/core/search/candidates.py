"""Which articles a search reads: FTS lookups on the text index and the header index, in
batches of candidates in id order, with the rows to check (the header only where it may
hold a term)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from hnreader.core.analysis.index import (
    body_match,
    body_match_is_exact,
    header_match,
    header_match_is_exhaustive,
)
from hnreader.core.models import SearchField
from hnreader.core.search.query import ParsedQuery, TermGroup
from hnreader.core.store import HeaderRow, MatchRow

MAX_BATCH = 1000

BODY = SearchField.BODY


class SearchBackend(Protocol):
    """What search() needs from the store (kept minimal; the Store implements it)."""

    def fts_page(self, match: str | None, after: int, limit: int) -> list[int]:
        """Up to `limit` article ids above `after`, ascending, of the articles whose FTS
        document matches the expression `match` (None: every article)."""
        ...

    def header_fts_page(self, match: str, after: int, limit: int) -> list[int]:
        """As `fts_page`, over the header index (columns title, subtitle, byline)."""
        ...

    def match_rows(self, ids: Sequence[int]) -> dict[int, MatchRow]:
        """What a search checks of these articles' text."""
        ...

    def header_rows(self, ids: Sequence[int]) -> dict[int, HeaderRow]:
        """The title, subtitle and byline of these articles, with their folded views."""
        ...

    def article_briefs(self, ids: Sequence[int]) -> dict[int, tuple[str, str, str]]:
        """(title, date, source) of these articles."""
        ...

    # The exact totals' index counts (`search/totals.py`; the Store's docstrings say more).
    def fts_count(self, match: str, after: int = 0, upto: int | None = None) -> int: ...

    def fts_body_hits(
        self, match: str, terms: Sequence[str], after: int, upto: int
    ) -> tuple[int, int]: ...

    def fts_texts(self, match: str, after: int, upto: int) -> list[tuple[int, str, str | None]]: ...

    def fts_body_hits_by_article(
        self, match: str, terms: Sequence[str], after: int, upto: int
    ) -> list[tuple[int, int]]: ...

    def fts_matching(self, match: str, ids: Sequence[int]) -> set[int]: ...

    def fts_token_totals(self, tokens: Sequence[str]) -> dict[str, tuple[int, int]]: ...

    def token_estimates(self, tokens: Sequence[str]) -> dict[str, float]: ...

    def excluded_ids(self) -> set[int]: ...

    def article_texts(self, ids: Sequence[int]) -> dict[int, str]: ...

    def last_article_id(self) -> int: ...

    # Counting by position (`search/positions.py`).
    def fts_phrase_counts(self, tokens: str, *, bordered: bool) -> list[tuple[int, int]]: ...

    def fts_instance_counts(self, tokens: str) -> list[tuple[int, int]] | None: ...

    def fts_ids(self, match: str) -> list[int]: ...

    def article_count(self) -> int: ...

    def mean_article_chars(self) -> float: ...


def searched_fields(fields: Sequence[str] | None) -> tuple[str, ...]:
    """The fields a search covers, in `SearchField.ALL` order (None: all of them)."""
    if fields is None:
        return SearchField.ALL
    unknown = set(fields) - set(SearchField.ALL)
    if unknown or not fields:
        raise ValueError(f"no such field to search: {', '.join(sorted(unknown)) or '(none)'}")
    return tuple(field for field in SearchField.ALL if field in fields)


def fts_expression(parsed: ParsedQuery) -> str:
    """The body index's expression for a parsed query: the positive groups ANDed, the
    excluded terms NOT-ed when their phrases are exact (else checked in Python: a superset
    phrase would drop real matches)."""
    expression = " AND ".join(_body_group(g) for g in parsed.groups)
    excluded = [t for t in parsed.excluded if body_match_is_exact(t.folded)]
    if excluded:
        expression += " NOT (" + " OR ".join(body_match(t.folded) for t in excluded) + ")"
    return expression


def fts_is_exact(parsed: ParsedQuery) -> bool:
    """Whether the articles `fts_expression` matches are exactly those whose body holds the
    query (every term's phrase exact, every exclusion in the expression)."""
    terms = [*parsed.positive_terms, *parsed.excluded]
    return all(body_match_is_exact(t.folded) for t in terms)


def header_expression(parsed: ParsedQuery, columns: Sequence[str]) -> str | None:
    """The header index's candidate filter on `columns`: the positive groups ANDed (None
    when no group can be looked up there)."""
    groups = [g for g in parsed.groups if _header_is_exhaustive(g)]
    if not groups:
        return None
    return " AND ".join(_header_group(g, columns) for g in groups)


def _body_group(group: TermGroup) -> str:
    return "(" + " OR ".join(body_match(t.folded) for t in group.alternatives) + ")"


def _header_is_exhaustive(group: TermGroup) -> bool:
    return all(header_match_is_exhaustive(term.folded) for term in group.alternatives)


def _header_group(group: TermGroup, columns: Sequence[str]) -> str:
    return "(" + " OR ".join(header_match(t.folded, columns) for t in group.alternatives) + ")"


@dataclass(frozen=True)
class Lookup:
    """Which articles a search reads: those whose body document matches `body` or whose
    header document matches `header` (an index is not asked when its expression is None);
    every article when both are None. Whose header is read: every candidate's when
    `every_header`, else only those the header index found (no other header can hold a
    term), none when no header field is searched."""

    body: str | None
    header: str | None
    every_header: bool = False

    @classmethod
    def of(cls, parsed: ParsedQuery, fields: tuple[str, ...]) -> Lookup:
        header = [field for field in fields if field != BODY]
        if not header:
            return cls(fts_expression(parsed), None)
        # An excluded term in a header excludes the article: every header is read then.
        groups_found = all(_header_is_exhaustive(g) for g in parsed.groups)
        if BODY not in fields:  # every term in the header fields searched
            expression = header_expression(parsed, header)
            every = not groups_found or bool(parsed.excluded) or expression is None
            return cls(None, expression, every_header=every)
        if not groups_found:  # a header may hold a term its index cannot find: read all
            return cls(None, None, every_header=True)
        # An article not found in its body lacks some term there, so holds it in its header:
        # any group found in the header makes it a candidate.
        either = " OR ".join(_header_group(g, header) for g in parsed.groups)
        return cls(fts_expression(parsed), either, every_header=bool(parsed.excluded))

    def page(self, backend: SearchBackend, after: int, limit: int) -> tuple[list[int], list[int]]:
        """Up to `limit` candidate ids above `after`, ascending, and those of them whose
        header has to be read."""
        if self.body is None and self.header is None:
            ids = backend.fts_page(None, after, limit)
            return ids, ids if self.every_header else []
        if self.header is None:
            return backend.fts_page(self.body, after, limit), []
        header = backend.header_fts_page(self.header, after, limit)
        if self.body is None:
            return header, header
        # The first `limit` ids of the union are among the first `limit` of each (so every
        # header the header index finds among them is in `header`).
        ids = sorted({*backend.fts_page(self.body, after, limit), *header})[:limit]
        return ids, ids if self.every_header else header


def match_rows(
    backend: SearchBackend, ids: Sequence[int], header_ids: Sequence[int]
) -> dict[int, MatchRow]:
    """The rows of these candidates, with their headers where `header_ids` says."""
    rows = backend.match_rows(ids)
    if header_ids:
        for article_id, header in backend.header_rows(header_ids).items():
            row = rows.get(article_id)
            if row is not None:
                rows[article_id] = row._replace(header=header)
    return rows


def candidate_batches(
    backend: SearchBackend, lookup: Lookup, after: int, first_batch: int
) -> Iterator[tuple[list[int], dict[int, MatchRow]]]:
    """Successive batches of candidate ids above `after`, each twice the last (to MAX_BATCH),
    with their rows."""
    batch = max(1, first_batch)
    while True:
        ids, header_ids = lookup.page(backend, after, batch)
        if ids:
            yield ids, match_rows(backend, ids, header_ids)
        if len(ids) < batch:
            return
        after = ids[-1]
        batch = min(batch * 2, MAX_BATCH)

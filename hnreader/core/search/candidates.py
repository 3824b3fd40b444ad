"""Which articles a search reads: FTS lookups on the text index and the header index, in
batches of candidates in id order, with the rows to check (the header only where it may
hold a term)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from hnreader.core.analysis.index import chars_match, chars_match_is_exhaustive
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


def searched_fields(fields: Sequence[str] | None) -> tuple[str, ...]:
    """The fields a search covers, in `SearchField.ALL` order (None: all of them)."""
    if fields is None:
        return SearchField.ALL
    unknown = set(fields) - set(SearchField.ALL)
    if unknown or not fields:
        raise ValueError(f"no such field to search: {', '.join(sorted(unknown)) or '(none)'}")
    return tuple(field for field in SearchField.ALL if field in fields)


def fts_expression(parsed: ParsedQuery, columns: Sequence[str] = ("chars",)) -> str | None:
    """The FTS5 candidate filter for a parsed query: the positive groups ANDed (exclusions are
    checked in Python: an FTS phrase is a superset, so NOT would drop real matches). None
    when no group can be looked up (every article is then a candidate)."""
    groups = [g for g in parsed.groups if _group_is_exhaustive(g)]
    if not groups:
        return None
    return " AND ".join(_group_expression(g, columns) for g in groups)


def _group_is_exhaustive(group: TermGroup) -> bool:
    return all(chars_match_is_exhaustive(term.folded) for term in group.alternatives)


def _group_expression(group: TermGroup, columns: Sequence[str] = ("chars",)) -> str:
    return "(" + " OR ".join(chars_match(t.folded, columns) for t in group.alternatives) + ")"


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
        looked_up = all(_group_is_exhaustive(g) for g in parsed.groups) and not parsed.excluded
        if BODY not in fields:  # every term in the header fields searched
            expression = fts_expression(parsed, header)
            return cls(None, expression, every_header=not looked_up or expression is None)
        body = fts_expression(parsed)
        if body is None:
            return cls(None, None, every_header=True)
        # An article not found in its body lacks some term there, so holds it in its header:
        # any looked-up group found in the header makes it a candidate.
        groups = [g for g in parsed.groups if _group_is_exhaustive(g)]
        either = " OR ".join(_group_expression(g, header) for g in groups)
        return cls(body, either, every_header=not looked_up)

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

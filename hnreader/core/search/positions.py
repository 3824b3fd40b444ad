"""Exact hit counts from the body index, without reading the texts.

First choice, for terms without a border: FTS5's own count of a phrase's instances in each
row, recovered from its built-in `bm25()` (`Store.fts_instance_counts`; at 100,000 articles
`扶贫`'s 273,084 hits in 0.3 s against 2.9 s by the texts and 2.1 s by position,
docs/BENCHMARKS.md). What follows is the way for the others (bordered terms such as `——`,
or an index that cannot give the counts exactly).

Every code point of a folded text is a token of the body index at its own position (file
format 17), so a term occurs where its tokens stand at consecutive positions. The index's
'instance' vocabulary lists every position of a token (`Store.fts_phrase_counts`), so the
hits of a term can be counted without reading a text — at about one row per occurrence, in
the whole corpus, of each of the term's characters. Counting by the texts costs about the
length of the articles that match. Neither always wins (`benchmarks/position_counts.py`):
Latin words and common Han words are several times cheaper by position (`gdp`, `发展`), a term of
common characters found in few articles far cheaper by its texts (`13.43%`, `量子通信`). So
`prefer_positions` estimates both, from a sample of the texts' characters and the article
count, and the totals take the cheaper.

Both give the same numbers: non-overlapping occurrences, left to right, of each term in the
folded view of the body of each matching article (the rule of `totals.py`).
"""

from __future__ import annotations

from collections.abc import Sequence

from hnreader.core.search.candidates import SearchBackend
from hnreader.core.search.query import ParsedQuery
from hnreader.core.text.fts import body_tokens

# Seconds, measured with benchmarks/position_counts.py on the 2-core development machine: a
# position row of the index's vocabulary, a character of text counted by SQLite's
# replace(), a character run through the matcher's pattern. Only their ratios matter.
PER_POSITION = 0.6e-6
PER_CHAR_SQL = 20e-9
PER_CHAR_MATCHER = 40e-9


def has_border(term: str) -> bool:
    """Whether a proper prefix of `term` is also its suffix (`哈哈`, `——`, `abab`), so that two
    of its occurrences can overlap."""
    return any(term[:size] == term[-size:] for size in range(1, len(term)))


def positions_cost(backend: SearchBackend, terms: Sequence[str]) -> float:
    """Estimated seconds to count `terms` by position: the index's occurrences of each
    character (estimated from a sample), once per place it holds in a term."""
    tokens = [token for term in terms for token in body_tokens(term)]
    estimates = backend.token_estimates(tokens)
    return sum(estimates[token] for token in tokens) * PER_POSITION


def prefer_positions(
    backend: SearchBackend, terms: Sequence[str], expression: str, in_sql: bool
) -> bool:
    """Whether counting `terms` by position is estimated cheaper than reading the texts of
    the articles matching `expression` (`in_sql`: SQLite would count them, else the matcher)."""
    if not terms:
        return False
    per_char = PER_CHAR_SQL if in_sql else PER_CHAR_MATCHER
    by_text = backend.fts_count(expression) * backend.mean_article_chars() * per_char
    if by_text <= 0:
        return False  # nothing matches: nothing to count
    # The characters' occurrences estimated from a sample of the texts (reading each one's
    # posting list to count them exactly costs as much as a rare word's texts).
    return positions_cost(backend, terms) < by_text


def counts_by_position(
    backend: SearchBackend, parsed: ParsedQuery, terms: Sequence[str], expression: str
) -> dict[int, int]:
    """{article id: its hits of `terms`} of every article (not excluded) whose body matches
    the query, counted by position. `terms` are the query's positive folded terms, each
    once; `expression` the query's body-index expression (`fts_expression`)."""
    per_term = [
        dict(backend.fts_phrase_counts(body_tokens(term), bordered=has_border(term)))
        for term in terms
    ]
    return _matching_counts(backend, parsed, terms, expression, per_term)


def counts_by_instances(
    backend: SearchBackend, parsed: ParsedQuery, terms: Sequence[str], expression: str
) -> dict[int, int] | None:
    """As `counts_by_position`, from FTS5's own instance counts (`fts_instance_counts`):
    the index's C code counts, nothing of the texts or positions comes into Python. None
    when a term has a border (FTS5 counts its overlapping occurrences too) or the index
    cannot give the counts exactly: the caller counts another way."""
    if not terms or any(has_border(term) for term in terms):
        return None
    per_term: list[dict[int, int]] = []
    for term in terms:
        counts = backend.fts_instance_counts(body_tokens(term))
        if counts is None:
            return None
        per_term.append(dict(counts))
    return _matching_counts(backend, parsed, terms, expression, per_term)


def _matching_counts(
    backend: SearchBackend,
    parsed: ParsedQuery,
    terms: Sequence[str],
    expression: str,
    per_term: Sequence[dict[int, int]],
) -> dict[int, int]:
    """The sum of the terms' counts in each article (not excluded) matching the query. Each
    term's counts list exactly the articles holding it, so without excluded terms the
    matching articles are found from them: any alternative of every group."""
    excluded = backend.excluded_ids()
    by_term = dict(zip(terms, per_term, strict=True))
    alternatives = [[alt.folded for alt in group.alternatives] for group in parsed.groups]
    if len(per_term) == 1 and len(alternatives) == 1 and not parsed.excluded:
        # One term: its counts, less the excluded articles.
        if not excluded:
            return dict(per_term[0])
        return {a: n for a, n in per_term[0].items() if a not in excluded}
    if parsed.excluded or not all(t in by_term for group in alternatives for t in group):
        matching = set(backend.fts_ids(expression)) - excluded
    else:
        groups = [set().union(*(by_term[t] for t in group)) for group in alternatives]
        matching = set.intersection(*groups) - excluded
    found: dict[int, int] = {}
    for counts in per_term:
        for article_id, hits in counts.items():
            if article_id in matching:
                found[article_id] = found.get(article_id, 0) + hits
    return found

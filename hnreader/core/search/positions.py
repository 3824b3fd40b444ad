"""Exact hit counts from the body index's positions, when that is cheaper than the texts.

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
    excluded = backend.excluded_ids()
    if len(parsed.groups) == 1 and not parsed.excluded:
        matching = set().union(*per_term) - excluded  # any term makes a match
    else:
        matching = set(backend.fts_ids(expression)) - excluded
    found: dict[int, int] = {}
    for counts in per_term:
        for article_id, hits in counts.items():
            if article_id in matching:
                found[article_id] = found.get(article_id, 0) + hits
    return found

"""Word lists (clusters of words: clusters.py): frequency, range and frequency per 10,000
words, with stop words and length, frequency, number and punctuation filters."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from hnreader.core.coding_analysis.corpus import AnalysisError
from hnreader.core.wordstats.counting import Counts, Vocabulary
from hnreader.core.wordstats.tokens import NUMBER, PUNCTUATION, is_date, is_number, is_punctuation

Cancelled = Callable[[], bool]
MAX_N = 4
PER = 10_000


@dataclass(frozen=True)
class WordFilters:
    """Which words a list shows (the totals always count every running word)."""

    min_length: int = 1  # in characters
    min_freq: int = 1
    stop_words: frozenset[str] = frozenset()
    exclude_numbers: bool = True
    exclude_dates: bool = False  # date units alone or after a numeral: 年, 月, 3月, 2019年
    exclude_punctuation: bool = True

    def check(self) -> None:
        if self.min_length < 1 or self.min_freq < 1:
            raise AnalysisError("the minimum length and frequency must be at least 1")

    def keeps(self, word: str) -> bool:
        if len(word) < self.min_length or word in self.stop_words:
            return False
        if self.exclude_punctuation and is_punctuation(word):
            return False
        if self.exclude_dates and is_date(word):
            return False
        return not (self.exclude_numbers and is_number(word))


class WordRow(NamedTuple):  # a NamedTuple: a list has as many rows as the vocabulary
    rank: int
    word: str  # an n-gram's words are joined by spaces
    freq: int
    range: int  # articles holding it
    per_10k: float  # occurrences per 10,000 running words of the subset


@dataclass(frozen=True)
class WordList:
    n: int  # 1 for words, 2–4 for clusters
    rows: list[WordRow]
    total: int  # running words of the subset (punctuation left out)
    articles: int
    types: int  # distinct words (or clusters) shown before the limit


def kept_mask(counts: Counts, filters: WordFilters, freq: np.ndarray) -> np.ndarray:
    """The vocabulary ids `filters` keep with frequency `freq` (as `WordFilters.keeps`,
    over the whole vocabulary at once)."""
    vocabulary = counts.vocabulary
    mask = (freq >= filters.min_freq) & vocabulary_mask(
        vocabulary, filters, punctuation=filters.exclude_punctuation
    )
    mask[0] = False  # id 0 is never a word
    return mask


def vocabulary_mask(
    vocabulary: Vocabulary, filters: WordFilters, *, punctuation: bool
) -> np.ndarray:
    """The vocabulary ids `filters` keep whatever their frequency: long enough, and not a
    number, a date or a stop word when those are left out (nor punctuation, when
    `punctuation`)."""
    mask = vocabulary.lengths >= filters.min_length
    if punctuation:
        mask &= vocabulary.kinds != PUNCTUATION
    if filters.exclude_numbers:
        mask &= vocabulary.kinds != NUMBER
    if filters.exclude_dates:
        mask &= ~vocabulary.date_mask()
    if filters.stop_words:
        mask &= ~vocabulary.mask_of(filters.stop_words)
    return mask


def word_list(counts: Counts, filters: WordFilters, limit: int | None = None) -> WordList:
    """The subset's words by frequency (then range, then the word)."""
    filters.check()
    ids = np.flatnonzero(kept_mask(counts, filters, counts.freq))
    words = counts.words
    shown = np.array([words[i] for i in ids.tolist()], dtype=str)
    order = np.lexsort((shown, -counts.range[ids], -counts.freq[ids])) if len(ids) else ids
    if limit is not None:
        order = order[:limit]
    chosen = ids[order]
    total = counts.total
    per = counts.freq[chosen] * PER / total if total else np.zeros(len(chosen))
    rows = list(
        map(
            WordRow._make,
            zip(
                range(1, len(chosen) + 1),
                shown[order].tolist(),
                counts.freq[chosen].tolist(),
                counts.range[chosen].tolist(),
                per.tolist(),
                strict=True,
            ),
        )
    )
    return WordList(1, rows, total, counts.articles, len(ids))


def listed(
    n: int,
    rows: list[tuple[str, int, int]],
    total: int,
    articles: int,
    limit: int | None,
    *,
    distinct: int | None = None,
) -> WordList:
    """A list's rows ranked, with their frequency per 10,000 running words."""
    shown = rows if limit is None else rows[:limit]
    return WordList(
        n,
        [
            WordRow(rank, word, freq, spread, freq * PER / total if total else 0.0)
            for rank, (word, freq, spread) in enumerate(shown, 1)
        ],
        total,
        articles,
        len(rows) if distinct is None else distinct,
    )


def search_text(word: str) -> str:
    """What to search for to see a list row in context (a cluster's words run together)."""
    return word.replace(" ", "")

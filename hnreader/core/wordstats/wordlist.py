"""Word lists and n-gram clusters: frequency, range and frequency per 10,000 words, with stop
words and length, frequency, number and punctuation filters."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from hnreader.core.coding_analysis.corpus import AnalysisError
from hnreader.core.wordstats.counting import Counts, Vocabulary
from hnreader.core.wordstats.tokens import NUMBER, PUNCTUATION, Token, is_number, is_punctuation

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
    exclude_punctuation: bool = True

    def check(self) -> None:
        if self.min_length < 1 or self.min_freq < 1:
            raise AnalysisError("the minimum length and frequency must be at least 1")

    def keeps(self, word: str) -> bool:
        if len(word) < self.min_length or word in self.stop_words:
            return False
        if self.exclude_punctuation and is_punctuation(word):
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
    mask = (freq >= filters.min_freq) & (vocabulary.lengths >= filters.min_length)
    if filters.exclude_punctuation:
        mask &= vocabulary.kinds != PUNCTUATION
    if filters.exclude_numbers:
        mask &= vocabulary.kinds != NUMBER
    if filters.stop_words:
        mask &= ~vocabulary.mask_of(filters.stop_words)
    mask[0] = False  # id 0 is never a word
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


def ngram_list(
    per_article: Iterable[tuple[int, list[Token]]],
    n: int,
    filters: WordFilters,
    vocabulary: Vocabulary,
    limit: int | None = None,
) -> WordList:
    """Clusters of `n` consecutive words, by frequency, then range, then the words' ids. A
    cluster never crosses punctuation; stop words, numbers and words shorter than the
    minimum length may not begin or end one.

    Each cluster is coded as its n word ids (big-endian uint32, one n·4-byte value), so
    counting is numpy's `unique` over a few thousand articles at a time, merged into the
    running totals: 100,000 articles make tens of millions of clusters, which as Python
    tuples in a Counter took gigabytes."""
    filters.check()
    if not 2 <= n <= MAX_N:
        raise AnalysisError(f"clusters have 2 to {MAX_N} words, not {n}", n=n)
    index = vocabulary.index()
    edge = (vocabulary.lengths >= filters.min_length) & (vocabulary.kinds != PUNCTUATION)
    if filters.exclude_numbers:
        edge &= vocabulary.kinds != NUMBER
    if filters.stop_words:
        edge &= ~vocabulary.mask_of(filters.stop_words)
    edge[0] = False
    punctuation = vocabulary.kinds == PUNCTUATION
    punctuation[0] = True
    width = f"V{4 * n}"
    merged = _GramTotals(width)
    total = articles = 0
    for _, found in per_article:
        articles += 1
        seq = np.fromiter((index.get(t.word, 0) for t in found), dtype=np.int64, count=len(found))
        breaks = punctuation[seq]
        total += int(len(seq) - breaks.sum())
        if len(seq) < n:
            continue
        grams = np.lib.stride_tricks.sliding_window_view(seq, n)
        ok = edge[grams[:, 0]] & edge[grams[:, -1]]
        ok &= ~np.lib.stride_tricks.sliding_window_view(breaks, n).any(axis=1)
        if ok.any():
            merged.add(np.ascontiguousarray(grams[ok].astype(">u4")).view(width).ravel())
    codes, freq, spread = merged.totals()
    keep = freq >= filters.min_freq
    codes, freq, spread = codes[keep], freq[keep], spread[keep]
    order = np.lexsort((-spread, -freq))  # stable: ties stay in id order
    if limit is not None:
        order = order[:limit]
    ids = codes[order].view(">u4").reshape(-1, n).astype(np.int64) if len(order) else None
    words = vocabulary.words
    rows = [
        (" ".join(words[i] for i in gram), f, r)
        for gram, f, r in zip(
            ids.tolist() if ids is not None else [],
            freq[order].tolist(),
            spread[order].tolist(),
            strict=True,
        )
    ]
    return _listed(n, rows, total, articles, None, distinct=len(codes))


class _GramTotals:
    """Cluster codes with their frequencies and ranges, merged a chunk of articles at a time."""

    def __init__(self, width: str, chunk: int = 4000) -> None:
        self.width, self.chunk = width, chunk
        self.codes = np.zeros(0, dtype=width)
        self.freq = np.zeros(0, dtype=np.int64)
        self.spread = np.zeros(0, dtype=np.int64)
        self.pending: list[np.ndarray] = []
        self.once: list[np.ndarray] = []

    def add(self, codes: np.ndarray) -> None:
        self.pending.append(codes)
        self.once.append(np.unique(codes))
        if len(self.pending) >= self.chunk:
            self._merge()

    def _merge(self) -> None:
        if not self.pending:
            return
        new, counts = np.unique(np.concatenate(self.pending), return_counts=True)
        _, ranges = np.unique(np.concatenate(self.once), return_counts=True)  # the same codes
        both, where = np.unique(np.concatenate((self.codes, new)), return_inverse=True)
        size = len(both)
        self.freq = np.bincount(where, np.concatenate((self.freq, counts)), size).astype(np.int64)
        self.spread = np.bincount(where, np.concatenate((self.spread, ranges)), size).astype(
            np.int64
        )
        self.codes = both
        self.pending, self.once = [], []

    def totals(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        self._merge()
        return self.codes, self.freq, self.spread


def _listed(
    n: int,
    rows: list[tuple[str, int, int]],
    total: int,
    articles: int,
    limit: int | None,
    *,
    distinct: int | None = None,
) -> WordList:
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

"""Keyness of words between two subsets: log-likelihood (Dunning 1993, in the two-corpus
form of Rayson & Garside 2000 that AntConc uses) and log ratio (Hardie 2014)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from hnreader.core.wordstats.counting import Counts
from hnreader.core.wordstats.wordlist import PER, WordFilters

# Hardie's log ratio gives a word absent from one side this frequency there instead of 0.
ZERO_FREQUENCY = 0.5


@dataclass(frozen=True)
class KeyRow:
    word: str
    freq_a: int
    freq_b: int
    per_10k_a: float
    per_10k_b: float
    log_likelihood: float  # signed: positive where the word is more frequent in A
    p_value: float  # of the log-likelihood (chi-squared, one degree of freedom)
    log_ratio: float  # log2 of the ratio of relative frequencies, A over B


@dataclass(frozen=True)
class Keyness:
    rows: list[KeyRow]  # by signed log-likelihood, A's key words first
    total_a: int
    total_b: int
    articles_a: int
    articles_b: int


def log_likelihood(a: float, b: float, c: float, d: float) -> float:
    """G² of frequency `a` in a corpus of `c` words against `b` in `d` words (unsigned).

    E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), G² = 2(a ln(a/E1) + b ln(b/E2)), 0 ln 0 = 0."""
    if c <= 0 or d <= 0 or a + b <= 0:
        return 0.0
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    g = 0.0
    if a > 0:
        g += a * math.log(a / e1)
    if b > 0:
        g += b * math.log(b / e2)
    return 2.0 * g


def log_ratio(a: float, b: float, c: float, d: float) -> float:
    """log2((a/c) / (b/d)), a zero frequency taken as 0.5 (Hardie 2014)."""
    if c <= 0 or d <= 0:
        return 0.0
    return math.log2((max(a, ZERO_FREQUENCY) / c) / (max(b, ZERO_FREQUENCY) / d))


def p_value(g2: float) -> float:
    """P(χ²₁ ≥ g2): the chance of a log-likelihood this large with no real difference."""
    return math.erfc(math.sqrt(max(g2, 0.0) / 2.0))


def keyness(a: Counts, b: Counts, filters: WordFilters, limit: int | None = None) -> Keyness:
    """Every word passing the filters in A or B (with at least `filters.min_freq`
    occurrences in the two together), ranked by signed log-likelihood."""
    filters.check()
    fa, fb = a.freq.astype(np.float64), b.freq.astype(np.float64)
    c, d = float(a.total), float(b.total)
    candidates = np.flatnonzero((a.freq + b.freq) >= filters.min_freq).tolist()
    rows: list[KeyRow] = []
    for i in candidates:
        word = a.words[i]
        if not word or not filters.keeps(word):
            continue
        x, y = float(fa[i]), float(fb[i])
        g2 = log_likelihood(x, y, c, d)
        over = (x / c if c else 0.0) >= (y / d if d else 0.0)
        rows.append(
            KeyRow(
                word,
                int(x),
                int(y),
                x * PER / c if c else 0.0,
                y * PER / d if d else 0.0,
                g2 if over else -g2,
                p_value(g2),
                log_ratio(x, y, c, d),
            )
        )
    rows.sort(key=lambda r: (-r.log_likelihood, r.word))
    if limit is not None and len(rows) > limit:
        # the most key words of each side: A's from the top, B's from the bottom
        half = limit // 2
        rows = rows[: limit - half] + rows[len(rows) - half :] if half else rows[:limit]
    return Keyness(rows, a.total, b.total, a.articles, b.articles)

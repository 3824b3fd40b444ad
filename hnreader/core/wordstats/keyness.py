"""Keyness of words between two subsets: log-likelihood (Dunning 1993, in the two-corpus
form of Rayson & Garside 2000 that AntConc uses) and log ratio (Hardie 2014)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from hnreader.core.wordstats.counting import Counts
from hnreader.core.wordstats.wordlist import PER, WordFilters, kept_mask

# Hardie's log ratio gives a word absent from one side this frequency there instead of 0.
ZERO_FREQUENCY = 0.5


class KeyRow(NamedTuple):
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
    occurrences in the two together), ranked by signed log-likelihood; computed over the
    vocabulary at once (the same formulas as `log_likelihood`, `log_ratio`)."""
    filters.check()
    ids = np.flatnonzero(kept_mask(a, filters, a.freq + b.freq))
    x, y = a.freq[ids].astype(np.float64), b.freq[ids].astype(np.float64)
    c, d = float(a.total), float(b.total)
    with np.errstate(divide="ignore", invalid="ignore"):
        e1, e2 = c * (x + y) / (c + d), d * (x + y) / (c + d)
        g2 = 2.0 * (
            np.where(x > 0, x * np.log(x / e1), 0.0) + np.where(y > 0, y * np.log(y / e2), 0.0)
        )
        ratio = np.log2((np.maximum(x, ZERO_FREQUENCY) / c) / (np.maximum(y, ZERO_FREQUENCY) / d))
    g2 = np.nan_to_num(g2)
    signed = np.where(x / c >= y / d, g2, -g2)
    p = np.array([p_value(v) for v in g2.tolist()]) if len(g2) else g2
    words = a.words
    shown = np.array([words[i] for i in ids.tolist()], dtype=str)
    order = np.lexsort((shown, -signed)) if len(ids) else ids
    if limit is not None and len(order) > limit:
        half = limit // 2  # the most key words of each side: A's first, B's last
        order = np.concatenate((order[: limit - half], order[len(order) - half :]))
    rows = list(
        map(
            KeyRow._make,
            zip(
                shown[order].tolist(),
                a.freq[ids][order].tolist(),
                b.freq[ids][order].tolist(),
                (x[order] * PER / c).tolist(),
                (y[order] * PER / d).tolist(),
                signed[order].tolist(),
                p[order].tolist(),
                ratio[order].tolist(),
                strict=True,
            ),
        )
    )
    return Keyness(rows, a.total, b.total, a.articles, b.articles)

"""Collocates of a node term within a window of words, ranked by MI, log-likelihood or
logDice, and the concordance lines of a node with one collocate.

Surface co-occurrence as in Evert (2008, "Corpora and collocations", §3): the node's
windows (N words left and right, punctuation not counted as a word) hold W words; a
collocate with corpus frequency f2 seen O times in them has expected frequency
E = W·f2/N, MI = log2(O/E), and log-likelihood G² over the 2×2 table
[[O, W−O], [f2−O, N−W−f2+O]]. logDice = 14 + log2(2·O / (f1 + f2)), f1 the node's
frequency (Rychlý 2008, "A lexicographer-friendly association score").
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from hnreader.core.coding_analysis.corpus import AnalysisError
from hnreader.core.wordstats.counting import Counts
from hnreader.core.wordstats.tokens import Token, is_punctuation
from hnreader.core.wordstats.wordlist import WordFilters

Cancelled = Callable[[], bool]
MEASURES = ("logdice", "mi", "ll")
MAX_WINDOW = 20


@dataclass(frozen=True)
class CollocateRow:
    word: str
    together: int  # O: in the node's windows
    left: int  # of them, on the left
    right: int
    freq: int  # f2: in the whole subset
    mi: float
    log_likelihood: float
    log_dice: float


@dataclass(frozen=True)
class Collocates:
    term: str
    window: int
    measure: str
    node_freq: int  # f1
    window_words: int  # W
    total: int  # N
    rows: list[CollocateRow]


@dataclass(frozen=True)
class PairLine:
    """A node occurrence with the collocate in its window (offsets: the stored text)."""

    article_id: int
    node_start: int
    node_end: int
    collocate_start: int
    collocate_end: int


@dataclass(frozen=True)
class PairContext:
    """A pair line with its article and context: `hit` runs from the node to the collocate
    (or from the collocate to the node), `start`–`end` its span in the stored text."""

    article_id: int
    title: str
    date: str
    before: str
    hit: str
    after: str
    start: int
    end: int


def in_context(
    lines: Iterable[PairLine], texts: dict[int, str], briefs: dict[int, tuple[str, str]], width: int
) -> list[PairContext]:
    shown: list[PairContext] = []
    for line in lines:
        text = texts.get(line.article_id)
        if text is None:
            continue
        start = min(line.node_start, line.collocate_start)
        end = max(line.node_end, line.collocate_end)
        title, date = briefs.get(line.article_id, ("", ""))
        shown.append(
            PairContext(
                line.article_id,
                title,
                date,
                text[max(0, start - width) : start],
                text[start:end],
                text[end : end + width],
                start,
                end,
            )
        )
    return shown


def check(term: str, window: int, measure: str) -> None:
    if not term.strip():
        raise AnalysisError("give a word to find the collocates of")
    if not 1 <= window <= MAX_WINDOW:
        raise AnalysisError(f"the window is 1 to {MAX_WINDOW} words, not {window}", window=window)
    if measure not in MEASURES:
        raise AnalysisError(
            f"“{measure}” is not a measure; use one of {', '.join(MEASURES)}", measure=measure
        )


def mutual_information(o: float, e: float) -> float:
    return math.log2(o / e) if o > 0 and e > 0 else float("-inf")


def log_dice(o: float, f1: float, f2: float) -> float:
    return 14 + math.log2(2 * o / (f1 + f2)) if o > 0 and f1 + f2 > 0 else float("-inf")


def table_log_likelihood(o11: float, o12: float, o21: float, o22: float) -> float:
    """G² = 2 Σ O ln(O/E) over a 2×2 table (E from its margins; 0 ln 0 = 0), signed:
    negative where O11 is below its expectation."""
    n = o11 + o12 + o21 + o22
    if n <= 0:
        return 0.0
    r1, r2, c1, c2 = o11 + o12, o21 + o22, o11 + o21, o12 + o22
    g = 0.0
    for o, e in ((o11, r1 * c1 / n), (o12, r1 * c2 / n), (o21, r2 * c1 / n), (o22, r2 * c2 / n)):
        if o > 0 and e > 0:
            g += o * math.log(o / e)
    g2 = 2.0 * g
    return g2 if o11 >= r1 * c1 / n else -g2


def node_spans(found: list[Token], term: str, folded: str) -> list[tuple[int, int]]:
    """(first, last + 1) word indexes of each occurrence of `term` made of whole words."""
    if not found:
        return []
    starts = {t.start: i for i, t in enumerate(found)}
    ends = {t.end: i for i, t in enumerate(found)}
    spans: list[tuple[int, int]] = []
    at = folded.find(term)
    while at >= 0:
        first, last = starts.get(at), ends.get(at + len(term))
        if first is not None and last is not None:
            spans.append((first, last + 1))
        at = folded.find(term, at + 1)
    return spans


def _windows(
    found: list[Token], term: str, folded: str, window: int
) -> Iterable[tuple[tuple[int, int], list[Token], list[Token]]]:
    words = [t for t in found if not is_punctuation(t.word)]
    for first, end in node_spans(words, term, folded):
        yield (first, end), words[max(0, first - window) : first], words[end : end + window]


def collocates(
    per_article: Iterable[tuple[int, list[Token], str]],
    term: str,
    counts: Counts,
    window: int,
    measure: str,
    filters: WordFilters,
    *,
    min_together: int = 2,
    limit: int | None = None,
) -> Collocates:
    """`per_article` gives (article id, its counted words, its folded text) of the subset's
    articles holding the term; `counts` are the subset's word counts (f1, f2, N)."""
    check(term, window, measure)
    left: Counter[str] = Counter()
    right: Counter[str] = Counter()
    node_freq = window_words = 0
    for _, found, folded in per_article:
        for _, before, after in _windows(found, term, folded, window):
            node_freq += 1
            window_words += len(before) + len(after)
            left.update(t.word for t in before)
            right.update(t.word for t in after)
    n = counts.total
    rows: list[CollocateRow] = []
    for word in set(left) | set(right):
        o = left[word] + right[word]
        f2 = max(counts.of(word), o)
        if o < min_together or f2 < filters.min_freq or word == term or not filters.keeps(word):
            continue
        expected = window_words * f2 / n if n else 0.0
        o12, o21 = max(window_words - o, 0), max(f2 - o, 0)
        o22 = max(n - window_words - f2 + o, 0)
        rows.append(
            CollocateRow(
                word,
                o,
                left[word],
                right[word],
                f2,
                mutual_information(o, expected),
                table_log_likelihood(o, o12, o21, o22),
                log_dice(o, node_freq, f2),
            )
        )
    key = {
        "mi": lambda r: r.mi,
        "ll": lambda r: r.log_likelihood,
        "logdice": lambda r: r.log_dice,
    }[measure]
    rows.sort(key=lambda r: (-key(r), -r.together, r.word))
    shown = rows if limit is None else rows[:limit]
    return Collocates(term, window, measure, node_freq, window_words, n, shown)


def pair_lines(
    per_article: Iterable[tuple[int, list[Token], str]], term: str, collocate: str, window: int
) -> list[PairLine]:
    """Every node occurrence with `collocate` in its window (once per collocate there)."""
    lines: list[PairLine] = []
    for article_id, found, folded in per_article:
        for (first, end), before, after in _windows(found, term, folded, window):
            words = [t for t in found if not is_punctuation(t.word)]
            node = (words[first].start, words[end - 1].end)
            for other in [*before, *after]:
                if other.word == collocate:
                    lines.append(PairLine(article_id, *node, other.start, other.end))
    return lines

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

import bisect
import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import numpy as np

from hnreader.core.analysis.index import WORD_BOUNDARY
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


Window = tuple[int, Token, list[Token], list[Token]]  # article, node, left, right words


def node_windows(
    article_id: int,
    folded: str,
    flags: bytes,
    term: str,
    window: int,
    keeps: Callable[[int, Token], bool] | None = None,
    skips: dict[str, bool] | None = None,
) -> Iterator[Window]:
    """Each occurrence of `term` made of whole words of an article (its folded text and
    uncompressed flags), with up to `window` words on each side: punctuation is not a word
    and is skipped. Only the words near an occurrence are cut out, so a frequent term in a
    large corpus does not turn every article into word objects. `keeps(article_id, token)`
    narrows node and words to part of the text (a tag's passages, or the rest); `skips`
    remembers which pieces are no word (pass one dict for many articles: pieces repeat)."""
    at = folded.find(term)
    if at < 0:
        return
    bounds = np.flatnonzero(np.frombuffer(flags, dtype=np.uint8) & WORD_BOUNDARY).tolist()
    if len(bounds) < 2:
        return
    skips = {} if skips is None else skips
    size = len(bounds)
    while at >= 0:
        end = at + len(term)
        first, last = bisect.bisect_left(bounds, at), bisect.bisect_left(bounds, end)
        if first < size and last < size and bounds[first] == at and bounds[last] == end:
            node = Token(term, at, end)
            if keeps is None or keeps(article_id, node):
                left = _words_near(folded, bounds, first, -1, window, article_id, keeps, skips)
                right = _words_near(folded, bounds, last, 1, window, article_id, keeps, skips)
                yield article_id, node, left, right
        at = folded.find(term, at + 1)


def _words_near(
    folded: str,
    bounds: list[int],
    edge: int,
    step: int,
    window: int,
    article_id: int,
    keeps: Callable[[int, Token], bool] | None,
    skips: dict[str, bool],
) -> list[Token]:
    """Up to `window` words from boundary index `edge` leftwards (step -1) or rightwards."""
    found: list[Token] = []
    known = skips.get
    here, stop = (edge - 1, -1) if step < 0 else (edge, len(bounds) - 1)
    while here != stop and len(found) < window:
        a, b = bounds[here], bounds[here + 1]
        here += step
        word = folded[a:b]
        skipped = known(word)
        if skipped is None:
            skipped = skips[word] = word.isspace() or is_punctuation(word)
        if skipped:
            continue
        token = Token(word, a, b)
        if keeps is None or keeps(article_id, token):
            found.append(token)
    return found[::-1] if step < 0 else found


def collocates(
    windows: Iterable[Window],
    term: str,
    counts: Counts,
    window: int,
    measure: str,
    filters: WordFilters,
    *,
    min_together: int = 2,
    limit: int | None = None,
) -> Collocates:
    """`windows` are the term's occurrences in the subset (`node_windows`); `counts` the
    subset's word counts (f2 and N)."""
    check(term, window, measure)
    left: Counter[str] = Counter()
    right: Counter[str] = Counter()
    node_freq = window_words = 0
    for _, _, before, after in windows:
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


def pair_lines(windows: Iterable[Window], collocate: str) -> list[PairLine]:
    """Every node occurrence with `collocate` in its window (once per collocate there)."""
    lines: list[PairLine] = []
    for article_id, node, before, after in windows:
        for other in [*before, *after]:
            if other.word == collocate:
                lines.append(PairLine(article_id, node.start, node.end, other.start, other.end))
    return lines

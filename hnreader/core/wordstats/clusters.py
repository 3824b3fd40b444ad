"""N-gram clusters of 2–4 words counted with numpy: each article's words read as vocabulary
ids in bulk from its index row, the clusters of a batch coded as integer keys, sorted and
merged into running totals (issue 16: 283 s at 115,000 articles with a token object per
word)."""

from __future__ import annotations

import itertools
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

from hnreader.core.analysis.index import WORD_BOUNDARY
from hnreader.core.coding_analysis.corpus import AnalysisCancelled, AnalysisError
from hnreader.core.store import Store
from hnreader.core.wordstats.counting import Vocabulary
from hnreader.core.wordstats.subsets import ARTICLES, INSIDE, ResolvedSubset
from hnreader.core.wordstats.tokens import PUNCTUATION, folded_text
from hnreader.core.wordstats.wordlist import (
    MAX_N,
    WordFilters,
    WordList,
    listed,
    vocabulary_mask,
)

Cancelled = Callable[[], bool]
Progress = Callable[[int, int], None]

_READ = 200  # articles read from the store at once
# Clusters held before they are sorted into the totals (at least; as many as the totals hold
# once they are larger): about 16–24 bytes each with their article number.
_PENDING = 2_000_000


def split_words(texts: list[str], flags: list[bytes]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The words of several folded texts with their uncompressed flags (one byte per
    position 0..len(text)): every piece between consecutive word boundaries of a text, the
    number of its text and its start offset there. Cut at C speed: the texts joined by a
    newline (which is no piece: pieces crossing two texts are dropped), a NUL put at each
    boundary of the UTF-32 text, which is then split. Stored text has no NUL (refused on
    import); with one, or a lone surrogate, the pieces are sliced one by one."""
    offsets = np.cumsum([0, *(len(t) + 1 for t in texts)], dtype=np.int64)
    marks = np.frombuffer(b"".join(flags), dtype=np.uint8)
    bounds = np.flatnonzero(marks & WORD_BOUNDARY)
    if len(bounds) < 2 or len(marks) != offsets[-1]:
        return _sliced(texts, flags)
    text_of = np.searchsorted(offsets, bounds, side="right") - 1
    same = text_of[:-1] == text_of[1:]
    joined = "\n".join(texts)
    if "\0" in joined:
        return _sliced(texts, flags)
    try:
        codes = np.frombuffer(joined.encode("utf-32-le"), dtype="<u4")
    except UnicodeEncodeError:
        return _sliced(texts, flags)
    first = int(bounds[0])
    marked = np.insert(codes[first : int(bounds[-1])], bounds[1:-1] - first, 0)
    pieces = marked.tobytes().decode("utf-32-le").split("\0")
    words = list(itertools.compress(pieces, same.tolist()))
    text = text_of[:-1][same]
    return words, text, bounds[:-1][same] - offsets[text]


def _sliced(texts: list[str], flags: list[bytes]) -> tuple[list[str], np.ndarray, np.ndarray]:
    words: list[str] = []
    numbers: list[int] = []
    starts: list[int] = []
    for number, (text, marks) in enumerate(zip(texts, flags, strict=True)):
        cut = np.flatnonzero(np.frombuffer(marks, dtype=np.uint8) & WORD_BOUNDARY).tolist()
        for s, e in itertools.pairwise(cut):
            words.append(text[s:e])
            numbers.append(number)
            starts.append(s)
    return words, np.array(numbers, dtype=np.int64), np.array(starts, dtype=np.int64)


@dataclass(frozen=True)
class WordIds:
    """The words of a batch of articles as vocabulary ids (0: not in the vocabulary), the
    articles one after the other; `article[i]` numbers the article of word i (ascending,
    counted over the whole run); whitespace and words the subset leaves out are dropped."""

    ids: np.ndarray
    article: np.ndarray
    articles: int  # articles read in this batch (with an index row), words or not


def word_id_batches(
    store: Store,
    resolved: ResolvedSubset,
    vocabulary: Vocabulary,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> Iterator[WordIds]:
    """The subset's words as ids, a batch of articles at a time, in the subset's order; the
    same words as `subsets.article_tokens` gives."""
    index = vocabulary.index()
    ids_in = resolved.article_ids
    number = 0
    for start in range(0, len(ids_in), _READ):
        if is_cancelled is not None and is_cancelled():
            raise AnalysisCancelled("the analysis was cancelled")
        chunk = ids_in[start : start + _READ]
        rows = store.match_rows(chunk)
        texts: list[str] = []
        flags: list[bytes] = []
        read: list[int] = []
        for article_id in chunk:
            row = rows.get(article_id)
            if row is not None and row.flags is not None:
                texts.append(folded_text(row.text, row.folded))
                flags.append(zlib.decompress(row.flags))
                read.append(article_id)
        words, text, starts = split_words(texts, flags)
        ids = np.fromiter(
            map(index.get, words, itertools.repeat(-1)), dtype=np.int64, count=len(words)
        )
        keep = np.ones(len(ids), dtype=bool)
        for at in np.flatnonzero(ids < 0).tolist():  # not counted: whitespace, or unknown
            if words[at].isspace():
                keep[at] = False
            else:
                ids[at] = 0
        if resolved.part != ARTICLES:
            ends = starts + np.fromiter(map(len, words), dtype=np.int64, count=len(words))
            keep &= _in_part(resolved, read, text, starts, ends)
        article = text + number
        number += len(read)
        yield WordIds(ids[keep], article[keep], len(read))
        if progress is not None:
            progress(min(len(ids_in), start + _READ), len(ids_in))


def _in_part(
    resolved: ResolvedSubset,
    article_ids: list[int],
    text: np.ndarray,
    starts: np.ndarray,
    ends: np.ndarray,
) -> np.ndarray:
    """Which words (of the articles numbered `text`, spans `starts`–`ends`) the subset
    counts (`ResolvedSubset.keeps`, vectorised): a word is inside a passage when it lies
    wholly within it."""
    inside = np.zeros(len(starts), dtype=bool)
    for number, article_id in enumerate(article_ids):
        spans = resolved.passages.get(article_id, [])
        if not spans:
            continue
        mine = np.flatnonzero(text == number)
        first = np.array([s for s, _ in spans], dtype=np.int64)
        last = np.array([e for _, e in spans], dtype=np.int64)
        at = np.searchsorted(first, starts[mine], side="right") - 1
        inside[mine] = (at >= 0) & (last[np.maximum(at, 0)] >= ends[mine])
    return inside if resolved.part == INSIDE else ~inside


class ClusterTotals:
    """Clusters with their frequencies and ranges, as sorted unique keys: one int64 column
    (the n ids in base V, V the vocabulary size) when V**n fits, else two (the leading ids,
    the last two ids). Each cluster is kept with the number of its article until
    `_PENDING` of them (or as many as the totals hold) are held, then sorted and merged. So
    memory is about 24–32 bytes per distinct cluster (twice that while merging) plus the
    pending ones, no more than the distinct ones (or 2,000,000): it grows with the distinct
    clusters, not with the corpus, and merging costs O(totals) only each time they grow."""

    def __init__(self, n: int, size: int) -> None:
        self.n, self.base = n, max(size, 1)
        self.columns = 1 if self.base**n < 2**63 else 2
        self.keys: tuple[np.ndarray, ...] = tuple(
            np.zeros(0, dtype=np.int64) for _ in range(self.columns)
        )
        self.freq = np.zeros(0, dtype=np.int64)
        self.spread = np.zeros(0, dtype=np.int64)
        self.pending: list[tuple[tuple[np.ndarray, ...], np.ndarray]] = []
        self.held = 0

    def key_columns(self, grams: np.ndarray) -> tuple[np.ndarray, ...]:
        """The key columns of clusters given as rows of n ids."""
        split = 0 if self.columns == 1 else self.n - 2
        parts = (grams[:, :split], grams[:, split:]) if split else (grams,)
        columns = []
        for part in parts:
            key = np.zeros(len(grams), dtype=np.int64)
            for k in range(part.shape[1]):
                key = key * self.base + part[:, k]
            columns.append(key)
        return tuple(columns)

    def add(self, grams: np.ndarray, article: np.ndarray) -> None:
        if not len(grams):
            return
        self.pending.append((self.key_columns(grams), article))
        self.held += len(grams)
        if self.held >= max(_PENDING, len(self.freq)):  # merges cost O(totals): not too often
            self._merge()

    def _merge(self) -> None:
        if not self.pending:
            return
        keys = tuple(np.concatenate([p[0][c] for p in self.pending]) for c in range(self.columns))
        article = np.concatenate([p[1] for p in self.pending])
        self.pending, self.held = [], 0
        new, counts, ranges = _grouped(keys, article)
        both = tuple(np.concatenate((a, b)) for a, b in zip(self.keys, new, strict=True))
        freq = np.concatenate((self.freq, counts))
        spread = np.concatenate((self.spread, ranges))
        # the articles of a batch are in no earlier batch: the ranges add up
        self.keys, self.freq, self.spread = _summed(both, freq, spread)

    def totals(self) -> tuple[tuple[np.ndarray, ...], np.ndarray, np.ndarray]:
        self._merge()
        return self.keys, self.freq, self.spread

    def ids_of(self, keys: tuple[np.ndarray, ...]) -> np.ndarray:
        """Rows of n ids back from key columns."""
        split = 0 if self.columns == 1 else self.n - 2
        widths = (self.n,) if not split else (split, 2)
        pieces = []
        for key, width in zip(keys, widths, strict=True):
            digits = np.zeros((len(key), width), dtype=np.int64)
            rest = key.copy()
            for k in range(width - 1, -1, -1):
                rest, digits[:, k] = np.divmod(rest, self.base)
            pieces.append(digits)
        return np.hstack(pieces)


def _order(keys: tuple[np.ndarray, ...]) -> np.ndarray:
    """A stable order of the keys (the first column first)."""
    if len(keys) == 1:
        return np.argsort(keys[0], kind="stable")
    return np.lexsort(keys[::-1])  # lexsort: stable, its last key the primary one


def _starts(keys: tuple[np.ndarray, ...]) -> np.ndarray:
    """Where a new key begins in sorted key columns."""
    size = len(keys[0])
    new = np.zeros(size, dtype=bool)
    if size:
        new[0] = True
        for key in keys:
            new[1:] |= key[1:] != key[:-1]
    return new


def _grouped(
    keys: tuple[np.ndarray, ...], article: np.ndarray
) -> tuple[tuple[np.ndarray, ...], np.ndarray, np.ndarray]:
    """Unique keys with their counts and how many distinct articles hold each (a stable
    sort keeps the articles of a key in ascending order, so each change is a new one)."""
    order = _order(keys)
    keys = tuple(k[order] for k in keys)
    article = article[order]
    new = _starts(keys)
    fresh = new.copy()
    fresh[1:] |= article[1:] != article[:-1]
    starts = np.flatnonzero(new)
    counts = np.diff(np.append(starts, len(article)))
    ranges = np.add.reduceat(fresh.astype(np.int64), starts) if len(starts) else counts
    return tuple(k[starts] for k in keys), counts, ranges


def _summed(
    keys: tuple[np.ndarray, ...], freq: np.ndarray, spread: np.ndarray
) -> tuple[tuple[np.ndarray, ...], np.ndarray, np.ndarray]:
    """Sorted unique keys with the frequencies and ranges of equal keys added."""
    order = _order(keys)
    keys = tuple(k[order] for k in keys)
    starts = np.flatnonzero(_starts(keys))
    if not len(starts):
        return keys, freq, spread
    return (
        tuple(k[starts] for k in keys),
        np.add.reduceat(freq[order], starts),
        np.add.reduceat(spread[order], starts),
    )


def cluster_list(
    batches: Iterator[WordIds],
    n: int,
    filters: WordFilters,
    vocabulary: Vocabulary,
    limit: int | None = None,
) -> WordList:
    """Clusters of `n` consecutive words, by frequency, then range, then the words' ids. A
    cluster never crosses punctuation (or a word not in the vocabulary) nor two articles;
    stop words, numbers and dates (when left out) and words shorter than the minimum length
    may not begin or end one."""
    filters.check()
    if not 2 <= n <= MAX_N:
        raise AnalysisError(f"clusters have 2 to {MAX_N} words, not {n}", n=n)
    edge = vocabulary_mask(vocabulary, filters, punctuation=True)
    edge[0] = False
    punctuation = vocabulary.kinds == PUNCTUATION
    punctuation[0] = True
    totals = ClusterTotals(n, len(vocabulary))
    total = articles = 0
    for batch in batches:
        articles += batch.articles
        seq, article = batch.ids, batch.article
        breaks = punctuation[seq]
        total += int(len(seq) - breaks.sum())
        if len(seq) < n:
            continue
        grams = np.lib.stride_tricks.sliding_window_view(seq, n)
        crossed = np.concatenate(([0], np.cumsum(breaks, dtype=np.int64)))
        ok = edge[grams[:, 0]] & edge[grams[:, -1]]
        ok &= crossed[n:] == crossed[:-n]  # no punctuation inside
        ok &= article[: len(grams)] == article[n - 1 :]  # within one article
        totals.add(grams[ok], article[: len(grams)][ok])
    keys, freq, spread = totals.totals()
    keep = freq >= filters.min_freq
    keys, freq, spread = tuple(k[keep] for k in keys), freq[keep], spread[keep]
    order = np.lexsort((-spread, -freq))  # stable: ties stay in id order
    if limit is not None:
        order = order[:limit]
    ids = totals.ids_of(tuple(k[order] for k in keys))
    words = vocabulary.words
    rows = [
        (" ".join(words[i] for i in gram), f, r)
        for gram, f, r in zip(
            ids.tolist(), freq[order].tolist(), spread[order].tolist(), strict=True
        )
    ]
    return listed(n, rows, total, articles, None, distinct=len(keys[0]))

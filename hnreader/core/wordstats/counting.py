"""Per-article word counts kept up to date in the project file, and summed over a subset."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from hnreader.core.coding_analysis.corpus import AnalysisCancelled, AnalysisError
from hnreader.core.store import Store
from hnreader.core.wordstats.tokens import (
    count_words,
    encode_counts,
    folded_text,
    is_punctuation,
)

Cancelled = Callable[[], bool]
Progress = Callable[[int, int], None]

_BATCH = 200  # articles counted per transaction
_SUM_CHUNK = 4000  # blobs decoded at once when summing (bounded memory)


@dataclass
class Counts:
    """Word counts of a subset over the vocabulary: `freq[i]` occurrences of `words[i]`,
    `range[i]` articles holding it, `total` running words (punctuation left out)."""

    words: list[str]
    freq: np.ndarray
    range: np.ndarray
    total: int
    articles: int

    def of(self, word: str) -> int:
        index = self.index().get(word)
        return 0 if index is None else int(self.freq[index])

    def index(self) -> dict[str, int]:
        cached = getattr(self, "_index", None)
        if cached is None:
            cached = {w: i for i, w in enumerate(self.words) if w}
            self._index = cached
        return cached


def update_word_counts(
    store: Store, progress: Progress | None = None, is_cancelled: Cancelled | None = None
) -> int:
    """Count the words of every indexed article whose counts are missing (new, re-indexed,
    a changed dictionary), from its index row's word boundaries; returns how many. Each
    batch is committed, so a cancelled run keeps what it did."""
    missing = store.words_missing_ids()
    if not missing:
        return 0
    if store.read_only:
        raise AnalysisError(
            f"the words of {len(missing)} article(s) have not been counted yet and this "
            "project is open read-only; open it once for writing to count them",
            articles=len(missing),
        )
    done = 0
    for start in range(0, len(missing), _BATCH):
        if is_cancelled is not None and is_cancelled():
            raise AnalysisCancelled("the analysis was cancelled")
        chunk = missing[start : start + _BATCH]
        counted = []
        for article_id, row in store.match_rows(chunk).items():
            if row.flags is None:
                continue
            counts = count_words(folded_text(row.text, row.folded), zlib.decompress(row.flags))
            counted.append((article_id, counts))
        ids = store.word_ids(w for _, counts in counted for w in counts)
        store.write_word_counts(
            [
                (
                    article_id,
                    sum(n for w, n in counts.items() if not is_punctuation(w)),
                    encode_counts({ids[w]: n for w, n in counts.items()}),
                )
                for article_id, counts in counted
            ]
        )
        done += len(chunk)
        if progress is not None:
            progress(done, len(missing))
    return done


def sum_counts(
    store: Store,
    article_ids: Sequence[int] | None,
    words: list[str],
    is_cancelled: Cancelled | None = None,
) -> Counts:
    """The counts of these articles (None: all) summed, vectorised over each chunk of blobs."""
    size = len(words)
    freq = np.zeros(size, dtype=np.int64)
    spread = np.zeros(size, dtype=np.int64)
    total = articles = 0
    chunk: list[bytes] = []

    def flush() -> None:
        if chunk:
            ids, counts = _decode_many(chunk)
            freq[:] += np.bincount(ids, weights=counts, minlength=size)[:size].astype(np.int64)
            spread[:] += np.bincount(ids, minlength=size)[:size]
            chunk.clear()

    for _, words_in, blob in store.word_count_blobs(article_ids):
        total += words_in
        articles += 1
        chunk.append(blob)
        if len(chunk) >= _SUM_CHUNK:
            if is_cancelled is not None and is_cancelled():
                raise AnalysisCancelled("the analysis was cancelled")
            flush()
    flush()
    return Counts(words, freq, spread, total, articles)


def _decode_many(blobs: Iterable[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """Every (id, count) pair of many `encode_counts` blobs, in one pass of numpy."""
    raws = [raw for raw in map(zlib.decompress, blobs) if raw]
    if not raws:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    pairs = np.fromiter((len(r) // 8 for r in raws), dtype=np.int64, count=len(raws))
    data = np.frombuffer(b"".join(raws), dtype="<u4")
    # each blob: its `pairs` id differences, then its `pairs` counts
    is_id = np.repeat(np.tile(np.array([True, False]), len(raws)), np.repeat(pairs, 2))
    running = np.cumsum(data[is_id], dtype=np.int64)
    ends = np.cumsum(pairs)
    before = np.concatenate((np.zeros(1, dtype=np.int64), running[ends[:-1] - 1]))
    ids = running - np.repeat(before, pairs)
    return ids, data[~is_id].astype(np.int64)


def counts_from_words(
    counted: Iterable[dict[str, int]], words: list[str], index: dict[str, int]
) -> Counts:
    """Counts of word tallies made on the fly (passages of a tag), over the vocabulary."""
    size = len(words)
    freq = np.zeros(size, dtype=np.int64)
    spread = np.zeros(size, dtype=np.int64)
    total = articles = 0
    for tally in counted:
        articles += 1
        for word, n in tally.items():
            at = index.get(word)
            if at is None:
                continue
            freq[at] += n
            spread[at] += 1
            if not is_punctuation(word):
                total += n
    return Counts(words, freq, spread, total, articles)

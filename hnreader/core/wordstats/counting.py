"""Per-article word counts kept up to date in the project file, and summed over a subset."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from hnreader.core.coding_analysis.corpus import AnalysisCancelled, AnalysisError
from hnreader.core.store import Store
from hnreader.core.wordstats.tokens import (
    PUNCTUATION,
    count_words,
    encode_counts,
    folded_text,
    is_date,
    is_punctuation,
    kind_of,
)

Cancelled = Callable[[], bool]
Progress = Callable[[int, int], None]

_BATCH = 200  # articles counted per transaction
_SUM_CHUNK = 4000  # blobs decoded at once when summing (bounded memory)


@dataclass
class Vocabulary:
    """The project's words by id, with their kinds (tokens.WORD, PUNCTUATION, NUMBER) and
    lengths as arrays, so filters run over the whole vocabulary at once."""

    words: list[str]
    kinds: np.ndarray
    lengths: np.ndarray
    _index: dict[str, int] | None = field(default=None, repr=False)
    _dates: np.ndarray | None = field(default=None, repr=False)

    @classmethod
    def load(cls, store: Store) -> Vocabulary:
        words, kinds = store.vocabulary()
        lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
        return cls(words, np.array(kinds, dtype=np.int64), lengths)

    def __len__(self) -> int:
        return len(self.words)

    def index(self) -> dict[str, int]:
        if self._index is None:
            self._index = {w: i for i, w in enumerate(self.words) if w}
        return self._index

    def date_mask(self) -> np.ndarray:
        """True at the ids of date words (`tokens.is_date`): 年, 3月, 2019年…"""
        if self._dates is None:
            self._dates = np.fromiter(map(is_date, self.words), dtype=bool, count=len(self.words))
        return self._dates

    def mask_of(self, words: Iterable[str]) -> np.ndarray:
        """True at the ids of these words."""
        mask = np.zeros(len(self.words), dtype=bool)
        index = self.index()
        found = [index[w] for w in words if w in index]
        mask[found] = True
        return mask


@dataclass
class Counts:
    """Word counts of a subset over the vocabulary: `freq[i]` occurrences of word i,
    `range[i]` articles holding it, `total` running words (punctuation left out)."""

    vocabulary: Vocabulary
    freq: np.ndarray
    range: np.ndarray
    total: int
    articles: int

    @property
    def words(self) -> list[str]:
        return self.vocabulary.words

    def of(self, word: str) -> int:
        index = self.vocabulary.index().get(word)
        return 0 if index is None else int(self.freq[index])


def update_word_counts(
    store: Store, progress: Progress | None = None, is_cancelled: Cancelled | None = None
) -> int:
    """Count the words of every indexed article whose counts are missing (new, re-indexed,
    a changed dictionary), from its index row's word boundaries, then the sums of the months
    they changed; returns how many articles. Each batch is committed, so a cancelled run
    keeps what it did."""
    if not store.has_word_tables():
        raise AnalysisError(
            "this project file has no word counts yet (it was made by an older hnreader) and "
            "it is open read-only; open it once for writing to count its words"
        )
    missing = store.words_missing_ids()
    if store.read_only:
        if not missing:
            return 0
        raise AnalysisError(
            f"the words of {len(missing)} article(s) have not been counted yet and this "
            "project is open read-only; open it once for writing to count them",
            articles=len(missing),
        )
    ids: dict[str, int] = {}
    punctuation: set[str] = set()
    done = 0
    for start in range(0, len(missing), _BATCH):
        if is_cancelled is not None and is_cancelled():
            raise AnalysisCancelled("the analysis was cancelled")
        if not ids:
            words, kinds = store.vocabulary()
            ids = {w: i for i, w in enumerate(words) if w}
            punctuation = {w for w, kind in zip(words, kinds, strict=True) if kind == PUNCTUATION}
        chunk = missing[start : start + _BATCH]
        counted = []
        for article_id, row in store.match_rows(chunk).items():
            if row.flags is not None:
                text = folded_text(row.text, row.folded)
                counted.append((article_id, count_words(text, zlib.decompress(row.flags))))
        new = sorted({w for _, counts in counted for w in counts} - ids.keys())
        pairs = [(w, kind_of(w)) for w in new]
        ids.update(store.add_vocabulary(pairs))
        punctuation.update(w for w, kind in pairs if kind == PUNCTUATION)
        store.write_word_counts(
            [
                (
                    article_id,
                    sum(counts.values()) - sum(counts[w] for w in counts.keys() & punctuation),
                    encode_counts({ids[w]: n for w, n in counts.items()}),
                )
                for article_id, counts in counted
            ]
        )
        done += len(chunk)
        if progress is not None:
            progress(done, len(missing))
    _refresh_buckets(store, is_cancelled)
    return done


def _refresh_buckets(store: Store, is_cancelled: Cancelled | None) -> None:
    """Sum each month whose sum is missing from its articles, then the whole corpus from
    the months."""
    missing = store.missing_word_buckets()
    if not missing and store.has_word_bucket("*"):
        return
    size = len(store.vocabulary()[0])
    for bucket in missing:
        summed = _sum_blobs(store.bucket_article_blobs(bucket), size, is_cancelled)
        store.write_word_bucket(bucket, summed[3], summed[2], encode_sums(summed[0], summed[1]))
    if not store.has_word_bucket("*"):
        freq, spread, total, articles = _sum_buckets(store.word_buckets(None), size)
        store.write_word_bucket("*", articles, total, encode_sums(freq, spread))


def encode_sums(freq: np.ndarray, spread: np.ndarray) -> bytes:
    """A bucket's sums: zlib over uint32 id differences, frequencies, ranges (words > 0)."""
    ids = np.flatnonzero(freq).astype(np.int64)
    deltas = np.diff(ids, prepend=0).astype("<u4")
    return zlib.compress(  # level 1: sums are rewritten often and are few
        deltas.tobytes() + freq[ids].astype("<u4").tobytes() + spread[ids].astype("<u4").tobytes(),
        1,
    )


def decode_sums(blob: bytes) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    data = np.frombuffer(zlib.decompress(blob), dtype="<u4")
    third = len(data) // 3
    ids = np.cumsum(data[:third], dtype=np.int64)
    return ids, data[third : 2 * third].astype(np.int64), data[2 * third :].astype(np.int64)


def _sum_buckets(
    rows: Iterable[tuple[str, int, int, bytes]], size: int
) -> tuple[np.ndarray, np.ndarray, int, int]:
    freq = np.zeros(size, dtype=np.int64)
    spread = np.zeros(size, dtype=np.int64)
    total = articles = 0
    for _, in_bucket, words_in, blob in rows:
        ids, f, r = decode_sums(blob)
        keep = ids < size
        freq[ids[keep]] += f[keep]  # ids are unique within a bucket
        spread[ids[keep]] += r[keep]
        total += words_in
        articles += in_bucket
    return freq, spread, total, articles


def bucket_counts(store: Store, buckets: Sequence[str], words: Vocabulary) -> Counts:
    """The stored sums of these months (or '*', the whole corpus) added up."""
    freq, spread, total, articles = _sum_buckets(store.word_buckets(buckets), len(words))
    return Counts(words, freq, spread, total, articles)


def sum_counts(
    store: Store,
    article_ids: Sequence[int] | None,
    words: Vocabulary,
    is_cancelled: Cancelled | None = None,
) -> Counts:
    """The counts of these articles (None: all) summed, vectorised over each chunk of blobs."""
    freq, spread, total, articles = _sum_blobs(
        store.word_count_blobs(article_ids), len(words), is_cancelled
    )
    return Counts(words, freq, spread, total, articles)


def _sum_blobs(
    rows: Iterable[tuple[int, int, bytes]], size: int, is_cancelled: Cancelled | None
) -> tuple[np.ndarray, np.ndarray, int, int]:
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

    for _, words_in, blob in rows:
        total += words_in
        articles += 1
        chunk.append(blob)
        if len(chunk) >= _SUM_CHUNK:
            if is_cancelled is not None and is_cancelled():
                raise AnalysisCancelled("the analysis was cancelled")
            flush()
    flush()
    return freq, spread, total, articles


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


def counts_from_words(counted: Iterable[dict[str, int]], words: Vocabulary) -> Counts:
    """Counts of word tallies made on the fly (passages of a tag), over the vocabulary."""
    size = len(words)
    index = words.index()
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

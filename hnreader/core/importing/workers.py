"""Worker processes of a large import: each splits and analyses documents with its own
segmenter; and the commit batches the parent stores their results in."""

from __future__ import annotations

import contextlib
import os
import time

from hnreader.core.analysis.segmenter import Segmenter, SegmenterSpec
from hnreader.core.importing.analysed import AnalysedFile, analyse_file
from hnreader.core.importing.formats import DocumentSource
from hnreader.core.importing.options import ImportOptions
from hnreader.core.store import Store

# Starting a worker costs about a second (a fresh interpreter loads jieba's dictionary), so
# imports smaller than this stay in-process.
PARALLEL_MIN_BYTES = 4_000_000
MAX_WORKERS = 8
FILES_IN_FLIGHT_PER_WORKER = 3
COMMIT_EVERY_S = 0.25

_worker_segmenter: Segmenter | None = None
_worker_repeated: frozenset[int] = frozenset()


def start_worker(spec: SegmenterSpec, repeated: frozenset[int] = frozenset()) -> None:
    global _worker_segmenter, _worker_repeated
    _worker_segmenter = Segmenter.from_spec(spec)
    _worker_segmenter.initialize()
    _worker_repeated = repeated  # the import's chrome (see repeated_lines)


def analyse_in_worker(
    name: str, source: DocumentSource, year: int | None, options: ImportOptions | None = None
) -> AnalysedFile:
    assert _worker_segmenter is not None
    return analyse_file(
        name,
        source.text,
        _worker_segmenter,
        year=year,
        set_aside=source.set_aside,
        meta=source.meta,
        multi_article=source.multi_article,
        repeated=_worker_repeated,
        options=options,
    )


def worker_count(total_bytes: int, files: int) -> int:
    """How many worker processes an import uses (0: analyse in this process)."""
    cores = os.cpu_count() or 1
    if cores < 2 or files < 2 or total_bytes < PARALLEL_MIN_BYTES:
        return 0
    return min(cores, MAX_WORKERS)


class CommitBatches:
    """Files stored by a parallel import share a transaction for up to COMMIT_EVERY_S, so
    the disk is synced a few times a second rather than once per file; each file is still
    all or nothing (a savepoint), and a crash loses at most the last batch, which the next
    import adds again."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._open: contextlib.ExitStack | None = None
        self._since = 0.0

    def begin(self) -> None:
        if self._open is None:
            self._open = contextlib.ExitStack()
            self._open.enter_context(self._store.write())
            self._since = time.monotonic()

    def maybe_commit(self) -> None:
        if time.monotonic() - self._since >= COMMIT_EVERY_S:
            self.commit()

    def commit(self) -> None:
        if self._open is not None:
            opened, self._open = self._open, None
            opened.close()

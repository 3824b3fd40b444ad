"""Importing text files and folders into a project, and (re)building the search index.

These are plain functions with `progress(done, total, message)` and `is_cancelled()` callables;
they know nothing of threads. Import is all-or-nothing per file and idempotent (content hash):
importing a folder again adds only its new files, and an import that was cancelled or
crashed resumes where it stopped.

Segmentation is pure Python, so a large import splits and analyses files in worker
processes, one per core, while this process decodes files and stores the results in order.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Collection, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from hnreader.core.analysis.figures import find_figures
from hnreader.core.analysis.index import build_index_entry, fold_parts, index_version
from hnreader.core.analysis.segmenter import Segmenter, SegmenterSpec
from hnreader.core.importing.repeated_lines import MIN_FILES, repeated_in_files
from hnreader.core.importing.splitter import split_articles
from hnreader.core.models import (
    ArticleDraft,
    Figure,
    HnreaderError,
    ImportReport,
    Progress,
    Span,
    Stage,
    no_progress,
)
from hnreader.core.store import IndexRow, Store, sha256_text
from hnreader.core.text.decoding import read_text_file
from hnreader.core.text.safety import (
    clean_user_text,
    display_file_name,
    display_path,
    has_lone_surrogate,
)

log = logging.getLogger(__name__)

Cancelled = Callable[[], bool]

# Starting a worker costs about a second (a fresh interpreter loads jieba's dictionary), so
# imports smaller than this stay in-process.
PARALLEL_MIN_BYTES = 4_000_000
MAX_WORKERS = 8
FILES_IN_FLIGHT_PER_WORKER = 3
COMMIT_EVERY_S = 0.25


def never_cancelled() -> bool:
    return False


class ImportCancelled(HnreaderError):
    """Raised inside a file's import when the user cancelled; that file is not stored."""


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """The files to import from files and folders, and the paths skipped with the reason."""
    files: list[Path] = []
    skipped: list[tuple[str, str]] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found = sorted(
                (p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".txt"),
                key=lambda p: str(p).lower(),
            )
            if not found:
                skipped.append((display_path(path), "the folder holds no .txt files"))
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            skipped.append((display_path(path), "no such file or folder"))
    return list(dict.fromkeys(files)), skipped


def readable_reason(file: Path, message: str) -> str:
    """An error message about `file` with the file's name and path as `display_path` shows
    them: a name that is not UTF-8 reaches the message as surrogate escapes, which SQLite,
    a terminal or a log file cannot encode (issue F14)."""
    for raw, shown in ((str(file), display_path(file)), (file.name, display_file_name(file.name))):
        if shown != raw:
            message = message.replace(raw, shown)
    if has_lone_surrogate(message):  # anything left, e.g. from the operating system
        message = clean_user_text(message)
    return message


def caption_figures(text: str, captions: Sequence[Span]) -> list[Figure]:
    return [Figure(s.start, s.end, text[s.start : s.end], None, "", "caption") for s in captions]


def analyse_text(
    text: str, captions: Sequence[Span], segmenter: Segmenter
) -> tuple[list[Figure], IndexRow]:
    """What is derived from an article's text: its figures (with captions) and its index row."""
    parts = fold_parts(text)
    figures = sorted(
        [*find_figures(text, parts[0]), *caption_figures(text, captions)],
        key=lambda f: (f.start, f.end),
    )
    entry = build_index_entry(text, segmenter, parts)
    return figures, IndexRow(entry.folded, entry.flags, index_version(segmenter))


@dataclass(frozen=True)
class AnalysedFile:
    """A decoded file split into articles, each with its figures and index row."""

    drafts: list[ArticleDraft]
    figures: list[list[Figure]]
    rows: list[IndexRow]


def analyse_file(
    name: str,
    text: str,
    segmenter: Segmenter,
    on_article: Callable[[int], None] | None = None,
    year: int | None = None,
    repeated: Collection[int] = frozenset(),
) -> AnalysedFile:
    """Split a decoded text into articles and analyse each; `on_article(chars)` after each.
    `year` dates articles the file gives no year for, `repeated` are the lines that recur in
    other files of the import (see `split_articles`)."""
    drafts = split_articles(text, Path(name).name, year=year, repeated=repeated)
    if not drafts:
        raise HnreaderError(f"{name}: no article text found in the file")
    figures: list[list[Figure]] = []
    rows: list[IndexRow] = []
    for draft in drafts:
        draft_figures, row = analyse_text(draft.text, draft.captions, segmenter)
        figures.append(draft_figures)
        rows.append(row)
        if on_article is not None:
            on_article(len(draft.text))
    return AnalysedFile(drafts, figures, rows)


# -- worker processes

_worker_segmenter: Segmenter | None = None
_worker_repeated: frozenset[int] = frozenset()


def _start_worker(spec: SegmenterSpec, repeated: frozenset[int]) -> None:
    global _worker_segmenter, _worker_repeated
    _worker_segmenter = Segmenter.from_spec(spec)
    _worker_segmenter.initialize()
    _worker_repeated = repeated


def _analyse_in_worker(name: str, text: str, year: int | None) -> AnalysedFile:
    assert _worker_segmenter is not None
    return analyse_file(name, text, _worker_segmenter, year=year, repeated=_worker_repeated)


def worker_count(total_bytes: int, files: int) -> int:
    """How many worker processes an import uses (0: analyse in this process)."""
    cores = os.cpu_count() or 1
    if cores < 2 or files < 2 or total_bytes < PARALLEL_MIN_BYTES:
        return 0
    return min(cores, MAX_WORKERS)


def import_paths(
    store: Store,
    segmenter: Segmenter,
    paths: Iterable[Path],
    progress: Progress = no_progress,
    is_cancelled: Cancelled = never_cancelled,
    workers: int | None = None,
    on_changed: str = "skip",
    year: int | None = None,
) -> ImportReport:
    """Import files and folders (.txt inside, recursively), each file all or nothing.

    `workers` overrides `worker_count()`; 0 analyses in this process. A file whose earlier
    version (same path, other text) is in the project is skipped and listed in `changed`
    unless `on_changed` is "keep_both", which imports it as a second copy: never silently.
    `year` is the year of articles whose files give none (the last source of a year).
    """
    if on_changed not in ("skip", "keep_both"):
        raise ValueError(f"on_changed must be 'skip' or 'keep_both', not {on_changed!r}")
    files, skipped = collect_files(paths)
    sizes = [_size(f) for f in files]
    total = max(1, sum(sizes))
    if workers is None:
        workers = worker_count(total, len(files))
    run = _ImportRun(store, segmenter, total, progress, is_cancelled)
    run.keep_both = on_changed == "keep_both"
    run.year = year
    run.skipped.extend(skipped)
    if len(files) >= MIN_FILES:
        run.repeated = repeated_in_files(files, progress, is_cancelled)
    if workers > 0:
        run.parallel(files, sizes, workers)
    else:
        run.sequential(files, sizes)
    finished = total if not run.cancelled else run.done
    progress(finished, total, Stage.CANCELLED if run.cancelled else Stage.DONE)
    return ImportReport(
        added_articles=len(run.article_ids),
        added_files=tuple(run.added_files),
        skipped=tuple(run.skipped),
        cancelled=run.cancelled,
        article_ids=tuple(run.article_ids),
        changed=tuple(run.changed),
    )


def _size(path: Path) -> int:
    try:
        return max(1, path.stat().st_size)
    except OSError:
        return 1


@dataclass(frozen=True)
class _Decoded:
    file: Path
    size: int
    text: str
    encoding: str
    digest: str


class _ImportRun:
    """One import: what was added and skipped, and how far it got."""

    def __init__(
        self,
        store: Store,
        segmenter: Segmenter,
        total: int,
        progress: Progress,
        is_cancelled: Cancelled,
    ) -> None:
        self.store = store
        self.segmenter = segmenter
        self.total = total
        self.progress = progress
        self.is_cancelled = is_cancelled
        self.done = 0
        self.cancelled = False
        self.added_files: list[str] = []
        self.article_ids: list[int] = []
        self.skipped: list[tuple[str, str]] = []
        self._digests: dict[str, str] = {}  # texts decoded in this run → file name
        self.keep_both = False  # import a changed version of a file as a second copy
        self.year: int | None = None  # the year of articles whose files give none
        self.repeated: frozenset[int] = frozenset()  # lines found in several files: chrome
        self.changed: list[str] = []

    def _decode(self, file: Path, size: int) -> _Decoded | None:
        """The file's text, or None (noted in `skipped`) if it cannot or need not be imported."""
        try:
            decoded = read_text_file(file)
        except HnreaderError as error:
            self._skip(file, str(error))
            return None
        digest = sha256_text(decoded.text)
        earlier = self.store.has_source(digest) or self._digests.get(digest)
        name = display_file_name(file.name)
        if earlier is not None:
            self._skip(file, f"{name}: already imported (same text as {earlier})")
            return None
        if not self.keep_both:
            imported = self.store.source_at_path(display_path(file.resolve()))
            if imported is not None:
                self.changed.append(str(file))
                self._skip(
                    file,
                    f"{name}: changed since it was imported on {imported[:10]}; not imported "
                    "again, so its annotations stay where they are. Import it with “keep "
                    "both” (`hnreader import --keep-both`) to add the new version as a "
                    "second copy",
                )
                return None
        self._digests[digest] = name
        return _Decoded(file, size, decoded.text, decoded.encoding, digest)

    def _skip(self, file: Path, reason: str) -> None:
        self.skipped.append((display_path(file), readable_reason(file, reason)))

    def _store(self, decoded: _Decoded, analysed: AnalysedFile) -> None:
        # Stored names and paths are readable text: a name that is not UTF-8 (a GBK name from
        # a Windows zip) is stored as display_file_name reads it, so the file imports.
        ids = self.store.add_source(
            name=display_file_name(decoded.file.name),
            path=display_path(decoded.file.resolve()),
            sha256=decoded.digest,
            encoding=decoded.encoding,
            text=decoded.text,
            drafts=analysed.drafts,
            figures=analysed.figures,
            index_rows=analysed.rows,
        )
        if ids:
            self.added_files.append(display_path(decoded.file))
            self.article_ids.extend(ids)

    def sequential(self, files: list[Path], sizes: list[int]) -> None:
        for file, size in zip(files, sizes, strict=True):
            if self.is_cancelled():
                self.cancelled = True
                return
            self.progress(self.done, self.total, Stage.IMPORTING, display_file_name(file.name))
            decoded = self._decode(file, size)
            if decoded is not None and not self._analyse_here(decoded):
                return
            self.done += size

    def _article_progress(self, decoded: _Decoded) -> Callable[[int], None]:
        """Progress within one file, by characters analysed; raises ImportCancelled."""
        chars = max(1, len(decoded.text))
        seen = 0
        name = display_file_name(decoded.file.name)

        def on_article(article_chars: int) -> None:
            nonlocal seen
            if self.is_cancelled():
                raise ImportCancelled(f"{name}: import cancelled")
            seen += article_chars
            self.progress(
                self.done + decoded.size * seen // chars, self.total, Stage.IMPORTING, name
            )

        return on_article

    def parallel(self, files: list[Path], sizes: list[int], workers: int) -> None:
        """Decode here, split and analyse in `workers` processes, store here in file order.

        A few files per worker are in flight, so memory stays bounded; each file is committed
        as soon as it is back, so a cancel or a crash keeps every file stored before it.
        """
        self.progress(0, self.total, Stage.STARTING)
        commits = _CommitBatches(self.store)
        queue = deque(zip(files, sizes, strict=True))
        pending: deque[tuple[Path, int, _Decoded | None, Future[AnalysedFile] | None]] = deque()
        pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),  # never fork a process running Qt
            initializer=_start_worker,
            initargs=(self.segmenter.spec(), self.repeated),
        )
        try:
            while queue or pending:
                while queue and len(pending) < workers * FILES_IN_FLIGHT_PER_WORKER:
                    file, size = queue.popleft()
                    decoded = self._decode(file, size)
                    future = None
                    if decoded is not None:
                        name = display_file_name(file.name)
                        future = pool.submit(_analyse_in_worker, name, decoded.text, self.year)
                    pending.append((file, size, decoded, future))
                file, size, decoded, future = pending[0]
                if decoded is not None and future is not None:
                    try:
                        analysed = self._wait(file, future)
                    except BrokenProcessPool:
                        log.warning("worker processes failed; importing the rest in-process")
                        break
                    if self.cancelled:
                        return
                    if analysed is not None:
                        commits.begin()
                        self._store(decoded, analysed)
                        commits.maybe_commit()
                pending.popleft()
                self.done += size
                self.progress(self.done, self.total, Stage.IMPORTING, display_file_name(file.name))
                if self.is_cancelled():
                    self.cancelled = True
                    return
        finally:
            commits.commit()  # every file in the open batch was stored whole (a savepoint each)
            pool.shutdown(wait=True, cancel_futures=True)
        # The pool broke (a worker was killed, or could not start): go on in this process.
        for _file, size, decoded, _future in pending:
            if decoded is not None and not self._analyse_here(decoded):
                return
            self.done += size
        self.sequential([f for f, _ in queue], [s for _, s in queue])

    def _analyse_here(self, decoded: _Decoded) -> bool:
        """Analyse and store an already decoded file in this process; False if cancelled."""
        try:
            analysed = analyse_file(
                display_file_name(decoded.file.name),
                decoded.text,
                self.segmenter,
                self._article_progress(decoded),
                year=self.year,
                repeated=self.repeated,
            )
        except ImportCancelled:
            self.cancelled = True
            return False
        except HnreaderError as error:
            self._skip(decoded.file, str(error))
        else:
            self._store(decoded, analysed)
        return True

    def _wait(self, file: Path, future: Future[AnalysedFile]) -> AnalysedFile | None:
        """A worker's result; None when the file failed (noted) or the user cancelled."""
        while True:
            try:
                return future.result(timeout=0.1)
            except FutureTimeout:
                if self.is_cancelled():
                    self.cancelled = True
                    return None
            except HnreaderError as error:
                self._skip(file, str(error))
                return None


class _CommitBatches:
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


def reindex(
    store: Store,
    segmenter: Segmenter,
    article_ids: Sequence[int] | None = None,
    progress: Progress = no_progress,
    is_cancelled: Cancelled = never_cancelled,
    batch: int = 200,
) -> int:
    """Rebuild the index of the given (default: stale) articles; returns how many were done.

    Commits every `batch` articles, so a cancel or crash keeps the work done so far and the
    next call resumes with what is still stale.
    """
    version = index_version(segmenter)
    ids = list(article_ids) if article_ids is not None else store.stale_index_ids(version)
    total = len(ids)
    count = 0
    for offset in range(0, total, batch):
        if is_cancelled():
            break
        chunk = ids[offset : offset + batch]
        texts = store.article_texts(chunk)
        rows = []
        for article_id in chunk:
            if article_id in texts:
                entry = build_index_entry(texts[article_id], segmenter)
                rows.append((article_id, IndexRow(entry.folded, entry.flags, version)))
        store.write_index_many(rows)
        count += len(rows)
        progress(count, total, Stage.INDEXING)
    return count

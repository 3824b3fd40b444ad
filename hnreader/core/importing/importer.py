"""Importing files and folders into a project, and (re)building the search index.

These are plain functions with `progress(done, total, message)` and `is_cancelled()` callables;
they know nothing of threads. Import is all-or-nothing per file and idempotent (content hash):
importing a folder again adds only its new files, and an import that was cancelled or
crashed resumes where it stopped.

Every format has its reader (`formats`): documents (.txt, .html, .mhtml, .docx) are read
whole and split into articles; tables and record files (.csv, .tsv, .xlsx, .jsonl, .json,
.xml) are streamed, one article per row (`table_import`).

Segmentation is pure Python, so a large import splits and analyses documents in worker
processes, one per core, while this process reads files and stores the results in order
(tables are analysed in this process, after the documents).
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.importing.analysed import AnalysedFile, analyse_file, analyse_text
from hnreader.core.importing.formats import SUPPORTED_SUFFIXES, DocumentSource
from hnreader.core.importing.formats.dispatch import file_format, is_collected, is_table
from hnreader.core.importing.formats.readers import read_document
from hnreader.core.importing.options import ImportOptions
from hnreader.core.importing.reindexing import (
    figures_are_stale,
    never_cancelled,
    refresh_figures,
    reindex,
)
from hnreader.core.importing.repeated_lines import MIN_FILES, repeated_in_files
from hnreader.core.importing.split_modes import with_import_values
from hnreader.core.importing.workers import (
    FILES_IN_FLIGHT_PER_WORKER,
    CommitBatches,
    analyse_in_worker,
    start_worker,
    worker_count,
)
from hnreader.core.models import (
    ArticleDraft,
    ErrorCode,
    Figure,
    HnreaderError,
    ImportProblem,
    ImportReport,
    Progress,
    Stage,
    no_progress,
)
from hnreader.core.store import IndexRow, Store, sha256_text
from hnreader.core.text.safety import (
    clean_user_text,
    display_file_name,
    display_path,
    has_lone_surrogate,
)

__all__ = [
    "AnalysedFile",
    "ImportCancelled",
    "analyse_file",
    "analyse_text",
    "collect_files",
    "figures_are_stale",
    "import_paths",
    "never_cancelled",
    "refresh_figures",
    "reindex",
    "worker_count",
]

log = logging.getLogger(__name__)

Cancelled = Callable[[], bool]


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
                (p for p in path.rglob("*") if p.is_file() and is_collected(p)),
                key=lambda p: str(p).lower(),
            )
            if not found:
                skipped.append(
                    (
                        display_path(path),
                        "the folder holds no files hnreader imports ("
                        + " ".join(SUPPORTED_SUFFIXES)
                        + ")",
                    )
                )
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


def import_paths(
    store: Store,
    segmenter: Segmenter,
    paths: Iterable[Path],
    progress: Progress = no_progress,
    is_cancelled: Cancelled = never_cancelled,
    workers: int | None = None,
    on_changed: str = "skip",
    year: int | None = None,
    columns: Mapping[str, str] | None = None,
    options: ImportOptions | None = None,
) -> ImportReport:
    """Import files and folders (the supported files inside, recursively), each file all or
    nothing.

    `workers` overrides `worker_count()`; 0 analyses in this process. A file whose earlier
    version (same path, other text) is in the project is skipped and listed in `changed`
    unless `on_changed` is "keep_both", which imports it as a second copy: never silently.
    `year` is the year of articles whose files give none (the last source of a year);
    `columns` maps roles to the columns of tables ({"text": "正文", "title": "标题"});
    `options`: the split mode, default year, publication, variables and encoding the user
    chose for this import (`ImportOptions`; its year wins over `year`).
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
    run.options = options or ImportOptions()
    run.year = run.options.year if run.options.year is not None else year
    run.columns = dict(columns) if columns else None
    text_files = [f for f in files if f.suffix.lower() == ".txt"]
    if len(text_files) >= MIN_FILES:  # site chrome shared by saved pages (see repeated_lines)
        run.repeated = repeated_in_files(text_files, progress, is_cancelled)
    for path, reason in skipped:
        run._skip(Path(path), reason, ErrorCode.MISSING if "no such" in reason else "")
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
        problems=tuple(run.problems),
        notes=tuple(run.notes),
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
    source: DocumentSource
    digest: str

    @property
    def text(self) -> str:
        return self.source.text


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
        self.columns: dict[str, str] | None = None  # table columns by role, as the user said
        self.options = ImportOptions()  # split mode, publication, variables, encoding
        self.repeated: frozenset[int] = frozenset()  # lines found in several files: chrome
        self.changed: list[str] = []
        self.problems: list[ImportProblem] = []  # the skipped files, with their codes
        self.notes: list[ImportProblem] = []  # parts of files left out (rows without text)

    def _decode(self, file: Path, size: int) -> _Decoded | None:
        """The file read by its format's reader, or None (noted in `skipped`) if it cannot or
        need not be imported. A table is not read here: see `_is_table`."""
        try:
            source = read_document(file, self._format(file), self.options.encoding)
        except HnreaderError as error:
            self.skip_error(file, error)
            return None
        digest = sha256_text(source.stored_text)
        if self.duplicate(file, digest):
            return None
        self._digests[digest] = display_file_name(file.name)
        return _Decoded(file, size, source, digest)

    def _format(self, file: Path) -> str:
        try:
            with open(file, "rb") as stream:
                head = stream.read(16)
        except OSError:
            head = b""  # the reader reports why the file cannot be read
        return file_format(file, head)

    def _table_format(self, file: Path) -> str | None:
        """The format of a table file, None for a document; a file that cannot be imported
        at all is noted (and "" returned)."""
        if not is_table(file):
            return None
        try:
            return self._format(file)
        except HnreaderError as error:
            self.skip_error(file, error)
            return ""

    def duplicate(self, file: Path, digest: str) -> bool:
        """Whether a file with this text need not be imported (noted in `skipped`): the same
        text is in the project or this import already, or an earlier version of the same
        file is (unless both are to be kept)."""
        earlier = self.store.has_source(digest) or self._digests.get(digest)
        name = display_file_name(file.name)
        if earlier is not None:
            self._skip(
                file,
                f"{name}: already imported (same text as {earlier})",
                ErrorCode.ALREADY_IMPORTED,
                earlier=earlier,
            )
            return True
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
                    ErrorCode.CHANGED_SINCE_IMPORT,
                    imported=imported,
                )
                return True
        self._digests[digest] = name
        return False

    def _skip(self, path: Path, reason: str, code: str = "", **details: object) -> None:
        shown = display_path(path)
        message = readable_reason(path, reason)
        self.skipped.append((shown, message))
        details.setdefault("file", display_file_name(path.name))
        self.problems.append(ImportProblem(shown, code, details, message))

    def skip_error(self, path: Path, error: HnreaderError) -> None:
        self._skip(path, str(error), error.code, **error.details)

    def analyse(self, draft: ArticleDraft) -> tuple[list[Figure], IndexRow]:
        return analyse_text(draft.text, draft.captions, self.segmenter)

    def with_options(self, draft: ArticleDraft) -> ArticleDraft:
        """A table row's draft with the import's publication and variables."""
        return with_import_values(draft, self.options.publication, self.options.variables)

    def _store(self, decoded: _Decoded, analysed: AnalysedFile) -> None:
        # Stored names and paths are readable text: a name that is not UTF-8 (a GBK name from
        # a Windows zip) is stored as display_file_name reads it, so the file imports.
        ids = self.store.add_source(
            name=display_file_name(decoded.file.name),
            path=display_path(decoded.file.resolve()),
            sha256=decoded.digest,
            encoding=decoded.source.encoding,
            text=decoded.source.stored_text,
            drafts=analysed.drafts,
            figures=analysed.figures,
            index_rows=analysed.rows,
            file_format=decoded.source.format,
            variable_kinds=_document_variable_kinds(analysed.drafts),
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
            table = self._table_format(file)
            if table:
                from hnreader.core.importing.table_import import import_table

                if not import_table(self, file, size, table):
                    return
            elif table is None:
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
        commits = CommitBatches(self.store)
        # Tables are streamed in this process once the documents are done.
        tables = [(f, s) for f, s in zip(files, sizes, strict=True) if is_table(f)]
        queue = deque((f, s) for f, s in zip(files, sizes, strict=True) if not is_table(f))
        pending: deque[tuple[Path, int, _Decoded | None, Future[AnalysedFile] | None]] = deque()
        pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),  # never fork a process running Qt
            initializer=start_worker,
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
                        future = pool.submit(
                            analyse_in_worker, name, decoded.source, self.year, self.options
                        )
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
        if not self.cancelled:
            self.sequential([f for f, _ in tables], [s for _, s in tables])

    def _analyse_here(self, decoded: _Decoded) -> bool:
        """Analyse and store an already decoded file in this process; False if cancelled."""
        source = decoded.source
        try:
            analysed = analyse_file(
                display_file_name(decoded.file.name),
                source.text,
                self.segmenter,
                self._article_progress(decoded),
                year=self.year,
                set_aside=source.set_aside,
                meta=source.meta,
                multi_article=source.multi_article,
                repeated=self.repeated,
                options=self.options,
            )
        except ImportCancelled:
            self.cancelled = True
            return False
        except HnreaderError as error:
            self.skip_error(decoded.file, error)
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
                self.skip_error(file, error)
                return None


def _document_variable_kinds(drafts: Sequence[ArticleDraft]) -> dict[str, str]:
    """A document's variables are its page's url: text."""
    return {name: "text" for draft in drafts for name, _ in draft.variables}

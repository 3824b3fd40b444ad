"""An open project: the store, its segmenter and its undo history, with every user action.

The CLI and the desktop app both work through this class, so an action behaves the same
whichever way a user reaches it. Each action is one transaction and one undo step.

`Project` is assembled from two halves kept in their own modules: `reads` (articles, codebook,
figures, search, export rows) and `actions` (the user's changes, undo and redo, the project
dictionary); opening, closing, safekeeping and the long imports live here.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from hnreader import paths
from hnreader.core import safekeeping
from hnreader.core.analysis.index import index_version
from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.editing.history import History
from hnreader.core.importing import importer
from hnreader.core.importing.formats import SUPPORTED_SUFFIXES
from hnreader.core.importing.formats.columns import parse_mapping
from hnreader.core.importing.options import ImportOptions, import_options
from hnreader.core.importing.preview import (
    ImportPreview,
    PreviewArticle,
    PreviewFile,
    preview_article,
)
from hnreader.core.models import ImportReport, Progress, StoreError, no_progress
from hnreader.core.project.actions import ProjectActions
from hnreader.core.project.coding import ProjectCoding
from hnreader.core.project.corrections import ProjectCorrections
from hnreader.core.project.exchange import ProjectExchange
from hnreader.core.project.ledger import ProjectLedger
from hnreader.core.project.merging import ProjectMerging
from hnreader.core.project.trends import ProjectTrends
from hnreader.core.project.wordstats import ProjectWordStats
from hnreader.core.store import Store
from hnreader.core.store.opening import file_version, store_error
from hnreader.core.store.schema import SCHEMA_VERSION
from hnreader.core.text.normalize import FOLD_VERSION

__all__ = [
    "IMPORTABLE_SUFFIXES",
    "ImportOptions",
    "ImportPreview",
    "PreviewArticle",
    "PreviewFile",
    "Project",
    "Segmenter",
    "describe_failure",
    "import_options",
    "open_default_project",
    "parse_column_map",
    "preview_article",
    "shared_dictionaries",
]

# The file extensions an import reads (the app's file dialog and drag and drop use them).
IMPORTABLE_SUFFIXES = SUPPORTED_SUFFIXES


def parse_column_map(spec: str) -> dict[str, str]:
    """`title=标题,text=正文,date=发布时间` as {role: column}, or InvalidMapping."""
    return parse_mapping(spec)


Cancelled = Callable[[], bool]

BUNDLED_CORPUS_KEY = "bundled_corpus_imported"
INDEX_FOLD_KEY = "index_fold"


class Project(
    ProjectCorrections,
    ProjectActions,
    ProjectCoding,
    ProjectMerging,
    ProjectLedger,
    ProjectExchange,
    ProjectTrends,
    ProjectWordStats,
):
    """An open project file: every read and action of the UI and the CLI goes through here."""

    def __init__(
        self, store: Store, segmenter: Segmenter, coder: str = "", *, _thread: bool = False
    ) -> None:
        self.store = store
        self.segmenter = segmenter
        self.coder = coder
        self.history = History(self._restore, store)
        if _thread:  # open_for_thread: the project that made it set everything up
            self._synced_words = set(segmenter.user_words)
            return
        if store.meta(INDEX_FOLD_KEY) != str(FOLD_VERSION) and not store.read_only:
            # The FTS documents were folded another way (or never built): start afresh.
            store.reset_search_index(str(FOLD_VERSION))
        self._synced_words = set(store.user_words())
        segmenter.add_user_words(self._synced_words)

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = True,
        segmenter: Segmenter | None = None,
        coder: str = "",
        read_only: bool = False,
        initialize_empty: bool = False,
    ) -> Project:
        """Open (or create) a project file. A 0-byte file is refused (EMPTY_FILE) unless
        `initialize_empty`; a file that cannot be written or is damaged opens read-only."""
        store = Store(path, create=create, read_only=read_only, initialize_empty=initialize_empty)
        return cls(store, segmenter or Segmenter(cache_dir=paths.jieba_cache_dir()), coder)

    @staticmethod
    def pending_upgrade(path: Path | str) -> tuple[int, int] | None:
        """(the file's format, this version's) when opening `path` will upgrade it (the
        migrations can take a minute for a large project), else None."""
        version = file_version(Path(path))
        if version is None or not 0 < version < SCHEMA_VERSION:
            return None
        return version, SCHEMA_VERSION

    @staticmethod
    def upgrade_file(
        path: Path | str, progress: Progress | None = None, is_cancelled: object = None
    ) -> None:
        """Upgrade a project file to this version's format (with the verified backup every
        upgrade makes) and close it again: for running off the GUI thread before `open`,
        which then has nothing left to do. Raises what `open` would."""
        Store(path, create=False).close()

    def load_dictionaries(self) -> None:
        """Load jieba's and the project's dictionaries now (≈ 0.6 s, once; thread-safe), so
        the first search or segmentation does not wait for them."""
        self.segmenter.initialize()

    def open_for_thread(self) -> Project:
        """The same project on a connection of its own, for work in another thread (call it
        in that thread: SQLite connections stay in theirs). Side-effect free: nothing is
        checked, migrated, reset or re-indexed, the segmenter and coder are this project's,
        and a read-only or damaged project stays so. Close it when done (`with` works)."""
        store = Store(self.path, create=False, read_only=self.read_only, check=False)
        store.read_only_reason, store.damage = self.store.read_only_reason, self.store.damage
        return Project(store, self.segmenter, self.coder, _thread=True)

    def close(self) -> None:
        """Close the file (once; closing again does nothing)."""
        if getattr(self, "_closed", False):
            return
        self._closed = True
        with contextlib.suppress(StoreError):  # busy, a full disk: its redo stays its own
            self.history.close()
        self.store.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def read_only(self) -> bool:
        """Nothing can be changed: the file cannot be written, or it is damaged."""
        return self.store.read_only

    @property
    def read_only_reason(self) -> str:
        """Why nothing can be changed: file (cannot be written), damaged, requested; or ""."""
        return self.store.read_only_reason

    def verify(self, *, full: bool = False) -> list[str]:
        """Check the file for damage (quick, or `full`); a damaged project turns read-only."""
        return self.store.verify(full=full)

    def backup(
        self,
        reason: str = "manual",
        *,
        keep: int = safekeeping.DEFAULT_KEEP,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> safekeeping.BackupInfo:
        """A verified backup of this project now (kept with the newest `keep`)."""
        return safekeeping.make_backup(
            self.path, reason=reason, keep=keep, progress=progress, is_cancelled=is_cancelled
        )

    def backup_if_due(
        self, *, keep: int = safekeeping.DEFAULT_KEEP
    ) -> safekeeping.BackupInfo | None:
        """The daily backup, when the newest is older than a day and the file is sound."""
        if self.read_only:
            return None
        return safekeeping.backup_if_due(self.path, keep=keep)

    def backups(self) -> list[safekeeping.BackupInfo]:
        return safekeeping.list_backups(self.path)

    def data_version(self) -> int:
        """Changes when another window or process commits to this project."""
        return self.store.data_version()

    @property
    def damage(self) -> str:
        """The first problem a check found, when the project is damaged ("" otherwise)."""
        return self.store.damage

    @property
    def verified(self) -> bool:
        """Whether the file was checked for damage since it was opened."""
        return self.store.verified

    # -- long work

    def import_paths(
        self,
        sources: Sequence[Path],
        progress: Progress = no_progress,
        is_cancelled: Cancelled = importer.never_cancelled,
        workers: int | None = None,
        on_changed: str = "skip",
        year: int | None = None,
        columns: Mapping[str, str] | None = None,
        options: ImportOptions | None = None,
    ) -> ImportReport:
        """Import files and folders; `workers` processes (default: by size and cores).
        `year`: the year of articles whose files give none; `columns`: which column of a
        table is the title, text, date, publication, url, author ({role: column name}, see
        `parse_column_map`). A large import into a project that holds articles is preceded
        by a backup."""
        if self.store.article_count():
            files, _ = importer.collect_files(sources)
            if sum(_file_size(f) for f in files) > safekeeping.BULK_IMPORT_BYTES:
                safekeeping.make_backup(self.path, reason="import")
        return importer.import_paths(
            self.store,
            self.segmenter,
            sources,
            progress,
            is_cancelled,
            workers,
            on_changed,
            year,
            columns,
            options,
        )

    def import_bundled_corpus_once(
        self,
        progress: Progress = no_progress,
        is_cancelled: Cancelled = importer.never_cancelled,
    ) -> ImportReport | None:
        """On the default project's first use, import the corpus shipped with the app."""
        if self.store.meta(BUNDLED_CORPUS_KEY):
            return None
        report = self.import_paths([paths.bundled_corpus_dir()], progress, is_cancelled)
        if not report.cancelled:
            self.store.set_meta(BUNDLED_CORPUS_KEY, "1")
        return report

    def stale_article_ids(self) -> list[int]:
        return self.store.stale_index_ids(index_version(self.segmenter))

    def has_stale_index(self) -> bool:
        """Whether some article needs (re-)indexing or its figures re-deriving (an older
        figure model, migration 10): cheaper than `stale_article_ids()`."""
        return importer.figures_are_stale(self.store) or self.store.has_stale_index(
            index_version(self.segmenter)
        )

    def reindex(
        self,
        article_ids: Sequence[int] | None = None,
        progress: Progress = no_progress,
        is_cancelled: Cancelled = importer.never_cancelled,
    ) -> int:
        return importer.reindex(self.store, self.segmenter, article_ids, progress, is_cancelled)


def shared_dictionaries() -> Segmenter:
    """The dictionaries (jieba's and the domain's) that every project opened in this process
    starts from: loaded once, shared; pass it to `Project.open` as `segmenter=….fresh()`
    so each project adds only its own words."""
    return Segmenter(cache_dir=paths.jieba_cache_dir())


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def describe_failure(error: sqlite3.Error, path: Path) -> StoreError:
    """An SQLite failure that escaped a read (a damaged page, a vanished file) as the
    user's `StoreError`: what happened to `path` and what to do."""
    return store_error(error, path)


def open_default_project(
    progress: Progress = no_progress, is_cancelled: Cancelled = importer.never_cancelled
) -> Project:
    """The project in the user data dir, with the bundled corpus imported on first use."""
    project = Project.open(paths.default_project_path())
    project.import_bundled_corpus_once(progress, is_cancelled)
    return project

"""An open project: the store, its segmenter and its undo history, with every user action.

The CLI and the desktop app both work through this class, so an action behaves the same
whichever way a user reaches it. Each action is one transaction and one undo step.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

from hnreader import paths
from hnreader.core import safekeeping
from hnreader.core.analysis.index import chars_match, index_version
from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.editing import articles as article_editing
from hnreader.core.editing.history import History
from hnreader.core.export.rows import (
    ExportFilter,
    annotation_rows,
    export_annotations,
    export_figures,
)
from hnreader.core.importing import importer
from hnreader.core.models import (
    Annotation,
    Article,
    ArticleHits,
    ArticleSummary,
    Figure,
    ImportReport,
    QueryError,
    SearchResult,
    StoreError,
    Tag,
)
from hnreader.core.search import engine as searching
from hnreader.core.search.query import parse_query
from hnreader.core.store import Change, RowState, Store
from hnreader.core.store.opening import store_error
from hnreader.core.text.normalize import FOLD_VERSION, fold_for_search

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]

BUNDLED_CORPUS_KEY = "bundled_corpus_imported"
INDEX_FOLD_KEY = "index_fold"


class Project:
    def __init__(
        self, store: Store, segmenter: Segmenter, coder: str = "", *, _thread: bool = False
    ) -> None:
        self.store = store
        self.segmenter = segmenter
        self.coder = coder
        self.history = History(self._restore)
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
        progress: Callable[[int, int], None] | None = None,
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

    # -- reads: the UI and the CLI ask here, never the store

    def article(self, article_id: int) -> Article:
        return self.store.article(article_id)

    def article_count(self) -> int:
        return self.store.article_count()

    def article_ids(self) -> list[int]:
        return self.store.article_ids()

    def has_article(self, article_id: int) -> bool:
        return self.store.has_article(article_id)

    def first_article_id(self) -> int | None:
        return self.store.first_article_id()

    def article_summaries(self, *, by_date: bool = False) -> list[ArticleSummary]:
        return self.store.article_summaries(by_date=by_date)

    def first_summaries(self, limit: int) -> list[ArticleSummary]:
        return self.store.first_summaries(limit)

    def article_briefs(self, ids: Sequence[int]) -> dict[int, tuple[str, str, str]]:
        """(title, date, source file) of these articles."""
        return self.store.article_briefs(ids)

    def article_texts(self, ids: Sequence[int]) -> dict[int, str]:
        return self.store.article_texts(ids)

    def article_word_flags(self, article_id: int) -> bytes:
        return self.store.article_word_flags(article_id)

    def tags(self) -> list[Tag]:
        return self.store.tags()

    def tag(self, tag_id: int) -> Tag:
        return self.store.tag(tag_id)

    def tag_by_name(self, name: str) -> Tag:
        return self.store.tag_by_name(name)

    def annotation(self, annotation_id: int) -> Annotation:
        return self.store.annotation(annotation_id)

    def annotations(
        self,
        *,
        article_id: int | None = None,
        tag_ids: Sequence[int] | None = None,
        article_ids: Sequence[int] | None = None,
        coder: str | None = None,
        ids: Sequence[int] | None = None,
    ) -> list[Annotation]:
        return self.store.annotations(
            article_id=article_id, tag_ids=tag_ids, article_ids=article_ids, coder=coder, ids=ids
        )

    def coders(self) -> list[str]:
        return self.store.coders()

    def figures(self, article_id: int | None = None) -> list[tuple[int, Figure]]:
        return self.store.figures(article_id)

    def user_words(self) -> list[str]:
        return self.store.user_words()

    # -- long work

    def import_paths(
        self,
        sources: Sequence[Path],
        progress: Progress = importer.no_progress,
        is_cancelled: Cancelled = importer.never_cancelled,
        workers: int | None = None,
        on_changed: str = "skip",
    ) -> ImportReport:
        """Import files and folders; `workers` processes (default: by size and cores).
        A large import into a project that holds articles is preceded by a backup."""
        if self.store.article_count():
            files, _ = importer.collect_files(sources)
            if sum(_file_size(f) for f in files) > safekeeping.BULK_IMPORT_BYTES:
                safekeeping.make_backup(self.path, reason="import")
        return importer.import_paths(
            self.store, self.segmenter, sources, progress, is_cancelled, workers, on_changed
        )

    def import_bundled_corpus_once(
        self,
        progress: Progress = importer.no_progress,
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
        """Whether some article needs (re-)indexing: cheaper than `stale_article_ids()`."""
        return self.store.has_stale_index(index_version(self.segmenter))

    def reindex(
        self,
        article_ids: Sequence[int] | None = None,
        progress: Progress = importer.no_progress,
        is_cancelled: Cancelled = importer.never_cancelled,
    ) -> int:
        return importer.reindex(self.store, self.segmenter, article_ids, progress, is_cancelled)

    def search(
        self, query: str, *, whole_words: bool = False, limit: int = 50, after: int = 0
    ) -> SearchResult:
        """A page of hits: the first `limit` matching articles after article id `after`."""
        return searching.search(
            self.store, self.segmenter, query, whole_words=whole_words, limit=limit, after=after
        )

    def count_matches(
        self,
        query: str,
        *,
        whole_words: bool = False,
        progress: Callable[[int, int], None] | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> tuple[int, int] | None:
        """(hits, articles) of the whole result of a search; None if cancelled or empty."""
        return searching.count_matches(
            self.store,
            self.segmenter,
            query,
            whole_words=whole_words,
            progress=progress,
            is_cancelled=is_cancelled,
        )

    def query_segmentation(self, query: str) -> tuple[list[list[str]], list[str]] | None:
        """How a query is segmented: the words of each term that must occur, and the
        excluded terms as typed; None when the query cannot be read."""
        try:
            parsed = parse_query(query)
        except QueryError:
            return None
        words = [self.segmenter.cut(term.folded) for term in parsed.positive_terms]
        return words, [term.text for term in parsed.excluded]

    def search_article(
        self, query: str, article_id: int, *, whole_words: bool = False
    ) -> ArticleHits | None:
        """The hits of a search in one article."""
        return searching.search_article(
            self.store, self.segmenter, query, article_id, whole_words=whole_words
        )

    def export_annotations(
        self,
        path: Path,
        selection: ExportFilter | None = None,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> int:
        return export_annotations(
            self.store, path, selection or ExportFilter(), progress, is_cancelled
        )

    def count_export_rows(self, selection: ExportFilter) -> int:
        """How many rows `export_annotations` would write for this selection."""
        return len(annotation_rows(self.store, selection))

    def export_figures(
        self,
        path: Path,
        article_ids: Sequence[int] | None = None,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> int:
        return export_figures(self.store, path, article_ids, progress, is_cancelled)

    # -- user actions: each one transaction, one undo step

    def _record(self, change: Change) -> Change:
        self.history.record(change)
        self._sync_words(change)
        return change

    def _restore(self, target: RowState, expected: RowState) -> None:
        self.store.restore_rows(target, expected)
        if "user_words" in target:
            self._sync_dictionary()

    def _sync_words(self, change: Change) -> None:
        if "user_words" in change.after:
            self._sync_dictionary()

    def _sync_dictionary(self) -> None:
        """Bring the segmenter in line with the project dictionary; re-index what changed."""
        words = set(self.store.user_words())
        added, removed = words - self._synced_words, self._synced_words - words
        if not added and not removed:
            return
        old_version = index_version(self.segmenter)
        self.segmenter.add_user_words(added)
        for word in removed:
            self.segmenter.remove_user_word(word)
        self._synced_words = words
        # Only text that contains a changed word can be segmented differently.
        affected: set[int] = set()
        for word in added | removed:
            affected.update(self.store.fts_ids(chars_match(fold_for_search(word))))
        self.reindex(sorted(affected))
        self.store.relabel_index_version(old_version, index_version(self.segmenter))

    def sync_external_changes(self) -> None:
        """After another window or process committed: take over its dictionary words (it
        re-indexed what they changed) and forget nothing else, as nothing is cached here."""
        words = set(self.store.user_words())
        added, removed = words - self._synced_words, self._synced_words - words
        if added:
            self.segmenter.add_user_words(added)
        for word in removed:
            self.segmenter.remove_user_word(word)
        self._synced_words = words

    def mark_damaged(self, problem: str) -> None:
        """A check run elsewhere (in the background) found damage: write nothing more."""
        self.store.read_only_reason = "damaged"
        self.store.damage = problem

    def undo(self) -> Change | None:
        return self.history.undo()

    def redo(self) -> Change | None:
        return self.history.redo()

    def add_tag(self, name: str, **fields: object) -> Change:
        return self._record(self.store.add_tag(name, **fields))  # type: ignore[arg-type]

    def update_tag(self, tag_id: int, **fields: object) -> Change:
        return self._record(self.store.update_tag(tag_id, **fields))

    def merge_tags(self, source_id: int, target_id: int) -> Change:
        return self._record(self.store.merge_tags(source_id, target_id))

    def delete_tag(
        self, tag_id: int, *, annotations: str | None = None, reassign_to: int | None = None
    ) -> Change:
        return self._record(
            self.store.delete_tag(tag_id, annotations=annotations, reassign_to=reassign_to)
        )

    def annotate(
        self, article_id: int, start: int, end: int, tag_ids: Sequence[int], note: str = ""
    ) -> Change:
        return self._record(
            self.store.add_annotation(article_id, start, end, tag_ids, note=note, coder=self.coder)
        )

    def annotate_many(
        self, spans: Sequence[tuple[int, int, int]], tag_ids: Sequence[int], note: str = ""
    ) -> Change:
        """Tag several passages (article id, start, end) in one step, e.g. all search hits."""
        return self._record(self.store.add_annotations(spans, tag_ids, note=note, coder=self.coder))

    def annotate_figure(
        self, article_id: int, figure: Figure, tag_ids: Sequence[int], note: str = ""
    ) -> Change:
        known = {(f.start, f.end) for _, f in self.store.figures(article_id)}
        if (figure.start, figure.end) not in known:
            raise StoreError(
                f"there is no figure at {figure.start}–{figure.end} in article {article_id}"
            )
        return self._record(
            self.store.add_annotation(
                article_id,
                figure.start,
                figure.end,
                tag_ids,
                kind="figure",
                note=note,
                coder=self.coder,
                figure=figure,
            )
        )

    def figure_at(self, article_id: int, start: int, end: int) -> Figure | None:
        for _, figure in self.store.figures(article_id):
            if figure.start == start and figure.end == end:
                return figure
        return None

    def update_annotation(
        self,
        annotation_id: int,
        *,
        note: str | None = None,
        note_was: str | None = None,
        tag_ids: Sequence[int] | None = None,
        add_tag_ids: Sequence[int] = (),
        remove_tag_ids: Sequence[int] = (),
    ) -> Change:
        """Set the note (`note_was`: the note the edit started from, checked) and set or
        change the tags of an annotation; see `Store.update_annotation`."""
        return self._record(
            self.store.update_annotation(
                annotation_id,
                note=note,
                note_was=note_was,
                tag_ids=tag_ids,
                add_tag_ids=add_tag_ids,
                remove_tag_ids=remove_tag_ids,
            )
        )

    def delete_annotation(self, annotation_id: int) -> Change:
        return self._record(self.store.delete_annotation(annotation_id))

    def update_article(self, article_id: int, **fields: str | Sequence[str]) -> Change:
        return self._record(self.store.update_article_metadata(article_id, **fields))

    def split_article(self, article_id: int, offset: int) -> Change:
        return self._record(
            article_editing.split_article(self.store, self.segmenter, article_id, offset)
        )

    def merge_with_next(self, article_id: int) -> Change:
        return self._record(article_editing.merge_with_next(self.store, self.segmenter, article_id))

    def add_user_word(self, word: str) -> Change:
        return self._record(self.store.add_user_word(word))

    def remove_user_word(self, word: str) -> Change:
        return self._record(self.store.remove_user_word(word))


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
    progress: Progress = importer.no_progress, is_cancelled: Cancelled = importer.never_cancelled
) -> Project:
    """The project in the user data dir, with the bundled corpus imported on first use."""
    project = Project.open(paths.default_project_path())
    project.import_bundled_corpus_once(progress, is_cancelled)
    return project

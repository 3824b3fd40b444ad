"""The project's team work: merging another coder's project, exporting a coder package,
curating disagreements into a consensus coder, and the memo table (issue 17, items 2, 4, 5)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from hnreader.core import curation, merge
from hnreader.core.agreement.tables import MEMO_COLUMNS, Table, memo_table
from hnreader.core.curation import Disagreement
from hnreader.core.editing.history import History, Restore
from hnreader.core.merge import MergeReport, MergeSource, TagChoice
from hnreader.core.models import Change, Memo, Progress
from hnreader.core.store import Store
from hnreader.core.store.backup import export_copy

Cancelled = Callable[[], bool]


class ProjectMerging:
    """Merge and coder packages for `Project` (which sets `store`, `history`, `coder`)."""

    store: Store
    history: History
    coder: str
    _restore: Restore

    @staticmethod
    def merge_upgrade_needed(other: Path) -> int | None:
        """The other file's format when merging it first upgrades a copy of it (older than
        this version's; that can take a while for a large file), else None."""
        return merge.upgrade_needed(other)

    def prepare_merge(
        self,
        other: Path,
        *,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> MergeSource:
        """The file to merge from: `other`, or (older format) an upgraded copy of it in the
        system's temporary folder; `other` itself is never written. Pass its `path` to the
        merge methods, and close it when done (the copy is deleted)."""
        return merge.prepare_other(
            other, self.store.path, progress=progress, is_cancelled=is_cancelled
        )

    def merge_tag_choices(
        self,
        other: Path,
        tag_map: Mapping[str, str] | None = None,
        *,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> list[TagChoice]:
        """What each tag of the other project would become here (the mapping step)."""
        with (
            self.prepare_merge(other, progress=progress, is_cancelled=is_cancelled) as source,
            merge.open_other(source.path, self.store.path) as theirs,
        ):
            return merge.tag_choices(self.store.tags(), theirs.tags(), tag_map)

    def merge_coding(
        self,
        other: Path,
        tag_map: Mapping[str, str] | None = None,
        *,
        dry_run: bool = False,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
        for_session: tuple[str, int] | None = None,
    ) -> tuple[MergeReport, Change | None]:
        """Add the other project's annotations, memos and (new) tags here as one undo step
        (none when it adds nothing or `dry_run`); the other file is only read (one of an
        older format through an upgraded copy, see `prepare_merge`). `for_session`: a
        window's `history.identity`, when a worker thread merges on that window's behalf
        (the step is then the window's to undo)."""
        with (
            self.prepare_merge(other, progress=progress, is_cancelled=is_cancelled) as source,
            merge.open_other(source.path, self.store.path) as theirs,
        ):
            if dry_run:
                plan = merge.plan_from(self.store, theirs, tag_map, is_cancelled=is_cancelled)
                return replace(plan.report, dry_run=True), None
            with self.store.write():  # what is planned is what is written
                plan = merge.plan_from(self.store, theirs, tag_map, is_cancelled=is_cancelled)
                if not plan.adds_anything:
                    return plan.report, None
                change = self.store.add_merged(
                    Path(other).name, plan.new_tags, plan.annotations, plan.memos
                )
        history = self.history
        if for_session is not None:
            history = History(self._restore, self.store, joining=for_session)
        history.record(change, self.coder)
        return plan.report, change

    def export_coder_package(
        self,
        out: Path,
        *,
        only_coder: str | None = None,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> tuple[Path, int]:
        """A verified copy of this project at `out` for a coder to work on; with
        `only_coder`, every other coder's annotations (and the undo history) left out.
        Returns the file and how many annotations were left out."""
        path = export_copy(self.store.path, Path(out), progress=progress, is_cancelled=is_cancelled)
        removed = 0
        if only_coder is not None:
            with Store(path, create=False) as copy:
                removed = copy.keep_only_coder(only_coder)
        return path, removed

    def memo_table(self, memos: Sequence[Memo], header: Sequence[str] = MEMO_COLUMNS) -> Table:
        """The memos as a table for `export_table` (with their article's title, tag's path)."""
        ids = sorted({m.article_id for m in memos if m.article_id is not None})
        titles = {i: brief[0] for i, brief in self.store.article_briefs(ids).items()}
        paths = {t.id: t.path for t in self.store.tags()}
        return memo_table(memos, titles, paths, header=header)

    # -- disagreements and the consensus coder (item 4)

    def disagreements(
        self,
        coder_a: str,
        coder_b: str,
        *,
        consensus: str = curation.DEFAULT_CONSENSUS,
        tag_ids: Sequence[int] | None = None,
        unit: str = "sentence",
        min_share: float = 0.0,
        include_children: bool = True,
        is_cancelled: Cancelled | None = None,
    ) -> list[Disagreement]:
        """The units where the two coders decided a tag differently (see `core.curation`),
        with the consensus coder's coding of each."""
        consensus = curation.check_consensus_name(consensus, [coder_a, coder_b])
        annotations = self.store.annotations()
        coded: dict[str, set[int]] = {coder_a: set(), coder_b: set()}
        for a in annotations:
            if a.coder in coded:
                coded[a.coder].add(a.article_id)
        ids = sorted(coded[coder_a] & coded[coder_b])
        return curation.disagreements(
            self.store.article_texts(ids),
            annotations,
            self.store.tags(),
            coder_a,
            coder_b,
            consensus=consensus,
            tag_ids=tag_ids,
            unit=unit,
            min_share=min_share,
            include_children=include_children,
            is_cancelled=is_cancelled,
        )

    def resolve_disagreement(
        self,
        disagreement: Disagreement,
        choice: str | Sequence[tuple[int, int]],
        consensus: str = curation.DEFAULT_CONSENSUS,
    ) -> Change:
        """The consensus coder's coding of the unit becomes A's, B's, both (`choice` "a",
        "b", "both") or the spans given (an edit): one undo step."""
        name = " ".join(consensus.split())
        if not name:
            curation.check_consensus_name(name, [])
        spans = (
            curation.accepted_spans(disagreement, choice)
            if isinstance(choice, str)
            else [tuple(s) for s in choice]
        )
        change = self.store.set_unit_coding(
            disagreement.article_id,
            disagreement.start,
            disagreement.end,
            disagreement.tag_id,
            name,
            spans,  # type: ignore[arg-type]
        )
        self.history.record(change, self.coder)
        return change

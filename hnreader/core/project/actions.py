"""The project's user actions: each one transaction and one undo step (see `Project`)."""

from __future__ import annotations

from collections.abc import Sequence

from hnreader.core.analysis.index import body_match, index_version
from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.editing import articles as article_editing
from hnreader.core.editing.history import History
from hnreader.core.importing import importer
from hnreader.core.importing.formats.records import VariableKinds
from hnreader.core.models import Figure, StoreError
from hnreader.core.project.reads import ProjectReads
from hnreader.core.store import Change, RowState, Store
from hnreader.core.text.normalize import fold_for_search


class ProjectActions(ProjectReads):
    """Every change a user can make, recorded for undo (`Project` sets the attributes)."""

    store: Store
    segmenter: Segmenter
    coder: str
    history: History
    _synced_words: set[str]

    def _record(self, change: Change) -> Change:
        self.history.record(change, self.coder)
        self._sync_words(change)
        return change

    def _restore(self, target: RowState, expected: RowState, logged: tuple[int, bool, str]) -> None:
        self.store.restore_rows(target, expected, logged)
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
            affected.update(self.store.fts_ids(body_match(fold_for_search(word))))
        importer.reindex(self.store, self.segmenter, sorted(affected))
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

    def tag_hits(
        self, hits: Sequence[tuple[int, int, int]], tag_id: int, scope: str
    ) -> Change | None:
        """Tag search hits (article id, start, end) widened to `scope` with one tag, in one
        step; passages already tagged so are left alone. None when nothing was left to tag."""
        passages = self.untagged_passages(self.hit_passages(hits, scope), tag_id)
        return self.annotate_many(passages, [tag_id]) if passages else None

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

    def give_year(self, article_ids: Sequence[int], year: int) -> Change:
        """Dates without a year (--05-24) of these articles take `year`, in one undo step."""
        return self._record(self.store.give_year(article_ids, year))

    def split_article(self, article_id: int, offset: int) -> Change:
        return self._record(
            article_editing.split_article(self.store, self.segmenter, article_id, offset)
        )

    def merge_with_next(self, article_id: int) -> Change:
        return self._record(article_editing.merge_with_next(self.store, self.segmenter, article_id))

    def delete_article(self, article_id: int) -> Change:
        """Remove an article, its annotations and figures (one undo step)."""
        return self._record(article_editing.delete_article(self.store, article_id))

    def set_variable(self, article_ids: Sequence[int], name: str, value: str) -> Change:
        """Give articles a document variable's value ("" removes it): one undo step. A new
        variable's kind (number, date, category, text) is read from the value."""
        kinds = VariableKinds()
        kinds.observe(((name, value),) * 2)  # twice: one value alone is no category
        kind = kinds.kinds().get(name, "text")
        return self._record(
            self.store.set_variable(
                article_ids, name, value, "text" if kind == "category" else kind
            )
        )

    def add_memo(
        self, kind: str, text: str, *, article_id: int | None = None, tag_id: int | None = None
    ) -> Change:
        """A memo on an article, on a tag or in the journal, by this coder (one undo step)."""
        return self._record(
            self.store.add_memo(kind, text, coder=self.coder, article_id=article_id, tag_id=tag_id)
        )

    def update_memo(self, memo_id: int, text: str) -> Change:
        return self._record(self.store.update_memo(memo_id, text))

    def delete_memo(self, memo_id: int) -> Change:
        return self._record(self.store.delete_memo(memo_id))

    def add_user_word(self, word: str) -> Change:
        return self._record(self.store.add_user_word(word))

    def remove_user_word(self, word: str) -> Change:
        return self._record(self.store.remove_user_word(word))

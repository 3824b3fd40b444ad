"""The project's corrections after import and its import preview (issue 13, items 5 and 6):
each correction one undo step that keeps annotations (see `core.corrections`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.corrections import Correction, lines, reimport
from hnreader.core.editing.history import History
from hnreader.core.importing.options import ImportOptions
from hnreader.core.importing.preview import ImportPreview, preview_import
from hnreader.core.models import ArticleDraft, Orphan
from hnreader.core.store import Change, Store


class ProjectCorrections:
    """Excluding articles, line corrections, re-import and orphans (`Project` sets the
    attributes; `_record` comes from ProjectActions)."""

    store: Store
    segmenter: Segmenter
    history: History
    _record: Callable[[Change], Change]

    # -- counts that leave excluded articles out

    def article_count(self) -> int:
        """How many articles the project holds, excluded ones left out."""
        return self.store.article_count() - self.store.excluded_count()

    def excluded_ids(self) -> set[int]:
        return self.store.excluded_ids()

    def exclude_articles(self, article_ids: Sequence[int]) -> Change:
        """Leave articles out of search, counts, analysis and export, keeping them and their
        annotations (one undo step)."""
        return self._record(self.store.set_excluded(article_ids, True))

    def include_articles(self, article_ids: Sequence[int]) -> Change:
        return self._record(self.store.set_excluded(article_ids, False))

    # -- line corrections and re-import: annotations re-anchored or orphaned

    def _correct(self, correction: Correction) -> Correction:
        self._record(correction.change)
        return correction

    def set_aside_line(self, article_id: int, line: int) -> Correction:
        """Line `line` (1-based) of the article's text becomes a set-aside boilerplate line."""
        return self._correct(lines.set_aside_line(self.store, self.segmenter, article_id, line))

    def restore_line(self, article_id: int, number: int) -> Correction:
        """Set-aside line `number` (1-based, as listed) goes back into the text."""
        return self._correct(lines.restore_line(self.store, self.segmenter, article_id, number))

    def title_from_line(self, article_id: int, line: int) -> Correction:
        return self._correct(lines.title_from_line(self.store, self.segmenter, article_id, line))

    def find_source(self, spec: str) -> int:
        """A source file's id from its id, name or path as imported."""
        return reimport.find_source(self.store, spec)

    def source_of(self, article_id: int) -> int:
        return self.store.article(article_id).source_id

    def source_name(self, source_id: int) -> str:
        return str(self.store.source_file(source_id)["name"])

    def reimport(self, source_id: int, options: ImportOptions) -> Correction:
        """Split a source file again with `options`; annotations follow their quotes."""
        return self._correct(
            reimport.reimport_source(self.store, self.segmenter, source_id, options)
        )

    def reimport_preview(self, source_id: int, options: ImportOptions) -> list[ArticleDraft]:
        return reimport.drafts_for(self.store, source_id, options)

    # -- orphans

    def orphans(self) -> list[Orphan]:
        return self.store.orphans()

    def orphan_count(self) -> int:
        return self.store.orphan_count()

    def attach_orphan(self, orphan_id: int, article_id: int, start: int, end: int) -> Change:
        return self._record(self.store.attach_orphan(orphan_id, article_id, start, end))

    def delete_orphan(self, orphan_id: int) -> Change:
        return self._record(self.store.delete_orphan(orphan_id))

    # -- the library by document variable (issue 13, item 4)

    def variable_values(self, name: str) -> dict[int, str]:
        """{article id: value} of one document variable."""
        return self.store.variable_values(name)

    # -- import preview (nothing written)

    def preview_import(
        self,
        sources: Iterable[Path],
        options: ImportOptions | None = None,
        columns: Mapping[str, str] | None = None,
        is_cancelled: Callable[[], bool] = lambda: False,
    ) -> ImportPreview:
        return preview_import(sources, options, columns, is_cancelled=is_cancelled)

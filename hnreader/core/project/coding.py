"""The project's coding analyses: retrieval, the code matrix and co-occurrence (issue 16)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from hnreader.core.coding_analysis.cooccurrence import Cooccurrence, cooccurrence
from hnreader.core.coding_analysis.corpus import (
    AnalysisError,
    CodedCorpus,
    CodingFilter,
    load_coded_corpus,
)
from hnreader.core.coding_analysis.matrix import CodeMatrix, check_grouping, code_matrix
from hnreader.core.coding_analysis.retrieval import RetrievedPassage, retrieve
from hnreader.core.coding_analysis.tables import Table, write_table
from hnreader.core.models import Progress, Stage
from hnreader.core.store import Store

Cancelled = Callable[[], bool]


class ProjectCoding:
    """Coding analyses for `Project` (which sets `store`): plain functions with progress
    (stage ANALYSING) and cancel, run in the UI's background workers."""

    store: Store

    def coded_corpus(
        self,
        selection: CodingFilter | None = None,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
        *,
        with_texts: bool = True,
    ) -> CodedCorpus:
        """The filtered articles with their annotations and (`with_texts`) the coded
        articles' texts, which context, sentences and paragraphs need."""
        selection = selection or CodingFilter()
        known = {v.name for v in self.store.variable_summaries()}
        for name, _ in selection.where:
            if name not in known:
                raise AnalysisError(
                    f"there is no document variable named “{name}”; `hnreader variables` "
                    "lists them",
                    variable=name,
                )
        return load_coded_corpus(
            self.store,
            selection,
            with_texts=with_texts,
            progress=_reading(progress),
            is_cancelled=is_cancelled,
        )

    def retrieve_passages(
        self,
        tag_ids: Sequence[int],
        mode: str = "any",
        *,
        with_subtags: bool = True,
        selection: CodingFilter | None = None,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> list[RetrievedPassage]:
        corpus = self.coded_corpus(selection, progress, is_cancelled)
        return retrieve(
            corpus,
            tag_ids,
            mode,
            with_subtags=with_subtags,
            progress=_analysing(progress),
            is_cancelled=is_cancelled,
        )

    def code_matrix(
        self,
        by: str = "article",
        measure: str = "count",
        *,
        with_subtags: bool = True,
        tag_ids: Sequence[int] | None = None,
        selection: CodingFilter | None = None,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> tuple[CodedCorpus, CodeMatrix]:
        """The matrix, with the corpus it was computed on (for the 0/1 article table)."""
        check_grouping(by, [v.name for v in self.store.variable_summaries()])
        # Counts, presence and shares of characters need no text (the lengths come from
        # SQLite): at 11,935 articles that was 0.3 s of a 0.75 s matrix.
        corpus = self.coded_corpus(selection, progress, is_cancelled, with_texts=False)
        matrix = code_matrix(
            corpus,
            by,
            measure,
            with_subtags=with_subtags,
            tag_ids=tag_ids,
            progress=_analysing(progress),
            is_cancelled=is_cancelled,
        )
        return corpus, matrix

    def tag_cooccurrence(
        self,
        scope: str = "overlap",
        *,
        with_subtags: bool = True,
        tag_ids: Sequence[int] | None = None,
        selection: CodingFilter | None = None,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> Cooccurrence:
        texts = scope in ("sentence", "paragraph")  # overlaps and articles need none
        corpus = self.coded_corpus(selection, progress, is_cancelled, with_texts=texts)
        return cooccurrence(
            corpus,
            scope,
            with_subtags=with_subtags,
            tag_ids=tag_ids,
            progress=_analysing(progress),
            is_cancelled=is_cancelled,
        )

    def export_table(self, path: Path, table: Table, is_cancelled: Cancelled | None = None) -> int:
        """Write an analysis table (see `coding_analysis.tables`) as CSV, or XLSX by suffix."""
        return write_table(path, table, is_cancelled=is_cancelled)


def _reading(progress: Progress | None) -> Callable[[int, int], None] | None:
    if progress is None:
        return None
    return lambda done, total: progress(done, total, Stage.ANALYSING)


def _analysing(progress: Progress | None) -> Callable[[int, int], None] | None:
    if progress is None:
        return None
    return lambda done, total: progress(done, total, Stage.ANALYSING)

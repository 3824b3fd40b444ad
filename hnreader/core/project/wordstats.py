"""The project's word statistics: word lists and clusters, keyness, collocates, stop words
(issue 16, items 4–6); plain functions with progress (stage ANALYSING) and cancel."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from hnreader.core.analysis.index import body_match
from hnreader.core.coding_analysis.corpus import AnalysisCancelled, AnalysisError
from hnreader.core.models import Change, Progress, Stage
from hnreader.core.store import Store
from hnreader.core.text.normalize import fold_for_search
from hnreader.core.wordstats import collocates as colloc
from hnreader.core.wordstats.clusters import cluster_list, word_id_batches
from hnreader.core.wordstats.counting import Counts, Vocabulary, update_word_counts
from hnreader.core.wordstats.keyness import Keyness, keyness
from hnreader.core.wordstats.stop_words import effective_stop_words
from hnreader.core.wordstats.subsets import (
    ARTICLES,
    ResolvedSubset,
    WordSubset,
    dated_counts,
    resolve,
    subset_counts,
)
from hnreader.core.wordstats.tokens import folded_text
from hnreader.core.wordstats.wordlist import WordFilters, WordList, word_list

if TYPE_CHECKING:
    from hnreader.core.models import Tag

Cancelled = Callable[[], bool]


class ProjectWordStats:
    """Word statistics for `Project` (which sets `store` and records changes)."""

    store: Store
    _record: Callable[[Change], Change]
    tag_by_name: Callable[[str], Tag]

    # -- stop words

    def stop_words(self) -> frozenset[str]:
        """The shipped stop words with this project's own changes."""
        return effective_stop_words(self.store.stop_word_overrides())

    def stop_word_changes(self) -> dict[str, bool]:
        """The project's additions (True) to the shipped stop list and removals (False)."""
        return self.store.stop_word_overrides()

    def set_stop_words(self, words: Sequence[str], stop: bool = True) -> Change:
        """Make words stop words in this project (or take them off the list): one undo step."""
        return self._record(self.store.set_stop_words(words, stop))

    def publications(self) -> list[tuple[str, int]]:
        """The publications articles name, with how many (for choosing a subset)."""
        return self.store.publications()

    # -- counts

    def update_word_counts(
        self, progress: Progress | None = None, is_cancelled: Cancelled | None = None
    ) -> int:
        """Count the words of the articles whose counts are missing (see `wordstats`)."""
        return update_word_counts(self.store, _analysing(progress), is_cancelled)

    def word_counts(
        self,
        subset: WordSubset | None = None,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
        vocabulary: Vocabulary | None = None,
    ) -> Counts:
        """A subset's word counts (counting what is missing first); `vocabulary`: the
        project's, when the caller has loaded it already (after counting)."""
        self.update_word_counts(progress, is_cancelled)
        subset = subset or WordSubset()
        vocabulary = vocabulary or Vocabulary.load(self.store)
        if subset.dates_only():
            counts = dated_counts(self.store, subset, vocabulary)
            if counts is not None:
                return counts
        resolved = self._resolve(subset)
        return subset_counts(self.store, resolved, vocabulary, _analysing(progress), is_cancelled)

    def _resolve(self, subset: WordSubset) -> ResolvedSubset:
        known = {v.name for v in self.store.variable_summaries()}
        for name, _ in subset.selection.where:
            if name not in known:
                raise AnalysisError(
                    f"there is no document variable named “{name}”; `hnreader variables` "
                    "lists them",
                    variable=name,
                )
        return resolve(self.store, subset)

    # -- the analyses

    def word_list(
        self,
        subset: WordSubset | None = None,
        filters: WordFilters | None = None,
        *,
        n: int = 1,
        limit: int | None = None,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> WordList:
        """Words (n = 1) or clusters of n words of a subset, by frequency."""
        filters = filters or WordFilters()
        filters.check()
        if n == 1:
            return word_list(self.word_counts(subset, progress, is_cancelled), filters, limit)
        resolved = self._resolve(subset or WordSubset())
        self.update_word_counts(progress, is_cancelled)  # every word has its vocabulary id
        vocabulary = Vocabulary.load(self.store)
        batches = word_id_batches(
            self.store, resolved, vocabulary, _analysing(progress), is_cancelled
        )
        return cluster_list(batches, n, filters, vocabulary, limit)

    def keyness(
        self,
        a: WordSubset,
        b: WordSubset,
        filters: WordFilters | None = None,
        *,
        limit: int | None = None,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> Keyness:
        """The words key in A against B (and B against A)."""
        filters = filters or WordFilters()
        filters.check()
        self.update_word_counts(progress, is_cancelled)
        vocabulary = Vocabulary.load(self.store)
        counts_a = self.word_counts(a, progress, is_cancelled, vocabulary)
        counts_b = self.word_counts(b, progress, is_cancelled, vocabulary)
        if counts_a.total == 0 or counts_b.total == 0:
            empty = "A" if counts_a.total == 0 else "B"
            raise AnalysisError(f"subset {empty} holds no words: widen its filters", subset=empty)
        return keyness(counts_a, counts_b, filters, limit)

    def collocates(
        self,
        term: str,
        subset: WordSubset | None = None,
        filters: WordFilters | None = None,
        *,
        window: int = 5,
        measure: str = "logdice",
        min_together: int = 2,
        limit: int | None = None,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> colloc.Collocates:
        """Words near `term` (whole words of the folded text) within `window` words."""
        colloc.check(term, window, measure)
        filters = filters or WordFilters()
        subset = subset or WordSubset()
        counts = self.word_counts(subset, progress, is_cancelled)
        node = fold_for_search(term.strip())
        windows = self._windows(subset, node, [node], window, progress, is_cancelled)
        return colloc.collocates(
            windows,
            node,
            counts,
            window,
            measure,
            filters,
            min_together=min_together,
            limit=limit,
        )

    def collocate_lines(
        self,
        term: str,
        collocate: str,
        subset: WordSubset | None = None,
        *,
        window: int = 5,
        context: int = 30,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> list[colloc.PairContext]:
        """Each occurrence of `term` with `collocate` in its window, in corpus order, with
        `context` characters either side."""
        colloc.check(term, window, "logdice")
        node = fold_for_search(term.strip())
        windows = self._windows(
            subset or WordSubset(), node, [node, collocate], window, progress, is_cancelled
        )
        lines = colloc.pair_lines(windows, collocate)
        ids = sorted({line.article_id for line in lines})
        briefs = {a: (t, d) for a, (t, d, _) in self.store.article_briefs(ids).items()}
        return colloc.in_context(lines, self.store.article_texts(ids), briefs, context)

    def _windows(
        self,
        subset: WordSubset,
        node: str,
        terms: Sequence[str],
        window: int,
        progress: Progress | None,
        is_cancelled: Cancelled | None,
    ) -> Iterator[colloc.Window]:
        """The node's windows in the subset's articles that hold every term (FTS first),
        read a batch of articles at a time."""
        resolved = self._resolve(subset)
        wanted = set(resolved.article_ids)
        for term in terms:
            wanted &= set(self.store.fts_ids(body_match(term)))
        ids = [a for a in resolved.article_ids if a in wanted]
        keeps = None if resolved.part == ARTICLES else resolved.keeps
        skips: dict[str, bool] = {}
        for start in range(0, len(ids), 200):
            if is_cancelled is not None and is_cancelled():
                raise AnalysisCancelled("the analysis was cancelled")
            chunk = ids[start : start + 200]
            rows = self.store.match_rows(chunk)
            for article_id in chunk:
                row = rows.get(article_id)
                if row is None or row.flags is None:
                    continue
                folded = folded_text(row.text, row.folded)
                yield from colloc.node_windows(
                    article_id, folded, zlib.decompress(row.flags), node, window, keeps, skips
                )
            if progress is not None:
                progress(min(len(ids), start + 200), len(ids), Stage.ANALYSING)


def _analysing(progress: Progress | None) -> Callable[[int, int], None] | None:
    if progress is None:
        return None
    return lambda done, total: progress(done, total, Stage.ANALYSING)

"""The project's trends, dispersion plots and tag frequencies (issue 16, item 7): the data
of the charts, computed here; the charts are drawn by `hnreader.charts`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.coding_analysis.corpus import (
    AnalysisCancelled,
    AnalysisError,
    CodedCorpus,
    CodingFilter,
)
from hnreader.core.models import Progress, SearchField, Stage
from hnreader.core.search import engine as searching
from hnreader.core.search.query import parse_query
from hnreader.core.store import Store
from hnreader.core.trends.dispersion import Dispersion, Hit, dispersion
from hnreader.core.trends.periods import YEAR, period_of
from hnreader.core.trends.series import (
    TAG,
    TERM,
    DatedArticle,
    Trend,
    TrendError,
    check_period,
    trend,
)
from hnreader.core.trends.tag_counts import TagFrequencies, passages_by_article, tag_frequencies

Cancelled = Callable[[], bool]
BODY_ONLY = (SearchField.BODY,)  # rates are per character of the text: hits in it only


class ProjectTrends:
    """Trends for `Project` (which sets `store`, `segmenter`, and has `coded_corpus` from
    its other half)."""

    store: Store
    segmenter: Segmenter
    coded_corpus: Callable[..., CodedCorpus]

    def trend_articles(self, selection: CodingFilter | None = None) -> list[tuple[int, str, int]]:
        """(id, date, length) of the articles the filter keeps (no text is read), in id
        order: plain tuples, as `trends.series.trend` takes them (`DatedArticle` names the
        fields)."""
        selection = selection or CodingFilter()
        selection.check()
        ids = None if selection.article_ids is None else list(selection.article_ids)
        rows = self.store.dated_lengths(ids)
        if selection.date_from or selection.date_to:
            rows = [row for row in rows if keeps_date(selection, row[1])]
        kept = rows
        if selection.where:
            known = {v.name for v in self.store.variable_summaries()}
            for name, _ in selection.where:
                if name not in known:
                    raise AnalysisError(
                        f"there is no document variable named “{name}”; `hnreader variables` "
                        "lists them",
                        variable=name,
                    )
            values = self.store.variables_of([a[0] for a in kept])
            kept = [
                a for a in kept if all(values.get(a[0], {}).get(n) == v for n, v in selection.where)
            ]
        return kept

    def _dated_corpus(
        self,
        selection: CodingFilter | None,
        progress: Progress | None,
        is_cancelled: Cancelled | None,
    ) -> CodedCorpus:
        """The coded corpus with the trends' date bounds (a date of a month or a year falls
        within bounds that hold it, as `keeps_date` says)."""
        selection = selection or CodingFilter()
        selection.check()
        corpus = self.coded_corpus(
            replace(selection, date_from="", date_to=""), progress, is_cancelled
        )
        kept = {i: a for i, a in corpus.articles.items() if keeps_date(selection, a.date)}
        if len(kept) < len(corpus.articles):
            corpus = CodedCorpus(
                kept,
                corpus.tags,
                [span for span in corpus.spans if span.article_id in kept],
                {i: t for i, t in corpus.texts.items() if i in kept},
            )
        return corpus

    def term_counts(
        self,
        term: str,
        *,
        whole_words: bool = False,
        progress: Callable[[int, int], None] | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> dict[int, int]:
        """{article id: hits of the query in its text} (the search's own counting)."""
        parse_query(term)  # a QueryError that says what is wrong with it
        counts = searching.count_by_article(
            self.store,
            self.segmenter,
            term,
            whole_words=whole_words,
            fields=BODY_ONLY,
            progress=progress,
            is_cancelled=is_cancelled,
        )
        if counts is None:
            if is_cancelled is not None and is_cancelled():
                raise AnalysisCancelled("the trend was cancelled")
            return {}
        return counts

    def term_hits(
        self,
        term: str,
        *,
        whole_words: bool = False,
        progress: Callable[[int, int], None] | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> dict[int, list[Hit]]:
        """{article id: its hits (article id, start, end) in the text}, as the concordance
        lists them."""
        parse_query(term)
        found = searching.body_spans_by_article(
            self.store,
            self.segmenter,
            term,
            whole_words=whole_words,
            progress=progress,
            is_cancelled=is_cancelled,
        )
        if found is None:
            if is_cancelled is not None and is_cancelled():
                raise AnalysisCancelled("the dispersion plot was cancelled")
            return {}
        return {
            article_id: [(article_id, start, end) for start, end in spans]
            for article_id, spans in found.items()
        }

    def term_trend(
        self,
        terms: Sequence[str],
        by: str = "month",
        *,
        whole_words: bool = False,
        selection: CodingFilter | None = None,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> Trend:
        """Hits of each search term per period (and per 10,000 characters: `Trend.per`)."""
        check_period(by)
        if not terms:
            raise TrendError("give at least one search term")
        articles = self.trend_articles(selection)
        counted = []
        for i, term in enumerate(terms):
            _report(progress, i, len(terms))
            counts = self.term_counts(
                term,
                whole_words=whole_words,
                progress=_within(progress, i, len(terms), articles),
                is_cancelled=is_cancelled,
            )
            counted.append((term, TERM, counts))
        _report(progress, len(terms), len(terms))
        return trend(articles, by, counted)

    def tag_trend(
        self,
        tag_ids: Sequence[int],
        by: str = "month",
        *,
        with_subtags: bool = True,
        selection: CodingFilter | None = None,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> Trend:
        """Passages of each tag per period (a tag with its sub-tags unless told)."""
        check_period(by)
        if not tag_ids:
            raise TrendError("give at least one tag")
        corpus = self._dated_corpus(selection, progress, is_cancelled)
        counted = [
            (
                corpus.tag(tag_id).path,
                TAG,
                passages_by_article(corpus, tag_id, with_subtags=with_subtags),
            )
            for tag_id in tag_ids
        ]
        articles = [DatedArticle(a.id, a.date, a.chars) for a in corpus.articles.values()]
        return trend(articles, by, counted)

    def term_dispersion(
        self,
        terms: Sequence[str],
        *,
        whole_words: bool = False,
        selection: CodingFilter | None = None,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> Dispersion:
        """Where each term's hits fall across the dated articles laid out in date order."""
        if not terms:
            raise TrendError("give at least one search term")
        articles = self.trend_articles(selection)
        found = []
        for i, term in enumerate(terms):
            _report(progress, i, len(terms))
            hits = self.term_hits(
                term,
                whole_words=whole_words,
                progress=_within(progress, i, len(terms), articles),
                is_cancelled=is_cancelled,
            )
            found.append((term, hits))
        _report(progress, len(terms), len(terms))
        return dispersion(articles, found)

    def tag_frequencies(
        self,
        *,
        by_coder: bool = False,
        with_subtags: bool = True,
        tag_ids: Sequence[int] | None = None,
        selection: CodingFilter | None = None,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> TagFrequencies:
        """Passages per tag, in all or per coder."""
        corpus = self._dated_corpus(selection, progress, is_cancelled)
        return tag_frequencies(
            corpus, with_subtags=with_subtags, by_coder=by_coder, tag_ids=tag_ids
        )


def keeps_date(selection: CodingFilter, date: str) -> bool:
    """Whether a date is within the filter's bounds, at its own precision: 2019-04 is within
    2019-02 … 2019-12 and 2019 within 2019 … 2020 (the coding analyses want whole ISO dates);
    without bounds every article is kept, undated ones too."""
    if not (selection.date_from or selection.date_to):
        return True
    if not period_of(date, YEAR):
        return False
    if selection.date_from and date[: len(selection.date_from)] < selection.date_from[: len(date)]:
        return False
    return not (
        selection.date_to and date[: len(selection.date_to)] > selection.date_to[: len(date)]
    )


def _within(
    progress: Progress | None, term: int, terms: int, articles: Sequence[tuple[int, str, int]]
) -> Callable[[int, int], None] | None:
    """The search's progress (candidates checked, the last article id) as the share of the
    whole job: per mille, each term its part."""
    if progress is None or not articles:
        return None
    last_id = max(articles[-1][0], 1)

    def report(_checked: int, article_id: int) -> None:
        done = (term + min(article_id, last_id) / last_id) / terms
        progress(int(done * 1000), 1000, Stage.ANALYSING)

    return report


def _report(progress: Progress | None, done: int, total: int) -> None:
    """`done` of `total` terms, per mille as `_within` reports."""
    if progress is not None and total:
        progress(done * 1000 // total, 1000, Stage.ANALYSING)

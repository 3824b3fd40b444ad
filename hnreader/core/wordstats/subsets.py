"""Which text a word statistic counts: filtered articles, the articles with a tag, or only
the text inside (or outside) a tag's passages; its counts and its words in order."""

from __future__ import annotations

import bisect
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from hnreader.core.coding_analysis.corpus import (
    AnalysisCancelled,
    AnalysisError,
    CodingFilter,
    load_coded_corpus,
)
from hnreader.core.coding_analysis.spans import merged
from hnreader.core.store import Store
from hnreader.core.wordstats.counting import (
    Counts,
    Vocabulary,
    bucket_counts,
    counts_from_words,
    sum_counts,
)
from hnreader.core.wordstats.tokens import Token, folded_text, tokens

Cancelled = Callable[[], bool]
Progress = Callable[[int, int], None]

ARTICLES, INSIDE, OUTSIDE = "articles", "inside", "outside"
PARTS = (ARTICLES, INSIDE, OUTSIDE)


@dataclass(frozen=True)
class WordSubset:
    """The articles `selection` keeps; with `tag_ids`, only those with a passage of one of
    the tags (`part` "articles"), or only the words inside those passages ("inside"), or
    every word of the kept articles but those ("outside": untagged text). A word is inside
    a passage when it lies wholly within it."""

    selection: CodingFilter = field(default_factory=CodingFilter)
    tag_ids: tuple[int, ...] = ()
    with_subtags: bool = True
    part: str = ARTICLES
    publication: str = ""  # only articles of this publication ("" any)

    def check(self) -> None:
        self.selection.check()
        if self.part not in PARTS:
            raise AnalysisError(
                f"“{self.part}” is not a part of the text; use one of {', '.join(PARTS)}",
                part=self.part,
            )
        if self.part != ARTICLES and not self.tag_ids:
            raise AnalysisError("the text inside or outside passages needs a tag", part=self.part)

    def dates_only(self) -> bool:
        """Whether only date bounds (or nothing) choose the articles: then the stored sums
        per month can be used."""
        s = self.selection
        return s.article_ids is None and not s.where and not self.tag_ids and not self.publication

    def is_everything(self) -> bool:
        s = self.selection
        return not (s.article_ids is not None or s.date_from or s.date_to or s.where) and (
            not self.tag_ids and not self.publication
        )


@dataclass
class ResolvedSubset:
    """The articles of a subset in date order, and for "inside"/"outside" the passages
    (merged, per article) whose words are in or out."""

    article_ids: list[int]
    part: str
    passages: dict[int, list[tuple[int, int]]]
    everything: bool = False

    def keeps(self, article_id: int, token: Token) -> bool:
        """Whether the subset counts this word of the article (always, for whole ones)."""
        if self.part == ARTICLES:
            return True
        spans = self.passages.get(article_id, [])
        at = bisect.bisect_right(spans, (token.start, 1 << 62)) - 1
        inside = at >= 0 and spans[at][0] <= token.start and token.end <= spans[at][1]
        return inside if self.part == INSIDE else not inside


def month_plan(buckets: Sequence[str], date_from: str, date_to: str) -> tuple[list[str], list[str]]:
    """The months (YYYY-MM) wholly inside the bounds, and those only partly inside (a bound
    with a day). Compared as `CodingFilter.keeps_date` compares: by prefix."""
    whole: list[str] = []
    partly: list[str] = []
    for bucket in buckets:
        if not bucket or bucket == "*":
            continue
        first, last = bucket + "-01", bucket + "-31"
        if date_from and last[: len(date_from)] < date_from:
            continue
        if date_to and first[: len(date_to)] > date_to:
            continue
        inside = (not date_from or first[: len(date_from)] >= date_from) and (
            not date_to or last[: len(date_to)] <= date_to
        )
        (whole if inside else partly).append(bucket)
    return whole, partly


def dated_counts(store: Store, subset: WordSubset, words: Vocabulary) -> Counts | None:
    """A dates-only subset's counts from the stored month sums, plus the articles of the
    months a bound cuts through; None when the sums are not all stored (read-only)."""
    if store.missing_word_buckets() or not store.has_word_bucket("*"):
        return None
    selection = subset.selection
    selection.check()
    if not (selection.date_from or selection.date_to):
        return bucket_counts(store, ["*"], words)
    months = [row[0] for row in store.word_buckets(None)]
    whole, partly = month_plan(months, selection.date_from, selection.date_to)
    counts = bucket_counts(store, whole, words)
    cut = [a for a, date in store.bucket_article_dates(partly) if selection.keeps_date(date)]
    if not cut:
        return counts
    rest = sum_counts(store, cut, words)
    return Counts(
        words,
        counts.freq + rest.freq,
        counts.range + rest.range,
        counts.total + rest.total,
        counts.articles + rest.articles,
    )


def resolve(store: Store, subset: WordSubset) -> ResolvedSubset:
    subset.check()
    if subset.is_everything():
        excluded = store.excluded_ids()  # in no total (issue 13)
        ids = [i for i in store.article_ids() if i not in excluded]
        return ResolvedSubset(ids, ARTICLES, {}, everything=True)
    corpus = load_coded_corpus(store, subset.selection, with_texts=False)
    ids = [
        a.id
        for a in corpus.articles.values()
        if not subset.publication or a.publication == subset.publication
    ]
    if not subset.tag_ids:
        return ResolvedSubset(ids, ARTICLES, {})
    family: set[int] = set()
    for tag_id in subset.tag_ids:
        family |= corpus.family(tag_id, subset.with_subtags)
    passages: dict[int, list[tuple[int, int]]] = {}
    for span in corpus.spans:
        if span.tag_ids & family:
            passages.setdefault(span.article_id, []).append((span.start, span.end))
    passages = {a: merged(spans) for a, spans in passages.items()}
    if subset.part == OUTSIDE:
        return ResolvedSubset(ids, OUTSIDE, passages)
    return ResolvedSubset([a for a in ids if a in passages], subset.part, passages)


def article_tokens(
    store: Store,
    resolved: ResolvedSubset,
    article_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> Iterator[tuple[int, list[Token]]]:
    """Each article's words (of `article_ids`, else of the whole subset) that the subset
    counts, read from the index rows, in batches."""
    ids = resolved.article_ids if article_ids is None else list(article_ids)
    for start in range(0, len(ids), 200):
        if is_cancelled is not None and is_cancelled():
            raise AnalysisCancelled("the analysis was cancelled")
        chunk = ids[start : start + 200]
        rows = store.match_rows(chunk)
        for article_id in chunk:
            row = rows.get(article_id)
            if row is None or row.flags is None:
                continue
            found = tokens(folded_text(row.text, row.folded), zlib.decompress(row.flags))
            if resolved.part != ARTICLES:
                found = [t for t in found if resolved.keeps(article_id, t)]
            yield article_id, found
        if progress is not None:
            progress(min(len(ids), start + 200), len(ids))


def subset_counts(
    store: Store,
    resolved: ResolvedSubset,
    words: Vocabulary,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> Counts:
    """The subset's word counts: summed from the stored per-article counts for whole
    articles; counted from the index rows for text inside or outside passages (only the
    articles with passages: the others' stored counts are used as they are)."""
    if resolved.part == ARTICLES:
        ids = None if resolved.everything else resolved.article_ids
        return sum_counts(store, ids, words, is_cancelled)
    with_passages = [a for a in resolved.article_ids if a in resolved.passages]
    tallies = (
        Counter(t.word for t in found)
        for _, found in article_tokens(store, resolved, with_passages, progress, is_cancelled)
    )
    counted = counts_from_words(tallies, words)
    if resolved.part == INSIDE:
        return counted
    untouched = [a for a in resolved.article_ids if a not in resolved.passages]
    whole = sum_counts(store, untouched, words, is_cancelled)
    return Counts(
        words,
        whole.freq + counted.freq,
        whole.range + counted.range,
        whole.total + counted.total,
        whole.articles + counted.articles,
    )

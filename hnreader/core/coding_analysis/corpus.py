"""The coded corpus an analysis reads: the filtered articles, the tag tree, the annotations."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import NamedTuple

from hnreader.core.coding_analysis.units import unit_starts
from hnreader.core.models import HnreaderError, Tag
from hnreader.core.store import Store

Cancelled = Callable[[], bool]
Progress = Callable[[int, int], None]

_DATE_BOUND = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
NO_VARIABLES: Mapping[str, str] = MappingProxyType({})


class AnalysisCancelled(HnreaderError):
    """An analysis was cancelled before it finished."""


class AnalysisError(HnreaderError):
    """An analysis cannot be run as asked (an unknown mode, a bad date bound…)."""


@dataclass(frozen=True)
class CodingFilter:
    """Which articles and annotations an analysis looks at; empty means all.

    Dates are bounds `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, both inclusive (`to` 2019-12 takes
    all of December); with a bound set, articles without an ISO date are left out. `where`
    holds (variable name, value) pairs an article must all have; `coder` keeps only that
    coder's annotations.
    """

    article_ids: Sequence[int] | None = None
    date_from: str = ""
    date_to: str = ""
    where: tuple[tuple[str, str], ...] = ()
    coder: str | None = None

    def check(self) -> None:
        for bound in (self.date_from, self.date_to):
            if bound and not _DATE_BOUND.fullmatch(bound):
                raise AnalysisError(
                    f"“{bound}” is not a date bound; write YYYY, YYYY-MM or YYYY-MM-DD",
                    bound=bound,
                )

    def keeps_date(self, date: str) -> bool:
        if not (self.date_from or self.date_to):
            return True
        if not _ISO_DATE.fullmatch(date):
            return False
        if self.date_from and date[: len(self.date_from)] < self.date_from:
            return False
        return not (self.date_to and date[: len(self.date_to)] > self.date_to)


class ArticleFacts(NamedTuple):
    """What an analysis shows of an article (a tuple: a frozen dataclass took 0.15 s to make
    for the 16,789 articles of a year at 100,000 articles, most of a code matrix's time)."""

    id: int
    title: str
    date: str
    publication: str
    chars: int
    variables: Mapping[str, str] = NO_VARIABLES


class CodedSpan(NamedTuple):
    """One annotation as an analysis sees it (offsets: code points into the stored text); a
    tuple, made 10,000 at a time."""

    id: int
    article_id: int
    start: int
    end: int
    tag_ids: frozenset[int]
    note: str
    coder: str


@dataclass
class CodedCorpus:
    """A snapshot of the filtered articles (in date, then id order) and their annotations."""

    articles: dict[int, ArticleFacts]
    tags: list[Tag]  # in tree order: each parent followed by its children
    spans: list[CodedSpan]  # by article, start, id
    texts: dict[int, str]
    _units: dict[tuple[int, str], list[int]] = field(default_factory=dict, repr=False)
    _by_tag: dict[int, list[CodedSpan]] | None = field(default=None, repr=False)
    _order: dict[int, int] | None = field(default=None, repr=False)  # span id: its place

    def unit_starts(self, article_id: int, scope: str) -> list[int]:
        """Where an article's sentences or paragraphs begin (computed once per article)."""
        key = (article_id, scope)
        if key not in self._units:
            self._units[key] = unit_starts(self.texts.get(article_id, ""), scope)
        return self._units[key]

    def spans_of(self, family: frozenset[int]) -> list[CodedSpan]:
        """The spans with a tag of `family`, each once, in corpus order."""
        if self._by_tag is None:
            self._by_tag = {}
            for span in self.spans:
                for tag_id in span.tag_ids:
                    self._by_tag.setdefault(tag_id, []).append(span)
        if len(family) == 1:
            return list(self._by_tag.get(next(iter(family)), []))
        found = {s.id: s for t in family for s in self._by_tag.get(t, [])}
        if self._order is None:  # once, not for each tag with sub-tags
            self._order = {s.id: i for i, s in enumerate(self.spans)}
        order = self._order
        return sorted(found.values(), key=lambda s: order[s.id])

    def tag(self, tag_id: int) -> Tag:
        for tag in self.tags:
            if tag.id == tag_id:
                return tag
        raise AnalysisError(f"there is no tag with id {tag_id}", tag_id=tag_id)

    def family(self, tag_id: int, with_subtags: bool) -> frozenset[int]:
        """The tag, and with `with_subtags` every tag below it."""
        self.tag(tag_id)
        if not with_subtags:
            return frozenset({tag_id})
        children: dict[int | None, list[int]] = {}
        for tag in self.tags:
            children.setdefault(tag.parent_id, []).append(tag.id)
        found, todo = {tag_id}, [tag_id]
        while todo:
            for child in children.get(todo.pop(), []):
                if child not in found:
                    found.add(child)
                    todo.append(child)
        return frozenset(found)

    def rows(self, tag_ids: Sequence[int] | None) -> list[Tag]:
        """The tags in tree order, only those of `tag_ids` when given."""
        if tag_ids is None:
            return list(self.tags)
        for tag_id in tag_ids:
            self.tag(tag_id)
        wanted = set(tag_ids)
        return [tag for tag in self.tags if tag.id in wanted]

    def depth(self, tag_id: int) -> int:
        return self.tag(tag_id).path.count("/")


def tree_order(tags: Sequence[Tag]) -> list[Tag]:
    """Tags with each parent followed by its children, siblings in codebook order."""
    ids = {tag.id for tag in tags}
    children: dict[int | None, list[Tag]] = {}
    for tag in tags:  # store order: position, then name
        parent = tag.parent_id if tag.parent_id in ids else None
        children.setdefault(parent, []).append(tag)
    ordered: list[Tag] = []
    seen: set[int] = set()

    def visit(parent: int | None) -> None:
        for tag in children.get(parent, []):
            if tag.id not in seen:
                seen.add(tag.id)
                ordered.append(tag)
                visit(tag.id)

    visit(None)
    ordered.extend(tag for tag in tags if tag.id not in seen)  # a cycle: keep them all
    return ordered


def load_coded_corpus(
    store: Store,
    selection: CodingFilter,
    *,
    with_texts: bool = True,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> CodedCorpus:
    """Read the articles the filter keeps, with their annotations (and texts)."""
    selection.check()
    # (id, title, date, length, publication), from an index; only dates that can be
    # within the bounds
    briefs = store.article_headers(selection.date_from, selection.date_to)
    ids = sorted(briefs) if selection.article_ids is None else list(selection.article_ids)
    excluded = store.excluded_ids()  # left out of analysis (issue 13)
    # Each date is looked at once (a corpus has far fewer dates than articles: at 100,000
    # articles the pattern over every article was a quarter of a code matrix's time).
    dates = {brief[2] for brief in briefs.values()}
    kept_dates = {date for date in dates if selection.keeps_date(date)}
    iso_dates = {date for date in dates if _ISO_DATE.fullmatch(date)}
    # Deleted meanwhile (or never there), outside the dates, excluded: not analysed.
    dated = [i for i in ids if i in briefs and i not in excluded and briefs[i][2] in kept_dates]
    variables = store.variables_of(dated) if dated else {}
    kept = (
        [
            i
            for i in dated
            if all(variables.get(i, {}).get(name) == value for name, value in selection.where)
        ]
        if selection.where
        else dated
    )
    spans = [CodedSpan(*row) for row in store.coded_spans(kept, selection.coder)] if kept else []
    # Only the texts of coded articles are read: context, sentences and paragraphs are
    # needed there alone (the lengths of the others come from SQLite).
    coded = sorted({span.article_id for span in spans}) if with_texts else []
    texts: dict[int, str] = {}
    for start in range(0, len(coded), 500):
        if is_cancelled is not None and is_cancelled():
            raise AnalysisCancelled("the analysis was cancelled")
        texts.update(store.article_texts(coded[start : start + 500]))
        if progress is not None:
            progress(min(len(coded), start + 500), len(coded))

    # In date order: ISO dates, then the others (partial dates, none), then by id.
    in_order = sorted((briefs[i][2] not in iso_dates, briefs[i][2], i) for i in kept)
    facts = {
        i: ArticleFacts(i, title, date, publication, chars, variables.get(i, NO_VARIABLES))
        for _, _, i in in_order
        for _, title, date, chars, publication in (briefs[i],)
    }
    return CodedCorpus(facts, tree_order(store.tags()), spans, texts)

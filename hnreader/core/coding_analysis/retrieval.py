"""Coded-segment retrieval: the passages of one or several tags, alone or together."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from hnreader.core.coding_analysis.corpus import (
    AnalysisCancelled,
    AnalysisError,
    Cancelled,
    CodedCorpus,
    CodedSpan,
    Progress,
)
from hnreader.core.coding_analysis.units import (
    ARTICLE,
    OVERLAP,
    PARAGRAPH,
    SENTENCE,
    units_of,
)

ANY, ALL = "any", "all"
# any: a passage with one of the tags; all: one passage with every tag; overlap, sentence,
# paragraph, article: a passage with one of the tags that overlaps / shares a sentence,
# paragraph or article with passages of every other tag.
MODES = (ANY, ALL, OVERLAP, SENTENCE, PARAGRAPH, ARTICLE)
CONTEXT_CHARS = 40


@dataclass(frozen=True)
class RetrievedPassage:
    """One retrieved passage with its context and its article."""

    annotation_id: int
    article_id: int
    article_title: str
    article_date: str
    publication: str
    start: int
    end: int
    text: str
    before: str
    after: str
    tags: tuple[str, ...]  # tag paths, in tree order
    note: str
    coder: str


def retrieve(
    corpus: CodedCorpus,
    tag_ids: Sequence[int],
    mode: str = ANY,
    *,
    with_subtags: bool = True,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> list[RetrievedPassage]:
    """The passages of `tag_ids` (each with its sub-tags when `with_subtags`) in `mode`, in
    the corpus's article order, then by position."""
    if mode not in MODES:
        raise AnalysisError(
            f"unknown retrieval mode “{mode}”; use one of {', '.join(MODES)}", mode=mode
        )
    if not tag_ids:
        raise AnalysisError("choose at least one tag to retrieve")
    families = [corpus.family(t, with_subtags) for t in dict.fromkeys(tag_ids)]
    found = matching_spans(corpus, families, mode, progress, is_cancelled)
    return passages_of(corpus, found)


def matching_spans(
    corpus: CodedCorpus,
    families: Sequence[frozenset[int]],
    mode: str,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> list[CodedSpan]:
    """The spans that satisfy `mode` for the tag families (see MODES)."""
    by_article: dict[int, list[CodedSpan]] = defaultdict(list)
    for span in corpus.spans:
        if any(span.tag_ids & family for family in families):
            by_article[span.article_id].append(span)
    found: list[CodedSpan] = []
    total = len(by_article)
    for done, (article_id, spans) in enumerate(by_article.items(), 1):
        if is_cancelled is not None and is_cancelled():
            raise AnalysisCancelled("the retrieval was cancelled")
        if mode == ANY:
            found.extend(spans)
        elif mode == ALL:
            found.extend(s for s in spans if all(s.tag_ids & f for f in families))
        else:
            starts = corpus.unit_starts(article_id, mode) if mode in (SENTENCE, PARAGRAPH) else []
            found.extend(_together(spans, families, mode, starts))
        if progress is not None:
            progress(done, total)
    order = {article_id: i for i, article_id in enumerate(corpus.articles)}
    return sorted(found, key=lambda s: (order.get(s.article_id, 0), s.start, s.end, s.id))


def _together(
    spans: list[CodedSpan], families: Sequence[frozenset[int]], mode: str, starts: list[int]
) -> list[CodedSpan]:
    units = {s.id: set(units_of(starts, s.start, s.end)) for s in spans} if starts else {}

    def meets(x: CodedSpan, y: CodedSpan) -> bool:
        if mode == OVERLAP:
            return x.start < y.end and y.start < x.end
        if mode == ARTICLE:
            return True
        return not units[x.id].isdisjoint(units[y.id])

    kept = []
    for x in spans:
        for i, family in enumerate(families):
            if not x.tag_ids & family:
                continue
            others = [f for j, f in enumerate(families) if j != i]
            if all(any(y.tag_ids & f and meets(x, y) for y in spans) for f in others):
                kept.append(x)
                break
    return kept


def passages_of(corpus: CodedCorpus, spans: Sequence[CodedSpan]) -> list[RetrievedPassage]:
    position = {tag.id: i for i, tag in enumerate(corpus.tags)}
    paths = {tag.id: tag.path for tag in corpus.tags}
    rows = []
    for span in spans:
        article = corpus.articles[span.article_id]
        text = corpus.texts.get(span.article_id, "")
        rows.append(
            RetrievedPassage(
                annotation_id=span.id,
                article_id=span.article_id,
                article_title=article.title,
                article_date=article.date,
                publication=article.publication,
                start=span.start,
                end=span.end,
                text=text[span.start : span.end],
                before=text[max(0, span.start - CONTEXT_CHARS) : span.start],
                after=text[span.end : span.end + CONTEXT_CHARS],
                tags=tuple(
                    paths[t] for t in sorted(span.tag_ids, key=lambda t: position.get(t, 0))
                ),
                note=span.note,
                coder=span.coder,
            )
        )
    return rows

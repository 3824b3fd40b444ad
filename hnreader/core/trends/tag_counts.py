"""Passages per tag (with its sub-tags or not), in all or per coder: the tag frequency chart."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hnreader.core.coding_analysis.corpus import CodedCorpus
from hnreader.core.models import Tag


@dataclass(frozen=True)
class TagFrequencies:
    """counts[row][column]: passages of each tag; one column ("" = every coder) or one per
    coder."""

    tags: tuple[Tag, ...]  # tree order
    depths: tuple[int, ...]
    coders: tuple[str, ...]  # ("",) when not by coder
    counts: tuple[tuple[int, ...], ...]
    with_subtags: bool

    def totals(self) -> tuple[int, ...]:
        return tuple(sum(row) for row in self.counts)


def tag_frequencies(
    corpus: CodedCorpus,
    *,
    with_subtags: bool = True,
    by_coder: bool = False,
    tag_ids: Sequence[int] | None = None,
) -> TagFrequencies:
    """Each passage counts once for a tag, even when it carries several tags of its family."""
    tags = corpus.rows(tag_ids)
    coders = tuple(sorted({span.coder for span in corpus.spans})) if by_coder else ("",)
    if by_coder and not coders:
        coders = ("",)
    counts = []
    for tag in tags:
        spans = corpus.spans_of(corpus.family(tag.id, with_subtags))
        if by_coder:
            counts.append(tuple(sum(1 for s in spans if s.coder == c) for c in coders))
        else:
            counts.append((len(spans),))
    return TagFrequencies(
        tuple(tags),
        tuple(corpus.depth(tag.id) for tag in tags),
        coders,
        tuple(counts),
        with_subtags,
    )


def passages_by_article(
    corpus: CodedCorpus, tag_id: int, *, with_subtags: bool = True
) -> dict[int, int]:
    """{article id: passages of the tag (its family with sub-tags)} for a tag trend."""
    found: dict[int, int] = {}
    for span in corpus.spans_of(corpus.family(tag_id, with_subtags)):
        found[span.article_id] = found.get(span.article_id, 0) + 1
    return found

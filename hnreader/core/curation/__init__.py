"""Curating two coders' disagreements into a consensus coder (issue 17, item 4): the units
(sentences, paragraphs, articles) where one coder coded a tag and the other did not, and
what the consensus coder's coding of such a unit becomes when one side, both, or an edited
span is accepted."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from hnreader.core.agreement.units import ARTICLE, PARAGRAPH, SENTENCE, is_coded, merged, units_of
from hnreader.core.models import Annotation, ErrorCode, HnreaderError, Tag

CURATION_UNITS = (SENTENCE, PARAGRAPH, ARTICLE)
DEFAULT_CONSENSUS = "consensus"
ACCEPT_A, ACCEPT_B, ACCEPT_BOTH = "a", "b", "both"

Span = tuple[int, int]

__all__ = [
    "ACCEPT_A",
    "ACCEPT_B",
    "ACCEPT_BOTH",
    "CURATION_UNITS",
    "DEFAULT_CONSENSUS",
    "Disagreement",
    "accepted_spans",
    "check_consensus_name",
    "disagreements",
]


@dataclass(frozen=True)
class Disagreement:
    """One unit of one article where coder A and coder B decided a tag differently. The
    spans are each side's coding of the tag (its sub-tags with `include_children`) within
    the unit, in code points of the article's text."""

    article_id: int
    start: int
    end: int
    tag_id: int
    tag_path: str
    a_spans: tuple[Span, ...]
    b_spans: tuple[Span, ...]
    consensus_spans: tuple[Span, ...]  # the consensus coder's coding of the tag there now

    @property
    def a_coded(self) -> bool:
        return bool(self.a_spans)

    @property
    def b_coded(self) -> bool:
        return bool(self.b_spans)


def check_consensus_name(name: str, coders: Sequence[str]) -> str:
    name = " ".join(str(name).split())
    if not name:
        raise HnreaderError(
            "the consensus coder needs a name (e.g. “consensus”)", code=ErrorCode.INVALID_VALUE
        )
    if name in coders:
        raise HnreaderError(
            f"“{name}” is one of the coders being compared; give the consensus another name",
            code=ErrorCode.INVALID_VALUE,
        )
    return name


def _clip(spans: Sequence[Span], start: int, end: int) -> tuple[Span, ...]:
    return tuple((max(s, start), min(e, end)) for s, e in spans if min(e, end) > max(s, start))


def disagreements(
    texts: Mapping[int, str],
    annotations: Sequence[Annotation],
    tags: Sequence[Tag],
    coder_a: str,
    coder_b: str,
    *,
    consensus: str = DEFAULT_CONSENSUS,
    tag_ids: Sequence[int] | None = None,
    unit: str = SENTENCE,
    min_share: float = 0.0,
    include_children: bool = True,
    is_cancelled: Callable[[], bool] | None = None,
) -> list[Disagreement]:
    """The units where A and B differ, on the articles both coded (those in `texts`), in
    article and text order; a unit counts as coded as in the agreement statistics."""
    if unit not in CURATION_UNITS:
        raise HnreaderError(
            f"disagreements are listed by sentence, paragraph or article, not {unit!r}",
            code=ErrorCode.INVALID_VALUE,
        )
    if coder_a == coder_b:
        raise HnreaderError("choose two different coders", code=ErrorCode.INVALID_VALUE)
    by_id = {t.id: t for t in tags}
    chosen = [by_id[i] for i in tag_ids] if tag_ids else sorted(tags, key=lambda t: t.path)
    members = {t.id: _members(t.id, by_id, include_children) for t in chosen}
    spans: dict[tuple[int, str, int], list[Span]] = defaultdict(list)
    coded_by: dict[int, set[str]] = defaultdict(set)
    for a in annotations:
        coded_by[a.article_id].add(a.coder)
        if a.coder in (coder_a, coder_b, consensus):
            for tag_id in a.tag_ids:
                spans[(a.article_id, a.coder, tag_id)].append((a.start, a.end))
    found: list[Disagreement] = []
    for article_id in sorted(texts):
        if not {coder_a, coder_b} <= coded_by.get(article_id, set()):
            continue
        if is_cancelled is not None and is_cancelled():
            break
        article_units = units_of(texts[article_id], unit)
        for tag in chosen:
            coded_a, coded_b, coded_c = (
                merged([s for m in members[tag.id] for s in spans.get((article_id, coder, m), [])])
                for coder in (coder_a, coder_b, consensus)
            )
            for start, end in article_units:
                unit_span = (start, end)
                if is_coded(unit_span, coded_a, min_share) == is_coded(
                    unit_span, coded_b, min_share
                ):
                    continue
                found.append(
                    Disagreement(
                        article_id,
                        start,
                        end,
                        tag.id,
                        tag.path,
                        _clip(coded_a, start, end),
                        _clip(coded_b, start, end),
                        _clip(coded_c, start, end),
                    )
                )
    found.sort(key=lambda d: (d.article_id, d.start, d.tag_path))
    return found


def accepted_spans(disagreement: Disagreement, choice: str) -> list[Span]:
    """What the consensus coder's coding of the unit becomes: A's, B's, or both joined."""
    if choice == ACCEPT_A:
        return list(disagreement.a_spans)
    if choice == ACCEPT_B:
        return list(disagreement.b_spans)
    if choice == ACCEPT_BOTH:
        return merged([*disagreement.a_spans, *disagreement.b_spans])
    raise HnreaderError(f"unknown choice {choice!r} (a, b or both)", code=ErrorCode.INVALID_VALUE)


def _members(tag_id: int, by_id: Mapping[int, Tag], include_children: bool) -> set[int]:
    found = {tag_id}
    if include_children:
        changed = True
        while changed:
            more = {t.id for t in by_id.values() if t.parent_id in found} - found
            found |= more
            changed = bool(more)
    return found

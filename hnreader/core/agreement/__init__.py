"""Agreement between coders (issue 17, item 3): on which units the coders coded a tag alike,
as percent agreement, Cohen's κ, Fleiss' κ and Krippendorff's α, per tag and overall, and
how alike they marked where it applies, as Krippendorff's unitizing α (see `unitized`: on the
characters of the same articles, whatever the unit chosen for the others).

Each tag is a yes/no decision per unit (coded with the tag or not) for every coder; a unit is
coded when an annotation of the tag (or of one of its sub-tags, with `include_children`) by
that coder covers it (any character, or at least `min_share` of it). The articles compared
are those every coder has coded something in (an article one coder never opened would count
as disagreement on every unit), unless they are named. Overall pools every tag's decisions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from hnreader.core.agreement.statistics import (
    category_counts,
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha_nominal,
    percent_agreement,
)
from hnreader.core.agreement.unitized import UnitizedTerms, combined, unitized_terms
from hnreader.core.agreement.units import UNITS, Span, is_coded, merged, units_of
from hnreader.core.models import Annotation, ErrorCode, HnreaderError, Tag

__all__ = ["UNITS", "AgreementReport", "TagAgreement", "agreement"]


@dataclass(frozen=True)
class TagAgreement:
    """One tag's (or, with `tag` "", every tag's) agreement."""

    tag: str  # the tag's path; "" for the overall row
    units: int
    coded: tuple[int, ...]  # how many units each coder coded with it, in the coders' order
    percent: float | None
    cohen_kappa: float | None  # two coders only
    fleiss_kappa: float | None
    krippendorff_alpha: float | None
    unitized_alpha: float | None  # Krippendorff's uα on character spans


@dataclass(frozen=True)
class AgreementReport:
    coders: tuple[str, ...]
    unit: str
    min_share: float
    article_ids: tuple[int, ...]
    tags: tuple[TagAgreement, ...]
    overall: TagAgreement


def _row(tag: str, data: list[list[int]], unitized: UnitizedTerms) -> TagAgreement:
    units = len(data[0]) if data else 0
    return TagAgreement(
        tag=tag,
        units=units,
        coded=tuple(sum(row) for row in data),
        percent=percent_agreement(data) if units else None,
        cohen_kappa=cohen_kappa(data[0], data[1]) if len(data) == 2 and units else None,
        fleiss_kappa=fleiss_kappa(category_counts(data)) if units else None,
        krippendorff_alpha=krippendorff_alpha_nominal(data) if units else None,
        unitized_alpha=unitized.alpha,
    )


def agreement(
    texts: Mapping[int, str],
    annotations: Sequence[Annotation],
    tags: Sequence[Tag],
    coders: Sequence[str],
    *,
    tag_ids: Sequence[int] | None = None,
    article_ids: Sequence[int] | None = None,
    unit: str = "sentence",
    min_share: float = 0.0,
    include_children: bool = True,
    is_cancelled: Callable[[], bool] | None = None,
) -> AgreementReport:
    """The coders' agreement on `texts` (article id → text; see the module's description)."""
    coders = tuple(dict.fromkeys(coders))
    if len(coders) < 2:
        raise HnreaderError(
            "agreement needs two or more coders; name them (the coders of this project are "
            "listed by `hnreader annotations`)",
            code=ErrorCode.INVALID_VALUE,
        )
    if unit not in UNITS:
        raise HnreaderError(f"unknown unit {unit!r}", code=ErrorCode.INVALID_VALUE)
    by_id = {t.id: t for t in tags}
    chosen = [by_id[i] for i in tag_ids] if tag_ids else sorted(tags, key=lambda t: t.path)
    members = {t.id: _members(t.id, by_id, include_children) for t in chosen}
    if article_ids is None:
        coded_by: dict[int, set[str]] = defaultdict(set)
        for a in annotations:
            coded_by[a.article_id].add(a.coder)
        article_ids = [i for i in sorted(texts) if set(coders) <= coded_by.get(i, set())]
    spans: dict[tuple[int, str, int], list[tuple[int, int]]] = defaultdict(list)
    for a in annotations:
        if a.coder in coders:
            for tag_id in a.tag_ids:
                spans[(a.article_id, a.coder, tag_id)].append((a.start, a.end))
    data: dict[int, list[list[int]]] = {t.id: [[] for _ in coders] for t in chosen}
    continua: dict[int, list[tuple[int, list[list[Span]]]]] = {t.id: [] for t in chosen}
    for article_id in article_ids:
        if is_cancelled is not None and is_cancelled():
            break
        article_units = units_of(texts[article_id], unit)
        for tag in chosen:
            by_coder = []
            for index, coder in enumerate(coders):
                coded = merged(
                    [s for m in members[tag.id] for s in spans.get((article_id, coder, m), [])]
                )
                by_coder.append(coded)
                data[tag.id][index].extend(
                    int(is_coded(u, coded, min_share)) for u in article_units
                )
            continua[tag.id].append((len(texts[article_id]), by_coder))
    terms = {t.id: unitized_terms(continua[t.id]) for t in chosen}
    rows = tuple(_row(t.path, data[t.id], terms[t.id]) for t in chosen)
    pooled = [[v for t in chosen for v in data[t.id][i]] for i in range(len(coders))]
    overall = _row("", pooled, combined(list(terms.values())))
    return AgreementReport(coders, unit, min_share, tuple(article_ids), rows, overall)


def _members(tag_id: int, by_id: Mapping[int, Tag], include_children: bool) -> set[int]:
    found = {tag_id}
    if include_children:
        changed = True
        while changed:
            more = {t.id for t in by_id.values() if t.parent_id in found} - found
            found |= more
            changed = bool(more)
    return found

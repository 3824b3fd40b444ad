"""Agreement per tag and overall on sentences, paragraphs, articles and characters, checked
against a brute-force count."""

from __future__ import annotations

import pytest

from hnreader.core.agreement import agreement
from hnreader.core.agreement.statistics import cohen_kappa, krippendorff_alpha_nominal
from hnreader.core.agreement.unitized import combined, unitized_terms
from hnreader.core.agreement.units import units_of
from hnreader.core.models import Annotation, HnreaderError, Tag

TEXT = "第一句话。第二句“引语。”第三句！\n第二段𠀀字在这里？最后\n\n第三段。"
TAGS = [
    Tag(1, "政策", "#000000", "", None, "", "政策"),
    Tag(2, "扶贫", "#000000", "", 1, "", "政策/扶贫"),
    Tag(3, "成效", "#000000", "", None, "", "成效"),
]


def note(id_: int, coder: str, start: int, end: int, *tags: int, article: int = 1) -> Annotation:
    return Annotation(
        id_, "passage", article, start, end, TEXT[start:end], "", "", "", coder, "", "", tags
    )


ANNOTATIONS = [
    note(1, "甲", 0, 3, 1),  # in sentence 1
    note(2, "乙", 2, 4, 2),  # sentence 1 too, with the sub-tag
    note(3, "甲", 5, 14, 3),  # sentence 2 (with its closing quote) and into 3
    note(4, "乙", 14, 16, 3),  # sentence 3 only
    note(5, "乙", 17, 20, 1, 3),  # two tags, paragraph 2 (a non-BMP character inside)
    note(6, "丙", 0, 1, 1, article=2),  # another article: only 丙 coded it
]


def test_units_of_a_text() -> None:
    sentences = [TEXT[s:e] for s, e in units_of(TEXT, "sentence")]
    assert sentences == [
        "第一句话。",
        "第二句“引语。”",
        "第三句！",
        "第二段𠀀字在这里？",
        "最后",
        "第三段。",
    ]
    assert [TEXT[s:e] for s, e in units_of(TEXT, "paragraph")] == [
        "第一句话。第二句“引语。”第三句！",
        "第二段𠀀字在这里？最后",
        "第三段。",
    ]
    assert units_of(TEXT, "article") == [(0, len(TEXT))]
    assert len(units_of(TEXT, "character")) == sum(not c.isspace() for c in TEXT)


def brute(unit: str, coder: str, tag_ids: set[int], min_share: float = 0.0) -> list[int]:
    """Coded or not per unit, by looking at every character of every unit."""
    out = []
    for start, end in units_of(TEXT, unit):
        chars = {
            i
            for a in ANNOTATIONS
            if a.coder == coder and a.article_id == 1 and set(a.tag_ids) & tag_ids
            for i in range(a.start, a.end)
        }
        inside = sum(1 for i in range(start, end) if i in chars)
        out.append(int(inside > 0 if min_share == 0 else inside >= min_share * (end - start)))
    return out


@pytest.mark.parametrize("unit", ["sentence", "paragraph", "article", "character"])
@pytest.mark.parametrize("min_share", [0.0, 0.5])
def test_agreement_counts_equal_a_brute_force_count(unit: str, min_share: float) -> None:
    report = agreement(
        {1: TEXT, 2: TEXT}, ANNOTATIONS, TAGS, ["甲", "乙"], unit=unit, min_share=min_share
    )
    assert report.article_ids == (1,)  # article 2 was not coded by both
    members = {"政策": {1, 2}, "政策/扶贫": {2}, "成效": {3}}
    pooled: list[list[int]] = [[], []]
    for row in report.tags:
        data = [brute(unit, c, members[row.tag], min_share) for c in ("甲", "乙")]
        assert row.units == len(units_of(TEXT, unit))
        assert row.coded == (sum(data[0]), sum(data[1]))
        assert row.cohen_kappa == cohen_kappa(*data)
        assert row.krippendorff_alpha == krippendorff_alpha_nominal(data)
        pooled = [pooled[0] + data[0], pooled[1] + data[1]]
    assert report.overall.units == sum(row.units for row in report.tags)
    assert report.overall.krippendorff_alpha == krippendorff_alpha_nominal(pooled)


def test_sub_tags_count_as_their_parent_unless_told_not_to() -> None:
    with_children = agreement({1: TEXT}, ANNOTATIONS, TAGS, ["甲", "乙"], tag_ids=[1])
    without = agreement(
        {1: TEXT}, ANNOTATIONS, TAGS, ["甲", "乙"], tag_ids=[1], include_children=False
    )
    assert with_children.tags[0].coded == (1, 2)  # 乙's 扶贫 in sentence 1 counts as 政策
    assert without.tags[0].coded == (1, 1)


def test_three_coders_give_fleiss_kappa_and_alpha_not_cohen() -> None:
    report = agreement(
        {1: TEXT, 2: TEXT}, ANNOTATIONS, TAGS, ["甲", "乙", "丙"], article_ids=[1, 2]
    )
    assert report.overall.cohen_kappa is None
    assert report.overall.fleiss_kappa is not None and report.overall.krippendorff_alpha is not None
    with pytest.raises(HnreaderError):
        agreement({1: TEXT}, ANNOTATIONS, TAGS, ["甲"])


def test_unitized_alpha_per_tag_and_overall_from_the_coders_spans() -> None:
    report = agreement({1: TEXT, 2: TEXT}, ANNOTATIONS, TAGS, ["甲", "乙"], unit="paragraph")
    by_tag = {row.tag: row for row in report.tags}
    # 成效: 甲 coded 5–14, 乙 14–16 and 17–20 (in code points; 𠀀 counts one).
    result = unitized_terms([(len(TEXT), [[(5, 14)], [(14, 16), (17, 20)]])])
    assert by_tag["成效"].unitized_alpha == result.alpha
    # 政策 with its sub-tag: 甲 0–3; 乙 2–4 (扶贫) merged with nothing else, and 17–20.
    policy = unitized_terms([(len(TEXT), [[(0, 3)], [(2, 4), (17, 20)]])])
    assert by_tag["政策"].unitized_alpha == policy.alpha
    every = [
        unitized_terms([(len(TEXT), [[(0, 3)], [(2, 4), (17, 20)]])]),
        unitized_terms([(len(TEXT), [[], [(2, 4)]])]),
        result,
    ]
    assert report.overall.unitized_alpha == combined(every).alpha
    # the same whatever the unit of the other statistics
    sentences = agreement({1: TEXT}, ANNOTATIONS, TAGS, ["甲", "乙"], unit="sentence")
    assert [r.unitized_alpha for r in sentences.tags] == [r.unitized_alpha for r in report.tags]


def test_unitized_alpha_is_undefined_when_nobody_coded_the_tag() -> None:
    lone = [note(1, "甲", 0, 3, 1), note(2, "乙", 5, 8, 1)]
    report = agreement({1: TEXT}, lone, TAGS, ["甲", "乙"], tag_ids=[3])
    assert report.tags[0].unitized_alpha is None
    assert report.overall.unitized_alpha is None

"""Disagreements between two coders by unit, checked against a brute-force count, and their
resolution into a consensus coder (each one undo step)."""

from __future__ import annotations

from hnreader.core.agreement.units import units_of
from hnreader.core.curation import Disagreement, disagreements
from hnreader.core.models import Annotation, Tag
from hnreader.core.project import Project

TEXT = "第一句话。第二句𠮷话。第三句！\n第二段在这里？最后\n"
TAGS = [
    Tag(1, "政策", "#000000", "", None, "", "政策"),
    Tag(2, "成效", "#000000", "", None, "", "成效"),
]


def note(i: int, coder: str, start: int, end: int, *tags: int) -> Annotation:
    return Annotation(i, "passage", 1, start, end, TEXT[start:end], "", "", "", coder, "", "", tags)


NOTES = [
    note(1, "甲", 0, 3, 1),
    note(2, "乙", 1, 4, 1),  # sentence 1 agrees on 政策
    note(3, "甲", 5, 8, 2),  # sentence 2: only 甲 codes 成效
    note(4, "乙", 10, 20, 1),  # sentences 2–4: only 乙 codes 政策 there
    note(5, "consensus", 6, 7, 2),
]


def brute(unit: str) -> set[tuple[int, int, int]]:
    out = set()
    for start, end in units_of(TEXT, unit):
        for tag in (1, 2):
            coded = [
                any(
                    n.coder == c and tag in n.tag_ids and n.start < end and n.end > start
                    for n in NOTES
                )
                for c in ("甲", "乙")
            ]
            if coded[0] != coded[1]:
                out.add((start, end, tag))
    return out


def test_disagreements_match_a_brute_force_count() -> None:
    for unit in ("sentence", "paragraph", "article"):
        found = disagreements({1: TEXT}, NOTES, TAGS, "甲", "乙", unit=unit)
        assert {(d.start, d.end, d.tag_id) for d in found} == brute(unit), unit
    found = disagreements({1: TEXT}, NOTES, TAGS, "甲", "乙", unit="sentence")
    second = next(d for d in found if d.tag_id == 2)
    assert TEXT[second.start : second.end] == "第二句𠮷话。"
    assert second.a_spans == ((5, 8),) and second.b_spans == ()
    assert second.consensus_spans == ((6, 7),)
    policy = [d for d in found if d.tag_id == 1]
    assert [d.b_spans for d in policy] == [((10, 11),), ((11, 15),), ((16, 20),)]


def _project(corpus_project: Project) -> tuple[Project, int]:
    tag = corpus_project.add_tag("一致").result_id or 0
    text = corpus_project.article(1).text
    start = text.index("精准扶贫")
    corpus_project.coder = "王芳"
    corpus_project.annotate(1, start, start + 4, [tag])
    corpus_project.coder = "李四"
    corpus_project.annotate(1, 0, 2, [tag])
    corpus_project.coder = "tester"
    return corpus_project, tag


def _consensus(project: Project) -> list[tuple[int, int, tuple[int, ...]]]:
    return [(a.start, a.end, a.tag_ids) for a in project.annotations(coder="共识")]


def test_accept_a_b_both_and_an_edit_each_one_undo_step(corpus_project: Project) -> None:
    project, tag = _project(corpus_project)
    found = project.disagreements("王芳", "李四", consensus="共识", tag_ids=[tag])
    assert len(found) == 2 and {d.a_coded for d in found} == {True, False}
    mine = next(d for d in found if d.a_coded)
    project.resolve_disagreement(mine, "a", "共识")
    assert _consensus(project) == [(mine.a_spans[0][0], mine.a_spans[0][1], (tag,))]
    assert project.history.undo_label == "Resolve a disagreement as “共识”"
    project.resolve_disagreement(mine, "b", "共识")  # B coded nothing there: none
    assert _consensus(project) == []
    project.undo()
    assert len(_consensus(project)) == 1
    edit = (mine.start, mine.start + 1)
    project.resolve_disagreement(mine, [edit], "共识")
    assert _consensus(project) == [(*edit, (tag,))]
    theirs = next(d for d in found if not d.a_coded)
    project.resolve_disagreement(theirs, "both", "共识")
    assert len(_consensus(project)) == 2
    # the consensus coder is now a coder like the others: agreement includes it
    assert "共识" in project.coders()
    report = project.agreement(["王芳", "共识"], tag_ids=[tag])
    assert report.overall.units > 0
    again = project.disagreements("王芳", "李四", consensus="共识", tag_ids=[tag])
    spans = {d.a_coded: d.consensus_spans for d in again}
    assert spans == {True: (edit,), False: theirs.b_spans}


def test_resolving_keeps_the_consensus_coding_outside_the_unit(corpus_project: Project) -> None:
    project, tag = _project(corpus_project)
    found = project.disagreements("王芳", "李四", consensus="共识", tag_ids=[tag])
    mine = next(d for d in found if d.a_coded)
    other = project.add_tag("其他").result_id or 0
    project.coder = "共识"
    text_end = len(project.article(1).text)
    wide = (max(0, mine.start - 3), min(text_end, mine.end + 3))
    project.annotate(1, wide[0], wide[1], [tag, other])
    project.resolve_disagreement(mine, "b", "共识")  # nothing of the tag inside the unit
    pieces = sorted(_consensus(project))
    assert (wide[0], mine.start, tuple(sorted((tag, other)))) in pieces
    assert (mine.end, wide[1], tuple(sorted((tag, other)))) in pieces
    assert (mine.start, mine.end, (other,)) in pieces
    assert len(pieces) == 3


def test_the_consensus_name_must_differ_from_the_coders(corpus_project: Project) -> None:
    import pytest

    from hnreader.core.models import HnreaderError

    project, _ = _project(corpus_project)
    with pytest.raises(HnreaderError, match="one of the coders"):
        project.disagreements("王芳", "李四", consensus="李四")
    assert isinstance(project.disagreements("王芳", "李四")[0], Disagreement)

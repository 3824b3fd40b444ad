"""Merging one coder's project into another's: matching, re-anchoring, duplicates, tags,
memos, one undo step, symmetry, and the other file left untouched."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.merge import CREATED, MAPPED, MATCHED, TagMapError
from hnreader.core.models import ErrorCode, StoreError
from tests.core.merge.conftest import Pair, diverge, located, open_as, tag


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_merging_b_into_a_adds_b_coding_reanchored_across_the_split(
    pair: Pair, shared_segmenter: Segmenter
) -> None:
    before = digest(pair.b)
    with open_as(pair.a, "甲", shared_segmenter) as a:
        mine = located(a)
        report, change = a.merge_coding(pair.b)
        assert change is not None
        # 乙's four passages and the shared 猕猴桃 (its tag is 产业 there, 产业扶贫 here);
        # the shared 十八洞村 (政策, 甲) is already here
        assert (report.annotations.added, report.annotations.skipped) == (5, 1)
        assert report.annotations.orphaned == 0
        # the shop article was split in B: its parts are re-anchored into our whole article
        assert report.annotations.reanchored == 3
        assert (report.articles_matched, report.articles_reanchored) == (1, 2)
        after = located(a)
        added = after - mine
        assert sorted((k[0], k[1], k[2]) for k in added.elements()) == [
            ("乙", ("成效",), "店里坐满了人"),
            ("乙", ("成效",), "𠮷野家今天"),
            ("乙", ("政策",), "顾客排起长队"),
            ("乙", ("政策/产业",), "精准扶贫的首倡地"),
            ("甲", ("政策/产业",), "猕猴桃"),
        ]
        # 乙's 产业 is not our (renamed) path and its name is free: created under 政策
        choice = {c.other_path: c for c in report.tags}
        assert choice["政策/产业"].action == CREATED
        assert choice["政策"].action == MATCHED and choice["成效"].action == MATCHED
        # the offsets are code points into our text (𠮷 is one)
        shop = a.article(1).text
        (passage,) = [n for n in a.annotations() if n.quote == "店里坐满了人"]
        assert shop[passage.start : passage.end] == "店里坐满了人"
        assert shop.index("店里坐满了人") == passage.start
        # the tag memo came along onto the created tag
        (memo,) = [m for m in a.memos() if m.kind == "tag"]
        assert (memo.text, memo.coder, memo.tag_id) == ("产业类要看主体", "乙", tag(a, "政策/产业"))
    assert digest(pair.b) == before  # only read


def test_merge_is_one_undo_step_and_redo_puts_it_back(
    pair: Pair, shared_segmenter: Segmenter
) -> None:
    with open_as(pair.a, "甲", shared_segmenter) as a:
        before = (located(a), [t.path for t in a.tags()], a.memos())
        a.merge_coding(pair.b)
        merged = (located(a), [t.path for t in a.tags()], len(a.memos()))
        assert a.history.undo_label == "Merge coding from “b.sqlite”"
        a.undo()
        assert (located(a), [t.path for t in a.tags()], a.memos()) == before
        a.redo()
        assert (located(a), [t.path for t in a.tags()], len(a.memos())) == merged


def test_a_into_b_and_b_into_a_give_the_same_annotations(
    pair: Pair, tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    a_copy, b_copy = tmp_path / "a2.sqlite", tmp_path / "b2.sqlite"
    shutil.copyfile(pair.a, a_copy)
    shutil.copyfile(pair.b, b_copy)
    with open_as(a_copy, "甲", shared_segmenter) as a:
        a.merge_coding(pair.b)
        into_a = located(a)
    with open_as(b_copy, "乙", shared_segmenter) as b:
        b_report, _ = b.merge_coding(pair.a)
        into_b = located(b)
    assert into_a == into_b
    assert sum(into_a.values()) == 1 + 2 + 4 + 4  # 猕猴桃 twice: its tag was renamed
    assert b_report.annotations.reanchored == 3  # 甲's passages in the unsplit article


def test_with_a_tag_map_the_renamed_tag_is_one_tag_both_ways(
    pair: Pair, tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    a_copy, b_copy = tmp_path / "a2.sqlite", tmp_path / "b2.sqlite"
    shutil.copyfile(pair.a, a_copy)
    shutil.copyfile(pair.b, b_copy)
    with open_as(a_copy, "甲", shared_segmenter) as a:
        report, _ = a.merge_coding(pair.b, {"政策/产业": "政策/产业扶贫"})
        assert {c.other_path: c.action for c in report.tags}["政策/产业"] == MAPPED
        assert "政策/产业" not in [t.path for t in a.tags()]
        into_a = located(a)
    with open_as(b_copy, "乙", shared_segmenter) as b:
        b.merge_coding(pair.a, {"政策/产业扶贫": "政策/产业"})
        into_b = located(b, rename={"政策/产业": "政策/产业扶贫"})
    assert into_a == into_b
    assert sum(into_a.values()) == 2 + 4 + 4


def test_merging_twice_adds_nothing_the_second_time(
    pair: Pair, shared_segmenter: Segmenter
) -> None:
    with open_as(pair.a, "甲", shared_segmenter) as a:
        a.merge_coding(pair.b)
        count = len(a.annotations())
        report, change = a.merge_coding(pair.b)
        assert change is None
        assert report.annotations.added == 0 and report.annotations.skipped == 6
        assert report.memos.skipped == 1 and report.memos.added == 0
        assert len(a.annotations()) == count


def test_a_dry_run_reports_and_writes_nothing(pair: Pair, shared_segmenter: Segmenter) -> None:
    before = digest(pair.a)
    with open_as(pair.a, "甲", shared_segmenter) as a:
        report, change = a.merge_coding(pair.b, dry_run=True)
        assert change is None and report.dry_run
        assert report.annotations.added == 5
        assert not a.history.can_undo or a.history.undo_label != "Merge coding from “b.sqlite”"
    assert digest(pair.a) == before


def test_a_passage_across_the_split_is_an_orphan_never_placed_elsewhere(
    tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    pair = diverge(tmp_path, shared_segmenter, crossing=True)
    with open_as(pair.b, "乙", shared_segmenter) as b:
        report, _ = b.merge_coding(pair.a)
        assert report.annotations.orphaned == 1
        (orphan,) = report.orphans
        assert orphan.text == "有人说味道不错。\n第三段" and orphan.tags == ("政策",)
        assert orphan.coder == "甲" and orphan.article_title == "𠮷野家开新店"
        texts = [b.article(s.id).text for s in b.article_summaries()]
        for n in b.annotations():
            assert texts and b.article(n.article_id).text[n.start : n.end] == n.quote
        # the article memo went to the part that kept the title; the journal entry came too
        memos = {(m.kind, m.article_id, m.text) for m in b.memos()}
        assert ("article", 1, "店名里的𠮷不是吉") in memos
        assert ("journal", None, "第一轮完成") in memos
        assert report.memos.added == 2 and report.memos.reanchored == 1


def test_an_ambiguous_quote_without_context_is_an_orphan(
    tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    from hnreader.core.merge.anchoring import ORPHANED, REANCHORED, Candidate, anchor

    one = Candidate(1, "甲说好。乙说好。", True)
    assert anchor("说好", "", "", 0, [Candidate(1, "丙说好。丁说好。", False)]).outcome == ORPHANED
    found = anchor("说好", "乙", "。", 0, [one])
    assert (found.outcome, found.start) == (REANCHORED, 5)
    assert anchor("说", "", "", 0, [Candidate(1, "他说的", False)]).outcome == ORPHANED
    assert anchor("不在这里", "", "", 0, [one]).outcome == ORPHANED


def test_the_other_file_is_refused_clearly(
    pair: Pair, tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    not_project = tmp_path / "notes.sqlite"
    not_project.write_text("不是数据库" * 200, "utf-8")
    newer = tmp_path / "newer.sqlite"
    shutil.copyfile(pair.b, newer)
    with sqlite3.connect(newer) as conn:
        conn.execute("PRAGMA user_version = 999")
    before = digest(newer)
    with open_as(pair.a, "甲", shared_segmenter) as a:
        expected = {
            not_project: ErrorCode.NOT_A_PROJECT,
            newer: ErrorCode.TOO_NEW,
            pair.a: ErrorCode.INVALID_VALUE,
            tmp_path / "missing.sqlite": ErrorCode.MISSING,
        }
        for path, code in expected.items():
            with pytest.raises(StoreError) as caught:
                a.merge_coding(path)
            assert caught.value.code == code, path
            with pytest.raises(StoreError):
                a.merge_tag_choices(path)
        with pytest.raises(StoreError, match=r"newer hnreader .*cannot be merged"):
            a.merge_coding(newer)
    assert digest(newer) == before


def test_a_bad_tag_map_is_refused_before_anything_is_written(
    pair: Pair, shared_segmenter: Segmenter
) -> None:
    with open_as(pair.a, "甲", shared_segmenter) as a:
        count = len(a.annotations())
        with pytest.raises(TagMapError, match="no tag “不存在”"):
            a.merge_coding(pair.b, {"不存在": "政策"})
        with pytest.raises(TagMapError, match="there is no tag “无此父” here"):
            a.merge_coding(pair.b, {"政策/产业": "无此父/产业"})
        with pytest.raises(TagMapError, match="already exists"):
            a.merge_coding(pair.b, {"政策/产业": "成效/政策"})
        assert len(a.annotations()) == count


def test_a_tag_map_path_that_does_not_exist_creates_it(
    pair: Pair, shared_segmenter: Segmenter
) -> None:
    with open_as(pair.a, "甲", shared_segmenter) as a:
        report, _ = a.merge_coding(pair.b, {"政策/产业": "成效/产业带动"})
        assert {c.other_path: c.target_path for c in report.tags}["政策/产业"] == "成效/产业带动"
        (passage,) = [n for n in a.annotations() if n.quote == "精准扶贫的首倡地"]
        assert passage.tag_ids == (tag(a, "成效/产业带动"),)

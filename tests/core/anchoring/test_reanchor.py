"""Re-anchoring annotations to their quotes in a changed text."""

from __future__ import annotations

from difflib import SequenceMatcher

from hnreader.core.anchoring import (
    MIN_SIMILARITY,
    MOVED,
    ORPHANED,
    REANCHORED,
    STAYED,
    Anchor,
    AnchorCounts,
    reanchor,
    reanchor_all,
)

TEXT = (
    "导航 首页 新闻\n十八洞村是精准扶贫的首倡地。\n2019年全村人均纯收入达到14668元。\n"
    "责任编辑：张三"
)


def anchor_of(text: str, quote: str, context: int = 10) -> Anchor:
    start = text.index(quote)
    end = start + len(quote)
    return Anchor(
        start, end, quote, text[max(0, start - context) : start], text[end : end + context]
    )


def test_unchanged_text_keeps_every_anchor_in_place() -> None:
    anchor = anchor_of(TEXT, "精准扶贫的首倡地")
    placement = reanchor(TEXT, anchor)
    assert (placement.outcome, placement.start, placement.end) == (STAYED, anchor.start, anchor.end)


def test_text_removed_before_the_quote_moves_it_by_that_much() -> None:
    anchor = anchor_of(TEXT, "人均纯收入达到14668元")
    new_text = TEXT.replace("导航 首页 新闻\n", "")
    placement = reanchor(new_text, anchor)
    assert placement.outcome == MOVED
    assert placement.start == anchor.start - len("导航 首页 新闻\n")
    assert new_text[placement.start : placement.end] == anchor.quote


def test_of_two_occurrences_the_one_with_the_same_context_wins() -> None:
    text = "甲说：扶贫。乙说：扶贫。"
    anchor = Anchor(9, 11, "扶贫", "乙说：", "。")  # the second one
    shifted = "前言。" + text
    placement = reanchor(shifted, anchor)
    assert placement.outcome == MOVED
    assert placement.start == 3 + 9


def test_without_context_the_nearest_occurrence_wins() -> None:
    text = "扶贫" + "。" * 50 + "扶贫"
    anchor = Anchor(40, 42, "扶贫")
    placement = reanchor(text, anchor)
    assert placement.start == 52


def test_an_edited_quote_is_reanchored_above_the_stated_similarity() -> None:
    quote = "2019年全村人均纯收入达到14668元"
    anchor = anchor_of(TEXT, quote)
    edited = TEXT.replace("达到14668元", "达到14,668元")  # one character inserted
    placement = reanchor(edited, anchor)
    assert placement.outcome == REANCHORED
    found = edited[placement.start : placement.end]
    assert SequenceMatcher(None, found, quote, autojunk=False).ratio() >= MIN_SIMILARITY
    assert placement.similarity >= MIN_SIMILARITY
    assert "14,668" in found


def test_deleted_text_becomes_an_orphan_never_moved_onto_other_text() -> None:
    anchor = anchor_of(TEXT, "十八洞村是精准扶贫的首倡地")
    gone = TEXT.replace("十八洞村是精准扶贫的首倡地。\n", "")
    placement = reanchor(gone, anchor)
    assert placement.outcome == ORPHANED
    assert (placement.start, placement.end) == (-1, -1)


def test_a_quote_changed_beyond_the_threshold_is_an_orphan() -> None:
    anchor = anchor_of(TEXT, "十八洞村是精准扶贫的首倡地")
    rewritten = TEXT.replace("十八洞村是精准扶贫的首倡地", "十八洞村是乡村振兴的示范村")
    assert reanchor(rewritten, anchor).outcome == ORPHANED


def test_a_short_quote_is_placed_exactly_or_not_at_all() -> None:
    anchor = Anchor(0, 2, "扶贫")
    assert reanchor("扶持贫困", anchor).outcome == ORPHANED


def test_non_bmp_characters_count_as_one_code_point() -> None:
    text = "𠮷野家的𠮷字在这里出现。我们在这里标注𠮷野家门店。"
    anchor = anchor_of(text, "标注𠮷野家门店")
    new_text = "𠮷𠮷" + text
    placement = reanchor(new_text, anchor)
    assert placement.outcome == MOVED
    assert placement.start == anchor.start + 2
    assert new_text[placement.start : placement.end] == "标注𠮷野家门店"
    edited = new_text.replace("𠮷野家门店", "𠮷野家的门店")
    fuzzy = reanchor(edited, anchor)
    assert fuzzy.outcome == REANCHORED
    assert edited[fuzzy.start : fuzzy.end].startswith("标注𠮷")


def test_counts_tally_every_outcome() -> None:
    anchors = [
        anchor_of(TEXT, "精准扶贫的首倡地"),
        anchor_of(TEXT, "人均纯收入达到14668元"),
        anchor_of(TEXT, "责任编辑：张三"),
    ]
    new_text = "新的一行\n" + TEXT.replace("\n责任编辑：张三", "")
    counts = AnchorCounts.of(reanchor_all(new_text, anchors))
    assert counts == AnchorCounts(stayed=0, moved=2, reanchored=0, orphaned=1)
    assert counts.total == 3
    assert (counts + counts).moved == 4


def test_fuzzy_matches_agree_with_brute_force_over_every_window() -> None:
    text = "湖南省统计局发布数据显示，全省地区生产总值增长百分之七点五，高于全国平均水平。" * 3
    quote = "全省地区生产总值增长7.5%"
    anchor = Anchor(100, 100 + len(quote), quote)
    placement = reanchor(text, anchor, min_similarity=0.6)
    slack = -(-len(quote) * 22 // 100)  # a ratio of 0.9 needs lengths within ±22%
    best = 0.0
    for start in range(len(text)):
        for end in range(start + len(quote) - slack, start + len(quote) + slack + 1):
            ratio = SequenceMatcher(None, text[start:end], quote, autojunk=False).ratio()
            best = max(best, ratio)
    assert placement.outcome == REANCHORED
    assert placement.similarity == round(best, 4)

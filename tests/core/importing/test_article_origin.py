"""Clean metadata (issue 12, item 3): page (版次), section and url of each article from page
lines, link lines and front matter; bylines that are datelines. Small files in the spirit of
real ones; every split stays lossless."""

from __future__ import annotations

import pytest
from test_article_splitter import assert_lossless
from test_layout_rules import TRANSCRIPT

from hnreader.core.importing.article_origin import link_url, page_and_section
from hnreader.core.importing.markup import page_as_written
from hnreader.core.importing.splitter import split_articles
from hnreader.core.models import ArticleDraft
from hnreader.core.text.normalize import normalise_stored_text


def split(text: str, name: str = "") -> list[ArticleDraft]:
    text = normalise_stored_text(text)
    drafts = split_articles(text, name)
    assert_lossless(text, drafts)
    return drafts


PAGE_FILE = """---
title: "乡村书屋里的读书声（纵横）"
date: 2019-06-02
section: "第04版"
section_name: "评论"
category: "文化"
author: "王五"
source_url: "https://paper.example.cn/sxrb/content/201906/02/content_1.html"
---

# 乡村书屋里的读书声（纵横）

> 王五《山乡日报》（2019年06月02日第 04 版）

周末的乡村书屋里坐满了孩子，志愿者带着他们读绘本、讲故事。

书屋的管理员说，来借书的大人也多了起来。
"""


def test_a_page_file_gives_page_section_and_url() -> None:
    [draft] = split(PAGE_FILE)
    assert draft.publication == "山乡日报"
    assert draft.page == "第 04 版"  # as the page line writes it
    assert draft.section == "评论"  # section: "第04版" is the page, not the section
    assert draft.url == "https://paper.example.cn/sxrb/content/201906/02/content_1.html"
    assert "https://" not in draft.text


def test_front_matter_alone_gives_the_page_and_chinese_keys_are_read() -> None:
    text = PAGE_FILE.replace("> 王五《山乡日报》（2019年06月02日第 04 版）\n", "")
    [draft] = split(text)
    assert (draft.page, draft.section) == ("第04版", "评论")
    [draft] = split(
        "---\n栏目：要闻\n版次：A3\n链接：https://example.org/a.html\n---\n\n"
        "春耕备耕有序推进\n\n眼下各地春耕备耕有序推进，农资供应充足。\n"
    )
    assert (draft.page, draft.section, draft.url) == ("A3", "要闻", "https://example.org/a.html")
    assert {r.reason for r in draft.removed} == {"front matter"}


def test_a_page_line_at_the_top_gives_its_page_to_every_article_under_it() -> None:
    text = """《山乡日报》（2020年08月25日 07 版）

果园迎来丰收

本报讯 南方一处果园迎来丰收，果农忙着采摘装箱。

高速公路新开通一段

本报讯 一段新修的高速公路今天通车，沿线三个县有了快速通道。
"""
    drafts = split(text)
    assert [d.title for d in drafts] == ["果园迎来丰收", "高速公路新开通一段"]
    assert [d.page for d in drafts] == ["07 版", "07 版"]
    assert [d.date for d in drafts] == ["2020-08-25", "2020-08-25"]
    assert [d.url for d in drafts] == ["", ""]  # no file-level url for several articles
    # 本报讯 is a dateline naming this paper: the paper of the page line above it.
    assert [d.publication for d in drafts] == ["山乡日报", "山乡日报"]


def test_each_transcript_item_gets_the_link_that_closes_it() -> None:
    drafts = split(TRANSCRIPT)
    assert [d.url for d in drafts] == [
        "https://example.org/news/a.shtml",
        "https://example.org/news/b.shtml",
        "",  # a digest's briefs share the link after the last one
        "https://example.org/news/c.shtml",
    ]


def test_links_that_lead_their_articles_go_to_the_article_after_them() -> None:
    text = """原文：https://example.org/1.html

## 村里来了新书记

记者来到山区的一个小村，见到了新来的驻村书记。

原文：https://example.org/2.html

## 春耕备耕有序推进

眼下各地春耕备耕有序推进，农资供应充足，价格总体平稳。
"""
    drafts = split(text)
    assert [d.title for d in drafts] == ["村里来了新书记", "春耕备耕有序推进"]
    assert [d.url for d in drafts] == ["https://example.org/1.html", "https://example.org/2.html"]
    assert all("原文" not in d.text and "原文" not in d.title for d in drafts)


def test_a_link_line_inside_an_article_is_its_url_and_not_its_text() -> None:
    text = """高速公路新开通一段

原文链接：http://news.example.cn/2020-08/25/c_1.htm

一段新修的高速公路今天通车，沿线三个县有了快速通道。
"""
    [draft] = split(text)
    assert draft.url == "http://news.example.cn/2020-08/25/c_1.htm"
    assert draft.text == "一段新修的高速公路今天通车，沿线三个县有了快速通道。"
    assert [r.reason for r in draft.removed] == ["link"]


def test_a_source_line_with_a_markdown_link_gives_publication_and_url() -> None:
    text = """# 新闻联播 2026-06-08

来源：[央视网](https://tv.example.com/2026/06/08/VIDE1.shtml)

全国各地农业生产有序推进，夏粮收购工作全面展开。
"""
    [draft] = split(text)
    assert draft.publication == "央视网"
    assert draft.url == "https://tv.example.com/2026/06/08/VIDE1.shtml"


@pytest.mark.parametrize(
    ("byline", "reporters"),
    [
        ("本报讯", ()),
        ("本报北京12月31日讯（记者 张三）", ("张三",)),
        ("■ 文/图 李九", ()),
        ("●本报记者 王五", ("王五",)),
    ],
)
def test_a_dateline_or_credit_alone_on_its_line_is_the_byline(
    byline: str, reporters: tuple[str, ...]
) -> None:
    [draft] = split(f"乡村书屋里的读书声\n\n{byline}\n\n周末的乡村书屋里坐满了孩子。\n")
    assert (draft.title, draft.subtitle, draft.byline) == ("乡村书屋里的读书声", "", byline)
    assert draft.reporters == reporters
    assert draft.publication == ""  # 本报 is this paper: a dateline, not a publication


def test_values_and_lines_read_as_page_section_and_url() -> None:
    assert page_and_section("第05版") == ("第05版", "")
    assert page_and_section("第05版：要闻") == ("第05版", "要闻")
    assert page_and_section("A3版") == ("A3版", "")
    assert page_and_section("民主政治") == ("", "民主政治")
    assert page_and_section("2020年度") == ("", "2020年度")  # a year is no page
    assert page_as_written("《人民日报》（2020年08月25日 07 版）") == "07 版"
    assert page_as_written("《人民日报》（2020年08月25日 A3 版）") == "A3 版"
    assert page_as_written("《人民日报》（2020年08月25日）") == ""
    assert (
        link_url("[查看原文](https://tv.example.com/a.shtml)") == "https://tv.example.com/a.shtml"
    )
    assert link_url("原文：HTTPS://Example.org/A.html") == "HTTPS://Example.org/A.html"
    assert link_url("[返回首页](https://example.org/)") == ""  # a link, not the article's

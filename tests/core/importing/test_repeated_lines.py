"""Site chrome learned within one import: lines that recur in several files are set aside."""

from __future__ import annotations

from pathlib import Path

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.importing.repeated_lines import REASON, RepeatedLines, line_key
from hnreader.core.importing.splitter import split_articles
from hnreader.core.project import Project

# A portal page saved as text, in the spirit of county government sites: its chrome (link bar,
# breadcrumb, tool bar, footer) is the same on every page; only the article differs.
PAGE = """\
网站首页  政务公开  政务服务  互动交流  走进石门
您当前所在位置：新闻中心 > 乡镇动态
{title}
信息来源：县乡村振兴局　发布时间：2021-0{month}-18
{body}
分享到：
【打印本页】【关闭窗口】
主办单位：某县人民政府办公室  承办单位：某县信息中心
地址：某县人民路8号  联系电话：0736-0000000
"""

ARTICLES = [
    (
        "我县召开巩固拓展脱贫攻坚成果推进会",
        "6月17日，我县召开巩固拓展脱贫攻坚成果同乡村振兴有效衔接推进会。\n"
        "会议要求，各乡镇要压实责任，守住不发生规模性返贫的底线。",
    ),
    (
        "楠木桥镇特色产业助农增收",
        "今年以来，楠木桥镇发展柑橘、茶叶等特色产业，带动脱贫户户均增收3200元。\n"
        "镇党委书记表示，将继续做好产业后续帮扶。",
    ),
    (
        "县人社局举办脱贫劳动力技能培训班",
        "为期五天的技能培训班日前结业，共有126名脱贫劳动力参加。\n"
        "培训内容包括电工、焊工和家政服务。",
    ),
]

CHROME = {
    "网站首页  政务公开  政务服务  互动交流  走进石门",
    "您当前所在位置：新闻中心 > 乡镇动态",
    "分享到：",
    "【打印本页】【关闭窗口】",
    "主办单位：某县人民政府办公室  承办单位：某县信息中心",
    "地址：某县人民路8号  联系电话：0736-0000000",
}


def _pages(folder: Path) -> None:
    folder.mkdir()
    for number, (title, body) in enumerate(ARTICLES, start=1):
        text = PAGE.format(title=title, body=body, month=number + 4)
        (folder / f"page{number}.txt").write_text(text, encoding="utf-8")


def _repeated(texts: list[str]) -> frozenset[int]:
    counts = RepeatedLines()
    for text in texts:
        counts.add_text(text)
    return counts.repeated()


def test_lines_in_three_files_of_an_import_are_chrome(tmp_path: Path) -> None:
    texts = [PAGE.format(title=t, body=b, month=5) for t, b in ARTICLES]
    repeated = _repeated(texts)
    assert {line_key(line) for line in CHROME} <= repeated
    assert line_key(ARTICLES[0][0]) not in repeated
    assert _repeated(texts[:2]) == frozenset()  # two files are not enough

    (draft,) = split_articles(texts[0], "page1.txt", repeated=repeated)
    assert draft.title == ARTICLES[0][0]
    assert draft.text == ARTICLES[0][1]
    chrome = {r.text for r in draft.removed if r.reason == REASON}
    # The link bar and the footer are chrome by their own patterns too; what only the
    # recurrence tells is set aside for it.
    assert chrome and chrome <= CHROME
    assert {r.text for r in draft.removed} >= CHROME


def test_the_headline_of_a_report_carried_by_several_files_is_not_chrome() -> None:
    title, body = ARTICLES[0]
    shared = f"{title}\n{body}\n"
    texts = [
        f"某日报\n{shared}",
        f"某晚报\n{shared}",
        f"某网\n{shared}",
    ]
    repeated = _repeated(texts)
    assert line_key(title) in repeated  # it recurs …
    (draft,) = split_articles(texts[0], "a.txt", repeated=repeated)
    assert draft.title == title  # … but beside a repeated sentence: shared content
    assert draft.text == body


def test_numbered_items_and_digest_headings_are_never_chrome() -> None:
    texts = [f"国内联播快讯\n一、主要任务\n第{n}篇正文，讲的是不同的事情。\n" for n in "一二三"]
    repeated = _repeated(texts)
    for draft in split_articles(texts[0], "a.txt", repeated=repeated):
        assert REASON not in {r.reason for r in draft.removed}


def test_an_import_of_a_folder_sets_the_shared_chrome_aside(
    tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    _pages(tmp_path / "site")
    project = Project.open(tmp_path / "p.sqlite", segmenter=shared_segmenter)
    report = project.import_paths([tmp_path / "site"], workers=0)
    assert report.added_articles == 3
    for article_id, (title, body) in zip(report.article_ids, ARTICLES, strict=True):
        article = project.article(article_id)
        assert article.title == title
        assert article.text == body
        assert article.date.startswith("2021-")
    project.close()

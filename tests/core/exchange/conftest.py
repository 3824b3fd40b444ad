"""A small coded project for the exchange tests: three articles from a table (one with a
non-BMP character), a tag tree, two coders' annotations with notes, memos, variables."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.project import Project

ROWS = [
    {
        "标题": "𠮷野家在长沙开店",
        "正文": "𠮷野家今天在长沙开了第一家店。\n店长说，𠮷字要这样写。\n顾客排起长队。",
        "日期": "2020-05-22",
        "版面": "要闻",
        "字数": "31",
    },
    {
        "标题": "十八洞村脱贫",
        "正文": "十八洞村是精准扶贫首倡地。\n2019年，全村人均纯收入达到14668元。",
        "日期": "2020-05-23",
        "版面": "经济",
        "字数": "34",
    },
    {
        "标题": "湘江治理",
        "正文": "湘江保护与治理“一号重点工程”持续推进。",
        "日期": "2020-05-24",
        "版面": "要闻",
        "字数": "20",
    },
]


def make_coded_project(path: Path, tmp_path: Path, segmenter: Segmenter) -> Project:
    table = tmp_path / "articles.csv"
    with table.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(ROWS[0]))
        writer.writeheader()
        writer.writerows(ROWS)
    project = Project.open(path, segmenter=segmenter, coder="王芳")
    report = project.import_paths([table])
    assert report.added_articles == 3, report
    ids = project.article_ids()
    first, second, third = (project.article(i) for i in ids)
    assert first.text.startswith("𠮷野家")
    policy = project.add_tag("政策话语", color="#E8A33D", description="政策的说法").result_id
    poverty = project.add_tag(
        "精准扶贫", color="#3366CC", parent_id=policy, description="精准识别、精准帮扶"
    ).result_id
    place = project.add_tag("地名", color="#22AA55").result_id
    assert policy and poverty and place
    start = first.text.index("长沙")
    project.annotate(first.id, start, start + 2, [place], note="城市")
    start = first.text.index("𠮷字")
    project.annotate(first.id, start, start + 2, [place, policy])
    start = second.text.index("精准扶贫")
    project.annotate(second.id, start, start + 4, [poverty], note="首倡地 𠮷")
    project.coder = "李四"
    project.annotate(second.id, 0, 5, [place])
    start = third.text.index("一号重点工程")
    project.annotate(third.id, start - 1, start + 7, [policy, poverty])
    project.add_memo("article", "这篇讲𠮷野家", article_id=first.id)
    project.add_memo("tag", "地名包括村名", tag_id=place)
    project.coder = "王芳"
    project.add_memo("journal", "第一轮编码完成\n下一步：核对")
    project.set_variable([second.id], "受访者", "村支书")
    project.update_article(
        first.id,
        subtitle="开店",
        byline="■记者 贺佳",
        publication="湖南日报",
        url="https://example.org/1",
        page="07 版",
        section="要闻",
    )
    project.update_article(third.id, date="--05-24")  # no year: exported as Text, not Date
    return project


@pytest.fixture
def coded_project(tmp_path: Path, shared_segmenter: Segmenter) -> Iterator[Project]:
    project = make_coded_project(tmp_path / "coded.sqlite", tmp_path, shared_segmenter)
    yield project
    project.close()

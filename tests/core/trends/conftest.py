"""A small dated corpus for trends: hits over months with a gap, a date with the month only,
one with the year only, an undated article, a non-BMP character and a Traditional spelling."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.project import Project
from hnreader.core.store import Store

ROWS = [
    ("一月新闻", "精准扶贫是𠮷祥的事。精准扶贫，精准扶贫。", "2019-01-15", "湖南日报"),
    ("一月又一篇", "扶贫工作有成效。\n第二段：精准扶贫。", "2019-01-20", "新华社"),
    ("三月无关", "今天天气很好。𠮷野家开业了。", "2019-03-02", "湖南日报"),
    ("四月只有月份", "精准扶贫！", "2019-04", "湖南日报"),
    ("只有年份", "精准扶贫与脱贫攻坚。", "2020", "新华社"),
    ("没有日期", "精准扶贫，再说精准扶贫。", "", "新华社"),
    ("繁体", "𠮷他們說精準扶貧很好。", "2020-06-30", "湖南日报"),
    ("年底", "脱贫攻坚精准扶贫精准扶贫精准扶贫。产业扶贫。", "2020-12-01", "新华社"),
]


@pytest.fixture(scope="session")
def trend_project_file(
    tmp_path_factory: pytest.TempPathFactory, shared_segmenter: Segmenter
) -> Path:
    folder = tmp_path_factory.mktemp("trends")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["title", "text", "date", "publication"])
    writer.writerows(ROWS)
    source = folder / "news.csv"
    source.write_text(out.getvalue(), encoding="utf-8")
    path = folder / "trends.sqlite"
    project = Project(Store(path), shared_segmenter, coder="amy")
    assert project.import_paths([source]).added_articles == len(ROWS)
    ids = {project.article(i).title: i for i in project.article_ids()}
    policy = project.add_tag("政策").result_id
    poverty = project.add_tag("扶贫", parent_id=policy).result_id
    assert policy is not None and poverty is not None
    for title, quote, tag, coder in [
        ("一月新闻", "精准扶贫", policy, "amy"),
        ("一月新闻", "𠮷祥", poverty, "amy"),
        ("年底", "产业扶贫", poverty, "bob"),
        ("年底", "脱贫攻坚", policy, "bob"),
        ("没有日期", "精准扶贫", poverty, "amy"),
    ]:
        project.coder = coder
        text = project.article(ids[title]).text
        start = text.index(quote)
        project.annotate(ids[title], start, start + len(quote), [tag])
    project.close()
    return path


@pytest.fixture
def trend_project(
    trend_project_file: Path, tmp_path: Path, shared_segmenter: Segmenter
) -> Iterator[Project]:
    path = tmp_path / "trends.sqlite"
    path.write_bytes(trend_project_file.read_bytes())
    project = Project(Store(path), shared_segmenter, coder="tester")
    yield project
    project.close()

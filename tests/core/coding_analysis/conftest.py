"""A small coded corpus: overlapping passages, a non-BMP character, a tag with a child, an
article without a date, two publications and a document variable."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.project import Project
from hnreader.core.store import Store

CSV = """title,text,date,publication,region
𠮷野家开业,"第一段𠮷野家开业了。群众很高兴！他说：“好。”然后走了。
第二段讲𠮷祥的事情。结束了。",2020-03-05,湖南日报,长沙
扶贫新闻,"精准扶贫成效显著。产业扶贫带动增收。
第二段，产业扶贫又说一次。精准扶贫很重要。",2020-04-10,湖南日报,衡阳
旧闻,"这是旧闻。没有日期的旧事。",,新华社,长沙
年终总结,"年终总结说扶贫。产业兴旺。
另一段。",2019-12-31,新华社,衡阳
"""


def _span(text: str, quote: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.index(quote, start + 1)
    return start, start + len(quote)


@pytest.fixture(scope="session")
def coded_project_file(
    tmp_path_factory: pytest.TempPathFactory, shared_segmenter: Segmenter
) -> Path:
    folder = tmp_path_factory.mktemp("coded")
    source = folder / "news.csv"
    source.write_text(CSV, encoding="utf-8")
    path = folder / "coded.sqlite"
    project = Project(Store(path), shared_segmenter, coder="amy")
    assert project.import_paths([source]).added_articles == 4
    ids = {project.article(i).title: i for i in project.article_ids()}
    policy = project.add_tag("政策").result_id
    poverty = project.add_tag("扶贫", parent_id=policy).result_id
    mood = project.add_tag("情绪").result_id
    place = project.add_tag("地点").result_id
    texts = {title: project.article(i).text for title, i in ids.items()}

    def tag(title: str, quote: str, tags: list[int], occurrence: int = 1, note: str = "") -> None:
        start, end = _span(texts[title], quote, occurrence)
        project.annotate(ids[title], start, end, tags, note=note)

    tag("𠮷野家开业", "𠮷野家开业了", [place])
    tag("𠮷野家开业", "开业了。群众很高兴", [mood], note="=1+1")  # overlaps the one above
    tag("𠮷野家开业", "他说：“好。”", [mood])  # same paragraph, another sentence
    tag("𠮷野家开业", "𠮷祥", [mood, place])  # both tags on one passage
    tag("扶贫新闻", "精准扶贫", [policy])
    tag("扶贫新闻", "扶贫成效", [poverty])  # the child overlaps the parent
    tag("扶贫新闻", "产业扶贫", [poverty], 1)
    tag("扶贫新闻", "产业扶贫", [poverty, mood], 2)
    tag("扶贫新闻", "精准扶贫很重要", [policy, mood])
    project.coder = "bob"
    tag("旧闻", "旧事", [mood])
    tag("年终总结", "扶贫", [poverty])
    tag("年终总结", "产业兴旺", [place])
    project.close()
    return path


@pytest.fixture
def coded_project(
    coded_project_file: Path, tmp_path: Path, shared_segmenter: Segmenter
) -> Iterator[Project]:
    path = tmp_path / "coded.sqlite"
    path.write_bytes(coded_project_file.read_bytes())
    project = Project(Store(path), shared_segmenter, coder="tester")
    yield project
    project.close()

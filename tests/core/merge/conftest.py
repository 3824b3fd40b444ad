"""Two coders' projects diverged from one base: 甲 renamed a tag, 乙 split an article; the
texts hold a non-BMP character (𠮷, two UTF-16 units, one code point)."""

from __future__ import annotations

import shutil
import sqlite3
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.project import Project
from hnreader.core.store import Store

SHOP = (
    "𠮷野家开新店\n\n"
    "𠮷野家今天在长沙开了第一家店。店长说，𠮷野家会继续扩张。\n"
    "第二段：顾客排起长队，有人等了一个小时。有人说味道不错。\n"
    "第三段：专家认为，餐饮业复苏明显。精准扶贫也带动了就业。\n"
    "第四段：记者在现场看到，店里坐满了人。有人说味道不错。\n"
)
VILLAGE = (
    "十八洞村脱贫\n\n"
    "十八洞村是精准扶贫的首倡地。2013年以来，村民人均收入大幅增长。\n"
    "产业扶贫让猕猴桃成为支柱产业。村里还发展了乡村旅游。\n"
)


@dataclass
class Pair:
    base: Path
    a: Path  # 甲's project
    b: Path  # 乙's project


def open_as(path: Path, coder: str, segmenter: Segmenter) -> Project:
    return Project(Store(path), segmenter, coder=coder)


def span(project: Project, article_id: int, quote: str, occurrence: int = 1) -> tuple[int, int]:
    return project.quote_span(article_id, quote, occurrence)


def tag(project: Project, path: str) -> int:
    return next(t.id for t in project.tags() if t.path == path)


def annotate(project: Project, article: int, quote: str, *paths: str, occurrence: int = 1) -> None:
    start, end = span(project, article, quote, occurrence)
    project.annotate(article, start, end, [tag(project, p) for p in paths])


def make_base(folder: Path, segmenter: Segmenter) -> Path:
    (folder / "shop.txt").write_text(SHOP, "utf-8")
    (folder / "village.txt").write_text(VILLAGE, "utf-8")
    path = folder / "base.sqlite"
    project = open_as(path, "甲", segmenter)
    project.import_paths([folder / "shop.txt", folder / "village.txt"])
    policy = project.add_tag("政策", color="#3366CC").result_id
    project.add_tag("产业", parent_id=policy, description="种植、养殖")
    project.add_tag("成效", color="#E8A33D")
    annotate(project, 2, "十八洞村", "政策")  # both coders start with these two
    annotate(project, 2, "猕猴桃", "政策/产业")
    project.close()
    return path


def diverge(folder: Path, segmenter: Segmenter, *, crossing: bool = False) -> Pair:
    """甲 renames 产业 → 产业扶贫 and codes; 乙 splits the shop article before 第三段 and
    codes. With `crossing`, 甲 also codes a passage across 乙's split point."""
    base = make_base(folder, segmenter)
    a, b = folder / "a.sqlite", folder / "b.sqlite"
    shutil.copyfile(base, a)
    shutil.copyfile(base, b)
    with open_as(a, "甲", segmenter) as pa:
        pa.update_tag(tag(pa, "政策/产业"), name="产业扶贫")
        annotate(pa, 1, "𠮷野家会继续扩张", "成效")
        annotate(pa, 1, "有人说味道不错", "成效", occurrence=2)  # in 第四段
        annotate(pa, 1, "餐饮业复苏明显", "政策")
        annotate(pa, 2, "产业扶贫让猕猴桃", "政策/产业扶贫")
        pa.add_memo("article", "店名里的𠮷不是吉", article_id=1)
        pa.add_memo("journal", "第一轮完成")
        if crossing:
            annotate(pa, 1, "有人说味道不错。\n第三段", "政策")
    with open_as(b, "乙", segmenter) as pb:
        text = pb.article(1).text
        pb.split_article(1, text.index("第三段"))
        annotate(pb, 1, "顾客排起长队", "政策")
        annotate(pb, 1, "𠮷野家今天", "成效")
        tail = pb.store.next_article_id(1)
        assert tail is not None
        annotate(pb, tail, "店里坐满了人", "成效")
        annotate(pb, 2, "精准扶贫的首倡地", "政策/产业")
        pb.add_memo("tag", "产业类要看主体", tag_id=tag(pb, "政策/产业"))
    return Pair(base, a, b)


@pytest.fixture
def pair(tmp_path: Path, shared_segmenter: Segmenter) -> Pair:
    return diverge(tmp_path, shared_segmenter)


def located(project: Project, rename: dict[str, str] | None = None) -> Counter[tuple]:
    """Every annotation as (coder, tag paths, quote, how many times the quote starts before
    it in its source file's articles joined): the same passage whatever the boundaries."""
    rename = rename or {}
    paths = {t.id: rename.get(t.path, t.path) for t in project.tags()}
    articles = [project.article(s.id) for s in project.article_summaries()]
    joined: dict[int, str] = {}
    offset: dict[int, int] = {}
    for article in sorted(articles, key=lambda a: (a.source_id, a.ordinal)):
        text = joined.get(article.source_id, "")
        offset[article.id] = len(text)
        joined[article.source_id] = text + article.text + "\n"
    source = {a.id: a.source_id for a in articles}
    found: Counter[tuple] = Counter()
    for a in project.annotations():
        text, at = joined[source[a.article_id]], offset[a.article_id] + a.start
        assert text[at : at + len(a.quote)] == a.quote
        before = sum(1 for i in range(at) if text.startswith(a.quote, i))
        found[(a.coder, tuple(sorted(paths[t] for t in a.tag_ids)), a.quote, before)] += 1
    return found


OLDER_FORMAT = 14  # the last format before 17 (15 and 16 were never used)
_CODING_TABLES = ("source_files", "articles", "tags", "annotations", "annotation_tags", "memos")


def older_format(source: Path, out: Path, version: int = OLDER_FORMAT) -> Path:
    """A project file of an older format holding `source`'s articles, codebook, coding and
    memos: the tables made by that format's own migrations, the rows copied across."""
    from hnreader.core.store.schema import MIGRATIONS

    conn = sqlite3.connect(out)
    for target, _name, migrate in MIGRATIONS:
        if target <= version:
            migrate(conn)
    conn.execute("ATTACH DATABASE ? AS src", (str(source),))
    for table in _CODING_TABLES:
        ours = [r[1] for r in conn.execute(f"PRAGMA main.table_info({table})")]
        theirs = {r[1] for r in conn.execute(f"PRAGMA src.table_info({table})")}
        columns = ", ".join(f'"{c}"' for c in ours if c in theirs)
        conn.execute(f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM src.{table}")
    conn.commit()
    conn.execute("DETACH DATABASE src")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    return out

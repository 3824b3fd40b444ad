"""Corrections after import: exclude/include, line corrections, re-import, orphans — each
undoable, each keeping annotations (issue 13, item 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.export.rows import ExportFilter, annotation_rows
from hnreader.core.models import StoreError
from hnreader.core.project import Project, import_options
from hnreader.core.store import SCHEMA_VERSION, Store

TRANSCRIPT = """## 习近平主持召开中央全面深化改革委员会会议

新华社北京4月19日电 中央全面深化改革委员会今天召开会议，研究部署有关工作。
会议强调，要坚持稳中求进工作总基调。

## 湖南十八洞村人均纯收入突破两万元

本报长沙讯 十八洞村2023年人均纯收入达到23505元，比2013年增长了数十倍。
村里发展猕猴桃、苗绣和乡村旅游等产业。
点击进入专题 >>

## 𠮷野家门店在长沙开业

𠮷野家在长沙开设首家门店，市民排队品尝。
"""


@pytest.fixture
def project(tmp_path: Path, shared_segmenter: Segmenter) -> Project:
    opened = Project(Store(tmp_path / "p.sqlite"), shared_segmenter, coder="tester")
    yield opened
    opened.close()


@pytest.fixture
def transcript(tmp_path: Path) -> Path:
    path = tmp_path / "transcript.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    return path


def _imported(project: Project, path: Path, split: str = "auto") -> list[int]:
    report = project.import_paths([path], options=import_options(split))
    assert report.added_articles, report
    return list(report.article_ids)


def _tag(project: Project, article_id: int, quote: str) -> int:
    tag = project.store.tags()[0].id if project.store.tags() else project.add_tag("主题").result_id
    assert tag is not None
    text = project.article(article_id).text
    start = text.index(quote)
    change = project.annotate(article_id, start, start + len(quote), [tag], note="要点")
    assert change.result_id is not None
    return change.result_id


def _quotes(project: Project) -> dict[int, tuple[int, str]]:
    return {a.id: (a.article_id, a.quote) for a in project.store.annotations()}


def test_the_file_format_has_orphans_since_14(project: Project) -> None:
    assert SCHEMA_VERSION >= 14
    assert project.orphans() == []


def test_exclude_hides_from_search_counts_and_export_and_undo_brings_it_back(
    project: Project, transcript: Path
) -> None:
    ids = _imported(project, transcript)
    target = next(i for i in ids if "十八洞村" in project.article(i).text)
    annotation = _tag(project, target, "23505元")
    assert any(a.article_id == target for a in project.search("十八洞村").articles)
    before = project.article_count()
    project.exclude_articles([target])
    assert project.article_count() == before - 1
    assert not any(a.article_id == target for a in project.search("十八洞村").articles)
    assert annotation_rows(project.store, ExportFilter()) == []
    assert project.store.annotations(ids=[annotation])  # kept
    project.undo()
    assert any(a.article_id == target for a in project.search("十八洞村").articles)
    assert len(annotation_rows(project.store, ExportFilter())) == 1
    project.redo()
    project.include_articles([target])
    assert project.article_count() == before


def test_setting_a_line_aside_moves_the_annotations_after_it(
    project: Project, transcript: Path
) -> None:
    ids = _imported(project, transcript)
    target = next(i for i in ids if "十八洞村" in project.article(i).text)
    annotation = _tag(project, target, "猕猴桃、苗绣")
    lines = project.article(target).text.split("\n")
    first = lines[0]
    correction = project.set_aside_line(target, 1)
    article = project.article(target)
    assert first not in article.text
    assert any(r.text == first.strip() for r in article.removed)
    assert correction.counts.moved == 1 and correction.counts.orphaned == 0
    placed = project.store.annotations(ids=[annotation])[0]
    assert article.text[placed.start : placed.end] == "猕猴桃、苗绣"
    project.undo()
    assert project.article(target).text.split("\n")[0] == first
    placed = project.store.annotations(ids=[annotation])[0]
    assert project.article(target).text[placed.start : placed.end] == "猕猴桃、苗绣"


def test_an_annotation_on_a_line_set_aside_becomes_an_orphan_and_can_be_attached(
    project: Project, transcript: Path
) -> None:
    ids = _imported(project, transcript)
    target = next(i for i in ids if "十八洞村" in project.article(i).text)
    annotation = _tag(project, target, "23505元")
    correction = project.set_aside_line(target, 1)
    assert correction.counts.orphaned == 1
    assert project.store.annotations(ids=[annotation]) == []
    (orphan,) = project.orphans()
    assert (orphan.quote, orphan.note, orphan.coder) == ("23505元", "要点", "tester")
    assert orphan.annotation_id == annotation and orphan.tag_ids
    # Restore the line (set-aside line numbers as listed), then attach the orphan there.
    number = next(n for n, r in enumerate(project.article(target).removed, 1) if "23505" in r.text)
    project.restore_line(target, number)
    text = project.article(target).text
    assert text.startswith("本报长沙讯")
    start = text.index("23505元")
    project.attach_orphan(orphan.id, target, start, start + len("23505元"))
    assert project.orphans() == []
    (attached,) = project.store.annotations(ids=[annotation])
    assert attached.quote == "23505元" and attached.note == "要点"
    assert attached.tag_ids == orphan.tag_ids
    project.undo()  # the attachment
    assert [o.id for o in project.orphans()] == [orphan.id]
    project.undo()  # the restore
    project.undo()  # the set-aside
    assert _quotes(project)[annotation] == (target, "23505元")
    assert project.orphans() == []


def test_delete_orphan_is_undoable(project: Project, transcript: Path) -> None:
    ids = _imported(project, transcript)
    target = next(i for i in ids if "十八洞村" in project.article(i).text)
    _tag(project, target, "23505元")
    project.set_aside_line(target, 1)
    (orphan,) = project.orphans()
    project.delete_orphan(orphan.id)
    assert project.orphans() == []
    project.undo()
    assert [o.quote for o in project.orphans()] == ["23505元"]


def test_a_line_becomes_the_title(project: Project, transcript: Path) -> None:
    ids = _imported(project, transcript)
    target = next(i for i in ids if "十八洞村" in project.article(i).text)
    old_title = project.article(target).title
    annotation = _tag(project, target, "乡村旅游")
    line = project.article(target).text.split("\n").index("村里发展猕猴桃、苗绣和乡村旅游等产业。")
    correction = project.title_from_line(target, line + 1)
    article = project.article(target)
    assert article.title == "村里发展猕猴桃、苗绣和乡村旅游等产业。"
    assert old_title in article.subtitle
    assert correction.counts.orphaned == 1  # its text left the body for the title
    project.undo()
    assert project.article(target).title == old_title
    assert _quotes(project)[annotation] == (target, "乡村旅游")


def test_bad_line_numbers_are_refused_with_the_count(project: Project, transcript: Path) -> None:
    ids = _imported(project, transcript)
    with pytest.raises(StoreError, match="line 99 is not one of them"):
        project.set_aside_line(ids[0], 99)
    with pytest.raises(StoreError, match="no set-aside line 7"):
        project.restore_line(ids[0], 7)


def test_reimport_as_one_file_keeps_every_annotation_and_undoes(
    project: Project, transcript: Path
) -> None:
    ids = _imported(project, transcript)
    assert len(ids) == 3
    quotes = {
        _tag(project, i, q): q
        for i, q in zip(ids, ("稳中求进", "23505元", "𠮷野家在长沙"), strict=True)
    }
    memo = project.add_memo("article", "第三篇的备忘", article_id=ids[2]).result_id
    source = project.find_source("transcript.txt")
    correction = project.reimport(source, import_options("file"))
    after = project.store.source_article_ids(source)
    assert after == [ids[0]]  # the first id kept, the others gone
    text = project.article(ids[0]).text
    assert correction.counts.orphaned == 0
    assert correction.counts.moved + correction.counts.stayed == 3
    for annotation in project.store.annotations():
        assert text[annotation.start : annotation.end] == quotes[annotation.id]
    assert any(m.id == memo and m.article_id == ids[0] for m in project.store.memos())
    project.undo()
    assert project.store.source_article_ids(source) == ids
    assert {a: q for a, (_, q) in _quotes(project).items()} == quotes
    assert any(m.id == memo and m.article_id == ids[2] for m in project.store.memos())
    project.redo()
    assert project.store.source_article_ids(source) == [ids[0]]


def test_reimport_by_pattern_splits_at_matching_lines(project: Project, transcript: Path) -> None:
    ids = _imported(project, transcript, "file")
    assert len(ids) == 1
    source = project.find_source(str(transcript.resolve()))
    project.reimport(source, import_options("pattern:^## "))
    titles = [project.article(i).title for i in project.store.source_article_ids(source)]
    assert titles == [
        "习近平主持召开中央全面深化改革委员会会议",
        "湖南十八洞村人均纯收入突破两万元",
        "𠮷野家门店在长沙开业",
    ]


def test_reimport_of_an_unknown_file_names_it(project: Project) -> None:
    with pytest.raises(StoreError, match=r"no imported file is named “nothing\.txt”"):
        project.find_source("nothing.txt")

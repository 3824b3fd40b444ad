"""Import options (split mode, year, publication, variables, encoding) and the dry-run
preview (issue 13, item 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.importing.options import InvalidOption, import_options
from hnreader.core.importing.preview import preview_import
from hnreader.core.importing.split_modes import InvalidSplit, parse_split, split_document
from hnreader.core.project import Project
from hnreader.core.store import Store

NUMBERED = """关于做好今年春耕工作的通知
一、总体要求
各地要抓好春耕备耕，确保粮食面积稳定。
二、重点任务
加强农资供应，做好5月24日前的播种准备。
三、保障措施
压实责任，加强督促检查。
"""


def test_the_modes_parse_and_a_bad_regex_is_named() -> None:
    assert parse_split("auto").kind == "auto"
    assert parse_split("pattern:^第.+期").spec == "pattern:^第.+期"
    with pytest.raises(InvalidSplit, match="not a valid regular expression"):
        parse_split("pattern:([")
    with pytest.raises(InvalidSplit, match="unknown split mode “chapters”"):
        parse_split("chapters")
    with pytest.raises(InvalidSplit, match="is empty"):
        parse_split("pattern:")


def test_bad_options_say_what_is_wrong() -> None:
    with pytest.raises(InvalidOption, match="not NAME=VALUE"):
        import_options(variables=["region"])
    with pytest.raises(InvalidOption, match="unknown encoding “klingon”"):
        import_options(encoding="klingon")
    with pytest.raises(InvalidOption, match="not a year"):
        import_options(year=20)
    assert import_options(encoding="GBK").encoding == "gb18030"


def test_headings_mode_opens_an_article_at_each_numbered_heading() -> None:
    drafts = split_document(NUMBERED, "notice.txt", parse_split("headings"))
    assert [d.title for d in drafts] == [
        "关于做好今年春耕工作的通知",
        "一、总体要求",
        "二、重点任务",
        "三、保障措施",
    ]
    every_line = [line for line in NUMBERED.split("\n") if line]
    body = [p for d in drafts for p in d.text.split("\n") if p]
    # Nothing lost, nothing twice: the lines before the first heading are an article of
    # their own, titled by its first line (which stays its text, as the splitter does).
    assert sorted(body + [d.title for d in drafts[1:]]) == sorted(every_line)


def test_file_mode_keeps_the_file_whole_and_the_default_year_dates_it() -> None:
    (draft,) = split_document(NUMBERED, "notice.txt", parse_split("file"), year=2021)
    assert draft.title == "关于做好今年春耕工作的通知"
    assert "三、保障措施" in draft.text


def test_preview_writes_nothing_and_follows_the_options(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notice.txt").write_text(NUMBERED, encoding="gb18030")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    auto = preview_import([folder])
    by_name = {f.name: f for f in auto.files}
    assert auto.total_files == 2
    assert by_name["broken.docx"].problem and not by_name["broken.docx"].articles
    headings = preview_import(
        [folder],
        import_options("headings", year=2021, publication="湖南日报", variables=["region=衡阳"]),
    )
    articles = {f.name: f for f in headings.files}["notice.txt"].articles
    assert len(articles) == 4
    assert {a.publication for a in articles} == {"湖南日报"}
    assert all(("region", "衡阳") in a.variables for a in articles)
    assert [a.date for a in articles if a.date] == ["2021-05-24"]
    assert list(tmp_path.glob("*.sqlite")) == []


def test_the_encoding_override_decodes_as_told(tmp_path: Path) -> None:
    path = tmp_path / "big5.txt"
    path.write_bytes("臺灣新聞報導今日天氣晴朗。".encode("big5"))
    forced = preview_import([path], import_options("file", encoding="gb18030"))
    right = preview_import([path], import_options("file", encoding="big5"))
    assert "臺灣" in right.files[0].articles[0].title
    assert "臺灣" not in (forced.files[0].articles[0].title if forced.files[0].articles else "")
    wrong = preview_import([path], import_options("file", encoding="utf-8"))
    assert "is not utf-8" in wrong.files[0].problem


def test_the_import_stores_what_the_preview_showed(
    tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(NUMBERED, encoding="utf-8")
    options = import_options("headings", publication="湖南日报", variables=["region=衡阳"])
    shown = preview_import([path], options).files[0].articles
    with Project(Store(tmp_path / "p.sqlite"), shared_segmenter) as project:
        report = project.import_paths([path], options=options)
        stored = [project.article(i) for i in report.article_ids]
        assert [a.title for a in stored] == [a.title for a in shown]
        assert [len(a.text) for a in stored] == [a.chars for a in shown]
        assert all(a.publication == "湖南日报" for a in stored)
        assert all(("region", "衡阳") in a.variables for a in stored)

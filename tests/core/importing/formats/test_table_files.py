"""Tables and record files: one article per row, mapped columns, the rest as variables;
bad rows reported by number, bad files refused clearly."""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path

import openpyxl
import pytest

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.importing.formats.columns import parse_mapping, resolve_columns
from hnreader.core.importing.formats.records import cell_date
from hnreader.core.models import ErrorCode, InvalidMapping
from hnreader.core.project import Project

HEADER = ["标题", "正文", "发布时间", "来源", "地区", "点击量"]
ROWS = [
    ["衡阳产业扶贫结硕果", "本报讯 今年以来，衡阳市贫困发生率降至0.38%。\n全市747万人受益。",
     "2020-12-01 08:00", "湖南日报", "衡阳", "120"],
    ["空的一行", "", "2020-12-02", "湖南日报", "长沙", "3"],
    ["株洲黄桃产业兴旺", "炎陵县黄桃种植面积达到8.2万亩，年产值超过10亿元。", "2021/1/5",
     "株洲日报", "株洲", "45"],
]  # fmt: skip


@pytest.fixture
def project(tmp_path: Path, shared_segmenter: Segmenter) -> Project:
    return Project.open(tmp_path / "p.sqlite", segmenter=shared_segmenter)


def write_csv(path: Path, encoding: str, rows: list[list[str]] = ROWS, **kw: object) -> Path:
    with open(path, "w", encoding=encoding, newline="") as stream:
        writer = csv.writer(stream, **kw)  # type: ignore[arg-type]
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def articles(project: Project) -> list:  # type: ignore[type-arg]
    return [project.article(s.id) for s in project.article_summaries()]


def line_span(project: Project, article_id: int) -> tuple[int, int]:
    row = project.store._rows(
        "SELECT first_line, last_line FROM articles WHERE id = ?", (article_id,)
    )
    return row[0][0], row[0][1]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk", "utf-8"])
def test_csv_rows_become_articles(project: Project, tmp_path: Path, encoding: str) -> None:
    path = write_csv(tmp_path / "新闻.csv", encoding)
    report = project.import_paths([path])
    assert report.added_articles == 2, report.skipped
    first, second = articles(project)
    assert (first.title, first.date, first.publication) == (
        "衡阳产业扶贫结硕果",
        "2020-12-01",
        "湖南日报",
    )
    assert first.text.startswith("今年以来") and "全市747万人受益。" in first.text
    assert first.byline == "本报讯"
    assert dict(first.variables) == {"地区": "衡阳", "点击量": "120"}
    assert (second.date, second.date_text) == ("2021-01-05", "2021/1/5")
    [note] = report.notes
    assert note.code == ErrorCode.ROWS_WITHOUT_TEXT and note.details["rows"] == [3]
    kinds = {v.name: v.kind for v in project.variables()}
    assert kinds == {"地区": "text", "点击量": "number"}


def test_semicolon_and_tab_separated_tables(project: Project, tmp_path: Path) -> None:
    write_csv(tmp_path / "a.csv", "utf-8", delimiter=";")
    write_csv(tmp_path / "b.tsv", "utf-8", ROWS[2:], delimiter="\t")
    report = project.import_paths([tmp_path / "a.csv", tmp_path / "b.tsv"])
    assert report.added_articles == 3, report.skipped


def test_xlsx_sheets(project: Project, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "2020年"
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append([int(c) if c.isdigit() else c for c in row])
    notes = workbook.create_sheet("说明")
    notes.append(["说明"])
    notes.append(["数据来自公开报道"])
    workbook.save(tmp_path / "报道.xlsx")
    report = project.import_paths([tmp_path / "报道.xlsx"])
    assert report.added_articles == 2, report.skipped
    first = articles(project)[0]
    assert dict(first.variables) == {"地区": "衡阳", "点击量": "120", "sheet": "2020年"}
    assert {n.code for n in report.notes} == {ErrorCode.ROWS_WITHOUT_TEXT, ErrorCode.NO_TEXT_COLUMN}
    stored = project.store.source_text(first.source_id)
    assert stored.startswith("\x0c2020年\n标题\t正文\t")


def test_json_lines_and_json_lists(project: Project, tmp_path: Path) -> None:
    keys = ["title", "content", "date", "source", "region", "clicks"]
    records = [dict(zip(keys, row, strict=True)) for row in ROWS]
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    (tmp_path / "a.jsonl").write_text(
        "\n".join([*lines[:2], "{not json", lines[2]]) + "\n", "utf-8"
    )
    (tmp_path / "b.json").write_text(
        json.dumps(
            {"data": [{**r, "region": r["region"] + "市"} for r in records]}, ensure_ascii=False
        ),
        "utf-8",
    )
    report = project.import_paths([tmp_path / "a.jsonl", tmp_path / "b.json"])
    assert report.added_articles == 4, report.skipped
    notes = {(n.path.rsplit("/", 1)[-1], n.code): n.details["rows"] for n in report.notes}
    assert notes[("a.jsonl", ErrorCode.ROWS_MALFORMED)] == [3]
    assert notes[("a.jsonl", ErrorCode.ROWS_WITHOUT_TEXT)] == [2]
    assert line_span(project, articles(project)[0].id) == (1, 1)


def test_sogou_style_xml_records(project: Project, tmp_path: Path) -> None:
    records = "".join(
        f"<doc>\n<url>http://news.sohu.com/2012/{n}.shtml</url>\n<docno>{n:04d}</docno>\n"
        f"<contenttitle>{row[0]}</contenttitle>\n<content>{row[1].replace(chr(10), '&nbsp;')}"
        f"</content>\n</doc>\n"
        for n, row in enumerate(ROWS)
    )
    (tmp_path / "news_sohusite.xml").write_bytes(records.encode("gb18030"))
    report = project.import_paths([tmp_path / "news_sohusite.xml"])
    assert report.added_articles == 2, report.skipped
    first = articles(project)[0]
    assert first.title == "衡阳产业扶贫结硕果"
    assert first.url == "http://news.sohu.com/2012/0.shtml"
    assert line_span(project, first.id) == (1, 6)


def test_xml_entities_are_refused(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "lol.xml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        "<r><doc><content>&b;&b;&b;</content></doc></r>",
        "utf-8",
    )
    report = project.import_paths([path])
    assert report.added_articles == 0
    assert report.problems[0].code == ErrorCode.XML_ENTITIES


def test_no_text_column_names_the_columns_and_the_flag(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "统计.csv"
    path.write_text("县,户数,年份\n祁东,21000,2020\n", "utf-8")
    report = project.import_paths([path])
    [problem] = report.problems
    assert problem.code == ErrorCode.NO_TEXT_COLUMN
    assert problem.details["columns"] == ["县", "户数", "年份"]
    assert "--map text=" in problem.message and "'县', '户数', '年份'" in problem.message


def test_the_map_flag_overrides_the_names(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("篇名,全文稿,日期,备注\n一个标题,这是一段正文。,2021-02-25,甲\n", "utf-8")
    report = project.import_paths([path], columns=parse_mapping("text=全文稿,title = 篇名"))
    assert report.added_articles == 1, report.skipped
    article = articles(project)[0]
    assert (article.title, article.date, dict(article.variables)) == (
        "一个标题",
        "2021-02-25",
        {"备注": "甲"},
    )
    other = tmp_path / "y.csv"
    other.write_text("篇名,全文稿\n另一个标题,另一段正文。\n", "utf-8")
    missing = project.import_paths([other], columns={"text": "正文"})
    assert missing.problems[0].code == ErrorCode.UNKNOWN_COLUMN
    assert "'篇名', '全文稿'" in missing.problems[0].message


def test_mapping_parsing_and_recognised_names() -> None:
    assert parse_mapping("title=标题,text=正文,date=发布时间,source=来源") == {
        "title": "标题",
        "text": "正文",
        "date": "发布时间",
        "publication": "来源",
    }
    with pytest.raises(InvalidMapping):
        parse_mapping("headline")
    columns = resolve_columns(["ID", "Publish Time", "Content", "Head Line", "媒体", "作者"], "x")
    assert columns.roles == {
        "title": "Head Line",
        "text": "Content",
        "date": "Publish Time",
        "publication": "媒体",
        "author": "作者",
    }
    assert columns.variables == ("ID",)


@pytest.mark.parametrize(
    ("cell", "iso"),
    [
        ("2020-12-01 08:00:00", "2020-12-01"),
        ("2021/1/5", "2021-01-05"),
        ("2021年2月25日", "2021-02-25"),
        ("20210225", "2021-02-25"),
        ("Thu, 25 Feb 2021 07:00:00 +0800", "2021-02-25"),
        ("2021-02", "2021-02"),
        ("2021", "2021"),
        ("昨天", ""),
    ],
)
def test_date_cells(cell: str, iso: str) -> None:
    assert cell_date(cell) == iso


def test_a_file_that_is_not_a_table_is_refused(project: Project, tmp_path: Path) -> None:
    (tmp_path / "fake.csv").write_bytes(b"%PDF-1.7\n" + b"\x00\x01\x02" * 100)
    (tmp_path / "fake.xlsx").write_text("标题,正文\n", "utf-8")
    report = project.import_paths([tmp_path / "fake.csv", tmp_path / "fake.xlsx"])
    assert [p.code for p in report.problems] == [ErrorCode.WRONG_CONTENT, ErrorCode.WRONG_CONTENT]


def test_a_million_character_line_and_nuls_are_handled_quickly(
    project: Project, tmp_path: Path
) -> None:
    long_text = "脱贫攻坚" * 250_000  # one cell of 10^6 characters, no line break
    path = tmp_path / "long.csv"
    path.write_bytes(('标题,正文\n长文,"' + long_text + '"\n短文,有\x00空字节的正文。\n').encode())
    started = time.perf_counter()
    report = project.import_paths([path])
    assert time.perf_counter() - started < 60
    assert report.added_articles == 2, report.skipped
    assert "\x00" not in articles(project)[1].text
    early = tmp_path / "nul-early.csv"
    early.write_bytes(
        "标题,正文\n短文,有\x00空字节的一段正文。\n".encode() + "第二行,正文。\n".encode() * 200
    )
    assert project.import_paths([early]).added_articles == 201
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"a,b\n" + bytes(range(256)) * 50)
    assert project.import_paths([binary]).problems[0].code == ErrorCode.BINARY_FILE


def test_export_writes_variables_as_var_columns(project: Project, tmp_path: Path) -> None:
    write_csv(tmp_path / "a.csv", "utf-8")
    project.import_paths([tmp_path / "a.csv"])
    tag_id = project.add_tag("产业").result_id
    assert tag_id is not None
    article = articles(project)[0]
    project.annotate(article.id, 0, 4, [tag_id])
    out = tmp_path / "out.csv"
    project.export_annotations(out)
    rows = list(csv.reader(out.read_text("utf-8-sig").splitlines()))
    assert rows[0][-2:] == ["var_地区", "var_点击量"]
    assert rows[1][-2:] == ["衡阳", "120"]


def test_a_txt_file_holding_json_records_is_read_as_records(
    tmp_path: Path, project: Project
) -> None:
    from hnreader.core.importing.formats.dispatch import is_table, records_in_text

    lines = tmp_path / "feed.txt"
    lines.write_text(
        '{"title": "我省启动春耕", "content": "3月2日，全省春耕会议召开。", "date": "2021-03-02"}\n'
        '{"title": "地铁开通", "content": "6号线东延段今日开通运营。", "date": "2021-03-03"}\n',
        encoding="utf-8",
    )
    listed = tmp_path / "dump.txt"  # a dump cut off after its second record
    listed.write_text(
        '{\n  "date": "2021-03-02",\n  "articles": [\n'
        '    {"title": "甲", "content": ["第一段。", "第二段。"]},\n'
        '    {"title": "乙", "content": ["正文。"]},\n    {"title": "丙", "cont',
        encoding="utf-8",
    )
    plain = tmp_path / "news.txt"
    plain.write_text("{本报讯} 这是一篇普通的新闻。\n", encoding="utf-8")
    assert (records_in_text(lines), records_in_text(listed), records_in_text(plain)) == (
        "jsonl",
        "json",
        "",
    )
    assert is_table(lines) and not is_table(plain)
    report = project.import_paths([lines, listed], workers=0)
    titles = [project.article(i).title for i in report.article_ids]
    assert titles == ["我省启动春耕", "地铁开通", "甲", "乙"]
    assert project.article(report.article_ids[2]).text == "第一段。\n第二段。"
    assert any("record 3" in note.message for note in report.notes)  # the cut is reported


def test_a_damaged_record_of_a_json_list_is_read_field_by_field_or_left_out_and_noted(
    tmp_path: Path, project: Project
) -> None:
    damaged = tmp_path / "dump.json"
    damaged.write_text(
        '[{"title": "甲", "content": "第一篇正文。"},\n'
        ' {"title": "他说"好"", "content": "第二篇正文，"引号"未转义。"},\n'  # unescaped quotes
        ' {"title": "乙" "content": "第三篇正文。"},\n'  # a comma missing: unreadable
        ' {"title": "丙", "content": "第四篇正文。"}]',
        encoding="utf-8",
    )
    report = project.import_paths([damaged], workers=0)
    articles = [project.article(i) for i in report.article_ids]
    assert [a.title for a in articles] == ["甲", '他说"好"', "丙"]
    assert articles[1].text == '第二篇正文，"引号"未转义。'
    notes = {note.code: note.details["rows"] for note in report.notes}
    assert notes == {ErrorCode.ROWS_REPAIRED: [2], ErrorCode.ROWS_MALFORMED: [3]}


def test_a_json_list_unclosed_after_its_last_record_misses_nothing(
    tmp_path: Path, project: Project
) -> None:
    dump = tmp_path / "dump.json"  # a crawler stopped before writing the closing bracket
    dump.write_text(
        '[\n  {\n    "title": "失言效應？ 徐重仁辭全聯總裁\t"\t",\n'
        '    "content": "第一篇。"\n  },\n'
        '  {\n    "title": "乙",\n    "content": "第二篇。"\n  },\n',
        encoding="utf-8",
    )
    report = project.import_paths([dump], workers=0)
    titles = [project.article(i).title for i in report.article_ids]
    assert titles == ["失言效應？ 徐重仁辭全聯總裁", "乙"]  # the crawler's stray quote is off
    assert [note.code for note in report.notes] == [ErrorCode.ROWS_REPAIRED]


def test_a_damaged_json_line_is_read_field_by_field() -> None:
    from hnreader.core.importing.formats.record_files import lenient_object

    assert lenient_object('{"title": "他说"好"", "n": 3, "tags": ["a"]}') == {
        "title": '他说"好"',
        "n": 3,
        "tags": ["a"],
    }
    assert lenient_object('{"title": "a\\"b"}') is None  # one field: not enough to trust
    assert lenient_object('"title": "x", "content": "y"') is None  # no object
    assert lenient_object('{"title": "x", "content": y z}') is None  # a value that is nothing

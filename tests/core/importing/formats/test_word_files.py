"""Word files: headings decide the articles, tables become tab-separated lines, the core
properties fill in what the text lacks; old, damaged and hostile files are refused."""

from __future__ import annotations

import datetime
import time
import zipfile
from pathlib import Path

import docx
import pytest

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.importing.formats.dispatch import file_format
from hnreader.core.importing.formats.docx import read_docx
from hnreader.core.models import ErrorCode, ImportFileError
from hnreader.core.project import Project

FIRST = "今年以来，祁东县把黄花菜产业作为脱贫攻坚的主导产业，带动2.1万户贫困户增收。"
SECOND = "株洲市炎陵县发展黄桃产业，全县黄桃种植面积达到8.2万亩，年产值超过10亿元。"


def word_file(path: Path, *, headings: bool = True, title: str = "", table: bool = True) -> Path:
    document = docx.Document()
    if headings:
        document.add_heading("祁东黄花菜铺就致富路", level=1)
    document.add_paragraph(FIRST)
    if table:
        grid = document.add_table(rows=2, cols=3)
        for row, cells in zip(
            grid.rows, [("县", "户数", "增收"), ("祁东", "2.1万", "3000元")], strict=True
        ):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
    if headings:
        document.add_heading("炎陵黄桃产业兴旺", level=1)
    document.add_paragraph(SECOND)
    document.core_properties.title = title
    document.core_properties.created = datetime.datetime(2020, 9, 16, 8, 0)
    document.save(str(path))
    return path


def test_headings_open_articles_and_tables_are_tab_separated(tmp_path: Path) -> None:
    source = read_docx(word_file(tmp_path / "产业.docx"))
    lines = source.text.split("\n")
    assert "# 祁东黄花菜铺就致富路" in lines
    assert "县\t户数\t增收" in lines and "祁东\t2.1万\t3000元" in lines
    assert source.meta.date == "2020-09-16"


def test_a_word_file_imports_as_its_articles(tmp_path: Path, shared_segmenter: Segmenter) -> None:
    path = word_file(tmp_path / "产业.docx")
    project = Project.open(tmp_path / "p.sqlite", segmenter=shared_segmenter)
    report = project.import_paths([path])
    assert report.added_articles == 2, report.skipped
    first, second = (project.article(i) for i in report.article_ids)
    assert (first.title, second.title) == ("祁东黄花菜铺就致富路", "炎陵黄桃产业兴旺")
    assert FIRST in first.text and "祁东\t2.1万\t3000元" in first.text
    assert first.date == "2020-09-16"  # the text has no date: the file's creation date
    assert project.store.source_text(first.source_id).startswith("# 祁东黄花菜铺就致富路")


def test_core_properties_title_when_the_text_has_no_heading(
    tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    path = word_file(tmp_path / "a.docx", headings=False, title="湖南产业扶贫两例", table=False)
    project = Project.open(tmp_path / "p.sqlite", segmenter=shared_segmenter)
    report = project.import_paths([path])
    assert report.added_articles == 1, report.skipped
    article = project.article(report.article_ids[0])
    assert article.title == "湖南产业扶贫两例"
    assert FIRST in article.text and SECOND in article.text


def test_an_old_word_file_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "旧.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(ImportFileError, match=r"old Word format.*save it as \.docx") as raised:
        file_format(path, path.read_bytes()[:16])
    assert raised.value.code == ErrorCode.OLD_OFFICE_FORMAT


def test_a_damaged_zip_is_refused(tmp_path: Path) -> None:
    good = word_file(tmp_path / "good.docx").read_bytes()
    path = tmp_path / "坏.docx"
    path.write_bytes(good[: len(good) // 2])  # cut off: no central directory
    with pytest.raises(ImportFileError) as raised:
        file_format(path, path.read_bytes()[:16])
    assert raised.value.code == ErrorCode.DAMAGED_ARCHIVE
    corrupt = bytearray(good)
    start = good.find(b"word/document.xml") + 40
    corrupt[start : start + 200] = b"\xff" * 200  # the document part's data
    path.write_bytes(bytes(corrupt))
    with pytest.raises(ImportFileError) as raised:
        read_docx(path)
    assert raised.value.code == ErrorCode.DAMAGED_ARCHIVE


def test_a_zip_bomb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>" + " " * 30_000_000 + "</w:document>")
    started = time.perf_counter()
    with pytest.raises(ImportFileError) as raised:
        read_docx(path)
    assert raised.value.code == ErrorCode.ARCHIVE_TOO_LARGE
    assert time.perf_counter() - started < 5


def test_entity_declarations_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "laughs.docx"
    good = word_file(tmp_path / "g.docx")
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = (
                    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>' + data.split(b"?>", 1)[1]
                )
            out.writestr(item, data)
    with pytest.raises(ImportFileError) as raised:
        read_docx(path)
    assert raised.value.code == ErrorCode.XML_ENTITIES


def test_a_file_that_is_not_what_its_extension_says(tmp_path: Path) -> None:
    path = tmp_path / "表格.docx"
    import openpyxl

    openpyxl.Workbook().save(path)
    wrong = r"is named \.docx but is an Excel workbook"
    with pytest.raises(ImportFileError, match=wrong) as raised:
        file_format(path, path.read_bytes()[:16])
    assert raised.value.code == ErrorCode.WRONG_CONTENT
    pdf = tmp_path / "a.txt"
    pdf.write_bytes(b"%PDF-1.4 ...")
    with pytest.raises(ImportFileError, match=r"is named \.txt but is a PDF document"):
        file_format(pdf, pdf.read_bytes()[:16])

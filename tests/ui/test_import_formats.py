"""Importing other formats from the window: the file dialog's filter, dropping files and
folders on the window, the report in the UI's words, variables in Article ▸ Details."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from ui_helpers import open_window

from hnreader.core.models import ErrorCode, ImportProblem
from hnreader.core.project import IMPORTABLE_SUFFIXES, Project
from hnreader.ui.common.settings import Settings
from hnreader.ui.library.article_details_dialog import ArticleDetailsDialog
from hnreader.ui.library.variables_table_model import VariablesTableModel
from hnreader.ui.main_window import MainWindow
from hnreader.ui.project.import_export import import_filter
from hnreader.ui.project.import_wording import problem_text

CSV = (
    "标题,正文,发布时间,地区\n"
    "祁东黄花菜丰收,今年祁东县黄花菜种植面积达到17万亩。,2020-06-20,衡阳\n"
    "空行,,2020-06-21,长沙\n"
)
PAGE = (
    "<html><head><title>炎陵黄桃上市_某某网</title></head><body><nav>首页 新闻 湖南</nav>"
    "<h1>炎陵黄桃上市</h1><div><p>炎陵县黄桃种植面积达到8.2万亩，今年预计产量超过6万吨，"
    "年产值超过10亿元。</p><p>当地通过电商把黄桃卖到全国各地，带动了贫困户增收。</p></div>"
    "<footer>版权所有 某某网</footer></body></html>"
)


@pytest.fixture
def window(project: Project, settings: Settings, qtbot, monkeypatch) -> MainWindow:
    return open_window(project, settings, qtbot, monkeypatch)


def _drop(window: MainWindow, paths: list[Path]) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(
        window.rect().center(),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(window.rect().center()),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)


def test_the_file_dialog_offers_every_kind() -> None:
    text = import_filter()
    first = text.split(";;")[0]
    for suffix in IMPORTABLE_SUFFIXES:
        assert f"*{suffix}" in first
    assert "Tables (*.csv *.tsv *.xlsx)" in text


def test_dropping_a_folder_of_pages_and_tables_imports_them(
    window: MainWindow, project: Project, tmp_path: Path, qtbot
) -> None:
    folder = tmp_path / "新闻"
    folder.mkdir()
    (folder / "报道.csv").write_text(CSV, "utf-8-sig")
    (folder / "炎陵.html").write_text(PAGE, "utf-8")
    (folder / "旧文件.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    before = project.store.article_count()
    _drop(window, [folder])
    assert project.store.article_count() == before + 2
    titles = {project.article(s.id).title for s in project.article_summaries()}
    assert {"祁东黄花菜丰收", "炎陵黄桃上市"} <= titles
    assert window.library.model.rowCount() == before + 2
    report = window.messages[-1]
    assert "Added 2 article(s) from 2 file(s)." in report
    assert "报道.csv: 1 row(s) without text were left out (row 3)" in report
    assert "旧文件.doc is in an old Office format" in report and "save it as .docx" in report


def test_unsupported_and_old_files_are_worded(window: MainWindow) -> None:
    problem = ImportProblem(
        "/x/旧文件.doc",
        ErrorCode.OLD_OFFICE_FORMAT,
        {"file": "旧文件.doc", "modern": ".docx"},
        "english",
    )
    assert "save it as .docx" in problem_text(problem)
    columns = ImportProblem(
        "/x/a.csv", ErrorCode.NO_TEXT_COLUMN, {"file": "a.csv", "columns": ["县", "户数"]}, "e"
    )
    assert "县, 户数" in problem_text(columns) and "--map text=COLUMN" in problem_text(columns)


def test_article_details_show_the_variables(
    window: MainWindow, project: Project, tmp_path: Path, qtmodeltester
) -> None:
    path = tmp_path / "a.csv"
    path.write_text(CSV, "utf-8")
    report = project.import_paths([path])
    article = project.article(report.article_ids[0])
    dialog = ArticleDetailsDialog(article, window)
    model = dialog.variables_model
    assert (model.rowCount(), model.columnCount()) == (1, 2)
    assert model.index(0, 0).data() == "地区" and model.index(0, 1).data() == "衡阳"
    assert not (model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable)
    qtmodeltester.check(model)
    qtmodeltester.check(VariablesTableModel((("a\u202ebad", "x\n"),)))
    dialog.close()

"""Article ▸ Details: page, section and url shown and edited as plain text in one undo step,
the link opened only on a click, the source file and lines shown; the reader header shows
publication · page · section."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit
from ui_helpers import open_window

from hnreader.core.project import Project
from hnreader.ui.library.article_details_dialog import ArticleDetailsDialog
from hnreader.ui.main_window import MainWindow

PEOPLES_DAILY_PAGE = """---
title: "城市美学在细节（暖闻热评）"
date: 2025-01-03
section: "第05版"
section_name: "评论"
author: "李铁林"
source_url: "https://paper.example.cn/rmrb/pc/content/202501/03/content_1.html"
---

# 城市美学在细节（暖闻热评）

> 李铁林《人民日报》（2025年01月03日第 05 版）

■记者 李铁林

上海地铁龙华中路站，近50件作品以原尺寸复制品形式展出，地铁站里的“美术馆”赢得了市民和游客好评。
"""


@pytest.fixture
def window(project: Project, settings, qtbot, monkeypatch) -> MainWindow:  # type: ignore[no-untyped-def]
    return open_window(project, settings, qtbot, monkeypatch)


def _marked_article(project: Project) -> int:
    """An article of the bundled corpus whose byline is written with a ■ mark."""
    return next(i for i in project.article_ids() if project.article(i).byline.startswith("■"))


def _page_article(project: Project, tmp_path: Path) -> int:
    path = tmp_path / "rmrb_20250103_05_城市美学在细节.txt"
    path.write_text(PEOPLES_DAILY_PAGE, encoding="utf-8")
    [article_id] = project.import_paths([path]).article_ids
    return article_id


def test_the_dialog_shows_credits_origin_and_source_lines_as_plain_text(
    project: Project, qtbot, tmp_path: Path
) -> None:
    article = project.article(_page_article(project, tmp_path))
    dialog = ArticleDetailsDialog(article)
    qtbot.addWidget(dialog)
    assert dialog.edits["byline"].text() == "记者 李铁林"  # no ■
    assert "■记者 李铁林" in dialog.edits["byline"].toolTip()  # as written
    assert dialog.reporters_edit.text() == "李铁林"
    assert dialog.edits["publication"].text() == "人民日报"
    assert dialog.edits["page"].text() == "第 05 版"
    assert dialog.edits["section"].text() == "评论"
    assert dialog.edits["url"].text() == article.url
    assert isinstance(dialog.edits["url"], QLineEdit)  # plain text, never a rich-text link
    assert dialog.source_label.textFormat() == Qt.TextFormat.PlainText
    assert dialog.source_label.text() == (
        f"rmrb_20250103_05_城市美学在细节.txt, lines {article.first_line}–{article.last_line}"
    )
    assert not [label for label in dialog.findChildren(QLabel) if label.openExternalLinks()]
    assert dialog.changed_fields() == {}  # nothing typed, nothing written back


def test_the_link_is_copied_or_opened_only_on_a_click_and_only_a_web_link(
    project: Project, qtbot, tmp_path: Path, monkeypatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    dialog = ArticleDetailsDialog(project.article(_page_article(project, tmp_path)))
    qtbot.addWidget(dialog)
    assert opened == []  # showing the dialog opens nothing
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == dialog.url()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert [url.toString() for url in opened] == [dialog.url()]
    for local in ("file:///etc/passwd", "javascript:alert(1)", "不是链接"):
        dialog.edits["url"].setText(local)
        assert not dialog.open_button.isEnabled()
    dialog.edits["url"].clear()
    assert not dialog.copy_button.isEnabled()


def test_editing_page_section_url_and_reporters_is_one_undo_step(
    window: MainWindow, project: Project, monkeypatch
) -> None:
    article_id = _marked_article(project)
    before = project.article(article_id)
    window.show_article(article_id)

    def fill_in(dialog: ArticleDetailsDialog) -> int:
        assert dialog.edits["byline"].text() == before.byline.lstrip("■")
        dialog.edits["page"].setText("07 版")
        dialog.edits["section"].setText("要闻")
        dialog.edits["url"].setText("https://news.example.cn/a.html")
        dialog.reporters_edit.setText("贺佳、冒藹、新人")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ArticleDetailsDialog, "exec", fill_in)
    window.edit_article_details()
    after = project.article(article_id)
    assert (after.page, after.section, after.url) == (
        "07 版",
        "要闻",
        "https://news.example.cn/a.html",
    )
    assert after.reporters == (*before.reporters, "新人")
    assert after.byline == before.byline  # not edited: kept as written
    header = window.reader.header.meta_label.text()
    assert "07 版 · 要闻" in header and "■" not in header
    assert window.undo_action.text() == "&Undo Edit article details"
    window.undo_action.trigger()
    restored = project.article(article_id)
    assert (restored.page, restored.section, restored.url, restored.reporters) == (
        before.page,
        before.section,
        before.url,
        before.reporters,
    )
    assert "07 版" not in window.reader.header.meta_label.text()


def test_the_header_shows_publication_page_and_section(
    window: MainWindow, project: Project, tmp_path: Path
) -> None:
    article_id = _page_article(project, tmp_path)
    window.show_article(article_id)
    header = window.reader.header.meta_label.text()
    assert header == (
        "2025-01-03 (2025年01月03日) · 记者 李铁林 · 人民日报 · 第 05 版 · 评论 · "
        "rmrb_20250103_05_城市美学在细节.txt #1"
    )
    assert window.reader.header.meta_label.textFormat() == Qt.TextFormat.PlainText

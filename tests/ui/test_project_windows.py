"""Opening another project from a window: nothing of the first project reaches the second."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.project import Project
from hnreader.ui.common.settings import Settings
from hnreader.ui.main_window import MainWindow
from hnreader.ui.windows import WindowManager


def test_a_projects_words_do_not_leak_into_the_next_project_opened_in_the_window(
    project_template: Path, tmp_path: Path, settings: Settings, qtbot, monkeypatch
) -> None:
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    shutil.copyfile(project_template, first)
    shutil.copyfile(project_template, second)
    windows = WindowManager(settings, Segmenter(cache_dir=tmp_path / "jieba"))
    window = windows.open(str(first))
    assert isinstance(window, MainWindow)
    # (not given to qtbot: the window deletes itself when it closes)
    window.controller.run(lambda: window.project.add_user_word("湘江鲲鹏"))
    assert "湘江鲲鹏" in window.project.segmenter.user_words
    window.open_project(second)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    [opened] = windows.windows  # the first window closed itself, and was forgotten
    assert opened.project.path == second
    assert "湘江鲲鹏" not in opened.project.segmenter.user_words
    assert not opened.project.has_stale_index(), "B was re-indexed with A's words"
    assert "湘江鲲鹏" not in opened.project.segmenter.cut("湘江鲲鹏车间")
    reopened = Project.open(second, segmenter=opened.project.segmenter.fresh())
    assert reopened.store.user_words() == []
    reopened.close()
    opened.close()


def test_a_window_that_cannot_open_the_next_project_stays_open(
    project_template: Path, tmp_path: Path, settings: Settings, qtbot, monkeypatch
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    first = tmp_path / "a.sqlite"
    shutil.copyfile(project_template, first)
    windows = WindowManager(settings, Segmenter(cache_dir=tmp_path / "jieba"))
    window = windows.open(str(first))
    # (not given to qtbot: the window deletes itself when it closes)
    not_a_project = tmp_path / "notes.sqlite"
    not_a_project.write_text("这不是项目文件", encoding="utf-8")
    window.open_project(not_a_project)
    assert windows.windows == [window] and window.isVisible()
    assert warned and "notes.sqlite" in warned[0]
    assert not_a_project.read_text(encoding="utf-8") == "这不是项目文件"
    window.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert windows.windows == []

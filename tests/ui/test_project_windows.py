"""Opening another project from a window: nothing of the first project reaches the second."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.project import Project
from hnreader.ui import app as app_module
from hnreader.ui.common.settings import Settings
from hnreader.ui.main_window import MainWindow


def test_a_projects_words_do_not_leak_into_the_next_project_opened_in_the_window(
    project_template: Path, tmp_path: Path, settings: Settings, qtbot, monkeypatch
) -> None:
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    shutil.copyfile(project_template, first)
    shutil.copyfile(project_template, second)
    window = app_module.open_project_window(
        str(first), settings, Segmenter(cache_dir=tmp_path / "jieba")
    )
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.controller.run(lambda: window.project.add_user_word("湘江鲲鹏"))
    assert "湘江鲲鹏" in window.project.segmenter.user_words
    window.open_project(second)
    [opened] = [w for w in app_module._open_windows if isinstance(w, MainWindow)]
    assert opened.project.path == second
    assert "湘江鲲鹏" not in opened.project.segmenter.user_words
    assert not opened.project.has_stale_index(), "B was re-indexed with A's words"
    assert "湘江鲲鹏" not in opened.project.segmenter.cut("湘江鲲鹏车间")
    reopened = Project.open(second, segmenter=opened.project.segmenter.fresh())
    assert reopened.store.user_words() == []
    reopened.close()
    opened.close()

"""Opening another project from a window: nothing of the first project reaches the second."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.project import Project
from hnreader.core.store import SCHEMA_VERSION
from hnreader.core.text.normalize import fold_for_search
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


def test_an_older_file_is_upgraded_behind_a_dialog_before_the_window_opens(
    project_template: Path, tmp_path: Path, settings: Settings, qtbot, monkeypatch
) -> None:
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    path = tmp_path / "old.sqlite"
    shutil.copyfile(project_template, path)
    conn = sqlite3.connect(path)  # the body index as format 11 had it
    texts = conn.execute(
        "SELECT a.id, a.text FROM articles a JOIN article_index i ON i.article_id = a.id"
    ).fetchall()
    conn.execute("DROP TABLE article_fts")
    conn.execute(
        "CREATE VIRTUAL TABLE article_fts USING fts5(chars, content = '', "
        "columnsize = 0, tokenize = 'unicode61 remove_diacritics 0')"
    )
    conn.executemany(
        "INSERT INTO article_fts(rowid, chars) VALUES (?, ?)",
        [(i, " ".join(fold_for_search(t))) for i, t in texts],
    )
    conn.execute("PRAGMA user_version = 11")
    conn.commit()
    conn.close()
    assert Project.pending_upgrade(path) == (11, SCHEMA_VERSION)
    shown: list[str] = []
    real_show = QProgressDialog.show
    monkeypatch.setattr(
        QProgressDialog,
        "show",
        lambda dialog: (shown.append(dialog.labelText()), real_show(dialog)),
    )
    windows = WindowManager(settings, Segmenter(cache_dir=tmp_path / "jieba"))
    window = windows.open(str(path))
    assert shown and "old.sqlite" in shown[0] and "11" in shown[0]
    assert Project.pending_upgrade(path) is None
    percent = [t for _i, t in texts if "%" in fold_for_search(t)]
    totals = window.project.count_matches("%", fields=["body"])
    assert totals is not None and totals.articles == len(percent) > 0  # from the new index
    window.close()

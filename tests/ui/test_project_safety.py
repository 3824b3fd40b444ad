"""The window keeps a project safe: read-only banner, other writers' changes, backups,
restore, checks and the empty-file question (the reliability issue, F6, F8, F10, F11)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from ui_helpers import open_window

from hnreader.core import safekeeping
from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.project import Project
from hnreader.core.store import Store
from hnreader.ui import windows as windows_module
from hnreader.ui.common.settings import Settings
from hnreader.ui.main_window import MainWindow
from hnreader.ui.project.project_safety import RestoreDialog
from hnreader.ui.windows import WindowManager


def _window(project: Project, settings: Settings, qtbot, monkeypatch) -> MainWindow:
    return open_window(project, settings, qtbot, monkeypatch)


def _damage(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 2 // 4096 * 4096)
        handle.write(os.urandom(4096))


def test_a_damaged_project_shows_a_banner_and_allows_no_editing(
    project: Project, settings, qtbot, monkeypatch
) -> None:
    project.mark_damaged("database disk image is malformed")
    before = project.path.read_bytes()
    window = _window(project, settings, qtbot, monkeypatch)
    assert window.banner.isVisible()
    assert "damaged" in window.banner.message.text()
    assert window.banner.restore_button.isVisible()
    for action in (window.import_files_action, window.tag_action, window.split_action):
        assert not action.isEnabled()
    assert not window.undo_action.isEnabled()
    assert not window.acceptDrops()
    window.controller.run(lambda: project.add_tag("新"))
    assert any("damaged" in m for m in window.messages)  # type: ignore[attr-defined]
    window.close()
    assert project.path.read_bytes() == before


@pytest.mark.parametrize("choice", ["restore", "cancel"])
def test_f10_opening_a_damaged_project_offers_its_newest_backup(
    choice: str,
    project_template: Path,
    tmp_path: Path,
    segmenter: Segmenter,
    settings,
    qtbot,
    monkeypatch,
) -> None:
    path = tmp_path / "p.sqlite"
    shutil.copyfile(project_template, path)
    safekeeping.make_backup(path, reason="manual")
    _damage(path)
    if safekeeping.check(path).ok:
        pytest.fail("the noise did not damage the file")
    damaged = path.read_bytes()
    monkeypatch.setattr(windows_module, "ask_recovery", lambda project, parent=None: choice)
    if choice == "cancel":
        with pytest.raises(Exception, match="not opened"):
            WindowManager(settings, segmenter).open(str(path))
        assert path.read_bytes() == damaged
        return
    window = WindowManager(settings, segmenter).open(str(path))
    assert isinstance(window, MainWindow)
    assert not window.project.read_only
    assert safekeeping.check(path).ok
    kept = [b for b in safekeeping.list_backups(path) if b.reason == "before-restore"]
    assert kept and kept[0].path.read_bytes() == damaged
    window.close()


def test_a_read_only_project_says_so_and_refuses_changes_with_a_message(
    project_template: Path, tmp_path: Path, segmenter: Segmenter, settings, qtbot, monkeypatch
) -> None:
    path = tmp_path / "ro.sqlite"
    shutil.copyfile(project_template, path)
    project = Project.open(path, segmenter=segmenter, read_only=True)
    window = _window(project, settings, qtbot, monkeypatch)
    assert window.banner.isVisible()
    assert "read-only" in window.banner.message.text()
    assert not window.banner.restore_button.isVisible()
    window.controller.run(lambda: project.add_tag("新"))
    assert any("read-only" in m for m in window.messages)  # type: ignore[attr-defined]
    window.close()


def test_a_writable_project_shows_no_banner(project: Project, settings, qtbot, monkeypatch) -> None:
    window = _window(project, settings, qtbot, monkeypatch)
    assert not window.banner.isVisible()
    assert window.import_files_action.isEnabled()
    window.close()


def test_f6_changes_made_by_another_process_show_without_reopening(
    project: Project, settings, segmenter: Segmenter, qtbot, monkeypatch
) -> None:
    window = _window(project, settings, qtbot, monkeypatch)
    names = {t.name for t in window.tag_panel.model.tags()}
    other = Project(Store(project.path), segmenter, coder="other")
    other.add_tag("另一窗口的标签")
    article_id = window.reader.article_id or 1
    tag = other.store.tag_by_name("另一窗口的标签").id
    other.annotate(article_id, 0, 2, [tag])
    other.close()
    assert window.external_changes.look()
    assert {t.name for t in window.tag_panel.model.tags()} == names | {"另一窗口的标签"}
    assert any(a.coder == "other" for a in window.annotation_panel.model._rows)
    assert not window.external_changes.look()  # nothing new since
    window.close()


def test_a_backup_can_be_made_and_restored_from_the_window(
    project: Project, settings, qtbot, monkeypatch
) -> None:
    window = _window(project, settings, qtbot, monkeypatch)
    windows = WindowManager(settings, project.segmenter)
    windows.adopt(window)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # qtbot deletes it
    QThreadPool.globalInstance().waitForDone()  # the daily backup after start-up
    QApplication.processEvents()
    assert [b.reason for b in safekeeping.list_backups(project.path)] == ["daily"]
    window.safety.back_up_now()
    backup = safekeeping.list_backups(project.path)[0]
    assert backup.reason == "manual"
    window.controller.run(lambda: project.add_tag("备份之后"))
    dialog = RestoreDialog(project, window)
    assert dialog.model.rowCount() == len(safekeeping.list_backups(project.path))
    assert dialog.chosen() == backup.path
    dialog.close()

    monkeypatch.setattr(RestoreDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    window.safety.restore()
    restored = [w for w in windows.windows if w is not window]
    assert restored, "the restored project opens in a new window"
    new_window = restored[-1]
    assert "备份之后" not in {t.name for t in new_window.project.store.tags()}
    assert any(b.reason == "before-restore" for b in safekeeping.list_backups(project.path))
    new_window.close()
    QApplication.processEvents()


def test_check_project_reports_damage_found_later_and_turns_read_only(
    project: Project, settings, qtbot, monkeypatch
) -> None:
    window = _window(project, settings, qtbot, monkeypatch)
    window.safety.check()
    assert "No damage" in window.messages[-1]  # type: ignore[attr-defined]
    monkeypatch.setattr(
        safekeeping,
        "check",
        lambda path, full=False: safekeeping.CheckReport(
            path, safekeeping.CheckCode.DAMAGED, ("page 7: btree damaged",)
        ),
    )
    window.safety.check()
    assert "damaged" in window.messages[-1]  # type: ignore[attr-defined]
    assert project.read_only_reason == "damaged"
    assert window.banner.isVisible()
    assert not window.tag_action.isEnabled()
    window.close()


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
def test_f11_an_empty_file_becomes_a_project_only_when_the_user_says_so(
    answer, tmp_path: Path, segmenter: Segmenter, settings, qtbot, monkeypatch
) -> None:
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args[2]) or answer)
    if answer == QMessageBox.StandardButton.No:
        with pytest.raises(Exception, match="empty"):
            WindowManager(settings, segmenter).open(str(path))
        assert path.stat().st_size == 0
    else:
        window = WindowManager(settings, segmenter).open(str(path))
        assert isinstance(window, MainWindow)
        assert path.stat().st_size > 0
        window.close()
    assert asked and "empty" in asked[0]


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
def test_f18_reimporting_a_changed_file_asks_before_adding_a_copy(
    answer, project: Project, settings, tmp_path: Path, qtbot, monkeypatch
) -> None:
    news = tmp_path / "news.txt"
    news.write_text("新闻标题\n\n村里建起了扶贫车间，一百多人就业。\n", encoding="utf-8")
    window = _window(project, settings, qtbot, monkeypatch)
    window.imports.run_import([news])
    count = project.store.article_count()
    news.write_text("新闻标题\n\n村里建起了扶贫车间，两百多人就业。\n", encoding="utf-8")
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args[2]) or answer)
    window.imports.run_import([news])
    assert asked and "changed since they were imported" in asked[0]
    expected = count + (1 if answer == QMessageBox.StandardButton.Yes else 0)
    assert project.store.article_count() == expected
    window.close()

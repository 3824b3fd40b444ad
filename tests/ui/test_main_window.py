"""The whole window, driven like a user: read, tag with keys, undo, search, export, reopen."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog
from ui_helpers import open_window

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.project import Project
from hnreader.ui.common.settings import Settings
from hnreader.ui.main_window import MainWindow
from hnreader.ui.project.export_dialog import ExportDialog


@pytest.fixture
def window(project: Project, settings: Settings, qtbot, monkeypatch) -> MainWindow:
    # Information boxes would block an offscreen test: they are recorded instead.
    return open_window(project, settings, qtbot, monkeypatch)


def _article_with(project: Project, needle: str) -> tuple[int, int]:
    for article_id in project.store.article_ids():
        text = project.store.article(article_id).text
        if needle in text:
            return article_id, text.index(needle)
    raise AssertionError(needle)


def _select(window: MainWindow, start: int, end: int) -> None:
    edit = window.reader.text_edit
    cursor = QTextCursor(edit.document())
    cursor.setPosition(edit.positions.to_qt(start))
    cursor.setPosition(edit.positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)


def test_opens_on_an_article_with_the_library_filled(window: MainWindow, project: Project) -> None:
    assert window.reader.article_id in project.store.article_ids()
    assert project.path.stem in window.windowTitle()
    assert window.library.model.rowCount() == project.store.article_count()


def test_tag_with_a_pinned_key_undo_redo_and_menu_texts(
    window: MainWindow, project: Project, tag_ids: dict[str, int], qtbot
) -> None:
    article_id, start = _article_with(project, "精准扶贫")
    window.show_article(article_id)
    window.tag_panel.pin_tag(tag_ids["政策"], 1)
    window.settings.snap_to_words = False
    _select(window, start, start + 4)
    window.reader.text_edit.setFocus()
    qtbot.keyClick(window.reader.text_edit, Qt.Key.Key_1)
    [annotation] = project.store.annotations(article_id=article_id)
    assert (annotation.start, annotation.end, annotation.quote) == (start, start + 4, "精准扶贫")
    assert f"annotation:{annotation.id}" in window.reader.highlight_at(start + 1)
    assert "精准扶贫" in window.undo_action.text()
    assert window.annotation_panel.model.rowCount() == 1

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert project.store.annotations(article_id=article_id) == []
    assert not any(k.startswith("annotation:") for k in window.reader.highlight_at(start + 1))
    assert "精准扶贫" in window.redo_action.text()
    window.redo_action.trigger()
    assert len(project.store.annotations(article_id=article_id)) == 1


def test_a_key_without_a_pinned_tag_says_so(window: MainWindow, project: Project, qtbot) -> None:
    article_id, start = _article_with(project, "精准扶贫")
    window.show_article(article_id)
    _select(window, start, start + 4)
    # A shortcut fires in the active window only: earlier tests' windows may still be up.
    window.activateWindow()
    window.reader.text_edit.setFocus()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window.reader.text_edit, Qt.Key.Key_9)
    assert project.store.annotations() == []
    assert "9" in window.statusBar().currentMessage()


def test_search_opens_the_hit_in_the_reader(window: MainWindow, project: Project, qtbot) -> None:
    window.focus_search()
    window.search_panel.set_query("贫困发生率")
    qtbot.waitUntil(lambda: window.search_panel.session() is not None, timeout=5000)
    result = window.search_panel.session()
    assert result is not None and result.total_hits >= 1
    first = result.articles[0]
    hit = first.hits[0]
    window.search_panel.hit_activated.emit(first.article_id, hit.start, hit.end)
    assert window.reader.article_id == first.article_id
    assert window.reader.raw_selected_span() == (hit.start, hit.end)
    assert "hit" in " ".join(window.reader.highlight_at(hit.start))


def test_an_article_beyond_the_listed_pages_shows_its_hits(
    window: MainWindow, project: Project, qtbot
) -> None:
    window.search_panel.page_size = 1
    with qtbot.waitSignal(window.search_panel.results_changed, timeout=10000):
        window.search_panel.set_query("脱贫")
    listed = {a.article_id for a in window.search_panel.session().articles}
    later = next(
        a for a in project.search("脱贫", limit=100000).articles if a.article_id not in listed
    )
    window.show_article(later.article_id)  # as from the library
    for hit in later.body_hits:
        assert "hit" in " ".join(window.reader.highlight_at(hit.start))


def test_export_dialog_counts_rows_and_writes_the_csv(
    window: MainWindow,
    project: Project,
    tag_ids: dict[str, int],
    tmp_path: Path,
    monkeypatch,
    qtbot,
) -> None:
    article_id, start = _article_with(project, "747万")
    project.annotate(article_id, start, start + 4, [tag_ids["数据"], tag_ids["政策"]])
    out = tmp_path / "export.csv"

    def accept(dialog: ExportDialog) -> int:
        assert "2" in dialog.count.text()
        dialog.path.setText(str(out))
        dialog.figures.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", accept)
    window.export_action.trigger()
    qtbot.waitUntil(out.exists, timeout=5000)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(r["tag"] for r in rows) == ["政策", "数据"]
    assert (tmp_path / "export_figures.csv").exists()
    assert any(str(out) in message for message in window.messages)  # type: ignore[attr-defined]


def test_everything_is_there_after_reopening(
    project: Project, settings: Settings, tag_ids: dict[str, int], segmenter: Segmenter, qtbot
) -> None:
    article_id, start = _article_with(project, "精准扶贫")
    first = MainWindow(project, settings)
    qtbot.addWidget(first)
    first.start_up()
    first.show_article(article_id)
    first.settings.snap_to_words = False
    _select(first, start, start + 4)
    assert first.reader.apply_tag(tag_ids["政策"])
    path = project.path
    first.close()  # closes the project's connection too

    reopened = Project.open(path, create=False, segmenter=segmenter)
    second = MainWindow(reopened, settings)
    qtbot.addWidget(second)
    second.start_up()
    assert second.reader.article_id == article_id  # the last article is restored
    [annotation] = reopened.store.annotations()
    assert annotation.quote == "精准扶贫"
    assert f"annotation:{annotation.id}" in second.reader.highlight_at(start)
    second.close()


def test_a_large_library_is_listed_before_jiebas_dictionary_loads(
    project: Project, settings: Settings, qtbot, monkeypatch
) -> None:
    import threading

    from hnreader.ui.library import library_panel

    monkeypatch.setattr(library_panel, "SYNC_ARTICLE_LIMIT", 0)
    release = threading.Event()
    real_load = library_panel.load_library

    def held_load(*args, **kwargs):
        assert release.wait(10)
        return real_load(*args, **kwargs)

    monkeypatch.setattr(library_panel, "load_library", held_load)
    main = MainWindow(project, settings)
    qtbot.addWidget(main)
    main.start_up()
    assert main.library.is_loading()
    assert main.reader.article_id is not None  # the window is usable at once
    assert main._warm_up is None
    with qtbot.waitSignal(main.library.loaded, timeout=10_000):
        release.set()
    assert main._warm_up is not None
    assert main.library.model.total_count() == project.store.article_count()


def test_give_dates_a_year_asks_for_the_files_year_and_undoes_in_one_step(
    window: MainWindow, project: Project, monkeypatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    undated = next(s for s in project.article_summaries() if s.date.startswith("--"))
    window.show_article(undated.id)
    asked: list[str] = []

    def answer(dialog: QInputDialog) -> int:
        asked.append(dialog.labelText())
        dialog.setIntValue(2020)
        return 1

    monkeypatch.setattr(QInputDialog, "exec", answer)
    before = {s.id: s.date for s in project.article_summaries()}
    window.give_year_action.trigger()
    same_file = [s for s in project.article_summaries() if s.source == undated.source]
    assert asked and undated.source in asked[0]
    assert all(not s.date.startswith("--") for s in same_file)
    assert window.undo_action.text().startswith("&Undo Date ")
    window.undo_action.trigger()
    assert {s.id: s.date for s in project.article_summaries()} == before


def test_double_clicking_a_title_hit_shows_the_article_with_the_title_selected(
    window: MainWindow, project: Project, qtbot
) -> None:
    article_id = project.store.article_ids()[-1]
    # A non-BMP character before the hit; edited as a user does (Article ▸ Details).
    window.controller.run(lambda: project.update_article(article_id, title="𠮷野家的猫头鹰扶贫记"))
    window.show_article(project.store.article_ids()[0])
    panel = window.search_panel
    with qtbot.waitSignal(panel.results_changed, timeout=10000):
        panel.set_query("猫头鹰")
    model = panel.table.model()
    [row] = [r for r in range(model.rowCount()) if panel.model.row(r).article_id == article_id]
    hit = panel.model.row(row)
    assert (hit.field, hit.start, hit.end) == ("title", 4, 7)
    assert model.index(row, panel.model.FIELD).data() == "Title"
    pos = panel.table.visualRect(model.index(row, panel.model.HIT)).center()
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    reader = window.reader
    assert reader.article_id == article_id
    title = reader.header.title_label
    assert title.selectedText() == "猫头鹰"
    assert title.selectionStart() == 5  # Qt counts 𠮷 as two units
    assert reader.raw_selected_span() is None  # nothing in the text is selected
    assert reader.text_edit.verticalScrollBar().value() == 0


def test_a_byline_hit_is_selected_in_the_header_line(
    window: MainWindow, project: Project, qtbot
) -> None:
    article_id = project.store.article_ids()[0]
    window.controller.run(lambda: project.update_article(article_id, byline="本报记者 猫头鹰"))
    with qtbot.waitSignal(window.search_panel.results_changed, timeout=10000):
        window.search_panel.set_query("猫头鹰")
    [hit] = [r for r in window.search_panel.model.rows() if r.article_id == article_id]
    assert hit.field == "byline"
    window.show_header_span(article_id, hit.field, hit.start, hit.end)
    meta = window.reader.header.meta_label
    assert meta.selectedText() == "猫头鹰"
    assert meta.text()[meta.selectionStart() :].startswith("猫头鹰")


def test_f3_goes_on_into_the_next_article_with_hits_and_shift_f3_back(window, qtbot) -> None:
    with qtbot.waitSignal(window.search_panel.results_changed, timeout=10000):
        window.search_panel.set_query("贫困发生率")
    qtbot.waitUntil(lambda: not window.search_panel.is_loading(), timeout=10000)
    session = window.search_panel.session()
    listed = [a.article_id for a in session.articles if window.search_panel.spans_for(a.article_id)]
    assert len(listed) >= 2
    first, second = listed[0], listed[1]
    spans = window.search_panel.spans_for(first)
    window.show_span(first, *spans[-1])  # the last hit of the first article
    window.reader.go_to_hit(-1)
    window.next_hit_action.trigger()
    assert window.reader.article_id == second
    assert window.reader.current_hit == tuple(window.search_panel.spans_for(second)[0])
    window.previous_hit_action.trigger()  # back to the first article's last hit
    assert window.reader.article_id == first
    assert window.reader.current_hit == tuple(spans[-1])
    window.show_article(listed[-1])
    window.reader.go_to_hit(-1)
    window.next_hit_action.trigger()  # past the last listed article: round within it
    assert window.reader.article_id == listed[-1]
    assert window.reader.current_hit == tuple(window.search_panel.spans_for(listed[-1])[0])


def test_reset_layout_docks_every_panel_again(window, qtbot) -> None:
    window.search_dock.setFloating(True)
    window.tags_dock.hide()
    window.reset_layout_action.trigger()
    for dock in (window.library_dock, window.tags_dock, window.search_dock, window.figures_dock):
        assert not dock.isFloating() and not dock.isHidden()
    assert window.dockWidgetArea(window.search_dock) == Qt.DockWidgetArea.BottomDockWidgetArea


def test_layouts_are_kept_per_screen_size(window, settings) -> None:
    settings.set_layout("1600x1000", window.saveGeometry(), window.saveState())
    assert settings.layout("1600x1000")[1] == window.saveState()
    assert settings.layout("800x600") == (settings.geometry, settings.window_state)


def test_the_toolbar_keeps_short_undo_labels_with_the_whole_one_in_the_tooltip(
    window, project
) -> None:
    window.controller.run(lambda: project.add_tag("<b>粗"))
    assert window.undo_action.iconText() == "Undo"
    assert "粗" in window.undo_action.text()
    assert "&lt;b&gt;粗" in window.undo_action.toolTip()  # data, never markup


def test_about_names_the_version_and_every_folder(window, project, settings) -> None:
    from hnreader import __version__, paths
    from hnreader.ui.project.about import about_text

    text = about_text(project.path, settings)
    assert __version__ in text and str(project.path) in text
    assert str(paths.log_dir()) in text and str(paths.backups_dir(project.path)) in text
    assert settings.file_name() in text


def test_snap_to_words_is_a_toolbar_toggle_with_a_second_way_in_its_tooltip(
    window, settings
) -> None:
    assert window.snap_action.isChecked() == settings.snap_to_words is True
    window.snap_action.trigger()
    assert settings.snap_to_words is False
    assert "Ctrl+Alt" in window.snap_action.toolTip()
    window.snap_action.trigger()
    assert settings.snap_to_words is True


def test_a_floating_search_dock_takes_ctrl_f_and_what_is_typed(window, qtbot) -> None:
    window.search_dock.setFloating(True)
    window.search_dock.show()
    assert window.find_action in window.search_dock.actions()  # its window has the shortcut
    window.search_dock.activateWindow()
    qtbot.waitUntil(window.search_dock.isActiveWindow, timeout=2000)
    window.search_panel.table.setFocus()
    qtbot.keyClick(window.search_panel.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_panel.query_edit.hasFocus, timeout=2000)
    qtbot.keyClicks(window.search_panel.query_edit, "abc")
    assert window.search_panel.query_edit.text() == "abc"


def test_deleting_the_shown_article_from_the_library_and_undoing_it(
    window, project, qtbot, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes),
    )
    article_id = project.article_ids()[1]
    title = project.article(article_id).title
    window.show_article(article_id)
    before = window.library.model.rowCount()
    index = window.library.model.index(window.library.model.row_of(article_id), 0)
    delete = next(
        a for a in window.library.row_menu(index).actions() if a.text() == "Delete Article…"
    )
    delete.trigger()
    assert asked and title[:6] in asked[0]
    assert not project.has_article(article_id)
    qtbot.waitUntil(lambda: window.library.model.rowCount() == before - 1, timeout=5000)
    assert window.reader.article_id != article_id  # never a deleted article on show
    assert window.undo_action.text().startswith("&Undo Delete article")
    window.undo_action.trigger()
    assert project.article(article_id).title == title
    qtbot.waitUntil(lambda: window.library.model.rowCount() == before, timeout=5000)

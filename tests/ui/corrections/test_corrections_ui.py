"""Corrections in the app, driven like a user: exclude from the library (gone from search),
line corrections from the reader's menu and the set-aside box, the orphans dialog, undo of
each (issue 13, item 6)."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from ui_helpers import open_window

from hnreader.core.project import Project
from hnreader.ui.corrections.window_actions import show_orphans
from hnreader.ui.library.article_table_model import ArticleTableModel
from hnreader.ui.main_window import MainWindow


def _window(project, settings, qtbot, monkeypatch) -> MainWindow:  # type: ignore[no-untyped-def]
    return open_window(project, settings, qtbot, monkeypatch)


def _menu_action(menu, text: str):  # type: ignore[no-untyped-def]
    return next(a for a in menu.actions() if a.text() == text)


def _library_row(window: MainWindow, article_id: int):  # type: ignore[no-untyped-def]
    model = window.library.model
    row = model.row_of(article_id, fetch=True)
    assert row is not None
    return model.index(row, ArticleTableModel.TITLE)


def _search(window: MainWindow, qtbot, query: str) -> set[int]:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.search_panel.results_changed, timeout=10000):
        window.search_panel.set_query(query)
    session = window.search_panel.session()
    assert session is not None
    return {a.article_id for a in session.articles}


def _select(window: MainWindow, start: int, end: int) -> None:
    edit = window.reader.text_edit
    cursor = QTextCursor(edit.document())
    cursor.setPosition(edit.positions.to_qt(start))
    cursor.setPosition(edit.positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)


def test_exclude_from_the_library_hides_from_search_and_undo_brings_it_back(
    project: Project, settings, qtbot, monkeypatch
) -> None:
    window = _window(project, settings, qtbot, monkeypatch)
    target = next(i for i in project.store.article_ids() if "贫困发生率" in project.article(i).text)
    assert target in _search(window, qtbot, "贫困发生率")
    menu = window.library.row_menu(_library_row(window, target))
    _menu_action(menu, "Exclude from Search and Export").trigger()
    assert window.library.model.row_of(target, fetch=True) is None  # hidden from the list
    assert window.library.show_excluded.isVisible()
    assert target not in _search(window, qtbot, "贫困发生率 ")
    window.library.show_excluded.setChecked(True)
    assert window.library.model.row_of(target, fetch=True) is not None
    menu = window.library.row_menu(_library_row(window, target))
    assert _menu_action(menu, "Include Again") is not None
    window.controller.undo()
    assert target in _search(window, qtbot, "贫困发生率")


def test_set_aside_from_the_reader_menu_orphan_then_attach_and_undo(
    project: Project, settings, qtbot, monkeypatch, tag_ids
) -> None:
    window = _window(project, settings, qtbot, monkeypatch)
    article_id = window.reader.article_id
    assert article_id is not None
    text = project.article(article_id).text
    first = text.split("\n")[0]
    assert text.count(first) == 1
    project.annotate(article_id, 0, len(first), [tag_ids["政策"]], note="首段")
    window.show_article(article_id)
    menu = window.reader.context_menu(window.reader.text_edit.positions.to_qt(2))
    _menu_action(menu, "Set This Line Aside as Boilerplate").trigger()
    assert first not in project.article(article_id).text
    assert "1 orphaned" in window.statusBar().currentMessage()
    dialog = show_orphans(window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 0).data() == first.replace("\n", " ⏎ ")
    dialog.attach_here()  # nothing selected in the reader: refused, nothing changed
    assert dialog.model.rowCount() == 1
    new_first = project.article(article_id).text.split("\n")[0]
    _select(window, 0, 4)
    dialog.attach_here()
    assert dialog.model.rowCount() == 0 and dialog.empty_label.isVisible()
    (attached,) = project.store.annotations(article_id=article_id)
    assert attached.quote == new_first[:4] and attached.note == "首段"
    window.controller.undo()  # the attachment
    assert dialog.model.rowCount() == 1
    window.controller.undo()  # the set-aside
    assert dialog.model.rowCount() == 0
    assert project.article(article_id).text.split("\n")[0] == first
    (back,) = project.store.annotations(article_id=article_id)
    assert back.quote == first


def test_restore_from_the_set_aside_box_and_make_a_line_the_title(
    project: Project, settings, qtbot, monkeypatch
) -> None:
    window = _window(project, settings, qtbot, monkeypatch)
    article_id = next(i for i in project.store.article_ids() if project.article(i).removed)
    window.show_article(article_id)
    window.removed_action.trigger()  # View the set-aside lines
    box = window.reader.removed_box
    assert box.isVisible()
    removed = project.article(article_id).removed
    menu = box.line_menu(box.text.cursorRect(box.text.textCursor()).center())
    _menu_action(menu, "Restore This Line to the Article").trigger()
    article = project.article(article_id)
    assert removed[0].text in article.text
    assert len(article.removed) == len(removed) - 1
    window.controller.undo()
    assert len(project.article(article_id).removed) == len(removed)
    lines = project.article(article_id).text.split("\n")
    second = window.reader.text_edit.positions.to_qt(len(lines[0]) + 2)
    menu = window.reader.context_menu(second)
    _menu_action(menu, "Make This Line the Title").trigger()
    assert project.article(article_id).title.startswith(lines[1].strip()[:10])
    window.controller.undo()
    assert project.article(article_id).text.split("\n") == lines


def test_reimport_dialog_previews_then_resplits_in_one_undo_step(
    project: Project, settings, qtbot, monkeypatch
) -> None:
    from PySide6.QtWidgets import QDialog

    from hnreader.ui.corrections import window_actions
    from hnreader.ui.corrections.window_actions import ReimportDialog

    window = _window(project, settings, qtbot, monkeypatch)
    article_id = window.reader.article_id
    assert article_id is not None
    source = project.source_of(article_id)
    before = project.store.source_article_ids(source)
    dialog = ReimportDialog(project, source)
    qtbot.addWidget(dialog)
    dialog.form.set_split("file")
    dialog.refresh_preview()
    assert dialog.model.rowCount() == 1

    def accept(self) -> int:  # type: ignore[no-untyped-def]
        self.form.set_split("file")
        self.refresh_preview()
        self.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(window_actions.ReimportDialog, "exec", accept)
    window.reimport_action.trigger()
    assert project.store.source_article_ids(source) == before[:1]
    assert "Annotations" in window.statusBar().currentMessage() or "no annotations" in (
        window.statusBar().currentMessage()
    )
    window.controller.undo()
    assert project.store.source_article_ids(source) == before


def test_an_orphan_deleted_in_the_dialog_comes_back_with_undo(
    project: Project, settings, qtbot, monkeypatch, tag_ids
) -> None:
    window = _window(project, settings, qtbot, monkeypatch)
    article_id = window.reader.article_id
    assert article_id is not None
    first = project.article(article_id).text.split("\n")[0]
    project.annotate(article_id, 0, len(first), [tag_ids["数据"]])
    project.set_aside_line(article_id, 1)
    dialog = show_orphans(window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    dialog.delete_button.click()
    assert dialog.model.rowCount() == 0
    window.controller.undo()
    assert dialog.model.rowCount() == 1

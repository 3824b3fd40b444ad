"""The annotation list: what it shows, inline and dialog edits, delete, activation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLineEdit

from hnreader.ui.codebook import annotation_list_panel
from hnreader.ui.codebook.annotation_list_panel import AnnotationListPanel
from hnreader.ui.codebook.annotation_table_model import (
    COLUMN_KIND,
    COLUMN_NOTE,
    COLUMN_TAGS,
    COLUMN_TEXT,
    AnnotationTableModel,
)


@pytest.fixture
def article_id(project) -> int:
    return project.store.article_ids()[0]


@pytest.fixture
def annotated(project, article_id, tag_ids) -> list[int]:
    """Two passages and one figure annotation in the first article."""
    project.annotate(article_id, 0, 8, [tag_ids["政策"]], note="first")
    project.annotate(article_id, 20, 30, [tag_ids["数据"], tag_ids["人物"]])
    _, figure = next((a, f) for a, f in project.store.figures(article_id) if f.value is not None)
    project.annotate_figure(article_id, figure, [tag_ids["数据"]])
    return [a.id for a in project.store.annotations(article_id=article_id)]


@pytest.fixture
def panel(controller, settings, qtbot, article_id, annotated) -> AnnotationListPanel:
    widget = AnnotationListPanel(controller, settings)
    qtbot.addWidget(widget)
    widget.resize(700, 300)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_article(article_id)
    return widget


def test_model_passes_modeltester(qtmodeltester, project, article_id, annotated) -> None:
    model = AnnotationTableModel()
    model.set_rows(project.store.annotations(article_id=article_id), project.store.tags())
    qtmodeltester.check(model, force_py=True)


def test_shows_the_article_annotations(panel, project, tag_ids) -> None:
    model = panel.model
    assert model.rowCount() == 3
    assert "3 annotation" in panel.count_label.text()
    rows = {model.index(r, COLUMN_TEXT).data(): r for r in range(3)}
    first = project.store.annotations()[0]
    row = rows[first.quote]
    assert model.index(row, COLUMN_TAGS).data() == "政策"
    swatch = model.index(row, COLUMN_TAGS).data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(swatch, QColor)
    assert swatch.name() == project.store.tag(tag_ids["政策"]).color.lower()
    assert model.index(row, COLUMN_NOTE).data() == "first"
    assert model.index(row, COLUMN_KIND).data() == "passage"
    figure_row = next(r for r in range(3) if model.annotation(r).kind == "figure")
    figure = model.annotation(figure_row)
    assert figure.figure_unit in model.index(figure_row, COLUMN_KIND).data()


def test_edit_note_inline(panel, project, qtbot, annotated) -> None:
    index = panel.model.index(0, COLUMN_NOTE)
    panel.view.setCurrentIndex(index)
    panel.view.edit(index)
    editor = panel.view.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "check source")  # QTest types ASCII only
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: project.store.annotation(annotated[0]).note == "check source")
    assert panel.model.index(0, COLUMN_NOTE).data() == "check source"


def test_edit_note_with_dialog_then_undo(panel, project, controller, monkeypatch) -> None:
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", staticmethod(lambda *args, **kw: ("新的备注", True))
    )
    panel.view.selectRow(1)
    assert panel.note_button.isEnabled()
    panel.note_button.click()
    annotation_id = panel.model.annotation(1).id
    assert project.store.annotation(annotation_id).note == "新的备注"
    assert panel.model.index(1, COLUMN_NOTE).data() == "新的备注"
    controller.undo()
    assert panel.model.index(1, COLUMN_NOTE).data() == ""


def test_change_tags_with_the_checkable_list(panel, project, tag_ids, monkeypatch) -> None:
    def accept_with_only_people(dialog: QDialog) -> int:
        for row in range(dialog.items.rowCount()):
            item = dialog.items.item(row)
            wanted = item.text() == "人物"
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(annotation_list_panel.TagChoiceDialog, "exec", accept_with_only_people)
    panel.view.selectRow(0)
    annotation_id = panel.model.annotation(0).id
    panel.tags_button.click()
    assert project.store.annotation(annotation_id).tag_ids == (tag_ids["人物"],)
    assert panel.model.index(0, COLUMN_TAGS).data() == "人物"


def test_delete_with_the_delete_key_and_undo(panel, project, controller, qtbot) -> None:
    panel.view.setFocus()
    panel.view.selectRow(0)
    doomed = panel.model.annotation(0).id
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert doomed not in [a.id for a in project.store.annotations()]
    assert panel.model.rowCount() == 2
    controller.undo()
    assert panel.model.rowCount() == 3
    panel.view.selectRow(0)
    panel.delete_button.click()
    assert panel.model.rowCount() == 2


def test_double_click_activates(panel, qtbot) -> None:
    annotation = panel.model.annotation(1)
    rect = panel.view.visualRect(panel.model.index(1, COLUMN_TEXT))
    with qtbot.waitSignal(panel.annotation_activated) as activated:
        # QTest's first synthetic double click only registers as a press: click first.
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert activated.args == [annotation.article_id, annotation.start, annotation.end]


def test_empty_and_other_articles(panel, project, controller, tag_ids) -> None:
    other = project.store.article_ids()[1]
    panel.set_article(other)
    assert panel.model.rowCount() == 0
    assert panel.empty_label.isVisible()
    controller.run(lambda: project.annotate(other, 0, 4, [tag_ids["政策"]]))
    assert panel.model.rowCount() == 1
    assert not panel.empty_label.isVisible()
    QApplication.processEvents()


def test_the_coder_filter_shows_one_coder(panel, project, article_id, tag_ids) -> None:  # type: ignore[no-untyped-def]
    assert panel.coder_box.isHidden()  # one coder: nothing to choose
    project.coder = "李四"
    project.annotate(article_id, 40, 44, [tag_ids["政策"]])
    panel.refresh()
    assert not panel.coder_box.isHidden()
    assert [panel.coder_box.itemText(i) for i in range(panel.coder_box.count())] == [
        "All coders",
        "tester",
        "李四",
    ]
    panel.coder_box.setCurrentIndex(panel.coder_box.findData("李四"))
    assert panel.model.rowCount() == 1 and panel.count_label.text() == "1 of 4 annotations"
    panel.refresh()  # kept across a refresh
    assert panel.coder_box.currentData() == "李四" and panel.model.rowCount() == 1
    panel.coder_box.setCurrentIndex(0)
    assert panel.model.rowCount() == 4

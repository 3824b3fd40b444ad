"""The codebook panel: create, rename, recolour, move, merge, delete, pin, passages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog, QMenu

from hnreader.ui.codebook import tag_panel as tag_panel_module
from hnreader.ui.codebook.tag_dialogs import DeleteChoice, DeleteTagDialog, TagDialog, TagFields
from hnreader.ui.codebook.tag_panel import TagPanel, TagPassageModel
from hnreader.ui.codebook.tag_tree_model import TagTreeModel


@pytest.fixture
def panel(qtbot, controller, settings) -> TagPanel:
    widget = TagPanel(controller, settings)
    qtbot.addWidget(widget)
    widget.resize(320, 640)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def tree_names(panel: TagPanel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    model = panel.tree.model()
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def click_tag(qtbot, panel: TagPanel, tag_id: int) -> None:
    index = panel.model.index_of(tag_id)
    panel.tree.scrollTo(index)
    rect = panel.tree.visualRect(index)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def double_click(qtbot, view, index) -> None:
    # QTest's double click has no press before it; item views ignore that, so press first.
    pos = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def menu_action(menu: QMenu, *path: str):
    for text in path[:-1]:
        menu = next(a.menu() for a in menu.actions() if a.text() == text)
    return next(a for a in menu.actions() if a.text() == path[-1])


def annotate(controller, tag_id: int, count: int = 2) -> list[int]:
    project = controller.project
    article_id = project.store.article_ids()[0]
    ids = []
    for n in range(count):
        change = controller.run(
            lambda n=n: project.annotate(article_id, n * 10, n * 10 + 5, [tag_id])
        )
        ids.append(change.result_id)
    return ids


def test_tree_shows_the_codebook_with_counts(panel, tag_ids, qtmodeltester, controller):
    annotate(controller, tag_ids["政策"], 2)
    assert sorted(tree_names(panel)) == sorted(["政策", "数据", "人物"])
    index = panel.model.index_of(tag_ids["政策"], TagTreeModel.COUNT)
    assert index.data() == "2"
    assert panel.model.index_of(tag_ids["政策"]).data(Qt.ItemDataRole.DecorationRole)
    qtmodeltester.check(panel.model)


def test_create_tag_through_the_button_and_undo(panel, controller, monkeypatch, qtbot):
    monkeypatch.setattr(
        TagDialog,
        "ask_new",
        staticmethod(
            lambda parent, tags, parent_id=None: TagFields("精准扶贫", "#123456", "", None)
        ),
    )
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    assert "精准扶贫" in tree_names(panel)
    tag = controller.project.store.tag_by_name("精准扶贫")
    assert tag.color == "#123456"
    assert panel.current_tag_id() == tag.id

    controller.undo()
    assert "精准扶贫" not in tree_names(panel)


def test_new_tag_dialog_makes_the_fields(qtbot, controller):
    dialog = TagDialog(controller.project.store.tags())
    qtbot.addWidget(dialog)
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    qtbot.keyClicks(dialog.name_edit, "  Poverty  ")
    assert dialog.fields().name == "Poverty"
    assert dialog.fields().parent_id is None


def test_rename_with_f2_and_undo(panel, controller, tag_ids, monkeypatch, qtbot):
    monkeypatch.setattr(
        QInputDialog, "exec", lambda dialog: (dialog.setTextValue("政策文件"), 1)[1]
    )
    click_tag(qtbot, panel, tag_ids["政策"])
    qtbot.keyClick(panel.tree, Qt.Key.Key_F2)
    assert "政策文件" in tree_names(panel)
    assert panel.current_tag_id() == tag_ids["政策"]
    controller.undo()
    assert "政策" in tree_names(panel)


def test_recolour_from_the_context_menu(panel, controller, tag_ids, monkeypatch):
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *a, **k: QColor("#00aa55")))
    menu = panel.build_menu(tag_ids["数据"])
    menu_action(menu, "Colour…").trigger()
    assert controller.project.store.tag(tag_ids["数据"]).color == "#00AA55"
    controller.undo()
    assert controller.project.store.tag(tag_ids["数据"]).color != "#00AA55"


def test_move_by_drag_and_drop_and_by_menu(panel, controller, tag_ids):
    model = panel.model
    source = model.index_of(tag_ids["人物"])
    target = model.index_of(tag_ids["政策"])
    data = model.mimeData([source])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)

    assert controller.project.store.tag(tag_ids["人物"]).parent_id == tag_ids["政策"]
    parent = panel.model.index_of(tag_ids["政策"])
    assert tree_names(panel, parent) == ["人物"]
    assert panel.tree.isExpanded(parent)
    # A tag cannot go under its own child.
    child_index = panel.model.index_of(tag_ids["人物"])
    data = panel.model.mimeData([panel.model.index_of(tag_ids["政策"])])
    assert not panel.model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, child_index)

    menu_action(panel.build_menu(tag_ids["人物"]), "Move To", "Top Level").trigger()
    assert controller.project.store.tag(tag_ids["人物"]).parent_id is None
    controller.undo()
    assert controller.project.store.tag(tag_ids["人物"]).parent_id == tag_ids["政策"]
    controller.undo()
    assert sorted(tree_names(panel)) == sorted(["政策", "数据", "人物"])


def test_merge_moves_passages_and_undo_restores(panel, controller, tag_ids, monkeypatch):
    annotate(controller, tag_ids["人物"], 2)
    monkeypatch.setattr(
        tag_panel_module.MergeTagDialog, "ask", staticmethod(lambda *a: tag_ids["政策"])
    )
    menu_action(panel.build_menu(tag_ids["人物"]), "Merge Into…").trigger()
    assert "人物" not in tree_names(panel)
    assert panel.model.index_of(tag_ids["政策"], TagTreeModel.COUNT).data() == "2"
    controller.undo()
    assert "人物" in tree_names(panel)
    assert controller.project.store.tag(tag_ids["人物"]).annotation_count == 2


def test_delete_dialog_says_how_many_and_offers_the_choice(qtbot, controller, tag_ids):
    annotate(controller, tag_ids["政策"], 3)
    tags = controller.project.store.tags()
    tag = next(t for t in tags if t.id == tag_ids["政策"])
    dialog = DeleteTagDialog(tag, tags)
    qtbot.addWidget(dialog)
    message = dialog.message_label.text()
    assert "3 passages" in message and "政策" in message
    assert dialog.choice() == DeleteChoice("reassign", dialog.target_combo.currentData())
    dialog.delete_radio.setChecked(True)
    assert dialog.choice() == DeleteChoice("delete")


def test_delete_reassigning_passages_then_undo(panel, controller, tag_ids, monkeypatch, qtbot):
    annotate(controller, tag_ids["政策"], 2)
    monkeypatch.setattr(
        tag_panel_module.DeleteTagDialog,
        "ask",
        staticmethod(lambda *a: DeleteChoice("reassign", tag_ids["数据"])),
    )
    click_tag(qtbot, panel, tag_ids["政策"])
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert "政策" not in tree_names(panel)
    assert controller.project.store.tag(tag_ids["数据"]).annotation_count == 2
    controller.undo()
    assert controller.project.store.tag(tag_ids["政策"]).annotation_count == 2


def test_delete_with_its_passages(panel, controller, tag_ids, monkeypatch):
    annotate(controller, tag_ids["政策"], 2)
    monkeypatch.setattr(
        tag_panel_module.DeleteTagDialog, "ask", staticmethod(lambda *a: DeleteChoice("delete"))
    )
    panel.delete_tag(tag_ids["政策"])
    assert controller.project.store.annotations() == []
    controller.undo()
    assert len(controller.project.store.annotations()) == 2


def test_pinned_tags_get_numbered_buttons(panel, controller, tag_ids, settings, qtbot):
    assert panel.pinned_tag(1) is None
    assert panel.pin_hint.isVisible()
    menu_action(panel.build_menu(tag_ids["数据"]), "Pin to Key", "1").trigger()
    menu_action(panel.build_menu(tag_ids["政策"]), "Pin to Key", "3").trigger()

    assert panel.pinned_tag(1) == tag_ids["数据"]
    assert panel.pinned_tag(2) is None
    assert panel.pinned_tag(3) == tag_ids["政策"]
    assert settings.pinned_tags(str(controller.project.path))[:3] == [
        tag_ids["数据"],
        0,
        tag_ids["政策"],
    ]
    assert [b.text() for b in panel.pin_buttons] == ["1  数据", "3  政策"]
    assert not panel.pin_hint.isVisible()
    with qtbot.waitSignal(panel.tag_applied) as blocker:
        qtbot.mouseClick(panel.pin_buttons[1], Qt.MouseButton.LeftButton)
    assert blocker.args == [tag_ids["政策"]]

    panel.pin_tag(tag_ids["人物"])  # first free key
    assert panel.pinned_tag(2) == tag_ids["人物"]
    menu_action(panel.build_menu(tag_ids["数据"]), "Unpin (key 1)").trigger()
    assert panel.pinned_tag(1) is None
    for n in range(1, 10):
        panel.pin_tag(tag_ids["人物"], n)
    assert panel.pinned_tag(9) == tag_ids["人物"] and panel.pinned_tag(2) is None


def test_double_click_and_enter_apply_a_tag(panel, tag_ids, qtbot):
    with qtbot.waitSignal(panel.tag_applied) as blocker:
        double_click(qtbot, panel.tree, panel.model.index_of(tag_ids["人物"]))
    assert blocker.args == [tag_ids["人物"]]
    with qtbot.waitSignal(panel.tag_applied) as blocker:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert blocker.args == [tag_ids["人物"]]


def test_clicking_a_tag_lists_its_passages(panel, controller, tag_ids, qtbot, qtmodeltester):
    annotate(controller, tag_ids["数据"], 2)
    click_tag(qtbot, panel, tag_ids["数据"])
    model = panel.passages.model()
    assert model.rowCount() == 2
    article = controller.project.store.article(controller.project.store.article_ids()[0])
    assert model.index(0, TagPassageModel.PASSAGE).data() == " ".join(article.text[0:5].split())
    assert model.index(0, TagPassageModel.ARTICLE).data() == article.title
    assert "(2)" in panel.passages_label.text()
    qtmodeltester.check(panel.passage_model)

    received = []
    panel.passage_activated.connect(lambda *args: received.append(list(args)))
    double_click(qtbot, panel.passages, model.index(1, 0))
    assert received == [[article.id, 10, 15]]
    qtbot.keyClick(panel.passages, Qt.Key.Key_Up)
    qtbot.keyClick(panel.passages, Qt.Key.Key_Return)
    assert received[-1] == [article.id, 0, 5]


def test_description_is_saved_when_leaving_the_box(panel, controller, tag_ids, qtbot):
    click_tag(qtbot, panel, tag_ids["人物"])
    panel.description_edit.setFocus()
    qtbot.keyClicks(panel.description_edit, "People named")
    panel.tree.setFocus()
    assert controller.project.store.tag(tag_ids["人物"]).description == "People named"
    controller.undo()
    assert controller.project.store.tag(tag_ids["人物"]).description == ""
    assert panel.description_edit.toPlainText() == ""


def test_a_one_value_dialog_is_wide_enough_for_its_title(qtbot) -> None:
    from hnreader.ui.common import input_dialogs

    dialog = input_dialogs._dialog(None, "重命名标签", "新名称：")
    qtbot.addWidget(dialog)
    title = dialog.fontMetrics().horizontalAdvance("重命名标签 — hnreader")
    assert dialog.minimumWidth() >= title + input_dialogs.TITLE_MARGIN

"""The Ctrl+T tag picker: Hanzi, full pinyin and initials; keys; creating a tag."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from ui_helpers import type_text

from hnreader.ui.codebook.tag_picker import TagPicker, pinyin_keys


@pytest.fixture
def tags(controller):
    project = controller.project
    for name in ("精准扶贫", "脱贫攻坚", "扶贫产业", "Jobs"):
        controller.run(lambda name=name: project.add_tag(name))
    return project.store.tags()


def make_picker(qtbot, tags, controller=None) -> TagPicker:
    picker = TagPicker(tags, controller)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    return picker


def listed(picker: TagPicker) -> list[str]:
    model = picker.list_view.model()
    return [model.index(r).data().split("   (")[0] for r in range(model.rowCount())]


def test_pinyin_keys():
    assert pinyin_keys("精准扶贫") == ("jingzhunfupin", "jzfp")
    assert pinyin_keys("2024年 AB") == ("2024nianab", "2024nab")


@pytest.mark.parametrize("typed", ["jzfp", "JZFP", "jingzhun", "精准", "准扶"])
def test_typing_finds_the_tag(qtbot, tags, typed):
    picker = make_picker(qtbot, tags)
    type_text(qtbot, picker.query_edit, typed)
    assert listed(picker)[0] == "精准扶贫"


def test_hanzi_substring_lists_every_match_best_first(qtbot, tags):
    picker = make_picker(qtbot, tags)
    type_text(qtbot, picker.query_edit, "扶贫")
    assert listed(picker) == ["扶贫产业", "精准扶贫"]  # a name starting with it ranks first
    assert picker.hint.text() == "2 matching tags"


def test_enter_returns_the_highlighted_tag_and_arrows_move(qtbot, tags):
    picker = make_picker(qtbot, tags)
    by_name = {t.name: t.id for t in tags}
    type_text(qtbot, picker.query_edit, "fp")
    assert listed(picker)[:2] == ["扶贫产业", "精准扶贫"]
    qtbot.keyClick(picker.query_edit, Qt.Key.Key_Down)
    qtbot.keyClick(picker.query_edit, Qt.Key.Key_Down)
    qtbot.keyClick(picker.query_edit, Qt.Key.Key_Up)
    qtbot.keyClick(picker.query_edit, Qt.Key.Key_Down)
    with qtbot.waitSignal(picker.accepted):
        qtbot.keyClick(picker.query_edit, Qt.Key.Key_Return)
    assert picker.chosen_tag_id == by_name["精准扶贫"]


def test_no_match_offers_to_create_the_tag(qtbot, tags, controller):
    picker = make_picker(qtbot, tags, controller)
    type_text(qtbot, picker.query_edit, "易地搬迁")
    assert listed(picker) == ["Create tag “易地搬迁”"]
    assert picker.hint.text() == "No tag matches; Enter creates it"
    qtbot.keyClick(picker.query_edit, Qt.Key.Key_Return)
    created = controller.project.store.tag_by_name("易地搬迁")
    assert picker.chosen_tag_id == created.id
    assert picker.result() == QDialog.DialogCode.Accepted


def test_without_a_controller_nothing_is_offered(qtbot, tags):
    picker = make_picker(qtbot, tags)
    type_text(qtbot, picker.query_edit, "xyz")
    assert listed(picker) == []
    qtbot.keyClick(picker.query_edit, Qt.Key.Key_Return)
    assert picker.chosen_tag_id is None and picker.isVisible()


def test_pick_helper(qtbot, tags):
    def drive():
        picker = QApplication.activeModalWidget()
        assert isinstance(picker, TagPicker)
        qtbot.keyClicks(picker.query_edit, "tpgj")
        qtbot.keyClick(picker.query_edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, drive)
    assert TagPicker.pick(None, tags) == next(t.id for t in tags if t.name == "脱贫攻坚")


def test_model_passes_the_model_tester(qtbot, tags, qtmodeltester, controller):
    picker = make_picker(qtbot, tags, controller)
    type_text(qtbot, picker.query_edit, "pin")
    qtmodeltester.check(picker.model)

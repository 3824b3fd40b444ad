"""Analyse ▸ Resolve Disagreements…: find them off the GUI thread, see both codings in their
lanes (UTF-16 positions only in the widget), accept into the consensus coder, undo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCursor

from hnreader.core.project import Project
from hnreader.ui.curation.disagreement_dialog import DisagreementDialog
from hnreader.ui.project.project_controller import ProjectController
from tests.core.merge.conftest import diverge


def _merged(tmp_path: Path, segmenter) -> Project:  # type: ignore[no-untyped-def]
    pair = diverge(tmp_path, segmenter)
    project = Project.open(pair.a, create=False, segmenter=segmenter, coder="甲")
    project.merge_coding(pair.b)
    return project


def _found(qtbot, dialog: DisagreementDialog) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.model.modelReset, timeout=10000):
        dialog.find_button.click()


def _choose(dialog: DisagreementDialog, a: str, b: str) -> None:
    dialog.coder_a.setCurrentIndex(dialog.coder_a.findData(a))
    dialog.coder_b.setCurrentIndex(dialog.coder_b.findData(b))


def test_find_see_both_codings_accept_and_undo(qtbot, tmp_path: Path, segmenter) -> None:  # type: ignore[no-untyped-def]
    project = _merged(tmp_path, segmenter)
    controller = ProjectController(project)
    dialog = DisagreementDialog(project, controller)
    qtbot.addWidget(dialog)
    _choose(dialog, "甲", "乙")
    dialog.tag_box.setCurrentIndex(dialog.tag_box.findData(project.tag_by_name("成效").id))
    _found(qtbot, dialog)
    expected = project.disagreements("甲", "乙", tag_ids=[project.tag_by_name("成效").id])
    assert dialog.model.rowCount() == len(expected) == 4
    # the first: the opening sentence, where 乙 coded 𠮷野家今天 and 甲 coded 𠮷野家会继续扩张
    d = dialog.current()
    assert d is not None and d == expected[0]
    lane_a, lane_b, lane_c = dialog.lanes
    assert lane_a.text.toPlainText() == "𠮷野家今天在长沙开了第一家店。"
    (selection,) = lane_b.text.extraSelections()
    assert selection.cursor.selectedText() == "𠮷野家今天"
    assert (selection.cursor.selectionStart(), selection.cursor.selectionEnd()) == (0, 6)  # UTF-16
    assert lane_a.text.extraSelections() == [] and lane_c.text.extraSelections() == []
    assert [dialog.model.index(0, c).data() for c in range(2, 5)] == ["—", "coded", "—"]
    with qtbot.waitSignal(dialog.model.modelReset, timeout=10000):
        dialog.accept_b.click()
    (consensus,) = project.annotations(coder="consensus")
    assert consensus.quote == "𠮷野家今天"
    assert dialog.model.index(0, 4).data() == "coded"
    assert dialog.table.currentIndex().row() == 1  # on to the next one
    assert controller.undo() is not None and project.annotations(coder="consensus") == []
    project.close()


def test_use_a_selection_as_the_consensus(qtbot, tmp_path: Path, segmenter) -> None:  # type: ignore[no-untyped-def]
    project = _merged(tmp_path, segmenter)
    dialog = DisagreementDialog(project, ProjectController(project))
    qtbot.addWidget(dialog)
    _choose(dialog, "甲", "乙")
    dialog.consensus_edit.setText("主编")
    dialog.tag_box.setCurrentIndex(dialog.tag_box.findData(project.tag_by_name("成效").id))
    _found(qtbot, dialog)
    lane = dialog.lanes[2]
    cursor = lane.text.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(3, QTextCursor.MoveMode.KeepAnchor)  # 𠮷野 in UTF-16 units
    lane.text.setTextCursor(cursor)
    with qtbot.waitSignal(dialog.model.modelReset, timeout=10000):
        dialog.use_selection.click()
    (consensus,) = project.annotations(coder="主编")
    assert consensus.quote == "𠮷野" and (consensus.start, consensus.end) == (0, 2)
    assert "主编" in project.coders()  # and so in Coder Agreement's list of coders
    dialog.grab().save(str(tmp_path / "disagreements.png"))
    project.close()

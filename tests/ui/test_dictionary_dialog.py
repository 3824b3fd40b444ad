"""The user dictionary dialog: add and remove words through the controller."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from ui_helpers import type_text

from hnreader import paths
from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.project import Project
from hnreader.ui.project.dictionary_dialog import DictionaryDialog
from hnreader.ui.project.project_controller import ProjectController
from hnreader.ui.search.search_panel import SearchPanel

WORD = "湘西苗寨"


@pytest.fixture
def own_controller(project_template, tmp_path, qtbot):
    """A project with its own segmenter: user words must not leak into the shared one."""
    path = tmp_path / "dictionary.hnreader.sqlite"
    shutil.copyfile(project_template, path)
    project = Project.open(
        path, create=False, segmenter=Segmenter(cache_dir=paths.jieba_cache_dir())
    )
    yield ProjectController(project)
    project.close()


@pytest.fixture
def dialog(qtbot, own_controller) -> DictionaryDialog:
    widget = DictionaryDialog(own_controller)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_adding_a_word_lists_it_and_changes_segmentation(dialog, own_controller, qtbot, settings):
    search = SearchPanel(own_controller, settings)
    qtbot.addWidget(search)
    search.set_query(WORD)
    assert search.segments_label.text() == "湘西 | 苗寨"
    assert not dialog.add_button.isEnabled()

    type_text(qtbot, dialog.word_edit, WORD)
    assert dialog.add_button.isEnabled()
    qtbot.keyClick(dialog.word_edit, Qt.Key.Key_Return)

    assert dialog.words() == [WORD]
    assert own_controller.project.store.user_words() == [WORD]
    assert dialog.word_edit.text() == ""
    assert dialog.count_label.text() == "1 word"
    assert search.segments_label.text() == WORD

    own_controller.undo()
    assert dialog.words() == []
    assert search.segments_label.text() == "湘西 | 苗寨"


def test_removing_selected_words(dialog, own_controller, qtbot):
    for word in ("精准脱贫", "驻村干部", "易地搬迁"):
        type_text(qtbot, dialog.word_edit, word)
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.words() == sorted(["精准脱贫", "驻村干部", "易地搬迁"])
    assert dialog.count_label.text() == "3 words"

    selection = dialog.list_view.selectionModel()
    selection.clearSelection()
    for row in (0, 2):
        selection.select(dialog.model.index(row), QItemSelectionModel.SelectionFlag.Select)
    kept = dialog.words()[1]
    assert dialog.remove_button.isEnabled()
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)

    assert dialog.words() == [kept]
    assert own_controller.project.store.user_words() == [kept]
    assert not dialog.remove_button.isEnabled()


def test_a_refused_word_changes_nothing(dialog, own_controller, qtbot):
    failures = []
    own_controller.action_failed.connect(failures.append)
    type_text(qtbot, dialog.word_edit, "太" * 31)  # the line edit stops at 30
    assert len(dialog.word_edit.text()) == 30
    dialog.word_edit.setText("两 个")
    qtbot.keyClick(dialog.word_edit, Qt.Key.Key_Return)
    assert failures and dialog.words() == []
    assert dialog.word_edit.text() == "两 个"  # kept, so the user can fix it

"""File ▸ Merge Coding from Project… and Export Coder Package…: real widgets, the preview off
the GUI thread, the tag mapping step, the merge as one undo step, the report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QLabel

from hnreader.core.project import Project
from hnreader.ui.merge.merge_dialog import MergeDialog
from hnreader.ui.merge.package_dialog import PackageDialog
from hnreader.ui.project.project_controller import ProjectController
from tests.core.merge.conftest import diverge


def _combos(dialog: MergeDialog) -> dict[str, QComboBox]:
    form = dialog.tags_form
    found = {}
    for row in range(form.rowCount()):
        label = form.itemAt(row, form.ItemRole.LabelRole).widget()
        combo = form.itemAt(row, form.ItemRole.FieldRole).widget()
        assert isinstance(label, QLabel) and isinstance(combo, QComboBox)
        found[label.text()] = combo
    return found


def test_map_a_renamed_tag_merge_and_undo(qtbot, tmp_path: Path, segmenter) -> None:  # type: ignore[no-untyped-def]
    pair = diverge(tmp_path, segmenter)
    project = Project.open(pair.a, create=False, segmenter=segmenter, coder="甲")
    controller = ProjectController(project)
    before = len(project.annotations())
    dialog = MergeDialog(project, controller, pair.b)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.counts.index(0, 1).data() == "5"  # annotations added, in the preview
    combos = _combos(dialog)
    assert list(combos) == ["政策/产业"]  # 乙 never renamed it
    combo = combos["政策/产业"]
    assert combo.currentText() == "New tag “政策/产业”"
    onto = combo.findData("政策/产业扶贫")
    dialog.report = None
    combo.setCurrentIndex(onto)
    combo.activated.emit(onto)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.tag_map == {"政策/产业": "政策/产业扶贫"}
    assert dialog.counts.index(0, 1).data() == "4" and dialog.counts.index(0, 3).data() == "2"
    assert "nothing is changed yet" in dialog.status.text()
    assert len(project.annotations()) == before
    dialog.show()
    with qtbot.waitSignal(dialog.merged, timeout=20000):
        dialog.merge_button.click()  # the merge runs in the background
        assert not dialog.close_button.isEnabled() and not dialog.tags_box.isEnabled()
        dialog.reject()  # Esc while it writes: the dialog stays until the merge is done
        assert dialog.isVisible()
    assert dialog.close_button.isEnabled()
    assert len(project.annotations()) == before + 4
    assert "Merged." in dialog.status.text() and dialog.merge_button.isHidden()
    assert "政策/产业" not in [t.path for t in project.tags()]
    dialog.grab().save(str(tmp_path / "merge.png"))
    controller.undo()
    assert len(project.annotations()) == before
    project.close()


def test_the_report_lists_orphans(qtbot, tmp_path: Path, segmenter) -> None:  # type: ignore[no-untyped-def]
    pair = diverge(tmp_path, segmenter, crossing=True)
    project = Project.open(pair.b, create=False, segmenter=segmenter, coder="乙")
    dialog = MergeDialog(project, ProjectController(project), pair.a)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.orphans.rowCount() == 1
    cells = [dialog.orphans.index(0, c).data() for c in range(5)]
    assert cells == ["Annotation", "甲", "𠮷野家开新店", "政策", "有人说味道不错。 第三段"]
    project.close()


def test_a_file_that_is_no_project_is_refused_in_the_dialog(
    qtbot, project, controller, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "notes.sqlite"
    other.write_bytes(b"plain bytes, not a database" * 50)
    dialog = MergeDialog(project, controller, other)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "not an hnreader project" in dialog.status.text(), timeout=10000)
    assert not dialog.merge_button.isEnabled()


def test_export_a_package_for_one_coder(qtbot, project, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tag = project.tags()[0].id
    for coder in ("王芳", "李四"):
        project.coder = coder
        project.annotate(1, 0, 4, [tag])
    dialog = PackageDialog(project)
    qtbot.addWidget(dialog)
    dialog.coder_box.setCurrentIndex(dialog.coder_box.findData("李四"))
    out = tmp_path / "李四.sqlite"
    dialog.export(out)
    qtbot.waitUntil(lambda: dialog.result_path is not None, timeout=10000)
    assert "1 annotation(s) of other coders left out" in dialog.status.text()
    with Project.open(out, create=False, segmenter=project.segmenter) as package:
        assert [a.coder for a in package.annotations()] == ["李四"]


def test_an_older_format_file_is_merged_from_an_upgraded_copy(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, segmenter
) -> None:
    import hashlib

    from tests.core.merge.conftest import OLDER_FORMAT, older_format

    pair = diverge(tmp_path, segmenter)
    old = older_format(pair.b, tmp_path / "乙-old.sqlite")
    digest = hashlib.sha256(old.read_bytes()).hexdigest()
    project = Project.open(pair.a, create=False, segmenter=segmenter, coder="甲")
    controller = ProjectController(project)
    before = len(project.annotations())
    dialog = MergeDialog(project, controller, old)
    qtbot.addWidget(dialog)
    assert f"older hnreader (file format {OLDER_FORMAT})" in dialog.status.text()
    assert not dialog.progress.isHidden()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20000)
    assert dialog.progress.isHidden()
    copy = dialog.source.path if dialog.source is not None else None
    assert copy is not None and copy != old and copy.name == old.name and copy.exists()
    assert dialog.counts.index(0, 1).data() == "5"
    dialog.show()
    with qtbot.waitSignal(dialog.merged, timeout=20000):
        dialog.merge_button.click()
    assert len(project.annotations()) == before + 5 and "Merged." in dialog.status.text()
    dialog.accept()
    assert not copy.exists() and not copy.parent.exists()  # the copy is deleted
    assert hashlib.sha256(old.read_bytes()).hexdigest() == digest  # the file never written
    controller.undo()
    assert len(project.annotations()) == before
    project.close()


def test_closing_while_the_copy_is_upgraded_leaves_no_copy(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, segmenter
) -> None:
    import os
    import tempfile

    from tests.core.merge.conftest import older_format

    def leftovers() -> set[str]:
        return {n for n in os.listdir(tempfile.gettempdir()) if n.startswith("hnreader-merge-")}

    pair = diverge(tmp_path, segmenter)
    old = older_format(pair.b, tmp_path / "乙-old.sqlite")
    before = leftovers()
    project = Project.open(pair.a, create=False, segmenter=segmenter, coder="甲")
    dialog = MergeDialog(project, ProjectController(project), old)
    qtbot.addWidget(dialog)
    worker = dialog._worker
    assert worker is not None
    with qtbot.waitSignal(worker.signals.ended, timeout=20000):
        dialog.close_button.click()  # Cancel, at once
    qtbot.waitUntil(lambda: leftovers() == before, timeout=5000)
    assert dialog.source is None
    project.close()

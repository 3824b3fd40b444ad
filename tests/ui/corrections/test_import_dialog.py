"""The import dialog: options and a live preview that follows them (issue 13, item 5)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from hnreader.core.project import Project
from hnreader.ui.importing.import_dialog import ImportDialog
from hnreader.ui.importing.preview_table_model import PreviewTableModel

TRANSCRIPT = (
    "## 第一条新闻\n\n湖南省今年粮食总产量达到六百亿斤。\n\n"
    "## 第二条新闻\n\n长沙地铁六号线今天开通运营。\n\n"
    "## 第三条新闻\n\n株洲举办轨道交通博览会。\n点击进入专题 >>\n"
)


def _titles(dialog: ImportDialog) -> list[str]:
    model = dialog.model
    return [model.data(model.index(r, PreviewTableModel.TITLE)) for r in range(model.rowCount())]


def test_the_preview_follows_the_split_mode_and_writes_nothing(
    qtbot, project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "transcript.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    before = project.article_count()
    dialog = ImportDialog(project, [path])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=20000)
    assert _titles(dialog) == ["第一条新闻", "第二条新闻", "第三条新闻"]
    with qtbot.waitSignal(dialog.preview_shown, timeout=20000):
        dialog.form.split.setCurrentIndex(1)  # one article per file
    assert len(_titles(dialog)) == 1
    with qtbot.waitSignal(dialog.preview_shown, timeout=20000):
        dialog.form.split.setCurrentIndex(3)
        dialog.form.pattern.setText("^## 第[一二]")  # typed: keyClicks takes ASCII only
    assert _titles(dialog) == ["第一条新闻", "第二条新闻"]
    assert project.article_count() == before


def test_a_bad_pattern_is_named_and_import_is_disabled(
    qtbot, project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "transcript.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    dialog = ImportDialog(project, [path])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.split.setCurrentIndex(3)
    qtbot.keyClicks(dialog.form.pattern, "([")
    dialog.refresh_preview()
    assert dialog.problem_label.isVisible()
    assert "regular expression" in dialog.problem_label.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.options() is None


def test_selecting_an_article_shows_its_set_aside_lines(
    qtbot, project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "transcript.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    dialog = ImportDialog(project, [path])
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.preview_shown, timeout=20000):
        pass
    row = _titles(dialog).index("第三条新闻")
    rect = dialog.table.visualRect(dialog.model.index(row, PreviewTableModel.TITLE))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert "点击进入专题" in dialog.set_aside.toPlainText()

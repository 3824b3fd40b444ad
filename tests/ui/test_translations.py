"""The Simplified Chinese UI: the .ts is complete, the .qm is current, and the window uses it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from hnreader.core.project import Project
from hnreader.ui.app import install_translations
from hnreader.ui.common.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "hnreader_zh_CN.ts"
QM = TRANSLATIONS / "hnreader_zh_CN.qm"
PLACEHOLDER = re.compile(r"%(?:\d+|n)")


def _qt_tool(name: str) -> Path | None:
    """pyside6-lupdate / pyside6-lrelease of the running venv, if installed."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return candidate
    return None


def _messages(ts: Path) -> Iterator[tuple[str, ET.Element]]:
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            yield name, message


def _translation_texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.findall("numerusform")]
    return [translation.text or ""]


def test_the_qm_loads_and_translates_known_strings() -> None:
    translator = QTranslator()
    assert translator.load(str(QM))
    assert "文件" in translator.translate("MainWindow", "&File")
    assert "帮助" in translator.translate("MainWindow", "&Help")
    assert translator.translate("TagPanel", "Codebook") == "编码本"
    assert "%1" in translator.translate("AnnotationListPanel", "%1 annotations")
    # QTranslator leaves %n for QCoreApplication.translate to fill in.
    assert (
        translator.translate("ExportDialog", "%n row(s) will be written.", "", 3)
        == "将写入 %n 行。"
    )


def test_every_message_is_translated_with_its_placeholders() -> None:
    problems = []
    count = 0
    for context, message in _messages(TS):
        count += 1
        source = message.findtext("source", "")
        translation = message.find("translation")
        assert translation is not None
        where = f"{context}: {source!r}"
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{where} is {translation.get('type')}")
            continue
        for text in _translation_texts(message):
            if not text.strip():
                problems.append(f"{where} has an empty translation")
            missing = set(PLACEHOLDER.findall(source)) - set(PLACEHOLDER.findall(text))
            if missing:
                problems.append(f"{where} lacks {sorted(missing)} in {text!r}")
            if "&" in source.replace("&&", "") and "&" not in text:
                problems.append(f"{where} lost its keyboard accelerator in {text!r}")
    assert count > 200
    assert not problems, "\n".join(problems)


@pytest.mark.skipif(_qt_tool("pyside6-lrelease") is None, reason="pyside6-lrelease not installed")
def test_the_committed_qm_is_compiled_from_the_current_ts(tmp_path: Path) -> None:
    lrelease = _qt_tool("pyside6-lrelease")
    assert lrelease is not None
    fresh = tmp_path / "fresh.qm"
    subprocess.run(
        [str(lrelease), "-silent", str(TS), "-qm", str(fresh)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert fresh.read_bytes() == QM.read_bytes(), "run scripts/update_translations and commit"


@pytest.mark.skipif(_qt_tool("pyside6-lupdate") is None, reason="pyside6-lupdate not installed")
def test_the_ts_holds_every_ui_string(tmp_path: Path) -> None:
    """No tr() string of hnreader/ui is missing from the .ts (lupdate would add it)."""
    lupdate = _qt_tool("pyside6-lupdate")
    assert lupdate is not None
    updated = tmp_path / TS.name
    shutil.copyfile(TS, updated)
    sources = sorted(str(path) for path in (ROOT / "hnreader" / "ui").rglob("*.py"))
    subprocess.run(
        [
            str(lupdate),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            *sources,
            "-ts",
            str(updated),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )

    def keys(ts: Path) -> set[tuple[str, str]]:
        return {(context, message.findtext("source", "")) for context, message in _messages(ts)}

    new = keys(updated) - keys(TS)
    assert not new, f"untranslated UI strings, run scripts/update_translations: {sorted(new)}"


@pytest.fixture
def chinese(qtbot) -> Iterator[QApplication]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translations(app, "zh_CN")
    assert translators, "the zh_CN .qm did not load"
    yield app
    for translator in translators:
        app.removeTranslator(translator)


def test_the_main_window_in_chinese(
    chinese: QApplication, project: Project, settings: Settings, qtbot
) -> None:
    from hnreader.ui.main_window import MainWindow

    window = MainWindow(project, settings)
    qtbot.addWidget(window)
    titles = [action.text() for action in window.menuBar().actions() if action.text()]
    assert titles[:2] == ["文件(&F)", "编辑(&E)"]
    assert "帮助(&H)" in titles
    assert not any(re.search("[A-Za-z]{2,}", title.replace("(&", "")) for title in titles)
    assert QCoreApplication.translate("MainWindow", "&Undo") == "撤销(&U)"
    rows = QCoreApplication.translate("ExportDialog", "%n row(s) will be written.", "", 3)
    assert rows == "将写入 3 行。"


def test_a_refused_action_is_explained_in_chinese_by_its_error_code(
    chinese: QApplication, project_template: Path, tmp_path: Path, segmenter, qtbot
) -> None:
    import shutil

    from hnreader.ui.project.project_controller import ProjectController

    path = tmp_path / "只读.sqlite"
    shutil.copyfile(project_template, path)
    read_only = Project.open(path, segmenter=segmenter, read_only=True)
    controller = ProjectController(read_only)
    with qtbot.waitSignal(controller.action_failed) as refused:
        controller.run(lambda: read_only.add_tag("新"))
    message = refused.args[0]
    assert message.startswith("只读.sqlite 以只读方式打开，不能修改。")
    assert "read-only" in message  # the core's own wording follows, for the details
    read_only.close()


def test_the_undo_label_is_built_from_the_changes_kind_in_chinese(
    chinese: QApplication, project: Project, settings: Settings, qtbot
) -> None:
    from hnreader.ui.main_window import MainWindow

    window = MainWindow(project, settings)
    qtbot.addWidget(window)
    window.controller.run(lambda: project.add_tag("Edit tag “x”"))  # a name like a label
    assert window.undo_action.text() == "撤销 新建标签“Edit tag “x””(&U)"
    window.controller.undo()
    assert window.redo_action.text().startswith("重做 新建标签“Edit tag “x””")


def test_set_aside_reasons_are_worded_in_the_ui_language(qapp) -> None:
    from PySide6.QtCore import QCoreApplication

    from hnreader.ui.common.removed_reasons import reason_text

    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        assert reason_text("repeated in other files") == "在本次导入的其他文件中重复出现"
        assert reason_text("navigation") == "导航"
        assert reason_text("a reason no one wrote") == "a reason no one wrote"
    finally:
        QCoreApplication.removeTranslator(translator)

"""File ▸ Export ▸ REFI-QDA Project/Codebook and File ▸ Import REFI-QDA… in the window: the
files are written, the import is one undo step of the window, its report is shown."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from ui_helpers import open_window

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.project import Project
from hnreader.ui.common.settings import Settings
from hnreader.ui.exchange.report_dialog import ExchangeReportDialog


def _menu_titles(window) -> list[str]:  # type: ignore[no-untyped-def]
    file_menu = window.menuBar().actions()[0].menu()
    titles = [a.text() for a in file_menu.actions()]
    titles += [a.text() for a in window.export_menu.actions()]
    return titles


def test_export_and_import_through_the_menus(
    project: Project,
    settings: Settings,
    segmenter: Segmenter,
    tmp_path: Path,
    qtbot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(project, settings, qtbot, monkeypatch)
    assert {"REFI-QDA &Project (.qdpx)…", "REFI-QDA &Codebook (.qdc)…", "Import &REFI-QDA…"} <= set(
        _menu_titles(window)
    )
    tags = {t.name: t.id for t in project.tags()}
    first = project.article_ids()[0]
    project.annotate(first, 0, 4, [tags["政策"]], note="开头")
    out = tmp_path / "study.qdpx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.export_qdpx_action.trigger()
    qtbot.waitUntil(lambda: out.exists())
    assert zipfile.is_zipfile(out)
    assert any("1 annotation(s)" in m for m in window.messages)
    codebook = tmp_path / "codes.qdc"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(codebook), ""))
    window.export_qdc_action.trigger()
    assert codebook.exists() and any("3 tag(s)" in m for m in window.messages)

    with Project.open(tmp_path / "empty.sqlite", segmenter=segmenter, coder="me") as empty:
        other = open_window(empty, settings, qtbot, monkeypatch)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
        other.import_refi_action.trigger()
        qtbot.waitUntil(lambda: other.exchange.last_report is not None)
        dialog = other.exchange.last_report
        assert isinstance(dialog, ExchangeReportDialog) and dialog.isVisible()
        assert dialog.values["Articles"].text() == str(len(project.article_ids()))
        assert dialog.values["Annotations"].text() == "1"
        assert dialog.values["Coders"].text() == "tester"
        assert len(empty.article_ids()) == len(project.article_ids())
        assert "Import “study.qdpx”" in other.undo_action.text()
        other.undo_action.trigger()
        assert empty.article_ids() == [] and empty.annotations() == []
        dialog.close()
        other.close()


def test_a_bad_file_is_refused_with_its_reason(
    project: Project, settings: Settings, tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(project, settings, qtbot, monkeypatch)
    bad = tmp_path / "bad.qdpx"
    bad.write_bytes(b"no zip here")
    before = len(project.article_ids())
    assert window.exchange.run_import(bad) is None
    assert any("bad.qdpx" in m and "zip" in m for m in window.messages)
    assert len(project.article_ids()) == before


def test_the_report_lists_what_was_left_out(qtbot, tmp_path: Path) -> None:
    from hnreader.core.exchange import ExchangeReport, LeftOut

    report = ExchangeReport(
        file="interviews.qdpx",
        articles=2,
        tags=3,
        tags_reused=1,
        annotations=7,
        memos=2,
        variables=4,
        coders=("colin", "王芳"),
        left_out=(
            LeftOut("picture_sources", 2, ("photo1", "photo2")),
            LeftOut("selections_outside_text", 1, ("Anna: far",)),
            LeftOut("renamed_tags", 1, ("a/b → a／b",)),
        ),
        origin="QualCoder 3.5",
    )
    dialog = ExchangeReportDialog(report)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.left_out is not None
    shown = dialog.left_out.toPlainText()
    assert "2 picture source(s)" in shown and "photo1; photo2" in shown
    assert "a/b → a／b" in shown
    assert dialog.values["Coders"].text() == "colin, 王芳"
    dialog.grab().save(str(tmp_path / "report.png"))

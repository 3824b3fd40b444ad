"""Analyse ▸ Coder Agreement…: real widgets, the computation off the GUI thread, CSV and XLSX
export chosen by file type."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from hnreader.ui.team.agreement_dialog import AgreementDialog


def _two_coders(project) -> int:  # type: ignore[no-untyped-def]
    tag = project.add_tag("一致性").result_id
    text = project.article(1).text
    start = text.index("精准扶贫")
    for coder in ("王芳", "李四"):
        project.coder = coder
        project.annotate(1, start, start + 4, [tag])
    project.coder = "王芳"
    project.annotate(1, 0, 2, [tag])
    return tag


def test_the_dialog_computes_and_exports(qtbot, project, tmp_path, monkeypatch) -> None:
    _two_coders(project)
    dialog = AgreementDialog(project)
    qtbot.addWidget(dialog)
    coders = {dialog.coder_list.item(i).text() for i in range(dialog.coder_list.count())}
    assert {"王芳", "李四"} <= coders
    for i in range(dialog.coder_list.count()):  # only the two of them
        item = dialog.coder_list.item(i)
        if item.text() not in ("王芳", "李四"):
            item.setCheckState(Qt.CheckState.Unchecked)
    with qtbot.waitSignal(dialog.model.modelReset, timeout=10000):
        dialog.compute_button.click()
    cells = [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())]
    assert "一致性" in cells and cells[-1] == "All tags"
    expected = project.agreement(list(dialog.model.report.coders), unit="sentence")
    row = cells.index("一致性")
    mine = next(r for r in expected.tags if r.tag == "一致性")
    alpha = mine.krippendorff_alpha
    assert dialog.model.index(row, 6).data() == ("—" if alpha is None else f"{alpha:.3f}")
    coded = {"王芳": 2, "李四": 1}  # sentences each coded with the tag
    shown = " / ".join(str(coded[c]) for c in dialog.model.report.coders)
    assert dialog.model.index(row, 2).data() == shown
    assert "every chosen coder: 1." in dialog.summary.text()
    unitized = mine.unitized_alpha
    assert unitized is not None  # 王芳 also coded the first two characters: not 1
    assert dialog.model.index(row, 7).data() == f"{unitized:.3f}"
    assert "unitizing" in dialog.model.headerData(7, Qt.Orientation.Horizontal, 3)
    dialog.table.resize(880, 300)
    chosen = iter(
        [
            (str(tmp_path / "agreement"), "CSV (*.csv)"),  # no suffix: the file type decides
            (str(tmp_path / "agreement"), "Excel workbook (*.xlsx)"),
        ]
    )
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: next(chosen))
    dialog.export_button.click()
    with (tmp_path / "agreement.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0] == "Tag" and "一致性" in [r[0] for r in rows] and len(rows) == len(cells) + 1
    assert rows[0][-1] == "Unitizing α"
    dialog.export_button.click()
    sheet = load_workbook(tmp_path / "agreement.xlsx").active
    assert sheet is not None and sheet.freeze_panes == "A2"
    values = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert values["一致性"][-1] == pytest.approx(unitized)
    assert isinstance(values["一致性"][1], int)
    assert f"Wrote {len(cells)} row" in dialog.summary.text()
    assert "every chosen coder: 1." in dialog.summary.text()  # still said


def test_one_coder_is_not_enough(qtbot, project) -> None:
    dialog = AgreementDialog(project)
    qtbot.addWidget(dialog)
    for i in range(dialog.coder_list.count()):
        dialog.coder_list.item(i).setCheckState(Qt.CheckState.Unchecked)
    dialog.compute_button.click()
    assert "two or more coders" in dialog.summary.text()
    assert dialog.model.rowCount() == 0

"""The export save dialog: the file type from the name typed, else from the filter chosen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget

from hnreader.ui.common.table_files import ask_table_path


@pytest.mark.parametrize(
    ("typed", "chosen", "prefer_xlsx", "expected"),
    [
        ("out.csv", "Excel workbook (*.xlsx)", False, "out.csv"),  # the name typed wins
        ("out.XLSX", "CSV (*.csv)", False, "out.XLSX"),
        ("out", "Excel workbook (*.xlsx)", False, "out.xlsx"),  # else the filter chosen
        ("out", "CSV (*.csv)", True, "out.csv"),
        ("out", "", True, "out.xlsx"),  # else what the caller prefers
        ("out", "", False, "out.csv"),
        ("out.txt", "CSV (*.csv)", True, "out.csv"),
    ],
)
def test_suffix(qtbot, monkeypatch, tmp_path, typed, chosen, prefer_xlsx, expected) -> None:
    asked = {}

    def answer(parent, title, suggested, filters):
        asked.update(title=title, suggested=suggested, filters=filters)
        return str(tmp_path / typed), chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    parent = QWidget()
    qtbot.addWidget(parent)
    path = ask_table_path(parent, "Export", "memos", prefer_xlsx=prefer_xlsx)
    assert path == tmp_path / expected
    first = "Excel workbook (*.xlsx)" if prefer_xlsx else "CSV (*.csv)"
    assert asked["filters"].startswith(first)
    assert Path(asked["suggested"]).name == ("memos.xlsx" if prefer_xlsx else "memos.csv")


def test_cancelled(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    parent = QWidget()
    qtbot.addWidget(parent)
    assert ask_table_path(parent, "Export", "ledger") is None

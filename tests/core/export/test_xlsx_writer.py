"""XLSX export: numbers as numbers, text neutralised as in CSV, frozen header, atomic."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from hnreader.core.export.csv_writer import ExportCancelled, ExportError
from hnreader.core.export.xlsx_writer import write_xlsx


def test_numbers_stay_numbers_and_formulas_are_neutralised(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    rows = [(1, '=HYPERLINK("x")', 0.25, "𠮷野家"), (2, "－1", None, "-5")]
    assert (
        write_xlsx(path, ("id", "text", "share", "name"), rows, numeric_columns={"id", "share"})
        == 2
    )
    sheet = load_workbook(path).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == ("id", "text", "share", "name")
    assert values[1] == (1, '\'=HYPERLINK("x")', 0.25, "𠮷野家")
    assert values[2] == (2, "'－1", None, "'-5")
    assert sheet.freeze_panes == "A2"


def test_a_cancel_or_a_missing_folder_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    path.write_bytes(b"before")
    with pytest.raises(ExportCancelled):
        write_xlsx(path, ("a",), [(1,)], is_cancelled=lambda: True)
    assert path.read_bytes() == b"before"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]
    with pytest.raises(ExportError):
        write_xlsx(tmp_path / "missing" / "out.xlsx", ("a",), [(1,)])


def test_a_read_only_file_is_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "kept.xlsx"
    path.write_bytes(b"mine")
    path.chmod(0o444)
    with pytest.raises(ExportError, match="read-only"):
        write_xlsx(path, ("a",), [(1,)])
    assert path.read_bytes() == b"mine"

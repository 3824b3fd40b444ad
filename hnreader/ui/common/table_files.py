"""Asking where to export a table: a save dialog offering CSV and Excel workbooks, the file
type taken from the name typed, else from the filter chosen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


def ask_table_path(
    parent: QWidget, title: str, stem: str, *, prefer_xlsx: bool = False
) -> Path | None:
    """The file to export a table to (None when cancelled): `stem` in the home folder is
    suggested; a name without .csv or .xlsx gets the suffix of the filter chosen."""
    csv_filter = QCoreApplication.translate("TableFiles", "CSV (*.csv)")
    xlsx_filter = QCoreApplication.translate("TableFiles", "Excel workbook (*.xlsx)")
    first, second = (xlsx_filter, csv_filter) if prefer_xlsx else (csv_filter, xlsx_filter)
    suffix = ".xlsx" if prefer_xlsx else ".csv"
    name, chosen = QFileDialog.getSaveFileName(
        parent, title, str(Path.home() / f"{stem}{suffix}"), f"{first};;{second}"
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".csv", ".xlsx"):
        if chosen:
            path = path.with_suffix(".xlsx" if chosen == xlsx_filter else ".csv")
        else:
            path = path.with_suffix(suffix)
    return path

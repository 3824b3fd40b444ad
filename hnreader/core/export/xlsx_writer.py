"""Spreadsheet-safe XLSX writing: numbers as numbers, dates as dates, text neutralised as in
CSV, frozen header."""

from __future__ import annotations

import math
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from datetime import date, datetime, timezone
from pathlib import Path

from hnreader.core.export.csv_writer import (
    ExportCancelled,
    ExportError,
    _copy_mode,
    _fit,
    _is_read_only_file,
    _os_message,
    neutralise_cell,
)
from hnreader.core.text.safety import replace_lone_surrogates

DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"

# Characters openpyxl refuses in a cell (XML 1.0 forbids them); stored text has none of NUL,
# but a tab-free control character may come with an old import.
_ILLEGAL = {c: " " for c in range(32) if chr(c) not in "\t\n\r"}


def write_xlsx(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    numeric_columns: AbstractSet[str] = frozenset(),
    sheet_title: str = "hnreader",
    is_cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write one sheet and return the number of data rows; the file is written beside `path`
    and moved into place, so on an error or a cancel nothing at `path` changes. A `date` or
    `datetime` value (any column) is a date cell; Excel has no time zones, so an aware
    datetime is written in UTC (say so in its column's name)."""
    from openpyxl import Workbook

    numeric = [name in numeric_columns for name in header]
    if path.is_dir():
        raise ExportError(f"cannot write export to {path}: it is a folder")
    if not path.parent.is_dir():
        raise ExportError(f"cannot write export to {path}: the folder {path.parent} does not exist")
    if _is_read_only_file(path):
        raise ExportError(
            f"cannot write export to {path}: the file is read-only, so it was not replaced. "
            "Choose another file name, or make the file writable first."
        )
    book = Workbook(write_only=False)
    sheet = book.active
    assert sheet is not None
    sheet.title = sheet_title[:31]
    sheet.append([_text(name) for name in header])
    count = 0
    for row in rows:
        if is_cancelled is not None and is_cancelled():
            raise ExportCancelled(f"export to {path.name} cancelled; nothing was written")
        sheet.append(
            [
                _date(v) if isinstance(v, date) else _number(v) if is_numeric else _text(v)
                for v, is_numeric in zip(row, numeric, strict=True)
            ]
        )
        count += 1
        for column, value in enumerate(row, start=1):
            if isinstance(value, date):
                sheet.cell(row=count + 1, column=column).number_format = (
                    DATETIME_FORMAT if isinstance(value, datetime) else DATE_FORMAT
                )
    sheet.freeze_panes = "A2"
    temp_name = ""
    try:
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
        os.close(handle)
        book.save(temp_name)
        _copy_mode(path, Path(temp_name))
        os.replace(temp_name, path)
    except OSError as exc:
        if temp_name:
            Path(temp_name).unlink(missing_ok=True)
        raise ExportError(_os_message(path, exc)) from exc
    return count


def _text(value: object) -> str:
    text = "" if value is None else str(value)
    return _fit(neutralise_cell(replace_lone_surrogates(text))).translate(_ILLEGAL)


def _date(value: date) -> date:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(timezone.utc).replace(tzinfo=None)
    return value


def _number(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    return _text(value)

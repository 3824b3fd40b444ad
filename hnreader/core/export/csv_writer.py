"""Spreadsheet-safe CSV writing: UTF-8 with BOM, CRLF, formula-proof text, atomic replace."""

from __future__ import annotations

import contextlib
import csv
import errno
import math
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence, Sized
from collections.abc import Set as AbstractSet
from datetime import date
from decimal import Decimal
from pathlib import Path

from hnreader.core.models import HnreaderError
from hnreader.core.text.safety import replace_lone_surrogates

# Excel's limit on the characters of one cell; it counts UTF-16 units (𠮷 is 2).
MAX_CELL_CHARS = 32_767
TRUNCATION_MARKER = "…[truncated]"

# A spreadsheet may run a text cell starting with one of these as a formula (OWASP "CSV
# injection"); Excel also reads the full-width forms as formula signs.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")

_PROGRESS_EVERY = 500  # rows between progress reports
# A string in a numeric column that is written as a number: optional minus, digits, optional
# fraction and exponent. Anything else in a numeric column is text (and neutralised).
_PLAIN_NUMBER = re.compile(r"-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")


class ExportError(HnreaderError):
    """An export file could not be written; the message says where and why."""


class ExportCancelled(HnreaderError):
    """The export was cancelled; no file was written or changed."""


def _is_read_only_file(path: Path) -> bool:
    """An existing file its owner marked read-only (root may write it anyway; we do not)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not os.access(path, os.W_OK) or not mode & 0o222


def neutralise_cell(value: str) -> str:
    """Prefix `'` to a text cell a spreadsheet would read as a formula; others stay as they are.

    Every text cell starting with = + - @ tab CR (or ＝ ＋ － ＠) gets it, "-" and "-5" included:
    numbers belong in numeric columns, which are not passed through here.
    """
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    numeric_columns: AbstractSet[str] = frozenset(),
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    total: int | None = None,
) -> int:
    """Write a CSV file for spreadsheets and return the number of data rows written.

    UTF-8 with BOM (Excel needs it for Chinese), RFC 4180 quoting, CRLF record ends. Cells in
    `numeric_columns` that hold numbers (int, float, Decimal or a plain number string) are
    written as plain numbers, None as an empty cell; every other cell is text: neutralised
    against formulas and cut to Excel's 32,767-character limit with a "…[truncated]" marker.
    The file is written beside `path` and moved into place: on an error or a cancel nothing
    at `path` changes. `progress(done, total)` gets total 0 when the total is unknown.
    """
    unknown = set(numeric_columns) - set(header)
    if unknown:
        raise ValueError(f"numeric columns not in the header: {sorted(unknown)}")
    numeric = [name in numeric_columns for name in header]
    if total is None:
        total = len(rows) if isinstance(rows, Sized) else 0
    folder = path.parent
    if path.is_dir():
        raise ExportError(f"cannot write export to {path}: it is a folder")
    if not folder.is_dir():
        raise ExportError(f"cannot write export to {path}: the folder {folder} does not exist")
    if _is_read_only_file(path):
        raise ExportError(
            f"cannot write export to {path}: the file is read-only, so it was not replaced. "
            "Choose another file name, or make the file writable first."
        )
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportError(_os_message(path, exc)) from None
    temp = Path(temp_name)
    try:
        with open(handle, "w", encoding="utf-8-sig", newline="") as stream:
            writer = csv.writer(stream, lineterminator="\r\n")
            writer.writerow([_text_cell(name) for name in header])
            count = 0
            for row in rows:
                if is_cancelled is not None and is_cancelled():
                    raise ExportCancelled(f"export to {path.name} cancelled; nothing was written")
                if len(row) != len(header):
                    raise ValueError(
                        f"row {count + 1} has {len(row)} cells; the header has {len(header)}"
                    )
                writer.writerow(
                    [
                        _numeric_cell(value) if is_numeric else _text_cell(value)
                        for value, is_numeric in zip(row, numeric, strict=True)
                    ]
                )
                count += 1
                if progress is not None and count % _PROGRESS_EVERY == 0:
                    progress(count, max(total, count) if total else 0)
            stream.flush()
            os.fsync(stream.fileno())
        _copy_mode(path, temp)
        os.replace(temp, path)
    except BaseException as exc:
        temp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise ExportError(_os_message(path, exc)) from exc
        raise
    if progress is not None:
        progress(count, max(total, count) if total else count)
    return count


def _text_cell(value: object) -> str:
    if isinstance(value, date):  # 2026-12-02T19:00:00+00:00, as the project stores it
        return value.isoformat()
    text = "" if value is None else str(value)
    # UTF-8 cannot encode a lone surrogate: the whole export would fail on one cell.
    return _fit(neutralise_cell(replace_lone_surrogates(text)))


def _numeric_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""  # spreadsheets have no NaN or infinity
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))  # 7470000.0 → 7470000
        return repr(value)  # the shortest text that reads back as the same float
    if isinstance(value, Decimal) and value.is_finite():
        return str(value)
    if isinstance(value, str) and _PLAIN_NUMBER.fullmatch(value.strip()):
        return value.strip()
    return _text_cell(value)


def _fit(cell: str) -> str:
    """Cut a cell to Excel's limit, counted in UTF-16 units as Excel does."""
    if len(cell) <= MAX_CELL_CHARS // 2:
        return cell  # even all non-BMP characters would fit
    units = cell.encode("utf-16-le")
    if len(units) <= 2 * MAX_CELL_CHARS:
        return cell
    keep = units[: 2 * (MAX_CELL_CHARS - len(TRUNCATION_MARKER))]
    # errors="ignore" drops half of a surrogate pair cut at the end.
    return keep.decode("utf-16-le", errors="ignore") + TRUNCATION_MARKER


def _copy_mode(path: Path, temp: Path) -> None:
    """mkstemp creates the file as 0600: keep the mode of the file replaced, else 0644."""
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        mode = 0o644
    with contextlib.suppress(OSError):  # not worth failing an export over
        os.chmod(temp, mode)


def _os_message(path: Path, exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        reason = "permission denied"
    elif exc.errno == errno.ENOSPC:
        reason = "the disk is full"
    elif exc.errno == errno.EROFS:
        reason = "the disk is read-only"
    else:
        reason = exc.strerror or str(exc)
    return f"cannot write export to {path}: {reason}"

"""Tables: CSV and TSV (streamed through `csv` in constant memory, dialect and encoding
sniffed) and Excel workbooks (`.xlsx`, read with openpyxl in read-only mode and kept as a
tab-separated rendering, one block per sheet). A table is read as segments (a CSV is one; a
workbook one per sheet), each a header row and its records."""

from __future__ import annotations

import csv
import datetime
import io
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from hnreader.core.importing.formats.archives import check_archive
from hnreader.core.importing.formats.columns import unique_names
from hnreader.core.importing.formats.dispatch import damaged_archive
from hnreader.core.importing.formats.records import Record
from hnreader.core.models import ErrorCode, ImportFileError
from hnreader.core.text.normalize import normalise_line_ends
from hnreader.core.text.streams import TextStream, lines_of

TABLE_MAX_BYTES = 2_000_000_000
MAX_CELL_CHARS = 16_000_000
_SNIFF_CHARS = 64 * 1024
SHEET_MARK = "\x0c"  # a line "\x0c<sheet name>" starts a sheet in a workbook's rendering
_ROWS_PER_CHUNK = 2000

csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL_CHARS))


@dataclass
class Segment:
    """A header row's columns and an iterator over the records under it."""

    columns: list[str]
    records: Iterator[Record]
    label: str = ""  # a workbook's sheet name


class _Counted:
    """Lines passed on to a parser, counting them and their characters."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = iter(lines)
        self.count = 0
        self.chars = 0

    def __iter__(self) -> _Counted:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.count += 1
        self.chars += len(line)
        return line


class DelimitedTable:
    """A CSV or TSV file: stored as decoded; parsed with `csv` over its lines."""

    unit = "row"

    def __init__(self, path: Path, name: str, fmt: str) -> None:
        self.path, self.name, self.format = path, name, fmt
        self.stream = TextStream(path, name, TABLE_MAX_BYTES)
        self.encoding = self.stream.encoding

    def stored_chunks(self, on_bytes: Callable[[int], None] | None = None) -> Iterator[str]:
        return self.stream.chunks(on_bytes)

    def segments(self, chunks: Iterable[str]) -> Iterator[Segment]:
        lines = lines_of(chunks, self.name)
        head = list(itertools.islice(lines, 200))
        while sum(map(len, head)) < _SNIFF_CHARS and (more := next(lines, None)) is not None:
            head.append(more)
        dialect = self._dialect("".join(head))
        yield from csv_segments(itertools.chain(head, lines), dialect, self.name)

    def _dialect(self, sample: str) -> type[csv.Dialect] | csv.Dialect:
        if self.format == "tsv":
            return csv.excel_tab
        header = sample.split("\n", 1)[0]
        try:
            sniffed = csv.Sniffer().sniff(sample, delimiters=",\t;|")
        except csv.Error:
            sniffed = None
        if sniffed is not None and sniffed.delimiter in header:
            sniffed.doublequote = True  # the sniffer guesses this wrong on Chinese text
            return sniffed
        return csv.excel_tab if header.count("\t") > header.count(",") else csv.excel


def csv_segments(
    lines: Iterable[str], dialect: type[csv.Dialect] | csv.Dialect, name: str, label: str = ""
) -> Iterator[Segment]:
    counted = _Counted(lines)
    reader = csv.reader(counted, dialect)
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise _malformed(name, 1, error) from None
    if header is None or not any(cell.strip() for cell in header):
        raise ImportFileError(
            f"{name}: has no header row (the first row must name the columns)",
            code=ErrorCode.EMPTY_SOURCE,
            file=name,
        )
    columns = unique_names(header)
    yield Segment(columns, _csv_records(reader, counted, columns, name), label)


def _csv_records(
    reader: Iterator[list[str]], counted: _Counted, columns: list[str], name: str
) -> Iterator[Record]:
    number = 1
    previous_line = counted.count
    while True:
        try:
            row = next(reader, None)
        except csv.Error as error:
            raise _malformed(name, number + 1, error) from None
        if row is None:
            return
        first, previous_line = previous_line + 1, counted.count
        if not any(cell.strip() for cell in row):
            continue  # a blank line is no record
        number += 1
        cells = dict(zip(columns, row, strict=False))
        for position, extra in enumerate(row[len(columns) :], start=len(columns) + 1):
            if extra.strip():
                cells[f"column_{position}"] = extra
        yield Record(number, first, counted.count, cells)


def _malformed(name: str, row: int, error: Exception) -> ImportFileError:
    return ImportFileError(
        f"{name}: cannot be read as a table at row {row:,} ({error}); check the file's quotes "
        "and separators, or save it again from the spreadsheet program",
        code=ErrorCode.MALFORMED_FILE,
        file=name,
        what=str(error),
        where=row,
    )


class Workbook:
    """An Excel workbook: every sheet rendered as tab-separated text (how it is stored), each
    after a line `\\x0c<sheet name>` when there are several; then parsed like a TSV."""

    unit = "row"
    format = "xlsx"
    encoding = "xlsx"

    def __init__(self, path: Path, name: str) -> None:
        self.path, self.name = path, name
        check_archive(path)

    def stored_chunks(self, on_bytes: Callable[[int], None] | None = None) -> Iterator[str]:
        try:
            import openpyxl  # loaded only when a workbook is imported

            workbook = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
        except ImportFileError:
            raise
        except Exception as error:  # zipfile, lxml, KeyError, ValueError from a bad workbook
            raise damaged_archive(self.name, ".xlsx", _describe(error)) from None
        try:
            sheets = list(workbook.worksheets)
            for sheet in sheets:
                if len(sheets) > 1:
                    yield f"{SHEET_MARK}{' '.join(str(sheet.title).split())}\n"
                yield from self._sheet_chunks(sheet)
        except ImportFileError:
            raise
        except Exception as error:
            raise damaged_archive(self.name, ".xlsx", _describe(error)) from None
        finally:
            workbook.close()
        if on_bytes is not None:
            on_bytes(self.path.stat().st_size)

    def _sheet_chunks(self, sheet: object) -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.writer(buffer, dialect=csv.excel_tab, lineterminator="\n")
        for count, row in enumerate(sheet.iter_rows(values_only=True), start=1):  # type: ignore[attr-defined]
            cells = [_cell_text(value) for value in row]
            while cells and not cells[-1]:
                cells.pop()
            writer.writerow(cells)
            if count % _ROWS_PER_CHUNK == 0:
                yield normalise_line_ends(buffer.getvalue())
                buffer.seek(0)
                buffer.truncate()
        if buffer.getvalue():
            yield normalise_line_ends(buffer.getvalue())

    def segments(self, chunks: Iterable[str]) -> Iterator[Segment]:
        """The sheets of the rendering, each from its mark line to the next (read lazily:
        a sheet is never held whole)."""
        sheets = _SheetLines(lines_of(chunks, self.name))
        while sheets.next_sheet():
            offset = sheets.line  # lines before this sheet's header
            for segment in csv_segments(sheets, csv.excel_tab, self.name, sheets.label):
                segment.records = _shifted(segment.records, offset, sheets.label)
                yield segment
                for _record in segment.records:  # a caller that stopped early: skip the rest
                    pass


class _SheetLines:
    """The lines of one sheet at a time from a workbook's rendering."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self._pending: str | None = next(lines, None)
        self.label = ""
        self.line = 0  # lines consumed so far
        self._in_sheet = False

    def next_sheet(self) -> bool:
        while self._in_sheet:  # the previous sheet was not read to its end
            next(self, None)
        if self._pending is None:
            return False
        if self._pending.startswith(SHEET_MARK):
            self.label = self._pending[1:].rstrip("\n")
            self._pending = next(self._lines, None)
            self.line += 1
        self._in_sheet = True
        return True

    def __iter__(self) -> _SheetLines:
        return self

    def __next__(self) -> str:
        line = self._pending
        if not self._in_sheet or line is None or line.startswith(SHEET_MARK):
            self._in_sheet = False
            raise StopIteration
        self._pending = next(self._lines, None)
        self.line += 1
        return line


def _shifted(records: Iterator[Record], lines: int, sheet: str) -> Iterator[Record]:
    """A sheet's records with line numbers in the whole rendering, and the sheet's name as
    a variable when the workbook has several."""
    for record in records:
        cells = {**record.cells, "sheet": sheet} if sheet else record.cells
        yield Record(record.number, record.first_line + lines, record.last_line + lines, cells)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def _describe(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return (text[0][:120] if text else "") or type(error).__name__

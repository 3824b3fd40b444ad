"""Importing a table or record file: one article per row, streamed in constant memory.

Two passes over the file: the first decodes it into its stored text, compressed to a
temporary file while its SHA-256 is computed (so a file imported before is recognised before
anything is written); the second parses the records back from that stored text and stores each
row's article as it is analysed, all in one transaction (all or nothing, like any file). Rows
without text are left out and reported by number; the rest of the file imports.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from hnreader.core.importing.formats.columns import resolve_columns
from hnreader.core.importing.formats.readers import TableFile, open_table
from hnreader.core.importing.formats.records import VariableKinds, record_draft
from hnreader.core.importing.formats.stored import StoredText
from hnreader.core.models import (
    ErrorCode,
    HnreaderError,
    ImportFileError,
    ImportProblem,
    Stage,
)
from hnreader.core.text.safety import display_file_name, display_path

if TYPE_CHECKING:
    from hnreader.core.importing.importer import _ImportRun

_CANCEL_EVERY = 20  # records between checks of the cancel flag


class _Cancelled(Exception):
    pass


def import_table(run: _ImportRun, file: Path, size: int, fmt: str) -> bool:
    """Import one table file; False if the user cancelled (nothing of it is stored)."""
    name = display_file_name(file.name)
    half = max(1, size // 2)
    start = run.done
    read = 0

    def on_bytes(count: int) -> None:
        nonlocal read
        read += count
        if run.is_cancelled():
            raise _Cancelled
        run.progress(
            start + min(half, half * read // max(1, size)), run.total, Stage.IMPORTING, name
        )

    try:
        table = open_table(file, fmt)
        stored = StoredText(table.stored_chunks(on_bytes))
    except _Cancelled:
        run.cancelled = True
        return False
    except HnreaderError as error:
        run.skip_error(file, error)
        return True
    with stored:
        if run.duplicate(file, stored.sha256):
            return True
        try:
            ids, empty, left_out = _store_records(
                run, file, name, table, stored, start + half, size - half
            )
        except _Cancelled:
            run.cancelled = True
            return False
        except HnreaderError as error:
            run.skip_error(file, error)
            return True
    run.added_files.append(display_path(file))
    run.article_ids.extend(ids)
    unit = table.unit
    if empty:
        run.notes.append(_rows_note(file, name, ErrorCode.ROWS_WITHOUT_TEXT, empty, unit))
    malformed = getattr(table, "malformed", [])
    if malformed:
        run.notes.append(_rows_note(file, name, ErrorCode.ROWS_MALFORMED, malformed, unit))
    repaired = getattr(table, "repaired", [])
    if repaired:
        run.notes.append(_rows_note(file, name, ErrorCode.ROWS_REPAIRED, repaired, unit))
    for sheet in left_out:
        run.notes.append(
            ImportProblem(
                display_path(file),
                ErrorCode.NO_TEXT_COLUMN,
                {"file": name, "sheet": sheet},
                f"{name}: sheet {sheet!r} has no column of article text and was left out",
            )
        )
    return True


def _store_records(
    run: _ImportRun,
    file: Path,
    name: str,
    table: TableFile,
    stored: StoredText,
    start: int,
    span: int,
) -> tuple[list[int], list[int], list[str]]:
    """Store the records' articles in one transaction: (ids, rows without text, sheets left
    out for want of a text column)."""
    empty: list[int] = []
    left_out: list[str] = []
    kinds = VariableKinds()
    consumed = 0
    total_chars = max(1, stored.chars)

    def counted(chunks: Iterable[str]) -> Iterator[str]:
        nonlocal consumed
        for chunk in chunks:
            consumed += len(chunk)
            yield chunk

    overrides: Mapping[str, str] = run.columns or {}
    found_text_column = False
    with run.store.streamed_source(
        name=name,
        path=display_path(file.resolve()),
        sha256=stored.sha256,
        encoding=table.encoding,
        file_format=table.format,
        compressed=stored.blocks(),
        compressed_size=stored.compressed_size,
    ) as sink:
        segments = table.segments(counted(stored.chunks()))
        several = False
        for index, segment in enumerate(segments):
            several = several or index > 0 or bool(segment.label)
            try:
                columns = resolve_columns(segment.columns, name, overrides)
            except ImportFileError as error:
                if error.code == ErrorCode.NO_TEXT_COLUMN and segment.label:
                    left_out.append(segment.label)
                    for _record in segment.records:
                        pass
                    continue
                raise
            found_text_column = True
            for count, record in enumerate(segment.records):
                if count % _CANCEL_EVERY == 0:
                    if run.is_cancelled():
                        raise _Cancelled
                    done = start + span * consumed // total_chars
                    run.progress(min(done, start + span), run.total, Stage.IMPORTING, name)
                draft = record_draft(record, columns, name, run.year)
                if draft is None:
                    empty.append(record.number)
                    continue
                draft = run.with_options(draft)
                figures, index_row = run.analyse(draft)
                sink.add(draft, figures, index_row)
                kinds.observe(draft.variables)
        if not found_text_column and left_out:
            raise ImportFileError(
                f"{name}: no sheet has a column of article text (sheets: "
                f"{', '.join(repr(s) for s in left_out)}); say which column holds the text "
                "with --map text=COLUMN",
                code=ErrorCode.NO_TEXT_COLUMN,
                file=name,
                columns=[],
            )
        if not sink.ids:
            raise ImportFileError(
                f"{name}: no row has article text (all {len(empty):,} rows have an empty text "
                "column)"
                if empty
                else f"{name}: holds no rows",
                code=ErrorCode.EMPTY_SOURCE,
                file=name,
            )
        sink.variable_kinds = kinds.kinds()
    return sink.ids, empty, left_out if several else []


def _rows_note(file: Path, name: str, code: str, numbers: list[int], unit: str) -> ImportProblem:
    shown = ", ".join(f"{n:,}" for n in numbers[:20]) + (" …" if len(numbers) > 20 else "")
    what = {
        ErrorCode.ROWS_WITHOUT_TEXT: "have no text and were left out",
        ErrorCode.ROWS_MALFORMED: "could not be read and were left out",
        ErrorCode.ROWS_REPAIRED: "were damaged (not valid JSON) and were read field by field",
    }[code]
    rest = (
        "check them in the reader" if code == ErrorCode.ROWS_REPAIRED else "the rest was imported"
    )
    return ImportProblem(
        display_path(file),
        code,
        {"file": name, "rows": numbers[:200], "count": len(numbers), "unit": unit},
        f"{name}: {len(numbers):,} {unit}(s) {what} ({unit} {shown}); {rest}",
    )

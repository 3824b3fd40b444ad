"""The reader of each format: `read_document` for the formats read whole, `open_table` for
those streamed as records."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Protocol

from hnreader.core.importing.formats import DocumentSource
from hnreader.core.importing.formats.tables import Segment
from hnreader.core.text.decoding import DEFAULT_MAX_BYTES, read_file_bytes, read_text_file
from hnreader.core.text.safety import display_file_name

# A saved page or Word file larger than this is not a news article.
PAGE_MAX_BYTES = 50_000_000


class TableFile(Protocol):
    """A table or record file: its stored text streamed, then its segments parsed back from
    that text; `malformed` lists records that could not be read (JSON lines, …)."""

    format: str
    encoding: str
    unit: str  # what a record is called in messages: "row", "line", "record"

    def stored_chunks(self, on_bytes: Callable[[int], None] | None = None) -> Iterator[str]: ...

    def segments(self, chunks: Iterable[str]) -> Iterator[Segment]: ...


def read_document(path: Path, fmt: str, encoding: str = "") -> DocumentSource:
    """A .txt, .html, .mhtml or .docx file, read and decoded (ImportFileError if it cannot);
    `encoding` (a codec name) overrides the decision of a text file's encoding."""
    name = display_file_name(path.name)
    if fmt == "txt" and encoding:
        from hnreader.core.text.decoding import decode_as

        text = decode_as(read_file_bytes(path, DEFAULT_MAX_BYTES), name, encoding)
        return DocumentSource("txt", text, encoding, text)
    if fmt == "txt":
        decoded = read_text_file(path, DEFAULT_MAX_BYTES)
        return DocumentSource("txt", decoded.text, decoded.encoding, decoded.text)
    if fmt == "docx":
        from hnreader.core.importing.formats.docx import read_docx

        return read_docx(path)
    from hnreader.core.importing.formats.html import html_document

    data = read_file_bytes(path, PAGE_MAX_BYTES)
    return html_document(data, name, mhtml=fmt == "mhtml")


def open_table(path: Path, fmt: str) -> TableFile:
    """The reader of a table or record file (its encoding decided, or ImportFileError)."""
    name = display_file_name(path.name)
    if fmt in ("csv", "tsv"):
        from hnreader.core.importing.formats.tables import DelimitedTable

        return DelimitedTable(path, name, fmt)
    if fmt == "xlsx":
        from hnreader.core.importing.formats.tables import Workbook

        return Workbook(path, name)
    from hnreader.core.importing.formats import record_files

    if fmt == "jsonl":
        return record_files.JsonLines(path, name)
    if fmt == "json":
        return record_files.JsonList(path, name)
    return record_files.XmlRecords(path, name)


__all__ = ["PAGE_MAX_BYTES", "Segment", "TableFile", "open_table", "read_document"]

"""Which reader a file needs: by its extension, checked against its first bytes, so that a
file that is not what its name says is refused with a clear reason."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from hnreader.core.importing.formats import SUPPORTED_SUFFIXES, TABLE_SUFFIXES
from hnreader.core.models import ErrorCode, ImportFileError
from hnreader.core.text.safety import display_file_name

_OLD_OFFICE = {
    ".doc": ("Word", ".docx"),
    ".xls": ("Excel", ".xlsx"),
    ".ppt": ("PowerPoint", ".pptx"),
    ".wps": ("WPS", ".docx"),
    ".et": ("WPS", ".xlsx"),
}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
# Binary formats no reader here takes, by their magic bytes.
_BINARY_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
)
# What the main part of an Office zip is called, for each kind.
_OFFICE_PARTS = {
    "word/document.xml": "a Word document (.docx)",
    "xl/workbook.xml": "an Excel workbook (.xlsx)",
    "ppt/presentation.xml": "a PowerPoint file (.pptx)",
    "content.xml": "an OpenDocument file (.odt/.ods)",
    "META-INF/container.xml": "an EPUB e-book",
}

FORMAT_OF_SUFFIX = {
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".mhtml": "mhtml",
    ".mht": "mhtml",
    ".docx": "docx",
    ".csv": "csv",
    ".tsv": "tsv",
    ".xlsx": "xlsx",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".xml": "xml",
}


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def is_collected(path: Path) -> bool:
    """Whether a folder import takes the file: a supported one, or an old Office file (.doc,
    .xls, …), which is refused with what to do rather than passed over in silence."""
    return is_supported(path) or path.suffix.lower() in _OLD_OFFICE


def is_table(path: Path) -> bool:
    """Whether a file holds records (one article each): a table's extension, or a .txt file
    whose text is JSON, JSON Lines or XML records (a crawler's dump saved as .txt)."""
    suffix = path.suffix.lower()
    return suffix in TABLE_SUFFIXES or (suffix == ".txt" and bool(records_in_text(path)))


_SNIFF_BYTES = 65_536
_JSON_KEY = re.compile(r'^\{\s*"[^"\n]{1,80}"\s*:')
_XML_RECORDS = re.compile(
    r"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|docs?|records?)\b", re.S
)


def records_in_text(path: Path) -> str:
    """The record format a .txt file's text is in ("json", "jsonl" or "xml"), or "" for text:
    a JSON list of objects (or an object holding one), one JSON object per line, or an RSS
    feed or XML record file, by how its first 64 KB begin."""
    try:
        with open(path, "rb") as stream:
            head = stream.read(_SNIFF_BYTES)
    except OSError:
        return ""
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
    if text.startswith("["):
        return "json" if text[1:].lstrip().startswith("{") else ""
    if _JSON_KEY.match(text):
        first = text.split("\n", 1)[0].strip()
        # One object per line: the first line is a whole object (or runs past what was read).
        return "jsonl" if first.endswith("}") or len(first) == len(text.strip()) else "json"
    if text.startswith("{") and text[1:].lstrip().startswith('"'):
        return "json"  # a pretty-printed object: {⏎ "date": …, "articles": [ … ] }
    return "xml" if _XML_RECORDS.match(text) else ""


def file_format(path: Path, head: bytes) -> str:
    """The reader a file needs ("txt", "html", "docx", "csv", …), or ImportFileError: an
    unknown extension, an old binary Office file, or content that is not what the extension
    says (a PDF named .txt, a workbook named .docx, binary bytes named .csv)."""
    name = display_file_name(path.name)
    suffix = path.suffix.lower()
    if suffix in _OLD_OFFICE or head.startswith(_OLE_MAGIC):
        program, modern = _OLD_OFFICE.get(suffix, ("Office", ".docx or .xlsx"))
        raise ImportFileError(
            f"{name}: is in the old {program} format, which cannot be read; open it in "
            f"{program} (or WPS, LibreOffice) and save it as {modern}, then import that file",
            code=ErrorCode.OLD_OFFICE_FORMAT,
            file=name,
            suffix=suffix,
            modern=modern,
        )
    fmt = FORMAT_OF_SUFFIX.get(suffix)
    if fmt is None:
        raise ImportFileError(
            f"{name}: files of this kind ({suffix or 'no extension'}) cannot be imported; "
            "hnreader reads " + ", ".join(SUPPORTED_SUFFIXES),
            code=ErrorCode.UNSUPPORTED_FORMAT,
            file=name,
            suffix=suffix,
        )
    found = _what_it_is(path, head)
    if fmt in ("docx", "xlsx"):
        expected = "word/document.xml" if fmt == "docx" else "xl/workbook.xml"
        if found == _DAMAGED_ZIP:
            raise damaged_archive(name, suffix, "its zip structure cannot be read")
        if found != _OFFICE_PARTS[expected]:
            _wrong(name, suffix, found or "not a zip archive")
    elif found:
        _wrong(name, suffix, found)
    if fmt == "txt":
        return records_in_text(path) or fmt
    return fmt


def _what_it_is(path: Path, head: bytes) -> str:
    """What a file's first bytes show it to be ("" for text, which any text reader tries)."""
    if head.startswith(_ZIP_MAGIC):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return _DAMAGED_ZIP
        for part, kind in _OFFICE_PARTS.items():
            if part in names:
                return kind
        return "a zip archive"
    for magic, kind in _BINARY_MAGIC:
        if head.startswith(magic):
            return kind
    return ""


_DAMAGED_ZIP = "a damaged zip archive"


def damaged_archive(name: str, suffix: str, what: str) -> ImportFileError:
    """A .docx/.xlsx whose zip (or the XML inside it) cannot be read."""
    program = "Word" if suffix == ".docx" else "Excel"
    return ImportFileError(
        f"{name}: is damaged ({what}); open it in {program} (or WPS, LibreOffice), which may "
        "repair it, save it again and import the saved file",
        code=ErrorCode.DAMAGED_ARCHIVE,
        file=name,
        suffix=suffix,
        what=what,
    )


def _wrong(name: str, suffix: str, found: str) -> None:
    raise ImportFileError(
        f"{name}: is named {suffix} but is {found}; give it the right extension, or save it "
        "again in the program that made it",
        code=ErrorCode.WRONG_CONTENT,
        file=name,
        suffix=suffix,
        found=found,
    )

"""An ExchangeDocument written as REFI-QDA 1.0 XML: `project.qde` inside a `.qdpx` zip (each
source's text as UTF-8 in `sources/<guid>.txt`), or a codebook `.qdc`.

Element order follows the schemas' sequences (resources/refi_qda/); nothing varies between
two exports of the same data (no export time, fixed zip entry times), so a re-export is
identical byte for byte.
"""

from __future__ import annotations

import os
import re
import tempfile
import uuid
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from pathlib import Path

from hnreader.core.exchange.document import ExchangeDocument, ExCode, ExNote, ExSource

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


# Characters XML 1.0 cannot carry at all (an article may hold a vertical tab or a form feed):
# in names and notes they become U+FFFD; the source texts go to their own files unchanged.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _attrs(**values: str | int | None) -> dict[str, str]:
    return {name: xml_safe(str(value)) for name, value in values.items() if value is not None}


def _sub(parent: ET.Element, tag: str, **values: str | int | None) -> ET.Element:
    return ET.SubElement(parent, tag, _attrs(**values))


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, tag).text = xml_safe(text)


def _codes(parent: ET.Element, doc: ExchangeDocument, *, with_notes: bool) -> None:
    children: dict[str | None, list[ExCode]] = {}
    for code in doc.codes:
        children.setdefault(code.parent, []).append(code)

    def put(into: ET.Element, code: ExCode) -> None:
        element = _sub(
            into, "Code", guid=code.guid, name=code.name, isCodable="true", color=code.color
        )
        if code.description:
            _text(element, "Description", code.description)
        if with_notes:
            for note in code.note_guids:
                _sub(element, "NoteRef", targetGUID=note)
        for child in children.get(code.guid, []):
            put(element, child)

    codes = _sub(parent, "Codes")
    for code in children.get(None, []):
        put(codes, code)


def _source(sources: ET.Element, source: ExSource, path: str, types: dict[str, str]) -> None:
    element = _sub(
        sources,
        "TextSource",
        guid=source.guid,
        name=source.name,
        plainTextPath=path,
        creatingUser=source.user,
        creationDateTime=source.created,
    )
    if source.description:
        _text(element, "Description", source.description)
    for selection in source.selections:
        chosen = _sub(
            element,
            "PlainTextSelection",
            guid=selection.guid,
            name=source.text[selection.start : selection.end][:100],
            startPosition=selection.start,
            endPosition=selection.end,
            creatingUser=selection.user,
            creationDateTime=selection.created,
            modifyingUser=selection.user if selection.modified else None,
            modifiedDateTime=selection.modified,
        )
        if selection.description:
            _text(chosen, "Description", selection.description)
        for index, code in enumerate(selection.code_guids):
            coding = _sub(
                chosen,
                "Coding",
                guid=_coding_guid(selection.guid, index),
                creatingUser=selection.user,
                creationDateTime=selection.created,
            )
            _sub(coding, "CodeRef", targetGUID=code)
        for note in selection.note_guids:
            _sub(chosen, "NoteRef", targetGUID=note)
    for note in source.note_guids:
        _sub(element, "NoteRef", targetGUID=note)
    for variable, value in source.values:
        holder = _sub(element, "VariableValue")
        _sub(holder, "VariableRef", targetGUID=variable)
        _text(holder, _VALUE_ELEMENT[types.get(variable, "Text")], value)


# A value's element follows its variable's type.
_VALUE_ELEMENT = {
    "Text": "TextValue",
    "Boolean": "BooleanValue",
    "Integer": "IntegerValue",
    "Float": "FloatValue",
    "Date": "DateValue",
    "DateTime": "DateTimeValue",
}


def _coding_guid(selection_guid: str, index: int) -> str:
    # A coding is its selection's with a tag: derived from the selection's GUID.
    return str(uuid.uuid5(uuid.UUID(selection_guid), f"coding:{index}"))


def _note(notes: ET.Element, note: ExNote) -> None:
    element = _sub(
        notes,
        "Note",
        guid=note.guid,
        name=note.name,
        creatingUser=note.user,
        creationDateTime=note.created,
        modifyingUser=note.user if note.modified else None,
        modifiedDateTime=note.modified,
    )
    _text(element, "PlainTextContent", note.text)


def source_path(source: ExSource) -> str:
    """The source's text file inside the archive."""
    return f"sources/{source.guid}.txt"


def project_xml(doc: ExchangeDocument) -> bytes:
    """`project.qde` of the document (UTF-8, with its XML declaration)."""
    types = {v.guid: v.type for v in doc.variables}
    root = ET.Element("Project", _attrs(xmlns=PROJECT_NS, name=doc.name, origin=doc.origin))
    if doc.users:
        users = _sub(root, "Users")
        for guid, name in doc.users.items():
            _sub(users, "User", guid=guid, name=name)
    if doc.codes:
        _codes(_sub(root, "CodeBook"), doc, with_notes=True)
    if doc.variables:
        variables = _sub(root, "Variables")
        for variable in doc.variables:
            element = _sub(
                variables,
                "Variable",
                guid=variable.guid,
                name=variable.name,
                typeOfVariable=variable.type,
            )
            if variable.description:
                _text(element, "Description", variable.description)
    if doc.sources:
        sources = _sub(root, "Sources")
        for source in doc.sources:
            _source(sources, source, "internal://" + source.guid + ".txt", types)
    if doc.notes:
        notes = _sub(root, "Notes")
        for note in doc.notes.values():
            _note(notes, note)
    for guid in doc.project_note_guids:
        _sub(root, "NoteRef", targetGUID=guid)
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def codebook_xml(doc: ExchangeDocument) -> bytes:
    """A `.qdc` codebook of the document's codes."""
    root = ET.Element("CodeBook", _attrs(xmlns=CODEBOOK_NS, origin=doc.origin))
    _codes(root, doc, with_notes=False)
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


Progress = Callable[[int, int], None]


def write_qdpx(
    path: Path, doc: ExchangeDocument, progress: Progress, is_cancelled: Callable[[], bool]
) -> bool:
    """Write the archive next to `path` and move it into place (never half a file there);
    False when cancelled (nothing written)."""
    entries: list[tuple[str, bytes]] = [("project.qde", project_xml(doc))]
    total = len(doc.sources)
    for done, source in enumerate(doc.sources, start=1):
        if is_cancelled():
            return False
        entries.append((source_path(source), source.text.encode("utf-8", "surrogatepass")))
        progress(done, total)
    return _write_zip(path, entries, is_cancelled)


def write_bytes(path: Path, data: bytes) -> None:
    """Write a file whole or not at all (a temporary file moved into place)."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=path.suffix)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_zip(
    path: Path, entries: list[tuple[str, bytes]], is_cancelled: Callable[[], bool]
) -> bool:
    path = Path(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".qdpx")
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in entries:
                if is_cancelled():
                    Path(temporary).unlink(missing_ok=True)
                    return False
                info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, data)
        os.replace(temporary, path)
        return True
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

"""A `.qdpx` or `.qdc` read into an ExchangeDocument, refusing what is unsafe (not a zip, a
zip bomb, XML with a DTD or entities) and noting what hnreader cannot hold (pictures, PDFs,
audio, video, their selections, cases, sets, links, graphs).

Elements are matched by local name, so the namespaces other tools have written
(`urn:QDA-XML:project:1.0`, ATLAS.ti's older `urn:QDA-XML:codebook:0:4`) all read. Where a
source's text is: inline (`PlainTextContent`) or in the archive (`plainTextPath` =
`internal://NAME`, found in `sources/` or anywhere by its base name, case aside).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path

import defusedxml
import defusedxml.ElementTree as SafeET

from hnreader.core.exchange.document import (
    ExchangeDocument,
    ExCode,
    ExNote,
    ExSelection,
    ExSource,
    ExVariable,
    LeftOut,
    LeftOutKind,
    LeftOutTally,
)
from hnreader.core.models import ErrorCode, ImportFileError
from hnreader.core.text.safety import display_file_name

MAX_UNCOMPRESSED_BYTES = 1_000_000_000
MAX_MEMBERS = 100_000
MAX_RATIO = 400  # a member expanding more than this (beyond 10 MB) is a bomb
_RATIO_FLOOR_BYTES = 10_000_000
_NON_TEXT_SOURCES = {
    "PictureSource": LeftOutKind.PICTURE_SOURCES,
    "PDFSource": LeftOutKind.PDF_SOURCES,
    "AudioSource": LeftOutKind.AUDIO_SOURCES,
    "VideoSource": LeftOutKind.VIDEO_SOURCES,
}
_NON_TEXT_SELECTIONS = (
    "PictureSelection",
    "PDFSelection",
    "AudioSelection",
    "VideoSelection",
    "TranscriptSelection",
)
_VALUE_ELEMENTS = (
    "TextValue",
    "BooleanValue",
    "IntegerValue",
    "FloatValue",
    "DateValue",
    "DateTimeValue",
)


def _local(element: ET.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _children(element: ET.Element | None, name: str) -> list[ET.Element]:
    if element is None:
        return []
    return [child for child in element if _local(child) == name]


def _child(element: ET.Element | None, name: str) -> ET.Element | None:
    found = _children(element, name)
    return found[0] if found else None


def _child_text(element: ET.Element, name: str) -> str:
    child = _child(element, name)
    return (child.text or "") if child is not None else ""


def _refs(element: ET.Element, name: str) -> tuple[str, ...]:
    return tuple(
        _guid(ref.get("targetGUID")) for ref in _children(element, name) if ref.get("targetGUID")
    )


def _guid(value: str | None) -> str:
    """GUIDs compared without braces or case (MAXQDA writes upper case, some tools {…})."""
    return (value or "").strip().strip("{}").lower()


def _refuse(name: str, message: str, code: str, **details: object) -> ImportFileError:
    return ImportFileError(f"{name}: {message}", code=code, file=name, **details)


def _parse(data: bytes, name: str, part: str) -> ET.Element:
    try:
        return SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True)
    except (defusedxml.DTDForbidden, defusedxml.EntitiesForbidden) as error:
        raise _refuse(
            name,
            f"its {part} declares a DTD or XML entities, which REFI-QDA files never need and "
            "which can expand without limit; not imported",
            ErrorCode.XML_ENTITIES,
            part=part,
        ) from error
    except defusedxml.DefusedXmlException as error:
        raise _refuse(
            name, f"its {part} refers to outside resources; not imported",
            ErrorCode.XML_ENTITIES, part=part,
        ) from error  # fmt: skip
    except ET.ParseError as error:
        raise _refuse(
            name,
            f"its {part} is not well-formed XML ({error}); not imported",
            ErrorCode.MALFORMED_FILE,
            what=part,
            where=str(error),
        ) from error


class _Archive:
    """A `.qdpx` opened with its size checked before anything is read."""

    def __init__(self, path: Path, name: str) -> None:
        self.name = name
        try:
            self.zip = zipfile.ZipFile(path)
        except zipfile.BadZipFile as error:
            raise _refuse(
                name,
                "is not a REFI-QDA project: a .qdpx is a zip archive, and this file is not one "
                "(or it is damaged). Export it again from the program that made it",
                ErrorCode.DAMAGED_ARCHIVE,
            ) from error
        except OSError as error:
            raise _refuse(
                name, f"cannot be read ({error.strerror or error})", ErrorCode.IO_ERROR
            ) from error
        members = self.zip.infolist()
        if len(members) > MAX_MEMBERS:
            self.zip.close()
            raise _refuse(
                name,
                f"holds {len(members):,} files, more than a project ever has; not imported",
                ErrorCode.ARCHIVE_TOO_LARGE,
                size=len(members),
                limit=MAX_MEMBERS,
            )
        total = 0
        for member in members:
            total += member.file_size
            bomb = member.file_size > _RATIO_FLOOR_BYTES and member.file_size > MAX_RATIO * max(
                1, member.compress_size
            )
            if total > MAX_UNCOMPRESSED_BYTES or bomb:
                self.zip.close()
                raise _refuse(
                    name,
                    f"{member.filename} expands to {member.file_size:,} bytes: a file like this "
                    "is damaged or made to exhaust memory, so it was not imported",
                    ErrorCode.ARCHIVE_TOO_LARGE,
                    size=total,
                    limit=MAX_UNCOMPRESSED_BYTES,
                )
        self.by_name = {m.filename.replace("\\", "/").lower(): m for m in members}
        self.by_base: dict[str, zipfile.ZipInfo] = {}
        for key, member in self.by_name.items():
            self.by_base.setdefault(key.rsplit("/", 1)[-1], member)

    def read(self, member: zipfile.ZipInfo) -> bytes:
        try:
            with self.zip.open(member) as stream:
                data = stream.read(member.file_size + 1)
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error, ValueError) as error:
            raise _refuse(
                self.name,
                f"its {member.filename} cannot be read ({error}); the archive is damaged",
                ErrorCode.DAMAGED_ARCHIVE,
            ) from error
        if len(data) > member.file_size:  # a header that lies about the size
            raise _refuse(
                self.name,
                f"its {member.filename} is larger than the archive says; not imported",
                ErrorCode.ARCHIVE_TOO_LARGE,
                size=len(data),
                limit=member.file_size,
            )
        return data

    def project(self) -> bytes:
        member = self.by_name.get("project.qde") or next(
            (m for key, m in self.by_name.items() if key.endswith(".qde")), None
        )
        if member is None:
            raise _refuse(
                self.name,
                "holds no project.qde, so it is not a REFI-QDA project; not imported",
                ErrorCode.MALFORMED_FILE,
                what="project.qde",
                where="",
            )
        return self.read(member)

    def internal_text(self, reference: str) -> str | None:
        """The text a `plainTextPath` names inside the archive, or None."""
        if not reference.lower().startswith("internal://"):
            return None
        inner = reference[len("internal://") :].replace("\\", "/").lstrip("/").lower()
        member = (
            self.by_name.get("sources/" + inner)
            or self.by_name.get(inner)
            or self.by_base.get(inner.rsplit("/", 1)[-1])
        )
        if member is None:
            return None
        return decode_text(self.read(member))

    def close(self) -> None:
        self.zip.close()


def decode_text(data: bytes) -> str:
    """A source's plain text: UTF-8 as REFI-QDA says (a BOM dropped; bad bytes replaced)."""
    return data.decode("utf-8", "replace").removeprefix("\ufeff")


def _codes(parent: ET.Element | None, into: list[ExCode], above: str | None) -> None:
    for element in _children(parent, "Code"):
        guid = _guid(element.get("guid"))
        into.append(
            ExCode(
                guid,
                element.get("name") or "",
                element.get("color"),
                _child_text(element, "Description"),
                above,
                _refs(element, "NoteRef"),
            )
        )
        _codes(element, into, guid)


def _int(value: str | None) -> int | None:
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def _selections(source: ET.Element, text: str, notes: LeftOutTally) -> list[ExSelection]:
    chosen: list[ExSelection] = []
    # Positions may count UTF-16 units (see into_project), so the longer count bounds them.
    limit = len(text.encode("utf-16-le", "surrogatepass")) // 2
    for element in _children(source, "PlainTextSelection"):
        start, end = _int(element.get("startPosition")), _int(element.get("endPosition"))
        label = element.get("name") or f"{start}–{end}"
        if start is None or end is None or not (0 <= start < end <= limit):
            notes.add(LeftOutKind.SELECTIONS_OUTSIDE_TEXT, f"{source.get('name', '')}: {label}")
            continue
        codes = tuple(_guid(c.get("targetGUID")) for c in _codings(element))
        chosen.append(
            ExSelection(
                _guid(element.get("guid")),
                start,
                end,
                codes,
                _child_text(element, "Description"),
                _guid(element.get("creatingUser")) or None,
                element.get("creationDateTime"),
                element.get("modifiedDateTime"),
                _refs(element, "NoteRef")
                + tuple(n for c in _children(element, "Coding") for n in _refs(c, "NoteRef")),
                element.get("name") or "",
            )
        )
    whole = list(_codings(source))
    if whole and text:  # codings of the whole source: a selection of all its text
        chosen.append(
            ExSelection(
                _guid(source.get("guid")) + "-whole",
                0,
                len(text),
                tuple(_guid(c.get("targetGUID")) for c in whole),
                "",
                _guid(source.get("creatingUser")) or None,
                None,
                None,
            )
        )
    return chosen


def _codings(element: ET.Element) -> Iterable[ET.Element]:
    for coding in _children(element, "Coding"):
        ref = _child(coding, "CodeRef")
        if ref is not None and ref.get("targetGUID"):
            yield ref


def _values(source: ET.Element) -> tuple[tuple[str, str], ...]:
    values = []
    for holder in _children(source, "VariableValue"):
        ref = _child(holder, "VariableRef")
        value = next((c for c in holder if _local(c) in _VALUE_ELEMENTS), None)
        if ref is not None and value is not None:
            values.append((_guid(ref.get("targetGUID")), (value.text or "").strip()))
    return tuple(values)


def _text_of(element: ET.Element, archive: _Archive | None) -> str | None:
    inline = _child(element, "PlainTextContent")
    if inline is not None:
        return inline.text or ""
    reference = element.get("plainTextPath")
    if reference and archive is not None:
        return archive.internal_text(reference)
    return None


def _project(root: ET.Element, archive: _Archive | None, notes: LeftOutTally) -> ExchangeDocument:
    doc = ExchangeDocument(name=root.get("name") or "", origin=root.get("origin") or "")
    for user in _children(_child(root, "Users"), "User"):
        doc.users[_guid(user.get("guid"))] = user.get("name") or user.get("id") or ""
    _codes(_child(_child(root, "CodeBook"), "Codes"), doc.codes, None)
    for variable in _children(_child(root, "Variables"), "Variable"):
        doc.variables.append(
            ExVariable(
                _guid(variable.get("guid")),
                variable.get("name") or "",
                variable.get("typeOfVariable") or "Text",
                _child_text(variable, "Description"),
            )
        )
    sources = _child(root, "Sources")
    for element in list(sources) if sources is not None else []:
        kind = _local(element)
        name = element.get("name") or ""
        if kind in _NON_TEXT_SOURCES:
            notes.add(_NON_TEXT_SOURCES[kind], name)
            count = sum(1 for e in element.iter() if _local(e) in _NON_TEXT_SELECTIONS)
            if count:
                notes.add(LeftOutKind.NON_TEXT_SELECTIONS, name, count)
            continue
        if kind != "TextSource":
            continue
        text = _text_of(element, archive)
        if text is None:
            notes.add(LeftOutKind.SOURCES_WITHOUT_TEXT, name)
            continue
        doc.sources.append(
            ExSource(
                _guid(element.get("guid")),
                name,
                text,
                tuple(_selections(element, text, notes)),
                _values(element),
                _refs(element, "NoteRef"),
                _child_text(element, "Description"),
                _guid(element.get("creatingUser")) or None,
                element.get("creationDateTime"),
            )
        )
    for note in _children(_child(root, "Notes"), "Note"):
        text = _text_of(note, archive)
        if text is None:
            text = _child_text(note, "Description")
        doc.notes[_guid(note.get("guid"))] = ExNote(
            _guid(note.get("guid")),
            note.get("name") or "",
            text,
            _guid(note.get("creatingUser")) or None,
            note.get("creationDateTime"),
            note.get("modifiedDateTime"),
        )
    doc.project_note_guids = list(_refs(root, "NoteRef"))
    for part, kind, item in (
        ("Cases", LeftOutKind.CASES, "Case"),
        ("Sets", LeftOutKind.SETS, "Set"),
        ("Links", LeftOutKind.LINKS, "Link"),
        ("Graphs", LeftOutKind.GRAPHS, "Graph"),
    ):
        for element in _children(_child(root, part), item):
            notes.add(kind, element.get("name") or "")
    return doc


def _check_root(root: ET.Element, expected: str, name: str, what: str) -> None:
    if _local(root) != expected or not root.tag.startswith("{urn:QDA-XML:"):
        raise _refuse(
            name,
            f"is not a REFI-QDA {what} (its XML root is <{_local(root)}>, not <{expected}> of "
            "the urn:QDA-XML namespace); not imported",
            ErrorCode.MALFORMED_FILE,
            what=what,
            where=_local(root),
        )


def read_qdpx(path: Path) -> tuple[ExchangeDocument, list[LeftOut]]:
    """The project in a `.qdpx`, with what it holds that hnreader cannot."""
    name = display_file_name(Path(path).name)
    archive = _Archive(Path(path), name)
    try:
        root = _parse(archive.project(), name, "project.qde")
        _check_root(root, "Project", name, "project")
        notes = LeftOutTally()
        return _project(root, archive, notes), list(notes.items())
    finally:
        archive.close()


def read_qdc(path: Path) -> tuple[ExchangeDocument, list[LeftOut]]:
    """The codes of a `.qdc` codebook (its sets noted as left out)."""
    name = display_file_name(Path(path).name)
    try:
        size = Path(path).stat().st_size
        if size > MAX_UNCOMPRESSED_BYTES // 10:
            raise _refuse(
                name, f"is {size:,} bytes, far more than a codebook; not imported",
                ErrorCode.FILE_TOO_LARGE, size=size, limit=MAX_UNCOMPRESSED_BYTES // 10,
            )  # fmt: skip
        data = Path(path).read_bytes()
    except OSError as error:
        raise _refuse(
            name, f"cannot be read ({error.strerror or error})", ErrorCode.IO_ERROR
        ) from error
    root = _parse(data, name, "codebook")
    _check_root(root, "CodeBook", name, "codebook")
    doc = ExchangeDocument(origin=root.get("origin") or "")
    _codes(_child(root, "Codes"), doc.codes, None)
    notes = LeftOutTally()
    for element in _children(_child(root, "Sets"), "Set"):
        notes.add(LeftOutKind.SETS, element.get("name") or "")
    return doc, list(notes.items())

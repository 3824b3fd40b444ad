"""Office files are zip archives of XML: before any reader opens one, its declared sizes are
checked (a zip bomb expands a few kilobytes into gigabytes) and its XML parts are checked for
entity declarations (a "billion laughs" file expands a few entities into gigabytes)."""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from hnreader.core.importing.formats.dispatch import damaged_archive
from hnreader.core.models import ErrorCode, ImportFileError
from hnreader.core.text.safety import display_file_name

# Limits on what an Office file may expand to. A long Word report is a few MB of XML, a
# 100,000-row workbook a few hundred MB.
MAX_UNCOMPRESSED_BYTES = 1_000_000_000
MAX_MEMBERS = 10_000
# A member this much larger than its compressed size is a bomb, not XML (XML compresses
# 10-30 times; repeated cells of a sheet up to ~150 times).
MAX_RATIO = 400
_RATIO_FLOOR_BYTES = 10_000_000  # small members may compress as well as they like
_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.I)
_XML_HEAD_BYTES = 4096


def check_archive(path: Path, limit: int = MAX_UNCOMPRESSED_BYTES) -> None:
    """Refuse an Office zip that would expand beyond `limit`, is damaged, or whose XML
    declares entities: ImportFileError (ARCHIVE_TOO_LARGE, DAMAGED_ARCHIVE, XML_ENTITIES)."""
    name = display_file_name(path.name)
    suffix = path.suffix.lower()
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise _too_large(name, f"it holds {len(members):,} files", len(members), limit)
            total = 0
            for member in members:
                total += member.file_size
                ratio_bomb = (
                    member.file_size > _RATIO_FLOOR_BYTES
                    and member.file_size > MAX_RATIO * max(1, member.compress_size)
                )
                if total > limit or ratio_bomb:
                    raise _too_large(
                        name,
                        f"{member.filename} expands to {member.file_size:,} bytes",
                        total,
                        limit,
                    )
            for member in members:
                if member.filename.endswith((".xml", ".rels")):
                    with archive.open(member) as stream:
                        head = stream.read(_XML_HEAD_BYTES)
                    if _DTD.search(head):
                        raise ImportFileError(
                            f"{name}: its {member.filename} declares XML entities, which an "
                            "Office program never writes and which can expand without limit; "
                            "not imported. Save the document again in Word, Excel or WPS",
                            code=ErrorCode.XML_ENTITIES,
                            file=name,
                            part=member.filename,
                        )
    except zipfile.BadZipFile as error:
        raise damaged_archive(name, suffix, str(error) or "bad zip") from None
    except (OSError, EOFError, ValueError, NotImplementedError, zlib.error) as error:
        # A truncated member ends in EOFError, corrupt deflate data in zlib.error.
        raise damaged_archive(name, suffix, str(error) or type(error).__name__) from None


def _too_large(name: str, what: str, size: int, limit: int) -> ImportFileError:
    return ImportFileError(
        f"{name}: would expand to more than {limit / 2**20:,.0f} MB when read ({what}); a "
        "file like this is damaged or made to exhaust memory, so it was not imported",
        code=ErrorCode.ARCHIVE_TOO_LARGE,
        file=name,
        size=size,
        limit=limit,
    )

"""Bytes → text among UTF-8, UTF-16 (with BOM), GB18030 and Big5, or a clear refusal."""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from hnreader.core.models import ErrorCode, ImportFileError
from hnreader.core.text.common_han import COMMON_HAN_TEXT as _COMMON_HAN_TEXT
from hnreader.core.text.common_han import VERY_COMMON_HAN_TEXT as _VERY_COMMON_HAN_TEXT
from hnreader.core.text.normalize import normalise_line_ends, normalise_stored_text

DEFAULT_MAX_BYTES = 200 * 2**20

TRIED = "tried UTF-8, UTF-16, GB18030, Big5"

# Candidate legacy encodings, as Python codec names. GBK and GB2312 are subsets of GB18030.
# Big5 is decoded as cp950 (Big5 as Windows writes it: adds €, the ETEN extensions, ...).
GB18030 = "gb18030"
BIG5 = "cp950"
_LABELS = {GB18030: "GB18030", BIG5: "Big5"}

# Evidence thresholds for GB18030 vs Big5: the score is the mean weight of the non-ASCII
# characters (see _WEIGHTS). On 4- to 12-character snippets of the bundled corpus (GB18030, and
# Big5 after OpenCC s2t) these gave no wrong reading and refused ~2% of 4-character snippets.
_MIN_SCORE = 0.6
_MIN_MARGIN = 0.3

_SAMPLE_BYTES = 64 * 1024  # the chunk where the text first stops being UTF-8
_EXTRA_CHUNK_BYTES = 16 * 1024  # three more, spread over a large file
_CONTROL_SAMPLE_CHARS = 64 * 1024
_MAX_CONTROL_SHARE = 0.02
_UTF8_PREFIX_EVIDENCE = 24  # non-ASCII bytes of valid UTF-8 before an error: "broken UTF-8"

# Control characters that do not occur in text (tab, LF, VT, FF, CR and ESC are allowed).
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_UTF8_LONG_LEAD = re.compile(rb"[\xe0-\xf4]")  # starts a 3- or 4-byte UTF-8 character
# Code point ranges of scripts written with 2-byte UTF-8: Latin-1 + Latin Extended-A, Greek,
# Cyrillic, Hebrew, Arabic letters.
_SCRIPTS = ((0xA0, 0x180), (0x384, 0x3CF), (0x400, 0x460), (0x5D0, 0x5EB), (0x60C, 0x66A))
# A byte that is neither a lead nor a trail byte in GB18030 or Big5: a safe place to cut.
_SAFE_CUT = re.compile(rb"[\x00-\x2f]")

# Punctuation and full-width forms that Chinese news text uses; both readings can produce them.
_COMMON_PUNCTUATION = "，。、；：？！“”‘’（）《》〈〉【】「」『』—…·　" + "".join(
    chr(code) for code in range(0xFF01, 0xFF5F)
)

# How much one character counts as evidence for a reading. The wrong one of GB18030/Big5 still
# lands on characters among the 3,500 often, but seldom on the top 1,000, hence two tiers.
_WEIGHTS: dict[str, float] = {
    **dict.fromkeys(_COMMON_HAN_TEXT.replace("\n", ""), 0.5),
    **dict.fromkeys(_VERY_COMMON_HAN_TEXT.replace("\n", ""), 1.0),
    **dict.fromkeys(_COMMON_PUNCTUATION, 1.0),
}

# Known binary formats: magic bytes → what the file is.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Office document (.doc/.xls/.ppt)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_ZIP_KINDS = {
    ".docx": "a Word document (.docx)",
    ".xlsx": "an Excel workbook (.xlsx)",
    ".pptx": "a PowerPoint file (.pptx)",
    ".odt": "an OpenDocument text (.odt)",
    ".epub": "an EPUB e-book",
}


@dataclass(frozen=True)
class DecodedText:
    """A decoded, normalised text and how its encoding was decided."""

    text: str  # passed through normalise_stored_text
    encoding: str  # Python codec name: utf-8, utf-8-sig, utf-16-le, utf-16-be, gb18030, cp950
    confidence: float  # 1.0 for a BOM or valid UTF-8, else the common-character score (0–1)
    evidence: str  # one line for logs and the import report


def read_text_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> DecodedText:
    """Read and decode a plain text file, or raise ImportFileError saying what is wrong."""
    return decode_bytes(read_file_bytes(path, max_bytes), path.name or str(path))


def read_file_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A regular file's bytes (at most `max_bytes`), or ImportFileError saying what is wrong."""
    name = path.name or str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise _io_error(name, f"file not found ({path})", ErrorCode.MISSING) from None
    except PermissionError:
        raise _io_error(name, "cannot be read: permission denied", ErrorCode.PERMISSION) from None
    except OSError as exc:
        raise _io_error(name, f"cannot be read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise _io_error(name, "is a folder, not a file", ErrorCode.NOT_A_REGULAR_FILE)
    if not stat.S_ISREG(info.st_mode):
        # FIFOs and devices could block or never end.
        raise _io_error(name, "is not a regular file", ErrorCode.NOT_A_REGULAR_FILE)
    if info.st_size > max_bytes:
        raise too_large(name, info.st_size, max_bytes)
    try:
        with open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)  # the file may have grown since stat()
    except PermissionError:
        raise _io_error(name, "cannot be read: permission denied", ErrorCode.PERMISSION) from None
    except IsADirectoryError:
        raise _io_error(name, "is a folder, not a file", ErrorCode.NOT_A_REGULAR_FILE) from None
    except OSError as exc:
        raise _io_error(name, f"cannot be read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise too_large(name, len(data), max_bytes)
    return data


def _io_error(name: str, what: str, code: str = ErrorCode.IO_ERROR) -> ImportFileError:
    return ImportFileError(f"{name}: {what}", code=code, file=name)


def decode_bytes(data: bytes, name: str, *, markup: bool = False) -> DecodedText:
    """Decode a file's bytes among UTF-8 / UTF-16 with BOM / GB18030 / Big5, or refuse.

    Never guesses silently: when the evidence is thin, or the text would not decode cleanly,
    raises ImportFileError naming the file and the encodings tried. `markup`: the bytes are a
    page or a record file (HTML, XML): an encoding its `<meta charset>` or XML declaration
    names is used when the bytes are not plainly UTF-8, and the text is stored as written
    (`normalise_line_ends`: no paragraphs are made of its markup).
    """
    if not data.strip():
        raise ImportFileError(f"{name}: is empty", code=ErrorCode.EMPTY_SOURCE, file=name)
    _refuse_known_binary(data, name)
    decoded = _decode_with_bom(data, name)
    if decoded is None:
        if b"\x00" in data:
            raise ImportFileError(_nul_message(data, name), code=ErrorCode.BINARY_FILE, file=name)
        declared = declared_encoding(data) if markup else None
        decoded = _decode_declared(data, declared) if declared else None
        if decoded is None:
            decoded = _decode_without_bom(data, name)
    _refuse_control_characters(decoded.text, name)
    text = normalise_line_ends(decoded.text) if markup else normalise_stored_text(decoded.text)
    if not text.strip():
        raise ImportFileError(
            f"{name}: is empty (it holds only white space)", code=ErrorCode.EMPTY_SOURCE, file=name
        )
    return DecodedText(text, decoded.encoding, decoded.confidence, decoded.evidence)


def decode_as(data: bytes, name: str, encoding: str) -> str:
    """A text file's bytes decoded with the encoding the user named (issue 13: the import's
    encoding override), normalised; ImportFileError where they do not decode so."""
    if data.startswith(b"\xef\xbb\xbf") and encoding.replace("_", "-") in ("utf-8", "utf8"):
        data = data[3:]
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ImportFileError(
            f"{name}: is not {encoding} (the bytes at {error.start} do not decode so); "
            "choose another encoding, or let hnreader decide",
            code=ErrorCode.ENCODING_UNDECIDABLE,
            file=name,
            encoding=encoding,
        ) from None
    text = normalise_stored_text(text.lstrip("\ufeff"))
    _refuse_control_characters(text, name)
    if not text.strip():
        raise ImportFileError(f"{name}: is empty", code=ErrorCode.EMPTY_SOURCE, file=name)
    return text


# An encoding named in the first bytes of a page or an XML file: <meta charset="gbk">,
# <meta http-equiv="Content-Type" content="text/html; charset=gb2312">, <?xml encoding="GBK"?>.
_DECLARATION_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
# Labels pages use for the encodings hnreader reads (WHATWG: GB2312 and GBK are read as GBK,
# whose superset GB18030 decodes the same bytes; Big5 as Windows writes it).
_DECLARED_CODECS = {
    "utf-8": "utf-8",
    "utf8": "utf-8",
    "unicode-1-1-utf-8": "utf-8",
    "gb2312": GB18030,
    "gb_2312": GB18030,
    "gb_2312-80": GB18030,
    "chinese": GB18030,
    "csgb2312": GB18030,
    "x-gbk": GB18030,
    "gbk": GB18030,
    "cp936": GB18030,
    "windows-936": GB18030,
    "gb18030": GB18030,
    "big5": BIG5,
    "big-5": BIG5,
    "cn-big5": BIG5,
    "csbig5": BIG5,
    "x-x-big5": BIG5,
    "cp950": BIG5,
    "big5-hkscs": "big5hkscs",
}


def declared_encoding(data: bytes) -> str | None:
    """The Python codec a page's `<meta charset>` or an XML declaration names among those
    hnreader reads, or None (no declaration, or one naming another encoding)."""
    head = data[:_DECLARATION_BYTES]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    return _DECLARED_CODECS.get(match.group(1).decode("ascii", "replace").lower())


def _decode_declared(data: bytes, codec: str) -> DecodedText | None:
    """The bytes in the encoding their markup declares, or None to decide by the evidence:
    bytes that are plainly UTF-8 (a page saved again by a browser keeps its old `gb2312`
    declaration) or that are not valid in the declared encoding."""
    if codec != "utf-8" and _UTF8_LONG_LEAD.search(data):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return None  # valid UTF-8 with Chinese in it: the declaration is stale
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    label = _LABELS.get(codec, codec.upper().replace("BIG5HKSCS", "Big5-HKSCS"))
    return DecodedText(text, codec, 1.0, f"{label}, as the page declares")


def too_large(name: str, size: int, max_bytes: int) -> ImportFileError:
    return ImportFileError(
        f"{name}: is too large to import ({size / 2**20:.1f} MB; the limit is "
        f"{max_bytes / 2**20:.0f} MB); split it into smaller files",
        code=ErrorCode.FILE_TOO_LARGE,
        file=name,
        size=size,
        limit=max_bytes,
    )


def _undecidable(name: str, message: str) -> ImportFileError:
    return ImportFileError(message, code=ErrorCode.ENCODING_UNDECIDABLE, file=name)


def _cannot_tell(name: str) -> str:
    return f"{name}: cannot tell its text encoding ({TRIED}); save it as UTF-8 and import again"


def _refuse_known_binary(data: bytes, name: str) -> None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            if kind == "a ZIP archive":
                kind = _ZIP_KINDS.get(os.path.splitext(name)[1].lower(), kind)
            raise ImportFileError(
                f"{name}: is {kind}; only plain text files can be imported "
                "(save or export it as a .txt file first)",
                code=ErrorCode.WRONG_CONTENT,
                file=name,
                found=kind,
            )


def _decode_with_bom(data: bytes, name: str) -> DecodedText | None:
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise _undecidable(name, f"{name}: is UTF-32, which is not supported; save it as UTF-8")
    for bom, codec, label in (
        (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
    ):
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                # utf-8-sig strips the BOM itself; for UTF-16 the BOM is cut off above.
                text = data.decode(codec) if codec == "utf-8-sig" else body.decode(codec)
            except UnicodeDecodeError as exc:
                offset = exc.start + (0 if codec == "utf-8-sig" else len(bom))
                raise _undecidable(
                    name,
                    f"{name}: starts with a {label} byte-order mark but is not valid {label} "
                    f"(at byte {offset:,}); save it as UTF-8 and import again",
                ) from None
            return DecodedText(text, codec, 1.0, f"{label} byte-order mark")
    return None


def _nul_message(data: bytes, name: str) -> str:
    head = data[:4096]
    nul_even = head[0::2].count(0)
    nul_odd = head[1::2].count(0)
    half = len(head) / 2
    # ASCII or Latin text in UTF-16 has a NUL in every other byte, on one side only.
    if max(nul_even, nul_odd) >= 0.3 * half and min(nul_even, nul_odd) <= 0.05 * half:
        return (
            f"{name}: looks like UTF-16 without a byte-order mark, which cannot be told apart "
            "safely; save it as UTF-8 and import again"
        )
    return (
        f"{name}: looks like a binary file (it contains NUL bytes); "
        "only plain text files can be imported"
    )


def _refuse_control_characters(text: str, name: str) -> None:
    head = text[:_CONTROL_SAMPLE_CHARS]
    controls = len(_CONTROLS.findall(head))
    if controls and controls > _MAX_CONTROL_SHARE * len(head):
        raise ImportFileError(
            f"{name}: looks like a binary file ({controls:,} control characters); "
            "only plain text files can be imported",
            code=ErrorCode.BINARY_FILE,
            file=name,
        )


def _decode_without_bom(data: bytes, name: str) -> DecodedText:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    else:
        if data.isascii():
            return DecodedText(text, "utf-8", 1.0, "ASCII only")
        if _UTF8_LONG_LEAD.search(data) or _plausible_two_byte_text(text):
            return DecodedText(text, "utf-8", 1.0, "valid UTF-8")
        # Short GB18030 text without Chinese punctuation is often valid UTF-8 by accident
        # (效应 → "ЧӦ", 学习 → "ѧϰ"): a jumble of scripts. Let the GB18030/Big5 evidence speak.
        first_non_ascii = _NON_ASCII.search(data)
        assert first_non_ascii is not None
        codec, confidence, evidence = _choose_legacy(data, first_non_ascii.start(), name)
        evidence += " (also valid UTF-8, but that reading is a jumble of scripts)"
        return _decode_legacy(data, codec, confidence, evidence, name)
    prefix = data[:first_bad]
    if len(prefix) - _ascii_count(prefix) >= _UTF8_PREFIX_EVIDENCE:
        # Long valid UTF-8 with Chinese in it, then an invalid byte: a damaged or mixed file.
        # Reading all of it as GB18030 would turn the good part into garbage.
        raise _undecidable(
            name,
            f"{name}: is UTF-8 up to byte {first_bad:,} but not after it (a damaged or mixed "
            f"file; {TRIED}); save it as UTF-8 and import again",
        )
    codec, confidence, evidence = _choose_legacy(data, first_bad, name)
    return _decode_legacy(data, codec, confidence, evidence, name)


def _decode_legacy(
    data: bytes, codec: str, confidence: float, evidence: str, name: str
) -> DecodedText:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise _undecidable(
            name,
            f"{name}: reads as {_LABELS[codec]} at first but has bytes that are not "
            f"{_LABELS[codec]} at byte {exc.start:,} ({TRIED}); save it as UTF-8 and import again",
        ) from None
    return DecodedText(text, codec, confidence, evidence)


def _plausible_two_byte_text(text: str) -> bool:
    """Whether UTF-8 text without 3- or 4-byte characters keeps to one script, as real text does."""
    chars = {char for char in text[:_CONTROL_SAMPLE_CHARS] if char >= "\x80"}
    return any(all(start <= ord(char) < end for char in chars) for start, end in _SCRIPTS)


def _ascii_count(data: bytes) -> int:
    return len(data) - len(data.translate(None, bytes(range(128))))


def _choose_legacy(data: bytes, first_bad: int, name: str) -> tuple[str, float, str]:
    """Pick GB18030 or Big5 by how common the Chinese characters of each reading are."""
    chunks = _sample_chunks(data, first_bad)
    results: dict[str, tuple[float, int] | None] = {}
    for codec in (GB18030, BIG5):
        counts: Counter[str] = Counter()
        try:
            for chunk, final in chunks:
                decoder = codecs.getincrementaldecoder(codec)("strict")
                counts.update(decoder.decode(chunk, final))
        except UnicodeDecodeError:
            results[codec] = None
            continue
        non_ascii = sum(n for char, n in counts.items() if char >= "\x80")
        weight = sum(n * _WEIGHTS.get(char, 0.0) for char, n in counts.items())
        results[codec] = (weight / non_ascii if non_ascii else 0.0, non_ascii)
    gb, big5 = results[GB18030], results[BIG5]
    if gb is not None and (big5 is None or gb[0] >= big5[0]):
        codec, (share, count), other = GB18030, gb, big5
    elif big5 is not None:
        codec, (share, count), other = BIG5, big5, gb
    else:
        raise _undecidable(name, _cannot_tell(name))
    other_share = other[0] if other is not None else 0.0
    if count == 0 or share < _MIN_SCORE or share - other_share < _MIN_MARGIN:
        raise _undecidable(name, _cannot_tell(name))
    other_codec = BIG5 if codec == GB18030 else GB18030
    other_note = (
        f"as {_LABELS[other_codec]}: {other_share:.2f}"
        if other is not None
        else f"not valid {_LABELS[other_codec]}"
    )
    evidence = (
        f"{_LABELS[codec]}: common-character score {share:.2f} over {count:,} sampled non-ASCII "
        f"characters ({other_note})"
    )
    return codec, share, evidence


def _sample_chunks(data: bytes, first_bad: int) -> list[tuple[bytes, bool]]:
    """Byte chunks to weigh the evidence on: where UTF-8 first fails, then spread over the rest.

    Each chunk starts just after a byte below 0x30, which is never part of a GB18030 or Big5
    multi-byte character, so every chunk starts on a character boundary. Each is decoded with
    an incremental decoder, so a character cut at a chunk's end is not an error.
    """
    first = _start_before(data, first_bad)
    spans = [(first, first + _SAMPLE_BYTES)]
    rest = len(data) - spans[0][1]
    if rest > 3 * _SAMPLE_BYTES:
        for fraction in (1, 2, 3):
            start = _start_after(data, spans[0][1] + rest * fraction // 4)
            if start is not None:
                spans.append((start, start + _EXTRA_CHUNK_BYTES))
    return [(data[start:end], end >= len(data)) for start, end in spans]


def _start_before(data: bytes, position: int) -> int:
    """A character boundary at or shortly before `position`."""
    window_start = max(0, position - 4096)
    for index in range(position - 1, window_start - 1, -1):
        if data[index] < 0x30:
            return index + 1
    return 0 if window_start == 0 else position


def _start_after(data: bytes, position: int) -> int | None:
    """A character boundary shortly after `position`, if there is one nearby."""
    match = _SAFE_CUT.search(data, position, position + _EXTRA_CHUNK_BYTES)
    return match.end() if match else None

"""A large text file decoded as a stream of normalised chunks, in constant memory: the
encoding is decided on its first megabyte as `decode_bytes` decides a whole file (on the
first megabyte with a non-ASCII byte, for a file that begins in ASCII), and the whole file is
then decoded strictly in that encoding."""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from hnreader.core.models import ErrorCode, ImportFileError
from hnreader.core.text.decoding import (
    _LABELS,
    _refuse_control_characters,
    decode_bytes,
    too_large,
)
from hnreader.core.text.normalize import normalise_line_ends

SAMPLE_BYTES = 1 << 20
BLOCK_BYTES = 1 << 20
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_MAX_NUL_SHARE = 0.001


class TextStream:
    """A file's text as normalised chunks. `encoding` is decided on creation (or
    ImportFileError); `chunks()` can be iterated more than once, each time from the start."""

    def __init__(self, path: Path, name: str, max_bytes: int) -> None:
        self.path = path
        self.name = name
        self.size = path.stat().st_size
        if self.size > max_bytes:
            raise too_large(name, self.size, max_bytes)
        self.skip = 0  # a UTF-16 byte-order mark, cut off before decoding
        with open(path, "rb") as stream:
            head = stream.read(SAMPLE_BYTES)
        for bom, codec in _BOMS:
            if head.startswith(bom):
                self.skip = len(bom) if codec != "utf-8-sig" else 0
                self.encoding = codec
                return
        sample = self._first_non_ascii_sample(head)
        if b"\x00" in sample and sample.count(0) <= len(sample) * _MAX_NUL_SHARE:
            # A few stray NULs in a table (a crawler's junk) are dropped with the rest of
            # what normalisation removes; many are UTF-16 or binary, which decode_bytes
            # refuses with the reason.
            sample = sample.replace(b"\x00", b"")
        self.encoding = decode_bytes(sample, name).encoding

    def _first_non_ascii_sample(self, head: bytes) -> bytes:
        """About a megabyte of the file, ending at a line end, holding its first non-ASCII
        byte if it has one (the bytes that can tell the encodings apart)."""
        start = 0
        if not _NON_ASCII.search(head) and len(head) == SAMPLE_BYTES:
            with open(self.path, "rb") as stream:
                offset = 0
                while block := stream.read(BLOCK_BYTES):
                    found = _NON_ASCII.search(block)
                    if found:
                        start = max(0, offset + found.start() - 4096)
                        break
                    offset += len(block)
                stream.seek(start)
                head = stream.read(SAMPLE_BYTES)
            if start:
                head = head[head.find(b"\n") + 1 :]
        if len(head) == SAMPLE_BYTES:
            cut = head.rfind(b"\n")
            head = head[: cut + 1] if cut > 0 else head
        return head

    def chunks(self, on_bytes: Callable[[int], None] | None = None) -> Iterator[str]:
        """The text, normalised (`\\n` line ends, no BOM, NUL or lone surrogate), in chunks of
        about a megabyte; `on_bytes(n)` after each block of n bytes read (for progress)."""
        decoder = codecs.getincrementaldecoder(self.encoding)("strict")
        label = _LABELS.get(self.encoding, self.encoding)
        carry = ""  # a trailing CR, kept until we know whether LF follows
        first = True
        with open(self.path, "rb") as stream:
            stream.seek(self.skip)
            position = self.skip
            while True:
                block = stream.read(BLOCK_BYTES)
                final = not block
                try:
                    text = decoder.decode(block, final)
                except UnicodeDecodeError as error:
                    where = position + error.start
                    raise ImportFileError(
                        f"{self.name}: has bytes that are not {label} at byte {where:,}, "
                        f"although its first part reads as {label}; save it as UTF-8 and "
                        "import again",
                        code=ErrorCode.ENCODING_UNDECIDABLE,
                        file=self.name,
                        byte=where,
                    ) from None
                position += len(block)
                if on_bytes is not None and block:
                    on_bytes(len(block))
                text, carry = carry + text, ""
                if text.endswith("\r") and not final:
                    text, carry = text[:-1], "\r"
                if first and text:
                    _refuse_control_characters(text, self.name)
                    first = False
                if text:
                    yield normalise_line_ends(text)
                if final:
                    return


MAX_LINE_CHARS = 64_000_000


def lines_of(chunks: Iterable[str], name: str = "") -> Iterator[str]:
    """The lines of a chunked text, each with its `\\n` (the last one without, if it had
    none): the way `csv.reader` and line-based parsers want a text stream. A line longer than
    MAX_LINE_CHARS is refused (MALFORMED_FILE): it could only be held whole."""
    rest: list[str] = []
    rest_chars = 0
    for chunk in chunks:
        parts = chunk.split("\n")
        if len(parts) == 1:
            rest.append(chunk)
            rest_chars += len(chunk)
            if rest_chars > MAX_LINE_CHARS:
                raise ImportFileError(
                    f"{name}: has a line longer than {MAX_LINE_CHARS:,} characters; "
                    "it is not a table or a record file hnreader can read",
                    code=ErrorCode.MALFORMED_FILE,
                    file=name,
                    what="line too long",
                )
            continue
        yield "".join(rest) + parts[0] + "\n"
        for part in parts[1:-1]:
            yield part + "\n"
        rest, rest_chars = [parts[-1]], len(parts[-1])
    tail = "".join(rest)
    if tail:
        yield tail

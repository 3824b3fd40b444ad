"""A table file's stored text on its way into the project: written once, compressed as the
store keeps it (zlib over UTF-8), to a temporary file, with its SHA-256 and length, so that a
200 MB file is hashed, checked for duplicates and stored without being held in memory."""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import os
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from hnreader import paths

_READ_BYTES = 1 << 20
_COMPRESSED_READ_BYTES = 64 << 10
_TEXT_BYTES = 1 << 20


class StoredText:
    """The compressed text in a temporary file; `chunks()` reads it back as text. Close it
    (or use `with`) to remove the file."""

    def __init__(self, chunks: Iterable[str]) -> None:
        digest = hashlib.sha256()
        compressor = zlib.compressobj(9)
        self.chars = 0
        handle, name = tempfile.mkstemp(prefix="table-", suffix=".z", dir=paths.import_work_dir())
        self.path = Path(name)
        try:
            with os.fdopen(handle, "wb") as out:
                for chunk in chunks:
                    data = chunk.encode("utf-8", "surrogatepass")
                    digest.update(data)
                    self.chars += len(chunk)
                    out.write(compressor.compress(data))
                out.write(compressor.flush())
        except BaseException:
            self.close()
            raise
        self.sha256 = digest.hexdigest()
        self.compressed_size = self.path.stat().st_size

    def chunks(self) -> Iterator[str]:
        """The stored text again, in chunks of at most about a megabyte (decompressed as it
        is read: repetitive text compresses a hundredfold, so each step's output is capped)."""
        decompressor = zlib.decompressobj()
        decoder = _utf8_decoder()
        with open(self.path, "rb") as stream:
            while block := stream.read(_COMPRESSED_READ_BYTES):
                while block:
                    text = decoder.decode(decompressor.decompress(block, _TEXT_BYTES))
                    if text:
                        yield text
                    block = decompressor.unconsumed_tail
            tail = decoder.decode(decompressor.flush(), final=True)
            if tail:
                yield tail

    def blocks(self) -> Iterator[bytes]:
        """The compressed bytes as the store keeps them (`compression = 'zlib'`)."""
        with open(self.path, "rb") as stream:
            while block := stream.read(_READ_BYTES):
                yield block

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink()

    def __enter__(self) -> StoredText:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _utf8_decoder() -> codecs.IncrementalDecoder:
    return codecs.getincrementaldecoder("utf-8")("surrogatepass")

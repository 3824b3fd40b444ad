"""Making user-typed text and file names storable and readable (lone surrogates, controls)."""

from __future__ import annotations

import os
import re
import sys
from pathlib import PurePath

# Python decodes bytes that are not valid in the file-system encoding (argv, file names,
# environment) as "surrogate escapes" U+DC80–U+DCFF, one per byte; SQLite, like every UTF-8
# encoder, refuses any surrogate code point (issues F13, F14).
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_ESCAPED_BYTE = re.compile(r"[\udc80-\udcff]")
# C0 and C1 controls and DEL, but tab and newline: invisible, and some end a line early
# in a terminal or a CSV reader.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# What a file name must not carry to be shown on one line in its real order: controls, line
# and paragraph separators, and the bidirectional overrides and isolates that make
# "report\u202etxt.exe" read as "reportexe.txt".
_UNSHOWABLE_IN_NAMES = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

# How the bytes of a name that is not UTF-8 are read, first success wins. GB2312 comes before
# Big5 and GB18030 after it: GB18030 accepts almost every byte pair Big5 produces, so tried
# first it would turn every Big5 name (廣東 → 約狥) into nonsense; GB2312 (the 6,763 common
# Simplified characters) rejects most Big5 pairs, and a GBK name with rarer characters
# usually is not Big5 (lead bytes 0x81–0xA0), so it reaches GB18030.
_NAME_CODECS = ("utf-8", "gb2312", "cp950", "gb18030")


def has_lone_surrogate(text: str) -> bool:
    """Whether `text` holds a surrogate code point, so it cannot be encoded as UTF-8 (or
    stored by SQLite). In a Python string every surrogate stands alone: a real character
    outside the BMP is one code point."""
    return _SURROGATE.search(text) is not None


def replace_lone_surrogates(text: str) -> str:
    """`text` with every surrogate code point replaced by U+FFFD: the same length, so an
    offset into the result is an offset into `text` (OpenCC, and so `fold_for_search`,
    raises UnicodeEncodeError on a surrogate)."""
    return _SURROGATE.sub("\ufffd", text) if has_lone_surrogate(text) else text


def clean_user_text(text: str) -> str:
    """`text` as it can be stored and shown: for tag names, notes and other typed text.

    - a high + low surrogate pair (UTF-16 split into code points) becomes its character;
    - any other surrogate (e.g. a surrogate escape from a command-line argument) becomes
      U+FFFD, the replacement character;
    - CRLF and a lone CR become a newline;
    - NUL and the other C0/C1 control characters and DEL are removed, tab and newline kept.

    Everything else (spaces, bidirectional marks, private-use characters) is kept: whether a
    value is acceptable (blank, too long) is for the caller to decide.
    """
    if has_lone_surrogate(text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", text)


def display_file_name(name: str) -> str:
    """A readable form of a file or folder name as Python got it from the OS.

    A name whose bytes are not UTF-8 (a GBK name from a Windows zip, say) arrives with
    surrogate escapes (os.fsdecode); its bytes are recovered and read as UTF-8, GB2312,
    Big5 or GB18030 (b"\\xb9\\xe3\\xb6\\xab.txt" → "广东.txt"); bytes none of them reads are
    written as backslash escapes ("caf\\xe9.txt"). Control characters, line separators and
    bidirectional overrides are escaped too ("\\n", "\\u202e"), so a name shows on one line,
    in its real order. A plain name comes back unchanged.
    """
    if has_lone_surrogate(name):
        name = _recover_escaped_bytes(name)
    return _UNSHOWABLE_IN_NAMES.sub(_escape_character, name)


def display_path(path: str | PurePath) -> str:
    """`display_file_name` applied to each part of a path, so a folder named in UTF-8 stays
    as it is next to a file named in GBK."""
    text = os.fspath(path)
    if not has_lone_surrogate(text) and not _UNSHOWABLE_IN_NAMES.search(text):
        return text
    separators = re.escape(os.sep + (os.altsep or ""))
    parts = re.split(f"([{separators}])", text)
    return "".join(display_file_name(part) for part in parts)


def _recover_escaped_bytes(name: str) -> str:
    only_escaped_bytes = not has_lone_surrogate(_ESCAPED_BYTE.sub("", name))
    if sys.getfilesystemencodeerrors() != "surrogateescape" or not only_escaped_bytes:
        # Not bytes escaped by os.fsdecode (Windows names are UTF-16, where a lone surrogate
        # is itself the fault): show each surrogate as its code.
        return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", name)
    raw = os.fsencode(name)
    for codec in _NAME_CODECS:
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "backslashreplace")


def _escape_character(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in "\t\n\r":
        return repr(char)[1:-1]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

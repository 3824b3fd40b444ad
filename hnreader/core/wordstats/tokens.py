"""An article's words read from its index row (no segmenting again), what kind of token each
is, and the compact blob its counts are stored in."""

from __future__ import annotations

import itertools
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from hnreader.core.analysis.index import WORD_BOUNDARY
from hnreader.core.text.normalize import fold_width

# Letters, numbers, private use and unassigned code points: what makes a token a word.
_WORD_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Nl", "No", "Co", "Cn"})

# A number token: digits with their separators and signs (2019, 13.43%, 1,000, -3.5).
_NUMBER = re.compile(r"[+\-]?\d[\d.,%‰]*")
# A date or time token: a date unit alone or after a numeral (年, 3月, 十二月, 2019年, 8时);
# 时, 分 and 秒 only after digits (十分 is "very", 一时 "for a while").
_DATE = re.compile(r"[0-9]+[年月日号时分秒]|[0-9〇零一二三四五六七八九十两]*[年月日号]")


class Token(NamedTuple):
    """A word of an article: its folded form and its code-point span in the stored text
    (a NamedTuple: an article makes hundreds)."""

    word: str
    start: int
    end: int


def folded_text(text: str, folded: str | None) -> str:
    """The folded view an index row was built from (kept only where OpenCC changed it)."""
    return folded if folded is not None else fold_width(text)


def tokens(folded: str, flags: bytes) -> list[Token]:
    """The accurate-mode words jieba cut `folded` into at index time (uncompressed `flags`,
    one byte per position), whitespace left out. Offsets are those of the stored text
    (folding keeps lengths)."""
    marks = np.frombuffer(flags, dtype=np.uint8)
    bounds = np.flatnonzero(marks & WORD_BOUNDARY).tolist()
    found: list[Token] = []
    for start, end in itertools.pairwise(bounds):
        word = folded[start:end]
        if not word.isspace():
            found.append(Token(word, start, end))
    return found


def words(folded: str, flags: bytes) -> list[str]:
    """As `tokens`, the words alone (what counts are built from)."""
    marks = np.frombuffer(flags, dtype=np.uint8)
    bounds = np.flatnonzero(marks & WORD_BOUNDARY).tolist()
    cut = [folded[s:e] for s, e in itertools.pairwise(bounds)]
    return [w for w in cut if not w.isspace()]


WORD, PUNCTUATION, NUMBER = 0, 1, 2  # the kinds of tokens the vocabulary records


def kind_of(word: str) -> int:
    if is_punctuation(word):
        return PUNCTUATION
    return NUMBER if is_number(word) else WORD


def is_punctuation(word: str) -> bool:
    """A token with no letter or number: punctuation and symbols (not counted as a word)."""
    return not any(unicodedata.category(c) in _WORD_CATEGORIES for c in word)


def is_number(word: str) -> bool:
    return _NUMBER.fullmatch(word) is not None


def is_date(word: str) -> bool:
    """A date unit, alone or after a numeral (folded text: digits are half-width)."""
    return _DATE.fullmatch(word) is not None


def word_total(counts: Mapping[str, int]) -> int:
    """Running words: every token but punctuation (the base of frequencies per 10,000)."""
    return sum(n for w, n in counts.items() if not is_punctuation(w))


def count_words(folded: str, flags: bytes) -> Counter[str]:
    return Counter(words(folded, flags))


def encode_counts(counts: Mapping[int, int]) -> bytes:
    """(vocabulary id → count) as zlib over little-endian uint32: the ids ascending as
    differences, then the counts in the same order (small numbers: they compress well)."""
    ids = np.array(sorted(counts), dtype=np.uint32)
    values = np.array([counts[i] for i in ids.tolist()], dtype=np.uint32)
    deltas = np.diff(ids, prepend=np.uint32(0)).astype("<u4")
    return zlib.compress(deltas.tobytes() + values.astype("<u4").tobytes(), 6)


def decode_counts(blob: bytes) -> tuple[np.ndarray, np.ndarray]:
    """The (ids, counts) arrays of `encode_counts`."""
    data = np.frombuffer(zlib.decompress(blob), dtype="<u4")
    half = len(data) // 2
    return np.cumsum(data[:half], dtype=np.int64), data[half:].astype(np.int64)

"""What is indexed for an article: the FTS5 documents, the word-boundary flags, match strings.

The store keeps `article_fts(chars, words, tokenize='unicode61 remove_diacritics 0')`.

- `chars` holds the folded text with every non-ASCII character set apart by spaces, so
  unicode61 makes one token per Han character (BMP or not, 〇 included) while ASCII words and
  numbers stay whole tokens. A term queried as a phrase of those tokens finds every article
  holding the term (1- and 2-character words included) plus some more (the phrase also
  matches across punctuation): FTS is only a candidate filter, a superset; the exact hits
  come from a substring search in Python (`search.py`).
- `words` holds the search tokens (`Segmenter.search_spans`: the accurate words plus every
  dictionary word inside them), for word-level queries.
- `flags` records, per code point, where accurate-mode words and search-mode tokens start
  and end, so a hit can be classified as a word, a subword or a bare substring without
  segmenting the article again at query time.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

from hnreader.core.segmenter import Segmenter
from hnreader.core.text_normalize import fold_for_search

# Bump when what build_index_entry produces changes; stored with the segmenter version.
INDEX_FORMAT_VERSION = 1

WORD_BOUNDARY = 1  # an accurate-mode word starts or ends here
TOKEN_START = 2  # some search-mode token starts here
TOKEN_END = 4  # some search-mode token ends here

# ASCII letter/digit runs stay whole; every other character is its own piece (a token for
# unicode61, or a separator, decided the same way for documents and queries).
_PIECES = re.compile(r"[0-9A-Za-z]+|[^\x00-\x7f]")
_ALNUM_ASCII = re.compile(r"[0-9A-Za-z]")
_NON_ASCII = re.compile(r"([^\x00-\x7f])")

# At most this many tokens of a term go into its FTS phrase (still a superset: the rest is
# checked in Python); keeps FTS work bounded for pasted sentences.
MAX_PHRASE_TOKENS = 32


@dataclass(frozen=True)
class IndexEntry:
    chars_doc: str
    words_doc: str
    flags: bytes  # zlib-compressed, one byte per position 0..len(text)


def index_version(segmenter: Segmenter) -> str:
    """The string to store with the index; rebuild every entry when it changes."""
    return f"{segmenter.version}:index={INDEX_FORMAT_VERSION}"


def chars_document(folded: str) -> str:
    """The `chars` column for a folded text: non-ASCII characters set apart by spaces."""
    return _NON_ASCII.sub(r" \1 ", folded)


def build_index_entry(text: str, segmenter: Segmenter) -> IndexEntry:
    """Everything indexed for one article's stored `text` (folded here, offsets unchanged)."""
    folded = fold_for_search(text)
    words: list[str] = []
    flags = _boundary_flags(folded, segmenter, words)
    return IndexEntry(
        chars_doc=chars_document(folded),
        words_doc=" ".join(words),
        flags=zlib.compress(flags),
    )


def boundary_flags(folded: str, segmenter: Segmenter) -> bytes:
    """The uncompressed flags of a folded text (one byte per position 0..len(folded))."""
    return _boundary_flags(folded, segmenter, None)


def _boundary_flags(folded: str, segmenter: Segmenter, words: list[str] | None) -> bytes:
    flags = bytearray(len(folded) + 1)
    for word, start, end, accurate in segmenter.index_spans(folded):
        if accurate:
            flags[start] |= WORD_BOUNDARY | TOKEN_START
            flags[end] |= WORD_BOUNDARY | TOKEN_END
        else:
            flags[start] |= TOKEN_START
            flags[end] |= TOKEN_END
        if words is not None and _is_word(word):
            words.append(word)
    return bytes(flags)


def unpack_flags(blob: bytes) -> bytes:
    return zlib.decompress(blob)


def _is_word(token: str) -> bool:
    return any(c.isalnum() for c in token)


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _phrase(pieces: list[str], prefix_last: bool) -> str:
    quoted = [_quote(p) for p in pieces]
    if prefix_last:
        quoted[-1] += "*"
    return "chars : (" + " + ".join(quoted) + ")"


def chars_match_is_exhaustive(term: str) -> bool:
    """Whether `chars_match(term)` finds every article holding `term` as a substring.

    Not when the term is a single ASCII letter/digit run that might sit inside a longer one
    (`019` in `2019`): FTS5 cannot match the end of a token. Such a term is then matched at
    the start of a token only (`2019` in `2019年`), unless other terms of the query can
    select the candidates.
    """
    pieces = _PIECES.findall(term)
    if term[:1] and _ALNUM_ASCII.match(term[:1]):
        pieces = pieces[1:]
    return bool(pieces)


def chars_match(term: str) -> str:
    """The FTS5 expression on the `chars` column for a folded query term; valid for any term.

    `扶贫` → `chars : ("扶" + "贫")`. An ASCII run at the start of the term may be the tail of
    a longer token, so it is left out; one at the end may be the head of one, so it becomes a
    prefix token: `13.43%` → `chars : ("43")`, `5g网络` → `chars : ("网" + "络")`,
    `湖南gdp` → `chars : ("湖" + "南" + "gdp"*)`.
    """
    pieces = _PIECES.findall(term)
    if not pieces:
        return 'chars : ("")'  # matches nothing, and is valid
    prefix_last = bool(_ALNUM_ASCII.match(term[-1]))
    if _ALNUM_ASCII.match(term[0]) and len(pieces) > 1:
        pieces = pieces[1:]
    if len(pieces) > MAX_PHRASE_TOKENS:
        pieces = pieces[:MAX_PHRASE_TOKENS]
        prefix_last = False
    return _phrase(pieces, prefix_last)


def words_match(term: str) -> str:
    """The FTS5 expression on the `words` column: the term as one search-mode token."""
    return "words : " + _quote(term)

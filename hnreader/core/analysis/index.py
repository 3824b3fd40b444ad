"""What is indexed for an article: the FTS5 document, the word-boundary flags, match strings.

The store keeps a contentless `article_fts(chars, content='', columnsize=0, tokenize='ascii')`,
so the index holds no second copy of the text.

- `chars` is the folded text with every code point a token of its own, at its own position
  (`core/text/fts.py`: ASCII punctuation and spaces mapped to tokens too). A term queried
  as the phrase of its characters finds exactly the articles holding the term (`body_match`;
  a superset only for terms holding an ASCII space or control character, or longer than
  `MAX_PHRASE_CHARS`), so the index alone answers "which articles, how many"; the hits and
  their offsets come from a substring search in the text (`search/engine.py`).
- The document is rebuilt from the stored text whenever it is needed (to delete it from the
  contentless table): `fts_document(text, folded)`, where `folded` is what the store keeps
  only for the few articles that OpenCC's Traditional → Simplified step changes.
- `flags` records, per code point, where accurate-mode words and search-mode tokens start
  and end, so a hit can be classified as a word, a subword or a bare substring without
  segmenting the article again at query time.
- The header index (title, subtitle, byline) sets the fields' characters apart the same way
  but leaves spaces as separators: `header_match` is a superset filter there, and the
  fields are read back and checked.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.text.fts import body_phrase, body_phrase_is_exact, header_tokens
from hnreader.core.text.normalize import fold_width, to_simplified

# Bump when what build_index_entry produces changes; stored with the segmenter version.
INDEX_FORMAT_VERSION = 2

WORD_BOUNDARY = 1  # an accurate-mode word starts or ends here
TOKEN_START = 2  # some search-mode token starts here
TOKEN_END = 4  # some search-mode token ends here

# At most this many tokens of a term go into its header FTS phrase (still a superset: the
# rest is checked in Python); keeps FTS work bounded for pasted sentences.
MAX_PHRASE_TOKENS = 32


@dataclass(frozen=True)
class IndexEntry:
    folded: str | None  # fold_for_search(text) when it differs from fold_width(text), else None
    flags: bytes  # zlib-compressed, one byte per position 0..len(text)


def index_version(segmenter: Segmenter) -> str:
    """The string to store with the index; rebuild every entry when it changes."""
    return f"{segmenter.version}:index={INDEX_FORMAT_VERSION}"


def fold_parts(text: str) -> tuple[str, str | None]:
    """`fold_for_search(text)`, and that view again if it differs from `fold_width(text)`
    (what the store has to keep), else None."""
    width = fold_width(text)
    folded = to_simplified(width)
    return folded, (folded if folded != width else None)


def build_index_entry(
    text: str, segmenter: Segmenter, parts: tuple[str, str | None] | None = None
) -> IndexEntry:
    """Everything indexed for one article's stored `text`; `parts` is `fold_parts(text)` when
    the caller has it already. Offsets are unchanged by folding."""
    full, kept = parts if parts is not None else fold_parts(text)
    return IndexEntry(folded=kept, flags=zlib.compress(boundary_flags(full, segmenter)))


def boundary_flags(folded: str, segmenter: Segmenter) -> bytes:
    """The uncompressed flags of a folded text (one byte per position 0..len(folded))."""
    flags = bytearray(len(folded) + 1)
    both = WORD_BOUNDARY | TOKEN_START
    ends = WORD_BOUNDARY | TOKEN_END
    for start, end, accurate in segmenter.flag_spans(folded):
        if accurate:
            flags[start] |= both
            flags[end] |= ends
        else:
            flags[start] |= TOKEN_START
            flags[end] |= TOKEN_END
    return bytes(flags)


def body_match(term: str) -> str:
    """The FTS5 expression on the body index for a folded query term; valid for any term:
    `扶贫` → `chars : "扶 贫"`, `13.43%` → `chars : "1 3 ． 4 3 ％"`."""
    return "chars : " + body_phrase(term)


def body_match_is_exact(term: str) -> bool:
    """Whether `body_match(term)` matches exactly the articles whose folded text holds the
    term (see `core/text/fts.py`); otherwise it matches a superset of them."""
    return body_phrase_is_exact(term)


def header_match_is_exhaustive(term: str) -> bool:
    """Whether `header_match(term)` finds every header holding `term` as a substring: when
    the term has a character the header index keeps (any but spaces and controls)."""
    return bool(_header_chars(term))


def header_match(term: str, columns: Sequence[str]) -> str:
    """The FTS5 expression on header columns (documents made by `header_document`) for a
    folded query term; valid for any term.

    One phrase string, which FTS5 tokenizes as it tokenized the documents: `扶贫` on two
    columns → `{title byline} : "扶 贫"`, `13.43%` → `... : "1 3 ． 4 3 ％"`. Spaces are not
    in it (they are no token there): a superset, checked in Python. A term of spaces only
    gives an empty phrase, which matches nothing.
    """
    tokens = _header_chars(term)[:MAX_PHRASE_TOKENS]
    column = columns[0] if len(columns) == 1 else "{" + " ".join(columns) + "}"
    return column + ' : "' + " ".join(tokens) + '"'


def _header_chars(term: str) -> str:
    return "".join(c for c in header_tokens(term) if c > " " and c != "\x7f")

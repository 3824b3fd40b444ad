"""The FTS5 documents of an article: its folded text with every code point set apart as a
token of its own (exact substring search by phrase queries, positions equal to offsets);
and its header fields (title, subtitle, byline), in an index of their own.

Body index (file format 17, `tokenize = 'ascii'`): the ascii tokenizer makes a token of
every non-ASCII character and of each ASCII letter or digit, and separates on the rest.
So that every character counts, the document maps each other ASCII character first:
punctuation and symbols to their full-width forms (`13.43%` → `1 3 ． 4 3 ％`), whitespace
and control characters to U+3000. Folding leaves no full-width ASCII form and no U+3000 in a
text, so the mapping is one-to-one except that every ASCII space or control character becomes
the same token: a phrase of a term's mapped characters matches exactly the articles whose
folded text holds the term, unless the term holds such a character (then it is a superset).

Header index (file format 17, `ascii` too): each field's folded characters set apart, ASCII
punctuation mapped the same way, spaces left as they are (they separate tokens there): a
candidate filter for every term but whitespace, the fields are read back from the index's
content (`folded_of_document`) and checked.
"""

from __future__ import annotations

import re

from hnreader.core.text.normalize import fold_for_search, fold_width

# At most this many characters of a term go into its FTS phrase: longer terms get a
# superset (checked in Python), which keeps FTS work bounded for pasted paragraphs.
MAX_PHRASE_CHARS = 64

_SPACE_TOKEN = "\u3000"
_MAPPED = {
    chr(code): (chr(code + 0xFEE0) if 0x21 <= code <= 0x7E else _SPACE_TOKEN)
    for code in range(0x80)
    if not chr(code).isalnum()
}
_UNMAPPED: dict[str, str] = {}  # a mapped token: the characters that become it
for _char, _token in _MAPPED.items():
    _UNMAPPED[_token] = _UNMAPPED.get(_token, "") + _char
# The few characters to map found at C speed (str.translate looks every character up).
_TO_MAP = re.compile("[" + re.escape("".join(_MAPPED)) + "]")
_SPACE_LIKE = re.compile(r"[\x00-\x20\x7f]")
_PUNCTUATION = re.compile("[" + re.escape("".join(c for c in _MAPPED if "!" <= c <= "~")) + "]")
_FULL_WIDTH = re.compile("[\uff01-\uff5e]")


def _map_char(match: re.Match[str]) -> str:
    return _MAPPED[match.group()]


def count_body_token(folded: str, token: str) -> int:
    """How often one body-index token (of `body_tokens`) stands in a folded text, without
    mapping the text: the token and the characters that map to it are counted."""
    return folded.count(token) + sum(folded.count(char) for char in _UNMAPPED.get(token, ""))


def body_tokens(folded: str) -> str:
    """The folded text (or term) as the body index's tokens, one per code point."""
    return _TO_MAP.sub(_map_char, folded)


def chars_document(folded: str) -> str:
    """The `chars` column of the body index for a folded text."""
    return " ".join(body_tokens(folded))


def fts_document(text: str, folded: str | None) -> str:
    """The `chars` document of an article from what the store keeps: its text, and its
    stored `folded` view (None when that view is `fold_width(text)`)."""
    return chars_document(folded if folded is not None else fold_width(text))


def body_phrase(term: str) -> str:
    """The FTS5 phrase string (quotes included) of a folded term on the body index."""
    return '"' + " ".join(body_tokens(term[:MAX_PHRASE_CHARS])) + '"'


def body_phrase_is_exact(term: str) -> bool:
    """Whether `body_phrase(term)` matches only articles holding the folded term (and so
    FTS counts are the search's counts): no ASCII space or control character, not cut."""
    return len(term) <= MAX_PHRASE_CHARS and not _SPACE_LIKE.search(term)


def _full_width(match: re.Match[str]) -> str:
    return chr(ord(match.group()) + 0xFEE0)


def _half_width(match: re.Match[str]) -> str:
    return chr(ord(match.group()) - 0xFEE0)


def header_tokens(folded: str) -> str:
    """A header field or term as the header index's characters: ASCII punctuation mapped to
    its full-width form, everything else (spaces too) as it is."""
    return _PUNCTUATION.sub(_full_width, folded)


def header_document(folded: str) -> str:
    """A header field's document: its characters set apart by spaces, punctuation mapped
    (so the ascii tokenizer keeps every character but spaces and controls as a token)."""
    return " ".join(header_tokens(folded))


def folded_of_document(document: str) -> str:
    """The folded text a `header_document` was made of (every other character, the
    punctuation mapped back: folding leaves no full-width form in a text)."""
    return _FULL_WIDTH.sub(_half_width, document[::2])


def header_documents(title: str, subtitle: str, byline: str) -> tuple[str, str, str]:
    """The documents of an article's header fields (columns `title`, `subtitle`, `byline`
    of the header index): each field's `fold_for_search` view, characters set apart. The
    index keeps its content, so it can give the folded views back (`folded_of_document`)."""
    # One OpenCC pass for the three (a call costs ~30 µs however short the text): folding
    # keeps lengths and no conversion spans a line break, so each view is cut back out.
    folded = fold_for_search(f"{title}\n{subtitle}\n{byline}")
    end_title = len(title)
    end_subtitle = end_title + 1 + len(subtitle)
    return (
        header_document(folded[:end_title]),
        header_document(folded[end_title + 1 : end_subtitle]),
        header_document(folded[end_subtitle + 1 :]),
    )

"""The search query language → a `ParsedQuery`; any input gives a query or a `QueryError`.

Syntax (documented for users in the same words):

- Terms separated by spaces (ASCII or full-width U+3000, tabs, line breaks) must all occur.
- `"a quoted phrase"` is searched literally. Inside it, a space between two CJK characters is
  dropped ("脱贫 攻坚" = 脱贫攻坚); other spaces are kept. An unclosed quote runs to the end.
- `-term` or `-"a phrase"` excludes articles containing it.
- `A OR B` accepts either; OR binds tighter than the implicit AND, so `扶贫 乡村 OR 农村`
  means 扶贫 AND (乡村 OR 农村). Only upper-case `OR` is the operator.
- Upper-case `AND` is the implicit AND and is ignored. `NOT`, `NEAR` and every other FTS
  operator character (`*`, `:`, `^`, `(`, `)`, `{`) are ordinary text: nothing here is passed
  to SQLite unquoted.
- Control characters separate terms like spaces; lone surrogates become U+FFFD.
- A term without any letter, digit or Han character (punctuation, symbols, emoji) is dropped.

Matching is an exact substring search on `fold_for_search` views, so every term keeps its
folded form here too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from hnreader.core.models import ErrorCode, QueryError
from hnreader.core.text.normalize import fold_for_search

MAX_TERMS = 32
MAX_QUERY_CHARS = 10_000

_SURROGATES = re.compile(r"[\ud800-\udfff]")
# CJK for the "space inside a quoted phrase" rule: Han (BMP and astral), 〇, CJK symbols
# and punctuation, kana, Hangul, half-/full-width forms left after folding.
_CJK = re.compile(
    r"[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    r"\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f]"
)
_CJK_SPACE = re.compile(rf"(?<={_CJK.pattern})\s+(?={_CJK.pattern})")


@dataclass(frozen=True)
class QueryTerm:
    """One search string: `text` as typed (after phrase cleanup), `folded` as matched."""

    text: str
    folded: str
    phrase: bool = False


@dataclass(frozen=True)
class TermGroup:
    """Alternatives joined by OR: an article matches the group if it holds any of them."""

    alternatives: tuple[QueryTerm, ...]


@dataclass(frozen=True)
class ParsedQuery:
    groups: tuple[TermGroup, ...]  # all must match (AND)
    excluded: tuple[QueryTerm, ...]  # none may occur
    dropped: tuple[str, ...] = ()  # punctuation-only terms that were ignored

    @property
    def positive_terms(self) -> tuple[QueryTerm, ...]:
        return tuple(term for group in self.groups for term in group.alternatives)


@dataclass(frozen=True)
class _Item:
    text: str
    quoted: bool
    negated: bool


def _clean(text: str) -> str:
    text = _SURROGATES.sub("\ufffd", text)
    # Control and format characters (C*) other than whitespace act as separators.
    return "".join(" " if (not c.isprintable() and not c.isspace()) else c for c in text)


def _lex(text: str) -> list[_Item]:
    items: list[_Item] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        negated = False
        if c == "-" and i + 1 < n and not text[i + 1].isspace():
            negated = True
            i += 1
            c = text[i]
        if c == '"':
            end = text.find('"', i + 1)
            if end < 0:
                end = n
            items.append(_Item(text[i + 1 : end], quoted=True, negated=negated))
            i = end + 1
            continue
        start = i
        while i < n and not text[i].isspace() and text[i] != '"':
            i += 1
        items.append(_Item(text[start:i], quoted=False, negated=negated))
    return items


def _is_searchable(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _is_mark(text: str) -> bool:
    """Punctuation or symbols a user may search for alone (。 % —— 🙂), never a replaced
    character (U+FFFD) or nothing but spaces."""
    stripped = text.strip()
    if stripped == "-":  # the exclusion sign with nothing after it
        return False
    return bool(stripped) and all(
        c != "\ufffd" and unicodedata.category(c)[0] in "PS" for c in stripped if not c.isspace()
    )


def _term(item: _Item) -> QueryTerm:
    if item.quoted:
        folded = _CJK_SPACE.sub("", fold_for_search(item.text)).strip()
        # Keep `text` aligned with `folded` (fold is length-preserving, the rule is not).
        text = _CJK_SPACE.sub("", item.text).strip()
        if len(text) != len(folded):
            text = folded
        return QueryTerm(text, folded, phrase=True)
    return QueryTerm(item.text, fold_for_search(item.text), phrase=False)


def parse_query(text: str) -> ParsedQuery:
    """Parse a query typed by a user; raise `QueryError` with a message meant for them."""
    if not isinstance(text, str):
        raise QueryError("The query must be text", code=ErrorCode.QUERY_NOT_TEXT)
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"The query is too long ({len(text):,} characters; at most {MAX_QUERY_CHARS:,})",
            code=ErrorCode.QUERY_TOO_LONG,
            length=len(text),
            limit=MAX_QUERY_CHARS,
        )
    items = _lex(_clean(text))
    if not items:
        raise QueryError("The query is empty", code=ErrorCode.QUERY_EMPTY)

    groups: list[list[QueryTerm]] = []
    excluded: list[QueryTerm] = []
    dropped: list[str] = []
    marks: list[QueryTerm] = []  # punctuation and symbols, searched when nothing else is
    join_next = False  # an OR was seen after the last positive term
    last_was_positive = False
    for item in items:
        if not item.quoted and not item.negated and item.text == "OR":
            join_next = last_was_positive
            continue
        if not item.quoted and not item.negated and item.text == "AND":
            join_next = False
            continue
        term = _term(item)
        if not _is_searchable(term.folded):
            if term.text:
                dropped.append(("-" if item.negated else "") + term.text)
                if not item.negated and _is_mark(term.folded):
                    marks.append(term)
            continue  # an `OR` before it stays pending for the next term
        if item.negated:
            excluded.append(term)
            join_next = False
            last_was_positive = False
            continue
        if join_next and groups:
            if term not in groups[-1]:
                groups[-1].append(term)
        elif not any(group == [term] for group in groups):
            groups.append([term])
        join_next = False
        last_was_positive = True

    if not groups and marks:
        # Only punctuation or symbols (%, 。, ——): searched as they are, in every article
        # (the index holds no such characters, so each text is read and checked).
        groups = [[term] for term in dict.fromkeys(marks)]
        dropped = []
    if not groups:
        if excluded:
            raise QueryError(
                "The query only excludes words; add a word to search for",
                code=ErrorCode.QUERY_ONLY_EXCLUDES,
            )
        if dropped:
            raise QueryError(
                "The query has only punctuation; type a word to search",
                code=ErrorCode.QUERY_ONLY_PUNCTUATION,
            )
        raise QueryError("The query is empty", code=ErrorCode.QUERY_EMPTY)
    count = sum(len(group) for group in groups) + len(excluded)
    if count > MAX_TERMS:
        raise QueryError(
            f"The query has {count} terms; use at most {MAX_TERMS}",
            code=ErrorCode.QUERY_TOO_MANY_TERMS,
            count=count,
            limit=MAX_TERMS,
        )
    return ParsedQuery(
        groups=tuple(TermGroup(tuple(group)) for group in groups),
        excluded=tuple(dict.fromkeys(excluded)),
        dropped=tuple(dropped),
    )

"""The FTS5 document of an article: its folded text with every character set apart, so each
letter, digit or Han character is a token (exact substring search by phrase queries)."""

from __future__ import annotations

from hnreader.core.text.normalize import fold_width


def chars_document(folded: str) -> str:
    """The `chars` column for a folded text: every character set apart by spaces."""
    return " ".join(folded)


def fts_document(text: str, folded: str | None) -> str:
    """The `chars` document of an article from what the store keeps: its text, and its
    stored `folded` view (None when that view is `fold_width(text)`)."""
    return chars_document(folded if folded is not None else fold_width(text))

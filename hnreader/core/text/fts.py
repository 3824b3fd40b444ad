"""The FTS5 documents of an article: its folded text with every character set apart, so each
letter, digit or Han character is a token (exact substring search by phrase queries); and
the same for its header fields (title, subtitle, byline), in an index of their own."""

from __future__ import annotations

from hnreader.core.text.normalize import fold_for_search, fold_width


def chars_document(folded: str) -> str:
    """The `chars` column for a folded text: every character set apart by spaces."""
    return " ".join(folded)


def folded_of_document(document: str) -> str:
    """The folded text a `chars_document` was made of (every other character)."""
    return document[::2]


def fts_document(text: str, folded: str | None) -> str:
    """The `chars` document of an article from what the store keeps: its text, and its
    stored `folded` view (None when that view is `fold_width(text)`)."""
    return chars_document(folded if folded is not None else fold_width(text))


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
        chars_document(folded[:end_title]),
        chars_document(folded[end_title + 1 : end_subtitle]),
        chars_document(folded[end_subtitle + 1 :]),
    )

"""A document file's articles: split as text, then completed with what the file says about
itself (a page's title, date, site and url; a Word file's title and creation date) where its
text says nothing."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import replace

from hnreader.core.importing.drafts import derived_title
from hnreader.core.importing.formats import PageMeta
from hnreader.core.importing.split_modes import SplitMode, split_document
from hnreader.core.models import ArticleDraft
from hnreader.core.text.dates import has_year

_NAMES = re.compile(r"[,，、;；/|]+|\s{2,}")


def document_drafts(
    name: str,
    text: str,
    year: int | None = None,
    set_aside: Mapping[int, str] | None = None,
    meta: PageMeta | None = None,
    multi_article: bool = False,
    repeated: Collection[int] = frozenset(),
    split: SplitMode | None = None,
) -> list[ArticleDraft]:
    drafts = split_document(text, name, split or SplitMode(), year, repeated, set_aside)
    if meta is None or not drafts:
        return drafts
    return [_completed(d, meta, multi_article, i == 0) for i, d in enumerate(drafts)]


def _completed(draft: ArticleDraft, meta: PageMeta, multi: bool, first: bool) -> ArticleDraft:
    changes: dict[str, object] = {}
    # A list page's date is the list's: an article of it takes it only if it has none.
    if meta.date and (not draft.date if multi else not has_year(draft.date)):
        changes["date"] = meta.date
        changes["date_text"] = draft.date_text or meta.date
    if meta.publication and not draft.publication:
        changes["publication"] = meta.publication
    if meta.author and not draft.reporters and not draft.byline and not multi:
        changes["reporters"] = tuple(n for n in _NAMES.split(meta.author) if n.strip())
    if meta.url and not draft.url:
        changes["url"] = meta.url  # the page's canonical link
    if first and not multi and meta.title:
        lines = [line for line in draft.text.split("\n") if line.strip()]
        if draft.title == derived_title(lines):  # the text gave no headline: the file's title
            changes["title"] = meta.title
    return replace(draft, **changes) if changes else draft  # type: ignore[arg-type]

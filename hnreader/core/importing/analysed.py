"""What is derived from a file's text on import: its articles (split and completed with the
file's own metadata), each with its figures and its search index row."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from hnreader.core.analysis.figures import find_figures
from hnreader.core.analysis.index import build_index_entry, fold_parts, index_version
from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.importing.documents import document_drafts
from hnreader.core.importing.formats import PageMeta
from hnreader.core.importing.options import ImportOptions
from hnreader.core.importing.split_modes import with_import_values
from hnreader.core.models import ArticleDraft, ErrorCode, Figure, HnreaderError, Span
from hnreader.core.store import IndexRow


def caption_figures(text: str, captions: Sequence[Span]) -> list[Figure]:
    return [Figure(s.start, s.end, text[s.start : s.end], None, "", "caption") for s in captions]


def analyse_text(
    text: str, captions: Sequence[Span], segmenter: Segmenter
) -> tuple[list[Figure], IndexRow]:
    """What is derived from an article's text: its figures (with captions) and its index row."""
    parts = fold_parts(text)
    figures = sorted(
        [*find_figures(text, parts[0]), *caption_figures(text, captions)],
        key=lambda f: (f.start, f.end),
    )  # reindexing.derive_figures re-derives them the same way
    entry = build_index_entry(text, segmenter, parts)
    return figures, IndexRow(entry.folded, entry.flags, index_version(segmenter))


@dataclass(frozen=True)
class AnalysedFile:
    """A decoded file split into articles, each with its figures and index row."""

    drafts: list[ArticleDraft]
    figures: list[list[Figure]]
    rows: list[IndexRow]


def analyse_file(
    name: str,
    text: str,
    segmenter: Segmenter,
    on_article: Callable[[int], None] | None = None,
    year: int | None = None,
    *,
    set_aside: dict[int, str] | None = None,
    meta: PageMeta | None = None,
    multi_article: bool = False,
    repeated: Collection[int] = frozenset(),
    options: ImportOptions | None = None,
) -> AnalysedFile:
    """Split a decoded text into articles and analyse each; `on_article(chars)` after each.
    `year` dates articles the file gives no year for (see `split_articles`); `set_aside`,
    `meta` and `multi_article` come from the file's reader (see `formats.DocumentSource`);
    `repeated` are the lines that recur in other files of the import (site chrome);
    `options` the user's split mode, publication and variables for the import."""
    drafts = file_drafts(name, text, year, set_aside, meta, multi_article, repeated, options)
    if not drafts:
        raise HnreaderError(
            f"{name}: no article text found in the file", code=ErrorCode.EMPTY_SOURCE, file=name
        )
    figures: list[list[Figure]] = []
    rows: list[IndexRow] = []
    for draft in drafts:
        draft_figures, row = analyse_text(draft.text, draft.captions, segmenter)
        figures.append(draft_figures)
        rows.append(row)
        if on_article is not None:
            on_article(len(draft.text))
    return AnalysedFile(drafts, figures, rows)


def file_drafts(
    name: str,
    text: str,
    year: int | None = None,
    set_aside: dict[int, str] | None = None,
    meta: PageMeta | None = None,
    multi_article: bool = False,
    repeated: Collection[int] = frozenset(),
    options: ImportOptions | None = None,
) -> list[ArticleDraft]:
    """A decoded file's articles as an import with these options stores them (unanalysed:
    what a preview shows)."""
    options = options or ImportOptions()
    drafts = document_drafts(
        Path(name).name,
        text,
        options.year if options.year is not None else year,
        set_aside,
        meta,
        multi_article,
        repeated=repeated,
        split=options.split,
    )
    return [with_import_values(d, options.publication, options.variables) for d in drafts]

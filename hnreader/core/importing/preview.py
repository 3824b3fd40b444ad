"""A dry run of an import (issue 13, item 5): the first files split into articles as an
import with the given options would store them, without writing anything.

A plain function with `is_cancelled`, run off the GUI thread by the import dialog each time
an option changes; the CLI's `import --dry-run` prints the same.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from hnreader.core.importing.analysed import file_drafts
from hnreader.core.importing.formats.columns import resolve_columns
from hnreader.core.importing.formats.dispatch import file_format, is_table
from hnreader.core.importing.formats.readers import open_table, read_document
from hnreader.core.importing.formats.records import record_draft
from hnreader.core.importing.importer import collect_files, readable_reason
from hnreader.core.importing.options import ImportOptions
from hnreader.core.importing.split_modes import with_import_values
from hnreader.core.models import ArticleDraft, HnreaderError, RemovedLine
from hnreader.core.text.safety import display_file_name

PREVIEW_FILES = 5
PREVIEW_ARTICLES = 50  # per file (a table's first rows)


@dataclass(frozen=True)
class PreviewArticle:
    title: str
    date: str
    chars: int
    publication: str
    set_aside: tuple[RemovedLine, ...]
    variables: tuple[tuple[str, str], ...] = ()
    first_line: int = 0


@dataclass(frozen=True)
class PreviewFile:
    name: str
    format: str
    articles: tuple[PreviewArticle, ...] = ()
    problem: str = ""  # why the file would not import ("" when it would)
    code: str = ""
    more: bool = False  # a table with more rows than shown


@dataclass(frozen=True)
class ImportPreview:
    files: tuple[PreviewFile, ...]
    total_files: int  # the files the import would read (only the first are previewed)
    skipped: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    cancelled: bool = False


def preview_import(
    sources: Iterable[Path],
    options: ImportOptions | None = None,
    columns: Mapping[str, str] | None = None,
    *,
    max_files: int = PREVIEW_FILES,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> ImportPreview:
    """The first `max_files` files of an import, each split as the import would split it."""
    options = options or ImportOptions()
    files, skipped = collect_files(sources)
    shown: list[PreviewFile] = []
    for file in files[:max_files]:
        if is_cancelled():
            return ImportPreview(tuple(shown), len(files), tuple(skipped), cancelled=True)
        shown.append(_preview_file(file, options, columns or {}))
    return ImportPreview(tuple(shown), len(files), tuple(skipped))


def _preview_file(file: Path, options: ImportOptions, columns: Mapping[str, str]) -> PreviewFile:
    name = display_file_name(file.name)
    fmt = ""
    try:
        with open(file, "rb") as stream:
            head = stream.read(16)
        fmt = file_format(file, head)
        if is_table(file):
            drafts, more = _table_drafts(file, fmt, name, options, columns)
        else:
            source = read_document(file, fmt, options.encoding)
            drafts = file_drafts(
                name,
                source.text,
                set_aside=source.set_aside,
                meta=source.meta,
                multi_article=source.multi_article,
                options=options,
            )
            more = False
    except OSError as error:
        return PreviewFile(name, fmt, problem=f"{name}: cannot be read ({error.strerror})")
    except HnreaderError as error:
        return PreviewFile(name, fmt, problem=readable_reason(file, str(error)), code=error.code)
    if not drafts:
        return PreviewFile(name, fmt, problem=f"{name}: no article text found in the file")
    return PreviewFile(name, fmt, tuple(preview_article(d) for d in drafts), more=more)


def _table_drafts(
    file: Path, fmt: str, name: str, options: ImportOptions, columns: Mapping[str, str]
) -> tuple[list[ArticleDraft], bool]:
    """A table's first rows as articles (split options do not apply: one per row)."""
    table = open_table(file, fmt)
    drafts: list[ArticleDraft] = []
    for segment in table.segments(table.stored_chunks()):
        mapped = resolve_columns(segment.columns, name, columns)
        for record in segment.records:
            if len(drafts) >= PREVIEW_ARTICLES:
                return drafts, True
            draft = record_draft(record, mapped, name, options.year)
            if draft is not None:
                drafts.append(with_import_values(draft, options.publication, options.variables))
    return drafts, False


def preview_article(draft: ArticleDraft) -> PreviewArticle:
    return PreviewArticle(
        title=draft.title,
        date=draft.date,
        chars=len(draft.text),
        publication=draft.publication,
        set_aside=draft.removed,
        variables=draft.variables,
        first_line=draft.first_line,
    )

"""What is decided about a file's lines before they are grouped into articles: tables of
contents, run-in briefs, tables saved one cell per line, chrome repeated across the import or
shaped like web chrome, author boxes, and the dates of the file (its header, page and feed
lines, front matter and name)."""

from __future__ import annotations

import re
from collections.abc import Collection

from hnreader.core.importing.credit_lines import dateline_prefix_length
from hnreader.core.importing.file_layout import (
    DATE_KEYS,
    FileDates,
    FrontMatter,
    file_dates,
    front_matter,
    header_date,
)
from hnreader.core.importing.markup import (
    headline_parts,
    is_digest_title,
    is_toc_header,
    run_in_headline,
    toc_length,
)
from hnreader.core.importing.news_lines import (
    BODY,
    BOILERPLATE,
    BYLINE,
    HEAD,
    META,
    RUN_IN,
    SourceLine,
    is_numbered_paragraph,
)
from hnreader.core.importing.repeated_lines import set_aside_repeated
from hnreader.core.importing.text_tables import mark_table_cells
from hnreader.core.importing.web_chrome import set_aside_web_chrome
from hnreader.core.text.dates import find_date, has_year
from hnreader.core.text.normalize import fold_for_search

# A columnist's box under the text: **博客 | 楊軍** over a short biography.
_AUTHOR_BOX = re.compile(
    r"^\*{0,2}(?:博客|主笔|专栏|专栏作者|作者|特约作者|评论员|记者)\s*[|]\s*[^|*]{1,20}\*{0,2}$"
)
AUTHOR_BIO_CHARS = 300


def prepare_lines(lines: list[SourceLine], repeated: Collection[int]) -> None:
    """Every pass over the classified lines that comes before grouping, in order."""
    _set_aside_tables_of_contents(lines)
    _keep_single_marked_run_in(lines)
    mark_table_cells(lines)
    set_aside_repeated(lines, repeated)
    set_aside_web_chrome(lines)
    _author_boxes(lines)


def is_author_box(folded: str) -> bool:
    """**博客 | 楊軍**, 主筆 | 楊健興: a columnist's name over their biography."""
    return bool(_AUTHOR_BOX.match(folded))


def _author_boxes(lines: list[SourceLine]) -> None:
    """The name line of an author box is a byline; the biography under it (【楊軍・牧影記】…, at
    most `AUTHOR_BIO_CHARS` characters) is set aside as an author box."""
    for i, line in enumerate(lines):
        if line.kind in (HEAD, BODY, BYLINE) and is_author_box(line.folded):
            line.kind = BYLINE
            bio = lines[i + 1] if i + 1 < len(lines) else None
            if bio is not None and bio.kind in (HEAD, BODY) and len(bio.folded) <= AUTHOR_BIO_CHARS:
                bio.kind, bio.reason, bio.prefix = BOILERPLATE, "author box", 0


def file_dates_and_matter(
    lines: list[SourceLine], text: str, file_name: str
) -> tuple[FileDates, FrontMatter | None]:
    """The dates the file gives (front matter, header/page/feed lines, its name) and its
    front matter, whose lines are set aside."""
    dates = file_dates(file_name)
    matter = front_matter(text.split("\n"))
    for line in lines:
        if matter is not None and matter.first_line <= line.number <= matter.last_line:
            line.kind, line.reason = BOILERPLATE, "front matter"
            key = line.text.partition(":")[0].strip().lower()
            if key in DATE_KEYS and not dates.lines:
                value = matter.get((key,))
                found = find_date(fold_for_search(value), value) or header_date(value, value)
                if found and has_year(found.value):
                    dates.add(line.number, found.value, value)
            continue
        if line.kind != BODY:
            found = header_date(line.folded, line.text)
            if found is not None:
                dates.add(line.number, found.value, line.text[found.start : found.end])
    return dates, matter


def is_digest_file(lines: list[SourceLine]) -> bool:
    """A daily briefing: its first headline names one (财经早餐, 每日简报) and three or more of
    its paragraphs are numbered items (1、…。)."""
    first = next((line for line in lines if line.kind == HEAD), None)
    if first is None or not is_digest_title(headline_parts(first.text).title):
        return False
    numbered = sum(1 for line in lines if line.kind == BODY and is_numbered_paragraph(line.folded))
    return numbered >= 3


def _keep_single_marked_run_in(lines: list[SourceLine]) -> None:
    """【标题】正文 opens a brief only in a column of briefs: a file with one such line uses the
    brackets for a label (【事件】…, 【背景】…), which stays in its paragraph."""
    marked = [
        line
        for line in lines
        if line.kind == RUN_IN
        and (found := run_in_headline(line.folded, line.text, dateline_prefix_length))
        and found.marked
    ]
    if len(marked) < 2:
        for line in marked:
            line.kind, line.prefix = BODY, 0


def _set_aside_tables_of_contents(lines: list[SourceLine]) -> None:
    """A table of contents (本期节目主要内容： and its numbered items) lists the articles that
    follow; it is metadata, not an article."""
    i = 0
    while i < len(lines):
        if lines[i].kind in (HEAD, BODY, META) and is_toc_header(lines[i].folded):
            count = toc_length([line.folded for line in lines[i + 1 : i + 400]])
            if count:
                for line in lines[i : i + 1 + count]:
                    line.kind, line.reason, line.prefix = BOILERPLATE, "table of contents", 0
                i += count
        i += 1

"""One row of a table → its article: the text cell split into paragraphs, cleaned and read
like a .txt article (boilerplate set aside, bylines and datelines read), the mapped cells as
title, date, publication and author, every other cell a document variable."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from hnreader.core.importing.credit_lines import reporters_from_byline
from hnreader.core.importing.file_layout import english_date
from hnreader.core.importing.formats.columns import ColumnMap
from hnreader.core.importing.formats.html import fragment_text
from hnreader.core.importing.markup import headline_parts
from hnreader.core.importing.splitter import single_article
from hnreader.core.models import ArticleDraft, RemovedLine
from hnreader.core.text.dates import compact_date, find_date
from hnreader.core.text.normalize import fold_for_search, normalise_stored_text

_YEAR_MONTH = re.compile(r"^\s*((?:19|20)\d{2})[-/.年]\s*(0?[1-9]|1[0-2])\s*月?\s*$")
_YEAR = re.compile(r"^\s*((?:19|20)\d{2})\s*年?\s*$")
_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")
_AUTHOR_SPLIT = re.compile(r"[,，、;；/|\s]+")
MAX_CATEGORY_VALUES = 50
_MARKUP = re.compile(r"<(?:p|br|div|img|a|span|strong|b|em|hr|table|li|ul|h[1-6])\b[^>]*/?>", re.I)


@dataclass(frozen=True)
class Record:
    """A row or record of a table file: its number (as the user counts them: a spreadsheet
    row with the header as row 1, a JSON Lines line, the n-th XML record), its lines in the
    stored text, and its cells by column name."""

    number: int
    first_line: int
    last_line: int
    cells: dict[str, str]


def cell_date(value: str) -> str:
    """An ISO date (to the precision written) from a date cell: 2021-02-25, 2021/2/25 10:30,
    2021年2月25日, 20210225, Thu, 25 Feb 2021 07:00:00 +0800, 2021-02, 2021; "" if none."""
    value = value.strip()
    if not value:
        return ""
    folded = fold_for_search(value)
    found = find_date(folded, value) or compact_date(folded) or english_date(value)
    if found is not None and found.value[:1].isdigit():
        return found.value
    month = _YEAR_MONTH.match(folded)
    if month:
        return f"{int(month.group(1)):04d}-{int(month.group(2)):02d}"
    year = _YEAR.match(folded)
    return year.group(1) if year else ""


def record_draft(
    record: Record, columns: ColumnMap, file_name: str, year: int | None = None
) -> ArticleDraft | None:
    """The article of one record, or None when its text cell is empty."""
    text_column = columns.column("text")
    raw = record.cells.get(text_column or "", "")
    if _MARKUP.search(raw):  # a feed's description or a crawler's cell holds HTML
        raw = fragment_text(raw)
    text = normalise_stored_text(raw).strip("\n")
    draft = single_article(text, file_name, year) if text.strip() else None
    if draft is None or not draft.text.strip():
        return None
    cells = {role: record.cells.get(column, "").strip() for role, column in columns.roles.items()}
    title = _without_stray_quote(" ".join(cells.get("title", "").split()))
    if title:  # a title cell is a headline line: its kicker and column label come off
        title = headline_parts(title).title.strip() or title
    changes: dict[str, object] = {}
    if title:
        changes["title"] = title
    if cells.get("date"):
        changes["date"] = cell_date(cells["date"])
        changes["date_text"] = cells["date"]
    if cells.get("publication"):
        changes["publication"] = cells["publication"]
    if cells.get("author"):
        author = cells["author"]
        names = tuple(n for n in _AUTHOR_SPLIT.split(author) if n)
        changes["reporters"] = names or reporters_from_byline(author)
        if not draft.byline:
            changes["byline"] = author
    mapped = set(columns.roles.values())
    variables = [(n, v.strip()) for n, v in record.cells.items() if n not in mapped]
    if cells.get("url"):
        changes["url"] = cells["url"]  # the article's own link (Article.url)
    changes["variables"] = tuple((n, v) for n, v in variables if v)
    # Lines of a cell are not lines of the file (quoting, escapes): what is set aside points
    # at the record's first line.
    changes["removed"] = tuple(
        RemovedLine(r.text, r.reason, record.first_line) for r in draft.removed
    )
    changes["first_line"], changes["last_line"] = record.first_line, record.last_line
    return replace(draft, **changes)  # type: ignore[arg-type]


@dataclass
class VariableKinds:
    """What kind each variable of one import is, from all its values: number (every value a
    number), date (every value a date), category (few distinct values, each repeated), else
    text."""

    counts: dict[str, int] = field(default_factory=dict)
    not_number: set[str] = field(default_factory=set)
    not_date: set[str] = field(default_factory=set)
    values: dict[str, set[str]] = field(default_factory=dict)

    def observe(self, variables: tuple[tuple[str, str], ...]) -> None:
        for name, value in variables:
            self.counts[name] = self.counts.get(name, 0) + 1
            if name not in self.not_number and not _NUMBER.match(value.strip()):
                self.not_number.add(name)
            if name not in self.not_date and not _looks_like_date(value):
                self.not_date.add(name)
            seen = self.values.setdefault(name, set())
            if len(seen) <= MAX_CATEGORY_VALUES:
                seen.add(value)

    def kinds(self) -> dict[str, str]:
        out = {}
        for name, count in self.counts.items():
            distinct = len(self.values.get(name, ()))
            if name not in self.not_number:
                out[name] = "number"
            elif name not in self.not_date:
                out[name] = "date"
            elif distinct <= MAX_CATEGORY_VALUES and count >= 2 * distinct:
                out[name] = "category"
            else:
                out[name] = "text"
        return out


def _looks_like_date(value: str) -> bool:
    value = value.strip()
    return 4 <= len(value) <= 40 and bool(cell_date(value))


def _without_stray_quote(title: str) -> str:
    """A title without a straight quote left over at its end by a crawler's bad escaping
    (失言效應？ 徐重仁辭全聯總裁 "): one with no partner in the title."""
    for quote in "\"'":
        if title.endswith(quote) and title.count(quote) % 2:
            return title[:-1].rstrip()
    return title

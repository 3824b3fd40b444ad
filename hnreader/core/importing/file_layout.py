"""What a whole file says about its articles: its front matter, the dates its header, page and
feed lines and its name give, and which of its lines are such file-level metadata.

General rules of Chinese news files as they are saved and shared:

- a leading ``---`` … ``---`` block of ``key: value`` lines (front matter of Markdown archives,
  keys in English or Chinese: ``栏目：要闻``) carries title, date, author, url, page and section
  of the file's article;
- header lines date what follows them: a programme header ``# 《新闻联播》 (20260208)``, a page
  line ``《人民日报》（2020年08月25日 07 版）``, a feed's ``pubDate`` / ``<pubDate>Tue, 25 Aug 2020
  07:00:00 +0800</pubDate>``, a metadata line ``发布时间：2021-02-25``;
- a file name with a date (20210225.txt, 2020-08-24 新闻.txt) dates the whole file.

The article's own dateline or metadata date comes first; see `splitter`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from hnreader.core.text.dates import FoundDate, compact_date, file_name_found_date, find_date

_FRONT_MATTER_FENCE = re.compile(r"^-{3,}\s*$")
_FRONT_MATTER_FIELD = re.compile(r"^([A-Za-z_][\w-]{0,40}|[\u4e00-\u9fff]{1,8})\s*[:：]\s*(.*)$")
_FRONT_MATTER_ITEM = re.compile(r"^\s+(?:-\s.*|\S.*)$|^-\s.*$")
MAX_FRONT_MATTER_LINES = 80

DATE_KEYS = ("date", "pubdate", "published", "publish_date", "pub_date", "time", "created")
TITLE_KEYS = ("title", "headline")
AUTHOR_KEYS = ("author", "authors", "byline", "reporter")
URL_KEYS = ("original_url", "source_url", "url", "link", "permalink", "原文链接", "链接", "网址")
PAGE_KEYS = ("page", "edition", "page_name", "版次", "版面", "版号")
# A value of these that reads as a page (section: "第05版") is the page; see article_origin.
SECTION_KEYS = (
    "section",
    "section_name",
    "column",
    "channel",
    "category",
    "栏目",
    "专栏",
    "频道",
    "版块",
    "板块",
    "分类",
)


@dataclass(frozen=True)
class FrontMatter:
    """A leading front matter block: its line numbers (1-based, fences included) and fields."""

    first_line: int
    last_line: int
    fields: dict[str, str]

    def get(self, keys: tuple[str, ...]) -> str:
        for key in keys:
            value = self.fields.get(key, "")
            if value:
                return value
        return ""


def front_matter(lines: list[str]) -> FrontMatter | None:
    """The front matter block opening `lines` (after blank lines), or None."""
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None or not _FRONT_MATTER_FENCE.match(lines[start].strip()):
        return None
    fields: dict[str, str] = {}
    key = ""
    for i in range(start + 1, min(len(lines), start + 1 + MAX_FRONT_MATTER_LINES)):
        raw = lines[i]
        if _FRONT_MATTER_FENCE.match(raw.strip()):
            return FrontMatter(start + 1, i + 1, fields) if fields else None
        if not raw.strip():
            continue
        match = _FRONT_MATTER_FIELD.match(raw)
        if match and not raw[0].isspace():
            key = match.group(1).lower()
            fields[key] = _unquote(match.group(2))
        elif key and _FRONT_MATTER_ITEM.match(raw):
            item = _unquote(raw.strip().removeprefix("- "))
            fields[key] = f"{fields[key]}, {item}" if fields[key] else item
        else:
            return None  # not key: value lines: not front matter
    return None


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    if value.startswith("[") and value.endswith("]"):
        value = value[1:-1]
    return value.strip()


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_RFC822 = re.compile(r"(?<!\d)(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+((?:19|20)\d{2})(?!\d)")
_PAGE_LINE = re.compile(r"《[^《》]{1,20}》")
_FEED_DATE = re.compile(
    r"pubdate|published|lastbuilddate|dc:date|发布时间|发布日期|日期|时间", re.I
)
_HEADER_MARK = re.compile(r"^(?:#{1,6}\s|>\s?)")
HEADER_LINE_CHARS = 100
_DIGIT = re.compile(r"[0-9〇零]")


def english_date(text: str) -> FoundDate | None:
    """A feed's RFC 822 date (Tue, 25 Aug 2020 07:00:00 +0800) as ISO."""
    for match in _RFC822.finditer(text):
        month = _MONTHS.get(match.group(2).lower())
        day = int(match.group(1))
        if month and 1 <= day <= 31:
            value = f"{int(match.group(3)):04d}-{month:02d}-{day:02d}"
            return FoundDate(match.start(), match.end(), value)
    return None


def header_date(folded: str, original: str) -> FoundDate | None:
    """The date with its year that a header, page, feed or metadata line gives, or None
    for any other line (a body sentence's date reports an event, not the publication)."""
    if len(folded) > HEADER_LINE_CHARS or not _DIGIT.search(folded):
        return None
    is_header = bool(
        _PAGE_LINE.search(folded) or _FEED_DATE.search(folded) or _HEADER_MARK.match(folded)
    )
    found = find_date(folded, original)
    if found is not None and found.value[:1].isdigit():
        # A line that is only a date (with a weekday or time) is a header line too.
        rest = (folded[: found.start] + folded[found.end :]).strip(" ()（）[]:：,，|")
        if is_header or len(rest) <= 12:
            return found
    if is_header:
        return compact_date(folded) or english_date(folded)
    return None


@dataclass
class FileDates:
    """The dates a file gives its articles: header lines by position, else its name."""

    name_date: str = ""
    name_text: str = ""
    lines: list[int] = field(default_factory=list)  # line numbers of dated header lines
    values: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # each date as written

    def add(self, number: int, value: str, text: str) -> None:
        self.lines.append(number)
        self.values.append(value)
        self.texts.append(text)

    def for_line(self, number: int) -> tuple[str, str]:
        """(ISO date, as written) for an article starting at line `number`: the last dated
        header line before it, else the first one of the file, else the file name's."""
        if self.lines:
            index = max(0, bisect_right(self.lines, number) - 1)
            return self.values[index], self.texts[index]
        return self.name_date, self.name_text


def file_dates(file_name: str) -> FileDates:
    dates = FileDates()
    found = file_name_found_date(file_name) if file_name else None
    if found is not None:
        stem = file_name.rsplit("/", 1)[-1]
        dates.name_date, dates.name_text = found.value, stem[found.start : found.end]
    return dates

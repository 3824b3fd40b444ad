"""Dates in news text: a calendar date in a line, the date a file name or a header line
gives, and a month-day date completed with the year of the file it is in.

Values are ISO 8601 strings of the precision known: ``2021-02-25``, ``2021-02``, ``2021``;
a month and day without any year known are ``--02-25`` (ISO's form without a year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
_DATE_NUMERIC = re.compile(
    r"(?<!\d)(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"
    r"|(?<!\d)(?P<y2>\d{4})[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2})(?!\d)"
    r"(?P<time>\s+\d{1,2}:\d{2}(?::\d{2})?)?"
)
_DATE_CHINESE = re.compile(
    r"(?P<y>[〇零一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,3})月"
    r"(?P<d>[一二三四五六七八九十]{1,3})日"
)


# A feed's date (RFC 822, as in RSS pubDate): Tue, 25 Aug 2020 07:00:00 +0800 (folded: lower).
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NAMES = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE_RFC822 = re.compile(
    rf"(?<![a-z\d])(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH_NAMES})(?![a-z])\.?\s+(?P<y>\d{{4}})(?!\d)"
)


def _chinese_number(text: str) -> int:
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    return _CN_DIGITS.get(text, 0)


@dataclass(frozen=True)
class FoundDate:
    """A date located in a line: [start, end) in the line, and its ISO or as-written value."""

    start: int
    end: int
    value: str


def find_date(folded: str, original: str, limit: int | None = None) -> FoundDate | None:
    """The first calendar date in `folded` (within `limit` characters), as ISO when the year
    is given (2020年11月30日, 2020-09-16, 二〇二〇年三月五日, a feed's 25 Aug 2020), else as
    written (5月24日)."""
    haystack = folded if limit is None else folded[:limit]
    for match in _DATE_NUMERIC.finditer(haystack):
        year = match.group("y") or match.group("y2")
        month = int(match.group("m") or match.group("m2"))
        day = int(match.group("d") or match.group("d2"))
        if 1 <= month <= 12 and 1 <= day <= 31:
            start, end = match.start(), match.end()
            written = original[start:end]
            value = f"{int(year):04d}-{month:02d}-{day:02d}" if year else written
            return FoundDate(start, end, value)
    feed = _DATE_RFC822.search(haystack)
    if feed:
        month, day = _MONTHS.index(feed.group("m")[:3]) + 1, int(feed.group("d"))
        if 1 <= day <= 31:
            value = f"{int(feed.group('y')):04d}-{month:02d}-{day:02d}"
            return FoundDate(feed.start(), feed.end(), value)
    chinese = _DATE_CHINESE.search(haystack)
    if chinese:
        year = int("".join(str(_CN_DIGITS[c]) for c in chinese.group("y")))
        month, day = _chinese_number(chinese.group("m")), _chinese_number(chinese.group("d"))
        if 1 <= month <= 12 and 1 <= day <= 31:
            return FoundDate(chinese.start(), chinese.end(), f"{year:04d}-{month:02d}-{day:02d}")
    return None


_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
_SEPARATED = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*[-_./年]\s*(\d{1,2})\s*[-_./月]\s*(\d{1,2})(?!\d)"
)


def _iso(year: int, month: int, day: int) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def compact_date(text: str) -> FoundDate | None:
    """An eight-digit date (20210225) in `text`: only where dates are written so, in file
    names, programme headers and page lines, never in body text (where it is a number)."""
    for match in _COMPACT.finditer(text):
        value = _iso(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if value:
            return FoundDate(match.start(), match.end(), value)
    return None


def file_name_date(name: str) -> str:
    """The date a file's name gives (20210225.txt, 2020-08-24 新闻.txt, rmrb_20250103_05),
    as ISO, or ""."""
    found = file_name_found_date(name)
    return found.value if found else ""


def file_name_found_date(name: str) -> FoundDate | None:
    """`file_name_date` with where it is written in the file name's last part."""
    stem = name.rsplit("/", 1)[-1]
    for match in _SEPARATED.finditer(stem):
        value = _iso(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if value:
            return FoundDate(match.start(), match.end(), value)
    return compact_date(stem)


_MONTH_DAY = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")


def has_year(value: str) -> bool:
    return bool(re.match(r"\d{4}", value))


def month_day(value: str) -> tuple[int, int] | None:
    """(month, day) of a date written without its year (5月24日, --05-24), else None."""
    match = _MONTH_DAY.search(value)
    if match:
        return int(match.group(1)), int(match.group(2))
    match = re.fullmatch(r"--(\d{2})-(\d{2})", value)
    return (int(match.group(1)), int(match.group(2))) if match else None


def with_year(value: str, reference: str) -> str:
    """A date written without its year, completed with the year that puts it nearest to the
    `reference` date (ISO, at least YYYY-MM): 12月31日 near 2021-01-05 is 2020-12-31. A value
    that has its year, or a reference without one, is returned as ISO as far as known."""
    if has_year(value):
        return value
    parts = month_day(value)
    if parts is None:
        return value
    month, day = parts
    if not has_year(reference):
        return f"--{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else ""
    ref_year = int(reference[:4])
    ref_month = int(reference[5:7]) if len(reference) >= 7 else 6
    candidates = []
    for year in (ref_year - 1, ref_year, ref_year + 1):
        iso = _iso(year, month, day)
        if iso:
            distance = abs((year - ref_year) * 12 + month - ref_month)
            candidates.append((distance, year != ref_year, iso))
    return min(candidates)[2] if candidates else ""


def iso_dates(values: list[str], file_name: str = "") -> list[str]:
    """Dates of the articles of one file, in order, as ISO: a date written without its year
    ("5月24日") takes the year of the file's name, else of the nearest article of the file
    that has one, else stays without a year (--05-24). Other values are kept as they are."""
    found = []
    for value in values:
        parsed = find_date(value, value) if value and not has_year(value) else None
        found.append(parsed.value if parsed is not None else value)
    reference = file_name_date(file_name) if file_name else ""
    dated = [(i, v) for i, v in enumerate(found) if has_year(v)]
    out = []
    for i, value in enumerate(found):
        if has_year(value) or month_day(value) is None:
            out.append(value)
            continue
        nearest = reference or (min(dated, key=lambda item: abs(item[0] - i))[1] if dated else "")
        out.append(with_year(value, nearest))
    return out

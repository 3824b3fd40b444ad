"""Months, quarters and years: the period an ISO date falls in, and every period between two."""

from __future__ import annotations

import re

MONTH, QUARTER, YEAR = "month", "quarter", "year"
PERIODS = (MONTH, QUARTER, YEAR)

_YEAR = re.compile(r"(\d{4})(?:-(\d{2})(?:-\d{2})?)?")


def period_of(date: str, by: str) -> str:
    """`2019-03` (month), `2019-Q1` (quarter) or `2019` (year) for an ISO date at a precision
    fine enough for `by` (a month or a quarter needs YYYY-MM, a year YYYY); "" otherwise."""
    match = _YEAR.fullmatch(date.strip())
    if match is None:
        return ""
    year, month = match.group(1), match.group(2)
    if by == YEAR:
        return year
    if month is None or not 1 <= int(month) <= 12:
        return ""
    if by == MONTH:
        return f"{year}-{month}"
    return f"{year}-Q{(int(month) - 1) // 3 + 1}"


def _ordinal(period: str, by: str) -> int:
    year = int(period[:4])
    if by == YEAR:
        return year
    if by == MONTH:
        return year * 12 + int(period[5:7]) - 1
    return year * 4 + int(period[-1]) - 1


def _period(ordinal: int, by: str) -> str:
    if by == YEAR:
        return f"{ordinal:04d}"
    if by == MONTH:
        return f"{ordinal // 12:04d}-{ordinal % 12 + 1:02d}"
    return f"{ordinal // 4:04d}-Q{ordinal % 4 + 1}"


def period_range(first: str, last: str, by: str) -> list[str]:
    """Every period from `first` to `last` inclusive, the empty ones too (a chart over time
    must not close its gaps)."""
    start, end = _ordinal(first, by), _ordinal(last, by)
    return [_period(ordinal, by) for ordinal in range(start, end + 1)]


def period_start(period: str, by: str) -> str:
    """The first day of a period as YYYY-MM-DD."""
    if by == YEAR:
        return f"{period}-01-01"
    if by == MONTH:
        return f"{period}-01"
    quarter = int(period[-1])
    return f"{period[:4]}-{(quarter - 1) * 3 + 1:02d}-01"

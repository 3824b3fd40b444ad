"""Article dates as the UI shows them: ISO when the year is known, 5月24日 without one."""

from __future__ import annotations

import re


def shown_date(date: str) -> str:
    """The date as the library lists it: ISO when its year is known; a date without its year
    (--05-24) as 5月24日."""
    match = re.fullmatch(r"--(\d{2})-(\d{2})", date)
    return f"{int(match.group(1))}月{int(match.group(2))}日" if match else date


def header_date(date: str, date_text: str) -> str:
    """The date above an article: ISO (or 5月24日 without a year), and as written in the
    source when that differs ("2020-11-30 (2020年11月30日)")."""
    shown = shown_date(date)
    if date_text and date_text not in (date, shown):
        return f"{shown} ({date_text})" if shown else date_text
    return shown

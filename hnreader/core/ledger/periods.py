"""When a figure's statistic holds: the year written just before it (2016年的8.41%), the
year or range of its sentence (2012年至2019年), a relative year (去年) or plan period (十三五)
counted from the article's date, else the article's year."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from hnreader.core.models import Figure

# What may stand between a year and the figure it dates: 2016年的8.41%, 2019年底的0.36%.
_DATING_GAP = re.compile(r"^(?:底|末|初|年底|年末|全年|上半年|前三季度)?(?:的|为|是|达|达到)?$")
_RELATIVE = (("前年", -2), ("去年", -1), ("上年", -1), ("上一年", -1), ("今年", 0), ("当年", 0))
_PLANS = {"十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025)}


@dataclass(frozen=True)
class YearMark:
    start: int
    end: int
    low: int
    high: int  # == low for a single year


def year_marks(figures: Sequence[Figure]) -> list[YearMark]:
    """The years, year ranges and dated figures (their year) of an article, in order."""
    marks = []
    for figure in figures:
        if figure.kind == "year":
            low, high = _year(figure.value_low), _year(figure.value_high)
            single = _year(figure.value)
            if single is not None:
                marks.append(YearMark(figure.start, figure.end, single, single))
            elif low is not None and high is not None:
                marks.append(YearMark(figure.start, figure.end, low, high))
        elif figure.kind == "date" and isinstance(figure.value, str):
            year = _year(figure.value[:4]) if figure.value[:4].isdigit() else None
            if year is not None:
                marks.append(YearMark(figure.start, figure.end, year, year))
    return marks


def _year(value: object) -> int | None:
    try:
        year = int(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return year if 1900 <= year <= 2100 else None


def article_year(date: str) -> int | None:
    return _year(date[:4]) if date[:4].isdigit() else None


def period_text(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}–{high}"


def period_of(
    text: str,
    marks: Sequence[YearMark],
    sentence: tuple[int, int],
    starts: Sequence[int],
    year: int | None,
) -> tuple[str, str]:
    """The period of a value whose figures start at `starts` (two for a change) within
    `sentence` (start, end), and where it came from: written, sentence, relative, article."""
    in_sentence = [m for m in marks if sentence[0] <= m.start and m.end <= sentence[1]]
    dating = [_dating_year(text, in_sentence, start) for start in starts]
    if all(d is not None for d in dating):
        years = [d for d in dating if d is not None]
        return period_text(min(years), max(years)), "written"
    before = [m for m in in_sentence if m.end <= starts[0]]
    chosen = before[-1] if before else (in_sentence[0] if in_sentence else None)
    if chosen is not None:
        return period_text(chosen.low, chosen.high), "sentence"
    clause = text[sentence[0] : starts[0]]
    for word, (low, high) in _PLANS.items():
        if word in clause:
            return period_text(low, high), "relative"
    if year is not None:
        for word, offset in _RELATIVE:
            if word in clause:
                return str(year + offset), "relative"
        return str(year), "article"
    return "", ""


def _dating_year(text: str, marks: Sequence[YearMark], start: int) -> int | None:
    for mark in reversed(marks):
        if mark.end <= start:
            if mark.low == mark.high and _DATING_GAP.match(text[mark.end : start]):
                return mark.low
            return None
    return None

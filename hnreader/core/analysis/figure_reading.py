"""Reading the parts around a figure's number: its unit and magnitude, approximation words,
sign, and whether it stands in a quotation, a title or a set phrase."""

from __future__ import annotations

from dataclasses import dataclass

from hnreader.core.analysis.chinese_numerals import (
    CN_CHARS,
)
from hnreader.core.analysis.figure_patterns import (
    APPROX_AFTER,
    APPROX_BEFORE_1,
    APPROX_BEFORE_2,
    CLOSE_QUOTES,
    IDIOM_RE,
    IDIOM_REACH,
    MAGNITUDES,
    NOT_AFTER_CHINESE,
    OPEN_QUOTES,
    REFERENCE_UNITS,
    SHORT_QUOTE,
    TAIL,
    TRAILING_APPROX_UNITS,
    UNIT_WORDS,
    UNITS,
)
from hnreader.core.analysis.figure_values import (
    Found,
    date_part,
    iso_date,
)


@dataclass(frozen=True)
class Tail:
    end: int
    multiplier: float
    unit: str
    kind: str
    add: float
    approx: str | None
    surface_unit: str


def _is_han(char: str) -> bool:
    return bool(char) and "\u4e00" <= char <= "\u9fff"


def approx_start(folded: str, start: int, floor: int) -> tuple[int, str | None]:
    """Where an approximation word before the number starts, and the word."""
    if start - 2 >= floor and folded[start - 2 : start] in APPROX_BEFORE_2:
        return start - 2, folded[start - 2 : start]
    if start - 1 >= floor:
        char = folded[start - 1]
        blockers = APPROX_BEFORE_1.get(char)
        if blockers is not None and (start < 2 or folded[start - 2] not in blockers):
            return start - 1, char
    return start, None


def read_tail(folded: str, pos: int, chinese: bool) -> Tail:
    match = TAIL.match(folded, pos)
    assert match is not None  # every group is optional
    if not match.group(0) and folded.startswith(" ", pos):
        # 限流 50 人, 5 兆美元: one space may stand between the number and its unit.
        spaced = TAIL.match(folded, pos + 1)
        if spaced is not None and (spaced.group("mag") or spaced.group("unit")):
            match = spaced
    end = match.end()
    surface = match.group("unit") or ""
    approx = match.group("a1") or match.group("a2")
    mag = match.group("mag")
    following = folded[end : end + 1]
    if surface and (
        (chinese and surface in NOT_AFTER_CHINESE)
        or (following and following in UNIT_WORDS.get(surface, ""))
        or (surface == "块" and not (mag or approx == "把" or not _is_han(following)))
    ):
        end = match.start("unit")  # 3人民…, 两家庭: the number stands without a unit
        surface = ""
    if approx == "把" and not surface:
        return Tail(pos, 1.0, "", "", 0.0, None, "")  # 三把椅子: 把 is a measure word here
    unit, kind, add = UNITS.get(surface, ("", "", 0.0))
    if "多" in surface:
        approx = approx or "多"  # 3个多月
    if surface in REFERENCE_UNITS:
        unit, kind = surface, "reference"
    if unit in TRAILING_APPROX_UNITS and folded[end : end + 1] in ("多", "余"):
        after = folded[end + 1 : end + 2]
        if not after or after not in "次个家种项样元名位人万亿":  # 3年多次 is 3年 + 多次
            approx = approx or folded[end]
            end += 1
    if unit or mag or not chinese:
        for word in APPROX_AFTER:
            if folded.startswith(word, end) and (unit or word != "上下"):
                end += 2
                approx = approx or word
                break
    multiplier = MAGNITUDES[mag] if mag else 1.0
    return Tail(end, multiplier, unit, kind, add, approx, surface)


def unitless_kind(scaled: bool) -> str:
    # 747万 (people, said elsewhere in the sentence) is a count; a bare 2021 or 29 is "other".
    return "count" if scaled else "other"


def in_chars(char: str, chars: str) -> bool:
    """`char` (one character, or "" at the end of the text) is one of `chars`."""
    return bool(char) and char in chars


def sign_start(folded: str, first: int, floor: int) -> tuple[int, int]:
    """零下二十三摄氏度, -8℃, 负3%: where the span starts and the sign."""
    # 零 alone is never a figure, so 零下 may lie before the floor.
    if first >= 2 and folded[first - 2 : first] == "零下":
        return first - 2, -1
    if first - 1 >= floor and folded[first - 1] in "-负":
        before = folded[first - 2 : first - 1]
        if not (before and (before.isdigit() or before in CN_CHARS)):  # 12-20℃ is a range
            return first - 1, -1
    return first, 1


def date_found(start: int, end: int, year: int | None, month: int | None, day: int | None) -> Found:
    if year is not None and month is None:
        return Found(start, end, float(year), "年", "year")
    value = iso_date(year, month, day)
    return Found(start, end, value, "", "date", date_part=date_part(month, day))


def in_title(folded: str, start: int, end: int) -> bool:
    """Inside a short 《title》: 《1812序曲》."""
    opened = folded.rfind("《", max(0, start - SHORT_QUOTE), start)
    if opened < 0 or folded.find("》", opened, start) >= 0:
        return False
    closes = folded.find("》", end, end + SHORT_QUOTE)
    return closes >= 0


def in_short_quote(folded: str, start: int, end: int) -> bool:
    before = folded[max(0, start - SHORT_QUOTE) : start]
    opened = max(before.rfind(quote) for quote in OPEN_QUOTES)
    if opened < 0 or any(quote in before[opened + 1 :] for quote in CLOSE_QUOTES):
        return False
    after = folded[end : end + SHORT_QUOTE]
    closes = [index for index in (after.find(quote) for quote in CLOSE_QUOTES) if index >= 0]
    if not closes:
        return False
    return (len(before) - opened - 1) + (end - start) + min(closes) <= SHORT_QUOTE


def in_idiom(folded: str, start: int, end: int) -> bool:
    window_start = max(0, start - IDIOM_REACH)
    return any(
        match.start() < end and match.end() > start
        for match in IDIOM_RE.finditer(folded, window_start, end + IDIOM_REACH)
    )

"""Second pass over found figures: ranges made one figure (4-6%, 1—10月份, 300至400人) and
changes written as two (从13.43%降至0.36%) given their direction and both ends."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from hnreader.core.analysis.figure_patterns import CHANGE_DOWN, CHANGE_UP, RANGE_LINKS
from hnreader.core.analysis.figure_values import Found, complete_date, like_date
from hnreader.core.models import FigureValue

_DATE_KINDS = ("date", "time")


def _scaled(value: float, multiplier: float) -> float:
    return float(Decimal(repr(value)) * Decimal(repr(multiplier)))


def _range_low(item: Found, following: Found) -> FigureValue:
    """The first end of `item`–`following`, or None when the two are no range."""
    value = item.value
    if following.kind in _DATE_KINDS:
        if item.kind == following.kind and isinstance(value, str):
            return value  # 8日到14日, 2022年1月18日至20日
        if item.unit or not isinstance(value, float) or value != int(value):
            return None
        return like_date(int(value), following)
    if not isinstance(value, float) or not isinstance(following.value, float):
        return None
    if item.unit:
        if (item.unit, item.kind) != (following.unit, following.kind):
            return None  # 3.8%至5元
        return value
    if item.kind not in ("other", "count"):
        return None
    if following.kind == "year" and item.multiplier == 1.0:
        return value if 1000 <= value <= 2199 else None  # 2022—2023年度
    if not (following.unit or following.multiplier > 1):
        return None  # two bare numbers: 3-5
    if item.multiplier == 1.0 and following.multiplier > 1:
        return _scaled(value, following.multiplier)  # 6.9万—8万, 3至5万元
    return value


def complete_ranges(found: list[Found], folded: str) -> list[Found]:
    """Merge A–B into one figure (value None, value_low/value_high, the second's unit)."""
    result: list[Found] = []
    index = 0
    while index < len(found):
        item = found[index]
        following = found[index + 1] if index + 1 < len(found) else None
        link = folded[item.end : following.start] if following is not None else ""
        low = _range_low(item, following) if following and link in RANGE_LINKS else None
        if following is not None and low is not None:
            high = following.value
            if following.kind == "date":
                high = complete_date(low, following)
            end = following.end
            if following.kind == "year" and folded.startswith("度", end):
                end += 1  # 2022—2023年度
            result.append(
                replace(
                    following,
                    start=item.start,
                    end=end,
                    value=None,
                    value_low=low,
                    value_high=high,
                    approx=item.approx or following.approx,
                    provisional=False,
                )
            )
            index += 2
            continue
        if not item.provisional:
            result.append(item)
        index += 1
    return _mark_changes(result, folded)


def _mark_changes(found: list[Found], folded: str) -> list[Found]:
    """从13.43%降至0.36%: both figures get the direction and both ends (low, high)."""
    result = list(found)
    for index in range(len(result) - 1):
        first, second = result[index], result[index + 1]
        between = folded[first.end : second.start]
        if len(between) > 4 or first.unit != second.unit or first.kind != second.kind:
            continue
        if not (isinstance(first.value, float) and isinstance(second.value, float)):
            continue
        if CHANGE_DOWN.fullmatch(between):
            direction = "down"
        elif CHANGE_UP.fullmatch(between):
            direction = "up"
        else:
            continue
        low, high = sorted((first.value, second.value))
        for position in (index, index + 1):
            result[position] = replace(
                result[position], value_low=low, value_high=high, direction=direction
            )
    return result

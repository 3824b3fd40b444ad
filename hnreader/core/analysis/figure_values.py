"""How a found figure is valued: ISO dates and times, signs, and the candidate record."""

from __future__ import annotations

from dataclasses import dataclass

from hnreader.core.models import FigureValue


@dataclass(frozen=True)
class Found:
    """A figure while it is being found (offsets into the folded text)."""

    start: int
    end: int
    value: FigureValue
    unit: str
    kind: str
    multiplier: float = 1.0  # the magnitude (万, 亿, 千) applied to the number
    provisional: bool = False  # kept only if a range completes it (三至五年)
    approx: str | None = None
    value_low: FigureValue = None
    value_high: FigureValue = None
    sign: int = 1
    direction: str = ""
    date_part: str = ""  # which part a date without a year has: "m", "md", "d"


def iso_date(year: int | None, month: int | None, day: int | None) -> str:
    """2019, 7, None → "2019-07"; None, 1, 17 → "--01-17"; None, None, 16 → "---16"."""
    if year is not None:
        text = f"{year:04d}"
        if month is not None:
            text += f"-{month:02d}"
            if day is not None:
                text += f"-{day:02d}"
        return text
    if month is not None:
        return f"--{month:02d}" + (f"-{day:02d}" if day is not None else "")
    return f"---{day:02d}"


def date_part(month: int | None, day: int | None) -> str:
    return ("m" if month is not None else "") + ("d" if day is not None else "")


def iso_time(hour: int, minute: int | None) -> str:
    return f"{hour:02d}:{minute or 0:02d}"


def valid_date(month: int | None, day: int | None) -> bool:
    return (month is None or 1 <= month <= 12) and (day is None or 1 <= day <= 31)


def like_date(first: int, second: Found) -> str | None:
    """The bare first number of 1—10月份 or 0—24时 read as the second's kind of date/time."""
    if second.kind == "time":
        return iso_time(first, None) if 0 <= first <= 24 else None
    if second.kind == "year":
        return None
    part = second.date_part
    if part == "m" and 1 <= first <= 12:
        return iso_date(None, first, None)
    if part in ("d", "md") and 1 <= first <= 31:
        value = str(second.value)
        return value[: len(value) - 2] + f"{first:02d}"  # 2022-01-18至20日: same month
    return None


def complete_date(first: FigureValue, second: Found) -> FigureValue:
    """The end of a date range takes what the start has and it lacks: 2022年1月18日至20日 →
    2022-01-20, 3月5日至11日 → --03-11, 2023年3月至5月 → 2023-05; 8日到14日 stays ---14."""
    value = second.value
    if not (isinstance(first, str) and isinstance(value, str)):
        return value
    with_year = len(first) >= 7 and first[4] == "-"
    if second.date_part == "d" and len(first) == 10 and with_year:
        return first[:8] + value[-2:]
    if second.date_part == "d" and len(first) == 7 and first.startswith("--"):
        return first[:5] + value[-2:]  # --03-05 … ---11 → --03-11
    if second.date_part in ("md", "m") and with_year:
        return first[:4] + value[1:]
    return value


def value_text(value: FigureValue, grouped: bool = False) -> str:
    """A figure value as exact text: 7470000.0 → "7470000" (grouped: "7,470,000"), 13.43 →
    "13.43", "2019-07" as it is, None → ""."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if value.is_integer() and abs(value) < 1e18:
        return f"{int(value):,}" if grouped else str(int(value))
    text = repr(value)
    if grouped and "e" not in text:
        whole, _, fraction = text.partition(".")
        return f"{int(whole):,}.{fraction}"
    return text


def figure_value_text(
    value: FigureValue, low: FigureValue, high: FigureValue, grouped: bool = False
) -> str:
    """A figure's value, or its range as "4–6" (an en dash between the ends)."""
    if value is None and low is not None and high is not None:
        return f"{value_text(low, grouped)}–{value_text(high, grouped)}"
    return value_text(value, grouped)

"""The ledger's records (a value with its source, an entry of values) and the conflict rule.

Two values of an entry agree when they have the same unit and the more precise one, rounded
or cut to the last written digit of the other, gives the other: 747万 and 747.6万 agree (747.6
cut to 747), 747万 and 748万 or 767万 do not; 13.43% and 13.4% agree, 13.43% and 13.5% do
not. A value written with an approximation word (约, 近, 多, 余, 超过…) agrees with any value
within 10% of it. A change
(从13.43%降至0.36%) is compared end by end with another change, and by its end with a single
value; a range (4–6%) agrees with a value inside it. Values in other units are not compared.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from hnreader.core.models import Figure

APPROX_TOLERANCE = 0.10
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True)
class LedgerValue:
    """One statistic as an article states it: a figure, or a change's two figures."""

    article_id: int
    article_title: str
    article_date: str
    figures: tuple[tuple[int, Figure], ...]  # (figure id, figure), in text order
    indicator: str  # after merges
    written: str  # the indicator as found in the text (or guessed)
    how: str  # dictionary | project | guessed
    measure: str  # "" (a level), 减少, 增加, 增速
    place: str
    place_how: str  # sentence | dateline | article | ""
    period: str
    period_how: str  # written | sentence | relative | article | ""
    sentence: str
    sentence_start: int
    sentence_end: int

    @property
    def start(self) -> int:
        return self.figures[0][1].start

    @property
    def end(self) -> int:
        return self.figures[-1][1].end

    @property
    def unit(self) -> str:
        return self.figures[0][1].unit

    @property
    def kind(self) -> str:
        return self.figures[0][1].kind

    @property
    def text(self) -> str:
        return " → ".join(f.text for _, f in self.figures)

    @property
    def numbers(self) -> tuple[float, ...]:
        """(value,), a change's (from, to), or a range's (low, high)."""
        if len(self.figures) > 1:
            return tuple(_number(f.value, f) for _, f in self.figures)
        figure = self.figures[0][1]
        if figure.value is None and figure.value_low is not None and not figure.direction:
            return (_number(figure.value_low, figure), _number(figure.value_high, figure))
        return (_number(figure.value, figure),)

    @property
    def is_range(self) -> bool:
        return len(self.figures) == 1 and len(self.numbers) == 2

    @property
    def key(self) -> tuple[int, int, int]:
        """Which value this is, across re-derived figures: (article id, start, end)."""
        return (self.article_id, self.start, self.end)


@dataclass(frozen=True)
class LedgerEntry:
    """One indicator × place × period with every value stated for it."""

    indicator: str
    measure: str
    place: str
    period: str
    values: tuple[LedgerValue, ...]
    conflict: bool = False
    disagreeing: frozenset[tuple[int, int, int]] = field(default_factory=frozenset)
    confirmed: bool = False
    correct: tuple[int, int, int] | None = None  # the value the user marked correct
    # Which reading each value is (0, 1…): values of one reading agree with its first value;
    # an entry in conflict has two readings or more (747万 and 747.6万: 0; 767万: 1).
    readings: Mapping[tuple[int, int, int], int] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.indicator, self.measure, self.place, self.period)

    @property
    def label(self) -> str:
        return f"{self.indicator}（{self.measure}）" if self.measure else self.indicator

    @property
    def status(self) -> str:
        """conflict, resolved (a value marked correct), confirmed, or ""."""
        if self.correct is not None:
            return "resolved"
        if self.confirmed:
            return "confirmed"
        return "conflict" if self.conflict else ""

    @property
    def guessed(self) -> bool:
        return all(v.how == "guessed" for v in self.values)


def _number(value: object, figure: Figure) -> float:
    try:
        return float(value) * figure.sign  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return float("nan")


def precision(figure: Figure, number: float) -> float:
    """One unit in the last digit written: 747万 → 10000, 747.6万 → 1000, 13.43% → 0.01."""
    written = _NUMBER.findall(figure.text)
    if written and number == number:
        digits = written[0].replace(",", "")
        try:
            shown = float(digits)
        except ValueError:
            shown = 0.0
        if shown:
            decimals = len(digits.split(".")[1]) if "." in digits else 0
            return abs(number / shown) * 10.0**-decimals
    # Chinese numerals (七百四十七万): the largest power of ten the value is a multiple of.
    unit, whole = 1.0, abs(number)
    if whole == whole and whole >= 1 and whole == int(whole):
        while whole and whole % (unit * 10) == 0:
            unit *= 10
    return unit


def _close(x: float, px: float, approx_x: bool, y: float, py: float, approx_y: bool) -> bool:
    if approx_x or approx_y:
        return abs(x - y) <= APPROX_TOLERANCE * max(abs(x), abs(y))
    (coarse, unit), fine = ((x, px), y) if px >= py else ((y, py), x)
    steps = fine / unit
    # The finer value rounded or cut to the coarser one's last digit gives the coarser one.
    return any(
        abs(candidate * unit - coarse) < unit * 1e-6
        for candidate in (round(steps), math.trunc(steps))
    )


def _points(value: LedgerValue) -> list[tuple[float, float, bool]]:
    if value.is_range:
        figure = value.figures[0][1]
        return [(n, precision(figure, n), figure.approx is not None) for n in value.numbers]
    return [
        (n, precision(f, n), f.approx is not None)
        for n, (_, f) in zip(value.numbers, value.figures, strict=False)
    ]


def agree(a: LedgerValue, b: LedgerValue) -> bool | None:
    """Whether two values of one entry agree; None when they cannot be compared."""
    if a.unit != b.unit or a.kind != b.kind:
        return None
    pa, pb = _points(a), _points(b)
    if any(p[0] != p[0] for p in pa + pb):  # nan: not a number
        return None
    if a.is_range or b.is_range:
        span, single = (pa, pb) if a.is_range else (pb, pa)
        if len(single) != 1 or (a.is_range and b.is_range):
            return all(_close(*x, *y) for x, y in zip(pa, pb, strict=False))
        low, high = span[0], span[1]
        x = single[0]
        return low[0] - low[1] < x[0] < high[0] + high[1] or _close(*x, *high)
    if len(pa) == len(pb):
        return all(_close(*x, *y) for x, y in zip(pa, pb, strict=False))
    return _close(*pa[-1], *pb[-1])  # a change by its end against a single value

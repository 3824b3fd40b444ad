"""Statistics, quantities, years and dates found in a text, with exact code-point offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Context, Decimal, DivisionByZero, InvalidOperation, localcontext

from hnreader.core.analysis.chinese_numerals import (
    CN_CHARS,
    CN_DIGITS,
    LONGEST_NUMERAL,
    parse_chinese_integer,
)
from hnreader.core.analysis.figure_patterns import (
    APPROX_BEFORE_1,
    APPROX_BEFORE_2,
    ARABIC_NUMBER,
    CANDIDATE,
    CLOSE_QUOTES,
    CN_DECIMAL,
    CN_FRACTION,
    CN_MONTH_DATE,
    CN_YEAR_DATE,
    DAY_DATE,
    IDIOM_RE,
    IDIOM_REACH,
    ISO_DATE,
    MAGNITUDES,
    MONTH_DATE,
    NOT_AFTER,
    NOT_AFTER_CHINESE,
    NUMBER_RANGE,
    OPEN_QUOTES,
    ORDINAL_AFTER_CI,
    RANGE_LINKS,
    REACHED_BEFORE,
    REFERENCE_UNITS,
    RUN_ENDS,
    SHORT_QUOTE,
    TAIL,
    TOKEN_CHARS,
    TOKEN_RIGHT,
    TRAILING_APPROX_UNITS,
    UNIT_WORDS,
    UNITS,
    YEAR_DATE,
)
from hnreader.core.models import Figure
from hnreader.core.text.normalize import fold_for_search
from hnreader.core.text.safety import replace_lone_surrogates

# A run of a million digits (hostile input) overflows Decimal's default exponent limit and
# raised decimal.Overflow; untrapped it gives Infinity, as a 400-digit number already gave
# inf through float().
_NO_OVERFLOW = Context(traps=[InvalidOperation, DivisionByZero])  # the default traps but Overflow


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    value: float | None
    unit: str
    kind: str
    multiplier: float = 1.0  # the magnitude (万, 亿, 千) applied to the number
    provisional: bool = False  # kept only if a range completes it (三至五年)


@dataclass(frozen=True)
class _Tail:
    end: int
    multiplier: float
    unit: str
    kind: str
    add: float
    approx: bool
    surface_unit: str


def _approx_start(folded: str, start: int, floor: int) -> int:
    """Where an approximation word before the number starts (or `start` if there is none)."""
    if start - 2 >= floor and folded[start - 2 : start] in APPROX_BEFORE_2:
        return start - 2
    if start - 1 >= floor:
        char = folded[start - 1]
        blockers = APPROX_BEFORE_1.get(char)
        if blockers is not None and (start < 2 or folded[start - 2] not in blockers):
            return start - 1
    return start


def _read_tail(folded: str, pos: int, chinese: bool) -> _Tail:
    match = TAIL.match(folded, pos)
    assert match is not None  # every group is optional
    if not chinese and not match.group(0) and folded.startswith(" ", pos):
        # 限流 50 人: one space may stand between the number and its unit.
        spaced = TAIL.match(folded, pos + 1)
        if spaced is not None and (spaced.group("mag") or spaced.group("unit")):
            match = spaced
    end = match.end()
    surface = match.group("unit") or ""
    approx = bool(match.group("a1") or match.group("a2"))
    following = folded[end : end + 1]
    if surface and (
        (chinese and surface in NOT_AFTER_CHINESE)
        or (following and following in UNIT_WORDS.get(surface, ""))
    ):
        end = match.start("unit")  # 3人民…, 两家庭: the number stands without a unit
        surface = ""
    unit, kind, add = UNITS.get(surface, ("", "", 0.0))
    if surface in REFERENCE_UNITS:
        unit, kind = surface, "reference"
    if unit in TRAILING_APPROX_UNITS and folded[end : end + 1] in ("多", "余"):
        after = folded[end + 1 : end + 2]
        if not after or after not in "次个家种项样元名位人万亿":  # 3年多次 is 3年 + 多次
            end += 1
            approx = True
    if unit and folded.startswith("左右", end):
        end += 2
        approx = True
    mag = match.group("mag")
    multiplier = MAGNITUDES[mag] if mag else 1.0
    return _Tail(end, multiplier, unit, kind, add, approx, surface)


def _unitless_kind(scaled: bool) -> str:
    # 747万 (people, said elsewhere in the sentence) is a count; a bare 2021 or 29 is "other".
    return "count" if scaled else "other"


def _date_value(year: int | None, month: int | None, day: int | None) -> float | None:
    return None if year is None else float(year * 10_000 + (month or 0) * 100 + (day or 0))


def _valid_date(month: int | None, day: int | None) -> bool:
    return (month is None or 1 <= month <= 12) and (day is None or 1 <= day <= 31)


def _arabic_at(folded: str, start: int, run_end: int, floor: int) -> tuple[_Found | None, int]:
    token_start = start
    while token_start > floor and folded[token_start - 1] in TOKEN_CHARS:
        token_start -= 1
    token_end = TOKEN_RIGHT.match(folded, run_end).end()  # type: ignore[union-attr]
    raw = folded[token_start:token_end]
    token = raw.strip("._-:/")
    token_start += len(raw) - len(raw.lstrip("._-:/"))
    token_end = token_start + len(token)
    if any("a" <= char <= "z" or char == "_" for char in token):
        return None, token_end  # codes and Latin-letter tokens: 5g, covid-19, v1.2, A4
    iso = ISO_DATE.fullmatch(token)
    if iso is not None:
        iso_value = _date_value(int(iso.group(1)), int(iso.group(3)), int(iso.group(4)))
        if _valid_date(int(iso.group(3)), int(iso.group(4))):
            return _Found(token_start, token_end, iso_value, "", "date"), token_end
    if ":" in token or "/" in token or token.count(".") > 1:
        return None, token_end  # times 03:40:44, ratios, paths, version strings 1.2.3
    if "-" in token and not NUMBER_RANGE.fullmatch(token):
        return None, token_end  # telephone numbers 010-00000000, serials
    start = token_start

    date = YEAR_DATE.match(folded, start)
    if date is not None and 1000 <= int(date.group("y")) <= 2199:
        year = int(date.group("y"))
        month = int(date.group("m")) if date.group("m") else None
        day = int(date.group("d")) if date.group("d") else None
        if month is None or not _valid_date(month, day):
            return _Found(start, start + 5, float(year), "年", "year"), start + 5
        return _Found(start, date.end(), _date_value(year, month, day), "", "date"), date.end()
    date = MONTH_DATE.match(folded, start) or DAY_DATE.match(folded, start)
    if date is not None:
        groups = date.groupdict()
        month = int(groups["m"]) if groups.get("m") else None
        day = int(groups["d"]) if groups.get("d") else None
        if _valid_date(month, day):
            return _Found(start, date.end(), None, "", "date"), date.end()

    number = ARABIC_NUMBER.match(folded, start)
    assert number is not None
    digits = number.group(0)
    tail = _read_tail(folded, number.end(), chinese=False)
    end = tail.end
    if tail.kind == "reference" or (
        tail.surface_unit == "次" and folded[end : end + 2] in ORDINAL_AFTER_CI
    ):
        return None, end
    first = _approx_start(folded, start, floor)
    if folded[start - 1 : start] == "第":
        return None, end  # 第3名: a rank
    # Decimal keeps 2.3亿 at 230000000.0 (in binary floating point 2.3 × 1e8 is 229999999.99…).
    with localcontext(_NO_OVERFLOW):
        value = float(Decimal(digits.replace(",", "")) * Decimal(tail.multiplier)) + tail.add
    scaled = tail.multiplier != 1.0
    if not tail.unit and not scaled:
        plain = digits.replace(",", "")
        if (plain.startswith("0") and "." not in plain and len(plain) > 1) or (
            "," not in digits and "." not in digits and len(digits) >= 7
        ):
            return None, end  # leading zeros or long digit runs: codes and identifiers
        before, after = folded[start - 1 : start].strip(" "), folded[end : end + 1]
        if (before == "(" and after == ")") or (before in ("", "\n") and after in ("、", ".")):
            return None, end  # list markers: (1), 1、 and 1. at the start of a line
    kind = tail.kind or _unitless_kind(scaled)
    return _Found(first, end, value, tail.unit, kind, tail.multiplier), end


def _in_short_quote(folded: str, start: int, end: int) -> bool:
    before = folded[max(0, start - SHORT_QUOTE) : start]
    opened = max(before.rfind(quote) for quote in OPEN_QUOTES)
    if opened < 0 or any(quote in before[opened + 1 :] for quote in CLOSE_QUOTES):
        return False
    after = folded[end : end + SHORT_QUOTE]
    closes = [index for index in (after.find(quote) for quote in CLOSE_QUOTES) if index >= 0]
    if not closes:
        return False
    return (len(before) - opened - 1) + (end - start) + min(closes) <= SHORT_QUOTE


def _in_idiom(folded: str, start: int, end: int) -> bool:
    window_start = max(0, start - IDIOM_REACH)
    return any(
        match.start() < end and match.end() > start
        for match in IDIOM_RE.finditer(folded, window_start, end + IDIOM_REACH)
    )


def _chinese_date_at(folded: str, start: int) -> _Found | None:
    date = CN_YEAR_DATE.match(folded, start)
    if date is not None:
        year = int("".join(str(CN_DIGITS[char]) for char in date.group("y")))
        if not 1000 <= year <= 2199:
            return None
        if date.group("m") is None:
            return _Found(start, start + 5, float(year), "年", "year")
        month = parse_chinese_integer(date.group("m"))
        day = parse_chinese_integer(date.group("d")) if date.group("d") else None
        return _Found(start, date.end(), _date_value(year, month, day), "", "date")
    date = CN_MONTH_DATE.match(folded, start)
    if date is not None:
        return _Found(start, date.end(), None, "", "date")
    return None


def _chinese_number(text: str) -> float | None:
    """十三 → 13.0, 十三点四三 → 13.43, 30 → 30.0 (the numerator after 百分之)."""
    if text[0] in "0123456789":
        return float(text)
    whole, _, fraction = text.partition("点")
    whole_value = parse_chinese_integer(whole)
    if whole_value is None:
        return None
    return float(f"{whole_value}.{''.join(str(CN_DIGITS[c]) for c in fraction) or '0'}")


def _chinese_at(folded: str, start: int, run_end: int, floor: int) -> tuple[_Found | None, int]:
    run = folded[start:run_end]
    if len(run) > LONGEST_NUMERAL:
        return None, run_end  # no statistic is written with this many numeral characters
    if len(run) >= 4 or folded[run_end : run_end + 1] == "月":
        date = _chinese_date_at(folded, start)
        if date is not None:
            return date, date.end
    if folded.startswith("分之", run_end):
        fraction = CN_FRACTION.match(folded, start)
        if fraction is not None:
            return _chinese_fraction(folded, start, fraction, floor)
    previous = folded[start - 1 : start]
    if run == "一" or previous in NOT_AFTER or folded[run_end : run_end + 1] == "几":
        # A lone 一 is an article, not a statistic (一个, 一批, 统一, 唯一, 一是); 第三, 前十,
        # 几十, 数百, 十几 are ordinals, ranks or indefinite.
        return None, run_end
    integer = parse_chinese_integer(run)
    if not integer:
        return None, run_end  # 三四, 十四五, 万一: not one number; 零 (零容忍, 零部件): no quantity
    value = float(integer)
    end = run_end
    decimal = CN_DECIMAL.match(folded, end)
    if decimal is not None:
        value = float(f"{integer}.{''.join(str(CN_DIGITS[c]) for c in decimal.group(1))}")
        end = decimal.end()
    tail = _read_tail(folded, end, chinese=True)
    end = tail.end
    if tail.kind == "reference" or (
        tail.surface_unit == "次" and folded[end : end + 2] in ORDINAL_AFTER_CI
    ):
        return None, end
    first = _approx_start(folded, start, floor)
    if first == start and run[0] in "百千万亿" and folded[start - 1 : start] == "上":
        first = start - 1 if start - 1 >= floor else start  # 上百种, 上千人
    approx = tail.approx or first != start
    has_digit = any(char in CN_DIGITS for char in run)
    reached = folded[max(0, start - 2) : start] in REACHED_BEFORE or previous == "达"
    if not has_digit and run != "十" and not approx and not reached:
        return None, end  # 万人拥有, 千家, 百日: a bare magnitude is a word part
    multiplier = tail.multiplier
    if multiplier == 1.0:
        multiplier = next((f for big, f in RUN_ENDS if run.endswith(big)), 1.0)
    scaled = multiplier != 1.0 or "万" in run or "亿" in run
    value = float(Decimal(repr(value)) * Decimal(tail.multiplier)) + tail.add
    provisional = False
    if not tail.unit:
        if has_digit and (run[-1] in "万亿" or tail.multiplier != 1.0):
            pass  # 一百二十万: a quantity even without a measure word
        elif folded[end : end + 1] in RANGE_LINKS and CANDIDATE.match(folded, end + 1):
            provisional = True  # 三至五年: kept if the range pass completes it
        else:
            return None, end  # a numeral needs a measure word to be a figure
    elif folded[end : end + 1] in CN_CHARS and folded[end : end + 1] != "":
        return None, end  # 五个一批, 两个一百年: a slogan pattern, not a quantity
    if _in_short_quote(folded, start, end) or _in_idiom(folded, start, end):
        return None, end
    kind = tail.kind or _unitless_kind(scaled)
    return _Found(first, end, value, tail.unit, kind, multiplier, provisional), end


def _chinese_fraction(
    folded: str, start: int, fraction: re.Match[str], floor: int
) -> tuple[_Found | None, int]:
    end = fraction.end()
    denominator = parse_chinese_integer(fraction.group("den"))
    numerator = _chinese_number(fraction.group("num"))
    if not denominator or numerator is None:
        return None, end
    first = _approx_start(folded, start, floor)
    if denominator == 100:
        return _Found(first, end, numerator, "%", "percent"), end
    if denominator == 1000:
        return _Found(first, end, numerator, "‰", "percent"), end
    return _Found(first, end, numerator / denominator, "", "other"), end


def _complete_ranges(found: list[_Found], folded: str) -> list[_Found]:
    """3至5万元: the first number takes the magnitude and unit of the second (value 30000 元)."""
    result: list[_Found] = []
    for index, item in enumerate(found):
        following = found[index + 1] if index + 1 < len(found) else None
        if (
            following is not None
            and not item.unit
            and item.kind in ("other", "count")
            and folded[item.end : following.start] in RANGE_LINKS
            and (following.unit or following.kind in ("year", "date") or following.multiplier > 1)
        ):
            value = item.value
            if following.kind == "date":
                value = None
            elif value is not None and item.multiplier == 1.0:
                value = float(Decimal(repr(value)) * Decimal(following.multiplier))
            item = replace(
                item, value=value, unit=following.unit, kind=following.kind, provisional=False
            )
        if not item.provisional:
            result.append(item)
    return result


def find_figures(text: str, folded: str | None = None) -> list[Figure]:
    """The statistics, quantities, years and dates in `text`, in order and never overlapping.

    Offsets are code points into `text`; matching runs on fold_for_search(text) (same length),
    so １３．４３％ is found, and each Figure.text is `text[start:end]`.

    What is found and how it is valued:
    - Arabic numbers (1,234 · 13.43 · full-width) with magnitudes 千/万/亿/万亿 and a measure word:
      229.6亿元 → 22960000000.0 "元" money; 3.37万名 → 33700.0 "名" count; 13.43% → percent;
      4.5个百分点 → unit "个百分点". Without a unit: "other", or "count" when a magnitude was
      applied (747万 → 7470000.0 count, unit ""). One space may stand before the unit (50 人).
    - Approximations are part of the surface text, the value is the base number: 近千人,
      10余个小时, 两千多名, 约3万户, 3万户左右, 5年多.
    - Chinese numerals count only with a measure word (三条线路, 两千多名), or when they end in
      万/亿 (一百二十万); 百分之十三 → 13.0 "%". Left out: a lone 一 (一个, 一批, 统一, 唯一 are
      articles or words), numerals after 第/前/几/数 (ordinals, ranks, indefinites), malformed
      runs (三四个, 十四五, 万一), a bare 百/千/万 without an approximation or 突破/达 (万人拥有,
      千家), levels (五级书记), session numbers (十三届, 三次会议), a measure word followed by a
      numeral (五个一批), numerals in a short quotation or a title (“三本存折”, 《…》), and the
      set phrases and place names in figure_patterns.IDIOMS. A measure word that forms a word
      with the next character (人民, 家庭, 期间) is not taken as a unit.
    - Years: four digits 1000–2199 + 年, or 二〇二〇年 → value 2020.0, unit "年", kind "year".
      Other N年 are spans: kind "other" (as are 天, 小时, 个月, 倍, 岁, lengths, volumes).
    - Dates (kind "date", unit ""): with a year the value is yyyymmdd with 00 for a missing
      part (2020年11月30日 → 20201130.0, 2017年5月 → 20170500.0, 2020-09-16 → 20200916.0);
      without a year (5月24日, 9月, 27日) the value is None. Chinese months need a day (三月的风).
    - Ranges and changes give one figure per number: 从13.43%降至0.36% and 2012年至2019年 give two.
      A bare first number takes the second's magnitude and unit (3至5万元 → "3" = 30000.0 元,
      then "5万元"); 三至五年 likewise.
    - Not statistics, so skipped: ordinals (第3名), times (03:40:44), telephone numbers
      (010-00000000), version strings (1.2.3), tokens with Latin letters (5G, COVID-19), bare
      numbers with leading zeros or of seven or more digits (identifiers), 1版, 5号, list
      markers ((1), 1、 or 1. opening a line).

    `folded` is `fold_for_search(text)` when the caller has it already.
    """
    if folded is None:
        # A surrogate would make OpenCC raise; U+FFFD keeps the length, so the offsets.
        folded = fold_for_search(replace_lone_surrogates(text))
    found: list[_Found] = []
    pos = 0
    while True:
        candidate = CANDIDATE.search(folded, pos)
        if candidate is None:
            break
        if candidate.group(1) is not None:
            item, end = _arabic_at(folded, candidate.start(), candidate.end(), pos)
        else:
            item, end = _chinese_at(folded, candidate.start(), candidate.end(), pos)
        if item is not None:
            found.append(item)
        pos = max(end, candidate.start() + 1)
    return [
        Figure(item.start, item.end, text[item.start : item.end], item.value, item.unit, item.kind)
        for item in _complete_ranges(found, folded)
    ]

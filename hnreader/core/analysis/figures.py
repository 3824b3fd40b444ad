"""Statistics, quantities, years and dates found in a text, with exact code-point offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Context, Decimal, DivisionByZero, InvalidOperation, localcontext

from hnreader.core.analysis.chinese_numerals import (
    CN_CHARS,
    CN_DIGITS,
    LONGEST_NUMERAL,
    parse_chinese_integer,
)
from hnreader.core.analysis.figure_patterns import (
    AFTERNOON_WORDS,
    APPROX_AFTER,
    APPROX_BEFORE_1,
    APPROX_BEFORE_2,
    ARABIC_NUMBER,
    CANDIDATE,
    CLOSE_QUOTES,
    CN_DECIMAL,
    CN_FRACTION,
    CN_MONTH_DATE,
    CN_YEAR_DATE,
    COLLOQUIAL,
    CHENG_NOT_BEFORE,
    DAY_DATE,
    IDIOM_RE,
    IDIOM_REACH,
    ISO_DATE,
    MAGNITUDES,
    MONTH_DATE,
    MONTH_LIST,
    NOT_AFTER,
    NOT_AFTER_CHINESE,
    NOT_AFTER_WORDS,
    NUMBER_RANGE,
    OPEN_QUOTES,
    ORDINAL_AFTER_CI,
    RANGE_LINKS,
    RATIO,
    REACHED_BEFORE,
    REFERENCE_UNITS,
    RUN_ENDS,
    SHORT_QUOTE,
    SLASH_DATE,
    SPACED_DECIMAL,
    TAIL,
    TIME,
    TIME_NOT_BEFORE,
    TOKEN_CHARS,
    TOKEN_RIGHT,
    TRAILING_APPROX_UNITS,
    UNIT_WORDS,
    UNITS,
    YEAR_DATE,
)
from hnreader.core.analysis.figure_ranges import complete_ranges
from hnreader.core.analysis.figure_values import (
    Found,
    date_part,
    iso_date,
    iso_time,
    valid_date,
)
from hnreader.core.models import Figure
from hnreader.core.text.normalize import fold_for_search
from hnreader.core.text.safety import replace_lone_surrogates

# A run of a million digits (hostile input) overflows Decimal's default exponent limit and
# raised decimal.Overflow; untrapped it gives Infinity, as a 400-digit number already gave
# inf through float().
_NO_OVERFLOW = Context(traps=[InvalidOperation, DivisionByZero])  # the default traps but Overflow


@dataclass(frozen=True)
class _Tail:
    end: int
    multiplier: float
    unit: str
    kind: str
    add: float
    approx: str | None
    surface_unit: str


def _approx_start(folded: str, start: int, floor: int) -> tuple[int, str | None]:
    """Where an approximation word before the number starts, and the word."""
    if start - 2 >= floor and folded[start - 2 : start] in APPROX_BEFORE_2:
        return start - 2, folded[start - 2 : start]
    if start - 1 >= floor:
        char = folded[start - 1]
        blockers = APPROX_BEFORE_1.get(char)
        if blockers is not None and (start < 2 or folded[start - 2] not in blockers):
            return start - 1, char
    return start, None


def _read_tail(folded: str, pos: int, chinese: bool) -> _Tail:
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
        or (surface == "块" and not (mag or approx == "把" or chinese))
    ):
        end = match.start("unit")  # 3人民…, 两家庭: the number stands without a unit
        surface = ""
    if approx == "把" and not surface:
        return _Tail(pos, 1.0, "", "", 0.0, None, "")  # 三把椅子: 把 is a measure word here
    unit, kind, add = UNITS.get(surface, ("", "", 0.0))
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
    return _Tail(end, multiplier, unit, kind, add, approx, surface)


def _unitless_kind(scaled: bool) -> str:
    # 747万 (people, said elsewhere in the sentence) is a count; a bare 2021 or 29 is "other".
    return "count" if scaled else "other"


def _in(char: str, chars: str) -> bool:
    """`char` (one character, or "" at the end of the text) is one of `chars`."""
    return bool(char) and char in chars


def _sign_start(folded: str, first: int, floor: int) -> tuple[int, int]:
    """零下二十三摄氏度, -8℃, 负3%: where the span starts and the sign."""
    # 零 alone is never a figure, so 零下 may lie before the floor.
    if first >= 2 and folded[first - 2 : first] == "零下":
        return first - 2, -1
    if first - 1 >= floor and folded[first - 1] in "-负":
        before = folded[first - 2 : first - 1]
        if not (before and (before.isdigit() or before in CN_CHARS)):  # 12-20℃ is a range
            return first - 1, -1
    return first, 1


def _date_found(
    start: int, end: int, year: int | None, month: int | None, day: int | None
) -> Found:
    if year is not None and month is None:
        return Found(start, end, float(year), "年", "year")
    return Found(start, end, iso_date(year, month, day), "", "date", date_part=date_part(month, day))


def _special_at(folded: str, start: int, floor: int) -> Found | None:
    """Times, ratios, (7/5) dates and 7、8、9三个月 at `start` (before the plain readings)."""
    time = TIME.match(folded, start)
    if time is not None and not folded.startswith("时", time.start("h") - 1):
        hour = int(time.group("h"))
        minute = int(time.group("m")) if time.group("m") else None
        after = folded[time.end() : time.end() + 1]
        if 0 <= hour <= 24 and (minute is None or minute < 60) and not _in(after, TIME_NOT_BEFORE):
            first = start
            if hour < 12 and start - 2 >= floor and folded[start - 2 : start] in AFTERNOON_WORDS:
                hour, first = hour + 12, start - 2
            return Found(first, time.end(), iso_time(hour, minute), "", "time")
    ratio = RATIO.match(folded, start)
    if ratio is not None and not folded[ratio.end() : ratio.end() + 1].isdigit():
        value = float(ratio.group(1)) / float(ratio.group(2)) if float(ratio.group(2)) else None
        if value is not None:
            return Found(start, ratio.end(), value, "", "ratio")
    slash = SLASH_DATE.match(folded, start - 1) if start else None
    if slash is not None:
        month, day = int(slash.group(1)), int(slash.group(2))
        if valid_date(month, day):
            return Found(start, slash.end() - 1, iso_date(None, month, day), "", "date")
    months = MONTH_LIST.match(folded, start)
    if months is not None:
        numbers = [int(n) for n in months.group(0).split("个")[0].rstrip(CN_CHARS).split("、")]
        if all(1 <= n <= 12 for n in numbers):
            return Found(
                start, months.end(), None, "", "date",
                value_low=iso_date(None, numbers[0], None),
                value_high=iso_date(None, numbers[-1], None),
            )  # fmt: skip
    return None


def _arabic_at(folded: str, start: int, run_end: int, floor: int) -> tuple[Found | None, int]:
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
    special = _special_at(folded, token_start, floor)
    if special is not None:
        return special, special.end
    iso = ISO_DATE.fullmatch(token)
    if iso is not None:
        year, month, day = int(iso.group(1)), int(iso.group(3)), int(iso.group(4))
        if valid_date(month, day):
            return _date_found(token_start, token_end, year, month, day), token_end
    if ":" in token or "/" in token or token.count(".") > 1:
        return None, token_end  # times 03:40:44, paths, version strings 1.2.3
    if "-" in token and not NUMBER_RANGE.fullmatch(token):
        return None, token_end  # telephone numbers 010-00000000, serials
    start = token_start
    if _in_title(folded, start, token_end):
        return None, token_end  # 《1812序曲》
    date = YEAR_DATE.match(folded, start)
    if date is not None and 1000 <= int(date.group("y")) <= 2199:
        year = int(date.group("y"))
        month = int(date.group("m")) if date.group("m") else None
        day = int(date.group("d")) if date.group("d") else None
        if month is None or not valid_date(month, day):
            end = folded.index("年", start) + 1
            return Found(start, end, float(year), "年", "year"), end
        return _date_found(start, date.end(), year, month, day), date.end()
    date = MONTH_DATE.match(folded, start) or DAY_DATE.match(folded, start)
    if date is not None:
        groups = date.groupdict()
        month = int(groups["m"]) if groups.get("m") else None
        day = int(groups["d"]) if groups.get("d") else None
        if valid_date(month, day):
            return _date_found(start, date.end(), None, month, day), date.end()
    if len(token) == 4 and folded.startswith(("上半年", "下半年"), token_end):
        if 1000 <= int(token) <= 2199:
            return Found(start, token_end, float(token), "年", "year"), token_end
    spaced = SPACED_DECIMAL.match(folded, start)
    if spaced is not None and folded[start - 1 : start] not in ("", "\n"):
        digits, number_end = f"{spaced.group(1)}.{spaced.group(2)}", spaced.end()
    else:
        number = ARABIC_NUMBER.match(folded, start)
        assert number is not None
        digits, number_end = number.group(0), number.end()
    tail = _read_tail(folded, number_end, chinese=False)
    end = tail.end
    if tail.kind == "reference" or (
        tail.surface_unit == "次" and folded[end : end + 2] in ORDINAL_AFTER_CI
    ):
        return None, end
    first, approx = _approx_start(folded, start, floor)
    if folded[start - 1 : start] == "第":
        return None, end  # 第3名: a rank
    # Decimal keeps 2.3亿 at 230000000.0 (in binary floating point 2.3 × 1e8 is 229999999.99…).
    with localcontext(_NO_OVERFLOW):
        amount = Decimal(digits.replace(",", "")) * Decimal(tail.multiplier)
        multiplier, unit, kind = tail.multiplier, tail.unit, tail.kind
        mixed = re.compile(r"[0-9]{1,4}(?=万)").match(folded, end)
        if tail.multiplier == 1e8 and not tail.unit and mixed is not None:
            # 3亿3261万例 is one number (332610000), not 3亿 and 3261万例.
            rest = _read_tail(folded, mixed.end(), chinese=False)
            amount += Decimal(mixed.group(0)) * Decimal(rest.multiplier)
            end, unit, kind = rest.end, rest.unit, rest.kind
            approx = approx or rest.approx
        value = float(amount) + tail.add
    approx = approx or tail.approx
    scaled = multiplier != 1.0
    if not unit and not scaled:
        plain = digits.replace(",", "")
        if (plain.startswith("0") and "." not in plain and len(plain) > 1) or (
            "," not in digits and "." not in digits and len(digits) >= 7
        ):
            return None, end  # leading zeros or long digit runs: codes and identifiers
        before, after = folded[start - 1 : start].strip(" "), folded[end : end + 1]
        if (before == "(" and after == ")") or (before in ("", "\n") and after in ("、", ".")):
            return None, end  # list markers: (1), 1、 and 1. at the start of a line
        if after == "后" and len(plain) == 2:
            return None, end  # 85后, 00后: a generation
        if folded[max(0, start - 3) : start].endswith(NOT_AFTER_WORDS):
            return None, end  # 拨打110, 新闻条数：20
        if before == "-" or (folded[start - 1 : start] == " " and folded[start - 2 : start - 1].isalpha() and folded[start - 2 : start - 1].isascii()):
            return None, end  # 硫磺石-2型, Top 20: part of a name
    if unit == "公里" and folded[first - 2 : first] == "时速":
        unit, kind = "公里/小时", "other"  # 时速350公里
    first, sign = _sign_start(folded, first, floor) if approx is None else (first, 1)
    if sign < 0:
        value = -value
    kind = kind or _unitless_kind(scaled)
    return Found(first, end, value, unit, kind, multiplier, approx=approx, sign=sign), end


def _in_title(folded: str, start: int, end: int) -> bool:
    before = folded[max(0, start - SHORT_QUOTE) : start]
    opened = before.rfind("《")
    if opened < 0 or "》" in before[opened:]:
        return False
    closes = folded.find("》", end, end + SHORT_QUOTE)
    return closes >= 0


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


def _chinese_date_at(folded: str, start: int) -> Found | None:
    date = CN_YEAR_DATE.match(folded, start)
    if date is not None:
        year = int("".join(str(CN_DIGITS[char]) for char in date.group("y")))
        if not 1000 <= year <= 2199:
            return None
        if date.group("m") is None:
            return Found(start, start + 5, float(year), "年", "year")
        month = parse_chinese_integer(date.group("m"))
        day = parse_chinese_integer(date.group("d")) if date.group("d") else None
        return _date_found(start, date.end(), year, month, day)
    date = CN_MONTH_DATE.match(folded, start)
    if date is not None:
        month = parse_chinese_integer(date.group("m"))
        day = parse_chinese_integer(date.group("d"))
        return _date_found(start, date.end(), None, month, day)
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


def _cheng_at(folded: str, start: int, run: str, floor: int) -> Found | None:
    """六成, 近八成, 二成五: N成 is N×10 %."""
    tenths = parse_chinese_integer(run)
    end = start + len(run) + 1
    if tenths is None or not 1 <= tenths <= 10 or _in(folded[end : end + 1], CHENG_NOT_BEFORE):
        return None
    value = tenths * 10.0
    if _in(folded[end : end + 1], "一二三四五六七八九"):
        value += CN_DIGITS[folded[end]]
        end += 1
    if folded[start - 1 : start] in NOT_AFTER or (run == "一" and folded[start - 1 : start] != "近"):
        return None
    first, approx = _approx_start(folded, start, floor)
    return Found(first, end, value, "%", "percent", approx=approx)


def _colloquial_at(folded: str, start: int, run: str, floor: int) -> Found | None:
    """三四个月, 两三年, 三四百人, 四五月份: one range."""
    match = COLLOQUIAL.fullmatch(run)
    if match is None:
        return None
    low, high = CN_DIGITS[match.group(1)], CN_DIGITS[match.group(2)]
    if not (high == low + 1 or (low, high) == (3, 5)):
        return None
    end = start + len(run)
    factor = {"十": 10, "百": 100, "千": 1000, "万": 10_000}.get(match.group(3), 1)
    if folded.startswith("月", end) and factor == 1 and low != 2:
        month_end = end + 1 + folded.startswith("份", end + 1)
        return Found(
            start, month_end, None, "", "date",
            value_low=iso_date(None, low, None), value_high=iso_date(None, high, None),
        )  # fmt: skip
    tail = _read_tail(folded, end, chinese=True)
    if not tail.unit or tail.kind == "reference":
        return None
    factor = int(factor * tail.multiplier)
    return Found(
        start, tail.end, None, tail.unit, tail.kind,
        value_low=float(low * factor), value_high=float(high * factor), approx=tail.approx,
    )  # fmt: skip


def _chinese_at(folded: str, start: int, run_end: int, floor: int) -> tuple[Found | None, int]:
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
    if previous == "前" and (
        folded[start - 2 : start - 1] in ("目", "以", "之", "提", "此")
        or (run != "一" and folded.startswith(("个月", "年", "天", "周"), run_end))
    ):
        previous = ""  # 目前三名, 前十个月 (the first ten months) are figures; 前十位 is a rank
    if previous in NOT_AFTER or _in_idiom(folded, start, run_end + 2):
        return None, run_end
    if run == "两" and folded.startswith("月", run_end) and not folded.startswith("月份", run_end):
        return Found(start, run_end + 1, 2.0, "月", "duration"), run_end + 1  # 时隔两月
    if run == "两" and folded.startswith(("国", "岸", "会"), run_end):
        return None, run_end  # 两国: the two countries (both), not a count
    if run == "一" and previous == "的" and not _in(folded[run_end + 1 : run_end + 2], "内里"):
        return None, run_end  # 具有里程碑意义的一年: a determiner (截至13日的一周内 is a week)
    if folded.startswith("成", run_end):
        cheng = _cheng_at(folded, start, run, floor)
        if cheng is not None:
            return cheng, cheng.end
    colloquial = _colloquial_at(folded, start, run, floor)
    if colloquial is not None:
        return colloquial, colloquial.end
    month = parse_chinese_integer(run)
    if (
        folded.startswith("月", run_end)
        and month is not None
        and 1 <= month <= 12
        and run[0] != "两"
        and not folded.startswith("月份", run_end)
    ):
        return _date_found(start, run_end + 1, None, month, None), run_end + 1  # 一月, 十二月
    if run == "一" and not folded.startswith(("个月", "周", "年", "天"), run_end):
        # A lone 一 is an article, not a statistic (一个, 一批, 统一, 唯一, 一是).
        return None, run_end
    if _in(previous, "统唯万") and run == "一":
        return None, run_end
    if folded[run_end : run_end + 1] == "几":
        return None, run_end  # 十几: indefinite
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
    first, approx = _approx_start(folded, start, floor)
    if first == start and run[0] in "百千万亿" and folded[start - 1 : start] == "上":
        if start - 1 >= floor:
            first, approx = start - 1, "上"  # 上百种, 上千人
    approx = approx or tail.approx
    has_digit = any(char in CN_DIGITS for char in run) or (run[0] == "十" and len(run) > 1)
    reached = folded[max(0, start - 2) : start] in REACHED_BEFORE or previous == "达"
    measured = tail.kind in ("area", "weight", "length", "volume", "money")
    if not has_digit and run != "十" and not approx and not reached and not measured:
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
    elif _in(folded[end : end + 1], CN_CHARS):
        return None, end  # 五个一批, 两个一百年: a slogan pattern, not a quantity
    if tail.kind == "duration" and run == "两" and folded.startswith("前", end):
        return None, end  # 两年前: a relative time, no figure (issue 14)
    quoted = _in_short_quote(folded, start, end) and not (
        tail.kind in ("money", "percent") or value >= 100
    )
    if quoted or _in_idiom(folded, start, end):
        return None, end
    first, sign = _sign_start(folded, first, floor) if approx is None else (first, 1)
    if sign < 0:
        value = -value
    kind = tail.kind or _unitless_kind(scaled)
    return (
        Found(first, end, value, tail.unit, kind, multiplier, provisional, approx, sign=sign),
        end,
    )


def _chinese_fraction(
    folded: str, start: int, fraction: re.Match[str], floor: int
) -> tuple[Found | None, int]:
    end = fraction.end()
    denominator = parse_chinese_integer(fraction.group("den"))
    numerator = _chinese_number(fraction.group("num"))
    if not denominator or numerator is None:
        return None, end
    first, approx = _approx_start(folded, start, floor)
    if approx is None and folded[start - 2 : start] in ("约占", "近占"):
        first, approx = start - 2, folded[start - 2]
    if denominator == 100:
        return Found(first, end, numerator, "%", "percent", approx=approx), end
    if denominator == 1000:
        return Found(first, end, numerator, "‰", "percent", approx=approx), end
    return Found(first, end, numerator / denominator, "", "ratio", approx=approx), end


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
    found: list[Found] = []
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
        Figure(
            item.start,
            item.end,
            text[item.start : item.end],
            item.value,
            item.unit,
            item.kind,
            item.value_low,
            item.value_high,
            item.approx,
            item.sign,
            item.direction,
        )
        for item in complete_ranges(found, folded)
    ]

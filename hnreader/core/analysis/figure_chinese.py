"""Figures written in Chinese numerals: 两千多名, 百分之十三, 六成, 三四个月, 一月."""

from __future__ import annotations

import re
from decimal import Decimal

from hnreader.core.analysis.chinese_numerals import (
    CN_CHARS,
    CN_DIGITS,
    LONGEST_NUMERAL,
    parse_chinese_integer,
)
from hnreader.core.analysis.figure_patterns import (
    APPROX_AFTER,
    CANDIDATE,
    CHENG_NOT_BEFORE,
    CN_DECIMAL,
    CN_FRACTION,
    CN_MONTH_DATE,
    CN_YEAR_DATE,
    COLLOQUIAL,
    MONTH_BEFORE,
    NOT_AFTER,
    ORDINAL_AFTER_CI,
    RANGE_LINKS,
    REACHED_BEFORE,
    RUN_ENDS,
)
from hnreader.core.analysis.figure_reading import (
    approx_start,
    date_found,
    in_chars,
    in_idiom,
    in_short_quote,
    read_tail,
    sign_start,
    unitless_kind,
)
from hnreader.core.analysis.figure_values import (
    Found,
    iso_date,
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
        return date_found(start, date.end(), year, month, day)
    date = CN_MONTH_DATE.match(folded, start)
    if date is not None:
        month = parse_chinese_integer(date.group("m"))
        day = parse_chinese_integer(date.group("d"))
        return date_found(start, date.end(), None, month, day)
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
    if tenths is None or not 1 <= tenths <= 10 or in_chars(folded[end : end + 1], CHENG_NOT_BEFORE):
        return None
    value = tenths * 10.0
    if in_chars(folded[end : end + 1], "一二三四五六七八九"):
        value += CN_DIGITS[folded[end]]
        end += 1
    before = folded[start - 1 : start]
    if before in NOT_AFTER or (run == "一" and before != "近"):
        return None  # 一成不变; 近一成 is a share
    first, approx = approx_start(folded, start, floor)
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
    tail = read_tail(folded, end, chinese=True)
    if not tail.unit or tail.kind == "reference":
        return None
    factor = int(factor * tail.multiplier)
    return Found(
        start, tail.end, None, tail.unit, tail.kind,
        value_low=float(low * factor), value_high=float(high * factor), approx=tail.approx,
    )  # fmt: skip


def _month_context(folded: str, start: int) -> bool:
    """A Chinese month without a day is a date at a clause start or after 自/到/在/今年…
    (自一月的45萬支，一路下滑到四月的36.3萬支)."""
    before = folded[max(0, start - 2) : start]
    return (
        not before
        or before[-1] in MONTH_BEFORE
        or before in ("今年", "去年", "明年", "前年", "当年", "同年")
    )


def chinese_at(folded: str, start: int, run_end: int, floor: int) -> tuple[Found | None, int]:
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
    if previous in NOT_AFTER:
        return None, run_end
    if run == "两" and folded.startswith("月", run_end) and not folded.startswith("月份", run_end):
        return Found(start, run_end + 1, 2.0, "月", "duration"), run_end + 1  # 时隔两月
    if run == "两" and folded.startswith(("国", "岸", "会"), run_end):
        return None, run_end  # 两国: the two countries (both), not a count
    if run == "一" and previous == "的" and not in_chars(folded[run_end + 1 : run_end + 2], "内里"):
        return None, run_end  # 具有里程碑意义的一年: a determiner (截至13日的一周内 is a week)
    if folded.startswith("成", run_end):
        cheng = _cheng_at(folded, start, run, floor)
        if cheng is not None and not in_idiom(folded, start, cheng.end):
            return cheng, cheng.end
    colloquial = _colloquial_at(folded, start, run, floor)
    if colloquial is not None and not in_idiom(folded, start, colloquial.end):
        return colloquial, colloquial.end
    month = parse_chinese_integer(run)
    if (
        folded.startswith("月", run_end)
        and month is not None
        and 1 <= month <= 12
        and run[0] != "两"
        and not folded.startswith("月份", run_end)
    ):
        if not _month_context(folded, start):
            return None, run_end + 1  # 送你三月的风: a season in a poem, not a date
        return date_found(start, run_end + 1, None, month, None), run_end + 1  # 一月, 十二月
    if run == "一" and not folded.startswith(("个月", "周", "年", "天"), run_end):
        # A lone 一 is an article, not a statistic (一个, 一批, 统一, 唯一, 一是).
        return None, run_end
    if in_chars(previous, "统唯万") and run == "一":
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
    tail = read_tail(folded, end, chinese=True)
    end = tail.end
    if tail.kind == "reference" or (
        tail.surface_unit == "次" and folded[end : end + 2] in ORDINAL_AFTER_CI
    ):
        return None, end
    first, approx = approx_start(folded, start, floor)
    up = first == start and start - 1 >= floor and folded[start - 1 : start] == "上"
    if up and run[0] in "百千万亿":
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
    elif in_chars(folded[end : end + 1], CN_CHARS):
        return None, end  # 五个一批, 两个一百年: a slogan pattern, not a quantity
    if tail.kind == "duration" and run == "两" and folded.startswith("前", end):
        return None, end  # 两年前: a relative time, no figure (issue 14)
    quoted = in_short_quote(folded, start, end) and not (
        tail.kind in ("money", "percent") or value >= 100
    )
    if quoted or in_idiom(folded, start, end):
        return None, end
    first, sign = sign_start(folded, first, floor) if approx is None else (first, 1)
    if sign < 0:
        value = -value
    kind = tail.kind or unitless_kind(scaled)
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
    first, approx = approx_start(folded, start, floor)
    if approx is None and folded[start - 2 : start] in ("约占", "近占", "约为", "约有"):
        first, approx = start - 2, folded[start - 2]  # 约占三分之一 (the gold's span)
    for word in APPROX_AFTER:
        if folded.startswith(word, end) and word != "上下":
            end += 2
            approx = approx or word  # 百分之五十以上
            break
    if denominator == 100:
        return Found(first, end, numerator, "%", "percent", approx=approx), end
    if denominator == 1000:
        return Found(first, end, numerator, "‰", "percent", approx=approx), end
    return Found(first, end, numerator / denominator, "", "ratio", approx=approx), end

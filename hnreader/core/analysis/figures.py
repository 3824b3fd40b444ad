"""Statistics, quantities, years and dates found in a text, with exact code-point offsets."""

from __future__ import annotations

from decimal import Context, Decimal, DivisionByZero, InvalidOperation, localcontext

from hnreader.core.analysis.chinese_numerals import (
    CN_CHARS,
)
from hnreader.core.analysis.figure_chinese import chinese_at
from hnreader.core.analysis.figure_patterns import (
    AFTERNOON_WORDS,
    ARABIC_NUMBER,
    CANDIDATE,
    CHENG_NOT_BEFORE,
    DAY_DATE,
    DAY_TIME_WORDS,
    ISO_DATE,
    MIXED_WAN,
    MONEY_BEFORE,
    MONTH_DATE,
    MONTH_LIST,
    NOT_AFTER_WORDS,
    NUMBER_RANGE,
    ORDINAL_AFTER_CI,
    RATIO,
    RATIO_BEFORE,
    SLASH_DATE,
    SPACED_DECIMAL,
    TIME,
    TIME_NOT_BEFORE,
    TOKEN_CHARS,
    TOKEN_RIGHT,
    YEAR_DATE,
)
from hnreader.core.analysis.figure_ranges import complete_ranges
from hnreader.core.analysis.figure_reading import (
    approx_start,
    date_found,
    in_chars,
    in_title,
    read_tail,
    sign_start,
    unitless_kind,
)
from hnreader.core.analysis.figure_values import (
    Found,
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


def _special_at(folded: str, start: int, floor: int, token: str, after: str) -> Found | None:
    """Times, ratios, (7/5) dates and 7、8、9三个月 at `start` (before the plain readings);
    `token` is the digit token there, `after` the character after it (each pattern is only
    tried when they allow it: most numbers are none of these)."""
    if after in ("时", "点"):
        found = _time_at(folded, start, floor)
        if found is not None or after == "时":
            return found
    if ":" in token:
        ratio = RATIO.match(folded, start)
        if ratio is not None and not folded[ratio.end() : ratio.end() + 1].isdigit():
            value = float(ratio.group(1)) / float(ratio.group(2)) if float(ratio.group(2)) else None
            if value is not None:
                return Found(start, ratio.end(), value, "", "ratio")
    if "/" in token and start and folded[start - 1] == "(":
        slash = SLASH_DATE.match(folded, start - 1)
        if slash is not None:
            month, day = int(slash.group(1)), int(slash.group(2))
            if valid_date(month, day):
                return Found(start, slash.end() - 1, iso_date(None, month, day), "", "date")
    if after == "、":
        months = MONTH_LIST.match(folded, start)
        if months is not None:
            parts = months.group(0).split("个")[0].rstrip(CN_CHARS).split("、")
            numbers = [int(n) for n in parts]
            if all(1 <= n <= 12 for n in numbers):
                return Found(
                    start, months.end(), None, "", "date",
                    value_low=iso_date(None, numbers[0], None),
                    value_high=iso_date(None, numbers[-1], None),
                )  # fmt: skip
    return None


def _time_at(folded: str, start: int, floor: int) -> Found | None:
    time = TIME.match(folded, start)
    if time is None or (start and folded[start - 1] == "时"):
        return None
    hour = int(time.group("h"))
    minute = int(time.group("m")) if time.group("m") else 30 if time.group("half") else None
    after = folded[time.end() : time.end() + 1]
    if not (0 <= hour <= 24 and (minute is None or minute < 60)):
        return None
    if in_chars(after, TIME_NOT_BEFORE) and not time.group("about"):
        return None
    word = folded[start - 2 : start] if start - 2 >= floor else ""
    if time.group("mark") == "点" and minute is None and word not in DAY_TIME_WORDS:
        return None  # 3点意见: points, not o'clock
    first = start
    if hour < 12 and word in AFTERNOON_WORDS:
        hour, first = hour + 12, start - 2
    return Found(first, time.end(), iso_time(hour, minute), "", "time", approx=time.group("about"))


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
    special = _special_at(folded, token_start, floor, token, folded[token_end : token_end + 1])
    if special is not None:
        return special, special.end
    iso = ISO_DATE.fullmatch(token)
    if iso is not None:
        iso_parts = int(iso.group(1)), int(iso.group(3)), int(iso.group(4))
        if valid_date(*iso_parts[1:]):
            return date_found(token_start, token_end, *iso_parts), token_end
    if ":" in token or "/" in token or token.count(".") > 1:
        return None, token_end  # times 03:40:44, paths, version strings 1.2.3
    if "-" in token and not NUMBER_RANGE.fullmatch(token):
        return None, token_end  # telephone numbers 010-00000000, serials
    start = token_start
    if in_title(folded, start, token_end):
        return None, token_end  # 《1812序曲》
    date = YEAR_DATE.match(folded, start)
    if date is not None and 1000 <= int(date.group("y")) <= 2199:
        year = int(date.group("y"))
        month = int(date.group("m")) if date.group("m") else None
        day = int(date.group("d")) if date.group("d") else None
        if month is None or not valid_date(month, day):
            end = folded.index("年", start) + 1
            return Found(start, end, float(year), "年", "year"), end
        return date_found(start, date.end(), year, month, day), date.end()
    date = MONTH_DATE.match(folded, start) or DAY_DATE.match(folded, start)
    if date is not None:
        groups = date.groupdict()
        month = int(groups["m"]) if groups.get("m") else None
        day = int(groups["d"]) if groups.get("d") else None
        if valid_date(month, day):
            return date_found(start, date.end(), None, month, day), date.end()
    if folded.startswith("成", token_end) and token.isdigit() and 1 <= int(token) <= 10:
        following = folded[token_end + 1 : token_end + 2]
        if not in_chars(following, CHENG_NOT_BEFORE):
            value = int(token) * 10.0
            end = token_end + 1
            if following.isdigit():
                value, end = value + int(following), end + 1  # 5成5 → 55 %
            first, approx = approx_start(folded, start, floor)
            return Found(first, end, value, "%", "percent", approx=approx), end
    half = folded.startswith(("上半年", "下半年"), token_end)
    if half and len(token) == 4 and 1000 <= int(token) <= 2199:
        return Found(start, token_end, float(token), "年", "year"), token_end  # 2024上半年
    spaced = SPACED_DECIMAL.match(folded, start)
    if spaced is not None and folded[start - 1 : start] not in ("", "\n"):
        digits, number_end = f"{spaced.group(1)}.{spaced.group(2)}", spaced.end()
    else:
        number = ARABIC_NUMBER.match(folded, start)
        assert number is not None
        digits, number_end = number.group(0), number.end()
    tail = read_tail(folded, number_end, chinese=False)
    end = tail.end
    if tail.kind == "reference" or (
        tail.surface_unit == "次" and folded[end : end + 2] in ORDINAL_AFTER_CI
    ):
        return None, end
    first, approx = approx_start(folded, start, floor)
    if folded[start - 1 : start] == "第":
        return None, end  # 第3名: a rank
    # Decimal keeps 2.3亿 at 230000000.0 (in binary floating point 2.3 × 1e8 is 229999999.99…).
    with localcontext(_NO_OVERFLOW):
        amount = Decimal(digits.replace(",", "")) * Decimal(tail.multiplier)
        multiplier, unit, kind = tail.multiplier, tail.unit, tail.kind
        mixed = MIXED_WAN.match(folded, end)
        if tail.multiplier == 1e8 and not tail.unit and mixed is not None:
            # 3亿3261万例 is one number (332610000), not 3亿 and 3261万例.
            rest = read_tail(folded, mixed.end(), chinese=False)
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
        letter = folded[start - 2 : start - 1]
        if before == "-" or (
            folded[start - 1 : start] == " " and letter.isascii() and letter.isalpha()
        ):
            return None, end  # 硫磺石-2型, Top 20: part of a name
    if unit == "公里" and folded[first - 2 : first] == "时速":
        unit, kind = "公里/小时", "other"  # 时速350公里
    first, sign = sign_start(folded, first, floor) if approx is None else (first, 1)
    if sign < 0:
        value = -value
        if unit == "度" and folded.startswith("零下", first):
            unit, kind = "℃", "temperature"  # 零下30度: degrees of temperature
    if unit == "度" and folded[first - 2 : first] == "摄氏":
        unit, kind = "℃", "temperature"  # 摄氏35度
    if not unit:
        before = folded[max(0, first - 4) : first]
        if before.endswith(RATIO_BEFORE):
            kind = "ratio"  # 收入比值2.62
        elif scaled and any(word in before for word in MONEY_BEFORE):
            kind = "money"  # 总规划投资85亿: money with no currency written
    kind = kind or unitless_kind(scaled)
    return Found(first, end, value, unit, kind, multiplier, approx=approx, sign=sign), end


def _as_written(text: str, folded: str, item: Found) -> str | None:
    """The approximation word as the text has it (約, not the folded 约)."""
    if item.approx is None:
        return None
    at = folded.find(item.approx, item.start, item.end)
    return text[at : at + len(item.approx)] if at >= 0 else item.approx


# The figure model stored figures follow; bump it when find_figures' output changes, so
# projects re-derive their figures (store meta "figures_version", see reindexing.py).
FIGURES_VERSION = "2"


def find_figures(text: str, folded: str | None = None) -> list[Figure]:
    """The statistics, quantities, years, dates and times in `text`, in order and never
    overlapping (the figure model of issue 14; conventions in benchmarks/devset/figures/).

    Offsets are code points into `text`; matching runs on fold_for_search(text) (same length),
    so １３．４３％ is found, and each Figure.text is `text[start:end]`.

    What is found and how it is valued:
    - Arabic numbers (1,234 · 13.43 · 15. 8 · full-width) with magnitudes 千/万/亿/万亿/兆 (one
      space may stand before them or the unit: 5 兆美元, 50 人) and mixed ones (3亿3261万例 →
      332610000.0): 229.6亿元 → 22960000000.0 "元" money; 3.37万名 → 33700.0 "人" count;
      13.43% → percent; 4.5个百分点 → percentage_points. Without a unit: "other", or "count"
      when a magnitude was applied (747万 → 7470000.0 count, unit "").
    - Units are normalised (名/位/口 → 人, 块/块钱/元人民币 → 元, 摄氏度 → ℃, 时速…公里 →
      公里/小时) and give the kind (duration, length, area, weight, volume, temperature ...).
    - Approximation and bound words are in the span and in `approx`; the value is the base
      number: 近千人, 10余个小时, 两千多名, 约3万户, 3万户左右, 至少32人, 55%以上.
    - Signs: 零下二十三摄氏度, －8℃ → negative value, sign -1.
    - Chinese numerals count with a measure word (三条线路, 两千多名), when they end in 万/亿
      (一百二十万), as N成 (六成 → 60 "%"), colloquial ranges (三四个月 → 3–4), months (一月 →
      "--01") and fractions (百分之十三 → 13.0 "%", 三分之一 → ratio). Left out: a lone 一 as an
      article, numerals after 第/前/几/数/这/每 (ordinals, ranks, indefinites, deictics), a bare
      百/千/万 without an approximation, 突破/达 or a measurement unit, levels (五级书记),
      session numbers (十三届, 三次会议), slogans (五个一批), numerals in a short quotation or
      title (“三本存折”, 《…》) unless money or a large number, 两年前, 两国, and the set
      phrases in figure_patterns.IDIOMS. A measure word that forms a word with the next
      character (人民, 家庭, 期间) is not taken as a unit.
    - Years: four digits 1000–2199 + 年 (2011 年 too, 2024上半年), or 二〇二〇年 → 2020.0,
      unit "年", kind "year". Other N年 are durations.
    - Dates are ISO strings (2020年11月30日 → "2020-11-30", 2017年5月 → "2017-05", 5月24日 →
      "--05-24", 9月 → "--09", 27日 → "---27", (7/5) → "--07-05"); times too (10时30分 →
      "10:30", 晚上8时18分 → "20:18").
    - Ranges are one figure, value None, value_low/value_high (4-6%, 3至5万元 → 30000–50000 元,
      1—10月份 → "--01"–"--10", 2022年1月18日至20日, 0—24时, 7、8、9三个月). A change written as
      two figures (从13.43%降至0.36%) stays two, each with both ends and its direction.
    - Not statistics, so skipped: ordinals (第3名), clock readings (03:40:44), telephone
      numbers (010-00000000, 拨打110), version strings (1.2.3), tokens with Latin letters (5G,
      COVID-19), generations (85后), bare numbers with leading zeros or of seven or more
      digits, 1版, 5号, list markers ((1), 1、 or 1. opening a line), titles (《1812序曲》).

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
            item, end = chinese_at(folded, candidate.start(), candidate.end(), pos)
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
            _as_written(text, folded, item),
            item.sign,
            item.direction,
        )
        for item in complete_ranges(found, folded)
    ]

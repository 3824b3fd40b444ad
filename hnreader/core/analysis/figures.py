"""Statistics, quantities, years and dates found in a text, with exact code-point offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Context, Decimal, DivisionByZero, InvalidOperation, localcontext

from hnreader.core.models import Figure
from hnreader.core.text.normalize import fold_for_search
from hnreader.core.text.safety import replace_lone_surrogates

# --- Chinese numerals -----------------------------------------------------------------------

_CN_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4,
    "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9,
    "玖": 9,
}  # fmt: skip
_CN_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_CHARS = "".join(_CN_DIGITS) + "".join(_CN_SMALL) + "万亿"
_CN_PLAIN_DIGITS = "〇零一二三四五六七八九"  # digit-by-digit years and decimals (二〇二〇, 三点五)
_LONGEST_NUMERAL = 24  # longer runs are not parsed (and parsing recurses once per 万/亿)
# A run of a million digits (hostile input) overflows Decimal's default exponent limit and
# raised decimal.Overflow; untrapped it gives Infinity, as a 400-digit number already gave
# inf through float().
_NO_OVERFLOW = Context(traps=[InvalidOperation, DivisionByZero])  # the default traps but Overflow


def _below_10000(numeral: str) -> int | None:
    """三千零五 → 3005, 十八 → 18, 千 → 1000; None for a malformed run such as 三四 or 百十."""
    value = 0
    digit: int | None = None
    last_multiplier = 10_000
    zero = False
    for char in numeral:
        if char in _CN_DIGITS:
            if digit is not None:
                return None  # two digits in a row: 三四个 ("three or four") has no single value
            if _CN_DIGITS[char] == 0:
                zero = True
            else:
                digit = _CN_DIGITS[char]
        else:
            multiplier = _CN_SMALL[char]
            if multiplier >= last_multiplier:
                return None
            if digit is None:
                if value or zero:
                    return None
                digit = 1  # a leading 十/百/千 means one of it: 十八, 百余人, 千余次
            value += digit * multiplier
            digit, last_multiplier, zero = None, multiplier, False
    if digit is not None:
        # Colloquial 两千五 is 2500; after 零 (两千零五) the digit is units.
        value += digit * (last_multiplier // 10 if last_multiplier < 10_000 and not zero else 1)
    return value


def parse_chinese_integer(numeral: str) -> int | None:
    """一百二十万 → 1200000, 三万亿 → 3000000000000; None if `numeral` is not well formed."""
    if not numeral:
        return None
    for big, factor in (("亿", 10**8), ("万", 10**4)):
        index = numeral.rfind(big) if big == "亿" else numeral.find(big)
        if index < 0:
            continue
        head, tail = numeral[:index], numeral[index + 1 :]
        if not head and tail:
            return None  # 万一 (a word), not 一万
        head_value = parse_chinese_integer(head) if head else 1
        if head_value is None:
            return None
        if not tail:
            return head_value * factor
        if len(tail) == 1 and tail in _CN_DIGITS and _CN_DIGITS[tail]:
            return head_value * factor + _CN_DIGITS[tail] * factor // 10  # 三万五 = 35000
        tail_value = parse_chinese_integer(tail.lstrip("零〇"))
        if tail_value is None or tail_value >= factor:
            return None
        return head_value * factor + tail_value
    return _below_10000(numeral)


# --- Units ----------------------------------------------------------------------------------

# surface → (unit stored in Figure.unit, kind, added value). The added value serves 1个半月 (1.5).
_UNITS: dict[str, tuple[str, str, float]] = {}


def _units(kind: str, names: str, unit: str | None = None, add: float = 0.0) -> None:
    for name in names.split():
        _UNITS[name] = (unit if unit is not None else name, kind, add)


_units("money", "元 美元 欧元 日元 港元 港币 英镑 澳元 韩元 卢布")
_units("money", "块钱 元人民币 人民币", "元")
_units("percent", "% ‰")
_units("percent", "个百分点 百分点", "个百分点")
_units(
    "count",
    "人次 人 户次 户 个 家 名 位 支 座 村 县 所 项 件 台 次 期 批 条 套 间 辆 头 只 篇 场 笔 张 "
    "本 份 部 架次 架 艘 株 棵 种 类 处 幅 册 首 门 栋 幢 层 匹 颗 枚 盏 道 例 宗 轮 款 箱",
)
_units("area", "平方公里 平方千米 平方米 平米 公顷 亩")
_units("weight", "吨 公斤 千克 克 斤")
_units(
    "other",
    "公里 千米 米 厘米 毫米 海里 立方米 升 毫升 千瓦时 千瓦 兆瓦 度 ℃ 摄氏度 倍 周岁 岁 周年 "
    "年 个月 天 周 星期 小时 钟头 分钟 秒 工作日 级",
)
_units("other", "个小时", "小时")
_units("other", "个星期", "星期")
_units("other", "个工作日", "工作日")
_units("other", "个半月", "个月", 0.5)
_units("other", "个半小时", "小时", 0.5)
_units("other", "年半", "年", 0.5)
_units("other", "个多月", "个月")
_units("other", "个多小时", "小时")
# Ordinal or reference markers: 十三届, 1版, 5号文件 are not statistics; the figure is dropped.
_REFERENCE_UNITS = ("届", "版", "号")
# After a Chinese numeral these are levels, not quantities: 五级书记, 三级培训体系, 一度.
_NOT_AFTER_CHINESE = frozenset({"级", "度"})
# Units after which a trailing 多/余 still belongs to the figure (5年多来, 两个多月).
_TRAILING_APPROX_UNITS = frozenset(
    {"年", "个月", "天", "周", "星期", "小时", "分钟", "秒", "岁", "倍"}
)

# A unit character followed by one of these makes a word, not a measure: 3人民 is not "3 people".
_UNIT_WORDS = {
    "人": "民员才口类生士心家物数均力工格间身气",
    "个": "人体性别案",
    "家": "庭长乡园属中门人里族境务风电具政底",
    "名": "单片字称义牌誉胜城校人企家",
    "位": "置于",
    "支": "持出付部援撑柱",
    "座": "谈位",
    "所": "有以在得属谓",
    "项": "目",
    "次": "要日",
    "期": "间待望限末刊货",
    "条": "件例款",
    "场": "所景地合馆",
    "头": "部脑",
    "年": "级代龄轻华货会",
    "天": "气然下地空津天",
    "户": "籍口外主型",
    "台": "湾风阶",
    "批": "准评示复",
    "套": "餐",
    "间": "隔",
    "只": "有是要能",
    "元": "素旦宵首",
    "道": "路德理",
    "种": "植子养",
    "部": "门署分长队委位",
    "处": "理长于罚",
    "类": "型似",
    "本": "地人身次年市届领质",
    "门": "口槛户",
    "周": "边末围期",
    "克": "服",
    "度": "过",
    "村": "民庄级委里",
    "县": "城委级长区市",
    "米": "饭",
    "倍": "增",
    "亩": "均",
    "升": "级高至为到幅值温",
    "层": "面次级",
    "款": "项",
}
# 三次会议 / 第四次全体会议: a session number, not a count.
_ORDINAL_AFTER_CI = ("会议", "全会", "全体", "大会", "党代", "代表", "常委")

_UNIT_ALTERNATIVES = "|".join(
    re.escape(name) for name in sorted([*_UNITS, *_REFERENCE_UNITS], key=len, reverse=True)
)
# After the number: approximation, magnitude (not the 千 of 千米/千克/千瓦), approximation, unit.
_TAIL = re.compile(
    r"(?P<a1>[多余])?"
    r"(?P<mag>万亿|千亿|百亿|千万|百万|亿|万|千(?![米克瓦]))?"
    r"(?P<a2>[多余])?"
    rf"(?P<unit>{_UNIT_ALTERNATIVES})?"
)
_MAGNITUDES = {
    "万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "千万": 1e7, "百万": 1e6, "亿": 1e8, "万": 1e4,
    "千": 1e3,
}  # fmt: skip

# --- Candidates, numbers, dates -------------------------------------------------------------

_CANDIDATE = re.compile(rf"([0-9]+)|[{_CN_CHARS}]+")
_TOKEN_CHARS = frozenset("0123456789abcdefghijklmnopqrstuvwxyz._-:/")
_TOKEN_RIGHT = re.compile(r"[0-9a-z._\-:/]*")
_ISO_DATE = re.compile(r"([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})")
_NUMBER_RANGE = re.compile(r"[0-9]{1,4}(?:\.[0-9]+)?-[0-9]{1,4}(?:\.[0-9]+)?")
_ARABIC_NUMBER = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")
_YEAR_DATE = re.compile(r"(?P<y>[0-9]{4})年(?:(?P<m>[0-9]{1,2})月(?:(?P<d>[0-9]{1,2})[日号]|份)?)?")
_MONTH_DATE = re.compile(r"(?P<m>[0-9]{1,2})月(?:(?P<d>[0-9]{1,2})[日号]|份)?")
_DAY_DATE = re.compile(r"(?P<d>[0-9]{1,2})日")
_CN_MONTH = "十[一二]?|[一二三四五六七八九]"
_CN_DAY = "三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"
_CN_YEAR_DATE = re.compile(
    rf"(?P<y>[{_CN_PLAIN_DIGITS}]{{4}})年(?:(?P<m>{_CN_MONTH})月(?:(?P<d>{_CN_DAY})[日号])?)?"
)
_CN_MONTH_DATE = re.compile(rf"(?P<m>{_CN_MONTH})月(?P<d>{_CN_DAY})[日号]")
_CN_FRACTION = re.compile(
    rf"(?P<den>[{_CN_CHARS}]+)分之(?P<num>[{_CN_CHARS}]+(?:点[{_CN_PLAIN_DIGITS}]+)?"
    r"|[0-9]+(?:\.[0-9]+)?)"
)
_CN_DECIMAL = re.compile(rf"点([{_CN_PLAIN_DIGITS}]+)")
_RUN_ENDS = (("万亿", 1e12), ("亿", 1e8), ("万", 1e4))
_RANGE_LINKS = frozenset({"至", "到", "-", "~", "〜", "—", "–", "－"})

# --- Words that look like quantities ----------------------------------------------------------

# Set phrases, slogans and place names in which a Chinese numeral + measure word is no
# statistic. Most numerals in names and idioms (十八洞村, 一鼓作气, 四跟四走) are already left out
# because no measure word follows; this list holds the ones where one does.
_IDIOM_TEXT = (
    "五个一批 四个全面 四个意识 四个自信 两个维护 两个确立 三个代表 四个不摘 四个严查 "
    "两个一百年 八项规定 三部曲 三位一体 五位一体 千家万户 万家灯火 三番五次 三天两头 "
    "三天打鱼 两天晒网 三头六臂 三年五载 十年磨一剑 百年大计 百年未有之大变局 百家争鸣 "
    "诸子百家 万人空巷 成千上万 成百上千 千千万万 十年树木 百年树人 三长两短 三门峡 三台县 "
    "五台山 七台河 五家渠 三只松鼠"
)
_IDIOMS = _IDIOM_TEXT.split()
_IDIOM_RE = re.compile("|".join(sorted(_IDIOMS, key=len, reverse=True)))
_IDIOM_REACH = max(map(len, _IDIOMS))
_OPEN_QUOTES = "“‘「『《"
_CLOSE_QUOTES = "”’」』》"
_SHORT_QUOTE = 12  # a quoted Chinese-numeral phrase up to this long is a slogan or a title

# Approximation words before a number; a one-character one is ignored when the character before
# it makes a word with it (最近, 签约, 赶超).
_APPROX_BEFORE_2 = ("超过", "大约", "将近", "接近")
_APPROX_BEFORE_1 = {
    "约": "签合预公条契节制违履相邀赴婉特协要守毁失解续立誓和大",
    "近": "最附邻靠亲就远新晚贴接将临迫走逼",
    "超": "赶高入出招",
    "逾": "",
}
_REACHED_BEFORE = ("突破", "达到", "高达", "多达")
# A Chinese numeral right after one of these is an ordinal (第三), a rank (前十位) or indefinite
# (几十, 数百).
_NOT_AFTER = frozenset("第几数前")


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
    if start - 2 >= floor and folded[start - 2 : start] in _APPROX_BEFORE_2:
        return start - 2
    if start - 1 >= floor:
        char = folded[start - 1]
        blockers = _APPROX_BEFORE_1.get(char)
        if blockers is not None and (start < 2 or folded[start - 2] not in blockers):
            return start - 1
    return start


def _read_tail(folded: str, pos: int, chinese: bool) -> _Tail:
    match = _TAIL.match(folded, pos)
    assert match is not None  # every group is optional
    if not chinese and not match.group(0) and folded.startswith(" ", pos):
        # 限流 50 人: one space may stand between the number and its unit.
        spaced = _TAIL.match(folded, pos + 1)
        if spaced is not None and (spaced.group("mag") or spaced.group("unit")):
            match = spaced
    end = match.end()
    surface = match.group("unit") or ""
    approx = bool(match.group("a1") or match.group("a2"))
    following = folded[end : end + 1]
    if surface and (
        (chinese and surface in _NOT_AFTER_CHINESE)
        or (following and following in _UNIT_WORDS.get(surface, ""))
    ):
        end = match.start("unit")  # 3人民…, 两家庭: the number stands without a unit
        surface = ""
    unit, kind, add = _UNITS.get(surface, ("", "", 0.0))
    if surface in _REFERENCE_UNITS:
        unit, kind = surface, "reference"
    if unit in _TRAILING_APPROX_UNITS and folded[end : end + 1] in ("多", "余"):
        after = folded[end + 1 : end + 2]
        if not after or after not in "次个家种项样元名位人万亿":  # 3年多次 is 3年 + 多次
            end += 1
            approx = True
    if unit and folded.startswith("左右", end):
        end += 2
        approx = True
    mag = match.group("mag")
    multiplier = _MAGNITUDES[mag] if mag else 1.0
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
    while token_start > floor and folded[token_start - 1] in _TOKEN_CHARS:
        token_start -= 1
    token_end = _TOKEN_RIGHT.match(folded, run_end).end()  # type: ignore[union-attr]
    raw = folded[token_start:token_end]
    token = raw.strip("._-:/")
    token_start += len(raw) - len(raw.lstrip("._-:/"))
    token_end = token_start + len(token)
    if any("a" <= char <= "z" or char == "_" for char in token):
        return None, token_end  # codes and Latin-letter tokens: 5g, covid-19, v1.2, A4
    iso = _ISO_DATE.fullmatch(token)
    if iso is not None:
        iso_value = _date_value(int(iso.group(1)), int(iso.group(3)), int(iso.group(4)))
        if _valid_date(int(iso.group(3)), int(iso.group(4))):
            return _Found(token_start, token_end, iso_value, "", "date"), token_end
    if ":" in token or "/" in token or token.count(".") > 1:
        return None, token_end  # times 03:40:44, ratios, paths, version strings 1.2.3
    if "-" in token and not _NUMBER_RANGE.fullmatch(token):
        return None, token_end  # telephone numbers 010-00000000, serials
    start = token_start

    date = _YEAR_DATE.match(folded, start)
    if date is not None and 1000 <= int(date.group("y")) <= 2199:
        year = int(date.group("y"))
        month = int(date.group("m")) if date.group("m") else None
        day = int(date.group("d")) if date.group("d") else None
        if month is None or not _valid_date(month, day):
            return _Found(start, start + 5, float(year), "年", "year"), start + 5
        return _Found(start, date.end(), _date_value(year, month, day), "", "date"), date.end()
    date = _MONTH_DATE.match(folded, start) or _DAY_DATE.match(folded, start)
    if date is not None:
        groups = date.groupdict()
        month = int(groups["m"]) if groups.get("m") else None
        day = int(groups["d"]) if groups.get("d") else None
        if _valid_date(month, day):
            return _Found(start, date.end(), None, "", "date"), date.end()

    number = _ARABIC_NUMBER.match(folded, start)
    assert number is not None
    digits = number.group(0)
    tail = _read_tail(folded, number.end(), chinese=False)
    end = tail.end
    if tail.kind == "reference" or (
        tail.surface_unit == "次" and folded[end : end + 2] in _ORDINAL_AFTER_CI
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
    before = folded[max(0, start - _SHORT_QUOTE) : start]
    opened = max(before.rfind(quote) for quote in _OPEN_QUOTES)
    if opened < 0 or any(quote in before[opened + 1 :] for quote in _CLOSE_QUOTES):
        return False
    after = folded[end : end + _SHORT_QUOTE]
    closes = [index for index in (after.find(quote) for quote in _CLOSE_QUOTES) if index >= 0]
    if not closes:
        return False
    return (len(before) - opened - 1) + (end - start) + min(closes) <= _SHORT_QUOTE


def _in_idiom(folded: str, start: int, end: int) -> bool:
    window_start = max(0, start - _IDIOM_REACH)
    return any(
        match.start() < end and match.end() > start
        for match in _IDIOM_RE.finditer(folded, window_start, end + _IDIOM_REACH)
    )


def _chinese_date_at(folded: str, start: int) -> _Found | None:
    date = _CN_YEAR_DATE.match(folded, start)
    if date is not None:
        year = int("".join(str(_CN_DIGITS[char]) for char in date.group("y")))
        if not 1000 <= year <= 2199:
            return None
        if date.group("m") is None:
            return _Found(start, start + 5, float(year), "年", "year")
        month = parse_chinese_integer(date.group("m"))
        day = parse_chinese_integer(date.group("d")) if date.group("d") else None
        return _Found(start, date.end(), _date_value(year, month, day), "", "date")
    date = _CN_MONTH_DATE.match(folded, start)
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
    return float(f"{whole_value}.{''.join(str(_CN_DIGITS[c]) for c in fraction) or '0'}")


def _chinese_at(folded: str, start: int, run_end: int, floor: int) -> tuple[_Found | None, int]:
    run = folded[start:run_end]
    if len(run) > _LONGEST_NUMERAL:
        return None, run_end  # no statistic is written with this many numeral characters
    if len(run) >= 4 or folded[run_end : run_end + 1] == "月":
        date = _chinese_date_at(folded, start)
        if date is not None:
            return date, date.end
    if folded.startswith("分之", run_end):
        fraction = _CN_FRACTION.match(folded, start)
        if fraction is not None:
            return _chinese_fraction(folded, start, fraction, floor)
    previous = folded[start - 1 : start]
    if run == "一" or previous in _NOT_AFTER or folded[run_end : run_end + 1] == "几":
        # A lone 一 is an article, not a statistic (一个, 一批, 统一, 唯一, 一是); 第三, 前十,
        # 几十, 数百, 十几 are ordinals, ranks or indefinite.
        return None, run_end
    integer = parse_chinese_integer(run)
    if not integer:
        return None, run_end  # 三四, 十四五, 万一: not one number; 零 (零容忍, 零部件): no quantity
    value = float(integer)
    end = run_end
    decimal = _CN_DECIMAL.match(folded, end)
    if decimal is not None:
        value = float(f"{integer}.{''.join(str(_CN_DIGITS[c]) for c in decimal.group(1))}")
        end = decimal.end()
    tail = _read_tail(folded, end, chinese=True)
    end = tail.end
    if tail.kind == "reference" or (
        tail.surface_unit == "次" and folded[end : end + 2] in _ORDINAL_AFTER_CI
    ):
        return None, end
    first = _approx_start(folded, start, floor)
    if first == start and run[0] in "百千万亿" and folded[start - 1 : start] == "上":
        first = start - 1 if start - 1 >= floor else start  # 上百种, 上千人
    approx = tail.approx or first != start
    has_digit = any(char in _CN_DIGITS for char in run)
    reached = folded[max(0, start - 2) : start] in _REACHED_BEFORE or previous == "达"
    if not has_digit and run != "十" and not approx and not reached:
        return None, end  # 万人拥有, 千家, 百日: a bare magnitude is a word part
    multiplier = tail.multiplier
    if multiplier == 1.0:
        multiplier = next((f for big, f in _RUN_ENDS if run.endswith(big)), 1.0)
    scaled = multiplier != 1.0 or "万" in run or "亿" in run
    value = float(Decimal(repr(value)) * Decimal(tail.multiplier)) + tail.add
    provisional = False
    if not tail.unit:
        if has_digit and (run[-1] in "万亿" or tail.multiplier != 1.0):
            pass  # 一百二十万: a quantity even without a measure word
        elif folded[end : end + 1] in _RANGE_LINKS and _CANDIDATE.match(folded, end + 1):
            provisional = True  # 三至五年: kept if the range pass completes it
        else:
            return None, end  # a numeral needs a measure word to be a figure
    elif folded[end : end + 1] in _CN_CHARS and folded[end : end + 1] != "":
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
            and folded[item.end : following.start] in _RANGE_LINKS
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
      set phrases and place names in _IDIOMS. A measure word that forms a word with the next
      character (人民, 家庭, 期间) is not taken as a unit.
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
        candidate = _CANDIDATE.search(folded, pos)
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

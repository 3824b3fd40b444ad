"""Chinese numerals: the characters, and their values (一百二十万 → 1200000)."""

from __future__ import annotations

CN_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4,
    "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9,
    "玖": 9,
}  # fmt: skip
_CN_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_CHARS = "".join(CN_DIGITS) + "".join(_CN_SMALL) + "万亿"
CN_PLAIN_DIGITS = "〇零一二三四五六七八九"  # digit-by-digit years and decimals (二〇二〇, 三点五)
LONGEST_NUMERAL = 24  # longer runs are not parsed (and parsing recurses once per 万/亿)


def _below_10000(numeral: str) -> int | None:
    """三千零五 → 3005, 十八 → 18, 千 → 1000; None for a malformed run such as 三四 or 百十."""
    value = 0
    digit: int | None = None
    last_multiplier = 10_000
    zero = False
    for char in numeral:
        if char in CN_DIGITS:
            if digit is not None:
                return None  # two digits in a row: 三四个 ("three or four") has no single value
            if CN_DIGITS[char] == 0:
                zero = True
            else:
                digit = CN_DIGITS[char]
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
        if len(tail) == 1 and tail in CN_DIGITS and CN_DIGITS[tail]:
            return head_value * factor + CN_DIGITS[tail] * factor // 10  # 三万五 = 35000
        tail_value = parse_chinese_integer(tail.lstrip("零〇"))
        if tail_value is None or tail_value >= factor:
            return None
        return head_value * factor + tail_value
    return _below_10000(numeral)

"""A byline as it is shown: the credits only, without layout marks and dateline words.

The stored byline keeps the line as written (■记者 贺佳, 本报北京12月31日讯（记者 张三）), so
nothing of the source is lost; what is shown drops the marks that set it off (■ □ ● ▲ ◆ …),
the dateline (本报讯, 新华社长沙3月5日电: its date and publication have fields of their own),
a source credit (央视网消息（新闻联播）：) and the brackets round the credits
(（本报记者 王沛采访整理）).
"""

from __future__ import annotations

import re

from hnreader.core.text.normalize import fold_for_search

_MARKS = "■□●○◆◇▲△▼▽★☆◎◉*·•"
_LEADING_MARKS = re.compile(rf"^[{re.escape(_MARKS)}\s]+")
# Matched on the folded line (full-width digits and brackets made half-width).
_DATELINE = re.compile(
    r"^(?:本报|本刊|本台|本网|[\u4e00-\u9fff]{2,12}?(?:日报|晚报|早报|报|网|社|台|客户端|新闻|融媒))"
    r"\s*(?:[\u4e00-\u9fff]{0,8}?\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*(?:讯|电)(?!员)"
)
_SOURCE_CREDIT = re.compile(
    r"^[\u4e00-\u9fff]{1,10}?(?:网|社|台|报|客户端|新闻|融媒)消息\s*(?:\([^()]{1,16}\))?\s*:?"
)
_BRACKETS = {"(": ")", "[": "]", "【": "】"}


def shown_byline(byline: str) -> str:
    """The credits of a byline, line by line: "■记者 贺佳" → "记者 贺佳", "本报北京12月31日讯
    （记者 张三）" → "记者 张三", "本报讯" → "" (a dateline only)."""
    shown = (_shown_line(line) for line in byline.split("\n"))
    return "\n".join(line for line in shown if line)


def _shown_line(line: str) -> str:
    line = line.replace("**", "").strip()
    line = line[_end(_LEADING_MARKS, line) :]
    folded = fold_for_search(line)
    start = _end(_SOURCE_CREDIT, folded) or _end(_DATELINE, folded)
    line, folded = line[start:].strip(), folded[start:].strip()
    close = _BRACKETS.get(folded[:1])
    if close and folded.endswith(close) and close not in folded[1:-1]:
        line = line[1:-1]  # （记者 张三）, alone or after a dateline
    return line.strip(" :：\u3000")


def _end(pattern: re.Pattern[str], text: str) -> int:
    match = pattern.match(text)
    return match.end() if match else 0

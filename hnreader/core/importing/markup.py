"""Lines that are markup rather than text, in news files saved as Markdown or with list
markers: headings (``### 标题``), list numbers before headlines (``3.``, ``（三）``), a series
kicker in 【…】 glued before a headline, link lines (``[查看原文](https://…)``), rules
(``---``), and tables of contents (``本期节目主要内容：`` and the numbered items after it).

These are general rules of how news text is written and shared; nothing here knows a site.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from hnreader.core.text.normalize import fold_for_search

_HEADING = re.compile(r"^(#{1,6})[ \t]+(?=\S)")
_LIST_MARKER = re.compile(  # used with .match(line, position): no ^
    r"(?:\d{1,2}\s*[.、．](?!\d)|[(（]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]|"
    r"[一二三四五六七八九十]{1,3}\s*、)\s*"
)
# The time a wire item was sent, before its headline: 00:00:35｜古巴多省断电.
_TIME_STAMP = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s*[|｜丨]\s*")
# A field of a Markdown list of metadata: "- id: `2371760`", "- url: https://…".
_LIST_FIELD = re.compile(r"^[-*+]\s+[A-Za-z_][A-Za-z0-9_ ]{0,24}:(?:\s|$)")
# What a crawler writes where an item has no headline.
PLACEHOLDER_TITLES = frozenset({"无标题", "无题", "untitled", "no title", "(无标题)", "（无标题）"})
# A kicker glued before the headline: 【奋进新征程 建功新时代】摆脱贫困彪炳史册.
_KICKER = re.compile(
    r"^(?:[【\[〈]([^【】\[\]〈〉]{1,24})[】\]〉]|[\u4e00-\u9fff]{2,6}／|[^\s/:][^/:]{1,20}//)\s*(?=\S)"
)  # 【系列】…, 〈南部〉…, 女人幫／… (a column before a web headline), 前夕// … (a lead-in)
_LINK_LINE = re.compile(r"^\[[^\[\]]{1,40}\]\((?:https?://|/)[^()\s]*\)$")
_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,}|={3,})$")
_TOC_HEADER = re.compile(
    r"^(?:本期(?:节目)?(?:主要)?内容|(?:节目)?主要内容|内容提要|内容简介|本期要目|本期导读|本版导读|"
    r"今日要闻|要闻提要|目录|导读)\s*[:]?$"
)
_ENUMERATED_ITEM = re.compile(r"^(?:\d{1,2}\s*[.、．](?!\d)|[(（]\s*\d{1,2}\s*[)）])")
# The closing credit of a broadcast's summary: （《新闻联播》 20260208 19:00）.
_PROGRAMME_CLOSER = re.compile(r"^[(（]\s*《[^《》]{1,20}》[^()（）]{0,30}[)）]$")
TOC_ITEM_CHARS = 90
# A digest: a heading over several briefs, each a headline line and its paragraph.
_DIGEST = re.compile(
    r"(?:快讯|简讯|速览|速递|简报|短讯|一句话新闻|新闻速览|要闻速览|图片新闻|资讯|动态)\s*[:]?$"
)


# A daily briefing whose numbered paragraphs are its items: 陆家嘴财经早餐, 新闻早班车, 每日简报.
_DIGEST_TITLE = re.compile(r"早餐|早报|晚报|早知道|早班车|简报|速览|快讯|汇总|一览|精选|摘要|要闻")


def is_digest_title(title: str) -> bool:
    """The title of a file or page that collects briefs (a daily briefing)."""
    return len(title) <= 40 and bool(_DIGEST_TITLE.search(title))


def is_digest_heading(title: str) -> bool:
    """国内联播快讯, 新闻速览, 简讯, 一句话新闻 …: a container of briefs, not an article."""
    return len(title) <= 16 and bool(_DIGEST.search(title.strip()))


# A column label after the headline: 城市美学在细节（暖闻热评）.
_COLUMN_SUFFIX = re.compile(
    r"\s*[（(]([\u4e00-\u9fff]{2,6}|[\u4e00-\u9fff][\u4e00-\u9fff，、·]{5,18}[\u4e00-\u9fff])[)）]$"
)  # （暖闻热评）, （坚定信心，打开改革发展新天地）: a column or series after the headline
# A page line: [byline]《人民日报》（2025年01月03日第 05 版）, as a quote line or plain.
_PAGE_LINE = re.compile(
    r"^(?:>\s*)?(?P<credit>[^《》]{0,30}?)\s*《(?P<paper>[^《》]{1,16})》\s*[（(]\s*"
    r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?P<edition>第?\s*(?P<page>[0-9a-z]{1,3})\s*版)?"
    r"[^()（）]{0,8}[)）]$"
)
# Markup of pictures and embeds: ![alt](url), <img …>, <figure>, </figure>, {{< video … >}},
# <!--…-->; a picture's caption in <figcaption>.
_MEDIA_LINE = re.compile(
    r"^(?:!\[[^\]]{0,80}\]\([^()\s]*\)|<img\b[^>]*>?|</?figure\b[^>]*>|\{\{<.*>\}\}|"
    r"<!--.*-->|</?(?:div|section|article|span)\b[^>]*>|"
    r"<(video|audio|iframe|embed|object)\b[^>]*>.*</\1>|<(?:video|audio|iframe|embed|source)\b[^>]*>)$",
    re.IGNORECASE,
)
_FIGCAPTION = re.compile(r"^<figcaption\b[^>]*>.*</figcaption>$", re.IGNORECASE)


@dataclass(frozen=True)
class HeadlineParts:
    """A headline line taken apart: markup prefix (heading marks, list number), kicker, title
    and a column label after it.

    `marker + kicker + gap + title + label == line` (`gap`: spaces after the kicker)."""

    level: int  # Markdown heading level, 0 when none
    marker: str
    kicker: str
    title: str
    label: str = ""  # （暖闻热评）


def heading_level(line: str) -> int:
    """The Markdown heading level of a stripped line (### 标题 → 3), 0 when it is none."""
    match = _HEADING.match(line)
    return len(match.group(1)) if match else 0


def headline_parts(line: str) -> HeadlineParts:
    """Split a stripped headline line into its markup prefix, kicker and title; a line that is
    nothing but a marker or kicker keeps its text as the title."""
    heading = _HEADING.match(line)
    level = len(heading.group(1)) if heading else 0
    position = heading.end() if heading else 0
    listed = _LIST_MARKER.match(line, position)
    if listed and listed.end() < len(line):
        position = listed.end()
    stamp = _TIME_STAMP.match(line, position)
    if stamp and stamp.end() < len(line):
        position = stamp.end()
    marker, rest = line[:position], line[position:]
    kicker = ""
    glued = _KICKER.match(rest)
    if glued and glued.end() < len(rest):
        kicker = rest[: glued.end()].rstrip()
        rest = rest[glued.end() :]
    label = ""
    suffix = _COLUMN_SUFFIX.search(rest)
    if suffix and suffix.start() > 0:
        label, rest = rest[suffix.start() :], rest[: suffix.start()]
    if not rest.strip():
        return HeadlineParts(level, "", "", line)
    return HeadlineParts(level, marker, kicker, rest, label)


# A run-in headline: 【标题】正文…, **标题** 正文…, 标题：正文… in a column of briefs.
_RUN_IN_MARKED = re.compile(r"^(?:【([^【】]{6,32})】|\*\*([^*]{4,32})\*\*\s*:?)\s*(?=\S)")
_RUN_IN_SPACED = re.compile(r"^([^\s]{4,30}?)(?:\s{2,}|\u3000+)(?=\S)")
RUN_IN_MIN_BODY = 15


@dataclass(frozen=True)
class RunIn:
    """A headline run into its body on one line: `line[:end]` is the headline with its marks
    (`title` is the headline alone), `line[end:]` the body."""

    title: str
    end: int
    marked: bool  # 【…】 or **…**: a run-in only when the file has several (see the splitter)


def run_in_headline(folded: str, text: str, dateline: Callable[[str], int]) -> RunIn | None:
    """The run-in headline that opens a (folded, stripped) line, or None.

    Marked (【标题】 / **标题**) with sentence text after it, or a headline-like phrase, two or
    more spaces and a dateline (`dateline(rest)` > 0: 本报讯, 新华社…电) after it. `text` is
    the stored line (positions are the same)."""
    marked = _RUN_IN_MARKED.match(folded)
    if marked:
        title = (marked.group(1) or marked.group(2) or "").strip()
        rest = folded[marked.end() :]
        if _headline_phrase(title) and _sentence_text(rest):
            inner = marked.start(1) if marked.group(1) is not None else marked.start(2)
            return RunIn(
                text[inner : inner + len(marked.group(1) or marked.group(2))].strip(),
                marked.end(),
                True,
            )
        return None
    spaced = _RUN_IN_SPACED.match(text)  # U+3000 folds to one space: read the stored line
    if spaced and _headline_phrase(folded[: spaced.end(1)]) and dateline(folded[spaced.end() :]):
        return RunIn(text[: spaced.end(1)], spaced.end(), False)
    return None


def _headline_phrase(title: str) -> bool:
    return (
        bool(title)
        and not any(c in title for c in "。!?;")
        and title[-1] not in ",、:"
        and bool(re.search(r"[\u4e00-\u9fff]", title))
    )


def _sentence_text(rest: str) -> bool:
    return len(rest) >= RUN_IN_MIN_BODY and ("。" in rest or rest.rstrip('”’"')[-1:] in "。!?…")


def page_line(folded: str) -> tuple[str, str, str] | None:
    """(credit before it, paper, page) of a page line (李铁林《人民日报》（2025年01月03日第 05
    版）), or None."""
    match = _PAGE_LINE.match(folded)
    if not match:
        return None
    return match.group("credit").strip(), match.group("paper"), match.group("page") or ""


def page_as_written(line: str) -> str:
    """The page (版次) of a page line as it is written: "07 版" of 《人民日报》（2020年08月25日
    07 版）, "第 05 版", "A3版"; "" for a line that is no page line or names no page."""
    match = _PAGE_LINE.match(fold_for_search(line))
    if not match or match.group("edition") is None:
        return ""
    return line[match.start("edition") : match.end("edition")].strip()


def media_reason(folded: str) -> str:
    """ "picture" for the markup of a picture or embed, "caption" for a <figcaption> line,
    "" otherwise."""
    if _FIGCAPTION.match(folded):
        return "caption"
    return "picture" if _MEDIA_LINE.match(folded) else ""


def is_link_line(folded: str) -> bool:
    """A line that is only a link: [查看原文](https://…), [返回](/)."""
    return bool(_LINK_LINE.match(folded))


def link_target(line: str) -> str:
    match = re.search(r"\]\(([^()\s]+)\)", line)
    return match.group(1) if match else ""


def without_list_marker(text: str) -> str:
    """`text` without a list number (1、 3. （二）) and Markdown bold marks at its start."""
    listed = _LIST_MARKER.match(text)
    rest = text[listed.end() :] if listed else text
    return rest.replace("**", "").strip()


def is_list_field(folded: str) -> bool:
    """A "- key: value" line of a Markdown list of metadata (keys in Latin letters)."""
    return bool(_LIST_FIELD.match(folded))


def is_rule(folded: str) -> bool:
    """A horizontal rule (---, ***, ===)."""
    return bool(_RULE.match(folded))


def is_toc_header(folded: str) -> bool:
    """本期节目主要内容：, 主要内容, 内容提要, 目录 … (with or without Markdown heading marks)."""
    if len(folded) > 24:
        return False
    return bool(_TOC_HEADER.match(folded[heading_level(folded) :].strip(" #")))


def toc_length(folded_lines: list[str]) -> int:
    """How many of `folded_lines` (stripped, non-blank, starting right after a table-of-contents
    header) belong to the table: numbered items (1.…； （2）…；), the wrapped rest of an item
    (a short line ending like one), and the programme's closing credit. It ends at the first
    other line, a heading or a long paragraph."""
    count = 0
    seen_item = False
    for folded in folded_lines:
        if heading_level(folded) or len(folded) > TOC_ITEM_CHARS:
            break
        if _ENUMERATED_ITEM.match(folded):
            seen_item = True
        elif _PROGRAMME_CLOSER.match(folded) and seen_item:
            count += 1
            break
        elif not (seen_item and folded.endswith(("；", ";", "：", ":", "。"))):
            break
        count += 1
    return count if seen_item else 0

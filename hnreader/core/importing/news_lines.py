"""Features of single lines of Chinese news layout: headlines, bylines, datelines, dates,
continuation marks, metadata and web boilerplate. Used by article_splitter."""

from __future__ import annotations

import re
from dataclasses import dataclass

from hnreader.core.importing.boilerplate import boilerplate_reason
from hnreader.core.importing.captions import is_caption_folded, is_photo_credit
from hnreader.core.importing.credit_lines import (
    dateline_prefix_length,
    is_byline_line,
    is_metadata_line,
)
from hnreader.core.importing.markup import (
    heading_level,
    is_link_line,
    is_list_field,
    is_rule,
    media_reason,
    page_line,
    run_in_headline,
)
from hnreader.core.text.normalize import fold_for_search

# Line kinds.
BOILERPLATE = "boilerplate"
END_MARK = "end mark"
CONTINUATION = "continuation"  # ◀◀(上接1版) at the start of a piece (maybe with body after it)
JUMP = "jump"  # (下转2版)▶▶ alone on a line
META = "meta"  # 发布时间/来源/阅读 lines, a bare date line
BYLINE = "byline"  # a standalone byline line
LEAD = "lead"  # a dateline/byline prefix followed by body text on the same line
CAPTION = "caption"
HEAD = "head"  # headline-like
RUN_IN = "run-in"  # a headline run into its body: 【标题】正文… (prefix: the headline's length)
BODY = "body"

DERIVED_TITLE_CHARS = 30

_CJK = re.compile(r"[\u3400-\u9fff\U00020000-\U0003ffff]")
_SENTENCE_END_CHARS = "。!?;…,、:"
_CLOSING_QUOTES = "”’\"'」』"
_CLAUSE_PUNCT = re.compile(r"[,;、]")

_END_MARK = re.compile(
    r"^[(\[【]?\s*(?:完|全文完|本文完|end)\s*[)\]】]?$|^—+\s*完\s*—+$|^[—-]{1,2}\s*编\s*者$"
)

# --- continuation marks -----------------------------------------------------------------------

_CONTINUATION_START = re.compile(
    r"^\s*(?:◀+|<<)?\s*[(\[【]\s*(?:紧接|上接|接上|续|接)\s*(?:第\s*)?[0-9一二三四五六七八九十a-z]{1,3}\s*"
    r"版[^()\[\]【】]{0,6}[)\]】]\s*|^\s*◀◀\s*"
)
_JUMP_LINE = re.compile(
    r"^\s*(?:▶+)?\s*[(\[【]?\s*(?:下转|转|紧转|转至)\s*(?:第\s*)?[0-9一二三四五六七八九十a-z]{1,3}\s*"
    r"版[^()\[\]【】]{0,6}[)\]】]?\s*(?:▶+)?\s*$"
)


def continuation_prefix_length(folded: str) -> int:
    """Length of a continuation marker opening a line (◀◀(紧接1版①), (上接第2版)), or 0."""
    match = _CONTINUATION_START.match(folded)
    return match.end() if match else 0


# --- headline features -------------------------------------------------------------------------


def ends_like_sentence(folded: str) -> bool:
    """Whether a line ends with sentence or clause punctuation (after closing quotes)."""
    stripped = folded.rstrip(_CLOSING_QUOTES + ")]】 ")
    return not stripped or stripped[-1] in _SENTENCE_END_CHARS


def is_headline_like(folded: str) -> bool:
    """A short line without sentence punctuation: a headline, kicker, subtitle or subhead.

    Up to 40 characters with at most 2 clause marks, or up to 64 with at most 1; never a line
    with 。 inside, a question/answer turn (问:/答:) or a line without Chinese characters.
    """
    n = len(folded)
    if n == 0 or n > 64 or not _CJK.search(folded):
        return False
    if "。" in folded or (ends_like_sentence(folded) and not folded.endswith("——")):
        return False
    if re.match(r"^(?:问|答)\s*:", folded) or sum(folded.count(c) for c in "!?") > 1:
        return False
    clauses = len(_CLAUSE_PUNCT.findall(folded))
    return clauses <= 2 if n <= 40 else clauses <= 1


_ENUMERATION = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.]|[(][一二三四五六七八九十\d]{1,3}[)]|\d{1,2}、|\d{1,2}\.(?!\d)|"
    r"第[一二三四五六七八九十]{1,3}[,、]|[①-⑳]|"
    # a bulletin's numbered sections (01综合), table titles (表2 …) and their unit lines
    r"0\d(?=[\u4e00-\u9fff])|表\s*\d{1,2}(?=\s)|(?:计量)?单位\s*:)"
)


def is_enumerated(folded: str) -> bool:
    """A numbered section heading or list item (一、… (二)… 3.… ①… 01综合), a table's title
    (表2 …) or unit line (单位：万人): always part of a body."""
    return bool(_ENUMERATION.match(folded))


def is_numbered_paragraph(folded: str) -> bool:
    """A numbered paragraph of text (1、腾讯控股发布财报，…。), not a numbered heading."""
    return len(folded) >= 30 and is_enumerated(folded) and "。" in folded


_LEAD_IN_END = re.compile(r"(?:——|—|:|强调|指出|表示|要求|提出|认为|建议|呼吁|说)$")


def is_lead_in(folded: str) -> bool:
    """A kicker that leads into the main title: ends with ——, a colon or a speech verb (强调)."""
    return bool(_LEAD_IN_END.search(folded))


def is_column_label(folded: str) -> bool:
    """A short column/series label used as a kicker: 两会好声音, 新生活新奋斗·新基建."""
    compact = folded.replace(" ", "")
    if len(compact) <= 6:
        return True
    return len(compact) <= 12 and " " not in folded and any(c in folded for c in "·丨|│")


def is_dash_subtitle(folded: str) -> bool:
    """A subtitle introduced by a dash: ——访省应急管理厅党委书记."""
    return folded.startswith(("—", "-"))


_EDITOR_LABEL = re.compile(
    r"^[【\[(]?\s*(?:核心阅读|编者按|编者的话|编者附言|编辑手记|导读|阅读提示|内容提要|提要|"
    r"背景链接|相关链接|链接|记者手记|短评)\s*[】\])]?\s*:?$"
)


def is_editor_label(folded: str) -> bool:
    """A label over an editor's note or summary (核心阅读, 编者按, 【链接】): never a title."""
    return len(folded) <= 12 and bool(_EDITOR_LABEL.match(folded))


def title_index(folded_lines: list[str]) -> int:
    """Which line of a headline block is the main title; the others are kickers or subtitles.

    Lines led by —— and editor's labels (核心阅读) are subtitles. Before the title come
    kickers: lead-ins (…强调——), short column labels, and a series heading that has its own
    —— subtitle above another heading.
    The first remaining line is the title (a later plain line is a subtitle).
    """
    plain = [
        k
        for k, line in enumerate(folded_lines)
        if not is_dash_subtitle(line) and not is_editor_label(line)
    ]
    if not plain:
        return 0
    for position, k in enumerate(plain):
        if position == len(plain) - 1:
            return k
        line = folded_lines[k]
        series = k + 1 < len(folded_lines) and is_dash_subtitle(folded_lines[k + 1])
        if is_lead_in(line) or is_column_label(line) or series:
            continue
        return k
    return plain[-1]


# --- line classification -----------------------------------------------------------------------


@dataclass
class SourceLine:
    """A non-blank line of the source, stripped, with its classification."""

    number: int  # 1-based
    text: str
    folded: str
    kind: str
    reason: str = ""  # for BOILERPLATE
    prefix: int = 0  # LEAD / CONTINUATION: length of the prefix that is not body text
    gap_before: int = 0  # blank lines right before this line
    heading: int = 0  # Markdown heading level (### 标题 → 3), 0 when none


# No boilerplate, metadata, byline or headline pattern accepts a line longer than this.
_LONGEST_SHORT_LINE = 160


def classify_line(folded: str) -> tuple[str, str, int]:
    """(kind, boilerplate reason, prefix length) of one stripped, folded line, from the line
    alone. Long lines skip the short-line features (that keeps the pass fast)."""
    short = len(folded) <= _LONGEST_SHORT_LINE
    reason = boilerplate_reason(folded) if short else ""
    if reason:
        return BOILERPLATE, reason, 0
    if short and _END_MARK.match(folded):
        return END_MARK, "", 0
    prefix = continuation_prefix_length(folded)
    if prefix:
        return CONTINUATION, "", prefix
    if short and _JUMP_LINE.match(folded):
        return JUMP, "", 0
    if short and is_byline_line(folded) and not is_photo_credit(folded):
        return BYLINE, "", 0
    if short and is_metadata_line(folded):
        return META, "", 0
    prefix = dateline_prefix_length(folded)
    if prefix:
        return LEAD, "", prefix
    if is_caption_folded(folded):
        return CAPTION, "", 0
    if short and is_headline_like(folded) and not is_enumerated(folded):
        return HEAD, "", 0
    return BODY, "", 0


def classify_lines(text: str) -> list[SourceLine]:
    """Classify every non-blank line of a normalised text (one fold of the whole text)."""
    folded_text = fold_for_search(text)
    lines: list[SourceLine] = []
    gap = 0
    offset = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        folded_raw = folded_text[offset : offset + len(raw)]
        offset += len(raw) + 1
        stripped = raw.strip()
        if not stripped:
            gap += 1
            continue
        lead = len(raw) - len(raw.lstrip())
        folded = folded_raw[lead : lead + len(stripped)]
        first = folded[0]
        level = heading_level(folded) if first == "#" else 0
        media = media_reason(folded) if first in "!<{" else ""
        if level and is_link_line(folded.lstrip("#").strip()):  # ### [合集](https://…)
            kind, reason, prefix = BOILERPLATE, "link", 0
        elif level:  # the markup says it is a heading, whatever its words look like
            kind, reason, prefix = HEAD, "", 0
        elif first in "[-*_=" and (is_link_line(folded) or is_rule(folded)):
            kind, reason, prefix = BOILERPLATE, "link" if is_link_line(folded) else "rule", 0
        elif first in "-*+" and is_list_field(folded):
            kind, reason, prefix = META, "metadata", 0
        elif media:
            kind, reason, prefix = BOILERPLATE, media, 0
        elif "《" in folded and len(folded) <= 80 and page_line(folded):
            kind, reason, prefix = META, "page line", 0
        else:
            kind, reason, prefix = classify_line(folded)
            if kind == BODY and (
                first in "【*" or "  " in stripped[:34] or "\u3000" in stripped[:34]
            ):
                run_in = run_in_headline(folded, stripped, dateline_prefix_length)
                if run_in is not None:
                    kind, prefix = RUN_IN, run_in.end
        lines.append(SourceLine(number, stripped, folded, kind, reason, prefix, gap, level))
        gap = 0
    return lines

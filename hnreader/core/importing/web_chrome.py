"""Blocks of web chrome in a page saved as text, found by their shape (the way jusText reads
a page: short lines among short lines are chrome, long sentence lines are content).

A file counts as a saved web page when `WEB_SIGNS` or more of its lines are web boilerplate by
their own pattern (breadcrumb, share bar, copyright, navigation…). In such a file only:

- a menu — `MENU_RUN` or more consecutive short lines (up to `MENU_CHARS` characters, no
  sentence mark) — is navigation ("新闻主页 / 国际 / 两岸 / 英国 / 评论");
- a list of `TEASER_RUN` or more consecutive headline-like lines with no text between them is a
  list of links to other pages (相关内容, 最多人阅读, 头条新闻): a headline block has at most
  three lines (kicker, title, subtitle);
- a list of teasers may hold question headlines (高通谋吞英特尔「史诗级灾难」？): a short line
  that is one question or exclamation;
- a line of Latin letters only (Facebook, RSS, ● Daily Issue) in a Chinese page is a link;
- in a contact box, a label over a hotline line (申请专线：) and a note in parentheses under
  one ((一个工作日内将回复您的来信)) are the box's too;
- a line of one or two ASCII marks (",", "X") or a close cross is a widget's remnant;
- a row of menu entries (网站地图 网站帮助 隐私声明 关于我们, or three or more split by |) is
  navigation;
- a metadata label alone on its line (索 引 号：) has its value on the next line: metadata.

Numbered items (一、综合), Markdown headings and digest headings are never touched: the
splitter's own rules read them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from hnreader.core.importing.markup import is_digest_heading
from hnreader.core.importing.news_lines import (
    BODY,
    BOILERPLATE,
    BYLINE,
    CAPTION,
    HEAD,
    META,
    SourceLine,
    ends_like_sentence,
    is_enumerated,
)
from hnreader.core.importing.text_tables import TABLE_CELL

WEB_SIGNS = 2
MENU_RUN = 3
MENU_CHARS = 10
TEASER_RUN = 4
CONTINUED_RUN = 2
LABEL_VALUE_CHARS = 40
TEXT_CHARS = 40  # a body paragraph at least this long is text, not a teaser
_BARE_DATE = re.compile(r"^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?$")
# A widget's remnant: one or two ASCII marks or a close cross (",", "X", "✖"); never "……",
# which in a text marks an omission.
_REMNANT = re.compile(r"^[\x21-\x7e✖×✕]{1,2}$")
_LATIN_ONLY = re.compile(r"^[A-Za-z][A-Za-z0-9 .+&'’/:-]{0,29}$")
_WEB_REASONS = frozenset(
    {
        "breadcrumb",
        "search box",
        "share buttons",
        "pager",
        "related links",
        "copyright",
        "navigation",
        "advert",
    }
)


def is_web_page(lines: list[SourceLine]) -> bool:
    signs = 0
    for line in lines:
        if line.kind == BOILERPLATE and line.reason in _WEB_REASONS:
            signs += 1
            if signs >= WEB_SIGNS:
                return True
    return False


def _free(line: SourceLine) -> bool:
    """A line the shape rules may judge: text, not structure the splitter reads."""
    return (
        line.kind in (HEAD, BODY)
        and line.reason != TABLE_CELL
        and not line.heading
        and not is_enumerated(line.folded)
        and not is_digest_heading(line.folded)
    )


def _text_follows(lines: list[SourceLine], j: int) -> bool:
    """Whether the first line from `j` on that is not boilerplate, metadata or a byline is
    body text."""
    for line in lines[j:]:
        if line.kind not in (BOILERPLATE, META, BYLINE):
            return line.kind == BODY and len(line.folded) >= TEXT_CHARS
    return False


def _text_precedes(lines: list[SourceLine], i: int) -> bool:
    """Whether the last line before `i` that is not boilerplate or metadata is body text."""
    for line in reversed(lines[:i]):
        if line.kind not in (BOILERPLATE, META):
            return line.kind == BODY and len(line.folded) >= TEXT_CHARS
    return False


def _teaser_gap(line: SourceLine) -> bool:
    """Between teasers: boilerplate, the bare date of a teaser (2012年12月6日), or a short
    label read as a caption (图说能源, a picture list's heading)."""
    return (
        line.kind == BOILERPLATE
        or (line.kind == META and bool(_BARE_DATE.match(line.folded)))
        or (line.kind == CAPTION and len(line.folded) <= MENU_CHARS)
    )


_BULLET = "●■◆▪•·◇○□▶►※ "
_QUESTION_HEADLINE_CHARS = 30
_PARENTHESISED = re.compile(r"^\([^()]{1,30}\)$")


def _teaser(line: SourceLine) -> bool:
    """A teaser's headline: a headline-like line, or a short question or exclamation."""
    if not _free(line):
        return False
    if line.kind == HEAD:
        return True
    folded = line.folded
    return (
        len(folded) <= _QUESTION_HEADLINE_CHARS
        and folded[-1] in "?!"
        and sum(folded.count(mark) for mark in "。?!;") == 1
    )


def _contact_box_lines(lines: list[SourceLine]) -> None:
    """A label over a hotline line (申请专线：) and a note in parentheses under one."""
    for i, line in enumerate(lines):
        if not _free(line):
            continue
        after = lines[i + 1] if i + 1 < len(lines) else None
        before = lines[i - 1] if i else None
        label = len(line.folded) <= 12 and line.folded.endswith(":")
        if (label and after is not None and after.reason == "hotline") or (
            _PARENTHESISED.match(line.folded) and before is not None and before.reason == "hotline"
        ):
            line.kind, line.reason, line.prefix = BOILERPLATE, "hotline", 0


def _menu_item(line: SourceLine) -> bool:
    return _free(line) and len(line.folded) <= MENU_CHARS and not ends_like_sentence(line.folded)


def _mark_runs(
    lines: list[SourceLine],
    member: Callable[[SourceLine], bool],
    least: int,
    reason: str,
    between: Callable[[SourceLine], bool] = lambda line: line.kind == BOILERPLATE,
    spare_headline: bool = False,
    goes_on_from: frozenset[str] = frozenset(),
) -> None:
    """Mark every run of `least` or more member lines, with `between` lines among them
    (marked too, unless boilerplate already); a run that goes on from lines already set
    aside for a reason in `goes_on_from` needs only `CONTINUED_RUN` members."""
    i = 0
    while i < len(lines):
        if not member(lines[i]):
            i += 1
            continue
        j = i
        while j < len(lines) and (member(lines[j]) or between(lines[j])):
            j += 1
        while j > i + 1 and not member(lines[j - 1]):
            j -= 1  # the run ends with a member
        run = [line for line in lines[i:j] if member(line) or line.kind != BOILERPLATE]
        if _text_precedes(lines, i) and _text_follows(lines, j):
            run = []  # between paragraphs of text: a table or a list of the article
        elif spare_headline and _text_follows(lines, j):
            # Right above text, the last lines may be its headline block (kicker, title,
            # subtitle: up to three member lines in a row): they are left to the splitter.
            block = j
            while block > i and j - block < 3 and member(lines[block - 1]):
                block -= 1
            kept = {id(line) for line in lines[block:j]}
            run = [line for line in run if id(line) not in kept]
        goes_on = _continues_block(lines, i, goes_on_from, between)
        needed = CONTINUED_RUN if goes_on else least
        if sum(1 for line in run if member(line)) >= needed:
            for line in run:
                line.kind, line.reason, line.prefix = BOILERPLATE, reason, 0
        i = j


def _continues_block(
    lines: list[SourceLine], i: int, reasons: frozenset[str], between: Callable[[SourceLine], bool]
) -> bool:
    """Whether the nearest line before `i` that is not a short label (图说能源, a list's
    heading) or a `between` line was set aside for one of `reasons`."""
    for line in reversed(lines[:i]):
        if line.kind == BOILERPLATE:
            return line.reason in reasons
        if between(line) or _menu_item(line):
            continue
        return False
    return False


def set_aside_web_chrome(lines: list[SourceLine]) -> None:
    """Mark the chrome blocks of a saved web page as boilerplate (see above)."""
    if not is_web_page(lines):
        return
    for i, line in enumerate(lines):  # lines that are chrome on their own first
        if (
            line.kind == META
            and line.folded.endswith(":")
            and i + 1 < len(lines)
            and _free(lines[i + 1])
            and len(lines[i + 1].folded) <= LABEL_VALUE_CHARS
        ):  # 索 引 号： / 014742224A/2023-0043406: a disclosure table, label over value
            lines[i + 1].kind, lines[i + 1].reason = META, "metadata"
        if _free(line) and (
            _LATIN_ONLY.match(line.folded.lstrip(_BULLET))
            or _REMNANT.match(line.folded)
            or _is_menu_row(line.folded)
        ):
            line.kind, line.reason, line.prefix = BOILERPLATE, "navigation", 0
    _contact_box_lines(lines)
    _mark_runs(lines, _menu_item, MENU_RUN, "navigation")
    _mark_runs(  # teasers: headline, its date, its section, next headline…
        lines,
        _teaser,
        TEASER_RUN,
        "related links",
        _teaser_gap,
        spare_headline=True,
        goes_on_from=frozenset({"related links", "navigation"}),
    )


def _is_menu_row(folded: str) -> bool:
    """网站地图 网站帮助 隐私声明 关于我们 / 關於我們 | 新聞發布 | 著作權: a row of menu entries
    (split by |, · or spaces; one longer entry, such as a browser hint, may end the row)."""
    if ends_like_sentence(folded):
        return False
    barred = [p for p in re.split(r"\s*[|｜·•]\s*", folded) if p]
    spaced = folded.split()
    short = sum(1 for p in barred if len(p) <= 10)
    return (len(barred) >= 3 and short >= len(barred) - (1 if len(barred) >= 4 else 0)) or (
        len(spaced) >= 4 and all(len(p) <= 6 for p in spaced)
    )

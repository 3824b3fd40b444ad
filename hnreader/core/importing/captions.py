"""Photo-caption recognition for Chinese news text (credits such as 摄, 供图, 资料图, 新华社发)."""

from __future__ import annotations

import re

from hnreader.core.models import Span
from hnreader.core.text.normalize import fold_for_search

# Everything below runs on the folded view (half-width, Simplified), so 攝/資料圖/（ match too.

# A photo credit in parentheses at the end of a line: (资料图) (受访者供图) (新华社记者 李贺 摄).
_PAREN_TAIL = re.compile(r"[(\[【]([^()\[\]【】]{1,40})[)\]】]$")
# Credits that are captions whatever precedes them.
_CREDIT_WORD_TAIL = re.compile(
    r"(?:供图|供稿图|资料图|资料图片|资料照片|新华社发|中新社发|视觉中国|图虫创意|网络图片|"
    r"摄影报道|图片来源[:：][^。]{0,30}|图源[:：][^。]{0,30}|来源[:：]视觉中国)$"
)
# Lines that announce a picture: 图为…, 上图:…, 图①…, ▲…
_PICTURE_LEAD = re.compile(
    r"^(?:图为|图片为|上图|下图|左图|右图|组图|图注|图说|图片说明|图[①-⑩\d]|图[:：/|]|图片[:：]|▲)"
)
# Verbs ending in 摄 that make a normal sentence, not a credit (拍摄, 航摄, 偷摄 ...).
_SHOOT_VERB_BEFORE = frozenset("拍航偷抓跟自所可摄")
_SENTENCE_END = "。!?;…"
_NAME_CHARS = re.compile(r"^[\u4e00-\u9fff\U00020000-\U0003ffff·a-z\s、/]+$")
_CREDIT_ROLE = re.compile(r"(?:记者|通讯员|摄影|特约|实习生|供图|新华社|中新社|图)")


def _last_segment(line: str) -> str:
    """The text after the last sentence-ending mark: where a trailing credit would sit."""
    cut = max(line.rfind(mark) for mark in _SENTENCE_END)
    return line[cut + 1 :].strip()


def is_photo_credit(segment: str) -> bool:
    """Whether a short segment is a photographer credit such as "新华社记者 李贺 摄"."""
    seg = segment.strip()
    for suffix in ("摄影报道", "摄影", "摄"):
        if seg.endswith(suffix):
            head = seg[: -len(suffix)].rstrip()
            break
    else:
        return False
    if not head:
        return False
    if len(head) > 30 or not _NAME_CHARS.match(head):
        return False
    if head != seg[: -len(suffix)] or head.endswith("/"):
        return True  # "李贺 摄", "李贺/摄": a credit set apart from the name
    # Written together ("李贺摄", "新华社记者李贺摄"): never 摄影 (他从事摄影), never a verb (拍摄).
    if suffix == "摄影" or head[-1] in _SHOOT_VERB_BEFORE:
        return False
    return 2 <= len(head) <= 4 or bool(_CREDIT_ROLE.search(head))


def is_caption_folded(line: str) -> bool:
    """`is_caption_line` for a line already stripped and folded with `fold_for_search`."""
    if not line or len(line) > 600:
        return False
    if _PICTURE_LEAD.match(line):
        return True
    paren = _PAREN_TAIL.search(line)
    if paren:
        inner = paren.group(1).strip()
        if _CREDIT_WORD_TAIL.search(inner) or is_photo_credit(inner) or inner in ("资料", "图"):
            return True
        before = _last_segment(line[: paren.start()])
        if len(inner) <= 10 and before and is_photo_credit(before):
            return True  # 梁孝鹏摄（人民视觉）: a credit with its agency in parentheses
    tail = _last_segment(line)
    if not tail:
        return False
    return bool(_CREDIT_WORD_TAIL.search(tail)) or is_photo_credit(tail)


def is_caption_line(line: str) -> bool:
    """Whether a line is (or ends in) a photo caption.

    True for lines ending in a credit (…供图, …X 摄, 资料图, (资料图片), 新华社发, 图片来源:…),
    for lines announcing a picture (图为…, 上图:…, ▲…), and for credit-only lines
    ("新华社记者 X 摄"). A sentence that merely contains 摄 (摄影, 拍摄) is not a caption.
    """
    return is_caption_folded(fold_for_search(line.strip()))


def _is_credit_only(line: str) -> bool:
    """A line that is nothing but a credit, e.g. "新华社记者 李贺 摄" or "(受访者供图)"."""
    stripped = line.strip().strip("()[]【】")
    return bool(stripped) and (
        is_photo_credit(stripped) or bool(re.fullmatch(r"[^。,]{0,12}供图", stripped))
    )


def caption_spans(text: str) -> tuple[Span, ...]:
    """Spans of whole caption lines in `text` (lines separated by "\\n"), without the
    surrounding whitespace of each line.

    A credit-only line ("新华社记者 X 摄") directly after a short line (≤ 150 characters) makes
    both lines one caption span: the credit belongs to the description above it.
    """
    return caption_spans_in_folded(fold_for_search(text))


def caption_spans_in_folded(folded: str) -> tuple[Span, ...]:
    """`caption_spans` for a text already folded with `fold_for_search` (same offsets)."""
    spans: list[Span] = []
    start = 0
    prev: Span | None = None  # the previous non-empty line, stripped
    for line in folded.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            here = Span(start + lead, start + lead + len(stripped))
            if is_caption_folded(stripped):
                if _is_credit_only(stripped) and prev is not None and prev.end - prev.start <= 150:
                    if spans and spans[-1].end == prev.end:
                        spans[-1] = Span(spans[-1].start, here.end)
                    else:
                        spans.append(Span(prev.start, here.end))
                else:
                    spans.append(here)
            prev = here
        start += len(line) + 1
    return tuple(spans)

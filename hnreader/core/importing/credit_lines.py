"""Lines that say who, where and when: web metadata lines (发布时间, 来源, 作者), bylines
(■记者 贺佳), datelines (本报北京12月31日讯, 新华社长沙3月5日电, 〔记者X／台东报导〕) and credits,
and the reporters and publication they name. Used by news_lines and the format readers."""

from __future__ import annotations

import re

from hnreader.core.text.normalize import fold_for_search

# --- metadata, bylines and datelines -----------------------------------------------------------

_META_KEYS = (
    r"发布时间|发布日期|发表时间|发文时间|更新时间|时间|日期|来源|稿件来源|信息来源|文章来源|稿源|"
    r"出处|阅读|阅读量|阅读次数|浏览|浏览次数|浏览量|点击|点击数|点击量|访问量|作者|文章作者|"
    r"发布者|发布人|发布|原标题|"
    # a government page's disclosure table (索 引 号：…, 公开方式：主动公开)
    + "|".join(
        r"\s*".join(key)
        for key in (
            "索引号",
            "生成日期",
            "成文日期",
            "公开日期",
            "公开方式",
            "公开时限",
            "公开范围",
            "责任部门",
            "发布机构",
            "发文机关",
            "发文字号",
            "文号",
            "主题分类",
            "主题词",
            "有效性",
            "所属机构",
            "体裁分类",
            "关联稿件",
            "发文日期",
            "分类",
            "文件编号",
        )
    )
)
_META_LINE = re.compile(rf"^(?:{_META_KEYS})\s*:|^(?:发布时间|更新时间|发布日期|更新日期)\s+\d")
META_SOURCE = re.compile(r"(?:来源|稿源|出处)\s*:\s*([^\s:]{1,20})")
META_AUTHOR = re.compile(r"(?:作者|记者)\s*:")
_DATE_ONLY_LINE = re.compile(
    r"^\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?:\s*[^\s。]{1,20})?$|"  # 08-15 06:24 Wind: time and source
    r"^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+\S.{0,60})?$|^\d{4}年\d{1,2}月\d{1,2}日\s*(?:星期|周).{0,30}$"
)

_ROLE_WORDS = (
    "全媒体记者",
    "融媒体记者",
    "特约记者",
    "见习记者",
    "首席记者",
    "摄影记者",
    "本报记者",
    "特约通讯员",
    "通讯员",
    "实习生",
    "见习生",
    "撰稿人",
    "撰稿",
    "作者",
    "记者",
    "博客",  # an author box: **博客 | 楊軍**
    "主笔",
    "专栏",
    "评论员",
)
# Role words as printed, where padding spaces may split them ("通 讯 员").
_ROLE_SPACED = "|".join(r"\s*".join(word) for word in _ROLE_WORDS)
_ROLE_RE = re.compile(rf"(?:{_ROLE_SPACED})")
_MEDIA_SUFFIX = re.compile(
    r"(?:日报|晚报|早报|报|网|社|电视台|台|客户端|时刻|新闻|融媒|杂志|周刊)$"
)
_BYLINE_MARKS = "■□●◆▲★◎◇*"
_BYLINE_LINE = re.compile(
    rf"^[{_BYLINE_MARKS}(\[【\s]*(?P<org>[\u4e00-\u9fff]{{0,12}}?)(?:{_ROLE_SPACED})\s*[:/|︱丨]?\s*"
    r"[\u4e00-\u9fff\U00020000-\U0003ffff·a-z]"
)
_TEXT_CREDIT = re.compile(
    rf"^[{_BYLINE_MARKS}(\[【\s]*(?:文|文/图|图/文|文图|作者|出品|策划|统筹|制作|摄影)\s*[/:|︱丨]\s*\S"
)
# The issuing body signing off a notice or bulletin: （万载县统计局）, （市乡村振兴局供稿）.
_ORG_CREDIT = re.compile(
    r"^[(]\s*[\u4e00-\u9fff]{2,20}(?:局|办|委|部|厅|院|中心|队|所|站|政府|协会|公司|办公室)"
    r"(?:供稿|供图|提供)?\s*[)]$"
)
# A reporter who compiled wire reports: 陳端武／綜合外電, 张三/综合报道, 李四/编译.
_COMPILED_CREDIT = re.compile(
    r"^([\u4e00-\u9fff·]{2,6})\s*/\s*(?:综合外电|综合报道|综合|编译|编译整理)$"
)

_DATELINE = re.compile(
    r"^[" + _BYLINE_MARKS + r"\s]*"
    r"(?P<org>本报|本刊|本台|本网|[\u4e00-\u9fff]{2,12}?(?:日报|晚报|早报|报|网|社|台|客户端|时刻|新闻|融媒))"
    r"(?:\s*(?P<place>[\u4e00-\u9fff]{0,8}?)\s*(?P<date>\d{1,2}\s*月\s*\d{1,2}\s*日))?\s*(?P<kind>讯|电)"
)
_LEAD_AFTER_DIAN = re.compile(r"[\s(\[【:]|记者|$")


def is_metadata_line(folded: str) -> bool:
    """A web metadata line (发布时间:…, 来源:…, 阅读:116次) or a bare date/time line."""
    if len(folded) > 100 or "。" in folded:
        return False
    return bool(_META_LINE.match(folded) or _DATE_ONLY_LINE.match(folded))


def is_byline_line(folded: str) -> bool:
    """A standalone byline: ■记者 贺佳 冒藹, 本报记者 陈 润, 红网时刻记者 汪衡 北京报道,
    通 讯 员 刘慧玲, (记者 张三), 文/张三, 作者:张三."""
    if len(folded) > 50 or any(mark in folded for mark in "。,;!?"):
        return False
    credited = _BYLINE_LINE.match(folded)
    if credited and len(folded[credited.end() - 1 :].strip()) < 2:
        credited = None  # 作者群, a menu entry: a role word and one character is no credit
    if credited or _TEXT_CREDIT.match(folded) or _is_dateline_only(folded):
        return True
    if _COMPILED_CREDIT.match(folded) or _ORG_CREDIT.match(folded):
        return True
    return is_metadata_line(folded) and bool(META_AUTHOR.search(folded))


def _is_dateline_only(folded: str) -> bool:
    """A dateline alone on its line, the body below it: 本报讯, 本报北京12月31日讯（记者 张三）."""
    match = _DATELINE.match(folded)
    end = _skip_credit_tokens(folded, _skip_credit_group(folded, match.end())) if match else 0
    return bool(match) and not folded[end:].strip(" :")


# A source credit opening a report: 央视网消息（新闻联播）：, 新华网消息：.
_NEWS_CREDIT = re.compile(
    r"^\*{0,2}(?P<org>[\u4e00-\u9fff]{1,10}?(?:网|社|台|报|客户端|新闻|融媒))消息\*{0,2}\s*"
    r"(?:[(][^()]{1,16}[)])?\s*:"
)


# A Taiwan paper's dateline (folded): 〔记者张存薇/台东报导〕, (记者吴珮如、陈培煌/台北报导),
# 【吴珮如、陈培煌╱台北报导】, 记者庄友直/台北报导.
_TW_ROLE = r"(?:中央社)?(?:记者|编译|特派员|驻[\u4e00-\u9fff]{1,6}记者)"
_PLACE_REPORT = re.compile(
    rf"^(?:[〔(\[【]\s*(?:{_TW_ROLE})?|{_TW_ROLE})\s*"  # 【吳珮如╱台北報導】 needs its brackets
    r"(?P<names>[\u4e00-\u9fff·、 ]{2,24}?)\s*[/╱]\s*[\u4e00-\u9fff]{1,10}(?:报导|报道|电)"
    r"\s*[〕)\]】]?\s*"
)


def dateline_prefix_length(folded: str) -> int:
    """Length of a dateline/byline prefix that opens a body paragraph, 0 if there is none.

    Recognises 本报讯, 衡阳新闻网讯, 湖南日报12月27日讯(全媒体记者 X 通讯员 Y),
    新华社长沙3月5日电（记者 X）, followed by credits like "记者X 实习生Y报道". The prefix only
    counts when body text follows it on the same line.
    """
    placed = _PLACE_REPORT.match(folded)
    if placed:
        return placed.end() if folded[placed.end() :].strip() else 0
    credit = _NEWS_CREDIT.match(folded)
    if credit:
        return credit.end() if folded[credit.end() :].strip() else 0
    match = _DATELINE.match(folded)
    if not match:
        return 0
    end = match.end()
    if (
        match.group("kind") == "电"
        and not match.group("date")
        and not _LEAD_AFTER_DIAN.match(folded, end)
    ):
        return 0
    end = _skip_credit_group(folded, end)
    end = _skip_credit_tokens(folded, end)
    return end if folded[end:].strip() else 0


def _skip_credit_group(folded: str, pos: int) -> int:
    """Skip a parenthesised credit right after a dateline: (全媒体记者 郑丹枚 通讯员 阳望春)."""
    rest = folded[pos:]
    stripped = rest.lstrip()
    if not stripped or stripped[0] not in "([【":
        return pos
    close = {"(": ")", "[": "]", "【": "】"}[stripped[0]]
    end = stripped.find(close, 0, 48)
    if end < 0 or not _ROLE_RE.search(stripped[:end]):
        return pos
    return pos + (len(rest) - len(stripped)) + end + 1


_CREDIT_TOKEN = re.compile(
    rf"^(?:{'|'.join(_ROLE_WORDS)})(?P<name>[\u4e00-\u9fff\U00020000-\U0003ffff·]{{0,4}}?)(?:报道)?$"
)


def _skip_credit_tokens(folded: str, pos: int) -> int:
    """Skip space-separated credits after a dateline: "记者李洋杰 实习生袁安报道"."""
    end = pos
    names_allowed = 0  # after a bare role word, names follow as their own tokens
    for token_match in re.finditer(r"\S+", folded[pos : pos + 80]):
        token = token_match.group()
        credit = _CREDIT_TOKEN.match(token)
        if credit:
            names_allowed = 0 if credit.group("name") else 3
        elif names_allowed and (token == "报道" or re.fullmatch(r"[\u4e00-\u9fff·]{1,4}", token)):
            names_allowed -= 1
        else:
            break
        end = pos + token_match.end()
        if token.endswith("报道"):
            break
    return end


# --- reporters, publication ---------------------------------------------------------------------

# What follows a reporter's name in a credit: 张三报道, 李四摄, （本报记者 王五采访整理）.
_CREDIT_SUFFIXES = ("采访整理", "整理", "采写", "报道", "摄")
_NAME_TOKEN = re.compile(r"^[\u4e00-\u9fff\U00020000-\U0003ffff·]{1,10}$")


def reporters_from_byline(byline: str) -> tuple[str, ...]:
    """Names credited in a byline: those after 记者/通讯员/实习生/作者… (padding spaces in
    two-character names, "陈 润", are joined; a trailing "北京报道" is a place, not a name)."""
    names: list[str] = []
    for line in byline.split("\n"):
        folded = fold_for_search(line)
        dateline = _DATELINE.match(folded)
        roles = list(_ROLE_RE.finditer(folded, dateline.end() if dateline else 0))
        compiled = _COMPILED_CREDIT.match(folded)
        if compiled and not roles:
            names.append(line[compiled.start(1) : compiled.end(1)])
        placed = _PLACE_REPORT.match(folded)
        if placed:  # 〔记者张存薇/台东报导〕: the names before the place
            group = line[placed.start("names") : placed.end("names")]
            names.extend(_names_from_tokens([t for t in re.split(r"[\s、]+", group) if t]))
            continue
        for index, role in enumerate(roles):
            stop = roles[index + 1].start() if index + 1 < len(roles) else len(folded)
            part = line[role.end() : stop].lstrip(":：/|｜︱丨 ")
            segment = re.split(r"[)）\]】。,，;；:：*]", part, maxsplit=1)[0]
            names.extend(_names_from_tokens([t for t in re.split(r"[\s、/]+", segment) if t]))
    seen: dict[str, None] = {}
    for name in names:
        seen.setdefault(name, None)
    return tuple(seen)


# Credit words that stand where a name would (作者：责任编辑：肖春芳): never a reporter.
_NOT_NAMES = frozenset(
    {"责任编辑", "编辑", "责编", "编者", "来源", "作者", "记者", "通讯员", "佚名"}
)


def _names_from_tokens(tokens: list[str]) -> list[str]:
    names: list[str] = []
    pending_single = ""
    for token in tokens:
        suffix = next((s for s in _CREDIT_SUFFIXES if token.endswith(s)), "")
        if suffix:
            base = token.removesuffix(suffix)
            if pending_single and len(base) == 1:  # "王  沛采访整理" → 王沛
                names.append(pending_single + base)
                pending_single = ""
                break
            if names or pending_single or not base:
                break  # "汪衡 北京报道": a place after the name
            token = base
        if not _NAME_TOKEN.match(token) or fold_for_search(token) in _NOT_NAMES:
            break
        if len(token) == 1:
            if pending_single:
                names.append(pending_single + token)  # "陈 润" → 陈润
                pending_single = ""
            else:
                pending_single = token
            continue
        names.append(token)
    return names


def publication_from_byline(folded_byline: str) -> str:
    """The organ named in a byline or dateline ("湖南日报全媒体记者" → 湖南日报), if any."""
    credit = _NEWS_CREDIT.match(folded_byline)
    if credit:
        org = credit.group("org")
        return "" if org in ("本报", "本刊", "本台", "本网") else org
    dateline = _DATELINE.match(folded_byline)
    if dateline:
        org = dateline.group("org")
        return "" if org in ("本报", "本刊", "本台", "本网") else org
    byline = _BYLINE_LINE.match(folded_byline)
    if byline and _MEDIA_SUFFIX.search(byline.group("org")):
        org = byline.group("org")
        return "" if org.startswith("本") else org
    return ""

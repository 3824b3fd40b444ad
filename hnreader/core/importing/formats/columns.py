"""Which column of a table is an article's title, text, date, publication, url or author: the
common names recognised in English and Chinese (case, spaces, `_` and `-` ignored), or the
user's own mapping (`--map title=标题,text=正文`). The other columns become document
variables."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from hnreader.core.models import ErrorCode, ImportFileError, InvalidMapping
from hnreader.core.text.normalize import fold_width

ROLES = ("title", "text", "date", "publication", "url", "author")

# Names each role is recognised by, best first (a table with both `date` and `time` columns
# takes `date`).
ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "标题", "题目", "headline", "contenttitle", "新闻标题", "文章标题", "题名",
              "篇名", "subject", "heading"),
    "text": ("content", "text", "正文", "内容", "body", "新闻内容", "文章内容", "正文内容", "全文",
             "fulltext", "article", "maintext", "newscontent", "articlecontent", "description",
             "摘要", "summary", "brief", "digest"),
    "date": ("date", "pubtime", "publishtime", "pubdate", "publishdate", "发布时间", "日期",
             "发布日期", "发表时间", "出版日期", "刊发日期", "published", "publishedat", "time",
             "时间", "datetime", "created", "createdat"),
    "publication": ("source", "来源", "媒体", "publication", "publisher", "media", "报纸",
                    "报刊", "刊名", "媒体名称", "来源媒体", "sitename", "site", "网站",
                    "newspaper", "出处"),
    "url": ("url", "链接", "link", "网址", "原文链接", "permalink", "sourceurl", "href"),
    "author": ("author", "作者", "记者", "authors", "byline", "reporter", "reporters", "撰稿人"),
}  # fmt: skip
# Role names the --map flag accepts besides the roles themselves.
ROLE_ALIASES = {
    "content": "text",
    "body": "text",
    "source": "publication",
    "media": "publication",
    "time": "date",
    "link": "url",
    "reporter": "author",
}
_IGNORED = re.compile(r"[\s_\-.:：]+")


def normalised_name(name: str) -> str:
    """A column name as it is compared: width folded, lower-case, no spaces, `_`, `-`, `.`."""
    return _IGNORED.sub("", fold_width(name).lower())


@dataclass(frozen=True)
class ColumnMap:
    """The column of each role that has one, and the columns kept as variables."""

    roles: dict[str, str]
    variables: tuple[str, ...]

    def column(self, role: str) -> str | None:
        return self.roles.get(role)


def parse_mapping(spec: str) -> dict[str, str]:
    """`title=标题,text=正文,date=发布时间` as {role: column}; InvalidMapping for a part that
    is not role=column or names no role. An empty column (`date=`) maps the role to nothing."""
    mapping: dict[str, str] = {}
    for part in spec.split(","):
        if not part.strip():
            continue
        role, equals, column = part.partition("=")
        role = ROLE_ALIASES.get(role.strip().lower(), role.strip().lower())
        if not equals or role not in ROLES:
            raise InvalidMapping(
                f"{part.strip()!r} is not ROLE=COLUMN with ROLE one of {', '.join(ROLES)} "
                "(for example --map title=标题,text=正文,date=发布时间)",
                code=ErrorCode.INVALID_VALUE,
                value=part.strip(),
            )
        mapping[role] = column.strip()
    return mapping


def resolve_columns(
    columns: Sequence[str], name: str, overrides: Mapping[str, str] | None = None
) -> ColumnMap:
    """Each role's column among `columns` (the user's `overrides` first), or ImportFileError:
    an override naming a column the file lacks (UNKNOWN_COLUMN), no text column
    (NO_TEXT_COLUMN, with the columns found and the flag to use)."""
    overrides = overrides or {}
    roles: dict[str, str] = {}
    by_name = {normalised_name(c): c for c in reversed(columns)}
    for role, wanted in overrides.items():
        if not wanted:
            continue
        found = wanted if wanted in columns else by_name.get(normalised_name(wanted))
        if found is None:
            raise ImportFileError(
                f"{name}: has no column {wanted!r} (for {role}); its columns are "
                f"{_listed(columns)}",
                code=ErrorCode.UNKNOWN_COLUMN,
                file=name,
                column=wanted,
                role=role,
                columns=list(columns),
            )
        roles[role] = found
    for role in ROLES:
        if role in roles or role in overrides:
            continue
        taken = set(roles.values())
        best: tuple[int, int] | None = None
        for position, column in enumerate(columns):
            if column in taken:
                continue
            key = normalised_name(column)
            if key in ALIASES[role]:
                rank = (ALIASES[role].index(key), position)
                best = rank if best is None or rank < best else best
        if best is not None:
            roles[role] = columns[best[1]]
    if "text" not in roles:
        raise ImportFileError(
            f"{name}: has no column of article text; its columns are {_listed(columns)}. "
            "Say which column holds the text (and the title, date) with --map, e.g. "
            "--map text=正文,title=标题,date=发布时间",
            code=ErrorCode.NO_TEXT_COLUMN,
            file=name,
            columns=list(columns),
        )
    mapped = set(roles.values())
    return ColumnMap(roles, tuple(c for c in columns if c not in mapped))


def _listed(columns: Sequence[str]) -> str:
    shown = ", ".join(repr(c) for c in columns[:30])
    return shown + (f" and {len(columns) - 30} more" if len(columns) > 30 else "") or "(none)"


def unique_names(header: Sequence[str]) -> list[str]:
    """Column names as variables can be named: stripped, an empty one `column_N`, a repeated
    one with `_2`, `_3`…"""
    names: list[str] = []
    seen: set[str] = set()
    for position, raw in enumerate(header, start=1):
        name = " ".join(str(raw or "").split()) or f"column_{position}"
        candidate, n = name, 1
        while candidate in seen:
            n += 1
            candidate = f"{name}_{n}"
        seen.add(candidate)
        names.append(candidate)
    return names

"""How a document is split into articles, as the user chose it on import (issue 13, item 5).

- `auto`: the splitter's own decisions (`split_articles`);
- `file`: the whole file is one article;
- `headings`: a new article at each Markdown heading (# … ######) and each numbered heading
  (一、… 二、…);
- `pattern:REGEX`: a new article at each line the regular expression matches (searched on
  the stripped line).

In the last three the line that opens an article is its title; every other line is placed
as the splitter places it (bylines, datelines, boilerplate and metadata set aside), and
nothing is lost: the lines before the first opening line form an article of their own when
they hold body text, else they go with the first article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, replace

from hnreader.core.importing.article_origin import with_origins
from hnreader.core.importing.drafts import GroupedArticle, draft_of, years_from_neighbours
from hnreader.core.importing.news_lines import BODY, HEAD, SourceLine
from hnreader.core.importing.splitter import (
    _prepared,
    _Splitter,
    _with_default_year,
    split_articles,
)
from hnreader.core.models import ArticleDraft, ErrorCode, HnreaderError

AUTO = "auto"
FILE = "file"
HEADINGS = "headings"
PATTERN = "pattern"
MODES = (AUTO, FILE, HEADINGS, PATTERN)

# A numbered heading: 一、总体要求 (short, no sentence end): not a numbered paragraph.
_NUMBERED_HEADING = re.compile(r"^(?:[一二三四五六七八九十]{1,3}|\d{1,2})、\S")
_HEADING_CHARS = 40
_PATTERN_CHARS = 500


class InvalidSplit(HnreaderError):
    """A split mode that cannot be used (unknown, or a regular expression with an error)."""


@dataclass(frozen=True)
class SplitMode:
    """A parsed split mode: its kind and, for `pattern`, the compiled expression."""

    kind: str = AUTO
    pattern: re.Pattern[str] | None = None

    @property
    def spec(self) -> str:
        return f"{PATTERN}:{self.pattern.pattern}" if self.pattern is not None else self.kind


def parse_split(spec: str) -> SplitMode:
    """`auto`, `file`, `headings` or `pattern:REGEX` as a SplitMode, or InvalidSplit."""
    spec = (spec or AUTO).strip()
    if spec in (AUTO, FILE, HEADINGS):
        return SplitMode(spec)
    if spec.startswith(PATTERN + ":"):
        expression = spec[len(PATTERN) + 1 :]
        if not expression.strip():
            raise InvalidSplit(
                "the split pattern is empty: give a regular expression after “pattern:”, "
                "e.g. pattern:^第.+期",
                code=ErrorCode.INVALID_VALUE,
                value=spec,
            )
        if len(expression) > _PATTERN_CHARS:
            raise InvalidSplit(
                f"the split pattern is longer than {_PATTERN_CHARS} characters",
                code=ErrorCode.INVALID_VALUE,
                value=spec[:40],
            )
        try:
            return SplitMode(PATTERN, re.compile(expression))
        except re.error as error:
            raise InvalidSplit(
                f"the split pattern “{expression}” is not a valid regular expression "
                f"({error}); fix it, or choose another split mode",
                code=ErrorCode.INVALID_VALUE,
                value=expression,
                problem=str(error),
            ) from None
    raise InvalidSplit(
        f"unknown split mode “{spec}”: use auto, file, headings or pattern:REGEX",
        code=ErrorCode.INVALID_VALUE,
        value=spec,
    )


def split_document(
    text: str,
    file_name: str,
    mode: SplitMode,
    year: int | None = None,
    repeated: Collection[int] = frozenset(),
    set_aside: Mapping[int, str] | None = None,
) -> list[ArticleDraft]:
    """The articles of a normalised text split by `mode` (see the module docstring)."""
    if mode.kind == AUTO:
        return split_articles(text, file_name, year=year, repeated=repeated, set_aside=set_aside)
    lines, dates, matter = _prepared(text, file_name, set_aside, repeated)
    if not lines:
        return []
    opens = _opener(mode)
    splitter = _Splitter(lines)
    current: GroupedArticle | None = None
    pending: list[SourceLine] = []  # lines before the first opening line
    for line in lines:
        if opens(line, current is None and not pending):
            if current is None and pending:
                current = _pending_article(splitter, pending)
            current = splitter.open_article()
            _title(current, line)
        elif current is None:
            pending.append(line)
        else:
            splitter._attach(current, line)
    if current is None:  # no line opens an article: the file is one
        current = splitter.open_article()
        for line in pending:
            splitter._attach(current, line)
    drafts = years_from_neighbours([draft_of(a, dates) for a in splitter.articles])
    drafts = with_origins(drafts, matter)
    return [_with_default_year(d, year) for d in drafts if d.text.strip() or d.title]


def _opener(mode: SplitMode) -> Callable[[SourceLine, bool], bool]:
    """Whether a line opens an article (`first`: no line has been placed yet)."""
    if mode.kind == FILE:
        # The file's first line is its title when it looks like a headline.
        return lambda line, first: first and line.kind == HEAD
    if mode.kind == HEADINGS:
        return lambda line, first: bool(line.heading) or _numbered_heading(line)
    pattern = mode.pattern
    assert pattern is not None
    return lambda line, first: pattern.search(line.text) is not None


def _numbered_heading(line: SourceLine) -> bool:
    folded = line.folded
    return (
        len(folded) <= _HEADING_CHARS
        and bool(_NUMBERED_HEADING.match(folded))
        and not folded.endswith(("。", "!", "?", ";"))
    )


def _pending_article(splitter: _Splitter, pending: list[SourceLine]) -> GroupedArticle | None:
    """The lines before the first opening line: an article when they hold body text, else
    they go with the first article (as the splitter's preamble)."""
    if any(line.kind in (BODY, HEAD) for line in pending):
        article = splitter.open_article()
        for line in pending:
            splitter._attach(article, line)
        return article
    splitter.preamble.extend((line, "") for line in pending)
    return None


def _title(article: GroupedArticle, line: SourceLine) -> None:
    # The line as written (its list number kept: 一、总体要求), without Markdown's #s.
    article.title = line.text.lstrip("#").strip() or line.text
    article.title_line = line
    article.numbers.append(line.number)
    article.headline_lines.append(line)


def with_import_values(
    draft: ArticleDraft, publication: str, variables: tuple[tuple[str, str], ...]
) -> ArticleDraft:
    """A draft with the publication and document variables the user set for the import."""
    if not publication and not variables:
        return draft
    values = dict(draft.variables)
    values.update(variables)
    return replace(
        draft,
        publication=publication or draft.publication,
        variables=tuple(values.items()),
    )

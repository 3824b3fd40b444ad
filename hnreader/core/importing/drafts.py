"""An article as the splitter grouped it → the `ArticleDraft` that is stored: its title (or
one derived from its first sentence), date, byline, reporters, publication and captions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from hnreader.core.importing.captions import caption_spans_in_folded
from hnreader.core.importing.credit_lines import (
    META_SOURCE,
    publication_from_byline,
    reporters_from_byline,
)
from hnreader.core.importing.file_layout import FileDates
from hnreader.core.importing.markup import page_line, without_list_marker
from hnreader.core.importing.news_lines import DERIVED_TITLE_CHARS, HEAD, SourceLine
from hnreader.core.models import ArticleDraft, RemovedLine
from hnreader.core.text.dates import find_date, has_year, month_day, with_year
from hnreader.core.text.normalize import fold_for_search


@dataclass
class GroupedArticle:
    """An article being built: each source line lands in exactly one field."""

    title: str = ""
    subtitles: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    folded_body: list[str] = field(default_factory=list)  # the same paragraphs, folded
    removed: list[RemovedLine] = field(default_factory=list)
    meta: list[SourceLine] = field(default_factory=list)  # metadata lines, for date/publication
    credit_lines: list[str] = field(default_factory=list)  # folded bylines and dateline prefixes
    numbers: list[int] = field(default_factory=list)
    trailing_heads: list[tuple[SourceLine, int]] = field(default_factory=list)  # (line, body idx)
    title_line: SourceLine | None = None
    headline_lines: list[SourceLine] = field(default_factory=list)  # its headline block's lines
    ended: bool = False  # a trailing byline or end mark closed it
    stub: bool = False  # opened by a continuation marker, still without title and body

    def add_body(self, line: SourceLine, prefix: int = 0) -> None:
        """Add a line (without its first `prefix` characters) as a body paragraph."""
        self.body.append(line.text[prefix:].strip())
        self.folded_body.append(line.folded[prefix:].strip())
        self.numbers.append(line.number)
        self.ended = False
        self.stub = False
        if line.kind == HEAD:
            self.trailing_heads.append((line, len(self.body) - 1))
        else:
            self.trailing_heads.clear()

    def remove(self, line: SourceLine, reason: str) -> None:
        self.removed.append(RemovedLine(line.text, reason, line.number))
        self.numbers.append(line.number)


def derived_title(body: list[str]) -> str:
    """The title of an article without a headline: the first sentence of the first paragraph,
    cut to DERIVED_TITLE_CHARS characters with "…" when longer."""
    if not body:
        return ""
    first = without_list_marker(body[0]) or body[0]  # 1、**腾讯控股发布财报…
    cut = min((first.find(m) for m in "。!?！？" if m in first), default=len(first))
    sentence = first[:cut].strip() or first
    if len(sentence) > DERIVED_TITLE_CHARS:
        return sentence[:DERIVED_TITLE_CHARS] + "…"
    return sentence


def article_date(article: GroupedArticle, dates: FileDates) -> tuple[str, str]:
    """(ISO date, as written), in this order: the article's own metadata or dateline date;
    the date of the file's header, page or feed line that governs it (or the file name's); a
    date opening its first paragraph (within 80 characters). A date written without its year
    takes the year of the file's date; ("", "") when nothing dates the article."""
    context, context_text = dates.for_line(min(article.numbers, default=0))
    own: list[tuple[str, str]] = []
    for line in article.meta:
        found = find_date(line.folded, line.text)
        if found:
            own.append((found.value, line.text[found.start : found.end]))
    for credit, byline in zip(article.credit_lines, article.bylines, strict=False):
        found = find_date(credit, byline)
        if found:
            own.append((found.value, byline[found.start : found.end]))
    if article.body and article.credit_lines:
        # 本报讯 12月31日，…: a date right after the dateline is the article's own.
        first = article.body[0]
        found = find_date(fold_for_search(first[:16]), first)
        if found and not first[: found.start].strip(" ，,（("):
            own.append((found.value, first[found.start : found.end]))
    for value, written in own:
        if has_year(value) or context:
            return with_year(value, context), written
    if context:
        return context, context_text
    if own:
        return with_year(own[0][0], ""), own[0][1]
    if article.body:
        first = article.body[0]
        found = find_date(fold_for_search(first[:80]), first)
        if found:
            return with_year(found.value, ""), first[found.start : found.end]
    return "", ""


def years_from_neighbours(drafts: list[ArticleDraft]) -> list[ArticleDraft]:
    """A date still without its year takes the year of the nearest article of the same file
    that has one (a page of briefs dated once, at its top)."""
    dated = [(i, d.date) for i, d in enumerate(drafts) if has_year(d.date)]
    if not dated:
        return drafts
    out = []
    for i, draft in enumerate(drafts):
        if draft.date and not has_year(draft.date) and month_day(draft.date):
            _, reference = min(dated, key=lambda item: abs(item[0] - i))
            draft = replace(draft, date=with_year(draft.date, reference))
        out.append(draft)
    return out


def article_publication(article: GroupedArticle) -> str:
    for credit in article.credit_lines:
        publication = publication_from_byline(credit.lstrip())
        if publication:
            return publication
    for line in article.meta:
        source = META_SOURCE.search(line.folded)
        if source:
            value = line.text[source.start(1) : source.end(1)]
            linked = re.match(r"\[([^\[\]]+)\]", value)  # 来源：[央视网](https://…)
            return linked.group(1) if linked else value
        page = page_line(line.folded)
        if page:
            return page[1]
    return ""


def draft_of(article: GroupedArticle, dates: FileDates) -> ArticleDraft:
    text = "\n".join(article.body)
    title = article.title or derived_title(article.body)
    if not title:
        fallback = article.subtitles or article.bylines or [r.text for r in article.removed]
        title = fallback[0][:DERIVED_TITLE_CHARS] if fallback else ""
    byline = "\n".join(article.bylines)
    date, date_text = article_date(article, dates)
    return ArticleDraft(
        title=title,
        text=text,
        subtitle="\n".join(article.subtitles),
        date=date,
        date_text=date_text,
        byline=byline,
        reporters=reporters_from_byline(byline),
        publication=article_publication(article),
        captions=caption_spans_in_folded("\n".join(article.folded_body)),
        removed=tuple(sorted(article.removed, key=lambda r: r.source_line)),
        first_line=min(article.numbers, default=0),
        last_line=max(article.numbers, default=0),
    )

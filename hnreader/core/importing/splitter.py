"""Split a normalised Chinese news source file into articles; metadata and boilerplate set aside.

How it works, in two linear passes:

1. Every non-blank line is classified on its own (`classify_line`) from small, documented
   features: web boilerplate patterns, metadata (发布时间/来源/阅读), standalone bylines
   (■记者…, 本报记者…), dateline leads (本报讯…, 新华社长沙3月5日电…) that carry body text on
   the same line, continuation markers (◀◀(上接1版)), photo captions, headline-like lines
   (short, no sentence punctuation) and plain body paragraphs. Matching runs on
   `fold_for_search`, so Traditional characters and full-width digits are recognised, and
   positions found there are positions in the stored line.
2. A single walk groups lines into articles. A run of headline-like lines opens a new article
   when it is confirmed: followed by a byline / metadata / dateline, made of several lines
   (kicker + title + subtitle), or a single line after a finished article (trailing byline,
   end mark) or after a wider-than-usual blank gap. Any other headline-like line is a subhead
   and stays in the body. A dateline lead after body text and a continuation marker also start
   an article.

Nothing is lost: each non-blank line becomes exactly one of title, a subtitle line, a byline
line, a body paragraph or a removed line; a dateline lead or continuation marker at the start
of a paragraph is cut off into the byline / subtitle and the rest of the paragraph stays body.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from hnreader.core.importing.drafts import draft_of, years_from_neighbours
from hnreader.core.importing.file_layout import (
    AUTHOR_KEYS,
    DATE_KEYS,
    FileDates,
    FrontMatter,
    file_dates,
    front_matter,
    header_date,
)
from hnreader.core.importing.markup import (
    headline_parts,
    is_digest_heading,
    is_toc_header,
    toc_length,
)
from hnreader.core.importing.news_lines import (
    BODY,
    BOILERPLATE,
    BYLINE,
    CAPTION,
    CONTINUATION,
    END_MARK,
    HEAD,
    JUMP,
    LEAD,
    META,
    META_AUTHOR,
    SourceLine,
    classify_lines,
    is_editor_label,
    is_lead_in,
    is_metadata_line,
    title_index,
)
from hnreader.core.models import ArticleDraft, RemovedLine
from hnreader.core.text.dates import find_date, has_year, month_day, with_year
from hnreader.core.text.normalize import fold_for_search
from hnreader.core.text.safety import replace_lone_surrogates

# --- grouping into articles --------------------------------------------------------------------


@dataclass
class _Article:
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


class _Splitter:
    """One walk over the classified lines, deciding article boundaries."""

    def __init__(self, lines: list[SourceLine]) -> None:
        self.lines = lines
        gaps = [line.gap_before for line in lines[1:]]
        self.usual_gap = statistics.median_low(gaps) if gaps else 0
        self.web_page = any(line.kind in (BOILERPLATE, META) for line in lines)
        self.articles: list[_Article] = []
        self.preamble: list[tuple[SourceLine, str]] = []  # (line, removed reason or "")
        self.in_digest = False  # under a digest heading (快讯): each headline opens a brief
        self.digest_opening = False  # … and its first brief has not opened yet

    @property
    def current(self) -> _Article | None:
        return self.articles[-1] if self.articles else None

    def open_article(self) -> _Article:
        article = _Article()
        if not self.articles:
            for line, reason in self.preamble:
                if reason:
                    article.remove(line, reason)
                else:
                    self._attach(article, line)
            self.preamble.clear()
        self.articles.append(article)
        return article

    def big_gap(self, line: SourceLine) -> bool:
        """A blank gap wider than the file's usual gap between paragraphs."""
        return line.gap_before > self.usual_gap

    def run(self) -> list[_Article]:
        lines = self.lines
        i = 0
        while i < len(lines):
            line = lines[i]
            if line.kind == HEAD and line.heading:
                self._markdown_heading(line, self._next_content(i + 1))
                i += 1
                continue
            if line.kind == HEAD:
                j = i + 1
                while j < len(lines) and lines[j].kind == HEAD and not self.big_gap(lines[j]):
                    j += 1
                k = j
                while k < len(lines) and lines[k].kind == BOILERPLATE:
                    k += 1  # page furniture between a headline and its byline changes nothing
                self._headline_run(lines[i:j], lines[k] if k < len(lines) else None)
                i = j
                continue
            if self._speaker_before_headline(i):
                j = i + 2
                while j < len(lines) and lines[j].kind == HEAD and not self.big_gap(lines[j]):
                    j += 1
                self._headline_run(lines[i:j], lines[j] if j < len(lines) else None)
                i = j
                continue
            self._single(line)
            i += 1
        if not self.articles and self.preamble:
            self._fallback_article()
        self._set_aside_trailing_links()
        self._fold_headings_without_text()
        return self.articles

    def _speaker_before_headline(self, i: int) -> bool:
        """After a piece closed by its credit, a short line that leads in with a colon
        (全国人大代表、某厅厅长某某：) right above a headline is the next piece's kicker."""
        line, current = self.lines[i], self.current
        return (
            current is not None
            and current.ended
            and line.kind == BODY
            and len(line.folded) <= 60
            and is_lead_in(line.folded)
            and i + 1 < len(self.lines)
            and self.lines[i + 1].kind == HEAD
        )

    def _next_content(self, start: int) -> SourceLine | None:
        """The next line after `start` that is not boilerplate, or None."""
        for line in self.lines[start:]:
            if line.kind != BOILERPLATE:
                return line
        return None

    def _markdown_heading(self, line: SourceLine, after: SourceLine | None) -> None:
        """A Markdown heading opens an article when text follows it; one followed by another
        heading (a file or section header: # 《新闻联播》, ## 详细新闻) is set aside."""
        self.in_digest = False
        if after is None or after.heading:
            self._set_aside(line, "section heading")
            return
        if is_digest_heading(headline_parts(line.text).title):
            self._set_aside(line, "digest heading")
            self.in_digest = True
            self.digest_opening = True
            return
        current = self.current
        article = current if current is not None and current.stub else self.open_article()
        self._start_with_headline(article, [line])

    def _set_aside(self, line: SourceLine, reason: str) -> None:
        if self.current is None:
            self.preamble.append((line, reason))
        else:
            self.current.remove(line, reason)

    def _fold_headings_without_text(self) -> None:
        """An article of only a headline (and set-aside lines) is a heading over nothing: its
        lines are set aside in the next article (or the previous one, at the end)."""
        kept: list[_Article] = []
        pending: list[RemovedLine] = []
        pending_numbers: list[int] = []
        for article in self.articles:
            empty = not article.body and not article.bylines and article.title_line is not None
            if empty and not article.subtitles and len(self.articles) > 1:
                line = article.title_line
                assert line is not None
                pending.append(RemovedLine(line.text, "heading without text", line.number))
                pending.extend(article.removed)
                pending_numbers.extend(article.numbers)
                continue
            if pending:
                article.removed = sorted(pending + article.removed, key=lambda r: r.source_line)
                article.numbers.extend(pending_numbers)
                pending, pending_numbers = [], []
            kept.append(article)
        if pending and kept:
            last = kept[-1]
            last.removed = sorted(last.removed + pending, key=lambda r: r.source_line)
            last.numbers.extend(pending_numbers)
        if kept:
            self.articles = kept

    def _headline_run(self, run: list[SourceLine], after: SourceLine | None) -> None:
        current = self.current
        if current is not None and all(is_editor_label(line.folded) for line in run):
            for line in run:  # 核心阅读 over a summary: part of the article it is in
                current.add_body(line)
            return
        followed_by_header = after is not None and after.kind in (BYLINE, META, LEAD)
        followed_by_body = after is not None and after.kind in (BYLINE, META, LEAD, BODY, CAPTION)
        if current is None:
            if followed_by_header or followed_by_body:
                self._start_with_headline(self.open_article(), run)
            else:
                reason = "navigation" if self.web_page else ""
                self.preamble.extend((line, reason) for line in run)
            return
        if current.stub and followed_by_body:
            self._start_with_headline(current, run)
            return
        single_confirmed = followed_by_body and (
            current.ended or self.big_gap(run[0]) or self.in_digest
        )
        self.digest_opening = False
        if followed_by_header or (len(run) >= 2 and followed_by_body) or single_confirmed:
            self._start_with_headline(self.open_article(), run)
            return
        for line in run:  # subheads, or headline-like lines nobody can place: keep as body
            current.add_body(line)

    def _start_with_headline(self, article: _Article, run: list[SourceLine]) -> None:
        index = title_index([line.folded for line in run])
        for k, line in enumerate(run):
            if k == index:
                parts = headline_parts(line.text)
                article.title = parts.title
                article.title_line = line
                if parts.kicker:
                    article.subtitles.append(parts.kicker)
                if parts.label:
                    article.subtitles.append(parts.label.strip())
            else:
                article.subtitles.append(line.text)
            article.numbers.append(line.number)
        article.stub = False

    def _single(self, line: SourceLine) -> None:
        if self.digest_opening and len(line.folded) <= 30 and line.folded.endswith(":"):
            self._set_aside(line, "digest credit")  # 央视网消息（新闻联播）： over the briefs
            return
        current = self.current
        if line.kind == CONTINUATION:
            article = self.open_article()
            article.stub = True
            self._attach(article, line)
            return
        if line.kind == LEAD and current is not None and current.body and not current.stub:
            current = self.open_article()
        if current is None:
            if line.kind in (BOILERPLATE, META, END_MARK, JUMP):
                self.preamble.append((line, ""))  # attached to the first article when it opens
                return
            current = self.open_article()
        self._attach(current, line)

    def _attach(self, article: _Article, line: SourceLine) -> None:
        kind = line.kind
        if kind in (BOILERPLATE, END_MARK, JUMP):
            article.remove(line, _removed_reason(line))
            closing = kind != BOILERPLATE or line.reason in ("editor credit", "copyright")
            article.ended = article.ended or (closing and bool(article.body))
        elif kind == META:
            if is_metadata_line(line.folded) and META_AUTHOR.search(line.folded):
                article.bylines.append(line.text)
                article.credit_lines.append(line.folded)
                article.numbers.append(line.number)
            else:
                article.remove(line, line.reason or "metadata")
            article.meta.append(line)
        elif kind == BYLINE:
            article.bylines.append(line.text)
            article.credit_lines.append(line.folded)
            article.numbers.append(line.number)
            article.ended = bool(article.body)
        elif kind == LEAD:
            prefix = line.text[: line.prefix].strip()
            article.bylines.append(prefix)
            article.credit_lines.append(line.folded[: line.prefix])
            article.add_body(line, line.prefix)
        elif kind == CONTINUATION:
            article.subtitles.append(line.text[: line.prefix].strip())
            if line.text[line.prefix :].strip():
                article.add_body(line, line.prefix)
            else:
                article.numbers.append(line.number)
        else:  # BODY, CAPTION, HEAD kept as body
            article.add_body(line)

    def _fallback_article(self) -> None:
        """Only unplaceable lines (navigation, headline-like lines without body): one article
        titled by its first headline-like line, everything else kept as it was classified."""
        preamble = self.preamble
        self.preamble = []
        article = _Article()
        self.articles.append(article)
        for line, reason in preamble:
            if not article.title and line.kind == HEAD:
                article.title = line.text
                article.numbers.append(line.number)
            elif reason:
                article.remove(line, reason)
            else:
                self._attach(article, line)

    def _set_aside_trailing_links(self) -> None:
        """On a web page, short headline-like lines after an article's last paragraph are link
        lists and ads (相关阅读 items, game ads): set them aside. On a print page they may be
        captions, so they stay in the body."""
        if not self.web_page:
            return
        for article in self.articles:
            if not article.trailing_heads or len(article.trailing_heads) == len(article.body):
                continue
            first_index = article.trailing_heads[0][1]
            if first_index != len(article.body) - len(article.trailing_heads):
                continue
            del article.body[first_index:]
            del article.folded_body[first_index:]
            for line, _ in article.trailing_heads:
                article.removed.append(RemovedLine(line.text, "trailing links", line.number))
            article.removed.sort(key=lambda r: r.source_line)
            article.trailing_heads.clear()


def _removed_reason(line: SourceLine) -> str:
    if line.kind == BOILERPLATE:
        return line.reason
    if line.kind == JUMP:
        return "jump line"
    return line.kind


def _set_aside_tables_of_contents(lines: list[SourceLine]) -> None:
    """A table of contents (本期节目主要内容： and its numbered items) lists the articles that
    follow; it is metadata, not an article."""
    i = 0
    while i < len(lines):
        if lines[i].kind in (HEAD, BODY, META) and is_toc_header(lines[i].folded):
            count = toc_length([line.folded for line in lines[i + 1 : i + 400]])
            if count:
                for line in lines[i : i + 1 + count]:
                    line.kind, line.reason, line.prefix = BOILERPLATE, "table of contents", 0
                i += count
        i += 1


def split_articles(
    text: str,
    file_name: str = "",
    year: int | None = None,
    set_aside: Mapping[int, str] | None = None,
) -> list[ArticleDraft]:
    """Split a normalised source text (see `normalise_stored_text`) into article drafts.

    Titles: the main line of the first confirmed headline block; an article without one
    (a file with no headline, a dateline brief, a continuation piece) is titled with the first
    sentence of its body shortened to 30 characters (+ "…"), and that paragraph stays in the
    body. A text with no non-blank line gives no article. The split depends on the text alone;
    `file_name` (its last part is enough) may give the articles' dates (see `file_layout`);
    `year` is the year of a date that nothing in the file or its name gives a year to;
    `set_aside` names lines (1-based) that are boilerplate whatever they look like, with the
    reason (a web page's lines outside its main text).
    """
    lines, dates, matter = _prepared(text, file_name, set_aside)
    if not lines:
        return []
    drafts = years_from_neighbours([draft_of(a, dates) for a in _Splitter(lines).run()])
    author = matter.get(AUTHOR_KEYS) if matter is not None else ""
    if author:  # the front matter's author wrote what names no one else
        names = tuple(n for n in re.split(r"[,，、;；/\s]+", author) if n)
        drafts = [d if d.reporters else replace(d, reporters=names) for d in drafts]
    return [_with_default_year(d, year) for d in drafts]


def single_article(text: str, file_name: str = "", year: int | None = None) -> ArticleDraft | None:
    """A text that is one article whatever it looks like (a table's text cell): every line
    classified as by `split_articles`, boilerplate and metadata lines set aside, bylines and
    datelines read, headline-like lines kept as body; None for a text without a line."""
    lines, dates, _matter = _prepared(text, file_name, None)
    if not lines:
        return None
    splitter = _Splitter(lines)
    article = splitter.open_article()
    for line in lines:
        splitter._attach(article, line)
    return _with_default_year(draft_of(article, dates), year)


def _prepared(
    text: str, file_name: str, set_aside: Mapping[int, str] | None
) -> tuple[list[SourceLine], FileDates, FrontMatter | None]:
    """The classified lines of a text, the dates its header lines and name give, and its
    front matter."""
    # Text that skipped normalisation may hold surrogates, on which OpenCC (used to fold)
    # raises; U+FFFD keeps every length, so the split is the same as after normalisation.
    text = replace_lone_surrogates(text)
    lines = classify_lines(text)
    dates = file_dates(file_name)
    if not lines:
        return lines, dates, None
    if set_aside:
        for line in lines:
            reason = set_aside.get(line.number)
            if reason:
                line.kind, line.reason, line.prefix = BOILERPLATE, reason, 0
    _set_aside_tables_of_contents(lines)
    matter = front_matter(text.split("\n"))
    for line in lines:
        if matter is not None and matter.first_line <= line.number <= matter.last_line:
            line.kind, line.reason = BOILERPLATE, "front matter"
            key = line.text.partition(":")[0].strip().lower()
            if key in DATE_KEYS and not dates.lines:
                value = matter.get((key,))
                found = find_date(fold_for_search(value), value) or header_date(value, value)
                if found and has_year(found.value):
                    dates.add(line.number, found.value, value)
            continue
        if line.kind != BODY:
            found = header_date(line.folded, line.text)
            if found is not None:
                dates.add(line.number, found.value, line.text[found.start : found.end])
    return lines, dates, matter


def _with_default_year(draft: ArticleDraft, year: int | None) -> ArticleDraft:
    if year is not None and month_day(draft.date):
        return replace(draft, date=with_year(draft.date, f"{year:04d}"))
    return draft

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
from collections.abc import Collection, Mapping
from dataclasses import replace

from hnreader.core.importing.article_origin import with_origins
from hnreader.core.importing.article_passes import (
    fold_headings_without_text,
    set_aside_trailing_links,
)
from hnreader.core.importing.credit_lines import (
    META_AUTHOR,
    dateline_prefix_length,
    is_metadata_line,
)
from hnreader.core.importing.drafts import GroupedArticle, draft_of, years_from_neighbours
from hnreader.core.importing.file_layout import AUTHOR_KEYS, FileDates, FrontMatter, file_dates
from hnreader.core.importing.line_passes import file_dates_and_matter, is_digest_file, prepare_lines
from hnreader.core.importing.markup import (
    PLACEHOLDER_TITLES,
    headline_parts,
    is_digest_heading,
    is_digest_title,
    run_in_headline,
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
    RUN_IN,
    SourceLine,
    classify_lines,
    is_editor_label,
    is_lead_in,
    is_numbered_paragraph,
    title_index,
)
from hnreader.core.models import ArticleDraft
from hnreader.core.text.dates import month_day, with_year
from hnreader.core.text.safety import replace_lone_surrogates

SPEAKER_CHARS = 40

# --- grouping into articles --------------------------------------------------------------------


class _Splitter:
    """One walk over the classified lines, deciding article boundaries."""

    def __init__(self, lines: list[SourceLine]) -> None:
        self.lines = lines
        gaps = [line.gap_before for line in lines[1:]]
        self.usual_gap = statistics.median_low(gaps) if gaps else 0
        self.web_page = any(line.kind in (BOILERPLATE, META) for line in lines)
        self.articles: list[GroupedArticle] = []
        self.preamble: list[tuple[SourceLine, str]] = []  # (line, removed reason or "")
        self.digest_file = is_digest_file(lines)  # a daily briefing: numbered items
        self.run_end = 0  # where the headline run being placed ends
        self.position = {line.number: i for i, line in enumerate(lines)}
        self.in_digest = False  # under a digest heading (快讯): each headline opens a brief
        self.digest_opening = False  # … and its first brief has not opened yet

    @property
    def current(self) -> GroupedArticle | None:
        return self.articles[-1] if self.articles else None

    def open_article(self) -> GroupedArticle:
        article = GroupedArticle()
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

    def run(self) -> list[GroupedArticle]:
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
                while j < len(lines) and self._continues_run(lines[j]):
                    j += 1
                k = j
                while k < len(lines) and lines[k].kind == BOILERPLATE:
                    k += 1  # page furniture between a headline and its byline changes nothing
                self.run_end = j
                self._headline_run(lines[i:j], lines[k] if k < len(lines) else None)
                i = j
                continue
            if self.digest_file and self._numbered_item(line):
                current = self.current
                if current is None or current.body or not current.title:
                    current = self.open_article()
                current.add_body(line)  # 1、…。: one item of a daily briefing
                i += 1
                continue
            if line.kind == RUN_IN and not self._repeats_headline(line):
                self._run_in(line)
                i += 1
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
        if self.web_page:
            set_aside_trailing_links(self.articles)
        self.articles = fold_headings_without_text(self.articles)
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
        if self.digest_file and (
            self._numbered_item(after) or is_digest_title(headline_parts(line.text).title)
        ):  # ### 热点聚焦 over numbered items, # 财经早餐 over the whole briefing
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

    def _headline_run(self, run: list[SourceLine], after: SourceLine | None) -> None:
        current = self.current
        digest = len(run) == 1 and after is not None and after.kind == RUN_IN
        if digest and is_digest_heading(headline_parts(run[0].text).title):
            self._set_aside(run[0], "digest heading")  # 新闻速览 over its briefs
            self.in_digest = self.digest_opening = True
            return
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
        if not current.body and followed_by_body and self._metadata_under_title(current):
            for line in run:  # 标题 / 发布时间：… / 发布机关 / 正文: the headline is the title
                current.add_body(line)
            return
        single_confirmed = followed_by_body and (
            current.ended
            or self.big_gap(run[0])
            or self.in_digest
            or (len(run) == 1 and self._next_piece_of_a_series(current))
        )
        self.digest_opening = False
        if followed_by_header or (len(run) >= 2 and followed_by_body) or single_confirmed:
            self._start_with_headline(self.open_article(), run)
            return
        for line in run:  # subheads, or headline-like lines nobody can place: keep as body
            current.add_body(line)

    def _start_with_headline(self, article: GroupedArticle, run: list[SourceLine]) -> None:
        index = title_index([line.folded for line in run])
        for k, line in enumerate(run):
            if k == index:
                parts = headline_parts(line.text)
                if parts.title.strip().lower() in PLACEHOLDER_TITLES:  # ## 00:05:45｜无标题
                    article.remove(line, "placeholder title")
                    continue
                article.title = parts.title
                article.title_line = line
                if parts.kicker:
                    article.subtitles.append(parts.kicker)
                if parts.label:
                    article.subtitles.append(parts.label.strip())
            else:
                article.subtitles.append(line.text)
            article.numbers.append(line.number)
            article.headline_lines.append(line)
        article.stub = False

    def _metadata_under_title(self, article: GroupedArticle) -> bool:
        """Whether the article's title line has its metadata (发布时间：…) right under it."""
        title = article.title_line
        if title is None or not article.meta:
            return False
        position = self.position.get(title.number, -1)
        under = self.lines[position + 1] if 0 <= position + 1 < len(self.lines) else None
        return any(line is under for line in article.meta)

    def _next_piece_of_a_series(self, current: GroupedArticle) -> bool:
        """A page of pieces by several speakers (传承人话非遗, 代表之声): each headline is over
        an introduction and a speaker's lead-in (…传承人李兴昌：). A single headline whose next
        lines have the same shape as the current piece's opening starts the next piece."""
        if not current.title or len(current.body) < 3 or not _speaker(current.folded_body[1]):
            return False
        following = self.lines[self.run_end : self.run_end + 3]
        return (
            len(following) >= 2
            and following[0].kind == BODY
            and not _speaker(following[0].folded)
            and _speaker(following[1].folded)
        )

    def _continues_run(self, line: SourceLine) -> bool:
        """A headline-like line that continues a run of them (a Markdown heading never does)."""
        return line.kind == HEAD and not line.heading and not self.big_gap(line)

    @staticmethod
    def _numbered_item(line: SourceLine | None) -> bool:
        return line is not None and line.kind == BODY and is_numbered_paragraph(line.folded)

    def _repeats_headline(self, line: SourceLine) -> bool:
        """【标题】正文 right under the same headline (a wire item repeats it): plain body."""
        current = self.current
        if current is None or current.body or not current.title:
            return False
        run_in = run_in_headline(line.folded, line.text, dateline_prefix_length)
        return run_in is not None and (
            run_in.title in current.title or current.title in run_in.title
        )

    def _run_in(self, line: SourceLine) -> None:
        """A brief whose headline runs into its body (【标题】正文…): an article of its own, with
        the headline as title and the rest of the line (after any dateline) as its body."""
        run_in = run_in_headline(line.folded, line.text, dateline_prefix_length)
        assert run_in is not None
        current = self.current
        article = current if current is not None and current.stub else self.open_article()
        article.title = run_in.title
        article.title_line = line
        article.numbers.append(line.number)
        lead = dateline_prefix_length(line.folded[run_in.end :])
        if lead:
            article.bylines.append(line.text[run_in.end : run_in.end + lead].strip())
            article.credit_lines.append(line.folded[run_in.end : run_in.end + lead])
        article.add_body(line, run_in.end + lead)
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

    def _attach(self, article: GroupedArticle, line: SourceLine) -> None:
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
        article = GroupedArticle()
        self.articles.append(article)
        for line, reason in preamble:
            if not article.title and line.kind == HEAD:
                article.title = line.text
                article.numbers.append(line.number)
            elif reason:
                article.remove(line, reason)
            else:
                self._attach(article, line)


def _removed_reason(line: SourceLine) -> str:
    if line.kind == BOILERPLATE:
        return line.reason
    if line.kind == JUMP:
        return "jump line"
    return line.kind


def _speaker(folded: str) -> bool:
    """A speaker's lead-in line: 一级演员、昆曲省级代表性传承人柯军："""
    return (
        len(folded) <= SPEAKER_CHARS
        and folded.endswith(":")
        and not any(mark in folded for mark in "。!?;")
    )


def split_articles(
    text: str,
    file_name: str = "",
    year: int | None = None,
    repeated: Collection[int] = frozenset(),
    set_aside: Mapping[int, str] | None = None,
) -> list[ArticleDraft]:
    """Split a normalised source text (see `normalise_stored_text`) into article drafts.

    Titles: the main line of the first confirmed headline block; an article without one
    (a file with no headline, a dateline brief, a continuation piece) is titled with the first
    sentence of its body shortened to 30 characters (+ "…"), and that paragraph stays in the
    body. A text with no non-blank line gives no article. The split depends on the text alone;
    `file_name` (its last part is enough) may give the articles' dates (see `file_layout`);
    `year` is the year of a date that nothing in the file or its name gives a year to;
    `repeated` holds the lines that recur in other files of the same import (see
    `repeated_lines`): site chrome; `set_aside` names lines (1-based) that are boilerplate
    whatever they look like, with the reason (a web page's lines outside its main text).
    """
    lines, dates, matter = _prepared(text, file_name, set_aside, repeated)
    if not lines:
        return []
    drafts = years_from_neighbours([draft_of(a, dates) for a in _Splitter(lines).run()])
    drafts = with_origins(drafts, matter)  # page, section, url
    author = matter.get(AUTHOR_KEYS) if matter is not None else ""
    if author:  # the front matter's author wrote what names no one else
        names = tuple(n for n in re.split(r"[,，、;；/\s]+", author) if n)
        drafts = [d if d.reporters else replace(d, reporters=names) for d in drafts]
    return [_with_default_year(d, year) for d in drafts]


def single_article(text: str, file_name: str = "", year: int | None = None) -> ArticleDraft | None:
    """A text that is one article whatever it looks like (a table's text cell): every line
    classified as by `split_articles`, boilerplate and metadata lines set aside, bylines and
    datelines read, headline-like lines kept as body; None for a text without a line."""
    lines, dates, _matter = _prepared(text, file_name, None, frozenset())
    if not lines:
        return None
    splitter = _Splitter(lines)
    article = splitter.open_article()
    for line in lines:
        splitter._attach(article, line)
    return _with_default_year(draft_of(article, dates), year)


def _prepared(
    text: str,
    file_name: str,
    set_aside: Mapping[int, str] | None,
    repeated: Collection[int],
) -> tuple[list[SourceLine], FileDates, FrontMatter | None]:
    """The classified lines of a text (after every pass of `line_passes`), the dates its
    header lines and name give, and its front matter."""
    # Text that skipped normalisation may hold surrogates, on which OpenCC (used to fold)
    # raises; U+FFFD keeps every length, so the split is the same as after normalisation.
    text = replace_lone_surrogates(text)
    lines = classify_lines(text)
    if not lines:
        return lines, file_dates(file_name), None
    if set_aside:
        for line in lines:
            reason = set_aside.get(line.number)
            if reason:
                line.kind, line.reason, line.prefix = BOILERPLATE, reason, 0
    prepare_lines(lines, repeated)
    dates, matter = file_dates_and_matter(lines, text, file_name)
    return lines, dates, matter


def _with_default_year(draft: ArticleDraft, year: int | None) -> ArticleDraft:
    if year is not None and month_day(draft.date):
        return replace(draft, date=with_year(draft.date, f"{year:04d}"))
    return draft

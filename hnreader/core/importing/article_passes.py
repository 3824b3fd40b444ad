"""Passes over the articles of one file once its lines are grouped (see `splitter`): a
heading over nothing folded into its neighbour, trailing link lists of web pages set aside."""

from __future__ import annotations

from hnreader.core.importing.drafts import GroupedArticle
from hnreader.core.importing.markup import headline_parts
from hnreader.core.importing.news_lines import SourceLine
from hnreader.core.models import RemovedLine


def fold_headings_without_text(articles: list[GroupedArticle]) -> list[GroupedArticle]:
    """An article of only a headline (and set-aside lines) is a heading over nothing: its
    lines are set aside in the next article (or the previous one, at the end)."""
    kept: list[GroupedArticle] = []
    pending: list[RemovedLine] = []
    pending_numbers: list[int] = []
    pending_meta: list[SourceLine] = []
    for article in articles:
        if len(articles) > 1 and _heading_over_nothing(article):
            pending.extend(
                RemovedLine(line.text, "heading without text", line.number)
                for line in article.headline_lines
            )
            pending.extend(article.removed)
            pending_numbers.extend(article.numbers)
            pending_meta.extend(article.meta)  # its 发布时间 dates the article it joins
            continue
        if pending:
            article.removed = sorted(pending + article.removed, key=lambda r: r.source_line)
            article.numbers.extend(pending_numbers)
            article.meta[:0] = pending_meta
            pending, pending_numbers, pending_meta = [], [], []
        kept.append(article)
    if pending and kept:
        last = kept[-1]
        last.removed = sorted(last.removed + pending, key=lambda r: r.source_line)
        last.numbers.extend(pending_numbers)
        last.meta.extend(pending_meta)
    return kept or articles


def _heading_over_nothing(article: GroupedArticle) -> bool:
    """An article of only its headline block (and set-aside lines): no body, no byline, and no
    subtitle but those of its headline lines (a continuation label is more than a heading)."""
    if article.body or article.bylines or article.title_line is None:
        return False
    block = 0
    for line in article.headline_lines:
        parts = headline_parts(line.text)
        block += (bool(parts.kicker) + bool(parts.label)) if line is article.title_line else 1
    return len(article.subtitles) == block


def set_aside_trailing_links(articles: list[GroupedArticle]) -> None:
    """On a web page, short headline-like lines after an article's last paragraph are link
    lists and ads (相关阅读 items, game ads): set them aside. Only for web pages: on a print
    page they may be captions, which stay in the body."""
    for article in articles:
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

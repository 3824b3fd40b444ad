"""Where each article of a file was published: its page (版次), section and original url, from
the lines set aside as its metadata and from the file's front matter.

General rules of Chinese news files:

- a page line (《人民日报》（2020年08月25日 07 版）) gives the page and the paper of its article,
  and of the articles after it that have none of their own (a page file: the page line at its
  top; their 本报讯 is that paper);
- a link line (原文：https://…, 原文链接：…, [查看原文](https://…)) gives the url of the article
  it stands in, or ends, or leads: when the file's first article holds two links and its last
  none, each link leads the article after it;
- front matter gives the page (``page:``, ``版次:``), the section (``section``, ``column``,
  ``channel``, ``栏目``…; a value that reads as a page, ``section: "第05版"``, is the page,
  and ``第05版：要闻`` is both) to every article of the file, and its url when the file holds
  one article.

Nothing here changes what a line is: every line stays where the splitter put it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from hnreader.core.importing.boilerplate import LINK_LABELS
from hnreader.core.importing.file_layout import PAGE_KEYS, SECTION_KEYS, URL_KEYS, FrontMatter
from hnreader.core.importing.markup import page_as_written, page_line
from hnreader.core.models import ArticleDraft
from hnreader.core.text.normalize import fold_for_search

# A value that names a page: 第05版, 05版, A3版, A3, 第A3版 (and what follows it: ：要闻).
_PAGE_VALUE = re.compile(r"^(第\s*[a-z]?\d{1,3}\s*版|[a-z]?\d{1,3}\s*版|[a-z]\d{1,2})(?![\da-z])")
_LINK_LINE = re.compile(
    rf"^(?:{LINK_LABELS})\s*:\s*(?:((?:https?://|www\.)\S+)|\[[^\[\]]*\]\((https?://[^()\s]+)\))$"
)
_URL_STARTS = ("http://", "https://", "www.")
_LINKS = ("link", "metadata")  # the reasons of lines that may be link lines
_MARKDOWN_LINK = re.compile(rf"^\[[^\[\]]*(?:{LINK_LABELS})[^\[\]]*\]\((https?://[^()\s]+)\)$")


def page_and_section(value: str) -> tuple[str, str]:
    """(page, section) of a front matter value: "第05版" → ("第05版", ""), "第05版：要闻" →
    ("第05版", "要闻"), "评论" → ("", "评论")."""
    value = value.strip()
    match = _PAGE_VALUE.match(fold_for_search(value))
    if not match:
        return "", value
    return value[: match.end()], value[match.end() :].strip(" :：·|-—\u3000")


def link_url(line: str) -> str:
    """The url a link line gives its article (原文：URL, [查看原文](URL), 来源：[央视网](URL)),
    or ""."""
    folded = fold_for_search(line.strip())
    match = _LINK_LINE.match(folded) or _MARKDOWN_LINK.match(folded)
    if not match:
        return ""
    group = 1 if match.group(1) else 2
    return line.strip()[match.start(group) : match.end(group)]


def with_origins(drafts: list[ArticleDraft], matter: FrontMatter | None) -> list[ArticleDraft]:
    """The drafts with their page, section and url (see the module's rules)."""
    if not drafts:
        return drafts
    file_page, file_section, file_url = _front_matter_origin(matter)
    pages = _pages(drafts, file_page)
    urls = _urls(drafts)
    if file_url and len(drafts) == 1 and not urls[0]:
        urls[0] = file_url
    return [
        replace(
            draft,
            page=draft.page or page,
            section=draft.section or file_section,
            url=url,
            publication=draft.publication or paper,
        )
        for draft, (page, paper), url in zip(drafts, pages, urls, strict=True)
    ]


def _front_matter_origin(matter: FrontMatter | None) -> tuple[str, str, str]:
    if matter is None:
        return "", "", ""
    page = matter.get(PAGE_KEYS)
    section = ""
    for key in SECTION_KEYS:
        value_page, value_section = page_and_section(matter.fields.get(key, ""))
        page = page or value_page
        section = section or value_section
    urls = (matter.fields.get(key, "") for key in URL_KEYS)
    return page, section, next((u for u in urls if u.startswith(_URL_STARTS)), "")


def _pages(drafts: list[ArticleDraft], file_page: str) -> list[tuple[str, str]]:
    """(page, paper) of each article: its own page line's, else those of the last page line
    before it, else the file's page."""
    found = []
    carried = ("", "")
    for draft in drafts:
        for line in draft.removed:
            parts = page_line(fold_for_search(line.text)) if line.reason == "page line" else None
            if parts is not None:
                carried = (page_as_written(line.text), parts[1])
                break
        found.append((carried[0] or file_page, carried[1]))
    return found


def _urls(drafts: list[ArticleDraft]) -> list[str]:
    links = [[link_url(r.text) for r in d.removed if r.reason in _LINKS] for d in drafts]
    links = [[url for url in urls if url] for urls in links]
    if len(drafts) > 1 and len(links[0]) > 1 and not links[-1]:
        # Links lead their articles (the first article holds two, the last none): the one
        # closing each article belongs to the next.
        for i in range(len(drafts) - 1):
            if links[i]:
                links[i + 1].insert(0, links[i].pop())
    return [d.url or (urls[0] if urls else "") for d, urls in zip(drafts, links, strict=True)]

"""Saved web pages (.html, .htm, .mhtml): the page kept as stored text, its visible text as
lines for the splitter, the main text found by trafilatura, and every other visible line set
aside with a reason, as the .txt importer does with web boilerplate.

Nothing in a page is executed or fetched: lxml parses it without network access and without
loading DTDs or external entities, scripts and styles are never rendered, and trafilatura and
htmldate read only the string they are given (no URL is passed, so nothing is downloaded).

How the lines are decided (`page_document`):
1. the page is rendered into its visible lines (`html_render`);
2. trafilatura finds the main text and the page's metadata (title, date, author, site, url);
3. a line is main text when it occurs in trafilatura's text in order (a long line anywhere
   after the previous one, a short one only right after it: a one-word menu item that happens
   to occur in the body does not count); the line that is the title becomes a `# ` heading
   line, and the short lines between it and the body that carry a date or a source/author
   label stay for the splitter's metadata rules; every other line is set aside;
4. a page of several `<article>` elements (a list page) keeps each article's lines, their
   headings as `## ` lines, so the splitter makes one article of each.
"""

from __future__ import annotations

import email
import email.policy
import logging
import re
from dataclasses import dataclass, replace

from hnreader.core.importing.formats import DocumentSource, PageMeta
from hnreader.core.importing.formats.html_render import RenderedLine, iter_text, render_lines
from hnreader.core.importing.news_lines import (
    BOILERPLATE,
    BYLINE,
    LEAD,
    META,
    classify_line,
    classify_lines,
)
from hnreader.core.models import ErrorCode, ImportFileError
from hnreader.core.text.dates import find_date
from hnreader.core.text.decoding import decode_bytes
from hnreader.core.text.normalize import fold_for_search, fold_width

log = logging.getLogger(__name__)

OUTSIDE_MAIN_TEXT = "outside the main text"
_SQUEEZE = re.compile(r"[\s|\u3000]+")
_LONG_LINE = 10  # characters: a line this long is main text wherever it occurs in order
_NEAR = 30  # a shorter line must follow the previous main-text line within this many chars
_ADJACENT = 2  # … or follow the main text read so far at once (whatever line came before)
_META_LABEL = re.compile(r"来源|稿源|作者|记者|编辑|发布|时间|日期|出处|通讯员|摄影|本报讯")
_META_LINE_CHARS = 80
_MIN_ARTICLE_CHARS = 30  # an <article> of a list page: a heading and this much text
# Words that name a role, not a person: an author "作者" or "编辑" is a label trafilatura read.
_NOT_AN_AUTHOR = re.compile(r"^(?:作者|记者|编辑|责任编辑|来源|admin|administrator)\W*$", re.I)


@dataclass(frozen=True)
class DecodedPage:
    html: str
    encoding: str


def read_html_bytes(data: bytes, name: str) -> DecodedPage:
    """A page's bytes decoded (its `<meta charset>` heeded, GB2312/GBK/Big5/UTF-8 told apart
    by the evidence without one) and normalised as stored text, or ImportFileError."""
    decoded = decode_bytes(data, name, markup=True)
    return DecodedPage(decoded.text, decoded.encoding)


def read_mhtml_bytes(data: bytes, name: str) -> DecodedPage:
    """The HTML part of a single-file web archive (.mhtml/.mht, MIME multipart): decoded from
    its quoted-printable or base64 transfer encoding in the charset it names."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes) or not payload.strip():
                continue
            charset = part.get_content_charset()
            if charset and not re.search(rb"<meta[^>]+charset", payload[:4096], re.I):
                payload = f'<meta charset="{charset}">'.encode("ascii", "ignore") + b"\n" + payload
            return read_html_bytes(payload, name)
    raise ImportFileError(
        f"{name}: holds no web page (no text/html part); save the page again as a "
        "single-file web page (.mhtml) or as HTML",
        code=ErrorCode.MALFORMED_FILE,
        file=name,
        what="no text/html part",
    )


def html_document(data: bytes, name: str, *, mhtml: bool = False) -> DocumentSource:
    """A saved page as a DocumentSource (see the module docstring)."""
    page = read_mhtml_bytes(data, name) if mhtml else read_html_bytes(data, name)
    return page_document(page, name, "mhtml" if mhtml else "html")


def page_document(page: DecodedPage, name: str, fmt: str = "html") -> DocumentSource:
    root = _parse(page.html, name)
    lines = render_lines(root)
    if not lines:
        raise ImportFileError(
            f"{name}: the page shows no text", code=ErrorCode.EMPTY_SOURCE, file=name
        )
    articles = _list_articles(lines)
    if articles:
        text, set_aside = _list_page(lines, articles)
        meta = _metadata(page.html)[1]
        return DocumentSource(fmt, page.html, page.encoding, text, set_aside, meta, True)
    main_text, meta = _metadata(page.html)
    if not meta.url:
        meta = replace(meta, url=_stated_url(root))
    if not main_text.strip():
        # No main text found: the whole visible page goes to the splitter, whose web rules
        # set aside what they recognise.
        return DocumentSource(fmt, page.html, page.encoding, _joined(lines), {}, meta)
    text, set_aside = _single_page(lines, main_text, meta.title)
    return DocumentSource(fmt, page.html, page.encoding, text, set_aside, meta)


def _parse(html: str, name: str) -> object:
    import lxml.html
    from lxml import etree

    # No network, no DTD, no entity expansion (the HTML parser never defines entities). Deep
    # trees are allowed: without huge_tree libxml2 drops a whole page nested more than 256
    # levels, as broken markup (a <font> left open in every paragraph) easily is; the page's
    # size is bounded (PAGE_MAX_BYTES) and rendering stops structuring at MAX_DEPTH.
    parser = lxml.html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, huge_tree=True
    )
    try:
        # Parsed from text with any XML encoding declaration cut off (lxml refuses a str
        # that declares one).
        return lxml.html.document_fromstring(_strip_xml_declaration(html), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        raise ImportFileError(
            f"{name}: cannot be read as a web page ({error})",
            code=ErrorCode.MALFORMED_FILE,
            file=name,
            what=str(error)[:120],
        ) from None


_URL_XPATHS = (
    '//link[@rel="canonical"]/@href',
    '//meta[@property="og:url"]/@content',
    '//meta[@name="twitter:url"]/@content',
    '//meta[@name="dc.identifier" or @name="DC.identifier"]/@content',
    '//meta[@name="url" or @name="Url"]/@content',
)


def fragment_text(html: str) -> str:
    """The visible text of an HTML fragment (a feed item's description, a table cell of
    markup), one line per block; nothing in it is fetched or run."""
    if not html.strip():
        return ""
    try:
        root = _parse(f"<html><body>{html}</body></html>", "")
    except ImportFileError:
        return html
    return "\n".join(iter_text(render_lines(root)))


def _stated_url(root: object) -> str:
    """The page's own address as its markup states it (canonical link, og:url, Dublin Core
    identifier), when trafilatura found none; only an absolute http(s) address counts."""
    for xpath in _URL_XPATHS:
        for value in root.xpath(xpath):  # type: ignore[attr-defined]
            url = str(value).strip()
            if url.startswith(("http://", "https://")) and not any(c.isspace() for c in url):
                return url
    return ""


def _strip_xml_declaration(html: str) -> str:
    return re.sub(r"^\s*<\?xml[^>]*\?>", "", html, count=1)


def _metadata(html: str) -> tuple[str, PageMeta]:
    """trafilatura's main text and the page's title, date, author, site name and url."""
    import trafilatura  # ~0.3 s to import: only when a page is imported

    try:
        result = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            deduplicate=False,
            # Only dates the markup states (meta tags, time elements, the URL): a date the
            # extensive search finds in the body reports an event as often as not.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # a bug in an extractor must not lose the page: render it whole
        log.exception("trafilatura failed; the page is split as plain text")
        return "", PageMeta()
    if result is None:
        return "", PageMeta()
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    author = (data.get("author") or "").strip()
    if _NOT_AN_AUTHOR.match(author) or len(author) > 40:
        author = ""
    return str(data.get("text") or ""), PageMeta(
        title=(data.get("title") or "").strip(),
        date=(data.get("date") or "")[:10],
        author=author,
        publication=(data.get("sitename") or "").strip(),
        url=(data.get("url") or "").strip(),
    )


def squeeze(text: str) -> str:
    """A line's text for comparing: white space and table bars gone, full width folded."""
    return _SQUEEZE.sub("", fold_width(text))


def main_text_lines(lines: list[RenderedLine], main_text: str) -> list[bool]:
    """Which rendered lines are trafilatura's main text (see the module docstring)."""
    body = squeeze(main_text)
    flags = [False] * len(lines)
    cursor = 0
    previous = False  # whether the line before was main text
    for i, line in enumerate(lines):
        text = squeeze(line.text)
        found = body.find(text, max(0, cursor - 20)) if text else -1
        gap = found - cursor
        accepted = found >= 0 and (
            len(text) >= _LONG_LINE or gap <= _ADJACENT or (previous and gap <= _NEAR)
        )
        if accepted:
            flags[i] = True
            cursor = found + len(text)
        previous = accepted
    return flags


def _single_page(
    lines: list[RenderedLine], main_text: str, title: str
) -> tuple[str, dict[int, str]]:
    body = main_text_lines(lines, main_text)
    first = next((i for i, flag in enumerate(body) if flag), len(lines))
    title_at = _title_line(lines, title, first)
    keep = list(body)
    texts = [line.text for line in lines]
    reasons: dict[int, str] = {}
    if title_at is not None:
        keep[title_at] = True
        texts[title_at] = "# " + lines[title_at].text.lstrip("#").strip()
        for i in range(title_at + 1, first):
            if _metadata_line(lines[i].text):
                # The splitter reads a 来源/作者/date line as the article's metadata; any
                # other line saying when it was updated is set aside as what it is.
                kind = classify_line(fold_for_search(lines[i].text))[0]
                if kind in (META, BYLINE, LEAD):
                    keep[i] = True
                else:
                    reasons[i + 1] = "page metadata"
    return _with_reasons(texts, keep, reasons)


def _title_line(lines: list[RenderedLine], title: str, first_body: int) -> int | None:
    """The line that is the page's title: the last one before the main text that says it (a
    heading preferred), else the first heading of the main text saying it."""
    wanted = squeeze(title)
    if not wanted:
        return None
    before = [i for i in range(first_body) if squeeze(lines[i].text) == wanted]
    headings = [i for i in before if lines[i].heading]
    if headings or before:
        return (headings or before)[-1]
    for i in range(first_body, min(len(lines), first_body + 3)):
        if lines[i].heading and squeeze(lines[i].text) == wanted:
            return i
    return None


def _metadata_line(text: str) -> bool:
    """A short line under a headline giving its date, source or author (2017-03-10 09:58
    来源：网易科学人), which the splitter reads as the article's metadata."""
    if len(text) > _META_LINE_CHARS:
        return False
    folded = fold_for_search(text)
    return bool(_META_LABEL.search(folded) or find_date(folded, text))


def _list_articles(lines: list[RenderedLine]) -> set[int]:
    """The `<article>` elements of a list page worth an article each (two or more)."""
    chars: dict[int, int] = {}
    headed: set[int] = set()
    for line in lines:
        if line.article >= 0:
            chars[line.article] = chars.get(line.article, 0) + len(line.text)
            if line.heading:
                headed.add(line.article)
    articles = {a for a, n in chars.items() if n >= _MIN_ARTICLE_CHARS and a in headed}
    return articles if len(articles) >= 2 else set()


def _list_page(lines: list[RenderedLine], articles: set[int]) -> tuple[str, dict[int, str]]:
    texts, keep = [], []
    seen_heading: set[int] = set()
    for line in lines:
        inside = line.article in articles
        text = line.text
        if inside and line.heading and line.article not in seen_heading:
            seen_heading.add(line.article)
            text = "## " + text.lstrip("#").strip()
        texts.append(text)
        keep.append(inside)
    return _with_reasons(texts, keep)


def _with_reasons(
    texts: list[str], keep: list[bool], given: dict[int, str] | None = None
) -> tuple[str, dict[int, str]]:
    """The page text and its set-aside lines (1-based) with the boilerplate rules' reason
    where one applies (navigation, share buttons, copyright, …)."""
    text = "\n".join(texts)
    reasons = {
        line.number: line.reason for line in classify_lines(text) if line.kind == BOILERPLATE
    }
    reasons.update(given or {})
    set_aside = {
        number: reasons.get(number) or OUTSIDE_MAIN_TEXT
        for number, kept in enumerate(keep, start=1)
        if not kept
    }
    return text, set_aside


def _joined(lines: list[RenderedLine]) -> str:
    return "\n".join(("# " if line.heading == 1 else "") + line.text for line in lines)

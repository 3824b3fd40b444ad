"""A parsed page as the lines a reader sees: block elements start lines, inline elements run
on, table rows are one line of tab-separated cells, `<br>` breaks a line. Nothing hidden or
non-textual is rendered: scripts, styles, forms' fields, frames, embedded media, comments,
and elements hidden by `hidden`, `aria-hidden` or an inline `display:none`/`visibility:hidden`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_SKIPPED = frozenset(
    {
        "head",
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "svg",
        "math",
        "canvas",
        "video",
        "audio",
        "map",
        "select",
        "input",
        "textarea",
        "img",
        "picture",
        "source",
        "param",
        "link",
        "meta",
        "base",
        "title",
    }
)
_BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "caption",
        "ul",
    }
)
_CELLS = frozenset({"td", "th"})
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d])", re.I
)
# A box of no height whose overflow is hidden shows nothing (text kept there for crawlers).
_ZERO_HEIGHT = re.compile(r"(?<![-\w])height\s*:\s*0(?![.\d])", re.I)
_OVERFLOW_HIDDEN = re.compile(r"overflow\s*:\s*hidden", re.I)
_SPACES = re.compile(r"[ \t\n\r\f\v\u00a0\u200b]+")
# Elements deeper than this are rendered as text without further structure: pages nest a
# few dozen levels, a hostile one thousands (which would exhaust the recursion).
MAX_DEPTH = 200


@dataclass
class RenderedLine:
    """One visible line: its text, the heading level of the block it is (0: none), and the
    `<article>` element it lies in (its order among the page's articles, or -1)."""

    text: str
    heading: int = 0
    article: int = -1


class _Renderer:
    def __init__(self) -> None:
        self.lines: list[RenderedLine] = []
        self.parts: list[str] = []  # the current line's text
        self.heading = 0
        self.article = -1
        self.articles = 0
        self.row: list[str] | None = None  # the cells of the table row being rendered

    def text(self, value: str | None) -> None:
        if value:
            self.parts.append(value)

    def flush(self) -> None:
        text = _SPACES.sub(" ", "".join(self.parts)).strip(" ")
        self.parts = []
        if text:
            self.lines.append(RenderedLine(text, self.heading, self.article))

    def element(self, element: object, depth: int) -> None:
        tag = _tag(element)
        if tag is None or tag in _SKIPPED or _hidden(element):
            self.text(getattr(element, "tail", None))
            return
        if depth > MAX_DEPTH:
            self.text(_all_text(element))
            self.text(getattr(element, "tail", None))
            return
        if tag == "br":
            self._break()
        elif tag == "tr":
            self.flush()
            self.row = []
            self._children(element, depth)
            self._end_row()
        elif tag in _CELLS and self.row is not None:
            saved, self.parts = self.parts, []
            self._children(element, depth)
            self.row.append(_SPACES.sub(" ", "".join(self.parts)).strip(" "))
            self.parts = saved
        elif tag in _BLOCKS:
            self.flush()
            previous = (self.heading, self.article)
            if tag in HEADINGS:
                self.heading = HEADINGS[tag]
            if tag == "article":
                self.article = self.articles
                self.articles += 1
            self._children(element, depth)
            self.flush()
            self.heading, self.article = previous
        else:
            self._children(element, depth)
        self.text(getattr(element, "tail", None))

    def _children(self, element: object, depth: int) -> None:
        self.text(getattr(element, "text", None))
        for child in element:  # type: ignore[attr-defined]
            self.element(child, depth + 1)

    def _break(self) -> None:
        if self.row is not None:
            self.parts.append(" ")
        else:
            self.flush()

    def _end_row(self) -> None:
        cells = self.row or []
        self.row = None
        stray = _SPACES.sub(" ", "".join(self.parts)).strip(" ")
        self.parts = []
        if stray:
            cells.append(stray)
        text = "\t".join(cells).strip()
        if text:
            self.lines.append(RenderedLine(text, self.heading, self.article))


def _tag(element: object) -> str | None:
    tag = getattr(element, "tag", None)
    if not isinstance(tag, str):  # comments, processing instructions, entities
        return None
    return tag.rsplit("}", 1)[-1].lower()


def _hidden(element: object) -> bool:
    get = element.get  # type: ignore[attr-defined]
    if get("hidden") is not None or (get("aria-hidden") or "").lower() == "true":
        return True
    style = get("style")
    if not style:
        return False
    if _HIDDEN_STYLE.search(style):
        return True
    return bool(_ZERO_HEIGHT.search(style) and _OVERFLOW_HIDDEN.search(style))


def _all_text(element: object) -> str:
    return " ".join(t for t in element.itertext() if t)  # type: ignore[attr-defined]


def render_lines(root: object) -> list[RenderedLine]:
    """The visible lines of a parsed page (an lxml.html element tree)."""
    renderer = _Renderer()
    body = root.find(".//body") if _tag(root) == "html" else None  # type: ignore[attr-defined]
    renderer.element(body if body is not None else root, 0)
    renderer.flush()
    return renderer.lines


def iter_text(lines: list[RenderedLine]) -> Iterator[str]:
    for line in lines:
        yield line.text

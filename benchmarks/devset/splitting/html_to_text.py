"""Turn a saved HTML page into the visible text a browser's copy-all / "Save as text" gives.

    python3 html_to_text.py PAGE.html > PAGE.txt

Standard library only (html.parser). What it does, in page order:

- drops what a reader never sees: <head> (with <title>), <script>, <style>, <noscript>,
  <template>, <iframe> content, comments, form controls (<input>, <button> values,
  <textarea>), images (no alt text), and any element with the `hidden` attribute or an
  inline style of `display:none` / `visibility:hidden`;
- one line per block element (div, p, li, h1-h6, td/th, dt/dd, section, …) and at <br>;
  a <p> is set off by blank lines, as innerText does; link texts and other inline text
  stay on their line;
- collapses runs of whitespace (and no-break spaces) inside a line to one space and
  strips the line; ideographic spaces (U+3000, the indentation of Chinese paragraphs) are
  kept inside the line, outer ones at the ends are kept too; <pre> keeps its line breaks;
- at most one blank line in a row; nothing else is changed (no text is reworded or
  reordered).
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser

SKIP = {
    "head",
    "title",
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "textarea",
    "select",
    "button",
    "svg",
    "object",
    "embed",
    "map",
}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
}
BLOCK = {
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
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
    "option",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
}
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
SPACE = re.compile(r"[ \t\r\n\f\v\u00a0\u200b]+")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []  # finished lines ("" = blank line)
        self.line: list[str] = []
        self.stack: list[str] = []  # open elements
        self.skip_depth = 0  # >0: inside an invisible subtree
        self.pre = 0

    # -- lines ---------------------------------------------------------------
    def _flush(self) -> None:
        text = "".join(self.line)
        self.line = []
        if not self.pre:
            text = SPACE.sub(" ", text).strip(" ")
        if text.strip():
            self.out.append(text)

    def _blank(self) -> None:
        self._flush()
        if self.out and self.out[-1] != "":
            self.out.append("")

    # -- parser callbacks ----------------------------------------------------
    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.skip_depth:
            if tag not in VOID:
                self.skip_depth += 1
            return
        invisible = (
            tag in SKIP or "hidden" in attrs or HIDDEN_STYLE.search(attrs.get("style") or "")
        )
        if invisible:
            if tag not in VOID:
                self.skip_depth = 1
            return
        if tag == "br":
            self._flush()
            return
        if tag == "p":
            self._blank()
        elif tag in BLOCK:
            self._flush()
        if tag == "pre":
            self.pre += 1
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if self.skip_depth:
            self.skip_depth -= 1
            return
        if tag not in self.stack:
            return  # stray end tag
        while self.stack:
            open_tag = self.stack.pop()
            if open_tag == "pre":
                self._flush()
                self.pre -= 1
            if open_tag == "p":
                self._blank()
            elif open_tag in BLOCK:
                self._flush()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.skip_depth:
            return
        if self.pre:
            parts = data.split("\n")
            for i, part in enumerate(parts):
                if i:
                    self._flush()
                self.line.append(part)
        else:
            self.line.append(data)

    def text(self) -> str:
        self._flush()
        lines = self.out
        while lines and lines[0] == "":
            lines = lines[1:]
        while lines and lines[-1] == "":
            lines = lines[:-1]
        return "\n".join(lines) + "\n"


def html_to_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return parser.text()


if __name__ == "__main__":
    source = sys.argv[1]
    with open(source, encoding="utf-8", errors="replace") as handle:
        sys.stdout.write(html_to_text(handle.read()))

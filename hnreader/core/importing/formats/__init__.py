"""Readers for the file formats news corpora come in: each turns a file into what the importer
stores and splits.

- Documents (`.txt`, `.html`/`.htm`, `.mhtml`/`.mht`, `.docx`) are read whole into a
  `DocumentSource`: the text kept as the source file, the text the splitter reads (line
  numbers of articles and set-aside lines refer to it), lines to set aside with their reason,
  and what the file says about itself (`PageMeta`).
- Tables and record files (`.csv`, `.tsv`, `.xlsx`, `.jsonl`, `.json`, `.xml`) are streamed as
  records (`tables.TableReader`): one article per row, mapped columns plus the rest as
  document variables.

`dispatch.reader_for(path)` decides by extension and checks the content agrees.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DOCUMENT_SUFFIXES = (".txt", ".html", ".htm", ".xhtml", ".mhtml", ".mht", ".docx")
TABLE_SUFFIXES = (".csv", ".tsv", ".xlsx", ".jsonl", ".ndjson", ".json", ".xml")
SUPPORTED_SUFFIXES = DOCUMENT_SUFFIXES + TABLE_SUFFIXES


@dataclass(frozen=True)
class PageMeta:
    """What a single-document file says about its article (a page's <meta>, a Word file's
    core properties); used where the text itself says nothing."""

    title: str = ""
    date: str = ""  # ISO
    author: str = ""
    publication: str = ""
    url: str = ""


@dataclass(frozen=True)
class DocumentSource:
    """A document file, decoded: `stored_text` is kept as the source file (a page's HTML, a
    Word file's text), `text` is what the splitter reads (`stored_text` itself for .txt and
    .docx; a page's visible text for HTML, re-derived from the stored page the same way)."""

    format: str  # "txt", "html", "mhtml", "docx"
    stored_text: str
    encoding: str
    text: str
    set_aside: dict[int, str] = field(default_factory=dict)  # 1-based line → reason
    meta: PageMeta = PageMeta()
    multi_article: bool = False  # a list page: the page's title and date are not each article's

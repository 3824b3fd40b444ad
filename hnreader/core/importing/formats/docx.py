"""Word files (.docx, via python-docx): paragraphs and tables in document order as text for
the splitter. Heading styles become Markdown heading lines (`## 标题`), so the splitter's
heading rules decide where articles start; a table row is one line of tab-separated cells;
the core properties give the title and date when the text has none."""

from __future__ import annotations

import re
from pathlib import Path

from hnreader.core.importing.formats import DocumentSource, PageMeta
from hnreader.core.importing.formats.archives import check_archive
from hnreader.core.importing.formats.dispatch import damaged_archive
from hnreader.core.models import ErrorCode, ImportFileError
from hnreader.core.text.normalize import normalise_line_ends
from hnreader.core.text.safety import display_file_name

# Style names of headings in English and Chinese Word/WPS ("Heading 2", "标题 2", "Title").
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.I)
_TITLE_STYLES = {"title", "标题"}
_SPACE_RUN = re.compile(r"[ \t\r\f\v]+")


def read_docx(path: Path) -> DocumentSource:
    """A Word file's text, or ImportFileError (damaged, a zip bomb, entity declarations)."""
    name = display_file_name(path.name)
    check_archive(path)
    try:
        import docx  # python-docx; loaded only when a Word file is imported

        document = docx.Document(str(path))
        lines = list(_body_lines(document))
        properties = document.core_properties
        title = (properties.title or "").strip()
        created = properties.created
    except ImportFileError:
        raise
    except Exception as error:  # python-docx raises KeyError, ValueError, lxml errors, …
        raise damaged_archive(name, ".docx", _describe(error)) from None
    text = normalise_line_ends("\n".join(lines)).strip("\n")
    if not text.strip():
        raise ImportFileError(
            f"{name}: holds no text (only pictures, or nothing)",
            code=ErrorCode.EMPTY_SOURCE,
            file=name,
        )
    date = created.date().isoformat() if created is not None else ""
    return DocumentSource(
        format="docx",
        stored_text=text,
        encoding="docx",
        text=text,
        meta=PageMeta(title=title, date=date),
    )


def _describe(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return (text[0][:120] if text else "") or type(error).__name__


def _body_lines(document: object) -> list[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = document.element.body  # type: ignore[attr-defined]
    lines: list[str] = []
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(_paragraph_line(Paragraph(child, document)))  # type: ignore[arg-type]
        elif tag == "tbl":
            lines.extend(_table_lines(Table(child, document)))  # type: ignore[arg-type]
            lines.append("")
    return lines


def _paragraph_line(paragraph: object) -> str:
    text = _one_line(paragraph.text)  # type: ignore[attr-defined]
    if not text:
        return ""
    level = _heading_level(paragraph)
    return f"{'#' * level} {text}" if level else text


def _heading_level(paragraph: object) -> int:
    style = getattr(paragraph, "style", None)
    name = (getattr(style, "name", "") or "").strip()
    match = _HEADING_STYLE.match(name)
    if match:
        return int(match.group(1))
    if name.lower() in _TITLE_STYLES:
        return 1
    outline = paragraph._p.xpath("./w:pPr/w:outlineLvl/@w:val")  # type: ignore[attr-defined]
    if outline and str(outline[0]).isdigit() and int(outline[0]) < 9:
        return int(outline[0]) + 1
    return 0


def _table_lines(table: object) -> list[str]:
    lines = []
    for row in table.rows:  # type: ignore[attr-defined]
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is listed once per grid column
                continue
            seen.add(id(cell._tc))
            cells.append(_one_line(cell.text))
        if any(cells):
            lines.append("\t".join(cells).rstrip("\t"))
    return lines


def _one_line(text: str) -> str:
    """A paragraph or cell as one line: its soft line breaks and runs of spaces as one space
    (the ideographic spaces that indent Chinese paragraphs stay)."""
    return _SPACE_RUN.sub(" ", text.replace("\n", " ")).strip(" ")

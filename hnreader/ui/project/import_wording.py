"""What the core's import problems (files refused, rows left out) say in the UI language;
the core's English message is the fallback for a code this module does not word."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hnreader.core.models import ErrorCode, ImportProblem
from hnreader.ui.common.plain_text import visible_controls

translate = QCoreApplication.translate


def _sentences() -> dict[str, str]:
    return {
        ErrorCode.MISSING: translate("ImportWording", "%1 does not exist."),
        ErrorCode.PERMISSION: translate("ImportWording", "%1 cannot be read: permission denied."),
        ErrorCode.IO_ERROR: translate("ImportWording", "%1 could not be read."),
        ErrorCode.NOT_A_REGULAR_FILE: translate(
            "ImportWording", "%1 is not a file that can be read."
        ),
        ErrorCode.FILE_TOO_LARGE: translate(
            "ImportWording",
            "%1 is too large to import (%2 MB; the limit is %3 MB). Split it into smaller files.",
        ),
        ErrorCode.EMPTY_SOURCE: translate("ImportWording", "%1 holds no article text."),
        ErrorCode.BINARY_FILE: translate(
            "ImportWording", "%1 is not a text file (it holds binary data)."
        ),
        ErrorCode.ENCODING_UNDECIDABLE: translate(
            "ImportWording",
            "The text encoding of %1 cannot be told for sure. Save it as UTF-8 and import it "
            "again.",
        ),
        ErrorCode.UNSUPPORTED_FORMAT: translate(
            "ImportWording",
            "%1: files of this kind cannot be imported. hnreader imports .txt, web pages "
            "(.html, .mhtml), Word (.docx), tables (.csv, .tsv, .xlsx) and records (.jsonl, "
            ".json, .xml).",
        ),
        ErrorCode.OLD_OFFICE_FORMAT: translate(
            "ImportWording",
            "%1 is in an old Office format that cannot be read. Open it in Office, WPS or "
            "LibreOffice, save it as %2 and import that file.",
        ),
        ErrorCode.WRONG_CONTENT: translate(
            "ImportWording",
            "%1 is not what its name says (it is named %2 but is %3). Give it the right "
            "extension, or save it again in the program that made it.",
        ),
        ErrorCode.DAMAGED_ARCHIVE: translate(
            "ImportWording",
            "%1 is damaged. Open it in Office, WPS or LibreOffice, which may repair it, save it "
            "again and import the saved file.",
        ),
        ErrorCode.ARCHIVE_TOO_LARGE: translate(
            "ImportWording",
            "%1 would expand to more than %2 MB when read, so it was not imported: it is "
            "damaged or made to exhaust memory.",
        ),
        ErrorCode.XML_ENTITIES: translate(
            "ImportWording",
            "%1 declares XML entities, which can expand without limit, so it was not imported.",
        ),
        ErrorCode.MALFORMED_FILE: translate(
            "ImportWording",
            "%1 cannot be read as it is. Check the file, or save it again from the program "
            "that made it.",
        ),
        ErrorCode.NO_TEXT_COLUMN: translate(
            "ImportWording",
            "%1 has no column of article text. Its columns are: %2. Name the text column "
            "正文, 内容, text or content, or import the file on the command line with "
            "--map text=COLUMN.",
        ),
        ErrorCode.UNKNOWN_COLUMN: translate(
            "ImportWording", "%1 has no column %2. Its columns are: %3."
        ),
        ErrorCode.ALREADY_IMPORTED: translate(
            "ImportWording", "%1 is already in the project (the same text as %2)."
        ),
        ErrorCode.CHANGED_SINCE_IMPORT: translate(
            "ImportWording",
            "%1 changed since it was imported on %2; it was not imported again, so its "
            "annotations stay where they are.",
        ),
    }


def _units() -> dict[str, tuple[str, str]]:
    """For each kind of record: how a count of them and one of them by number are said."""
    return {
        "row": (
            translate("ImportWording", "%1 row(s)"),
            translate("ImportWording", "row %1"),
        ),
        "line": (
            translate("ImportWording", "%1 line(s)"),
            translate("ImportWording", "line %1"),
        ),
        "record": (
            translate("ImportWording", "%1 record(s)"),
            translate("ImportWording", "record %1"),
        ),
    }


def problem_text(problem: ImportProblem) -> str:
    """One line about a file that was not imported, or about rows left out of one."""
    details = problem.details
    name = visible_controls(str(details.get("file") or problem.path))
    code = problem.code
    if code in (ErrorCode.ROWS_WITHOUT_TEXT, ErrorCode.ROWS_MALFORMED, ErrorCode.ROWS_REPAIRED):
        rows = list(details.get("rows") or [])
        counted, numbered = _units().get(str(details.get("unit")), _units()["row"])
        listed = ", ".join(numbered.replace("%1", str(n)) for n in rows[:20])
        count = int(details.get("count", len(rows)))
        if len(rows) > 20:
            listed += " …"
        sentence = (
            translate(
                "ImportWording", "%1: %2 without text were left out (%3); the rest was imported."
            )
            if code == ErrorCode.ROWS_WITHOUT_TEXT
            else translate(
                "ImportWording",
                "%1: %2 were damaged (not valid JSON) and were read field by field (%3); check "
                "them in the reader.",
            )
            if code == ErrorCode.ROWS_REPAIRED
            else translate(
                "ImportWording",
                "%1: %2 could not be read and were left out (%3); the rest was imported.",
            )
        )
        return _fill(sentence, name, counted.replace("%1", f"{count:,}"), listed)
    if code == ErrorCode.NO_TEXT_COLUMN and details.get("sheet"):
        return _fill(
            translate(
                "ImportWording", "%1: sheet %2 has no column of article text and was left out."
            ),
            name,
            str(details["sheet"]),
        )
    sentence = _sentences().get(code)
    if sentence is None:
        return visible_controls(problem.message)
    columns = ", ".join(str(c) for c in details.get("columns") or [])
    arguments = {
        ErrorCode.FILE_TOO_LARGE: (
            f"{int(details.get('size', 0)) / 2**20:.1f}",
            f"{int(details.get('limit', 0)) / 2**20:.0f}",
        ),
        ErrorCode.ARCHIVE_TOO_LARGE: (f"{int(details.get('limit', 0)) / 2**20:,.0f}",),
        ErrorCode.OLD_OFFICE_FORMAT: (str(details.get("modern", ".docx")),),
        ErrorCode.WRONG_CONTENT: (str(details.get("suffix", "")), str(details.get("found", ""))),
        ErrorCode.NO_TEXT_COLUMN: (columns,),
        ErrorCode.UNKNOWN_COLUMN: (str(details.get("column", "")), columns),
        ErrorCode.ALREADY_IMPORTED: (str(details.get("earlier", "")),),
        ErrorCode.CHANGED_SINCE_IMPORT: (str(details.get("imported", ""))[:10],),
    }.get(code, ())
    return _fill(sentence, name, *arguments)


def _fill(sentence: str, *values: str) -> str:
    for number, value in reversed(list(enumerate(values, start=1))):
        sentence = sentence.replace(f"%{number}", visible_controls(value))
    return sentence

"""An ExchangeDocument made into what a project stores (an ExchangePlan) with the report of
what it brings and leaves out: codes matched to the project's tags by path, texts stored
with hnreader's line ends and selections moved with them, notes made memos.

Positions: REFI-QDA counts characters of the plain text; hnreader reads them as code points
(as QualCoder writes them). Where a tool counted UTF-16 units instead (𠮷 = 2), a selection's
`name` (the selected text, as QualCoder and hnreader write it) tells: a source whose named
selections match only when read as UTF-16 is read so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import datetime, timezone

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.exchange.document import (
    ARTICLE_FIELD_VARIABLES,
    ExchangeDocument,
    ExchangeReport,
    ExSelection,
    ExSource,
    LeftOut,
    LeftOutKind,
    LeftOutTally,
)
from hnreader.core.exchange.from_project import KIND_NOTE
from hnreader.core.importing.analysed import analyse_text
from hnreader.core.models import ArticleDraft, Tag
from hnreader.core.store.exchange import (
    ExchangePlan,
    PlannedAnnotation,
    PlannedMemo,
    PlannedTag,
)
from hnreader.core.text.normalize import normalise_line_ends
from hnreader.core.text.safety import clean_user_text

DEFAULT_COLOR = "#F2C94C"
_MAX_TAG_NAME = 80
_MAX_VARIABLE_NAME = 60
_LINE_BREAKS = ("\r", "\u2028", "\u2029", "\x85")
_KINDS = {"Integer": "number", "Float": "number", "Date": "date", "Text": "text"}


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def store_time(value: str | None) -> str | None:
    """A file's xsd:dateTime as hnreader keeps times (UTC, to the second); None if unreadable."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


def stored_text(text: str) -> tuple[str, list[int]]:
    """The text as hnreader stores it (`\\n` line ends, no BOM or NUL) and, for each offset of
    the file's text, the offset it becomes (one more entry than characters)."""
    out: list[str] = []
    offsets: list[int] = []
    i = 0
    while i < len(text):
        char = text[i]
        offsets.append(len(out))
        if char == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            offsets.append(len(out))
            out.append("\n")
            i += 2
            continue
        if char in _LINE_BREAKS:
            out.append("\n")
        elif char in ("\x00", "\ufeff"):
            pass
        elif "\ud800" <= char <= "\udfff":
            out.append("\ufffd")
        else:
            out.append(char)
        i += 1
    offsets.append(len(out))
    result = "".join(out)
    assert normalise_line_ends(result) == result
    return result, offsets


def _utf16_to_points(text: str) -> list[int]:
    """For each UTF-16 offset of `text`, the code-point offset (inside a pair: the next)."""
    points: list[int] = []
    for index, char in enumerate(text):
        points.append(index)
        if ord(char) > 0xFFFF:
            points.append(index + 1)
    points.append(len(text))
    return points


def _counts_utf16(source: ExSource) -> bool:
    if not any(ord(c) > 0xFFFF for c in source.text):
        return False
    named = [s for s in source.selections if s.name]
    if not named:
        return False
    points = _utf16_to_points(source.text)

    def matches(s: ExSelection, start: int, end: int) -> bool:
        piece = source.text[start:end]
        return piece.startswith(s.name) or s.name.startswith(piece)

    as_points = sum(matches(s, s.start, s.end) for s in named)
    as_units = sum(
        matches(s, points[s.start], points[min(s.end, len(points) - 1)])
        for s in named
        if s.end < len(points)
    )
    return as_units > as_points


def _tag_name(name: str) -> str:
    name = " ".join(clean_user_text(name).replace("/", "／").split())
    return (name or "code")[:_MAX_TAG_NAME]


def _color(value: str | None) -> str:
    value = (value or "").strip()
    if re.fullmatch(r"#[0-9A-Fa-f]{3}", value):
        value = "#" + "".join(c * 2 for c in value[1:])
    return value.upper() if re.fullmatch(r"#[0-9A-Fa-f]{6}", value) else DEFAULT_COLOR


def _plan_tags(
    doc: ExchangeDocument, existing: Sequence[Tag], report: LeftOutTally
) -> tuple[list[PlannedTag], dict[str, int], int]:
    by_path = {t.path: t for t in existing}
    used = {t.name for t in existing}
    planned: list[PlannedTag] = []
    keys: dict[str, int] = {}
    paths: dict[str, str] = {}
    reused = 0
    for key, code in enumerate(doc.codes):
        if code.guid in keys:
            continue
        name = _tag_name(code.name)
        parent_key = keys.get(code.parent) if code.parent else None
        above = paths.get(code.parent, "") if code.parent else ""
        path = f"{above}/{name}" if above else name
        if path in by_path:
            planned.append(PlannedTag(key, name, "", "", parent_key, existing_id=by_path[path].id))
            reused += 1
        else:
            unique, number = name, 2
            while unique in used:
                suffix = f" ({number})"
                unique = name[: _MAX_TAG_NAME - len(suffix)] + suffix
                number += 1
            if unique != code.name:
                report.add(LeftOutKind.RENAMED_TAGS, f"{code.name} → {unique}")
            used.add(unique)
            path = f"{above}/{unique}" if above else unique
            planned.append(
                PlannedTag(
                    key,
                    unique,
                    _color(code.color),
                    clean_user_text(code.description).strip(),
                    parent_key,
                )
            )
        keys[code.guid] = key
        paths[code.guid] = path
    return planned, keys, reused


def _variable_names(doc: ExchangeDocument, report: LeftOutTally) -> dict[str, tuple[str, str]]:
    """{variable guid: (name, hnreader kind)}; article fields keep their `article:` name."""
    names: dict[str, tuple[str, str]] = {}
    for variable in doc.variables:
        name = " ".join(clean_user_text(variable.name).replace("=", "＝").split())
        name = (name or "variable")[:_MAX_VARIABLE_NAME]
        kind = _KINDS.get(variable.type)
        if kind is None:
            report.add(LeftOutKind.VARIABLES_AS_TEXT, f"{name} ({variable.type})")
            kind = "text"
        if variable.description.startswith(KIND_NOTE):
            told = variable.description[len(KIND_NOTE) :].strip()
            if told in ("text", "number", "date", "category"):
                kind = told
        names[variable.guid] = (name, kind)
    return names


def build_plan(
    doc: ExchangeDocument,
    left_out: Sequence[LeftOut],
    existing_tags: Sequence[Tag],
    segmenter: Segmenter,
    *,
    file_name: str,
    path: str,
    sha256: str,
    progress: Callable[[int, int, str], None],
    is_cancelled: Callable[[], bool],
) -> tuple[ExchangePlan, ExchangeReport] | None:
    """What to store and the report of it; None when cancelled. Nothing is written here."""
    report = LeftOutTally(tuple(left_out))
    stamp = _now()
    tags, tag_keys, reused = _plan_tags(doc, existing_tags, report)
    variables = _variable_names(doc, report)
    users = doc.users
    referenced: set[str] = set()
    drafts: list[ArticleDraft] = []
    figures, rows = [], []
    annotations: list[PlannedAnnotation] = []
    memos: list[PlannedMemo] = []
    variable_kinds: dict[str, str] = {}
    values_given = 0

    def memo(kind: str, guid: str, **where: int) -> None:
        note = doc.notes.get(guid)
        if note is None:
            return
        referenced.add(guid)
        text = clean_user_text(note.text).strip()
        if text:
            created = store_time(note.created) or stamp
            memos.append(
                PlannedMemo(
                    kind,
                    text,
                    users.get(note.user or "", ""),
                    created,
                    store_time(note.modified) or created,
                    **where,
                )
            )

    for number, source in enumerate(doc.sources):
        if is_cancelled():
            return None
        progress(number, len(doc.sources), source.name)
        text, offsets = stored_text(source.text)
        units = _utf16_to_points(source.text) if _counts_utf16(source) else None
        fields: dict[str, str] = {}
        own: list[tuple[str, str]] = []
        for guid, value in source.values:
            if guid not in variables or not value:
                continue
            name, kind = variables[guid]
            value = clean_user_text(value).strip()
            if name in ARTICLE_FIELD_VARIABLES:
                fields[ARTICLE_FIELD_VARIABLES[name]] = value
            else:
                own.append((name, value))
                variable_kinds[name] = kind
        values_given += len(own)
        title = " ".join(clean_user_text(source.name).split())
        if not title:
            title = text.strip().split("\n", 1)[0][:30]
        index = len(drafts)
        drafts.append(
            ArticleDraft(
                title=title,
                text=text,
                date=fields.get("date", ""),
                subtitle=fields.get("subtitle", ""),
                byline=fields.get("byline", ""),
                publication=fields.get("publication", ""),
                page=fields.get("page", ""),
                section=fields.get("section", ""),
                url=fields.get("url", ""),
                variables=tuple(own),
            )
        )
        found, row = analyse_text(text, (), segmenter)
        figures.append(found)
        rows.append(row)
        for selection in source.selections:
            start, end = selection.start, selection.end
            label = f"{source.name}: {selection.name or f'{selection.start}–{selection.end}'}"
            if units is not None:
                start, end = units[start], units[min(end, len(units) - 1)]
            elif end > len(source.text):
                report.add(LeftOutKind.SELECTIONS_OUTSIDE_TEXT, label)
                continue
            start, end = offsets[start], offsets[end]
            codes = [tag_keys[c] for c in selection.code_guids if c in tag_keys]
            if len(codes) < len(selection.code_guids) or not selection.code_guids:
                report.add(LeftOutKind.CODINGS_WITHOUT_CODE, label)
            if not codes:
                continue
            if start >= end:
                report.add(LeftOutKind.SELECTIONS_OUTSIDE_TEXT, label)
                continue
            parts = [clean_user_text(selection.description).strip()]
            for guid in selection.note_guids:
                referenced.add(guid)
                if guid in doc.notes:
                    parts.append(clean_user_text(doc.notes[guid].text).strip())
            created = store_time(selection.created) or stamp
            annotations.append(
                PlannedAnnotation(
                    index,
                    start,
                    end,
                    tuple(dict.fromkeys(codes)),
                    "\n\n".join(p for p in parts if p),
                    users.get(selection.user or "", ""),
                    created,
                    store_time(selection.modified) or created,
                )
            )
        description = clean_user_text(source.description).strip()
        if description:  # QualCoder keeps a source's memo as its Description
            memos.append(
                PlannedMemo(
                    "article",
                    description,
                    users.get(source.user or "", ""),
                    store_time(source.created) or stamp,
                    store_time(source.created) or stamp,
                    article=index,
                )
            )
        for guid in source.note_guids:
            memo("article", guid, article=index)
    for code in doc.codes:
        for guid in code.note_guids:
            if code.guid in tag_keys:
                memo("tag", guid, tag_key=tag_keys[code.guid])
    for guid in doc.project_note_guids:
        memo("journal", guid)
    for guid in doc.notes:  # notes nothing refers to (QualCoder's journal): the journal's
        if guid not in referenced:
            memo("journal", guid)
    progress(len(doc.sources), len(doc.sources), "")
    plan = ExchangePlan(
        file_name,
        path,
        sha256,
        drafts,
        figures,
        rows,
        tags,
        annotations,
        memos,
        variable_kinds,
    )
    coders = sorted({a.coder for a in annotations if a.coder} | {m.coder for m in memos if m.coder})
    summary = ExchangeReport(
        file=file_name,
        articles=len(drafts),
        tags=sum(1 for t in tags if t.existing_id is None),
        tags_reused=reused,
        annotations=len(annotations),
        memos=len(memos),
        variables=values_given,
        coders=tuple(coders),
        left_out=report.items(),
        origin=doc.origin,
    )
    return plan, summary

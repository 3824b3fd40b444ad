"""A project's articles, codebook, annotations, memos and variables as an ExchangeDocument
(GUIDs derived from the project's own id, so a re-export is identical)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

from hnreader.core.exchange.document import (
    ARTICLE_FIELD_VARIABLES,
    ExchangeDocument,
    ExCode,
    ExNote,
    ExSelection,
    ExSource,
    ExVariable,
)
from hnreader.core.exchange.guids import row_guid
from hnreader.core.models import Memo
from hnreader.core.store import Store

# xsd:dateTime, xsd:date and xsd:decimal as the schema's types accept them.
_DATE_TIME = re.compile(r"-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?")
_DATE = re.compile(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
KIND_NOTE = "hnreader kind: "  # a variable's Description: its kind, read back on import


def _time(value: str) -> str | None:
    return value if value and _DATE_TIME.fullmatch(value) else None


def _note_name(text: str) -> str:
    first = text.strip().split("\n", 1)[0]
    return first if len(first) <= 40 else first[:39] + "…"


def _variable_type(kind: str, values: list[str]) -> str:
    if kind == "number" and values and all(_DECIMAL.fullmatch(v) for v in values):
        return "Float"
    if kind == "date" and values and all(_DATE.fullmatch(v) for v in values):
        return "Date"
    return "Text"


def project_document(
    store: Store,
    project_uuid: str,
    name: str,
    origin: str,
    progress: Callable[[int, int], None],
    is_cancelled: Callable[[], bool],
) -> ExchangeDocument | None:
    """The whole project; None when cancelled."""
    space = uuid.UUID(project_uuid)
    doc = ExchangeDocument(name=name, origin=origin)
    tags = store.tags()
    annotations = store.annotations()
    memos = sorted(store.memos(), key=lambda m: m.id)
    coders = sorted({a.coder for a in annotations if a.coder} | {m.coder for m in memos if m.coder})
    user = {coder: row_guid(space, "user", coder) for coder in coders}
    doc.users = {user[c]: c for c in coders}
    tag_guid = {t.id: row_guid(space, "tag", t.id) for t in tags}
    memo_guid = {m.id: row_guid(space, "memo", m.id) for m in memos}

    def notes_on(kind: str, key: int | None = None) -> tuple[str, ...]:
        return tuple(
            memo_guid[m.id]
            for m in memos
            if m.kind == kind and (m.article_id if kind == "article" else m.tag_id) == key
        )

    doc.codes = [
        ExCode(
            tag_guid[t.id],
            t.name,
            t.color if re.fullmatch(r"#[0-9A-Fa-f]{6}", t.color) else None,
            t.description,
            tag_guid.get(t.parent_id) if t.parent_id is not None else None,
            notes_on("tag", t.id),
        )
        for t in tags
    ]
    articles = []
    total = len(store.article_ids())
    for done, article_id in enumerate(store.article_ids(), start=1):
        if is_cancelled():
            return None
        articles.append(store.article(article_id))
        progress(done, total * 2)
    # Variables: the article fields other tools have no place for, then the project's own.
    values: dict[str, list[str]] = {}
    for article in articles:
        for variable, field_name in ARTICLE_FIELD_VARIABLES.items():
            if getattr(article, field_name):
                values.setdefault(variable, []).append(getattr(article, field_name))
    kinds = {v.name: v.kind for v in store.variable_summaries()}
    for article in articles:
        for variable, value in article.variables:
            values.setdefault(variable, []).append(value)
    variable_guid = {n: row_guid(space, "variable", n) for n in values}
    types: dict[str, str] = {}
    for variable, seen in values.items():
        if variable in ARTICLE_FIELD_VARIABLES:
            kind = "date" if variable == "article:date" else "text"
            description = ""
        else:
            kind = kinds.get(variable, "text")
            description = KIND_NOTE + kind
        types[variable] = _variable_type(kind, seen)
        doc.variables.append(
            ExVariable(variable_guid[variable], variable, types[variable], description)
        )
    by_article: dict[int, list[ExSelection]] = {}
    for a in annotations:
        by_article.setdefault(a.article_id, []).append(
            ExSelection(
                row_guid(space, "annotation", a.id),
                a.start,
                a.end,
                tuple(tag_guid[t] for t in sorted(a.tag_ids) if t in tag_guid),
                a.note,
                user.get(a.coder),
                _time(a.created),
                _time(a.updated) if a.updated != a.created else None,
            )
        )
    for done, article in enumerate(articles, start=1):
        if is_cancelled():
            return None
        fields = [
            (variable_guid[v], getattr(article, f))
            for v, f in ARTICLE_FIELD_VARIABLES.items()
            if getattr(article, f)
        ]
        own = [(variable_guid[n], value) for n, value in article.variables]
        doc.sources.append(
            ExSource(
                row_guid(space, "article", article.id),
                article.title,
                article.text,
                tuple(by_article.get(article.id, ())),
                tuple(fields + own),
                notes_on("article", article.id),
            )
        )
        progress(total + done, total * 2)
    doc.notes = {memo_guid[m.id]: _note(m, memo_guid[m.id], user) for m in memos}
    doc.project_note_guids = [memo_guid[m.id] for m in memos if m.kind == "journal"]
    return doc


def _note(memo: Memo, guid: str, user: dict[str, str]) -> ExNote:
    return ExNote(
        guid,
        _note_name(memo.text),
        memo.text,
        user.get(memo.coder),
        _time(memo.created),
        _time(memo.updated) if memo.updated != memo.created else None,
    )


def codebook_document(store: Store, project_uuid: str, origin: str) -> ExchangeDocument:
    """The codebook alone (tag memos are not part of a REFI-QDA codebook)."""
    space = uuid.UUID(project_uuid)
    tags = store.tags()
    guid = {t.id: row_guid(space, "tag", t.id) for t in tags}
    codes = [
        ExCode(
            guid[t.id],
            t.name,
            t.color if re.fullmatch(r"#[0-9A-Fa-f]{6}", t.color) else None,
            t.description,
            guid.get(t.parent_id) if t.parent_id is not None else None,
        )
        for t in tags
    ]
    return ExchangeDocument(origin=origin, codes=codes)

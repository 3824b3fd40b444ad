"""Re-import a source file with other split options (issue 13, item 6): its stored text is
split again, its articles take the new split in one undo step, and every annotation is placed
by its quote in the new articles (or kept as an orphan).

The articles keep their ids in order where they can (the first article of the new split is
the first of the old, …), so memos, variables, read marks and exclusions of those stay; the
memos of articles that are no longer there move to the first article.
"""

from __future__ import annotations

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.anchoring import (
    MOVED,
    ORPHANED,
    REANCHORED,
    STAYED,
    AnchorCounts,
    Placement,
    reanchor,
)
from hnreader.core.corrections import Correction, anchor_of
from hnreader.core.importing.analysed import analyse_text, file_drafts
from hnreader.core.importing.formats import DocumentSource
from hnreader.core.importing.options import ImportOptions
from hnreader.core.models import Annotation, ArticleDraft, ChangeKind, ErrorCode, StoreError
from hnreader.core.store import Store

_DOCUMENTS = ("txt", "docx", "html", "mhtml")


def find_source(store: Store, spec: str) -> int:
    """A source file by id, name or path as stored (StoreError when none or several)."""
    spec = spec.strip()
    if spec.isdigit():
        store.source_file(int(spec))
        return int(spec)
    found = store.sources_named(spec)
    if not found:
        raise StoreError(
            f"no imported file is named “{spec}”; give its name or path as imported, or its "
            "source id (`hnreader list --json` shows each article's source)",
            code=ErrorCode.MISSING,
            value=spec,
        )
    if len(found) > 1:
        raise StoreError(
            f"{len(found)} imported files are named “{spec}” (ids "
            + ", ".join(str(i) for i in found)
            + "); give the source id",
            code=ErrorCode.INVALID_VALUE,
            value=spec,
        )
    return found[0]


def stored_document(store: Store, source_id: int) -> DocumentSource:
    """A source file's stored text as its reader gave it on import."""
    source = store.source_file(source_id)
    fmt = source["format"]
    if fmt not in _DOCUMENTS:
        raise StoreError(
            f"{source['name']} is a table ({fmt}): one article per row, so split options do "
            "not apply to it",
            code=ErrorCode.INVALID_VALUE,
            value=fmt,
        )
    text = store.source_text(source_id)
    if fmt in ("html", "mhtml"):
        from hnreader.core.importing.formats.html import html_document

        return html_document(text.encode("utf-8"), source["name"], mhtml=fmt == "mhtml")
    return DocumentSource(fmt, text, source["encoding"], text)


def reimport_source(
    store: Store, segmenter: Segmenter, source_id: int, options: ImportOptions
) -> Correction:
    with store.write():
        return _reimport(store, segmenter, source_id, options)


def _reimport(
    store: Store, segmenter: Segmenter, source_id: int, options: ImportOptions
) -> Correction:
    name = store.source_file(source_id)["name"]
    document = stored_document(store, source_id)
    drafts = file_drafts(
        name,
        document.text,
        set_aside=document.set_aside,
        meta=document.meta,
        multi_article=document.multi_article,
        options=options,
    )
    if not drafts:
        raise StoreError(
            f"{name}: split as {options.split.spec}, it holds no article text; nothing changed",
            code=ErrorCode.EMPTY_SOURCE,
        )
    old_ids = store.source_article_ids(source_id)
    annotations = [(k, a) for k, i in enumerate(old_ids) for a in store.annotations(article_id=i)]
    texts = [d.text for d in drafts]
    placed = [(_best_place(texts, k, a)) for k, a in annotations]
    analysed = [analyse_text(d.text, d.captions, segmenter) for d in drafts]

    def action() -> list[int]:
        ids = list(old_ids[: len(drafts)])
        created: list[int] = []
        for n, draft in enumerate(drafts):
            if n < len(ids):
                store.rewrite_article(ids[n], n + 1, draft)
            else:
                new_id = store.insert_source_article(source_id, n + 1, draft)
                ids.append(new_id)
                created.append(new_id)
            figures, index_row = analysed[n]
            store.replace_article_content(
                ids[n],
                text=draft.text,
                captions=draft.captions,
                removed=draft.removed,
                figures=figures,
                index_row=index_row,
            )
        for (_, annotation), (target, placement) in zip(annotations, placed, strict=True):
            if placement.outcome == ORPHANED:
                store.orphan_annotation(annotation.id, ChangeKind.REIMPORT)
            else:
                store.place_annotation(annotation.id, ids[target], placement.start, placement.end)
        for surplus in old_ids[len(drafts) :]:
            store.move_memos(surplus, ids[0])
            store.delete_article_row(surplus)
        return created

    change = store.correction(ChangeKind.REIMPORT, (name, options.split.spec), old_ids, action)
    return Correction(change, AnchorCounts.of(p for _, p in placed))


def _best_place(texts: list[str], old_index: int, annotation: Annotation) -> tuple[int, Placement]:
    """The new article and place for an annotation of old article `old_index`: an exact
    quote (same article position first, then the nearest articles), else the most similar
    fuzzy match, else an orphan."""
    anchor = anchor_of(annotation)
    order = sorted(range(len(texts)), key=lambda n: (abs(n - old_index), n))
    fuzzy: tuple[int, Placement] | None = None
    for n in order:
        placement = reanchor(texts[n], anchor)
        if placement.outcome in (STAYED, MOVED):
            if n != old_index and placement.outcome == STAYED:
                placement = Placement(MOVED, placement.start, placement.end, 1.0)
            return n, placement
        if placement.outcome == REANCHORED and (
            fuzzy is None or placement.similarity > fuzzy[1].similarity
        ):
            fuzzy = (n, placement)
    return fuzzy if fuzzy is not None else (old_index, Placement(ORPHANED))


def drafts_for(store: Store, source_id: int, options: ImportOptions) -> list[ArticleDraft]:
    """What a re-import with these options would make of the file (a preview)."""
    document = stored_document(store, source_id)
    return file_drafts(
        store.source_file(source_id)["name"],
        document.text,
        set_aside=document.set_aside,
        meta=document.meta,
        multi_article=document.multi_article,
        options=options,
    )

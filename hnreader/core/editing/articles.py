"""Correcting article boundaries: split an article at an offset, merge it with the next one.

Annotations follow their text: their offsets are shifted into the article that now holds it.
"""

from __future__ import annotations

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.importing.importer import analyse_text
from hnreader.core.models import ArticleDraft, ChangeKind, Span, StoreError
from hnreader.core.store import Change, Store

_TITLE_MAX = 40


def _spans_within(spans: tuple[Span, ...], start: int, end: int, shift: int) -> list[Span]:
    return [
        Span(s.start + shift, s.end + shift) for s in spans if s.start >= start and s.end <= end
    ]


def _title_for_tail(tail: str, previous_title: str) -> str:
    first_line = tail.split("\n", 1)[0].strip()
    if 0 < len(first_line) <= _TITLE_MAX:
        return first_line
    return f"{previous_title}（续）"


def split_article(store: Store, segmenter: Segmenter, article_id: int, offset: int) -> Change:
    """Split at `offset` (code points): the text from there on becomes a new article after it.

    Read and written in one transaction, so the article and its annotations are as checked.
    """
    with store.write():
        return _split_article(store, segmenter, article_id, offset)


def _split_article(store: Store, segmenter: Segmenter, article_id: int, offset: int) -> Change:
    article = store.article(article_id)
    text = article.text
    head = text[:offset].rstrip("\n")
    if not (0 < offset < len(text)) or not head.strip() or not text[offset:].strip():
        raise StoreError(
            f"cannot split article {article_id} at {offset}: both parts must hold text "
            f"(the article has {len(text)} characters)"
        )
    annotations = store.annotations(article_id=article_id)
    for annotation in annotations:
        if annotation.start < offset < annotation.end:
            raise StoreError(
                f"the split point falls inside annotation #{annotation.id} "
                f"(“{annotation.quote[:20]}”); split before or after it"
            )
    # The line breaks at the split point belong to neither part, unless an annotation
    # ends or starts on them (F17: one that ends at the split point with its line break).
    head_end = max([len(head), *(a.end for a in annotations if a.end <= offset)])
    head = text[:head_end]
    tail_start = offset
    while tail_start < len(text) and text[tail_start] == "\n":
        tail_start += 1
    if any(offset <= a.start < tail_start for a in annotations):
        tail_start = offset  # keep the newline an annotation starts on
    tail = text[tail_start:]
    head_captions = _spans_within(article.captions, 0, len(head), 0)
    tail_captions = _spans_within(article.captions, tail_start, len(text), -tail_start)
    head_figures, head_index = analyse_text(head, head_captions, segmenter)
    tail_figures, tail_index = analyse_text(tail, tail_captions, segmenter)
    draft = ArticleDraft(
        title=_title_for_tail(tail, article.title),
        text=tail,
        date=article.date,
        date_text=article.date_text,
        byline=article.byline,
        reporters=article.reporters,
        publication=article.publication,
        page=article.page,
        section=article.section,
        url=article.url,
        captions=tuple(tail_captions),
        # Both parts come from the lines the article came from.
        first_line=article.first_line,
        last_line=article.last_line,
        variables=article.variables,  # both parts come from the same row or page
    )

    def action() -> int:
        new_id = store.insert_article_after(article_id, draft)
        store.move_annotations(article_id, new_id, offset, -tail_start)
        store.replace_article_content(
            article_id,
            text=head,
            captions=head_captions,
            removed=article.removed,
            figures=head_figures,
            index_row=head_index,
        )
        store.replace_article_content(
            new_id,
            text=tail,
            captions=tail_captions,
            removed=(),
            figures=tail_figures,
            index_row=tail_index,
        )
        return new_id

    return store.restructure(ChangeKind.SPLIT_ARTICLE, (article.title[:12],), [article_id], action)


def merge_with_next(store: Store, segmenter: Segmenter, article_id: int) -> Change:
    """Append the next article of the same source file to this one and remove it."""
    with store.write():
        return _merge_with_next(store, segmenter, article_id)


def _merge_with_next(store: Store, segmenter: Segmenter, article_id: int) -> Change:
    next_id = store.next_article_id(article_id)
    if next_id is None:
        raise StoreError(f"article {article_id} is the last of its source file: nothing to merge")
    first, second = store.article(article_id), store.article(next_id)
    shift = len(first.text) + 1
    text = first.text + "\n" + second.text
    captions = [*first.captions, *(Span(s.start + shift, s.end + shift) for s in second.captions)]
    figures, index_row = analyse_text(text, captions, segmenter)
    fill = {
        key: getattr(second, key)
        for key in ("date", "date_text", "byline", "publication", "page", "section", "url")
        if not getattr(first, key)
    }
    lines = [
        n for n in (first.first_line, first.last_line, second.first_line, second.last_line) if n
    ]

    def action() -> int:
        store.move_annotations(next_id, article_id, 0, shift)
        store.replace_article_content(
            article_id,
            text=text,
            captions=captions,
            removed=(*first.removed, *second.removed),
            figures=figures,
            index_row=index_row,
        )
        store.delete_article_row(next_id)
        if lines:
            store.set_source_lines(article_id, min(lines), max(lines))
        if fill:
            store.update_article_metadata(article_id, **fill)
        return article_id

    return store.restructure(
        ChangeKind.MERGE_ARTICLES, (first.title[:12],), [article_id, next_id], action
    )


def delete_article(store: Store, article_id: int) -> Change:
    """Remove an article from the corpus with its annotations, figures and index row, in one
    undoable step; its source file keeps the text it came from."""
    article = store.article(article_id)

    def action() -> None:
        store.delete_article_annotations(article_id)
        store.delete_article_row(article_id)

    return store.restructure(ChangeKind.DELETE_ARTICLE, (article.title[:12],), [article_id], action)

"""Line corrections of one article: set a line aside as boilerplate, restore a set-aside line,
make a line the title. A line is a line of the article's text (1-based, as the reader shows
it); a set-aside line is numbered by its place in the article's list of set-aside lines."""

from __future__ import annotations

from dataclasses import replace

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.corrections import Correction, apply_placements, placements_in
from hnreader.core.importing.analysed import analyse_text
from hnreader.core.importing.markup import headline_parts
from hnreader.core.models import Article, ChangeKind, ErrorCode, RemovedLine, Span, StoreError
from hnreader.core.store import Store

MARKED_BOILERPLATE = "marked as boilerplate"
_TITLE_CHARS = 200


def set_aside_line(store: Store, segmenter: Segmenter, article_id: int, line: int) -> Correction:
    """Line `line` of the article's text becomes a set-aside line ("marked as boilerplate")."""
    with store.write():
        article = store.article(article_id)
        lines = article.text.split("\n")
        index = _line_index(article, lines, line)
        if len([x for i, x in enumerate(lines) if i != index and x.strip()]) == 0:
            raise StoreError(
                f"line {line} is the only text of article {article_id}; exclude or delete the "
                "article instead",
                code=ErrorCode.INVALID_VALUE,
            )
        removed_text = lines[index]
        source_line = _source_line(store, article, removed_text)
        removed = sorted(
            [*article.removed, RemovedLine(removed_text.strip(), MARKED_BOILERPLATE, source_line)],
            key=lambda r: r.source_line,
        )
        new_text = "\n".join(lines[:index] + lines[index + 1 :])
        start = sum(len(x) + 1 for x in lines[:index])
        captions = _spans_without(article.captions, start, start + len(removed_text) + 1)
        return _rewrite(
            store,
            segmenter,
            article,
            ChangeKind.SET_ASIDE_LINE,
            new_text,
            captions,
            tuple(removed),
        )


def restore_line(store: Store, segmenter: Segmenter, article_id: int, number: int) -> Correction:
    """Set-aside line `number` (1-based in the article's list) goes back into its text,
    where its source line places it among the article's lines."""
    with store.write():
        article = store.article(article_id)
        if not 1 <= number <= len(article.removed):
            raise StoreError(
                f"article {article_id} has {len(article.removed)} set-aside line(s); there is no "
                f"set-aside line {number}",
                code=ErrorCode.INVALID_VALUE,
                value=str(number),
            )
        restored = article.removed[number - 1]
        lines = article.text.split("\n")
        index = _insertion_index(store, article, lines, restored)
        new_lines = [*lines[:index], restored.text, *lines[index:]]
        start = sum(len(x) + 1 for x in lines[:index])
        captions = _spans_shifted(article.captions, start, len(restored.text) + 1)
        removed = article.removed[: number - 1] + article.removed[number:]
        return _rewrite(
            store,
            segmenter,
            article,
            ChangeKind.RESTORE_LINE,
            "\n".join(new_lines),
            captions,
            removed,
        )


def title_from_line(store: Store, segmenter: Segmenter, article_id: int, line: int) -> Correction:
    """Line `line` of the text becomes the title (and leaves the text); a title that was
    not taken from the text is kept as the first subtitle line."""
    with store.write():
        article = store.article(article_id)
        lines = article.text.split("\n")
        index = _line_index(article, lines, line)
        title = headline_parts(lines[index].strip()).title.strip() or lines[index].strip()
        if len(title) > _TITLE_CHARS:
            raise StoreError(
                f"line {line} has {len(title)} characters: too long for a title (at most "
                f"{_TITLE_CHARS})",
                code=ErrorCode.INVALID_VALUE,
            )
        remaining = lines[:index] + lines[index + 1 :]
        if not any(x.strip() for x in remaining):
            raise StoreError(
                f"line {line} is the only text of article {article_id}; it cannot also be its "
                "title",
                code=ErrorCode.INVALID_VALUE,
            )
        subtitle = article.subtitle
        old = article.title.rstrip("…").strip()
        if old and old not in article.text:  # a headline of its own, not a derived title
            subtitle = "\n".join(x for x in (old, subtitle) if x)
        start = sum(len(x) + 1 for x in lines[:index])
        captions = _spans_without(article.captions, start, start + len(lines[index]) + 1)
        return _rewrite(
            store,
            segmenter,
            article,
            ChangeKind.TITLE_FROM_LINE,
            "\n".join(remaining),
            captions,
            article.removed,
            heading=(title, subtitle),
        )


def _rewrite(
    store: Store,
    segmenter: Segmenter,
    article: Article,
    kind: str,
    text: str,
    captions: list[Span],
    removed: tuple[RemovedLine, ...],
    heading: tuple[str, str] | None = None,
) -> Correction:
    annotations = store.annotations(article_id=article.id)
    placements = placements_in(text, annotations)
    figures, index_row = analyse_text(text, captions, segmenter)
    counts = []

    def action() -> list[int]:
        store.replace_article_content(
            article.id,
            text=text,
            captions=captions,
            removed=removed,
            figures=figures,
            index_row=index_row,
        )
        if heading is not None:
            store.set_article_heading(article.id, *heading)
        counts.append(apply_placements(store, article.id, annotations, placements, kind))
        return []

    label = heading[0] if heading is not None else article.title
    change = store.correction(kind, (label[:12],), [article.id], action)
    return Correction(change, counts[0])


def _line_index(article: Article, lines: list[str], line: int) -> int:
    if not 1 <= line <= len(lines) or not lines[line - 1].strip():
        raise StoreError(
            f"article {article.id} has {len(lines)} line(s) of text; line {line} is "
            + ("empty" if 1 <= line <= len(lines) else "not one of them"),
            code=ErrorCode.INVALID_VALUE,
            value=str(line),
        )
    return line - 1


def _source_lines(store: Store, article: Article) -> list[str]:
    try:
        return store.source_text(article.source_id).split("\n")
    except StoreError:
        return []


def _source_line(store: Store, article: Article, text: str) -> int:
    """The source file's line a line of the article came from (0 when it cannot be told)."""
    wanted = text.strip()
    source = _source_lines(store, article)
    low, high = max(1, article.first_line), article.last_line or len(source)
    for number in range(low, min(high, len(source)) + 1):
        if wanted and source[number - 1].strip().endswith(wanted):
            return number
    return 0


def _insertion_index(
    store: Store, article: Article, lines: list[str], restored: RemovedLine
) -> int:
    """Where a restored line goes: before the first line of the text that comes from a later
    source line (lines matched to the source in order); at the end if none does."""
    source = _source_lines(store, article)
    cursor = max(0, article.first_line - 1)
    for index, line in enumerate(lines):
        wanted = line.strip()
        if not wanted:
            continue
        found = next(
            (n for n in range(cursor, len(source)) if source[n].strip().endswith(wanted)), None
        )
        if found is None:
            continue
        cursor = found + 1
        if found + 1 > restored.source_line > 0:
            return index
    return len(lines)


def _spans_without(spans: tuple[Span, ...], start: int, end: int) -> list[Span]:
    """Spans after a deletion of [start, end): those inside it go, later ones shift."""
    width = end - start
    kept: list[Span] = []
    for span in spans:
        if span.end <= start:
            kept.append(span)
        elif span.start >= end:
            kept.append(replace(span, start=span.start - width, end=span.end - width))
    return kept


def _spans_shifted(spans: tuple[Span, ...], at: int, width: int) -> list[Span]:
    return [
        replace(s, start=s.start + width, end=s.end + width) if s.start >= at else s for s in spans
    ]

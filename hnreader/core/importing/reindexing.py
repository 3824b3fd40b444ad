"""(Re)building the search index of articles whose index is stale or missing, and
re-deriving figures stored under an older figure model."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from hnreader.core.analysis.figures import FIGURES_VERSION, find_figures
from hnreader.core.analysis.index import build_index_entry, index_version
from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.models import Figure, Progress, Span, Stage, no_progress
from hnreader.core.store import IndexRow, Store

Cancelled = Callable[[], bool]


def never_cancelled() -> bool:
    return False


def reindex(
    store: Store,
    segmenter: Segmenter,
    article_ids: Sequence[int] | None = None,
    progress: Progress = no_progress,
    is_cancelled: Cancelled = never_cancelled,
    batch: int = 200,
) -> int:
    """Rebuild the index of the given (default: stale) articles; returns how many were done.
    By default the figures are re-derived first when they follow an older figure model.

    Commits every `batch` articles, so a cancel or crash keeps the work done so far and the
    next call resumes with what is still stale.
    """
    if article_ids is None and figures_are_stale(store):
        refresh_figures(store, progress, is_cancelled, batch)
        if is_cancelled():
            return 0
    version = index_version(segmenter)
    ids = list(article_ids) if article_ids is not None else store.stale_index_ids(version)
    total = len(ids)
    count = 0
    for offset in range(0, total, batch):
        if is_cancelled():
            break
        chunk = ids[offset : offset + batch]
        texts = store.article_texts(chunk)
        rows = []
        for article_id in chunk:
            if article_id in texts:
                entry = build_index_entry(texts[article_id], segmenter)
                rows.append((article_id, IndexRow(entry.folded, entry.flags, version)))
        store.write_index_many(rows)
        count += len(rows)
        progress(count, total, Stage.INDEXING)
    return count


def figures_are_stale(store: Store) -> bool:
    return store.figures_version() != FIGURES_VERSION


def derive_figures(text: str, captions: Sequence[Span]) -> list[Figure]:
    """An article's figures as import stores them: found in the text, plus its captions."""
    captioned = [
        Figure(s.start, s.end, text[s.start : s.end], None, "", "caption") for s in captions
    ]
    return sorted([*find_figures(text), *captioned], key=lambda f: (f.start, f.end))


def refresh_figures(
    store: Store,
    progress: Progress = no_progress,
    is_cancelled: Cancelled = never_cancelled,
    batch: int = 200,
) -> int:
    """Re-derive every article's figures with the current finder (after migration 10, or
    when FIGURES_VERSION changes); the version is recorded with the last batch, so an
    interrupted refresh starts again on the next open. Returns how many articles were done."""
    ids = store.article_ids()
    total = len(ids)
    done = 0
    for offset in range(0, total, batch):
        if is_cancelled():
            return done
        chunk = ids[offset : offset + batch]
        inputs = store.article_texts_and_captions(chunk)
        rows = [(i, derive_figures(*inputs[i])) for i in chunk if i in inputs]
        last = offset + batch >= total
        store.replace_figures_many(rows, FIGURES_VERSION if last else None)
        done += len(rows)
        progress(done, total, Stage.INDEXING)
    if not ids:
        store.replace_figures_many([], FIGURES_VERSION)
    return done

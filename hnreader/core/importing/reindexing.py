"""(Re)building the search index of articles whose index is stale or missing."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from hnreader.core.analysis.index import build_index_entry, index_version
from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.models import Progress, Stage, no_progress
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

    Commits every `batch` articles, so a cancel or crash keeps the work done so far and the
    next call resumes with what is still stale.
    """
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

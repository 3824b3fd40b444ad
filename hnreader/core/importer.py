"""Importing text files and folders into a project, and (re)building the search index.

These are plain functions with `progress(done, total, message)` and `is_cancelled()` callables;
they know nothing of threads. Import is all-or-nothing per file and idempotent (content hash).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from hnreader.core.article_splitter import split_articles
from hnreader.core.decoding import read_text_file
from hnreader.core.figures import find_figures
from hnreader.core.models import (
    Figure,
    HnreaderError,
    ImportReport,
    Span,
)
from hnreader.core.search_index import build_index_entry, index_version
from hnreader.core.segmenter import Segmenter
from hnreader.core.store import IndexRow, Store, sha256_text

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


def no_progress(done: int, total: int, message: str) -> None:
    pass


def never_cancelled() -> bool:
    return False


class ImportCancelled(HnreaderError):
    """Raised inside a file's import when the user cancelled; that file is not stored."""


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """The files to import from files and folders, and the paths skipped with the reason."""
    files: list[Path] = []
    skipped: list[tuple[str, str]] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found = sorted(
                (p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".txt"),
                key=lambda p: str(p).lower(),
            )
            if not found:
                skipped.append((str(path), "the folder holds no .txt files"))
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            skipped.append((str(path), "no such file or folder"))
    return list(dict.fromkeys(files)), skipped


def caption_figures(text: str, captions: Sequence[Span]) -> list[Figure]:
    return [Figure(s.start, s.end, text[s.start : s.end], None, "", "caption") for s in captions]


def analyse_text(
    text: str, captions: Sequence[Span], segmenter: Segmenter
) -> tuple[list[Figure], IndexRow]:
    """What is derived from an article's text: its figures (with captions) and its index row."""
    figures = sorted(
        [*find_figures(text), *caption_figures(text, captions)], key=lambda f: (f.start, f.end)
    )
    entry = build_index_entry(text, segmenter)
    return figures, IndexRow(
        entry.chars_doc, entry.words_doc, entry.flags, index_version(segmenter)
    )


def import_paths(
    store: Store,
    segmenter: Segmenter,
    paths: Iterable[Path],
    progress: Progress = no_progress,
    is_cancelled: Cancelled = never_cancelled,
) -> ImportReport:
    files, skipped = collect_files(paths)
    sizes = [_size(f) for f in files]
    total = max(1, sum(sizes))
    done = 0
    added_files: list[str] = []
    article_ids: list[int] = []
    cancelled = False
    for file, size in zip(files, sizes, strict=True):
        if is_cancelled():
            cancelled = True
            break
        progress(done, total, f"Importing {file.name}")
        try:
            ids = _import_file(store, segmenter, file, done, size, total, progress, is_cancelled)
        except ImportCancelled:
            cancelled = True
            break
        except HnreaderError as error:
            skipped.append((str(file), str(error)))
        else:
            if ids:
                added_files.append(str(file))
                article_ids.extend(ids)
        done += size
    progress(total if not cancelled else done, total, "Cancelled" if cancelled else "Done")
    return ImportReport(
        added_articles=len(article_ids),
        added_files=tuple(added_files),
        skipped=tuple(skipped),
        cancelled=cancelled,
        article_ids=tuple(article_ids),
    )


def _size(path: Path) -> int:
    try:
        return max(1, path.stat().st_size)
    except OSError:
        return 1


def _import_file(
    store: Store,
    segmenter: Segmenter,
    file: Path,
    done: int,
    size: int,
    total: int,
    progress: Progress,
    is_cancelled: Cancelled,
) -> list[int]:
    decoded = read_text_file(file)
    digest = sha256_text(decoded.text)
    earlier = store.has_source(digest)
    if earlier is not None:
        raise HnreaderError(f"{file.name}: already imported (same text as {earlier})")
    drafts = split_articles(decoded.text, file.name)
    if not drafts:
        raise HnreaderError(f"{file.name}: no article text found in the file")
    figures: list[list[Figure]] = []
    rows: list[IndexRow] = []
    chars = max(1, sum(len(d.text) for d in drafts))
    seen = 0
    for draft in drafts:
        if is_cancelled():
            raise ImportCancelled(f"{file.name}: import cancelled")
        draft_figures, row = analyse_text(draft.text, draft.captions, segmenter)
        figures.append(draft_figures)
        rows.append(row)
        seen += len(draft.text)
        progress(done + size * seen // chars, total, f"Importing {file.name}")
    return store.add_source(
        name=file.name,
        path=str(file.resolve()),
        sha256=digest,
        encoding=decoded.encoding,
        text=decoded.text,
        drafts=drafts,
        figures=figures,
        index_rows=rows,
    )


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
    ids = (
        list(article_ids)
        if article_ids is not None
        else store.stale_index_ids(index_version(segmenter))
    )
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
                rows.append(
                    (
                        article_id,
                        IndexRow(
                            entry.chars_doc, entry.words_doc, entry.flags, index_version(segmenter)
                        ),
                    )
                )
        store.write_index_many(rows)
        count += len(rows)
        progress(count, total, "Indexing")
    return count

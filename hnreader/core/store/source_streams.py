"""A large source file stored as it is read: its row and compressed text first, then its
articles one by one, all in one transaction (all or nothing, as for any file), without the
file's text or its articles ever held in memory together."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence

from hnreader.core.models import ArticleDraft, Figure
from hnreader.core.store.articles import ArticleQueries
from hnreader.core.store.base import IndexRow, _now


class SourceSink:
    """Where a streamed source's articles go, in order."""

    def __init__(self, store: SourceStreams, source_id: int) -> None:
        self._store = store
        self.source_id = source_id
        self.ids: list[int] = []
        self.variable_kinds: dict[str, str] = {}  # set by the importer before the end

    def add(self, draft: ArticleDraft, figures: Sequence[Figure], index_row: IndexRow) -> int:
        store = self._store
        article_id = store._insert_article(self.source_id, len(self.ids) + 1, draft)
        store._replace_figures(article_id, figures)
        store._put_index_row(article_id, index_row, draft.text)
        self.ids.append(article_id)
        return article_id


class SourceStreams(ArticleQueries):
    @contextlib.contextmanager
    def streamed_source(
        self,
        *,
        name: str,
        path: str,
        sha256: str,
        encoding: str,
        file_format: str,
        compressed: Iterable[bytes],
        compressed_size: int,
    ) -> Iterator[SourceSink]:
        """One transaction for a whole source file: its row with its text (`compressed`:
        zlib over UTF-8, as `compress_text` makes it, written into the row in pieces), then
        the articles the caller adds to the sink. An exception rolls all of it back."""
        with self.write():
            cursor = self._conn.execute(
                "INSERT INTO source_files(name, path, sha256, encoding, text, compression, "
                "imported, format) VALUES (?, ?, ?, ?, zeroblob(?), 'zlib', ?, ?)",
                (name, path, sha256, encoding, compressed_size, _now(), file_format),
            )
            source_id = cursor.lastrowid
            assert source_id is not None
            with self._conn.blobopen("source_files", "text", source_id) as blob:
                for block in compressed:
                    blob.write(block)
            sink = SourceSink(self, source_id)
            yield sink
            if sink.variable_kinds:
                self._merge_variable_kinds(sink.variable_kinds)

"""The project file: the only package that speaks SQL.

A project is one SQLite file. Durability and concurrency choices (see docs/STORAGE.md):
- every user action is one transaction opened with ``BEGIN IMMEDIATE``, so a second window
  that wrote meanwhile makes us wait (busy timeout) instead of failing half-way;
- ``foreign_keys`` on; ``synchronous=FULL``;
- rollback journal (``DELETE``) on SQLite < 3.51.3, whose WAL mode has a rare corruption bug
  when two connections write or checkpoint at once (two windows on one project); WAL on newer.
- The schema has a version (``PRAGMA user_version``); a file from a newer hnreader is refused
  before anything is written.

Every mutating method returns a ``Change``: the rows it touched before and after. Applying
``change.before`` undoes it and ``change.after`` redoes it (see ``restore_rows``), which gives
every operation an exact inverse without per-operation undo code.
"""

from __future__ import annotations

from hnreader.core.store.annotations import AnnotationQueries
from hnreader.core.store.article_details import ArticleDetails
from hnreader.core.store.articles import sha256_text
from hnreader.core.store.base import Change, IndexRow, RowKey, RowState
from hnreader.core.store.change_log import ChangeLog, ReadMarks
from hnreader.core.store.corrections import CorrectionQueries
from hnreader.core.store.curation import CurationQueries
from hnreader.core.store.exchange import ExchangeQueries
from hnreader.core.store.ledger import LedgerQueries
from hnreader.core.store.memos import MemoQueries
from hnreader.core.store.merging import MergeQueries
from hnreader.core.store.schema import MIGRATIONS, SCHEMA_VERSION
from hnreader.core.store.search_index import HeaderRow, MatchRow
from hnreader.core.store.source_streams import SourceSink, SourceStreams
from hnreader.core.store.tags import TagQueries
from hnreader.core.store.trends import TrendQueries
from hnreader.core.store.word_counts import WordCountQueries


class Store(
    ArticleDetails,
    SourceStreams,
    TagQueries,
    AnnotationQueries,
    ChangeLog,
    ReadMarks,
    MemoQueries,
    TrendQueries,
    MergeQueries,
    CurationQueries,
    LedgerQueries,
    CorrectionQueries,
    ExchangeQueries,
    WordCountQueries,
):
    """An open project file. Not thread-safe: use one Store per thread."""


__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Change",
    "HeaderRow",
    "IndexRow",
    "MatchRow",
    "RowKey",
    "RowState",
    "SourceSink",
    "Store",
    "sha256_text",
]

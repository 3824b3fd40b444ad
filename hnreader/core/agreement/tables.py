"""The team tables for export: the agreement table and the memo list, as (header, rows, numeric
columns) for `Project.export_table` (CSV, or XLSX by the file's suffix)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from hnreader.core.agreement import AgreementReport
from hnreader.core.models import Memo

Table = tuple[tuple[str, ...], list[tuple[object, ...]], frozenset[str]]

AGREEMENT_COLUMNS = (
    "tag",
    "units",
    "coders",
    "coded",
    "percent_agreement",
    "cohen_kappa",
    "fleiss_kappa",
    "krippendorff_alpha",
    "unitized_alpha",
)
_AGREEMENT_TEXT = {0, 2, 3}  # the other columns are numbers

MEMO_COLUMNS = (
    "memo_id",
    "kind",
    "article_id",
    "article_title",
    "tag",
    "text",
    "coder",
    "created_utc",
    "updated_utc",
)


def agreement_table(
    report: AgreementReport,
    *,
    header: Sequence[str] = AGREEMENT_COLUMNS,
    all_tags: str = "(all tags)",
) -> Table:
    """One row per tag, then the overall row (named `all_tags`); `header` may be the UI's
    words for the same columns."""
    if len(header) != len(AGREEMENT_COLUMNS):
        raise ValueError(f"the agreement table has {len(AGREEMENT_COLUMNS)} columns")
    rows: list[tuple[object, ...]] = [
        (
            row.tag or all_tags,
            row.units,
            " / ".join(report.coders),
            " / ".join(map(str, row.coded)),
            row.percent,
            row.cohen_kappa,
            row.fleiss_kappa,
            row.krippendorff_alpha,
            row.unitized_alpha,
        )
        for row in (*report.tags, report.overall)
    ]
    numeric = frozenset(name for i, name in enumerate(header) if i not in _AGREEMENT_TEXT)
    return tuple(header), rows, numeric


def memo_table(
    memos: Sequence[Memo],
    article_titles: Mapping[int, str],
    tag_paths: Mapping[int, str],
    *,
    header: Sequence[str] = MEMO_COLUMNS,
) -> Table:
    """One row per memo, in the order given; times are dates (UTC, as stored)."""
    if len(header) != len(MEMO_COLUMNS):
        raise ValueError(f"the memo table has {len(MEMO_COLUMNS)} columns")
    rows: list[tuple[object, ...]] = [
        (
            memo.id,
            memo.kind,
            memo.article_id,
            article_titles.get(memo.article_id, "") if memo.article_id is not None else "",
            tag_paths.get(memo.tag_id, "") if memo.tag_id is not None else "",
            memo.text,
            memo.coder,
            _when(memo.created),
            _when(memo.updated),
        )
        for memo in memos
    ]
    return tuple(header), rows, frozenset({header[0], header[2]})


def _when(stamp: str) -> datetime | str:
    """A stored ISO time as a datetime (text kept as it is if it is none)."""
    try:
        return datetime.fromisoformat(stamp)
    except ValueError:
        return stamp

"""The ledger as rows: one per value with its entry, source article, sentence and offsets
(CSV/XLSX export), and as plain data for `hnreader ledger --json`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hnreader.core.ledger.entries import LedgerEntry, LedgerValue

LEDGER_COLUMNS = (
    "indicator",
    "measure",
    "place",
    "period",
    "status",
    "value_text",
    "value",
    "value_from",
    "value_to",
    "unit",
    "kind",
    "approx",
    "disagrees",
    "marked_correct",
    "found_as",
    "found_by",
    "place_from",
    "period_from",
    "article_id",
    "article_title",
    "article_date",
    "start",
    "end",
    "sentence",
    "sentence_start",
    "sentence_end",
)
_NUMERIC = frozenset(
    {"value", "value_from", "value_to", "article_id", "start", "end"}
    | {"sentence_start", "sentence_end"}
)
Table = tuple[tuple[str, ...], list[tuple[object, ...]], frozenset[str]]


def _numbers(value: LedgerValue) -> tuple[object, object, object]:
    numbers = value.numbers
    if len(numbers) == 1:
        return numbers[0], None, None
    return None, numbers[0], numbers[-1]


def value_row(entry: LedgerEntry, value: LedgerValue) -> tuple[object, ...]:
    single, first, last = _numbers(value)
    approx = next((f.approx for _, f in value.figures if f.approx), "")
    return (
        entry.indicator,
        entry.measure,
        entry.place,
        entry.period,
        entry.status,
        value.text,
        single,
        first,
        last,
        value.unit,
        value.kind,
        approx,
        "yes" if value.key in entry.disagreeing else "",
        "yes" if entry.correct == value.key else "",
        value.written,
        value.how,
        value.place_how,
        value.period_how,
        value.article_id,
        value.article_title,
        value.article_date,
        value.start,
        value.end,
        value.sentence,
        value.sentence_start,
        value.sentence_end,
    )


def ledger_table(entries: Sequence[LedgerEntry]) -> Table:
    rows = [value_row(entry, value) for entry in entries for value in entry.values]
    return LEDGER_COLUMNS, rows, _NUMERIC


def entry_json(entry: LedgerEntry) -> dict[str, Any]:
    return {
        "indicator": entry.indicator,
        "measure": entry.measure,
        "place": entry.place,
        "period": entry.period,
        "status": entry.status,
        "conflict": entry.conflict,
        "confirmed": entry.confirmed,
        "values": [
            {
                name: cell
                for name, cell in zip(LEDGER_COLUMNS, value_row(entry, value), strict=True)
                if name not in ("indicator", "measure", "place", "period", "status")
            }
            for value in entry.values
        ],
    }

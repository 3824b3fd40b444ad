"""The statistics ledger command: `hnreader ledger` (issue 14)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hnreader.cli.console import print_json, stderr_progress
from hnreader.core.ledger.entries import LedgerEntry
from hnreader.core.ledger.table import entry_json
from hnreader.core.models import HnreaderError

_STATUS = {"conflict": "CONFLICT", "resolved": "resolved", "confirmed": "confirmed", "": ""}
_QUOTE_CHARS = 60


def add_parsers(commands: Any, project: argparse.ArgumentParser, as_json: Any) -> None:
    sub = commands.add_parser(
        "ledger",
        parents=[project, as_json],
        help="the statistics ledger: figures by indicator, place and period, with conflicts",
        description=(
            "Group the figures of every article by the indicator they measure (贫困发生率, "
            "贫困人口…, from resources/ledger/indicators.txt and the project's own names), "
            "the place and the period, and flag values that disagree for the same indicator, "
            "place and period (beyond rounding: 747万 and 747.6万 agree, 747万 and 767万 do "
            "not). Merges, confirmations and values marked correct are made in the app "
            "(Analyse ▸ Statistics Ledger) and undone with `hnreader undo`."
        ),
        epilog="example: hnreader ledger --indicator 贫困发生率 --conflicts --csv ledger.csv",
    )
    sub.add_argument("--indicator", metavar="NAME", help="only this indicator's entries")
    sub.add_argument("--conflicts", action="store_true", help="only entries whose values disagree")
    sub.add_argument(
        "--no-guessed",
        dest="guessed",
        action="store_false",
        help="only indicators of the dictionary (leave out names guessed from the words "
        "before a figure)",
    )
    sub.add_argument("--csv", type=Path, metavar="FILE", help="write every value as CSV")
    sub.add_argument(
        "--xlsx", type=Path, metavar="FILE", help="write every value as an Excel workbook"
    )


def _cmd_ledger(project: Any, args: argparse.Namespace) -> int:
    for option, path in (("--csv", args.csv), ("--xlsx", args.xlsx)):
        if path is not None and path.suffix.lower() != "." + option[2:]:
            raise HnreaderError(
                f"{option} {path}: the file name must end in .{option[2:]}; nothing was written"
            )
    ledger = project.ledger(
        indicator=args.indicator,
        conflicts_only=args.conflicts,
        guessed=args.guessed,
        progress=stderr_progress,
    )
    if args.indicator is not None and not ledger.entries and not args.conflicts:
        known = sorted({i.name for i in project.ledger_indicators()})
        raise HnreaderError(
            f"no figure in the project measures “{args.indicator}”. Indicators of the "
            f"dictionary: {'、'.join(known[:30])}…; `hnreader ledger` lists every entry."
        )
    for path in (args.csv, args.xlsx):
        if path is not None:
            written = project.export_ledger(path, ledger.entries)
            print(f"Wrote {written:,} value(s) to {path}")
    if args.csv is not None or args.xlsx is not None:
        return 0
    if args.json:
        print_json(
            {
                "measured_figures": ledger.measured,
                "with_indicator": ledger.with_indicator,
                "guessed": ledger.guessed,
                "entries": [entry_json(e) for e in ledger.entries],
            }
        )
        return 0
    for entry in ledger.entries:
        _print_entry(entry)
    conflicts = sum(1 for e in ledger.entries if e.status == "conflict")
    print(
        f"{len(ledger.entries):,} entr{'y' if len(ledger.entries) == 1 else 'ies'}, "
        f"{conflicts:,} with conflicting values; {ledger.with_indicator:,} of "
        f"{ledger.measured:,} measured figures have an indicator "
        f"({ledger.guessed:,} of them guessed)"
    )
    return 0


def _print_entry(entry: LedgerEntry) -> None:
    heading = " · ".join(
        part for part in (entry.label, entry.place or "(place?)", entry.period or "(period?)")
    )
    status = _STATUS[entry.status]
    guessed = "  (guessed name)" if entry.guessed else ""
    print(heading + (f"  [{status}]" if status else "") + guessed)
    for value in entry.values:
        marks = "!" if value.key in entry.disagreeing else " "
        marks += "✓" if entry.correct == value.key else " "
        sentence = value.sentence.replace("\n", " ")
        if len(sentence) > _QUOTE_CHARS:
            sentence = sentence[: _QUOTE_CHARS - 1] + "…"
        print(
            f"  {marks} {value.text:<18} article {value.article_id} "
            f"[{value.start}–{value.end}] {value.article_date or '—'}  “{sentence}”"
        )


COMMANDS = {"ledger": _cmd_ledger}

"""REFI-QDA exchange commands: export-qdpx, export-qdc, import-qdpx, import-qdc."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import Any

from hnreader.cli.console import EXIT_ERROR, print_json, stderr_progress
from hnreader.core.exchange import ExchangeReport


def add_parsers(commands: Any, project: argparse.ArgumentParser, as_json: Any) -> None:
    for name, suffix, what, example in (
        ("export-qdpx", ".qdpx", "the whole project (articles, codebook, annotations, coders, "
         "memos, variables) as a REFI-QDA project for MAXQDA, NVivo, ATLAS.ti or QualCoder",
         "hnreader export-qdpx study.qdpx"),
        ("export-qdc", ".qdc", "the codebook (tags with colours, hierarchy and descriptions) "
         "as a REFI-QDA codebook", "hnreader export-qdc codebook.qdc"),
    ):  # fmt: skip
        sub = commands.add_parser(
            name, parents=[project, as_json], help=what, epilog=f"example: {example}"
        )
        sub.add_argument("out", metavar=f"OUT{suffix}", help=f"the {suffix} file to write")
    for name, suffix, what, example in (
        ("import-qdpx", ".qdpx", "a REFI-QDA project from another program: its text sources "
         "become articles, codes tags, codings annotations, notes memos (one undoable step); "
         "the report says what could not be carried over",
         "hnreader import-qdpx interviews.qdpx --json"),
        ("import-qdc", ".qdc", "a REFI-QDA codebook: its codes become tags (a tag the project "
         "has at the same path is kept; one undoable step)", "hnreader import-qdc codebook.qdc"),
    ):  # fmt: skip
        sub = commands.add_parser(
            name, parents=[project, as_json], help=what, epilog=f"example: {example}"
        )
        sub.add_argument("source", metavar=f"IN{suffix}", help=f"the {suffix} file to read")
        sub.add_argument(
            "--dry-run", action="store_true", help="report what would come in; change nothing"
        )


def _wrong_suffix(path: Path, suffix: str) -> int:
    print(
        f"hnreader: error: {path.name} does not end in {suffix}; give a {suffix} file",
        file=sys.stderr,
    )
    return EXIT_ERROR


def _cmd_export(project: Any, args: argparse.Namespace) -> int:
    out = Path(args.out)
    suffix = ".qdpx" if args.command == "export-qdpx" else ".qdc"
    if out.suffix.lower() != suffix:
        return _wrong_suffix(out, suffix)
    if suffix == ".qdpx":
        summary = project.export_qdpx(out, stderr_progress)
    else:
        summary = project.export_qdc(out)
    if args.json:
        print_json(dataclasses.asdict(summary))
    elif suffix == ".qdpx":
        print(
            f"Wrote {out}: {summary.articles} article(s), {summary.tags} tag(s), "
            f"{summary.annotations} annotation(s), {summary.memos} memo(s), "
            f"{summary.users} coder(s)."
        )
    else:
        print(f"Wrote {out}: {summary.tags} tag(s).")
    return 0


def report_json(report: ExchangeReport, *, dry_run: bool) -> dict[str, Any]:
    data = dataclasses.asdict(report)
    data["coders"] = list(report.coders)
    data["left_out"] = [
        {"kind": i.kind, "count": i.count, "examples": list(i.examples), "message": i.english}
        for i in report.left_out
    ]
    data["dry_run"] = dry_run
    return data


def _cmd_import(project: Any, args: argparse.Namespace) -> int:
    source = Path(args.source)
    suffix = ".qdpx" if args.command == "import-qdpx" else ".qdc"
    if source.suffix.lower() != suffix:
        return _wrong_suffix(source, suffix)
    report = project.import_exchange(source, stderr_progress, dry_run=args.dry_run)
    if args.json:
        print_json(report_json(report, dry_run=args.dry_run))
        return 0
    verb = "Would import" if args.dry_run else "Imported"
    origin = f" (written by {report.origin})" if report.origin else ""
    print(
        f"{verb} {report.file}{origin}: {report.articles} article(s), {report.tags} new "
        f"tag(s), {report.tags_reused} code(s) matched to existing tags, "
        f"{report.annotations} annotation(s), {report.memos} memo(s), "
        f"{report.variables} variable value(s)."
    )
    if report.coders:
        print("Coders: " + ", ".join(report.coders))
    if report.left_out:
        print("Not carried over as it was:")
        for item in report.left_out:
            print(f"  - {item.english}")
    if not args.dry_run:
        print("`hnreader undo` removes the whole import.")
    return 0


COMMANDS = {
    "export-qdpx": _cmd_export,
    "export-qdc": _cmd_export,
    "import-qdpx": _cmd_import,
    "import-qdc": _cmd_import,
}
WRITE_COMMANDS = {"import-qdpx", "import-qdc"}

"""The safety commands: backup, backups, restore, check, salvage."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from hnreader.cli.console import EXIT_CODES, print_json
from hnreader.core.models import ErrorCode, HnreaderError


def _backup_json(info: Any) -> dict[str, Any]:
    return {
        "path": str(info.path),
        "created": info.created.isoformat(timespec="seconds"),
        "reason": info.reason,
        "size": info.size,
        "schema_version": info.schema_version,
        "verified": info.verified,
    }


def _cmd_backup(project: Any, args: argparse.Namespace) -> int:
    info = project.backup("manual", keep=args.keep)
    if args.json:
        print_json(_backup_json(info))
    else:
        print(f"Backed up {project.path.name} to {info.path} ({info.size:,} bytes, verified)")
    return 0


def _cmd_backups(path: Path, args: argparse.Namespace) -> int:
    from hnreader.core import safekeeping

    found = safekeeping.list_backups(path)
    if args.json:
        print_json([_backup_json(b) for b in found])
        return 0
    if not found:
        print(f"No backups of {path.name} yet (`hnreader backup` makes one).")
    for number, info in enumerate(found, start=1):
        when = info.created.strftime("%Y-%m-%d %H:%M:%S")
        flag = "" if info.verified else "  (unverified copy of a damaged file)"
        print(f"{number:>3}  {when}  {info.reason:<14} {info.size:>12,}  {info.path}{flag}")
    return 0


def _cmd_restore(path: Path, args: argparse.Namespace) -> int:
    from hnreader.core import safekeeping

    backup = Path(args.backup)
    if args.backup.isdigit() and not backup.exists():
        found = safekeeping.list_backups(path)
        number = int(args.backup)
        if not 1 <= number <= len(found):
            raise HnreaderError(
                f"there is no backup number {number} of {path.name}: `hnreader backups` "
                f"lists {len(found)}."
            )
        backup = found[number - 1].path
    kept = safekeeping.restore_backup(backup, path)
    print(f"Restored {path.name} from {backup}.")
    if kept is not None:
        print(f"The file it replaced was kept as {kept}.")
    return 0


def _cmd_check(path: Path, args: argparse.Namespace) -> int:
    from hnreader.core import safekeeping

    report = safekeeping.check(path, full=args.full)
    if args.json:
        print_json(
            {
                "path": str(path),
                "ok": report.ok,
                "code": report.code,
                "problems": list(report.problems),
                "schema_version": report.schema_version,
            }
        )
    elif report.ok:
        kind = "full check (integrity and search index)" if args.full else "quick check"
        print(f"{path.name}: no damage found ({kind}).")
    else:
        print(f"{path.name}: {report.code.replace('_', ' ')}", file=sys.stderr)
        for problem in report.problems[:20]:
            print(f"  {problem}", file=sys.stderr)
        if report.code == safekeeping.CheckCode.DAMAGED:
            print(
                "Restore a backup (`hnreader backups`, `hnreader restore 1`) or rescue what "
                "can be read (`hnreader salvage NEW.sqlite`).",
                file=sys.stderr,
            )
    if report.ok:
        return 0
    return {
        safekeeping.CheckCode.DAMAGED: EXIT_CODES[ErrorCode.DAMAGED],
        safekeeping.CheckCode.PERMISSION: EXIT_CODES[ErrorCode.PERMISSION],
        safekeeping.CheckCode.BUSY: EXIT_CODES[ErrorCode.BUSY],
    }.get(report.code, EXIT_CODES[ErrorCode.NOT_A_PROJECT])


def _cmd_salvage(path: Path, args: argparse.Namespace) -> int:
    from hnreader.core import safekeeping

    report = safekeeping.salvage(path, Path(args.out))
    if args.json:
        print_json(
            {
                "source": str(report.source),
                "target": str(report.target),
                "lost_annotations": report.lost_annotations,
                "problems": list(report.target_problems),
                "tables": [
                    {"table": t.table, "copied": t.copied, "lost": t.lost} for t in report.tables
                ],
            }
        )
        return 0
    print(f"Copied what could be read of {path.name} into {report.target}:")
    for table in report.tables:
        lost = f", {table.lost:,} lost" if table.lost else ""
        print(f"  {table.table:<16} {table.copied:>10,} rows{lost}")
    if report.lost_annotations:
        print(f"{report.lost_annotations} annotation(s) could not be rescued.")
    print("Open the new file with `hnreader --project` (its search index is rebuilt then).")
    return 0


# Commands that open the project.
COMMANDS = {
    "backup": _cmd_backup,
}
# Commands that work on the project file itself, without opening it as a project.
FILE_COMMANDS = {
    "backups": _cmd_backups,
    "restore": _cmd_restore,
    "check": _cmd_check,
    "salvage": _cmd_salvage,
}

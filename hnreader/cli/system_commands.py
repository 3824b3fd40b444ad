"""Commands about the installation rather than a project: desktop-entry."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hnreader import desktop_entry


def add_parsers(commands: Any) -> None:
    sub = commands.add_parser(
        "desktop-entry",
        help="print (or --install) a Linux desktop launcher with the app's icon",
        epilog="example: hnreader desktop-entry --install   (hnreader then appears in the "
        "applications menu)",
    )
    sub.add_argument(
        "--install",
        action="store_true",
        help="write it to ~/.local/share/applications and the icon to the icon theme",
    )


def _cmd_desktop_entry(_project: Path, args: argparse.Namespace) -> int:
    if not args.install:
        print(desktop_entry.entry_text(), end="")
        return 0
    entry, icon = desktop_entry.install()
    print(f"Installed {entry}\nIcon: {icon}")
    return 0


# Commands that never open a project.
FILE_COMMANDS = {"desktop-entry": _cmd_desktop_entry}

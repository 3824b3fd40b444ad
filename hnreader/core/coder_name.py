"""The coder name the app and the command line share: set in Edit ▸ Preferences (or with
`hnreader --coder NAME`, for one command), kept in `paths.coder_file()`."""

from __future__ import annotations

import getpass
import os

from hnreader import paths


def saved_coder() -> str:
    """The name chosen in the app, else $HNREADER_CODER, else the login name."""
    try:
        name = paths.coder_file().read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        name = ""
    return name or os.environ.get("HNREADER_CODER", "") or _login_name()


def has_saved_coder() -> bool:
    try:
        return bool(paths.coder_file().read_text(encoding="utf-8").strip())
    except (OSError, UnicodeDecodeError):
        return False


def save_coder(name: str) -> None:
    """Keep the name for the app and the command line (written aside, then renamed)."""
    target = paths.coder_file()
    aside = target.with_name(target.name + ".tmp")
    aside.write_text(" ".join(name.split()) + "\n", encoding="utf-8")
    aside.replace(target)


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""

"""Every filesystem location the app uses, in one place.

`HNREADER_HOME` redirects all writable locations (data, cache, logs) below one folder,
which is how tests and the self-test keep away from the user's real files. Read-only
resources are found relative to the package, which also works when frozen by PyInstaller.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "hnreader"
HOME_ENV = "HNREADER_HOME"


def _home_override() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value).expanduser().resolve() if value else None


def bundle_root() -> Path:
    """The folder holding `resources/` and `corpus/`: the checkout, or PyInstaller's bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return bundle_root() / "resources"


def bundled_corpus_dir() -> Path:
    return bundle_root() / "corpus"


def domain_dictionary_path() -> Path:
    return resources_dir() / "dictionaries" / "poverty_alleviation.txt"


def indicator_dictionary_path() -> Path:
    """The statistics ledger's shipped indicator dictionary (issue 14)."""
    return resources_dir() / "ledger" / "indicators.txt"


def ledger_places_path() -> Path:
    """The places the statistics ledger recognises (provinces, Hunan's cities and counties)."""
    return resources_dir() / "ledger" / "places.txt"


def stop_words_path() -> Path:
    """The shipped Chinese stop-word list (one word a line, # comments)."""
    return resources_dir() / "stopwords" / "zh_stop_words.txt"


def data_dir() -> Path:
    home = _home_override()
    path = home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    home = _home_override()
    path = home / "cache" if home else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    home = _home_override()
    path = home / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def app_icon() -> Path:
    return resources_dir() / "icons" / "hnreader.svg"


def desktop_entry_dirs() -> tuple[Path, Path]:
    """Where a Linux desktop finds the launcher and its icon (XDG): applications/ and
    icons/hicolor/scalable/apps/ under $XDG_DATA_HOME (~/.local/share)."""
    home = _home_override()
    base = (
        home / "xdg"
        if home
        else Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    )
    return base / "applications", base / "icons" / "hicolor" / "scalable" / "apps"


def coder_file() -> Path:
    """The coder name the app and the command line share (one line of UTF-8)."""
    return data_dir() / "coder.txt"


def default_project_path() -> Path:
    return data_dir() / "default.hnreader.sqlite"


def backups_dir(project_path: Path) -> Path:
    """Where a project's backups go (not created here): one folder per project file, named
    for its stem and a short hash of its resolved path, so two projects of the same name
    never share (or rotate away) each other's backups."""
    resolved = os.path.normcase(str(Path(project_path).expanduser().resolve()))
    digest = hashlib.sha256(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return data_dir() / "backups" / f"{Path(project_path).stem}-{digest}"


def jieba_cache_dir() -> Path:
    path = cache_dir() / "jieba"
    path.mkdir(parents=True, exist_ok=True)
    return path


def matplotlib_config_dir() -> Path:
    """matplotlib's font cache (MPLCONFIGDIR): the app's cache, not ~/.matplotlib."""
    path = cache_dir() / "matplotlib"
    path.mkdir(parents=True, exist_ok=True)
    return path


def import_work_dir() -> Path:
    """Where a large table's text waits, compressed, while it is imported (a temporary file
    each, removed when its import ends)."""
    path = cache_dir() / "import"
    path.mkdir(parents=True, exist_ok=True)
    return path

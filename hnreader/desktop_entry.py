"""A launcher for Linux desktops: a freedesktop.org .desktop file and the app's icon, so that
hnreader appears in the applications menu (`hnreader desktop-entry --install`)."""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path

from hnreader import __version__, paths

NAME = "hnreader.desktop"


def launch_command() -> str:
    """How the desktop starts the app: the frozen executable, or this Python with -m."""
    if getattr(sys, "frozen", False):
        return shlex.quote(sys.executable)
    return f"{shlex.quote(sys.executable)} -m hnreader"


def entry_text(icon: Path | None = None) -> str:
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Version=1.5",
            "Name=hnreader",
            "GenericName=Chinese news reader and annotation workbench",
            "GenericName[zh_CN]=中文新闻阅读与标注工作台",
            "Comment=Read, search, tag and analyse Chinese news corpora",
            "Comment[zh_CN]=阅读、检索、标注和分析中文新闻语料",
            f"Exec={launch_command()}",
            f"Icon={icon if icon is not None else 'hnreader'}",
            "Terminal=false",
            "Categories=Office;Education;Science;",
            "Keywords=news;corpus;annotation;qualitative;Chinese;jieba;",
            f"X-hnreader-Version={__version__}",
            "",
        ]
    )


def install() -> tuple[Path, Path]:
    """Write the launcher and copy the icon (each written aside, then renamed); the paths."""
    applications, icons = paths.desktop_entry_dirs()
    applications.mkdir(parents=True, exist_ok=True)
    icons.mkdir(parents=True, exist_ok=True)
    icon = icons / "hnreader.svg"
    aside = icon.with_name(icon.name + ".tmp")
    shutil.copyfile(paths.app_icon(), aside)
    aside.replace(icon)
    entry = applications / NAME
    aside = entry.with_name(entry.name + ".tmp")
    aside.write_text(entry_text(icon), encoding="utf-8")
    aside.chmod(0o755)
    aside.replace(entry)
    return entry, icon

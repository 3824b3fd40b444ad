"""The Linux launcher: a valid .desktop file that starts this installation, and the icon."""

from __future__ import annotations

import configparser

from hnreader import paths
from hnreader.cli import main


def test_desktop_entry_installs_a_launcher_and_the_icon(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["desktop-entry", "--install"]) == 0
    applications, icons = paths.desktop_entry_dirs()
    entry = applications / "hnreader.desktop"
    parsed = configparser.ConfigParser(interpolation=None)
    parsed.optionxform = str  # type: ignore[assignment,method-assign]
    parsed.read(entry, encoding="utf-8")
    section = parsed["Desktop Entry"]
    assert (section["Type"], section["Name"], section["Terminal"]) == (
        "Application",
        "hnreader",
        "false",
    )
    assert section["Exec"].endswith("-m hnreader")  # this Python, not a guess
    assert (icons / "hnreader.svg").read_bytes() == paths.app_icon().read_bytes()
    assert section["Icon"] == str(icons / "hnreader.svg")
    assert "Installed" in capsys.readouterr().out
    assert main(["desktop-entry"]) == 0
    assert capsys.readouterr().out.startswith("[Desktop Entry]\n")

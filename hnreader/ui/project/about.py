"""Help ▸ About: the version, and where the project, the data, the settings, the backups and
the log are kept (a user looking for their files finds them here)."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from hnreader import __version__, paths
from hnreader.ui.common.plain_text import rich_text
from hnreader.ui.common.settings import Settings


def about_text(project_path: Path, settings: Settings) -> str:
    translate = QCoreApplication.translate
    places = [
        (translate("About", "Project"), str(project_path)),
        (translate("About", "Data folder"), str(paths.data_dir())),
        (translate("About", "Settings"), settings.file_name()),
        (translate("About", "Backups"), str(paths.backups_dir(project_path))),
        (translate("About", "Log folder"), str(paths.log_dir())),
    ]
    heading = translate(
        "About", "hnreader %1\nA reader and annotation workbench for Chinese news corpora."
    )
    return (
        heading.replace("%1", __version__)
        + "\n\n"
        + "\n".join(f"{name}: {place}" for name, place in places)
        + f"\n\nPython {platform.python_version()} · Qt {pyside_version}"
    )


def show_about(parent: QWidget, project_path: Path, settings: Settings) -> None:
    QMessageBox.about(
        parent,
        QCoreApplication.translate("About", "About hnreader"),
        rich_text(about_text(project_path, settings)),
    )

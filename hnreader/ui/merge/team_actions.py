"""The File menu's team actions, run for the main window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from hnreader.ui.merge.merge_dialog import MergeDialog
from hnreader.ui.merge.package_dialog import PackageDialog


def merge_coding(window: Any) -> None:
    """File ▸ Merge Coding from Project…: choose the other coder's file, then the dialog."""
    path, _ = QFileDialog.getOpenFileName(
        window,
        QCoreApplication.translate("MainWindow", "Merge Coding from Project"),
        str(window.project.path.parent),
        QCoreApplication.translate("MainWindow", "hnreader projects (*.sqlite);;All files (*)"),
    )
    if path:
        MergeDialog(window.project, window.controller, Path(path), window).exec()


def export_coder_package(window: Any) -> None:
    """File ▸ Export Coder Package…"""
    PackageDialog(window.project, window).exec()


def resolve_disagreements(window: Any) -> None:
    """Analyse ▸ Resolve Disagreements…"""
    from hnreader.ui.curation.disagreement_dialog import DisagreementDialog

    DisagreementDialog(window.project, window.controller, window).exec()

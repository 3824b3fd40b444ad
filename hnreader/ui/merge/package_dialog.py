"""File ▸ Export Coder Package…: a verified copy of the project to hand to a coder, with
everyone's annotations or only one coder's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.project import Project
from hnreader.ui.common.worker import Worker

EVERYONE = "\0everyone"


class PackageDialog(QDialog):
    """Choose whose annotations go into the package and where it is written."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.result_path: Path | None = None
        self._worker: Worker | None = None
        self.setWindowTitle(self.tr("Export Coder Package"))
        intro = QLabel(
            self.tr(
                "A verified copy of this project (articles, codebook, memos) for a coder to "
                "work on. Merge it back later with File ▸ Merge Coding from Project…."
            )
        )
        intro.setWordWrap(True)
        self.coder_box = QComboBox()
        self.coder_box.addItem(self.tr("Everyone's annotations"), EVERYONE)
        for coder in project.coders():
            label = coder or self.tr("(no name)")
            self.coder_box.addItem(
                self.tr("Only the annotations of %1").replace("%1", label), coder
            )
        self.status = QLabel("")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Annotations:"), self.coder_box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.choose_file)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(520, 200)

    def choose_file(self) -> None:
        suggested = self.project.path.with_name(self.project.path.stem + "-package.sqlite")
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export Coder Package"),
            str(suggested),
            self.tr("hnreader projects (*.sqlite)"),
        )
        if path:
            self.export(Path(path))

    def export(self, out: Path) -> None:
        data = self.coder_box.currentData()
        only = None if data == EVERYONE else str(data)

        def job(project: Project, progress: Any, is_cancelled: Any) -> tuple[Path, int]:
            return project.export_coder_package(
                out, only_coder=only, progress=progress, is_cancelled=is_cancelled
            )

        self.buttons.setEnabled(False)
        self.status.setText(self.tr("Copying and verifying…"))
        worker = Worker.for_project(self.project, job)
        worker.signals.finished.connect(self._written)
        worker.signals.failed.connect(self._failed)
        self._worker = worker
        worker.start()

    def _written(self, result: tuple[Path, int]) -> None:
        self.result_path, removed = result
        self.buttons.setEnabled(True)
        text = self.tr("Written and verified: %1").replace("%1", str(self.result_path))
        if self.coder_box.currentData() != EVERYONE:
            text += "\n" + self.tr("%1 annotation(s) of other coders left out.").replace(
                "%1", f"{removed:,}"
            )
        self.status.setText(text)
        self.buttons.clear()
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.accept)

    def _failed(self, message: str, _details: str) -> None:
        self.buttons.setEnabled(True)
        self.status.setText(message)

"""File ▸ Merge Coding from Project…: map the other project's new or renamed tags, preview
what the merge adds, merge (one undoable step), and read the report. A file of an older format
is merged from a copy upgraded in the temporary folder first (with progress; cancellable)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.merge import CREATED, MATCHED, MergeReport, MergeSource, TagChoice
from hnreader.core.models import Change
from hnreader.core.project import Project
from hnreader.ui.common.progress_text import stage_text
from hnreader.ui.common.table_views import set_up_list_table
from hnreader.ui.common.worker import Worker
from hnreader.ui.merge.merge_report_model import CountsModel, OrphansModel
from hnreader.ui.project.project_controller import ProjectController

NEW = "\0new"  # the combo item that creates the tag


def _plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # tag names and file names are data
    label.setWordWrap(True)
    return label


class MergeDialog(QDialog):
    """Preview first (a dry run in the background), then the merge (also in the background)."""

    merged = Signal()  # the merge was written and announced

    def __init__(
        self,
        project: Project,
        controller: ProjectController,
        other: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.project, self.controller, self.other = project, controller, Path(other)
        self.tag_map: dict[str, str] = {}  # the user's choices (other path → ours)
        self.choices: list[TagChoice] = []
        self.report: MergeReport | None = None
        self.change: Change | None = None
        self.source: MergeSource | None = None  # the file read: `other` or its upgraded copy
        self._worker: Worker | None = None
        self._closed = False
        self._merging = False
        self.setWindowTitle(self.tr("Merge Coding from %1").replace("%1", self.other.name))
        self.intro = _plain_label(
            self.tr(
                "The coding of %1 is added to this project: annotations with their coders, "
                "memos, and tags this project lacks. That file is only read. Articles are "
                "found by their text; passages of articles changed or split since are found "
                "by their quote, or listed as orphans."
            ).replace("%1", self.other.name)
        )
        self.tags_box = QGroupBox(self.tr("Tags not found here"))
        self.tags_form = QFormLayout()
        holder = QWidget()
        holder.setLayout(self.tags_form)
        self._tags_holder = holder
        self._tags_scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        scroll.setMaximumHeight(180)
        box_layout = QVBoxLayout(self.tags_box)
        box_layout.addWidget(scroll)
        self.status = _plain_label(self.tr("Reading %1…").replace("%1", self.other.name))
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.counts = CountsModel(self)
        self.counts_view = QTableView()
        self.counts_view.setModel(self.counts)
        set_up_list_table(self.counts_view)
        self.counts_view.verticalHeader().hide()
        self.counts_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.orphans = OrphansModel(self)
        self.orphans_view = QTableView()
        self.orphans_view.setModel(self.orphans)
        set_up_list_table(self.orphans_view)
        self.orphans_view.verticalHeader().hide()
        self.orphans_view.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.orphans_label = _plain_label(self.tr("Not placed here (orphans):"))
        self.buttons = QDialogButtonBox()
        self.merge_button = QPushButton(self.tr("Merge"))
        self.merge_button.setEnabled(False)
        self.merge_button.setDefault(True)
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button.clicked.connect(self.merge)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tags_box)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.counts_view)
        layout.addWidget(self.orphans_label)
        layout.addWidget(self.orphans_view, 1)
        layout.addStretch(0)  # takes the room when there are no orphans to list
        layout.addWidget(self.buttons)
        for waiting in (self.tags_box, self.counts_view, self.orphans_label, self.orphans_view):
            waiting.hide()  # until the preview has something to show
        self.resize(860, 600)
        self.prepare()

    # -- an older file: a copy of it upgraded in the background first

    def prepare(self) -> None:
        older = self.project.merge_upgrade_needed(self.other)
        if older is not None:
            self.status.setText(
                self.tr(
                    "%1 was saved by an older hnreader (file format %2). A copy of it is "
                    "upgraded in the temporary folder and merged from; the file itself is not "
                    "changed. This can take a while for a large project."
                )
                .replace("%1", self.other.name)
                .replace("%2", str(older))
            )
            self.progress.setRange(0, 0)
            self.progress.show()
        other = self.other

        def job(project: Project, progress: Any, is_cancelled: Any) -> MergeSource:
            return project.prepare_merge(other, progress=progress, is_cancelled=is_cancelled)

        worker = Worker.for_project(self.project, job)
        worker.signals.progressed.connect(self._progressed)
        worker.signals.finished.connect(self._prepared)
        worker.signals.failed.connect(self._failed)
        self._worker = worker
        worker.start()

    def _progressed(self, done: int, total: int, stage: str, item: str) -> None:
        self.progress.setRange(0, max(0, total))
        self.progress.setValue(min(done, total))
        self.progress.setToolTip(stage_text(stage, item))

    def _prepared(self, source: MergeSource) -> None:
        self.progress.hide()
        if self._closed:
            source.close()  # the dialog was closed meanwhile
            return
        self.source = source
        self.preview()

    def _read_path(self) -> Path:
        return self.source.path if self.source is not None else self.other

    def done(self, result: int) -> None:
        if self._merging:
            return  # Esc or the title bar's close while the merge writes: it finishes first
        self._closed = True
        if self._worker is not None:
            self._worker.cancel()
        if self.source is not None:
            self.source.close()  # an upgraded copy is deleted
            self.source = None
        super().done(result)

    # -- the preview: a dry run in the background

    def preview(self) -> None:
        tag_map, other = dict(self.tag_map), self._read_path()

        def job(project: Project, progress: Any, is_cancelled: Any) -> tuple[Any, Any]:
            choices = project.merge_tag_choices(other, tag_map)
            report, _ = project.merge_coding(
                other, tag_map, dry_run=True, is_cancelled=is_cancelled
            )
            return choices, report

        self.merge_button.setEnabled(False)
        worker = Worker.for_project(self.project, job)
        worker.signals.finished.connect(self._previewed)
        worker.signals.failed.connect(self._failed)
        self._worker = worker
        worker.start()

    def _previewed(self, result: tuple[list[TagChoice], MergeReport]) -> None:
        self.choices, self.report = result
        self._fill_tags()
        self._show_report(self.report)
        adds = self.report.annotations.added or self.report.memos.added
        adds = adds or self.report.tag_count(CREATED)
        self.merge_button.setEnabled(bool(adds) and not self.project.read_only)

    def _failed(self, message: str, _details: str) -> None:
        self.progress.hide()
        self.status.setText(message)
        self.merge_button.setEnabled(False)

    def _fill_tags(self) -> None:
        while self.tags_form.rowCount():
            self.tags_form.removeRow(0)
        shown = [c for c in self.choices if c.action != MATCHED or c.other_path in self.tag_map]
        self.tags_box.setVisible(bool(shown))
        ours = sorted(t.path for t in self.project.tags())
        became = {c.other_path: c.target_path for c in self.choices}
        for choice in shown:
            combo = QComboBox()
            parent, _, name = choice.other_path.rpartition("/")
            new_path = f"{became[parent]}/{name}" if parent in became else name
            if choice.action == CREATED:
                new_path = choice.target_path
            combo.addItem(self.tr("New tag “%1”").replace("%1", new_path), NEW + new_path)
            for path in ours:
                combo.addItem(self.tr("Onto “%1”").replace("%1", path), path)
            index = 0
            if choice.action != CREATED and choice.target_path in ours:
                index = ours.index(choice.target_path) + 1
            combo.setCurrentIndex(index)
            combo.setProperty("other_path", choice.other_path)
            combo.activated.connect(self._mapping_chosen)
            self.tags_form.addRow(_plain_label(choice.other_path), combo)
        row = QComboBox().sizeHint().height() + self.tags_form.verticalSpacing() + 2
        self._tags_scroll.setFixedHeight(min(180, row * len(shown) + 20))

    def _mapping_chosen(self, _index: int) -> None:
        combo = self.sender()
        if not isinstance(combo, QComboBox):
            return
        value = str(combo.currentData())
        target = value[len(NEW) :] if value.startswith(NEW) else value
        self.tag_map[str(combo.property("other_path"))] = target
        self.status.setText(self.tr("Reading %1…").replace("%1", self.other.name))
        self.preview()

    # -- the merge

    def merge(self) -> None:
        """Merge in the background (2.7 s for 10,000 annotations, benchmarks/merge.py); the
        step is recorded as this window's, so its Edit ▸ Undo takes it back."""
        self.merge_button.setEnabled(False)
        self.close_button.setEnabled(False)  # the merge is not stopped half-way
        self.tags_box.setEnabled(False)  # the mapping it merges with stays as shown
        self._merging = True
        self.status.setText(self.tr("Merging from %1…").replace("%1", self.other.name))
        self.progress.setRange(0, 0)
        self.progress.show()
        tag_map, other = dict(self.tag_map), self._read_path()
        session = self.project.history.identity

        def job(project: Project, progress: Any, is_cancelled: Any) -> tuple[Any, Any]:
            return project.merge_coding(other, tag_map, for_session=session)

        worker = Worker.for_project(self.project, job)
        worker.signals.finished.connect(self._merged)
        worker.signals.failed.connect(self._merge_failed)
        self._worker = worker
        worker.start()

    def _merged(self, result: tuple[MergeReport, Change | None]) -> None:
        self._merging = False
        self.progress.hide()
        self.close_button.setEnabled(True)
        self.report, self.change = result
        if self.change is None:
            self.tags_box.setEnabled(True)
            self._show_report(self.report)  # somebody else merged it meanwhile
            return
        change = self.change
        self.controller.run(lambda: change)  # tell every panel what changed
        self._show_report(self.report, done=True)
        self.tags_box.hide()
        self.merge_button.hide()
        self.close_button.setText(self.tr("Close"))
        self.merged.emit()

    def _merge_failed(self, message: str, details: str) -> None:
        self._merging = False
        self.close_button.setEnabled(True)
        self.tags_box.setEnabled(True)
        self._failed(message, details)
        self.merge_button.setEnabled(True)

    def _show_report(self, report: MergeReport, *, done: bool = False) -> None:
        self.counts.set_report(report)
        self.counts_view.show()
        view = self.counts_view  # exactly its two rows high: no empty box below them
        rows = sum(view.rowHeight(r) for r in range(self.counts.rowCount()))
        view.setFixedHeight(
            view.horizontalHeader().sizeHint().height() + rows + 2 * view.frameWidth()
        )
        self.orphans.set_rows(report.orphans)
        self.orphans_view.resizeColumnsToContents()
        self.orphans_view.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.orphans_label.setVisible(bool(report.orphans))
        self.orphans_view.setVisible(bool(report.orphans))
        articles = (
            self.tr(
                "Articles: %1 found with the same text, %2 changed or split (passages "
                "re-anchored by quote), %3 not in this project."
            )
            .replace("%1", f"{report.articles_matched:,}")
            .replace("%2", f"{report.articles_reanchored:,}")
            .replace("%3", f"{report.articles_missing:,}")
        )
        tags = (
            self.tr("Tags: %1 matched, %2 mapped, %3 created.")
            .replace("%1", f"{report.tag_count('matched'):,}")
            .replace("%2", f"{report.tag_count('mapped'):,}")
            .replace("%3", f"{report.tag_count('created'):,}")
        )
        if done:
            head = self.tr("Merged. Edit ▸ Undo takes the whole merge back in one step.")
        elif report.annotations.added or report.memos.added or report.tag_count(CREATED):
            head = self.tr("This is what the merge would do (nothing is changed yet):")
        else:
            head = self.tr("Nothing to merge: everything in %1 is here already.").replace(
                "%1", self.other.name
            )
        self.status.setText(f"{head}\n{articles}\n{tags}")

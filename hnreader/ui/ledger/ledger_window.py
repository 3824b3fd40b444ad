"""The Statistics Ledger window (Analyse ▸ Statistics Ledger…): indicator × place × period
with every value and its source; conflicts flagged; confirm, merge names, mark the correct
value, tag the figures, export. The ledger is built in the background with progress and
Cancel; a decision only regroups what was built."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, QModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.export.csv_writer import ExportCancelled
from hnreader.core.ledger.building import Ledger, LedgerCancelled, LedgerValues
from hnreader.core.ledger.entries import LedgerEntry, LedgerValue
from hnreader.core.project import Project
from hnreader.ui.codebook.tag_picker import TagPicker
from hnreader.ui.common.plain_text import rich_text, visible_controls, window_title
from hnreader.ui.common.table_files import ask_table_path
from hnreader.ui.common.table_views import set_up_list_table
from hnreader.ui.common.worker import Worker
from hnreader.ui.ledger.indicator_names_dialog import IndicatorNamesDialog
from hnreader.ui.ledger.ledger_models import LedgerEntryModel, LedgerValueModel
from hnreader.ui.project.project_controller import ProjectController


def ask_indicator(parent: QWidget, title: str, label: str, names: list[str]) -> tuple[str, bool]:
    """An indicator name chosen from `names` or typed; the label names data, so it is
    shown as plain text (a QInputDialog label would take markup in it as markup)."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(window_title(title))
    dialog.setLabelText(rich_text(label))
    dialog.setComboBoxItems(names)
    dialog.setComboBoxEditable(True)
    dialog.setMinimumWidth(420)
    accepted = bool(dialog.exec())
    return dialog.textValue(), accepted


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class LedgerWindow(QWidget):
    """One project's statistics ledger, in a window of its own beside the main one."""

    value_activated = Signal(int, int, int)  # article id, start, end: open in the reader
    ledger_shown = Signal()  # a build, a regrouping or an export reached the window

    def __init__(self, controller: ProjectController, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.controller = controller
        self.setWindowTitle(
            window_title(
                self.tr("Statistics Ledger — %1").replace("%1", controller.project.path.stem)
            )
        )
        self.resize(QSize(1280, 780))
        self._worker: Worker | None = None
        self._values: LedgerValues | None = None
        self._indicator_names: list[tuple[str, str, str]] = []  # at the last build
        self._stale = True
        self.ledger: Ledger | None = None

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter indicators, places, periods…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.conflicts_box = QCheckBox(self.tr("Only conflicts"))
        self.conflicts_box.setToolTip(
            self.tr(
                "Entries whose values disagree. Values agree when the more precise one, "
                "rounded or cut to the last digit of the other, gives the other (747万 and "
                "747.6万 agree; 747万 and 767万 do not); a value written with 约, 近, 多… "
                "agrees within 10%."
            )
        )
        self.guessed_box = QCheckBox(self.tr("Guessed indicators"))
        self.guessed_box.setToolTip(
            self.tr("Also list names guessed from the words before a figure (marked ?)")
        )
        self.summary = _label("")
        self.export_button = QPushButton(self.tr("Export…"))
        self.names_button = QPushButton(self.tr("Indicator Names…"))
        self.names_button.setToolTip(
            self.tr("The project's own indicator names, besides the shipped dictionary")
        )
        self.refresh_button = QPushButton(self.tr("Rebuild"))
        self.refresh_button.setToolTip(self.tr("Read every article's figures again"))
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 2)
        top.addWidget(self.conflicts_box)
        top.addWidget(self.guessed_box)
        top.addWidget(self.summary, 3)
        top.addWidget(self.names_button)
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)

        self.entry_model = LedgerEntryModel(self)
        self.entries = QTableView()
        self.entries.setModel(self.entry_model)
        set_up_list_table(self.entries)
        header = self.entries.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((260, 110, 110, 60, 420, 160)):
            self.entries.setColumnWidth(column, width)
        self.confirm_button = QPushButton(self.tr("Confirm"))
        self.merge_button = QPushButton(self.tr("Merge Indicator Into…"))
        self.add_name_button = QPushButton(self.tr("Add to Dictionary"))
        self.add_name_button.setToolTip(
            self.tr("Make this guessed name an indicator of the project's dictionary")
        )
        self.tag_button = QPushButton(self.tr("Tag Figures…"))
        entry_bar = QHBoxLayout()
        entry_bar.addWidget(_label(self.tr("Entry:")))
        for button in (self.confirm_button, self.merge_button, self.add_name_button):
            entry_bar.addWidget(button)
        entry_bar.addWidget(self.tag_button)
        entry_bar.addStretch(1)
        upper = QWidget()
        upper_column = QVBoxLayout(upper)
        upper_column.setContentsMargins(0, 0, 0, 0)
        upper_column.addWidget(self.entries, 1)
        upper_column.addLayout(entry_bar)

        self.value_model = LedgerValueModel(self)
        self.values = QTableView()
        self.values.setModel(self.value_model)
        set_up_list_table(self.values)
        value_header = self.values.horizontalHeader()
        value_header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        value_header.setStretchLastSection(True)
        for column, width in enumerate((44, 130, 80, 200, 430, 170, 90, 100)):
            self.values.setColumnWidth(column, width)
        self.correct_button = QPushButton(self.tr("Mark as Correct"))
        self.open_button = QPushButton(self.tr("Open in Reader"))
        self.sources = _label("")
        value_bar = QHBoxLayout()
        value_bar.addWidget(_label(self.tr("Value:")))
        value_bar.addWidget(self.correct_button)
        value_bar.addWidget(self.open_button)
        value_bar.addWidget(self.sources, 1)
        lower = QWidget()
        lower_column = QVBoxLayout(lower)
        lower_column.setContentsMargins(0, 0, 0, 0)
        lower_column.addWidget(self.values, 1)
        lower_column.addLayout(value_bar)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setSizes([440, 280])

        self.status = _label("")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(240)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self._set_busy(False)
        self._update_buttons()

        self.filter_edit.textChanged.connect(self._regroup)
        self.conflicts_box.toggled.connect(self._regroup)
        self.guessed_box.toggled.connect(self._regroup)
        self.refresh_button.clicked.connect(self.rebuild)
        self.names_button.clicked.connect(self.edit_names)
        self.export_button.clicked.connect(self.export)
        self.cancel_button.clicked.connect(self.cancel)
        self.entries.selectionModel().selectionChanged.connect(self._on_entry_selected)
        self.values.selectionModel().selectionChanged.connect(self._on_value_selected)
        self.values.doubleClicked.connect(self._open_value)
        self.confirm_button.clicked.connect(self.toggle_confirmed)
        self.merge_button.clicked.connect(self.merge_indicator)
        self.add_name_button.clicked.connect(self.add_to_dictionary)
        self.tag_button.clicked.connect(self.tag_figures)
        self.correct_button.clicked.connect(self.toggle_correct)
        self.open_button.clicked.connect(self._open_current)
        controller.history_changed.connect(self._on_history_changed)
        controller.articles_changed.connect(self._on_articles_changed)

    @property
    def project(self) -> Project:
        return self.controller.project

    # -- showing

    def show_ledger(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()
        if self._stale:
            self.rebuild()

    def current_entry(self) -> LedgerEntry | None:
        rows = self.entries.selectionModel().selectedRows()
        return self.entry_model.row(rows[0].row()) if rows else None

    def current_value(self) -> LedgerValue | None:
        rows = self.values.selectionModel().selectedRows()
        return self.value_model.row(rows[0].row()) if rows else None

    def select_entry(self, key: tuple[str, str, str, str]) -> bool:
        for row, entry in enumerate(self.entry_model.rows()):
            if entry.key == key:
                self.entries.selectRow(row)
                self.entries.scrollTo(self.entry_model.index(row, 0))
                return True
        return False

    def _regroup(self, *_args: object) -> None:
        """Group what was built with the project's decisions and the filters (quick)."""
        if self._values is None:
            return
        previous = self.current_entry()
        ledger = self.project.group_ledger(
            self._values,
            conflicts_only=self.conflicts_box.isChecked(),
            guessed=self.guessed_box.isChecked(),
        )
        words = self.filter_edit.text().split()
        entries = [
            e
            for e in ledger.entries
            if all(any(w in part for part in (e.label, e.place, e.period)) for w in words)
        ]
        self.ledger = ledger
        self.entry_model.set_rows(entries)
        if previous is None or not self.select_entry(previous.key):
            self.value_model.set_entry(None)
        conflicts = sum(1 for e in ledger.entries if e.status == "conflict")
        self.summary.setText(
            self.tr("%1 of %2 entries · %3 in conflict · %4 of %5 figures have an indicator")
            .replace("%1", f"{len(entries):,}")
            .replace("%2", f"{len(ledger.entries):,}")
            .replace("%3", f"{conflicts:,}")
            .replace("%4", f"{ledger.with_indicator:,}")
            .replace("%5", f"{ledger.measured:,}")
        )
        self._update_buttons()
        self.ledger_shown.emit()

    def _on_entry_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.value_model.set_entry(self.current_entry())
        entry = self.current_entry()
        if entry is not None and entry.values:
            self.values.selectRow(0)
        self._update_buttons()

    def _on_value_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        entry, value = self.current_entry(), self.current_value()
        writable = not self.project.read_only
        for button in (self.confirm_button, self.merge_button, self.tag_button):
            button.setEnabled(entry is not None and writable)
        self.add_name_button.setEnabled(entry is not None and entry.guessed and writable)
        self.confirm_button.setText(
            self.tr("Unconfirm") if entry is not None and entry.confirmed else self.tr("Confirm")
        )
        marked = entry is not None and value is not None and entry.correct == value.key
        self.correct_button.setText(self.tr("Clear Mark") if marked else self.tr("Mark as Correct"))
        self.correct_button.setEnabled(value is not None and writable)
        self.open_button.setEnabled(value is not None)
        self.export_button.setEnabled(bool(self.entry_model.rows()) and self._worker is None)
        if entry is None:
            self.sources.setText("")
        else:
            articles = len({v.article_id for v in entry.values})
            self.sources.setText(
                self.tr("%1 value(s) from %2 article(s); double-click one to read it")
                .replace("%1", str(len(entry.values)))
                .replace("%2", str(articles))
            )

    def _open_value(self, index: QModelIndex) -> None:
        value = self.value_model.row(index.row())
        self.value_activated.emit(value.article_id, value.start, value.end)

    def _open_current(self) -> None:
        value = self.current_value()
        if value is not None:
            self.value_activated.emit(value.article_id, value.start, value.end)

    # -- decisions (each one undo step, through the controller)

    def toggle_confirmed(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            self.controller.run(
                partial(self.project.confirm_ledger_entry, entry, not entry.confirmed)
            )

    def toggle_correct(self) -> None:
        entry, value = self.current_entry(), self.current_value()
        if entry is None or value is None:
            return
        chosen = None if entry.correct == value.key else value
        self.controller.run(partial(self.project.mark_ledger_value_correct, entry, chosen))

    def merge_indicator(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        known = {e.indicator for e in (self.ledger.entries if self.ledger else ())}
        known |= {i.name for i in self.project.ledger_indicators()}
        names = sorted(known - {entry.indicator})
        into, ok = ask_indicator(
            self,
            self.tr("Merge Indicator"),
            self.tr("Show the entries of “%1” as (choose or type a name):").replace(
                "%1", entry.indicator
            ),
            names,
        )
        if ok and into.strip():
            self.controller.run(
                partial(self.project.merge_indicators, entry.indicator, into.strip())
            )

    def add_to_dictionary(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        kinds = sorted({v.kind for v in entry.values})
        self.controller.run(
            partial(self.project.add_ledger_indicator, entry.indicator, kinds=kinds)
        )

    def edit_names(self) -> None:
        IndicatorNamesDialog(self.controller, self).exec()

    def tag_figures(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        tag_id = TagPicker.pick(self, self.project.tags(), self.controller)
        if tag_id is None:
            return
        change = self.controller.run(partial(self.project.tag_ledger_entry, entry, tag_id))
        if change is None:
            self.status.setText(self.tr("These figures have that tag already."))

    def _on_history_changed(self) -> None:
        if self._values is None:
            return
        if self.project.project_indicator_names() != self._indicator_names:
            self._stale = True  # the dictionary changed: every figure is read again
            if self.isVisible():
                self.rebuild()
            return
        self._regroup()

    def _on_articles_changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.rebuild()

    # -- background work

    def rebuild(self) -> None:
        self.cancel()
        self._stale = False
        self._indicator_names = self.project.project_indicator_names()
        self.status.setText(self.tr("Reading the figures of every article…"))
        self._start(_collect, self._collected)

    def _collected(self, values: object) -> None:
        if isinstance(values, LedgerValues):
            self._values = values
            self.status.setText("")
            self._regroup()

    def export(self) -> None:
        path = ask_table_path(self, self.tr("Export Ledger"), "ledger")
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        entries = self.entry_model.rows()
        self._start(partial(_export, path, entries), partial(self._exported, path))

    def _exported(self, path: Path, count: object) -> None:
        if count is None:
            return
        self.status.setText(
            self.tr("Wrote %n value(s) to %1", "", int(count)).replace(  # type: ignore[call-overload]
                "%1", visible_controls(str(path))
            )
        )
        self.ledger_shown.emit()

    def _start(self, job: Any, done: Any) -> None:
        worker = Worker.for_project(self.project, partial(_unless_cancelled, job))
        worker.signals.progressed.connect(self._on_progress)
        worker.signals.finished.connect(partial(self._on_finished, worker, done))
        worker.signals.failed.connect(partial(self._on_failed, worker))
        self._worker = worker
        self._set_busy(True)
        worker.start()

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self._stale = self._values is None
            self.status.setText(self.tr("Cancelled."))
        self._worker = None
        self._set_busy(False)

    def is_busy(self) -> bool:
        return self._worker is not None

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.refresh_button.setEnabled(not busy)
        if busy:
            self.progress.setRange(0, 0)
        self.export_button.setEnabled(not busy and bool(self.entry_model.rows()))

    def _on_progress(self, done: int, total: int, _stage: str, _item: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _on_finished(self, worker: Worker, done: Any, result: object) -> None:
        if worker is not self._worker:
            return  # replaced or cancelled meanwhile
        self._worker = None
        self._set_busy(False)
        done(result)

    def _on_failed(self, worker: Worker, message: str, _details: str) -> None:
        if worker is not self._worker:
            return
        self._worker = None
        self._set_busy(False)
        self.status.setText(
            self.tr("The ledger could not be built: %1").replace("%1", visible_controls(message))
        )
        self.ledger_shown.emit()

    def closeEvent(self, event: Any) -> None:
        self.cancel()
        super().closeEvent(event)


def _unless_cancelled(job: Any, *args: Any, **kwargs: Any) -> object:
    try:
        return job(*args, **kwargs)
    except (LedgerCancelled, ExportCancelled):
        return None


def _collect(project: Project, progress: Any, is_cancelled: Any) -> LedgerValues:
    return project.ledger_values(progress, is_cancelled)


def _export(
    path: Path, entries: list[LedgerEntry], project: Project, progress: Any, is_cancelled: Any
) -> int:
    return project.export_ledger(path, entries, is_cancelled=is_cancelled)

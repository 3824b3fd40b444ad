"""Keeping the open project safe in the window: the read-only banner, changes made by other
windows or programs, and backups, restore, checks and salvage."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hnreader.core import safekeeping
from hnreader.core.project import Project
from hnreader.ui.common.plain_text import visible_controls
from hnreader.ui.project.project_controller import ProjectController

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex
POLL_INTERVAL_MS = 2000  # how often another window's or program's changes are looked for


class ReadOnlyBanner(QFrame):
    """A bar above the reader while the project cannot be changed, saying why and what to do."""

    restore_requested = Signal()
    salvage_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("read_only_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#read_only_banner { background: #FFF4CE; border: 1px solid #E0C36A; }"
            "#read_only_banner QLabel { color: #3B2F00; }"
        )
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Restore from Backup…"))
        self.salvage_button = QPushButton(self.tr("Salvage into New File…"))
        self.restore_button.clicked.connect(self.restore_requested)
        self.salvage_button.clicked.connect(self.salvage_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.salvage_button)
        self.hide()

    def show_for(self, project: Project) -> None:
        reason = project.read_only_reason
        if not reason:
            self.hide()
            return
        name = visible_controls(project.path.name)
        if reason == "damaged":
            text = self.tr(
                "%1 is damaged (%2), so it was opened read-only: you can read it, but nothing "
                "is changed or saved. Restore the newest backup, or rescue what can be read "
                "into a new file."
            ).replace("%2", visible_controls(project.damage))
        else:
            text = self.tr(
                "%1 cannot be written (the file, its folder or the disk is read-only), so it "
                "was opened read-only: you can read and search, but not tag or edit. Copy it "
                "to a folder you can write to and open the copy."
            )
        self.message.setText(text.replace("%1", name))
        self.restore_button.setVisible(reason == "damaged")
        self.salvage_button.setVisible(reason == "damaged")
        self.show()


class ExternalChanges(QObject):
    """Notices what another window or program committed to the project (SQLite's
    `data_version`, looked at on a timer and whenever the app becomes active) and tells the
    widgets to read the project again."""

    noticed = Signal()

    def __init__(self, controller: ProjectController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._seen = self._version()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_INTERVAL_MS)
        self.timer.timeout.connect(self.look)
        self.timer.start()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_state)

    def _version(self) -> int | None:
        try:
            return self.controller.project.data_version()
        except Exception:  # a closed or vanished file: nothing to poll
            return None

    def _on_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.look()

    def look(self) -> bool:
        """Refresh if the project changed elsewhere since the last look; True if it did."""
        version = self._version()
        if version is None or version == self._seen:
            return False
        self._seen = version
        log.info("the project was changed by another window or program: refreshing")
        self.controller.project.sync_external_changes()
        controller = self.controller
        controller.articles_changed.emit()
        controller.tags_changed.emit()
        controller.dictionary_changed.emit()
        controller.annotations_changed.emit(-1)
        self.noticed.emit()
        return True

    def stop(self) -> None:
        self.timer.stop()


class BackupTableModel(QAbstractTableModel):
    """The backups of a project, newest first."""

    WHEN, REASON, SIZE = range(3)

    def __init__(self, backups: list[safekeeping.BackupInfo], parent: QObject | None = None):
        super().__init__(parent)
        self.backups = backups
        self._reasons = {
            "daily": self.tr("daily"),
            "manual": self.tr("made by you"),
            "migration": self.tr("before an upgrade"),
            "import": self.tr("before an import"),
            "before-restore": self.tr("before a restore"),
        }

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.backups)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Made"), self.tr("Why"), self.tr("Size"))[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        info = self.backups[index.row()]
        if index.column() == self.WHEN:
            return info.created.strftime("%Y-%m-%d %H:%M:%S")
        if index.column() == self.REASON:
            reason = self._reasons.get(info.reason, info.reason)
            return reason if info.verified else self.tr("%1 (unverified)").replace("%1", reason)
        return f"{info.size / 1_000_000:,.1f} MB"


class RestoreDialog(QDialog):
    """Choose one of the project's backups to restore."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from Backup"))
        self.resize(560, 360)
        self.model = BackupTableModel(project.backups(), self)
        intro = QLabel(
            self.tr(
                "Choose a backup to put in place of %1. The current file is kept as a backup "
                "too, so this can be undone by restoring it."
            ).replace("%1", visible_controls(project.path.name))
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().hide()
        self.view.doubleClicked.connect(self.accept)
        self.empty = QLabel(self.tr("There are no backups of this project yet."))
        self.empty.setVisible(not self.model.backups)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Restore"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        if self.model.backups:
            self.view.selectRow(0)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.model.backups))

    def chosen(self) -> Path | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.backups[rows[0].row()].path if rows else None


class RecoveryChoice:
    """What to do with a project found damaged on open."""

    RESTORE = "restore"  # put the newest backup in its place
    SALVAGE = "salvage"  # copy what can be read into a new file and open that
    OPEN = "open"  # open it read-only anyway
    CANCEL = "cancel"


def ask_recovery(project: Project, parent: QWidget | None = None) -> str:
    """Ask what to do with a damaged project (a RecoveryChoice), as Zotero and Anki do."""
    backups = [b for b in project.backups() if b.verified]
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QApplication.translate("recovery", "Damaged project"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        QApplication.translate(
            "recovery",
            "%1 is damaged (%2). Nothing will be written to it. What do you want to do?",
        )
        .replace("%1", visible_controls(project.path.name))
        .replace("%2", visible_controls(project.damage))
    )
    if backups:
        newest = backups[0].created.strftime("%Y-%m-%d %H:%M")
        box.setInformativeText(
            QApplication.translate(
                "recovery",
                "The newest backup was made %1. Restoring it keeps a copy of the damaged file.",
            ).replace("%1", newest)
        )
    choices: dict[object, str] = {}
    if backups:
        button = box.addButton(
            QApplication.translate("recovery", "Restore Newest Backup"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        choices[button] = RecoveryChoice.RESTORE
        box.setDefaultButton(button)
    salvage = box.addButton(
        QApplication.translate("recovery", "Salvage into New File…"),
        QMessageBox.ButtonRole.ActionRole,
    )
    choices[salvage] = RecoveryChoice.SALVAGE
    opened = box.addButton(
        QApplication.translate("recovery", "Open Read-Only"), QMessageBox.ButtonRole.ActionRole
    )
    choices[opened] = RecoveryChoice.OPEN
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return choices.get(box.clickedButton(), RecoveryChoice.CANCEL)

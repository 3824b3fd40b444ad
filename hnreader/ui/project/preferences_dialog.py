"""Preferences: the coder's name, language, reading layout, selection snapping, backups."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hnreader.ui.common.settings import Settings


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self.coder = QLineEdit(settings.coder)
        self.coder.setPlaceholderText(self.tr("Your name, saved with each annotation"))
        self.language = QComboBox()
        for label, code in (
            (self.tr("Follow the system"), "auto"),
            ("中文（简体）", "zh_CN"),
            ("English", "en"),
        ):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.font_size = QSpinBox()
        self.font_size.setRange(9, 40)
        self.font_size.setSuffix(" pt")
        self.font_size.setValue(settings.font_size)
        self.line_spacing = QSpinBox()
        self.line_spacing.setRange(100, 250)
        self.line_spacing.setSingleStep(10)
        self.line_spacing.setSuffix(" %")
        self.line_spacing.setValue(settings.line_spacing)
        self.snap = QCheckBox(
            self.tr("Snap selections to word boundaries (hold Alt for raw characters)")
        )
        self.snap.setChecked(settings.snap_to_words)
        self.backups = QSpinBox()
        self.backups.setRange(1, 100)
        self.backups.setValue(settings.backups_to_keep)
        self.backups.setToolTip(
            self.tr("A backup is made once a day, before upgrades and before large imports.")
        )
        note = QLabel(self.tr("A new language applies the next time hnreader starts."))
        note.setWordWrap(True)
        note.setEnabled(False)

        form = QFormLayout()
        form.addRow(self.tr("Coder name:"), self.coder)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Reading font size:"), self.font_size)
        form.addRow(self.tr("Line spacing:"), self.line_spacing)
        form.addRow("", self.snap)
        form.addRow(self.tr("Backups kept per project:"), self.backups)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.settings.coder = self.coder.text()
        self.settings.language = str(self.language.currentData())
        self.settings.font_size = self.font_size.value()
        self.settings.line_spacing = self.line_spacing.value()
        self.settings.snap_to_words = self.snap.isChecked()
        self.settings.backups_to_keep = self.backups.value()
        self.settings.sync()
        super().accept()

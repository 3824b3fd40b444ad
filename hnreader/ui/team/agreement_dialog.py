"""Analyse ▸ Coder Agreement…: choose coders, tags and the unit; see percent agreement, Cohen's
κ, Fleiss' κ, Krippendorff's α and unitizing α per tag and overall; export the table as CSV or
XLSX."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.agreement import AgreementReport, TagAgreement
from hnreader.core.agreement.tables import agreement_table
from hnreader.core.models import HnreaderError
from hnreader.core.project import Project
from hnreader.ui.common.plain_text import rich_text
from hnreader.ui.common.table_files import ask_table_path
from hnreader.ui.common.worker import Worker

ModelIndex = QModelIndex | QPersistentModelIndex


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


class AgreementModel(QAbstractTableModel):
    """One row per tag and an overall row: units, what each coder coded, the statistics."""

    UNITIZED = 7

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: AgreementReport | None = None
        self.rows: list[TagAgreement] = []

    def set_report(self, report: AgreementReport | None) -> None:
        self.beginResetModel()
        self.report = report
        self.rows = [*report.tags, report.overall] if report is not None else []
        self.endResetModel()

    def headers(self) -> list[str]:
        coders = " / ".join(self.report.coders) if self.report else ""
        return [
            self.tr("Tag"),
            self.tr("Units"),
            self.tr("Coded (%1)").replace("%1", coders),
            self.tr("Agreement"),
            self.tr("Cohen's κ"),
            self.tr("Fleiss' κ"),
            self.tr("Krippendorff's α"),
            self.tr("Unitizing α"),
        ]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == self.UNITIZED:
            return self.tr(
                "Krippendorff's unitizing α (2004): how alike the coders marked where each span "
                "begins and ends, on the characters of the text, whatever the unit chosen above."
            )
        return None

    def cells(self, row: TagAgreement) -> list[str]:
        percent = "—" if row.percent is None else f"{row.percent:.1%}"
        return [
            row.tag or self.tr("All tags"),
            f"{row.units:,}",
            " / ".join(map(str, row.coded)),
            percent,
            _number(row.cohen_kappa),
            _number(row.fleiss_kappa),
            _number(row.krippendorff_alpha),
            _number(row.unitized_alpha),
        ]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(row)[index.column()]  # plain text: a tag name is data
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and not row.tag:
            font = self.parent().font() if isinstance(self.parent(), QWidget) else None
            if font is not None:
                font.setBold(True)
            return font
        return None


class AgreementDialog(QDialog):
    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self._worker: Worker | None = None
        self._explained = ""
        self.setWindowTitle(self.tr("Coder Agreement"))
        self.coder_list = QListWidget()
        for coder in project.coders():
            item = QListWidgetItem(coder or self.tr("(no name)"))
            item.setData(Qt.ItemDataRole.UserRole, coder)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.coder_list.addItem(item)
        self.coder_list.setMaximumHeight(110)
        self.tag_list = QListWidget()
        for tag in sorted(project.tags(), key=lambda t: t.path):
            item = QListWidgetItem(tag.path)
            item.setData(Qt.ItemDataRole.UserRole, tag.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.tag_list.addItem(item)
        self.tag_list.setMaximumHeight(140)
        self.unit_box = QComboBox()
        for unit, label in (
            ("sentence", self.tr("Sentences")),
            ("paragraph", self.tr("Paragraphs")),
            ("article", self.tr("Articles")),
            ("character", self.tr("Characters")),
        ):
            self.unit_box.addItem(label, unit)
        self.share_box = QDoubleSpinBox()
        self.share_box.setRange(0, 100)
        self.share_box.setDecimals(0)
        self.share_box.setSuffix(" %")
        self.share_box.setToolTip(
            self.tr("A unit counts as coded when at least this share of it is (0: any character).")
        )
        self.children_box = QCheckBox(self.tr("Sub-tags count as their tag"))
        self.children_box.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Coders:"), self.coder_list)
        form.addRow(self.tr("Tags:"), self.tag_list)
        form.addRow(self.tr("Compare on:"), self.unit_box)
        form.addRow(self.tr("Coded when at least:"), self.share_box)
        form.addRow("", self.children_box)
        self.compute_button = QPushButton(self.tr("Compute"))
        self.compute_button.setDefault(True)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setEnabled(False)
        self.summary = QLabel(self.tr("Choose two or more coders and press Compute."))
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.model = AgreementModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.compute_button)
        row.addWidget(self.export_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.compute_button.clicked.connect(self.compute)
        self.export_button.clicked.connect(self.export)
        self.resize(900, 720)

    def _checked(self, widget: QListWidget) -> list[Any]:
        return [
            widget.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked
        ]

    def compute(self) -> None:
        coders, tag_ids = self._checked(self.coder_list), self._checked(self.tag_list)
        if len(coders) < 2 or not tag_ids:
            self.summary.setText(self.tr("Choose two or more coders and at least one tag."))
            return
        unit = self.unit_box.currentData()
        share = self.share_box.value() / 100
        children = self.children_box.isChecked()

        def job(project: Project, progress: Any, is_cancelled: Any) -> AgreementReport:
            return project.agreement(
                coders,
                tag_ids=tag_ids,
                unit=unit,
                min_share=share,
                include_children=children,
                is_cancelled=is_cancelled,
            )

        self.compute_button.setEnabled(False)
        self.summary.setText(self.tr("Counting…"))
        worker = Worker.for_project(self.project, job)
        worker.signals.finished.connect(self._shown)
        worker.signals.failed.connect(self._failed)
        self._worker = worker
        worker.start()

    def _shown(self, report: AgreementReport) -> None:
        self.compute_button.setEnabled(True)
        self.model.set_report(report)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.export_button.setEnabled(bool(report.article_ids))
        if not report.article_ids:
            self.summary.setText(
                self.tr("No article has been coded by every one of these coders yet.")
            )
            return
        self._explained = (
            self.tr(
                "Articles coded by every chosen coder: %1. Units per tag: %2. A — means "
                "undefined: every unit coded alike by everyone. Unitizing α compares the "
                "coders' spans character by character, whatever the unit."
            )
            .replace("%1", f"{len(report.article_ids):,}")
            .replace("%2", f"{report.tags[0].units:,}" if report.tags else "0")
        )
        self.summary.setText(self._explained)

    def _failed(self, message: str, _details: str) -> None:
        self.compute_button.setEnabled(True)
        self.summary.setText(message)

    def export(self) -> None:
        if self.model.report is None:
            return
        path = ask_table_path(self, self.tr("Export agreement"), "agreement", prefer_xlsx=True)
        if path is not None:
            self.write_table(path)

    def write_table(self, path: Path) -> bool:
        """The table as shown (the UI's column names) as CSV, or XLSX by the file's suffix."""
        report = self.model.report
        if report is None:
            return False
        headers = self.model.headers()
        header = [headers[0], headers[1], self.tr("Coders"), *headers[2:]]
        table = agreement_table(report, header=header, all_tags=self.tr("All tags"))
        try:
            count = self.project.export_table(path, table)
        except HnreaderError as error:
            QMessageBox.warning(self, self.tr("Export agreement"), rich_text(str(error)))
            return False
        wrote = self.tr("Wrote %n row(s) to %1", "", count).replace("%1", str(path))
        self.summary.setText(f"{self._explained}\n{wrote}")
        return True

"""The export dialog: which tagged passages go to CSV, how many rows, and where."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.export.rows import ExportFilter
from hnreader.core.project import Project
from hnreader.ui.common.plain_text import visible_controls


def swatch(color: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class ExportDialog(QDialog):
    """Choose tags, articles and coder; see the row count; pick the file."""

    def __init__(
        self, project: Project, current_article: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.project = project
        self._current_article = current_article
        self.setWindowTitle(self.tr("Export tagged passages"))
        self.setMinimumWidth(520)

        self.tag_list = QListWidget()
        self.tag_list.setMinimumHeight(160)
        for tag in sorted(project.tags(), key=lambda t: t.path):
            item = QListWidgetItem(
                swatch(tag.color), visible_controls(f"{tag.path}  ({tag.annotation_count})")
            )
            item.setData(Qt.ItemDataRole.UserRole, tag.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.tag_list.addItem(item)
        all_tags = QPushButton(self.tr("All"))
        no_tags = QPushButton(self.tr("None"))
        all_tags.clicked.connect(self._check_all)
        no_tags.clicked.connect(self._check_none)

        self.articles = QComboBox()
        self.articles.addItem(self.tr("All articles"), None)
        if current_article is not None:
            title = project.article(current_article).title
            self.articles.addItem(
                self.tr("Only the current article: %1").replace("%1", visible_controls(title)),
                current_article,
            )

        self.coder = QComboBox()
        self.coder.addItem(self.tr("All coders"), None)
        for coder in project.coders():
            self.coder.addItem(visible_controls(coder) or self.tr("(no name)"), coder)

        self.path = QLineEdit(str(Path.home() / "hnreader-export.csv"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        self.figures = QCheckBox(self.tr("Also export the figures table (…_figures.csv)"))
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)

        form = QFormLayout()
        tag_buttons = QHBoxLayout()
        tag_buttons.addWidget(all_tags)
        tag_buttons.addWidget(no_tags)
        tag_buttons.addStretch()
        tag_box = QVBoxLayout()
        tag_box.addWidget(self.tag_list)
        tag_box.addLayout(tag_buttons)
        form.addRow(self.tr("Tags:"), tag_box)
        form.addRow(self.tr("Articles:"), self.articles)
        form.addRow(self.tr("Coder:"), self.coder)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        form.addRow(self.tr("File:"), path_row)
        form.addRow("", self.figures)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.count)
        layout.addWidget(self.buttons)

        self.tag_list.itemChanged.connect(self.update_count)
        self.articles.currentIndexChanged.connect(self.update_count)
        self.coder.currentIndexChanged.connect(self.update_count)
        self.path.textChanged.connect(self.update_count)
        self.figures.toggled.connect(self.update_count)
        self.update_count()

    def _check_all(self) -> None:
        self._set_all(Qt.CheckState.Checked)

    def _check_none(self) -> None:
        self._set_all(Qt.CheckState.Unchecked)

    def _set_all(self, state: Qt.CheckState) -> None:
        for row in range(self.tag_list.count()):
            self.tag_list.item(row).setCheckState(state)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), self.path.text(), self.tr("CSV files (*.csv)")
        )
        if path:
            self.path.setText(path if path.lower().endswith(".csv") else path + ".csv")

    def selection(self) -> ExportFilter:
        tag_ids = [
            self.tag_list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.tag_list.count())
            if self.tag_list.item(row).checkState() == Qt.CheckState.Checked
        ]
        article = self.articles.currentData()
        return ExportFilter(
            tag_ids=tag_ids,
            article_ids=[article] if article is not None else None,
            coder=self.coder.currentData(),
        )

    def output_path(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def figures_path(self) -> Path | None:
        if not self.figures.isChecked():
            return None
        out = self.output_path()
        return out.with_name(out.stem + "_figures.csv")

    def row_count(self) -> int:
        selection = self.selection()
        if not selection.tag_ids:
            return 0
        return self.project.count_export_rows(selection)

    def update_count(self) -> None:
        rows = self.row_count()
        self.count.setText(self.tr("%n row(s) will be written.", "", rows))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        ok.setEnabled(bool(self.path.text().strip()) and (rows > 0 or self.figures.isChecked()))

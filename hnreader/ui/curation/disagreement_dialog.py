"""Analyse ▸ Resolve Disagreements…: for two coders, a tag and a unit, the units where they
differ; the selected one in three lanes (coder A, coder B, the consensus) with each coding
highlighted; accept A, B, both, or a selected span into the consensus coder (one undo step
each). The consensus coder then takes part in Coder Agreement like any coder."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.curation import (
    ACCEPT_A,
    ACCEPT_B,
    ACCEPT_BOTH,
    DEFAULT_CONSENSUS,
    Disagreement,
)
from hnreader.core.models import Change
from hnreader.core.project import Project
from hnreader.ui.common.table_views import set_up_list_table
from hnreader.ui.common.text_positions import PositionMap
from hnreader.ui.common.worker import Worker
from hnreader.ui.curation.disagreement_model import DisagreementModel
from hnreader.ui.project.project_controller import ProjectController

LANE_COLOURS = (QColor("#9CC3F5"), QColor("#F5B971"), QColor("#A8D8A0"))  # A, B, consensus
ALL_TAGS = -1


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class Lane(QWidget):
    """One coder's coding of the unit: a name with its colour, the unit text highlighted."""

    def __init__(self, colour: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour = colour
        self.name = _plain()
        swatch = QLabel()
        swatch.setFixedSize(14, 14)
        swatch.setStyleSheet(f"background-color: {colour.name()}; border: 1px solid #777;")
        heading = QHBoxLayout()
        heading.addWidget(swatch)
        heading.addWidget(self.name, 1)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(heading)
        layout.addWidget(self.text)
        self.positions = PositionMap("")

    def show_unit(self, name: str, text: str, spans: tuple[tuple[int, int], ...]) -> None:
        """`spans` are code points into `text`; converted to Qt's UTF-16 positions here."""
        self.name.setText(name)
        self.text.setPlainText(text)  # plain text: article text is data, never markup
        self.positions = PositionMap(text)
        fmt = QTextCharFormat()
        fmt.setBackground(self.colour)
        selections = []
        for start, end in spans:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(self.positions.to_qt(start))
            cursor.setPosition(self.positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.text.setExtraSelections(selections)

    def selected_span(self) -> tuple[int, int] | None:
        cursor = self.text.textCursor()
        if not cursor.hasSelection():
            return None
        return self.positions.span_to_cp(cursor.selectionStart(), cursor.selectionEnd())


class DisagreementDialog(QDialog):
    def __init__(
        self, project: Project, controller: ProjectController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.project, self.controller = project, controller
        self._worker: Worker | None = None
        self._unit_text = ""
        self._keep_row = 0
        self.setWindowTitle(self.tr("Resolve Disagreements"))
        coders = project.coders()
        self.coder_a, self.coder_b = QComboBox(), QComboBox()
        for box in (self.coder_a, self.coder_b):
            for coder in coders:
                box.addItem(coder or self.tr("(no name)"), coder)
        if len(coders) > 1:
            self.coder_b.setCurrentIndex(1)
        self.tag_box = QComboBox()
        self.tag_box.addItem(self.tr("All tags"), ALL_TAGS)
        for tag in sorted(project.tags(), key=lambda t: t.path):
            self.tag_box.addItem(tag.path, tag.id)
        self.unit_box = QComboBox()
        for unit, label in (
            ("sentence", self.tr("Sentences")),
            ("paragraph", self.tr("Paragraphs")),
            ("article", self.tr("Articles")),
        ):
            self.unit_box.addItem(label, unit)
        self.consensus_edit = QLineEdit(DEFAULT_CONSENSUS)
        self.consensus_edit.setToolTip(
            self.tr("The coder name the accepted coding is saved under.")
        )
        self.find_button = QPushButton(self.tr("Find Disagreements"))
        self.find_button.setDefault(True)
        form = QFormLayout()
        pair = QHBoxLayout()
        pair.addWidget(self.coder_a, 1)
        pair.addWidget(_plain(self.tr("and")))
        pair.addWidget(self.coder_b, 1)
        form.addRow(self.tr("Coders:"), pair)
        what = QHBoxLayout()
        what.addWidget(self.tag_box, 2)
        what.addWidget(_plain(self.tr("by")))
        what.addWidget(self.unit_box, 1)
        form.addRow(self.tr("Tag:"), what)
        consensus = QHBoxLayout()
        consensus.addWidget(self.consensus_edit, 1)
        consensus.addWidget(self.find_button)
        form.addRow(self.tr("Consensus coder:"), consensus)
        self.summary = _plain(self.tr("Choose two coders and press Find Disagreements."))
        self.summary.setWordWrap(True)
        self.model = DisagreementModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        set_up_list_table(self.table)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.lanes = [Lane(colour) for colour in LANE_COLOURS]
        self.place = _plain()
        self.place.setWordWrap(True)
        self.accept_a = QPushButton(self.tr("Accept A"))
        self.accept_b = QPushButton(self.tr("Accept B"))
        self.accept_both = QPushButton(self.tr("Accept Both"))
        self.use_selection = QPushButton(self.tr("Use Selection"))
        self.use_selection.setToolTip(
            self.tr("Select text in a lane: the consensus coding of this unit becomes it.")
        )
        buttons_row = QHBoxLayout()
        for button in (self.accept_a, self.accept_b, self.accept_both, self.use_selection):
            buttons_row.addWidget(button)
            button.setEnabled(False)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.place)
        for lane in self.lanes:
            right_layout.addWidget(lane, 1)
        right_layout.addLayout(buttons_row)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([420, 560])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)
        self.find_button.clicked.connect(self.find)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.accept_a.clicked.connect(self._accept_a)
        self.accept_b.clicked.connect(self._accept_b)
        self.accept_both.clicked.connect(self._accept_both)
        self.use_selection.clicked.connect(self._use_selection)
        self.resize(1040, 680)

    # -- finding

    def _settings(self) -> tuple[str, str, list[int] | None, str, str]:
        tag = self.tag_box.currentData()
        return (
            str(self.coder_a.currentData()),
            str(self.coder_b.currentData()),
            None if tag == ALL_TAGS else [int(tag)],
            str(self.unit_box.currentData()),
            self.consensus_edit.text(),
        )

    def find(self) -> None:
        a, b, tag_ids, unit, consensus = self._settings()
        if a == b:
            self.summary.setText(self.tr("Choose two different coders."))
            return

        def job(project: Project, progress: Any, is_cancelled: Any) -> Any:
            found = project.disagreements(
                a, b, consensus=consensus, tag_ids=tag_ids, unit=unit, is_cancelled=is_cancelled
            )
            titles = project.article_briefs(sorted({d.article_id for d in found}))
            return found, {i: brief[0] for i, brief in titles.items()}

        self.find_button.setEnabled(False)
        self.summary.setText(self.tr("Looking for disagreements…"))
        worker = Worker.for_project(self.project, job)
        worker.signals.finished.connect(self._found)
        worker.signals.failed.connect(self._failed)
        self._worker = worker
        worker.start()

    def _found(self, result: tuple[list[Disagreement], dict[int, str]]) -> None:
        found, titles = result
        self.find_button.setEnabled(True)
        self.model.titles = titles
        self.model.coders = (self.coder_a.currentText(), self.coder_b.currentText())
        self.model.set_rows(found)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        resolved = sum(1 for d in found if d.consensus_spans)
        self.summary.setText(
            self.tr("%1 disagreement(s); %2 with a consensus coding so far.")
            .replace("%1", f"{len(found):,}")
            .replace("%2", f"{resolved:,}")
            if found
            else self.tr("No disagreements: the two coders coded every unit alike.")
        )
        if found:
            row = min(self._keep_row, len(found) - 1)
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self._show(None)

    def _failed(self, message: str, _details: str) -> None:
        self.find_button.setEnabled(True)
        self.summary.setText(message)

    # -- one disagreement

    def current(self) -> Disagreement | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _row_changed(self, *_: object) -> None:
        self._show(self.current())

    def _show(self, d: Disagreement | None) -> None:
        writable = d is not None and not self.project.read_only
        for button in (self.accept_a, self.accept_b, self.accept_both, self.use_selection):
            button.setEnabled(writable)
        if d is None:
            self.place.setText("")
            for lane in self.lanes:
                lane.show_unit("", "", ())
            return
        text = self.project.article_texts([d.article_id])[d.article_id][d.start : d.end]
        self._unit_text = text

        def local(spans: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
            return tuple((s - d.start, e - d.start) for s, e in spans)

        self.place.setText(
            self.tr("“%1” — %2, characters %3–%4")
            .replace("%1", self.model.titles.get(d.article_id, ""))
            .replace("%2", d.tag_path)
            .replace("%3", f"{d.start:,}")
            .replace("%4", f"{d.end:,}")
        )
        names = (
            self.tr("A: %1").replace("%1", self.coder_a.currentText()),
            self.tr("B: %1").replace("%1", self.coder_b.currentText()),
            self.tr("Consensus: %1").replace("%1", self.consensus_edit.text()),
        )
        spans = (d.a_spans, d.b_spans, d.consensus_spans)
        for lane, name, lane_spans in zip(self.lanes, names, spans, strict=True):
            lane.show_unit(name, text, local(lane_spans))

    def _resolve(self, choice: str | list[tuple[int, int]]) -> None:
        d = self.current()
        if d is None:
            return
        consensus = self.consensus_edit.text()

        def run() -> Change:
            return self.project.resolve_disagreement(d, choice, consensus)

        if self.controller.run(run) is not None:
            self._keep_row = self.table.currentIndex().row() + 1  # on to the next one
            self.find()

    def _accept_a(self) -> None:
        self._resolve(ACCEPT_A)

    def _accept_b(self) -> None:
        self._resolve(ACCEPT_B)

    def _accept_both(self) -> None:
        self._resolve(ACCEPT_BOTH)

    def _use_selection(self) -> None:
        d = self.current()
        span = next((s for lane in self.lanes if (s := lane.selected_span()) is not None), None)
        if d is None or span is None:
            self.summary.setText(self.tr("Select the text the consensus coding should cover."))
            return
        self._resolve([(d.start + span[0], d.start + span[1])])

"""The report of a REFI-QDA import: what came in, and what could not be carried over."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.exchange import ExchangeReport, LeftOut


def left_out_text(item: LeftOut) -> str:
    """One thing not carried over, in the UI language, with its examples."""
    translate = QCoreApplication.translate
    words = {
        "picture_sources": translate("Exchange", "%1 picture source(s): hnreader holds text only"),
        "pdf_sources": translate("Exchange", "%1 PDF source(s): hnreader holds text only"),
        "audio_sources": translate("Exchange", "%1 audio source(s) and their transcripts"),
        "video_sources": translate("Exchange", "%1 video source(s) and their transcripts"),
        "sources_without_text": translate(
            "Exchange", "%1 text source(s) without plain text in the file (rich text only, or "
            "a file outside the archive)"
        ),
        "non_text_selections": translate(
            "Exchange", "%1 coded area(s) of pictures, PDFs, audio or video"
        ),
        "selections_outside_text": translate(
            "Exchange", "%1 selection(s) outside their source's text"
        ),
        "codings_without_code": translate(
            "Exchange", "%1 selection(s) or coding(s) without a code of the file"
        ),
        "variables_as_text": translate("Exchange", "%1 variable(s) of a type kept as text"),
        "cases": translate("Exchange", "%1 case(s): hnreader has no cases"),
        "sets": translate("Exchange", "%1 set(s): hnreader has no sets"),
        "links": translate("Exchange", "%1 link(s) between items"),
        "graphs": translate("Exchange", "%1 graph(s)"),
        "renamed_tags": translate(
            "Exchange", "%1 code(s) renamed: their name was taken or held “/”"
        ),
    }  # fmt: skip
    text = words.get(item.kind, item.english).replace("%1", str(item.count))
    if item.examples:
        text += "\n    " + translate("Exchange", "e.g. %1").replace("%1", "; ".join(item.examples))
    return text


class ExchangeReportDialog(QDialog):
    """Counts of what an import brought, and a list of what it left out."""

    def __init__(self, report: ExchangeReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("REFI-QDA import finished"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        heading = self.tr("Imported %1").replace("%1", report.file)
        if report.origin:
            heading += "\n" + self.tr("written by %1").replace("%1", report.origin)
        self.heading = self._label(heading)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        counts = QFormLayout()
        counts.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        rows = [
            (self.tr("Articles"), str(report.articles)),
            (self.tr("New tags"), str(report.tags)),
            (self.tr("Codes matched to existing tags"), str(report.tags_reused)),
            (self.tr("Annotations"), str(report.annotations)),
            (self.tr("Memos"), str(report.memos)),
            (self.tr("Variable values"), str(report.variables)),
            (self.tr("Coders"), ", ".join(report.coders) or "—"),
        ]
        self.values: dict[str, QLabel] = {}
        for label, value in rows:
            shown = self._label(value)
            self.values[label] = shown
            counts.addRow(self._label(label), shown)
        layout.addLayout(counts)
        if report.left_out:
            layout.addWidget(self._label(self.tr("Not carried over as it was:")))
            self.left_out = QPlainTextEdit()
            self.left_out.setReadOnly(True)
            self.left_out.setMinimumHeight(240)
            self.left_out.setPlainText("\n".join(f"• {left_out_text(i)}" for i in report.left_out))
            layout.addWidget(self.left_out)
        else:
            self.left_out = None
            layout.addWidget(self._label(self.tr("Everything in the file was carried over.")))
        layout.addWidget(self._label(self.tr("Edit ▸ Undo removes the whole import.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    @staticmethod
    def _label(text: str) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        return label

"""The annotations of one article as a table: tags, text, note, coder, kind."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from hnreader.core.models import Annotation, FigureValue, Tag
from hnreader.ui.common.plain_text import tooltip, visible_controls

COLUMN_TAGS = 0
COLUMN_TEXT = 1
COLUMN_NOTE = 2
COLUMN_CODER = 3
COLUMN_KIND = 4
COLUMN_COUNT = 5

ANNOTATION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
QUOTE_LIMIT = 80  # characters of the quote shown in the table; the tooltip has it all

AnyIndex = QModelIndex | QPersistentModelIndex


def format_value(value: FigureValue) -> str:
    """A normalised figure value for display: 7470000.0 → "7,470,000", 13.43 → "13.43", an
    ISO date or time ("2019-07", "--01-17", "10:30") as it is."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) >= 1e6 else f"{value:g}"


class AnnotationTableModel(QAbstractTableModel):
    """Rows are Annotation values; the note column is editable (the panel saves the edit)."""

    note_edited = Signal(int, str)  # annotation id, new note

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[Annotation] = []
        self._tags: dict[int, Tag] = {}

    def set_rows(self, annotations: Sequence[Annotation], tags: Sequence[Tag]) -> None:
        self.beginResetModel()
        self._rows = list(annotations)
        self._tags = {tag.id: tag for tag in tags}
        self.endResetModel()

    def annotation(self, row: int) -> Annotation:
        return self._rows[row]

    def row_of(self, annotation_id: int) -> int | None:
        for row, annotation in enumerate(self._rows):
            if annotation.id == annotation_id:
                return row
        return None

    def tag_names(self, annotation: Annotation) -> str:
        return ", ".join(self._tags[t].path for t in annotation.tag_ids if t in self._tags)

    # -- Qt model interface

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            COLUMN_TAGS: QCoreApplication.translate("AnnotationTableModel", "Tags"),
            COLUMN_TEXT: QCoreApplication.translate("AnnotationTableModel", "Text"),
            COLUMN_NOTE: QCoreApplication.translate("AnnotationTableModel", "Note"),
            COLUMN_CODER: QCoreApplication.translate("AnnotationTableModel", "Coder"),
            COLUMN_KIND: QCoreApplication.translate("AnnotationTableModel", "Kind / value"),
        }
        return titles.get(section)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COLUMN_NOTE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        annotation = self._rows[index.row()]
        column = index.column()
        if role == ANNOTATION_ID_ROLE:
            return annotation.id
        if role == Qt.ItemDataRole.DisplayRole:
            shown = self._display(annotation, column)
            return None if shown is None else visible_controls(shown)
        if role == Qt.ItemDataRole.EditRole and column == COLUMN_NOTE:
            return annotation.note
        if role == Qt.ItemDataRole.DecorationRole and column == COLUMN_TAGS:
            for tag_id in annotation.tag_ids:
                tag = self._tags.get(tag_id)
                if tag is not None and QColor(tag.color).isValid():
                    return QColor(tag.color)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COLUMN_TEXT:
                return tooltip(f"…{annotation.prefix}【{annotation.quote}】{annotation.suffix}…")
            if column == COLUMN_NOTE and annotation.note:
                return tooltip(annotation.note)
            if column == COLUMN_TAGS:
                return tooltip(self.tag_names(annotation))
        return None

    def _display(self, annotation: Annotation, column: int) -> str | None:
        if column == COLUMN_TAGS:
            return self.tag_names(annotation)
        if column == COLUMN_TEXT:
            quote = " ".join(annotation.quote.split())
            return quote if len(quote) <= QUOTE_LIMIT else quote[: QUOTE_LIMIT - 1] + "…"
        if column == COLUMN_NOTE:
            return annotation.note.replace("\n", " ")
        if column == COLUMN_CODER:
            return annotation.coder
        if column == COLUMN_KIND:
            if annotation.kind != "figure":
                return QCoreApplication.translate("AnnotationTableModel", "passage")
            value = format_value(annotation.figure_value)
            return f"{value} {annotation.figure_unit}".strip() or QCoreApplication.translate(
                "AnnotationTableModel", "figure"
            )
        return None

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or index.column() != COLUMN_NOTE
            or role != Qt.ItemDataRole.EditRole
            or not 0 <= index.row() < len(self._rows)
        ):
            return False
        annotation = self._rows[index.row()]
        note = str(value or "")
        if note != annotation.note:
            # The panel saves it through the controller; the store's reply refreshes the rows.
            self.note_edited.emit(annotation.id, note)
        return True

"""The annotations of the shown article: review, edit notes and tags, delete, jump to."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import (
    QIcon,
    QKeySequence,
    QPalette,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListView,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.models import Annotation, StoreError, Tag
from hnreader.ui.codebook.annotation_table_model import (
    COLUMN_CODER,
    COLUMN_KIND,
    COLUMN_NOTE,
    COLUMN_TAGS,
    COLUMN_TEXT,
    AnnotationTableModel,
)
from hnreader.ui.common.plain_text import rich_text, visible_controls
from hnreader.ui.common.settings import Settings
from hnreader.ui.project.project_controller import ProjectController


def themed_icon(name: str, fallback: QStyle.StandardPixmap, widget: QWidget) -> QIcon:
    return QIcon.fromTheme(name, widget.style().standardIcon(fallback))


class TagChoiceDialog(QDialog):
    """A checkable list of every tag; `chosen()` is the checked tag ids."""

    def __init__(self, tags: Sequence[Tag], checked: Sequence[int], parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tags of the Annotation"))
        self.items = QStandardItemModel(self)
        for tag in tags:
            item = QStandardItem(visible_controls(tag.path))
            item.setData(tag.id, Qt.ItemDataRole.UserRole)
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(
                Qt.CheckState.Checked if tag.id in checked else Qt.CheckState.Unchecked
            )
            self.items.appendRow(item)
        self.view = QListView(self)
        self.view.setModel(self.items)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        rule = QLabel(self.tr("An annotation keeps at least one tag."), self)
        rule.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(rule)
        layout.addWidget(self.view)
        layout.addWidget(buttons)

    def chosen(self) -> list[int]:
        out = []
        for row in range(self.items.rowCount()):
            item = self.items.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return out


class AnnotationListPanel(QWidget):
    """Lists the annotations of one article; every change goes through the controller."""

    annotation_activated = Signal(int, int, int)  # article id, start, end

    def __init__(
        self, controller: ProjectController, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self._article_id: int | None = None
        self.model = AnnotationTableModel(self)
        self._build()
        self.model.note_edited.connect(self._save_note, Qt.ConnectionType.QueuedConnection)
        controller.annotations_changed.connect(self._on_annotations_changed)
        controller.tags_changed.connect(self.refresh)
        controller.articles_changed.connect(self._on_articles_changed)
        self._update_actions()

    def _build(self) -> None:
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_button = self._tool_button(
            self.tr("Note…"), "document-edit", QStyle.StandardPixmap.SP_FileDialogDetailedView
        )
        self.note_button.setToolTip(self.tr("Edit the note of the selected annotation"))
        self.note_button.clicked.connect(self.edit_note)
        self.tags_button = self._tool_button(
            self.tr("Tags…"), "tag", QStyle.StandardPixmap.SP_FileDialogListView
        )
        self.tags_button.setToolTip(self.tr("Change the tags of the selected annotation"))
        self.tags_button.clicked.connect(self.edit_tags)
        self.delete_button = self._tool_button(
            self.tr("Delete"), "edit-delete", QStyle.StandardPixmap.SP_TrashIcon
        )
        self.delete_button.setToolTip(self.tr("Delete the selected annotations (Del)"))
        self.delete_button.clicked.connect(self.delete_selected)
        # Whose annotations are listed (issue 17): every coder's, or one coder's.
        self.coder_box = QComboBox(self)
        self.coder_box.setToolTip(self.tr("Show the annotations of every coder or of one"))
        self.coder_box.addItem(self.tr("All coders"), None)
        self.coder_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.coder_box.currentIndexChanged.connect(self.refresh)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.addWidget(self.count_label, 1)
        bar.addWidget(self.coder_box)
        for button in (self.note_button, self.tags_button, self.delete_button):
            bar.addWidget(button)

        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.setShowGrid(False)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COLUMN_TEXT, QHeaderView.ResizeMode.Stretch)
        for column in (COLUMN_TAGS, COLUMN_NOTE, COLUMN_CODER, COLUMN_KIND):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COLUMN_TAGS, 110)
        header.resizeSection(COLUMN_NOTE, 160)
        header.resizeSection(COLUMN_CODER, 70)
        header.resizeSection(COLUMN_KIND, 110)
        self.view.activated.connect(self._on_activated)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)

        self.empty_label = QLabel(self.tr("No annotations yet: select text and tag it."), self)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label, 1)

    def _tool_button(self, text: str, icon: str, fallback: QStyle.StandardPixmap) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setIcon(themed_icon(icon, fallback, self))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        return button

    # -- public API

    @property
    def article_id(self) -> int | None:
        return self._article_id

    def set_article(self, article_id: int | None) -> None:
        self._article_id = article_id
        self.refresh()

    def refresh(self) -> None:
        """Reload the rows from the store, keeping the selected annotations selected."""
        selected = set(self.selected_ids())
        project = self.controller.project
        annotations: list[Annotation] = []
        if self._article_id is not None:
            annotations = project.annotations(article_id=self._article_id)
        self._fill_coders(project.coders())
        every = len(annotations)
        coder = self.coder_box.currentData()
        if coder is not None:
            annotations = [a for a in annotations if a.coder == coder]
        self.model.set_rows(annotations, project.tags())
        selection = self.view.selectionModel()
        for row, annotation in enumerate(annotations):
            if annotation.id in selected:
                selection.select(
                    self.model.index(row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )
        count = len(annotations)
        if self._article_id is None:
            self.count_label.setText("")
        elif count != every:
            self.count_label.setText(
                self.tr("%1 of %2 annotations").replace("%1", str(count)).replace("%2", str(every))
            )
        elif count == 1:
            self.count_label.setText(self.tr("1 annotation"))
        else:
            self.count_label.setText(self.tr("%1 annotations").replace("%1", str(count)))
        has_rows = count > 0
        self.view.setVisible(has_rows)
        self.empty_label.setVisible(not has_rows)
        self.empty_label.setText(
            self.tr("No annotations yet: select text and tag it.")
            if self._article_id is not None
            else self.tr("No article is shown.")
        )
        self._update_actions()

    def _fill_coders(self, coders: Sequence[str]) -> None:
        """The coder choices in step with the project's coders, the chosen one kept."""
        shown = [self.coder_box.itemData(i) for i in range(1, self.coder_box.count())]
        if shown == list(coders):
            return
        chosen = self.coder_box.currentData()
        self.coder_box.blockSignals(True)
        while self.coder_box.count() > 1:
            self.coder_box.removeItem(1)
        for coder in coders:
            self.coder_box.addItem(coder or self.tr("(no name)"), coder)
        index = self.coder_box.findData(chosen) if chosen is not None else 0
        self.coder_box.setCurrentIndex(max(0, index))
        self.coder_box.blockSignals(False)
        self.coder_box.setVisible(len(coders) > 1)

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [self.model.annotation(row).id for row in rows if row < self.model.rowCount()]

    def select_annotation(self, annotation_id: int) -> bool:
        row = self.model.row_of(annotation_id)
        if row is None:
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    def _shown(self, annotation_id: int) -> Annotation | None:
        row = self.model.row_of(annotation_id)
        return None if row is None else self.model.annotation(row)

    def set_note(self, annotation_id: int, note: str) -> bool:
        """Save a note edited from the one shown: refused, not saved over, if another
        window changed it meanwhile."""
        project, shown = self.controller.project, self._shown(annotation_id)
        note_was = None if shown is None else shown.note
        return (
            self.controller.run(
                lambda: project.update_annotation(annotation_id, note=note, note_was=note_was)
            )
            is not None
        )

    def set_tags(self, annotation_id: int, tag_ids: Sequence[int]) -> bool:
        """Change the tags from the ones shown to `tag_ids`, as additions and removals, so
        that tags another window added meanwhile stay."""
        project, shown = self.controller.project, self._shown(annotation_id)
        if shown is None:
            ids = list(tag_ids)
            return (
                self.controller.run(lambda: project.update_annotation(annotation_id, tag_ids=ids))
                is not None
            )
        added = [t for t in tag_ids if t not in shown.tag_ids]
        removed = [t for t in shown.tag_ids if t not in tag_ids]
        return (
            self.controller.run(
                lambda: project.update_annotation(
                    annotation_id, add_tag_ids=added, remove_tag_ids=removed
                )
            )
            is not None
        )

    def edit_note(self) -> None:
        """Edit the selected annotation's note in a dialog (inline: double-click the cell)."""
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        annotation = self.model.annotation(self.model.row_of(ids[0]) or 0)
        note, accepted = QInputDialog.getMultiLineText(
            self,
            self.tr("Note"),
            # The static dialog guesses its label's format: make it explicit rich text.
            rich_text(self.tr("Note on “%1”").replace("%1", annotation.quote[:30])),
            annotation.note,
        )
        if accepted and note != annotation.note:
            self.set_note(annotation.id, note)

    def edit_tags(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        annotation = self.model.annotation(self.model.row_of(ids[0]) or 0)
        dialog = TagChoiceDialog(self.controller.project.tags(), annotation.tag_ids, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            chosen = dialog.chosen()
            if chosen and sorted(chosen) != sorted(annotation.tag_ids):
                self.set_tags(annotation.id, chosen)
            elif not chosen:
                self.controller.action_failed.emit(
                    self.tr("An annotation needs at least one tag; delete it instead.")
                )

    def delete_selected(self) -> int:
        """Delete the selected annotations (each one undo step); returns how many."""
        project, done = self.controller.project, 0
        for annotation_id in self.selected_ids():
            if self.controller.run(lambda i=annotation_id: project.delete_annotation(i)):
                done += 1
        return done

    # -- slots

    def _save_note(self, annotation_id: int, note: str) -> None:
        self.set_note(annotation_id, note)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            annotation = self.model.annotation(index.row())
            self.annotation_activated.emit(annotation.article_id, annotation.start, annotation.end)

    def _on_annotations_changed(self, article_id: int) -> None:
        if self._article_id is not None and article_id in (-1, self._article_id):
            self.refresh()

    def _on_articles_changed(self) -> None:
        if self._article_id is None:
            return
        try:
            self.controller.project.article(self._article_id)
        except StoreError:
            self._article_id = None
        self.refresh()

    def _update_actions(self) -> None:
        count = len(self.view.selectionModel().selectedRows())
        self.note_button.setEnabled(count == 1)
        self.tags_button.setEnabled(count == 1)
        self.delete_button.setEnabled(count >= 1)

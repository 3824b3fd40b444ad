"""The codebook panel: pinned tags 1–9, the tag tree, a tag's description and its passages."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from hnreader.ui.codebook.tag_dialogs import DeleteTagDialog, MergeTagDialog, TagDialog
from hnreader.ui.codebook.tag_passage_model import TagPassageModel
from hnreader.ui.codebook.tag_tree_menu import TagTreeMenu
from hnreader.ui.codebook.tag_tree_model import ROOT, TagTreeModel, swatch_icon
from hnreader.ui.common.input_dialogs import ask_text
from hnreader.ui.common.plain_text import (
    action_text,
    tooltip,
    visible_controls,
    window_title,
)
from hnreader.ui.common.settings import Settings
from hnreader.ui.common.table_views import set_up_list_table
from hnreader.ui.library.library_panel import quiet_label
from hnreader.ui.project.project_controller import ProjectController

PIN_SLOTS = 9
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _DescriptionEdit(QPlainTextEdit):
    """A plain-text box that reports when the user leaves it."""

    editing_finished = Signal()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.editing_finished.emit()


class TagPanel(QWidget):
    """The codebook. Every change goes through the controller, so it can be undone."""

    tag_applied = Signal(int)  # the user asked to apply this tag to the reader's selection
    passage_activated = Signal(int, int, int)  # article id, start, end

    def __init__(
        self, controller: ProjectController, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self._expanded: set[int] | None = None  # None: expand everything on the first load
        self._description_tag: int | None = None
        self._menu = TagTreeMenu(self)

        self.new_button = QToolButton()
        self.new_button.setText(self.tr("＋ New Tag"))
        self.new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_button.setToolTip(self.tr("Create a tag"))
        self.new_button.clicked.connect(self._new_clicked)
        title = QLabel(self.tr("Codebook"))
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setStyleSheet("font-weight: 600;")
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.new_button)

        self.pin_bar = QWidget()
        self.pin_layout = QGridLayout(self.pin_bar)
        self.pin_layout.setContentsMargins(0, 0, 0, 0)
        self.pin_layout.setSpacing(3)
        self.pin_hint = QLabel(self.tr("Right-click a tag → Pin to apply it with keys 1–9"))
        self.pin_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.pin_hint.setWordWrap(True)
        quiet_label(self.pin_hint)
        self.pin_buttons: list[QToolButton] = []

        self.model = TagTreeModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDropIndicatorShown(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree_header = self.tree.header()
        tree_header.setStretchLastSection(False)
        tree_header.setSectionResizeMode(TagTreeModel.NAME, QHeaderView.ResizeMode.Stretch)
        tree_header.setSectionResizeMode(
            TagTreeModel.COUNT, QHeaderView.ResizeMode.ResizeToContents
        )

        self.description_edit = _DescriptionEdit()
        self.description_edit.setPlaceholderText(self.tr("Description of the selected tag"))
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.description_edit.setEnabled(False)

        self.passages_label = QLabel(self.tr("Passages"))
        self.passages_label.setTextFormat(Qt.TextFormat.PlainText)
        self.passage_model = TagPassageModel(self)
        self.passages = QTableView()
        self.passages.setModel(self.passage_model)
        set_up_list_table(self.passages)
        passage_header = self.passages.horizontalHeader()
        passage_header.setSectionResizeMode(TagPassageModel.PASSAGE, QHeaderView.ResizeMode.Stretch)
        passage_header.setSectionResizeMode(
            TagPassageModel.ARTICLE, QHeaderView.ResizeMode.Interactive
        )
        passage_header.setSectionResizeMode(
            TagPassageModel.NOTE, QHeaderView.ResizeMode.Interactive
        )
        self.passages.setColumnWidth(TagPassageModel.ARTICLE, 130)
        self.passages.setColumnWidth(TagPassageModel.NOTE, 80)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(4)
        top_layout.addLayout(header)
        top_layout.addWidget(self.pin_bar)
        top_layout.addWidget(self.pin_hint)
        top_layout.addWidget(self.tree, 1)
        top_layout.addWidget(self.description_edit)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 4, 0, 0)
        bottom_layout.setSpacing(2)
        bottom_layout.addWidget(self.passages_label)
        bottom_layout.addWidget(self.passages, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)  # room for the Passages list too
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

        self.model.tag_dropped.connect(self._tag_dropped)
        self.tree.customContextMenuRequested.connect(self._menu.show_at)
        self.tree.doubleClicked.connect(self._tree_double_clicked)
        self.tree.selectionModel().currentRowChanged.connect(self._current_changed)
        self.tree.installEventFilter(self)
        self.passages.activated.connect(self._passage_activated)
        self.description_edit.editing_finished.connect(self._save_description)
        controller.tags_changed.connect(self.refresh)
        controller.annotations_changed.connect(self._annotations_changed)
        self.refresh()

    # -- public API

    def refresh(self) -> None:
        """Reload the codebook, keeping the expanded branches and the current tag."""
        current = self.current_tag_id()
        if self._expanded is not None or self.model.rowCount():
            self._expanded = {
                tag.id
                for tag in self.model.tags()
                if self.tree.isExpanded(self.model.index_of(tag.id))
            }
        self.model.set_tags(self.controller.project.tags())
        for tag in self.model.tags():
            if self._expanded is None or tag.id in self._expanded:
                self.tree.setExpanded(self.model.index_of(tag.id), True)
        self._expanded = self._expanded or set()
        if current is not None and self.model.tag(current) is not None:
            self.select_tag(current)
        else:
            self._show_tag(None)
        self._rebuild_pins()

    def current_tag_id(self) -> int | None:
        return self.model.tag_id(self.tree.currentIndex())

    def select_tag(self, tag_id: int) -> None:
        index = self.model.index_of(tag_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
            self._show_tag(tag_id)

    def pinned_tag(self, n: int) -> int | None:
        """The tag pinned to key `n` (1–9), if it still exists."""
        slots = self.pin_slots()
        if not 1 <= n <= PIN_SLOTS:
            return None
        tag_id = slots[n - 1]
        return tag_id if tag_id and self.model.tag(tag_id) is not None else None

    def pin_tag(self, tag_id: int, n: int | None = None) -> None:
        """Pin a tag to key `n`, or to the first free key; a tag has at most one key."""
        slots = [0 if s == tag_id else s for s in self.pin_slots()]
        if n is None:
            free = [i for i, s in enumerate(slots) if not s or self.model.tag(s) is None]
            if not free:
                QMessageBox.information(
                    self,
                    self.tr("Pinned Tags"),
                    self.tr("All nine keys are taken; unpin a tag first."),
                )
                return
            n = free[0] + 1
        slots[n - 1] = tag_id
        self._store_pins(slots)

    def unpin_tag(self, tag_id: int) -> None:
        self._store_pins([0 if s == tag_id else s for s in self.pin_slots()])

    # -- codebook actions (all through the controller)

    def create_tag(self, parent_id: int | None = None) -> int | None:
        tags = self.model.tags()
        fields = TagDialog.ask_new(self, tags, parent_id)
        if fields is None:
            return None
        project = self.controller.project
        change = self.controller.run(
            lambda: project.add_tag(
                fields.name,
                color=fields.color,
                description=fields.description,
                parent_id=fields.parent_id,
            )
        )
        if change is None or change.result_id is None:
            return None
        self.select_tag(change.result_id)
        return change.result_id

    def edit_tag(self, tag_id: int) -> None:
        tag = self.model.tag(tag_id)
        if tag is None:
            return
        excluded = self.model.descendants(tag_id) | {tag_id}
        fields = TagDialog.ask_edit(self, tag, self.model.tags(), excluded)
        if fields is None:
            return
        changes: dict[str, object] = {}
        if fields.name != tag.name:
            changes["name"] = fields.name
        if fields.color.upper() != tag.color.upper():
            changes["color"] = fields.color
        if fields.description != tag.description:
            changes["description"] = fields.description
        if fields.parent_id != tag.parent_id:
            changes["parent_id"] = fields.parent_id
        if changes:
            project = self.controller.project
            self.controller.run(lambda: project.update_tag(tag_id, **changes))

    def rename_tag(self, tag_id: int) -> None:
        tag = self.model.tag(tag_id)
        if tag is None:
            return
        name, ok = ask_text(
            self,
            self.tr("Rename Tag"),
            self.tr("New name for “%1”:").replace("%1", tag.name),
            tag.name,
        )
        name = name.strip()
        if ok and name and name != tag.name:
            project = self.controller.project
            self.controller.run(lambda: project.update_tag(tag_id, name=name))

    def recolor_tag(self, tag_id: int) -> None:
        tag = self.model.tag(tag_id)
        if tag is None:
            return
        color = QColorDialog.getColor(
            QColor(tag.color),
            self,
            window_title(self.tr("Colour of “%1”").replace("%1", tag.name)),
        )
        if color.isValid() and color.name().upper() != tag.color.upper():
            project = self.controller.project
            self.controller.run(lambda: project.update_tag(tag_id, color=color.name().upper()))

    def move_tag(self, tag_id: int, parent_id: int | None) -> None:
        tag = self.model.tag(tag_id)
        if tag is None or tag.parent_id == parent_id:
            return
        project = self.controller.project
        self.controller.run(lambda: project.update_tag(tag_id, parent_id=parent_id))

    def merge_tag(self, tag_id: int) -> None:
        tag = self.model.tag(tag_id)
        if tag is None:
            return
        target = MergeTagDialog.ask(self, tag, self.model.tags())
        if target is not None:
            project = self.controller.project
            self.controller.run(lambda: project.merge_tags(tag_id, target))

    def delete_tag(self, tag_id: int) -> None:
        tag = self.model.tag(tag_id)
        if tag is None:
            return
        choice = DeleteTagDialog.ask(self, tag, self.model.tags())
        if choice is None:
            return
        project = self.controller.project
        self.controller.run(
            lambda: project.delete_tag(
                tag_id, annotations=choice.annotations, reassign_to=choice.reassign_to
            )
        )

    def _new_clicked(self) -> None:
        self.create_tag()

    # -- pinned tags

    def pin_slots(self) -> list[int]:
        """The tag id pinned to each key 1–9, 0 where none is."""
        slots = self.settings.pinned_tags(str(self.controller.project.path))[:PIN_SLOTS]
        return slots + [0] * (PIN_SLOTS - len(slots))

    def _store_pins(self, slots: list[int]) -> None:
        while slots and not slots[-1]:
            slots.pop()
        self.settings.set_pinned_tags(str(self.controller.project.path), slots)
        self._rebuild_pins()

    def _rebuild_pins(self) -> None:
        for button in self.pin_buttons:
            button.deleteLater()
        self.pin_buttons = []
        for n in range(1, PIN_SLOTS + 1):
            tag_id = self.pinned_tag(n)
            if tag_id is None:
                continue
            tag = self.model.tag(tag_id)
            assert tag is not None
            button = QToolButton(self.pin_bar)
            button.setText(action_text(f"{n}  {tag.name}"))
            button.setIcon(swatch_icon(tag.color, 12))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setToolTip(
                tooltip(
                    self.tr("Apply “%1” to the selection (key %2)")
                    .replace("%1", tag.path)
                    .replace("%2", str(n))
                )
            )
            button.setProperty("tag_id", tag_id)
            button.clicked.connect(self._pin_clicked)
            position = len(self.pin_buttons)
            self.pin_layout.addWidget(button, position // 3, position % 3)
            self.pin_buttons.append(button)
        self.pin_bar.setVisible(bool(self.pin_buttons))
        self.pin_hint.setVisible(not self.pin_buttons and bool(self.model.rowCount()))

    def _pin_clicked(self) -> None:
        button = self.sender()
        if isinstance(button, QToolButton):
            self.tag_applied.emit(int(button.property("tag_id")))

    # -- selection, description and passages

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_tag(self.model.tag_id(current))

    def _show_tag(self, tag_id: int | None) -> None:
        self._save_description()
        tag = self.model.tag(tag_id) if tag_id is not None else None
        self._description_tag = tag.id if tag else None
        self.description_edit.setEnabled(tag is not None)
        self.description_edit.setPlainText(tag.description if tag else "")
        if tag is None:
            self.passage_model.set_rows([], {})
            self.passages_label.setText(self.tr("Passages"))
            return
        project = self.controller.project
        annotations = project.annotations(tag_ids=[tag.id])
        briefs = project.article_briefs(sorted({a.article_id for a in annotations}))
        titles = {article_id: brief[0] for article_id, brief in briefs.items()}
        self.passage_model.set_rows(annotations, titles)
        self.passages_label.setText(
            self.tr("Passages tagged “%1” (%2)")
            .replace("%1", visible_controls(tag.name))
            .replace("%2", str(len(annotations)))
        )

    def _save_description(self) -> None:
        tag_id = self._description_tag
        tag = self.model.tag(tag_id) if tag_id is not None else None
        if tag is None:
            return
        if not self.description_edit.document().isModified():
            return  # only the user's own edits are saved, never text left from before an undo
        self.description_edit.document().setModified(False)
        text = self.description_edit.toPlainText().strip()
        if text != tag.description:
            project = self.controller.project
            self.controller.run(lambda: project.update_tag(tag.id, description=text))

    def _annotations_changed(self, _article_id: int) -> None:
        self.refresh()

    def _passage_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            annotation = self.passage_model.annotation(index.row())
            self.passage_activated.emit(annotation.article_id, annotation.start, annotation.end)

    # -- tree interaction

    def _tree_double_clicked(self, index: QModelIndex) -> None:
        tag_id = self.model.tag_id(index)
        if tag_id is not None:
            self.tag_applied.emit(tag_id)

    def _tag_dropped(self, tag_id: int, parent_id: int) -> None:
        self.move_tag(tag_id, None if parent_id == ROOT else parent_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            tag_id = self.current_tag_id()
            if tag_id is not None:
                if event.key() in _ENTER_KEYS:
                    self.tag_applied.emit(tag_id)
                    return True
                if event.key() == Qt.Key.Key_F2:
                    self.rename_tag(tag_id)
                    return True
                if event.matches(QKeySequence.StandardKey.Delete) or (
                    event.key() == Qt.Key.Key_Backspace
                ):
                    self.delete_tag(tag_id)
                    return True
        return super().eventFilter(watched, event)

    def build_menu(self, tag_id: int | None) -> QMenu:
        """The context menu for a tag (or for the empty area when `tag_id` is None)."""
        return self._menu.build(tag_id)

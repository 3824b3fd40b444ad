"""Ctrl+T: choose a tag by typing part of its name, its pinyin or its pinyin initials."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.models import Tag
from hnreader.ui.codebook.tag_tree_model import next_color, swatch_icon
from hnreader.ui.common.plain_text import tooltip, visible_controls
from hnreader.ui.library.library_panel import quiet_label
from hnreader.ui.project.project_controller import ProjectController

Index = QModelIndex | QPersistentModelIndex

_FORWARDED_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


@lru_cache(maxsize=4096)
def pinyin_keys(text: str) -> tuple[str, str]:
    """(full pinyin, initials) of a name, lower case without spaces: 精准扶贫 → (jingzhunfupin,
    jzfp). Characters without a reading (Latin letters, digits) count as their own syllable."""
    # Imported here: pypinyin loads its phrase dictionary on import (~0.3 s of start-up).
    from pypinyin import Style, lazy_pinyin

    syllables = [s for s in lazy_pinyin(text, style=Style.NORMAL, errors=list) if not s.isspace()]
    full = "".join(syllables).casefold()
    initials = "".join(s[:1] for s in syllables).casefold()
    return full, initials


def match_rank(tag: Tag, query: str) -> int | None:
    """How well `query` matches a tag (lower is better), or None. Matches the name, the full
    path, the name's full pinyin and its initials, case-insensitively, ignoring spaces."""
    query = "".join(query.casefold().split())
    if not query:
        return 0
    name, path = tag.name.casefold(), tag.path.casefold()
    full, initials = pinyin_keys(tag.name)
    if name == query:
        return 0
    if name.startswith(query):
        return 1
    if initials == query or full == query:
        return 2
    if initials.startswith(query) or full.startswith(query):
        return 3
    if query in name.replace(" ", ""):
        return 4
    if query in initials or query in full:
        return 5
    if query in path.replace(" ", ""):
        return 6
    return None


@dataclass(frozen=True)
class _Row:
    tag: Tag | None  # None: the "create a tag" row
    text: str


class TagMatchModel(QAbstractListModel):
    """The tags matching the picker's text, best first, then a "create" row when offered."""

    TagIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, tags: Sequence[Tag], parent=None) -> None:
        super().__init__(parent)
        self._tags = list(tags)
        self._rows: list[_Row] = []
        self._italic: QFont | None = None

    def set_query(self, query: str, *, offer_create: bool) -> None:
        self.beginResetModel()
        ranked = []
        for position, tag in enumerate(self._tags):
            rank = match_rank(tag, query)
            if rank is not None:
                ranked.append((rank, position, tag))
        ranked.sort(key=lambda item: (item[0], item[1]))
        self._rows = [_Row(tag, tag.path) for _, _, tag in ranked]
        name = " ".join(query.split())
        exists = any(tag.name == name for tag in self._tags)
        if offer_create and name and not ranked and not exists and "/" not in name:
            self._rows.append(_Row(None, self.tr("Create tag “%1”").replace("%1", name)))
        self.endResetModel()

    def tag_id(self, row: int) -> int | None:
        tag = self._rows[row].tag
        return tag.id if tag else None

    def is_create_row(self, row: int) -> bool:
        return self._rows[row].tag is None

    def match_count(self) -> int:
        return sum(1 for row in self._rows if row.tag is not None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if row.tag is not None and row.tag.annotation_count:
                return visible_controls(f"{row.text}   ({row.tag.annotation_count})")
            return visible_controls(row.text)
        if role == Qt.ItemDataRole.DecorationRole and row.tag is not None:
            return swatch_icon(row.tag.color)
        if role == Qt.ItemDataRole.ToolTipRole and row.tag is not None:
            return tooltip(row.tag.description or row.tag.path)
        if role == Qt.ItemDataRole.FontRole and row.tag is None:
            if self._italic is None:
                self._italic = QFont()
                self._italic.setItalic(True)
            return self._italic
        if role == self.TagIdRole:
            return row.tag.id if row.tag else None
        return None


class TagPicker(QDialog):
    """A quick-open list of tags. Type to filter; Up/Down choose; Enter accepts."""

    def __init__(
        self,
        tags: Sequence[Tag],
        controller: ProjectController | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Apply Tag"))
        self.controller = controller
        self._tags = list(tags)
        self.chosen_tag_id: int | None = None

        self.query_edit = QLineEdit()
        self.query_edit.setPlaceholderText(self.tr("Tag name or pinyin (e.g. jzfp)"))
        self.query_edit.setClearButtonEnabled(True)
        self.model = TagMatchModel(self._tags, self)
        self.list_view = QListView()
        self.list_view.setModel(self.model)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setUniformItemSizes(True)
        self.list_view.setSpacing(1)
        self.list_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hint = QLabel()
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        quiet_label(self.hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.query_edit)
        layout.addWidget(self.list_view, 1)
        layout.addWidget(self.hint)
        self.resize(380, 360)

        self.query_edit.textChanged.connect(self._query_changed)
        self.query_edit.returnPressed.connect(self._accept_current)
        self.query_edit.installEventFilter(self)
        self.list_view.activated.connect(self._row_activated)
        self.list_view.clicked.connect(self._row_activated)
        self._query_changed("")

    @staticmethod
    def pick(
        parent: QWidget | None,
        tags: Sequence[Tag],
        controller: ProjectController | None = None,
    ) -> int | None:
        """The id of the tag the user picked (or created, when a controller is given)."""
        picker = TagPicker(tags, controller, parent)
        if picker.exec() != QDialog.DialogCode.Accepted:
            return None
        return picker.chosen_tag_id

    def _query_changed(self, text: str) -> None:
        self.model.set_query(text, offer_create=self.controller is not None)
        if self.model.rowCount():
            self.list_view.setCurrentIndex(self.model.index(0))
        matches = self.model.match_count()
        if not text.strip():
            self.hint.setText(self.tr("↑↓ to choose, Enter to apply, Esc to cancel"))
        elif matches:
            self.hint.setText(
                self.tr("1 matching tag")
                if matches == 1
                else self.tr("%1 matching tags").replace("%1", str(matches))
            )
        elif self.model.rowCount():
            self.hint.setText(self.tr("No tag matches; Enter creates it"))
        else:
            self.hint.setText(self.tr("No tag matches"))

    def _accept_current(self) -> None:
        self._row_activated(self.list_view.currentIndex())

    def _row_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        if self.model.is_create_row(index.row()):
            tag_id = self._create(" ".join(self.query_edit.text().split()))
            if tag_id is None:
                return
        else:
            tag_id = self.model.tag_id(index.row())
        self.chosen_tag_id = tag_id
        self.accept()

    def _create(self, name: str) -> int | None:
        if self.controller is None:
            return None
        project = self.controller.project
        color = next_color(self._tags)
        change = self.controller.run(lambda: project.add_tag(name, color=color))
        return change.result_id if change is not None else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.query_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _FORWARDED_KEYS
        ):
            # The line edit keeps the focus; the list follows the arrow keys.
            self.list_view.event(event)
            return True
        return super().eventFilter(watched, event)

"""The codebook as a tree model: tags under their parents, with colour swatches and counts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from hnreader.core.models import Tag
from hnreader.ui.common.plain_text import tooltip, visible_controls

Index = QModelIndex | QPersistentModelIndex

TAG_MIME_TYPE = "application/x-hnreader-tag-id"
ROOT = 0  # internal id of the invisible root; tag ids start at 1


# Distinct, readable-on-white highlight colours offered to new tags in turn.
TAG_PALETTE = (
    "#F2C94C",
    "#6FCF97",
    "#56CCF2",
    "#BB6BD9",
    "#F2994A",
    "#EB5757",
    "#2D9CDB",
    "#27AE60",
    "#9B51E0",
    "#E8A33D",
    "#219653",
    "#828282",
)


def next_color(tags: Sequence[Tag]) -> str:
    """The first palette colour no tag uses yet (cycling when all are taken)."""
    used = {tag.color.upper() for tag in tags}
    for color in TAG_PALETTE:
        if color not in used:
            return color
    return TAG_PALETTE[len(tags) % len(TAG_PALETTE)]


def swatch_icon(color: str, size: int = 14) -> QIcon:
    """A rounded colour square, the icon a tag is shown with everywhere."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill = QColor(color)
    painter.setPen(fill.darker(140))
    painter.setBrush(fill)
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)


class TagTreeModel(QAbstractItemModel):
    """Tags as a tree (NAME, COUNT columns). Read-only: a drop only emits `tag_dropped`;
    the panel turns it into a project action and reloads the model when the tags change."""

    NAME, COUNT = range(2)
    COLUMN_COUNT = 2
    TagIdRole = Qt.ItemDataRole.UserRole + 1

    tag_dropped = Signal(int, int)  # tag id, new parent id (0 = top level)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._tags: dict[int, Tag] = {}
        self._children: dict[int, list[int]] = {ROOT: []}
        self._parent: dict[int, int] = {}
        self._icons: dict[str, QIcon] = {}

    # -- content

    def set_tags(self, tags: Sequence[Tag]) -> None:
        self.beginResetModel()
        self._tags = {tag.id: tag for tag in tags}
        self._children = {ROOT: []}
        self._parent = {}
        for tag in tags:
            parent = tag.parent_id if tag.parent_id in self._tags else ROOT
            if parent != ROOT and self._is_ancestor(tag.id, parent):
                parent = ROOT  # a cycle in the data must not hang the view
            self._parent[tag.id] = parent
            self._children.setdefault(parent, []).append(tag.id)
            self._children.setdefault(tag.id, [])
        self.endResetModel()

    def _is_ancestor(self, tag_id: int, other: int) -> bool:
        """Is `tag_id` an ancestor of (or equal to) `other`, following raw parent ids?"""
        seen = set()
        current: int | None = other
        while current is not None and current in self._tags and current not in seen:
            if current == tag_id:
                return True
            seen.add(current)
            current = self._tags[current].parent_id
        return False

    def tag(self, tag_id: int) -> Tag | None:
        return self._tags.get(tag_id)

    def tags(self) -> list[Tag]:
        return list(self._tags.values())

    def tag_id(self, index: Index) -> int | None:
        return int(index.internalId()) if index.isValid() else None

    def index_of(self, tag_id: int, column: int = 0) -> QModelIndex:
        parent = self._parent.get(tag_id)
        if parent is None:
            return QModelIndex()
        return self.createIndex(self._children[parent].index(tag_id), column, tag_id)

    def descendants(self, tag_id: int) -> set[int]:
        found, stack = set(), [tag_id]
        while stack:
            for child in self._children.get(stack.pop(), []):
                if child not in found:
                    found.add(child)
                    stack.append(child)
        return found

    # -- Qt model API

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        parent_id = int(parent.internalId()) if parent.isValid() else ROOT
        children = self._children.get(parent_id, [])
        if not (0 <= row < len(children) and 0 <= column < self.COLUMN_COUNT):
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent_id = self._parent.get(int(index.internalId()), ROOT)
        if parent_id == ROOT:
            return QModelIndex()
        return self.index_of(parent_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        parent_id = int(parent.internalId()) if parent.isValid() else ROOT
        return len(self._children.get(parent_id, []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == self.NAME:
                return self.tr("Tag")
            if section == self.COUNT:
                return self.tr("Passages")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        tag = self._tags.get(int(index.internalId()))
        if tag is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return visible_controls(tag.name)
            return str(tag.annotation_count) if tag.annotation_count else ""
        if role == Qt.ItemDataRole.DecorationRole and column == self.NAME:
            icon = self._icons.get(tag.color)
            if icon is None:
                icon = self._icons[tag.color] = swatch_icon(tag.color)
            return icon
        if role == Qt.ItemDataRole.ToolTipRole:
            count = tag.annotation_count
            lines = [
                tag.path,
                self.tr("1 passage")
                if count == 1
                else self.tr("%1 passages").replace("%1", f"{count:,}"),
            ]
            if tag.description:
                lines.append(tag.description)
            return tooltip("\n".join(lines))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.TagIdRole:
            return tag.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )

    # -- drag and drop: moving a tag under another one, or to the top level

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [TAG_MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        ids = [self.tag_id(i) for i in indexes if i.isValid() and i.column() == self.NAME]
        if ids:
            data.setData(TAG_MIME_TYPE, QByteArray(str(ids[0]).encode("ascii")))
        return data

    def _dropped_tag(self, data: QMimeData) -> int | None:
        if not data.hasFormat(TAG_MIME_TYPE):
            return None
        try:
            tag_id = int(bytes(data.data(TAG_MIME_TYPE).data()).decode("ascii"))
        except ValueError:
            return None
        return tag_id if tag_id in self._tags else None

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        tag_id = self._dropped_tag(data)
        if tag_id is None:
            return False
        target = self.tag_id(parent) or ROOT
        if target == tag_id or target in self.descendants(tag_id):
            return False
        return self._parent.get(tag_id) != target

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        tag_id = self._dropped_tag(data)
        assert tag_id is not None
        self.tag_dropped.emit(tag_id, self.tag_id(parent) or ROOT)
        # False: the view must not remove the dragged row; the panel reloads after the move.
        return False

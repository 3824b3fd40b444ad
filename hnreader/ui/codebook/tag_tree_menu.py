"""The tag tree's context menu: new, apply, rename, colour, move, merge, pin and delete."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from hnreader.ui.codebook.tag_tree_model import swatch_icon
from hnreader.ui.common.plain_text import action_text

if TYPE_CHECKING:
    from hnreader.ui.codebook.tag_panel import TagPanel


class TagTreeMenu(QObject):
    """Builds the menu for a tag and carries out its commands through the panel that owns it."""

    def __init__(self, panel: TagPanel) -> None:
        super().__init__(panel)
        self.panel = panel

    def show_at(self, position: QPoint) -> None:
        """Open the menu for the tag at a point of the tree's viewport (a right click)."""
        panel = self.panel
        self.build(panel.model.tag_id(panel.tree.indexAt(position))).exec(
            panel.tree.viewport().mapToGlobal(position)
        )

    def build(self, tag_id: int | None) -> QMenu:
        """The context menu for a tag (or for the empty area when `tag_id` is None)."""
        panel = self.panel
        menu = QMenu(panel)
        menu.triggered.connect(self._triggered)
        tag = panel.model.tag(tag_id) if tag_id is not None else None
        _add(menu, self.tr("New Tag…"), ("new", None))
        if tag is None:
            return menu
        tid = tag.id
        _add(menu, self.tr("New Child Tag…"), ("new", tid))
        menu.addSeparator()
        _add(menu, self.tr("Apply to Selection"), ("apply", tid), "Return")
        _add(menu, self.tr("Rename…"), ("rename", tid), "F2")
        _add(menu, self.tr("Colour…"), ("recolor", tid))
        _add(menu, self.tr("Edit…"), ("edit", tid))
        move = menu.addMenu(self.tr("Move To"))
        _add(move, self.tr("Top Level"), ("move", tid, None)).setEnabled(tag.parent_id is not None)
        move.addSeparator()
        blocked = panel.model.descendants(tid) | {tid}
        for other in sorted(panel.model.tags(), key=lambda t: t.path.casefold()):
            if other.id not in blocked:
                action = _add(move, action_text(other.path), ("move", tid, other.id))
                action.setIcon(swatch_icon(other.color))
                action.setEnabled(other.id != tag.parent_id)
        merge = _add(menu, self.tr("Merge Into…"), ("merge", tid))
        merge.setEnabled(len(panel.model.tags()) > 1)
        menu.addSeparator()
        slots = panel.pin_slots()  # one per key, 1–9
        if tid in slots:
            label = self.tr("Unpin (key %1)").replace("%1", str(slots.index(tid) + 1))
            _add(menu, label, ("unpin", tid))
        pin = menu.addMenu(self.tr("Pin to Key"))
        for n in range(1, len(slots) + 1):
            holder = panel.model.tag(slots[n - 1]) if slots[n - 1] else None
            name = f"   {action_text(holder.name)}" if holder else ""
            _add(pin, f"{n}{name}", ("pin", tid, n))
        menu.addSeparator()
        _add(menu, self.tr("Delete…"), ("delete", tid), "Del")
        return menu

    def _triggered(self, action: QAction) -> None:
        command = action.data()
        if not isinstance(command, tuple):
            return
        verb, tag_id, *rest = command
        panel = self.panel
        if verb == "new":
            panel.create_tag(tag_id)
        elif verb == "apply":
            panel.tag_applied.emit(tag_id)
        elif verb == "rename":
            panel.rename_tag(tag_id)
        elif verb == "recolor":
            panel.recolor_tag(tag_id)
        elif verb == "edit":
            panel.edit_tag(tag_id)
        elif verb == "move":
            panel.move_tag(tag_id, rest[0])
        elif verb == "merge":
            panel.merge_tag(tag_id)
        elif verb == "unpin":
            panel.unpin_tag(tag_id)
        elif verb == "pin":
            panel.pin_tag(tag_id, rest[0])
        elif verb == "delete":
            panel.delete_tag(tag_id)


def _add(menu: QMenu, text: str, command: tuple, shortcut: str = "") -> QAction:
    """A menu action carrying its command as data; the menu's `triggered` dispatches it."""
    action = menu.addAction(text)
    action.setData(command)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutVisibleInContextMenu(True)
    return action

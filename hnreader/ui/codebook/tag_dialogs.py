"""Dialogs for the codebook: new/edit tag, delete with a choice for its passages, merge."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import (
    QButtonGroup,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from hnreader.core.models import Tag
from hnreader.core.text.scope import CLAUSE, HIT, PARAGRAPH, SCOPES, SENTENCE
from hnreader.ui.codebook.tag_picker import TagPicker
from hnreader.ui.codebook.tag_tree_model import next_color, swatch_icon
from hnreader.ui.common.plain_text import action_text, rich_text, visible_controls
from hnreader.ui.library.library_panel import quiet_label
from hnreader.ui.project.project_controller import ProjectController


@dataclass(frozen=True)
class TagFields:
    name: str
    color: str
    description: str
    parent_id: int | None


@dataclass(frozen=True)
class DeleteChoice:
    """What `Project.delete_tag` needs: annotations "reassign"/"delete"/None (no passages)."""

    annotations: str | None
    reassign_to: int | None = None


def fill_tag_combo(combo: QComboBox, tags: Sequence[Tag], exclude: set[int]) -> None:
    for tag in sorted(tags, key=lambda t: t.path.casefold()):
        if tag.id not in exclude:
            combo.addItem(swatch_icon(tag.color), visible_controls(tag.path), tag.id)


def _indented(widget: QWidget) -> QHBoxLayout:
    """A row that puts `widget` under the text of the radio button above it."""
    row = QHBoxLayout()
    row.setContentsMargins(24, 0, 0, 0)
    row.addWidget(widget)
    return row


class TagDialog(QDialog):
    """Name, colour, parent and description of a new or existing tag."""

    def __init__(
        self,
        tags: Sequence[Tag],
        *,
        tag: Tag | None = None,
        parent_id: int | None = None,
        exclude_parents: set[int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit Tag") if tag else self.tr("New Tag"))
        self.name_edit = QLineEdit(tag.name if tag else "")
        self.name_edit.setMaxLength(80)
        self.name_edit.setPlaceholderText(self.tr("e.g. 精准扶贫"))
        self._color = tag.color if tag else next_color(tags)
        self.color_button = QPushButton()
        self.color_button.clicked.connect(self._choose_color)
        self.parent_combo = QComboBox()
        self.parent_combo.addItem(self.tr("(top level)"), None)
        fill_tag_combo(self.parent_combo, tags, exclude_parents or set())
        current = tag.parent_id if tag else parent_id
        position = self.parent_combo.findData(current) if current is not None else 0
        self.parent_combo.setCurrentIndex(max(0, position))
        self.description_edit = QPlainTextEdit(tag.description if tag else "")
        self.description_edit.setPlaceholderText(
            self.tr("What this code means and when to apply it")
        )
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Colour:"), self.color_button)
        form.addRow(self.tr("&Parent:"), self.parent_combo)
        form.addRow(self.tr("&Description:"), self.description_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._update_ok)
        self._update_color()
        self._update_ok()
        self.resize(420, self.sizeHint().height())

    def _choose_color(self) -> None:
        color = QColorDialog.getColor(QColor(self._color), self, self.tr("Tag Colour"))
        if color.isValid():
            self._color = color.name().upper()
            self._update_color()

    def _update_color(self) -> None:
        self.color_button.setIcon(swatch_icon(self._color, 16))
        self.color_button.setText(self._color)

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name_edit.text().strip()))

    def fields(self) -> TagFields:
        return TagFields(
            name=self.name_edit.text().strip(),
            color=self._color,
            description=self.description_edit.toPlainText().strip(),
            parent_id=self.parent_combo.currentData(),
        )

    @staticmethod
    def ask_new(
        parent: QWidget | None, tags: Sequence[Tag], parent_id: int | None = None
    ) -> TagFields | None:
        dialog = TagDialog(tags, parent_id=parent_id, parent=parent)
        return dialog.fields() if dialog.exec() == QDialog.DialogCode.Accepted else None

    @staticmethod
    def ask_edit(
        parent: QWidget | None, tag: Tag, tags: Sequence[Tag], exclude_parents: set[int]
    ) -> TagFields | None:
        dialog = TagDialog(tags, tag=tag, exclude_parents=exclude_parents, parent=parent)
        return dialog.fields() if dialog.exec() == QDialog.DialogCode.Accepted else None


class DeleteTagDialog(QDialog):
    """Asks what happens to a tag's passages: reassign them to another tag, or delete them."""

    def __init__(self, tag: Tag, tags: Sequence[Tag], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Delete Tag"))
        count = tag.annotation_count
        text = (
            self.tr("“%1” is applied to 1 passage. What should happen to it?")
            if count == 1
            else self.tr("“%1” is applied to %2 passages. What should happen to them?")
        )
        message = self.message_label = QLabel(
            text.replace("%1", visible_controls(tag.name)).replace("%2", f"{count:,}")
        )
        message.setTextFormat(Qt.TextFormat.PlainText)
        message.setWordWrap(True)
        self.reassign_radio = QRadioButton(self.tr("&Reassign them to:"))
        self.target_combo = QComboBox()
        fill_tag_combo(self.target_combo, tags, {tag.id})
        self.delete_radio = QRadioButton(self.tr("&Delete the passages"))
        note = QLabel(self.tr("Passages that also carry other tags only lose this tag."))
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        quiet_label(note)
        group = QButtonGroup(self)
        group.addButton(self.reassign_radio)
        group.addButton(self.delete_radio)
        if self.target_combo.count():
            self.reassign_radio.setChecked(True)
        else:
            self.reassign_radio.setEnabled(False)
            self.target_combo.setEnabled(False)
            self.delete_radio.setChecked(True)
        self.reassign_radio.toggled.connect(self.target_combo.setEnabled)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        delete = self.buttons.addButton(
            self.tr("Delete Tag"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        delete.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addSpacing(6)
        layout.addWidget(self.reassign_radio)
        layout.addLayout(_indented(self.target_combo))
        layout.addWidget(self.delete_radio)
        layout.addLayout(_indented(note))
        layout.addSpacing(6)
        layout.addWidget(self.buttons)
        self.resize(400, self.sizeHint().height())

    def choice(self) -> DeleteChoice:
        if self.reassign_radio.isChecked():
            return DeleteChoice("reassign", self.target_combo.currentData())
        return DeleteChoice("delete")

    @staticmethod
    def ask(parent: QWidget | None, tag: Tag, tags: Sequence[Tag]) -> DeleteChoice | None:
        """The user's choice, or None when they cancel. A tag without passages only needs a
        yes/no confirmation."""
        if not tag.annotation_count:
            # The static function guesses the format of its text: make it explicit rich text.
            answer = QMessageBox.question(
                parent,
                QCoreApplication.translate("DeleteTagDialog", "Delete Tag"),
                rich_text(
                    QCoreApplication.translate(
                        "DeleteTagDialog", "Delete the tag “%1”? It has no passages."
                    ).replace("%1", tag.name)
                ),
            )
            return DeleteChoice(None) if answer == QMessageBox.StandardButton.Yes else None
        dialog = DeleteTagDialog(tag, tags, parent)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


class MergeTagDialog(QDialog):
    """Chooses the tag that absorbs another one's passages."""

    def __init__(self, source: Tag, tags: Sequence[Tag], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge Tag"))
        text = self.tr("Move the passages of “%1” (%2) to the tag below, then delete “%1”.")
        message = QLabel(
            text.replace("%1", visible_controls(source.name)).replace(
                "%2", f"{source.annotation_count:,}"
            )
        )
        message.setTextFormat(Qt.TextFormat.PlainText)
        message.setWordWrap(True)
        self.target_combo = QComboBox()
        fill_tag_combo(self.target_combo, tags, {source.id})
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        merge = self.buttons.addButton(self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        merge.setEnabled(self.target_combo.count() > 0)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.target_combo)
        layout.addWidget(self.buttons)
        self.resize(400, self.sizeHint().height())

    @staticmethod
    def ask(parent: QWidget | None, source: Tag, tags: Sequence[Tag]) -> int | None:
        dialog = MergeTagDialog(source, tags, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.target_combo.currentData()


class TagHitsDialog(QDialog):
    """Tag search hits: which tag, and how much text around each hit (hit, clause, sentence,
    paragraph). Says how many passages that makes before anything is created."""

    def __init__(
        self,
        tags: Sequence[Tag],
        controller: ProjectController | None,
        spans_for_scope: Callable[[str], Sequence[object]],
        hit_count: int,
        scope: str = SENTENCE,
        parent: QWidget | None = None,
        skipped: int = 0,
    ) -> None:
        """`skipped`: selected hits left out, being in a title, kicker or byline."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tag Search Hits"))
        self.controller = controller
        self._tags = list(tags)
        self._spans_for_scope = spans_for_scope
        self._counts: dict[str, int] = {}
        self.tag_id: int | None = None

        text = (
            self.tr("1 hit selected.")
            if hit_count == 1
            else self.tr("%1 hits selected.").replace("%1", f"{hit_count:,}")
        )
        if skipped == 1:
            text += "\n" + self.tr(
                "1 hit in a title, kicker or byline is left out: only article text can be tagged."
            )
        elif skipped:
            text += "\n" + self.tr(
                "%1 hits in titles, kickers or bylines are left out: only article text can be "
                "tagged."
            ).replace("%1", f"{skipped:,}")
        intro = QLabel(text)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro_label = intro
        self.tag_button = QPushButton(self.tr("Choose Tag…"))
        self.tag_button.setToolTip(self.tr("Type a tag name or its pinyin initials"))
        self.tag_button.clicked.connect(self._choose_tag)
        labels = {
            HIT: self.tr("The &hit itself"),
            CLAUSE: self.tr("Its &clause (up to ，；)"),
            SENTENCE: self.tr("Its &sentence (up to 。！？)"),
            PARAGRAPH: self.tr("Its &paragraph"),
        }
        self.scope_radios: dict[str, QRadioButton] = {}
        group = QButtonGroup(self)
        scope_box = QVBoxLayout()
        scope_box.setSpacing(2)
        for key in SCOPES:
            radio = QRadioButton(labels[key])
            radio.setProperty("scope", key)
            radio.toggled.connect(self._update)
            group.addButton(radio)
            scope_box.addWidget(radio)
            self.scope_radios[key] = radio
        self.question = QLabel()
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.question.setWordWrap(True)
        font = self.question.font()
        font.setBold(True)
        self.question.setFont(font)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(
            self.tr("Tag Passages"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Tag:"), self.tag_button)
        form.addRow(self.tr("Tag with:"), scope_box)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(self.question)
        layout.addWidget(self.buttons)
        self.scope_radios.get(scope, self.scope_radios[SENTENCE]).setChecked(True)
        self._update()
        self.resize(420, self.sizeHint().height())

    def scope(self) -> str:
        for key, radio in self.scope_radios.items():
            if radio.isChecked():
                return key
        return SENTENCE

    def set_tag(self, tag_id: int | None) -> None:
        self.tag_id = tag_id
        tag = next((t for t in self._tags if t.id == tag_id), None)
        if tag is None:
            self.tag_id = None
            self.tag_button.setIcon(QIcon())
            self.tag_button.setText(self.tr("Choose Tag…"))
        else:
            self.tag_button.setIcon(swatch_icon(tag.color))
            self.tag_button.setText(action_text(tag.path))
        self._update()

    def passage_count(self) -> int:
        scope = self.scope()
        if scope not in self._counts:
            self._counts[scope] = len(self._spans_for_scope(scope))
        return self._counts[scope]

    def _choose_tag(self) -> None:
        tag_id = TagPicker.pick(self, self._tags, self.controller)
        if tag_id is not None and self.controller is not None:
            self._tags = self.controller.project.tags()  # the picker may have created it
        if tag_id is not None:
            self.set_tag(tag_id)

    def _update(self) -> None:
        tag = next((t for t in self._tags if t.id == self.tag_id), None)
        count = self.passage_count()
        if tag is None:
            self.question.setText(self.tr("Choose the tag to apply."))
        else:
            self.question.setText(
                (
                    self.tr("Tag 1 passage with %1?")
                    if count == 1
                    else self.tr("Tag %2 passages with %1?").replace("%2", f"{count:,}")
                ).replace("%1", visible_controls(tag.name))
            )
        self.ok_button.setEnabled(tag is not None and count > 0)

    @staticmethod
    def ask(
        parent: QWidget | None,
        tags: Sequence[Tag],
        controller: ProjectController | None,
        spans_for_scope: Callable[[str], Sequence[object]],
        hit_count: int,
        scope: str = SENTENCE,
        *,
        skipped: int = 0,
    ) -> tuple[int, str] | None:
        """(tag id, scope) chosen by the user, or None when they cancel."""
        dialog = TagHitsDialog(
            tags, controller, spans_for_scope, hit_count, scope, parent, skipped=skipped
        )
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.tag_id is None:
            return None
        return dialog.tag_id, dialog.scope()

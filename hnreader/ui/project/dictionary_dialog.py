"""The project's user dictionary: words the segmenter must keep whole."""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hnreader.ui.common.plain_text import visible_controls
from hnreader.ui.library.library_panel import quiet_label
from hnreader.ui.project.project_controller import ProjectController


class _WordListModel(QStringListModel):
    """The user's words as stored (`stringList()`), shown with controls made visible."""

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        value = super().data(index, role)
        if role == Qt.ItemDataRole.DisplayRole and isinstance(value, str):
            return visible_controls(value)
        return value


class DictionaryDialog(QDialog):
    """Add and remove user words; the project re-indexes the articles they occur in."""

    def __init__(self, controller: ProjectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("User Dictionary"))

        explanation = QLabel(
            self.tr(
                "Words listed here are kept whole when articles and queries are segmented "
                "(e.g. 湘西苗寨 instead of 湘西 | 苗寨). Articles containing a word you add "
                "or remove are re-indexed."
            )
        )
        explanation.setWordWrap(True)
        explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.word_edit = QLineEdit()
        self.word_edit.setPlaceholderText(self.tr("New word"))
        self.word_edit.setMaxLength(30)
        self.add_button = QPushButton(self.tr("&Add"))
        self.add_button.setEnabled(False)
        self.model = _WordListModel(self)
        self.list_view = QListView()
        self.list_view.setModel(self.model)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list_view.setUniformItemSizes(True)
        self.remove_button = QPushButton(self.tr("&Remove Selected"))
        self.remove_button.setEnabled(False)
        self.count_label = QLabel()
        quiet_label(self.count_label)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        add_row = QHBoxLayout()
        add_row.addWidget(self.word_edit, 1)
        add_row.addWidget(self.add_button)
        bottom_row = QHBoxLayout()
        bottom_row.addWidget(self.count_label, 1)
        bottom_row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(add_row)
        layout.addWidget(self.list_view, 1)
        layout.addLayout(bottom_row)
        layout.addWidget(buttons)
        self.resize(380, 440)

        self.word_edit.textChanged.connect(self._word_edited)
        self.word_edit.returnPressed.connect(self.add_word)
        self.add_button.clicked.connect(self.add_word)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list_view.selectionModel().selectionChanged.connect(self._selection_changed)
        remove_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list_view)
        remove_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_shortcut.activated.connect(self.remove_selected)
        controller.dictionary_changed.connect(self.refresh)
        self.refresh()
        self.word_edit.setFocus()

    def words(self) -> list[str]:
        return self.model.stringList()

    def refresh(self) -> None:
        self.model.setStringList(self.controller.project.user_words())
        count = self.model.rowCount()
        self.count_label.setText(
            self.tr("1 word") if count == 1 else self.tr("%1 words").replace("%1", f"{count:,}")
        )
        self._selection_changed()

    def add_word(self) -> None:
        word = self.word_edit.text().strip()
        if not word:
            return
        project = self.controller.project
        if self.controller.run(lambda: project.add_user_word(word)) is not None:
            self.word_edit.clear()
            self._select(word)

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.list_view.selectionModel().selectedRows()})
        words = [self.model.stringList()[row] for row in rows]
        project = self.controller.project
        for word in words:
            # One undo step per word: Project has no bulk dictionary action.
            self.controller.run(lambda word=word: project.remove_user_word(word))

    def _select(self, word: str) -> None:
        words = self.model.stringList()
        if word in words:
            index = self.model.index(words.index(word))
            self.list_view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.list_view.scrollTo(index)

    def _word_edited(self, text: str) -> None:
        word = text.strip()
        self.add_button.setEnabled(bool(word) and word not in self.model.stringList())

    def _selection_changed(self, *_args: object) -> None:
        self.remove_button.setEnabled(self.list_view.selectionModel().hasSelection())

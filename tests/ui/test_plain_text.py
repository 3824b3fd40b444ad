"""Data is never markup: tooltips, labels and the reader show titles, tags and notes literally."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox, QPushButton, QWidget

from hnreader.core.project import Project
from hnreader.ui.codebook.annotation_list_panel import AnnotationListPanel, TagChoiceDialog
from hnreader.ui.codebook.tag_dialogs import DeleteTagDialog, MergeTagDialog, TagHitsDialog
from hnreader.ui.codebook.tag_panel import TagPanel
from hnreader.ui.codebook.tag_picker import TagPicker
from hnreader.ui.common.plain_text import (
    ELLIPSIS,
    PLACEHOLDER,
    TOOLTIP_CHARS,
    TOOLTIP_LINES,
    action_text,
    rich_text,
    tooltip,
    visible_controls,
    window_title,
)
from hnreader.ui.figures.figures_panel import FiguresPanel
from hnreader.ui.library.library_panel import LibraryPanel
from hnreader.ui.project.dictionary_dialog import DictionaryDialog
from hnreader.ui.project.export_dialog import ExportDialog
from hnreader.ui.reader.reader_view import ReaderView
from hnreader.ui.search.search_panel import SearchPanel

BOLD = "<b>bold</b>"
IMG = '<img src="file:///etc/hosts">'
RLO = "\u202e"
HOSTILE = f"{BOLD}{IMG}{RLO}"
# A tag name cannot hold "/" (it separates path levels): a relative file: URL instead.
TAG_NAME = f'<b>bold<b><img src="file:hosts">{RLO}标签'
DESCRIPTION = f"{BOLD}\n{IMG}\n{RLO}说明"
NOTE = f"{BOLD}\n{IMG}{RLO}备注"
ARTICLE = (
    f"{HOSTILE}标题\n\n本报记者 张三\n\n"
    f"2020年,𠮷村村民人均收入增长了13.43%。{RLO}猫头鹰{BOLD}{IMG}栖息在村口。\n\n"
    "精准扶贫让生活变好了。\n"
)
PASSAGE = f"{RLO}猫头鹰{BOLD}"  # the annotated quote starts with the override
AFTER = "栖息在村口"  # a second annotation, after the override and the non-BMP 𠮷

DISPLAY, TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole


def shown(value: object) -> str:
    """What Qt shows for a tooltip or an auto-format label: it guesses rich text itself."""
    if not value:
        return ""
    assert isinstance(value, str)
    document = QTextDocument()
    if QtGui.Qt.mightBeRichText(value):
        document.setHtml(value)
    else:
        document.setPlainText(value)
    return document.toPlainText()


def cells(model: QAbstractItemModel, parent: QModelIndex | None = None):
    parent = parent or QModelIndex()
    # PySide makes a list model's columnCount private: it has one column.
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            yield model.index(row, column, parent)
        yield from cells(model, model.index(row, 0, parent))


def shown_tooltips(model: QAbstractItemModel) -> list[str]:
    """Every cell's tooltip as Qt shows it, after checking every cell of the model: no
    hidden control in what is displayed, each tooltip explicit rich text (never a raw string
    left to Qt's guess), showing no image and no raw bidi control."""
    out = []
    for index in cells(model):
        display = index.data(DISPLAY)
        if isinstance(display, str):
            assert visible_controls(display) == display, (index.row(), index.column(), display)
        value = index.data(TOOLTIP)
        if not value:
            continue
        assert isinstance(value, str)
        assert QtGui.Qt.mightBeRichText(value), value
        text = shown(value)
        assert "\ufffc" not in text, text  # U+FFFC: an object (image) in the document
        assert visible_controls(text) == text, text
        out.append(text)
    return out


def literal(text: str) -> str:
    return visible_controls(text)


def assert_plain_labels(widget: QWidget) -> None:
    for label in widget.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
        assert RLO not in label.text()


# -- the hostile project


@pytest.fixture
def hostile(project: Project, controller, tmp_path: Path) -> dict[str, int]:
    source = tmp_path / "hostile.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    [article_id] = project.import_paths([source]).article_ids
    project.update_article(article_id, subtitle=HOSTILE + "副题")
    tag_id = project.add_tag(TAG_NAME, color="#e6194b", description=DESCRIPTION).result_id
    text = project.store.article(article_id).text
    start = text.index(PASSAGE)
    project.annotate(article_id, start, start + len(PASSAGE), [tag_id], note=NOTE)
    after = text.index(AFTER)
    project.annotate(article_id, after, after + len(AFTER), [tag_id])
    figure = next(f for _, f in project.store.figures(article_id) if f.text == "13.43%")
    project.annotate_figure(article_id, figure, [tag_id])
    controller.articles_changed.emit()
    controller.tags_changed.emit()
    controller.annotations_changed.emit(-1)
    return {"article": article_id, "tag": tag_id}


def show(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_hostile_data_is_stored_as_written(project, hostile):
    article = project.store.article(hostile["article"])
    assert article.title == f"{HOSTILE}标题"
    assert PASSAGE in article.text
    assert project.store.tag(hostile["tag"]).name == TAG_NAME


# -- models


def test_library_tooltips_and_cells_show_the_title_literally(qtbot, controller, settings, hostile):
    panel = show(qtbot, LibraryPanel(controller, settings))
    panel.refresh()
    model = panel.model
    tips = shown_tooltips(model)
    row = model.row_of(hostile["article"], fetch=True)
    assert row is not None
    title = f"{HOSTILE}标题"
    assert model.index(row, model.TITLE).data() == literal(title)
    for column in range(model.columnCount()):
        assert shown(model.index(row, column).data(TOOLTIP)).startswith(literal(title))
    assert len(tips) == model.rowCount() * model.columnCount()


def test_kwic_tooltips_show_title_and_context_literally(qtbot, controller, settings, hostile):
    panel = show(qtbot, SearchPanel(controller, settings))
    panel.set_query("猫头鹰")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    tips = shown_tooltips(panel.model)
    assert len(tips) == panel.model.COLUMN_COUNT
    for tip in tips:
        assert tip.startswith(literal(f"{HOSTILE}标题"))
        assert literal(f"{RLO}【猫头鹰】{BOLD}") in tip
    left = panel.model.index(0, panel.model.LEFT).data()
    assert left.endswith(PLACEHOLDER) and RLO not in left
    assert_plain_labels(panel)


def test_annotation_list_tooltips_show_quote_note_and_tags(qtbot, controller, settings, hostile):
    panel = show(qtbot, AnnotationListPanel(controller, settings))
    panel.set_article(hostile["article"])
    model = panel.model
    tips = shown_tooltips(model)
    assert model.rowCount() == 3
    assert literal(f"【{PASSAGE}】") in "\n".join(tips)
    assert literal(NOTE) in tips
    assert tips.count(literal(TAG_NAME)) == 3
    row = next(r for r in range(model.rowCount()) if model.annotation(r).note)
    assert model.index(row, 1).data() == literal(PASSAGE)
    assert model.index(row, 2).data(Qt.ItemDataRole.EditRole) == NOTE  # the editor: as stored
    assert_plain_labels(panel)


def test_figure_tooltips_show_the_title_literally(qtbot, controller, settings, hostile):
    panel = show(qtbot, FiguresPanel(controller, settings))
    panel.set_corpus_mode(True)
    tips = shown_tooltips(panel.model)
    assert literal(f"{HOSTILE}标题") in tips
    tagged = [panel.model.index(r, 5).data() for r in range(panel.model.rowCount())]
    assert literal(TAG_NAME) in tagged
    assert_plain_labels(panel)


def test_tag_tree_and_passage_tooltips(qtbot, controller, settings, hostile):
    panel = show(qtbot, TagPanel(controller, settings))
    tips = shown_tooltips(panel.model)
    [tip] = {t for t in tips if t.startswith(literal(TAG_NAME))}  # the name and count cells
    assert tip == literal(f"{TAG_NAME}\n3 passages\n{DESCRIPTION}")
    panel.select_tag(hostile["tag"])
    passages = shown_tooltips(panel.passage_model)
    assert passages and all(t.startswith(literal(f"{HOSTILE}标题\n\n")) for t in passages)
    assert any(t.endswith(literal(f"\n\n{NOTE}")) for t in passages)
    assert literal(TAG_NAME) in panel.passages_label.text()
    assert_plain_labels(panel)


def test_pinned_tag_button_and_menus_keep_the_name(qtbot, controller, settings, hostile):
    panel = show(qtbot, TagPanel(controller, settings))
    panel.pin_tag(hostile["tag"], 1)
    [button] = panel.pin_buttons
    assert button.text() == action_text(f"1  {TAG_NAME}")
    assert literal(TAG_NAME) in shown(button.toolTip())
    texts = [a.text() for a in panel.build_menu(hostile["tag"]).findChildren(QtGui.QAction)]
    assert texts and not any(RLO in text for text in texts)


def test_tag_picker_tooltips_show_the_description(qtbot, project, hostile):
    picker = show(qtbot, TagPicker(project.store.tags()))
    tips = shown_tooltips(picker.model)
    assert literal(DESCRIPTION) in tips
    assert_plain_labels(picker)


def test_dialog_lists_and_labels_built_from_data(qtbot, project, controller, hostile):
    tags = project.store.tags()
    tag = project.store.tag(hostile["tag"])
    parent = show(qtbot, QWidget())
    choice = TagChoiceDialog(tags, [tag.id], parent)
    shown_tooltips(choice.items)
    assert literal(TAG_NAME) in [
        choice.items.item(r).text() for r in range(choice.items.rowCount())
    ]
    assert_plain_labels(choice)
    for dialog in (DeleteTagDialog(tag, tags, parent), MergeTagDialog(tag, tags, parent)):
        assert_plain_labels(dialog)
        assert any(literal(TAG_NAME) in label.text() for label in dialog.findChildren(QLabel))
    hits = TagHitsDialog(tags, controller, lambda scope: [1], 1, parent=parent)
    hits.set_tag(tag.id)
    assert hits.question.textFormat() == Qt.TextFormat.PlainText
    assert literal(TAG_NAME) in hits.question.text()
    assert hits.tag_button.text() == action_text(tag.path)
    export = ExportDialog(project, hostile["article"], parent)
    shown_tooltips(export.tag_list.model())
    shown_tooltips(export.articles.model())
    assert literal(f"{HOSTILE}标题") in export.articles.itemText(1)


def test_static_dialog_labels_show_the_data_literally(
    qtbot, monkeypatch, project, controller, settings, hostile
):
    """QInputDialog's and QMessageBox's static functions guess the format of their text."""
    asked: list[str] = []
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", staticmethod(lambda *a: asked.append(a[2]) or ("", 0))
    )
    monkeypatch.setattr(QInputDialog, "exec", lambda dialog: asked.append(dialog.labelText()) or 0)
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.No),
    )
    annotations = show(qtbot, AnnotationListPanel(controller, settings))
    annotations.set_article(hostile["article"])
    row = next(
        r for r in range(annotations.model.rowCount()) if annotations.model.annotation(r).note
    )
    annotations.view.selectRow(row)
    annotations.edit_note()
    tags = show(qtbot, TagPanel(controller, settings))
    tags.rename_tag(hostile["tag"])
    empty = project.store.tag(project.add_tag(TAG_NAME + "空").result_id)
    DeleteTagDialog.ask(tags, empty, project.store.tags())
    assert [shown(label) for label in asked] == [
        literal(f"Note on “{PASSAGE}”"),
        literal(f"New name for “{TAG_NAME}”:"),
        literal(f"Delete the tag “{TAG_NAME}空”? It has no passages."),
    ]


def test_dictionary_shows_controls_and_keeps_the_word(qtbot, project, controller):
    word = f"猫{RLO}头鹰"
    project.add_user_word(word)
    dialog = show(qtbot, DictionaryDialog(controller))
    row = dialog.words().index(word)  # the stored word, for removing it
    assert dialog.model.index(row).data() == literal(word)
    shown_tooltips(dialog.model)
    assert_plain_labels(dialog)


# -- the reader


@pytest.fixture
def reader(qtbot, controller, settings, hostile) -> ReaderView:
    view = show(qtbot, ReaderView(controller, settings))
    view.show_article(hostile["article"])
    return view


def test_reader_header_labels_are_plain_text(reader, project, hostile):
    article = project.store.article(hostile["article"])
    labels = (reader.header.kicker_label, reader.header.title_label, reader.header.meta_label)
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    assert reader.header.title_label.text() == literal(article.title)
    assert reader.header.kicker_label.text() == literal(article.subtitle)
    assert (
        BOLD in reader.header.title_label.text() and PLACEHOLDER in reader.header.title_label.text()
    )
    assert_plain_labels(reader)


def test_reader_shows_the_placeholder_and_keeps_the_stored_text(reader, project, hostile):
    article = project.store.article(hostile["article"])
    assert RLO in article.text  # the stored text is never changed
    edit = reader.text_edit
    assert edit.toPlainText() == literal(article.text)
    assert RLO not in edit.toPlainText()
    position = edit.positions.to_qt(article.text.index(RLO + "猫头鹰"))
    assert edit.document().characterAt(position) == PLACEHOLDER


def test_reader_draws_annotations_after_the_control_at_their_characters(reader, project, hostile):
    article = project.store.article(hostile["article"])
    fills = [
        s
        for s in reader.text_edit.extraSelections()
        if s.format.background().style() != Qt.BrushStyle.NoBrush
    ]
    drawn = sorted(s.cursor.selectedText() for s in fills)
    assert drawn == sorted([literal(PASSAGE), AFTER, "13.43%"])
    for annotation in project.store.annotations(article_id=article.id):
        assert article.text[annotation.start : annotation.end] == annotation.quote
        middle = (annotation.start + annotation.end) // 2
        assert f"annotation:{annotation.id}" in reader.highlight_at(middle)


def test_copying_gives_the_stored_characters(reader, project, hostile, qtbot):
    text = project.store.article(hostile["article"]).text
    start = text.index(PASSAGE)
    reader.select_span(start, start + len(PASSAGE))
    assert reader.text_edit.createMimeDataFromSelection().text() == PASSAGE
    reader.copy_selection()
    assert QGuiApplication.clipboard().text() == PASSAGE


def test_reader_menu_shows_tag_names_without_controls(reader):
    texts = [action.text() for action in reader.context_menu(0).actions()]
    assert action_text(TAG_NAME) in texts


# -- plain_text itself

CONTROLS = [
    *(chr(c) for c in range(0x202A, 0x202F)),
    *(chr(c) for c in range(0x2066, 0x206A)),
    "\u200e",
    "\u200f",
    "\u061c",
    "\x00",
    "\x07",
    "\x1b",
    "\r",
    "\x7f",
    "\x85",
    "\ufeff",
]


@pytest.mark.parametrize("control", CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
def test_visible_controls_replaces_each_control(control):
    assert visible_controls(f"前{control}后") == f"前{PLACEHOLDER}后"


@pytest.mark.parametrize(
    "text",
    ["", "精准扶贫", "第一段\n\t第二段", "吉𠮷村", "👨\u200d👩", "乱码\ufffd", "a<b>&amp;"],
)
def test_visible_controls_keeps_ordinary_text(text):
    assert visible_controls(text) == text


def test_visible_controls_keeps_every_offset():
    text = f"𠮷{RLO}村\r\n\x00{BOLD}\u2066乡\u2069"
    out = visible_controls(text)
    assert len(out) == len(text) and _utf16_units(out) == _utf16_units(text)
    assert [i for i, ch in enumerate(out) if ch != text[i]] == [1, 3, 5, 17, 19]
    assert out.count(PLACEHOLDER) == 5


def test_the_placeholder_is_visible_and_neutral():
    import unicodedata

    assert unicodedata.category(PLACEHOLDER) == "So"
    assert unicodedata.bidirectional(PLACEHOLDER) == "ON"
    assert _utf16_units(PLACEHOLDER) == 1 and PLACEHOLDER != "\ufffd"


@pytest.mark.parametrize(
    "text",
    [
        BOLD,
        IMG,
        "<!DOCTYPE html><p>x</p>",
        "&lt;b&gt; &amp; &#60;",
        "x < y > z & w",
        "  two  spaces\tand a tab  ",
        "line one\nline two\n\nafter a blank line\n",
        "吉𠮷村",
        f"{BOLD}\n{IMG}{RLO}备注",
    ],
)
def test_tooltip_is_shown_literally(text):
    value = tooltip(text)
    assert QtGui.Qt.mightBeRichText(value)
    assert shown(value) == visible_controls(text)
    assert shown(rich_text(text)) == visible_controls(text)


def test_raw_markup_would_not_be_shown_literally():
    # The check above can fail: Qt renders these when they are not escaped.
    assert shown(BOLD) == "bold"
    assert shown(IMG) == "\ufffc"


def test_empty_tooltip_is_no_tooltip():
    assert tooltip("") == "" and tooltip(None) == ""


def test_long_tooltips_are_cut_with_an_ellipsis():
    long_text = shown(tooltip("扶" * (TOOLTIP_CHARS * 3)))
    assert long_text == "扶" * TOOLTIP_CHARS + ELLIPSIS
    many_lines = shown(tooltip("\n".join(str(n) for n in range(TOOLTIP_LINES * 2))))
    assert many_lines.split("\n") == [*map(str, range(TOOLTIP_LINES - 1)), f"{TOOLTIP_LINES - 1}…"]
    short = "扶" * TOOLTIP_CHARS
    assert shown(tooltip(short)) == short


def test_action_text_keeps_ampersands_and_makes_no_shortcut(qtbot):
    plain = QPushButton("R&D")
    safe = QPushButton(action_text("R&D"))
    qtbot.addWidget(plain)
    qtbot.addWidget(safe)
    assert not plain.shortcut().isEmpty()  # Qt took "&D" for a shortcut
    assert safe.shortcut().isEmpty()
    assert action_text(f"a\tb\nc{RLO}") == f"a b c{PLACEHOLDER}"


def test_window_title_keeps_the_modified_placeholder_literal(qtbot):
    widget = show(qtbot, QWidget())
    widget.setWindowTitle(window_title(f"a[*]b{RLO}"))
    assert widget.windowHandle().title() == f"a[*]b{PLACEHOLDER}"
    widget.setWindowTitle("a[*]b")
    assert widget.windowHandle().title() == "ab"


def _utf16_units(text: str) -> int:
    """How many positions Qt counts in `text`."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2

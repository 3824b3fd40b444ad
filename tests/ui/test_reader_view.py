"""The reader, driven like a user: select, tag, undo, click figures, step through hits."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication, QTextEdit

from hnreader.core.project import Project
from hnreader.ui.reader.reader_view import ReaderView

ASTRAL_ARTICLE = (
    "吉𠮷家乡的变化\n\n本报记者 张三\n\n"
    "2020年,吉𠮷村的𠮷姓村民人均收入增长了13.43%。村里修了3条路。\n\n"
    "𠮷大爷说,精准扶贫让生活变好了。\n"
)


@pytest.fixture
def reader(controller, settings, qtbot) -> ReaderView:
    view = ReaderView(controller, settings)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def article_with(project: Project, needle: str) -> int:
    for article_id in project.store.article_ids():
        if needle in project.store.article(article_id).text:
            return article_id
    raise AssertionError(f"no article contains {needle}")


def select_qt(view: ReaderView, start: int, end: int) -> None:
    """Select as the widget counts (UTF-16 units), the way a user's selection arrives."""
    cursor = QTextCursor(view.text_edit.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    view.text_edit.setTextCursor(cursor)


def selections_at(view: ReaderView, qt_position: int) -> list[QTextEdit.ExtraSelection]:
    return [
        s
        for s in view.text_edit.extraSelections()
        if s.cursor.selectionStart() <= qt_position < s.cursor.selectionEnd()
    ]


def backgrounds_at(view: ReaderView, qt_position: int) -> list[str]:
    out = []
    for selection in selections_at(view, qt_position):
        brush = selection.format.background()
        if brush.style() != Qt.BrushStyle.NoBrush:
            out.append(brush.color().name())
    return out


def char_point(view: ReaderView, cp: int) -> QPoint:
    """The viewport point in the middle of the character at code point `cp` (scrolled in)."""
    edit = view.text_edit
    qt = edit.positions.to_qt(cp)
    edit.center_on(qt)
    QApplication.processEvents()
    cursor = QTextCursor(edit.document())
    cursor.setPosition(qt)
    left = edit.cursorRect(cursor)
    cursor.setPosition(qt + 1 if ord(edit.stored_text[cp]) <= 0xFFFF else qt + 2)
    right = edit.cursorRect(cursor)
    return QPoint((left.x() + right.x()) // 2, left.center().y())


def test_empty_state_until_an_article_is_shown(reader) -> None:
    assert reader.article_id is None
    assert reader.pages.currentWidget() is reader.empty_label
    assert "Select an article in the library" in reader.empty_label.text()
    assert reader.apply_tag(1) is False


def test_shows_plain_text_and_header(reader, project, qtbot) -> None:
    article_id = article_with(project, "747万")
    article = project.store.article(article_id)
    with qtbot.waitSignal(reader.article_shown) as shown:
        reader.show_article(article_id)
    assert shown.args == [article_id]
    assert reader.text_edit.toPlainText() == article.text
    assert reader.header.title_label.text() == article.title
    assert reader.header.title_label.textFormat() == Qt.TextFormat.PlainText
    assert article.source in reader.header.meta_label.text()
    assert f"#{article.ordinal}" in reader.header.meta_label.text()
    assert reader.text_edit.isReadOnly()


def test_tag_selection_then_undo_and_redo(reader, project, controller, tag_ids) -> None:
    article_id = article_with(project, "精准扶贫")
    text = project.store.article(article_id).text
    start = text.index("精准扶贫")
    reader.show_article(article_id)
    qt = reader.text_edit.positions
    select_qt(reader, qt.to_qt(start), qt.to_qt(start + 4))
    assert reader.selected_span() == (start, start + 4)

    assert reader.apply_tag(tag_ids["政策"]) is True

    [annotation] = project.store.annotations(article_id=article_id)
    assert (annotation.start, annotation.end, annotation.quote) == (start, start + 4, "精准扶贫")
    assert reader.highlight_at(start + 1) == [f"annotation:{annotation.id}"]
    color = project.store.tag(tag_ids["政策"]).color.lower()
    assert backgrounds_at(reader, qt.to_qt(start + 1)) == [color]
    assert backgrounds_at(reader, qt.to_qt(start + 4)) == []

    controller.undo()
    assert reader.highlight_at(start + 1) == []
    assert backgrounds_at(reader, qt.to_qt(start + 1)) == []

    controller.redo()
    assert reader.highlight_at(start + 1) == [f"annotation:{annotation.id}"]
    assert backgrounds_at(reader, qt.to_qt(start + 1)) == [color]


def test_nothing_selected_reports_instead_of_tagging(reader, project, qtbot, tag_ids) -> None:
    reader.show_article(project.store.article_ids()[0])
    with qtbot.waitSignal(reader.status_reported) as reported:
        assert reader.apply_tag(tag_ids["政策"]) is False
    assert "Select" in reported.args[0]
    assert project.store.annotations() == []


def test_overlapping_annotations_are_layered(reader, project, controller, tag_ids) -> None:
    article_id = project.store.article_ids()[0]
    project.annotate(article_id, 10, 30, [tag_ids["政策"]])
    project.annotate(article_id, 20, 40, [tag_ids["数据"]])
    reader.show_article(article_id)
    qt = reader.text_edit.positions.to_qt(25)
    layers = selections_at(reader, qt)
    assert len(backgrounds_at(reader, qt)) == 2
    assert layers[0].format.underlineStyle() == layers[0].format.UnderlineStyle.NoUnderline
    assert layers[1].format.underlineStyle() == layers[1].format.UnderlineStyle.SingleUnderline
    assert [k for k in reader.highlight_at(25) if k.startswith("annotation")] == [
        "annotation:1",
        "annotation:2",
    ]


def long_word(project: Project, article_id: int) -> tuple[int, int]:
    """An accurate-mode word of 4+ Han characters, from the stored boundary flags."""
    text = project.store.article(article_id).text
    flags = project.store.article_word_flags(article_id)
    boundaries = [i for i, flag in enumerate(flags) if flag & 1]
    for start, end in itertools.pairwise(boundaries):
        word = text[start:end]
        if end - start >= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in word):
            return start, end
    raise AssertionError("no long word")


def test_mouse_drag_selects_and_snaps_to_words(reader, project, settings, qtbot) -> None:
    article_id = article_with(project, "精准扶贫")
    start, end = long_word(project, article_id)
    reader.show_article(article_id)
    viewport = reader.text_edit.viewport()
    # From inside the word's second character to inside its third: part of the word.
    begin, finish = char_point(reader, start + 1), char_point(reader, start + 2)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=begin)
    qtbot.mouseMove(viewport, finish)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=finish)
    # The visible selection was widened to the whole word, and that is what gets tagged.
    assert reader.raw_selected_span() == (start, end)
    assert reader.selected_span() == (start, end)

    settings.snap_to_words = False
    select_qt(reader, *reader.text_edit.positions.span_to_qt(start + 1, start + 3))
    assert reader.selected_span() == (start + 1, start + 3)
    settings.snap_to_words = True
    assert reader.selected_span() == (start, end)


@pytest.mark.parametrize(
    "modifiers",
    [
        Qt.KeyboardModifier.AltModifier,
        # Ctrl+Alt: for window managers that take Alt+drag to move windows
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    ],
)
def test_alt_drag_is_never_snapped(reader, project, qtbot, modifiers) -> None:
    article_id = article_with(project, "精准扶贫")
    start, end = long_word(project, article_id)
    reader.show_article(article_id)
    viewport = reader.text_edit.viewport()
    begin, finish = char_point(reader, start + 1), char_point(reader, start + 2)
    alt = modifiers
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, alt, begin)
    qtbot.mouseMove(viewport, finish)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, alt, finish)
    raw = reader.raw_selected_span()
    assert raw is not None and start < raw[0] and raw[1] < end
    assert reader.selected_span() == raw


def test_non_bmp_span_uses_code_point_offsets(
    reader,
    project,
    controller,
    tag_ids,
    tmp_path: Path,
) -> None:
    source = tmp_path / "astral.txt"
    source.write_text(ASTRAL_ARTICLE, encoding="utf-8")
    report = project.import_paths([source])
    [article_id] = report.article_ids
    controller.articles_changed.emit()
    text = project.store.article(article_id).text
    start = text.index("吉𠮷村")
    end = start + 3
    reader.show_article(article_id)
    positions = reader.text_edit.positions
    assert positions.to_qt(end) == positions.to_qt(start) + 4
    settingsless = (positions.to_qt(start), positions.to_qt(end))
    select_qt(reader, *settingsless)
    reader.settings.snap_to_words = False
    assert reader.selected_span() == (start, end)
    assert reader.text_edit.textCursor().selectedText() == "吉𠮷村"
    assert reader.apply_tag(tag_ids["人物"])
    [annotation] = project.store.annotations(article_id=article_id)
    assert (annotation.start, annotation.end) == (start, end)
    assert annotation.quote == text[start:end] == "吉𠮷村"
    # Highlighted exactly over the four UTF-16 units, and nothing after.
    assert backgrounds_at(reader, positions.to_qt(start + 1) + 1)
    assert not backgrounds_at(reader, positions.to_qt(end))
    # Copy gives the stored characters.
    select_qt(reader, positions.to_qt(0), positions.to_qt(len(text)))
    reader.copy_selection()
    assert QGuiApplication.clipboard().text() == text
    assert "\u2029" not in QGuiApplication.clipboard().text()


def test_figure_click_tags_a_figure(reader, project, qtbot, tag_ids) -> None:
    article_id = article_with(project, "747万")
    text = project.store.article(article_id).text
    start = text.index("747万")
    figure = project.figure_at(article_id, start, start + 4)
    assert figure is not None
    reader.show_article(article_id)
    assert "figure" in reader.highlight_at(start)
    [mark] = [s for s in selections_at(reader, reader.text_edit.positions.to_qt(start))]
    assert mark.format.underlineStyle() == mark.format.UnderlineStyle.DotLine
    point = char_point(reader, start + 1)
    viewport = reader.text_edit.viewport()
    qtbot.mouseMove(viewport, point)
    assert viewport.cursor().shape() == Qt.CursorShape.PointingHandCursor
    with qtbot.waitSignal(reader.figure_clicked) as clicked:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point)
    assert clicked.args == [article_id, start, start + 4]
    assert reader.selected_span() == (start, start + 4)

    assert reader.apply_tag(tag_ids["数据"])
    [annotation] = project.store.annotations(article_id=article_id)
    assert annotation.kind == "figure"
    assert annotation.figure_value == figure.value == 7_470_000
    assert annotation.figure_unit == figure.unit


def test_click_on_annotation_reports_it(reader, project, qtbot, tag_ids) -> None:
    article_id = project.store.article_ids()[0]
    project.annotate(article_id, 2, 12, [tag_ids["政策"]])
    reader.show_article(article_id)
    if reader.highlight_at(5) != ["annotation:1"]:
        pytest.skip("a figure lies under the test span")
    with qtbot.waitSignal(reader.annotation_clicked) as clicked:
        qtbot.mouseClick(
            reader.text_edit.viewport(), Qt.MouseButton.LeftButton, pos=char_point(reader, 5)
        )
    assert clicked.args == [1]


def test_search_hits_next_and_previous(reader, project) -> None:
    article_id = article_with(project, "脱贫")
    text = project.store.article(article_id).text
    hits = []
    index = text.find("脱贫")
    while index >= 0:
        hits.append((index, index + 2))
        index = text.find("脱贫", index + 1)
    assert len(hits) >= 3
    reader.show_article(article_id)
    reader.set_search_spans(hits)
    assert "hit" in reader.highlight_at(hits[1][0])
    hit_color = backgrounds_at(reader, reader.text_edit.positions.to_qt(hits[1][0]))
    assert len(hit_color) == 1

    assert reader.next_hit() == hits[0]
    assert reader.selected_span() == hits[0]
    assert "current-hit" in reader.highlight_at(hits[0][0])
    assert "current-hit" not in reader.highlight_at(hits[1][0])
    assert reader.next_hit() == hits[1]
    assert reader.previous_hit() == hits[0]
    assert reader.previous_hit() == hits[-1]  # wraps around
    current = backgrounds_at(reader, reader.text_edit.positions.to_qt(hits[-1][0]))
    assert current != hit_color


def test_show_article_selects_a_search_hit(reader, project) -> None:
    article_id = article_with(project, "精准扶贫")
    text = project.store.article(article_id).text
    start = text.rindex("精准扶贫")
    reader.show_article(article_id, select=(start + 1, start + 3))
    assert reader.selected_span() == (start + 1, start + 3)  # exact: no snapping
    reader.set_search_spans([(start + 1, start + 3)])
    assert reader.current_hit == (start + 1, start + 3)


def test_segmentation_never_changes_the_text(reader, project) -> None:
    article_id = article_with(project, "精准扶贫")
    reader.show_article(article_id)
    before_text = reader.text_edit.toPlainText()
    reader.set_show_segmentation(False)
    plain = reader.text_edit.viewport().grab().toImage()
    reader.set_show_segmentation(True)
    assert reader.text_edit.shows_word_boundaries
    separated = reader.text_edit.viewport().grab().toImage()
    assert reader.text_edit.toPlainText() == before_text
    assert reader.text_edit.document().characterCount() - 1 == len(before_text)
    assert plain != separated  # the separators are drawn, not typed


def test_show_removed_lines_in_their_own_box(reader, project, qtbot) -> None:
    article_id = next(i for i in project.store.article_ids() if project.store.article(i).removed)
    article = project.store.article(article_id)
    reader.show_article(article_id)
    assert reader.removed_box.isHidden()
    reader.set_show_removed(True)
    assert reader.removed_box.isVisible()
    assert str(len(article.removed)) in reader.removed_box.toggle.text()
    assert article.removed[0].text in reader.removed_box.text.toPlainText()
    assert article.removed[0].text not in reader.text_edit.toPlainText()
    qtbot.mouseClick(reader.removed_box.toggle, Qt.MouseButton.LeftButton)
    assert reader.removed_box.text.isHidden()
    reader.set_show_removed(False)
    assert reader.removed_box.isHidden()


def test_captions_are_styled(reader, project) -> None:
    article_id = next(i for i in project.store.article_ids() if project.store.article(i).captions)
    caption = project.store.article(article_id).captions[0]
    reader.show_article(article_id)
    assert "caption" in reader.highlight_at(caption.start)
    cursor = QTextCursor(reader.text_edit.document())
    cursor.setPosition(reader.text_edit.positions.to_qt(caption.start) + 1)
    assert cursor.charFormat().fontItalic()


def test_font_size_and_line_spacing(reader, project) -> None:
    reader.show_article(project.store.article_ids()[0])
    reader.set_line_spacing(200)
    reader.set_font_size(20)
    block = reader.text_edit.document().firstBlock().blockFormat()
    assert block.lineHeight() == 200
    assert reader.text_edit.document().defaultFont().pointSizeF() == 20


def test_context_menu_actions(reader, project, controller, qtbot) -> None:
    article_id = article_with(project, "精准扶贫")
    text = project.store.article(article_id).text
    start = text.index("精准扶贫")
    reader.show_article(article_id)
    select_qt(reader, *reader.text_edit.positions.span_to_qt(start, start + 4))
    menu = reader.context_menu(reader.text_edit.positions.to_qt(start))
    labels = [action.text() for action in menu.actions() if action.text()]
    assert {"政策", "数据", "人物", "Tag with…", "Treat as One Word", "Copy"} <= set(labels)
    actions = {action.text(): action for action in menu.actions()}
    with qtbot.waitSignal(reader.tag_picker_requested):
        actions["Tag with…"].trigger()
    with qtbot.waitSignal(controller.dictionary_changed):
        actions["Treat as One Word"].trigger()
    assert "精准扶贫" in project.store.user_words()
    actions["政策"].trigger()
    assert len(project.store.annotations(article_id=article_id)) == 1


def test_split_here_and_deleted_article_empty_state(reader, project, controller) -> None:
    article_id = project.store.article_ids()[0]
    text = project.store.article(article_id).text
    offset = text.index("\n") + 1
    reader.show_article(article_id)
    count = project.store.article_count()
    menu = reader.context_menu(reader.text_edit.positions.to_qt(offset))
    {a.text(): a for a in menu.actions()}["Split Article Here"].trigger()
    assert project.store.article_count() == count + 1
    assert reader.text_edit.toPlainText() == project.store.article(article_id).text
    new_id = project.store.next_article_id(article_id)
    assert new_id is not None
    reader.show_article(new_id)
    controller.run(lambda: project.merge_with_next(article_id))
    assert reader.article_id is None
    assert reader.pages.currentWidget() is reader.empty_label


def test_an_article_with_500_annotations_shows_them_all(reader, project, tag_ids) -> None:
    article_id = max(project.store.article_ids(), key=lambda i: project.store.article(i).chars)
    length = project.store.article(article_id).chars
    store = project.store
    with store.write():
        for n in range(500):
            start = (n * 7) % (length - 20)
            store.add_annotation(article_id, start, start + 5 + n % 13, [tag_ids["政策"]])
    assert len(store.annotations(article_id=article_id)) == 500
    reader.show_article(article_id)  # its speed is measured in benchmarks/, not here
    assert len(reader.text_edit.extraSelections()) >= 500


def test_screenshot(reader, project, tag_ids) -> None:
    article_id = article_with(project, "747万")
    text = project.store.article(article_id).text
    start = text.index("精准扶贫")
    project.annotate(article_id, start - 6, start + 10, [tag_ids["政策"]])
    project.annotate(article_id, start, start + 4, [tag_ids["人物"]])
    reader.show_article(article_id)
    reader.set_search_spans([(i, i + 2) for i in range(len(text)) if text.startswith("脱贫", i)])
    reader.text_edit.verticalScrollBar().setValue(0)
    assert not reader.grab().isNull()
    reader.grab().save(str(Path("/tmp") / "reader.png"))
    assert QColor(project.store.tag(tag_ids["政策"]).color).isValid()

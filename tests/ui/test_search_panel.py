"""The search panel: typing, segmentation, KWIC rows, sorting, activation, tagging hits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from ui_helpers import type_text

from hnreader.ui import search_panel as search_panel_module
from hnreader.ui.hit_scope import scope_span, scope_spans
from hnreader.ui.kwic_table_model import KwicTableModel
from hnreader.ui.search_panel import SearchPanel
from hnreader.ui.tag_dialogs import TagHitsDialog

LEFT, HIT, RIGHT = KwicTableModel.LEFT, KwicTableModel.HIT, KwicTableModel.RIGHT


@pytest.fixture
def panel(qtbot, controller, settings) -> SearchPanel:
    widget = SearchPanel(controller, settings)
    qtbot.addWidget(widget)
    widget.resize(900, 420)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def rows(panel: SearchPanel) -> int:
    return panel.table.model().rowCount()


def column(panel: SearchPanel, col: int) -> list[str]:
    model = panel.table.model()
    return [model.index(r, col).data() for r in range(model.rowCount())]


def double_click(qtbot, view, index) -> None:
    # QTest's double click has no press before it; item views ignore that, so press first.
    pos = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_typing_shows_hits_segmentation_and_counts(panel, controller, qtbot, qtmodeltester):
    type_text(qtbot, panel.query_edit, "扶贫")
    qtbot.waitUntil(lambda: rows(panel) > 0)
    expected = controller.project.search("扶贫", limit=2000)
    assert rows(panel) == expected.total_hits
    assert set(column(panel, HIT)) == {"扶贫"}
    assert panel.status_label.text() == (
        f"{expected.total_hits} hits in {expected.total_articles} articles"
    )
    assert panel.segments_label.text() == "扶贫"
    qtmodeltester.check(panel.model)


def test_segmentation_is_shown_as_you_type(panel, qtbot):
    with qtbot.waitSignal(panel.results_changed):  # the search follows the segmentation
        type_text(qtbot, panel.query_edit, "脱贫攻坚成果 -旅游")
        qtbot.waitUntil(lambda: " | " in panel.segments_label.text())
    assert panel.segments_label.text().replace(" | ", "").startswith("脱贫攻坚成果")
    assert panel.segments_label.text().endswith("−旅游")


def test_whole_words_toggle_changes_the_counts(panel, controller, qtbot):
    panel.set_query("村")
    everywhere = rows(panel)
    qtbot.mouseClick(panel.whole_words_check, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert panel.whole_words_check.isChecked()
    whole = controller.project.search("村", whole_words=True, limit=2000)
    assert rows(panel) == whole.total_hits < everywhere


def test_sorting_by_left_context_uses_the_word_next_to_the_hit(panel, qtbot):
    panel.set_query("扶贫")
    header = panel.table.horizontalHeader()
    x = header.sectionViewportPosition(LEFT) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    lefts = column(panel, LEFT)
    keys = [left[::-1] for left in lefts]
    if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder:
        assert keys == sorted(keys)
    else:
        assert keys == sorted(keys, reverse=True)
    panel.table.sortByColumn(RIGHT, Qt.SortOrder.AscendingOrder)
    rights = column(panel, RIGHT)
    assert rights == sorted(rights)


def test_double_click_and_enter_open_the_hit_at_its_offsets(panel, controller, qtbot):
    panel.set_query("脱贫")
    store = controller.project.store
    received = []
    panel.hit_activated.connect(lambda *args: received.append(args))
    model = panel.table.model()
    double_click(qtbot, panel.table, model.index(3, HIT))
    article_id, start, end = received[-1]
    assert store.article(article_id).text[start:end] == "脱贫"
    assert model.index(3, HIT).data() == "脱贫"

    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    article_id, start, end = received[-1]
    assert store.article(article_id).text[start:end] == "脱贫"
    assert (start, end) in panel.spans_for(article_id)
    assert len(received) == 2


def test_spans_for_lists_the_hits_of_one_article(panel, controller):
    panel.set_query("扶贫")
    first = panel.result().articles[0]
    assert panel.spans_for(first.article_id) == [(h.start, h.end) for h in first.hits]
    assert panel.spans_for(-5) == []


@pytest.mark.parametrize("query", ['"', "AND", "*", "😀", "-扶贫", "OR", '""', "   "])
def test_hostile_input_shows_a_message_not_an_exception(panel, qtbot, query):
    panel.query_edit.setText(query)
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    assert rows(panel) == 0
    if query.strip():
        assert panel.status_label.text()
        assert "Traceback" not in panel.status_label.text()


def test_too_many_articles_run_in_a_worker(panel, controller, qtbot):
    panel.sync_article_limit = 0
    with qtbot.waitSignal(panel.results_changed, timeout=10000):
        panel.set_query("扶贫")
    assert rows(panel) == controller.project.search("扶贫", limit=2000).total_hits


def test_tag_selected_hits_with_sentence_scope(panel, controller, tag_ids, monkeypatch):
    panel.set_query("脱贫")
    selection = panel.table.selectionModel()
    model = panel.table.model()
    for row in (0, 1, 4):
        selection.select(
            model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    chosen = [panel.model.row(r) for r in (0, 1, 4)]
    monkeypatch.setattr(
        search_panel_module.TagHitsDialog,
        "ask",
        staticmethod(lambda *a: (tag_ids["政策"], "sentence")),
    )
    store = controller.project.store
    expected = set()
    for hit in chosen:
        text = store.article(hit.article_id).text
        expected.add((hit.article_id, *scope_span(text, hit.start, hit.end, "sentence")))

    panel.tag_button.click()

    made = {(a.article_id, a.start, a.end) for a in store.annotations(tag_ids=[tag_ids["政策"]])}
    assert made == expected
    for article_id, start, end in made:
        quote = store.article(article_id).text[start:end]
        assert "脱贫" in quote and "\n" not in quote
    # Tagging the same hits again creates nothing new.
    panel.tag_button.click()
    assert len(store.annotations(tag_ids=[tag_ids["政策"]])) == len(expected)


def test_tag_hits_dialog_asks_with_the_count(qtbot, controller, tag_ids):
    spans = {"hit": [1, 2, 3], "clause": [1, 2, 3], "sentence": [1, 2], "paragraph": [1]}
    dialog = TagHitsDialog(controller.project.store.tags(), controller, spans.__getitem__, 3)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.set_tag(tag_ids["数据"])
    assert dialog.question.text() == "Tag 2 passages with 数据?"
    dialog.scope_radios["paragraph"].setChecked(True)
    assert dialog.question.text() == "Tag 1 passage with 数据?"
    assert dialog.ok_button.isEnabled() and dialog.scope() == "paragraph"


TEXT = "第一句，有扶贫工作。他说：“扶贫好。”第三句！\n  新段落里的扶贫，继续"


@pytest.mark.parametrize(
    ("needle", "occurrence", "scope", "expected"),
    [
        ("扶贫", 0, "hit", "扶贫"),
        ("扶贫", 0, "clause", "有扶贫工作。"),
        ("扶贫", 0, "sentence", "第一句，有扶贫工作。"),
        ("扶贫", 1, "sentence", "他说：“扶贫好。”"),
        ("扶贫", 1, "clause", "“扶贫好。”"),
        ("扶贫", 0, "paragraph", "第一句，有扶贫工作。他说：“扶贫好。”第三句！"),
        ("扶贫", 2, "sentence", "新段落里的扶贫，继续"),
        ("扶贫", 2, "clause", "新段落里的扶贫"),
        ("扶贫", 2, "paragraph", "新段落里的扶贫，继续"),
        ("第三", 0, "sentence", "第三句！"),
    ],
)
def test_scope_span(needle, occurrence, scope, expected):
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(needle, start + 1)
    left, right = scope_span(TEXT, start, start + len(needle), scope)
    assert TEXT[left:right] == expected


def test_scope_spans_merge_hits_in_the_same_sentence_and_count_code_points():
    text = "𠮷扶贫和扶贫。下一句"
    hits = [(1, 3), (4, 6)]
    assert scope_spans(hits, text, "sentence") == [(0, 7)]
    assert scope_spans(hits, text, "hit") == hits
    with pytest.raises(ValueError):
        scope_span(text, 0, 99, "sentence")

"""The search panel: typing, segmentation, KWIC rows, sorting, activation, tagging hits."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, QThreadPool
from PySide6.QtWidgets import QApplication
from ui_helpers import type_text

from hnreader.core.models import SearchField, SearchTotals
from hnreader.core.search.session import CountJob
from hnreader.core.text.scope import scope_span, scope_spans
from hnreader.ui.codebook.tag_dialogs import TagHitsDialog
from hnreader.ui.search import search_panel as search_panel_module
from hnreader.ui.search.kwic_table_model import KwicTableModel
from hnreader.ui.search.search_panel import SearchPanel

LEFT, HIT, RIGHT = KwicTableModel.LEFT, KwicTableModel.HIT, KwicTableModel.RIGHT
FIELD = KwicTableModel.FIELD
PLURAL = {"title": "titles", "subtitle": "kickers", "byline": "bylines"}


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


def listed(panel: SearchPanel) -> list[tuple[int, int, int]]:
    return [(row.article_id, row.start, row.end) for row in panel.model.rows()]


def every_hit(project, query: str, whole_words: bool = False) -> list[tuple[int, int, int]]:
    result = project.search(query, whole_words=whole_words, limit=100000)
    return [(a.article_id, h.start, h.end) for a in result.articles for h in a.hits]


def status_of(project, query: str, whole_words: bool = False) -> str:
    """What the status line says once the whole result of `query` is known."""
    totals = project.count_matches(query, whole_words=whole_words)
    text = f"{totals.hits} hits in {totals.articles} articles"
    if totals.header_hits:
        parts = ", ".join(f"{n} in {PLURAL[field]}" for field, n in totals.header_hits)
        text += f" · {parts} (not taggable)"
    return text


def search_now(qtbot, panel: SearchPanel, query: str) -> None:
    """Search and wait for the first page (every page is listed in the background)."""
    with qtbot.waitSignal(panel.results_changed, timeout=10000):
        panel.set_query(query)


def load_more_now(qtbot, panel: SearchPanel) -> None:
    panel.load_more()
    qtbot.waitUntil(lambda: not panel.is_loading(), timeout=10000)


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
    assert panel.status_label.text() == status_of(controller.project, "扶贫")
    assert panel.segments_label.text() == "扶贫"
    qtmodeltester.check(panel.model)


def test_segmentation_is_shown_as_you_type(panel, qtbot):
    with qtbot.waitSignal(panel.results_changed):  # the search follows the segmentation
        type_text(qtbot, panel.query_edit, "脱贫攻坚成果 -旅游")
        qtbot.waitUntil(lambda: " | " in panel.segments_label.text())
    assert panel.segments_label.text().replace(" | ", "").startswith("脱贫攻坚成果")
    assert panel.segments_label.text().endswith("−旅游")


def test_whole_words_toggle_changes_the_counts(panel, controller, qtbot):
    search_now(qtbot, panel, "村")
    everywhere = rows(panel)
    with qtbot.waitSignal(panel.results_changed, timeout=10000):
        qtbot.mouseClick(panel.whole_words_check, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert panel.whole_words_check.isChecked()
    whole = controller.project.search("村", whole_words=True, limit=2000)
    assert rows(panel) == whole.total_hits < everywhere


def test_sorting_by_left_context_uses_the_word_next_to_the_hit(panel, qtbot):
    search_now(qtbot, panel, "扶贫")
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
    search_now(qtbot, panel, "脱贫")
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


def test_spans_for_lists_the_hits_of_one_article(panel, controller, qtbot):
    search_now(qtbot, panel, "扶贫")
    first = panel.session().articles[0]
    assert panel.spans_for(first.article_id) == [(h.start, h.end) for h in first.hits]
    assert panel.spans_for(-5) == []


@pytest.mark.parametrize("query", ['"', "AND", "*", "😀", "-扶贫", "OR", '""', "   "])
def test_hostile_input_shows_a_message_not_an_exception(panel, qtbot, query):
    panel.query_edit.setText(query)
    with qtbot.waitSignal(panel.results_changed, timeout=10000):
        qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    assert rows(panel) == 0
    if query.strip():
        assert panel.status_label.text()
        assert "Traceback" not in panel.status_label.text()


def test_every_page_is_listed_in_a_worker(panel, controller, qtbot):
    search_now(qtbot, panel, "扶贫")
    assert rows(panel) == controller.project.search("扶贫", limit=2000).total_hits


def test_scrolling_to_the_end_and_more_list_the_next_pages(panel, controller, qtbot):
    panel.page_size = 1
    search_now(qtbot, panel, "脱贫")
    assert not panel.session().complete and len(panel.session().articles) == 1
    assert panel.more_button.isVisible()
    first_page = listed(panel)
    bar = panel.table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # the first article's hits overflow the table
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: not panel.is_loading(), timeout=10000)
    assert len(panel.session().articles) == 2
    assert listed(panel)[: len(first_page)] == first_page  # appended, not replaced
    for _ in range(100):
        if not panel.can_load_more():
            break
        qtbot.mouseClick(panel.more_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not panel.is_loading(), timeout=10000)
    assert not panel.more_button.isVisible()
    expected = controller.project.search("脱贫", limit=100000)
    assert listed(panel) == every_hit(controller.project, "脱贫")
    assert expected.total_hits == len(listed(panel))
    assert panel.status_label.text() == status_of(controller.project, "脱贫")


def test_a_sorted_table_stays_sorted_and_keeps_its_selection_as_pages_come(panel, qtbot):
    panel.page_size = 1
    search_now(qtbot, panel, "村")
    panel.table.sortByColumn(RIGHT, Qt.SortOrder.AscendingOrder)
    panel.table.selectRow(3)
    chosen = panel.model.row(3)
    shown = rows(panel)
    load_more_now(qtbot, panel)
    assert rows(panel) > shown
    assert column(panel, RIGHT) == sorted(column(panel, RIGHT))
    selected = [panel.model.row(r) for r in panel.selected_rows()]
    assert selected == [chosen]


def test_next_pages_are_listed_in_a_worker(panel, controller, qtbot):
    panel.page_size = 2
    search_now(qtbot, panel, "村")
    assert not panel.session().complete
    for _ in range(100):
        if not panel.can_load_more():
            break
        panel.load_more()
        assert panel.is_loading() and not panel.more_button.isEnabled()
        panel.load_more()  # ignored while a page is on its way
        qtbot.waitUntil(lambda: not panel.is_loading(), timeout=10000)
    assert listed(panel) == every_hit(controller.project, "村")
    assert panel.more_button.isHidden()


def test_the_status_shows_the_exact_totals_once_counted(panel, controller, qtbot):
    panel.page_size = 2
    search_now(qtbot, panel, "脱贫")
    assert panel.is_counting()
    assert panel.status_label.text() == "Listing the first 2 articles · counting…"
    qtbot.waitUntil(lambda: not panel.is_counting(), timeout=10000)
    expected = controller.project.search("脱贫", limit=100000)
    assert (panel.session().total_hits, panel.session().total_articles) == (
        expected.total_hits,
        expected.total_articles,
    )
    assert panel.status_label.text() == (
        status_of(controller.project, "脱贫") + " — listing the first 2 articles"
    )


def test_whole_words_counts_what_pages_list(panel, controller, qtbot):
    panel.whole_words_check.setChecked(True)
    panel.page_size = 3
    search_now(qtbot, panel, "村")
    qtbot.waitUntil(lambda: not panel.is_counting(), timeout=10000)
    expected = every_hit(controller.project, "村", whole_words=True)
    assert panel.session().total_hits == len(expected)


@pytest.mark.parametrize("whole_words", [False, True])
def test_spans_for_an_article_not_listed_yet_searches_it(panel, controller, qtbot, whole_words):
    panel.whole_words_check.setChecked(whole_words)
    panel.page_size = 1
    search_now(qtbot, panel, "村")
    expected = controller.project.search("村", whole_words=whole_words, limit=100000)
    shown = {a.article_id for a in panel.session().articles}
    later = [a for a in expected.articles if a.article_id not in shown]
    assert later
    for article in later:
        assert panel.spans_for(article.article_id) == [(h.start, h.end) for h in article.body_hits]
    with_hits = {a.article_id for a in expected.articles}
    without = [i for i in controller.project.store.article_ids() if i not in with_hits]
    assert without and all(panel.spans_for(i) == [] for i in without)


def test_a_new_query_does_not_show_the_count_of_the_old_one(panel, controller, qtbot, monkeypatch):
    release = threading.Event()
    real_count = CountJob.__call__

    def count(job, project, progress=None, is_cancelled=None):
        if job.query == "扶贫":
            release.wait(30)
            return SearchTotals(999_999, 99_999)  # a late answer (cancel ignored), not shown
        return real_count(job, project, progress, is_cancelled)

    monkeypatch.setattr(CountJob, "__call__", count)
    pool = QThreadPool.globalInstance()
    threads = pool.maxThreadCount()
    pool.setMaxThreadCount(max(threads, 4))  # the blocked count must not starve the others
    panel.page_size = 1
    try:
        search_now(qtbot, panel, "扶贫")
        assert panel.is_counting() and "counting" in panel.status_label.text()
        old_count = panel._count_worker
        search_now(qtbot, panel, "脱贫")
        qtbot.waitUntil(lambda: not panel.is_counting(), timeout=10000)
        with qtbot.waitSignal(old_count.signals.finished, timeout=10000):
            release.set()
        QApplication.processEvents()
    finally:
        release.set()
        pool.setMaxThreadCount(threads)
    expected = controller.project.search("脱贫", limit=100000)
    assert panel.session().query == "脱贫"
    assert panel.session().total_hits == expected.total_hits
    assert panel.status_label.text() == (
        status_of(controller.project, "脱贫") + " — listing the first 1 articles"
    )


def test_tag_hits_tags_every_listed_hit_when_none_is_selected(
    panel, controller, qtbot, tag_ids, monkeypatch
):
    panel.page_size = 1
    search_now(qtbot, panel, "脱贫")
    load_more_now(qtbot, panel)
    shown = [(r.article_id, r.start, r.end) for r in panel.model.rows() if r.in_body]
    assert len({article_id for article_id, _, _ in shown}) == 2
    asked = []

    def ask(*args, skipped=0):
        asked.append((args[4], skipped))
        return tag_ids["数据"], "hit"

    monkeypatch.setattr(search_panel_module.TagHitsDialog, "ask", staticmethod(ask))
    assert panel.tag_selected_hits() == len(shown)
    store = controller.project.store
    made = {(a.article_id, a.start, a.end) for a in store.annotations(tag_ids=[tag_ids["数据"]])}
    assert made == set(shown)
    assert asked == [(len(shown), rows(panel) - len(shown))]  # the title hits are left out
    assert rows(panel) > len(shown)


def test_tag_selected_hits_with_sentence_scope(panel, controller, qtbot, tag_ids, monkeypatch):
    search_now(qtbot, panel, "脱贫")
    selection = panel.table.selectionModel()
    model = panel.table.model()
    in_body = [r for r in range(rows(panel)) if panel.model.row(r).in_body]
    for row in (in_body[0], in_body[1], in_body[4]):
        selection.select(
            model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    chosen = [panel.model.row(r) for r in (in_body[0], in_body[1], in_body[4])]
    monkeypatch.setattr(
        search_panel_module.TagHitsDialog,
        "ask",
        staticmethod(lambda *a, **k: (tag_ids["政策"], "sentence")),
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


def test_a_query_error_is_worded_by_the_ui_from_its_code(panel, qtbot):
    search_now(qtbot, panel, "-扶贫")
    assert panel.session().error.code == "query_only_excludes"
    assert panel.status_label.text() == "The query only excludes words; add a word to search for."


def test_hits_in_titles_and_bylines_are_listed_with_their_field(panel, controller, qtbot):
    project = controller.project
    search_now(qtbot, panel, "湖南")
    fields = [panel.model.row(r).field for r in range(rows(panel))]
    assert {SearchField.TITLE, SearchField.BYLINE, SearchField.BODY} <= set(fields)
    shown = column(panel, FIELD)
    names = {"title": "Title", "subtitle": "Kicker", "byline": "Byline", "body": ""}
    assert shown == [names[field] for field in fields]
    assert not panel.table.isColumnHidden(FIELD)
    title_row = fields.index(SearchField.TITLE)
    hit = panel.model.row(title_row)
    assert project.article(hit.article_id).title[hit.start : hit.end] == "湖南"
    tip = panel.model.index(title_row, HIT).data(Qt.ItemDataRole.ToolTipRole)
    assert "In the title (not taggable)" in tip
    totals = project.count_matches("湖南")
    assert totals.in_field(SearchField.TITLE) == fields.count(SearchField.TITLE)
    assert f"{totals.in_field(SearchField.TITLE)} in titles" in panel.status_label.text()
    assert "(not taggable)" in panel.status_label.text()
    # Sorting by the field column puts the titles' hits first.
    panel.table.sortByColumn(FIELD, Qt.SortOrder.AscendingOrder)
    assert column(panel, FIELD)[0] == "Title"

    with qtbot.waitSignal(panel.results_changed, timeout=10000):
        panel.header_check.setChecked(False)  # the body only
    assert panel.table.isColumnHidden(FIELD)
    assert {panel.model.row(r).field for r in range(rows(panel))} == {SearchField.BODY}
    assert rows(panel) == totals.body_hits
    assert (
        panel.status_label.text()
        == f"{totals.body_hits} hits in {len(set(a for a, _, _ in listed(panel)))} articles"
    )


def test_activating_a_title_hit_says_where_it_is(panel, controller, qtbot):
    search_now(qtbot, panel, "湖南")
    title_row = next(r for r in range(rows(panel)) if not panel.model.row(r).in_body)
    body, header = [], []
    panel.hit_activated.connect(lambda *args: body.append(args))
    panel.header_hit_activated.connect(lambda *args: header.append(args))
    double_click(qtbot, panel.table, panel.table.model().index(title_row, HIT))
    row = panel.model.row(title_row)
    assert body == [] and header == [(row.article_id, row.field, row.start, row.end)]


def test_tagging_only_title_hits_tags_nothing_and_says_why(
    panel, controller, qtbot, tag_ids, monkeypatch
):
    search_now(qtbot, panel, "湖南")
    title_rows = [r for r in range(rows(panel)) if not panel.model.row(r).in_body]
    selection = panel.table.selectionModel()
    for row in title_rows:
        selection.select(
            panel.table.model().index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    dialogs = []

    def ask(parent, tags, controller, spans_for_scope, hit_count, scope, *, skipped=0):
        dialog = TagHitsDialog(tags, controller, spans_for_scope, hit_count, scope, skipped=skipped)
        qtbot.addWidget(dialog)
        dialog.set_tag(tag_ids["数据"])
        dialogs.append(dialog)
        return None

    monkeypatch.setattr(search_panel_module.TagHitsDialog, "ask", staticmethod(ask))
    assert panel.tag_selected_hits() == 0
    [dialog] = dialogs
    assert dialog.intro_label.text() == (
        f"0 hits selected.\n{len(title_rows)} hits in titles, kickers or bylines are left out: "
        "only article text can be tagged."
    )
    assert not dialog.ok_button.isEnabled()
    assert controller.project.store.annotations() == []


def test_the_kwic_date_is_shown_as_the_library_shows_it(panel, qtbot) -> None:
    type_text(qtbot, panel.query_edit, "扶贫")
    qtbot.waitUntil(lambda: rows(panel) > 0)
    dates = column(panel, KwicTableModel.DATE)
    assert not any(d.startswith("--") for d in dates)  # --05-24 reads 5月24日, as in the Library
    assert any("月" in d for d in dates)


def test_the_number_of_articles_is_known_before_the_hits_are_counted(panel, controller, qtbot):
    panel.page_size = 1
    search_now(qtbot, panel, "扶贫")
    session = panel.session()
    qtbot.waitUntil(lambda: session.known_articles is not None and not panel.is_counting())
    totals = controller.project.count_matches("扶贫")
    assert session.known_articles == totals.articles == session.total_articles
    text = panel._status_text(session)  # with the count still going, as a user sees it
    panel._count_worker = object()  # type: ignore[assignment]
    session.totals = None
    try:
        assert panel._status_text(session) == (
            f"{totals.articles:,} articles · listing the first 1 · counting the hits…"
        )
    finally:
        panel._count_worker = None
    assert text.startswith(status_of(controller.project, "扶贫"))

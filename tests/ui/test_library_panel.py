"""The library panel: filter, sort, unread/annotated markers, activation."""

from __future__ import annotations

import threading

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from hnreader.ui.common.date_text import shown_date
from hnreader.ui.library import library_panel
from hnreader.ui.library.article_table_model import ArticleTableModel, arrange
from hnreader.ui.library.library_panel import LibraryPanel

TITLE, DATE, SOURCE, TAGGED = (
    ArticleTableModel.TITLE,
    ArticleTableModel.DATE,
    ArticleTableModel.SOURCE,
    ArticleTableModel.ANNOTATIONS,
)


def type_text(qtbot, widget, text: str) -> None:
    """Type like a user: ASCII as key presses, Chinese as an input method commits it
    (QTest's key simulation only knows ASCII)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def make_panel(qtbot, controller, settings) -> LibraryPanel:
    panel = LibraryPanel(controller, settings)
    qtbot.addWidget(panel)
    panel.resize(520, 600)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def shown(panel: LibraryPanel, column: int) -> list[str]:
    model = panel.table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def click_row(qtbot, panel: LibraryPanel, row: int) -> None:
    rect = panel.table.visualRect(panel.table.model().index(row, TITLE))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_lists_every_article_unread_in_bold(qtbot, controller, settings, qtmodeltester):
    panel = make_panel(qtbot, controller, settings)
    store = controller.project.store
    assert panel.table.model().rowCount() == store.article_count() > 5
    assert panel.count_label.text() == f"{store.article_count()} articles"
    assert panel.table.model().index(0, TITLE).data(Qt.ItemDataRole.FontRole).bold()
    qtmodeltester.check(panel.model)


def test_typing_in_the_filter_box_narrows_by_title(qtbot, controller, settings):
    panel = make_panel(qtbot, controller, settings)
    summaries = controller.project.store.article_summaries()
    word = next(s.title for s in summaries if len(s.title) >= 4)[:3]
    expected = [s for s in summaries if word in f"{s.title}{s.source}{s.byline}{s.date}"]

    type_text(qtbot, panel.filter_edit, word)

    titles = shown(panel, TITLE)
    assert len(titles) == len(expected) < len(summaries)
    assert sorted(titles) == sorted(s.title for s in expected)
    assert panel.count_label.text() == f"{len(expected)} of {len(summaries)}"
    qtbot.keyClick(panel.filter_edit, Qt.Key.Key_Escape)
    assert panel.table.model().rowCount() == len(summaries)


def test_filter_matches_source_and_date_and_every_word(qtbot, controller, settings):
    panel = make_panel(qtbot, controller, settings)
    summaries = controller.project.store.article_summaries()
    dated = next(s for s in summaries if s.date)
    type_text(qtbot, panel.filter_edit, f"{dated.source[:3]} {dated.date}")
    rows = shown(panel, DATE)
    assert rows and all(date == shown_date(dated.date) for date in rows)
    assert len(rows) == sum(
        1 for s in summaries if s.date == dated.date and dated.source[:3] in s.source
    )


def test_clicking_headers_sorts_by_title_and_source(qtbot, controller, settings):
    panel = make_panel(qtbot, controller, settings)
    header = panel.table.horizontalHeader()
    x = header.sectionViewportPosition(TITLE) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert header.sortIndicatorSection() == TITLE
    titles = shown(panel, TITLE)
    if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder:
        assert titles == sorted(titles, key=str.casefold)
    else:
        assert titles == sorted(titles, key=str.casefold, reverse=True)

    panel.table.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)
    by_id = {s.id: s.date for s in controller.project.article_summaries()}
    dates = [by_id[panel.model.article_id(r)] for r in range(panel.model.rowCount())]
    dates = [d for d in dates if d]
    assert dates == sorted(dates, key=lambda d: (not d[:4].isdigit(), d), reverse=True)


def test_click_and_enter_emit_article_activated_and_mark_read(qtbot, controller, settings):
    panel = make_panel(qtbot, controller, settings)
    model = panel.table.model()
    expected = model.index(2, TITLE).data(ArticleTableModel.ArticleIdRole)

    with qtbot.waitSignal(panel.article_activated) as blocker:
        click_row(qtbot, panel, 2)
    assert blocker.args == [expected]
    assert not model.index(2, TITLE).data(Qt.ItemDataRole.FontRole)
    assert expected in controller.project.read_article_ids()  # kept in the project file

    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    following = model.index(3, TITLE).data(ArticleTableModel.ArticleIdRole)
    with qtbot.waitSignal(panel.article_activated) as blocker:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert blocker.args == [following]


def test_enter_in_the_filter_opens_the_first_match(qtbot, controller, settings):
    panel = make_panel(qtbot, controller, settings)
    first = controller.project.store.article_summaries()[0]
    type_text(qtbot, panel.filter_edit, first.title)
    with qtbot.waitSignal(panel.article_activated) as blocker:
        qtbot.keyClick(panel.filter_edit, Qt.Key.Key_Return)
    assert blocker.args == [first.id]


def test_select_article_clears_a_filter_that_hides_it(qtbot, controller, settings):
    panel = make_panel(qtbot, controller, settings)
    summaries = controller.project.store.article_summaries()
    target = summaries[-1]
    type_text(qtbot, panel.filter_edit, summaries[0].title)
    assert target.title not in shown(panel, TITLE)

    panel.select_article(target.id)

    assert panel.filter_edit.text() == ""
    current = panel.table.currentIndex()
    assert current.data(ArticleTableModel.ArticleIdRole) == target.id
    assert not current.data(Qt.ItemDataRole.FontRole)  # shown articles count as read


def test_annotation_count_follows_annotations(qtbot, controller, settings, tag_ids):
    panel = make_panel(qtbot, controller, settings)
    article_id = panel.table.model().index(0, TITLE).data(ArticleTableModel.ArticleIdRole)
    assert panel.table.model().index(0, TAGGED).data() == ""

    project = controller.project
    controller.run(lambda: project.annotate(article_id, 0, 4, [tag_ids["政策"]]))
    controller.run(lambda: project.annotate(article_id, 5, 9, [tag_ids["数据"]]))

    assert panel.table.model().index(0, TAGGED).data() == "2"
    assert panel.table.model().index(0, TAGGED).data(Qt.ItemDataRole.DecorationRole)
    controller.undo()
    assert panel.table.model().index(0, TAGGED).data() == "1"


def test_lazy_fetching_keeps_large_lists_cheap(qtbot, qtmodeltester):
    from hnreader.core.models import ArticleSummary

    model = ArticleTableModel()
    rows = [
        ArticleSummary(i, f"标题{i:05d}", f"2020-01-{i % 28 + 1:02d}", "", "a.txt", i, 100, 0)
        for i in range(1, 5001)
    ]
    model.set_rows(rows)
    assert model.rowCount() == 1000 and model.canFetchMore(model.index(-1, -1))
    assert model.row_of(4000, fetch=True) is not None
    assert model.rowCount() >= 4000
    model.set_filter("标题0499")
    assert model.match_count() == 10
    qtmodeltester.check(model)


def test_a_large_library_shows_its_first_screen_then_lists_the_rest_in_the_background(
    qtbot, controller, settings, tag_ids, monkeypatch
):
    expected = shown(make_panel(qtbot, controller, settings), TITLE)  # read on the GUI thread
    # Every library is "large" here, the first screen is 3 rows, and the background read
    # waits for the test, so that an annotation can land while it runs.
    monkeypatch.setattr(library_panel, "SYNC_ARTICLE_LIMIT", 0)
    monkeypatch.setattr(library_panel, "FETCH_BATCH", 3)
    release = threading.Event()
    real_load = library_panel.load_library

    def held_load(*args, **kwargs):
        arrangement = real_load(*args, **kwargs)
        assert release.wait(10)
        return arrangement

    monkeypatch.setattr(library_panel, "load_library", held_load)
    store = controller.project.store
    total = store.article_count()

    panel = make_panel(qtbot, controller, settings)
    assert panel.is_loading()
    assert shown(panel, TITLE) == expected[:3]
    assert panel.count_label.text() == f"Listing {total} articles…"

    # Tagged while the list is being read: the count must not be lost with the new rows.
    article_id = panel.model.article_id(1)
    controller.run(lambda: controller.project.annotate(article_id, 0, 4, [tag_ids["政策"]]))
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        release.set()

    assert not panel.is_loading()
    assert shown(panel, TITLE) == expected
    assert panel.count_label.text() == f"{total} articles"
    assert panel.model.index(1, TAGGED).data() == "1"


def test_a_refresh_during_a_background_read_wins(qtbot, controller, settings, monkeypatch):
    monkeypatch.setattr(library_panel, "SYNC_ARTICLE_LIMIT", 0)
    release = threading.Event()
    real_load = library_panel.load_library
    calls = []

    def load(*args, **kwargs):
        calls.append(args)
        if len(calls) == 1:  # the first read is slow and its rows are out of date
            assert release.wait(10)
            return arrange([], [], -1, False)
        return real_load(*args, **kwargs)

    monkeypatch.setattr(library_panel, "load_library", load)
    panel = make_panel(qtbot, controller, settings)
    panel.refresh()  # e.g. an import finished while the first read ran
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        pass
    total = controller.project.store.article_count()
    assert panel.model.total_count() == total

    with qtbot.assertNotEmitted(panel.loaded, wait=300):
        release.set()
    assert panel.model.total_count() == total
    assert len(calls) == 2


def test_a_failed_background_read_lists_the_library_here(
    qtbot, controller, settings, monkeypatch, caplog
):
    monkeypatch.setattr(library_panel, "SYNC_ARTICLE_LIMIT", 0)
    monkeypatch.setattr(library_panel, "FETCH_BATCH", 2)

    release = threading.Event()

    def broken(*args, **kwargs):
        assert release.wait(10)
        raise OSError("disk went away")

    monkeypatch.setattr(library_panel, "load_library", broken)
    panel = make_panel(qtbot, controller, settings)
    assert panel.model.total_count() == 2  # the first screen
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        release.set()
    total = controller.project.store.article_count()
    assert panel.model.total_count() == total > 2
    assert panel.count_label.text() == f"{total} articles"
    assert "disk went away" in caplog.text


def test_dates_sort_by_year_and_filter_by_year_month_or_range(qtbot, controller, settings):
    project = controller.project
    ids = project.article_ids()
    for article_id, date in zip(ids, ("2021-01-05", "2020-08-25", "2020-08", "2019"), strict=False):
        project.update_article(article_id, date=date)
    controller.articles_changed.emit()
    dates = [s.date for s in project.article_summaries()]
    panel = make_panel(qtbot, controller, settings)
    panel.table.sortByColumn(DATE, Qt.SortOrder.AscendingOrder)
    listed = shown(panel, DATE)
    with_year = [d for d in listed if d[:4].isdigit()]
    assert with_year == sorted(with_year) and listed[: len(with_year)] == with_year

    def filtered(term: str) -> list[str]:
        panel.filter_edit.clear()
        type_text(qtbot, panel.filter_edit, term)
        return sorted(shown(panel, DATE))

    assert filtered("2020") == sorted(d for d in dates if d.startswith("2020"))
    assert "2020-08" in filtered("2020")
    assert filtered("2020-08-01..2021-01-31") == sorted(
        d for d in dates if "2020-08-01" <= d[:10] <= "2021-01-31" and len(d) == 10
    )
    assert filtered("2019..2020") == sorted(d for d in dates if d[:4] in ("2019", "2020"))


def test_moving_with_the_keys_opens_the_article_the_keys_rest_on(qtbot, controller, settings):
    panel = make_panel(qtbot, controller, settings)
    model = panel.table.model()
    ids = [model.index(row, TITLE).data(ArticleTableModel.ArticleIdRole) for row in range(4)]
    with qtbot.waitSignal(panel.article_activated):
        click_row(qtbot, panel, 0)
    opened: list[int] = []
    panel.article_activated.connect(opened.append)
    for _ in range(3):  # quickly: only the row the keys rest on opens
        qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: opened == [ids[3]], timeout=2000)
    qtbot.wait(library_panel.MOVE_OPEN_DELAY_MS * 2)
    assert opened == [ids[3]]
    assert not model.index(3, TITLE).data(Qt.ItemDataRole.FontRole)  # read now
    with qtbot.waitSignal(panel.article_activated) as blocker:
        qtbot.keyClick(panel.table, Qt.Key.Key_End)
    assert blocker.args == [
        model.index(model.rowCount() - 1, TITLE).data(ArticleTableModel.ArticleIdRole)
    ]
    with qtbot.waitSignal(panel.article_activated) as blocker:
        qtbot.keyClick(panel.table, Qt.Key.Key_Home)
    assert blocker.args == [ids[0]]


def test_a_rows_context_menu_opens_marks_unread_copies_and_asks_for_details(
    qtbot, controller, settings
):
    panel = make_panel(qtbot, controller, settings)
    model = panel.table.model()
    index = model.index(1, TITLE)
    article_id = index.data(ArticleTableModel.ArticleIdRole)
    menu = panel.row_menu(index)
    actions = {action.text(): action for action in menu.actions() if action.text()}
    assert list(actions) == [
        "Open",
        "Article Details…",
        "Mark as Read",
        "Copy Title",
        "Set Variable…",
        "Delete Article…",
        "Exclude from Search and Export",
    ]
    with qtbot.waitSignal(panel.article_activated) as blocker:
        actions["Open"].trigger()
    assert blocker.args == [article_id]
    unread = {a.text(): a for a in panel.row_menu(index).actions()}["Mark as Unread"]
    unread.trigger()
    assert model.index(1, TITLE).data(Qt.ItemDataRole.FontRole).bold()
    assert article_id not in controller.project.read_article_ids()
    {a.text(): a for a in panel.row_menu(index).actions()}["Copy Title"].trigger()
    assert QApplication.clipboard().text() == controller.project.article(article_id).title
    with qtbot.waitSignal(panel.details_requested) as blocker:
        {a.text(): a for a in panel.row_menu(index).actions()}["Article Details…"].trigger()
    assert blocker.args == [article_id]


def test_read_marks_travel_with_the_project_and_old_ones_are_taken_over(
    qtbot, controller, settings
):
    project = controller.project
    first, second = project.article_ids()[:2]
    settings.mark_read(str(project.path), first)  # where versions before 0.2 kept them
    panel = make_panel(qtbot, controller, settings)
    assert project.read_article_ids() == {first}
    assert settings.read_articles(str(project.path)) == set()  # taken over once
    model = panel.table.model()
    row = model.row_of(second)
    with qtbot.waitSignal(panel.article_activated):
        click_row(qtbot, panel, row)
    assert project.read_article_ids() == {first, second}
    other = LibraryPanel(controller, settings)  # another window, or the project reopened
    qtbot.addWidget(other)
    bold = {
        other.model.article_id(r): bool(other.model.index(r, TITLE).data(Qt.ItemDataRole.FontRole))
        for r in range(other.model.rowCount())
    }
    assert not bold[first] and not bold[second] and any(bold.values())


def test_set_variable_on_the_selected_rows(qtbot, controller, settings, monkeypatch):
    from hnreader.ui.library.set_variable_dialog import SetVariableDialog

    panel = make_panel(qtbot, controller, settings)
    model = panel.table.model()
    ids = [model.index(r, TITLE).data(ArticleTableModel.ArticleIdRole) for r in range(3)]
    click_row(qtbot, panel, 0)
    rect = panel.table.visualRect(model.index(2, TITLE))
    qtbot.mouseClick(
        panel.table.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
        rect.center(),
    )
    assert panel.chosen_articles(ids[1]) == ids  # the right-clicked row is among them
    assert panel.chosen_articles(model.index(5, TITLE).data(ArticleTableModel.ArticleIdRole)) != ids

    def answer(dialog: SetVariableDialog) -> int:
        assert not dialog.ok_button.isEnabled()  # no name yet
        dialog.name_box.setCurrentText("region")
        dialog.value_edit.setText("衡阳")
        return 1

    monkeypatch.setattr(SetVariableDialog, "exec", answer)
    action = next(
        a for a in panel.row_menu(model.index(1, TITLE)).actions() if a.text() == "Set Variable…"
    )
    action.trigger()
    project = controller.project
    assert all(dict(project.article_variables(i)).get("region") == "衡阳" for i in ids)
    assert project.history.undo_label == "Set “region” on 3 article(s)"

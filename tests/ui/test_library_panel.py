"""The library panel: filter, sort, unread/annotated markers, activation."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from hnreader.ui.article_table_model import ArticleTableModel
from hnreader.ui.library_panel import LibraryPanel

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
    assert rows and all(date == dated.date for date in rows)
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
    dates = [d for d in shown(panel, DATE) if d]
    assert dates == sorted(dates, reverse=True)


def test_click_and_enter_emit_article_activated_and_mark_read(qtbot, controller, settings):
    panel = make_panel(qtbot, controller, settings)
    model = panel.table.model()
    expected = model.index(2, TITLE).data(ArticleTableModel.ArticleIdRole)

    with qtbot.waitSignal(panel.article_activated) as blocker:
        click_row(qtbot, panel, 2)
    assert blocker.args == [expected]
    assert not model.index(2, TITLE).data(Qt.ItemDataRole.FontRole)
    assert expected in settings.read_articles(str(controller.project.path))

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

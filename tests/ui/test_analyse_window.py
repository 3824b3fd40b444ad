"""The Analyse window driven as a user would: the menu, ticking tags, clicking cells."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from ui_helpers import open_window

from hnreader.core.coding_analysis.tables import passage_table


@pytest.fixture
def coded(project, tag_ids):  # type: ignore[no-untyped-def]
    """Three tags on article 1, two of them on overlapping passages, one on article 4."""
    text = project.article(1).text
    start = text.index("脱贫攻坚")
    project.annotate(1, start, start + 4, [tag_ids["政策"]], note="<b>首倡</b>")
    project.annotate(1, start + 2, start + 8, [tag_ids["数据"]])
    other = text.index("群众")
    project.annotate(1, other, other + 2, [tag_ids["人物"]])
    text4 = project.article(4).text
    start4 = text4.index("脱贫攻坚")
    project.annotate(4, start4, start4 + 4, [tag_ids["政策"]])
    return project


@pytest.fixture
def window(coded, settings, qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    main = open_window(coded, settings, qtbot, monkeypatch)
    return main


def _tick(qtbot, analyse, tag_id: int) -> None:  # type: ignore[no-untyped-def]
    model = analyse.retrieval.tag_model
    for row in range(model.rowCount()):
        item = model.item(row)
        if item.data(Qt.ItemDataRole.UserRole + 1) == tag_id:
            with qtbot.waitSignal(analyse.result_shown, timeout=5000):
                item.setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(f"tag {tag_id} not listed")


def test_the_analyse_menu_opens_each_tab(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    menus = [a.text() for a in window.menuBar().actions()]
    assert "A&nalyse" in menus
    window.retrieve_action.trigger()
    analyse = window.analyse_window
    assert analyse.isVisible() and analyse.tabs.currentWidget() is analyse.retrieval
    # Nothing ticked: the empty state says what to do.
    assert analyse.retrieval.stack.currentWidget() is analyse.retrieval.hint
    assert "Tick one or more tags" in analyse.retrieval.hint.text()
    with qtbot.waitSignal(analyse.result_shown, timeout=5000):
        window.matrix_action.trigger()
    assert analyse.tabs.currentWidget() is analyse.matrix
    with qtbot.waitSignal(analyse.result_shown, timeout=5000):
        window.cooccurrence_action.trigger()
    assert analyse.tabs.currentWidget() is analyse.cooccurrence


def test_retrieving_and_opening_a_passage_in_the_reader(window, qtbot, tag_ids) -> None:  # type: ignore[no-untyped-def]
    window.retrieve_action.trigger()
    analyse = window.analyse_window
    _tick(qtbot, analyse, tag_ids["政策"])
    model = analyse.retrieval.model
    assert model.rowCount() == 2
    assert {model.row(r).article_id for r in range(2)} == {1, 4}
    note_index = model.index(0, model.NOTE)
    shown = {model.index(r, model.NOTE).data() for r in range(2)}
    assert "<b>首倡</b>" in shown  # a note is plain text, never markup
    assert note_index.isValid()
    assert analyse.retrieval.count.text() == "2 passage(s)"
    row = next(r for r in range(2) if model.row(r).article_id == 1)
    passage = model.row(row)
    rect = analyse.retrieval.table.visualRect(model.index(row, model.PASSAGE))
    viewport = analyse.retrieval.table.viewport()
    # QTest's first synthetic double click only registers as a press: click first.
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.reader.article_id == 1
    assert window.reader.selected_span() == (passage.start, passage.end)
    # Two tags, overlapping: 政策 and 数据 overlap on article 1 only.
    analyse.retrieval.mode.setCurrentIndex(analyse.retrieval.mode.findData("overlap"))
    _tick(qtbot, analyse, tag_ids["数据"])
    assert {model.row(r).article_id for r in range(model.rowCount())} == {1}
    assert model.rowCount() == 2


def test_matrix_cells_count_and_list_their_passages(window, qtbot, tag_ids) -> None:  # type: ignore[no-untyped-def]
    window.matrix_action.trigger()
    analyse = window.analyse_window
    qtbot.waitUntil(lambda: analyse.matrix.result is not None, timeout=5000)
    grid = analyse.matrix.model
    rows = {grid.row_label(r).key: r for r in range(grid.rowCount())}
    columns = {grid.column_label(c).key: c for c in range(grid.columnCount())}
    row = rows[str(tag_ids["政策"])]
    assert grid.value(row, columns["1"]) == 1 and grid.value(row, columns["4"]) == 1
    assert grid.value(row, columns["2"]) == 0
    view = analyse.matrix.view
    rect = view.visualRect(grid.index(row, columns["1"]))
    with qtbot.waitSignal(analyse.result_shown, timeout=5000):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert analyse.tabs.currentWidget() is analyse.retrieval
    assert analyse.retrieval.model.rowCount() == 1
    assert analyse.retrieval.all_articles.isVisible()
    with qtbot.waitSignal(analyse.result_shown, timeout=5000):
        analyse.retrieval.all_articles.click()
    assert analyse.retrieval.model.rowCount() == 2
    # Group by month: articles without a year (5月24日) go to "(no date)", last.
    analyse.tabs.setCurrentWidget(analyse.matrix)
    with qtbot.waitSignal(analyse.result_shown, timeout=5000):
        analyse.matrix.by.setCurrentIndex(analyse.matrix.by.findData("month"))
    labels = [grid.column_label(c).text for c in range(grid.columnCount())]
    dates = [window.project.article(i).date for i in window.project.article_ids()]
    months = sorted({d[:7] for d in dates if len(d) == 10 and d[4] == "-"})
    assert labels == [*months, "(no date)"] and len(months) >= 2


def test_cooccurrence_cell_lists_the_pair(window, qtbot, tag_ids) -> None:  # type: ignore[no-untyped-def]
    window.cooccurrence_action.trigger()
    analyse = window.analyse_window
    qtbot.waitUntil(lambda: analyse.cooccurrence.result is not None, timeout=5000)
    grid = analyse.cooccurrence.model
    keys = {grid.row_label(r).key: r for r in range(grid.rowCount())}
    a, b = keys[str(tag_ids["政策"])], keys[str(tag_ids["数据"])]
    assert grid.value(a, b) == 1 and grid.value(a, a) == 2
    assert "pairs of overlapping passages" in analyse.cooccurrence.explanation.text()
    view = analyse.cooccurrence.view
    with qtbot.waitSignal(analyse.result_shown, timeout=5000):
        qtbot.mouseClick(
            view.viewport(),
            Qt.MouseButton.LeftButton,
            pos=view.visualRect(grid.index(a, b)).center(),
        )
    assert analyse.retrieval.mode_value() == "overlap"
    assert analyse.retrieval.model.rowCount() == 2
    analyse.tabs.setCurrentWidget(analyse.cooccurrence)
    analyse.cooccurrence.measure.setCurrentIndex(1)
    assert grid.index(a, a).data() == "1.00"


def test_a_bad_date_is_explained_and_nothing_runs(window, qtbot, tag_ids) -> None:  # type: ignore[no-untyped-def]
    window.retrieve_action.trigger()
    analyse = window.analyse_window
    analyse.filters.date_from.setText("May")
    analyse.filters.date_from.editingFinished.emit()
    assert "is not a date" in analyse.status.text()
    assert not analyse.is_busy()


def test_export_writes_the_table(window, qtbot, tag_ids, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.retrieve_action.trigger()
    analyse = window.analyse_window
    _tick(qtbot, analyse, tag_ids["政策"])
    target = tmp_path / "passages.csv"
    with qtbot.waitSignal(analyse.result_shown, timeout=5000):
        analyse.export_to(target, passage_table(analyse.retrieval.model.rows()))
    assert len(list(csv.DictReader(target.open(encoding="utf-8-sig")))) == 2
    assert "Wrote 2 row(s)" in analyse.status.text()


def test_models_pass_the_model_tester(window, qtbot, qtmodeltester, tag_ids) -> None:  # type: ignore[no-untyped-def]
    window.retrieve_action.trigger()
    analyse = window.analyse_window
    _tick(qtbot, analyse, tag_ids["政策"])
    qtmodeltester.check(analyse.retrieval.model)
    with qtbot.waitSignal(analyse.result_shown, timeout=5000):
        window.matrix_action.trigger()
    qtmodeltester.check(analyse.matrix.model)


def test_a_new_tag_reaches_the_open_window(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.retrieve_action.trigger()
    analyse = window.analyse_window
    before = analyse.retrieval.tag_model.rowCount()
    # The list view hears of the new row (a model with blocked signals would leave it stale).
    with qtbot.waitSignal(analyse.retrieval.tag_model.rowsInserted, timeout=2000):
        window.controller.run(lambda: window.project.add_tag("新标签"))
    assert analyse.retrieval.tag_model.rowCount() == before + 1
    names = [analyse.retrieval.tag_model.item(r).text() for r in range(before + 1)]
    assert "新标签" in names

"""The Word List, Keyness and Collocates tabs driven as a user would, on the bundled corpus."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from ui_helpers import open_window

from hnreader.core.wordstats.tables import word_table
from hnreader.core.wordstats.wordlist import WordFilters


@pytest.fixture
def window(project, settings, qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    return open_window(project, settings, qtbot, monkeypatch)


def _open(window, qtbot, action):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(_analyse_signal(window), timeout=20000):
        action.trigger()
    return window.analyse_window


def _analyse_signal(window):  # type: ignore[no-untyped-def]
    if window.analyse_window is None:
        window.open_analysis("retrieve")
    return window.analyse_window.result_shown


def _shown_words(model) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.row(r).word for r in range(model.rowCount())]


def test_word_list_tab_lists_the_corpus_words(window, project, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    analyse = _open(window, qtbot, window.word_list_action)
    tab = analyse.word_list
    assert analyse.tabs.currentWidget() is tab
    expected = project.word_list(
        filters=WordFilters(stop_words=project.stop_words(), exclude_dates=True)
    )
    assert _shown_words(tab.model) == [r.word for r in expected.rows]
    assert "的" not in _shown_words(tab.model)  # a shipped stop word
    assert f"{expected.total:,} running words" in tab.summary.text()
    # Clusters of two words
    with qtbot.waitSignal(analyse.result_shown, timeout=20000):
        tab.size.setCurrentIndex(1)
    assert all(" " in w for w in _shown_words(tab.model)[:20])
    # Sorting by range: by value, in the model
    tab.table.sortByColumn(tab.model.RANGE, Qt.SortOrder.DescendingOrder)
    ranges = [
        tab.model.index(r, tab.model.RANGE).data(Qt.ItemDataRole.UserRole + 1)
        for r in range(tab.model.rowCount())
    ]
    assert ranges == sorted(ranges, reverse=True) and len(set(ranges)) > 1
    tab.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # back to the list's order
    assert [tab.model.row(r).rank for r in range(5)] == [1, 2, 3, 4, 5]
    # Export
    table_path = tmp_path / "words.csv"
    with qtbot.waitSignal(analyse.result_shown, timeout=10000):
        analyse.export_to(table_path, word_table([tab.result]))
    rows = list(csv.reader(table_path.open(encoding="utf-8-sig")))
    assert rows[0] == ["n", "rank", "word", "freq", "range", "per_10k"]
    assert len(rows) == len(tab.result.rows) + 1


def test_dates_are_left_out_unless_asked_for(window, project, qtbot) -> None:  # type: ignore[no-untyped-def]
    analyse = _open(window, qtbot, window.word_list_action)
    tab = analyse.word_list
    assert tab.word_filters.dates.isChecked() and tab.word_filters.dates.text() == "Leave out dates"
    hidden = {"年", "月", "日"} & {r.word for r in project.word_list().rows}
    assert hidden  # the corpus has them
    assert not hidden & set(_shown_words(tab.model))
    with qtbot.waitSignal(analyse.result_shown, timeout=20000):
        tab.word_filters.dates.setChecked(False)
    assert hidden <= set(_shown_words(tab.model))


def test_a_word_is_shown_in_context_and_made_a_stop_word(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    analyse = _open(window, qtbot, window.word_list_action)
    tab = analyse.word_list
    first = tab.model.row(0).word
    tab.table.selectionModel().select(
        tab.model.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert tab.context_button.isEnabled()
    tab.context_button.click()
    assert window.search_panel.query_edit.text() == first
    with qtbot.waitSignal(analyse.result_shown, timeout=20000):
        tab.stop_button.click()
    assert first not in _shown_words(tab.model)
    with qtbot.waitSignal(analyse.result_shown, timeout=20000):
        window.controller.undo()
    assert _shown_words(tab.model)[0] == first


def test_keyness_tab_compares_a_subset_with_the_corpus(window, project, qtbot) -> None:  # type: ignore[no-untyped-def]
    analyse = _open(window, qtbot, window.keyness_action)
    tab = analyse.keyness
    assert analyse.tabs.currentWidget() is tab
    tab.a.date_from.setText("2020")
    with qtbot.waitSignal(analyse.result_shown, timeout=20000):
        tab.a.date_from.editingFinished.emit()
    assert tab.result is not None and tab.model.rowCount() > 0
    lls = [tab.model.row(r).log_likelihood for r in range(tab.model.rowCount())]
    assert lls == sorted(lls, reverse=True)
    assert tab.result.articles_b == len(project.article_ids())
    assert "A:" in tab.summary.text()


def test_collocates_tab_and_the_lines_of_a_pair(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.collocates_action.trigger()  # no term yet: nothing runs
    analyse = window.analyse_window
    tab = analyse.collocates
    assert analyse.tabs.currentWidget() is tab and not analyse.is_busy()
    assert "Type a word" in tab.hint.text()
    tab.term.setText("扶贫")
    with qtbot.waitSignal(analyse.result_shown, timeout=20000):
        tab.term.returnPressed.emit()
    assert tab.result is not None and tab.model.rowCount() > 0
    first = tab.model.row(0)
    with qtbot.waitSignal(analyse.result_shown, timeout=20000):
        tab.table.clicked.emit(tab.model.index(0, 0))
    lines = tab.lines_model.rows()
    assert len(lines) >= first.together
    assert all("扶贫" in line.hit and first.word in line.hit for line in lines)
    with qtbot.waitSignal(analyse.passage_activated, timeout=5000):
        tab.lines.doubleClicked.emit(tab.lines_model.index(0, 0))


def test_the_models_pass_qtmodeltester(window, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    analyse = _open(window, qtbot, window.word_list_action)
    qtmodeltester.check(analyse.word_list.model)
    analyse.show_tab("keyness")
    analyse.keyness.a.date_from.setText("2020")
    with qtbot.waitSignal(analyse.result_shown, timeout=20000):
        analyse.keyness.a.date_from.editingFinished.emit()
    qtmodeltester.check(analyse.keyness.model)
    analyse.show_tab("collocates")
    analyse.collocates.term.setText("扶贫")
    with qtbot.waitSignal(analyse.result_shown, timeout=20000):
        analyse.collocates.term.returnPressed.emit()
    with qtbot.waitSignal(analyse.result_shown, timeout=20000):
        analyse.collocates.table.clicked.emit(analyse.collocates.model.index(0, 0))
    qtmodeltester.check(analyse.collocates.model)
    qtmodeltester.check(analyse.collocates.lines_model)

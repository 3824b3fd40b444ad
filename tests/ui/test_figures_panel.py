"""The figures panel: one article or the whole corpus, kind filter, sorting, tagging."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt

from hnreader.ui.figures.figure_table_model import (
    COLUMN_ARTICLE,
    COLUMN_KIND,
    COLUMN_TAGS,
    COLUMN_TEXT,
    COLUMN_UNIT,
    COLUMN_VALUE,
    SORT_ROLE,
    FigureRow,
    FigureTableModel,
)
from hnreader.ui.figures.figures_panel import FiguresPanel


@pytest.fixture
def article_id(project) -> int:
    return next(i for i in project.store.article_ids() if "747万" in project.store.article(i).text)


@pytest.fixture
def panel(controller, settings, qtbot, article_id) -> FiguresPanel:
    widget = FiguresPanel(controller, settings)
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_article(article_id)
    return widget


def visible_rows(panel: FiguresPanel, column: int, role=Qt.ItemDataRole.DisplayRole) -> list:
    return [panel.proxy.index(r, column).data(role) for r in range(panel.proxy.rowCount())]


def test_models_pass_modeltester(qtmodeltester, project) -> None:
    model = FigureTableModel()
    model.set_rows([FigureRow(a, f, "title") for a, f in project.store.figures()])
    qtmodeltester.check(model, force_py=True)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(COLUMN_VALUE)
    qtmodeltester.check(proxy, force_py=True)


def test_lists_the_article_figures_with_normalised_values(panel, project, article_id) -> None:
    figures = [f for _, f in project.store.figures(article_id)]
    assert panel.proxy.rowCount() == len(figures)
    assert panel.view.isColumnHidden(COLUMN_ARTICLE)
    texts = visible_rows(panel, COLUMN_TEXT)
    row = texts.index("747万")
    assert panel.proxy.index(row, COLUMN_VALUE).data() == "7,470,000"
    assert panel.proxy.index(row, COLUMN_UNIT).data() == next(
        f.unit for f in figures if f.text == "747万"
    )


def test_kind_filter(panel, project, article_id) -> None:
    kinds = {f.kind for _, f in project.store.figures(article_id)}
    assert "percent" in kinds
    panel.set_kind_filter("percent")
    assert panel.proxy.rowCount() == sum(
        1 for _, f in project.store.figures(article_id) if f.kind == "percent"
    )
    assert set(visible_rows(panel, COLUMN_KIND)) == {"percent"}
    assert " of " in panel.count_label.text()
    panel.set_kind_filter("")
    assert panel.proxy.rowCount() == len(project.store.figures(article_id))


def test_corpus_mode_sorts(panel, project, qtbot) -> None:
    qtbot.mouseClick(panel.corpus_check, Qt.MouseButton.LeftButton)
    assert panel.corpus_mode
    assert panel.proxy.rowCount() == len(project.store.figures())
    assert not panel.view.isColumnHidden(COLUMN_ARTICLE)
    panel.view.sortByColumn(COLUMN_VALUE, Qt.SortOrder.DescendingOrder)
    values = visible_rows(panel, COLUMN_VALUE, SORT_ROLE)
    assert values == sorted(values, reverse=True)
    numbers = [f.value for _, f in project.store.figures() if isinstance(f.value, float)]
    assert values[0] == max(numbers)  # ISO dates sort among themselves, below large sums
    panel.view.sortByColumn(COLUMN_KIND, Qt.SortOrder.AscendingOrder)
    kinds = visible_rows(panel, COLUMN_KIND)
    assert kinds == sorted(kinds)
    panel.view.sortByColumn(COLUMN_ARTICLE, Qt.SortOrder.AscendingOrder)
    keys = visible_rows(panel, COLUMN_ARTICLE, SORT_ROLE)
    assert keys == sorted(keys)
    titles = set(visible_rows(panel, COLUMN_ARTICLE))
    assert len(titles) > 1


def test_tag_selected_figure(panel, project, article_id, tag_ids) -> None:
    assert not panel.tag_button.isEnabled()
    figure = next(f for _, f in project.store.figures(article_id) if f.text == "747万")
    assert panel.select_figure(article_id, figure.start, figure.end)
    assert panel.tag_button.isEnabled()
    assert panel.tag_selected_figure(tag_ids["数据"])
    [annotation] = project.store.annotations(article_id=article_id)
    assert annotation.kind == "figure"
    assert (annotation.start, annotation.end) == (figure.start, figure.end)
    assert annotation.figure_value == figure.value
    row = visible_rows(panel, COLUMN_TEXT).index("747万")
    assert panel.proxy.index(row, COLUMN_TAGS).data() == "数据"
    assert panel.selected_figure() == (article_id, figure)  # selection kept across refresh


def test_activation_emits_the_span(panel, project, article_id, qtbot) -> None:
    rect = panel.view.visualRect(panel.proxy.index(0, COLUMN_TEXT))
    first = project.store.figures(article_id)[0][1]
    with qtbot.waitSignal(panel.figure_activated) as activated:
        # QTest's first synthetic double click only registers as a press: click first.
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert activated.args == [article_id, first.start, first.end]


def test_values_show_iso_dates_ranges_and_approximations(panel, project, qtbot) -> None:
    qtbot.mouseClick(panel.corpus_check, Qt.MouseButton.LeftButton)
    shown = dict(
        zip(visible_rows(panel, COLUMN_TEXT), visible_rows(panel, COLUMN_VALUE), strict=True)
    )
    assert shown["2012年至2019年"] == "2012–2019"
    assert shown["747万"] == "7,470,000"
    dates = [v for t, v in shown.items() if t.endswith("日") and "年" in t]
    assert dates and all(len(v) == 10 and v[4] == "-" for v in dates)  # 2019-12-02
    approximate = [v for t, v in shown.items() if t.startswith(("约", "近", "超过"))]
    assert approximate and all(v.startswith("≈") for v in approximate)

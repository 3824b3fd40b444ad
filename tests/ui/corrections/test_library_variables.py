"""The library by document variable: a column per chosen variable, sorting by it, and a
filter on one variable's value (issue 13, item 4)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from hnreader.ui.library.article_table_model import ArticleTableModel
from hnreader.ui.library.library_panel import LibraryPanel


def _panel(qtbot, controller, settings) -> LibraryPanel:  # type: ignore[no-untyped-def]
    panel = LibraryPanel(controller, settings)
    qtbot.addWidget(panel)
    panel.resize(700, 500)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _column(panel: LibraryPanel, column: int) -> list[str]:
    model = panel.table.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_a_variable_column_sorts_and_its_value_filters(qtbot, controller, settings) -> None:
    project = controller.project
    ids = project.store.article_ids()
    assert len(ids) >= 4
    for article_id, region, words in zip(
        ids[:4], ("衡阳", "长沙", "衡阳", "株洲"), ("900", "80", "1200", "15"), strict=True
    ):
        project.set_variable([article_id], "region", region)
        project.set_variable([article_id], "words", words)
    panel = _panel(qtbot, controller, settings)
    bar = panel.variable_bar
    assert bar.isVisible()
    assert panel.model.columnCount() == ArticleTableModel.COLUMN_COUNT  # none chosen yet
    words_action = next(a for a in bar.columns_menu.actions() if a.data() == "words")
    words_action.setChecked(True)
    column = ArticleTableModel.COLUMN_COUNT
    assert (
        panel.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        == "words"
    )
    panel.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    shown = [v for v in _column(panel, column) if v]
    assert shown == ["15", "80", "900", "1200"]  # numbers sort as numbers
    assert _column(panel, column)[4:] == [""] * (panel.model.rowCount() - 4)  # none: last
    bar.variable.setCurrentIndex(bar.variable.findData("region"))
    bar.value.setCurrentIndex(bar.value.findData("衡阳"))
    assert panel.model.rowCount() == 2
    assert sorted(_column(panel, column)) == ["1200", "900"]
    assert panel.count_label.text().startswith("2 of")
    bar.value.setCurrentIndex(0)  # all values
    assert panel.model.rowCount() == len(ids)

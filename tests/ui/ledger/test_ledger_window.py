"""The Statistics Ledger window driven for real: built in the background, conflicts shown,
decisions made with the buttons and undone, a value opened, the table exported."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from hnreader.core.project import Project
from hnreader.ui.ledger.ledger_models import LedgerEntryModel, LedgerValueModel
from hnreader.ui.ledger.ledger_window import LedgerWindow

PLANTED = (
    "湖南脱贫攻坚新闻发布会\n\n"
    "2020年5月25日，湖南省扶贫办发布数据。2012年至2019年，全省共减少贫困人口767万。\n"
)
KEY = ("贫困人口", "减少", "湖南", "2012–2019")


@pytest.fixture
def window(controller, qtbot, project: Project, tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "planted.txt").write_text(PLANTED, encoding="utf-8")
    assert project.import_paths([tmp_path / "planted.txt"]).added_articles == 1
    window = LedgerWindow(controller)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ledger_shown, timeout=60_000):
        window.show_ledger()
    return window


def _cell(model, row: int, column: int) -> str:  # type: ignore[no-untyped-def]
    return model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)


def test_entries_show_the_hunan_rate_and_a_conflict(window: LedgerWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(window.entry_model)
    rows = {
        (e.indicator, e.measure, e.place, e.period): r
        for r, e in enumerate(window.entry_model.rows())
    }
    rate = rows[("贫困发生率", "", "湖南", "2012–2019")]
    assert _cell(window.entry_model, rate, LedgerEntryModel.STATED) == "13.43% → 0.36%"
    conflict = rows[KEY]
    assert _cell(window.entry_model, conflict, LedgerEntryModel.STATUS) == "⚠ Conflict"
    assert "1 in conflict" in window.summary.text()
    window.conflicts_box.setChecked(True)
    assert [e.key for e in window.entry_model.rows()] == [KEY]
    window.conflicts_box.setChecked(False)
    window.filter_edit.setText("雁峰区")
    assert {e.place for e in window.entry_model.rows()} == {"雁峰区"}


def test_mark_correct_confirm_and_undo(
    window: LedgerWindow, controller, qtbot, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    assert window.select_entry(KEY)
    qtmodeltester.check(window.value_model)
    texts = [_cell(window.value_model, r, LedgerValueModel.VALUE) for r in range(2)]
    assert sorted(texts) == ["747万", "767万"]
    marks = [_cell(window.value_model, r, LedgerValueModel.MARK) for r in range(2)]
    assert sorted(marks) == ["⚠ A", "⚠ B"]
    row = texts.index("747万")
    window.values.selectRow(row)
    assert "【747万】" in _cell(window.value_model, row, LedgerValueModel.SENTENCE)
    qtbot.mouseClick(window.correct_button, Qt.MouseButton.LeftButton)
    assert window.current_entry() is not None and window.current_entry().status == "resolved"
    assert _cell(window.value_model, row, LedgerValueModel.MARK) == "✓"
    assert window.correct_button.text() == "Clear Mark"
    qtbot.mouseClick(window.confirm_button, Qt.MouseButton.LeftButton)
    assert window.current_entry().confirmed and window.confirm_button.text() == "Unconfirm"
    controller.undo()
    controller.undo()
    assert window.current_entry().status == "conflict"


def test_double_click_opens_the_value(window: LedgerWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.select_entry(("贫困发生率", "", "湖南", "2012–2019"))
    value = window.value_model.row(0)
    index = window.value_model.index(0, LedgerValueModel.VALUE)
    with qtbot.waitSignal(window.value_activated) as opened:
        window.values.doubleClicked.emit(index)
    assert opened.args == [value.article_id, value.start, value.end]
    text = window.project.article(value.article_id).text
    assert text[value.start : value.end] == "13.43%降至0.36%"


def test_merge_and_add_to_dictionary(window: LedgerWindow, controller, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import hnreader.ui.ledger.ledger_window as ledger_window

    window.select_entry(("脱贫人口", "", "湖南", "2020"))
    offered: list[list[str]] = []

    def ask(_parent, _title, label, names):  # type: ignore[no-untyped-def]
        assert "“脱贫人口”" in label
        offered.append(names)
        return "贫困人口", True

    monkeypatch.setattr(ledger_window, "ask_indicator", ask)
    window.merge_button.click()
    assert "贫困人口" in offered[0] and "脱贫人口" not in offered[0]
    assert window.select_entry(("贫困人口", "", "湖南", "2020"))
    assert sorted(v.text for v in window.current_entry().values) == ["218万", "80多万"]
    controller.undo()
    assert window.select_entry(("脱贫人口", "", "湖南", "2020"))
    window.guessed_box.setChecked(True)
    guessed = next(e for e in window.entry_model.rows() if e.guessed)
    window.select_entry(guessed.key)
    assert window.add_name_button.isEnabled()
    with_name = guessed.indicator
    window.add_name_button.click()
    assert with_name in {n for n, _, _ in window.project.project_indicator_names()}


def test_tag_figures_and_export(
    window: LedgerWindow, monkeypatch, qtbot, tmp_path: Path, tag_ids
) -> None:  # type: ignore[no-untyped-def]
    from hnreader.ui.codebook.tag_picker import TagPicker

    window.select_entry(KEY)
    monkeypatch.setattr(TagPicker, "pick", staticmethod(lambda *a, **k: tag_ids["数据"]))
    window.tag_button.click()
    quotes = sorted(a.quote for a in window.project.annotations(tag_ids=[tag_ids["数据"]]))
    assert quotes == ["747万", "767万"]
    window.conflicts_box.setChecked(True)
    target = tmp_path / "ledger.csv"
    with qtbot.waitSignal(window.ledger_shown, timeout=30_000):
        window.export_to(target)
    assert "Wrote 2 value(s)" in window.status.text()
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(r["value_text"] for r in rows) == ["747万", "767万"]


def test_indicator_names_dialog_adds_and_removes_a_name(
    window: LedgerWindow, controller, monkeypatch, qtbot
) -> None:  # type: ignore[no-untyped-def]
    import hnreader.ui.ledger.indicator_names_dialog as names_module
    from hnreader.ui.ledger.indicator_names_dialog import IndicatorNamesDialog

    answers = iter([("督查组", True), ("督查组", True)])
    monkeypatch.setattr(names_module, "ask_text", lambda *a, **k: next(answers))
    dialog = IndicatorNamesDialog(controller, window)
    qtbot.addWidget(dialog)
    assert dialog.model.stringList() == []
    with qtbot.waitSignal(window.ledger_shown, timeout=60_000):
        dialog.add_button.click()  # a new name: the ledger reads every figure again
    assert dialog.model.stringList() == ["督查组"]
    assert window.select_entry(("督查组", "", "湖南", "2017"))
    assert [v.text for v in window.current_entry().values] == ["49个"]
    dialog.list_view.setCurrentIndex(dialog.model.index(0))
    with qtbot.waitSignal(window.ledger_shown, timeout=60_000):
        dialog.remove_button.click()
    assert dialog.model.stringList() == []
    assert not window.select_entry(("督查组", "", "湖南", "2017"))

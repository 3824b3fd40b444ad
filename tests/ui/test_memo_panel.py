"""The Memos dock: real widgets; new, edit, delete, search, double-click opens the article."""

from __future__ import annotations

from hnreader.ui.team.memo_panel import MemoDialog, MemoPanel


def test_memos_are_written_listed_searched_and_deleted(qtbot, controller, monkeypatch) -> None:
    panel = MemoPanel(controller)
    qtbot.addWidget(panel)
    assert panel.model.rowCount() == 0 and not panel.empty_label.isHidden()
    assert not panel.new_article_button.isEnabled()  # no article shown yet
    panel.set_article(1)
    texts = iter(["首倡地的说法出现在第二段", "第一轮编码完成"])

    def write(dialog: MemoDialog) -> int:
        dialog.editor.setPlainText(next(texts))
        return 1

    monkeypatch.setattr(MemoDialog, "exec", write)
    panel.new_article_button.click()
    panel.new_journal_button.click()
    assert [panel.model.index(r, 3).data() for r in range(2)] == [
        "第一轮编码完成",
        "首倡地的说法出现在第二段",
    ]
    assert panel.model.index(1, 2).data() == controller.project.article(1).title
    panel.filter_edit.setText("首倡")
    assert panel.model.rowCount() == 1
    panel.filter_edit.clear()
    panel.scope_box.setCurrentIndex(panel.scope_box.findData("journal"))
    assert [m.kind for m in panel.model.memos] == ["journal"]
    panel.view.selectRow(0)
    monkeypatch.setattr(
        MemoDialog, "exec", lambda dialog: (dialog.editor.setPlainText("第一轮完成"), 1)[1]
    )
    panel.edit_button.click()
    assert panel.model.memos[0].text == "第一轮完成"
    panel.view.selectRow(0)
    panel.delete_button.click()
    assert panel.model.rowCount() == 0
    controller.undo()  # the memo comes back, and the list follows
    assert [m.text for m in panel.model.memos] == ["第一轮完成"]


def test_double_clicking_an_article_memo_opens_its_article(qtbot, controller) -> None:
    controller.project.add_memo("article", "关于第二篇", article_id=2)
    panel = MemoPanel(controller)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.article_activated) as opened:
        panel._double_clicked(panel.model.index(0, 0))
    assert opened.args == [2]


def test_the_memos_listed_are_exported_by_file_type(
    qtbot, controller, monkeypatch, tmp_path
) -> None:
    import csv

    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    controller.project.add_memo("article", "关于第二篇", article_id=2)
    controller.project.add_memo("journal", "=SUM(A1) 第一轮")
    panel = MemoPanel(controller)
    qtbot.addWidget(panel)
    assert panel.export_button.isEnabled()
    panel.filter_edit.setText("第一轮")  # what is listed is what is written
    chosen = iter(
        [
            (str(tmp_path / "memos"), "Excel workbook (*.xlsx)"),
            (str(tmp_path / "memos"), "CSV (*.csv)"),
        ]
    )
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: next(chosen))
    panel.export_button.click()
    sheet = load_workbook(tmp_path / "memos.xlsx").active
    assert sheet is not None and sheet.freeze_panes == "A2"
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Memo" and rows[0][7] == "Written (UTC)" and len(rows) == 2
    assert rows[1][5] == "'=SUM(A1) 第一轮" and isinstance(rows[1][0], int)
    assert rows[1][7] is not None and rows[1][7].year >= 2024  # a date cell
    panel.filter_edit.clear()
    panel.export_button.click()
    with (tmp_path / "memos.csv").open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert {r["Text"] for r in table} == {"关于第二篇", "'=SUM(A1) 第一轮"}
    article = next(r for r in table if r["Kind"] == "article")
    assert (
        article["Article"] == "2"
        and article["Article title"] == controller.project.article(2).title
    )
    panel.resize(760, 320)

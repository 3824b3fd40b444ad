"""The Trends tab driven as a user would: the menu, typing terms, clicking a dispersion tick,
exporting the chart and its data."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QThreadPool
from PySide6.QtWidgets import QApplication
from ui_helpers import open_window, type_text


def _open_trends(window, qtbot):  # type: ignore[no-untyped-def]
    window.trends_action.trigger()
    analyse = window.analyse_window
    assert analyse.isVisible() and analyse.tabs.currentWidget() is analyse.trends
    return analyse


def _draw(analyse, qtbot, terms: str) -> None:  # type: ignore[no-untyped-def]
    tab = analyse.trends
    tab.terms.clear()
    type_text(qtbot, tab.terms, terms)
    with qtbot.waitSignal(analyse.result_shown, timeout=20000):
        qtbot.keyClick(tab.terms, Qt.Key.Key_Return)


def test_a_term_trend_is_drawn_counted_and_exported(
    project, settings, qtbot, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(project, settings, qtbot, monkeypatch)
    analyse = _open_trends(window, qtbot)
    tab = analyse.trends
    assert "Type one or more search terms" in tab.hint.text()  # nothing typed yet
    _draw(analyse, qtbot, "精准扶贫, 脱贫攻坚")
    assert tab.stack.currentWidget() is tab.chart
    request, trend = tab.result
    assert request.terms == ("精准扶贫", "脱贫攻坚")
    expected = project.term_trend(["精准扶贫", "脱贫攻坚"], "month")
    assert trend == expected
    assert f"精准扶贫: {expected.series[0].total:,} hit(s)" in tab.summary.text()
    # Most bundled articles give a month and day but no year: counted apart, and said so.
    assert expected.undated_articles > 0
    notes = [t.get_text() for t in tab.chart.figure.texts]
    assert any(
        n.startswith(f"Not charted: {expected.undated_articles} article(s) without a date")
        for n in notes
    ), notes
    axes = tab.chart.figure.axes[0]
    assert axes.get_title(loc="left") == "“精准扶贫”, “脱贫攻坚”: hits per month"
    assert [t.get_text() for t in axes.get_legend().get_texts()] == ["精准扶贫", "脱贫攻坚"]
    assert axes.get_xlabel() == "Month"

    tab.measure.setCurrentIndex(tab.measure.findData(10_000))  # redrawn, not recomputed
    assert tab.chart.figure.axes[0].get_ylabel() == "Hits per 10,000 characters"
    png, svg = tmp_path / "trend.png", tmp_path / "trend.svg"
    tab.export_chart_to(png)
    tab.export_chart_to(svg)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "精准扶贫" in svg.read_text(encoding="utf-8")
    data = tmp_path / "trend.csv"
    with qtbot.waitSignal(analyse.result_shown, timeout=5000):
        analyse.export_to(data, tab.table())
    with data.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:4] == ["period", "articles", "characters", "精准扶贫"]
    assert rows[-1][0] == "(no date)"
    assert int(rows[-1][3]) == expected.series[0].undated


def test_clicking_a_dispersion_tick_opens_the_article_at_the_hit(
    project, settings, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(project, settings, qtbot, monkeypatch)
    analyse = _open_trends(window, qtbot)
    tab = analyse.trends
    tab.terms.setText("精准扶贫")
    with qtbot.waitSignal(analyse.result_shown, timeout=20000):
        tab.kind.setCurrentIndex(tab.kind.findData("dispersion"))
    _, dispersion = tab.result
    row = dispersion.rows[0]
    assert row.positions, "the bundled corpus has dated hits of 精准扶贫"
    article_id, start, end = row.hits[-1]
    x, y = tab.chart.tick_position(0, len(row.positions) - 1)
    with qtbot.waitSignal(analyse.passage_activated, timeout=5000) as signal:
        qtbot.mouseClick(
            tab.chart.canvas, Qt.MouseButton.LeftButton, pos=QPoint(round(x), round(y))
        )
    assert signal.args == [article_id, start, end]
    assert window.reader.article_id == article_id
    assert project.article(article_id).text[start:end] == "精准扶贫"


def test_passages_per_tag_by_coder(project, settings, qtbot, monkeypatch, tag_ids) -> None:  # type: ignore[no-untyped-def]
    text = project.article(1).text
    project.annotate(1, 0, 2, [tag_ids["政策"]])
    project.coder = "bob"
    project.annotate(1, 3, 5, [tag_ids["政策"]])
    project.annotate(1, 6, 8, [tag_ids["数据"]])
    assert len(text) > 8
    window = open_window(project, settings, qtbot, monkeypatch)
    analyse = _open_trends(window, qtbot)
    tab = analyse.trends
    with qtbot.waitSignal(analyse.result_shown, timeout=20000):
        tab.kind.setCurrentIndex(tab.kind.findData("tags"))
    with qtbot.waitSignal(analyse.result_shown, timeout=20000):
        tab.by_coder.setChecked(True)
    _, result = tab.result
    counts = dict(zip([t.name for t in result.tags], result.counts, strict=True))
    assert result.coders == ("bob", "tester")
    assert counts["政策"] == (1, 1) and counts["数据"] == (1, 0) and counts["人物"] == (0, 0)
    axes = tab.chart.figure.axes[0]
    assert [t.get_text() for t in axes.get_legend().get_texts()] == ["bob", "tester"]
    assert tab.summary.text() == "3 passage(s) in all"


def test_a_tag_trend_by_quarter(project, settings, qtbot, monkeypatch, tag_ids) -> None:  # type: ignore[no-untyped-def]
    dated = next(i for i in project.article_ids() if project.article(i).date.startswith("2020-"))
    project.annotate(dated, 0, 2, [tag_ids["政策"]])
    project.annotate(dated, 3, 5, [tag_ids["政策"]])
    undated = next(i for i in project.article_ids() if not project.article(i).date)
    project.annotate(undated, 0, 2, [tag_ids["政策"]])
    window = open_window(project, settings, qtbot, monkeypatch)
    analyse = _open_trends(window, qtbot)
    tab = analyse.trends
    tab.source.setCurrentIndex(tab.source.findData("tags"))
    assert "Tick one or more tags" in tab.hint.text()
    assert not tab.terms.isVisible() and tab.tag_list.isVisible()
    tab.period.setCurrentIndex(tab.period.findData("quarter"))
    item = next(
        tab.tag_model.item(r)
        for r in range(tab.tag_model.rowCount())
        if tab.tag_model.item(r).text() == "政策"
    )
    with qtbot.waitSignal(analyse.result_shown, timeout=20000):
        item.setCheckState(Qt.CheckState.Checked)
    _, trend = tab.result
    quarter = (
        f"{project.article(dated).date[:4]}-Q{(int(project.article(dated).date[5:7]) + 2) // 3}"
    )
    assert dict(zip(trend.periods, trend.series[0].counts, strict=True))[quarter] == 2
    assert trend.series[0].undated == 1
    axes = tab.chart.figure.axes[0]
    assert axes.get_title(loc="left") == "“政策”: passages per quarter"
    assert axes.get_ylabel() == "Passages" and axes.get_xlabel() == "Quarter"
    assert tab.summary.text() == "政策: 3 passage(s)"


def test_cancel_stops_a_chart_and_nothing_stale_is_shown(
    project, settings, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(project, settings, qtbot, monkeypatch)
    analyse = _open_trends(window, qtbot)
    tab = analyse.trends
    tab.terms.setText("精准扶贫")
    shown: list[object] = []
    analyse.result_shown.connect(lambda: shown.append(tab.result))
    tab.draw_button.click()
    assert analyse.is_busy() and analyse.cancel_button.isVisible()
    assert analyse.status.text() == "Counting for the chart…"
    qtbot.mouseClick(analyse.cancel_button, Qt.MouseButton.LeftButton)
    assert not analyse.is_busy() and not analyse.cancel_button.isVisible()
    # The cancelled worker ends (its signals are delivered): its result is not shown.
    assert QThreadPool.globalInstance().waitForDone(10_000)
    QApplication.processEvents()
    assert shown == [] and tab.result is None
    _draw(analyse, qtbot, "精准扶贫")  # and the next one runs
    assert tab.result is not None and tab.result[0].terms == ("精准扶贫",)

"""Charts drawn headless (no Qt) and exported as PNG and SVG with their Chinese text; the
`trend` and `chart` commands."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from hnreader.cli import main
from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.project import Project

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def run(trend_project_file: Path, tmp_path: Path, monkeypatch, capsys, shared_segmenter: Segmenter):  # type: ignore[no-untyped-def]
    import hnreader.core.project as project_module

    monkeypatch.setattr(project_module, "Segmenter", lambda **_: shared_segmenter)
    path = tmp_path / "cli.sqlite"
    shutil.copyfile(trend_project_file, path)

    def call(*args: str) -> tuple[int, str, str]:
        code = main(["--project", str(path), *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return call


def _svg_texts(path: Path) -> list[str]:
    root = ET.parse(path).getroot()  # parses: a valid XML document
    return ["".join(e.itertext()) for e in root.iter("{http://www.w3.org/2000/svg}text")]


def test_charts_export_png_and_svg_with_the_cjk_text(
    trend_project: Project, tmp_path: Path
) -> None:
    from hnreader.charts import drawing, fonts

    assert fonts.cjk_font() == "Noto Sans CJK SC"  # installed here; the first choice
    words = drawing.ChartWords("“精准扶贫”每月出现次数", "月份", "次数", note="未计入：无日期 2 篇")
    odd = trend_project.term_trend(["精准扶贫", "_下划线", "$x$"], "month")
    quarters = trend_project.term_trend(["精准扶贫"], "quarter")
    spread = trend_project.term_dispersion(["精准扶贫", "𠮷"])
    coded = trend_project.tag_frequencies(by_coder=True)
    for name, draw in (
        ("trend", lambda f: drawing.draw_trend(f, odd, words, per=10_000)),
        ("bars", lambda f: drawing.draw_trend(f, quarters, words, style="bar")),
        ("dispersion", lambda f: drawing.draw_dispersion(f, spread, words)),
        ("tags", lambda f: drawing.draw_tag_frequencies(f, coded, words, ["amy", "bob"])),
    ):
        figure = drawing.new_figure()
        draw(figure)
        png, svg = tmp_path / f"{name}.png", tmp_path / f"{name}.svg"
        drawing.save_chart(figure, png)
        drawing.save_chart(figure, svg)
        assert png.read_bytes()[:8] == PNG and png.stat().st_size > 10_000
        texts = _svg_texts(svg)
        assert "“精准扶贫”每月出现次数" in texts, name  # text kept as text
        assert "未计入：无日期 2 篇" in texts and "月份" in texts
        if name == "trend":
            assert "$x$" in texts  # data is never mathtext
            assert any(t.endswith("_下划线") for t in texts)  # nor hidden from the legend
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        drawing.save_chart(drawing.new_figure(), tmp_path / "chart.pdf")


def test_the_charts_import_no_qt() -> None:
    code = (
        "import sys; import hnreader.charts.drawing as d; f = d.new_figure(); "
        "import hnreader.core.project; "
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))], 'Qt'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_trend_command_json_and_text(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("trend", "精准扶贫", "𠮷", "--by", "year", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["periods"] == ["2019", "2020"]
    first, second = data["series"]
    assert first["label"] == "精准扶贫" and first["counts"] == [5, 5] and first["undated"] == 2
    assert second["counts"] == [2, 1] and second["total"] == 3
    assert data["undated_articles"] == 1
    code, out, _ = run("trend", "精准扶贫", "--by", "quarter", "--per", "10000")
    assert code == 0
    assert "精准扶贫 per 10,000 chars" in out.splitlines()[0]
    assert "2 article(s) without a date fine enough for a quarter are counted apart" in out
    code, out, _ = run("trend", "--tag", "政策", "--by", "year", "--json")
    assert json.loads(out)["series"][0]["counts"] == [2, 2]


def test_trend_command_csv_and_xlsx(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    csv_path, xlsx_path = tmp_path / "t.csv", tmp_path / "t.xlsx"
    code, out, _ = run(
        "trend", "精准扶贫", "--by", "year", "--csv", str(csv_path), "--xlsx", str(xlsx_path)
    )
    assert code == 0 and "Wrote 3 rows" in out
    lines = csv_path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("period,articles,characters,精准扶贫")
    assert lines[-1].startswith("(no date),1,")
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx_path).active
    assert sheet.cell(2, 4).value == 5  # a number, not text


def test_chart_commands_write_files(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    svg = tmp_path / "trend.svg"
    code, out, _ = run(
        "chart", "trend", "精准扶贫", "--by", "month", "--per", "10000", "--out", str(svg)
    )
    assert code == 0 and str(svg) in out
    texts = _svg_texts(svg)
    assert "精准扶贫: hits per 10,000 characters by month" in texts
    png = tmp_path / "dispersion.png"
    assert run("chart", "dispersion", "精准扶贫", "--out", str(png))[0] == 0
    assert png.read_bytes()[:8] == PNG
    data = tmp_path / "dispersion.csv"
    code, out, _ = run("chart", "dispersion", "精准扶贫", "--out", str(png), "--csv", str(data))
    # 12 hits, 2 in the undated article (not laid out): the 10 others, one row each
    assert code == 0 and f"Wrote 10 rows to {data}" in out
    lines = data.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "term,article_id,article_date,start,end,corpus_position"
    assert len(lines) == 1 + 10
    code, _, err = run("chart", "dispersion", "精准扶贫", "--tag", "政策", "--out", str(png))
    assert code != 0 and "--tag is for" in err
    tags = tmp_path / "tags.svg"
    assert run("chart", "tags", "--by-coder", "--title", "标签频次", "--out", str(tags))[0] == 0
    assert "标签频次" in _svg_texts(tags)


def test_bad_input_gets_a_message_and_writes_nothing(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = tmp_path / "chart.pdf"
    code, _, err = run("chart", "trend", "精准扶贫", "--out", str(pdf))
    assert code != 0 and ".png or .svg" in err and not pdf.exists()
    code, _, err = run("trend")
    assert code != 0 and "give search terms or --tag NAME" in err
    code, _, err = run("trend", "精准扶贫", "--tag", "政策")
    assert code != 0 and "not both" in err
    code, _, err = run("trend", "精准扶贫", "--per", "0")
    assert code != 0 and "positive" in err
    code, _, err = run("trend", "精准扶贫", "--from", "2019-1")
    assert code != 0 and "not a date bound" in err
    code, _, err = run("trend", "--tag", "没有这个标签")
    assert code != 0 and "Traceback" not in err


def test_a_dense_dispersion_plot_draws_one_tick_per_column() -> None:
    from hnreader.charts.drawing import TICK_COLUMNS, _tick_places

    few = [5, 90, 91]
    assert _tick_places(few, 100) == few  # each hit where it is
    many = list(range(0, 1_000_000, 7))  # 142,858 hits
    places = _tick_places(many, 1_000_000)
    assert len(places) == TICK_COLUMNS  # every column holds a hit
    assert places[0] == 0.5 * 1_000_000 / TICK_COLUMNS
    sparse = [*range(0, 10_000, 1), 999_999]  # dense at the start, one at the end
    assert _tick_places(sparse, 1_000_000)[-1] > 999_000

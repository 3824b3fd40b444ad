"""`hnreader --self-test`: prove an installed or frozen app works, headless, in a temp folder."""

from __future__ import annotations

import csv
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path


def _check(name: str, step: Callable[[], str]) -> bool:
    started = time.perf_counter()
    try:
        detail = step()
    except Exception:
        print(f"FAIL {name}\n{traceback.format_exc()}", flush=True)
        return False
    print(f"ok   {name} ({time.perf_counter() - started:.2f} s) {detail}", flush=True)
    return True


def run_self_test() -> int:
    with tempfile.TemporaryDirectory(prefix="hnreader-self-test-") as home:
        os.environ["HNREADER_HOME"] = home
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return _run(Path(home))


def _run(home: Path) -> int:
    from hnreader import paths
    from hnreader.core.export.rows import ANNOTATION_COLUMNS
    from hnreader.core.project import Project

    state: dict[str, object] = {}
    project = Project.open(home / "self-test.sqlite", coder="self-test")

    def import_corpus() -> str:
        report = project.import_paths([paths.bundled_corpus_dir()])
        if report.added_articles < 5 or report.skipped:
            raise AssertionError(f"import gave {report}")
        return f"{report.added_articles} articles from {len(report.added_files)} files"

    def import_in_worker_processes() -> str:
        # What a large import does: split and analyse in spawned worker processes (in a
        # frozen app these re-run the executable, which must hand them to multiprocessing).
        pooled = Project.open(home / "self-test-pooled.sqlite")
        try:
            report = pooled.import_paths([paths.bundled_corpus_dir()], workers=2)
            alone = project.article_texts(project.article_ids())
            texts = pooled.article_texts(pooled.article_ids())
        finally:
            pooled.close()
        if report.skipped or sorted(texts.values()) != sorted(alone.values()):
            raise AssertionError(f"worker processes gave {report}")
        return f"{report.added_articles} articles, same as one process"

    def segment_and_search() -> str:
        words = project.segmenter.cut("湖南脱贫攻坚成果")
        result = project.search("扶贫")
        if "脱贫攻坚" not in words or result.total_hits == 0:
            raise AssertionError(f"segmentation {words}, {result.total_hits} hits")
        # A hit in the text (a title's hit has offsets into the title).
        article = next(a for a in result.articles if a.body_hits)
        hit = article.body_hits[0]
        text = project.article(article.article_id).text
        if text[hit.start : hit.end] != "扶贫":
            raise AssertionError("hit offsets do not point at the hit")
        state["hit"] = (article.article_id, hit.start, hit.end)
        return f"{' | '.join(words)}; 扶贫: {result.total_hits} hits"

    def word_statistics() -> str:
        # numpy sums the counts: this fails if the bundle left it out
        listed = project.word_list(limit=3)
        if not listed.rows or listed.rows[0].freq <= 0:
            raise AssertionError(f"word list {listed}")
        return f"{listed.types} words; " + " ".join(f"{r.word} {r.freq}" for r in listed.rows)

    def annotate() -> str:
        tag = project.add_tag("自检", color="#3366CC").result_id
        assert tag is not None
        article_id, start, end = state["hit"]  # type: ignore[misc]
        project.annotate(article_id, start, end, [tag], note="passage")
        article_figure = project.figures()[0]
        project.annotate_figure(article_figure[0], article_figure[1], [tag], note="figure")
        kinds = sorted(a.kind for a in project.annotations())
        if kinds != ["figure", "passage"]:
            raise AssertionError(f"annotations {kinds}")
        return f"passage and figure {article_figure[1].text!r}"

    def export() -> str:
        out = home / "export.csv"
        rows = project.export_annotations(out)
        raw = out.read_bytes()
        if not raw.startswith(b"\xef\xbb\xbf"):
            raise AssertionError("no BOM")
        with out.open(encoding="utf-8-sig", newline="") as handle:
            read = list(csv.DictReader(handle))
        if rows != 2 or len(read) != 2 or tuple(read[0]) != ANNOTATION_COLUMNS:
            raise AssertionError(f"wrote {rows}, read {len(read)}")
        return f"{rows} rows read back"

    def import_other_formats() -> str:
        # The readers' libraries and their data files (trafilatura's settings, justext's stop
        # lists, python-docx's template, openpyxl) must be in a frozen bundle.
        import docx
        import openpyxl

        folder = home / "formats"
        folder.mkdir()
        paragraph = "衡阳市今年以来大力发展产业扶贫，全市贫困发生率降至0.38%，群众收入持续增长。"
        (folder / "page.html").write_text(
            "<html><head><title>衡阳产业扶贫_网</title></head><body><nav>首页 新闻</nav>"
            f"<h1>衡阳产业扶贫</h1><p>{paragraph}</p><p>{paragraph}</p></body></html>",
            "utf-8",
        )
        document = docx.Document()
        document.add_heading("祁东黄花菜", level=1)
        document.add_paragraph(paragraph)
        document.save(str(folder / "word.docx"))
        workbook = openpyxl.Workbook()
        workbook.active.append(["标题", "正文", "地区"])
        workbook.active.append(["炎陵黄桃", paragraph, "株洲"])
        workbook.save(folder / "table.xlsx")
        (folder / "table.csv").write_text(f"title,content\n株洲新闻,{paragraph}\n", "utf-8-sig")
        other = Project.open(home / "self-test-formats.sqlite")
        try:
            report = other.import_paths([folder])
            titles = sorted(other.article(i).title for i in report.article_ids)
        finally:
            other.close()
        if report.skipped or titles != ["株洲新闻", "炎陵黄桃", "祁东黄花菜", "衡阳产业扶贫"]:
            raise AssertionError(f"formats import gave {report}, titles {titles}")
        return f"{report.added_articles} articles from .html, .docx, .xlsx and .csv"

    def chart() -> str:
        # matplotlib, its Agg and SVG backends and a Chinese font must be in a frozen bundle.
        from hnreader.charts import drawing, fonts

        trend = project.term_trend(["扶贫"], "year")
        figure = drawing.new_figure()
        drawing.draw_trend(figure, trend, drawing.ChartWords("“扶贫”每年出现次数", "年", "次"))
        png, svg = home / "chart.png", home / "chart.svg"
        drawing.save_chart(figure, png)
        drawing.save_chart(figure, svg)
        if not png.read_bytes().startswith(b"\x89PNG") or "每年出现次数" not in svg.read_text(
            "utf-8"
        ):
            raise AssertionError("the chart files are not a PNG and an SVG with its title")
        font = fonts.cjk_font()
        return f"PNG and SVG, font {font or 'none (no CJK font found: Chinese shows as boxes)'}"

    def main_window() -> str:
        from hnreader.ui.app import create_application
        from hnreader.ui.common.settings import Settings
        from hnreader.ui.main_window import MainWindow

        app = create_application([sys.argv[0]])
        window = MainWindow(project, Settings(str(home / "settings.ini")))
        window.show()
        window.start_up()
        app.processEvents()
        shown = window.reader.article_id
        window.close()
        if shown is None:
            raise AssertionError("no article shown")
        return f"article {shown} shown"

    steps = [
        ("import the bundled corpus", import_corpus),
        ("import in worker processes", import_in_worker_processes),
        ("segment and search", segment_and_search),
        ("count the words", word_statistics),
        ("annotate a passage and a figure", annotate),
        ("export CSV and read it back", export),
        ("import a page, a Word file and tables", import_other_formats),
        ("draw a chart as PNG and SVG", chart),
        ("build the main window offscreen", main_window),
    ]
    passed = 0
    for name, step in steps:
        if not _check(name, step):
            break
        passed += 1
    failed = len(steps) - passed
    print(f"{passed} passed, {failed} failed", flush=True)
    return 0 if failed == 0 else 1

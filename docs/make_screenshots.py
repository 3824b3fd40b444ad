"""Take the README's screenshots from the real app: `xvfb-run -s "-screen 0 1600x1000x24"
.venv/bin/python docs/make_screenshots.py` (needs a CJK font, e.g. Debian's fonts-noto-cjk).

It builds a throwaway project with the bundled corpus, tags a few passages and figures the
way a user would, and saves docs/screenshots/{reading,search,tags,export}.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent / "screenshots"


def main() -> int:
    home = tempfile.mkdtemp(prefix="hnreader-shots-")
    os.environ["HNREADER_HOME"] = home
    language = sys.argv[1] if len(sys.argv) > 1 else "en"

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from hnreader import paths
    from hnreader.core.analysis.segmenter import Segmenter
    from hnreader.core.project import Project
    from hnreader.ui.app import create_application, install_translations
    from hnreader.ui.common.settings import Settings
    from hnreader.ui.main_window import MainWindow
    from hnreader.ui.project.export_dialog import ExportDialog

    app = create_application([sys.argv[0]])
    install_translations(app, language)
    OUT.mkdir(exist_ok=True)
    project = Project.open(
        Path(home) / "研究项目.sqlite", segmenter=Segmenter(cache_dir=paths.jieba_cache_dir())
    )
    project.coder = "李研究"
    project.import_paths([paths.bundled_corpus_dir()])
    tags = {}
    for name, color, parent in (
        ("政策话语", "#D1495B", None),
        ("精准扶贫", "#EDAE49", "政策话语"),
        ("乡村振兴", "#66A182", "政策话语"),
        ("统计数字", "#00798C", None),
        ("人物与声音", "#8E6C8A", None),
    ):
        parent_id = tags.get(parent)
        tags[name] = project.add_tag(name, color=color, parent_id=parent_id).result_id

    article_id = next(
        i for i in project.store.article_ids() if "747万" in project.store.article(i).text
    )
    text = project.store.article(article_id).text

    def tag(needle: str, names: list[str], length: int | None = None, note: str = "") -> None:
        start = text.index(needle)
        end = start + (length or len(needle))
        project.annotate(article_id, start, end, [tags[n] for n in names], note=note)

    tag("坚决扛起“精准扶贫”首倡地政治责任", ["精准扶贫"], note="首倡地的自我定位")
    tag("“精准扶贫”", ["政策话语"])
    tag("贫困发生率从13.43%降至0.36%", ["统计数字"], note="核心指标")
    for figure in project.store.figures(article_id):
        if figure[1].text.startswith(("747万", "6920个")):
            project.annotate_figure(article_id, figure[1], [tags["统计数字"]])

    settings = Settings(str(Path(home) / "settings.ini"))
    settings.show_segmentation = False
    window = MainWindow(project, settings)
    window.resize(1560, 960)
    window.show()
    window.start_up()
    window.tag_panel.pin_tag(tags["精准扶贫"], 1)
    window.tag_panel.pin_tag(tags["统计数字"], 2)
    window.show_article(article_id)
    window.annotations_dock.raise_()

    def settle() -> None:
        for _ in range(20):
            app.processEvents()

    def shoot(name: str) -> None:
        settle()
        window.grab().save(str(OUT / f"{name}.png"))
        print("saved", OUT / f"{name}.png")

    settle()
    start = text.index("精准扶贫")
    window.reader.select_span(start, start + 4)
    shoot("reading")

    window.focus_search()
    window.search_panel.set_query("脱贫攻坚")
    for _ in range(200):
        settle()
        if window.search_panel.result() is not None:
            break
    result = window.search_panel.result()
    if result is not None and result.articles:
        first = result.articles[0]
        hit = first.body_hits[0]
        window.show_span(first.article_id, hit.start, hit.end)
    shoot("search")

    window.tag_panel.select_tag(tags["统计数字"])
    window.figures_dock.raise_()
    window.show_article(article_id)
    shoot("tags")

    dialog = ExportDialog(project, article_id, window)
    dialog.path.setText(str(Path.home() / "脱贫攻坚-编码.csv"))
    dialog.show()
    settle()
    dialog.grab().save(str(OUT / "export.png"))
    print("saved", OUT / "export.png")
    dialog.close()
    QTimer.singleShot(0, window.close)
    settle()
    QApplication.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Take the Analyse window's screenshots from the real app: `QT_QPA_PLATFORM=offscreen
.venv/bin/python docs/make_analysis_screenshots.py [en|zh_CN]` (needs a CJK font).

It builds a throwaway project with the bundled corpus, gives the dates without a year the year
2020 (Article ▸ Give Dates a Year), tags a few words with their context as a user would, and
saves docs/screenshots/analyse-{retrieve,matrix,cooccurrence,empty}.png.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "screenshots"


def main() -> int:
    home = tempfile.mkdtemp(prefix="hnreader-shots-")
    os.environ["HNREADER_HOME"] = home
    language = sys.argv[1] if len(sys.argv) > 1 else "en"

    from hnreader import paths
    from hnreader.core.project import Project
    from hnreader.ui.analyse.analyse_window import AnalyseWindow
    from hnreader.ui.app import create_application, install_translations
    from hnreader.ui.project.project_controller import ProjectController

    app = create_application([sys.argv[0]])
    install_translations(app, language)
    OUT.mkdir(exist_ok=True)
    project = Project.open(Path(home) / "研究项目.sqlite", coder="李研究")
    project.import_paths([paths.bundled_corpus_dir()])
    project.give_year(project.article_ids(), 2020)
    window = AnalyseWindow(ProjectController(project))
    window.resize(1400, 800)
    window.show_tab("retrieve")
    app.processEvents()
    suffix = "" if language == "en" else f"-{language}"
    window.grab().save(str(OUT / f"analyse-empty{suffix}.png"))

    tags: dict[str, int] = {}
    for name, color, parent in (
        ("政策话语", "#D1495B", None),
        ("脱贫攻坚", "#EDAE49", "政策话语"),
        ("产业扶贫", "#66A182", "政策话语"),
        ("群众", "#00798C", None),
        ("统计数字", "#8E6C8A", None),
    ):
        tags[name] = project.add_tag(name, color=color, parent_id=tags.get(parent)).result_id
    for article_id in project.article_ids():
        text = project.article(article_id).text
        for word, name in (
            ("脱贫攻坚", "脱贫攻坚"),
            ("产业", "产业扶贫"),
            ("群众", "群众"),
            ("政策", "政策话语"),
            ("万元", "统计数字"),
        ):
            for found in list(re.finditer(word, text))[:3]:
                start, end = max(0, found.start() - 4), min(len(text), found.end() + 6)
                project.annotate(article_id, start, end, [tags[name]])
    window.controller.tags_changed.emit()

    def settle() -> None:
        for _ in range(250):
            app.processEvents()
            if not window.is_busy():
                break
            time.sleep(0.02)
        app.processEvents()

    def shoot(name: str) -> None:
        settle()
        window.grab().save(str(OUT / f"{name}{suffix}.png"))
        print("saved", OUT / f"{name}{suffix}.png")

    window.retrieval.query([tags["脱贫攻坚"], tags["群众"]], "paragraph", None)
    shoot("analyse-retrieve")
    window.show_tab("matrix")
    window.matrix.by.setCurrentIndex(window.matrix.by.findData("month"))
    shoot("analyse-matrix")
    window.show_tab("cooccurrence")
    window.cooccurrence.scope.setCurrentIndex(window.cooccurrence.scope.findData("paragraph"))
    shoot("analyse-cooccurrence")
    project.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

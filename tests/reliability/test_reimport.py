"""Re-importing a corrected file never adds a second copy silently (F18)."""

from __future__ import annotations

from pathlib import Path

from reliability_helpers import run_cli

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.project import Project

FIRST = "乡村振兴开新局\n\n本报记者 张三\n\n花垣县十八洞村的村民在扶贫车间工作，全村脱贫。\n"
CORRECTED = FIRST.replace("全村脱贫", "全村已经全部脱贫")


def test_a_changed_file_is_skipped_and_named_until_the_user_keeps_both(
    tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    news = tmp_path / "news.txt"
    news.write_text(FIRST, encoding="utf-8")
    project = Project.open(tmp_path / "p.sqlite", segmenter=shared_segmenter)
    first = project.import_paths([news])
    tag = project.add_tag("政策").result_id or 0
    project.annotate(first.article_ids[0], 0, 4, [tag])
    count = project.store.article_count()

    news.write_text(CORRECTED, encoding="utf-8")
    again = project.import_paths([news])
    assert again.added_articles == 0
    assert again.changed == (str(news),)
    [(_, reason)] = again.skipped
    assert "changed since it was imported" in reason and "keep both" in reason
    assert project.store.article_count() == count

    other_folder = tmp_path / "other"
    other_folder.mkdir()
    (other_folder / "news.txt").write_text(CORRECTED, encoding="utf-8")
    elsewhere = project.import_paths([other_folder / "news.txt"])
    assert elsewhere.added_articles > 0, "a file of the same name elsewhere is another file"

    news.write_text(CORRECTED + "补充一句。\n", encoding="utf-8")
    kept = project.import_paths([news], on_changed="keep_both")
    assert kept.added_articles > 0 and not kept.changed
    assert len(project.store.annotations()) == 1
    project.close()


def test_the_cli_says_nothing_new_and_asks_for_keep_both(tmp_path: Path) -> None:
    news = tmp_path / "news.txt"
    news.write_text(FIRST, encoding="utf-8")
    project = str(tmp_path / "p.sqlite")
    home = tmp_path / "home"
    assert run_cli("--project", project, "import", str(news), home=home).returncode == 0
    again = run_cli("--project", project, "import", str(news), home=home)
    assert again.returncode == 0
    assert "Nothing new: 1 file(s) already imported." in again.stdout
    news.write_text(CORRECTED, encoding="utf-8")
    changed = run_cli("--project", project, "import", str(news), home=home)
    assert changed.returncode == 1
    assert "--keep-both" in changed.stderr and "Traceback" not in changed.stderr
    both = run_cli("--project", project, "import", "--keep-both", str(news), home=home)
    assert both.returncode == 0 and "Added 1 article(s)" in both.stdout

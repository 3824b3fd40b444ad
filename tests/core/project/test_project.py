"""User actions through Project: import, split/merge, undo, the user dictionary, export."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from hnreader import paths
from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.models import StoreError
from hnreader.core.project import Project, open_default_project


def _write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


NEWS = (
    "乡村振兴开新局\n\n"
    "本报记者 张三\n\n"
    "2021年3月5日,湖南省花垣县十八洞村的村民在扶贫车间工作。全村人均纯收入从2013年的1668元增加到2020年的18369元。\n\n"
    "村民𠮷祥说:“日子越过越好。”\n"
)


def test_import_is_idempotent_and_reports_skips(
    tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    _write(folder, "a.txt", NEWS)
    _write(folder, "same-text-in-gbk.txt", NEWS.replace("𠮷", "吉"), "gb18030")
    _write(folder, "empty.txt", "")
    project = Project.open(tmp_path / "p.sqlite", segmenter=shared_segmenter)
    first = project.import_paths([folder])
    assert first.added_articles >= 2
    assert {Path(p).name for p, _ in first.skipped} == {"empty.txt"}
    count = project.store.article_count()
    again = project.import_paths([folder, tmp_path / "missing-folder"])
    assert again.added_articles == 0
    reasons = dict((Path(p).name, r) for p, r in again.skipped)
    assert "already imported" in reasons["a.txt"]
    assert "no such file" in reasons["missing-folder"]
    assert project.store.article_count() == count


def test_a_cancelled_import_stores_nothing_of_the_file_in_progress(
    tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    source = _write(tmp_path, "a.txt", NEWS)
    project = Project.open(tmp_path / "p.sqlite", segmenter=shared_segmenter)
    calls = {"n": 0}

    def cancel_after_start() -> bool:
        calls["n"] += 1
        return calls["n"] > 1

    report = project.import_paths([source], is_cancelled=cancel_after_start)
    assert report.cancelled and report.added_articles == 0
    assert project.store.article_count() == 0
    assert project.import_paths([source]).added_articles >= 1


def test_a_new_project_at_an_explicit_path_starts_empty(tmp_path: Path) -> None:
    project = Project.open(tmp_path / "new.sqlite")
    assert project.store.article_count() == 0


def test_the_default_project_imports_the_bundled_corpus_once() -> None:
    project = open_default_project()
    count = project.store.article_count()
    assert count >= 5
    assert project.path == paths.default_project_path()
    project.close()
    again = open_default_project()
    assert again.store.article_count() == count
    again.close()


def _annotated(project: Project) -> tuple[int, int, int]:
    """An article with annotations near its start and end; returns (article, tag, end ann.)."""
    article_id = max(project.store.article_ids(), key=lambda i: len(project.store.article(i).text))
    text = project.store.article(article_id).text
    tag = project.add_tag("测试").result_id or 0
    project.annotate(article_id, 0, 4, [tag])
    end_change = project.annotate(article_id, len(text) - 6, len(text) - 1, [tag], note="尾")
    return article_id, tag, end_change.result_id or 0


def test_split_moves_annotations_with_their_text_and_undo_restores(corpus_project: Project) -> None:
    article_id, _tag, tail_annotation = _annotated(corpus_project)
    article = corpus_project.store.article(article_id)
    quote = corpus_project.store.annotation(tail_annotation).quote
    offset = article.text.index("\n", len(article.text) // 2) + 1
    change = corpus_project.split_article(article_id, offset)
    new_id = change.result_id or 0
    moved = corpus_project.store.annotation(tail_annotation)
    new_text = corpus_project.store.article(new_id).text
    assert moved.article_id == new_id
    assert new_text[moved.start : moved.end] == quote
    assert corpus_project.store.article(article_id).text == article.text[:offset].rstrip("\n")
    assert corpus_project.search(new_text[:6]).total_hits >= 1
    tail = corpus_project.store.article(new_id)
    # The second part comes from the same lines of the same file, on the same page.
    assert (tail.source, tail.first_line, tail.last_line, tail.page) == (
        article.source,
        article.first_line,
        article.last_line,
        article.page,
    )

    corpus_project.undo()
    restored = corpus_project.store.annotation(tail_annotation)
    assert (restored.article_id, restored.start) == (article_id, len(article.text) - 6)
    assert corpus_project.store.article(article_id).text == article.text
    with pytest.raises(StoreError):
        corpus_project.store.article(new_id)
    corpus_project.redo()
    assert corpus_project.store.annotation(tail_annotation).article_id == new_id


def test_split_inside_an_annotation_is_refused(corpus_project: Project) -> None:
    article_id, _tag, _ = _annotated(corpus_project)
    before = corpus_project.store.article(article_id).text
    with pytest.raises(StoreError, match="inside annotation"):
        corpus_project.split_article(article_id, 2)
    assert corpus_project.store.article(article_id).text == before


def test_merge_with_next_appends_text_and_shifts_annotations(corpus_project: Project) -> None:
    first_id = corpus_project.store.article_ids()[0]
    second_id = corpus_project.store.next_article_id(first_id)
    assert second_id is not None
    first = corpus_project.store.article(first_id)
    second = corpus_project.store.article(second_id)
    tag = corpus_project.add_tag("合并").result_id or 0
    annotation = corpus_project.annotate(second_id, 0, 3, [tag]).result_id or 0
    corpus_project.merge_with_next(first_id)
    merged = corpus_project.store.article(first_id)
    assert merged.text == first.text + "\n" + second.text
    moved = corpus_project.store.annotation(annotation)
    assert moved.article_id == first_id
    assert merged.text[moved.start : moved.end] == second.text[:3]
    assert (merged.first_line, merged.last_line) == (first.first_line, second.last_line)
    corpus_project.undo()
    assert corpus_project.store.article(second_id).text == second.text
    assert corpus_project.store.article(first_id).last_line == first.last_line
    assert corpus_project.store.annotation(annotation).article_id == second_id


def test_metadata_edits_are_undoable(corpus_project: Project) -> None:
    article_id = corpus_project.store.article_ids()[0]
    old = corpus_project.store.article(article_id)
    corpus_project.update_article(article_id, title="新标题", date="2020-05-24")
    assert corpus_project.store.article(article_id).title == "新标题"
    with pytest.raises(StoreError, match="empty"):
        corpus_project.update_article(article_id, title="  ")
    corpus_project.undo()
    assert corpus_project.store.article(article_id).title == old.title


def test_user_words_change_segmentation_and_reindex_only_affected_articles(
    corpus_project_file: Path, tmp_path: Path, fresh_segmenter: Segmenter
) -> None:
    import shutil

    from hnreader.core.store import Store

    path = tmp_path / "words.sqlite"
    shutil.copyfile(corpus_project_file, path)
    project = Project(Store(path), fresh_segmenter)
    assert project.stale_article_ids() == []
    assert "湘江鲲鹏" not in project.segmenter.cut("湘江鲲鹏生产车间")
    project.add_user_word("湘江鲲鹏")
    assert "湘江鲲鹏" in project.segmenter.cut("湘江鲲鹏生产车间")
    assert project.stale_article_ids() == []
    hit = project.search("湘江鲲鹏", whole_words=True)
    assert hit.total_hits >= 1 and hit.articles[0].hits[0].match == "word"
    project.undo()
    assert "湘江鲲鹏" not in project.segmenter.cut("湘江鲲鹏生产车间")
    assert project.stale_article_ids() == []
    project.close()


def test_figure_annotations_carry_value_and_unit(corpus_project: Project) -> None:
    article_id, figure = next(
        (a, f) for a, f in corpus_project.store.figures() if f.text.startswith("747万")
    )
    tag = corpus_project.add_tag("数字").result_id or 0
    annotation = corpus_project.annotate_figure(article_id, figure, [tag]).result_id or 0
    stored = corpus_project.store.annotation(annotation)
    assert (stored.kind, stored.figure_value) == ("figure", 7470000.0)
    with pytest.raises(StoreError, match="no figure"):
        corpus_project.annotate_figure(
            article_id, type(figure)(0, 1, "x", None, "", "other"), [tag]
        )


def test_export_round_trips_through_csv(corpus_project: Project, tmp_path: Path) -> None:
    article_id, tag, _ = _annotated(corpus_project)
    other = corpus_project.add_tag("=SUM(A1)").result_id or 0
    corpus_project.annotate(article_id, 5, 9, [tag, other], note="-1+1")
    out = tmp_path / "out.csv"
    rows = corpus_project.export_annotations(out)
    assert rows == 4  # two annotations with one tag, one with two
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with out.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.DictReader(handle))
    text = corpus_project.store.article(article_id).text
    for row in table:
        assert text[int(row["start"]) : int(row["end"])] == row["text"]
    assert {row["tag"] for row in table} == {"测试", "'=SUM(A1)"}
    assert {row["note"] for row in table} >= {"'-1+1", "尾"}
    article = corpus_project.store.article(article_id)
    assert list(table[0])[:11] == [
        "annotation_id",
        "article_id",
        "article_title",
        "source_file",
        "article_date",
        "article_publication",
        "article_page",
        "article_section",
        "article_url",
        "first_line",
        "last_line",
    ]
    assert list(table[0])[11] == "tag"  # the columns that were there keep their order
    assert {(row["source_file"], row["first_line"], row["last_line"]) for row in table} == {
        (article.source, str(article.first_line), str(article.last_line))
    }
    assert article.first_line >= 1


def test_export_writes_each_articles_page_section_and_url(
    tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    source = _write(
        tmp_path,
        "rmrb_20250103_05.txt",
        '---\nsection: "第05版"\nsection_name: "评论"\n'
        'source_url: "https://paper.example.cn/rmrb/content_1.html"\n---\n\n'
        "# 城市美学在细节\n\n> 李铁林《人民日报》（2025年01月03日第 05 版）\n\n"
        "地铁站里的“美术馆”赢得了市民和游客好评，展览共展出50件作品。\n",
    )
    project = Project.open(tmp_path / "p.sqlite", segmenter=shared_segmenter)
    project.import_paths([source])
    [article_id] = project.article_ids()
    tag = project.add_tag("城市").result_id or 0
    project.annotate(article_id, 0, 3, [tag])
    out = tmp_path / "out.csv"
    project.export_annotations(out)
    project.export_figures(tmp_path / "figures.csv")
    for path in (out, tmp_path / "figures.csv"):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            row = next(csv.DictReader(handle))
        assert (row["article_publication"], row["article_page"], row["article_section"]) == (
            "人民日报",
            "第 05 版",
            "评论",
        )
        assert row["article_url"] == "https://paper.example.cn/rmrb/content_1.html"
        assert (row["source_file"], row["first_line"], row["last_line"]) == (
            "rmrb_20250103_05.txt",
            "1",
            "11",
        )
    project.close()


def test_give_year_dates_only_what_has_no_year_in_one_undo_step(corpus_project: Project) -> None:
    before = {s.id: s.date for s in corpus_project.article_summaries()}
    missing = [i for i, d in before.items() if d.startswith("--")]
    assert missing, "the bundled corpus has dates without a year"
    change = corpus_project.give_year(list(before), 2020)
    assert change.kind == "give_year" and change.args == ("2020", str(len(missing)))
    after = {s.id: s.date for s in corpus_project.article_summaries()}
    for article_id, date in before.items():
        if article_id in missing:
            assert after[article_id] == "2020" + date[1:]  # --05-24 → 2020-05-24
        else:
            assert after[article_id] == date
    corpus_project.undo()
    assert {s.id: s.date for s in corpus_project.article_summaries()} == before
    with pytest.raises(StoreError) as nothing:
        corpus_project.give_year([i for i in before if i not in missing], 2020)
    assert nothing.value.code == "nothing_to_do"


def test_figure_export_has_the_new_model_columns(
    tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    source = tmp_path / "n.txt"
    source.write_text("标题\n\n2019年7月，增长4-6%，约3万户，减少747万人。\n", "utf-8")
    project = Project.open(tmp_path / "p.sqlite", segmenter=shared_segmenter)
    project.import_paths([source])
    out = tmp_path / "figures.csv"
    project.export_figures(out)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    columns = ("text", "value", "value_low", "value_high", "unit", "approx", "kind")
    assert [tuple(row[c] for c in columns) for row in rows] == [
        ("2019年7月", "2019-07", "", "", "", "", "date"),
        ("4-6%", "", "4", "6", "%", "", "percent"),
        ("约3万户", "30000", "", "", "户", "约", "count"),
        ("747万人", "7470000", "", "", "人", "", "count"),
    ]
    project.close()

"""The ledger of the bundled corpus through Project: its entries and sources, a conflict
planted in a fixture, and the user's decisions with their undo."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from hnreader.core.ledger.entries import LedgerEntry
from hnreader.core.models import StoreError
from hnreader.core.project import Project

PLANTED = (
    "湖南脱贫攻坚新闻发布会\n\n"
    "2020年5月25日，湖南省扶贫办发布数据。2012年至2019年，全省共减少贫困人口767万，"
    "贫困发生率从13.43%降至0.36%。\n"
)
ROUNDED = (
    "湖南扶贫成效盘点\n\n"
    "2020年5月26日，湖南省统计局发布。2012年至2019年，全省共减少贫困人口747.6万。\n"
)


def _entry(
    project: Project, indicator: str, place: str, period: str, measure: str = ""
) -> LedgerEntry:
    for entry in project.ledger(indicator=indicator).entries:
        if (entry.measure, entry.place, entry.period) == (measure, place, period):
            return entry
    raise AssertionError(f"no entry {indicator} {measure} {place} {period}")


def test_corpus_ledger_shows_the_hunan_poverty_figures(corpus_project: Project) -> None:
    rate = _entry(corpus_project, "贫困发生率", "湖南", "2012–2019")
    (value,) = rate.values
    assert value.numbers == (13.43, 0.36) and value.unit == "%"
    assert value.text == "13.43% → 0.36%"
    article = corpus_project.article(value.article_id)
    assert article.title.startswith("湖南代表团新闻发言人")
    assert "贫困发生率从13.43%降至0.36%" in value.sentence
    assert article.text[value.start : value.end] == "13.43%降至0.36%"
    assert article.text[value.sentence_start : value.sentence_end] == value.sentence
    people = _entry(corpus_project, "贫困人口", "湖南", "2012–2019", measure="减少")
    assert [v.text for v in people.values] == ["747万"]
    assert people.values[0].numbers == (7470000.0,)
    # the stock of poor people: 704万 identified in 2014, 80多万 left in 2020
    assert [v.text for v in _entry(corpus_project, "贫困人口", "湖南", "2014").values] == ["704万"]
    assert [v.text for v in _entry(corpus_project, "贫困人口", "湖南", "2020").values] == ["80多万"]
    yanfeng = _entry(corpus_project, "贫困发生率", "雁峰区", "2016–2019")
    assert yanfeng.values[0].numbers == (8.41, 0.27)
    assert not any(e.conflict for e in corpus_project.ledger(guessed=False).entries)


@pytest.fixture
def planted(corpus_project: Project, tmp_path: Path) -> Project:
    (tmp_path / "planted.txt").write_text(PLANTED, encoding="utf-8")
    (tmp_path / "rounded.txt").write_text(ROUNDED, encoding="utf-8")
    report = corpus_project.import_paths([tmp_path / "planted.txt", tmp_path / "rounded.txt"])
    assert report.added_articles == 2
    return corpus_project


def test_a_different_number_is_a_conflict_a_rounded_one_is_not(planted: Project) -> None:
    entry = _entry(planted, "贫困人口", "湖南", "2012–2019", measure="减少")
    texts = sorted(v.text for v in entry.values)
    assert texts == ["747.6万", "747万", "767万"]
    assert entry.conflict and entry.status == "conflict"
    flagged = {v.text for v in entry.values if v.key in entry.disagreeing}
    assert flagged == {"767万", "747万", "747.6万"}  # 767 disagrees with both others
    reading = {v.text: entry.readings[v.key] for v in entry.values}
    assert reading["747万"] == reading["747.6万"] != reading["767万"]  # two readings
    rate = _entry(planted, "贫困发生率", "湖南", "2012–2019")
    assert len(rate.values) == 2 and not rate.conflict  # the same change, twice
    conflicts = planted.ledger(conflicts_only=True).entries
    assert [e.key for e in conflicts] == [entry.key]


def test_an_excluded_article_is_in_no_entry(planted: Project) -> None:
    entry = _entry(planted, "贫困人口", "湖南", "2012–2019", measure="减少")
    (odd,) = [v for v in entry.values if v.text == "767万"]
    planted.exclude_articles([odd.article_id])  # the planted number, set aside
    entry = _entry(planted, "贫困人口", "湖南", "2012–2019", measure="减少")
    assert sorted(v.text for v in entry.values) == ["747.6万", "747万"] and not entry.conflict


def test_mark_correct_confirm_and_undo(planted: Project) -> None:
    entry = _entry(planted, "贫困人口", "湖南", "2012–2019", measure="减少")
    right = next(v for v in entry.values if v.text == "747万")
    change = planted.mark_ledger_value_correct(entry, right)
    assert change.label == "Mark 747万 correct in “贫困人口（减少） · 湖南 · 2012–2019”"
    marked = _entry(planted, "贫困人口", "湖南", "2012–2019", measure="减少")
    assert marked.correct == right.key and marked.status == "resolved"
    assert planted.ledger(conflicts_only=True).entries == ()
    planted.confirm_ledger_entry(marked)
    assert _entry(planted, "贫困人口", "湖南", "2012–2019", "减少").confirmed
    planted.undo()
    assert not _entry(planted, "贫困人口", "湖南", "2012–2019", "减少").confirmed
    planted.undo()
    assert _entry(planted, "贫困人口", "湖南", "2012–2019", "减少").status == "conflict"
    planted.redo()
    assert _entry(planted, "贫困人口", "湖南", "2012–2019", "减少").correct == right.key
    with pytest.raises(StoreError, match="already so"):
        planted.mark_ledger_value_correct(marked, right)


def test_merge_two_names_into_one_and_undo(corpus_project: Project) -> None:
    before = {e.key for e in corpus_project.ledger(indicator="脱贫人口").entries}
    # 对218万脱贫人口核准 (2020); 到去年底，湖南累计脱贫680多万人 (2019)
    assert before == {("脱贫人口", "", "湖南", "2020"), ("脱贫人口", "", "湖南", "2019")}
    corpus_project.merge_indicators("脱贫人口", "贫困人口")
    merged = corpus_project.ledger(indicator="贫困人口").entries
    assert ("贫困人口", "", "湖南", "2020") in {e.key for e in merged}
    in_2020 = _entry(corpus_project, "贫困人口", "湖南", "2020")
    assert sorted(v.text for v in in_2020.values) == ["218万", "80多万"]
    assert in_2020.conflict  # now comparable: 218万 and 80多万 disagree
    assert corpus_project.ledger(indicator="脱贫人口").entries == merged  # the old name finds it
    with pytest.raises(StoreError, match="go round"):
        corpus_project.merge_indicators("贫困人口", "脱贫人口")
    corpus_project.undo()
    assert {e.key for e in corpus_project.ledger(indicator="脱贫人口").entries} == before


def test_project_indicator_name_is_found_and_undone(corpus_project: Project) -> None:
    assert not corpus_project.ledger(indicator="督查组", guessed=False).entries
    corpus_project.add_ledger_indicator("督查组", kinds=["count"])
    (entry,) = corpus_project.ledger(indicator="督查组", guessed=False).entries
    assert [v.text for v in entry.values] == ["49个"] and entry.values[0].how == "project"
    corpus_project.add_ledger_indicator("联点督查组", indicator="督查组")
    assert (
        "联点督查组"
        in next(i for i in corpus_project.ledger_indicators() if i.name == "督查组").aliases
    )
    corpus_project.undo()
    corpus_project.undo()
    assert not corpus_project.ledger(indicator="督查组", guessed=False).entries
    with pytest.raises(Exception, match="unknown figure kind"):
        corpus_project.add_ledger_indicator("x", kinds=["people"])


def test_tag_the_figures_of_an_entry(planted: Project) -> None:
    tag = planted.add_tag("减贫人数").result_id
    assert tag is not None
    entry = _entry(planted, "贫困人口", "湖南", "2012–2019", measure="减少")
    change = planted.tag_ledger_entry(entry, tag)
    assert change is not None
    quotes = sorted(a.quote for a in planted.annotations(tag_ids=[tag]))
    assert quotes == ["747.6万", "747万", "767万"]
    assert planted.tag_ledger_entry(entry, tag) is None  # tagged already
    planted.undo()
    assert planted.annotations(tag_ids=[tag]) == []


def test_export_csv_with_sources_and_offsets(planted: Project, tmp_path: Path) -> None:
    entries = planted.ledger(indicator="贫困人口").entries
    target = tmp_path / "ledger.csv"
    written = planted.export_ledger(target, entries)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert written == len(rows) == sum(len(e.values) for e in entries)
    row = next(r for r in rows if r["value_text"] == "767万")
    assert row["status"] == "conflict" and row["disagrees"] == "yes"
    assert row["value"] == "7670000.0" or float(row["value"]) == 7670000.0
    text = planted.article(int(row["article_id"])).text
    assert text[int(row["start"]) : int(row["end"])] == "767万"
    assert text[int(row["sentence_start"]) : int(row["sentence_end"])] == row["sentence"]
    xlsx = tmp_path / "ledger.xlsx"
    assert planted.export_ledger(xlsx, entries) == written and xlsx.stat().st_size > 0

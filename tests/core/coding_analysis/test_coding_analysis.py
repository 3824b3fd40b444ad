"""Retrieval, the code matrix and co-occurrence, each count checked against brute force."""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

import pytest

from hnreader.core.coding_analysis.corpus import AnalysisError, CodingFilter
from hnreader.core.coding_analysis.tables import (
    cooccurrence_table,
    matrix_table,
    passage_table,
    presence_table,
)
from hnreader.core.coding_analysis.units import unit_starts, units_of
from hnreader.core.project import Project
from tests.core.coding_analysis.brute_force import characters, touched, unit_numbers

SCOPES = ("overlap", "sentence", "paragraph", "article")


def _family(project: Project, tag_id: int, with_subtags: bool) -> set[int]:
    if not with_subtags:
        return {tag_id}
    path = project.tag(tag_id).path
    return {t.id for t in project.tags() if t.path == path or t.path.startswith(path + "/")}


def _meets(project: Project, x, y, scope: str) -> bool:  # type: ignore[no-untyped-def]
    if x.article_id != y.article_id:
        return False
    if scope == "overlap":
        return bool(set(range(x.start, x.end)) & set(range(y.start, y.end)))
    if scope == "article":
        return True
    text = project.article(x.article_id).text
    return bool(touched(text, x.start, x.end, scope) & touched(text, y.start, y.end, scope))


def test_units_number_every_character_as_the_brute_force_does(coded_project: Project) -> None:
    for article_id in coded_project.article_ids():
        text = coded_project.article(article_id).text
        for scope in ("sentence", "paragraph"):
            starts = unit_starts(text, scope)
            numbers = unit_numbers(text, scope)
            assert [units_of(starts, k, k + 1)[0] for k in range(len(text))] == numbers


@pytest.mark.parametrize("with_subtags", [True, False])
@pytest.mark.parametrize("mode", ["any", "all", *SCOPES])
def test_retrieval_matches_brute_force(
    coded_project: Project, mode: str, with_subtags: bool
) -> None:
    tags = {t.name: t.id for t in coded_project.tags()}
    annotations = coded_project.annotations()
    for names in [("政策",), ("政策", "情绪"), ("情绪", "地点"), ("扶贫", "情绪", "地点")]:
        families = [_family(coded_project, tags[n], with_subtags) for n in names]
        expected = set()
        for x in annotations:
            has = [bool(set(x.tag_ids) & f) for f in families]
            if mode == "any":
                keep = any(has)
            elif mode == "all":
                keep = all(has)
            else:
                keep = any(
                    has[i]
                    and all(
                        any(
                            set(y.tag_ids) & f and _meets(coded_project, x, y, mode)
                            for y in annotations
                        )
                        for j, f in enumerate(families)
                        if j != i
                    )
                    for i in range(len(families))
                )
            if keep:
                expected.add(x.id)
        found = coded_project.retrieve_passages(
            [tags[n] for n in names], mode, with_subtags=with_subtags
        )
        assert {p.annotation_id for p in found} == expected, (names, mode)
        assert len(found) == len(expected)


def test_a_retrieved_passage_quotes_the_stored_text_in_code_points(coded_project: Project) -> None:
    tag = coded_project.tag_by_name("地点").id
    passages = coded_project.retrieve_passages([tag])
    first = passages[1]
    text = coded_project.article(first.article_id).text
    assert first.text == text[first.start : first.end] == "𠮷野家开业了"
    assert first.article_title == "𠮷野家开业" and first.article_date == "2020-03-05"
    assert first.tags == ("地点",) and first.coder == "amy"
    # Passages come in date order: 2019-12-31 before 2020-03-05.
    assert [p.article_date for p in passages] == ["2019-12-31", "2020-03-05", "2020-03-05"]


def test_filters_leave_out_articles_and_coders(coded_project: Project) -> None:
    mood = coded_project.tag_by_name("情绪").id
    everything = coded_project.retrieve_passages([mood])
    assert len(everything) == 6
    dated = coded_project.retrieve_passages([mood], selection=CodingFilter(date_from="2020"))
    assert {p.article_title for p in dated} == {"𠮷野家开业", "扶贫新闻"}  # no undated one
    april = CodingFilter(date_from="2020-04", date_to="2020-04")
    assert {p.article_title for p in coded_project.retrieve_passages([mood], selection=april)} == {
        "扶贫新闻"
    }
    where = CodingFilter(where=(("region", "长沙"),))
    assert {p.article_title for p in coded_project.retrieve_passages([mood], selection=where)} == {
        "𠮷野家开业",
        "旧闻",
    }
    bob = coded_project.retrieve_passages([mood], selection=CodingFilter(coder="bob"))
    assert [p.text for p in bob] == ["旧事"]
    gone = CodingFilter(article_ids=[999])  # an article deleted since
    assert coded_project.retrieve_passages([mood], selection=gone) == []
    with pytest.raises(AnalysisError):
        coded_project.retrieve_passages([mood], selection=CodingFilter(date_to="last year"))
    with pytest.raises(AnalysisError):
        coded_project.retrieve_passages([mood], "nearby")


@pytest.mark.parametrize("with_subtags", [True, False])
@pytest.mark.parametrize("by", ["article", "publication", "month", "quarter", "year", "region"])
@pytest.mark.parametrize("measure", ["count", "presence", "share"])
def test_matrix_matches_brute_force(
    coded_project: Project, by: str, measure: str, with_subtags: bool
) -> None:
    _, matrix = coded_project.code_matrix(by, measure, with_subtags=with_subtags)
    annotations = coded_project.annotations()
    articles = {i: coded_project.article(i) for i in coded_project.article_ids()}

    def key(article) -> str:  # type: ignore[no-untyped-def]
        date = article.date
        return {
            "article": str(article.id),
            "publication": article.publication,
            "month": date[:7],
            "quarter": f"{date[:4]}-Q{(int(date[5:7]) - 1) // 3 + 1}" if date else "",
            "year": date[:4],
            "region": dict(article.variables).get("region", ""),
        }[by]

    assert sorted(a for c in matrix.columns for a in c.article_ids) == sorted(articles)
    for tag, cells in zip(matrix.tags, matrix.cells, strict=True):
        family = _family(coded_project, tag.id, with_subtags)
        for column, cell in zip(matrix.columns, cells, strict=True):
            members = {i for i, a in articles.items() if key(a) == column.key}
            assert members == set(column.article_ids)
            mine = [a for a in annotations if a.article_id in members and set(a.tag_ids) & family]
            if measure == "count":
                assert cell == len(mine)
            elif measure == "presence":
                assert cell == (1 if mine else 0)
            else:
                chars = sum(len(articles[i].text) for i in members)
                assert cell == pytest.approx(len(characters(mine, family)) / chars)


def test_matrix_rows_follow_the_tag_tree(coded_project: Project) -> None:
    _, matrix = coded_project.code_matrix()
    assert [t.path for t in matrix.tags] == ["政策", "政策/扶贫", "情绪", "地点"]
    assert matrix.depths == (0, 1, 0, 0)
    with pytest.raises(AnalysisError):
        coded_project.code_matrix("weather")


@pytest.mark.parametrize("with_subtags", [True, False])
@pytest.mark.parametrize("scope", SCOPES)
def test_cooccurrence_matches_brute_force(
    coded_project: Project, scope: str, with_subtags: bool
) -> None:
    result = coded_project.tag_cooccurrence(scope, with_subtags=with_subtags)
    annotations = coded_project.annotations()
    texts = {i: coded_project.article(i).text for i in coded_project.article_ids()}

    def units(family: set[int]) -> set[tuple[int, int]]:
        found = set()
        for a in annotations:
            if set(a.tag_ids) & family:
                if scope == "article":
                    found.add((a.article_id, 0))
                else:
                    found |= {
                        (a.article_id, u)
                        for u in touched(texts[a.article_id], a.start, a.end, scope)
                    }
        return found

    for (i, a), (j, b) in itertools.product(enumerate(result.tags), repeat=2):
        fa, fb = (
            _family(coded_project, a.id, with_subtags),
            _family(coded_project, b.id, with_subtags),
        )
        if scope == "overlap":
            xs = [x for x in annotations if set(x.tag_ids) & fa]
            ys = [y for y in annotations if set(y.tag_ids) & fb]
            if i == j:
                count = len(xs)
            else:
                count = len(
                    {
                        frozenset((x.id, y.id))
                        for x in xs
                        for y in ys
                        if _meets(coded_project, x, y, "overlap")
                    }
                )
            ca, cb = characters(annotations, fa), characters(annotations, fb)
            jaccard = len(ca & cb) / len(ca | cb) if ca | cb else 0.0
        else:
            ua, ub = units(fa), units(fb)
            count = len(ua & ub)
            jaccard = count / len(ua | ub) if ua | ub else 0.0
        assert result.counts[i][j] == count, (a.path, b.path)
        assert result.jaccard[i][j] == pytest.approx(jaccard)


def test_cooccurrence_of_known_pairs(coded_project: Project) -> None:
    names = {t.path: i for i, t in enumerate(coded_project.tag_cooccurrence().tags)}
    overlap = coded_project.tag_cooccurrence("overlap")
    # 情绪 × 地点: 𠮷野家开业了 / 开业了。群众很高兴, and 𠮷祥 with itself.
    assert overlap.counts[names["情绪"]][names["地点"]] == 2
    paragraph = coded_project.tag_cooccurrence("paragraph", with_subtags=False)
    # 政策 and 扶贫 share the first paragraph of 扶贫新闻 and its second one.
    assert paragraph.counts[names["政策"]][names["政策/扶贫"]] == 2


def test_tables_export_to_csv_and_xlsx(coded_project: Project, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    mood = coded_project.tag_by_name("情绪").id
    table = passage_table(coded_project.retrieve_passages([mood]))
    out = tmp_path / "passages.csv"
    assert coded_project.export_table(out, table) == 6
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert rows[0]["text"] == "开业了。群众很高兴"
    assert "'=1+1" in {r["note"] for r in rows}  # a formula is neutralised
    xlsx = tmp_path / "passages.xlsx"
    coded_project.export_table(xlsx, table)
    sheet = load_workbook(xlsx).active
    assert sheet.freeze_panes == "A2"
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == "annotation_id" and isinstance(values[1][0], int)
    assert "'=1+1" in {row[11] for row in values[1:]}

    corpus, matrix = coded_project.code_matrix("article", "presence")
    header, rows_01, _ = presence_table(corpus, matrix)
    assert header[4:] == ("政策", "政策/扶贫", "情绪", "地点")
    assert all(set(r[4:]) <= {0, 1} for r in rows_01) and len(rows_01) == 4
    book = tmp_path / "matrix.xlsx"
    coded_project.export_table(book, presence_table(corpus, matrix))
    cells = list(load_workbook(book).active.iter_rows(values_only=True))
    assert all(isinstance(v, int) for row in cells[1:] for v in row[4:])
    _, share = coded_project.code_matrix("month", "share")
    header, rows_share, numeric = matrix_table(share)
    assert rows_share[0][1] == "政策" and isinstance(rows_share[1][3], float)
    assert header[2:] == ("2019-12", "2020-03", "2020-04", "(none)")
    assert set(header[2:]) <= numeric
    pairs = cooccurrence_table(coded_project.tag_cooccurrence("sentence"))
    assert len(pairs[1]) == 4 * 5 // 2

"""The dispersion layout and the tag frequencies against brute force."""

from __future__ import annotations

import pytest

from hnreader.core.project import Project
from hnreader.core.trends.tables import dispersion_table, tag_frequency_table


def test_dispersion_places_every_hit_along_the_dated_corpus(trend_project: Project) -> None:
    result = trend_project.term_dispersion(["精准扶贫", "𠮷"])
    articles = {i: trend_project.article(i) for i in trend_project.article_ids()}
    dated = sorted(
        (a for a in articles.values() if a.date[:4].isdigit()), key=lambda a: (a.date, a.id)
    )
    assert list(result.article_ids) == [a.id for a in dated]
    starts, offset = {}, 0
    for article in dated:
        starts[article.id] = offset
        offset += len(article.text)
    assert result.total_chars == offset
    assert result.years == (("2019", 0), ("2020", starts[dated[4].id]))
    assert result.undated_articles == 1
    for term, row in zip(["精准扶贫", "𠮷"], result.rows, strict=True):
        expected = []
        for article in dated:
            text = article.text
            position = text.find(term) if term != "精准扶贫" else -1
            if term == "精准扶贫":  # the folded view finds the Traditional spelling too
                from hnreader.core.text.normalize import fold_for_search

                folded = fold_for_search(text)
                position = folded.find(term)
                while position >= 0:
                    expected.append(
                        (starts[article.id] + position, (article.id, position, position + 4))
                    )
                    position = folded.find(term, position + 4)
            else:
                while position >= 0:
                    expected.append(
                        (starts[article.id] + position, (article.id, position, position + 1))
                    )
                    position = text.find(term, position + 1)
        assert list(zip(row.positions, row.hits, strict=True)) == sorted(expected)
    assert result.rows[0].undated_hits == 2 and result.rows[1].undated_hits == 0
    first = result.rows[0]
    assert first.hit_near(first.positions[2] + 0.4, 1.0) == first.hits[2]
    assert first.hit_near(first.positions[2] + 50, 1.0) is None
    assert result.article_at(first.positions[-1]) == first.hits[-1][0]
    assert result.article_at(result.total_chars) is None
    _, rows, _ = dispersion_table(result)
    assert len(rows) == len(first.positions) + len(result.rows[1].positions)
    assert rows[0][:3] == ("精准扶贫", first.hits[0][0], result.date_of(first.hits[0][0]))


@pytest.mark.parametrize("whole_words", [False, True])
@pytest.mark.parametrize(
    "term", ["精准扶贫", "扶贫", "准扶", "𠮷", "精准扶贫 -天气", "脱贫攻坚 产业"]
)
def test_the_hits_are_the_concordance_s(
    trend_project: Project, term: str, whole_words: bool
) -> None:
    page = trend_project.search(term, whole_words=whole_words, fields=["body"], limit=1000)
    assert page.complete
    expected = {
        a.article_id: [(a.article_id, h.start, h.end) for h in a.body_hits]
        for a in page.articles
        if a.body_hits
    }
    assert trend_project.term_hits(term, whole_words=whole_words) == expected


def test_tag_frequencies_equal_the_annotations(trend_project: Project) -> None:
    tags = {t.name: t.id for t in trend_project.tags()}
    annotations = trend_project.annotations()
    result = trend_project.tag_frequencies(by_coder=True)
    assert result.coders == ("amy", "bob")
    family = {tags["政策"]: {tags["政策"], tags["扶贫"]}, tags["扶贫"]: {tags["扶贫"]}}
    for tag, counts in zip(result.tags, result.counts, strict=True):
        assert counts == tuple(
            sum(1 for a in annotations if a.coder == c and set(a.tag_ids) & family[tag.id])
            for c in ("amy", "bob")
        )
    alone = trend_project.tag_frequencies(with_subtags=False)
    assert alone.coders == ("",)
    assert dict(zip([t.name for t in alone.tags], alone.totals(), strict=True)) == {
        "政策": 2,
        "扶贫": 3,
    }
    header, rows, _ = tag_frequency_table(result)
    assert header == ("tag_id", "tag", "passages", "amy", "bob")
    assert rows[0][1:] == ("政策", 5, 3, 2)

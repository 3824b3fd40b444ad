"""A search session: pages in corpus order, totals, per-article spans, tagging hits."""

from __future__ import annotations

import threading

from hnreader.core.models import ErrorCode
from hnreader.core.project import Project
from hnreader.core.text.scope import scope_span


def every_hit(project: Project, query: str, whole_words: bool = False) -> list[tuple[int, ...]]:
    result = project.search(query, whole_words=whole_words, limit=100000)
    return [(a.article_id, h.start, h.end) for a in result.articles for h in a.hits]


def list_all(project: Project, session) -> int:  # type: ignore[no-untyped-def]
    pages = 0
    session.add_page(session.page_job()(project))
    pages += 1
    while session.can_load_more():
        session.add_page(session.page_job()(project))
        pages += 1
    return pages


def test_pages_add_up_to_the_whole_result(corpus_project: Project) -> None:
    session = corpus_project.search_session("脱贫", page_size=2)
    assert session.rows == [] and not session.can_load_more()
    pages = list_all(corpus_project, session)
    expected = every_hit(corpus_project, "脱贫")
    assert pages > 2
    assert [(r.article_id, r.start, r.end) for r in session.rows] == expected
    assert session.complete and (session.total_hits, session.total_articles) == (
        len(expected),
        len({e[0] for e in expected}),
    )
    assert session.segments == ("脱贫",)


def test_totals_are_unknown_until_counted_then_exact(corpus_project: Project) -> None:
    session = corpus_project.search_session("村", whole_words=True, page_size=1)
    session.add_page(session.page_job()(corpus_project))
    assert session.needs_count() and session.total_hits is None
    session.set_totals(session.count_job()(corpus_project))
    assert not session.needs_count()
    assert session.total_hits == len(every_hit(corpus_project, "村", whole_words=True))


def test_a_job_captures_its_page_when_made(corpus_project: Project) -> None:
    session = corpus_project.search_session("脱贫", page_size=1)
    first = session.page_job()
    session.add_page(first(corpus_project))
    second = session.page_job()
    assert first.after == 0 and first.first
    assert second.after == session.next_after > 0 and not second.first


def test_a_job_runs_in_another_thread_on_its_own_connection(corpus_project: Project) -> None:
    session = corpus_project.search_session("扶贫", page_size=3)
    job = session.page_job()
    pages = []

    def work() -> None:
        with corpus_project.open_for_thread() as own:
            pages.append(job(own))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    session.add_page(pages[0])
    assert len(session.articles) == 3


def test_spans_for_articles_listed_later_and_never(corpus_project: Project) -> None:
    session = corpus_project.search_session("村", page_size=1)
    session.add_page(session.page_job()(corpus_project))
    expected = corpus_project.search("村", limit=100000)
    for article in expected.articles:
        assert session.spans_for(article.article_id, corpus_project) == [
            (h.start, h.end) for h in article.body_hits
        ]
    with_hits = {a.article_id for a in expected.articles}
    without = [i for i in corpus_project.article_ids() if i not in with_hits]
    assert without and all(session.spans_for(i, corpus_project) == [] for i in without)


def test_a_query_with_nothing_to_search_fails_with_a_code(corpus_project: Project) -> None:
    for query, code in (
        ("-扶贫", ErrorCode.QUERY_ONLY_EXCLUDES),
        ("-。，", ErrorCode.QUERY_ONLY_PUNCTUATION),
        ("", ErrorCode.QUERY_EMPTY),
        ("扶" * 10001, ErrorCode.QUERY_TOO_LONG),
    ):
        session = corpus_project.search_session(query)
        assert session.add_page(session.page_job()(corpus_project)) == []
        assert session.failed and session.error is not None
        assert session.error.code == code
        assert not session.can_load_more()


def test_tag_hits_widens_to_the_scope_once(corpus_project: Project) -> None:
    tag = corpus_project.add_tag("政策").result_id or 0
    hits = every_hit(corpus_project, "脱贫")[:6]
    texts = corpus_project.article_texts(sorted({h[0] for h in hits}))
    expected = {(a, *scope_span(texts[a], s, e, "sentence")) for a, s, e in hits}
    assert set(corpus_project.hit_passages(hits, "sentence")) == expected
    change = corpus_project.tag_hits(hits, tag, "sentence")
    assert change is not None
    made = {(a.article_id, a.start, a.end) for a in corpus_project.annotations(tag_ids=[tag])}
    assert made == expected
    assert corpus_project.tag_hits(hits, tag, "sentence") is None  # all tagged already
    corpus_project.undo()
    assert corpus_project.annotations(tag_ids=[tag]) == []


def test_the_neighbour_article_with_hits_for_f3(corpus_project) -> None:  # type: ignore[no-untyped-def]
    from hnreader.core.search.session import SearchSession

    session = SearchSession("扶贫", page_size=100)
    session.add_page(session.page_job()(corpus_project))
    listed = [a.article_id for a in session.articles]
    assert len(listed) >= 3
    assert session.neighbour_article(listed[0], +1) == listed[1]
    assert session.neighbour_article(listed[1], -1) == listed[0]
    assert session.neighbour_article(listed[-1], +1) is None
    assert session.neighbour_article(listed[0], -1) is None
    unlisted = next(i for i in corpus_project.article_ids() if i not in listed and i > listed[0])
    after = next(a for a in listed if a > unlisted)
    assert session.neighbour_article(unlisted, +1) == after
    assert session.neighbour_article(unlisted, -1) == max(a for a in listed if a < unlisted)


def test_the_first_page_can_be_smaller_than_the_next(corpus_project: Project) -> None:
    session = corpus_project.search_session("扶贫", page_size=3, first_page_size=1)
    first = session.page_job()
    assert first.limit == 1
    session.add_page(first(corpus_project))
    assert len(session.articles) == 1
    assert session.page_job().limit == 3
    assert corpus_project.search_session("扶贫", page_size=3).page_job().limit == 3

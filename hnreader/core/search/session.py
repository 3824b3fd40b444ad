"""One search as a user follows it: pages of hits listed in corpus order, the exact totals once
counted, and the hits of any article for the reader to highlight.

A `SearchSession` is plain data plus bookkeeping; the searching itself is done by the
project it is given (on the GUI thread or, through `Project.open_for_thread()`, in a worker).
Its jobs (`page_job`, `count_job`) capture what they need when they are made, so a job run in
another thread never reads the session while the GUI thread changes it:

    session = project.search_session("扶贫", whole_words=False, page_size=200)
    page = session.page_job()(project)           # any thread, its own project
    session.add_page(page)                       # the session's thread
    session.set_totals(session.count_job()(project))

This is the UI's and the CLI's public door to search (with `Project`); the engine and the
query parser stay private to the core.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hnreader.core.models import (
    ArticleHits,
    HnreaderError,
    Progress,
    SearchField,
    SearchHit,
    SearchResult,
    SearchTotals,
)

if TYPE_CHECKING:
    from hnreader.core.project import Project

Cancelled = Callable[[], bool]
Span = tuple[int, int]


@dataclass(frozen=True)
class ListedHit:
    """One row of a concordance: a hit and the article it is in."""

    article: ArticleHits
    hit: SearchHit

    @property
    def article_id(self) -> int:
        return self.article.article_id

    @property
    def start(self) -> int:
        return self.hit.start

    @property
    def end(self) -> int:
        return self.hit.end

    @property
    def field(self) -> str:
        """Where the hit is (a `SearchField`): offsets are into that field's stored text."""
        return self.hit.field

    @property
    def in_body(self) -> bool:
        return self.hit.in_body


@dataclass(frozen=True)
class PageJob:
    """Lists one page of a search with `project` (whichever thread it runs in)."""

    query: str
    whole_words: bool
    limit: int
    after: int
    fields: tuple[str, ...] | None = None

    @property
    def first(self) -> bool:
        return self.after == 0

    def __call__(
        self,
        project: Project,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> SearchResult:
        return project.search(
            self.query,
            whole_words=self.whole_words,
            fields=self.fields,
            limit=self.limit,
            after=self.after,
        )


@dataclass(frozen=True)
class CountJob:
    """Counts the exact totals of a search; None when cancelled."""

    query: str
    whole_words: bool
    fields: tuple[str, ...] | None = None

    def __call__(
        self,
        project: Project,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> SearchTotals | None:
        return project.count_matches(
            self.query, whole_words=self.whole_words, fields=self.fields, is_cancelled=is_cancelled
        )


@dataclass(frozen=True)
class ArticleCountJob:
    """Counts the matching articles from the index alone, when it can (None otherwise):
    milliseconds, so the number shows while the hits are still being counted."""

    query: str
    whole_words: bool
    fields: tuple[str, ...] | None = None

    def __call__(
        self,
        project: Project,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> int | None:
        return project.count_articles(self.query, whole_words=self.whole_words, fields=self.fields)


class SearchSession:
    """The hits of one query listed so far, page by page, and what is known of the rest.

    `fields` are the `SearchField`s searched (None: all). Hits in a header field are listed
    with the others (`ListedHit.field`); the reader's spans are the body's only."""

    def __init__(
        self,
        query: str,
        *,
        whole_words: bool = False,
        fields: Sequence[str] | None = None,
        page_size: int = 200,
        first_page_size: int | None = None,
    ) -> None:
        self.query = query
        self.whole_words = whole_words
        self.fields = None if fields is None else tuple(fields)
        self.page_size = max(1, page_size)
        # The first page can be smaller, so the first rows show sooner (a page of 50
        # articles fills a concordance several times over; scrolling lists the rest).
        self.first_page_size = max(1, first_page_size or page_size)
        self.articles: list[ArticleHits] = []
        self.rows: list[ListedHit] = []  # every listed hit, in corpus order
        self.segments: tuple[str, ...] = ()
        self.complete = False  # every matching article is listed
        self.next_after = 0  # the article id the next page starts after
        self.totals: SearchTotals | None = None  # exact, once known
        self.known_articles: int | None = None  # how many articles match, before the totals
        self.message = ""  # why the search stopped (English), "" while it is fine
        self.error: HnreaderError | None = None  # … with its code, when it has one
        self.pages = 0
        self._spans: dict[int, tuple[Span, ...]] = {}  # listed and looked-up articles

    # -- jobs

    def page_job(self) -> PageJob:
        """The job that lists the next page (the first one before any page was added)."""
        size = self.first_page_size if self.pages == 0 else self.page_size
        return PageJob(self.query, self.whole_words, size, self.next_after, self.fields)

    def count_job(self) -> CountJob:
        return CountJob(self.query, self.whole_words, self.fields)

    def article_count_job(self) -> ArticleCountJob:
        return ArticleCountJob(self.query, self.whole_words, self.fields)

    # -- results

    @property
    def failed(self) -> bool:
        return bool(self.message)

    @property
    def counted(self) -> bool:
        return self.totals is not None

    @property
    def total_hits(self) -> int | None:
        return None if self.totals is None else self.totals.hits

    @property
    def total_articles(self) -> int | None:
        return None if self.totals is None else self.totals.articles

    def set_known_articles(self, articles: int | None) -> None:
        """The number of matching articles, known before the hits are counted."""
        if articles is not None:
            self.known_articles = articles

    @property
    def searches_header(self) -> bool:
        """Whether a header field (title, subtitle, byline) is searched."""
        return self.fields is None or any(f != SearchField.BODY for f in self.fields)

    def can_load_more(self) -> bool:
        return self.pages > 0 and not self.failed and not self.complete

    def needs_count(self) -> bool:
        """The listed pages are not the whole result and its totals are not known yet."""
        return self.can_load_more() and not self.counted

    def add_page(self, page: SearchResult) -> list[ListedHit]:
        """Take the next page in; returns the rows it adds (none when it failed, which ends
        the listing)."""
        self.pages += 1
        if page.message:
            self.fail(page.message, page.error)
            return []
        if self.pages == 1:
            self.segments = page.segments
        self.articles.extend(page.articles)
        new_rows = [ListedHit(article, hit) for article in page.articles for hit in article.hits]
        self.rows.extend(new_rows)
        for article in page.articles:
            self._spans[article.article_id] = _body_spans(article)
        self.complete = page.complete
        self.next_after = page.next_after
        if self.complete and not self.counted:  # every hit is listed now
            self.totals = SearchTotals.of([row.hit for row in self.rows], len(self.articles))
        return new_rows

    def fail(self, message: str, error: HnreaderError | None = None) -> None:
        """The search (or its next page) could not be listed: the listing ends here."""
        self.message = message
        self.error = error

    def set_totals(self, totals: SearchTotals | None) -> None:
        if totals is not None:
            self.totals = totals

    def neighbour_article(self, article_id: int | None, step: int) -> int | None:
        """The listed article with hits in the body after (`step` > 0) or before `article_id`,
        in listing order (an article not listed stands where its id would be); None at the
        end of what is listed."""
        listed = [a.article_id for a in self.articles if self._spans.get(a.article_id)]
        if not listed:
            return None
        if article_id in listed:
            position = listed.index(article_id) + (1 if step > 0 else -1)
        else:
            later = [i for i, a in enumerate(listed) if article_id is None or a > article_id]
            first_later = later[0] if later else len(listed)
            position = first_later if step > 0 else first_later - 1
        return listed[position] if 0 <= position < len(listed) else None

    def spans_for(self, article_id: int, project: Project) -> list[Span]:
        """The hits of this search in one article's body, for the reader to highlight.

        Articles not listed yet are searched on their own (one row: cheap); pages come in id
        order, so an article at or below `next_after` that is not listed has no hit."""
        spans = self._spans.get(article_id)
        if spans is not None:
            return list(spans)
        if not self.can_load_more() or article_id <= self.next_after:
            return []
        hits = project.search_article(
            self.query, article_id, whole_words=self.whole_words, fields=self.fields
        )
        found = () if hits is None else _body_spans(hits)
        self._spans[article_id] = found
        return list(found)


def _body_spans(article: ArticleHits) -> tuple[Span, ...]:
    return tuple((hit.start, hit.end) for hit in article.body_hits)

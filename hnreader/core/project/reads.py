"""The project's reads: articles, the codebook, figures, search and export rows, as frozen
models. The UI and the CLI ask here, never the store (see `Project`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from hnreader.core.agreement import AgreementReport
from hnreader.core.agreement import agreement as coder_agreement
from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.analysis.word_snapping import snap_to_words
from hnreader.core.export import hits
from hnreader.core.export.rows import (
    ExportFilter,
    annotation_rows,
    export_annotations,
    export_figures,
)
from hnreader.core.models import (
    Annotation,
    Article,
    ArticleHits,
    ArticleOrigin,
    ArticleSummary,
    ErrorCode,
    Figure,
    Memo,
    Progress,
    QueryError,
    SearchResult,
    SearchTotals,
    Stage,
    StoreError,
    Tag,
    VariableSummary,
)
from hnreader.core.search import engine as searching
from hnreader.core.search.query import parse_query
from hnreader.core.search.session import SearchSession
from hnreader.core.store import Store
from hnreader.core.text.scope import hit_passages

Cancelled = Callable[[], bool]


class ProjectReads:
    """Read access for `Project` (which sets `store` and `segmenter`)."""

    store: Store
    segmenter: Segmenter

    def article(self, article_id: int) -> Article:
        return self.store.article(article_id)

    def article_count(self) -> int:
        return self.store.article_count()

    def variables(self) -> list[VariableSummary]:
        """The document variables of the project: name, kind and how many articles have it."""
        return self.store.variable_summaries()

    def article_variables(self, article_id: int) -> list[tuple[str, str]]:
        return self.store.article_variables(article_id)

    def article_ids(self) -> list[int]:
        return self.store.article_ids()

    def has_article(self, article_id: int) -> bool:
        return self.store.has_article(article_id)

    def first_article_id(self) -> int | None:
        return self.store.first_article_id()

    def article_summaries(self, *, by_date: bool = False) -> list[ArticleSummary]:
        return self.store.article_summaries(by_date=by_date)

    def first_summaries(self, limit: int) -> list[ArticleSummary]:
        return self.store.first_summaries(limit)

    def article_briefs(self, ids: Sequence[int]) -> dict[int, tuple[str, str, str]]:
        """(title, date, source file) of these articles."""
        return self.store.article_briefs(ids)

    def article_origins(self, ids: Sequence[int]) -> dict[int, ArticleOrigin]:
        """Publication, page, section, url and source lines of these articles."""
        return self.store.article_origins(ids)

    def article_texts(self, ids: Sequence[int]) -> dict[int, str]:
        return self.store.article_texts(ids)

    def article_word_flags(self, article_id: int) -> bytes:
        return self.store.article_word_flags(article_id)

    def memos(
        self, *, kind: str | None = None, article_id: int | None = None, tag_id: int | None = None
    ) -> list[Memo]:
        """Memos, newest first (of one kind, article or tag when asked)."""
        return self.store.memos(kind=kind, article_id=article_id, tag_id=tag_id)

    def memo(self, memo_id: int) -> Memo:
        return self.store.memo(memo_id)

    def read_article_ids(self) -> set[int]:
        """The articles the user has opened (kept in the project file)."""
        return self.store.read_article_ids()

    def mark_read(self, article_ids: Sequence[int], read: bool = True) -> None:
        """Mark articles read (or unread again); nothing is done in a read-only project. Not
        an undoable action: the library's bold marks only."""
        self.store.mark_read(article_ids, read)

    def passage_span(
        self, article_id: int, start: int, end: int, *, snap: bool = True
    ) -> tuple[int, int]:
        """`start`–`end` checked against the article's text and, with `snap`, widened to whole
        words as the reader widens a selection; StoreError SPAN_OUTSIDE_TEXT otherwise."""
        length = len(self.store.article(article_id).text)
        if not 0 <= start < end <= length:
            raise StoreError(
                f"{start}–{end} is not a passage of article {article_id}: its text has "
                f"offsets 0–{length}, and the start must come before the end; `hnreader show "
                f"{article_id} --numbered` prints each paragraph's offset",
                code=ErrorCode.SPAN_OUTSIDE_TEXT,
                start=start,
                end=end,
                length=length,
            )
        return (
            snap_to_words(self.store.article_word_flags(article_id), start, end)
            if snap
            else (
                start,
                end,
            )
        )

    def quote_span(self, article_id: int, quote: str, occurrence: int = 1) -> tuple[int, int]:
        """Where the `occurrence`-th (1-based) occurrence of `quote` is in the article's text,
        exactly as written; StoreError QUOTE_NOT_FOUND when there are fewer."""
        text = self.store.article(article_id).text
        starts: list[int] = []
        position = text.find(quote) if quote else -1
        while position >= 0 and len(starts) < occurrence:
            starts.append(position)
            position = text.find(quote, position + 1)
        if len(starts) < occurrence or occurrence < 1:
            found = text.count(quote) if quote else 0
            where = f"it occurs {found} time(s)" if found else "it does not occur"
            raise StoreError(
                f"“{quote}” cannot be tagged as occurrence {occurrence} in article {article_id}: "
                f"{where} in its text (titles and bylines are not part of it); copy the quote "
                "from `hnreader show`",
                code=ErrorCode.QUOTE_NOT_FOUND,
                quote=quote,
                found=found,
                occurrence=occurrence,
            )
        return starts[-1], starts[-1] + len(quote)

    def tags(self) -> list[Tag]:
        return self.store.tags()

    def tag(self, tag_id: int) -> Tag:
        return self.store.tag(tag_id)

    def tag_by_name(self, name: str) -> Tag:
        return self.store.tag_by_name(name)

    def annotation(self, annotation_id: int) -> Annotation:
        return self.store.annotation(annotation_id)

    def annotations(
        self,
        *,
        article_id: int | None = None,
        tag_ids: Sequence[int] | None = None,
        article_ids: Sequence[int] | None = None,
        coder: str | None = None,
        ids: Sequence[int] | None = None,
    ) -> list[Annotation]:
        return self.store.annotations(
            article_id=article_id, tag_ids=tag_ids, article_ids=article_ids, coder=coder, ids=ids
        )

    def coders(self) -> list[str]:
        return self.store.coders()

    def figures(self, article_id: int | None = None) -> list[tuple[int, Figure]]:
        return self.store.figures(article_id)

    def user_words(self) -> list[str]:
        return self.store.user_words()

    def agreement(
        self,
        coders: Sequence[str],
        *,
        tag_ids: Sequence[int] | None = None,
        article_ids: Sequence[int] | None = None,
        unit: str = "sentence",
        min_share: float = 0.0,
        include_children: bool = True,
        is_cancelled: Cancelled | None = None,
    ) -> AgreementReport:
        """How alike the coders coded (see `core.agreement`): per tag and overall, on the
        articles every coder coded (or those named)."""
        annotations = self.store.annotations()
        ids = sorted({a.article_id for a in annotations}) if article_ids is None else article_ids
        for article_id in ids:
            self.store.article(article_id)  # a clear error for an id that is none
        return coder_agreement(
            self.store.article_texts(ids),
            annotations,
            self.store.tags(),
            coders,
            tag_ids=tag_ids,
            article_ids=article_ids,
            unit=unit,
            min_share=min_share,
            include_children=include_children,
            is_cancelled=is_cancelled,
        )

    def export_hits(
        self,
        query: str,
        path: Path,
        *,
        whole_words: bool = False,
        fields: Sequence[str] | None = None,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> int:
        """Every hit of a search (not only a page) as a KWIC table in a CSV file; the number
        of hits written."""

        def page(after: int) -> SearchResult:
            return self.search(
                query, whole_words=whole_words, fields=fields, limit=hits.PAGE, after=after
            )

        def report(done: int, total: int) -> None:
            if progress is not None:
                progress(done, total, Stage.EXPORTING, path.name)

        return hits.export_hits(page, path, report, is_cancelled)

    def search(
        self,
        query: str,
        *,
        whole_words: bool = False,
        fields: Sequence[str] | None = None,
        limit: int = 50,
        after: int = 0,
    ) -> SearchResult:
        """A page of hits: the first `limit` matching articles after article id `after`.
        `fields` are the `SearchField`s searched (None: title, subtitle, byline and body)."""
        return searching.search(
            self.store,
            self.segmenter,
            query,
            whole_words=whole_words,
            fields=fields,
            limit=limit,
            after=after,
        )

    def count_matches(
        self,
        query: str,
        *,
        whole_words: bool = False,
        fields: Sequence[str] | None = None,
        progress: Callable[[int, int], None] | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> SearchTotals | None:
        """The totals of the whole result of a search; None if cancelled or empty."""
        return searching.count_matches(
            self.store,
            self.segmenter,
            query,
            whole_words=whole_words,
            fields=fields,
            progress=progress,
            is_cancelled=is_cancelled,
        )

    def count_articles(
        self, query: str, *, whole_words: bool = False, fields: Sequence[str] | None = None
    ) -> int | None:
        """How many articles match, when the search index alone can say (fast); None when
        only `count_matches` can."""
        return searching.count_articles(
            self.store, self.segmenter, query, whole_words=whole_words, fields=fields
        )

    def query_segmentation(self, query: str) -> tuple[list[list[str]], list[str]] | None:
        """How a query is segmented: the words of each term that must occur, and the
        excluded terms as typed; None when the query cannot be read."""
        try:
            parsed = parse_query(query)
        except QueryError:
            return None
        words = [self.segmenter.cut(term.folded) for term in parsed.positive_terms]
        return words, [term.text for term in parsed.excluded]

    def search_session(
        self,
        query: str,
        *,
        whole_words: bool = False,
        fields: Sequence[str] | None = None,
        page_size: int = 200,
        first_page_size: int | None = None,
    ) -> SearchSession:
        """A new search to follow page by page (see `SearchSession`): nothing is searched
        until its first `page_job()` runs."""
        return SearchSession(
            query,
            whole_words=whole_words,
            fields=fields,
            page_size=page_size,
            first_page_size=first_page_size,
        )

    def hit_passages(
        self, hits: Sequence[tuple[int, int, int]], scope: str
    ) -> list[tuple[int, int, int]]:
        """The distinct passages (article id, start, end) that hits widen to in `scope`
        (hit, clause, sentence, paragraph; see `core.text.scope`)."""
        ids = sorted({article_id for article_id, _, _ in hits})
        return hit_passages(hits, self.store.article_texts(ids), scope)

    def untagged_passages(
        self, passages: Sequence[tuple[int, int, int]], tag_id: int
    ) -> list[tuple[int, int, int]]:
        """The passages not yet tagged `tag_id` with exactly these bounds."""
        ids = sorted({article_id for article_id, _, _ in passages})
        tagged = {
            (a.article_id, a.start, a.end)
            for a in self.store.annotations(article_ids=ids, tag_ids=[tag_id])
        }
        return [passage for passage in passages if passage not in tagged]

    def search_article(
        self,
        query: str,
        article_id: int,
        *,
        whole_words: bool = False,
        fields: Sequence[str] | None = None,
    ) -> ArticleHits | None:
        """The hits of a search in one article."""
        return searching.search_article(
            self.store, self.segmenter, query, article_id, whole_words=whole_words, fields=fields
        )

    def export_annotations(
        self,
        path: Path,
        selection: ExportFilter | None = None,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> int:
        return export_annotations(
            self.store, path, selection or ExportFilter(), progress, is_cancelled
        )

    def count_export_rows(self, selection: ExportFilter) -> int:
        """How many rows `export_annotations` would write for this selection."""
        return len(annotation_rows(self.store, selection))

    def export_figures(
        self,
        path: Path,
        article_ids: Sequence[int] | None = None,
        progress: Progress | None = None,
        is_cancelled: Cancelled | None = None,
    ) -> int:
        return export_figures(self.store, path, article_ids, progress, is_cancelled)

"""Frozen value types passed between the core modules and up to the CLI and UI."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, NamedTuple, Protocol


@dataclass(frozen=True)
class Span:
    """A half-open range [start, end) of code points into an article's stored text."""

    start: int
    end: int


@dataclass(frozen=True)
class RemovedLine:
    """A line the splitter set aside from an article (web boilerplate, ads, navigation)."""

    text: str
    reason: str  # short English label: "navigation", "advert", "hotline", "page furniture", ...
    source_line: int  # 1-based line number in the normalised source file


@dataclass(frozen=True)
class ArticleDraft:
    """One article as the splitter found it, before it is stored."""

    title: str
    text: str  # the body: paragraphs joined by "\n"; captions stay in it
    subtitle: str = ""  # kicker / subtitle / continuation label
    date: str = ""  # ISO yyyy-mm-dd when the year is known, else as written ("5月24日"), else ""
    date_text: str = ""  # the date exactly as written in the source
    byline: str = ""  # the byline line(s) as written, e.g. "■记者 贺佳 冒藹"
    reporters: tuple[str, ...] = ()  # names taken from the byline
    publication: str = ""  # e.g. "湖南日报", "衡阳新闻网", when stated
    page: str = ""  # page / edition (版次) as written: "07 版", "第05版", "A3"
    section: str = ""  # section, column or channel: "要闻", "评论", "民主政治"
    url: str = ""  # the article's original link, when the file gives it
    captions: tuple[Span, ...] = ()  # photo captions, as spans into `text`
    removed: tuple[RemovedLine, ...] = ()
    first_line: int = 0  # 1-based first and last line of the source file this article covers
    last_line: int = 0
    # Document variables (name, value as text), in column order: a table's other columns, a
    # page's url. Stored in article_variables.
    variables: tuple[tuple[str, str], ...] = ()


FigureValue = float | str | None  # a number, an ISO date/time string, or none


@dataclass(frozen=True)
class Figure:
    """A statistic, quantity, date, time or year found in a text (issue 14's figure model)."""

    start: int
    end: int
    text: str  # surface text exactly as in the stored text
    # A number (747万 → 7470000.0; 13.43% → 13.43; 2012年 → 2012.0), an ISO string for dates
    # and times (2019年7月 → "2019-07", 5月24日 → "--05-24", 10时30分 → "10:30"), None for a
    # range (its ends are value_low/value_high) or a caption.
    value: FigureValue
    unit: str  # normalised: "元", "%", "个百分点", "人", "户", "年", "℃", "" ...
    kind: str  # one of FIGURE_KINDS
    value_low: FigureValue = None  # a range's ends (4-6% → 4, 6), or a change's (从A降至B)
    value_high: FigureValue = None
    approx: str | None = None  # the approximation or bound word in the span: 约, 多, 以上 ...
    sign: int = 1  # -1 when the value is negative (零下二十三摄氏度, －8℃)
    direction: str = ""  # a change's: "down" (从13.43%降至0.36%) or "up", on both figures


FIGURE_KINDS = (
    "count",
    "money",
    "percent",
    "percentage_points",
    "ratio",
    "year",
    "date",
    "time",
    "duration",
    "area",
    "length",
    "weight",
    "volume",
    "temperature",
    "other",
    "caption",
)


@dataclass(frozen=True)
class Token:
    """A word from the segmenter with its code-point offsets."""

    start: int
    end: int
    word: str


@dataclass(frozen=True)
class Article:
    id: int
    title: str
    subtitle: str
    date: str
    date_text: str
    byline: str
    reporters: tuple[str, ...]
    publication: str
    source: str  # source file name
    source_id: int
    ordinal: int  # 1-based position within the source file
    text: str
    captions: tuple[Span, ...]
    removed: tuple[RemovedLine, ...]
    annotation_count: int = 0
    page: str = ""  # as in ArticleDraft
    section: str = ""
    url: str = ""
    first_line: int = 0  # the lines of the source file it came from (1-based; 0: unknown)
    last_line: int = 0
    variables: tuple[tuple[str, str], ...] = ()  # (name, value), by name

    @property
    def chars(self) -> int:
        return len(self.text)


class ArticleSummary(NamedTuple):
    """One library row; a named tuple, as 100,000 of them are built at a time (about six
    times faster than a frozen dataclass)."""

    id: int
    title: str
    date: str
    byline: str
    source: str
    ordinal: int
    chars: int
    annotation_count: int


class ArticleOrigin(NamedTuple):
    """Where an article comes from: its publication, its page (版次) and section in print, its
    original link, and the lines of its source file (0 when unknown)."""

    publication: str
    page: str
    section: str
    url: str
    first_line: int
    last_line: int


VARIABLE_KINDS = ("text", "number", "date", "category")


@dataclass(frozen=True)
class VariableSummary:
    """A document variable of the project: its name, kind (one of VARIABLE_KINDS, inferred
    at import) and how many articles have a value for it."""

    name: str
    kind: str
    articles: int


@dataclass(frozen=True)
class Tag:
    id: int
    name: str
    color: str
    description: str
    parent_id: int | None
    shortcut: str
    path: str  # "parent/child"
    annotation_count: int = 0


@dataclass(frozen=True)
class Annotation:
    id: int
    kind: str  # "passage" or "figure"
    article_id: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    note: str
    coder: str
    created: str
    updated: str
    tag_ids: tuple[int, ...]
    figure_value: FigureValue = None
    figure_unit: str = ""
    figure_kind: str = ""


@dataclass(frozen=True)
class Orphan:
    """An annotation whose text a correction removed: kept with its quote, context, note,
    coder and tags until it is attached again or deleted (issue 13)."""

    id: int
    annotation_id: int  # the id it had (and gets back when attached, if still free)
    article_id: int  # the article it was on (which may be gone)
    article_title: str
    kind: str
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    note: str
    coder: str
    created: str
    tag_ids: tuple[int, ...]
    orphaned: str  # when (ISO time)
    reason: str  # the correction that set it aside (a ChangeKind value)


@dataclass(frozen=True)
class Memo:
    """A researcher's note: on an article, on a tag (beyond its description), or an entry of
    the project's journal."""

    id: int
    kind: str  # "article", "tag" or "journal"
    article_id: int | None
    tag_id: int | None
    text: str
    coder: str
    created: str
    updated: str


class SearchField:
    """Where in an article a search hit is: its body text or one of its header fields."""

    TITLE = "title"
    SUBTITLE = "subtitle"  # the kicker
    BYLINE = "byline"
    BODY = "body"

    HEADER: ClassVar[tuple[str, ...]] = (TITLE, SUBTITLE, BYLINE)
    ALL: ClassVar[tuple[str, ...]] = (TITLE, SUBTITLE, BYLINE, BODY)  # the order hits are listed


@dataclass(frozen=True)
class SearchHit:
    """One occurrence of a query term. `start`/`end` are code points into the article's
    stored body text, or into the stored title/subtitle/byline string when `field` says so."""

    start: int
    end: int
    text: str
    left: str
    right: str
    match: (
        str  # "word" (aligns with accurate-mode words), "subword" (a search-mode word), "substring"
    )
    field: str = SearchField.BODY  # a SearchField value

    @property
    def whole_word(self) -> bool:
        return self.match != "substring"

    @property
    def in_body(self) -> bool:
        """Whether the offsets are into the body text (the only text that can be tagged)."""
        return self.field == SearchField.BODY


@dataclass(frozen=True)
class ArticleHits:
    article_id: int
    title: str
    date: str
    source: str
    hits: tuple[SearchHit, ...]  # header fields' hits first (SearchField.ALL order), then body

    @property
    def body_hits(self) -> tuple[SearchHit, ...]:
        return tuple(hit for hit in self.hits if hit.in_body)


@dataclass(frozen=True)
class SearchTotals:
    """The exact size of a search's whole result: hits in every field searched, matching
    articles, and how many of the hits are outside the body, per header field."""

    hits: int
    articles: int
    header_hits: tuple[tuple[str, int], ...] = ()  # (SearchField, count) where count > 0

    def in_field(self, field: str) -> int:
        return dict(self.header_hits).get(field, 0)

    @property
    def body_hits(self) -> int:
        return self.hits - sum(count for _, count in self.header_hits)

    @classmethod
    def of(cls, hits: Sequence[SearchHit], articles: int) -> SearchTotals:
        """The totals of a result whose every hit is in `hits`."""
        counts = Counter(hit.field for hit in hits if not hit.in_body)
        header = tuple((f, counts[f]) for f in SearchField.HEADER if counts[f])
        return cls(len(hits), articles, header)


@dataclass(frozen=True)
class SearchResult:
    """One page of a search: articles in corpus order, every hit in each."""

    query: str
    segments: tuple[str, ...]
    total_hits: int | None  # exact when the page is the whole result, else None (not counted)
    total_articles: int | None
    articles: tuple[ArticleHits, ...]
    message: str = ""  # why nothing could be searched (English), for a query that cannot be
    error: HnreaderError | None = field(default=None, compare=False)  # … with its code
    complete: bool = True  # no matching article is left after this page
    next_after: int = 0  # the article id the next page starts after


@dataclass(frozen=True)
class ImportProblem:
    """A file that could not be imported, or a part of one that was left out (rows without
    text): its path, what went wrong (an `ErrorCode` value, "" when none fits) with its
    facts, and the English wording."""

    path: str
    code: str
    details: dict[str, object]
    message: str


@dataclass(frozen=True)
class ImportReport:
    added_articles: int = 0
    added_files: tuple[str, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()  # (path, reason)
    cancelled: bool = False
    article_ids: tuple[int, ...] = field(default=())
    # Files skipped because an earlier version of the same file (same path, other text) is
    # in the project: importing them again with on_changed="keep_both" adds a second copy.
    changed: tuple[str, ...] = ()
    # The skipped files again with their codes (same order as `skipped`), then the notes on
    # files that were imported in part (rows without text), for the UI to word.
    problems: tuple[ImportProblem, ...] = ()
    notes: tuple[ImportProblem, ...] = ()


class HnreaderError(Exception):
    """An error whose message is meant for the user.

    `code` says what kind of failure it is (one of the ``ErrorCode`` values, "" when none
    fits) and `details` carries its facts (file, names, counts), so the UI can word and
    translate it and the CLI can choose an exit code; the message is the English wording.
    """

    def __init__(self, message: str, *, code: str = "", **details: object) -> None:
        super().__init__(message)
        self.code = code
        self.details = details


class ImportFileError(HnreaderError):
    """A file could not be imported; the message names the file and why."""


class InvalidMapping(HnreaderError):
    """A column mapping (`--map role=column,…`) that cannot be read."""


class QueryError(HnreaderError):
    """A search query could not be understood."""


class StoreError(HnreaderError):
    """The project file could not be opened or changed as asked."""


class Stage:
    """What long work is doing: `progress(done, total, stage, item)` reports it with counts
    (`item` names what is being done, e.g. a file name) and the UI words it in its language."""

    STARTING = "starting"  # worker processes are being started
    READING = "reading"  # files read once before an import, for lines they share; item: name
    IMPORTING = "importing"  # item: the file's name
    INDEXING = "indexing"
    EXPORTING = "exporting"
    BACKING_UP = "backing_up"
    UPGRADING = "upgrading"  # a copy of an older project file brought to this format; item: name
    SALVAGING = "salvaging"
    ANALYSING = "analysing"  # an analysis of the codes (retrieval, matrix, co-occurrence)
    DONE = "done"
    CANCELLED = "cancelled"


class Progress(Protocol):
    """A long function's progress callback: `done` of `total` units, at `stage`."""

    def __call__(self, done: int, total: int, stage: str, item: str = "") -> None: ...


def no_progress(done: int, total: int, stage: str, item: str = "") -> None:
    """A progress callback that ignores every report."""


class ErrorCode:
    """The kinds of failure a project file can report (``HnreaderError.code``)."""

    CONFLICT = "conflict"  # another window or process changed the rows since
    BUSY = "busy"  # another window or program holds the write lock
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"  # the file, its folder or the file system cannot be written
    PERMISSION = "permission"  # the file cannot be opened at all
    DAMAGED = "damaged"  # the file is damaged: opened read-only, never written
    NOT_A_PROJECT = "not_a_project"
    EMPTY_FILE = "empty_file"  # 0 bytes: not silently made into a new project
    TOO_NEW = "too_new"  # saved by a newer hnreader
    TOO_OLD = "too_old"  # an older file format, where it is only read (a merge's other file)
    INCONSISTENT_SCHEMA = "inconsistent_schema"  # its version does not match its tables
    MISSING = "missing"
    IO_ERROR = "io_error"
    INVALID_VALUE = "invalid_value"  # details: value
    NOTHING_TO_DO = "nothing_to_do"
    SPAN_OUTSIDE_TEXT = "span_outside_text"  # details: start, end, length
    QUOTE_NOT_FOUND = "quote_not_found"  # details: quote, found (occurrences), occurrence
    # A search query that holds nothing to search for (details: length, count, limit)
    QUERY_NOT_TEXT = "query_not_text"
    QUERY_EMPTY = "query_empty"
    QUERY_TOO_LONG = "query_too_long"
    QUERY_ONLY_EXCLUDES = "query_only_excludes"
    QUERY_ONLY_PUNCTUATION = "query_only_punctuation"
    QUERY_TOO_MANY_TERMS = "query_too_many_terms"
    # A file that cannot be imported (details: file, and what each names)
    NOT_A_REGULAR_FILE = "not_a_regular_file"
    FILE_TOO_LARGE = "file_too_large"  # details: size, limit (bytes)
    EMPTY_SOURCE = "empty_source"  # empty, or no article text in it
    BINARY_FILE = "binary_file"
    ENCODING_UNDECIDABLE = "encoding_undecidable"
    UNSUPPORTED_FORMAT = "unsupported_format"  # details: suffix
    OLD_OFFICE_FORMAT = "old_office_format"  # details: suffix (.doc, .xls, .ppt), modern
    WRONG_CONTENT = "wrong_content"  # details: suffix, found (what the bytes are)
    DAMAGED_ARCHIVE = "damaged_archive"  # a .docx/.xlsx whose zip cannot be read
    ARCHIVE_TOO_LARGE = "archive_too_large"  # details: size, limit (uncompressed bytes)
    XML_ENTITIES = "xml_entities"  # entity declarations (possible entity expansion)
    MALFORMED_FILE = "malformed_file"  # details: what, where (a line or row number)
    NO_TEXT_COLUMN = "no_text_column"  # details: columns (the names found)
    UNKNOWN_COLUMN = "unknown_column"  # details: column, columns (--map names a missing one)
    ALREADY_IMPORTED = "already_imported"  # details: earlier (the name it was imported as)
    CHANGED_SINCE_IMPORT = "changed_since_import"  # details: imported (ISO time)
    IMPORT_CANCELLED = "import_cancelled"
    # Part of a file left out while the rest imported (details: rows, count)
    ROWS_WITHOUT_TEXT = "rows_without_text"
    ROWS_MALFORMED = "rows_malformed"  # JSON lines or records that could not be read
    ROWS_REPAIRED = "rows_repaired"  # damaged JSON records read field by field


RowKey = tuple[Any, ...]
RowState = dict[str, dict[RowKey, dict[str, Any] | None]]


class ChangeKind:
    """What kind of user action a `Change` is; its `args` fill the English label's {0}, {1}
    (the UI words and translates the same kinds itself)."""

    TAG_PASSAGE = "tag_passage"  # args: the quote (shortened)
    TAG_PASSAGES = "tag_passages"  # args: how many
    EDIT_NOTE = "edit_note"
    CHANGE_TAGS = "change_tags"
    DELETE_ANNOTATION = "delete_annotation"
    CREATE_TAG = "create_tag"  # args: the tag's name
    RENAME_TAG = "rename_tag"  # args: the old name
    RECOLOUR_TAG = "recolour_tag"
    MOVE_TAG = "move_tag"
    EDIT_TAG = "edit_tag"
    MERGE_TAGS = "merge_tags"  # args: source name, target name
    DELETE_TAG = "delete_tag"
    RENAME_ARTICLE = "rename_article"
    EDIT_ARTICLE = "edit_article"
    SPLIT_ARTICLE = "split_article"  # args: the title (shortened)
    MERGE_ARTICLES = "merge_articles"  # args: the first title (shortened)
    GIVE_YEAR = "give_year"  # args: the year, how many dates
    DELETE_ARTICLE = "delete_article"  # args: the title (shortened)
    SET_VARIABLE = "set_variable"  # args: the variable's name, how many articles
    ADD_MEMO = "add_memo"
    EDIT_MEMO = "edit_memo"
    DELETE_MEMO = "delete_memo"
    IMPORT_EXCHANGE = "import_exchange"  # args: the file's name, how many articles
    ADD_WORD = "add_word"  # args: the word
    REMOVE_WORD = "remove_word"
    MERGE_CODING = "merge_coding"  # args: the other project's file name
    RESOLVE = "resolve"  # args: the consensus coder's name
    # the statistics ledger (issue 14)
    ADD_INDICATOR = "add_indicator"  # args: the name, the indicator it is a name of
    REMOVE_INDICATOR = "remove_indicator"  # args: the name
    MERGE_INDICATORS = "merge_indicators"  # args: the name merged, the name it became
    UNMERGE_INDICATOR = "unmerge_indicator"  # args: the name
    CONFIRM_ENTRY = "confirm_entry"  # args: the entry (indicator · place · period)
    UNCONFIRM_ENTRY = "unconfirm_entry"
    MARK_CORRECT = "mark_correct"  # args: the value, the entry
    CLEAR_CORRECT = "clear_correct"  # args: the entry
    EXCLUDE_ARTICLES = "exclude_articles"  # args: how many
    INCLUDE_ARTICLES = "include_articles"  # args: how many
    SET_ASIDE_LINE = "set_aside_line"  # args: the title (shortened)
    RESTORE_LINE = "restore_line"  # args: the title (shortened)
    TITLE_FROM_LINE = "title_from_line"  # args: the new title (shortened)
    REIMPORT = "reimport"  # args: the file's name, the split mode
    ATTACH_ORPHAN = "attach_orphan"  # args: the quote (shortened)
    DELETE_ORPHAN = "delete_orphan"  # args: the quote (shortened)
    ADD_STOP_WORDS = "add_stop_words"  # args: the words (shortened), how many
    REMOVE_STOP_WORDS = "remove_stop_words"

    ENGLISH: ClassVar[dict[str, str]] = {
        TAG_PASSAGE: "Tag “{0}”",
        TAG_PASSAGES: "Tag {0} passages",
        EDIT_NOTE: "Edit note",
        CHANGE_TAGS: "Change tags",
        DELETE_ANNOTATION: "Delete annotation",
        CREATE_TAG: "Create tag “{0}”",
        RENAME_TAG: "Rename tag “{0}”",
        RECOLOUR_TAG: "Recolour tag “{0}”",
        MOVE_TAG: "Move tag “{0}”",
        EDIT_TAG: "Edit tag “{0}”",
        MERGE_TAGS: "Merge tag “{0}” into “{1}”",
        DELETE_TAG: "Delete tag “{0}”",
        RENAME_ARTICLE: "Rename article",
        EDIT_ARTICLE: "Edit article details",
        SPLIT_ARTICLE: "Split “{0}”",
        MERGE_ARTICLES: "Merge “{0}” with next",
        GIVE_YEAR: "Date {1} article(s) in {0}",
        DELETE_ARTICLE: "Delete article “{0}”",
        SET_VARIABLE: "Set “{0}” on {1} article(s)",
        ADD_MEMO: "Add memo",
        EDIT_MEMO: "Edit memo",
        DELETE_MEMO: "Delete memo",
        IMPORT_EXCHANGE: "Import “{0}”",
        ADD_WORD: "Add word “{0}”",
        REMOVE_WORD: "Remove word “{0}”",
        MERGE_CODING: "Merge coding from “{0}”",
        RESOLVE: "Resolve a disagreement as “{0}”",
        ADD_INDICATOR: "Add indicator name “{0}”",
        REMOVE_INDICATOR: "Remove indicator name “{0}”",
        MERGE_INDICATORS: "Merge indicator “{0}” into “{1}”",
        UNMERGE_INDICATOR: "Unmerge indicator “{0}”",
        CONFIRM_ENTRY: "Confirm “{0}”",
        UNCONFIRM_ENTRY: "Unconfirm “{0}”",
        MARK_CORRECT: "Mark {0} correct in “{1}”",
        CLEAR_CORRECT: "Clear the correct value of “{0}”",
        EXCLUDE_ARTICLES: "Exclude {0} article(s)",
        INCLUDE_ARTICLES: "Include {0} article(s)",
        SET_ASIDE_LINE: "Set aside a line of “{0}”",
        RESTORE_LINE: "Restore a line to “{0}”",
        TITLE_FROM_LINE: "Make “{0}” the title",
        REIMPORT: "Re-import {0} ({1})",
        ATTACH_ORPHAN: "Attach “{0}”",
        DELETE_ORPHAN: "Delete orphan “{0}”",
        ADD_STOP_WORDS: "Add stop words “{0}”",
        REMOVE_STOP_WORDS: "Remove stop words “{0}”",
    }


@dataclass(frozen=True)
class Change:
    """What one user action did: its kind and arguments, and the touched rows before and
    after (None = absent). Applying `before` undoes it and `after` redoes it
    (`Store.restore_rows`)."""

    kind: str  # a ChangeKind value
    args: tuple[str, ...]
    before: RowState
    after: RowState
    result_id: int | None = None  # id of the created/changed object, when there is one

    @property
    def label(self) -> str:
        """The action in English (the CLI's words; the UI translates `kind` itself)."""
        return ChangeKind.ENGLISH.get(self.kind, self.kind).format(*self.args)

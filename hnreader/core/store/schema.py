"""The schema of a project file, as numbered migrations."""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Callable

from hnreader.core.text.dates import iso_dates
from hnreader.core.text.fts import fts_document, header_documents

SCHEMA_VERSION = 18

# ---------------------------------------------------------------------------------- schema


def _migration_1_initial_schema(conn: sqlite3.Connection) -> None:
    statements = """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE source_files (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        encoding TEXT NOT NULL,
        text TEXT NOT NULL,
        imported TEXT NOT NULL
    );
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        source_id INTEGER NOT NULL REFERENCES source_files(id),
        ordinal REAL NOT NULL,
        title TEXT NOT NULL,
        subtitle TEXT NOT NULL DEFAULT '',
        date TEXT NOT NULL DEFAULT '',
        date_text TEXT NOT NULL DEFAULT '',
        byline TEXT NOT NULL DEFAULT '',
        reporters TEXT NOT NULL DEFAULT '[]',
        publication TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        captions TEXT NOT NULL DEFAULT '[]',
        removed TEXT NOT NULL DEFAULT '[]',
        first_line INTEGER NOT NULL DEFAULT 0,
        last_line INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX articles_source ON articles(source_id, ordinal);
    CREATE INDEX articles_date ON articles(date);
    CREATE TABLE article_index (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        version TEXT NOT NULL,
        flags BLOB NOT NULL
    );
    CREATE VIRTUAL TABLE article_fts USING fts5(
        chars, words, tokenize = 'unicode61 remove_diacritics 0'
    );
    CREATE TABLE figures (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        value REAL,
        unit TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL
    );
    CREATE INDEX figures_article ON figures(article_id, start);
    CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        color TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        parent_id INTEGER REFERENCES tags(id),
        shortcut TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0,
        created TEXT NOT NULL
    );
    CREATE TABLE annotations (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('passage', 'figure')),
        article_id INTEGER NOT NULL REFERENCES articles(id),
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        quote TEXT NOT NULL,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        coder TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        figure_value REAL,
        figure_unit TEXT NOT NULL DEFAULT '',
        figure_kind TEXT NOT NULL DEFAULT '',
        CHECK (start >= 0 AND "end" > start)
    );
    CREATE INDEX annotations_article ON annotations(article_id, start);
    CREATE TABLE annotation_tags (
        annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id),
        PRIMARY KEY (annotation_id, tag_id)
    );
    CREATE INDEX annotation_tags_tag ON annotation_tags(tag_id);
    CREATE TABLE user_words (word TEXT PRIMARY KEY, added TEXT NOT NULL);
    """
    for statement in statements.split(";"):
        if statement.strip():
            conn.execute(statement)


def _migration_2_compact_index(conn: sqlite3.Connection) -> None:
    """A contentless FTS table over the characters only (the `words` column was never
    queried; no per-document sizes either, as results are no longer ranked by BM25), the
    folded text kept only where OpenCC changes it, source files compressed.

    The index is emptied: every article is indexed again on the next open (the app does it
    in the background, the CLI before its first search).
    """
    conn.execute("DROP TABLE article_fts")
    conn.execute(
        "CREATE VIRTUAL TABLE article_fts USING fts5("
        "chars, content = '', columnsize = 0, tokenize = 'unicode61 remove_diacritics 0')"
    )
    conn.execute("DELETE FROM article_index")
    conn.execute("ALTER TABLE article_index ADD COLUMN folded TEXT")
    conn.execute("ALTER TABLE source_files ADD COLUMN compression TEXT NOT NULL DEFAULT ''")
    conn.execute("DELETE FROM meta WHERE key = 'index_fold'")
    for source_id, text in conn.execute("SELECT id, text FROM source_files").fetchall():
        conn.execute(
            "UPDATE source_files SET text = ?, compression = 'zlib' WHERE id = ?",
            (compress_text(text), source_id),
        )


def _migration_3_article_lengths(conn: sqlite3.Connection) -> None:
    """Each article's length in code points, so the library lists 100,000 articles without
    reading every text (`length(text)` has to). Written with the text on insert; a trigger
    keeps it right whenever the text is updated."""
    conn.execute("ALTER TABLE articles ADD COLUMN chars INTEGER NOT NULL DEFAULT 0")
    conn.execute("UPDATE articles SET chars = length(text)")
    conn.execute(
        "CREATE TRIGGER articles_chars AFTER UPDATE OF text ON articles BEGIN "
        "UPDATE articles SET chars = length(NEW.text) WHERE id = NEW.id; END"
    )


def _migration_4_library_index(conn: sqlite3.Connection) -> None:
    """The library lists every article by source and position with its title, date, byline
    and length: an index holding those columns lets it do so without reading the article
    rows (each several kilobytes of text), which is what made a cold start slow at 100,000
    articles. It replaces the (source_id, ordinal) index it extends."""
    conn.execute("DROP INDEX articles_source")
    conn.execute(
        "CREATE INDEX articles_source ON articles(source_id, ordinal, title, date, byline, chars)"
    )
    # Whether anything needs re-indexing is asked at every start: answered from this index.
    conn.execute("CREATE INDEX article_index_version ON article_index(version)")


# The tables whose ids a change records, rebuilt with AUTOINCREMENT in migration 5: the
# columns in their current order (after migrations 1–4).
_AUTOINCREMENT_TABLES = {
    "source_files": """
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        encoding TEXT NOT NULL,
        text TEXT NOT NULL,
        imported TEXT NOT NULL,
        compression TEXT NOT NULL DEFAULT ''
    """,
    "articles": """
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        source_id INTEGER NOT NULL REFERENCES source_files(id),
        ordinal REAL NOT NULL,
        title TEXT NOT NULL,
        subtitle TEXT NOT NULL DEFAULT '',
        date TEXT NOT NULL DEFAULT '',
        date_text TEXT NOT NULL DEFAULT '',
        byline TEXT NOT NULL DEFAULT '',
        reporters TEXT NOT NULL DEFAULT '[]',
        publication TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        captions TEXT NOT NULL DEFAULT '[]',
        removed TEXT NOT NULL DEFAULT '[]',
        first_line INTEGER NOT NULL DEFAULT 0,
        last_line INTEGER NOT NULL DEFAULT 0,
        chars INTEGER NOT NULL DEFAULT 0
    """,
    "figures": """
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        value REAL,
        unit TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL
    """,
    "tags": """
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE,
        color TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        parent_id INTEGER REFERENCES tags(id),
        shortcut TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0,
        created TEXT NOT NULL
    """,
    "annotations": """
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('passage', 'figure')),
        article_id INTEGER NOT NULL REFERENCES articles(id),
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        quote TEXT NOT NULL,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        coder TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        figure_value REAL,
        figure_unit TEXT NOT NULL DEFAULT '',
        figure_kind TEXT NOT NULL DEFAULT '',
        CHECK (start >= 0 AND "end" > start)
    """,
}


def _migration_5_ids_never_reused(conn: sqlite3.Connection) -> None:
    """Ids are never handed out twice (AUTOINCREMENT), so a redo that puts back a deleted
    row by its recorded id cannot overwrite a row another window or process created
    meanwhile with the same id (the reliability issue, F3).

    SQLite cannot add AUTOINCREMENT to a table: each is rebuilt (new table, copy, drop,
    rename) with foreign keys off, as its documentation prescribes; references from other
    tables name the table and follow the rename. Indexes and the trigger go with the old
    tables and are made again.
    """
    for table, columns in _AUTOINCREMENT_TABLES.items():
        conn.execute(f"CREATE TABLE {table}_rebuilt ({columns})")
        names = ", ".join(
            f'"{row[1]}"' for row in conn.execute(f"PRAGMA table_info({table})").fetchall()
        )
        conn.execute(f"INSERT INTO {table}_rebuilt ({names}) SELECT {names} FROM {table}")
        conn.execute(f"DROP TABLE {table}")
        conn.execute(f"ALTER TABLE {table}_rebuilt RENAME TO {table}")
    conn.execute(
        "CREATE INDEX articles_source ON articles(source_id, ordinal, title, date, byline, chars)"
    )
    conn.execute("CREATE INDEX articles_date ON articles(date)")
    conn.execute("CREATE INDEX figures_article ON figures(article_id, start)")
    conn.execute("CREATE INDEX annotations_article ON annotations(article_id, start)")
    # Re-importing a file asks whether an earlier version of it (same path) is there.
    conn.execute("CREATE INDEX source_files_path ON source_files(path)")
    conn.execute(
        "CREATE TRIGGER articles_chars AFTER UPDATE OF text ON articles BEGIN "
        "UPDATE articles SET chars = length(NEW.text) WHERE id = NEW.id; END"
    )


def _migration_6_iso_dates(conn: sqlite3.Connection) -> None:
    """Every article's date in ISO (issue 12): a date stored as written without its year
    (5月24日, the splitter's old way) takes the year of its file's name or of the nearest
    article of the same file that has one, else becomes --05-24. A date the user edited
    (it differs from the date as written) is kept."""
    rows = conn.execute(
        "SELECT a.id, a.source_id, a.date, a.date_text, s.name FROM articles a "
        "JOIN source_files s ON s.id = a.source_id ORDER BY a.source_id, a.ordinal"
    ).fetchall()
    by_source: dict[int, list[tuple[int, str, str, str]]] = {}
    for article_id, source_id, value, written, name in rows:
        by_source.setdefault(source_id, []).append((article_id, value, written, name))
    for articles in by_source.values():
        new = iso_dates([value for _, value, _, _ in articles], articles[0][3])
        for (article_id, value, written, _), iso in zip(articles, new, strict=True):
            if iso != value and value == written:
                conn.execute("UPDATE articles SET date = ? WHERE id = ?", (iso, article_id))


def _migration_7_page_section_url(conn: sqlite3.Connection) -> None:
    """Where an article was published (issue 12, clean metadata): its page or edition as
    written (版次: 07 版, A3), its section or column (要闻, 评论) and its original link. Articles
    imported before have none ('')."""
    for column in ("page", "section", "url"):
        conn.execute(f"ALTER TABLE articles ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")


def _migration_8_document_variables(conn: sqlite3.Connection) -> None:
    """Document variables (issue 13): any number of named values per article (a table's
    other columns, a page's url), a kind per variable name (text, number, date, category:
    inferred at import), and each source file's format (txt, html, docx, csv, xlsx, …), which
    says how its stored text was read into articles."""
    conn.execute(
        "CREATE TABLE article_variables ("
        "article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE, "
        "name TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (article_id, name))"
    )
    conn.execute("CREATE INDEX article_variables_name ON article_variables(name, value)")
    conn.execute(
        "CREATE TABLE variables (name TEXT PRIMARY KEY, kind TEXT NOT NULL DEFAULT 'text' "
        "CHECK (kind IN ('text', 'number', 'date', 'category')))"
    )
    conn.execute("ALTER TABLE source_files ADD COLUMN format TEXT NOT NULL DEFAULT 'txt'")


HEADER_FTS_SCHEMA = (  # as of format 17 (9 made it with unicode61; 17 rebuilds it)
    "CREATE VIRTUAL TABLE article_header_fts USING fts5(title, subtitle, byline, "
    "columnsize = 0, tokenize = 'ascii')"
)


def _migration_9_header_index(conn: sqlite3.Connection) -> None:
    """Search covers titles, subtitles (kickers) and bylines (issue 12): their own FTS index,
    one row per indexed article (rowid = article id), each field's folded characters set
    apart as in the text index. Unlike that one it keeps its content (a few dozen
    characters an article): a row is deleted by its rowid, whatever the title was, and the
    folded views are read back from it when searching. Filled here for every article that
    has an index row; the others get theirs when they are indexed."""
    conn.execute(HEADER_FTS_SCHEMA)
    rows = conn.execute(
        "SELECT a.id, a.title, a.subtitle, a.byline FROM articles a "
        "JOIN article_index i ON i.article_id = a.id"
    ).fetchall()
    conn.executemany(
        "INSERT INTO article_header_fts(rowid, title, subtitle, byline) VALUES (?, ?, ?, ?)",
        [(article_id, *header_documents(*fields)) for article_id, *fields in rows],
    )


# meta key recording which figure model the stored figures follow (FIGURES_VERSION in
# core/analysis/figures.py); "1" is the model before issue 14 (yyyymmdd dates, no ranges).
FIGURES_VERSION_KEY = "figures_version"
FIGURE_COLUMNS = """
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        value,
        unit TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL,
        value_low,
        value_high,
        approx TEXT,
        sign INTEGER NOT NULL DEFAULT 1,
        direction TEXT NOT NULL DEFAULT ''
"""


def _migration_10_figure_model(conn: sqlite3.Connection) -> None:
    """The figure model of issue 14: a value that is a number or an ISO date/time string
    (the columns have no type, so SQLite keeps "2019-07" and 2019.0 as they are: a REAL
    column would turn the text "2019" into a number), a range's or change's two ends, the
    approximation word, the sign and a change's direction. The table is rebuilt with the
    old rows kept; as they follow the old model (yyyymmdd dates, no ranges) they are marked
    stale, and re-deriving (the reindexing path, run on open) replaces them from the text."""
    from hnreader.core.analysis.figures import FIGURES_VERSION

    conn.execute(f"CREATE TABLE figures_rebuilt ({FIGURE_COLUMNS})")
    conn.execute(
        'INSERT INTO figures_rebuilt (id, article_id, start, "end", text, value, unit, kind) '
        'SELECT id, article_id, start, "end", text, value, unit, kind FROM figures'
    )
    conn.execute("DROP TABLE figures")
    conn.execute("ALTER TABLE figures_rebuilt RENAME TO figures")
    conn.execute("CREATE INDEX figures_article ON figures(article_id, start)")
    has_articles = conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None
    conn.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (FIGURES_VERSION_KEY, "1" if has_articles else FIGURES_VERSION),
    )


def lacks_figure_model(conn: sqlite3.Connection) -> bool:
    """A file at format 11 written before migration 10 existed (format 11 was made while 10
    was reserved for the figure model) has the old figures table: migration 10 is run on it
    when it is opened for writing."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(figures)").fetchall()}
    return bool(columns) and "value_low" not in columns


def add_figure_model(conn: sqlite3.Connection) -> None:
    _migration_10_figure_model(conn)


def lacks_word_counts(conn: sqlite3.Connection) -> bool:
    """A file at a later format made while 13 was reserved for the word counts (migrations
    run in order and skip numbers below the file's) has none of their tables: migration 13
    (idempotent) is run on it when it is opened for writing."""
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'word_buckets'"
    ).fetchone()
    return found is None


def add_word_counts(conn: sqlite3.Connection) -> None:
    _migration_13_word_counts(conn)


def _migration_11_change_log(conn: sqlite3.Connection) -> None:
    """The undo history kept in the file (`change_log`): the last actions of every window
    and of the command line, each with the rows it changed before and after; and which
    articles have been read (`read_articles`), which travels with the project; and memos."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS read_articles (article_id INTEGER PRIMARY KEY "
        "REFERENCES articles(id) ON DELETE CASCADE, read TEXT NOT NULL)"
    )
    conn.execute(  # memos (issue 17): on an article, on a tag, or in the project's journal
        "CREATE TABLE IF NOT EXISTS memos (id INTEGER PRIMARY KEY AUTOINCREMENT, "
        "kind TEXT NOT NULL CHECK (kind IN ('article', 'tag', 'journal')), "
        "article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE, "
        "tag_id INTEGER REFERENCES tags(id) ON DELETE CASCADE, text TEXT NOT NULL, "
        "coder TEXT NOT NULL DEFAULT '', created TEXT NOT NULL, updated TEXT NOT NULL)"
    )
    conn.execute(
        "CREATE TABLE IF NOT EXISTS change_log ("
        "id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, args TEXT NOT NULL, "
        "state BLOB NOT NULL, result_id INTEGER, coder TEXT NOT NULL DEFAULT '', "
        "session TEXT NOT NULL DEFAULT '', made TEXT NOT NULL, "
        "undone INTEGER NOT NULL DEFAULT 0, undone_by TEXT NOT NULL DEFAULT '')"
    )


def _migration_12_ledger_decisions(conn: sqlite3.Connection) -> None:
    """The statistics ledger's decisions (issue 14): the project's own indicator names (or
    other names of shipped ones), indicator names merged into others, and per entry
    (indicator, measure, place, period) whether it was confirmed and which value was marked
    correct (by its article and span, which survive re-deriving the figures). No foreign
    key to articles: a value whose article is gone is simply not found again."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS ledger_indicators (alias TEXT PRIMARY KEY, "
        "indicator TEXT NOT NULL, kinds TEXT NOT NULL DEFAULT '', added TEXT NOT NULL)"
    )
    conn.execute(
        "CREATE TABLE IF NOT EXISTS ledger_merges (name TEXT PRIMARY KEY, "
        "into_name TEXT NOT NULL, made TEXT NOT NULL)"
    )
    conn.execute(
        "CREATE TABLE IF NOT EXISTS ledger_decisions (indicator TEXT NOT NULL, "
        "measure TEXT NOT NULL, place TEXT NOT NULL, period TEXT NOT NULL, "
        "confirmed INTEGER NOT NULL DEFAULT 0, correct_article_id INTEGER, "
        "correct_start INTEGER, correct_end INTEGER, coder TEXT NOT NULL DEFAULT '', "
        "made TEXT NOT NULL, PRIMARY KEY (indicator, measure, place, period))"
    )


BODY_FTS_SCHEMA = (
    "CREATE VIRTUAL TABLE article_fts USING fts5("
    "chars, content = '', columnsize = 0, tokenize = 'ascii')"
)
_REFILL_BATCH = 500


def _migration_17_every_character_indexed(conn: sqlite3.Connection) -> None:
    """Every character of the text in the body index (issue 15): punctuation, symbols,
    digits with their separators and spaces are tokens too, each at its own position
    (`core/text/fts.py`), so a term's phrase matches exactly the articles holding it and
    queries such as `13.43%` or `。` are posting-list lookups, never a scan of the texts.

    The index is rebuilt here from what the store keeps (text and folded view), without
    segmenting anything again; the word-boundary flags are unchanged. The header index is
    rebuilt too (ascii, punctuation kept as tokens, spaces separating).

    And an article's word counts (migration 13) go when it is excluded (migration 14): an
    excluded article counts in no total; they are counted again if it is included."""
    conn.execute(
        "CREATE TRIGGER IF NOT EXISTS article_words_excluded AFTER UPDATE OF excluded ON "
        "articles WHEN NEW.excluded != 0 BEGIN "
        "DELETE FROM article_words WHERE article_id = OLD.id; END"
    )
    conn.execute("DROP TABLE article_header_fts")
    conn.execute(HEADER_FTS_SCHEMA)
    headers = conn.execute(
        "SELECT a.id, a.title, a.subtitle, a.byline FROM articles a "
        "JOIN article_index i ON i.article_id = a.id ORDER BY a.id"
    )
    while batch := headers.fetchmany(_REFILL_BATCH):
        conn.executemany(
            "INSERT INTO article_header_fts(rowid, title, subtitle, byline) VALUES (?, ?, ?, ?)",
            [(article_id, *header_documents(*fields)) for article_id, *fields in batch],
        )
    conn.execute("DROP TABLE article_fts")
    conn.execute(BODY_FTS_SCHEMA)
    rows = conn.execute(
        "SELECT a.id, a.text, i.folded FROM articles a "
        "JOIN article_index i ON i.article_id = a.id ORDER BY a.id"
    )
    while batch := rows.fetchmany(_REFILL_BATCH):
        conn.executemany(
            "INSERT INTO article_fts(rowid, chars) VALUES (?, ?)",
            [(article_id, fts_document(text, folded)) for article_id, text, folded in batch],
        )


def _migration_18_dated_headers_index(conn: sqlite3.Connection) -> None:
    """The date index covers what the analyses read of every article — date, length, title
    and publication — so a date range is read along it without the articles' rows (issue 16:
    at 100,000 articles the code matrix of a year read the publication of its 16,789
    articles from their rows, a page each beside the text, and scanned the whole library
    index for their dates: 0.23 s of 0.56 s). It still serves every lookup by date."""
    conn.execute("DROP INDEX articles_date")
    conn.execute("CREATE INDEX articles_date ON articles(date, chars, title, publication)")


def _migration_14_corrections(conn: sqlite3.Connection) -> None:
    """Corrections after import (issue 13, item 6): an article can be excluded (kept, with
    its annotations, but left out of search, counts, analysis and export), and an annotation
    whose text is gone after a correction is kept as an orphan (its quote, context, note,
    coder and tags) until it is attached again or deleted. An orphan keeps the id of the
    article it was on without a foreign key: that article may be gone (a re-import)."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(articles)")}
    if "excluded" not in columns:  # (idempotent, as migration 11: a file relabelled older)
        conn.execute("ALTER TABLE articles ADD COLUMN excluded INTEGER NOT NULL DEFAULT 0")
    conn.execute(
        "CREATE INDEX IF NOT EXISTS articles_excluded ON articles(excluded) WHERE excluded != 0"
    )
    conn.execute(
        "CREATE TABLE IF NOT EXISTS orphans (id INTEGER PRIMARY KEY AUTOINCREMENT, "
        "annotation_id INTEGER NOT NULL, article_id INTEGER NOT NULL, "
        "article_title TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL, "
        'start INTEGER NOT NULL, "end" INTEGER NOT NULL, quote TEXT NOT NULL, '
        "prefix TEXT NOT NULL DEFAULT '', suffix TEXT NOT NULL DEFAULT '', "
        "note TEXT NOT NULL DEFAULT '', coder TEXT NOT NULL DEFAULT '', "
        "created TEXT NOT NULL, updated TEXT NOT NULL, figure_value REAL, "
        "figure_unit TEXT NOT NULL DEFAULT '', figure_kind TEXT NOT NULL DEFAULT '', "
        "tag_ids TEXT NOT NULL DEFAULT '[]', orphaned TEXT NOT NULL, "
        "reason TEXT NOT NULL DEFAULT '')"
    )
    conn.execute("CREATE INDEX IF NOT EXISTS orphans_article ON orphans(article_id)")


def _migration_13_word_counts(conn: sqlite3.Connection) -> None:
    """Word counts for word lists, keyness and collocates (issue 16): a vocabulary
    (`word_vocab`, ids never reused, with each word's kind: 0 a word, 1 punctuation, 2 a
    number); one compressed blob of (word id, count) pairs per
    article (`article_words`, with the month of its ISO date, its `bucket`, '' for none);
    and the counts summed per month and over the whole corpus (`word_buckets`, bucket '*').

    All of it is derived from the index rows' word boundaries. Triggers keep it from ever
    being stale, only missing: an article's counts go when its index row goes or its flags
    change (new text, a new dictionary) or its date changes, and a bucket's sum goes when
    one of its articles' counts goes or comes. And the project's own stop words
    (`stop_words`: 1 adds a word to the shipped list, 0 takes one out)."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS word_vocab (id INTEGER PRIMARY KEY, "
        "word TEXT NOT NULL UNIQUE, kind INTEGER NOT NULL DEFAULT 0)"
    )
    conn.execute(
        "CREATE TABLE IF NOT EXISTS article_words (article_id INTEGER PRIMARY KEY "
        "REFERENCES articles(id) ON DELETE CASCADE, bucket TEXT NOT NULL, "
        "total INTEGER NOT NULL, counts BLOB NOT NULL)"
    )
    conn.execute("CREATE INDEX IF NOT EXISTS article_words_bucket ON article_words(bucket)")
    conn.execute(
        "CREATE TABLE IF NOT EXISTS word_buckets (bucket TEXT PRIMARY KEY, "
        "articles INTEGER NOT NULL, total INTEGER NOT NULL, counts BLOB NOT NULL)"
    )
    for name, event, action in (
        ("article_words_gone", "DELETE ON article_index", "OLD.article_id"),
        ("article_words_changed", "UPDATE OF flags ON article_index", "OLD.article_id"),
        ("article_words_redated", "UPDATE OF date ON articles", "OLD.id"),
    ):
        conn.execute(
            f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {event} "
            f"BEGIN DELETE FROM article_words WHERE article_id = {action}; END"
        )
    for name, event, row in (
        ("word_bucket_lost", "DELETE", "OLD"),
        ("word_bucket_gained", "INSERT", "NEW"),
    ):
        conn.execute(
            f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {event} ON article_words "
            f"BEGIN DELETE FROM word_buckets WHERE bucket IN ({row}.bucket, '*'); END"
        )
    conn.execute(
        "CREATE TABLE IF NOT EXISTS stop_words (word TEXT PRIMARY KEY, "
        "stop INTEGER NOT NULL CHECK (stop IN (0, 1)))"
    )


def compress_text(text: str) -> bytes:
    """How a source file's text is kept: zlib over UTF-8 (`compression = 'zlib'`)."""
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 9)


def decompress_text(data: bytes | str, compression: str) -> str:
    if compression == "zlib":
        return zlib.decompress(data).decode("utf-8", "surrogatepass")  # type: ignore[arg-type]
    return str(data)


# Each migration: (version it produces, name, function). Append only; never edit a shipped one.
MIGRATIONS: tuple[tuple[int, str, Callable[[sqlite3.Connection], None]], ...] = (
    (1, "initial schema", _migration_1_initial_schema),
    (2, "compact search index, compressed source files", _migration_2_compact_index),
    (3, "article lengths", _migration_3_article_lengths),
    (4, "library index", _migration_4_library_index),
    (5, "ids never reused", _migration_5_ids_never_reused),
    (6, "ISO dates", _migration_6_iso_dates),
    (7, "page, section and url of articles", _migration_7_page_section_url),
    (8, "document variables", _migration_8_document_variables),
    (9, "search index of titles, subtitles and bylines", _migration_9_header_index),
    (10, "figure model: ISO dates, ranges, approximations, signs", _migration_10_figure_model),
    (11, "undo history, read articles and memos in the file", _migration_11_change_log),
    (12, "statistics ledger: indicators, merges, decisions", _migration_12_ledger_decisions),
    (13, "per-article word counts and project stop words", _migration_13_word_counts),
    (14, "excluded articles and orphaned annotations", _migration_14_corrections),
    (17, "every character in the search index", _migration_17_every_character_indexed),
    (18, "dated headers index", _migration_18_dated_headers_index),
)

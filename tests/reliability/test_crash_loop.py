"""A process killed (SIGKILL) in the middle of real actions leaves a sound project: no damage,
no half action, and every action it had reported as done still there.

A child (`crash_worker.py`) performs random actions on a project and reports each one; the
parent kills it at a random moment, checks the file against what was reported, makes a new
action through `Project`, and goes again — on the same file (the state accumulates) and on
fresh copies. The run's seed is printed in every failure; set ``HNREADER_CRASH_SEED`` to it
to replay the same action sequences and kill points (kill timing varies with the machine).
"""

from __future__ import annotations

import collections
import contextlib
import json
import os
import random
import selectors
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from crash_worker import TRACKED, row_digest
from reliability_helpers import trials

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.project import Project
from hnreader.core.store import Store
from hnreader.core.text.fts import fts_document, header_documents
from hnreader.core.text.normalize import fold_for_search, fold_width

WORKER = Path(__file__).with_name("crash_worker.py")
SEED = int(os.environ.get("HNREADER_CRASH_SEED") or random.SystemRandom().randrange(2**32))
CHILD_TIMEOUT_S = 60.0

Key = tuple[str, tuple[Any, ...]]
State = dict[Key, str]


@dataclass
class Stats:
    kills: int = 0
    done: int = 0
    refused: int = 0
    cut_off: collections.Counter[str] = field(default_factory=collections.Counter)
    cut_off_committed: collections.Counter[str] = field(default_factory=collections.Counter)
    hot_journals: int = 0  # kills inside a write transaction: SQLite rolled them back
    started: float = field(default_factory=time.monotonic)

    def summary(self, what: str) -> str:
        took = time.monotonic() - self.started
        return (
            f"{what}: seed {SEED}, {self.kills} kills, {self.done} actions reported done, "
            f"{self.refused} refused, {self.hot_journals} left a hot journal, "
            f"cut off mid-action {sum(self.cut_off.values())} "
            f"({sum(self.cut_off_committed.values())} of them committed): "
            f"{dict(self.cut_off)}; committed {dict(self.cut_off_committed)}; {took:.1f} s"
        )


@pytest.fixture(scope="module")
def check_segmenter(tmp_path_factory: pytest.TempPathFactory) -> Segmenter:
    """The parent's own segmenter: opening the killed child's projects adds their user words
    to it, which must not reach the session's shared one."""
    return Segmenter(cache_dir=tmp_path_factory.mktemp("crash-jieba"))


# -- running and killing the child


@dataclass
class Run:
    events: list[dict[str, Any]]
    killed: bool
    failed: str  # why the child ended badly by itself ("" when it did not)


class LineReader:
    """Lines from a child's stdout, each wait bounded by a deadline."""

    TIMEOUT = b"\0timeout"

    def __init__(self, stream: Any) -> None:
        self._fd = stream.fileno()
        self._selector = selectors.DefaultSelector()
        self._selector.register(stream, selectors.EVENT_READ)
        self._lines: collections.deque[bytes] = collections.deque()
        self._buffer = b""
        self.eof = False

    def next_line(self, until: float) -> bytes | None:
        """The next whole line; TIMEOUT when `until` (monotonic) came first; None at EOF
        (with a last line cut short discarded: it was never fully printed)."""
        while not self._lines:
            if self.eof:
                return None
            wait = until - time.monotonic()
            if wait <= 0 or not self._selector.select(wait):
                return self.TIMEOUT
            chunk = os.read(self._fd, 1 << 16)
            if not chunk:
                self.eof = True
                continue
            *complete, self._buffer = (self._buffer + chunk).split(b"\n")
            self._lines.extend(complete)
        return self._lines.popleft()

    def close(self) -> None:
        self._selector.close()


def _events(lines: list[bytes]) -> list[dict[str, Any]]:
    """The reported events; the last line may be a partial one the kill cut short (the fork
    server ends it with a line break of its own), which was not reported."""
    events = []
    for number, line in enumerate(lines):
        if not line:
            continue
        try:
            events.append(json.loads(line))
        except json.JSONDecodeError:
            assert number == len(lines) - 1, f"garbled line from the worker: {line[:200]!r}"
    return events


def _watch(
    reader: LineReader, kill: Any, *, kill_after_lines: int, delay: float, end: bytes | None
) -> tuple[list[bytes], bool]:
    """Read the child's lines, calling `kill()` `delay` s after the `kill_after_lines`-th;
    until `end` is read (or EOF when `end` is None). Returns (lines, whether killed)."""
    lines: list[bytes] = []
    deadline = time.monotonic() + CHILD_TIMEOUT_S
    kill_at = time.monotonic() + delay if kill_after_lines == 0 else None
    killed = False
    while True:
        until = deadline if killed or kill_at is None else min(deadline, kill_at)
        line = reader.next_line(until)
        if line is None:
            assert end is None, "the fork server died"
            return lines, killed
        if line is LineReader.TIMEOUT:
            if time.monotonic() >= deadline:
                raise AssertionError(f"seed {SEED}: the worker hung")
            kill()
            killed = True
            continue
        if end is not None and line.startswith(end):
            return [*lines, line], killed
        lines.append(line)
        if kill_at is None and sum(1 for x in lines if x) >= kill_after_lines:
            kill_at = time.monotonic() + delay


def run_direct(path: Path, seed: int, workdir: Path, *, kill_after_lines: int, delay: float) -> Run:
    """The worker as a fresh interpreter (it loads jieba when an action first needs it)."""
    err_path = workdir / f"stderr-{seed}.txt"
    env = {**os.environ, "HNREADER_HOME": str(workdir / "home")}
    with err_path.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, str(WORKER), str(path), str(seed), str(workdir)],
            stdout=subprocess.PIPE,
            stderr=err,
            env=env,
        )
    assert proc.stdout is not None
    reader = LineReader(proc.stdout)
    try:
        lines, killed = _watch(
            reader, proc.kill, kill_after_lines=kill_after_lines, delay=delay, end=None
        )
        proc.wait(timeout=30)
    finally:
        reader.close()
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        proc.stdout.close()
    failed = ""
    if not killed and proc.returncode != 0:
        failed = err_path.read_text(encoding="utf-8", errors="replace")[-3000:]
    return Run(_events(lines), killed, failed)


class ForkServer:
    """`crash_worker.py --serve`: jieba loaded once, a forked child per run, killed by pid."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self._err_path = workdir / "server-stderr.txt"
        env = {**os.environ, "HNREADER_HOME": str(workdir / "home")}
        with self._err_path.open("wb") as err:
            self.proc = subprocess.Popen(
                [sys.executable, str(WORKER), "--serve"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=err,
                env=env,
            )
        self._child = 0
        self.reader = LineReader(self.proc.stdout)
        line = self.reader.next_line(time.monotonic() + CHILD_TIMEOUT_S)
        assert line not in (None, LineReader.TIMEOUT), self._stderr()
        assert json.loads(line)["ev"] == "serving"  # type: ignore[arg-type]

    def _stderr(self) -> str:
        return self._err_path.read_text(encoding="utf-8", errors="replace")[-3000:]

    def _kill_child(self) -> None:
        with contextlib.suppress(ProcessLookupError):  # it ended by itself meanwhile
            os.kill(self._child, signal.SIGKILL)

    def run(self, path: Path, seed: int, *, kill_after_lines: int, delay: float) -> Run:
        assert self.proc.stdin is not None
        request = json.dumps([str(path), seed, str(self.workdir)]) + "\n"
        self.proc.stdin.write(request.encode())
        self.proc.stdin.flush()
        first = self.reader.next_line(time.monotonic() + CHILD_TIMEOUT_S)
        assert first not in (None, LineReader.TIMEOUT), self._stderr()
        self._child = json.loads(first)["pid"]  # type: ignore[arg-type]
        lines, killed = _watch(
            self.reader,
            self._kill_child,
            kill_after_lines=kill_after_lines,
            delay=delay,
            end=b'{"ev": "exit"',
        )
        self._child = 0  # reaped by the server before it printed the exit line
        ended = json.loads(lines[-1])
        failed = ""
        if ended["signal"] != (signal.SIGKILL if killed else 0) or ended["code"] > 0:
            failed = f"the child ended with {ended}:\n{self._stderr()}"
        return Run(_events(lines[:-1]), killed, failed)

    def close(self) -> None:
        try:
            if self._child:
                self._kill_child()
            assert self.proc.stdin is not None
            self.proc.stdin.close()  # the server ends when its input does
            self.proc.wait(timeout=30)
        finally:
            self.reader.close()
            if self.proc.poll() is None:
                self.proc.kill()
            self.proc.wait()
            assert self.proc.stdout is not None
            self.proc.stdout.close()


# -- what the file holds


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.row_factory = sqlite3.Row
    return conn


def snapshot(conn: sqlite3.Connection) -> State:
    """The digest of every tracked row, by (table, key)."""
    state: State = {}
    for table, columns in TRACKED.items():
        for row in conn.execute(f"SELECT * FROM {table}"):
            values = dict(row)
            digest = row_digest(values)
            assert digest is not None
            state[(table, tuple(values[c] for c in columns))] = digest
    return state


def replay(
    baseline: State, events: list[dict[str, Any]], stats: Stats
) -> tuple[State, dict[str, Any] | None, list[str]]:
    """What the file must hold after the reported actions, the action cut off (if any),
    and problems with the report itself."""
    model = dict(baseline)
    pending: dict[str, Any] | None = None
    problems: list[str] = []
    for event in events:
        kind = event["ev"]
        if kind == "begin":
            pending = event
        elif kind in ("done", "refused"):
            assert pending is not None and pending["n"] == event["n"], event
            if kind == "done":
                stats.done += 1
                for table, key, digest in event["rows"]:
                    if digest is None:
                        model.pop((table, tuple(key)), None)
                    else:
                        model[(table, tuple(key))] = digest
            else:
                stats.refused += 1
                if event["code"]:  # validation refusals have no code; these are failures
                    problems.append(f"action {pending['op']} failed: {event['error']}")
            pending = None
    return model, pending, problems


def file_problems(conn: sqlite3.Connection) -> list[str]:
    """Damage and broken invariants, whatever the actions were."""
    problems: list[str] = []
    integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    if integrity != ["ok"]:
        problems.append(f"integrity_check: {integrity[:5]}")
    dangling = [tuple(r) for r in conn.execute("PRAGMA foreign_key_check")]
    if dangling:
        problems.append(f"foreign_key_check: {dangling[:5]}")
    try:
        conn.execute("INSERT INTO article_fts(article_fts) VALUES ('integrity-check')")
    except sqlite3.DatabaseError as error:
        problems.append(f"FTS integrity-check: {error}")
    problems += fts_document_problems(conn)
    problems += header_document_problems(conn)
    texts = {r[0]: r[1] for r in conn.execute("SELECT id, text FROM articles")}
    for article_id, chars in conn.execute("SELECT id, chars FROM articles"):
        if chars != len(texts[article_id]):
            problems.append(f"article {article_id}: chars {chars} != {len(texts[article_id])}")
    for row in conn.execute(
        "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM article_index)"
    ):
        problems.append(f"article {row[0]} has no search index row")
    for article_id, folded, flags in conn.execute(
        "SELECT article_id, folded, flags FROM article_index"
    ):
        text = texts[article_id]
        if (folded if folded is not None else fold_width(text)) != fold_for_search(text):
            problems.append(f"article {article_id}: index row folded from another text")
        if len(zlib.decompress(flags)) != len(text) + 1:
            problems.append(f"article {article_id}: index flags are not for its text")
    for row in conn.execute(
        "SELECT id FROM annotations WHERE id NOT IN (SELECT annotation_id FROM annotation_tags)"
    ):
        problems.append(f"annotation {row[0]} has no tag (a half action)")
    for annotation_id, article_id, start, end, quote in conn.execute(
        'SELECT id, article_id, start, "end", quote FROM annotations'
    ):
        if texts[article_id][start:end] != quote:
            problems.append(
                f"annotation {annotation_id}: quote {quote!r} != article {article_id} "
                f"text[{start}:{end}] {texts[article_id][start:end]!r}"
            )
    for article_id, start, end, text in conn.execute(
        'SELECT article_id, start, "end", text FROM figures'
    ):
        if texts[article_id][start:end] != text:
            problems.append(f"figure {text!r} is not at {start}–{end} of article {article_id}")
    for row in conn.execute(
        "SELECT id FROM source_files WHERE id NOT IN (SELECT source_id FROM articles)"
    ):
        problems.append(f"source file {row[0]} has no article (a half import)")
    return problems


def header_document_problems(conn: sqlite3.Connection) -> list[str]:
    """The header index passes FTS5's check and holds, for each indexed article and only
    for those, the documents of its current title, subtitle and byline."""
    problems = []
    try:
        conn.execute(
            "INSERT INTO article_header_fts(article_header_fts) VALUES ('integrity-check')"
        )
    except sqlite3.DatabaseError as error:
        problems.append(f"header FTS integrity-check: {error}")
    expected = {
        row[0]: header_documents(row[1], row[2], row[3])
        for row in conn.execute(
            "SELECT a.id, a.title, a.subtitle, a.byline FROM articles a "
            "JOIN article_index i ON i.article_id = a.id"
        )
    }
    stored = {
        row[0]: tuple(row[1:])
        for row in conn.execute("SELECT rowid, title, subtitle, byline FROM article_header_fts")
    }
    for article_id in sorted(expected.keys() | stored.keys()):
        if expected.get(article_id) != stored.get(article_id):
            problems.append(f"article {article_id}: header index row is not of its header")
    return problems


def fts_document_problems(conn: sqlite3.Connection) -> list[str]:
    """Each article's FTS document (read from the index itself, token by token) is the one
    its stored text gives: what a later delete of that document will have to match."""
    conn.execute(
        "CREATE VIRTUAL TABLE temp.stored_tokens USING fts5vocab(main, 'article_fts', 'instance')"
    )
    conn.execute(
        # the body index's own tokenizer (file format 17: every character a token)
        "CREATE VIRTUAL TABLE temp.expected_fts USING fts5(chars, tokenize = 'ascii')"
    )
    conn.execute(
        "CREATE VIRTUAL TABLE temp.expected_tokens USING fts5vocab(temp, 'expected_fts', "
        "'instance')"
    )
    rows = conn.execute(
        "SELECT a.id, a.text, i.folded FROM articles a JOIN article_index i ON i.article_id = a.id"
    ).fetchall()
    conn.executemany(
        "INSERT INTO temp.expected_fts(rowid, chars) VALUES (?, ?)",
        [(r[0], fts_document(r[1], r[2])) for r in rows],
    )
    problems = []
    for name, first, second in (
        ("stale", "stored_tokens", "expected_tokens"),
        ("missing", "expected_tokens", "stored_tokens"),
    ):
        found = conn.execute(
            f"SELECT doc, term, offset FROM temp.{first} EXCEPT "
            f"SELECT doc, term, offset FROM temp.{second} LIMIT 5"
        ).fetchall()
        if found:
            problems.append(f"FTS index has {name} tokens: {[tuple(r) for r in found]}")
    for table in ("stored_tokens", "expected_tokens", "expected_fts"):
        conn.execute(f"DROP TABLE temp.{table}")
    return problems


# -- the action that was cut off: it happened whole or not at all


def _row(conn: sqlite3.Connection, table: str, key: Any) -> sqlite3.Row | None:
    return conn.execute(f"SELECT * FROM {table} WHERE id = ?", (key,)).fetchone()


def _tag_set(conn: sqlite3.Connection, annotation_id: int) -> list[int]:
    rows = conn.execute(
        "SELECT tag_id FROM annotation_tags WHERE annotation_id = ? ORDER BY tag_id",
        (annotation_id,),
    )
    return [r[0] for r in rows]


def cut_off_problems(
    conn: sqlite3.Connection, intent: dict[str, Any], model: State, actual: State
) -> list[str]:
    """Whether the differences between the file and the reported actions are exactly the
    cut-off action `intent`, done whole, or nothing."""
    diff = {k for k in model.keys() | actual.keys() if model.get(k) != actual.get(k)}
    new = {k for k in diff if k not in model}
    op = intent["op"]
    allowed: set[Key] = set()
    problems: list[str] = []

    def new_in(table: str) -> list[Any]:
        return sorted(k[1][0] for k in new if k[0] == table)

    if op == "add_tag":
        allowed = {k for k in new if k[0] == "tags"}
        names = [_row(conn, "tags", i)["name"] for i in new_in("tags")]  # type: ignore[index]
        if names not in ([], [intent["name"]]):
            problems.append(f"add_tag made tags {names}")
    elif op == "annotate":
        allowed = {k for k in new if k[0] in ("annotations", "annotation_tags")}
        created = new_in("annotations")
        if len(created) not in (0, len(intent["spans"])):
            problems.append(f"{len(created)} of {len(intent['spans'])} annotations were made")
        spans = sorted(map(tuple, intent["spans"]))
        made = sorted(
            (r["article_id"], r["start"], r["end"])
            for r in (_row(conn, "annotations", i) for i in created)
            if r is not None
        )
        if created and made != spans:
            problems.append(f"annotations made at {made}, asked for {spans}")
        for annotation_id in created:
            if _tag_set(conn, annotation_id) != intent["tags"]:
                problems.append(
                    f"annotation {annotation_id} has tags {_tag_set(conn, annotation_id)}"
                )
        if any(k[1][0] not in created for k in new if k[0] == "annotation_tags"):
            problems.append("tags were linked to annotations the action did not make")
    elif op == "update_note":
        allowed = {("annotations", (intent["annotation"],))}
        row = _row(conn, "annotations", intent["annotation"])
        if diff & allowed and (row is None or row["note"] != intent["note"]):
            problems.append(f"the note became {row and row['note']!r}, not {intent['note']!r}")
    elif op in ("change_tags", "delete_annotation"):
        annotation_id = intent["annotation"]
        allowed = {k for k in diff if k[0] == "annotation_tags" and k[1][0] == annotation_id}
        allowed.add(("annotations", (annotation_id,)))
        before = sorted(
            k[1][1] for k in model if k[0] == "annotation_tags" and k[1][0] == annotation_id
        )
        now = _tag_set(conn, annotation_id)
        if op == "change_tags" and now not in (before, intent["expected"]):
            problems.append(f"tags became {now}: neither {before} nor {intent['expected']}")
        row_gone = ("annotations", (annotation_id,)) not in actual
        if op == "delete_annotation" and row_gone != (not now):
            problems.append(f"annotation {annotation_id} half deleted: tags {now} left")
    elif op == "edit_article":
        key: Key = ("articles", (intent["article"],))
        allowed = {key}
        row = _row(conn, "articles", intent["article"])
        if key in diff and row is not None:
            for name, value in intent["fields"].items():
                if row[name] != value:
                    problems.append(f"article {name} became {row[name]!r}, not {value!r}")
    elif op == "split":
        article_id, text = intent["article"], intent["text"]
        created = new_in("articles")
        allowed = {("articles", (article_id,))} | {("articles", (i,)) for i in created}
        allowed |= {("annotations", (i,)) for i in intent["annotations"]}
        head = _row(conn, "articles", article_id)
        if diff and (len(created) != 1 or head is None or ("articles", (article_id,)) not in diff):
            problems.append(f"half split: new articles {created}, head changed: {head is not None}")
        elif diff:
            tail = _row(conn, "articles", created[0])["text"]  # type: ignore[index]
            gap = text[len(head["text"]) : len(text) - len(tail)]
            if not (
                head["text"] and tail and text.startswith(head["text"]) and text.endswith(tail)
            ) or gap.strip("\n"):
                problems.append(f"split parts {len(head['text'])}+{len(tail)} of {len(text)}")
    elif op == "merge":
        first, second = intent["article"], intent["next"]
        allowed = {("articles", (first,)), ("articles", (second,))}
        allowed |= {("annotations", (i,)) for i in intent["annotations"]}
        if diff:
            row = _row(conn, "articles", first)
            merged = "\n".join(intent["texts"])
            if _row(conn, "articles", second) is not None or row is None or row["text"] != merged:
                problems.append(f"half merge of articles {first} and {second}")
    elif op in ("add_word", "remove_word"):
        allowed = {("user_words", (intent["word"],))}
    elif op in ("undo", "redo"):
        target = {(t, tuple(k)): d for t, k, d in intent["target"]}
        expected = {(t, tuple(k)): d for t, k, d in intent["expected"]}
        allowed = set(target)
        for k, digest in expected.items():
            if model.get(k) != digest:
                problems.append(f"{op} of {intent['label']}: {k} was not as the step recorded")
        moved = [k for k in target if model.get(k) != target[k]]
        if len({actual.get(k) == target[k] for k in moved}) > 1:
            problems.append(f"half {op} of {intent['label']}: only some rows were restored")
        problems += [
            f"{op} put {k} into a state neither before nor after it"
            for k in moved
            if actual.get(k) not in (model.get(k), target[k])
        ]
    elif op == "import":
        sources = new_in("source_files")
        allowed = {k for k in new if k[0] in ("source_files", "articles")}
        names = [_row(conn, "source_files", i)["name"] for i in sources]  # type: ignore[index]
        if names not in ([], [intent["name"]]):
            problems.append(f"import made source files {names}")
        for article_id in new_in("articles"):
            row = _row(conn, "articles", article_id)
            if row is None or row["source_id"] not in sources:
                problems.append(f"import made article {article_id} outside its source file")
    else:
        problems.append(f"unknown action {op}")
    problems += [f"{op} changed {k}, which it does not touch" for k in sorted(diff - allowed)]
    return problems


# -- one kill, checked


def check_after_kill(
    path: Path,
    baseline: State,
    run: Run,
    segmenter: Segmenter,
    stats: Stats,
    label: str,
) -> State:
    """Every check on the file a killed child left; returns the new baseline."""
    if run.failed:
        raise AssertionError(f"seed {SEED}, {label}: the worker failed:\n{run.failed}")
    stats.kills += run.killed
    journal = path.with_name(path.name + "-journal")
    stats.hot_journals += journal.exists() and journal.stat().st_size > 0
    model, cut_off, problems = replay(baseline, run.events, stats)
    conn = connect(path)
    try:
        problems += file_problems(conn)
        actual = snapshot(conn)
        if cut_off is None:
            diff = sorted(k for k in model.keys() | actual.keys() if model.get(k) != actual.get(k))
            problems += [f"{k} differs from what the reported actions left" for k in diff[:10]]
        else:
            stats.cut_off[cut_off["op"]] += 1
            if actual != model:
                stats.cut_off_committed[cut_off["op"]] += 1
            problems += cut_off_problems(conn, cut_off, model, actual)
    finally:
        conn.close()
    if not problems:
        problems += new_action_problems(path, segmenter, label)
    if problems:
        last = [e for e in run.events if e["ev"] != "done"][-3:]
        raise AssertionError(
            f"seed {SEED} (replay with HNREADER_CRASH_SEED={SEED}), {label}: "
            f"{len(problems)} problem(s) after the kill:\n  "
            + "\n  ".join(problems[:20])
            + f"\nlast events: {json.dumps(last, ensure_ascii=False)[:2000]}"
        )
    conn = connect(path)
    try:
        return snapshot(conn)
    finally:
        conn.close()


def new_action_problems(path: Path, segmenter: Segmenter, label: str) -> list[str]:
    """The file opens as a project and takes a new action."""
    project = Project(Store(path, create=False), segmenter, coder="checker")
    try:
        tag = project.add_tag(f"检查 {label}").result_id or 0
        article_id = project.store.article_ids()[-1]
        created = project.annotate(article_id, 0, 1, [tag]).result_id or 0
        annotation = project.store.annotation(created)
        if annotation.quote != project.store.article(article_id).text[:1]:
            return [f"the new annotation quotes {annotation.quote!r}"]
        return []
    finally:
        project.close()


def kill_points(rng: random.Random, opening: tuple[float, float]) -> Iterator[tuple[int, float]]:
    """(after how many lines, then how many seconds) to kill: mostly just after a reported
    action (so inside one of the next, which take 15–100 ms here, most of it committing),
    sometimes at a random time, sometimes while the project opens (`opening`: seconds)."""
    while True:
        roll = rng.random()
        if roll < 0.55:
            yield rng.randint(1, 40), rng.uniform(0.0, 0.05)
        elif roll < 0.85:
            yield 1, rng.uniform(0.0, 0.5)
        else:
            yield 0, rng.uniform(*opening)


def test_kill_again_and_again_on_the_same_file(
    tmp_path: Path, corpus_project_file: Path, check_segmenter: Segmenter
) -> None:
    path = tmp_path / "project.sqlite"
    shutil.copyfile(corpus_project_file, path)
    rng = random.Random(f"{SEED}-same")
    stats = Stats()
    conn = connect(path)
    baseline = snapshot(conn)
    conn.close()
    points = kill_points(rng, (0.0, 0.03))
    count = trials(50, 400)
    server = ForkServer(tmp_path)
    try:
        for trial in range(count):
            lines, delay = next(points)
            seed = rng.randrange(2**31)
            run = server.run(path, seed, kill_after_lines=lines, delay=delay)
            label = f"same file, kill {trial}, child seed {seed}"
            baseline = check_after_kill(path, baseline, run, check_segmenter, stats, label)
    finally:
        server.close()
    print(stats.summary("same file"))
    assert stats.kills >= count * 0.9
    annotations = sum(1 for table, _ in baseline if table == "annotations")
    assert annotations > count, "the state should accumulate over the kills"


def test_kill_on_fresh_copies(
    tmp_path: Path, corpus_project_file: Path, check_segmenter: Segmenter
) -> None:
    """Each kill on a new copy of the corpus project; every fourth child is a fresh
    interpreter rather than a fork (killed while starting, or loading jieba on its first
    split or merge)."""
    rng = random.Random(f"{SEED}-fresh")
    stats = Stats()
    forked, started = kill_points(rng, (0.0, 0.03)), kill_points(rng, (0.3, 1.0))
    conn = connect(corpus_project_file)
    fresh = snapshot(conn)
    conn.close()
    count = trials(16, 120)
    server = ForkServer(tmp_path)
    try:
        for trial in range(count):
            path = tmp_path / f"copy-{trial}.sqlite"
            shutil.copyfile(corpus_project_file, path)
            seed = rng.randrange(2**31)
            if trial % 4 == 3:
                lines, delay = next(started)
                run = run_direct(path, seed, tmp_path, kill_after_lines=lines, delay=delay)
            else:
                lines, delay = next(forked)
                run = server.run(path, seed, kill_after_lines=lines, delay=delay)
            label = f"fresh copy {trial}, child seed {seed}"
            check_after_kill(path, fresh, run, check_segmenter, stats, label)
            path.unlink()
    finally:
        server.close()
    print(stats.summary("fresh copies"))
    assert stats.kills >= count * 0.9

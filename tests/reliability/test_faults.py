"""Faults and damaged files: a clear error or a read-only project, never a write to a damaged
file, never a traceback (F7–F12 of the reliability issue)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from reliability_helpers import run_cli

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.export.csv_writer import ExportError, write_csv
from hnreader.core.models import ErrorCode, StoreError
from hnreader.core.project import Project
from hnreader.core.store import SCHEMA_VERSION, Store

PAGE = 4096


def _btree_page_from(path: Path, page: int) -> int:
    """The first page from `page` on that is a b-tree page. The check on open (quick_check)
    reads b-tree pages; damage inside an overflow page (the middle of a long article text)
    is found only by the full check, so which page sits at 50% would decide the test (it
    moved when migration 12 added tables)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = conn.execute(
                "SELECT pageno FROM dbstat WHERE pageno >= ? AND pagetype != 'overflow' "
                "ORDER BY pageno LIMIT 1",
                (page,),
            ).fetchall()
        finally:
            conn.close()
    except sqlite3.Error:  # no dbstat in this SQLite: keep the page
        return page
    return rows[0][0] if rows else page


def _overwrite(path: Path, share: float, data: bytes) -> None:
    size = path.stat().st_size
    offset = int(size * share) // PAGE * PAGE
    if offset:
        offset = (_btree_page_from(path, offset // PAGE + 1) - 1) * PAGE
    with path.open("r+b") as handle:
        handle.seek(offset)
        handle.write(data)


def _truncate(share: float) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        size = path.stat().st_size
        with path.open("r+b") as handle:
            handle.truncate(int(size * share) // PAGE * PAGE)

    return damage


def _noise(share: float) -> Callable[[Path], None]:
    return lambda path: _overwrite(path, share, os.urandom(PAGE))


def _zeros_at(share: float) -> Callable[[Path], None]:
    return lambda path: _overwrite(path, share, bytes(PAGE))


def _set_version(version: int) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        conn = sqlite3.connect(path)
        conn.execute(f"PRAGMA user_version = {version}")
        conn.commit()
        conn.close()

    return damage


def _drop_table(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE user_words")
    conn.commit()
    conn.close()


DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated at 10%": _truncate(0.1),
    "truncated at 50%": _truncate(0.5),
    "truncated at 90%": _truncate(0.9),
    "noise at 25%": _noise(0.25),
    "noise at 50%": _noise(0.5),
    "noise at 75%": _noise(0.75),
    "zeros at 50%": _zeros_at(0.5),
    "header zeroed": lambda path: _overwrite(path, 0, bytes(100)),
    "all zeros": lambda path: path.write_bytes(bytes(path.stat().st_size)),
    "random bytes": lambda path: path.write_bytes(os.urandom(path.stat().st_size)),
    "a text file": lambda path: path.write_text("这不是数据库。\n" * 500, encoding="utf-8"),
    "empty": lambda path: path.write_bytes(b""),
    "newer schema": _set_version(SCHEMA_VERSION + 1),
    "schema version lowered to 0": _set_version(0),
    "schema version lowered to 2": _set_version(2),
    "a table missing": _drop_table,
}


@pytest.fixture
def project_copy(corpus_project_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "damaged.sqlite"
    shutil.copyfile(corpus_project_file, path)
    project = Project(Store(path), Segmenter(cache_dir=tmp_path / "jieba"))
    tag = project.add_tag("政策").result_id or 0
    project.annotate(1, 0, 4, [tag], note="重要")
    project.close()
    return path


def _integrity_ok(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_a_damaged_project_is_refused_or_opened_read_only_and_never_written(
    kind: str, project_copy: Path, shared_segmenter: Segmenter
) -> None:
    DAMAGE[kind](project_copy)
    damaged = project_copy.read_bytes()
    detectable = not _integrity_ok(project_copy) or kind in (
        "newer schema",
        "schema version lowered to 0",
        "schema version lowered to 2",
        "a table missing",
        "empty",
    )
    try:
        project = Project.open(project_copy, segmenter=shared_segmenter)
    except StoreError as error:
        assert error.code in (
            ErrorCode.DAMAGED,
            ErrorCode.NOT_A_PROJECT,
            ErrorCode.EMPTY_FILE,
            ErrorCode.TOO_NEW,
            ErrorCode.INCONSISTENT_SCHEMA,
        ), (kind, error.code, str(error))
        assert project_copy.name in str(error)
    else:
        try:
            if detectable:
                assert project.read_only_reason == "damaged", kind
                with pytest.raises(StoreError) as refused:
                    project.add_tag("新")
                assert refused.value.code == ErrorCode.DAMAGED
                assert "damaged" in str(refused.value)
        finally:
            project.close()
    if detectable:
        assert project_copy.read_bytes() == damaged, f"{kind}: the damaged file was written"
    for suffix in ("-journal", "-wal"):
        journal = project_copy.with_name(project_copy.name + suffix)
        assert not journal.exists() or journal.stat().st_size == 0


@pytest.mark.parametrize(
    ("kind", "exit_code"),
    [("noise at 50%", 6), ("empty", 7), ("schema version lowered to 0", 7), ("a text file", 7)],
)
def test_the_cli_reports_a_damaged_file_with_its_own_exit_code_and_no_traceback(
    kind: str, exit_code: int, project_copy: Path, tmp_path: Path
) -> None:
    DAMAGE[kind](project_copy)
    if kind == "noise at 50%" and _integrity_ok(project_copy):
        pytest.fail("the noise did not damage the file: pick another offset")
    before = project_copy.read_bytes()
    for command in (["search", "扶贫"], ["tag", "add", "新"], ["annotations", "--json"]):
        result = run_cli("--project", str(project_copy), *command, home=tmp_path / "home")
        assert "Traceback" not in result.stderr, result.stderr
        assert project_copy.name in result.stderr  # an error, or the read-only note
        if command[0] == "tag" or result.returncode:
            assert result.returncode == exit_code, (command, result.returncode, result.stderr)
    assert project_copy.read_bytes() == before


def test_an_empty_file_can_be_made_a_project_when_the_user_says_so(
    tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")
    with pytest.raises(StoreError) as refused:
        Project.open(path, segmenter=shared_segmenter)
    assert refused.value.code == ErrorCode.EMPTY_FILE
    assert path.stat().st_size == 0
    project = Project.open(path, segmenter=shared_segmenter, initialize_empty=True)
    project.add_tag("新")
    project.close()


def _fill_disk(project: Project) -> None:
    """Disk full, exactly as SQLite meets it: no page may be added to the file."""
    pages = project.store._value("PRAGMA page_count")
    project.store._conn.execute(f"PRAGMA max_page_count = {pages}")


def test_f7_a_full_disk_is_a_clear_error_and_nothing_is_half_saved(
    corpus_project: Project, tmp_path: Path
) -> None:
    tag = corpus_project.add_tag("政策").result_id or 0
    before = corpus_project.store.annotations()
    _fill_disk(corpus_project)
    length = len(corpus_project.store.article(1).text)
    spans = [(1, i, i + 2) for i in range(0, length - 2, 4)]
    with pytest.raises(StoreError) as full:
        corpus_project.annotate_many(spans, [tag], note="长" * 2000)
    assert full.value.code == ErrorCode.DISK_FULL
    assert "disk is full" in str(full.value)
    assert "rollback" not in str(full.value).lower()
    store = corpus_project.store
    assert not store._conn.in_transaction
    assert store.annotations() == before
    store._conn.execute("PRAGMA max_page_count = 1073741823")
    corpus_project.annotate_many(spans[:3], [tag])  # usable again once there is room
    assert len(store.annotations()) == len(before) + 3


def test_f8_a_read_only_project_opens_for_reading_and_refuses_changes_clearly(
    corpus_project_file: Path, tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    path = tmp_path / "p.sqlite"
    shutil.copyfile(corpus_project_file, path)
    before = path.read_bytes()
    project = Project.open(path, segmenter=shared_segmenter, read_only=True)
    assert project.read_only and project.read_only_reason == "requested"
    assert project.search("扶贫").articles
    with pytest.raises(StoreError) as refused:
        project.add_tag("新")
    assert refused.value.code == ErrorCode.READ_ONLY
    project.close()
    assert path.read_bytes() == before


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """(a folder mounted read-only, the folder behind it): a read-only file system, or
    permissions for a user other than root (who may write a mode 0444 file)."""
    source, mounted = tmp_path / "source", tmp_path / "mounted"
    source.mkdir()
    mounted.mkdir()
    if os.geteuid() != 0:
        yield source, source
        source.chmod(0o755)
        return
    bind = subprocess.run(["mount", "--bind", str(source), str(mounted)], check=False)
    remount = subprocess.run(
        ["mount", "-o", "remount,bind,ro", str(mounted)], check=False, capture_output=True
    )
    if bind.returncode or remount.returncode:
        subprocess.run(["umount", str(mounted)], check=False, capture_output=True)
        pytest.skip("this machine cannot mount a read-only folder (no permission to mount)")
    try:
        yield mounted, source
    finally:
        subprocess.run(["umount", str(mounted)], check=False)


def test_f8_a_file_on_a_read_only_file_system_is_detected_on_open(
    read_only_folder: tuple[Path, Path], corpus_project_file: Path, shared_segmenter: Segmenter
) -> None:
    mounted, source = read_only_folder
    shutil.copyfile(corpus_project_file, source / "p.sqlite")
    if mounted == source:
        (source / "p.sqlite").chmod(0o444)
        source.chmod(0o555)
    before = (source / "p.sqlite").read_bytes()
    project = Project.open(mounted / "p.sqlite", segmenter=shared_segmenter)
    assert project.read_only_reason == "file"
    assert project.store.article_count() > 0
    with pytest.raises(StoreError) as refused:
        project.add_tag("新")
    assert refused.value.code == ErrorCode.READ_ONLY
    project.close()
    assert (source / "p.sqlite").read_bytes() == before


def test_f9_an_export_never_replaces_a_read_only_file(tmp_path: Path) -> None:
    out = tmp_path / "tagged.csv"
    out.write_text("keep me", encoding="utf-8")
    out.chmod(0o444)
    with pytest.raises(ExportError, match="read-only"):
        write_csv(out, ["a"], [["1"]])
    assert out.read_text(encoding="utf-8") == "keep me"
    assert list(tmp_path.iterdir()) == [out]


def test_a_large_file_not_checked_on_open_is_checked_before_its_first_write(
    project_copy: Path, shared_segmenter: Segmenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hnreader.core.store import base

    monkeypatch.setattr(base, "QUICK_CHECK_ON_OPEN_BYTES", 0)  # every file counts as large
    _noise(0.5)(project_copy)
    if _integrity_ok(project_copy):
        pytest.fail("the noise did not damage the file")
    damaged = project_copy.read_bytes()
    try:
        project = Project.open(project_copy, segmenter=shared_segmenter)
    except StoreError as error:  # the damage already showed while opening
        assert error.code == ErrorCode.DAMAGED
        return
    assert not project.verified and not project.read_only
    with pytest.raises(StoreError) as refused:
        project.add_tag("新")
    assert refused.value.code == ErrorCode.DAMAGED
    assert project.read_only_reason == "damaged"
    project.close()
    assert project_copy.read_bytes() == damaged


def test_opening_while_another_window_writes_does_not_wait_for_it(
    corpus_project: Project, shared_segmenter: Segmenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hnreader.core.store import opening

    waits: list[int] = []
    real = opening.can_write

    def probe(conn: sqlite3.Connection, path: Path) -> bool:
        writable = real(conn, path)
        waits.append(conn.execute("PRAGMA busy_timeout").fetchone()[0])
        return writable

    monkeypatch.setattr(opening, "can_write", probe)
    with corpus_project.store.write():  # another window is in the middle of a change
        other = Project.open(corpus_project.path, segmenter=shared_segmenter)
    assert not other.read_only  # busy is not read-only
    assert waits == [opening.BUSY_TIMEOUT_MS]  # the probe's short wait was put back
    other.add_tag("之后")
    other.close()

"""Backups, rotation, restore, read-only checks and salvage of a project file."""

from __future__ import annotations

import contextlib
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from hnreader import paths
from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.models import Stage, StoreError
from hnreader.core.project import Project
from hnreader.core.store import SCHEMA_VERSION, backup
from hnreader.core.store.integrity import CheckCode, check_project
from hnreader.core.store.salvage import _read_range, salvage

SEED = 20240611


def _rows(path: Path, table: str) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
        return conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()


def _integrity(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def _annotate_corpus(project: Project) -> int:
    """Two tags and 40 annotations per article (fewer in short ones), each with a long note,
    so that annotations fill the second half of the file."""
    red = project.add_tag("扶贫").result_id
    blue = project.add_tag("数字").result_id
    assert red is not None and blue is not None
    count = 0
    for article_id in project.store.article_ids():
        length = project.store.article(article_id).chars
        for k in range(min(40, length // 6)):
            tags = [red] if k % 2 else [red, blue]
            project.annotate(article_id, k * 6, k * 6 + 4, tags, note=f"{k}：" + "评注" * 150)
            count += 1
    return count


@pytest.fixture(scope="session")
def annotated_project_file(
    tmp_path_factory: pytest.TempPathFactory, shared_segmenter: Segmenter
) -> Path:
    path = tmp_path_factory.mktemp("annotated") / "p.sqlite"
    project = Project.open(path, segmenter=shared_segmenter)
    project.import_paths([paths.bundled_corpus_dir()])
    assert _annotate_corpus(project) >= 500
    # The 500 actions' undo history is cleared (as a project whose history was pruned): the
    # damage tests put noise in the middle of the file, where the annotations then are.
    with project.store.write():
        project.store._conn.execute("DELETE FROM change_log")
    project.store._conn.execute("VACUUM")
    project.close()
    return path


@pytest.fixture
def project_file(annotated_project_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "project" / "p.sqlite"
    path.parent.mkdir()
    shutil.copyfile(annotated_project_file, path)
    return path


@pytest.fixture
def open_project(project_file: Path, shared_segmenter: Segmenter) -> Iterator[Project]:
    project = Project.open(project_file, segmenter=shared_segmenter)
    yield project
    project.close()


def _damaged_copy(source: Path, target: Path, kind: str) -> Path:
    data = source.read_bytes()
    rng = random.Random(f"{SEED}-{kind}")
    size = len(data)
    if kind == "truncated":
        damaged = data[: size // 2]
    elif kind.startswith("noise"):
        offset = size * int(kind[len("noise") :]) // 100
        damaged = data[:offset] + rng.randbytes(4096) + data[offset + 4096 :]
    elif kind == "zeros":
        damaged = bytes(size)
    elif kind == "random":
        damaged = rng.randbytes(size)
    elif kind == "text":
        damaged = "湖南日报 2020年5月24日\n脱贫攻坚\n".encode() * 200
    elif kind == "empty":
        damaged = b""
    else:
        raise AssertionError(kind)
    target.write_bytes(damaged)
    return target


# ------------------------------------------------------------------------------- backups


def test_backup_of_an_open_project_is_a_verified_copy(
    open_project: Project, project_file: Path
) -> None:
    info = backup.make_backup(project_file, reason="manual")

    assert info.path.parent == paths.backups_dir(project_file)
    assert info.path.name.endswith("-manual.sqlite") and len(info.path.name) == 29
    assert info.verified and info.reason == "manual"
    assert info.schema_version == SCHEMA_VERSION
    assert info.size == info.path.stat().st_size > 100_000
    assert _integrity(info.path) == "ok"
    for table in ("annotations", "annotation_tags", "tags", "articles"):
        assert _rows(info.path, table) == _rows(project_file, table)
    assert sorted(p.name for p in info.path.parent.iterdir()) == [info.path.name]
    # the app's own connection is still usable
    open_project.add_tag("after the backup")


def test_backup_lets_the_app_write_between_steps_and_ends_with_its_writes(
    open_project: Project, project_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup, "PAGES_PER_STEP", 4)
    steps: list[tuple[int, int]] = []

    def progress(done: int, total: int, stage: str, item: str = "") -> None:
        assert stage == Stage.BACKING_UP
        if not steps:  # the source is not locked between steps: this write goes through
            open_project.add_tag("written during the backup")
        steps.append((done, total))

    info = backup.make_backup(project_file, reason="manual", progress=progress)

    assert len(steps) > 10 and steps[-1][0] == steps[-1][1]
    assert "written during the backup" in {row[1] for row in _rows(info.path, "tags")}


def test_rotation_keeps_the_newest_five(project_file: Path) -> None:
    made = [backup.make_backup(project_file, reason="daily").path for _ in range(7)]

    listed = backup.list_backups(project_file)

    assert [b.path for b in listed] == made[::-1][:5]
    assert sorted(p.name for p in paths.backups_dir(project_file).iterdir()) == sorted(
        p.name for p in made[2:]
    )


def test_a_copy_failing_verification_rotates_nothing_away(
    project_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for _ in range(5):
        backup.make_backup(project_file, reason="daily")
    before = sorted(paths.backups_dir(project_file).iterdir())
    monkeypatch.setattr(backup, "verify_copy", lambda conn: ["*** simulated damage"])

    with pytest.raises(StoreError, match="failed verification"):
        backup.make_backup(project_file, reason="daily")

    assert sorted(paths.backups_dir(project_file).iterdir()) == before


def test_a_damaged_project_is_not_backed_up(project_file: Path) -> None:
    good = backup.make_backup(project_file, reason="daily")
    _damaged_copy(project_file, project_file, "noise50")

    with pytest.raises(StoreError, match="quick check"):
        backup.make_backup(project_file, reason="daily", keep=1)

    assert [b.path for b in backup.list_backups(project_file)] == [good.path]


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody can write, root included (chmod, else the immutable attribute)."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    immutable = False
    try:
        (folder / "probe").touch()
    except PermissionError:
        pass
    else:  # root ignores permissions
        (folder / "probe").unlink()
        result = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
        if result.returncode != 0:
            pytest.skip("cannot make a read-only folder here")
        immutable = True
    yield folder
    if immutable:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    folder.chmod(0o755)


def test_backup_into_a_read_only_folder_raises_and_leaves_nothing(
    project_file: Path, read_only_folder: Path
) -> None:
    with pytest.raises(StoreError) as error:
        backup.make_backup(project_file, reason="manual", folder=read_only_folder)

    assert str(read_only_folder) in str(error.value) and "p.sqlite" in str(error.value)
    assert list(read_only_folder.iterdir()) == []


@contextlib.contextmanager
def _file_size_limit(limit: int) -> Iterator[None]:
    """Writes past `limit` bytes fail with EFBIG, as on a full disk."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def test_a_backup_that_cannot_be_written_leaves_no_partial_file(
    project_file: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "full"
    older = backup.make_backup(project_file, reason="daily", folder=folder)

    with _file_size_limit(64 * 1024), pytest.raises(StoreError, match="free some disk space"):
        backup.make_backup(project_file, reason="daily", keep=1, folder=folder)

    assert list(folder.iterdir()) == [older.path]


def test_list_and_due(project_file: Path) -> None:
    assert backup.list_backups(project_file) == []
    assert backup.backup_due(project_file)

    old = backup.make_backup(project_file, reason="import")
    assert not backup.backup_due(project_file)
    assert backup.backup_due(project_file, every=timedelta(0))
    stamp = (datetime.now() - timedelta(days=2)).strftime("%Y%m%d-%H%M%S")
    old_path = old.path.rename(old.path.with_name(f"{stamp}-import.sqlite"))
    assert backup.backup_due(project_file)
    assert not backup.backup_due(project_file, every=timedelta(days=3))

    new = backup.make_backup(project_file, reason="manual")
    listed = backup.list_backups(project_file)
    assert [(b.path, b.reason) for b in listed] == [(new.path, "manual"), (old_path, "import")]
    assert listed[1].created.date() == (datetime.now() - timedelta(days=2)).date()
    assert all(b.schema_version == SCHEMA_VERSION and b.size > 100_000 for b in listed)


def test_backups_of_projects_with_the_same_name_do_not_mix(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "p.sqlite", tmp_path / "b" / "p.sqlite"

    assert paths.backups_dir(first) != paths.backups_dir(second)
    assert paths.backups_dir(first).parent == paths.data_dir() / "backups"
    assert paths.backups_dir(first).name.startswith("p-")


# ------------------------------------------------------------------------------- restore


def test_restore_replaces_the_content_and_keeps_a_before_restore_copy(
    project_file: Path, shared_segmenter: Segmenter
) -> None:
    saved = backup.make_backup(project_file, reason="manual")
    project = Project.open(project_file, segmenter=shared_segmenter)
    project.add_tag("added after the backup")
    project.close()
    annotations_then = _rows(saved.path, "annotations")

    before_restore = backup.restore_backup(saved.path, project_file)

    assert before_restore is not None and "-before-restore" in before_restore.name
    assert "added after the backup" in {row[1] for row in _rows(before_restore, "tags")}
    assert "added after the backup" not in {row[1] for row in _rows(project_file, "tags")}
    assert _rows(project_file, "annotations") == annotations_then
    assert _integrity(project_file) == "ok"
    assert [b.reason for b in backup.list_backups(project_file)] == ["before-restore", "manual"]
    assert sorted(p.name for p in project_file.parent.iterdir()) == ["p.sqlite"]


def test_restore_of_a_damaged_project_keeps_its_bytes_and_drops_its_stale_journal(
    project_file: Path,
) -> None:
    saved = backup.make_backup(project_file, reason="daily")
    damaged = _damaged_copy(project_file, project_file, "noise50").read_bytes()
    (project_file.parent / "p.sqlite-journal").write_bytes(b"stale journal of the damaged file")

    before_restore = backup.restore_backup(saved.path, project_file)

    assert before_restore is not None and before_restore.name.endswith(".unverified.sqlite")
    assert before_restore.read_bytes() == damaged
    assert Path(f"{before_restore}-journal").read_bytes().startswith(b"stale journal")
    assert sorted(p.name for p in project_file.parent.iterdir()) == ["p.sqlite"]
    assert check_project(project_file, full=True).ok
    backup.make_backup(project_file, reason="daily", keep=1)  # rotates `saved` away, not it
    assert before_restore.exists() and not saved.path.exists()


def test_restore_refuses_while_another_connection_holds_the_project(project_file: Path) -> None:
    saved = backup.make_backup(project_file, reason="daily")
    original = project_file.read_bytes()
    with contextlib.closing(sqlite3.connect(project_file, isolation_level=None)) as other:
        other.execute("BEGIN")
        other.execute("SELECT count(*) FROM annotations").fetchone()  # holds a read lock

        with pytest.raises(StoreError, match="open in another window"):
            backup.restore_backup(saved.path, project_file)

    assert project_file.read_bytes() == original
    assert sorted(p.name for p in project_file.parent.iterdir()) == ["p.sqlite"]


def test_restore_refuses_a_damaged_backup(project_file: Path, tmp_path: Path) -> None:
    bad = _damaged_copy(project_file, tmp_path / "20200101-000000-manual.sqlite", "noise50")
    original = project_file.read_bytes()

    with pytest.raises(StoreError, match="fails verification"):
        backup.restore_backup(bad, project_file)

    assert project_file.read_bytes() == original
    assert backup.list_backups(project_file) == []


# --------------------------------------------------------------------------------- check


DAMAGE_CODES = {
    "truncated": CheckCode.DAMAGED,
    "noise25": CheckCode.DAMAGED,
    "noise50": CheckCode.DAMAGED,
    "noise75": CheckCode.DAMAGED,
    "zeros": CheckCode.NOT_A_DATABASE,
    "random": CheckCode.NOT_A_DATABASE,
    "text": CheckCode.NOT_A_DATABASE,
    "empty": CheckCode.EMPTY,
}


def test_a_sound_project_passes_both_checks(project_file: Path) -> None:
    for full in (False, True):
        report = check_project(project_file, full=full)
        assert (report.ok, report.code, report.problems) == (True, "", ())
        assert report.schema_version == SCHEMA_VERSION


@pytest.mark.parametrize("full", [False, True], ids=["quick", "full"])
@pytest.mark.parametrize("kind", sorted(DAMAGE_CODES))
def test_check_reports_each_kind_of_damage_without_writing(
    project_file: Path, tmp_path: Path, kind: str, full: bool
) -> None:
    damaged = _damaged_copy(project_file, tmp_path / f"{kind}.sqlite", kind)
    before = (damaged.read_bytes(), damaged.stat().st_mtime_ns)

    report = check_project(damaged, full=full)

    assert not report.ok and report.code == DAMAGE_CODES[kind], report
    assert report.problems and all(isinstance(p, str) for p in report.problems)
    assert (damaged.read_bytes(), damaged.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "project") == [damaged.name]


def test_check_of_a_missing_file(tmp_path: Path) -> None:
    report = check_project(tmp_path / "nowhere.sqlite", full=True)

    assert (report.ok, report.code) == (False, CheckCode.MISSING)
    assert not (tmp_path / "nowhere.sqlite").exists()


def test_full_check_finds_a_damaged_search_index_that_integrity_check_misses(
    project_file: Path,
) -> None:
    with contextlib.closing(sqlite3.connect(project_file)) as conn:
        conn.execute("UPDATE article_fts_data SET block = x'00112233' WHERE id > 10")
        conn.commit()

    assert check_project(project_file).ok
    report = check_project(project_file, full=True)
    assert report.code == CheckCode.DAMAGED
    assert report.problems == ("search index (article_fts): database disk image is malformed",)


# ------------------------------------------------------------------------------- salvage


def test_salvage_of_an_intact_project_copies_every_row(project_file: Path, tmp_path: Path) -> None:
    report = salvage(project_file, tmp_path / "rescued.sqlite")

    assert report.lost_annotations == 0 and report.target_problems == ()
    assert all(t.lost == 0 and t.placeholders == 0 for t in report.tables), report.tables
    for table in ("annotations", "annotation_tags", "tags", "articles", "figures", "source_files"):
        assert _rows(report.target, table) == _rows(project_file, table), table
        assert report.table(table).copied == len(_rows(project_file, table))
    assert _rows(report.target, "article_index") == []
    assert "index_fold" not in {row[0] for row in _rows(report.target, "meta")}


def test_salvage_of_a_project_with_noise_in_its_middle(
    project_file: Path, tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    original = {row[0]: row for row in _rows(project_file, "annotations")}
    damaged = _damaged_copy(project_file, tmp_path / "damaged.sqlite", "noise50")
    steps: list[tuple[int, int]] = []

    report = salvage(
        damaged, tmp_path / "rescued.sqlite", progress=lambda d, t, stage: steps.append((d, t))
    )

    rescued = _rows(report.target, "annotations")
    assert len(rescued) >= 0.8 * len(original)
    assert report.lost_annotations is not None and report.lost_annotations > 0
    assert len(rescued) + report.lost_annotations == len(original)
    assert all(original[row[0]] == row for row in rescued)  # what survives is exact
    assert sum(t.lost for t in report.tables) > 0
    assert report.target_problems == () and _integrity(report.target) == "ok"
    assert steps and steps[-1][0] == steps[-1][1]
    project = Project.open(report.target, segmenter=shared_segmenter)
    try:
        assert project.stale_article_ids() == project.store.article_ids()
        project.reindex()
        assert project.search("扶贫").__class__.__name__ == "SearchResult"
        assert not project.has_stale_index()
    finally:
        project.close()


def test_salvage_of_a_truncated_project_keeps_what_is_before_the_cut(
    project_file: Path, tmp_path: Path
) -> None:
    """SQLite refuses a file shorter than its header says as a whole; salvage reads it."""
    original = _rows(project_file, "annotations")
    damaged = _damaged_copy(project_file, tmp_path / "damaged.sqlite", "truncated")

    report = salvage(damaged, tmp_path / "rescued.sqlite")

    for table in ("tags", "articles", "source_files"):  # written first: before the cut
        assert _rows(report.target, table) == _rows(project_file, table), table
    rescued = _rows(report.target, "annotations")
    assert 0 < len(rescued) < len(original)
    assert set(rescued) <= set(original)
    assert _integrity(report.target) == "ok"


def test_a_row_read_as_nuls_is_not_salvaged() -> None:
    """SQLite reads the pages past the end of a truncated file as zeros: a note whose
    overflow pages were cut off reads as NULs (seen in the truncated project above, where
    the layout put one there). No stored text holds a NUL, so such a row is unreadable."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, note TEXT, data BLOB)")
    conn.executemany(
        "INSERT INTO t VALUES (?, ?, ?)",
        [(1, "评注", b"\x00\x01"), (2, "评注" + "\x00" * 40, b""), (3, "", None)],
    )
    select = "SELECT rowid, id, note, data FROM t WHERE rowid BETWEEN ? AND ? ORDER BY rowid"
    rows, unreadable = _read_range(conn, select, 1, 3)
    assert [row[0] for row in rows] == [1, 3] and unreadable == [2]


def test_cancelled_salvage_leaves_no_file(project_file: Path, tmp_path: Path) -> None:
    calls: list[int] = []
    cancel: Callable[[], bool] = lambda: bool(calls.append(1)) or len(calls) > 2  # noqa: E731

    report = salvage(project_file, tmp_path / "rescued.sqlite", is_cancelled=cancel)

    assert report.cancelled and not (tmp_path / "rescued.sqlite").exists()


def test_salvage_never_overwrites(project_file: Path, tmp_path: Path) -> None:
    existing = tmp_path / "existing.sqlite"
    existing.write_bytes(b"keep me")

    with pytest.raises(StoreError, match="already exists"):
        salvage(project_file, existing)

    assert existing.read_bytes() == b"keep me"
    assert os.path.getsize(project_file) > 0

"""`hnreader merge` and `hnreader export-package`: JSON, the printed report, tag maps,
refusals with exit codes and nothing changed."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from hnreader.cli import main
from hnreader.core.analysis.segmenter import Segmenter
from tests.core.merge.conftest import Pair, open_as


@pytest.fixture
def run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], shared_segmenter: Segmenter
):  # type: ignore[no-untyped-def]
    import hnreader.core.project as project_module

    monkeypatch.setattr(project_module, "Segmenter", lambda **_: shared_segmenter)
    monkeypatch.setenv("HNREADER_CODER", "甲")

    def go(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return go


def annotation_count(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM annotations").fetchone()[0])


def test_merge_json_then_undo(run, pair: Pair) -> None:  # type: ignore[no-untyped-def]
    before = annotation_count(pair.a)
    code, out, _ = run("--project", str(pair.a), "merge", str(pair.b), "--dry-run", "--json")
    report = json.loads(out)
    assert code == 0 and report["dry_run"] and not report["changed"]
    assert report["annotations"] == {"added": 5, "reanchored": 3, "skipped": 1, "orphaned": 0}
    assert annotation_count(pair.a) == before
    code, out, _ = run("--project", str(pair.a), "merge", str(pair.b))
    assert (
        code == 0 and "5 added (3 re-anchored)" in out and "政策/产业 → 政策/产业 (created)" in out
    )
    assert annotation_count(pair.a) == before + 5
    code, out, _ = run("--project", str(pair.a), "undo")
    assert code == 0 and annotation_count(pair.a) == before


def test_merge_with_a_tab_separated_tag_map(  # type: ignore[no-untyped-def]
    run, pair: Pair, tmp_path: Path
) -> None:
    tags = tmp_path / "tags.tsv"
    tags.write_text("# 乙 still calls it 产业\n政策/产业\t政策/产业扶贫\n", "utf-8")
    code, out, _ = run(
        "--project", str(pair.a), "merge", str(pair.b), "--map-tags", str(tags), "--json"
    )
    report = json.loads(out)
    assert code == 0
    assert {t["other"]: t["action"] for t in report["tags"]}["政策/产业"] == "mapped"
    assert report["annotations"]["skipped"] == 2  # 猕猴桃 is now the same coding


def test_bad_input_is_refused_with_a_message_and_nothing_changed(
    run, pair: Pair, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    before = annotation_count(pair.a)
    bad = tmp_path / "bad.tsv"
    bad.write_text("政策/产业 政策\n", "utf-8")
    code, _, err = run("--project", str(pair.a), "merge", str(pair.b), "--map-tags", str(bad))
    assert code == 1 and "line 1: expected “other path<TAB>our path”" in err
    code, _, err = run("--project", str(pair.a), "merge", str(tmp_path / "nope.sqlite"))
    assert code == 1 and "no such project file" in err and "Traceback" not in err
    text = tmp_path / "x.sqlite"
    text.write_bytes(b"not sqlite at all" * 100)
    code, _, err = run("--project", str(pair.a), "merge", str(text))
    assert code == 7 and "not an hnreader project" in err
    assert annotation_count(pair.a) == before


def test_export_package_with_only_one_coder(
    run, pair: Pair, tmp_path: Path, shared_segmenter: Segmenter
) -> None:  # type: ignore[no-untyped-def]
    with open_as(pair.a, "甲", shared_segmenter) as a:
        a.merge_coding(pair.b)
        total = len(a.annotations())
        mine = len(a.annotations(coder="乙"))
    out = tmp_path / "package.sqlite"
    code, printed, _ = run(
        "--project", str(pair.a), "export-package", str(out), "--only-coder", "乙", "--json"
    )
    assert code == 0 and json.loads(printed)["annotations_left_out"] == total - mine
    with open_as(out, "乙", shared_segmenter) as package:
        assert {n.coder for n in package.annotations()} == {"乙"}
        assert len(package.annotations()) == mine
        assert not package.history.can_undo  # the others' rows are not in its history
        assert package.article_count() == 2 and package.verify(full=True) == []
    code, _, err = run("--project", str(pair.a), "export-package", str(pair.a))
    assert code == 1 and "the project itself" in err
    # a whole copy without --only-coder keeps everyone's work
    code, _, _ = run("--project", str(pair.a), "export-package", str(out))
    assert code == 0 and annotation_count(out) == total


def test_disagreements_listed_for_two_coders(run, pair: Pair, shared_segmenter: Segmenter) -> None:  # type: ignore[no-untyped-def]
    with open_as(pair.a, "甲", shared_segmenter) as a:
        a.merge_coding(pair.b)
        expected = a.disagreements("甲", "乙", tag_ids=[a.tag_by_name("成效").id])
    code, out, _ = run(
        "--project",
        str(pair.a),
        "disagreements",
        "--coder",
        "甲",
        "--coder",
        "乙",
        "--tag",
        "成效",
        "--json",
    )
    rows = json.loads(out)
    assert code == 0 and len(rows) == len(expected) == 4
    assert rows[0]["text"] == "𠮷野家今天在长沙开了第一家店。" and rows[0]["乙"] == [[0, 5]]
    assert rows[0]["甲"] == [] and rows[0]["consensus"] == []
    code, out, _ = run("--project", str(pair.a), "disagreements", "--coder", "甲", "--tag", "成效")
    assert code == 1
    code, out, _ = run(
        "--project",
        str(pair.a),
        "disagreements",
        "--coder",
        "甲",
        "--coder",
        "乙",
        "--consensus",
        "乙",
    )
    assert code == 1


def test_merge_of_an_older_format_file(run, pair: Pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import hashlib

    from tests.core.merge.conftest import OLDER_FORMAT, older_format

    old = older_format(pair.b, tmp_path / "乙-old.sqlite")
    digest = hashlib.sha256(old.read_bytes()).hexdigest()
    before = annotation_count(pair.a)
    code, out, err = run("--project", str(pair.a), "merge", str(old), "--json")
    report = json.loads(out)
    assert code == 0 and report["changed"] and report["upgraded_from"] == OLDER_FORMAT
    assert report["annotations"]["added"] == 5 and report["source"] == old.name
    assert f"older file format ({OLDER_FORMAT})" in err and "not changed" in err
    assert annotation_count(pair.a) == before + 5
    assert hashlib.sha256(old.read_bytes()).hexdigest() == digest
    with sqlite3.connect(old) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == OLDER_FORMAT
    newer = tmp_path / "newer.sqlite"
    newer.write_bytes(old.read_bytes())
    with sqlite3.connect(newer) as conn:
        conn.execute("PRAGMA user_version = 999")
    code, out, err = run("--project", str(pair.a), "merge", str(newer))
    assert code != 0 and "newer hnreader" in err and "Traceback" not in err

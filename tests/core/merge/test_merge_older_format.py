"""Merging a project file of an older format: a copy in the system's temporary folder is
upgraded with the store's migrations and merged from; the file itself is never written, no
backup clutter is left, and the merge is the one the same coding in this format gives."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from hnreader import paths
from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.merge import MergeCancelled
from hnreader.core.models import Stage
from hnreader.core.store import SCHEMA_VERSION
from hnreader.core.store.integrity import schema_version
from tests.core.merge.conftest import OLDER_FORMAT, Pair, located, older_format, open_as


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _merge_leftovers() -> set[str]:
    return {n for n in os.listdir(tempfile.gettempdir()) if n.startswith("hnreader-merge-")}


def test_an_older_file_is_merged_from_an_upgraded_copy(
    pair: Pair, tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    old = older_format(pair.b, tmp_path / "乙-old.sqlite")
    assert schema_version(old) == OLDER_FORMAT < SCHEMA_VERSION
    before, leftovers = digest(old), _merge_leftovers()
    reference = tmp_path / "reference.sqlite"
    shutil.copyfile(pair.a, reference)
    with open_as(reference, "甲", shared_segmenter) as ref:
        expected, _ = ref.merge_coding(pair.b)  # the same coding, in this version's format
        expected_annotations = located(ref)
    stages: list[tuple[int, int, str, str]] = []
    beside = sorted(os.listdir(tmp_path))
    with open_as(pair.a, "甲", shared_segmenter) as a:
        assert a.merge_upgrade_needed(old) == OLDER_FORMAT
        assert a.merge_upgrade_needed(pair.b) is None
        choices = a.merge_tag_choices(old)
        assert {c.other_path for c in choices} >= {"政策", "政策/产业", "成效"}
        report, change = a.merge_coding(
            old, progress=lambda done, total, stage, item="": stages.append(
                (done, total, stage, item)
            )
        )  # fmt: skip
        assert change is not None
        assert report.source == old.name  # the copy keeps the other file's name
        assert report.annotations == expected.annotations
        assert report.memos == expected.memos
        assert located(a) == expected_annotations
    assert {s[2] for s in stages} == {Stage.UPGRADING}
    assert {s[3] for s in stages} == {old.name} and stages[-1][0] == stages[-1][1]
    assert digest(old) == before and schema_version(old) == OLDER_FORMAT  # never written
    assert sorted(os.listdir(tmp_path)) == beside  # nothing beside it (no -wal, no copy)
    assert _merge_leftovers() == leftovers  # the copy is gone
    backups = paths.data_dir() / "backups"
    assert not backups.exists() or not any(p.name.startswith("乙-old") for p in backups.iterdir())


def test_a_prepared_copy_serves_several_reads_and_is_deleted_on_close(
    pair: Pair, tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    old = older_format(pair.b, tmp_path / "乙-old.sqlite")
    with open_as(pair.a, "甲", shared_segmenter) as a:
        with a.prepare_merge(old) as source:
            assert source.upgraded_from == OLDER_FORMAT and source.path != old
            assert source.path.name == old.name and schema_version(source.path) == SCHEMA_VERSION
            assert not source.path.is_relative_to(tmp_path)
            report, _ = a.merge_coding(source.path, dry_run=True)
            assert report.annotations.added > 0
        assert not source.path.exists() and not source.path.parent.exists()
        current = a.prepare_merge(pair.b)
        assert current.path == pair.b and current.upgraded_from is None
        current.close()
    assert pair.b.exists()  # closing a source that is the file itself deletes nothing


def test_a_cancelled_upgrade_changes_nothing(
    pair: Pair, tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    old = older_format(pair.b, tmp_path / "乙-old.sqlite")
    before, leftovers = digest(old), _merge_leftovers()
    with open_as(pair.a, "甲", shared_segmenter) as a:
        count = len(a.annotations())
        with pytest.raises(MergeCancelled):
            a.merge_coding(old, is_cancelled=lambda: True)
        assert len(a.annotations()) == count
    assert digest(old) == before and _merge_leftovers() == leftovers

"""Shared test setup: every test away from the user's real data folders; one segmenter per
session and projects made from the bundled corpus (for the core and reliability tests)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from hnreader import paths
from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.project import Project
from hnreader.core.store import Store

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    home = tmp_path_factory.mktemp("hnreader-home")
    monkeypatch.setenv("HNREADER_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def shared_segmenter(tmp_path_factory: pytest.TempPathFactory) -> Segmenter:
    """One initialised jieba tokenizer for the session (building one takes ~1 s).

    Tests that add user words must use `fresh_segmenter` instead.
    """
    segmenter = Segmenter(cache_dir=tmp_path_factory.mktemp("jieba-cache"))
    segmenter.initialize()
    return segmenter


@pytest.fixture
def fresh_segmenter(tmp_path_factory: pytest.TempPathFactory) -> Segmenter:
    return Segmenter(cache_dir=tmp_path_factory.mktemp("jieba-cache"))


@pytest.fixture(scope="session")
def corpus_project_file(
    tmp_path_factory: pytest.TempPathFactory, shared_segmenter: Segmenter
) -> Path:
    """A project file with the bundled corpus imported, built once and copied per test."""
    path = tmp_path_factory.mktemp("template") / "corpus.sqlite"
    project = Project(Store(path), shared_segmenter)
    report = project.import_paths([paths.bundled_corpus_dir()])
    assert report.added_articles >= 5 and not report.skipped, report
    project.close()
    return path


@pytest.fixture
def corpus_project(
    corpus_project_file: Path, tmp_path: Path, shared_segmenter: Segmenter
) -> Iterator[Project]:
    path = tmp_path / "project.sqlite"
    shutil.copyfile(corpus_project_file, path)
    project = Project(Store(path), shared_segmenter, coder="tester")
    yield project
    project.close()

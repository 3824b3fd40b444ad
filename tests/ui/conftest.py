"""Fixtures for widget tests: offscreen Qt, a throwaway HNREADER_HOME, a ready project."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Both must be set before Qt (and hnreader.paths users) are first touched.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["HNREADER_HOME"] = tempfile.mkdtemp(prefix="hnreader-ui-tests-")

import pytest

from hnreader import paths
from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.project import Project

# The throwaway home goes when the test run ends (each run left one in the temp folder).
atexit.register(shutil.rmtree, os.environ["HNREADER_HOME"], ignore_errors=True)

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="session")
def segmenter() -> Segmenter:
    """One jieba tokenizer for the whole session: loading it takes most of a second."""
    return Segmenter(cache_dir=paths.jieba_cache_dir())


@pytest.fixture(scope="session")
def project_template(tmp_path_factory: pytest.TempPathFactory, segmenter: Segmenter) -> Path:
    """A project file with the bundled corpus imported and a few tags, built once."""
    path = tmp_path_factory.mktemp("template") / "template.hnreader.sqlite"
    project = Project.open(path, segmenter=segmenter, coder="tester")
    report = project.import_paths([CORPUS])
    assert report.added_articles > 0, report.skipped
    project.add_tag("政策", color="#e6194b")
    project.add_tag("数据", color="#3cb44b")
    project.add_tag("人物", color="#4363d8")
    project.close()
    return path


@pytest.fixture
def project(project_template: Path, tmp_path: Path, segmenter: Segmenter) -> Iterator[Project]:
    """A fresh copy of the template project for one test."""
    path = tmp_path / "test.hnreader.sqlite"
    shutil.copyfile(project_template, path)
    project = Project.open(path, create=False, segmenter=segmenter, coder="tester")
    yield project
    project.close()


@pytest.fixture
def controller(project: Project, qtbot):
    from hnreader.ui.project.project_controller import ProjectController

    return ProjectController(project)


@pytest.fixture
def settings(tmp_path: Path, qtbot):
    from hnreader.ui.common.settings import Settings

    return Settings(str(tmp_path / "settings.ini"))


@pytest.fixture
def tag_ids(project: Project) -> dict[str, int]:
    """The template's tags by name."""
    return {tag.name: tag.id for tag in project.store.tags()}

"""Fixtures of the core tests: `cli` runs `hnreader --project <a copy of the corpus
project> ARGS` in this process and gives (exit code, stdout, stderr)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hnreader.cli import main
from hnreader.core.analysis.segmenter import Segmenter


@pytest.fixture
def cli(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    corpus_project_file: Path,
    tmp_path: Path,
    shared_segmenter: Segmenter,
):  # type: ignore[no-untyped-def]
    """Run `hnreader --project <copy of the corpus project> ARGS`; returns (code, out, err)."""
    import hnreader.core.project as project_module

    monkeypatch.setattr(project_module, "Segmenter", lambda **_: shared_segmenter)
    project = tmp_path / "cli.sqlite"
    shutil.copyfile(corpus_project_file, project)

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--project", str(project), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run

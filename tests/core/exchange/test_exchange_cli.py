"""The exchange commands: export-qdpx, export-qdc, import-qdpx, import-qdc (with --json)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from hnreader.cli import main
from hnreader.core.project import Project


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], shared_segmenter):  # type: ignore[no-untyped-def]
    import hnreader.core.project as project_module

    monkeypatch.setattr(project_module, "Segmenter", lambda **_: shared_segmenter)

    def call(project: Path, *args: str) -> tuple[int, str, str]:
        code = main(["--project", str(project), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return call


def test_export_then_import_through_the_cli(run, coded_project: Project, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = coded_project.path
    coded_project.close()
    out = tmp_path / "study.qdpx"
    code, printed, _ = run(source, "export-qdpx", str(out), "--json")
    assert code == 0, printed
    assert json.loads(printed)["annotations"] == 5
    assert zipfile.is_zipfile(out)
    code, printed, _ = run(source, "export-qdc", str(tmp_path / "codes.qdc"))
    assert code == 0 and "3 tag(s)" in printed

    target = tmp_path / "target.sqlite"
    code, printed, _ = run(target, "import-qdpx", str(out), "--dry-run", "--json")
    assert code == 0 and json.loads(printed)["dry_run"] is True
    code, printed, _ = run(target, "articles", "--json")
    assert json.loads(printed) == []
    code, printed, _ = run(target, "import-qdpx", str(out), "--json")
    report = json.loads(printed)
    assert code == 0 and report["articles"] == 3 and report["coders"] == ["李四", "王芳"]
    assert report["left_out"] == []
    code, printed, _ = run(target, "annotations", "--json")
    assert len(json.loads(printed)) == 5
    code, printed, _ = run(target, "undo")
    assert code == 0
    code, printed, _ = run(target, "annotations", "--json")
    assert json.loads(printed) == []


def test_bad_input_gets_a_message_and_an_exit_code(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "target.sqlite"
    bad = tmp_path / "bad.qdpx"
    bad.write_bytes(b"plain text, not a zip")
    code, _, err = run(target, "import-qdpx", str(bad))
    assert code == 1 and "bad.qdpx" in err and "zip" in err and "Traceback" not in err
    code, _, err = run(target, "import-qdc", str(bad))
    assert code == 1 and ".qdc" in err
    code, _, err = run(target, "export-qdpx", str(tmp_path / "out.zip"))
    assert code == 1 and ".qdpx" in err
    code, _, err = run(target, "export-qdc", str(tmp_path / "out.qdc"))
    assert code == 1 and "no tags" in err
    assert not (tmp_path / "out.qdc").exists()

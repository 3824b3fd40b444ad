"""`hnreader agreement`: JSON per tag and overall, the CSV table, the text table, refusals."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest


def test_the_agreement_command(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("tag", "add", "政策")
    for coder in ("王芳", "李四"):
        cli(
            "annotate",
            "1",
            "--quote",
            "坚决扛起“精准扶贫”首倡地政治责任",
            "--tag",
            "政策",
            "--coder",
            coder,
        )
    cli("annotate", "1", "--quote", "全省共减少贫困人口747万", "--tag", "政策", "--coder", "王芳")
    out = tmp_path / "agreement.csv"
    code, printed, _ = cli(
        "agreement", "--coder", "王芳", "--coder", "李四", "--json", "--csv", str(out)
    )
    report = json.loads(printed)
    assert code == 0 and report["articles"] == [1] and report["unit"] == "sentence"
    row = report["tags"]["政策"]
    assert row["coded"] == {"王芳": 2, "李四": 1}
    assert 0 < row["percent_agreement"] < 1 and row["cohen_kappa"] is not None
    with out.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert [r["tag"] for r in table] == ["政策", "(all tags)"]
    assert float(table[0]["krippendorff_alpha"]) == pytest.approx(row["krippendorff_alpha"])
    code, printed, _ = cli("agreement", "--coder", "王芳", "--coder", "李四", "--unit", "paragraph")
    assert code == 0 and "Cohen κ" in printed and "政策" in printed
    code, _, err = cli("agreement", "--coder", "王芳")
    assert code == 1 and "two or more coders" in err

"""`hnreader agreement --xlsx` / `--json` unitized_alpha and `hnreader memo list --csv/--xlsx`:
numbers as numbers, dates as dates, a frozen header, formulas neutralised."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook


def _two_coders(cli) -> None:  # type: ignore[no-untyped-def]
    cli("tag", "add", "政策")
    for coder, quote in (("王芳", "坚决扛起“精准扶贫”首倡地政治责任"), ("李四", "精准扶贫")):
        cli("annotate", "1", "--quote", quote, "--tag", "政策", "--coder", coder)


def test_agreement_xlsx_and_unitized_alpha(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _two_coders(cli)
    book, table = tmp_path / "agreement.xlsx", tmp_path / "agreement.csv"
    code, printed, _ = cli(
        "agreement", "--coder", "王芳", "--coder", "李四", "--json",
        "--xlsx", str(book), "--csv", str(table),
    )  # fmt: skip
    assert code == 0
    row = json.loads(printed)["tags"]["政策"]
    # 李四's span lies inside 王芳's: close, not identical
    assert row["unitized_alpha"] is not None and 0 < row["unitized_alpha"] < 1
    sheet = load_workbook(book).active
    assert sheet is not None and sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    assert header[-1] == "unitized_alpha" and header[0] == "tag"
    first = [c.value for c in sheet[2]]
    assert first[0] == "政策" and isinstance(first[1], int)
    assert first[-1] == pytest.approx(row["unitized_alpha"])
    assert sheet.cell(row=3, column=1).value == "(all tags)"
    with table.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert float(rows[0]["unitized_alpha"]) == pytest.approx(row["unitized_alpha"])
    code, printed, _ = cli("agreement", "--coder", "王芳", "--coder", "李四")
    assert code == 0 and "unitiz. α" in printed


def test_memo_list_exports(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("tag", "add", "政策")
    cli("memo", "add", "--article", "1", "=1+1 不是公式")
    cli("memo", "add", "--tag", "政策", "包括精准扶贫")
    book, table = tmp_path / "memos.xlsx", tmp_path / "memos.csv"
    code, printed, _ = cli("memo", "list", "--xlsx", str(book), "--csv", str(table))
    assert code == 0 and f"Wrote 2 rows to {book}" in printed
    sheet = load_workbook(book).active
    assert sheet is not None and sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]][:3] == ["memo_id", "kind", "article_id"]
    rows = {r[1]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    article, tag = rows["article"], rows["tag"]
    assert isinstance(article[0], int) and article[2] == 1 and article[3]  # its title
    assert article[5] == "'=1+1 不是公式"  # neutralised, as in CSV
    assert tag[4] == "政策" and tag[2] is None
    assert isinstance(article[7], datetime) and isinstance(article[8], datetime)
    assert sheet.cell(row=2, column=8).number_format == "yyyy-mm-dd hh:mm:ss"
    with table.open(encoding="utf-8-sig", newline="") as handle:
        listed = list(csv.DictReader(handle))
    assert {r["text"] for r in listed} == {"'=1+1 不是公式", "包括精准扶贫"}
    assert datetime.fromisoformat(listed[0]["created_utc"]).tzinfo is not None
    code, printed, _ = cli("memo", "list", "--journal", "--csv", str(table), "--json")
    assert code == 0 and json.loads(printed) == []
    with table.open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.DictReader(handle)) == []

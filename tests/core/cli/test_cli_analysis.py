"""The coding-analysis commands, run for real: retrieve, matrix, cooccurrence (issue 16)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest


@pytest.fixture
def coded_cli(cli):  # type: ignore[no-untyped-def]
    """The cli fixture with a parent tag, its child and another tag on article 1."""
    for args in (
        ("tag", "add", "政策"),
        ("tag", "add", "扶贫", "--parent", "政策"),
        ("tag", "add", "群众"),
        ("annotate", "1", "--quote", "脱贫攻坚", "--tag", "政策"),
        ("annotate", "1", "--quote", "脱贫攻坚", "--occurrence", "2", "--tag", "扶贫"),
        ("annotate", "1", "--quote", "群众", "--tag", "群众", "--note", "=SUM(A1)"),
        ("annotate", "4", "--quote", "脱贫攻坚", "--tag", "扶贫", "--tag", "群众"),
    ):
        code, _, err = cli(*args)
        assert code == 0, err
    return cli


def test_retrieve_lists_passages_as_json(coded_cli) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = coded_cli("retrieve", "--tag", "政策", "--json")
    assert code == 0
    passages = json.loads(out)
    assert [p["text"] for p in passages] == ["脱贫攻坚"] * 3  # 政策 with its child 扶贫
    assert {p["article_id"] for p in passages} == {1, 4}
    code, out, _ = coded_cli("retrieve", "--tag", "政策", "--no-subtags", "--json")
    assert len(json.loads(out)) == 1
    code, out, _ = coded_cli(
        "retrieve", "--tag", "扶贫", "--tag", "群众", "--mode", "all", "--json"
    )
    assert [p["article_id"] for p in json.loads(out)] == [4]
    code, out, _ = coded_cli(
        "retrieve",
        "--tag",
        "扶贫",
        "--tag",
        "群众",
        "--mode",
        "article",
        "--article",
        "1",
        "--json",
    )
    assert len(json.loads(out)) == 2


def test_retrieve_prints_passages_and_writes_csv(coded_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = coded_cli("retrieve", "--tag", "群众")
    assert code == 0 and "【群众】" in out and "2 passage(s)" in out
    target = tmp_path / "passages.csv"
    code, out, _ = coded_cli("retrieve", "--tag", "群众", "--csv", str(target))
    assert code == 0 and "Wrote 2 rows" in out
    rows = list(csv.DictReader(target.open(encoding="utf-8-sig")))
    assert {r["note"] for r in rows} == {"'=SUM(A1)", ""}


def test_matrix_by_article_and_per_article(coded_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = coded_cli("matrix", "--json")
    assert code == 0
    matrix = json.loads(out)
    rows = {r["tag"]: r["cells"] for r in matrix["rows"]}
    keys = [c["key"] for c in matrix["columns"]]
    assert rows["政策"][keys.index("1")] == 2 and rows["政策"][keys.index("4")] == 1
    assert rows["政策/扶贫"][keys.index("1")] == 1
    assert sum(rows["群众"]) == 2
    target = tmp_path / "coded.xlsx"
    code, _, err = coded_cli("matrix", "--per-article", "--xlsx", str(target))
    assert code == 0, err
    from openpyxl import load_workbook

    sheet = list(load_workbook(target).active.iter_rows(values_only=True))
    assert sheet[0][:5] == (
        "article_id",
        "article_title",
        "article_date",
        "article_publication",
        "政策",
    )
    by_article = {row[0]: row[4:] for row in sheet[1:]}
    assert by_article[1] == (1, 1, 1) and by_article[4] == (1, 1, 1) and by_article[2] == (0, 0, 0)
    assert len(by_article) == 16
    code, out, _ = coded_cli("matrix", "--by", "publication", "--measure", "share")
    assert code == 0 and "政策/扶贫" in out


def test_cooccurrence_counts_and_csv(coded_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = coded_cli("cooccurrence", "--scope", "article", "--json")
    assert code == 0
    result = json.loads(out)
    i, j = result["tags"].index("政策/扶贫"), result["tags"].index("群众")
    assert result["counts"][i][j] == 2 and result["jaccard"][i][j] == 1.0
    target = tmp_path / "pairs.csv"
    code, _, _ = coded_cli("cooccurrence", "--tag", "政策", "--tag", "群众", "--csv", str(target))
    assert code == 0
    assert len(list(csv.DictReader(target.open(encoding="utf-8-sig")))) == 3


@pytest.mark.parametrize(
    "args",
    [
        ("retrieve",),
        ("retrieve", "--tag", "没有这个"),
        ("retrieve", "--tag", "政策", "--from", "May"),
        ("matrix", "--by", "weather"),
        ("matrix", "--by", "month", "--per-article"),
        ("cooccurrence", "--scope", "nearby"),
        ("retrieve", "--tag", "政策", "--where", "region"),
        ("retrieve", "--tag", "政策", "--where", "weather=sunny"),
    ],
)
def test_bad_input_gives_a_message_and_no_traceback(coded_cli, args) -> None:  # type: ignore[no-untyped-def]
    try:
        code, _, err = coded_cli(*args)
    except SystemExit as exit_:  # argparse rejects the value itself, with its usage line
        assert exit_.code == 2
        return
    assert code != 0
    assert err.startswith("hnreader: error:") and "Traceback" not in err

"""The command line over other formats: import --map, variables, show's variables, refusals
worded on stderr with an exit code and no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def test_import_with_a_column_map_and_list_the_variables(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    table = tmp_path / "导出.csv"
    table.write_text(
        "篇名,全文稿,日期,版面,字数\n"
        "祁东黄花菜丰收,今年祁东县黄花菜种植面积达到17万亩。,2020-06-20,第05版,1200\n"
        "无正文,,2020-06-21,第06版,0\n",
        "utf-8-sig",
    )
    code, out, err = cli("import", str(table), "--map", "title=篇名,text=全文稿,date=日期")
    assert code == 0, err
    assert "Added 1 article(s) from 1 file(s)." in out
    assert "row 3" in err and "have no text" in err
    code, out, _ = cli("variables", "--json")
    assert json.loads(out) == [
        {"name": "字数", "kind": "number", "articles": 1},
        {"name": "版面", "kind": "text", "articles": 1},
    ]
    code, out, _ = cli("articles", "--json")
    article = next(a for a in json.loads(out) if a["title"] == "祁东黄花菜丰收")
    assert article["date"] == "2020-06-20"
    code, out, _ = cli("show", str(article["id"]), "--json")
    assert json.loads(out)["variables"] == {"版面": "第05版", "字数": "1200"}
    code, out, _ = cli("show", str(article["id"]))
    assert "版面: 第05版" in out


def test_a_bad_map_is_a_usage_error(cli, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exited:
        cli("import", str(tmp_path), "--map", "headline")
    assert exited.value.code == 2
    assert "ROLE=COLUMN" in capsys.readouterr().err


def test_refused_files_are_named_with_the_reason(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    (tmp_path / "stats.csv").write_text("县,户数\n祁东,21000\n", "utf-8")
    code, _out, err = cli("import", str(tmp_path / "old.doc"), str(tmp_path / "stats.csv"))
    assert code == 1
    assert "old.doc: is in the old Word format" in err and "save it as .docx" in err
    assert "stats.csv: has no column of article text; its columns are '县', '户数'" in err
    assert "--map text=" in err
    assert "Traceback" not in err

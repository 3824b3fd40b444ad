"""The CLI of import options and corrections: import --split/--dry-run, article exclude |
include | boilerplate | restore | title, reimport, orphans (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path

TRANSCRIPT = (
    "## 第一条新闻\n\n湖南省今年粮食总产量达到六百亿斤。\n\n"
    "## 第二条新闻\n\n长沙地铁六号线今天开通运营。\n"
)


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "transcript.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    return path


def test_dry_run_shows_the_split_and_imports_nothing(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = len(json.loads(cli("articles", "--json")[1]))
    code, out, _ = cli("import", str(_file(tmp_path)), "--split", "headings", "--dry-run", "--json")
    assert code == 0
    preview = json.loads(out)
    assert [a["title"] for a in preview["files"][0]["articles"]] == ["第一条新闻", "第二条新闻"]
    assert len(json.loads(cli("articles", "--json")[1])) == before


def test_a_bad_pattern_is_a_clear_error_and_changes_nothing(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = cli("articles")[1]
    code, _, err = cli("import", str(_file(tmp_path)), "--split", "pattern:(")
    assert code != 0 and "not a valid regular expression" in err and "Traceback" not in err
    code, _, err = cli("import", str(_file(tmp_path)), "--var", "region")
    assert code != 0 and "not NAME=VALUE" in err
    assert cli("articles")[1] == before


def test_import_options_reach_the_articles_and_reimport_resplits(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _file(tmp_path)
    code, _, _ = cli("import", str(path), "--split", "file", "--publication", "湖南日报")
    assert code == 0
    listed = [a for a in json.loads(cli("articles", "--json")[1]) if a["source"] == path.name]
    assert len(listed) == 1 and listed[0]["publication"] == "湖南日报"
    cli("tag", "add", "交通")
    cli("annotate", str(listed[0]["id"]), "--quote", "六号线", "--tag", "交通")
    code, out, _ = cli("reimport", path.name, "--split", "headings", "--json")
    assert code == 0
    assert json.loads(out)["annotations"] == {
        "stayed": 0,
        "moved": 1,
        "reanchored": 0,
        "orphaned": 0,
    }
    listed = [a for a in json.loads(cli("articles", "--json")[1]) if a["source"] == path.name]
    assert [a["title"] for a in listed] == ["第一条新闻", "第二条新闻"]
    (annotation,) = json.loads(cli("annotations", "--json")[1])
    assert annotation["article_id"] == listed[1]["id"]
    assert cli("undo")[0] == 0
    listed = [a for a in json.loads(cli("articles", "--json")[1]) if a["source"] == path.name]
    assert len(listed) == 1


def test_exclude_hides_from_search_and_include_brings_back(cli) -> None:  # type: ignore[no-untyped-def]
    shown = json.loads(cli("show", "2", "--json")[1])
    word = shown["text"][:4]
    assert 2 in {a["id"] for a in json.loads(cli("search", word, "--json")[1])["articles"]}
    code, out, _ = cli("article", "exclude", "2")
    assert code == 0 and "Exclude 1 article(s)" in out
    assert 2 not in {a["id"] for a in json.loads(cli("search", word, "--json")[1])["articles"]}
    assert next(a for a in json.loads(cli("articles", "--json")[1]) if a["id"] == 2)["excluded"]
    shown = json.loads(cli("show", "2", "--json")[1])
    assert shown["excluded"] and shown["paragraphs"][0]["line"] == 1
    assert "(excluded" in cli("show", "2")[1].splitlines()[0]
    cli("article", "include", "2")
    assert 2 in {a["id"] for a in json.loads(cli("search", word, "--json")[1])["articles"]}


def test_boilerplate_orphans_and_attach(cli) -> None:  # type: ignore[no-untyped-def]
    cli("tag", "add", "甲")
    text = json.loads(cli("show", "2", "--json")[1])["text"]
    first_line = text.split("\n")[0]
    quote = first_line
    assert text.count(quote) == 1
    cli("annotate", "2", "--quote", quote, "--tag", "甲")
    code, out, _ = cli("article", "boilerplate", "2", "1")
    assert code == 0 and "1 orphaned" in out
    (orphan,) = json.loads(cli("orphans", "--json")[1])
    assert orphan["quote"] == quote and orphan["tags"] == ["甲"]
    code, _, err = cli("orphans", "attach", str(orphan["id"]), "2", "--quote", "不在这里的字")
    assert code != 0 and "is not in article 2" in err
    second = json.loads(cli("show", "2", "--json")[1])["text"].split("\n")[0][:4]
    code, _, _ = cli("orphans", "attach", str(orphan["id"]), "2", "--quote", second)
    assert code == 0
    assert json.loads(cli("orphans", "--json")[1]) == []
    (attached,) = json.loads(cli("annotations", "--json")[1])
    assert second in json.dumps(attached, ensure_ascii=False)

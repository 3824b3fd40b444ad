"""The word-statistics commands, run for real: wordlist, keyness, collocates, stopwords."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl


def test_wordlist_json_and_filters(cli) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli("wordlist", "--min-length", "2", "--limit", "10", "--json")
    assert code == 0, err
    (listed,) = json.loads(out)
    rows = listed["rows"]
    assert len(rows) == 10 and listed["n"] == 1
    assert all(len(r["word"]) >= 2 for r in rows)
    freqs = [r["freq"] for r in rows]
    assert freqs == sorted(freqs, reverse=True)
    top = rows[0]
    assert top["per_10k"] == round(top["freq"] * 10_000 / listed["running_words"], 4)
    code, out, _ = cli("wordlist", "--json")
    assert "的" not in {r["word"] for r in json.loads(out)[0]["rows"]}
    code, out, _ = cli("wordlist", "--keep-stopwords", "--json")
    assert "的" in {r["word"] for r in json.loads(out)[0]["rows"]}


def test_wordlist_ngrams_and_exports(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = cli("wordlist", "--ngrams", "2-3", "--limit", "5", "--json")
    assert code == 0
    lists = json.loads(out)
    assert [wl["n"] for wl in lists] == [2, 3]
    assert all(r["word"].count(" ") == wl["n"] - 1 for wl in lists for r in wl["rows"])
    table, book = tmp_path / "w.csv", tmp_path / "w.xlsx"
    code, out, _ = cli("wordlist", "--limit", "5", "--csv", str(table), "--xlsx", str(book))
    assert code == 0 and "Wrote 5 rows" in out
    rows = list(csv.reader(table.open(encoding="utf-8-sig")))
    assert rows[0] == ["n", "rank", "word", "freq", "range", "per_10k"]
    sheet = openpyxl.load_workbook(book).active
    assert isinstance(sheet.cell(2, 4).value, int)  # numbers stay numbers


def test_keyness_against_the_corpus(cli) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli("keyness", "--a", "--from 2020", "--min-freq", "3", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["articles_a"] < result["articles_b"]
    signed = [r["log_likelihood"] for r in result["rows"]]
    assert signed == sorted(signed, reverse=True)
    assert any(r["freq_a"] == 0 and r["log_likelihood"] < 0 for r in result["rows"])
    code, out, err = cli("keyness", "--a", "--from 2030")
    assert code != 0 and "subset A holds no words" in err


def test_collocates_and_bad_input(cli) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli("collocates", "扶贫", "--window", "3", "--measure", "ll", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["term"] == "扶贫" and result["term_freq"] > 0
    lls = [r["log_likelihood"] for r in result["rows"]]
    assert lls == sorted(lls, reverse=True)
    code, _, err = cli("collocates", "扶贫", "--window", "0")
    assert code != 0 and "window" in err and "Traceback" not in err
    code, _, err = cli("wordlist", "--ngrams", "7")
    assert code != 0 and "--ngrams" in err
    code, _, err = cli("wordlist", "--from", "2020-13x")
    assert code != 0 and "date bound" in err
    code, _, err = cli("keyness", "--a", '--from "2020')
    assert code != 0 and "keyness --a" in err


def test_stopwords_add_and_undo(cli) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = cli("wordlist", "--limit", "1", "--json")
    top = json.loads(out)[0]["rows"][0]["word"]
    code, out, _ = cli("stopwords", "add", top)
    assert code == 0 and top in out
    code, out, _ = cli("wordlist", "--limit", "1", "--json")
    assert json.loads(out)[0]["rows"][0]["word"] != top
    code, out, _ = cli("stopwords", "--json")
    assert json.loads(out)["project_changes"] == {top: True}
    code, out, _ = cli("undo")
    assert code == 0
    code, out, _ = cli("wordlist", "--limit", "1", "--json")
    assert json.loads(out)[0]["rows"][0]["word"] == top
    code, _, err = cli("stopwords", "add")
    assert code != 0 and "WORD" in err


def test_keyness_between_publications(cli) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = cli("wordlist", "--json", "--limit", "1")
    everything = json.loads(out)[0]["articles"]
    code, out, err = cli("keyness", "--a", "--publication 湖南日报", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert 0 < result["articles_a"] < everything == result["articles_b"]


def test_wordlist_leaves_out_dates_unless_kept(cli) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli("wordlist", "--json")
    assert code == 0, err
    shown = {r["word"] for r in json.loads(out)[0]["rows"]}
    code, out, _ = cli("wordlist", "--keep-dates", "--json")
    kept = {r["word"] for r in json.loads(out)[0]["rows"]}
    assert {"年", "月", "日"} <= kept - shown
    assert all(any(unit in w for unit in "年月日号时分秒") for w in kept - shown)

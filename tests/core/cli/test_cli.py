"""The command-line contract: commands, JSON shapes, offsets, errors on stderr."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def test_articles_and_show_json(cli) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = cli("articles", "--json")
    articles = json.loads(out)
    assert code == 0 and len(articles) >= 5
    assert set(articles[0]) == {
        "id",
        "title",
        "date",
        "byline",
        "source",
        "chars",
        "excluded",
        "publication",
        "page",
        "section",
        "url",
        "first_line",
        "last_line",
    }
    assert articles[0]["first_line"] >= 1
    code, out, _ = cli("show", str(articles[0]["id"]), "--json")
    shown = json.loads(out)
    assert {"id", "title", "date", "byline", "source", "text", "removed"} <= set(shown)
    assert {"page", "section", "url", "first_line", "last_line", "byline_shown"} <= set(shown)
    assert len(shown["text"]) == articles[0]["chars"]


def test_show_prints_page_section_url_and_source_lines(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "rmrb_20250103_05.txt"
    page.write_text(
        '---\nsection: "第05版"\nsection_name: "评论"\n'
        'source_url: "https://paper.example.cn/rmrb/content_1.html"\n---\n\n'
        "# 城市美学在细节\n\n> 李铁林《人民日报》（2025年01月03日第 05 版）\n\n"
        "■记者 李铁林\n\n地铁站里的“美术馆”赢得了市民和游客好评。\n",
        encoding="utf-8",
    )
    assert cli("import", str(page))[0] == 0
    _, out, _ = cli("articles", "--json")
    [article] = [a for a in json.loads(out) if a["source"] == page.name]
    assert (article["page"], article["section"]) == ("第 05 版", "评论")
    assert article["url"] == "https://paper.example.cn/rmrb/content_1.html"
    code, out, _ = cli("show", str(article["id"]))
    assert code == 0
    lines = out.splitlines()
    assert lines[1] == "2025-01-03 · 记者 李铁林 · rmrb_20250103_05.txt"  # no ■
    assert lines[2] == "人民日报 · 第 05 版 · 评论"
    assert lines[3] == "https://paper.example.cn/rmrb/content_1.html"
    assert lines[4] == "Source file: rmrb_20250103_05.txt, lines 1–13"


def test_search_json_offsets_point_into_show_text(cli) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = cli("search", "扶贫", "--json", "--limit", "2")
    result = json.loads(out)
    assert code == 0
    assert result["query"] == "扶贫" and result["segments"] == ["扶贫"]
    assert len(result["articles"]) == 2 and result["total_hits"] > 2
    for article in result["articles"]:
        shown = json.loads(cli("show", str(article["id"]), "--json")[1])
        for hit in article["hits"]:
            assert set(hit) >= {"field", "start", "end", "text", "left", "right", "whole_word"}
            text = shown["text" if hit["field"] == "body" else hit["field"]]
            assert text[hit["start"] : hit["end"]] == hit["text"] == "扶贫"
            assert text[: hit["start"]].endswith(hit["left"])


def test_search_tells_the_field_of_each_hit_and_can_keep_to_some(cli) -> None:  # type: ignore[no-untyped-def]
    articles = json.loads(cli("articles", "--json")[1])
    title = articles[0]["title"]
    word = title[:2]
    code, out, _ = cli("search", word, "--json", "--limit", "1000")
    result = json.loads(out)
    assert code == 0 and result["fields"] == ["title", "subtitle", "byline", "body"]
    fields = {hit["field"] for a in result["articles"] for hit in a["hits"]}
    assert "title" in fields and result["header_hits"]["title"] >= 1
    in_titles = sum(1 for a in result["articles"] for h in a["hits"] if h["field"] == "title")
    assert result["header_hits"]["title"] == in_titles
    listed = sum(len(a["hits"]) for a in result["articles"])
    assert result["total_hits"] == listed

    body = json.loads(cli("search", word, "--json", "--field", "body", "--limit", "1000")[1])
    assert {h["field"] for a in body["articles"] for h in a["hits"]} <= {"body"}
    assert body["header_hits"] == {} and body["total_hits"] == listed - sum(
        result["header_hits"].values()
    )
    titles = json.loads(cli("search", word, "--json", "--field", "title")[1])
    assert titles["fields"] == ["title"] and titles["total_hits"] == in_titles

    code, out, _ = cli("search", word)
    assert code == 0
    assert f"({in_titles} in titles" in out.splitlines()[1]
    assert any(line.lstrip().startswith("title ") for line in out.splitlines())
    with pytest.raises(SystemExit):  # argparse: usage error
        cli("search", word, "--field", "headline")


@pytest.mark.parametrize("query", ['"', "AND", "NEAR(", "*", ":", "^", "🙂", "", "，。"])
def test_hostile_queries_never_crash(cli, query: str) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli("search", query, "--json")
    assert "Traceback" not in err
    if code == 0:
        assert "total_hits" in json.loads(out)
    else:
        assert err.startswith("hnreader: error:")


def test_tag_annotate_export(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("tag", "add", "政策", "--color", "#E8A33D")[0] == 0
    assert cli("tag", "add", "精准扶贫", "--parent", "政策")[0] == 0
    tags = json.loads(cli("tags", "--json")[1])
    assert [t["path"] for t in tags] == ["政策", "政策/精准扶贫"]
    figures = json.loads(cli("figures", "--json")[1])
    figure = next(f for f in figures if f["text"].startswith("747万"))
    assert figure["value"] == 7470000
    code, out, _ = cli(
        "annotate",
        str(figure["article_id"]),
        str(figure["start"]),
        str(figure["end"]),
        "--tag",
        "政策",
        "--json",
    )
    assert code == 0 and json.loads(out)["kind"] == "figure"
    code, out, _ = cli("annotate", "1", "0", "4", "--tag", "精准扶贫", "--note", "开头", "--json")
    assert code == 0 and json.loads(out)["note"] == "开头"
    assert len(json.loads(cli("annotations", "--json")[1])) == 2
    out_csv = tmp_path / "out.csv"
    assert cli("export", str(out_csv), "--tag", "精准扶贫")[0] == 0
    with out_csv.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["tag_path"] for r in rows] == ["政策/精准扶贫"]
    figures_csv = tmp_path / "figures.csv"
    assert cli("export", str(figures_csv), "--figures")[0] == 0
    assert figures_csv.read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("show", "9999"), "no article with id 9999"),
        (("annotate", "1", "5", "2", "--tag", "x"), "no tag named"),
        (("tag", "add", "x", "--color", "blue"), "#RRGGBB"),
        (("import", "/no/such/folder"), "no such file or folder"),
    ],
)
def test_errors_go_to_stderr_with_non_zero_exit(cli, args, message: str) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli(*args)
    assert code != 0
    assert message in err


def test_the_installed_entry_point_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "hnreader", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert "annotate" in result.stdout and "export" in result.stdout


def test_figures_print_exact_values(tmp_path: Path) -> None:
    news = tmp_path / "n.txt"
    news.write_text(
        "标题\n\n全省减少贫困人口747万，投入229.6亿元，贫困发生率13.43%。\n", encoding="utf-8"
    )
    project = str(tmp_path / "p.sqlite")
    env = {**os.environ, "HNREADER_HOME": str(tmp_path / "home")}
    run = [sys.executable, "-m", "hnreader", "--project", project]
    subprocess.run([*run, "import", str(news)], check=True, env=env, capture_output=True)
    out = subprocess.run(
        [*run, "figures"], check=True, env=env, capture_output=True, text=True
    ).stdout
    assert "7470000" in out and "22960000000" in out and "13.43" in out
    assert "e+" not in out


def test_figures_json_has_the_new_model(tmp_path: Path) -> None:
    news = tmp_path / "n.txt"
    news.write_text("标题\n\n2019年7月，收入增长4-6%，约3万户，从13.43%降至0.36%。\n", "utf-8")
    project = str(tmp_path / "p.sqlite")
    env = {**os.environ, "HNREADER_HOME": str(tmp_path / "home")}
    run = [sys.executable, "-m", "hnreader", "--project", project]
    subprocess.run([*run, "import", str(news)], check=True, env=env, capture_output=True)
    done = subprocess.run(
        [*run, "figures", "--json"], check=True, env=env, capture_output=True, text=True
    )
    fields = ("text", "value", "value_low", "value_high", "unit", "approx", "direction", "kind")
    assert [tuple(f[key] for key in fields) for f in json.loads(done.stdout)] == [
        ("2019年7月", "2019-07", None, None, "", None, None, "date"),
        ("4-6%", None, 4, 6, "%", None, None, "percent"),
        ("约3万户", 30000, None, None, "户", "约", None, "count"),
        ("13.43%", 13.43, 0.36, 13.43, "%", None, "down", "percent"),
        ("0.36%", 0.36, 0.36, 13.43, "%", None, "down", "percent"),
    ]
    text = subprocess.run(
        [*run, "figures"], check=True, env=env, capture_output=True, text=True
    ).stdout
    assert "4–6" in text and "~30000" in text and "2019-07" in text


def test_a_closed_pipe_ends_quietly_with_exit_0(tmp_path: Path) -> None:
    """`hnreader figures | head -1`: the reader goes away; no BrokenPipeError traceback."""
    news = tmp_path / "many.txt"
    lines = (f"第{n}项增长{n}.5%，投入{n}万元，惠及{n}户。" for n in range(1, 4000))
    news.write_text("标题\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    env = {**os.environ, "HNREADER_HOME": str(tmp_path / "home")}
    run = [sys.executable, "-m", "hnreader", "--project", str(tmp_path / "p.sqlite")]
    subprocess.run([*run, "import", str(news)], check=True, env=env, capture_output=True)
    with subprocess.Popen(
        [*run, "figures"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    ) as process:  # ~700 KB of rows: far more than a pipe holds
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        error = process.stderr.read().decode("utf-8", "replace")
        code = process.wait(timeout=120)
    assert "Traceback" not in error and "BrokenPipe" not in error, error
    assert code == 0


def test_import_with_a_year_dates_what_the_files_leave_without_one(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "村道.txt").write_text(
        "村道硬化全部完成\n\n本报讯 5月24日，全县最后一条村道完成硬化，群众出行更方便了。\n",
        encoding="utf-8",
    )
    (folder / "20210105.txt").write_text(
        "年货市场供应充足\n\n本报讯 1月4日，节日市场供应充足，价格总体平稳。\n", encoding="utf-8"
    )
    code, out, err = cli("import", str(folder), "--year", "2020")
    assert code == 0, err
    code, out, _ = cli("articles", "--json")
    dates = {a["title"]: a["date"] for a in json.loads(out)}
    assert dates["村道硬化全部完成"] == "2020-05-24"
    assert dates["年货市场供应充足"] == "2021-01-04"  # the file name's year comes first
    with pytest.raises(SystemExit) as refused:  # argparse's usage error: exit code 2
        cli("import", str(folder), "--year", "twenty")
    assert refused.value.code == 2


def test_give_year_dates_one_file_or_all(cli) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = cli("articles", "--json")
    articles = json.loads(out)
    source = next(a["source"] for a in articles if a["date"].startswith("--"))
    code, out, _ = cli("give-year", "2020", "--source", source)
    assert code == 0 and out.startswith("Dated ")
    _, out, _ = cli("articles", "--json")
    dates = [a["date"] for a in json.loads(out) if a["source"] == source]
    assert dates and not any(d.startswith("--") for d in dates)
    code, _, err = cli("give-year", "2020", "--source", "no-such-file.txt")
    assert code != 0 and "no-such-file.txt" in err


def test_show_numbered_gives_each_paragraphs_offset(cli) -> None:  # type: ignore[no-untyped-def]
    article = json.loads(cli("show", "1", "--json")[1])
    text = article["text"]
    for paragraph in article["paragraphs"]:
        assert text[paragraph["start"] : paragraph["end"]] == paragraph["text"]
    code, out, _ = cli("show", "1", "--numbered")
    assert code == 0
    numbered = [line for line in out.splitlines() if line.startswith("[")]
    assert len(numbered) == len(article["paragraphs"]) == text.count("\n") + 1
    for line, paragraph in zip(numbered, article["paragraphs"], strict=True):
        offset, shown = line[1:].split("] ", 1)
        assert (int(offset), shown) == (paragraph["start"], paragraph["text"])


def test_annotate_by_quote_snapped_or_raw(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("tag", "add", "政策话语")[0] == 0
    text = json.loads(cli("show", "1", "--json")[1])["text"]
    quote = "坚决扛起“精准扶贫”首倡地政治责任"
    code, out, _ = cli("annotate", "1", "--quote", quote, "--tag", "政策话语", "--json")
    made = json.loads(out)
    assert code == 0 and (made["start"], made["text"]) == (text.index(quote), quote)
    third = [i for i in range(len(text)) if text.startswith("扶贫", i)][2]
    code, out, _ = cli(
        "annotate", "1", "--quote", "扶贫", "--occurrence", "3", "--tag", "政策话语", "--json"
    )
    assert (json.loads(out)["start"], json.loads(out)["end"]) == (third, third + 2)
    word = text.index("脱贫攻坚")  # the middle of a word: snapped to it, or kept with --raw
    snapped = json.loads(
        cli("annotate", "1", str(word + 1), str(word + 3), "--tag", "政策话语", "--json")[1]
    )
    assert snapped["text"] == "脱贫攻坚"
    raw = json.loads(
        cli("annotate", "1", str(word + 1), str(word + 3), "--raw", "--tag", "政策话语", "--json")[
            1
        ]
    )
    assert raw["text"] == "贫攻"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("annotate", "1", "--quote", "不存在的话", "--tag", "政策话语"), "does not occur"),
        (
            ("annotate", "1", "--quote", "扶贫", "--occurrence", "999", "--tag", "政策话语"),
            "occurs",
        ),
        (("annotate", "1", "5", "999999", "--tag", "政策话语"), "is not a passage"),
        (("annotate", "1", "9", "5", "--tag", "政策话语"), "start must come before the end"),
        (("annotate", "1", "--tag", "政策话语"), "START END"),
        (("annotate", "1", "0", "4", "--quote", "扶贫", "--tag", "政策话语"), "not both"),
    ],
)
def test_annotate_refuses_what_names_no_passage(cli, args, message: str) -> None:  # type: ignore[no-untyped-def]
    assert cli("tag", "add", "政策话语")[0] == 0
    code, out, err = cli(*args)
    assert code == 1 and not out and message in err and "Traceback" not in err
    assert json.loads(cli("annotations", "--json")[1]) == []  # nothing was saved


def test_ctrl_c_ends_with_exit_130_and_no_traceback(tmp_path: Path) -> None:
    """Ctrl+C in a long import: the process group gets SIGINT, as from a terminal."""
    import signal
    import time

    news = tmp_path / "big.txt"
    paragraph = "全省各地扎实推进乡村振兴，农村居民人均可支配收入增长6.5%，新建村道1200公里。"
    news.write_text(
        "\n\n".join(f"第{n}篇报道\n\n" + paragraph * 8 for n in range(6000)), encoding="utf-8"
    )  # several seconds of segmenting
    env = {**os.environ, "HNREADER_HOME": str(tmp_path / "home")}
    run = [sys.executable, "-m", "hnreader", "--project", str(tmp_path / "p.sqlite")]
    with subprocess.Popen(
        [*run, "import", str(news)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
    ) as process:
        time.sleep(2.0)
        assert process.poll() is None, "the import ended before it could be interrupted"
        os.killpg(process.pid, signal.SIGINT)
        _, error = process.communicate(timeout=120)
    text = error.decode("utf-8", "replace")
    assert process.returncode == 130, text
    assert "Traceback" not in text and "interrupted" in text

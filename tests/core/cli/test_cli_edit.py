"""The editing commands: tags, annotations, articles and the dictionary, each one action with
`--json` facts, refusals on stderr with exit 1 and nothing changed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from hnreader.cli import main


def tags(cli) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    return {t["path"]: t for t in json.loads(cli("tags", "--json")[1])}


def test_tag_rename_recolor_describe_move_merge_delete(cli) -> None:  # type: ignore[no-untyped-def]
    for name in ("政策", "精准扶贫", "产业", "旧码"):
        assert cli("tag", "add", name)[0] == 0
    assert cli("tag", "rename", "产业", "产业扶贫")[0] == 0
    assert cli("tag", "recolor", "产业扶贫", "#3366CC")[0] == 0
    assert cli("tag", "describe", "产业扶贫", "种植、养殖、加工")[0] == 0
    code, out, _ = cli("tag", "move", "精准扶贫", "--parent", "政策", "--json")
    assert code == 0 and json.loads(out)["action"] == "move_tag"
    now = tags(cli)
    assert set(now) == {"政策", "政策/精准扶贫", "产业扶贫", "旧码"}
    assert (now["产业扶贫"]["color"], now["产业扶贫"]["description"]) == (
        "#3366CC",
        "种植、养殖、加工",
    )
    assert cli("tag", "move", "精准扶贫", "--top")[0] == 0
    assert "精准扶贫" in tags(cli)

    assert cli("annotate", "1", "--quote", "扶贫", "--tag", "旧码")[0] == 0
    code, _, err = cli("tag", "delete", "旧码")  # it has a passage: say what to do with it
    assert code == 1 and "--reassign" in err and "旧码" in tags(cli)
    assert cli("tag", "delete", "旧码", "--reassign", "产业扶贫")[0] == 0
    (annotation,) = json.loads(cli("annotations", "--json")[1])
    assert annotation["tags"] == ["产业扶贫"] and "旧码" not in tags(cli)
    assert cli("tag", "merge", "产业扶贫", "政策")[0] == 0
    assert json.loads(cli("annotations", "--json")[1])[0]["tags"] == ["政策"]
    assert cli("tag", "delete", "政策", "--delete-annotations")[0] == 0
    assert json.loads(cli("annotations", "--json")[1]) == []


def test_annotation_note_retag_delete(cli) -> None:  # type: ignore[no-untyped-def]
    cli("tag", "add", "甲")
    cli("tag", "add", "乙")
    made = json.loads(cli("annotate", "1", "--quote", "扶贫", "--tag", "甲", "--json")[1])
    number = str(made["id"])
    assert cli("annotation", "note", number, "首倡地")[0] == 0
    assert cli("annotation", "retag", number, "--tag", "甲", "--tag", "乙")[0] == 0
    (annotation,) = json.loads(cli("annotations", "--json")[1])
    assert (annotation["note"], sorted(annotation["tags"])) == ("首倡地", ["乙", "甲"])
    code, out, _ = cli("annotation", "delete", number, "--json")
    assert code == 0 and json.loads(out)["label"] == "Delete annotation"
    assert json.loads(cli("annotations", "--json")[1]) == []
    code, _, err = cli("annotation", "note", "999", "x")
    assert code == 1 and "999" in err


def test_article_rename_set_split_merge(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("article", "rename", "1", "新标题")[0] == 0
    assert (
        cli("article", "set", "1", "date=2020-05-24", "reporters=张三、李四", "page=第05版")[0] == 0
    )
    shown = json.loads(cli("show", "1", "--json")[1])
    assert (shown["title"], shown["date"], shown["reporters"], shown["page"]) == (
        "新标题",
        "2020-05-24",
        ["张三", "李四"],
        "第05版",
    )
    before = len(json.loads(cli("articles", "--json")[1]))
    second = shown["paragraphs"][1]["start"]
    code, _, _ = cli("article", "split", "1", str(second), "--json")
    assert code == 0 and len(json.loads(cli("articles", "--json")[1])) == before + 1
    assert json.loads(cli("show", "1", "--json")[1])["text"] == shown["text"][:second].rstrip("\n")
    assert cli("article", "merge", "1")[0] == 0
    assert len(json.loads(cli("articles", "--json")[1])) == before
    with pytest.raises(SystemExit) as usage:  # argparse's usage error, exit 2
        cli("article", "set", "1", "colour=red")
    assert usage.value.code == 2
    code, _, err = cli("article", "rename", "1", "  ")
    assert code == 1 and "empty" in err
    assert json.loads(cli("show", "1", "--json")[1])["title"] == "新标题"


@pytest.fixture
def own_project(tmp_path: Path, corpus_project_file: Path, capsys):  # type: ignore[no-untyped-def]
    """A project with a segmenter of its own (a dictionary word changes the segmenter)."""
    path = tmp_path / "own.sqlite"
    shutil.copyfile(corpus_project_file, path)

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--project", str(path), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def test_dictionary_add_list_remove_resegments(own_project) -> None:  # type: ignore[no-untyped-def]
    def kinds() -> set[str]:
        found = json.loads(own_project("search", "李克强", "--json")[1])
        return {h["match"] for a in found["articles"] for h in a["hits"]}

    assert kinds() == {"word"}
    assert own_project("dictionary", "add", "李克强总理")[0] == 0
    assert json.loads(own_project("dictionary", "list", "--json")[1]) == ["李克强总理"]
    assert kinds() == {"subword"}  # now part of the word 李克强总理: the text was resegmented
    code, _, err = own_project("dictionary", "remove", "不在词典")
    assert code == 1 and "dictionary list" in err
    assert own_project("dictionary", "remove", "李克强总理")[0] == 0
    assert json.loads(own_project("dictionary", "list", "--json")[1]) == []
    assert kinds() == {"word"}


def test_every_command_has_a_description_and_an_example() -> None:
    import argparse

    from hnreader.cli import _build_parser

    missing: list[str] = []

    def walk(parser: argparse.ArgumentParser, prefix: str) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                helps = {choice.dest: choice.help for choice in action._choices_actions}
                for name, sub in action.choices.items():
                    if not helps.get(name) or not (sub.epilog or "").startswith("example"):
                        missing.append(prefix + name)
                    walk(sub, f"{prefix}{name} ")

    walk(_build_parser(), "")
    assert missing == []


def test_search_text_says_how_each_hit_stands_to_the_words(cli) -> None:  # type: ignore[no-untyped-def]
    found = json.loads(cli("search", "脱贫", "--json")[1])
    kinds = [h["match"] for a in found["articles"] for h in a["hits"]]
    lines = [line for line in cli("search", "脱贫")[1].splitlines() if "【脱贫】" in line]
    assert len(lines) == len(kinds) and "subword" in kinds
    marks = {"word": "", "subword": "  (part of a word)", "substring": "  (across words)"}
    for line, kind in zip(lines, kinds, strict=True):
        if marks[kind]:
            assert line.endswith(marks[kind])
        else:
            assert not line.endswith(("(part of a word)", "(across words)"))


def test_undo_and_redo_from_the_command_line_across_commands(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("history")[1] == "Nothing to undo.\nNothing to redo.\n"
    cli("tag", "add", "甲")
    cli("annotate", "1", "--quote", "扶贫", "--tag", "甲")
    code, out, _ = cli("undo")  # another process than the one that annotated
    assert code == 0 and out.startswith("Undone: Tag “扶贫”")
    assert json.loads(cli("annotations", "--json")[1]) == []
    assert json.loads(cli("history", "--json")[1]) == {
        "undo": {"action": "create_tag", "label": "Create tag “甲”"},
        "redo": {"action": "tag_passage", "label": "Tag “扶贫”"},
    }
    code, out, _ = cli("redo", "--json")
    assert code == 0 and [step["action"] for step in json.loads(out)] == ["tag_passage"]
    assert len(json.loads(cli("annotations", "--json")[1])) == 1
    code, out, _ = cli("undo", "--steps", "5")
    assert out.splitlines() == ["Undone: Tag “扶贫”.", "Undone: Create tag “甲”."]
    assert cli("undo")[1] == "Nothing to undo.\n" and tags(cli) == {}


def test_the_command_line_uses_the_apps_coder_name(cli) -> None:  # type: ignore[no-untyped-def]
    from hnreader.core.coder_name import save_coder

    save_coder("王芳")  # as Edit ▸ Preferences or the first start's welcome keep it
    cli("tag", "add", "甲")
    made = json.loads(cli("annotate", "1", "--quote", "扶贫", "--tag", "甲", "--json")[1])
    assert made["coder"] == "王芳"
    other = json.loads(
        cli("annotate", "1", "--quote", "脱贫", "--tag", "甲", "--coder", "李四", "--json")[1]
    )
    assert other["coder"] == "李四"  # --coder for one command


def test_article_delete_takes_its_annotations_and_undo_brings_all_back(cli) -> None:  # type: ignore[no-untyped-def]
    cli("tag", "add", "甲")
    shown = json.loads(cli("show", "2", "--json")[1])
    made = json.loads(cli("annotate", "2", "--quote", "服务器", "--tag", "甲", "--json")[1])
    title_word = shown["title"][:4]
    before = len(json.loads(cli("articles", "--json")[1]))
    code, out, _ = cli("article", "delete", "2", "--json")
    assert code == 0 and json.loads(out)["action"] == "delete_article"
    assert len(json.loads(cli("articles", "--json")[1])) == before - 1
    assert json.loads(cli("annotations", "--json")[1]) == []
    code, _, err = cli("show", "2")
    assert code == 1 and "no article" in err
    found = json.loads(cli("search", title_word, "--json")[1])
    assert 2 not in {a["id"] for a in found["articles"]}
    assert cli("undo")[0] == 0
    again = json.loads(cli("show", "2", "--json")[1])
    assert (again["title"], again["text"]) == (shown["title"], shown["text"])
    (annotation,) = json.loads(cli("annotations", "--json")[1])
    assert (annotation["id"], annotation["start"]) == (made["id"], made["start"])
    found = json.loads(cli("search", title_word, "--json")[1])
    assert 2 in {a["id"] for a in found["articles"]}  # the index is back too
    figures = json.loads(cli("figures", "--article", "2", "--json")[1])
    assert figures  # and its figures


def test_set_gives_articles_a_variable_and_undo_takes_it_back(cli) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = cli("set", "1", "2", "region=衡阳", "版面=5", "--json")
    assert code == 0 and [c["action"] for c in json.loads(out)] == ["set_variable"] * 2
    variables = {v["name"]: v for v in json.loads(cli("variables", "--json")[1])}
    assert variables["region"]["articles"] == 2 and variables["版面"]["kind"] == "number"
    assert json.loads(cli("show", "2", "--json")[1])["variables"]["region"] == "衡阳"
    assert cli("set", "2", "region=")[0] == 0  # an empty value removes it
    assert "region" not in json.loads(cli("show", "2", "--json")[1])["variables"]
    cli("undo", "--steps", "3")
    assert "region" not in {v["name"] for v in json.loads(cli("variables", "--json")[1])}
    code, _, err = cli("set", "999999", "a=1")
    assert code == 1 and "no article" in err
    code, _, err = cli("set", "1", "a")
    assert code == 1 and "NAME=VALUE" in err

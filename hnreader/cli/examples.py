"""An example for every command's --help (those not given where the command is defined)."""

from __future__ import annotations

import argparse

EXAMPLES = {
    "give-year": "hnreader give-year 2020 --source 000_54f0985470ba41a3.txt",
    "articles": "hnreader articles --json > articles.json",
    "variables": "hnreader variables --json",
    "search": "hnreader search '脱贫攻坚 \"贫困发生率\" -疫情' --whole-words --limit 20",
    "figures": "hnreader figures --article 1 --json",
    "tag": "hnreader tag add 政策话语 --color '#E8A33D'",
    "tag add": "hnreader tag add 精准扶贫 --parent 政策话语 --description 精准识别、精准帮扶",
    "tag rename": "hnreader tag rename 产业 产业扶贫",
    "tag recolor": "hnreader tag recolor 产业扶贫 '#3366CC'",
    "tag merge": "hnreader tag merge 产业 产业扶贫   (its passages get 产业扶贫; 产业 goes)",
    "tag describe": "hnreader tag describe 产业扶贫 种植、养殖、加工",
    "tags": "hnreader tags --json",
    "annotations": "hnreader annotations --json",
    "annotation note": 'hnreader annotation note 12 "首倡地"',
    "annotation retag": "hnreader annotation retag 12 --tag 政策话语 --tag 精准扶贫",
    "annotation delete": "hnreader annotation delete 12",
    "article rename": 'hnreader article rename 3 "赖明勇委员：探索“新基建”路径"',
    "article set": "hnreader article set 3 date=2020-05-22 reporters=陈月红 page=第05版",
    "article split": "hnreader article split 3 327   (an offset from `show 3 --numbered`)",
    "article delete": "hnreader article delete 12   (`hnreader undo` brings it back)",
    "article merge": "hnreader article merge 3   (article 3 and the next one of its file)",
    "article exclude": "hnreader article exclude 12 13   (kept, but out of search and export)",
    "article include": "hnreader article include 12",
    "article boilerplate": "hnreader article boilerplate 3 1   (line 1 of its text set aside)",
    "article restore": "hnreader article restore 3 2   (its 2nd set-aside line back in the text)",
    "article title": "hnreader article title 3 2   (line 2 of its text becomes the title)",
    "orphans attach": "hnreader orphans attach 2 5 --quote 23505元",
    "orphans delete": "hnreader orphans delete 2",
    "dictionary add": "hnreader dictionary add 十八洞村",
    "dictionary remove": "hnreader dictionary remove 十八洞村",
    "dictionary list": "hnreader dictionary list",
    "backups": "hnreader backups --json",
    "export": "hnreader export tagged.csv --tag 政策话语   (--figures: the figures table)",
}


def add_examples(parser: argparse.ArgumentParser, prefix: str = "") -> None:
    """Give each subcommand without an epilog its example from `EXAMPLES`."""
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        for name, sub in action.choices.items():
            path = f"{prefix}{name}"
            if not sub.epilog and path in EXAMPLES:
                sub.epilog = f"example: {EXAMPLES[path]}"
            add_examples(sub, f"{path} ")

"""Article splitting and dates against a hand-written gold (issue 12, item 5). Not a test.

    .venv/bin/python -m benchmarks.splitting_metrics            # per-layout table and totals
    .venv/bin/python -m benchmarks.splitting_metrics --verbose  # and every mismatch, per file

Each file in benchmarks/devset/splitting/files/ is decoded and split the way an import of the
whole folder does (`read_text_file`, the lines shared by several files learned as chrome, then
`split_articles(text, file name, repeated=…)`; `--alone` splits each file as if imported by
itself), and the predicted articles are aligned
to the gold articles of benchmarks/devset/splitting/gold.json (see the README there):

- a gold article is matched by the first predicted article whose text contains its
  first_sentence (or, for a sentence of 12+ characters, its second half: a dateline prefix
  cut into the byline does not unmatch it);
- two or more gold articles matched by one predicted article: each one after the first is a
  merge;
- a gold article whose body lines (first sentence to last paragraph, gold boilerplate and
  table-of-contents lines left out) lie in the text of two or more predicted articles: a split;
  the predicted articles holding only such pieces are its fragments;
- a predicted article that matches no gold article and is no fragment: spurious.

Before anything is measured the gold is checked: every first sentence, last paragraph,
boilerplate and table-of-contents line must be verbatim in its file.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hnreader.core.importing.repeated_lines import repeated_in_files
from hnreader.core.importing.splitter import split_articles
from hnreader.core.models import Article, ArticleDraft, no_progress
from hnreader.core.project import Project
from hnreader.core.text.decoding import read_text_file
from hnreader.core.text.normalize import fold_width

DEVSET = Path(__file__).resolve().parent / "devset" / "splitting"
GOLD = DEVSET / "gold.json"  # and gold-*.json beside it: more files, same format
FILES = DEVSET / "files"

_SPACE = re.compile(r"\s+")

COUNTERS = [
    ("files", "files"),
    ("gold", "true articles"),
    ("predicted", "predicted articles"),
    ("titled", "gold headlines"),
    ("title_right", "titles right"),
    ("title_clean", "titles clean"),
    ("merges", "merges"),
    ("splits", "splits"),
    ("spurious", "spurious"),
    ("boilerplate", "gold boilerplate lines"),
    ("leaked", "boilerplate leaked"),
    ("toc", "gold table-of-contents lines"),
    ("toc_leaked", "toc lines leaked"),
    ("as_caption", "boilerplate kept as marked captions"),
    ("lost", "lost sentences"),
    ("dated", "gold dates"),
    ("year_right", "dates with year right"),
    ("date_right", "dates right (to the gold's precision)"),
    ("bylined", "gold bylines (non-empty)"),
    ("byline_right", "bylines right (all articles)"),
    ("byline_named_right", "bylines right (non-empty gold)"),
]


def squeeze(text: str) -> str:
    """Whitespace removed, full width folded to half width (ASCII lower-cased)."""
    return _SPACE.sub("", fold_width(text))


def sentence_in(sentence: str, text: str) -> bool:
    if sentence in text:
        return True
    return len(sentence) >= 12 and sentence[len(sentence) // 2 :] in text


@dataclass
class FileResult:
    name: str
    layout: str
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    problems: list[str] = field(default_factory=list)


def check_gold(gold: dict) -> list[str]:
    """Every quoted string of the gold must be verbatim in its file."""
    errors = []
    for name, record in gold["files"].items():
        path = FILES / name
        if not path.exists():
            errors.append(f"{name}: file missing")
            continue
        raw = path.read_text(encoding="utf-8")
        text = read_text_file(path).text
        quoted = [("first_sentence", a["first_sentence"]) for a in record["articles"]]
        quoted += [("last_paragraph", a["last_paragraph"]) for a in record["articles"]]
        quoted += [("boilerplate", line) for line in record["boilerplate"]]
        quoted += [("toc_lines", line) for line in record["toc_lines"]]
        for kind, value in quoted:
            if value is None:
                continue
            if not value.strip() or value not in raw or value not in text:
                errors.append(f"{name}: {kind} not verbatim in the file: {value[:40]!r}")
        for article in record["articles"]:
            date = article["date"]
            if date is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date):
                errors.append(f"{name}: date not ISO: {date!r}")
    return errors


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(i + 1 for i, char in enumerate(text) if char == "\n")
    return starts


def _line_of(starts: list[int], position: int) -> int:
    """1-based line number of a character position."""
    low, high = 0, len(starts) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if starts[middle] <= position:
            low = middle
        else:
            high = middle - 1
    return low + 1


def _paragraphs(draft: ArticleDraft) -> set[str]:
    return {p.strip() for p in draft.text.split("\n") if p.strip()}


def _captioned(draft: ArticleDraft) -> set[str]:
    """The body paragraphs that a caption span covers whole: shown marked as photo captions
    (the issue allows captions to stay with their article as captions)."""
    found: set[str] = set()
    position = 0
    for paragraph in draft.text.split("\n"):
        start, end = position, position + len(paragraph)
        position = end + 1
        if paragraph.strip() and any(c.start <= start and end <= c.end for c in draft.captions):
            found.add(paragraph.strip())
    return found


def _shown(draft: ArticleDraft) -> set[str]:
    """What a reader sees as the article's text: title, subtitle lines and body paragraphs,
    but not paragraphs marked as photo captions (counted apart)."""
    shown = _paragraphs(draft) - _captioned(draft)
    shown.add(draft.title.strip())
    shown.update(s.strip() for s in draft.subtitle.split("\n") if s.strip())
    return shown


def _holder(drafts: list[ArticleDraft], number: int, line: str) -> int | None:
    """The predicted article whose body holds source line `number`."""
    tail = line[len(line) // 2 :] if len(line) >= 12 else line
    for index, draft in enumerate(drafts):
        if draft.first_line <= number <= draft.last_line and tail in draft.text:
            return index
    return None


def imported_articles(names: list[str]) -> dict[str, list[Article]]:
    """The articles of the files as one import of them all makes them (every format reader,
    the chrome shared by the files), by file name, in file order."""
    with tempfile.TemporaryDirectory() as home:
        folder = Path(home) / "files"
        folder.mkdir()
        for name in names:
            shutil.copy(FILES / name, folder / name)
        project = Project.open(Path(home) / "devset.sqlite")
        try:
            report = project.import_paths([folder])
            if report.skipped:
                for path, reason in report.skipped:
                    print(f"not imported: {Path(path).name}: {reason}", file=sys.stderr)
            by_file: dict[str, list[Article]] = {name: [] for name in names}
            for article_id in project.article_ids():
                article = project.article(article_id)
                by_file.setdefault(article.source, []).append(article)
        finally:
            project.close()
    for articles in by_file.values():
        articles.sort(key=lambda a: a.ordinal)
    return by_file


def evaluate_file(
    name: str,
    record: dict,
    repeated: frozenset[int] = frozenset(),
    imported: Sequence[Article] | None = None,
) -> FileResult:
    result = FileResult(name, record["layout"])
    counts, problems = result.counts, result.problems
    text = read_text_file(FILES / name).text
    drafts: Sequence[ArticleDraft | Article] = (
        imported if imported is not None else split_articles(text, name, repeated=repeated)
    )
    gold = record["articles"]
    counts["files"] = 1
    counts["gold"] = len(gold)
    counts["predicted"] = len(drafts)

    starts = _line_starts(text)
    lines = text.split("\n")
    furniture = {line.strip() for line in record["boilerplate"] + record["toc_lines"]}

    matched: list[int | None] = []
    for article in gold:
        hit = next(
            (i for i, d in enumerate(drafts) if sentence_in(article["first_sentence"], d.text)),
            None,
        )
        matched.append(hit)

    # splits and fragments, from where each gold article's body lies in the source
    fragments: set[int] = set()
    position = 0
    for g, article in enumerate(gold):
        start = text.find(article["first_sentence"], position)
        position = max(position, start + 1)
        last = article["last_paragraph"] or article["first_sentence"]
        end = text.find(last, start)
        end = end + len(last) if end >= 0 else start + len(article["first_sentence"])
        first_line, last_line = _line_of(starts, start), _line_of(starts, end)
        holders = set()
        for number in range(first_line, last_line + 1):
            line = lines[number - 1].strip()
            if not line or line in furniture:
                continue
            index = _holder(drafts, number, line)
            if index is not None:
                holders.add(index)
        if len(holders) > 1:
            counts["splits"] += 1
            shown = sorted(holders)
            problems.append(f"split: {_h(article)} over predicted {shown}")
        fragments.update(h for h in holders if h != matched[g])

    # merges and spurious articles
    by_draft: dict[int, list[int]] = defaultdict(list)
    for g, index in enumerate(matched):
        if index is not None:
            by_draft[index].append(g)
    for index, members in by_draft.items():
        if len(members) > 1:
            counts["merges"] += len(members) - 1
            heads = ", ".join(_h(gold[g]) for g in members)
            title = drafts[index].title[:24]
            problems.append(f"merge: predicted [{index}] {title!r} holds {heads}")
    for index, draft in enumerate(drafts):
        if index not in by_draft and index not in fragments:
            counts["spurious"] += 1
            problems.append(f"spurious: [{index}] {draft.title[:30]!r} ({len(draft.text)} chars)")

    # titles, dates, bylines of the matched articles
    for g, (article, index) in enumerate(zip(gold, matched, strict=True)):
        headline = article["headline"]
        draft = drafts[index] if index is not None else None
        if draft is None:
            problems.append(f"unmatched: {_h(article)}")
        if headline is not None:
            counts["titled"] += 1
            first_in_draft = draft is not None and by_draft[index][0] == g
            title = draft.title if draft is not None and first_in_draft else ""
            if title and squeeze(headline) in squeeze(title):
                counts["title_right"] += 1
                if squeeze(title) == squeeze(headline):
                    counts["title_clean"] += 1
                else:
                    problems.append(f"title not clean: {title!r} (gold {headline!r})")
            elif draft is not None:
                problems.append(f"title wrong: {title!r} (gold {headline!r})")
        if article["date"] is not None:
            counts["dated"] += 1
            predicted = draft.date if draft is not None else ""
            if re.match(r"\d{4}", predicted) and predicted[:4] == article["date"][:4]:
                counts["year_right"] += 1
            else:
                problems.append(f"date year: {predicted!r} (gold {article['date']}) {_h(article)}")
            if predicted.startswith(article["date"]):
                counts["date_right"] += 1
        names = {squeeze(n) for n in article["byline"]}
        got = {squeeze(n) for n in draft.reporters} if draft is not None else set()
        if names:
            counts["bylined"] += 1
        if draft is not None and names == got:
            counts["byline_right"] += 1
            if names:
                counts["byline_named_right"] += 1
        elif draft is not None:
            problems.append(f"byline: {sorted(got)} (gold {sorted(names)}) {_h(article)}")

    # boilerplate and table-of-contents lines shown as article text
    shown = [_shown(d) for d in drafts]
    kinds = (("boilerplate", "boilerplate", "leaked"), ("toc_lines", "toc", "toc_leaked"))
    captioned = set().union(*(_captioned(d) for d in drafts)) if drafts else set()
    for key, kind, leak_key in kinds:
        for line in record[key]:
            counts[kind] += 1
            if any(line.strip() in s for s in shown):
                counts[leak_key] += 1
                problems.append(f"{kind} leaked: {line[:50]!r}")
            elif kind == "boilerplate" and line.strip() in captioned:
                counts["as_caption"] += 1

    # lost: a first sentence found nowhere at all
    for article in gold:
        sentence = article["first_sentence"]
        if not any(sentence_in(sentence, _everything(d)) for d in drafts):
            counts["lost"] += 1
            problems.append(f"LOST: {sentence[:40]!r}")
    return result


def _everything(draft: ArticleDraft) -> str:
    removed = "\n".join(r.text for r in draft.removed)
    return "\n".join([draft.title, draft.subtitle, draft.byline, draft.text, removed])


def _h(article: dict) -> str:
    return repr((article["headline"] or article["first_sentence"])[:20])


def _rate(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else f"{part}/0"


def print_table(results: list[FileResult]) -> None:
    layouts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    total: dict[str, int] = defaultdict(int)
    for result in results:
        for key, value in result.counts.items():
            layouts[result.layout][key] += value
            total[key] += value
    columns = [*sorted(layouts), "TOTAL"]
    table = {**layouts, "TOTAL": total}
    width = max(len(label) for _, label in COUNTERS)
    print(f"{'':{width}}  " + "  ".join(f"{c[:14]:>14}" for c in columns))
    for key, label in COUNTERS:
        print(f"{label:{width}}  " + "  ".join(f"{table[c][key]:>14}" for c in columns))
    print()
    print("Totals")
    print(f"  true articles           {total['gold']} in {total['files']} files")
    print(f"  titles right            {_rate(total['title_right'], total['titled'])}")
    print(f"  titles clean            {_rate(total['title_clean'], total['titled'])}")
    print(f"  merges                  {total['merges']}")
    print(f"  splits                  {total['splits']}")
    print(f"  spurious                {total['spurious']}")
    print(f"  boilerplate leaked      {_rate(total['leaked'], total['boilerplate'])}")
    print(f"  toc lines leaked        {_rate(total['toc_leaked'], total['toc'])}")
    print(f"  boilerplate as captions {total['as_caption']} (in the text, marked as captions)")
    print(f"  lost sentences          {total['lost']}")
    print(f"  dates with year right   {_rate(total['year_right'], total['dated'])}")
    print(f"  dates right             {_rate(total['date_right'], total['dated'])}")
    print(f"  bylines right           {_rate(total['byline_right'], total['gold'])}")
    print(f"  bylines right (named)   {_rate(total['byline_named_right'], total['bylined'])}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verbose", action="store_true", help="print every mismatch, per file")
    parser.add_argument("--file", help="only this file of the development set")
    parser.add_argument(
        "--alone", action="store_true", help="split each file as if imported on its own"
    )
    parser.add_argument(
        "--split-only",
        action="store_true",
        help="split every file as text (split_articles), without the import's format readers",
    )
    args = parser.parse_args(argv)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    for extra in sorted(DEVSET.glob("gold-*.json")):
        more = json.loads(extra.read_text(encoding="utf-8"))["files"]
        clash = set(more) & set(gold["files"])
        if clash:
            raise SystemExit(f"{extra.name}: files already in the gold: {sorted(clash)}")
        gold["files"].update(more)
    errors = check_gold(gold)
    if errors:
        print("The gold is inconsistent with its files:", file=sys.stderr)
        for error in errors:
            print("  " + error, file=sys.stderr)
        return 2
    started = time.perf_counter()
    names = [n for n in sorted(gold["files"]) if args.file is None or n == args.file]
    if args.split_only:
        repeated: frozenset[int] = frozenset()
        if not args.alone:
            repeated = repeated_in_files([FILES / n for n in names], no_progress, lambda: False)
        print("split_articles on every file" + (" alone" if args.alone else ", chrome shared"))
        results = [evaluate_file(n, gold["files"][n], repeated) for n in names]
    else:
        print("one import of every file" if not args.alone else "each file imported alone")
        if args.alone:
            imported = {n: imported_articles([n])[n] for n in names}
        else:
            imported = imported_articles(names)
        results = [evaluate_file(n, gold["files"][n], imported=imported[n]) for n in names]
    if args.verbose:
        for result in results:
            if result.problems:
                print(f"== {result.name} ({result.layout})")
                for problem in result.problems:
                    print("   " + problem)
        print()
    print_table(results)
    print(f"\n({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""HTML main-text extractors on real Chinese news pages against a hand-written gold. Not a test.

    .venv/bin/python -m benchmarks.html_metrics             # one row per extractor
    .venv/bin/python -m benchmarks.html_metrics --verbose   # and what each got wrong per page

The pages are in benchmarks/devset/html/ (provenance in its README), the gold in gold.json there:
per page the title, the publication date, the body paragraphs (`body`: required; `optional`:
captions, credits and dateline lines that may be in the text or not) and a few lines of page
chrome (`boilerplate`). For each extractor the script prints

- titles right: the extracted title equals the gold title (whitespace and width folded);
- dates right: the extracted date starts with the gold date (YYYY-MM-DD);
- body recall: the share of gold body sentences found in the extracted text;
- body precision: the share of extracted sentences that are gold body or optional sentences;
- boilerplate leaked: gold boilerplate lines found as a line of the extracted text;
- urls right: the page's own address, for the pages that state one (canonical link,
  og:url, Dublin Core identifier); extractors that give none score 0.

Sentences are cut at 。！？!? and line ends. Extractors that are not installed are skipped
(gne and readability-lxml are not dependencies of hnreader: `pip install gne readability-lxml`).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hnreader.core.text.normalize import fold_width

DEVSET = Path(__file__).resolve().parent / "devset" / "html"
GOLD = DEVSET / "gold.json"

_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"(?<=[。！？!?])|\n")


@dataclass
class Extracted:
    title: str
    date: str
    text: str
    url: str = ""


def squeeze(text: str) -> str:
    return _SPACE.sub("", fold_width(text))


def sentences(text: str) -> list[str]:
    return [s for s in (squeeze(p) for p in _SENTENCE_END.split(text)) if len(s) >= 2]


def _decoded(path: Path) -> str:
    from hnreader.core.importing.formats.html import read_html_bytes

    return read_html_bytes(path.read_bytes(), path.name).html


def run_trafilatura(path: Path, **options: object) -> Extracted:
    import trafilatura

    result = trafilatura.bare_extraction(
        _decoded(path), with_metadata=True, include_comments=False, **options
    )
    if result is None:
        return Extracted("", "", "")
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    return Extracted(
        data.get("title") or "",
        data.get("date") or "",
        data.get("text") or "",
        data.get("url") or "",
    )


def run_readability(path: Path) -> Extracted:
    import lxml.html
    from readability import Document

    document = Document(_decoded(path))
    summary = lxml.html.fromstring(document.summary())
    lines = [line.strip() for line in summary.itertext()]
    return Extracted(document.short_title(), "", "\n".join(line for line in lines if line))


def run_gne(path: Path) -> Extracted:
    from gne import GeneralNewsExtractor

    result = GeneralNewsExtractor().extract(_decoded(path))
    return Extracted(
        result.get("title") or "", result.get("publish_time") or "", result.get("content") or ""
    )


def run_hnreader(path: Path) -> Extracted:
    from hnreader.core.importing.formats.html import html_document

    document = html_document(path.read_bytes(), path.name)

    from hnreader.core.importing.documents import document_drafts

    drafts = document_drafts(
        path.name, document.text, None, document.set_aside, document.meta, document.multi_article
    )
    if not drafts:
        return Extracted("", document.meta.date, "", document.meta.url)
    first = drafts[0]
    return Extracted(first.title, first.date, first.text, first.url)


EXTRACTORS: dict[str, Callable[[Path], Extracted]] = {
    "trafilatura": run_trafilatura,
    "trafilatura (favor_precision)": lambda p: run_trafilatura(p, favor_precision=True),
    "trafilatura (favor_recall)": lambda p: run_trafilatura(p, favor_recall=True),
    "readability-lxml": run_readability,
    "gne": run_gne,
    "hnreader (trafilatura + splitter)": run_hnreader,
}


@dataclass
class Score:
    pages: int = 0
    urls_stated: int = 0
    urls: int = 0
    titles: int = 0
    dates: int = 0
    gold_sentences: int = 0
    found: int = 0
    extracted: int = 0
    correct: int = 0
    boilerplate: int = 0
    leaked: int = 0
    seconds: float = 0.0


def score_page(name: str, gold: dict, got: Extracted, score: Score, verbose: bool) -> None:
    score.pages += 1
    title_ok = squeeze(got.title) == squeeze(gold["title"])
    date_ok = bool(got.date) and got.date.startswith(gold["date"])
    score.titles += title_ok
    score.dates += date_ok
    if gold["url"]:
        score.urls_stated += 1
        score.urls += got.url == gold["url"]
    wanted = [s for p in gold["body"] for s in sentences(p)]
    allowed = set(wanted) | {s for p in gold["optional"] for s in sentences(p)}
    got_text = squeeze(got.text)
    got_sentences = sentences(got.text)
    missing = [s for s in wanted if s not in got_text]
    extra = [s for s in got_sentences if s not in allowed and not any(s in a for a in allowed)]
    got_lines = {squeeze(line) for line in got.text.split("\n")}
    leaked = [b for b in gold["boilerplate"] if squeeze(b) in got_lines]
    score.gold_sentences += len(wanted)
    score.found += len(wanted) - len(missing)
    score.extracted += len(got_sentences)
    score.correct += len(got_sentences) - len(extra)
    score.boilerplate += len(gold["boilerplate"])
    score.leaked += len(leaked)
    if verbose:
        print(f"  {name}")
        if not title_ok:
            print(f"    title: {got.title!r} (gold {gold['title']!r})")
        if not date_ok:
            print(f"    date: {got.date!r} (gold {gold['date']!r})")
        for sentence in missing[:5]:
            print(f"    missing: {sentence[:50]}")
        for sentence in extra[:5]:
            print(f"    extra: {sentence[:50]}")
        for line in leaked:
            print(f"    leaked: {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--only", help="one extractor by name")
    args = parser.parse_args(argv)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["pages"]
    rows = []
    for label, extract in EXTRACTORS.items():
        if args.only and args.only != label:
            continue
        score = Score()
        if args.verbose:
            print(label)
        try:
            for name, record in gold.items():
                started = time.perf_counter()
                got = extract(DEVSET / name)
                score.seconds += time.perf_counter() - started
                score_page(name, record, got, score, args.verbose)
        except ImportError as error:
            print(f"{label}: skipped ({error})", file=sys.stderr)
            continue
        rows.append((label, score))
    header = (
        "| extractor | titles right | dates right | body recall | body precision "
        "| boilerplate leaked | urls right | ms/page |"
    )
    print(header)
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for label, s in rows:
        recall = s.found / max(1, s.gold_sentences)
        precision = s.correct / max(1, s.extracted)
        print(
            f"| {label} | {s.titles}/{s.pages} | {s.dates}/{s.pages} | {recall:.1%} "
            f"({s.found}/{s.gold_sentences}) | {precision:.1%} ({s.correct}/{s.extracted}) "
            f"| {s.leaked}/{s.boilerplate} | {s.urls}/{s.urls_stated} "
            f"| {1000 * s.seconds / max(1, s.pages):.0f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""A deterministic synthetic Chinese news corpus for benchmarks (same seed → same bytes).

Articles recombine sentences of the bundled corpus and of the development sets' real news
from other sources (`benchmarks/devset/`: national, Taiwan and Hong Kong papers, transcripts,
web pages), vary their figures (numbers, percentages, 万/亿, years, full-width ％ and digits)
and mix in sentences of words drawn from jieba's dictionary, sentences turned into Traditional
characters and Latin words (GDP, COVID-19, 5G), so segmentation, folding and figure detection
do real work. Article lengths vary from a brief to a feature (log-normal, 150 to 8,000
characters). Each file holds several articles laid out like a newspaper page: headline, byline
(本报记者 张三), date line, body paragraphs.

    python -m benchmarks.generate_corpus --articles 1000 --out /tmp/corpus-1k
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import random
import re
from pathlib import Path

import jieba
import opencc

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_CORPUS = ROOT / "corpus"
DEVSET = ROOT / "benchmarks" / "devset"
ARTICLES_PER_FILE = 5
TARGET_CHARS = 1500
# A word put into about 1 article in 200, so the query set has a rare word with known hits.
RARE_WORD = "量子通信"
RARE_RATE = 0.005

_SENTENCE = re.compile(r"[^。!?！？\n]+[。!?！？]”?")
_MARKUP = re.compile(r"[<>&{}\\\"]|https?:")  # records' HTML, JSON and links
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_HAN_WORD = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰红梅建国志文斌辉鹏宇佳"
_UNITS = ("万", "亿", "亿元", "万元", "万人", "%", "个百分点", "户", "人", "个", "公里", "吨")
_CONNECTIVES = ("据了解,", "记者了解到,", "与此同时,", "此外,", "近年来,", "目前,", "")
_FULL_WIDTH = str.maketrans("0123456789%", "０１２３４５６７８９％")
_LATIN = ("GDP", "COVID-19", "5G", "APP", "CPI", "WTO", "iPhone", "AI", "PM2.5", "Wi-Fi", "NGO")
MIN_CHARS, MAX_CHARS = 150, 8000


def _sentences_of(lines: list[str]) -> list[str]:
    sentences: list[str] = []
    for line in lines:
        line = line.strip()
        if len(line) < 30:
            continue  # headlines, bylines, captions
        sentences.extend(s.strip() for s in _SENTENCE.findall(line) if len(s.strip()) >= 8)
    return sentences


def devset_sentences(folder: Path = DEVSET) -> list[str]:
    """Body sentences of the development sets' real news texts (other sources than the
    bundled corpus), in path order."""
    lines: list[str] = []
    for file in sorted([*folder.glob("figures/texts/*.txt"), *folder.glob("splitting/files/*")]):
        if file.suffix not in (".txt", ""):
            continue
        try:
            lines.extend(file.read_text(encoding="utf-8").splitlines())
        except (UnicodeDecodeError, OSError):
            continue  # GBK/Big5 development files: their sentences are not needed here
    return [s for s in _sentences_of(lines) if not _MARKUP.search(s)]


def bundled_sentences(folder: Path = BUNDLED_CORPUS) -> list[str]:
    """Body sentences of the bundled corpus, in file order (long enough to read as prose)."""
    lines: list[str] = []
    for file in sorted(folder.glob("*.txt")):
        lines.extend(file.read_text(encoding="utf-8").splitlines())
    return _sentences_of(lines)


def dictionary_words(limit: int = 60_000) -> list[str]:
    """Frequent 2–4 character Han words of jieba's main dictionary, most frequent first."""
    path = Path(jieba.__file__).resolve().parent / "dict.txt"
    entries = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            word, freq, *_ = line.split(" ")
            if _HAN_WORD.match(word):
                entries.append((-int(freq), word))
    entries.sort()
    return [word for _, word in entries[:limit]]


class CorpusGenerator:
    def __init__(self, seed: int = 42) -> None:
        self.rng = random.Random(seed)
        self.sentences = bundled_sentences()
        self.other_sentences = devset_sentences()
        self.traditional = opencc.OpenCC("s2t")
        self.words = dictionary_words()
        # Zipf-like weights so common words recur and rare ones stay rare.
        self.cum_weights = list(
            itertools.accumulate(1.0 / (rank + 10) for rank in range(len(self.words)))
        )

    def _vary_number(self, match: re.Match[str]) -> str:
        rng = self.rng
        text = match.group(0)
        if rng.random() < 0.5:
            return text  # keep the original (13.43%, 747万 stay findable)
        value = float(text)
        if 1900 <= value <= 2100 and "." not in text:
            return str(rng.randint(1990, 2024))
        scaled = value * rng.uniform(0.3, 3.0)
        if "." in text:
            return f"{scaled:.{len(text.split('.')[1])}f}"
        return str(max(1, round(scaled)))

    def _figure(self) -> str:
        rng = self.rng
        kind = rng.random()
        if kind < 0.3:
            return f"{rng.uniform(0.1, 99):.2f}%"
        if kind < 0.5:
            return f"{rng.randint(1990, 2024)}年"
        return f"{rng.randint(1, 9999)}{rng.choice(_UNITS)}"

    def _word_sentence(self) -> str:
        rng = self.rng
        words = rng.choices(self.words, cum_weights=self.cum_weights, k=rng.randint(6, 14))
        cut = rng.randint(2, len(words) - 2)
        figure = self._figure() if rng.random() < 0.6 else ""
        return (
            rng.choice(_CONNECTIVES) + "".join(words[:cut]) + figure + "," + "".join(words[cut:])
        ) + "。"

    def _sentence(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.25:
            sentence = self._word_sentence()
        elif roll < 0.55 and self.other_sentences:
            sentence = rng.choice(self.other_sentences)
        else:
            sentence = rng.choice(self.sentences)
        sentence = _NUMBER.sub(self._vary_number, sentence)
        if rng.random() < 0.05:
            sentence = self.traditional.convert(sentence)
        if rng.random() < 0.05:
            cut = rng.randint(0, len(sentence) - 1)
            sentence = sentence[:cut] + rng.choice(_LATIN) + sentence[cut:]
        if rng.random() < 0.02:  # full-width digits and per cent signs, as some papers set them
            sentence = sentence.translate(_FULL_WIDTH)
        return sentence

    def _name(self) -> str:
        rng = self.rng
        return rng.choice(_SURNAMES) + "".join(rng.choices(_GIVEN, k=rng.randint(1, 2)))

    def _headline(self) -> str:
        rng = self.rng
        words = rng.choices(self.words[:20_000], k=rng.randint(4, 7))
        if rng.random() < 0.3:
            words.insert(rng.randint(0, len(words)), self._figure())
        return "".join(words)

    def article(self) -> str:
        rng = self.rng
        year, month, day = rng.randint(2015, 2021), rng.randint(1, 12), rng.randint(1, 28)
        reporters = " ".join(self._name() for _ in range(rng.randint(1, 3)))
        # Log-normal around TARGET_CHARS: briefs, reports and long features.
        target = int(min(MAX_CHARS, max(MIN_CHARS, rng.lognormvariate(0, 0.6) * TARGET_CHARS)))
        paragraphs: list[str] = []
        size = 0
        while size < target:
            paragraph = "".join(self._sentence() for _ in range(rng.randint(2, 5)))
            if rng.random() < RARE_RATE:
                paragraph = RARE_WORD + paragraph
            paragraphs.append(paragraph)
            size += len(paragraph)
        lines = [
            self._headline(),
            f"本报记者 {reporters}",
            f"{year}年{month}月{day}日",
            *paragraphs,
        ]
        return "\n\n".join(lines)

    def file_text(self, articles: int) -> str:
        return "\n\n\n\n".join(self.article() for _ in range(articles)) + "\n"


def generate(articles: int, out: Path, seed: int = 42) -> tuple[int, int, str]:
    """Write `articles` articles into .txt files under `out`; (files, chars, sha256 of all)."""
    out.mkdir(parents=True, exist_ok=True)
    generator = CorpusGenerator(seed)
    digest = hashlib.sha256()
    files = chars = 0
    remaining = articles
    while remaining > 0:
        count = min(ARTICLES_PER_FILE, remaining)
        text = generator.file_text(count)
        data = text.encode("utf-8")
        (out / f"news_{files:06d}.txt").write_bytes(data)
        digest.update(data)
        files += 1
        chars += len(text)
        remaining -= count
    return files, chars, digest.hexdigest()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    files, chars, digest = generate(args.articles, args.out, args.seed)
    print(f"{args.articles} articles, {files} files, {chars:,} chars, sha256 {digest}")


if __name__ == "__main__":
    main()

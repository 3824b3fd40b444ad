"""The domain dictionary resources/dictionaries/poverty_alleviation.txt.

jieba's user-dictionary format: one entry per line, `word freq tag` (freq and tag optional),
UTF-8, no comments (jieba would load a `#` line as a word). The entries are the policy and
place vocabulary of poverty alleviation and rural revitalisation, Hunan in particular:
policies (精准扶贫, 两不愁三保障, 四跟四走 …), programmes and people (驻村第一书记, 扶贫车间 …),
Hunan's 14 prefectures and their counties/districts, rivers and mountains, institutions and
media (省扶贫办, 湖南日报, 红网 …) and local products (安化黑茶, 保靖黄金茶 …).

Frequencies were chosen as max(jieba's own frequency, 2 × suggest_freq, 300): enough for a
term to stay whole in running text, not so much that it takes characters from its neighbours
(checked by diffing the corpus segmentation with and without the dictionary). Short ambiguous
county names (南县, 道县, 澧县, 攸县) are left out: they would split 湖南县域, 知道县里 ….
"""

from __future__ import annotations

import re

import pytest

from hnreader import paths
from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.text.normalize import fold_for_search

JIEBA_TAGS = {
    "a",
    "ad",
    "an",
    "b",
    "c",
    "d",
    "f",
    "i",
    "j",
    "l",
    "m",
    "n",
    "nr",
    "ns",
    "nt",
    "nz",
    "q",
    "r",
    "s",
    "t",
    "v",
    "vn",
    "z",
}
HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")


def _entries() -> list[list[str]]:
    text = paths.domain_dictionary_path().read_text(encoding="utf-8")
    assert not text.startswith("\ufeff")
    return [line.split(" ") for line in text.splitlines()]


def test_format() -> None:
    entries = _entries()
    assert len(entries) >= 300
    for fields in entries:
        assert len(fields) in (2, 3), fields
        word, freq = fields[0], fields[1]
        assert word and word == word.strip() and not word.startswith("#")
        assert HAN.search(word), word
        assert fold_for_search(word) == word, word  # matched against folded text
        assert freq.isdigit() and int(freq) > 0, fields
        if len(fields) == 3:
            assert fields[2] in JIEBA_TAGS, fields


def test_no_duplicates() -> None:
    words = [fields[0] for fields in _entries()]
    assert len(words) == len(set(words))


KEY_TERMS = [
    ("十八洞村", "湖南省花垣县十八洞村考察"),
    ("精准扶贫", "坚决扛起精准扶贫首倡地政治责任"),
    ("两不愁三保障", "稳定实现两不愁三保障目标"),
    ("建档立卡", "对贫困户建档立卡管理"),
    ("四跟四走", "坚持四跟四走产业扶贫"),
    ("易地扶贫搬迁", "推进易地扶贫搬迁后续扶持"),
    ("五个一批", "实施五个一批工程"),
    ("驻村工作队", "派出驻村工作队"),
    ("驻村第一书记", "派出驻村第一书记"),
    ("贫困发生率", "贫困发生率从13.43%降至0.36%"),
    ("扶贫车间", "常宁市的扶贫车间"),
    ("兜底保障", "落实兜底保障政策"),
    ("返贫监测", "建立返贫监测机制"),
    ("脱贫摘帽", "51个贫困县全部脱贫摘帽"),
    ("贫困村出列", "6920个贫困村出列"),
    ("三湘大地", "三湘大地全面小康"),
    ("全面小康", "三湘大地全面小康"),
    ("湘西土家族苗族自治州", "湘西土家族苗族自治州保靖县"),
    ("雁峰区", "衡阳市雁峰区的扶贫车间"),
    ("安化县", "安化县的黑茶产业"),
    ("省扶贫办", "省扶贫办主任"),
    ("乡村振兴局", "各地乡村振兴局挂牌"),
    ("消费扶贫", "开展消费扶贫活动"),
]


@pytest.fixture(scope="module")
def segmenter(tmp_path_factory: pytest.TempPathFactory) -> Segmenter:
    return Segmenter(cache_dir=tmp_path_factory.mktemp("jieba"))


@pytest.mark.parametrize(("term", "sentence"), KEY_TERMS)
def test_key_terms_stay_whole(segmenter: Segmenter, term: str, sentence: str) -> None:
    assert term in segmenter.cut(sentence)


def test_dictionary_does_not_swallow_neighbours(segmenter: Segmenter) -> None:
    assert segmenter.cut("脱贫攻坚成果") == ["脱贫攻坚", "成果"]
    assert segmenter.cut("湖南县域经济")[:1] == ["湖南"]
    assert segmenter.cut("全省减少贫困人口747万") == ["全省", "减少", "贫困人口", "747", "万"]

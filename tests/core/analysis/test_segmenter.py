"""The app's own jieba tokenizer: offsets, dictionaries, user words, version, laziness."""

from __future__ import annotations

import threading
from pathlib import Path

import jieba
import pytest

from hnreader import paths
from hnreader.core.analysis.segmenter import Segmenter, load_prefix_dictionary
from hnreader.core.text.normalize import fold_for_search


@pytest.fixture(scope="module")
def segmenter(tmp_path_factory: pytest.TempPathFactory) -> Segmenter:
    return Segmenter(cache_dir=tmp_path_factory.mktemp("jieba"))


def test_words_have_offsets_into_the_text(segmenter: Segmenter) -> None:
    text = fold_for_search("𠮷在湖南省花垣县十八洞村，脱贫攻坚。")
    words = segmenter.words(text)
    assert "".join(w.word for w in words) == text
    assert all(text[w.start : w.end] == w.word for w in words)
    assert [w.word for w in words][2:5] == ["湖南省", "花垣县", "十八洞村"]


def test_search_tokens_include_words_inside_words(segmenter: Segmenter) -> None:
    tokens = {(t.word, t.start, t.end) for t in segmenter.search_tokens("湖南省贫困人口")}
    assert {("湖南", 0, 2), ("湖南省", 0, 3), ("贫困", 3, 5), ("贫困人口", 3, 7)} <= tokens
    spans = set(segmenter.search_spans("驻村第一书记"))
    assert ("第一书记", 2, 6) in spans and ("驻村第一书记", 0, 6) in spans


def test_cut_drops_whitespace_and_uses_the_domain_dictionary(segmenter: Segmenter) -> None:
    assert segmenter.cut("脱贫攻坚成果  精准扶贫") == ["脱贫攻坚", "成果", "精准扶贫"]


def test_user_words_change_segmentation_and_version(tmp_path: Path) -> None:
    segmenter = Segmenter(["蓝莓小镇"], cache_dir=tmp_path)
    assert segmenter.cut("建设蓝莓小镇") == ["建设", "蓝莓小镇"]
    before = segmenter.version
    segmenter.add_user_words(["鲲鹏车间", "  "])
    assert segmenter.user_words == ("蓝莓小镇", "鲲鹏车间")
    assert segmenter.version != before
    assert "鲲鹏车间" in segmenter.cut("湘江鲲鹏车间")
    segmenter.remove_user_word("鲲鹏车间")
    assert segmenter.version == before
    assert "鲲鹏车间" not in segmenter.cut("湘江鲲鹏车间")


def test_removing_a_known_word_restores_it(tmp_path: Path) -> None:
    segmenter = Segmenter(cache_dir=tmp_path)
    segmenter.add_user_words(["扶贫"])
    segmenter.remove_user_word("扶贫")
    assert "扶贫" in segmenter.cut("精准的扶贫工作")


def test_version_is_stable_across_instances(tmp_path: Path) -> None:
    a = Segmenter(["甲乙丙"], cache_dir=tmp_path)
    b = Segmenter(["甲乙丙"], cache_dir=tmp_path)
    assert a.version == b.version and len(a.version) == 32
    assert Segmenter(cache_dir=tmp_path).version != a.version


def test_lazy_thread_safe_initialisation_with_own_tokenizer(tmp_path: Path) -> None:
    segmenter = Segmenter(cache_dir=tmp_path)
    assert segmenter._tokenizer is None  # construction does no work
    results: list[list[str]] = []
    threads = [
        threading.Thread(target=lambda: results.append(segmenter.cut("精准扶贫"))) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [["精准扶贫"]] * 4
    assert segmenter._tokenizer is not jieba.dt
    assert segmenter.is_ready()
    assert list(tmp_path.glob("hnreader-jieba-*.dict"))  # the cache went to our folder
    assert "精准扶贫" not in jieba.dt.FREQ or jieba.dt.FREQ.get("精准扶贫") != 0


def test_the_dictionary_cache_is_jiebas_dictionary_in_pieces(tmp_path: Path) -> None:
    built = load_prefix_dictionary(tmp_path)
    [cache] = tmp_path.glob("hnreader-jieba-*.dict")
    reference = jieba.Tokenizer()
    reference.tmp_dir = str(tmp_path / "jieba")
    reference.initialize()
    assert built == (reference.FREQ, reference.total)
    assert load_prefix_dictionary(tmp_path) == built  # read back from the cache

    # A damaged cache (a crash cannot leave one, but a disk can) is rebuilt, not trusted.
    cache.write_bytes(cache.read_bytes()[:-100])
    assert load_prefix_dictionary(tmp_path) == built
    assert load_prefix_dictionary(tmp_path) == built
    cache.write_bytes(b"\x00" * 4)
    assert load_prefix_dictionary(tmp_path) == built


def test_an_unwritable_cache_folder_still_segments(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    segmenter = Segmenter(cache_dir=blocked / "cache")
    assert segmenter.cut("精准扶贫") == ["精准扶贫"]
    assert not list(tmp_path.glob("**/*.tmp"))


def test_our_tokenizer_cuts_exactly_as_jiebas(tmp_path: Path) -> None:
    """The faster accurate-mode route (segmenter._Tokenizer) against jieba's own code, with
    the same dictionaries, on the bundled corpus and on text made to stress the route."""
    ours = Segmenter(cache_dir=tmp_path)._ready()
    reference = jieba.Tokenizer()
    reference.FREQ, reference.total = dict(ours.FREQ), ours.total
    reference.initialized = True
    texts = [f.read_text(encoding="utf-8") for f in sorted(paths.bundled_corpus_dir().glob("*"))]
    texts += [
        "",
        " ",
        "扶",
        "一一一一一一一一一一",  # equal scores: the tie-break must pick the same word
        "乒乓球拍卖完了。结婚的和尚未结婚的。南京市长江大桥",
        "新冠肺炎疫情防控期间,湘西州花垣县十八洞村的建档立卡贫困户麻老汉说:好!",
        "Python3.11 与 jieba 0.42.1 共 747万人、13.43%、229.6亿元; 2012年 ＡＢＣ１２３",
        "𠮷野家的嗯嗯嗯哈哈哈呃呃 龘靐齉爩",  # characters outside the dictionary: the HMM
    ]
    assert len(texts) > 10 and sum(len(t) for t in texts) > 15_000
    for text in texts:
        assert list(ours.cut(text)) == list(reference.cut(text)), text[:40]
        assert list(ours.cut_for_search(text)) == list(reference.cut_for_search(text))
    # Words added and removed move the route in both the same way; and two paths of exactly
    # equal score (龘靐|齉 and 龘|靐齉) are broken as jieba does, by the longer first word.
    for tokenizer in (ours, reference):
        tokenizer.add_word("花垣县十八洞", 50_000)
        tokenizer.del_word("结婚")
        for word, frequency in (("龘靐", 100), ("靐齉", 100), ("龘", 7), ("齉", 7)):
            tokenizer.add_word(word, frequency)
    for text in [*texts[-4:], "龘靐齉"]:
        assert list(ours.cut(text)) == list(reference.cut(text))
    assert list(ours.cut("龘靐齉")) == ["龘靐", "齉"]
    assert isinstance(ours, jieba.Tokenizer) and type(ours) is not jieba.Tokenizer

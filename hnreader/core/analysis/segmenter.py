"""The app's own jieba tokenizer, with the domain dictionary and a project's user words."""

from __future__ import annotations

import hashlib
import logging
import marshal
import math
import os
import tempfile
import threading
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path

from hnreader import paths
from hnreader.core.analysis.segmenter_hmm import hmm_cut
from hnreader.core.models import Token
from hnreader.core.text.normalize import FOLD_VERSION, fold_for_search

with warnings.catch_warnings():
    # jieba 0.42.1 (2020) has invalid escape sequences in its sources: a SyntaxWarning on
    # Python >= 3.12, a DeprecationWarning before, when the file is compiled. Harmless.
    warnings.filterwarnings("ignore", category=SyntaxWarning)
    warnings.filterwarnings(
        "ignore", message="invalid escape sequence", category=DeprecationWarning
    )
    import jieba

# jieba logs "Building prefix dict…" / "Loading model cost…" at DEBUG on its own stderr handler.
logging.getLogger("jieba").setLevel(logging.INFO)

# Bump when what the segmenter produces changes for the same jieba and dictionaries.
SEGMENTER_VERSION = 1
# Entries per piece of the cached prefix dictionary: each takes ~4 ms to load.
PREFIX_CHUNK = 5_000
# Inner words are remembered only for words up to this long: a long "word" is a run of
# digits or letters (a serial, base64), seldom seen twice, and caching each would let
# hostile input grow the cache without bound.
_LONGEST_CACHED_WORD = 64

log = logging.getLogger(__name__)


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _jieba_main_dictionary() -> Path:
    return Path(jieba.__file__).resolve().parent / jieba.DEFAULT_DICT_NAME


def load_prefix_dictionary(cache_dir: Path) -> tuple[dict[str, int], int]:
    """jieba's prefix dictionary (every word and word prefix → frequency) and its total.

    jieba caches it as one marshal blob; loading that holds the interpreter lock for ~0.2 s,
    so a background load froze the GUI. This cache holds it in pieces of PREFIX_CHUNK entries
    that each load in a few milliseconds. It is rebuilt from jieba's dictionary when missing,
    unreadable, or made from another dictionary file.
    """
    source = _jieba_main_dictionary()
    stat = source.stat()
    cache = cache_dir / f"hnreader-jieba-{jieba.__version__}-{stat.st_size}-{stat.st_mtime_ns}.dict"
    try:
        data = cache.read_bytes()
        header = int.from_bytes(data[:8], "little")
        total, sizes = marshal.loads(data[8 : 8 + header])
        frequencies: dict[str, int] = {}
        offset = 8 + header
        for size in sizes:
            frequencies.update(marshal.loads(data[offset : offset + size]))
            offset += size
        if offset != len(data):
            raise ValueError("the file is longer than its pieces")
        return frequencies, total
    except FileNotFoundError:
        pass
    except (OSError, EOFError, ValueError, TypeError) as error:
        log.warning("rebuilding jieba's dictionary cache %s (%s)", cache, error)
    with source.open("rb") as handle:
        frequencies, total = jieba.Tokenizer.gen_pfdict(handle)
    _write_prefix_cache(cache, frequencies, total)
    return frequencies, total


def _write_prefix_cache(cache: Path, frequencies: dict[str, int], total: int) -> None:
    items = list(frequencies.items())
    pieces = [
        marshal.dumps(dict(items[i : i + PREFIX_CHUNK])) for i in range(0, len(items), PREFIX_CHUNK)
    ]
    header = marshal.dumps((total, [len(piece) for piece in pieces]))
    temporary: str | None = None
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=cache.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(len(header).to_bytes(8, "little"))
            handle.write(header)
            for piece in pieces:
                handle.write(piece)
        os.replace(temporary, cache)  # whole or not at all, even with two windows starting
    except OSError as error:  # e.g. a read-only folder: built from jieba's file next time too
        log.warning("cannot write jieba's dictionary cache %s (%s)", cache, error)
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


class _Tokenizer(jieba.Tokenizer):
    """jieba's tokenizer, with its accurate-mode cut ~1.6x faster and the same words.

    jieba cuts a run of Han characters by building a dict of every dictionary word starting
    at each position (`get_DAG`), then a dict of the best path from each position back to
    the end (`calc`, a max over generated tuples), then walking the path, handing runs of
    single characters to its HMM. Here the best path is computed in one backward pass over
    lists, with the same floating-point expression and the same tie-break (the longer
    word), so the route is identical; the walk and the HMM (jieba's `finalseg`) are
    jieba's. tests/core/test_segmenter.py checks the words against jieba's own tokenizer.
    It replaces jieba's private `__cut_DAG`, which `cut`, `cut_for_search` and `tokenize`
    use; jieba is pinned to 0.42.x (pyproject.toml).
    """

    def _best_ends(self, sentence: str) -> list[int]:
        """For each position, the last index of the word the best path takes there."""
        get = self.FREQ.get
        log = math.log
        log_total = log(self.total)
        size = len(sentence)
        ends = [0] * size
        score = [0.0] * (size + 1)
        for start in range(size - 1, -1, -1):
            best, best_end = -1e300, -1
            end = start
            fragment = sentence[start]
            while (frequency := get(fragment)) is not None:  # a word or a word's prefix
                if frequency:
                    value = log(frequency) - log_total + score[end + 1]
                    if value >= best:
                        best, best_end = value, end
                end += 1
                if end == size:
                    break
                fragment = sentence[start : end + 1]
            if best_end < 0:  # no word starts here: the character alone, frequency 1
                best, best_end = 0.0 - log_total + score[start + 1], start
            ends[start] = best_end
            score[start] = best
        return ends

    def _Tokenizer__cut_DAG(self, sentence: str) -> Iterator[str]:  # jieba's private name
        ends = self._best_ends(sentence)
        # Where the current run of one-character steps (for the HMM) began, -1 for none. A
        # slice, not jieba's `buf += char`, which CPython does not always extend in place:
        # a 400,000-digit run took 3.6 s that way (issue F15).
        single = -1
        position, size = 0, len(sentence)
        while position < size:
            after = ends[position] + 1
            if after - position == 1:
                if single < 0:
                    single = position
            else:
                if single >= 0:
                    yield from self._single_characters(sentence[single:position])
                    single = -1
                yield sentence[position:after]
            position = after
        if single >= 0:
            yield from self._single_characters(sentence[single:])

    def _single_characters(self, run: str) -> Iterator[str]:
        if len(run) == 1:
            yield run
        elif not self.FREQ.get(run):
            yield from hmm_cut(run)  # unknown words, found by jieba's HMM
        else:
            yield from run


# What builds the same segmenter in another process: cache dir, domain dictionary, user words.
SegmenterSpec = tuple[Path | None, Path, tuple[str, ...]]


class _Base:
    """jieba's and the domain dictionary's words, loaded once and shared, never changed:
    each `Segmenter` made with `fresh()` copies them and adds only its own project's words."""

    def __init__(self, cache_dir: Path | None, domain_dictionary: Path) -> None:
        self.cache_dir = cache_dir
        self.domain_dictionary = domain_dictionary
        self._lock = threading.Lock()
        self._loaded: tuple[dict[str, int], int] | None = None

    def frequencies(self) -> tuple[dict[str, int], int]:
        with self._lock:
            if self._loaded is None:
                tokenizer = _Tokenizer()
                cache_dir = (
                    self.cache_dir if self.cache_dir is not None else paths.jieba_cache_dir()
                )
                tokenizer.FREQ, tokenizer.total = load_prefix_dictionary(cache_dir)
                tokenizer.initialized = True  # what Tokenizer.initialize() would have loaded
                tokenizer.load_userdict(str(self.domain_dictionary))
                self._loaded = (tokenizer.FREQ, tokenizer.total)
            return self._loaded


class Segmenter:
    """Word segmentation with offsets, on the app's own `jieba.Tokenizer` (never `jieba.dt`).

    Construction is cheap; `initialize()` loads the dictionaries (≈ 0.6 s, once, thread-safe)
    and every method calls it. Callers pass `fold_for_search(text)`, which has the length of
    the stored text, so token offsets are code-point offsets into the stored text. User words
    are folded the same way when added.
    """

    def __init__(
        self,
        user_words: Iterable[str] = (),
        *,
        cache_dir: Path | None = None,
        domain_dictionary: Path | None = None,
        _base: _Base | None = None,
    ) -> None:
        self._cache_dir = cache_dir
        self._domain_dictionary = (domain_dictionary or paths.domain_dictionary_path()).resolve()
        self._base = _base or _Base(cache_dir, self._domain_dictionary)
        self._user_words: dict[str, int | None] = {}  # word → its frequency before we added it
        self._pending_words = [w for w in (_clean_word(w) for w in user_words) if w]
        self._lock = threading.RLock()
        self._tokenizer: jieba.Tokenizer | None = None
        self._inner_words: dict[str, tuple[tuple[int, int], ...]] = {}
        self._dictionaries_digest: str | None = None
        self._files_digest: str | None = None

    def spec(self) -> SegmenterSpec:
        """What `from_spec` needs to build the same segmenter in another process."""
        return self._cache_dir, self._domain_dictionary, self.user_words

    def fresh(self) -> Segmenter:
        """A segmenter with the same dictionaries and none of this one's user words, for
        another project: it shares the loaded dictionaries (copied, ~20 ms, not reloaded),
        so one project's words never reach another."""
        return Segmenter(
            cache_dir=self._cache_dir, domain_dictionary=self._domain_dictionary, _base=self._base
        )

    @classmethod
    def from_spec(cls, spec: SegmenterSpec) -> Segmenter:
        cache_dir, domain_dictionary, user_words = spec
        return cls(user_words, cache_dir=cache_dir, domain_dictionary=domain_dictionary)

    def initialize(self) -> None:
        """Load jieba's dictionary (from the cache dir when possible), then ours. Idempotent."""
        if self._tokenizer is not None:
            return
        with self._lock:
            if self._tokenizer is not None:
                return
            tokenizer = _Tokenizer()
            frequencies, total = self._base.frequencies()
            tokenizer.FREQ, tokenizer.total = dict(frequencies), total
            tokenizer.initialized = True  # what Tokenizer.initialize() would have loaded
            self._tokenizer = tokenizer
            pending, self._pending_words = self._pending_words, []
            self._add(pending)

    def is_ready(self) -> bool:
        """Whether the dictionaries are loaded (so no call will wait for them)."""
        return self._tokenizer is not None

    def _ready(self) -> jieba.Tokenizer:
        self.initialize()
        assert self._tokenizer is not None
        return self._tokenizer

    def words(self, text: str) -> list[Token]:
        """Accurate-mode words (HMM on) covering the whole text, punctuation and spaces included."""
        tokenizer = self._ready()
        return [Token(start, end, word) for word, start, end in tokenizer.tokenize(text)]

    def search_tokens(self, text: str) -> list[Token]:
        """Search-mode tokens: every accurate word plus the dictionary words inside it
        (湖南省 → 湖南, 湖南省), in jieba's order, punctuation and spaces included."""
        tokenizer = self._ready()
        return [
            Token(start, end, word) for word, start, end in tokenizer.tokenize(text, mode="search")
        ]

    def search_spans(self, text: str) -> list[tuple[str, int, int]]:
        """(word, start, end) of every accurate word and of every dictionary word (2 characters
        or more) inside it. jieba's search mode only adds the 2- and 3-character ones, so
        建档立卡 inside 建档立卡贫困户 or 第一书记 inside 驻村第一书记 would not count."""
        return [(word, start, end) for word, start, end, _ in self.index_spans(text)]

    def index_spans(self, text: str) -> list[tuple[str, int, int, bool]]:
        """`search_spans()` in one segmentation pass, each flagged True for an accurate word."""
        return [(text[s:e], s, e, accurate) for s, e, accurate in self.flag_spans(text)]

    def flag_spans(self, text: str) -> list[tuple[int, int, bool]]:
        """(start, end, is accurate word) of `index_spans()`, without the words: what the
        search index records, built in one pass over jieba's accurate cut."""
        tokenizer = self._ready()
        inner = self._inner_words
        spans: list[tuple[int, int, bool]] = []
        append = spans.append
        start = 0
        for word in tokenizer.cut(text):
            size = len(word)
            if size > 2:
                found = inner.get(word)
                if found is None:
                    found = self._find_inner_words(word)
                    if size <= _LONGEST_CACHED_WORD:
                        inner[word] = found
                for i, j in found:
                    append((start + i, start + j, False))
            end = start + size
            append((start, end, True))
            start = end
        return spans

    def _find_inner_words(self, word: str) -> tuple[tuple[int, int], ...]:
        """(start, end) of the dictionary words of 2+ characters inside a longer word (the
        word itself excluded), in order of start, then end.

        From each start the candidate grows only while it is a word or a word's prefix, as
        jieba's own DAG does: FREQ holds every prefix of every word (jieba's `gen_pfdict` and
        `add_word` put them in with frequency 0). Looking up every substring instead made a
        long run of digits or letters, which jieba keeps as one word, cubic (issue F15:
        10,000 digits took 57 s); this is linear, each start costing at most the length of
        the longest dictionary word.
        """
        get = self._ready().FREQ.get
        size = len(word)
        found: list[tuple[int, int]] = []
        for i in range(size - 1):
            last = size if i > 0 else size - 1  # the word itself is not an inner word
            j = i + 1
            while j <= last and (frequency := get(word[i:j])) is not None:
                if frequency and j - i >= 2:
                    found.append((i, j))
                j += 1
        return tuple(found)

    def cut(self, text: str) -> list[str]:
        """Accurate-mode words without whitespace tokens, to show how a query is segmented."""
        return [word for word in self._ready().cut(text) if word.strip()]

    def add_user_words(self, words: Iterable[str]) -> None:
        """Add a project's own words (folded; blank entries ignored)."""
        cleaned = [w for w in (_clean_word(w) for w in words) if w]
        if self._tokenizer is None:
            with self._lock:
                if self._tokenizer is None:
                    self._pending_words.extend(cleaned)
                    self._dictionaries_digest = None
                    return
        self._add(cleaned)

    def _add(self, words: list[str]) -> None:
        tokenizer = self._tokenizer
        assert tokenizer is not None
        with self._lock:
            new = [w for w in dict.fromkeys(words) if w not in self._user_words]
            for word in new:
                self._user_words[word] = tokenizer.FREQ.get(word) or None
                tokenizer.add_word(word)
            if new:  # words already known change nothing: keep the caches
                self._dictionaries_digest = None
                self._inner_words = {}

    def remove_user_word(self, word: str) -> None:
        """Remove a user word: a word jieba or the domain dictionary knew gets its frequency
        back; any other word is deleted with jieba's `del_word`."""
        word = _clean_word(word)
        with self._lock:
            if self._tokenizer is None:
                self._pending_words = [w for w in self._pending_words if w != word]
                return
            if word not in self._user_words:
                return
            previous = self._user_words.pop(word)
            if previous:
                self._tokenizer.add_word(word, previous)
            else:
                # del_word sets the frequency to 0; jieba also adds the word to a process-wide
                # "force split" set used by its HMM (finalseg.Force_Split_Words).
                self._tokenizer.del_word(word)
            self._dictionaries_digest = None
            self._inner_words = {}

    @property
    def user_words(self) -> tuple[str, ...]:
        with self._lock:
            return tuple(sorted({*self._user_words, *self._pending_words}))

    @property
    def version(self) -> str:
        """A stable hash of everything that decides the segmentation: jieba's version, the
        dictionaries' contents, the user words and the fold version. Store it with an index
        and rebuild the index when it changes."""
        with self._lock:
            if self._dictionaries_digest is None:
                if self._files_digest is None:
                    main = _file_digest(_jieba_main_dictionary())
                    self._files_digest = f"{main}:{_file_digest(self._domain_dictionary)}"
                parts = [
                    f"segmenter={SEGMENTER_VERSION}",
                    f"jieba={jieba.__version__}",
                    f"fold={FOLD_VERSION}",
                    f"dictionaries={self._files_digest}",
                    "user=" + "\n".join(self.user_words),
                ]
                digest = hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()
                self._dictionaries_digest = digest[:32]
            return self._dictionaries_digest


def _clean_word(word: str) -> str:
    return fold_for_search(word.strip())

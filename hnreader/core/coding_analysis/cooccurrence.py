"""Tag × tag co-occurrence: overlapping passages, the same sentence, paragraph or article."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from hnreader.core.coding_analysis.corpus import (
    AnalysisCancelled,
    AnalysisError,
    Cancelled,
    CodedCorpus,
    Progress,
)
from hnreader.core.coding_analysis.spans import merged, shared
from hnreader.core.coding_analysis.units import (
    ARTICLE,
    OVERLAP,
    SCOPES,
    units_of,
)
from hnreader.core.models import Tag


@dataclass(frozen=True)
class Cooccurrence:
    """counts[i][j] and jaccard[i][j] for tags i and j (symmetric).

    sentence, paragraph, article: counts are the units (sentences, paragraphs, articles)
    holding passages of both tags, the diagonal the units holding the tag, and Jaccard is
    both / either. overlap: counts are the pairs of overlapping passages, one of each tag
    (a passage with both tags counts once, as a pair with itself), the diagonal the tag's
    passages, and Jaccard is the characters coded with both / with either.
    """

    scope: str
    with_subtags: bool
    tags: tuple[Tag, ...]
    depths: tuple[int, ...]
    counts: tuple[tuple[int, ...], ...]
    jaccard: tuple[tuple[float, ...], ...]


def cooccurrence(
    corpus: CodedCorpus,
    scope: str = OVERLAP,
    *,
    with_subtags: bool = True,
    tag_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> Cooccurrence:
    """Every pair of tags (only of `tag_ids` when given), in tree order."""
    if scope not in SCOPES:
        raise AnalysisError(f"unknown scope “{scope}”; use one of {', '.join(SCOPES)}", scope=scope)
    tags = corpus.rows(tag_ids)
    families = [corpus.family(t.id, with_subtags) for t in tags]
    members = [corpus.spans_of(f) for f in families]
    n = len(tags)
    counts = [[0] * n for _ in range(n)]
    jaccard = [[0.0] * n for _ in range(n)]
    if scope == OVERLAP:
        chars = [_chars(spans) for spans in members]
    else:
        units = [_units(corpus, spans, scope) for spans in members]
    for i in range(n):
        if is_cancelled is not None and is_cancelled():
            raise AnalysisCancelled("the co-occurrence was cancelled")
        for j in range(i, n):
            if scope == OVERLAP:
                both = _overlapping_pairs(members[i], members[j]) if i != j else len(members[i])
                common = sum(shared(c, chars[j].get(a, [])) for a, c in chars[i].items())
                either = _total(chars[i]) + _total(chars[j]) - common
            else:
                both = len(units[i] & units[j])
                common, either = both, len(units[i] | units[j])
            counts[i][j] = counts[j][i] = both
            jaccard[i][j] = jaccard[j][i] = common / either if either else 0.0
        if progress is not None:
            progress(i + 1, n)
    return Cooccurrence(
        scope,
        with_subtags,
        tuple(tags),
        tuple(corpus.depth(t.id) for t in tags),
        tuple(tuple(row) for row in counts),
        tuple(tuple(row) for row in jaccard),
    )


def _chars(spans: list) -> dict[int, list[tuple[int, int]]]:
    by_article: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for span in spans:
        by_article[span.article_id].append((span.start, span.end))
    return {a: merged(s) for a, s in by_article.items()}


def _total(chars: dict[int, list[tuple[int, int]]]) -> int:
    return sum(end - start for spans in chars.values() for start, end in spans)


def _units(corpus: CodedCorpus, spans: list, scope: str) -> set[tuple[int, int]]:
    if scope == ARTICLE:
        return {(s.article_id, 0) for s in spans}
    found: set[tuple[int, int]] = set()
    for span in spans:
        starts = corpus.unit_starts(span.article_id, scope)
        found.update((span.article_id, u) for u in units_of(starts, span.start, span.end))
    return found


def _overlapping_pairs(a: list, b: list) -> int:
    """Unordered pairs {x, y}, x of `a`, y of `b`, that overlap; x = y when it has both."""
    b_by_article: dict[int, list] = defaultdict(list)
    for y in b:
        b_by_article[y.article_id].append(y)
    pairs: set[tuple[int, int]] = set()
    for x in a:
        for y in b_by_article.get(x.article_id, []):
            if x.start < y.end and y.start < x.end:
                pairs.add((min(x.id, y.id), max(x.id, y.id)))
    return len(pairs)

"""Which articles were read is kept in the project file (file format 11)."""

from __future__ import annotations

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.project import Project
from hnreader.core.store import Store


def test_read_marks_are_kept_in_the_file_and_follow_the_articles(
    corpus_project: Project, shared_segmenter: Segmenter
) -> None:
    first, second = corpus_project.article_ids()[:2]
    corpus_project.mark_read([first, second, 999_999])  # an id that is no article: ignored
    corpus_project.mark_read([second], read=False)
    assert corpus_project.read_article_ids() == {first}
    reopened = Project(Store(corpus_project.path), shared_segmenter)
    assert reopened.read_article_ids() == {first}
    reopened.close()
    corpus_project.merge_with_next(first - 1 if first > 1 else first)
    assert corpus_project.read_article_ids() <= set(corpus_project.article_ids())
    assert corpus_project.history.undo_label.startswith("Merge")  # a read mark is no action


def test_a_read_only_project_marks_nothing(
    corpus_project: Project, shared_segmenter: Segmenter
) -> None:
    read_only = Project(Store(corpus_project.path, read_only=True), shared_segmenter)
    read_only.mark_read(read_only.article_ids()[:1])
    assert read_only.read_article_ids() == set()
    read_only.close()

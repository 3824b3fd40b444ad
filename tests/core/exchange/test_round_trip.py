"""Export → import into an empty project reproduces the project (issue 17, item 6), and
every export is valid against the REFI-QDA 1.0 schemas."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
import xmlschema

from hnreader import paths
from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.project import Project

SCHEMAS = paths.resources_dir() / "refi_qda"


@pytest.fixture(scope="module")
def project_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMAS / "Project-mrt2019.xsd"))


@pytest.fixture(scope="module")
def codebook_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMAS / "Codebook.xsd"))


def snapshot(project: Project) -> dict[str, Any]:
    """Everything the round trip must keep, with ids replaced by what they stand for."""
    ids = project.article_ids()
    order = {article_id: number for number, article_id in enumerate(ids)}
    tags = {t.id: t.path for t in project.tags()}
    articles = []
    for article_id in ids:
        a = project.article(article_id)
        articles.append(
            (
                a.title,
                a.text,
                a.date,
                a.subtitle,
                a.byline,
                a.publication,
                a.url,
                a.page,
                a.section,
                tuple(sorted(a.variables)),
            )
        )  # fmt: skip  (redo puts variables back in another order: compared as a set)
    annotations = sorted(
        (order[a.article_id], a.start, a.end, a.quote, a.prefix, a.suffix,
         tuple(sorted(tags[t] for t in a.tag_ids)), a.coder, a.note, a.created, a.updated)
        for a in project.annotations()
    )  # fmt: skip
    memos = sorted(
        (m.kind, order.get(m.article_id or 0), tags.get(m.tag_id or 0), m.text, m.coder,
         m.created, m.updated)
        for m in project.memos()
    )  # fmt: skip
    return {
        "articles": articles,
        "tags": sorted((t.path, t.color, t.description) for t in project.tags()),
        "annotations": annotations,
        "memos": memos,
        "variables": sorted((v.name, v.kind, v.articles) for v in project.variables()),
    }


def test_export_is_valid_against_the_project_schema(
    coded_project: Project, tmp_path: Path, project_schema: xmlschema.XMLSchema
) -> None:
    out = tmp_path / "coded.qdpx"
    summary = coded_project.export_qdpx(out)
    assert summary is not None
    assert (summary.articles, summary.tags, summary.annotations, summary.memos) == (3, 3, 5, 3)
    assert summary.users == 2
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        project_schema.validate(archive.read("project.qde").decode("utf-8"))
        texts = [archive.read(n).decode("utf-8") for n in names if n.startswith("sources/")]
    assert names[0] == "project.qde" and len(texts) == 3
    stored = [coded_project.article(i).text for i in coded_project.article_ids()]
    assert sorted(texts) == sorted(stored)  # the stored text, UTF-8, unchanged


def test_positions_count_code_points_of_the_exported_text(
    coded_project: Project, tmp_path: Path
) -> None:
    out = tmp_path / "coded.qdpx"
    coded_project.export_qdpx(out)
    with zipfile.ZipFile(out) as archive:
        qde = archive.read("project.qde").decode("utf-8")
        first = coded_project.article(coded_project.article_ids()[0])
        guid = qde.split('name="𠮷野家在长沙开店" plainTextPath="internal://')[1].split('"')[0]
        text = archive.read(f"sources/{guid}").decode("utf-8")
    assert text == first.text
    # 𠮷字 starts at code point 20 (its UTF-16 offset would be 21: 𠮷 before it is two units)
    assert 'name="𠮷字" startPosition="20" endPosition="22"' in qde
    assert text[20:22] == "𠮷字"


def test_a_reexport_is_identical(coded_project: Project, tmp_path: Path) -> None:
    coded_project.export_qdpx(tmp_path / "one.qdpx")
    coded_project.export_qdpx(tmp_path / "two.qdpx")
    assert (tmp_path / "one.qdpx").read_bytes() == (tmp_path / "two.qdpx").read_bytes()
    coded_project.export_qdc(tmp_path / "one.qdc")
    coded_project.export_qdc(tmp_path / "two.qdc")
    assert (tmp_path / "one.qdc").read_bytes() == (tmp_path / "two.qdc").read_bytes()


def test_round_trip_into_an_empty_project_reproduces_everything(
    coded_project: Project, tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    out = tmp_path / "coded.qdpx"
    coded_project.export_qdpx(out)
    with Project.open(tmp_path / "empty.sqlite", segmenter=shared_segmenter) as empty:
        report = empty.import_exchange(out)
        assert report is not None
        assert (report.articles, report.tags, report.annotations, report.memos) == (3, 3, 5, 3)
        assert report.coders == ("李四", "王芳") and report.left_out == ()
        assert snapshot(empty) == snapshot(coded_project)
        for old, new in zip(coded_project.article_ids(), empty.article_ids(), strict=True):
            assert empty.article(new).variables == coded_project.article(old).variables
        # and back out again: the same document (the GUIDs are the new project's own)
        again = tmp_path / "again.qdpx"
        empty.export_qdpx(again)
        with zipfile.ZipFile(again) as archive:
            assert archive.read("project.qde").count(b"<PlainTextSelection") == 5


def test_an_import_is_one_undo_step(
    coded_project: Project, tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    out = tmp_path / "coded.qdpx"
    coded_project.export_qdpx(out)
    with Project.open(tmp_path / "empty.sqlite", segmenter=shared_segmenter) as empty:
        before = snapshot(empty)
        empty.import_exchange(out)
        imported = snapshot(empty)
        change = empty.undo()
        assert change is not None and change.kind == "import_exchange"
        assert snapshot(empty) == before
        assert len(empty.search("精准扶贫").articles) == 0  # the index rows went too
        empty.redo()
        assert snapshot(empty) == imported
        assert len(empty.search("精准扶贫").articles) == 1


def test_the_codebook_export_is_valid_and_reads_back(
    coded_project: Project,
    tmp_path: Path,
    codebook_schema: xmlschema.XMLSchema,
    shared_segmenter: Segmenter,
) -> None:
    out = tmp_path / "codes.qdc"
    summary = coded_project.export_qdc(out)
    assert summary.tags == 3
    codebook_schema.validate(str(out))
    with Project.open(tmp_path / "empty.sqlite", segmenter=shared_segmenter) as empty:
        report = empty.import_exchange(out)
        assert report is not None and report.tags == 3 and report.articles == 0
        assert snapshot(empty)["tags"] == snapshot(coded_project)["tags"]
        # a second time: every code is a tag the project has
        again = empty.import_exchange(out)
        assert again is not None and (again.tags, again.tags_reused) == (0, 3)
        assert len(empty.tags()) == 3


def test_an_empty_project_exports_a_valid_project(
    tmp_path: Path, shared_segmenter: Segmenter, project_schema: xmlschema.XMLSchema
) -> None:
    with Project.open(tmp_path / "empty.sqlite", segmenter=shared_segmenter) as empty:
        empty.export_qdpx(tmp_path / "empty.qdpx")
        with zipfile.ZipFile(tmp_path / "empty.qdpx") as archive:
            project_schema.validate(archive.read("project.qde").decode("utf-8"))
        with pytest.raises(Exception, match="no tags"):
            empty.export_qdc(tmp_path / "empty.qdc")
        assert not (tmp_path / "empty.qdc").exists()


def test_characters_xml_cannot_hold_do_not_break_the_export(
    project_schema: xmlschema.XMLSchema,
) -> None:
    from hnreader.core.exchange.document import ExchangeDocument, ExSelection, ExSource
    from hnreader.core.exchange.writer import project_xml

    text = "表格\x0b第二列\x0c分页"  # a vertical tab and a form feed, as a text file may hold
    guid = "81479b1d-1df2-5914-aff3-b995e86e3aa6"
    selection = ExSelection(
        "cee596fb-3699-52a5-bb4b-32f0e6563b15", 1, 5, (), "注\x0b释", None, None, None
    )
    doc = ExchangeDocument(
        name="x\x0cy", sources=[ExSource(guid, "标\x0b题", text, (selection,), ())]
    )
    xml = project_xml(doc).decode("utf-8")
    project_schema.validate(xml)
    assert 'name="格\ufffd第二"' in xml and "注\ufffd释" in xml


def test_a_worker_writes_the_import_as_the_windows_step(
    coded_project: Project, tmp_path: Path, shared_segmenter: Segmenter
) -> None:
    out = tmp_path / "coded.qdpx"
    coded_project.export_qdpx(out)
    with Project.open(tmp_path / "empty.sqlite", segmenter=shared_segmenter) as window:
        with window.open_for_thread() as worker:
            prepared = worker.prepare_exchange_import(out)
            assert prepared is not None
            worker.apply_exchange_import(prepared, for_session=window.history.identity)
        assert len(window.article_ids()) == 3
        assert window.history.undo_label == "Import “coded.qdpx”"
        window.undo()
        assert window.article_ids() == []

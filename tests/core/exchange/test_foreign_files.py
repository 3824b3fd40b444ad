"""Files written by other tools, built by hand with the structures their exporters write
(QualCoder: text in sources/<guid>.txt, selection memos as Description, a source's memo as
its Description, journal entries as Notes nothing refers to with their text in a file; MAXQDA:
upper-case GUIDs, PlainTextContent inline; ATLAS.ti: an older codebook namespace), and
hostile or broken input refused with nothing imported."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.exchange.document import LeftOutKind
from hnreader.core.models import ErrorCode, HnreaderError
from hnreader.core.project import Project

USER = "5c94bc9e-db8c-4f1d-9cd6-e900c7440860"
CODE_A = "d7aa29da-519b-4946-9b90-253b6db8fd0a"
CODE_B = "0dcef2f5-e55c-49da-8c33-9b0803c7aeb4"
CODE_C = "7c108712-b650-4892-ac0b-fc9a10190c3b"
SOURCE = "a2b94468-80a5-412f-92d6-e900d97b55a6"
JOURNAL = "8e7fddfe-db36-48dc-b464-80c3a4decd90"
VAR_TEXT = "11111111-1111-4111-8111-111111111111"
VAR_BOOL = "22222222-2222-4222-8222-222222222222"
TEXT = "Anna said:\r\nthe 𠮷 shop opened.\r\nIt is busy."


def qualcoder_qde(start: int = 18, end: int = 22) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="interviews" origin="QualCoder 3.5"
  creatingUserGUID="{USER}">
<Users><User guid="{USER}" name="colin"/></Users>
<CodeBook><Codes>
<Code guid="{CODE_A}" name="Economy" isCodable="true" color="#ff0">
<Description>Anything about jobs</Description>
<Code guid="{CODE_B}" name="Shops" isCodable="true" color="#33cc33"/>
</Code>
<Code guid="{CODE_C}" name="a/b" isCodable="false"/>
</Codes></CodeBook>
<Variables>
<Variable guid="{VAR_TEXT}" name="gender" typeOfVariable="Text"/>
<Variable guid="{VAR_BOOL}" name="consent" typeOfVariable="Boolean"/>
</Variables>
<Cases><Case guid="33333333-3333-4333-8333-333333333333" name="Anna">
<SourceRef targetGUID="{SOURCE}"/></Case></Cases>
<Sources>
<TextSource guid="{SOURCE}" name="Anna" plainTextPath="internal://{SOURCE}.txt"
  creatingUser="{USER}" creationDateTime="2019-06-04T05:25:16Z">
<Description>First interview</Description>
<PlainTextSelection guid="44444444-4444-4444-8444-444444444444" startPosition="{start}"
  endPosition="{end}" name="shop" creatingUser="{USER}" creationDateTime="2019-06-04T05:30:00Z">
<Description>the shop</Description>
<Coding guid="55555555-5555-4555-8555-555555555555" creatingUser="{USER}">
<CodeRef targetGUID="{CODE_B}"/></Coding>
</PlainTextSelection>
<PlainTextSelection guid="66666666-6666-4666-8666-666666666666" startPosition="0"
  endPosition="4" name="Anna" creatingUser="{USER}">
<Coding guid="77777777-7777-4777-8777-777777777777">
<CodeRef targetGUID="99999999-9999-4999-8999-999999999999"/></Coding>
</PlainTextSelection>
<PlainTextSelection guid="88888888-8888-4888-8888-888888888888" startPosition="40"
  endPosition="400" name="far" creatingUser="{USER}">
<Coding guid="aaaaaaaa-7777-4777-8777-777777777777">
<CodeRef targetGUID="{CODE_A}"/></Coding>
</PlainTextSelection>
<VariableValue><VariableRef targetGUID="{VAR_TEXT}"/><TextValue>female</TextValue></VariableValue>
<VariableValue><VariableRef targetGUID="{VAR_BOOL}"/>
<BooleanValue>true</BooleanValue></VariableValue>
</TextSource>
<TextSource guid="bbbbbbbb-1111-4111-8111-111111111111" name="Inline">
<PlainTextContent>Inline text, coded whole.</PlainTextContent>
<Coding guid="cccccccc-1111-4111-8111-111111111111"><CodeRef targetGUID="{CODE_A}"/></Coding>
</TextSource>
<TextSource guid="dddddddd-1111-4111-8111-111111111111" name="Report.docx"
  richTextPath="internal://dddddddd-1111-4111-8111-111111111111.docx"/>
<PictureSource guid="eeeeeeee-1111-4111-8111-111111111111" name="photo" path="internal://p.png">
<PictureSelection guid="ffffffff-1111-4111-8111-111111111111" firstX="1" firstY="1" secondX="5"
  secondY="5"><Coding guid="ffffffff-2222-4111-8111-111111111111">
  <CodeRef targetGUID="{CODE_A}"/></Coding></PictureSelection>
</PictureSource>
<PDFSource guid="abababab-1111-4111-8111-111111111111" name="scan" path="internal://s.pdf"/>
</Sources>
<Notes>
<Note guid="{JOURNAL}" creatingUser="{USER}" creationDateTime="2019-06-05T10:00:00Z"
  name="Day 1" plainTextPath="internal://{JOURNAL}.txt"><Description/></Note>
</Notes>
</Project>"""


def write_qdpx(path: Path, qde: str, files: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde.encode("utf-8"))
        for name, data in (files or {}).items():
            archive.writestr(name, data)
    return path


def qualcoder_file(tmp_path: Path, **positions: int) -> Path:
    return write_qdpx(
        tmp_path / "interviews.qdpx",
        qualcoder_qde(**positions),
        {
            f"sources/{SOURCE}.txt": TEXT.encode("utf-8"),
            f"sources/{JOURNAL}.txt": b"Coded the first interview.",
        },
    )


@pytest.fixture
def empty(tmp_path: Path, shared_segmenter: Segmenter) -> Project:
    project = Project.open(tmp_path / "target.sqlite", segmenter=shared_segmenter, coder="me")
    yield project  # type: ignore[misc]
    project.close()


def test_a_qualcoder_project_imports_with_a_report(empty: Project, tmp_path: Path) -> None:
    report = empty.import_exchange(qualcoder_file(tmp_path))
    assert report is not None and report.origin == "QualCoder 3.5"
    assert (report.articles, report.tags, report.annotations) == (2, 3, 2)
    left = {item.kind: item for item in report.left_out}
    assert left[LeftOutKind.PICTURE_SOURCES].count == 1
    assert left[LeftOutKind.PDF_SOURCES].count == 1
    assert left[LeftOutKind.NON_TEXT_SELECTIONS].count == 1
    assert left[LeftOutKind.SOURCES_WITHOUT_TEXT].examples == ("Report.docx",)
    assert left[LeftOutKind.SELECTIONS_OUTSIDE_TEXT].count == 1
    assert left[LeftOutKind.CODINGS_WITHOUT_CODE].examples == ("Anna: Anna",)
    assert left[LeftOutKind.VARIABLES_AS_TEXT].examples == ("consent (Boolean)",)
    assert left[LeftOutKind.CASES].examples == ("Anna",)
    assert left[LeftOutKind.RENAMED_TAGS].examples == ("a/b → a／b",)

    anna, inline = (empty.article(i) for i in empty.article_ids())
    # CRLF became \n, and the selection moved with it onto the same words
    assert anna.text == "Anna said:\nthe 𠮷 shop opened.\nIt is busy."
    assert anna.title == "Anna" and anna.variables == (("gender", "female"), ("consent", "true"))
    tags = {t.path: t for t in empty.tags()}
    assert set(tags) == {"Economy", "Economy/Shops", "a／b"}
    assert (
        tags["Economy"].color == "#FFFF00" and tags["Economy"].description == "Anything about jobs"
    )
    shop, whole = empty.annotations()
    assert (shop.quote, shop.note, shop.coder) == ("shop", "the shop", "colin")
    assert shop.created == "2019-06-04T05:30:00+00:00"
    assert shop.tag_ids == (tags["Economy/Shops"].id,)
    assert (whole.article_id, whole.start, whole.end) == (inline.id, 0, len(inline.text))
    memos = {m.kind: m for m in empty.memos()}
    assert memos["article"].text == "First interview" and memos["article"].article_id == anna.id
    assert memos["journal"].text == "Coded the first interview."
    assert memos["journal"].coder == "colin"
    assert memos["journal"].created == "2019-06-05T10:00:00+00:00"


def test_utf16_positions_are_recognised_by_the_selected_text(
    empty: Project, tmp_path: Path
) -> None:
    # "shop" is at code points 18–22 of the file's text; a UTF-16 tool says 19–23 (𠮷 = 2)
    report = empty.import_exchange(qualcoder_file(tmp_path, start=19, end=23))
    assert report is not None
    assert empty.annotations()[0].quote == "shop"


def test_existing_tags_are_matched_by_path_and_clashing_names_renamed(
    empty: Project, tmp_path: Path
) -> None:
    economy = empty.add_tag("Economy", color="#123456").result_id
    empty.add_tag("Shops")  # the name is taken at the top level: the file's Economy/Shops
    report = empty.import_exchange(qualcoder_file(tmp_path))
    assert report is not None and report.tags_reused == 1
    paths = {t.path: t for t in empty.tags()}
    assert "Economy/Shops (2)" in paths and paths["Economy"].id == economy
    assert paths["Economy"].color == "#123456"  # the project's tag is left as it was
    renamed = next(i for i in report.left_out if i.kind == LeftOutKind.RENAMED_TAGS)
    assert "Shops → Shops (2)" in renamed.examples


def test_the_same_file_twice_is_refused(empty: Project, tmp_path: Path) -> None:
    path = qualcoder_file(tmp_path)
    empty.import_exchange(path)
    with pytest.raises(HnreaderError) as caught:
        empty.import_exchange(path)
    assert caught.value.code == ErrorCode.ALREADY_IMPORTED
    assert len(empty.article_ids()) == 2


def test_a_dry_run_writes_nothing(empty: Project, tmp_path: Path) -> None:
    report = empty.import_exchange(qualcoder_file(tmp_path), dry_run=True)
    assert report is not None and report.articles == 2
    assert empty.article_ids() == [] and empty.tags() == []


def test_an_older_atlas_codebook_reads(empty: Project, tmp_path: Path) -> None:
    path = tmp_path / "atlas.qdc"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<CodeBook xmlns="urn:QDA-XML:codebook:0:4" origin="ATLAS.ti">'
        '<Codes><Code guid="{5215CC69-B628-4E02-AFB9-9BEEAEE55808}" name="Topics" '
        'isCodable="false"><Code guid="D7AA29DA-519B-4946-9B90-253B6DB8FD0A" name="Health" '
        'isCodable="true" color="#33cc33"><Description>Care</Description></Code></Code>'
        '</Codes><Sets><Set guid="{0DCEF2F5-E55C-49DA-8C33-9B0803C7AEB4}" name="S"/></Sets>'
        "</CodeBook>",
        encoding="utf-8",
    )
    report = empty.import_exchange(path)
    assert report is not None and report.tags == 2
    assert [i.kind for i in report.left_out] == [LeftOutKind.SETS]
    assert {t.path: t.description for t in empty.tags()} == {
        "Topics": "",
        "Topics/Health": "Care",
    }


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda p: p.write_bytes(b"not a zip at all"), ErrorCode.DAMAGED_ARCHIVE),
        (
            lambda p: write_qdpx(
                p,
                '<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "aaaa">'
                '<!ENTITY b "&a;&a;&a;&a;">]><Project xmlns="urn:QDA-XML:project:1.0" '
                'name="&b;"/>',
            ),
            ErrorCode.XML_ENTITIES,
        ),
        (lambda p: write_qdpx(p, "<Project"), ErrorCode.MALFORMED_FILE),
        (lambda p: write_qdpx(p, "<html/>"), ErrorCode.MALFORMED_FILE),
    ],
    ids=["not-a-zip", "entities", "broken-xml", "not-refi"],
)
def test_bad_files_are_refused_and_nothing_is_imported(
    empty: Project, tmp_path: Path, make: object, code: str
) -> None:
    path = tmp_path / "bad.qdpx"
    make(path)  # type: ignore[operator]
    with pytest.raises(HnreaderError) as caught:
        empty.import_exchange(path)
    assert caught.value.code == code
    assert "bad.qdpx" in str(caught.value)
    assert empty.article_ids() == [] and empty.tags() == []


def test_a_zip_bomb_is_refused_before_it_is_read(empty: Project, tmp_path: Path) -> None:
    path = tmp_path / "bomb.qdpx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", '<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>')
        archive.writestr("sources/big.txt", b"\0" * 50_000_000)
    with pytest.raises(HnreaderError) as caught:
        empty.import_exchange(path)
    assert caught.value.code == ErrorCode.ARCHIVE_TOO_LARGE


def test_a_missing_file_and_a_wrong_suffix_are_named(empty: Project, tmp_path: Path) -> None:
    with pytest.raises(HnreaderError) as caught:
        empty.import_exchange(tmp_path / "nowhere.qdpx")
    assert caught.value.code == ErrorCode.MISSING
    other = tmp_path / "notes.txt"
    other.write_text("hello", encoding="utf-8")
    with pytest.raises(HnreaderError, match=r"\.qdpx.*\.qdc") as caught:
        empty.import_exchange(other)


def test_a_missing_source_file_is_reported_not_fatal(empty: Project, tmp_path: Path) -> None:
    path = write_qdpx(tmp_path / "gone.qdpx", qualcoder_qde())  # no sources/ files at all
    report = empty.import_exchange(path)
    assert report is not None and report.articles == 1  # the inline one
    left = {i.kind: i for i in report.left_out}
    assert left[LeftOutKind.SOURCES_WITHOUT_TEXT].examples == ("Anna", "Report.docx")


def test_a_codebook_changed_between_reading_and_writing_imports_nothing(
    empty: Project, tmp_path: Path
) -> None:
    prepared = empty.prepare_exchange_import(qualcoder_file(tmp_path))
    assert prepared is not None
    empty.add_tag("Economy")  # made meanwhile (another window): the plan would make it again
    with pytest.raises(HnreaderError) as caught:
        empty.apply_exchange_import(prepared)
    assert caught.value.code == ErrorCode.CONFLICT
    assert empty.article_ids() == [] and [t.name for t in empty.tags()] == ["Economy"]


@pytest.mark.parametrize(
    ("start", "end", "quote"),
    [(35, 43, "is busy."), (36, 44, "is busy."), (36, 45, None)],
    ids=["code-points-at-the-end", "utf16-at-the-end", "past-the-end"],
)
def test_selections_at_the_end_of_a_text_with_a_non_bmp_character(
    empty: Project, tmp_path: Path, start: int, end: int, quote: str | None
) -> None:
    # "is busy." ends the text: code points 35–43 (CRLF counted as two), UTF-16 units 36–44
    qde = qualcoder_qde(start=start, end=end).replace('name="shop"', 'name="is busy."')
    path = write_qdpx(tmp_path / "end.qdpx", qde, {f"sources/{SOURCE}.txt": TEXT.encode("utf-8")})
    report = empty.import_exchange(path)
    assert report is not None
    quotes = [a.quote for a in empty.annotations()]
    if quote is None:
        assert quotes == ["Inline text, coded whole."]
        outside = next(i for i in report.left_out if i.kind == "selections_outside_text")
        assert "Anna: is busy." in outside.examples
    else:
        assert quotes[0] == quote

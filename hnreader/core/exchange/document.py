"""What a REFI-QDA project or codebook holds, as plain data both ways (hnreader → file,
file → hnreader), and the report of an import."""

from __future__ import annotations

from dataclasses import dataclass, field

EXCHANGE_SUFFIXES = (".qdpx", ".qdc")

# Article fields carried as REFI-QDA variables (other tools show them as document
# variables); read back into the article's own fields on import.
ARTICLE_FIELD_VARIABLES = {
    "article:date": "date",
    "article:subtitle": "subtitle",
    "article:byline": "byline",
    "article:publication": "publication",
    "article:page": "page",
    "article:section": "section",
    "article:url": "url",
}


@dataclass(frozen=True)
class ExCode:
    guid: str
    name: str
    color: str | None
    description: str
    parent: str | None  # the parent code's guid
    note_guids: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExNote:
    guid: str
    name: str
    text: str
    user: str | None  # a user's guid
    created: str | None
    modified: str | None


@dataclass(frozen=True)
class ExSelection:
    guid: str
    start: int  # characters (code points) of the source's plain text
    end: int
    code_guids: tuple[str, ...]
    description: str  # hnreader: the annotation's note
    user: str | None
    created: str | None
    modified: str | None
    note_guids: tuple[str, ...] = ()
    name: str = ""  # what the writing tool put there: often the selected text


@dataclass(frozen=True)
class ExVariable:
    guid: str
    name: str
    type: str  # REFI-QDA typeOfVariable: Text, Boolean, Integer, Float, Date, DateTime
    description: str = ""


@dataclass(frozen=True)
class ExSource:
    guid: str
    name: str
    text: str
    selections: tuple[ExSelection, ...]
    values: tuple[tuple[str, str], ...]  # (variable guid, value as written)
    note_guids: tuple[str, ...] = ()
    description: str = ""
    user: str | None = None
    created: str | None = None


@dataclass
class ExchangeDocument:
    """A project (or, with codes only, a codebook) in REFI-QDA's terms."""

    name: str = ""
    origin: str = ""
    users: dict[str, str] = field(default_factory=dict)  # guid → name
    codes: list[ExCode] = field(default_factory=list)  # parents before their children
    variables: list[ExVariable] = field(default_factory=list)
    sources: list[ExSource] = field(default_factory=list)
    notes: dict[str, ExNote] = field(default_factory=dict)
    project_note_guids: list[str] = field(default_factory=list)  # the journal


class LeftOutKind:
    """What an import could not carry over (`LeftOut.kind`); the UI words each one."""

    PICTURE_SOURCES = "picture_sources"
    PDF_SOURCES = "pdf_sources"
    AUDIO_SOURCES = "audio_sources"
    VIDEO_SOURCES = "video_sources"
    SOURCES_WITHOUT_TEXT = "sources_without_text"  # rich text only, external or missing file
    NON_TEXT_SELECTIONS = "non_text_selections"  # picture, PDF, audio, video, transcript
    SELECTIONS_OUTSIDE_TEXT = "selections_outside_text"
    CODINGS_WITHOUT_CODE = "codings_without_code"  # a CodeRef to no code of the file
    VARIABLES_AS_TEXT = "variables_as_text"  # Boolean/DateTime/unknown types kept as text
    CASES = "cases"
    SETS = "sets"
    LINKS = "links"
    GRAPHS = "graphs"
    RENAMED_TAGS = "renamed_tags"  # a name taken elsewhere in the codebook, or with "/"


@dataclass(frozen=True)
class LeftOut:
    """Something of the file not carried over as it was: its kind, how many, and up to a
    few of the names concerned (examples)."""

    kind: str
    count: int
    examples: tuple[str, ...] = ()

    @property
    def english(self) -> str:
        words = {
            LeftOutKind.PICTURE_SOURCES: "picture sources (hnreader holds text only)",
            LeftOutKind.PDF_SOURCES: "PDF sources (hnreader holds text only)",
            LeftOutKind.AUDIO_SOURCES: "audio sources and their transcripts",
            LeftOutKind.VIDEO_SOURCES: "video sources and their transcripts",
            LeftOutKind.SOURCES_WITHOUT_TEXT: "text sources without plain text in the file",
            LeftOutKind.NON_TEXT_SELECTIONS: "selections in pictures, PDFs, audio or video",
            LeftOutKind.SELECTIONS_OUTSIDE_TEXT: "selections outside their source's text",
            LeftOutKind.CODINGS_WITHOUT_CODE: "codings of a code the file does not define",
            LeftOutKind.VARIABLES_AS_TEXT: "variables of a type kept as text",
            LeftOutKind.CASES: "cases (not carried over)",
            LeftOutKind.SETS: "sets (not carried over)",
            LeftOutKind.LINKS: "links (not carried over)",
            LeftOutKind.GRAPHS: "graphs (not carried over)",
            LeftOutKind.RENAMED_TAGS: "codes renamed to fit the codebook",
        }[self.kind]
        shown = f": {', '.join(self.examples)}" if self.examples else ""
        return f"{self.count} {words}{shown}"


class LeftOutTally:
    """What was noticed and not carried over, counted by kind with a few examples each."""

    EXAMPLES = 3

    def __init__(self, items: tuple[LeftOut, ...] | list[LeftOut] = ()) -> None:
        self.counts: dict[str, int] = {item.kind: item.count for item in items}
        self.examples: dict[str, list[str]] = {item.kind: list(item.examples) for item in items}

    def add(self, kind: str, example: str = "", count: int = 1) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + count
        shown = self.examples.setdefault(kind, [])
        if example and len(shown) < self.EXAMPLES and example not in shown:
            shown.append(example)

    def items(self) -> tuple[LeftOut, ...]:
        return tuple(
            LeftOut(kind, count, tuple(self.examples.get(kind, ())))
            for kind, count in self.counts.items()
        )


@dataclass(frozen=True)
class ExchangeReport:
    """What an import of a `.qdpx` or `.qdc` brought in, and what it left out."""

    file: str
    articles: int
    tags: int  # tags created
    tags_reused: int  # codes matched to tags the project had (same path)
    annotations: int
    memos: int
    variables: int  # variable values given to articles
    coders: tuple[str, ...]
    left_out: tuple[LeftOut, ...]
    origin: str = ""  # the tool that wrote the file, when it says


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote."""

    path: str
    articles: int
    tags: int
    annotations: int
    memos: int
    users: int

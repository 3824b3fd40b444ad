"""REFI-QDA exchange for `Project`: export to `.qdpx`/`.qdc`, import from them (one undo
step, with a report of what could not be carried over)."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hnreader import __version__
from hnreader.core.analysis.segmenter import Segmenter
from hnreader.core.editing.history import History, Restore
from hnreader.core.exchange import reader, writer
from hnreader.core.exchange.document import ExchangeReport, ExportSummary
from hnreader.core.exchange.from_project import codebook_document, project_document
from hnreader.core.exchange.into_project import build_plan
from hnreader.core.models import (
    Change,
    ErrorCode,
    ImportFileError,
    Progress,
    Stage,
    StoreError,
    no_progress,
)
from hnreader.core.store import Store
from hnreader.core.store.exchange import ExchangePlan
from hnreader.core.text.safety import display_file_name

Cancelled = Callable[[], bool]
EXCHANGE_ID_KEY = "exchange_uuid"
ORIGIN = f"hnreader {__version__}"


def _never() -> bool:
    return False


class ProjectExchange:
    """`Project` sets store, segmenter, coder and history."""

    store: Store
    segmenter: Segmenter
    coder: str
    history: History
    _record: Callable[[Change], Change]  # ProjectActions': records a change for undo
    _restore: Restore

    def _exchange_uuid(self) -> str:
        """The project's own id, from which every exported GUID is derived (kept in the file
        from its first export; a read-only project that has none takes one from its path)."""
        known = self.store.meta(EXCHANGE_ID_KEY)
        if known:
            return known
        if self.store.read_only:
            return str(uuid.uuid5(uuid.NAMESPACE_URL, Path(self.store.path).resolve().as_uri()))
        made = str(uuid.uuid4())
        self.store.set_meta(EXCHANGE_ID_KEY, made)
        return made

    def export_qdpx(
        self, path: Path | str, progress: Progress = no_progress, is_cancelled: Cancelled = _never
    ) -> ExportSummary | None:
        """The whole project as a REFI-QDA `.qdpx`; None when cancelled (nothing written)."""
        path = Path(path)
        name = Path(self.store.path).stem

        def step(done: int, total: int) -> None:
            progress(done, total, Stage.EXPORTING, path.name)

        doc = project_document(self.store, self._exchange_uuid(), name, ORIGIN, step, is_cancelled)
        if doc is None:
            return None
        try:
            if not writer.write_qdpx(path, doc, lambda d, t: None, is_cancelled):
                return None
        except OSError as error:
            raise StoreError(
                f"{path} could not be written ({error.strerror or error})",
                code=ErrorCode.IO_ERROR,
                path=str(path),
            ) from error
        progress(1, 1, Stage.DONE, path.name)
        return ExportSummary(
            str(path),
            len(doc.sources),
            len(doc.codes),
            sum(len(s.selections) for s in doc.sources),
            len(doc.notes),
            len(doc.users),
        )

    def export_qdc(self, path: Path | str) -> ExportSummary:
        """The codebook as a REFI-QDA `.qdc` (a codebook holds at least one code)."""
        path = Path(path)
        doc = codebook_document(self.store, self._exchange_uuid(), ORIGIN)
        if not doc.codes:
            raise StoreError(
                "the project has no tags, so there is no codebook to export: create a tag first",
                code=ErrorCode.NOTHING_TO_DO,
            )
        try:
            writer.write_bytes(path, writer.codebook_xml(doc))
        except OSError as error:
            raise StoreError(
                f"{path} could not be written ({error.strerror or error})",
                code=ErrorCode.IO_ERROR,
                path=str(path),
            ) from error
        return ExportSummary(str(path), 0, len(doc.codes), 0, 0, 0)

    def import_exchange(
        self,
        path: Path | str,
        progress: Progress = no_progress,
        is_cancelled: Cancelled = _never,
        *,
        dry_run: bool = False,
    ) -> ExchangeReport | None:
        """A `.qdpx` project or a `.qdc` codebook into this project, as one undo step; the
        report says what came in and what could not. None when cancelled (nothing written).
        `dry_run`: the report only."""
        prepared = self.prepare_exchange_import(path, progress, is_cancelled)
        if prepared is None:
            return None
        if not dry_run:
            self.apply_exchange_import(prepared)
        return prepared.report

    def prepare_exchange_import(
        self, path: Path | str, progress: Progress = no_progress, is_cancelled: Cancelled = _never
    ) -> PreparedExchange | None:
        """Read and analyse a `.qdpx`/`.qdc` (the long part; any thread's project can do it)
        without writing anything; None when cancelled. Bad files raise ImportFileError."""
        path = Path(path)
        name = display_file_name(path.name)
        if not path.is_file():
            raise ImportFileError(
                f"{path} does not exist or is not a file",
                code=ErrorCode.MISSING,
                path=str(path),
                file=name,
            )
        suffix = path.suffix.lower()
        if suffix not in (".qdpx", ".qdc"):
            raise ImportFileError(
                f"{name}: a REFI-QDA project ends in .qdpx and a codebook in .qdc; this file "
                "is neither",
                code=ErrorCode.UNSUPPORTED_FORMAT,
                file=name,
                suffix=suffix,
            )
        doc, left_out = reader.read_qdpx(path) if suffix == ".qdpx" else reader.read_qdc(path)
        sha256 = hashlib.sha256(path.read_bytes()).hexdigest()

        def step(done: int, total: int, item: str) -> None:
            progress(done, total, Stage.IMPORTING, item or name)

        built = build_plan(
            doc,
            left_out,
            self.store.tags(),
            self.segmenter,
            file_name=name,
            path=str(path),
            sha256=sha256,
            progress=step,
            is_cancelled=is_cancelled,
        )
        if built is None:
            return None
        plan, report = built
        earlier = self.store.has_source(sha256) if plan.drafts else None
        if earlier is not None:
            raise ImportFileError(
                f"{name} was imported before (as {earlier}); undo that import or delete its "
                "articles first",
                code=ErrorCode.ALREADY_IMPORTED,
                file=name,
                earlier=earlier,
            )
        return PreparedExchange(plan, report)

    def apply_exchange_import(
        self, prepared: PreparedExchange, *, for_session: tuple[str, int] | None = None
    ) -> Change | None:
        """Write a prepared import as one undo step (None when it brings nothing new: every
        code a tag the project has, no sources, no notes). `for_session`: a window's
        `history.identity`, when a worker thread writes on that window's behalf (the step is
        then the window's to undo)."""
        plan = prepared.plan
        tags = self.store.tags()
        known, names = {t.id for t in tags}, {t.name for t in tags}
        if any(
            (t.existing_id is not None and t.existing_id not in known)
            or (t.existing_id is None and t.name in names)
            for t in plan.tags
        ):
            raise StoreError(
                f"the project's tags changed while {plan.name} was read; import it again",
                code=ErrorCode.CONFLICT,
            )
        if not (plan.drafts or plan.memos or any(t.existing_id is None for t in plan.tags)):
            return None
        change = self.store.import_exchange(plan)
        if for_session is None:
            return self._record(change)
        return History(self._restore, self.store, joining=for_session).record(change, self.coder)


@dataclass(frozen=True)
class PreparedExchange:
    """A read and analysed REFI-QDA file, ready to be written (`apply_exchange_import`)."""

    plan: ExchangePlan
    report: ExchangeReport

"""Exports of a client's record: the whole-record PDF, the complete data-subject ZIP, and many clients at once.

Health answers and scalp photos are special-category data: the record PDF holds them only when the person
exporting asks and may see them (VIEW_HEALTH, VIEW_PHOTOS); the data-subject ZIP (everything held) and exports of
many clients need EXPORT_RECORDS (the owner). Every export is audited (who exported which client, what, where),
in a transaction that commits only once the file is in place: no export goes unrecorded. Files are written
atomically, so an error or a cancel never leaves half a file under the name asked for."""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from smp_desktop.core.models import Client, StaffMember, Studio
from smp_desktop.core.progress import Progress
from smp_desktop.core.services import audit
from smp_desktop.core.services.access import Actor, Permission, require
from smp_desktop.core.services.client_data import display_name
from smp_desktop.core.services.errors import NotFound
from smp_desktop.paths import StudioPaths

log = logging.getLogger(__name__)


class ExportKind(StrEnum):
    RECORD_PDF = "record_pdf"  # the whole record as one PDF
    SUBJECT_ZIP = "subject_zip"  # everything held (GDPR access / portability)


@dataclass(frozen=True, slots=True)
class RecordOptions:
    """What the person exporting chose to put in a record PDF: health answers and photos are left out (their
    sections absent, not blank) unless asked for."""

    with_health: bool = False
    with_photos: bool = False


@dataclass(frozen=True, slots=True)
class ExportResult:
    client_id: int
    client_name: str
    kind: ExportKind
    path: Path
    size_bytes: int
    problems: tuple[str, ...] = ()  # what could not be included (a photo file missing from the store)


@dataclass(frozen=True, slots=True)
class RecordPreview:
    client_id: int
    client_name: str
    pdf: bytes
    file_name: str  # safe, from the client's name: "Zoë Łukasiewicz (12) record 2026-11-25.pdf"
    title: str


@dataclass(frozen=True, slots=True)
class ClientChoice:
    id: int
    name: str  # as the client list shows it: "Łukasiewicz, Zoë"
    archived: bool


@dataclass(frozen=True, slots=True)
class ExportFailure:
    client_id: int
    client_name: str
    reason: str


@dataclass(frozen=True, slots=True)
class BatchResult:
    folder: Path
    exported: tuple[ExportResult, ...]
    failed: tuple[ExportFailure, ...] = ()
    cancelled: bool = False
    skipped: int = 0  # clients not reached because of the cancel
    problems: tuple[str, ...] = field(default=())


def _never() -> bool:
    return False


class ExportService:
    def __init__(self, sessions: sessionmaker[Session], paths: StudioPaths, *, today: Callable[[], date] = date.today):
        self._sessions = sessions
        self._paths = paths
        self._today = today

    # --- names ---------------------------------------------------------------------------------------------
    def suggested_file_name(self, actor: Actor, client_id: int, kind: ExportKind) -> str:
        """A safe file name from the client's name: "Zoë Łukasiewicz (12) record 2026-11-25.pdf"."""
        require(actor, Permission.VIEW_CLIENTS)
        with self._sessions() as session:
            return self._file_name(self._client(session, client_id), kind)

    def _file_name(self, client: Client, kind: ExportKind) -> str:
        from smp_desktop.core.exports.names import safe_component

        name = safe_component(display_name(client.first_name, client.last_name), "client")
        what, suffix = ("record", "pdf") if kind is ExportKind.RECORD_PDF else ("data export", "zip")
        return f"{name} ({client.id}) {what} {self._today().isoformat()}.{suffix}"

    # --- the record PDF ------------------------------------------------------------------------------------
    def record_pdf_bytes(self, actor: Actor, client_id: int, options: RecordOptions) -> bytes:
        """The record PDF in memory (for a preview); nothing is written or audited until it is saved or printed
        (record_pdf, or note_record_output)."""
        self._check_record(actor, options)
        from smp_desktop.core.documents.layout import Letterhead
        from smp_desktop.core.documents.record import build_record_pdf
        from smp_desktop.core.exports.record_data import collect_record
        from smp_desktop.core.services.studio import StudioService

        with self._sessions() as session:
            self._client(session, client_id)
            data = collect_record(session, client_id, self._paths, options.with_health, options.with_photos)
        letterhead = Letterhead.from_studio(StudioService(self._sessions), self._paths.root)
        return build_record_pdf(data, letterhead, self._paths.cache)

    def record_pdf(
        self,
        actor: Actor,
        client_id: int,
        out: Path,
        options: RecordOptions,
        *,
        should_stop: Callable[[], bool] = _never,
    ) -> Generator[Progress, None, ExportResult | None]:
        """Write the client's record PDF to out (atomically) and audit it; None when stopped before writing."""
        self._check_record(actor, options)
        yield Progress(0, 2, "collecting the record")
        data = self.record_pdf_bytes(actor, client_id, options)
        if should_stop():
            return None
        yield Progress(1, 2, "writing the PDF")
        from smp_desktop.core.photos.store import write_atomically

        with self._sessions.begin() as session:
            client = self._client(session, client_id)
            audit.record(session, actor, "export", "client", client_id, _record_detail(options, out))
            session.flush()
            write_atomically(out, data)
            name = display_name(client.first_name, client.last_name)
        yield Progress(2, 2, "done")
        return ExportResult(client_id, name, ExportKind.RECORD_PDF, out, len(data))

    def preview_record(self, actor: Actor, client_id: int, options: RecordOptions) -> RecordPreview:
        """The record PDF for the in-app preview (print, save as), with its safe file name and title. Audited now:
        health data shown on screen and then printed or saved is an export the trail must name."""
        pdf = self.record_pdf_bytes(actor, client_id, options)
        with self._sessions.begin() as session:
            client = self._client(session, client_id)
            audit.record(session, actor, "export", "client", client_id, _record_detail(options, "the preview"))
            name = display_name(client.first_name, client.last_name)
            file_name = self._file_name(client, ExportKind.RECORD_PDF)
        return RecordPreview(client_id, name, pdf, file_name, f"Client record — {name}")

    def client_choices(self, actor: Actor) -> list[ClientChoice]:
        """Every client, family name first in the list's order, for choosing whom to export."""
        require(actor, Permission.EXPORT_RECORDS)
        from smp_desktop.core.services.client_data import list_name

        with self._sessions() as session:
            rows = session.execute(
                select(Client.id, Client.first_name, Client.last_name, Client.preferred_name, Client.archived).order_by(
                    Client.sort_key, Client.id
                )
            )
            return [
                ClientChoice(r.id, list_name(r.first_name, r.last_name, r.preferred_name), r.archived) for r in rows
            ]

    @staticmethod
    def _check_record(actor: Actor, options: RecordOptions) -> None:
        require(actor, Permission.VIEW_CLIENTS)
        require(actor, Permission.VIEW_SESSIONS)
        if options.with_health:
            require(actor, Permission.VIEW_HEALTH)
        if options.with_photos:
            require(actor, Permission.VIEW_PHOTOS)

    # --- the data-subject ZIP ------------------------------------------------------------------------------
    def subject_export(
        self, actor: Actor, client_id: int, out: Path, *, should_stop: Callable[[], bool] = _never
    ) -> Generator[Progress, None, ExportResult | None]:
        """Write everything held on the client to the ZIP out, yielding progress file by file; None when
        should_stop() stopped it (no file is left at out, an older one there stays as it was)."""
        require(actor, Permission.EXPORT_RECORDS)
        from smp_desktop.core.exports import subject_data
        from smp_desktop.core.exports.archive import AtomicZip
        from smp_desktop.core.exports.subject_zip import SubjectHeader, stored_files, write_subject_zip

        exported_at = datetime.now(UTC).replace(microsecond=0)
        with self._sessions() as session:  # one read transaction: the data is one consistent snapshot
            client = self._client(session, client_id)
            name = display_name(client.first_name, client.last_name)
            data = subject_data.collect(session, client_id)
            header = SubjectHeader(
                client_id=client_id,
                client_name=name,
                database_revision=_revision(session),
                exported_at=exported_at,
                exported_by=self._actor_json(session, actor),
                controller=_controller(session),
            )
        files = stored_files(data, self._paths.photos, self._paths.documents)

        def record_pdf() -> bytes:
            return self.record_pdf_bytes(actor, client_id, RecordOptions(with_health=True, with_photos=True))

        with AtomicZip(out, exported_at.astimezone()) as archive:
            problems = yield from write_subject_zip(archive, header, data, files, record_pdf, should_stop)
            if problems is None or should_stop():
                return None
            manifest = {
                "format": "smp-desktop/subject-export-manifest",
                "format_version": 1,
                "client_id": client_id,
                "exported_at": exported_at.isoformat(),
                "problems": list(problems),
            }
            with self._sessions.begin() as session:
                detail = f"data-subject export (ZIP, {len(archive.files) + 1} files) to {out}"
                audit.record(session, actor, "export", "client", client_id, detail)
                session.flush()
                archive.finish(manifest)  # renamed into place inside the transaction: audited, or not written
        for problem in problems:
            log.warning("export of client #%s: %s", client_id, problem)
        return ExportResult(client_id, name, ExportKind.SUBJECT_ZIP, out, out.stat().st_size, problems)

    # --- many clients --------------------------------------------------------------------------------------
    def all_client_ids(self, actor: Actor, *, include_archived: bool = True) -> list[int]:
        require(actor, Permission.EXPORT_RECORDS)
        with self._sessions() as session:
            statement = select(Client.id).order_by(Client.sort_key, Client.id)
            if not include_archived:
                statement = statement.where(Client.archived.is_(False))
            return list(session.scalars(statement))

    def export_many(
        self,
        actor: Actor,
        client_ids: Sequence[int],
        folder: Path,
        kind: ExportKind,
        options: RecordOptions = RecordOptions(with_health=True, with_photos=True),
        *,
        should_stop: Callable[[], bool] = _never,
    ) -> Generator[Progress, None, BatchResult]:
        """Export each client into folder (one file each, named from the client's name), yielding progress per
        client. A client that fails is reported and the batch goes on; a stop ends it between files, and the file
        being written when it came is not left behind (those finished stay)."""
        require(actor, Permission.EXPORT_RECORDS)
        if kind is ExportKind.RECORD_PDF:
            self._check_record(actor, options)
        folder.mkdir(parents=True, exist_ok=True)
        exported: list[ExportResult] = []
        failed: list[ExportFailure] = []
        total = len(client_ids)
        for index, client_id in enumerate(client_ids):
            if should_stop():
                return BatchResult(folder, tuple(exported), tuple(failed), True, total - index)
            try:
                with self._sessions() as session:
                    client = self._client(session, client_id)
                    name = display_name(client.first_name, client.last_name)
                    target = folder / self._file_name(client, kind)
            except NotFound as exc:
                failed.append(ExportFailure(client_id, f"#{client_id}", str(exc)))
                continue
            yield Progress(index, total, name)
            try:
                if kind is ExportKind.RECORD_PDF:
                    run = self.record_pdf(actor, client_id, target, options, should_stop=should_stop)
                else:
                    run = self.subject_export(actor, client_id, target, should_stop=should_stop)
                # Each file's own steps are passed on, so a stop (or the runner closing this generator) reaches
                # the file being written: it is abandoned, not left half-written.
                result = yield from _relayed(run, index, total, name)
            except (NotFound, OSError) as exc:
                failed.append(ExportFailure(client_id, name, _reason(exc, target)))
                continue
            if result is None:
                return BatchResult(folder, tuple(exported), tuple(failed), True, total - index)
            exported.append(result)
        yield Progress(total, total, "done")
        problems = tuple(f"{r.client_name}: {p}" for r in exported for p in r.problems)
        return BatchResult(folder, tuple(exported), tuple(failed), False, 0, problems)

    # --- helpers -------------------------------------------------------------------------------------------
    @staticmethod
    def _client(session: Session, client_id: int) -> Client:
        client = session.get(Client, client_id)
        if client is None:
            raise NotFound(f"Client #{client_id} does not exist (it may have been erased).")
        return client

    @staticmethod
    def _actor_json(session: Session, actor: Actor) -> dict[str, object]:
        member = session.get(StaffMember, actor.staff_id)
        name = member.display_name if member is not None else actor.display_name
        return {"staff_id": actor.staff_id, "display_name": name, "role": actor.role.value}


def _relayed(
    steps: Generator[Progress, None, ExportResult | None], index: int, total: int, name: str
) -> Generator[Progress, None, ExportResult | None]:
    """One client's progress as a step of the batch: "3 of 12: Zoë Łukasiewicz — Photo #4 (IMG_0001.jpg)"."""
    while True:
        try:
            inner = next(steps)
        except StopIteration as finished:
            return finished.value
        except BaseException:
            steps.close()
            raise
        try:
            yield Progress(index, total, f"{index + 1} of {total}: {name} — {inner.text}")
        except GeneratorExit:
            steps.close()  # the file being written is abandoned by its own clean-up
            raise


def _record_detail(options: RecordOptions, where: Path | str) -> str:
    parts = ["record PDF", "with health answers" if options.with_health else "without health answers"]
    parts.append("with photos" if options.with_photos else "without photos")
    return f"{', '.join(parts)} to {where}"


def _revision(session: Session) -> str:
    try:
        return str(session.scalar(text("SELECT version_num FROM alembic_version")) or "")
    except Exception:  # a database made without Alembic (some tests): the export still says what it can
        session.rollback()
        return ""


def _controller(session: Session) -> dict[str, object]:
    studio = session.scalars(select(Studio).order_by(Studio.id).limit(1)).first()
    if studio is None:
        return {}
    return {
        "name": studio.name,
        "address": studio.address,
        "phone": studio.phone,
        "email": studio.email,
        "website": studio.website,
        "country": studio.country,
    }


def _reason(exc: Exception, target: Path) -> str:
    if isinstance(exc, OSError):
        return f"{target} could not be written ({exc.strerror or exc}); check the folder and the free space."
    return str(exc)

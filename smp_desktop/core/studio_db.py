"""Opening one studio: its database (checked at start, migrated with a backup first, or opened read-only) and the
services every front door uses."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from smp_desktop.core.db import faults, health, migrate
from smp_desktop.core.db.engine import BUSY_TIMEOUT_MS, make_engine, make_session_factory, sqlite_url
from smp_desktop.core.db.health import DamageKind, Diagnosis
from smp_desktop.core.db.location import storage_warning
from smp_desktop.core.db.start_check import record_clean_close, take_clean_close
from smp_desktop.core.services.clients import ClientService
from smp_desktop.core.services.studio import StudioService
from smp_desktop.paths import StudioPaths

if TYPE_CHECKING:
    from smp_desktop.core.documents.layout import Letterhead
    from smp_desktop.core.services.consents import ConsentService
    from smp_desktop.core.services.documents import DocumentService
    from smp_desktop.core.services.exports import ExportService
    from smp_desktop.core.services.hairlines import HairlineService
    from smp_desktop.core.services.ink import InkService
    from smp_desktop.core.services.ink_documents import InkDocuments
    from smp_desktop.core.services.maintenance import MaintenanceService
    from smp_desktop.core.services.photos import PhotoService
    from smp_desktop.core.services.removal_documents import RemovalPlanDocuments
    from smp_desktop.core.services.removals import RemovalService
    from smp_desktop.core.services.sessions import SessionService
    from smp_desktop.core.services.stored_documents import StoredDocumentService

ENV_DATABASE_URL = "SMP_DATABASE_URL"

log = logging.getLogger(__name__)


class StudioOpenError(Exception):
    """The studio database cannot be opened; the message says why and what to do."""


class DatabaseDamaged(StudioOpenError):
    """The database file is damaged. It was kept aside unchanged (never overwritten, never replaced by an empty
    database): the studio stays closed until a backup is restored or a new studio is asked for."""

    def __init__(self, diagnosis: Diagnosis, kept_at: Path | None, reason_not_moved: str = "") -> None:
        self.diagnosis = diagnosis
        self.kept_at = kept_at
        if kept_at is not None:
            where = f"The damaged file is kept, unchanged, in {kept_at.parent}; nothing was deleted."
        else:
            where = f"The file was left where it is, unchanged ({reason_not_moved})."
        super().__init__(f"{diagnosis.explanation} {where} Restore a backup to continue, or start a new studio.")


class StudioInUse(StudioOpenError):
    """Another program holds the studio database locked."""


class Services:
    """The services of one open studio, one of each, shared by every front door (window, CLI, benchmark).

    Each is made on first use, with its module: opening a studio for the client list loads the client and studio
    services only, not the maintenance (and the photo store it checks), documents, ink, removal, consent and export
    code (and their tables' models), which is most of the start-up's import time (issue #8's cold start). Making one
    is thread-safe (cached_property holds a lock while it builds), so a worker thread may be the first to ask."""

    def __init__(
        self, sessions: sessionmaker[Session], engine: Engine, paths: StudioPaths, today: Callable[[], date], *,
        read_only: bool,
    ) -> None:  # fmt: skip
        self._sessions = sessions
        self._engine = engine
        self._paths = paths
        self._today = today
        self._read_only = read_only
        self.studio = StudioService(sessions)
        self.clients = ClientService(sessions, today=today)

    @cached_property
    def maintenance(self) -> MaintenanceService:
        """The database check and upgrade (and the photo store's reconciliation)."""
        from smp_desktop.core.services.maintenance import MaintenanceService

        return MaintenanceService(self._engine, self._paths, read_only=self._read_only)

    @cached_property
    def hairlines(self) -> HairlineService:
        from smp_desktop.core.services.hairlines import HairlineService

        return HairlineService(self._sessions)

    @cached_property
    def sessions(self) -> SessionService:
        from smp_desktop.core.services.sessions import SessionService

        return SessionService(self._sessions, today=self._today, consent_documents=self._paths.documents)

    @cached_property
    def photos(self) -> PhotoService:
        from smp_desktop.core.services.photos import PhotoService

        return PhotoService(self._sessions, self._paths.photos, self._paths.cache)

    @cached_property
    def ink(self) -> InkService:
        from smp_desktop.core.services.ink import InkService

        return InkService(self._sessions, today=self._today)

    @cached_property
    def ink_documents(self) -> InkDocuments:
        """Ink information sheet, ink passport, recall list and letters (PDF)."""
        from smp_desktop.core.services.ink_documents import InkDocuments

        return InkDocuments(self._sessions, self.ink, self.sessions, self.studio, self._paths.root, today=self._today)

    @cached_property
    def removals(self) -> RemovalService:
        from smp_desktop.core.removal import STUDIO_RULES_FILE
        from smp_desktop.core.services.removals import RemovalService

        return RemovalService(self._sessions, today=self._today, rules_file=self._paths.root / STUDIO_RULES_FILE)

    @cached_property
    def documents(self) -> StoredDocumentService:
        """Files kept on a client or a lot (scans, safety data sheets), content-addressed under documents/."""
        from smp_desktop.core.services.stored_documents import StoredDocumentService

        return StoredDocumentService(self._sessions, self._paths.documents)

    @cached_property
    def consents(self) -> ConsentService:
        from smp_desktop.core.services.consents import ConsentService

        return ConsentService(self._sessions, self.documents, self._letterhead)

    @cached_property
    def client_documents(self) -> DocumentService:
        """PDFs made for a client: aftercare sheets (core/services/documents.py)."""
        from smp_desktop.core.services.documents import DocumentService

        return DocumentService(self._sessions, self.studio, self.sessions, self._paths.root)

    @cached_property
    def exports(self) -> ExportService:
        """The record PDF, the data-subject ZIP, many clients at once (core/services/exports.py)."""
        from smp_desktop.core.services.exports import ExportService

        return ExportService(self._sessions, self._paths, today=self._today)

    @cached_property
    def removal_documents(self) -> RemovalPlanDocuments:
        """The removal-plan PDF (core/services/removal_documents.py)."""
        from smp_desktop.core.services.removal_documents import RemovalPlanDocuments

        return RemovalPlanDocuments(
            self.removals, self.photos, self.studio, self._paths.root, self._paths.cache, today=self._today
        )

    def _letterhead(self) -> Letterhead:
        from smp_desktop.core.documents.layout import Letterhead  # the PDF layout loads with the first document

        return Letterhead.from_studio(self.studio, self._paths.root)


class OpenStudio:
    """An open studio: the engine, the session factory and the services built on them.

    read_only: the data folder or database cannot be written; read_only_reason is the banner's sentence.
    storage_warning: the data folder is on a network share or in a cloud-sync folder (see core.db.location)."""

    def __init__(
        self,
        paths: StudioPaths,
        engine: Engine,
        today: Callable[[], date] = date.today,
        *,
        read_only_reason: str | None = None,
        storage_warning: str | None = None,
    ) -> None:
        self.paths = paths
        self.engine = engine
        self.read_only_reason = read_only_reason
        self.storage_warning = storage_warning
        self.sessions: sessionmaker[Session] = make_session_factory(engine)
        self.services = Services(self.sessions, engine, paths, today, read_only=self.read_only)
        self.last_upgrade: migrate.UpgradeResult | None = None
        # When the studio's own SQLite file was last quick-checked (at this open, or trusted from a clean close):
        # noted again when it closes, so that the next start may skip the check (core/db/start_check.py).
        self.checked_at: datetime | None = None

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    def close(self) -> None:
        self.engine.dispose()
        if self.checked_at is not None and not self.read_only:
            record_clean_close(self.paths, self.checked_at)
            self.checked_at = None  # a second close notes nothing (the first one's note still stands)

    def __enter__(self) -> OpenStudio:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def database_url(paths: StudioPaths, override: str | None = None) -> str:
    """A server URL from --database-url or SMP_DATABASE_URL, else the studio's own SQLite file."""
    return override or os.environ.get(ENV_DATABASE_URL) or sqlite_url(paths.database)


def open_studio(
    paths: StudioPaths,
    *,
    url: str | None = None,
    upgrade: bool = True,
    today: Callable[[], date] = date.today,
    start_new_after_damage: bool = False,
) -> OpenStudio:
    """Open (creating the folders and database if needed), check and bring the schema up to date.

    The studio's own SQLite file is classified first and quick-checked: a damaged file is kept aside and
    DatabaseDamaged raised. After that, a missing database is not silently created again unless
    start_new_after_damage (the person chose a new, empty studio over restoring a backup)."""
    url = database_url(paths, url)
    own_file = url == sqlite_url(paths.database)
    _ensure_folders(paths, keep_going=own_file and paths.database.exists())
    read_only_reason = warning = None
    if own_file:
        _refuse_damaged(paths, start_new_after_damage)
        read_only_reason = _read_only_reason(paths)
        warning = storage_warning(paths.root)
        if warning:
            log.warning("%s", warning)
    try:
        read_only = read_only_reason is not None
        engine, result, checked_at = _connect(paths, url, own_file=own_file, read_only=read_only, upgrade=upgrade)
    except migrate.DatabaseTooNew as exc:
        raise StudioOpenError(str(exc)) from exc

    except faults.DatabaseCorrupt as exc:
        if not own_file:
            raise StudioOpenError(f"The studio database is damaged: {exc.detail}. Restore it from a backup.") from exc
        raise _damaged(paths, health.failed_check([exc.detail])) from exc
    except faults.DatabaseBusy as exc:
        which = f"The studio database {paths.database}" if own_file else "The studio database"
        raise StudioInUse(
            f"{which} is in use by another program (SMP Desktop "
            f"waited {BUSY_TIMEOUT_MS // 1000} seconds for it). Close the other copy of SMP Desktop, or the program "
            "using the file, and open the studio again."
        ) from exc
    except (faults.StorageFault, OperationalError, DBAPIError, sqlite3.DatabaseError) as exc:
        raise StudioOpenError(_explain(exc, paths)) from exc
    studio = OpenStudio(paths, engine, today=today, read_only_reason=read_only_reason, storage_warning=warning)
    studio.last_upgrade = result
    studio.checked_at = checked_at
    return studio


def _ensure_folders(paths: StudioPaths, *, keep_going: bool) -> None:
    try:
        paths.ensure()
    except OSError as exc:
        if keep_going:  # a read-only data folder with a database in it: open it read-only
            log.info("cannot create the folders of %s: %s", paths.root, exc)
            return
        raise StudioOpenError(
            f"Cannot create the data folder {paths.root}: {exc.strerror}. Choose another folder."
        ) from exc


def _refuse_damaged(paths: StudioPaths, start_new_after_damage: bool) -> None:
    try:
        found = health.inspect_file(paths.database)
    except OSError as exc:  # no permission to read it, or a folder where the file should be
        raise StudioOpenError(
            f"SMP Desktop cannot read the studio database {paths.database}: {exc.strerror or exc}. Check that it "
            "is a file you may read, or choose another data folder."
        ) from exc
    if found.damaged:
        raise _damaged(paths, found)
    earlier = health.kept_aside(paths)
    if found.kind is DamageKind.MISSING and earlier and not start_new_after_damage:
        raise DatabaseDamaged(
            Diagnosis(
                DamageKind.KEPT_ASIDE,
                "The studio database was found damaged earlier and kept aside; nothing has taken its place yet.",
            ),
            earlier[-1],
        )


def _damaged(paths: StudioPaths, diagnosis: Diagnosis) -> DatabaseDamaged:
    log.error("studio database %s is damaged (%s): %s", paths.database, diagnosis.kind, "; ".join(diagnosis.findings))
    try:
        return DatabaseDamaged(diagnosis, health.keep_aside(paths, diagnosis))
    except OSError as exc:
        log.error("could not keep %s aside: %s", paths.database, exc)
        return DatabaseDamaged(diagnosis, None, f"it could not be moved aside: {exc.strerror or exc}")


def _read_only_reason(paths: StudioPaths) -> str | None:
    """Why the studio must open read-only, as a banner's sentence, or None when it can be written."""
    database = paths.database
    if not os.access(paths.root, os.W_OK):
        why = f"The data folder {paths.root} cannot be written"
    else:
        files = [database.with_name(database.name + suffix) for suffix in ("", "-wal", "-shm")]
        locked = next((f for f in files if f.exists() and not os.access(f, os.W_OK)), None)
        if locked is None:
            return None
        why = f"The file {locked} cannot be written"
    if not database.exists():
        raise StudioOpenError(f"{why}, so a new studio cannot be created there. Choose another data folder.")
    return f"{why}, so the studio is open read-only: records can be looked up, but nothing can be saved."


def _connect(
    paths: StudioPaths, url: str, *, own_file: bool, read_only: bool, upgrade: bool
) -> tuple[Engine, migrate.UpgradeResult | None, datetime | None]:
    """The engine, the upgrade's result and, for the studio's own file, when it was last quick-checked."""
    engine = make_engine(url, read_only=read_only)
    checked_at = None
    try:
        if own_file:  # the quick integrity check at start, unless a clean close since the last one vouches for it
            checked_at = None if read_only else take_clean_close(paths)
            if checked_at is None:
                with engine.connect() as connection:
                    problems = health.quick_check(connection)
                if problems:
                    raise _damaged_after(engine, paths, problems)
                checked_at = datetime.now(UTC)
        if upgrade and not read_only:
            if own_file:
                upgraded = migrate.upgrade(engine, None, back_up=lambda _: _back_up_before_upgrade(engine, paths))
                return engine, upgraded, checked_at
            return engine, migrate.upgrade(engine, paths.backups), None  # another SQLite file: an online copy
        revision = migrate.check_not_newer(engine)
        if read_only and upgrade and revision is None:
            raise StudioOpenError(
                f"The studio database {paths.database} holds no studio yet and cannot be written, so no studio can "
                "be created in it. Choose a data folder you may write to."
            )
        if read_only and upgrade and revision != migrate.SCHEMA_HEAD:
            raise StudioOpenError(
                f"The studio database {paths.database} must be upgraded to open in this version of SMP Desktop, but it "
                "cannot be written. Open it from a folder you may write to, or with the version that saved it."
            )
        return engine, None, checked_at
    except BaseException:
        engine.dispose()
        raise


def _back_up_before_upgrade(engine: Engine, paths: StudioPaths) -> Path:
    from smp_desktop.core.backups.before_upgrade import back_up_before_upgrade
    from smp_desktop.core.backups.errors import BackupFailed

    try:
        return back_up_before_upgrade(engine, paths)
    except BackupFailed as exc:
        raise StudioOpenError(str(exc)) from exc


def _damaged_after(engine: Engine, paths: StudioPaths, problems: tuple[str, ...]) -> DatabaseDamaged:
    engine.dispose()  # its connections must be closed before the file is moved
    return _damaged(paths, health.failed_check(problems))


def _explain(exc: Exception, paths: StudioPaths) -> str:
    if isinstance(exc, faults.DiskFull):
        return (
            f"The disk holding {paths.root} is full, so the studio database could not be prepared. "
            "Free some space and open the studio again."
        )
    if isinstance(exc, faults.StorageFault) and not isinstance(exc, faults.ReadOnlyStudio):
        return (
            f"The studio database {paths.database} could not be read: the disk reported an error ({exc.detail}). "
            "Check that the disk (or external drive) is connected and open the studio again."
        )
    text = (exc.detail if isinstance(exc, faults.StorageFault) else str(getattr(exc, "orig", exc))).lower()
    if "readonly" in text or "read-only" in text or "permission" in text or "unable to open" in text:
        return (
            f"SMP Desktop cannot write to {paths.root}. Check that the folder exists and that you may write to it, "
            "or choose another data folder with --data-dir."
        )
    return f"The studio database could not be opened: {getattr(exc, 'orig', exc)}"

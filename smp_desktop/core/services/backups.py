"""Backups as a use case: who may take one, where they go (the studio's settings), when the app should warn or
back up again, and the hand-over to a restore (which runs on a closed studio, see core/backups/restore.py)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from smp_desktop.core.backups import (
    BackupFailed,
    BackupRecord,
    RestoreReport,
    RotationPolicy,
    catalogue,
    restore_studio,
    write_backup,
)
from smp_desktop.core.backups.catalogue import remember_backup_folder
from smp_desktop.core.backups.studio_files import files_fingerprint, scan_studio_files
from smp_desktop.core.backups.writer import ensure_backup_folder
from smp_desktop.core.db.engine import is_sqlite
from smp_desktop.core.models import AuditEvent
from smp_desktop.core.services import audit
from smp_desktop.core.services.access import Actor, Permission, require
from smp_desktop.core.services.studio import DEFAULT_SETTINGS, StudioService
from smp_desktop.paths import StudioPaths

if TYPE_CHECKING:
    from smp_desktop.core.studio_db import OpenStudio

WARN_AFTER = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class RestoreRequest:
    """A restore the actor may do, ready to run once the studio is closed: `studio.close()`, `request.run()`,
    then `open_studio(request.paths)` again."""

    paths: StudioPaths
    backup: Path
    safety_folder: Path

    def run(self, *, now: datetime | None = None) -> RestoreReport:
        return restore_studio(self.paths, self.backup, safety_folder=self.safety_folder, now=now)


class BackupService:
    def __init__(self, engine: Engine, sessions: sessionmaker[Session], paths: StudioPaths) -> None:
        self._engine = engine
        self._sessions = sessions
        self._paths = paths
        self._studio = StudioService(sessions)

    @classmethod
    def for_studio(cls, studio: OpenStudio) -> BackupService:
        return cls(studio.engine, studio.sessions, studio.paths)

    @property
    def supported(self) -> bool:
        """Backups here copy the studio's own SQLite file; a server database is backed up on the server."""
        return is_sqlite(self._engine)

    def folder(self) -> Path:
        """The studio's backup folder setting (an external drive is typical), else <data folder>/backups."""
        configured = self._studio.setting("backup_folder")
        return Path(configured).expanduser() if isinstance(configured, str) and configured else self._paths.backups

    def policy(self) -> RotationPolicy:
        def count(key: str) -> int:
            value = self._studio.setting(key)
            return value if isinstance(value, int) and value >= 0 else int(DEFAULT_SETTINGS[key])

        return RotationPolicy(count("backup_keep_daily"), count("backup_keep_weekly"), count("backup_keep_monthly"))

    def back_up(
        self, actor: Actor, reason: str = "manual", to: Path | None = None, *, now: datetime | None = None
    ) -> BackupRecord:
        """Write and verify a backup into `to` (default: the backup folder); after a good one, rotate that folder.
        The returned record's verification says whether it can be relied on. Raises BackupFailed when no backup
        could be written at all."""
        require(actor, Permission.MANAGE_DATABASE)
        if not self.supported:
            raise BackupFailed(
                "This studio's database is on a server; back it up there (e.g. with pg_dump). "
                "SMP Desktop backs up a studio's own SQLite file."
            )
        folder = Path(os.path.abspath((to or self.folder()).expanduser()))
        ensure_backup_folder(folder)  # an unplugged drive fails here, before anything is recorded
        with self._sessions.begin() as session:  # recorded first, so the backup holds its own audit event
            audit.record(session, actor, "backup", "studio", None, f"{reason} to {folder}")
        record = write_backup(self._database, self._paths.root, folder, reason, now=now, rotation=self.policy())
        if to is None and record.ok:
            remember_backup_folder(self._paths.root, folder)
        return record

    def set_folder(self, actor: Actor, folder: Path) -> None:
        """Make folder the studio's backup folder (a setting, and a note in the data folder that a damaged
        database's recovery can still read)."""
        self._studio.set_setting(actor, "backup_folder", str(folder))
        remember_backup_folder(self._paths.root, folder)

    def list_backups(self, folder: Path | None = None) -> list[BackupRecord]:
        """The backups in folder (default: the backup folder), newest first, with the pre-upgrade database copies
        that `db upgrade` leaves in <data folder>/backups when the backup folder is elsewhere."""
        folder = folder or self.folder()
        records = catalogue.list_backups(folder)
        if _differs(folder, self._paths.backups):
            records += [r for r in catalogue.list_backups(self._paths.backups) if r.kind == "database-copy"]
            records.sort(key=lambda r: (r.created_at, r.name), reverse=True)
        return records

    def last_good_backup(self) -> BackupRecord | None:
        return next((r for r in catalogue.list_backups(self.folder()) if r.ok), None)

    def last_good_backup_age(self, now: datetime | None = None) -> timedelta | None:
        last = self.last_good_backup()
        return None if last is None else (now or datetime.now(UTC)) - last.created_at

    def needs_backup_warning(self, now: datetime | None = None) -> bool:
        """True when the app should say so: no good backup in the backup folder, or the newest is over a day old
        (an unplugged backup drive shows as no backup)."""
        if not self.supported:
            return False
        age = self.last_good_backup_age(now)
        return age is None or age > WARN_AFTER

    def has_changes_since_last_backup(self) -> bool:
        """Cheap enough to ask every few minutes: compares the newest audit event and the photo/document files'
        names, sizes and times with those recorded by the last good backup. Reads no file contents."""
        if not self.supported:
            return False
        last = self.last_good_backup()
        if last is None or last.marker is None:
            return True
        with self._sessions() as session:
            newest_event = session.scalar(select(func.max(AuditEvent.id)))
        if newest_event != last.marker.last_audit_event_id:
            return True
        return files_fingerprint(scan_studio_files(self._paths.root)) != last.marker.files_fingerprint

    def prepare_restore(self, actor: Actor, backup: Path | BackupRecord) -> RestoreRequest:
        """Checks the actor may restore; the returned request runs after the caller has closed the studio."""
        require(actor, Permission.MANAGE_DATABASE)
        path = backup.path if isinstance(backup, BackupRecord) else backup
        return RestoreRequest(self._paths, path, self.folder())

    @property
    def _database(self) -> Path:
        return Path(self._engine.url.database or self._paths.database)


def _differs(a: Path, b: Path) -> bool:
    try:
        return a.resolve() != b.resolve()
    except OSError:
        return True

"""Database health: the full check behind `db check`, and its plain-language report."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, func, inspect, select, text

from smp_desktop.core.db import faults, migrate
from smp_desktop.core.models import Photo
from smp_desktop.core.photos.reconcile import StoredPhoto, reconcile
from smp_desktop.core.photos.store import PhotoStore
from smp_desktop.paths import StudioPaths

MAX_LINES = 20  # per kind of problem; a badly damaged file can list thousands


@dataclass(frozen=True, slots=True)
class CheckReport:
    problems: tuple[str, ...]
    checked: tuple[str, ...]

    @property
    def healthy(self) -> bool:
        return not self.problems


class MaintenanceService:
    def __init__(self, engine: Engine, paths: StudioPaths, *, read_only: bool = False) -> None:
        self._engine = engine
        self._paths = paths
        self._read_only = read_only

    def check(self) -> CheckReport:
        problems: list[str] = []
        checked: list[str] = []
        revision = migrate.current_revision(self._engine)
        head = migrate.head_revision()
        checked.append(f"schema version {revision} (this app: {head})")
        if revision != head:
            problems.append(f"The database schema is at {revision}, not {head}: run `db upgrade`.")
        if self._engine.dialect.name == "sqlite":
            with self._engine.connect() as connection:
                self._check_sqlite(connection, problems, checked)
        else:
            with self._engine.connect() as connection:
                connection.execute(text("SELECT 1"))
                checked.append("server connection")
        problems.extend(self._orphan_files())
        checked.append("files in photos/ and documents/")
        return CheckReport(tuple(problems), tuple(checked))

    def _check_sqlite(self, connection: Connection, problems: list[str], checked: list[str]) -> None:
        checked.append("database file integrity")
        try:
            rows = [r[0] for r in connection.exec_driver_sql("PRAGMA integrity_check")]
        except faults.DatabaseCorrupt as exc:  # too damaged for the check to run to its end
            rows = [exc.detail]
        if rows != ["ok"]:
            problems.extend(
                f"The database file is damaged ({row}): some records may be missing or wrong. Restore a backup."
                for row in rows[:MAX_LINES]
            )
            return  # the checks below would only repeat the damage in other words
        fk_rows = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
        checked.append("links between records (foreign keys)")
        for table, rowid, parent, _ in fk_rows[:MAX_LINES]:
            problems.append(f"A {table} record (row {rowid}) points to a missing {parent} record.")
        if self._read_only:  # FTS5 runs its check as a write, which a read-only file refuses
            checked.append("client search indexes: not checked, the studio is open read-only")
            return
        # --- SQLite dialect branch: the client search indexes must match the client table.
        for index in ("client_words", "client_fts"):
            try:
                connection.execute(text(f"INSERT INTO {index}({index}, rank) VALUES ('integrity-check', 1)"))
            except faults.DatabaseCorrupt as exc:  # FTS5 reports a mismatch as "database disk image is malformed"
                problems.append(
                    f"The client search index ({index}) does not match the clients ({exc.detail}): some clients may "
                    "not be found by search."
                )
        checked.append("client search indexes")
        connection.rollback()

    def _orphan_files(self) -> list[str]:
        """The photo store reconciled with the photo records (missing, damaged and orphan files), and the documents
        store with the stored documents (core/stored_documents_check.py)."""
        from smp_desktop.core.stored_documents_check import document_store_problems

        problems = self._photo_store_problems()
        with self._engine.connect() as connection:
            found = document_store_problems(connection, self._paths.root, self._paths.documents)
        problems.extend(_capped(found, "problems with the files in documents/"))
        return problems

    def _photo_store_problems(self) -> list[str]:
        store = PhotoStore(self._paths.photos)
        with self._engine.connect() as connection:
            if not inspect(connection).has_table("photo"):  # a schema from before photos: every file is an orphan
                records: list[StoredPhoto] = []
            else:
                rows = connection.execute(
                    select(
                        Photo.stored_name, Photo.content_hash, func.min(Photo.id), func.min(Photo.original_filename)
                    ).group_by(Photo.stored_name, Photo.content_hash)
                ).all()
                records = [StoredPhoto(name, digest, photo_id, original) for name, digest, photo_id, original in rows]
        found = reconcile(store, records, prefix=self._paths.photos.relative_to(self._paths.root).as_posix())
        return [
            *_capped(list(found.missing), "photos whose file is missing"),
            *_capped(list(found.damaged), "photo files that do not match their fingerprint"),
            *_capped(list(found.strays), "files that no record refers to"),
        ]

    def upgrade(self) -> migrate.UpgradeResult:
        """Migrate to this version's schema; the studio's own SQLite file gets a full verified backup first."""
        if self._engine.url.database and Path(self._engine.url.database) == self._paths.database:
            from smp_desktop.core.backups.before_upgrade import back_up_before_upgrade

            engine, paths = self._engine, self._paths
            return migrate.upgrade(engine, None, back_up=lambda _: back_up_before_upgrade(engine, paths))
        return migrate.upgrade(self._engine, self._paths.backups)


def _capped(lines: list[str], what: str) -> list[str]:
    if len(lines) <= MAX_LINES:
        return lines
    return [*lines[:MAX_LINES], f"… and {len(lines) - MAX_LINES} more {what}."]

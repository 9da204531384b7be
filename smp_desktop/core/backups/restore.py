"""Restoring a studio from a backup, on a CLOSED studio: verify, take a safety backup, stage, check, then switch.

The protocol for a front door: close the studio (dispose its engine), call restore_studio, then open the studio
again with open_studio (which migrates a backup from an older schema). restore_studio refuses to run while another
connection has the database open. It needs no actor: it is also how a studio whose database is too damaged to
open gets its data back; a front door with an open studio checks the actor first (BackupService.prepare_restore).

Each file is switched atomically (os.replace). If the process dies during the switch, some photos may be restored
and the database not yet: running the same restore again finishes it (identical files are left alone).
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Literal

from smp_desktop.core.backups.errors import BackupFailed, RestoreIncomplete, RestoreRefused, missing_place
from smp_desktop.core.backups.manifest import (
    DATABASE_NAME,
    MANIFEST_NAME,
    STORE_NAME,
    BackupRecord,
    FileEntry,
    Manifest,
    folder_stamp,
    read_manifest,
    safe_relative_path,
)
from smp_desktop.core.backups.store import copy_atomically, sha256_of
from smp_desktop.core.backups.studio_files import scan_studio_files
from smp_desktop.core.backups.verify import inspect_database, verify_backup
from smp_desktop.core.backups.writer import write_backup
from smp_desktop.core.db.backup import BackupError, fsync_dir, online_backup
from smp_desktop.paths import StudioPaths

log = logging.getLogger(__name__)

ASIDE_FOLDER = "restored-aside"
STAGED_SUFFIX = ".restoring"
STAGING_FOLDER = ".restoring-files"
SIDE_FILES = ("-wal", "-shm", "-journal")  # an old WAL or hot journal must never meet the restored database

CurrentState = Literal["absent", "studio", "unusable"]


@dataclass(frozen=True, slots=True)
class RestoreReport:
    source: Path
    source_created_at: datetime | None
    schema_revision: str | None
    safety_backup: BackupRecord | None  # None when there was no usable studio to back up (see notes)
    files_copied: int
    files_unchanged: int
    set_aside: Path | None  # restored-aside/<stamp>/ when anything was moved there
    set_aside_files: int
    notes: tuple[str, ...]


def restore_studio(
    paths: StudioPaths,
    backup: Path | BackupRecord,
    *,
    safety_folder: Path | None = None,
    now: datetime | None = None,
) -> RestoreReport:
    """Replace the studio in paths with backup (a backup folder, its manifest.json, or a bare .sqlite copy).

    Raises RestoreRefused, with the current studio untouched, when the backup fails its verification, the
    current studio is open elsewhere, no safety backup could be made, or the restored database fails its checks."""
    at = now or datetime.now(UTC)
    folder, source_db = _locate(paths, backup.path if isinstance(backup, BackupRecord) else Path(backup))
    manifest = _verified_manifest(folder) if folder else None
    if folder is None:
        _check_database_copy(source_db)
    notes: list[str] = []
    state = _current_state(paths.database)
    safety = _safety_backup(paths, state, safety_folder or paths.backups, at, notes)

    staged_db = paths.database.with_name(DATABASE_NAME + STAGED_SUFFIX)
    staging = paths.root / STAGING_FOLDER
    _remove_database_files(staged_db)
    shutil.rmtree(staging, ignore_errors=True)
    try:
        try:
            revision = _stage_database(source_db, staged_db)
            _note_restore(staged_db, folder or source_db, manifest.created_at if manifest else None, at)
            copies, unchanged = _stage_files(paths.root, folder, manifest, staging) if manifest else ([], 0)
        except OSError as exc:
            raise RestoreRefused(
                f"The backup could not be prepared for the restore ({exc.strerror or exc}: {exc.filename}), "
                "so nothing was changed."
            ) from exc
        aside = _unused(paths.root / ASIDE_FOLDER / folder_stamp(at))
        try:
            moved_aside = _switch(paths, manifest, copies, staged_db, aside, keep_old_database=safety is None)
        except OSError as exc:
            undo = f" The studio as it was is in the safety backup {safety.path}." if safety else ""
            raise RestoreIncomplete(
                f"The restore stopped part-way ({exc.strerror or exc}: {exc.filename}). Free the disk or fix the "
                f"cause, then run the same restore again.{undo}"
            ) from exc
    finally:
        _remove_database_files(staged_db)
        shutil.rmtree(staging, ignore_errors=True)

    if manifest is None:
        notes.append("A database copy holds no photos or documents; those in the data folder were left as they are.")
    log.info("restored %s from %s (%d file(s) copied, %d set aside)", paths.root, source_db, len(copies), moved_aside)
    return RestoreReport(
        source=folder or source_db,
        source_created_at=manifest.created_at if manifest else None,
        schema_revision=revision,
        safety_backup=safety,
        files_copied=len(copies),
        files_unchanged=unchanged,
        set_aside=aside if moved_aside else None,
        set_aside_files=moved_aside,
        notes=tuple(notes),
    )


def _locate(paths: StudioPaths, path: Path) -> tuple[Path | None, Path]:
    """(backup folder or None, the database file to restore)."""
    if not path.exists():
        raise RestoreRefused(f"The backup cannot be found: {missing_place(path)}")
    if path.is_file() and path.name == MANIFEST_NAME:
        path = path.parent
    if path.is_dir():
        if not (path / MANIFEST_NAME).is_file():
            raise RestoreRefused(f"{path} is not an SMP Desktop backup (it holds no {MANIFEST_NAME}).")
        return path, path / DATABASE_NAME
    if path.resolve() == paths.database.resolve():
        raise RestoreRefused(f"{path} is the studio's own database; choose a backup to restore.")
    return None, path


def _verified_manifest(folder: Path) -> Manifest:
    verification = verify_backup(folder)
    if not verification.ok:
        raise RestoreRefused(
            f"The backup {folder.name} failed its check, so nothing was restored:\n"
            + "\n".join(f"  - {problem}" for problem in verification.problems)
        )
    return read_manifest(folder)


def _check_database_copy(database: Path) -> None:
    facts = inspect_database(database)
    if facts.problems:
        raise RestoreRefused(
            f"{database} cannot be restored, so nothing was changed:\n"
            + "\n".join(f"  - {problem}" for problem in facts.problems)
        )


def _current_state(database: Path) -> CurrentState:
    """Whether there is a studio to back up first, refusing if anyone has it open.

    Leaving WAL mode needs the only connection to the database, so it doubles as the "is it open elsewhere?"
    test (and folds any WAL content into the file). A file that is damaged or not a studio is not touched."""
    if not database.exists():
        return "absent"
    connection = sqlite3.connect(database, timeout=2)
    connection.isolation_level = None
    try:
        if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            return "unusable"
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"alembic_version", "studio"} <= tables:
            return "unusable"
        connection.execute("PRAGMA journal_mode=DELETE").fetchone()
    except sqlite3.OperationalError as exc:  # busy, locked, cannot open, I/O error: not a kind of damage
        if "locked" in str(exc) or "busy" in str(exc):
            raise RestoreRefused(
                f"The studio in {database.parent} is open in SMP Desktop or another program. "
                "Close it, then restore again; nothing was changed."
            ) from exc
        raise RestoreRefused(
            f"The current studio database {database} cannot be read ({exc}), so it cannot be kept safe first; "
            "nothing was changed. Move it elsewhere yourself if it must be replaced."
        ) from exc
    except sqlite3.DatabaseError:  # not a database, or malformed
        return "unusable"
    finally:
        connection.close()
    return "studio"


def _safety_backup(
    paths: StudioPaths, state: CurrentState, folder: Path, at: datetime, notes: list[str]
) -> BackupRecord | None:
    if state == "absent":
        notes.append("There was no studio database to back up first.")
        return None
    if state == "unusable":
        notes.append(
            "The studio database was damaged (or not a studio), so no safety backup could be made; "
            f"it was kept in {ASIDE_FOLDER}/ instead."
        )
        return None
    try:
        record = write_backup(paths.database, paths.root, folder, "before-restore", now=at)
    except BackupFailed as exc:
        raise RestoreRefused(
            f"No safety backup of the current studio could be made, so nothing was restored: {exc}"
        ) from exc
    if not record.ok:
        raise RestoreRefused(
            f"The safety backup of the current studio ({record.path}) failed its check, so nothing was restored: "
            + "; ".join(record.verification.problems if record.verification else ())
        )
    return record


def _stage_database(source: Path, staged: Path) -> str | None:
    try:
        online_backup(source, staged)
    except BackupError as exc:
        raise RestoreRefused(f"The backup's database could not be copied, so nothing was restored: {exc}") from exc
    facts = inspect_database(staged)
    if facts.problems:
        raise RestoreRefused(
            "The restored database failed its check, so the studio was not switched to it:\n"
            + "\n".join(f"  - {problem}" for problem in facts.problems)
        )
    return facts.schema_revision


def _note_restore(staged: Path, source: Path, created_at: datetime | None, at: datetime) -> None:
    """The restored studio's audit trail says it was restored, from what and when (no staff member: the restore
    runs with the studio closed, and the backup's staff list may differ from the one that chose it)."""
    backed_up = f", a backup of {created_at:%Y-%m-%d %H:%M} UTC" if created_at else ""
    detail = f"restored from {source}{backed_up}"
    connection = sqlite3.connect(staged)
    try:
        with connection:
            connection.execute(
                "INSERT INTO audit_event (at, staff_id, action, entity, entity_id, detail) "
                "VALUES (?, NULL, 'restore', 'studio', NULL, ?)",
                (at.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" "), detail),
            )
    except sqlite3.Error as exc:  # a database from before the audit trail: the restore goes on without the note
        log.warning("could not note the restore in the audit trail: %s", exc)
    finally:
        connection.close()


def _stage_files(
    root: Path, folder: Path | None, manifest: Manifest, staging: Path
) -> tuple[list[tuple[PurePosixPath, Path]], int]:
    """Copy from the store every listed file the data folder does not already hold byte for byte."""
    assert folder is not None
    store_root = folder.parent / STORE_NAME
    copies: list[tuple[PurePosixPath, Path]] = []
    unchanged = 0
    for entry in manifest.files:
        relative = safe_relative_path(entry.path)
        target = root / relative
        if _holds(target, entry):
            os.utime(target, ns=(entry.mtime_ns, entry.mtime_ns))
            unchanged += 1
            continue
        staged = staging / relative
        sha, _size = copy_atomically(store_root / entry.sha256[:2] / entry.sha256, staged)
        if sha != entry.sha256:
            raise RestoreRefused(f"{entry.path} changed in the backup's file store while it was restored.")
        os.utime(staged, ns=(entry.mtime_ns, entry.mtime_ns))
        copies.append((relative, staged))
    return copies, unchanged


def _holds(target: Path, entry: FileEntry) -> bool:
    try:
        if target.is_symlink() or not target.is_file() or target.stat().st_size != entry.size:
            return False
        return sha256_of(target) == entry.sha256
    except OSError:
        return False


def _switch(
    paths: StudioPaths,
    manifest: Manifest | None,
    copies: list[tuple[PurePosixPath, Path]],
    staged_db: Path,
    aside: Path,
    *,
    keep_old_database: bool,
) -> int:
    """The old database is kept aside first (the only step that copies, so the one most likely to fail), then the
    files are switched, then the database."""
    moved = 0
    database = paths.database
    if keep_old_database and database.exists():
        aside.mkdir(parents=True, exist_ok=True)
        try:
            os.link(database, aside / database.name)
        except OSError:  # a file system without hard links
            shutil.copy2(database, aside / database.name)
        moved += 1
    if manifest is not None:
        listed = {entry.path for entry in manifest.files}
        replaced = {relative.as_posix() for relative, _ in copies}
        for current in scan_studio_files(paths.root):
            if current.relative not in listed or current.relative in replaced:
                _move(current.path, aside / current.relative)
                moved += 1
        for relative, staged in copies:
            _move(staged, paths.root / relative)
    for suffix in SIDE_FILES:
        side = database.with_name(database.name + suffix)
        if side.exists():
            _move(side, aside / side.name)
            moved += 1
    os.replace(staged_db, database)
    fsync_dir(database.parent)
    return moved


def _unused(folder: Path) -> Path:
    """A set-aside folder no earlier restore has used: what is in one is never overwritten."""
    candidate, n = folder, 1
    while candidate.exists():
        n += 1
        candidate = folder.with_name(f"{folder.name}-{n}")
    return candidate


def _move(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)


def _remove_database_files(database: Path) -> None:
    for suffix in ("", *SIDE_FILES, ".partial"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)

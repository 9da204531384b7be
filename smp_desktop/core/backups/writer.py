"""Writing one backup: the database by SQLite's online backup API, photos and documents into the shared store,
a manifest, then a verification; built in a .partial folder and renamed into place only when complete."""

from __future__ import annotations

import errno
import json
import logging
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from smp_desktop import __version__
from smp_desktop.core.backups.catalogue import list_backups
from smp_desktop.core.backups.errors import BackupFailed, missing_place
from smp_desktop.core.backups.folder_lock import folder_lock
from smp_desktop.core.backups.manifest import (
    DATABASE_NAME,
    MANIFEST_NAME,
    STORE_NAME,
    VERIFIED_NAME,
    BackupRecord,
    FileEntry,
    Manifest,
    ManifestDamaged,
    check_reason,
    folder_stamp,
    read_manifest,
    record_from_manifest,
    write_json_atomically,
)
from smp_desktop.core.backups.rotation import RotationPolicy, rotate
from smp_desktop.core.backups.store import FileStore, sha256_of
from smp_desktop.core.backups.studio_files import files_fingerprint, scan_studio_files
from smp_desktop.core.backups.verify import immutable_uri, verify_backup
from smp_desktop.core.db.backup import BackupError, fsync_dir, online_backup

log = logging.getLogger(__name__)

PARTIAL_SUFFIX = ".partial"
# A backup hashes the files it adds to the shared store; every file of the store is hashed again when the folder's
# last full check is older than this (bit rot on a backup drive shows within a week, and a close-time backup of a
# studio with years of photos does not read them all every time).
FULL_CHECK_EVERY = timedelta(days=7)
FULL_CHECK_NAME = "full-check.json"


def write_backup(
    database: Path,
    data_root: Path,
    folder: Path,
    reason: str,
    *,
    now: datetime | None = None,
    rotation: RotationPolicy | None = None,
) -> BackupRecord:
    """Back up the studio whose database and photos/documents live at database and data_root into folder.

    Returns the new backup's record with its verification. When it verified OK and a rotation policy is given,
    older backups are pruned and unused stored files removed. Raises BackupFailed when no backup could be made."""
    check_reason(reason)
    at = now or datetime.now(UTC)
    if not database.is_file():
        raise BackupFailed(f"There is no studio database at {database} to back up.")
    ensure_backup_folder(folder)
    with _readable_os_errors(folder), folder_lock(folder):
        _clear_leftovers(folder)
        name = _unique_name(folder, f"{folder_stamp(at)}-{reason}")
        partial = folder / (name + PARTIAL_SUFFIX)
        try:
            partial.mkdir()
            manifest, added = _write_contents(database, data_root, folder, partial, reason, at)
            write_json_atomically(partial / MANIFEST_NAME, manifest.to_json())
            full_check = _full_check_due(folder, at)
            verification = verify_backup(partial, now=at, hash_only=None if full_check else added)
            write_json_atomically(partial / VERIFIED_NAME, verification.to_json())
            final = folder / name
            os.replace(partial, final)
            fsync_dir(folder)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
        record = record_from_manifest(final, manifest, verification)
        if full_check and verification.ok:
            write_json_atomically(folder / FULL_CHECK_NAME, {"full_check_at": at.isoformat()})
        if not verification.ok:
            log.error("backup %s failed its verification: %s", final, "; ".join(verification.problems))
        elif rotation is not None:
            try:
                rotate(folder, rotation, now=at, protect={final})
            except OSError:  # the new backup is good; old ones are pruned next time
                log.exception("could not prune old backups in %s", folder)
    return record


def ensure_backup_folder(folder: Path) -> None:
    """Create the backup folder if its parent exists; a missing parent usually means an unplugged drive, and
    creating folders on the computer's own disk in its place would only hide that."""
    if folder.is_dir():
        return
    if folder.exists():
        raise BackupFailed(f"The backup folder {folder} is a file, not a folder. Choose another folder.")
    if not folder.parent.is_dir():
        raise BackupFailed(f"The backup folder cannot be used: {missing_place(folder)}")
    try:
        folder.mkdir()
    except OSError as exc:
        raise BackupFailed(f"Cannot create the backup folder {folder}: {exc.strerror}.") from exc


def _full_check_due(folder: Path, at: datetime) -> bool:
    try:
        last = datetime.fromisoformat(json.loads((folder / FULL_CHECK_NAME).read_text("utf-8"))["full_check_at"])
    except (OSError, ValueError, KeyError, TypeError):
        return True
    return not (timedelta(0) <= at - last < FULL_CHECK_EVERY)


def _write_contents(
    database: Path, data_root: Path, folder: Path, partial: Path, reason: str, at: datetime
) -> tuple[Manifest, set[str]]:
    """The database copy and the files, and the hashes of the files this backup added to the store."""
    # The database first: a photo saved while the files are copied may then be in the backup without a record
    # pointing to it (harmless), never the other way round.
    copy = partial / DATABASE_NAME
    try:
        online_backup(database, copy)
    except BackupError as exc:
        raise BackupFailed(f"The studio database could not be read for the backup: {exc}") from exc
    revision, last_event = _marker_of(copy)
    files = scan_studio_files(data_root)
    known = _previous_hashes(folder)
    store = FileStore(folder / STORE_NAME)
    entries: list[FileEntry] = []
    added: set[str] = set()
    copied_files = copied_bytes = 0
    for f in files:
        try:
            sha, size, copied = store.add(f.path, known.get((f.relative, f.size, f.mtime_ns)))
        except FileNotFoundError:  # deleted since the scan: it is no longer part of the studio
            continue
        entries.append(FileEntry(f.relative, sha, size, f.mtime_ns))
        if copied:
            added.add(sha)
            copied_files += 1
            copied_bytes += size
    manifest = Manifest(
        app_version=__version__,
        schema_revision=revision,
        created_at=at,
        reason=reason,
        database_sha256=sha256_of(copy),
        database_size=copy.stat().st_size,
        files=tuple(entries),
        last_audit_event_id=last_event,
        files_fingerprint=files_fingerprint(files),
        copied_files=copied_files,
        copied_bytes=copied_bytes,
    )
    return manifest, added


def _marker_of(copy: Path) -> tuple[str | None, int | None]:
    connection = sqlite3.connect(immutable_uri(copy), uri=True)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revision = None
        if "alembic_version" in tables:
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        last_event = None
        if "audit_event" in tables:
            last_event = connection.execute("SELECT max(id) FROM audit_event").fetchone()[0]
        return revision, last_event
    except sqlite3.DatabaseError as exc:
        raise BackupFailed(f"The database copy cannot be read: {exc}") from exc
    finally:
        connection.close()


def _previous_hashes(folder: Path) -> dict[tuple[str, int, int], str]:
    """Hashes from the newest readable backup, by (path, size, modification time): an unchanged photo is not read
    again to learn that it is already in the store."""
    for record in list_backups(folder):
        if record.kind != "backup":
            continue
        try:
            manifest = read_manifest(record.path)
        except ManifestDamaged:
            continue
        return {(e.path, e.size, e.mtime_ns): e.sha256 for e in manifest.files}
    return {}


def _clear_leftovers(folder: Path) -> None:
    """A crash while writing or pruning leaves a .partial or .deleting folder; with the lock held, none is ours."""
    for entry in folder.iterdir():
        if entry.is_dir() and (entry.name.endswith(PARTIAL_SUFFIX) or entry.name.startswith(".deleting-")):
            shutil.rmtree(entry, ignore_errors=True)


def _unique_name(folder: Path, name: str) -> str:
    candidate, n = name, 1
    while (folder / candidate).exists() or (folder / (candidate + PARTIAL_SUFFIX)).exists():
        n += 1
        candidate = f"{name}-{n}"
    return candidate


@contextmanager
def _readable_os_errors(folder: Path) -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise BackupFailed(f"The disk holding {folder} is full; no backup was made. Free some space.") from exc
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise BackupFailed(f"SMP Desktop may not write to {folder}; no backup was made.") from exc
        where = f" ({exc.filename})" if exc.filename else ""
        raise BackupFailed(f"The backup could not be written{where}: {exc.strerror or exc}.") from exc

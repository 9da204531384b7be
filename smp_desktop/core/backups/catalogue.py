"""Listing a backup folder: backup folders (newest first) and bare database copies such as the pre-upgrade ones."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

from smp_desktop.core.backups.manifest import (
    STAMP_FORMAT,
    BackupRecord,
    ManifestDamaged,
    read_manifest,
    read_verification,
    record_from_manifest,
    write_json_atomically,
)

# A backup folder is named "<UTC stamp>-<reason>" (e.g. 20261125T103000Z-manual); anything else in the folder is
# not ours and is left out of the list (an external drive often holds other things too).
BACKUP_NAME = re.compile(r"(?P<stamp>\d{8}T\d{6}Z)-(?P<reason>[a-z0-9][a-z0-9-]*)")
STAMP_IN_NAME = re.compile(r"\d{8}T\d{6}Z")
DATABASE_SUFFIXES = (".sqlite", ".sqlite3", ".db")


def list_backups(folder: Path) -> list[BackupRecord]:
    """Every backup in folder, newest first. A missing folder lists nothing (the caller says why)."""
    records: list[BackupRecord] = []
    if not folder.is_dir():
        return records
    for entry in folder.iterdir():
        if entry.is_dir() and BACKUP_NAME.fullmatch(entry.name):
            records.append(read_backup(entry))
        elif entry.is_file() and entry.suffix.lower() in DATABASE_SUFFIXES:
            records.append(database_copy_record(entry))
    records.sort(key=lambda r: (r.created_at, r.name), reverse=True)
    return records


def read_backup(folder: Path) -> BackupRecord:
    """The record of one backup folder: from its manifest, with the stored verification result."""
    try:
        manifest = read_manifest(folder)
    except ManifestDamaged as exc:
        match = BACKUP_NAME.fullmatch(folder.name)
        return BackupRecord(
            path=folder,
            kind="damaged",
            created_at=_stamp(match.group("stamp")) if match else _mtime(folder),
            reason=match.group("reason") if match else "",
            size=0,
            notes=(str(exc),),
        )
    return record_from_manifest(folder, manifest, read_verification(folder))


def database_copy_record(path: Path) -> BackupRecord:
    """A bare .sqlite file: a pre-upgrade copy or an older manual copy. It holds no photos or documents and has no
    stored verification (restore checks it before use)."""
    found = STAMP_IN_NAME.search(path.name)
    created = _stamp(found.group()) if found else _mtime(path)
    reason = "before-upgrade" if path.name.startswith("before-upgrade") else "database-copy"
    return BackupRecord(path=path, kind="database-copy", created_at=created, reason=reason, size=path.stat().st_size)


def find_backup(folder: Path, name: str) -> BackupRecord | None:
    for record in list_backups(folder):
        if record.name == name:
            return record
    return None


def _stamp(text: str) -> datetime:
    return datetime.strptime(text, STAMP_FORMAT).replace(tzinfo=UTC)


def _mtime(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime, UTC)


BACKUP_FOLDER_NOTE = "backup-folder.json"


def remember_backup_folder(data_root: Path, folder: Path) -> None:
    """Note the studio's backup folder in the data folder itself: when the database is damaged, its settings
    cannot be read, and the backups on an external drive must still be offered."""
    note = data_root / BACKUP_FOLDER_NOTE
    if remembered_backup_folder(data_root) == folder:
        return
    write_json_atomically(note, {"backup_folder": str(folder)})


def remembered_backup_folder(data_root: Path) -> Path | None:
    try:
        value = json.loads((data_root / BACKUP_FOLDER_NOTE).read_text(encoding="utf-8")).get("backup_folder")
    except (OSError, ValueError, AttributeError):
        return None
    return Path(value) if isinstance(value, str) and value else None


def backups_for_recovery(data_root: Path, default_folder: Path) -> tuple[Path, list[BackupRecord]]:
    """What a damaged studio can be restored from: the backups in the remembered backup folder and in the data
    folder's own, newest first, with the folder to name (the remembered one when it holds backups)."""
    listed = {default_folder: list_backups(default_folder)}
    remembered = remembered_backup_folder(data_root)
    if remembered is not None and remembered != default_folder:
        listed = {remembered: list_backups(remembered), **listed}
    records = [record for found in listed.values() for record in found]
    records.sort(key=lambda r: (r.created_at, r.name), reverse=True)
    shown = next((folder for folder, found in listed.items() if found), next(iter(listed)))
    return shown, records

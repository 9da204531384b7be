"""What one backup holds (manifest.json), how it was verified (verified.json), and the record front doors list."""

from __future__ import annotations

import json
import os
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from smp_desktop.core.db.backup import fsync_dir

FORMAT = "smp-desktop-backup/1"
MANIFEST_NAME = "manifest.json"
VERIFIED_NAME = "verified.json"
DATABASE_NAME = "studio.sqlite"
STORE_NAME = "files"
# The data folder's sub-folders a backup carries, besides the database.
FILE_FOLDERS = ("photos", "documents")
REASON_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"


class ManifestDamaged(Exception):
    """manifest.json is missing or unreadable: the backup cannot be trusted or restored."""


@dataclass(frozen=True, slots=True)
class FileEntry:
    """One photo or document: its path under the data folder (posix), and the store blob holding its bytes."""

    path: str
    sha256: str
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class Manifest:
    app_version: str
    schema_revision: str | None
    created_at: datetime
    reason: str
    database_sha256: str
    database_size: int
    files: tuple[FileEntry, ...]
    # What the studio looked like, so "has anything changed since?" needs no hashing (see ChangeMarker).
    last_audit_event_id: int | None
    files_fingerprint: str
    copied_files: int = 0
    copied_bytes: int = 0

    @property
    def size(self) -> int:
        return self.database_size + sum(entry.size for entry in self.files)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "app_version": self.app_version,
            "schema_revision": self.schema_revision,
            "created_at": self.created_at.isoformat(),
            "reason": self.reason,
            "database": {"path": DATABASE_NAME, "sha256": self.database_sha256, "size": self.database_size},
            "last_audit_event_id": self.last_audit_event_id,
            "files_fingerprint": self.files_fingerprint,
            "copied_files": self.copied_files,
            "copied_bytes": self.copied_bytes,
            "files": [{"path": e.path, "sha256": e.sha256, "size": e.size, "mtime_ns": e.mtime_ns} for e in self.files],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Manifest:
        if data.get("format") != FORMAT:
            raise ManifestDamaged(f"unknown backup format {data.get('format')!r}")
        database = data["database"]
        return cls(
            app_version=str(data["app_version"]),
            schema_revision=data["schema_revision"],
            created_at=datetime.fromisoformat(data["created_at"]).astimezone(UTC),
            reason=str(data["reason"]),
            database_sha256=str(database["sha256"]),
            database_size=int(database["size"]),
            files=tuple(
                FileEntry(str(f["path"]), str(f["sha256"]), int(f["size"]), int(f["mtime_ns"])) for f in data["files"]
            ),
            last_audit_event_id=data["last_audit_event_id"],
            files_fingerprint=str(data["files_fingerprint"]),
            copied_files=int(data.get("copied_files", 0)),
            copied_bytes=int(data.get("copied_bytes", 0)),
        )


def read_manifest(folder: Path) -> Manifest:
    try:
        data = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
        return Manifest.from_json(data)
    except FileNotFoundError:
        raise ManifestDamaged(f"{folder / MANIFEST_NAME} is missing") from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ManifestDamaged(f"{folder / MANIFEST_NAME} is damaged ({exc})") from exc


def safe_relative_path(text: str) -> PurePosixPath:
    """A manifest path, refused unless it stays inside photos/ or documents/ (a tampered manifest writes nothing
    elsewhere)."""
    path = PurePosixPath(text)
    if (
        path.is_absolute()
        or "\\" in text
        or ":" in text
        or len(path.parts) < 2
        or path.parts[0] not in FILE_FOLDERS
        or any(part in ("", ".", "..") for part in path.parts)
    ):
        raise ManifestDamaged(f"the manifest lists a file outside photos/ and documents/: {text!r}")
    return path


@dataclass(frozen=True, slots=True)
class Verification:
    """The result of checking a backup: integrity of the database copy, its hash, and every file's hash."""

    ok: bool
    problems: tuple[str, ...]
    checked: tuple[str, ...]
    verified_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "problems": list(self.problems),
            "checked": list(self.checked),
            "verified_at": self.verified_at.isoformat(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Verification:
        return cls(
            ok=bool(data["ok"]),
            problems=tuple(str(p) for p in data["problems"]),
            checked=tuple(str(c) for c in data["checked"]),
            verified_at=datetime.fromisoformat(data["verified_at"]).astimezone(UTC),
        )

    @classmethod
    def of(cls, problems: Iterable[str], checked: Iterable[str], at: datetime) -> Verification:
        found = tuple(problems)
        return cls(not found, found, tuple(checked), at)


def read_verification(folder: Path) -> Verification | None:
    try:
        return Verification.from_json(json.loads((folder / VERIFIED_NAME).read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


@dataclass(frozen=True, slots=True)
class ChangeMarker:
    """Cheap signs of change: the newest audit event (every write records one) and the photo/document files'
    names, sizes and modification times."""

    last_audit_event_id: int | None
    files_fingerprint: str


BackupKind = Literal["backup", "database-copy", "damaged"]


@dataclass(frozen=True, slots=True)
class BackupRecord:
    """One entry of the backup list. `kind` is "backup" (a folder with a manifest), "database-copy" (a bare
    .sqlite file, e.g. the copy taken before a schema upgrade) or "damaged" (a folder whose manifest is unreadable).
    """

    path: Path
    kind: BackupKind
    created_at: datetime
    reason: str
    size: int
    file_count: int = 0
    schema_revision: str | None = None
    app_version: str = ""
    verification: Verification | None = None
    marker: ChangeMarker | None = None
    copied_files: int = 0
    copied_bytes: int = 0
    notes: tuple[str, ...] = field(default=())

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def ok(self) -> bool:
        """Verified and found sound: only these count as a good backup."""
        return self.kind == "backup" and self.verification is not None and self.verification.ok

    @property
    def result(self) -> str:
        if self.kind == "damaged":
            return "DAMAGED: " + "; ".join(self.notes)
        if self.verification is None:
            return "not verified (database only)" if self.kind == "database-copy" else "not verified"
        if self.verification.ok:
            return "verified OK"
        more = len(self.verification.problems) - 1
        return "FAILED: " + self.verification.problems[0] + (f" (+{more} more)" if more else "")


def record_from_manifest(folder: Path, manifest: Manifest, verification: Verification | None) -> BackupRecord:
    return BackupRecord(
        path=folder,
        kind="backup",
        created_at=manifest.created_at,
        reason=manifest.reason,
        size=manifest.size,
        file_count=len(manifest.files),
        schema_revision=manifest.schema_revision,
        app_version=manifest.app_version,
        verification=verification,
        marker=ChangeMarker(manifest.last_audit_event_id, manifest.files_fingerprint),
        copied_files=manifest.copied_files,
        copied_bytes=manifest.copied_bytes,
    )


def write_json_atomically(path: Path, data: dict[str, Any]) -> None:
    """Temp file, fsync, rename: a crash leaves the old file or the new one under path, never half of one."""
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with open(temp, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    fsync_dir(path.parent)


def folder_stamp(at: datetime) -> str:
    return at.astimezone(UTC).strftime(STAMP_FORMAT)


def check_reason(reason: str) -> str:
    if not REASON_PATTERN.fullmatch(reason):
        raise ValueError(f"a backup reason is a short lower-case word with hyphens, not {reason!r}")
    return reason

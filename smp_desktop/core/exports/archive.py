"""A ZIP written atomically, with a manifest of every file's SHA-256 and size.

The archive is built in a temporary file beside its final name and renamed over it only when complete (fsynced
first, and the folder after): a crash, an error or a cancel leaves no half-written ZIP under the name asked for,
and an older file of that name stays until the new one is whole."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import secrets
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from smp_desktop.core.db.backup import fsync_dir
from smp_desktop.core.photos.store import PARTIAL_SUFFIX

MANIFEST_NAME = "manifest.json"
COPY_CHUNK = 1024 * 1024
# Already compressed: stored as they are (deflating a JPEG costs time and saves nothing).
STORED_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".zip", ".gz", ".pdf"})

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ArchivedFile:
    path: str  # inside the ZIP, "/"-separated
    sha256: str
    size_bytes: int


class AtomicZip:
    """`with AtomicZip(target, when) as archive: archive.add_bytes(...); archive.add_file(...); archive.finish()`.

    Leaving the block without finish() (an error, a cancel) removes the temporary file; target is untouched."""

    def __init__(self, target: Path, when: datetime) -> None:
        self.target = target
        self._when = when.timetuple()[:6]
        self._temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}{PARTIAL_SUFFIX}")
        self._zip: zipfile.ZipFile | None = None
        self._names: set[str] = set()
        self.files: list[ArchivedFile] = []
        self.finished = False

    def __enter__(self) -> AtomicZip:
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self._zip = zipfile.ZipFile(self._temporary, "x", compression=zipfile.ZIP_DEFLATED, compresslevel=6)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if not self.finished:
            self._abandon()

    def unique(self, path: str) -> str:
        """path, or path with " (2)", " (3)"… before its suffix when the name is taken already."""
        if path not in self._names:
            return path
        stem, dot, suffix = path.rpartition(".")
        if not dot or "/" in suffix:
            stem, suffix = path, ""
        number = 2
        while True:
            candidate = f"{stem} ({number}).{suffix}" if suffix else f"{stem} ({number})"
            if candidate not in self._names:
                return candidate
            number += 1

    def add_bytes(self, path: str, data: bytes) -> ArchivedFile:
        path = self.unique(path)
        self._zip_file().writestr(self._info(path), data)
        entry = ArchivedFile(path, hashlib.sha256(data).hexdigest(), len(data))
        self._added(entry)
        return entry

    def add_file(self, path: str, source: Path) -> ArchivedFile:
        """Copy a file in, hashing the bytes as they go (the manifest's hash is of what the ZIP holds)."""
        path = self.unique(path)
        digest, size = hashlib.sha256(), 0
        with open(source, "rb") as handle, self._zip_file().open(self._info(path), "w", force_zip64=True) as out:
            while chunk := handle.read(COPY_CHUNK):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
        entry = ArchivedFile(path, digest.hexdigest(), size)
        self._added(entry)
        return entry

    def finish(self, manifest: dict[str, Any]) -> Path:
        """Write manifest.json (manifest plus "files": every file's path, sha256 and size), close, fsync, rename."""
        body = dict(manifest)
        body["files"] = [{"path": f.path, "sha256": f.sha256, "size": f.size_bytes} for f in self.files]
        data = json.dumps(body, ensure_ascii=False, indent=2).encode("utf-8")
        self._zip_file().writestr(self._info(MANIFEST_NAME), data)
        self._zip_file().close()
        with open(self._temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(self._temporary, self.target)
        fsync_dir(self.target.parent)
        self.finished = True
        return self.target

    def _info(self, path: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(path, date_time=self._when)
        suffix = os.path.splitext(path)[1].lower()
        info.compress_type = zipfile.ZIP_STORED if suffix in STORED_SUFFIXES else zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        return info

    def _added(self, entry: ArchivedFile) -> None:
        self._names.add(entry.path)
        self.files.append(entry)

    def _zip_file(self) -> zipfile.ZipFile:
        if self._zip is None:
            raise RuntimeError("AtomicZip used outside its with block")
        return self._zip

    def _abandon(self) -> None:
        try:
            if self._zip is not None:
                self._zip.close()
        except Exception as exc:  # a full disk while closing: the file goes anyway
            log.info("closing the abandoned %s: %s", self._temporary, exc)
        try:
            self._temporary.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not remove %s: %s", self._temporary, exc)

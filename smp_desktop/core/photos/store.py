"""The content-addressed photo store: each file is named by the SHA-256 of its bytes and written atomically."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from smp_desktop.core.db.backup import fsync_dir

PARTIAL_SUFFIX = ".partial"
HASH_CHUNK = 1024 * 1024

log = logging.getLogger(__name__)


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def write_atomically(path: Path, data: bytes, *, durable_name: bool = True) -> None:
    """Put data at path so that a crash or error at any moment leaves either no file or the whole file there.

    The bytes go to a temporary file in the same folder (same file system, so the rename is atomic), are flushed
    and fsynced, then renamed over the final name, and the folder is fsynced so the new name itself is durable
    (not needed for a cache, whose files are made again when missing: durable_name=False).
    On any failure the temporary file is removed and the error raised."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{secrets.token_hex(6)}{PARTIAL_SUFFIX}")
    try:
        with open(temporary, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        try:
            temporary.unlink(missing_ok=True)
        except OSError as exc:  # the disk went away: db check reports the .partial left behind
            log.warning("could not remove %s: %s", temporary, exc)
        raise
    if durable_name:
        fsync_dir(path.parent)


@dataclass(frozen=True, slots=True)
class StoredFile:
    name: str  # relative to the store, e.g. "ab/abcdef….jpg"
    content_hash: str
    size_bytes: int
    created: bool  # False: identical bytes were already stored (another client's copy of the same photo)


class PhotoStore:
    """Files under root named `<first two hex digits>/<sha256>.<suffix>`; identical bytes are stored once."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @staticmethod
    def name_for(content_hash: str, suffix: str) -> str:
        return f"{content_hash[:2]}/{content_hash}{suffix}"

    def path(self, name: str) -> Path:
        return self.root / name

    def put(self, data: bytes, suffix: str) -> StoredFile:
        """Store data (unless the same bytes are already there, intact) and say where."""
        content_hash = sha256_bytes(data)
        name = self.name_for(content_hash, suffix)
        target = self.path(name)
        if target.is_file() and self._intact(target, content_hash, len(data)):
            return StoredFile(name, content_hash, len(data), created=False)
        write_atomically(target, data)  # absent, or damaged on disk: the good bytes replace it
        return StoredFile(name, content_hash, len(data), created=True)

    def remove(self, name: str) -> None:
        path = self.path(name)
        path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):  # only succeeds when the two-digit folder is now empty
            path.parent.rmdir()

    def files(self) -> Iterator[Path]:
        """Every file in the store (finished or not), in name order."""
        if self.root.is_dir():
            yield from sorted(p for p in self.root.rglob("*") if p.is_file())

    @staticmethod
    def _intact(path: Path, content_hash: str, size: int) -> bool:
        try:
            return path.stat().st_size == size and sha256_file(path) == content_hash
        except OSError:
            return False

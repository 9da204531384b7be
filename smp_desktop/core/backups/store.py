"""The content-addressed file store of a backup folder: files/ab/<sha256>, each stored once for every backup."""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
from collections.abc import Iterable
from pathlib import Path

from smp_desktop.core.db.backup import fsync_dir

CHUNK = 1 << 20
TEMP_SUFFIX = ".tmp"


def sha256_of(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def copy_atomically(source: Path, target: Path) -> tuple[str, int]:
    """Copy source to target through a temp file in target's folder (fsynced, then renamed); returns the sha256
    and size of the bytes actually written, which is what target now holds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
    digest = hashlib.sha256()
    size = 0
    try:
        with open(source, "rb") as src, open(temp, "wb") as dst:
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                dst.write(chunk)
                size += len(chunk)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
    fsync_dir(target.parent)
    return digest.hexdigest(), size


class FileStore:
    """Blobs named by their SHA-256; a blob is written once (atomically) and never changed afterwards."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def blob(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str, size: int) -> bool:
        try:
            return self.blob(sha256).stat().st_size == size
        except OSError:
            return False

    def add(self, source: Path, sha256: str | None = None) -> tuple[str, int, bool]:
        """Store source's bytes unless the store has them already. Returns (sha256, size, copied).

        sha256 may be passed when it is already known (an unchanged file from the previous backup). A file that
        changes while it is copied is stored under the hash of what was copied."""
        size = source.stat().st_size
        known = sha256 or sha256_of(source)
        if self.has(known, size):
            return known, size, False
        self.root.mkdir(parents=True, exist_ok=True)
        staging = self.root / f".incoming-{secrets.token_hex(4)}{TEMP_SUFFIX}"
        try:
            copied, size = copy_atomically(source, staging)
            if self.has(copied, size):
                return copied, size, False
            target = self.blob(copied)
            target.parent.mkdir(exist_ok=True)
            os.replace(staging, target)
            fsync_dir(target.parent)
        finally:
            staging.unlink(missing_ok=True)
        return copied, size, True

    def check(self, sha256: str, size: int, *, read: bool = True) -> str | None:
        """None when the blob is there with the right bytes (read=False: with the right size); else what is wrong,
        in a sentence."""
        blob = self.blob(sha256)
        try:
            actual_size = blob.stat().st_size
        except FileNotFoundError:
            return "is missing from the file store"
        except OSError as exc:
            return f"cannot be read from the file store ({exc.strerror})"
        if actual_size != size:
            return f"has the wrong size in the file store ({actual_size} bytes, not {size})"
        if not read:
            return None
        try:
            actual = sha256_of(blob)
        except OSError as exc:
            return f"cannot be read from the file store ({exc.strerror})"
        if actual != sha256:
            return "is damaged in the file store (its contents no longer match their hash)"
        return None

    def collect_garbage(self, referenced: Iterable[str]) -> int:
        """Delete blobs no backup lists any more, and temp files a crash left behind. Returns files removed."""
        keep = set(referenced)
        removed = 0
        if not self.root.is_dir():
            return 0
        for entry in self.root.iterdir():
            if entry.is_file() and entry.name.endswith(TEMP_SUFFIX):
                entry.unlink(missing_ok=True)
                removed += 1
            elif entry.is_dir():
                for blob in entry.iterdir():
                    if blob.name.endswith(TEMP_SUFFIX) or blob.name not in keep:
                        blob.unlink(missing_ok=True)
                        removed += 1
                if not any(entry.iterdir()):
                    entry.rmdir()
        return removed

    def blob_count(self) -> int:
        if not self.root.is_dir():
            return 0
        return sum(1 for sub in self.root.iterdir() if sub.is_dir() for _ in sub.iterdir())


def remove_tree(folder: Path) -> None:
    """Remove a backup folder so that a crash half-way never leaves something that looks like a backup: it is first
    renamed to a .deleting name (which listing ignores and the next backup finishes removing)."""
    doomed = folder.with_name(f".deleting-{folder.name}-{secrets.token_hex(3)}")
    os.replace(folder, doomed)
    shutil.rmtree(doomed)

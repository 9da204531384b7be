"""Copies of a live SQLite database made with SQLite's online backup API (never a raw copy of a WAL file)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from smp_desktop.core.db.engine import read_only_uri


class BackupError(Exception):
    pass


def online_backup(source: Path, destination: Path) -> Path:
    """Copy the database at source to destination atomically: a crash leaves no half-written file there."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(read_only_uri(source), uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
            (result,) = dst.execute("PRAGMA quick_check").fetchone()
            if result != "ok":
                raise BackupError(f"The backup copy of {source.name} failed its check: {result}")
        finally:
            dst.close()
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, destination)
        fsync_dir(destination.parent)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"Could not back up {source}: {exc}") from exc
    finally:
        src.close()
    return destination


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in folder durable (a crash after it returns keeps the new name)."""
    if os.name == "nt":  # Windows cannot open a directory for fsync; NTFS journals the rename
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

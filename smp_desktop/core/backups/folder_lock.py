"""One writer at a time per backup folder (the app's automatic backup and a command-line backup may overlap)."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from smp_desktop.core.backups.errors import BackupBusy

LOCK_NAME = ".lock"

if sys.platform == "win32":
    import msvcrt

    def _try_lock(handle: BinaryIO) -> bool:
        handle.seek(0)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: BinaryIO) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: BinaryIO) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(handle: BinaryIO) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


@contextmanager
def folder_lock(folder: Path, *, wait_seconds: float = 30.0) -> Iterator[None]:
    """Held while a backup is written, verified and old ones pruned. The operating system releases it if the
    process dies, so a crash never leaves the folder locked."""
    with open(folder / LOCK_NAME, "a+b") as handle:
        deadline = time.monotonic() + wait_seconds
        while not _try_lock(handle):
            if time.monotonic() >= deadline:
                raise BackupBusy(
                    f"Another backup is being written to {folder} right now. Try again when it has finished."
                )
            time.sleep(0.1)
        try:
            yield
        finally:
            _unlock(handle)

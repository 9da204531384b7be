"""Why a backup or a restore could not be done, in sentences a studio owner can act on."""

from __future__ import annotations

from pathlib import Path

from smp_desktop.core.db.backup import BackupError


class BackupFailed(BackupError):
    """No backup was made (the folder is missing, full, unwritable, or the database could not be read)."""


class BackupBusy(BackupFailed):
    """Another backup is being written to the same folder right now."""


class RestoreRefused(Exception):
    """Nothing was restored; the message says why. The current studio is as it was."""


class RestoreIncomplete(Exception):
    """The switch to the restored studio stopped part-way (e.g. the disk filled up); the message names the safety
    backup, and running the same restore again finishes it."""


def missing_place(path: Path) -> str:
    """Names the part of path that is missing: an unplugged drive shows as a missing top folder."""
    existing = path
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    missing = path
    while missing.parent != existing and missing != missing.parent:
        missing = missing.parent
    hint = " If it is on an external drive, connect the drive and try again."
    if missing == path:
        return f"{path} does not exist.{hint}"
    return f"{missing} does not exist (so neither does {path}).{hint}"

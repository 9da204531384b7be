"""Storage faults a person can act on (disk full, database in use, read-only, damaged file), translated from the
database driver's errors in one place: the engine's `handle_error` hook, so every service raises them."""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

from sqlalchemy import Engine, event

log = logging.getLogger(__name__)

# SQLite primary result codes (https://sqlite.org/rescode.html); an extended code keeps them in its low byte.
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


class StorageFault(Exception):
    """The disk or the database file refused the work. The message is a sentence for a person; nothing was saved.

    `detail` keeps the driver's own words for the log file."""

    message = (
        "The disk reported an error while reading or writing the studio database: nothing was saved. "
        "Check that the disk (or external drive) is still connected and try again."
    )

    def __init__(self, detail: str = "") -> None:
        super().__init__(self.message)
        self.detail = detail


class DiskFull(StorageFault):
    message = "The disk is full: nothing was saved. Free some space and save again."


class DatabaseBusy(StorageFault):
    message = (
        "The studio database is in use by another program, so nothing was saved. Close the other program "
        "(or the other copy of SMP Desktop) and save again."
    )


class ReadOnlyStudio(StorageFault):
    message = (
        "The studio is open read-only (its file or folder cannot be written): nothing was saved. "
        "To make changes, ask for permission to write to the data folder or copy it to a disk you can write to."
    )


class DatabaseCorrupt(StorageFault):
    message = (
        "The studio database file is damaged: nothing was saved. Close SMP Desktop and open it again; it will keep "
        "the damaged file aside so that a backup can be restored."
    )


_BY_CODE: dict[int, type[StorageFault]] = {
    SQLITE_FULL: DiskFull,
    SQLITE_BUSY: DatabaseBusy,
    SQLITE_LOCKED: DatabaseBusy,
    SQLITE_READONLY: ReadOnlyStudio,
    SQLITE_CORRUPT: DatabaseCorrupt,
    SQLITE_NOTADB: DatabaseCorrupt,
    SQLITE_IOERR: StorageFault,
    SQLITE_CANTOPEN: StorageFault,
}


def translate(error: BaseException) -> StorageFault | None:
    """The storage fault a sqlite3 error stands for, or None for any other error (a bug, a constraint...)."""
    if isinstance(error, StorageFault):
        return error
    if not isinstance(error, sqlite3.Error):
        return None
    code = getattr(error, "sqlite_errorcode", None)
    kind = _BY_CODE.get(code & 0xFF) if isinstance(code, int) else None
    if kind is None:
        return None
    return kind(f"{getattr(error, 'sqlite_errorname', 'SQLite error')}: {error}")


def install(engine: Engine) -> None:
    """Make every statement, commit and connect on this engine raise a StorageFault for storage errors."""

    @event.listens_for(engine, "handle_error")
    def _on_error(context: Any) -> StorageFault | None:
        fault = translate(context.original_exception)
        if fault is not None:
            log.warning("database storage fault: %s", fault.detail)
        return fault  # SQLAlchemy raises the returned exception in place of its own (after its clean-up)

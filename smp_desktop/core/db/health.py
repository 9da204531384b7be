"""Is the studio's database file whole? Its kind of damage in a plain sentence, and keeping a damaged file aside
(never overwriting it, never replacing it with an empty database)."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from smp_desktop.core.db import faults
from smp_desktop.core.db.engine import BUSY_TIMEOUT_MS, read_only_uri
from smp_desktop.paths import StudioPaths

log = logging.getLogger(__name__)

DAMAGED_FOLDER = "damaged"  # <data>/damaged/<UTC stamp>/studio.sqlite (+ -wal, -shm)
SIDE_FILES = ("-wal", "-shm", "-journal")  # SQLite's companions of a database file
NOTE_FILENAME = "what-happened.txt"

# The SQLite file format (https://sqlite.org/fileformat.html): a 100-byte header that starts with this string.
HEADER_SIZE = 100
MAGIC = b"SQLite format 3\x00"


class DamageKind(StrEnum):
    NONE = "none"  # looks whole
    MISSING = "missing"  # no file: a new studio
    ZEROED_HEADER = "zeroed header"
    BAD_HEADER = "bad header"
    TRUNCATED = "truncated"
    NOT_A_DATABASE = "not a database"
    FAILED_CHECK = "failed check"
    KEPT_ASIDE = "kept aside"  # damaged earlier and moved away; nothing has replaced it yet


@dataclass(frozen=True, slots=True)
class Diagnosis:
    kind: DamageKind
    explanation: str  # one or two sentences for a person
    findings: tuple[str, ...] = ()  # SQLite's own words, for the log and a "details" box

    @property
    def damaged(self) -> bool:
        return self.kind not in (DamageKind.NONE, DamageKind.MISSING)


def _whole(text: str = "The studio database file looks whole.") -> Diagnosis:
    return Diagnosis(DamageKind.NONE, text)


def inspect_file(database: Path) -> Diagnosis:
    """What the file's size and header say, without asking SQLite (which would fail or, worse, start afresh)."""
    try:
        size = database.stat().st_size
        with open(database, "rb") as handle:
            header = handle.read(HEADER_SIZE)
    except FileNotFoundError:
        return Diagnosis(DamageKind.MISSING, "There is no studio database yet: a new one will be created.")
    if size == 0:  # SQLite's own empty database (a studio being created); its content, if any, is in the -wal
        return _whole("The studio database file is empty (a new studio).")
    if not any(header[: len(MAGIC)]):
        return Diagnosis(
            DamageKind.ZEROED_HEADER,
            "The beginning of the studio database file has been wiped (it holds only zeros), so none of it can "
            "be read. This usually follows a disk or power failure.",
        )
    if not header.startswith(MAGIC):
        if len(header) < len(MAGIC) and MAGIC.startswith(header):
            return _truncated(size, None)
        return Diagnosis(
            DamageKind.NOT_A_DATABASE,
            "The studio database file does not hold a database: something else (another kind of file, or random "
            "data) has been saved under its name.",
        )
    if size < HEADER_SIZE:
        return _truncated(size, None)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return Diagnosis(
            DamageKind.BAD_HEADER,
            "The beginning of the studio database file (its header) is damaged, so the rest cannot be read.",
            (f"page size {page_size}",),
        )
    if size % page_size:
        return _truncated(size, None, f"{size} bytes is not a whole number of {page_size}-byte pages")
    pages = int.from_bytes(header[28:32], "big")
    size_is_valid = pages > 0 and header[24:28] == header[92:96]  # SQLite's rule for trusting this field
    # With a -wal, the file may lag behind its header until the next checkpoint; SQLite's own check decides then.
    wal = database.with_name(database.name + "-wal")
    if size_is_valid and size < pages * page_size and not (wal.exists() and wal.stat().st_size > 0):
        return _truncated(size, pages * page_size)
    return _whole()


def _truncated(size: int, expected: int | None, finding: str = "") -> Diagnosis:
    should = f", its header says {expected:,}" if expected else ""
    return Diagnosis(
        DamageKind.TRUNCATED,
        f"The studio database file is cut short (it holds {size:,} bytes{should}): part of it is missing. "
        "This happens when a disk fills up or is removed while the file is written, or a copy is interrupted.",
        (finding,) if finding else (),
    )


def failed_check(findings: Iterable[str]) -> Diagnosis:
    findings = tuple(findings)
    return Diagnosis(
        DamageKind.FAILED_CHECK,
        "The studio database file failed its integrity check: some of its pages are damaged, so records may be "
        "missing or wrong.",
        findings[:20],
    )


def quick_check(cursor_source: Any) -> tuple[str, ...]:
    """SQLite's quick integrity check through a DBAPI connection or a SQLAlchemy Connection: () when whole."""
    if hasattr(cursor_source, "exec_driver_sql"):
        rows = cursor_source.exec_driver_sql("PRAGMA quick_check").all()
    else:
        rows = cursor_source.execute("PRAGMA quick_check").fetchall()
    lines = tuple(str(row[0]) for row in rows)
    return () if lines == ("ok",) else lines


def diagnose(database: Path) -> Diagnosis:
    """The file's header, then SQLite's quick check, read-only (the file is not changed; SQLite may leave an empty
    -wal and -shm beside a WAL database in a folder it can write to).

    Works on any SQLite file (a studio's database, a backup). Raises faults.DatabaseBusy when another program
    holds it locked for longer than the busy timeout, OSError when the file cannot be read at all."""
    found = inspect_file(database)
    if found.kind is not DamageKind.NONE or database.stat().st_size == 0:
        return found
    try:
        connection = sqlite3.connect(read_only_uri(database), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        return _from_sqlite_error(exc)
    try:
        problems = quick_check(connection)
    except sqlite3.Error as exc:
        return _from_sqlite_error(exc)
    finally:
        connection.close()
    return failed_check(problems) if problems else found


def _from_sqlite_error(exc: sqlite3.Error) -> Diagnosis:
    fault = faults.translate(exc)
    if isinstance(fault, faults.DatabaseCorrupt):
        return failed_check([fault.detail])
    raise fault or exc


# --- keeping a damaged file aside -----------------------------------------------------------------------------


def keep_aside(paths: StudioPaths, diagnosis: Diagnosis | None = None) -> Path:
    """Move the studio database (and its -wal/-shm) into <data>/damaged/<UTC stamp>/; returns the moved database.

    A rename, not a copy: the damaged bytes are kept exactly, nothing already kept aside is overwritten, and the
    studio's folder is left without a database until a backup is restored (see `kept_aside`)."""
    database = paths.database
    folder = _new_folder(paths.root / DAMAGED_FOLDER)
    # The companions go first: a -wal left beside a new database file would be replayed into it.
    for suffix in (*SIDE_FILES, ""):
        source = database.with_name(database.name + suffix)
        if source.exists():
            os.rename(source, folder / source.name)
    if diagnosis is not None:
        note = [diagnosis.explanation, "", *diagnosis.findings]
        _write_atomically(folder / NOTE_FILENAME, "\n".join(note) + "\n")
    _fsync_dir(folder)
    _fsync_dir(database.parent)
    log.warning("damaged studio database kept aside in %s (%s)", folder, diagnosis.kind if diagnosis else "")
    return folder / database.name


def kept_aside(paths: StudioPaths) -> list[Path]:
    """Damaged databases kept aside in this data folder, oldest first."""
    return sorted((paths.root / DAMAGED_FOLDER).glob(f"*/{paths.database.name}"))


def _new_folder(parent: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    for attempt in range(1, 1000):
        folder = parent / (stamp if attempt == 1 else f"{stamp}-{attempt}")
        try:
            folder.mkdir(parents=True)
        except FileExistsError:
            continue
        return folder
    raise FileExistsError(f"Too many damaged copies in {parent}")


def _write_atomically(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".partial")
    with open(partial, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder for fsync; NTFS journals the rename
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

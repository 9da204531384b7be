"""When opening a studio must run SQLite's quick check, and when it may trust the last one.

The quick check reads the whole database: a fraction of a second for a small studio, seconds for a large one on a
cold disk, at every start. What it guards against is a database hurt while it was open (a crash, a power cut, a
disk that failed mid-write) or changed behind the app's back while closed. So the check runs at start unless all of
these hold:

- the studio was last closed cleanly by SMP Desktop, which then noted the file's size and modification time and
  when the database was last checked (`closed-cleanly.json` in the data folder);
- the file is exactly as that close left it (same size and modification time to the nanosecond), with no write-ahead
  log beside it that a crash would have left;
- the last check is less than `RECHECK_AFTER` old.

Opening takes the note away before anything else touches the database, so a crash from then on leaves none and the
next start checks. The file's header is read at every start regardless (core/db/health.py `inspect_file`), and
`db check`, backups and restores run the full checks of their own.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta

from smp_desktop.paths import StudioPaths

log = logging.getLogger(__name__)

CLEAN_CLOSE_FILE = "closed-cleanly.json"
RECHECK_AFTER = timedelta(days=7)  # a studio open and closed every day is still checked once a week


def take_clean_close(paths: StudioPaths) -> datetime | None:
    """When the database was last quick-checked, if the check can be trusted now (see the module's text); None when
    the check must run. The note is removed either way: from here on, only a clean close writes a new one."""
    marker = paths.root / CLEAN_CLOSE_FILE
    try:
        text = marker.read_text(encoding="utf-8")
    except OSError:
        return None
    try:
        marker.unlink()
    except OSError as exc:  # a note that cannot be removed could outlive a crash: never trust it
        log.info("cannot remove %s (%s): checking the database at start", marker, exc)
        return None
    try:
        note = json.loads(text)
        size, mtime_ns = int(note["size"]), int(note["mtime_ns"])
        checked_at = datetime.fromisoformat(note["checked_at"])
    except (ValueError, KeyError, TypeError) as exc:
        log.info("unreadable %s (%s): checking the database at start", marker, exc)
        return None
    try:
        stat = paths.database.stat()
    except OSError:
        return None
    wal = paths.database.with_name(paths.database.name + "-wal")
    left_a_log = wal.exists() and wal.stat().st_size > 0
    if checked_at.tzinfo is None or left_a_log or (stat.st_size, stat.st_mtime_ns) != (size, mtime_ns):
        return None
    if not timedelta(0) <= datetime.now(UTC) - checked_at < RECHECK_AFTER:
        return None
    return checked_at


def record_clean_close(paths: StudioPaths, checked_at: datetime) -> None:
    """After the database was closed (its connections gone, the log merged into the file): note how the file is and
    when it was last checked, written atomically. A note that cannot be written only means a check at next start."""
    from smp_desktop.core.photos.store import write_atomically  # (at close: the photo store is not needed to start)

    marker = paths.root / CLEAN_CLOSE_FILE
    try:
        stat = paths.database.stat()
        note = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "checked_at": checked_at.isoformat()}
        write_atomically(marker, json.dumps(note).encode("utf-8"))
    except OSError as exc:
        log.info("cannot note the clean close in %s: %s", marker, exc)

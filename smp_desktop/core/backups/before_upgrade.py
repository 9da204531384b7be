"""The studio's full backup before its schema is upgraded (at start-up or by `db upgrade`)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from smp_desktop.core.backups.errors import BackupFailed
from smp_desktop.core.backups.writer import write_backup
from smp_desktop.paths import StudioPaths

log = logging.getLogger(__name__)


def back_up_before_upgrade(engine: Engine, paths: StudioPaths) -> Path:
    """The studio's full backup (database, photos, documents) before its schema changes, into its backup folder;
    into <data folder>/backups when that folder cannot be used (an unplugged drive must not block the upgrade's
    safety copy). A backup that fails its verification stops the upgrade."""
    problem = ""
    folders = [paths.backups]
    configured = _configured_backup_folder(engine)
    if configured is not None:
        folders.insert(0, configured)
    for folder in folders:
        try:
            record = write_backup(paths.database, paths.root, folder, "before-upgrade")
        except BackupFailed as exc:
            log.warning("no backup before the upgrade in %s: %s", folder, exc)
            problem = str(exc)
            continue
        if record.ok:
            return record.path
        problem = f"The backup written to {record.path} did not pass its verification."
    raise BackupFailed(
        "This version of SMP Desktop must upgrade the studio database and backs the studio up first, but the backup "
        f"could not be made. {problem} Nothing has been changed. Free some disk space or fix the backup folder, then "
        "open the studio again."
    )


def _configured_backup_folder(engine: Engine) -> Path | None:
    """The backup folder setting, read without the models (they describe the schema after the upgrade)."""
    with engine.connect() as connection:
        try:
            raw = connection.exec_driver_sql("SELECT value_json FROM setting WHERE key = 'backup_folder'").scalar()
        except (OperationalError, DBAPIError):  # a studio from before settings existed
            return None
    try:
        value = json.loads(raw) if raw else None
    except ValueError:
        return None
    return Path(value).expanduser() if isinstance(value, str) and value else None

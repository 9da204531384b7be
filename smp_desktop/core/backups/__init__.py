"""Verified backups of a studio (database + photos + documents), their rotation, and restoring one.

Core only, no Qt: BackupService (smp_desktop.core.services.backups) is the front doors' way in."""

from smp_desktop.core.backups.catalogue import find_backup, list_backups
from smp_desktop.core.backups.errors import BackupBusy, BackupFailed, RestoreIncomplete, RestoreRefused
from smp_desktop.core.backups.manifest import BackupRecord, ChangeMarker, Verification
from smp_desktop.core.backups.restore import RestoreReport, restore_studio
from smp_desktop.core.backups.rotation import RotationPolicy, backups_to_keep, rotate
from smp_desktop.core.backups.verify import verify_backup
from smp_desktop.core.backups.writer import write_backup

__all__ = [
    "BackupBusy",
    "BackupFailed",
    "BackupRecord",
    "ChangeMarker",
    "RestoreIncomplete",
    "RestoreRefused",
    "RestoreReport",
    "RotationPolicy",
    "Verification",
    "backups_to_keep",
    "find_backup",
    "list_backups",
    "restore_studio",
    "rotate",
    "verify_backup",
    "write_backup",
]

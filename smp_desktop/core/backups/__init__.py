"""Verified backups of a studio (database + photos + documents), their rotation, and restoring one.

Core only, no Qt: BackupService (smp_desktop.core.services.backups) is the front doors' way in.

The names below load their module on first use (PEP 562), so that importing one of them (the error classes, which
the app's error report knows from the start) does not load the writer, the verifier and the restore with it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from smp_desktop.core.lazy import lazy_attributes

if TYPE_CHECKING:
    from smp_desktop.core.backups.catalogue import find_backup, list_backups
    from smp_desktop.core.backups.errors import BackupBusy, BackupFailed, RestoreIncomplete, RestoreRefused
    from smp_desktop.core.backups.manifest import BackupRecord, ChangeMarker, Verification
    from smp_desktop.core.backups.restore import RestoreReport, restore_studio
    from smp_desktop.core.backups.rotation import RotationPolicy, backups_to_keep, rotate
    from smp_desktop.core.backups.verify import verify_backup
    from smp_desktop.core.backups.writer import write_backup

_WHERE = {
    "find_backup": "catalogue",
    "list_backups": "catalogue",
    "BackupBusy": "errors",
    "BackupFailed": "errors",
    "RestoreIncomplete": "errors",
    "RestoreRefused": "errors",
    "BackupRecord": "manifest",
    "ChangeMarker": "manifest",
    "Verification": "manifest",
    "RestoreReport": "restore",
    "restore_studio": "restore",
    "RotationPolicy": "rotation",
    "backups_to_keep": "rotation",
    "rotate": "rotation",
    "verify_backup": "verify",
    "write_backup": "writer",
}


__getattr__ = lazy_attributes(__name__, _WHERE, globals())


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

"""Which backups to keep, as Anki does: every good backup of today and yesterday, then the newest good backup of
each of the N days before, then of each of the N weeks before those, then of each of the N months before those (12
daily, 10 weekly, 9 monthly reach back about a year). The rest are pruned after a new good backup, and files no
remaining backup lists are removed from the store."""

from __future__ import annotations

import logging
import sys
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from pathlib import Path

from smp_desktop.core.backups.catalogue import list_backups
from smp_desktop.core.backups.manifest import STORE_NAME, BackupRecord, ManifestDamaged, read_manifest
from smp_desktop.core.backups.store import FileStore, remove_tree

log = logging.getLogger(__name__)

# Safety copies taken before a restore or an upgrade are how a studio undoes one; they outlive the rotation.
SAFETY_REASONS = frozenset({"before-restore", "before-upgrade", "before-import"})


@dataclass(frozen=True, slots=True)
class RotationPolicy:
    daily: int = 12
    weekly: int = 10
    monthly: int = 9
    safety_days: int = 30


@dataclass(frozen=True, slots=True)
class RotationResult:
    pruned: tuple[Path, ...]
    files_removed: int
    note: str = ""


def backups_to_keep(
    records: Iterable[BackupRecord],
    policy: RotationPolicy,
    *,
    now: datetime,
    protect: Collection[Path] = (),
    tz: tzinfo | None = None,
) -> set[Path]:
    """The paths to keep. Days, weeks (Monday to Sunday) and months are those of the clock on the wall (tz; None:
    this computer's time zone). Only verified-good backups are kept by the rotation, so a failed backup never
    takes the place of a good one; protect, and young safety backups, are kept whatever their result."""
    records = list(records)
    keep: set[Path] = set(protect)
    yesterday = now.astimezone(tz).date().toordinal() - 1
    left = {"daily": policy.daily, "weekly": policy.weekly, "monthly": policy.monthly}
    last_kept = dict.fromkeys(left, sys.maxsize)  # the day, week and month of the last backup kept
    for record in sorted((r for r in records if r.ok), key=lambda r: r.created_at, reverse=True):
        local = record.created_at.astimezone(tz)
        day = local.date().toordinal()
        # ordinal 1 (1 January of year 1) was a Monday, so weeks run Monday to Sunday
        period = {"daily": day, "weekly": (day - 1) // 7, "monthly": local.year * 12 + local.month}
        stage = next((name for name, count in left.items() if count > 0), None)
        if day >= yesterday:
            stage = None  # recent: always kept, and fills no slot
        elif stage is None or period[stage] >= last_kept[stage]:
            continue  # no slots left, or this day/week/month already has its (newer) backup
        keep.add(record.path)
        last_kept = period
        if stage is not None:
            left[stage] -= 1
    young = now - timedelta(days=policy.safety_days)
    keep.update(r.path for r in records if r.reason in SAFETY_REASONS and r.created_at > young)
    return keep


def rotate(
    folder: Path,
    policy: RotationPolicy,
    *,
    now: datetime,
    protect: Collection[Path] = (),
    tz: tzinfo | None = None,
) -> RotationResult:
    """Prune the backups backups_to_keep leaves out, then collect the store's unreferenced files. The caller holds
    the folder's lock. Bare database copies (pre-upgrade files) and damaged folders are never pruned here."""
    records = list_backups(folder)
    keep = backups_to_keep(records, policy, now=now, protect=protect, tz=tz)
    pruned = []
    for record in records:
        if record.kind == "backup" and record.path not in keep:
            remove_tree(record.path)
            pruned.append(record.path)
    note = ""
    referenced: set[str] = set()
    for record in list_backups(folder):
        if record.kind == "damaged":
            note = f"Unused files were not cleaned up because {record.name} cannot be read."
            break
        if record.kind == "backup":
            try:
                referenced.update(entry.sha256 for entry in read_manifest(record.path).files)
            except ManifestDamaged as exc:
                note = f"Unused files were not cleaned up: {exc}."
                break
    removed = 0 if note else FileStore(folder / STORE_NAME).collect_garbage(referenced)
    if pruned or removed:
        log.info("backup rotation in %s: pruned %d backup(s), removed %d stored file(s)", folder, len(pruned), removed)
    return RotationResult(tuple(pruned), removed, note)

"""Backup and restore of a synthetic studio: the first (full) backup, a backup with nothing new, and a restore.

The issue sets no goal for these; they are measured so that a change that slows the close-time backup shows."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from measure import Measure, _ms
from studios import studio_dir

from smp_desktop.core.services.backups import BackupService
from smp_desktop.core.studio_db import open_studio
from smp_desktop.paths import StudioPaths


def measure_backup_and_restore(clients: int, repeats: int) -> list[Measure]:
    full, unchanged, restore = [], [], []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as folder:
            paths = StudioPaths(Path(folder) / "studio")
            shutil.copytree(studio_dir(clients), paths.root, ignore=shutil.ignore_patterns(".complete"))
            target = Path(folder) / "backups"
            with open_studio(paths) as studio:
                service = BackupService.for_studio(studio)
                owner = studio.services.studio.owner()
                started = time.perf_counter()
                first = service.back_up(owner, "manual", target)
                full.append(_ms(time.perf_counter() - started))
                started = time.perf_counter()
                service.back_up(owner, "manual", target)
                unchanged.append(_ms(time.perf_counter() - started))
                request = service.prepare_restore(owner, first.path)
            started = time.perf_counter()
            request.run()
            with open_studio(paths):
                restore.append(_ms(time.perf_counter() - started))
    size = f"{clients:,} clients"
    return [
        Measure(f"backup, first (verified), {size}", "ms", full, stat="median"),
        Measure(f"backup, nothing new (verified), {size}", "ms", unchanged, stat="median"),
        Measure(f"restore (safety backup, checks, reopen), {size}", "ms", restore, stat="median"),
    ]

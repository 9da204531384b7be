"""Backup and restore of a synthetic studio: the first (full) backup, a backup with nothing new, an incremental
backup after 10 new 12-megapixel photos were imported (through PhotoService, as the import dialog does), and a
restore.

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

NEW_PHOTOS = 10


def _import_photos(studio, owner, files: list[Path]) -> None:  # type: ignore[no-untyped-def]
    """Ten new camera photos for the first client, as the import dialog brings them in."""
    from smp_desktop.core.progress import run_to_end
    from smp_desktop.core.services.photo_data import PhotoImportOptions

    client_id = studio.services.clients.list_page(owner, limit=1)[0][0].id
    summary = run_to_end(studio.services.photos.import_files(owner, files, PhotoImportOptions(client_id)))
    if summary.imported != len(files):
        raise RuntimeError(f"only {summary.imported} of {len(files)} photos imported")


def measure_backup_and_restore(clients: int, repeats: int) -> list[Measure]:
    from photo_import import photo_set

    files = photo_set(NEW_PHOTOS, 1)  # distinct 12 MP camera JPEGs, cached in bench/.cache
    full, unchanged, incremental, restore = [], [], [], []
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
            with open_studio(paths) as studio:
                restore.append(_ms(time.perf_counter() - started))
                # After the restore (so that it restores what it always did): 10 photos in, backed up again.
                service = BackupService.for_studio(studio)
                owner = studio.services.studio.owner()
                _import_photos(studio, owner, files)
                started = time.perf_counter()
                service.back_up(owner, "manual", target)
                incremental.append(_ms(time.perf_counter() - started))
    size = f"{clients:,} clients"
    return [
        Measure(f"backup, first (verified), {size}", "ms", full, stat="median"),
        Measure(f"backup, nothing new (verified), {size}", "ms", unchanged, stat="median"),
        Measure(f"backup after {NEW_PHOTOS} new 12 MP photos (verified), {size}", "ms", incremental, stat="median"),
        Measure(f"restore (safety backup, checks, reopen), {size}", "ms", restore, stat="median"),
    ]

"""Running a photo import to its end in tests: the progress it reported and its summary."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from smp_desktop.core.progress import Progress, run_to_end
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.photo_data import ImportSummary, PhotoImportOptions
from smp_desktop.core.services.photos import PhotoService


def run_import(
    photos: PhotoService,
    actor: Actor,
    files: Iterable[Path],
    options: PhotoImportOptions,
    *,
    should_stop: Callable[[], bool] | None = None,
) -> tuple[list[Progress], ImportSummary]:
    progress: list[Progress] = []
    summary = run_to_end(photos.import_files(actor, list(files), options, should_stop=should_stop), progress.append)
    return progress, summary

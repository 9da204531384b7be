"""One file's way into the photo store, without the database: read, hash, check, prepare, store, thumbnail.

Runs on worker threads (Pillow decodes and encodes without the GIL); the service records the result in the
database on its own thread, one transaction per file."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from smp_desktop.core.photos import decode
from smp_desktop.core.photos.decode import PreparedPhoto
from smp_desktop.core.photos.limits import IMAGE_SUFFIXES, MAX_FILE_BYTES, THUMBNAIL_SIZE
from smp_desktop.core.photos.rejection import PhotoRejected
from smp_desktop.core.photos.store import PhotoStore, StoredFile, sha256_bytes
from smp_desktop.core.photos.thumbnails import ThumbnailCache

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FileResult:
    """What became of one file before the database: stored (stored and prepared set), already in the client's
    library (existing_id set), or rejected (rejection set)."""

    source: Path
    source_hash: str = ""
    prepared: PreparedPhoto | None = None
    stored: StoredFile | None = None
    existing_id: int | None = None
    rejection: PhotoRejected | None = None


def folder_files(folder: Path) -> list[Path]:
    """The image-looking files in folder and its subfolders, in name order (hidden files and the "._" companions
    macOS leaves on USB sticks skipped)."""
    found = [
        path
        for path in folder.rglob("*")
        if path.suffix.lower() in IMAGE_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
        and path.is_file()
    ]
    return sorted(found, key=lambda path: [part.casefold() for part in path.relative_to(folder).parts])


def read_source(path: Path) -> bytes:
    """The file's bytes, or PhotoRejected when it is missing, not a file, empty, too large or unreadable."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise PhotoRejected("photo_not_a_file", "This is a folder or a device, not a file.")
        if size == 0:
            raise PhotoRejected("photo_empty", "The file is empty (0 bytes): it holds no photo. Copy it again.")
        if size > MAX_FILE_BYTES:
            raise PhotoRejected(
                "photo_too_large",
                f"The file is {_megabytes(size)} MB, more than the {_megabytes(MAX_FILE_BYTES)} MB a photo may be. "
                "Export it at a smaller size or higher compression and import that.",
                size_mb=_megabytes(size),
                limit_mb=_megabytes(MAX_FILE_BYTES),
            )
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as exc:
        raise PhotoRejected("photo_missing", "The file is no longer there (moved or deleted).") from exc
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise PhotoRejected(
            "photo_unreadable",
            f"The file could not be read ({reason}). Check that the drive is connected and the file may be read.",
            detail=reason,
        ) from exc
    if not data:
        raise PhotoRejected("photo_empty", "The file is empty (0 bytes): it holds no photo. Copy it again.")
    if len(data) > MAX_FILE_BYTES:  # it grew while being read
        raise PhotoRejected(
            "photo_too_large",
            f"The file is over {_megabytes(MAX_FILE_BYTES)} MB, the most a photo may be.",
            size_mb=_megabytes(len(data)),
            limit_mb=_megabytes(MAX_FILE_BYTES),
        )
    return data


def process(
    source: Path,
    *,
    store: PhotoStore,
    thumbnails: ThumbnailCache,
    existing: Callable[[str], int | None],
    now: datetime,
) -> FileResult:
    """Bring one file as far as the store. Never raises for a bad file: the result says what happened.

    existing(source_hash) gives the id of the client's photo already imported from these exact bytes, if any."""
    try:
        data = read_source(source)
        source_hash = sha256_bytes(data)
        existing_id = existing(source_hash)
        if existing_id is not None:
            return FileResult(source, source_hash, existing_id=existing_id)
        prepared = decode.prepare(data, now=now)
        del data  # the original's bytes are not needed any more; a batch of large files holds less memory
        stored = _store(store, prepared)
    except PhotoRejected as rejection:
        return FileResult(source, rejection=rejection)
    except MemoryError:
        return FileResult(
            source,
            rejection=PhotoRejected(
                "photo_too_large", "The computer ran out of memory opening this image. Export it smaller."
            ),
        )
    try:
        thumbnails.put(stored.content_hash, THUMBNAIL_SIZE, prepared.thumbnail)
    except OSError as exc:  # the cache is a convenience: the thumbnail is made again when first shown
        log.warning("could not cache the thumbnail of %s: %s", stored.name, exc)
    return FileResult(source, source_hash, prepared=prepared, stored=stored)


def _store(store: PhotoStore, prepared: PreparedPhoto) -> StoredFile:
    try:
        return store.put(prepared.data, prepared.suffix)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise PhotoRejected(
            "photo_not_saved",
            f"The photo could not be saved in the studio's photo folder ({reason}); nothing of it was kept. "
            "Check the free space on the disk and import it again.",
            detail=reason,
        ) from exc


def _megabytes(size: int) -> int:
    return max(1, round(size / (1024 * 1024)))


def worker_count() -> int:
    """Files prepared at once: one per core to decode (Pillow lets go of the interpreter lock while it decodes),
    plus one to keep the cores busy while another file waits for the disk (each stored copy is fsynced), at most
    four (each file in flight holds its bytes, its clean copy and, while it decodes, up to
    thumbnails.DECODER_FEED more in memory)."""
    return max(2, min(4, (os.cpu_count() or 1) + 1))

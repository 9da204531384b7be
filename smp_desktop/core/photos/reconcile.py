"""Checking the photo store against the photo records (db check): every record's file present and intact, every
file in the store belonging to a record."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from smp_desktop.core.photos.store import PARTIAL_SUFFIX, PhotoStore, sha256_file


@dataclass(frozen=True, slots=True)
class StoredPhoto:
    """What the records say about one stored file (several records may share it)."""

    stored_name: str
    content_hash: str
    photo_id: int  # one of the records using it, to name in a finding
    original_filename: str


@dataclass(frozen=True, slots=True)
class StoreFindings:
    """Each finding as a sentence naming the file (as `prefix/<name in the store>`) and what to do."""

    missing: tuple[str, ...]
    damaged: tuple[str, ...]
    strays: tuple[str, ...]  # files no record uses: orphans, and unfinished copies of interrupted saves

    @property
    def clean(self) -> bool:
        return not (self.missing or self.damaged or self.strays)


def reconcile(store: PhotoStore, records: Iterable[StoredPhoto], prefix: str = "photos") -> StoreFindings:
    """Read every stored file once: a record without its file, a file whose bytes no longer match the hash in its
    name and record (damaged, or changed by another program), and files no record uses."""
    expected = {record.stored_name: record for record in records}
    missing: list[str] = []
    damaged: list[str] = []
    for name, record in sorted(expected.items()):
        which = f"photo #{record.photo_id} ({record.original_filename})"
        path = store.path(name)
        if not path.is_file():
            missing.append(
                f"{prefix}/{name} is missing: {which} has no file, so it cannot be shown. Restore the photo folder "
                "from a backup, or delete the photo."
            )
            continue
        try:
            actual = sha256_file(path)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            damaged.append(f"{prefix}/{name} of {which} cannot be read ({reason}). Restore it from a backup.")
            continue
        if actual != record.content_hash or Path(name).stem != record.content_hash:
            damaged.append(
                f"{prefix}/{name} of {which} does not match its fingerprint: the file was damaged or changed by "
                "another program. Restore it from a backup."
            )
    strays: list[str] = []
    for path in store.files():
        name = path.relative_to(store.root).as_posix()
        if name in expected:
            continue
        if path.name.endswith(PARTIAL_SUFFIX):
            strays.append(
                f"{prefix}/{name} is an unfinished copy left by a save that was interrupted; the finished file was "
                "never put in its place. It can be deleted."
            )
        else:
            strays.append(
                f"{prefix}/{name} is an orphan file: no record refers to it, so it is not shown anywhere in the app. "
                "It may have been put there by hand; move it out of the data folder if it is not needed."
            )
    return StoreFindings(tuple(missing), tuple(damaged), tuple(strays))

"""The photo and document files of a data folder as a backup sees them: relative path, size, modification time."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from smp_desktop.core.backups.manifest import FILE_FOLDERS


@dataclass(frozen=True, slots=True)
class StudioFile:
    relative: str  # posix path under the data folder, e.g. "photos/2026/0042-front.jpg"
    path: Path
    size: int
    mtime_ns: int


def scan_studio_files(data_root: Path) -> list[StudioFile]:
    """Every regular file under photos/ and documents/, sorted by path. Links are not followed (a link could
    point anywhere, and a backup must hold the studio's own files)."""
    found: list[StudioFile] = []
    for folder_name in FILE_FOLDERS:
        top = data_root / folder_name
        if not top.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(top, followlinks=False):
            dirnames.sort()
            for name in sorted(filenames):
                path = Path(dirpath) / name
                try:
                    info = path.lstat()
                except FileNotFoundError:  # deleted while we looked
                    continue
                if not stat.S_ISREG(info.st_mode):
                    continue
                relative = path.relative_to(data_root).as_posix()
                found.append(StudioFile(relative, path, info.st_size, info.st_mtime_ns))
    found.sort(key=lambda f: f.relative)
    return found


def files_fingerprint(files: list[StudioFile]) -> str:
    """One hash of every file's name, size and modification time: it changes when any file is added, removed,
    replaced or touched, without reading a byte of them."""
    digest = hashlib.sha256()
    for f in files:
        digest.update(f"{f.relative}\0{f.size}\0{f.mtime_ns}\n".encode())
    return digest.hexdigest()

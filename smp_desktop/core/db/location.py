"""Where the data folder lives: SQLite needs a local disk, so a network share or a cloud-sync folder gets a warning."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

# Folder names cloud-sync clients create (Dropbox, OneDrive incl. "OneDrive - Company", Google Drive incl. its
# "My Drive", iCloud Drive's Mobile Documents and CloudStorage on macOS, pCloud, Box), compared case-blind.
CLOUD_FOLDERS = {
    "dropbox": "Dropbox",
    "onedrive": "OneDrive",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "icloud drive": "iCloud Drive",
    "iclouddrive": "iCloud Drive",  # iCloud for Windows
    "icloud": "iCloud Drive",
    "icloud~com~apple~clouddocs": "iCloud Drive",
    "mobile documents": "iCloud Drive",
    "com~apple~clouddocs": "iCloud Drive",
    "pcloud": "pCloud",
    "pcloud drive": "pCloud",
    "pclouddrive": "pCloud",  # its Linux mount
    "box": "Box",
    "box sync": "Box",
}
CLOUD_PREFIXES = {"onedrive - ": "OneDrive", "dropbox (": "Dropbox", "googledrive-": "Google Drive"}
# Filesystem types (Linux, macOS) that are network shares (fuse.* mounts are mostly sshfs, rclone and cloud drives).
NETWORK_FSTYPES = {
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "afpfs", "9p", "ceph", "glusterfs", "davfs", "webdav",
}  # fmt: skip

WHY = (
    "SQLite, the database inside SMP Desktop, must stay on this computer's own disk: {where} can deliver changes "
    "late, out of order or twice, and can lock or copy the file while it is being saved, which damages it or "
    "loses records. Choose a data folder on a local disk (and back up to the network or cloud instead)."
)


def storage_warning(
    folder: str | os.PathLike[str], *, mounts: Iterable[tuple[str, str]] | None = None, platform: str | None = None
) -> str | None:
    """A warning for a data folder on a network share or in a cloud-sync folder, or None for a local disk.

    mounts, (mount point, filesystem type) pairs, stands in for /proc/mounts or macOS `mount`; platform for
    sys.platform (both for tests)."""
    platform = platform or sys.platform
    path: PurePath = PureWindowsPath(folder) if platform == "win32" else PurePosixPath(folder)
    cloud = _cloud_service(path)
    if cloud:
        return f"The data folder {folder} is inside a {cloud} folder. " + WHY.format(where=f"{cloud}'s syncing")
    share = _network_share(path, platform, mounts)
    if share:
        return f"The data folder {folder} is on {share}. " + WHY.format(where="a network share")
    return None


def _cloud_service(path: PurePath) -> str | None:
    for part in path.parts:
        name = part.casefold().rstrip("/\\")
        if name in CLOUD_FOLDERS:
            return CLOUD_FOLDERS[name]
        for prefix, service in CLOUD_PREFIXES.items():
            if name.startswith(prefix):
                return service
    return None


def _network_share(path: PurePath, platform: str, mounts: Iterable[tuple[str, str]] | None) -> str | None:
    if platform == "win32":
        drive = path.drive
        if drive.startswith(("\\\\", "//")):
            return f"the network share {drive}"
        if drive and _windows_drive_is_remote(drive):
            return f"the network drive {drive}"
        return None
    if mounts is None:
        mounts = _linux_mounts() if platform.startswith("linux") else _macos_mounts(platform)
    mount_point, fstype = _mount_of(path, mounts)
    if fstype in NETWORK_FSTYPES or (fstype.startswith("fuse.") and fstype not in {"fuse.portal", "fuse.lxcfs"}):
        return f"a network or cloud drive ({fstype} at {mount_point})"
    return None


def _mount_of(path: PurePath, mounts: Iterable[tuple[str, str]]) -> tuple[str, str]:
    """The mount holding path: the longest mount point that is path or one of its parents."""
    best = ("/", "")
    for point, fstype in mounts:
        mount = PurePosixPath(point)
        if (mount == path or mount in path.parents) and len(point) >= len(best[0]):
            best = (point, fstype)
    return best


def _linux_mounts() -> list[tuple[str, str]]:
    try:
        text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:  # /proc/mounts escapes a space in a mount point as \040
            mounts.append((fields[1].replace("\\040", " "), fields[2]))
    return mounts


def _macos_mounts(platform: str) -> list[tuple[str, str]]:
    if platform != "darwin":
        return []
    import subprocess

    try:
        listing = subprocess.run(["/sbin/mount"], capture_output=True, text=True, timeout=5, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return parse_bsd_mounts(listing)


def parse_bsd_mounts(listing: str) -> list[tuple[str, str]]:
    """`mount` on macOS: "//ana@nas/studio on /Volumes/studio (smbfs, nodev, nosuid, mounted by ana)"."""
    mounts = []
    for line in listing.splitlines():
        head, _, options = line.rpartition(" (")
        _, on, point = head.partition(" on ")
        if on and options:
            mounts.append((point, options.split(",")[0].strip(" )")))
    return mounts


def _windows_drive_is_remote(drive: str) -> bool:
    """A mapped network drive letter (Z:) on Windows."""
    if sys.platform != "win32":
        return False
    import ctypes

    DRIVE_REMOTE = 4
    return int(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")) == DRIVE_REMOTE

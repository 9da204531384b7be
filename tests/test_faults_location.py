"""A data folder on a network share or in a cloud-sync folder gets a warning that explains why SQLite needs a local
disk; a local folder gets none. Paths are synthetic, the mount table is given."""

from __future__ import annotations

from pathlib import Path

import pytest

from smp_desktop.core.db.location import parse_bsd_mounts, storage_warning
from smp_desktop.core.studio_db import open_studio
from smp_desktop.paths import StudioPaths

LINUX_MOUNTS = [
    ("/", "ext4"),
    ("/home", "btrfs"),
    ("/mnt/nas", "nfs4"),
    ("/mnt/office share", "cifs"),
    ("/media/smb", "smb3"),
    ("/home/ana/remote", "fuse.sshfs"),
    ("/home/ana/gdrive", "fuse.rclone"),
    ("/media/ana/USB", "vfat"),
    ("/media/ana/ntfs", "fuseblk"),
]


@pytest.mark.parametrize(
    ("folder", "platform", "service"),
    [
        ("/home/ana/Dropbox/SMP Desktop", "linux", "Dropbox"),
        ("/home/ana/Dropbox (Studio Ltd)/SMP", "linux", "Dropbox"),
        (r"C:\Users\Ana\OneDrive\Documents\SMP Desktop", "win32", "OneDrive"),
        (r"C:\Users\Ana\OneDrive - Ink & Co\SMP", "win32", "OneDrive"),
        (r"G:\My Drive\SMP Desktop", "win32", "Google Drive"),
        ("/Users/ana/Library/CloudStorage/GoogleDrive-ana@example.com/My Drive/SMP", "darwin", "Google Drive"),
        ("/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/SMP", "darwin", "iCloud Drive"),
        (r"C:\Users\Ana\iCloudDrive\SMP", "win32", "iCloud Drive"),
        ("/home/ana/pCloudDrive/SMP", "linux", "pCloud"),
        ("/home/ana/Dropboxes/SMP", "linux", None),  # a folder name that only starts like one: no false alarm
        ("/Users/ana/Box/SMP Desktop", "darwin", "Box"),
    ],
)
def test_cloud_sync_folders_are_named(folder: str, platform: str, service: str | None) -> None:
    warning = storage_warning(folder, mounts=[("/", "ext4")], platform=platform)
    if service is None:
        assert warning is None
        return
    assert warning is not None
    assert warning.startswith(f"The data folder {folder} is inside a {service} folder.")
    assert "must stay on this computer's own disk" in warning and "local disk" in warning


@pytest.mark.parametrize(
    ("folder", "shown"),
    [
        ("/mnt/nas/studio", "nfs4 at /mnt/nas"),
        ("/mnt/office share/SMP Desktop", "cifs at /mnt/office share"),
        ("/media/smb/x", "smb3 at /media/smb"),
        ("/home/ana/remote/studio", "fuse.sshfs at /home/ana/remote"),
        ("/home/ana/gdrive/studio", "fuse.rclone at /home/ana/gdrive"),
    ],
)
def test_network_mounts_on_linux_are_named(folder: str, shown: str) -> None:
    warning = storage_warning(folder, mounts=LINUX_MOUNTS, platform="linux")
    assert warning is not None and f"is on a network or cloud drive ({shown})" in warning
    assert "a network share can deliver changes late" in warning


@pytest.mark.parametrize(
    "folder",
    [
        "/home/ana/.local/share/SMP Desktop",
        "/mnt/nasty/studio",  # a prefix of a network mount point's name is not inside it
        "/media/ana/USB/SMP",
        "/media/ana/ntfs/SMP",
        "/home/ana/boxes/SMP",
    ],
)
def test_local_folders_get_no_warning(folder: str) -> None:
    assert storage_warning(folder, mounts=LINUX_MOUNTS, platform="linux") is None


def test_unc_paths_on_windows_are_network_shares() -> None:
    warning = storage_warning(r"\\nas\studio\SMP Desktop", platform="win32")
    assert warning is not None and r"is on the network share \\nas\studio" in warning
    assert storage_warning(r"C:\Users\Ana\AppData\Local\SMP Desktop\SMP Desktop", platform="win32") is None


def test_macos_shares_under_volumes_are_found_in_the_mount_listing() -> None:
    listing = (
        "/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)\n"
        "//ana@nas._smb._tcp.local/studio on /Volumes/studio (smbfs, nodev, nosuid, mounted by ana)\n"
        "/dev/disk4s1 on /Volumes/Backup Disk (apfs, local, nodev, nosuid, journaled, noowners)\n"
    )
    mounts = parse_bsd_mounts(listing)
    assert mounts == [("/", "apfs"), ("/Volumes/studio", "smbfs"), ("/Volumes/Backup Disk", "apfs")]
    assert "smbfs at /Volumes/studio" in (
        storage_warning("/Volumes/studio/SMP", mounts=mounts, platform="darwin") or ""
    )
    assert storage_warning("/Volumes/Backup Disk/SMP", mounts=mounts, platform="darwin") is None


def test_the_open_studio_carries_the_warning_for_the_ui(tmp_path: Path) -> None:
    with open_studio(StudioPaths(tmp_path / "Dropbox" / "studio")) as studio:
        assert studio.storage_warning is not None and "inside a Dropbox folder" in studio.storage_warning
    with open_studio(StudioPaths(tmp_path / "local" / "studio")) as studio:
        assert studio.storage_warning is None

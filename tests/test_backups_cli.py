"""`backup`, `backups list` and `restore` on the command line: real studios, exit codes and what a person reads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from smp_desktop.cli import main
from smp_desktop.core.backups import list_backups
from smp_desktop.core.backups.manifest import read_manifest
from smp_desktop.core.backups.store import FileStore
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.client_data import ClientDraft
from smp_desktop.core.studio_db import OpenStudio, open_studio
from smp_desktop.paths import DATABASE_FILENAME, StudioPaths
from tests.conftest import TODAY
from tests.conftest import run_cli as run


def _names(root: Path) -> list[str]:
    with open_studio(StudioPaths(root), today=lambda: TODAY) as opened:
        owner = opened.services.studio.owner()
        return sorted(f"{r.draft.first_name} {r.draft.last_name}" for r in opened.services.clients.iter_records(owner))


@pytest.fixture
def with_clients(studio: OpenStudio, owner: Actor, studio_paths: StudioPaths) -> StudioPaths:
    for first, last in (("Łukasz", "Żółkiewski"), ("محمد", "العلي"), ("小明", "王")):
        studio.services.clients.create(owner, ClientDraft(first_name=first, last_name=last), allow_duplicate=True)
    (studio_paths.photos / "2026").mkdir(parents=True)
    (studio_paths.photos / "2026" / "前.jpg").write_bytes(b"\xff\xd8 a photo")
    (studio_paths.documents / "consent.pdf").write_bytes(b"%PDF- signed")
    return studio_paths


def test_backup_prints_where_how_big_and_the_verification(
    capsys: pytest.CaptureFixture[str], with_clients: StudioPaths
) -> None:
    code, out, err = run(capsys, "--data-dir", with_clients.root, "backup")
    assert code == 0, err
    (record,) = list_backups(with_clients.backups)
    lines = out.splitlines()
    assert lines[0] == f"Backed up to {record.path}"
    assert "the database and 2 photo/document file(s); 2 new file(s) copied (22 bytes)" in lines[1]
    assert lines[2].startswith("Verified OK: database hash, database integrity")
    assert record.ok and record.reason == "manual"


def test_backup_to_another_folder_then_list_it(
    capsys: pytest.CaptureFixture[str], with_clients: StudioPaths, tmp_path: Path
) -> None:
    drive = tmp_path / "drive"
    drive.mkdir()
    code, out, err = run(capsys, "--data-dir", with_clients.root, "backup", "--to", drive / "SMP")
    assert code == 0, err
    assert f"Backed up to {drive / 'SMP'}" in out
    assert not any(with_clients.backups.iterdir())  # nothing went to the default folder

    code, out, err = run(capsys, "--data-dir", with_clients.root, "backups", "list", "--from", drive / "SMP")
    assert code == 0, err
    (line,) = out.splitlines()
    name, _day, _time, reason, _size, unit, *result = line.split()
    assert name.endswith("-manual") and reason == "manual"
    assert unit in ("KB", "MB") and " ".join(result) == "verified OK"
    assert f"1 backup(s) in {drive / 'SMP'}" in err


def test_backups_list_is_newest_first_and_shows_failures(
    capsys: pytest.CaptureFixture[str], with_clients: StudioPaths
) -> None:
    for _ in range(2):
        assert run(capsys, "--data-dir", with_clients.root, "backup")[0] == 0
    older, newer = sorted(r.path for r in list_backups(with_clients.backups))  # in one second: ...-manual-2
    entry = next(iter(read_manifest(older).files))
    blob = FileStore(with_clients.backups / "files").blob(entry.sha256)
    blob.write_bytes(b"x" + blob.read_bytes()[1:])  # later damage, not seen until the next verification
    shutil.copy(older / "studio.sqlite", with_clients.backups / "before-upgrade-0001-20200101T000000Z.sqlite")

    code, out, err = run(capsys, "--data-dir", with_clients.root, "backups", "list")
    assert code == 0, err
    lines = out.splitlines()
    legacy = "before-upgrade-0001-20200101T000000Z.sqlite"
    assert [line.split()[0] for line in lines] == [newer.name, older.name, legacy]
    assert lines[2].split()[3] == "before-upgrade" and lines[2].endswith("not verified (database only)")
    assert all(line.endswith("verified OK") for line in lines[:2])  # the stored result of each backup

    code, _out, err = run(capsys, "--data-dir", with_clients.root, "restore", older.name)
    assert code == 1
    assert f"The backup {older.name} failed its check, so nothing was restored" in err
    assert "is damaged in the file store" in err and "Traceback" not in err


def test_restore_by_name_brings_the_clients_back(
    capsys: pytest.CaptureFixture[str], studio: OpenStudio, owner: Actor, with_clients: StudioPaths
) -> None:
    assert run(capsys, "--data-dir", with_clients.root, "backup")[0] == 0
    (backup,) = list_backups(with_clients.backups)
    before = _names(with_clients.root)
    studio.services.clients.create(owner, ClientDraft(first_name="Added", last_name="Later"))
    (with_clients.photos / "2026" / "前.jpg").unlink()
    studio.close()  # the app is closed while the command line restores

    code, out, err = run(capsys, "--data-dir", with_clients.root, "restore", backup.name)
    assert code == 0, err
    safety = next(r for r in list_backups(with_clients.backups) if r.reason == "before-restore")
    lines = out.splitlines()
    assert lines[0] == f"Safety backup of the studio as it was: {safety.path}"
    assert lines[1].startswith(f"Restored the studio from {backup.path} (schema ")
    assert "2 photo/document file(s): 1 copied from the backup, 1 already in place" in lines[2]
    assert lines[-1] == "The studio opens with 3 client(s)."
    assert _names(with_clients.root) == before
    assert (with_clients.photos / "2026" / "前.jpg").read_bytes() == b"\xff\xd8 a photo"


def test_restore_from_a_plain_sqlite_file_into_a_new_data_folder(
    capsys: pytest.CaptureFixture[str], studio: OpenStudio, with_clients: StudioPaths, tmp_path: Path
) -> None:
    studio.close()
    copy = tmp_path / "old copy.sqlite"
    shutil.copy(with_clients.database, copy)
    new_root = tmp_path / "new computer"
    code, out, err = run(capsys, "--data-dir", new_root, "restore", copy)
    assert code == 0, err
    assert "Safety backup" not in out
    assert f"Restored the studio from {copy}" in out
    assert "holds no photos or documents" in err and "no studio database to back up" in err
    assert _names(new_root) == _names(with_clients.root)


def test_restore_refusals_are_sentences_with_exit_1(
    capsys: pytest.CaptureFixture[str], studio: OpenStudio, with_clients: StudioPaths, tmp_path: Path
) -> None:
    root = with_clients.root
    studio.close()
    before = with_clients.database.read_bytes()

    code, _out, err = run(capsys, "--data-dir", root, "restore", "20200101T000000Z-manual")
    assert code == 1 and "There is no backup named 20200101T000000Z-manual" in err

    unplugged = tmp_path / "usb-drive" / "SMP Backups" / "20261125T100000Z-manual"
    code, _out, err = run(capsys, "--data-dir", root, "restore", unplugged)
    assert code == 1 and "usb-drive does not exist" in err and "connect the drive" in err

    code, _out, err = run(capsys, "--data-dir", root, "restore", "20261125T100000Z-manual", "--from", unplugged.parent)
    assert code == 1 and "usb-drive does not exist" in err

    not_a_backup = tmp_path / "holiday"
    not_a_backup.mkdir()
    code, _out, err = run(capsys, "--data-dir", root, "restore", not_a_backup)
    assert code == 1 and "is not an SMP Desktop backup" in err

    for _, _, err in [run(capsys, "--data-dir", root, "restore", p) for p in (unplugged, not_a_backup)]:
        assert "Traceback" not in err
    assert with_clients.database.read_bytes() == before
    assert list_backups(with_clients.backups) == []


def test_backup_to_a_missing_drive_exits_1(
    capsys: pytest.CaptureFixture[str], with_clients: StudioPaths, tmp_path: Path
) -> None:
    code, out, err = run(capsys, "--data-dir", with_clients.root, "backup", "--to", tmp_path / "E-drive" / "SMP")
    assert code == 1 and out == ""
    assert "error: The backup folder cannot be used:" in err and "E-drive does not exist" in err
    code, _out, err = run(capsys, "--data-dir", with_clients.root, "backups", "list", "--from", tmp_path / "E-drive")
    assert code == 1 and "E-drive does not exist" in err


def test_backup_needs_a_studio(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = tmp_path / "nothing here"
    code, _out, err = run(capsys, "--data-dir", root, "backup")
    assert code == 1 and "no studio" in err
    assert not (root / DATABASE_FILENAME).exists()
    code, out, err = run(capsys, "--data-dir", root, "backups", "list")
    assert code == 1 and "does not exist" in err and out == ""
    assert not (root / DATABASE_FILENAME).exists()


@pytest.mark.parametrize("argv", [["backups"], ["backups", "show"], ["restore"], ["backup", "extra"]], ids=" ".join)
def test_wrong_usage_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--data-dir", str(tmp_path / "studio"), *argv])
    assert caught.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_a_damaged_studio_is_restored_by_name(
    capsys: pytest.CaptureFixture[str], studio: OpenStudio, with_clients: StudioPaths
) -> None:
    assert run(capsys, "--data-dir", with_clients.root, "backup")[0] == 0
    (backup,) = list_backups(with_clients.backups)
    names = _names(with_clients.root)
    studio.close()
    with_clients.database.write_bytes(b"\0" * 100 + with_clients.database.read_bytes()[100:])  # a zeroed header

    code, out, err = run(capsys, "--data-dir", with_clients.root, "restore", backup.name)
    assert code == 0, err
    assert "damaged" in err  # why the studio could not be opened (and that the damaged file was kept)
    assert f"Restored the studio from {backup.path}" in out
    assert _names(with_clients.root) == names


def test_a_client_import_backs_the_studio_up_first(
    capsys: pytest.CaptureFixture[str], with_clients: StudioPaths, tmp_path: Path
) -> None:
    csv_file = tmp_path / "new.csv"
    csv_file.write_text("first_name,last_name\nImported,Person\n", encoding="utf-8")
    before = {r.path for r in list_backups(with_clients.backups)}
    code, _out, err = run(capsys, "--data-dir", with_clients.root, "clients", "import", csv_file)
    assert code == 0, err
    new = [r for r in list_backups(with_clients.backups) if r.path not in before]
    assert [r.reason for r in new] == ["before-import"]
    assert "A backup was taken first" in err and str(new[0].path) in err
    # The backup holds the studio as it was before the import.
    manifest = read_manifest(new[0].path)
    assert manifest.reason == "before-import"
    import sqlite3

    copy = sqlite3.connect(new[0].path / DATABASE_FILENAME)
    try:
        names = [row[0] for row in copy.execute("SELECT first_name FROM client")]
    finally:
        copy.close()
    assert "Imported" not in names and names

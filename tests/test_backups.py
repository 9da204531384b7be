"""Backups on real files: what a backup holds, that a restore gives the same studio back, the incremental file
store, verification that catches damage, rotation and garbage collection, and the service's warnings."""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from smp_desktop.core.backups import (
    BackupFailed,
    BackupRecord,
    RestoreRefused,
    RotationPolicy,
    Verification,
    backups_to_keep,
    list_backups,
    restore_studio,
    verify_backup,
)
from smp_desktop.core.backups.catalogue import remembered_backup_folder
from smp_desktop.core.backups.manifest import read_manifest
from smp_desktop.core.backups.store import FileStore, sha256_of
from smp_desktop.core.db import migrate
from smp_desktop.core.domain import StaffRole
from smp_desktop.core.services.access import Actor, PermissionDenied
from smp_desktop.core.services.backups import BackupService
from smp_desktop.core.services.client_data import ClientDraft
from smp_desktop.core.studio_db import OpenStudio, open_studio
from smp_desktop.paths import StudioPaths
from tests.conftest import TODAY, next_release_migrations

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)

CLIENTS = (
    ClientDraft(first_name="Łukasz", last_name="Żółkiewski", date_of_birth=date(1990, 12, 31), phone="+48 512 345 678"),
    ClientDraft(first_name="محمد", last_name="العلي", email="m@example.com", notes="ملاحظات\nسطر ثان"),
    ClientDraft(first_name="小明", last_name="王", notes="Ελληνικά, Кириллица, Tiếng Việt 👨‍👩‍👧"),
    ClientDraft(first_name="Siobhán", last_name="Ó Briain", notes='quotes "and" \\ backslashes'),
)
FILES = {
    "photos/2026-11/Żółkiewski/前.jpg": 40_000,
    "photos/2026-11/Żółkiewski/back.jpg": 25_000,
    "photos/2026-10/العلي/top.png": 9_000,
    "documents/consent/Siobhán Ó Briain.pdf": 12_000,
    "documents/empty.txt": 0,
}


def _write_files(root: Path, files: dict[str, int], seed: int = 7) -> dict[str, bytes]:
    rng = random.Random(seed)
    written = {}
    for relative, size in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        data = rng.randbytes(size)
        path.write_bytes(data)
        written[relative] = data
    return written


def _tree(root: Path) -> dict[str, bytes]:
    """Every file under photos/ and documents/, by posix path, with its bytes."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for top in ("photos", "documents")
        for p in sorted((root / top).rglob("*"))
        if p.is_file()
    }


def _drafts(paths: StudioPaths) -> list[tuple[int, ClientDraft]]:
    with open_studio(paths, today=lambda: TODAY) as opened:
        owner = opened.services.studio.owner()
        return [(r.id, r.draft) for r in opened.services.clients.iter_records(owner)]


def _flip_bytes(path: Path, offset: int, count: int = 16) -> None:
    data = bytearray(path.read_bytes())
    for i in range(offset, min(offset + count, len(data))):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.fixture
def backups(studio: OpenStudio) -> BackupService:
    return BackupService.for_studio(studio)


@pytest.fixture
def filled(studio: OpenStudio, owner: Actor, studio_paths: StudioPaths) -> dict[str, bytes]:
    """The studio with international clients, photos and documents; returns the files written."""
    for draft in CLIENTS:
        studio.services.clients.create(owner, draft, allow_duplicate=True)
    return _write_files(studio_paths.root, FILES)


# --- what a backup holds -------------------------------------------------------------------------------------------


def test_a_backup_holds_the_database_and_every_photo_and_document(
    backups: BackupService, owner: Actor, studio_paths: StudioPaths, filled: dict[str, bytes]
) -> None:
    record = backups.back_up(owner, "manual", now=NOW)

    assert record.ok, record.verification
    assert record.path == studio_paths.backups / "20261125T180000Z-manual"
    assert sorted(p.name for p in record.path.iterdir()) == ["manifest.json", "studio.sqlite", "verified.json"]
    manifest = read_manifest(record.path)
    assert manifest.reason == "manual" and manifest.created_at == NOW
    assert manifest.schema_revision == migrate.SCHEMA_HEAD
    assert manifest.database_sha256 == sha256_of(record.path / "studio.sqlite")
    assert manifest.database_size == (record.path / "studio.sqlite").stat().st_size
    store = FileStore(studio_paths.backups / "files")
    assert {e.path for e in manifest.files} == set(FILES)
    for entry in manifest.files:
        assert store.blob(entry.sha256).read_bytes() == filled[entry.path]
        assert entry.size == FILES[entry.path]
    assert record.file_count == len(FILES)
    assert record.size == manifest.database_size + sum(FILES.values())
    assert record.copied_files == len(FILES) and record.copied_bytes == sum(FILES.values())

    # The copy is a self-contained database (no WAL beside it) holding the clients, made while the studio was open.
    copy = sqlite3.connect(record.path / "studio.sqlite")
    try:
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert {row[0] for row in copy.execute("SELECT last_name FROM client")} == {d.last_name for d in CLIENTS}
    finally:
        copy.close()
    stored = json.loads((record.path / "verified.json").read_text(encoding="utf-8"))
    assert stored["ok"] is True and stored["problems"] == []
    assert [r.path for r in list_backups(studio_paths.backups)] == [record.path]


def test_the_backup_folder_setting_is_honoured(
    studio: OpenStudio, backups: BackupService, owner: Actor, tmp_path: Path
) -> None:
    external = tmp_path / "USB drive" / "SMP Backups #1"
    external.parent.mkdir()
    studio.services.studio.set_setting(owner, "backup_folder", str(external))
    record = backups.back_up(owner, now=NOW)
    assert record.ok and record.path.parent == external
    assert backups.last_good_backup() == record


def test_the_data_folder_remembers_where_good_backups_go(
    backups: BackupService, owner: Actor, studio_paths: StudioPaths, tmp_path: Path
) -> None:
    assert remembered_backup_folder(studio_paths.root) is None
    backups.back_up(owner, to=tmp_path / "elsewhere")  # a one-off folder is not the studio's backup folder
    assert remembered_backup_folder(studio_paths.root) is None
    backups.back_up(owner)
    assert remembered_backup_folder(studio_paths.root) == studio_paths.backups
    drive = tmp_path / "drive"
    drive.mkdir()
    backups.set_folder(owner, drive)
    assert remembered_backup_folder(studio_paths.root) == drive
    (studio_paths.root / "backup-folder.json").write_text("{not json")
    assert remembered_backup_folder(studio_paths.root) is None  # a damaged note is no note


def test_a_second_backup_copies_only_the_new_file(
    backups: BackupService, owner: Actor, studio_paths: StudioPaths, filled: dict[str, bytes]
) -> None:
    first = backups.back_up(owner, now=NOW)
    store = FileStore(studio_paths.backups / "files")
    before = {blob: (blob.stat().st_ino, blob.stat().st_mtime_ns) for blob in (store.root).rglob("*") if blob.is_file()}
    assert len(before) == store.blob_count() == len(FILES)

    (studio_paths.photos / "2026-11" / "new.jpg").write_bytes(b"a new photo")
    second = backups.back_up(owner, now=NOW + timedelta(minutes=30))

    assert second.ok and first.ok
    assert second.copied_files == 1 and second.copied_bytes == len(b"a new photo")
    assert second.file_count == len(FILES) + 1
    assert store.blob_count() == len(FILES) + 1
    after = {blob: (blob.stat().st_ino, blob.stat().st_mtime_ns) for blob in before}
    assert after == before  # the files already stored were not written again


def test_backups_hash_what_they_add_and_the_whole_store_once_a_week(
    backups: BackupService, owner: Actor, studio_paths: StudioPaths, filled: dict[str, bytes]
) -> None:
    """A close-time backup must not read years of photos every time; bit rot on the drive still shows within a
    week, and a restore always re-hashes everything it relies on."""
    first = backups.back_up(owner, now=NOW)
    assert first.ok and first.verification is not None
    assert f"{len(FILES)} file hash(es)" in first.verification.checked  # the first backup reads every file
    store = FileStore(studio_paths.backups / "files")
    rotting = next(blob for blob in store.root.rglob("*") if blob.is_file())
    rotting.write_bytes(bytes(len(rotting.read_bytes())))  # same size, different bytes: bit rot

    (studio_paths.photos / "2026-11" / "new.jpg").write_bytes(b"a new photo")
    second = backups.back_up(owner, now=NOW + timedelta(days=1))
    assert second.ok and second.verification is not None
    assert f"1 new file hash(es), {len(FILES)} stored file(s) present" in second.verification.checked

    week_later = backups.back_up(owner, now=NOW + timedelta(days=7, minutes=1))
    assert not week_later.ok and week_later.verification is not None
    assert any("is damaged in the file store" in problem for problem in week_later.verification.problems)
    with pytest.raises(RestoreRefused, match="failed its check"):  # and a restore never relies on it
        restore_studio(studio_paths, second.path, now=NOW + timedelta(days=8))


def test_a_missing_backup_drive_is_a_clear_error(backups: BackupService, owner: Actor, tmp_path: Path) -> None:
    unplugged = tmp_path / "media" / "usb-drive" / "SMP Backups"
    (tmp_path / "media").mkdir()
    with pytest.raises(BackupFailed) as caught:
        backups.back_up(owner, to=unplugged)
    message = str(caught.value)
    assert "usb-drive does not exist" in message and "connect the drive" in message
    assert not (tmp_path / "media" / "usb-drive").exists()  # no folder made on the computer's own disk instead


def test_only_the_owner_may_back_up_or_restore(backups: BackupService, studio_paths: StudioPaths) -> None:
    artist = Actor(99, "Ari Artist", StaffRole.ARTIST)
    with pytest.raises(PermissionDenied):
        backups.back_up(artist)
    with pytest.raises(PermissionDenied):
        backups.prepare_restore(artist, studio_paths.backups / "anything")
    assert not any(studio_paths.backups.iterdir())


# --- restore -------------------------------------------------------------------------------------------------------


def test_restore_gives_back_the_same_studio_after_a_safety_backup(
    studio: OpenStudio, backups: BackupService, owner: Actor, studio_paths: StudioPaths, filled: dict[str, bytes]
) -> None:
    backup = backups.back_up(owner, now=NOW)
    original_clients = _drafts(studio_paths)
    original_files = _tree(studio_paths.root)

    # Life goes on: a new client, an edited one, a photo replaced, one deleted, a document added.
    studio.services.clients.create(owner, ClientDraft(first_name="Later", last_name="Client"))
    first_id = original_clients[0][0]
    studio.services.clients.update(owner, first_id, ClientDraft(first_name="Changed", last_name="Name"))
    (studio_paths.root / "photos/2026-11/Żółkiewski/前.jpg").write_bytes(b"retouched")
    (studio_paths.root / "photos/2026-10/العلي/top.png").unlink()
    (studio_paths.root / "documents/later.pdf").write_bytes(b"signed later")
    changed_files = _tree(studio_paths.root)

    request = backups.prepare_restore(owner, backup)
    studio.close()  # the protocol: a restore runs on a closed studio
    report = request.run(now=NOW + timedelta(hours=1))

    assert _drafts(studio_paths) == original_clients
    assert _tree(studio_paths.root) == original_files
    restored = sqlite3.connect(studio_paths.database)
    try:  # the restored studio's audit trail says so
        last = restored.execute("SELECT action, entity, detail, at FROM audit_event ORDER BY id DESC").fetchone()
    finally:
        restored.close()
    assert last[:2] == ("restore", "studio")
    assert last[2] == f"restored from {backup.path}, a backup of 2026-11-25 18:00 UTC"
    assert last[3].startswith("2026-11-25 19:00:00")
    assert report.files_copied == 2  # the retouched and the deleted photo
    assert report.files_unchanged == len(FILES) - 2
    # What was in the way is set aside, never deleted.
    assert report.set_aside == studio_paths.root / "restored-aside" / "20261125T190000Z"
    assert (report.set_aside / "documents/later.pdf").read_bytes() == b"signed later"
    assert (report.set_aside / "photos/2026-11/Żółkiewski/前.jpg").read_bytes() == b"retouched"
    # The safety backup holds the studio as it was just before the restore.
    safety = report.safety_backup
    assert safety is not None and safety.ok and safety.reason == "before-restore"
    assert safety.path.parent == studio_paths.backups
    assert {e.path for e in read_manifest(safety.path).files} == set(changed_files)
    copy = sqlite3.connect(safety.path / "studio.sqlite")
    try:
        assert copy.execute("SELECT count(*) FROM client WHERE last_name = 'Client'").fetchone() == (1,)
    finally:
        copy.close()
    # Restoring the safety backup undoes the restore.
    restore_studio(studio_paths, safety.path, now=NOW + timedelta(hours=2))
    assert _tree(studio_paths.root) == changed_files
    assert "Later" in {d.first_name for _, d in _drafts(studio_paths)}


def test_restore_into_an_empty_data_folder(
    backups: BackupService, owner: Actor, studio_paths: StudioPaths, filled: dict[str, bytes], tmp_path: Path
) -> None:
    """A new computer: the backup drive plugged in, no studio yet."""
    backup = backups.back_up(owner, to=tmp_path / "drive", now=NOW)
    fresh = StudioPaths(tmp_path / "new computer")
    report = restore_studio(fresh, backup)
    assert report.safety_backup is None and "no studio database" in report.notes[0]
    assert _tree(fresh.root) == filled
    assert _drafts(fresh) == _drafts(studio_paths)


@pytest.mark.parametrize("damage", ["store file", "database copy"])
def test_a_damaged_backup_fails_verification_and_restore_leaves_the_studio_alone(
    studio: OpenStudio,
    backups: BackupService,
    owner: Actor,
    studio_paths: StudioPaths,
    filled: dict[str, bytes],
    damage: str,
) -> None:
    backup = backups.back_up(owner, now=NOW)
    assert verify_backup(backup.path).ok
    if damage == "store file":
        entry = next(e for e in read_manifest(backup.path).files if e.path.endswith("前.jpg"))
        _flip_bytes(FileStore(studio_paths.backups / "files").blob(entry.sha256), 1000)
        expected = "photos/2026-11/Żółkiewski/前.jpg is damaged in the file store"
    else:
        copy = backup.path / "studio.sqlite"
        _flip_bytes(copy, copy.stat().st_size // 2)
        expected = "The database copy has changed since it was written"

    result = verify_backup(backup.path)
    assert not result.ok
    assert any(expected in problem for problem in result.problems), result.problems

    studio.services.clients.create(owner, ClientDraft(first_name="After", last_name="Backup"))
    clients, files = _drafts(studio_paths), _tree(studio_paths.root)
    studio.close()
    database_before = studio_paths.database.read_bytes()
    with pytest.raises(RestoreRefused) as caught:
        restore_studio(studio_paths, backup.path)
    assert "failed its check, so nothing was restored" in str(caught.value)
    assert expected in str(caught.value)
    assert studio_paths.database.read_bytes() == database_before
    assert _drafts(studio_paths) == clients and _tree(studio_paths.root) == files
    assert [r.reason for r in list_backups(studio_paths.backups)] == ["manual"]  # no safety backup was needed
    assert not (studio_paths.root / "restored-aside").exists()


def test_a_tampered_manifest_cannot_write_outside_the_data_folder(
    studio: OpenStudio, backups: BackupService, owner: Actor, studio_paths: StudioPaths, filled: dict[str, bytes]
) -> None:
    backup = backups.back_up(owner, now=NOW)
    manifest_file = backup.path / "manifest.json"
    data = json.loads(manifest_file.read_text(encoding="utf-8"))
    data["files"][0]["path"] = "photos/../../outside.txt"
    manifest_file.write_text(json.dumps(data), encoding="utf-8")
    studio.close()
    with pytest.raises(RestoreRefused, match="outside photos/ and documents/"):
        restore_studio(studio_paths, backup.path)
    assert not (studio_paths.root.parent / "outside.txt").exists()


def test_restore_refuses_while_the_studio_is_open(
    studio: OpenStudio, backups: BackupService, owner: Actor, studio_paths: StudioPaths
) -> None:
    backup = backups.back_up(owner, now=NOW)
    studio.services.clients.count(owner)  # the engine now holds a connection, as the running app does
    with pytest.raises(RestoreRefused, match="is open in SMP Desktop or another program"):
        restore_studio(studio_paths, backup.path)
    assert [r.path for r in list_backups(studio_paths.backups)] == [backup.path]


def test_restore_from_a_missing_drive_names_what_is_missing(studio_paths: StudioPaths, tmp_path: Path) -> None:
    gone = tmp_path / "media" / "usb-drive" / "SMP Backups" / "20261125T180000Z-manual"
    (tmp_path / "media").mkdir()
    with pytest.raises(RestoreRefused) as caught:
        restore_studio(studio_paths, gone)
    assert "usb-drive does not exist" in str(caught.value) and "connect the drive" in str(caught.value)


def test_restore_from_a_plain_sqlite_copy(
    studio: OpenStudio, owner: Actor, studio_paths: StudioPaths, filled: dict[str, bytes], tmp_path: Path
) -> None:
    """An older manual copy: the database file alone, copied while the studio was closed."""
    clients_then = _drafts(studio_paths)
    studio.close()
    manual = tmp_path / "my copies" / "studio 2026-11-01.sqlite"
    manual.parent.mkdir()
    shutil.copy(studio_paths.database, manual)

    with open_studio(studio_paths, today=lambda: TODAY) as reopened:
        reopened.services.clients.create(owner, ClientDraft(first_name="Newer", last_name="Client"))
    (studio_paths.photos / "taken-since.jpg").write_bytes(b"new")
    files_now = _tree(studio_paths.root)

    report = restore_studio(studio_paths, manual, now=NOW)
    assert _drafts(studio_paths) == clients_then
    assert _tree(studio_paths.root) == files_now  # a database copy says nothing about photos: they stay
    assert any("holds no photos or documents" in note for note in report.notes)
    assert report.safety_backup is not None and report.safety_backup.ok


def test_restore_refuses_a_file_that_is_not_a_studio(studio_paths: StudioPaths, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    with pytest.raises(RestoreRefused, match="not an SMP Desktop studio"):
        restore_studio(studio_paths, other)
    text_file = tmp_path / "notes.sqlite"
    text_file.write_text("not a database at all", encoding="utf-8")
    with pytest.raises(RestoreRefused, match="not a readable database"):
        restore_studio(studio_paths, text_file)


@pytest.mark.parametrize("form", ["backup folder", "plain sqlite"])
def test_a_backup_from_an_older_schema_is_restored_then_upgraded_on_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, form: str
) -> None:
    old = StudioPaths(tmp_path / "old studio").ensure()
    shutil.copy(FIXTURES / "schema_0001.sqlite", old.database)
    _write_files(old.root, {"photos/fixture.jpg": 500})
    if form == "backup folder":
        with open_studio(old, upgrade=False) as opened:
            source = BackupService.for_studio(opened).back_up(opened.services.studio.owner(), now=NOW).path
    else:
        source = tmp_path / "schema_0001.sqlite"
        shutil.copy(FIXTURES / "schema_0001.sqlite", source)

    # The next release, whose schema is newer than the backup's.
    next_release = next_release_migrations(tmp_path)
    monkeypatch.setattr(migrate, "migrations_dir", lambda: next_release)
    monkeypatch.setattr(migrate, "SCHEMA_HEAD", "9000")
    current = StudioPaths(tmp_path / "studio")
    with open_studio(current) as opened:
        opened.services.studio.create("Current", "Owner")

    report = restore_studio(current, source, now=NOW)
    assert report.schema_revision == "0001"
    with open_studio(current) as opened:
        assert opened.last_upgrade is not None and opened.last_upgrade.to_revision == "9000"
        owner = opened.services.studio.owner()
        assert opened.services.studio.info().name == "Fixture Studio"
        assert opened.services.clients.count(owner) == 5
        assert [c.last_name for c in opened.services.clients.search(owner, "zolkiewski").rows] == ["Żółkiewski"]
    if form == "backup folder":
        assert (current.photos / "fixture.jpg").stat().st_size == 500


def test_a_backup_from_a_newer_app_is_refused(
    studio: OpenStudio, backups: BackupService, owner: Actor, studio_paths: StudioPaths, tmp_path: Path
) -> None:
    newer = tmp_path / "newer.sqlite"
    studio.close()
    shutil.copy(studio_paths.database, newer)
    connection = sqlite3.connect(newer)
    connection.execute("UPDATE alembic_version SET version_num = 'f00dfeed'")
    connection.commit()
    connection.close()
    before = studio_paths.database.read_bytes()
    with pytest.raises(RestoreRefused, match="newer version of SMP Desktop"):
        restore_studio(studio_paths, newer)
    assert studio_paths.database.read_bytes() == before


def test_restore_over_a_damaged_database_keeps_the_damaged_file_aside(
    studio: OpenStudio, backups: BackupService, owner: Actor, studio_paths: StudioPaths, filled: dict[str, bytes]
) -> None:
    backup = backups.back_up(owner, now=NOW)
    clients = _drafts(studio_paths)
    studio.close()
    damaged = b"\0" * 4096 + studio_paths.database.read_bytes()[4096:]  # a zeroed first page
    studio_paths.database.write_bytes(damaged)

    report = restore_studio(studio_paths, backup.path, now=NOW + timedelta(hours=1))
    assert report.safety_backup is None
    assert any("damaged" in note for note in report.notes)
    assert report.set_aside is not None and (report.set_aside / "studio.sqlite").read_bytes() == damaged
    assert _drafts(studio_paths) == clients


# --- rotation and garbage collection -------------------------------------------------------------------------------


def _record(at: datetime, reason: str = "auto", *, ok: bool = True) -> BackupRecord:
    problems = () if ok else ("The database copy is damaged.",)
    return BackupRecord(
        path=Path(f"{at:%Y%m%dT%H%M%SZ}-{reason}"),
        kind="backup",
        created_at=at,
        reason=reason,
        size=1,
        verification=Verification(ok, problems, (), at),
    )


def test_rotation_keeps_recent_daily_weekly_and_monthly_backups_over_400_days() -> None:
    """One good backup a day at noon for 400 days up to Wednesday 25 November 2026, plus a few awkward ones."""
    series = [_record(datetime(2026, 11, 25, 12, tzinfo=UTC) - timedelta(days=n)) for n in range(400)]
    extra_today = _record(datetime(2026, 11, 25, 17, 30, tzinfo=UTC))
    early_same_day = _record(datetime(2026, 11, 20, 8, tzinfo=UTC))
    failed_newest_of_its_week = _record(datetime(2026, 11, 8, 20, tzinfo=UTC), ok=False)
    young_safety = _record(datetime(2026, 11, 5, 9, tzinfo=UTC), "before-restore")
    old_safety = _record(datetime(2026, 10, 16, 9, tzinfo=UTC), "before-upgrade")
    failed_just_made = _record(datetime(2026, 11, 25, 17, 59, tzinfo=UTC), ok=False)
    records = [*series, extra_today, early_same_day, failed_newest_of_its_week, young_safety, old_safety]
    records.append(failed_just_made)

    kept = backups_to_keep(records, RotationPolicy(), now=NOW, protect={failed_just_made.path}, tz=UTC)

    def noon(y: int, m: int, d: int) -> Path:
        return Path(f"{y}{m:02}{d:02}T120000Z-auto")

    recent = {noon(2026, 11, 25), noon(2026, 11, 24), extra_today.path}
    daily = {noon(2026, 11, d) for d in range(12, 24)}  # 23 back to 12 November
    # Then the newest of each of the 10 weeks (Monday-Sunday) before the one holding 12 November: Sundays.
    weekly = {noon(2026, 11, d) for d in (8, 1)} | {noon(2026, 10, d) for d in (25, 18, 11, 4)}
    weekly |= {noon(2026, 9, d) for d in (27, 20, 13, 6)}
    # Then the newest of each of the 9 months before September 2026: their last days.
    monthly = {noon(2026, 8, 31), noon(2026, 7, 31), noon(2026, 6, 30), noon(2026, 5, 31), noon(2026, 4, 30)}
    monthly |= {noon(2026, 3, 31), noon(2026, 2, 28), noon(2026, 1, 31), noon(2025, 12, 31)}
    assert len(daily) == 12 and len(weekly) == 10 and len(monthly) == 9
    assert kept == recent | daily | weekly | monthly | {young_safety.path, failed_just_made.path}


def test_rotation_prunes_old_backups_and_collects_files_no_backup_lists(
    studio: OpenStudio, backups: BackupService, owner: Actor, studio_paths: StudioPaths
) -> None:
    for key, value in (("backup_keep_daily", 1), ("backup_keep_weekly", 0), ("backup_keep_monthly", 0)):
        studio.services.studio.set_setting(owner, key, value)
    folder = studio_paths.backups
    (folder / "Holiday photos").mkdir()  # not ours: never touched
    (folder / "before-upgrade-0001-20250101T000000Z.sqlite").write_bytes(b"kept as it is")
    gone_photo = studio_paths.photos / "gone.jpg"
    gone_photo.write_bytes(b"only in the oldest backups")

    store = FileStore(folder / "files")
    gone_blob = store.blob(sha256_of(gone_photo))

    oldest = backups.back_up(owner, now=NOW - timedelta(days=10))
    safety_old = backups.back_up(owner, "before-restore", now=NOW - timedelta(days=40))
    assert gone_blob.is_file()
    gone_photo.unlink()
    (studio_paths.photos / "kept.jpg").write_bytes(b"in every later backup")
    safety_young = backups.back_up(owner, "before-restore", now=NOW - timedelta(days=20))
    middle = backups.back_up(owner, now=NOW - timedelta(days=5))
    daily = backups.back_up(owner, now=NOW - timedelta(days=3))
    newest = backups.back_up(owner, now=NOW)

    remaining = {r.path for r in list_backups(folder) if r.kind == "backup"}
    assert remaining == {newest.path, daily.path, safety_young.path}
    for pruned in (oldest, safety_old, middle):
        assert not pruned.path.exists()
    # gone.jpg was listed only by pruned backups: its stored copy is removed; kept.jpg stays.
    assert not gone_blob.exists()
    assert store.blob_count() == 1
    assert store.blob(sha256_of(studio_paths.photos / "kept.jpg")).is_file()
    assert (folder / "Holiday photos").is_dir()
    assert (folder / "before-upgrade-0001-20250101T000000Z.sqlite").read_bytes() == b"kept as it is"
    assert all(verify_backup(path).ok for path in remaining)
    assert not [p for p in folder.iterdir() if p.name.endswith(".partial") or p.name.startswith(".deleting")]


def test_a_failed_backup_prunes_nothing(
    studio: OpenStudio, backups: BackupService, owner: Actor, studio_paths: StudioPaths, monkeypatch
) -> None:
    studio.services.studio.set_setting(owner, "backup_keep_daily", 0)
    old = backups.back_up(owner, now=NOW - timedelta(days=9))
    from smp_desktop.core.backups import writer

    monkeypatch.setattr(writer, "verify_backup", lambda folder, **_: Verification.of(["disk said no"], [], NOW))
    failed = backups.back_up(owner, now=NOW)
    assert not failed.ok and failed.result == "FAILED: disk said no"
    assert old.path.is_dir() and failed.path.is_dir()


# --- listing, warnings, changes ------------------------------------------------------------------------------------


def test_the_list_shows_backups_newest_first_with_database_copies_and_damage(
    backups: BackupService, owner: Actor, studio_paths: StudioPaths, tmp_path: Path
) -> None:
    first = backups.back_up(owner, now=NOW - timedelta(hours=2))
    second = backups.back_up(owner, "on-close", now=NOW - timedelta(hours=1))
    legacy = studio_paths.backups / "before-upgrade-0001-20261125T163000Z.sqlite"
    shutil.copy(first.path / "studio.sqlite", legacy)
    (second.path / "manifest.json").write_text("{ half a manif", encoding="utf-8")

    records = backups.list_backups()
    assert [r.path for r in records] == [second.path, legacy, first.path]
    assert records[0].kind == "damaged" and records[0].result.startswith("DAMAGED: ")
    assert records[1].kind == "database-copy" and records[1].reason == "before-upgrade"
    assert records[1].created_at == datetime(2026, 11, 25, 16, 30, tzinfo=UTC)
    assert records[2].result == "verified OK" and records[2].size == first.size
    assert backups.last_good_backup() == first


def test_the_warning_when_the_last_good_backup_is_over_a_day_old(
    backups: BackupService, owner: Actor, studio_paths: StudioPaths
) -> None:
    assert backups.needs_backup_warning(NOW) and backups.last_good_backup_age(NOW) is None
    record = backups.back_up(owner, now=NOW)
    assert backups.last_good_backup_age(NOW + timedelta(hours=3)) == timedelta(hours=3)
    assert not backups.needs_backup_warning(NOW + timedelta(hours=23))
    assert backups.needs_backup_warning(NOW + timedelta(hours=25))
    _flip_bytes(record.path / "verified.json", 0, 1)  # a backup whose result cannot be read is not a good one
    assert backups.needs_backup_warning(NOW + timedelta(hours=1))


def test_changes_since_the_last_backup(
    studio: OpenStudio, backups: BackupService, owner: Actor, studio_paths: StudioPaths, filled: dict[str, bytes]
) -> None:
    assert backups.has_changes_since_last_backup()  # never backed up
    backups.back_up(owner, now=NOW)
    assert not backups.has_changes_since_last_backup()

    studio.services.clients.create(owner, ClientDraft(first_name="New", last_name="Client"))
    assert backups.has_changes_since_last_backup()
    backups.back_up(owner, now=NOW + timedelta(minutes=30))
    assert not backups.has_changes_since_last_backup()

    photo = studio_paths.root / "photos/2026-11/Żółkiewski/back.jpg"
    os.utime(photo, ns=(photo.stat().st_atime_ns, photo.stat().st_mtime_ns + 1_000_000))
    assert backups.has_changes_since_last_backup()  # a photo replaced (or touched)
    backups.back_up(owner, now=NOW + timedelta(minutes=60))
    (studio_paths.documents / "consent" / "Siobhán Ó Briain.pdf").unlink()
    assert backups.has_changes_since_last_backup()

"""Damaged database files, made for real: each kind is recognised, explained, kept aside byte for byte (never
overwritten) and never silently replaced by an empty database."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from smp_desktop.core.db import health
from smp_desktop.core.db.health import DamageKind, diagnose, inspect_file, keep_aside, kept_aside
from smp_desktop.core.services.client_data import ClientDraft
from smp_desktop.core.studio_db import DatabaseDamaged, StudioOpenError, open_studio
from smp_desktop.paths import StudioPaths

PAGE = 4096


def _closed_studio(root: Path) -> StudioPaths:
    """A real studio with international clients, closed cleanly (no -wal left)."""
    paths = StudioPaths(root)
    with open_studio(paths) as studio:
        owner = studio.services.studio.create("Studio Ōsaka", "Owner")
        for first, last in [("Zoë", "Ørsted"), ("Jerzy", "Żółkiewski"), ("Νίκος", "Παπαδόπουλος"), ("太郎", "山田")]:
            studio.services.clients.create(owner, ClientDraft(first_name=first, last_name=last, notes="x" * 3000))
    assert not paths.database.with_name("studio.sqlite-wal").exists()
    return paths


def _zero_header(db: Path) -> None:
    with open(db, "r+b") as handle:
        handle.write(bytes(PAGE))


def _cut_to_half(db: Path) -> None:
    pages = db.stat().st_size // PAGE
    with open(db, "r+b") as handle:
        handle.truncate((pages // 2) * PAGE)


def _cut_mid_page(db: Path) -> None:
    with open(db, "r+b") as handle:
        handle.truncate(db.stat().st_size - 1000)


def _random_bytes(db: Path) -> None:
    db.write_bytes(random.Random(7).randbytes(5 * PAGE))


def _a_letter(db: Path) -> None:
    db.write_bytes("Dear client, your next session is on Tuesday. — Studio\n".encode() * 200)


def _bad_page_size(db: Path) -> None:
    with open(db, "r+b") as handle:
        handle.seek(16)
        handle.write((1000).to_bytes(2, "big"))


def _break_a_table_page(db: Path) -> None:
    """Overwrite the b-tree page header of the client table's root page: the file header stays perfect."""
    connection = sqlite3.connect(db)
    (root,) = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'client'").fetchone()
    connection.close()
    with open(db, "r+b") as handle:
        handle.seek((root - 1) * PAGE)
        handle.write(b"\xff" * 12)


DAMAGES: dict[str, tuple[Callable[[Path], None], DamageKind, str]] = {
    "zeroed header": (_zero_header, DamageKind.ZEROED_HEADER, "wiped"),
    "truncated to half": (_cut_to_half, DamageKind.TRUNCATED, "cut short"),
    "truncated mid-page": (_cut_mid_page, DamageKind.TRUNCATED, "cut short"),
    "random bytes": (_random_bytes, DamageKind.NOT_A_DATABASE, "does not hold a database"),
    "not a database": (_a_letter, DamageKind.NOT_A_DATABASE, "does not hold a database"),
    "bad page size": (_bad_page_size, DamageKind.BAD_HEADER, "header"),
    "fails the quick check": (_break_a_table_page, DamageKind.FAILED_CHECK, "failed its integrity check"),
}


@pytest.mark.parametrize("damage", DAMAGES, ids=list(DAMAGES))
def test_a_damaged_database_is_kept_aside_and_explained(damage: str, tmp_path: Path) -> None:
    spoil, kind, words = DAMAGES[damage]
    paths = _closed_studio(tmp_path / "studio")
    spoil(paths.database)
    damaged_bytes = paths.database.read_bytes()

    assert diagnose(paths.database).kind is kind  # the UI's own question gives the same answer, changing nothing
    assert paths.database.read_bytes() == damaged_bytes

    with pytest.raises(DatabaseDamaged) as raised:
        open_studio(paths)
    error = raised.value
    assert isinstance(error, StudioOpenError)
    assert error.diagnosis.kind is kind and words in str(error)
    assert error.kept_at is not None and error.kept_at.read_bytes() == damaged_bytes
    assert error.kept_at.parent.parent == paths.root / health.DAMAGED_FOLDER
    assert str(error.kept_at.parent) in str(error) and "Restore a backup" in str(error)
    note = (error.kept_at.parent / health.NOTE_FILENAME).read_text(encoding="utf-8")
    assert note.startswith(error.diagnosis.explanation)
    assert not paths.database.exists()  # moved, and no empty database put in its place


def test_after_keeping_aside_the_studio_stays_closed_until_a_new_one_is_asked_for(tmp_path: Path) -> None:
    paths = _closed_studio(tmp_path / "studio")
    _zero_header(paths.database)
    with pytest.raises(DatabaseDamaged) as first:
        open_studio(paths)

    with pytest.raises(DatabaseDamaged) as again:  # the next start says the same, and creates nothing
        open_studio(paths)
    assert again.value.diagnosis.kind is DamageKind.KEPT_ASIDE
    assert again.value.kept_at == first.value.kept_at and "kept aside" in str(again.value)
    assert not paths.database.exists()

    with open_studio(paths, start_new_after_damage=True) as fresh:  # the person chose a new, empty studio
        assert not fresh.services.studio.exists()
    assert kept_aside(paths) == [first.value.kept_at]  # the damaged copy is still there, untouched
    with open_studio(paths) as reopened:  # from now on it is the studio's database
        assert not reopened.read_only


def test_a_restored_database_opens_normally_after_damage(tmp_path: Path) -> None:
    paths = _closed_studio(tmp_path / "studio")
    good_copy = paths.database.read_bytes()
    _random_bytes(paths.database)
    with pytest.raises(DatabaseDamaged):
        open_studio(paths)
    paths.database.write_bytes(good_copy)  # what a restore from a backup does
    with open_studio(paths) as studio:
        owner = studio.services.studio.owner()
        assert studio.services.clients.count(owner) == 4


def test_the_wal_and_shm_go_aside_with_it_and_nothing_is_ever_overwritten(tmp_path: Path) -> None:
    paths = _closed_studio(tmp_path / "studio")
    kept: list[Path] = []
    for round_ in range(2):  # twice within the same second: two folders, the first one untouched
        _a_letter(paths.database) if round_ == 0 else _random_bytes(paths.database)
        wal, shm = (paths.database.with_name(paths.database.name + s) for s in ("-wal", "-shm"))
        wal.write_bytes(b"wal of round %d" % round_)
        shm.write_bytes(b"shm of round %d" % round_)
        expected = paths.database.read_bytes()
        kept.append(keep_aside(paths, inspect_file(paths.database)))
        assert kept[-1].read_bytes() == expected
        assert (kept[-1].parent / wal.name).read_bytes() == b"wal of round %d" % round_
        assert (kept[-1].parent / shm.name).read_bytes() == b"shm of round %d" % round_
        assert not wal.exists() and not shm.exists() and not paths.database.exists()
    assert kept[0].parent != kept[1].parent
    assert kept[0].read_bytes().startswith(b"Dear client")
    assert kept_aside(paths) == kept


def test_healthy_missing_and_empty_files_are_not_damage(tmp_path: Path) -> None:
    paths = _closed_studio(tmp_path / "studio")
    assert diagnose(paths.database).kind is DamageKind.NONE
    assert not diagnose(paths.database).damaged
    assert diagnose(tmp_path / "nothing.sqlite").kind is DamageKind.MISSING
    empty = tmp_path / "empty" / "studio.sqlite"
    empty.parent.mkdir()
    empty.touch()  # SQLite's own empty database: a studio being created
    assert diagnose(empty).kind is DamageKind.NONE
    with open_studio(StudioPaths(empty.parent)) as studio:  # becomes a new studio, not "damaged"
        assert not studio.services.studio.exists()


def test_a_file_behind_its_header_is_whole_while_a_wal_holds_the_rest(tmp_path: Path) -> None:
    """Mid-checkpoint the file can lag behind the size in its header; SQLite's check decides then."""
    paths = _closed_studio(tmp_path / "studio")
    with open(paths.database, "r+b") as handle:  # claim one page more than the file holds
        header = bytearray(handle.read(100))
        pages = int.from_bytes(header[28:32], "big") + 1
        header[28:32] = pages.to_bytes(4, "big")
        handle.seek(0)
        handle.write(header)
    assert inspect_file(paths.database).kind is DamageKind.TRUNCATED
    paths.database.with_name("studio.sqlite-wal").write_bytes(b"frames")
    assert inspect_file(paths.database).kind is DamageKind.NONE


def test_a_database_that_cannot_be_read_is_explained_not_moved(tmp_path: Path) -> None:
    paths = StudioPaths(tmp_path / "studio").ensure()
    paths.database.mkdir()  # a folder where the file should be
    with pytest.raises(StudioOpenError, match="cannot read the studio database") as raised:
        open_studio(paths)
    assert not isinstance(raised.value, DatabaseDamaged)
    assert paths.database.is_dir() and kept_aside(paths) == []

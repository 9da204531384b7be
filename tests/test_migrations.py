"""Alembic migrations: they build the schema from nothing, agree with the models, upgrade old studios with their
data intact (backing up first) and refuse a database from a newer app."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from smp_desktop.core.backups import list_backups
from smp_desktop.core.db import migrate
from smp_desktop.core.db.engine import make_engine, sqlite_url
from smp_desktop.core.domain import PhotoView, ScalpZone, SessionStatus
from smp_desktop.core.models import all_tables
from smp_desktop.core.models.document import DocumentKind
from smp_desktop.core.services.access import Actor
from smp_desktop.core.studio_db import OpenStudio, StudioOpenError, open_studio
from smp_desktop.paths import StudioPaths
from tests.conftest import next_release_migrations

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent


def test_first_migration_builds_the_schema_from_an_empty_file(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "new.sqlite"))
    assert inspect(engine).get_table_names() == []
    result = migrate.upgrade(engine, tmp_path / "backups")
    assert result.from_revision is None and result.to_revision == migrate.head_revision()
    assert result.backup is None  # nothing to back up in an empty file
    tables = set(inspect(engine).get_table_names())
    assert set(all_tables().tables) <= tables
    assert "client_fts" in tables  # the SQLite search index
    engine.dispose()


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "new.sqlite"))
    migrate.upgrade(engine, None)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": migrate.include_object})
        differences = compare_metadata(context, all_tables())
    assert differences == []
    engine.dispose()


RELEASED = sorted(FIXTURES.glob("schema_*.sqlite")) + sorted(p for p in FIXTURES.glob("schema_*") if p.is_dir())


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.stem)
def test_every_released_schema_upgrades_with_its_data(fixture: Path, tmp_path: Path) -> None:
    """Each fixture is a studio as a released version left it: a bare database (0001) or a data folder with its
    photos (from 0002)."""
    paths = StudioPaths(tmp_path / "studio")
    if fixture.is_dir():
        shutil.copytree(fixture, paths.root)
    else:
        paths.ensure()
        shutil.copy(fixture, paths.database)
    with open_studio(paths) as studio:
        owner = studio.services.studio.owner()
        assert studio.services.studio.info().name == "Fixture Studio"
        assert studio.services.clients.count(owner) == 5
        found = studio.services.clients.search(owner, "zolkiewski").rows
        assert [c.last_name for c in found] == ["Żółkiewski"]
        record = studio.services.clients.get(owner, found[0].id)
        assert record.draft.notes == "Prefers mornings.\nNervous about needles."
        greek = studio.services.clients.search(owner, "παπαδ").rows
        assert greek and studio.services.clients.get(owner, greek[0].id).draft.scars[0].notes == "12 cm"
        if fixture.is_dir():
            _assert_course_intact(studio, owner, found[0].id, fixture.name)
        assert studio.services.maintenance.check().healthy


def _assert_course_intact(studio: OpenStudio, owner: Actor, client_id: int, name: str) -> None:
    """From schema 0002: a completed session with its zones, its photo (file and record) and a hairline design.
    From 0005: the hairline zone's lot from the ink register, a paper consent (its scan intact) and a removal plan."""
    since_0005 = name >= "schema_0005"
    (session,) = studio.services.sessions.overview(owner, client_id).sessions
    record = studio.services.sessions.get(owner, session.id)
    assert record.status is SessionStatus.COMPLETED and record.draft.notes == "Léger, première couche"
    zones = record.draft.zones
    assert [(z.zone, z.pigment_lot, z.dilution_water_parts, z.dilution_pigment_parts) for z in zones] == [
        (ScalpZone.HAIRLINE, "PB-2611" if since_0005 else "CB-24117", 3, 1),
        (ScalpZone.CROWN, "CH-25031", 2, 1),
    ]
    (photo,) = studio.services.photos.list_for_client(owner, client_id)
    assert photo.original_filename == "przód.jpg" and photo.session_id == session.id and photo.marketing_consent
    assert studio.services.photos.file_path(owner, photo.id).is_file()
    design = studio.services.hairlines.current(owner, client_id, PhotoView.FRONT_HAIRLINE)
    assert design is not None and design.note == "Ниже на 5 мм" and design.base_photo_id == photo.id
    assert zones[0].lot_id is not None  # 0004 links the text of older zones to lots it makes
    if since_0005:
        assert studio.services.ink.lot(owner, zones[0].lot_id).draft.supplier == "Żywica Sp. z o.o."
        (scan,) = studio.services.documents.for_client(owner, client_id)
        assert scan.kind is DocumentKind.PAPER_CONSENT and studio.services.documents.check(owner, scan.id).intact
        (plan,) = studio.services.removals.list_for_client(owner, client_id)
        assert studio.services.removals.get(owner, plan.id).draft.notes == "Linia za nisko — обсудить"


def _studio_at_released_schema(tmp_path: Path) -> StudioPaths:
    paths = StudioPaths(tmp_path / "studio")
    with open_studio(paths) as studio:
        owner = studio.services.studio.create("Before", "Owner")
        studio.services.clients.create(owner, _draft("Zoë", "Ørsted"))
    photo = paths.photos / "ab" / "ab12.jpg"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(b"\xff\xd8 a scalp photo \xff\xd9")
    return paths


def _next_release(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    next_release = next_release_migrations(tmp_path)
    monkeypatch.setattr(migrate, "migrations_dir", lambda: next_release)
    monkeypatch.setattr(migrate, "SCHEMA_HEAD", "9000")  # the next release names its head too


def test_upgrade_takes_a_full_verified_backup_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _studio_at_released_schema(tmp_path)
    released_head = migrate.head_revision()
    _next_release(tmp_path, monkeypatch)
    with open_studio(paths) as studio:
        result = studio.last_upgrade
        assert result is not None and result.changed and result.to_revision == "9000"
        assert "next_release_table" in inspect(studio.engine).get_table_names()
    assert result.backup is not None and result.backup.parent == paths.backups
    assert result.backup.name.endswith("-before-upgrade")
    (record,) = list_backups(paths.backups)
    assert record.ok and record.reason == "before-upgrade" and record.schema_revision == released_head
    manifest = json.loads((result.backup / "manifest.json").read_text(encoding="utf-8"))
    assert [f["path"] for f in manifest["files"]] == ["photos/ab/ab12.jpg"]  # the photos come along
    copy = sqlite3.connect(result.backup / "studio.sqlite")
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (released_head,)
        assert copy.execute("SELECT first_name, last_name FROM client").fetchall() == [("Zoë", "Ørsted")]
    finally:
        copy.close()


def test_upgrade_backs_up_into_the_studios_backup_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _studio_at_released_schema(tmp_path)
    drive = tmp_path / "usb-drive" / "SMP backups"
    with open_studio(paths) as studio:
        studio.services.studio.set_setting(studio.services.studio.owner(), "backup_folder", str(drive))
    _next_release(tmp_path, monkeypatch)
    drive.parent.mkdir()
    with open_studio(paths) as studio:
        assert studio.last_upgrade is not None and studio.last_upgrade.backup is not None
        assert studio.last_upgrade.backup.parent == drive
    assert list_backups(paths.backups) == []


def test_upgrade_falls_back_to_the_data_folder_when_the_backup_drive_is_unplugged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _studio_at_released_schema(tmp_path)
    with open_studio(paths) as studio:
        owner = studio.services.studio.owner()
        studio.services.studio.set_setting(owner, "backup_folder", str(tmp_path / "unplugged" / "SMP backups"))
    _next_release(tmp_path, monkeypatch)
    with open_studio(paths) as studio:
        assert studio.last_upgrade is not None and studio.last_upgrade.backup is not None
        assert studio.last_upgrade.backup.parent == paths.backups
    assert [r.reason for r in list_backups(paths.backups)] == ["before-upgrade"]


def test_no_upgrade_without_a_backup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _studio_at_released_schema(tmp_path)
    released_head = migrate.head_revision()
    shutil.rmtree(paths.backups)
    paths.backups.write_text("a file where the backups folder should be")  # no backup can be written
    _next_release(tmp_path, monkeypatch)
    with pytest.raises(StudioOpenError, match=r"backup could not be made.*Nothing has been changed"):
        open_studio(paths)
    engine = make_engine(sqlite_url(paths.database))
    try:
        assert migrate.current_revision(engine) == released_head
        assert "next_release_table" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_a_database_from_a_newer_app_is_refused_and_left_alone(tmp_path: Path) -> None:
    paths = StudioPaths(tmp_path / "studio")
    with open_studio(paths) as studio:
        studio.services.studio.create("Newer", "Owner")
        with studio.engine.begin() as connection:
            connection.exec_driver_sql("UPDATE alembic_version SET version_num = 'f00dfeed'")
    before = paths.database.read_bytes()
    with pytest.raises(StudioOpenError, match="newer version of SMP Desktop"):
        open_studio(paths)
    assert paths.database.read_bytes() == before
    assert list(paths.backups.iterdir()) == []


def test_a_file_that_is_not_a_database_gets_a_clear_message_and_is_kept(tmp_path: Path) -> None:
    paths = StudioPaths(tmp_path / "studio").ensure()
    letter = b"this is a letter, not a database" * 100
    paths.database.write_bytes(letter)
    with pytest.raises(StudioOpenError, match="does not hold a database") as raised:
        open_studio(paths)
    kept = raised.value.kept_at  # type: ignore[attr-defined]
    assert kept.read_bytes() == letter and str(kept.parent) in str(raised.value)
    assert not paths.database.exists()  # kept aside, not replaced by an empty database (tests/test_faults_damaged.py)


def _draft(first: str, last: str):  # type: ignore[no-untyped-def]
    from smp_desktop.core.services.client_data import ClientDraft

    return ClientDraft(first_name=first, last_name=last)


def test_the_known_head_is_alembics_head() -> None:
    """migrate.SCHEMA_HEAD lets start-up skip alembic; it must name the newest revision in db/versions."""
    assert migrate.head_revision() == migrate.SCHEMA_HEAD


def test_a_migration_that_fails_half_way_leaves_the_old_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each revision runs in one transaction (SQLite DDL is transactional): a failure part-way leaves no mix."""
    paths = StudioPaths(tmp_path / "studio")
    with open_studio(paths) as studio:
        owner = studio.services.studio.create("Before", "Owner")
        studio.services.clients.create(owner, _draft("Zoë", "Ørsted"))
    released_head = migrate.head_revision()
    next_release = next_release_migrations(tmp_path)
    script = next_release / "versions" / "9000_next.py"
    script.write_text(
        script.read_text().replace(
            'op.create_table("next_release_table", sa.Column("id", sa.Integer, primary_key=True))',
            'op.create_table("next_release_table", sa.Column("id", sa.Integer, primary_key=True))\n'
            "    op.execute(\"UPDATE client SET first_name = 'changed'\")\n"
            '    raise RuntimeError("power cut half-way through the migration")',
        )
    )
    monkeypatch.setattr(migrate, "migrations_dir", lambda: next_release)
    monkeypatch.setattr(migrate, "SCHEMA_HEAD", "9000")
    with pytest.raises(RuntimeError, match="power cut"):
        open_studio(paths)
    engine = make_engine(sqlite_url(paths.database))
    try:
        assert "next_release_table" not in inspect(engine).get_table_names()
        assert migrate.current_revision(engine) == released_head
        with engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT first_name FROM client").all() == [("Zoë",)]
    finally:
        engine.dispose()

"""The same code on a studio's shared PostgreSQL server: migrations, client records, search, CSV and checks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from smp_desktop.core.db import migrate
from smp_desktop.core.models import all_tables
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.client_csv import export_clients, import_clients
from smp_desktop.core.services.client_data import ClientDraft, ScarEntry
from smp_desktop.core.services.clients import PossibleDuplicate
from smp_desktop.core.studio_db import OpenStudio, open_studio
from smp_desktop.paths import StudioPaths
from tests.postgres_server import Server


@pytest.fixture(scope="module")
def server_url(postgres: Server) -> str:
    return postgres.new_database()


@pytest.fixture(scope="module")
def pg_studio(server_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[OpenStudio]:
    paths = StudioPaths(tmp_path_factory.mktemp("pg-studio"))
    with open_studio(paths, url=server_url, today=lambda: date(2026, 11, 25)) as studio:
        studio.services.studio.create("Server Studio", "Paula Owner", country="PL")
        yield studio


@pytest.fixture(scope="module")
def pg_owner(pg_studio: OpenStudio) -> Actor:
    return pg_studio.services.studio.owner()


def test_migrations_build_the_schema_and_agree_with_the_models(pg_studio: OpenStudio) -> None:
    assert pg_studio.engine.dialect.name == "postgresql"
    tables = set(inspect(pg_studio.engine).get_table_names())
    assert set(all_tables().tables) <= tables
    with pg_studio.engine.connect() as connection:
        indexes = {row[0] for row in connection.exec_driver_sql("SELECT indexname FROM pg_indexes")}
        assert {"ix_client_search_trgm", "ix_client_sort_key_pattern"} <= indexes  # the PostgreSQL search branch
        assert (
            compare_metadata(
                MigrationContext.configure(connection, opts={"include_object": migrate.include_object}), all_tables()
            )
            == []
        )
    assert pg_studio.services.maintenance.check().healthy


def test_clients_are_stored_exactly_and_found_by_any_part(pg_studio: OpenStudio, pg_owner: Actor) -> None:
    clients = pg_studio.services.clients
    people = [
        ClientDraft(first_name="Łukasz", last_name="Żółkiewski", phone="601 234 567", email="lukasz@example.com",
                    date_of_birth=date(1984, 3, 9), notes='<b>Ann & "Co"</b>\r\nsecond line',
                    scars=(ScarEntry("back of head"),)),
        ClientDraft(first_name="Γιώργος", last_name="Παπαδόπουλος"),
        ClientDraft(first_name="Đức", last_name="Nguyễn Văn"),
        ClientDraft(first_name="伟", last_name="王"),
        ClientDraft(first_name="100%", last_name="Real_Name"),
    ]  # fmt: skip
    created = [clients.create(pg_owner, draft) for draft in people]
    assert clients.get(pg_owner, created[0].id).draft == created[0].draft
    found = lambda q: [r.last_name for r in clients.search(pg_owner, q).rows]  # noqa: E731
    assert found("zolk") == ["Żółkiewski"]
    assert found("kiew") == ["Żółkiewski"]  # inside a word
    assert found("παπα") == ["Παπαδόπουλος"]
    assert found("van") == ["Nguyễn Văn"]  # a later word
    assert found("王") == ["王"]
    assert found("+48 601") == ["Żółkiewski"]  # international prefix, number typed nationally in Poland
    assert found("234 567") == ["Żółkiewski"]
    assert found("a_e") == []  # LIKE wildcards are literal here too
    with pytest.raises(PossibleDuplicate):
        clients.create(pg_owner, ClientDraft(first_name="Other", email="LUKASZ@example.com"))
    page, _ = clients.list_page(pg_owner, limit=2)
    page2, _ = clients.list_page(pg_owner, after=("nguyen van duc", created[2].id), limit=10)
    assert len(page) == 2 and page2 and all(r.id != created[2].id for r in page2)


def test_csv_round_trip_on_the_server(pg_studio: OpenStudio, pg_owner: Actor, tmp_path: Path) -> None:
    pg_studio.services.clients.create(pg_owner, ClientDraft(first_name="Zoë", last_name="Ørsted"))  # its own client
    out = tmp_path / "clients.csv"
    count = export_clients(pg_studio.services.clients, pg_owner, out)
    assert count == pg_studio.services.clients.count(pg_owner, include_archived=True) > 0
    with open_studio(StudioPaths(tmp_path / "local")) as local:
        owner = local.services.studio.create("Local", "Owner", country="PL")
        report = import_clients(local.services.clients, owner, out)
        assert report.rejected == [] and report.imported == count
        again = tmp_path / "again.csv"
        export_clients(local.services.clients, owner, again)
    assert again.read_bytes() == out.read_bytes()

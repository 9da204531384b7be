"""Shared fixtures: a real studio database on disk per test, and Qt forced offscreen before anything imports it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("SMP_DATA_DIR", None)
os.environ.pop("SMP_DATABASE_URL", None)

import logging
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.client_data import ClientDraft, ClientRecord
from smp_desktop.core.studio_db import OpenStudio, open_studio
from smp_desktop.paths import StudioPaths

TODAY = date(2026, 11, 25)


@pytest.fixture(autouse=True)
def _detach_app_log() -> Iterator[None]:
    """The CLI attaches the app's log file to the root logger once per process; each test gets its own folder."""
    yield
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_smp_desktop", False):
            root.removeHandler(handler)
            handler.close()


def next_release_migrations(tmp_path: Path) -> Path:
    """A copy of db/ with one more revision ("9000", creating next_release_table), standing in for the next
    release's migration. Point smp_desktop.core.db.migrate.migrations_dir (and SCHEMA_HEAD) at it."""
    import shutil

    from smp_desktop.core.db import migrate

    copy = tmp_path / "migrations"
    shutil.copytree(Path(__file__).resolve().parent.parent / "db", copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "versions" / "9000_next.py").write_text(
        f"""
import sqlalchemy as sa
from alembic import op

revision = "9000"
down_revision = "{migrate.head_revision()}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("next_release_table", sa.Column("id", sa.Integer, primary_key=True))


def downgrade():
    op.drop_table("next_release_table")
""",
        encoding="utf-8",
    )
    return copy


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    """Run `smp-desktop ARGV` in this process: (exit code, stdout, stderr)."""
    from smp_desktop.cli import main

    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def studio_paths(tmp_path: Path) -> StudioPaths:
    return StudioPaths(tmp_path / "studio")


@pytest.fixture
def studio(studio_paths: StudioPaths) -> Iterator[OpenStudio]:
    """An open studio on a real SQLite file, with the studio and its owner created."""
    opened = open_studio(studio_paths, today=lambda: TODAY)
    opened.services.studio.create("Test Studio", "Olivia Owner", country="GB")
    yield opened
    opened.close()


@pytest.fixture
def owner(studio: OpenStudio) -> Actor:
    return studio.services.studio.owner()


@pytest.fixture
def make_client(studio: OpenStudio, owner: Actor):  # type: ignore[no-untyped-def]
    """Factory: make_client(first_name=..., ...) saves a client (duplicates allowed) and returns its record."""

    def make(**fields: object) -> ClientRecord:
        fields.setdefault("first_name", "Test")
        fields.setdefault("last_name", "Client")
        return studio.services.clients.create(owner, ClientDraft(**fields), allow_duplicate=True)  # type: ignore[arg-type]

    return make

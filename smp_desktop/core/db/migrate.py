"""Bringing a studio database to the app's schema with Alembic: a backup first, and refusal of a newer database."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from smp_desktop.core.db.backup import online_backup
from smp_desktop.resources import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config

# The newest revision in db/versions (tests/test_migrations.py checks it is alembic's head). Knowing it lets a
# start-up on an up-to-date database skip importing alembic (and mako) altogether: a third of a second.
SCHEMA_HEAD = "0005"

# Search-index objects a migration creates for one dialect only (see db/versions/0001_initial.py); the models do
# not describe them, so comparisons of models and database leave them out.
DIALECT_ONLY_OBJECTS = (
    "client_fts",
    "client_words",
    "ix_client_search_trgm",
    "ix_client_sort_key_pattern",
    "ix_client_name_key_pattern",
)


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Alembic's filter: everything but the dialect-only search objects."""
    return not (name and name.startswith(DIALECT_ONLY_OBJECTS))


class DatabaseTooNew(Exception):
    """The database was written by a newer SMP Desktop than this one."""


@dataclass(frozen=True, slots=True)
class UpgradeResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None, "the app ships no migrations"
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def check_not_newer(engine: Engine) -> str | None:
    """The database's revision, or DatabaseTooNew when this app does not know it."""
    revision = current_revision(engine)
    if revision is None or revision == SCHEMA_HEAD:
        return revision
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_config())
    try:
        script.get_revision(revision)
    except Exception as exc:  # alembic raises several kinds for an unknown id
        raise DatabaseTooNew(
            f"This studio database was saved by a newer version of SMP Desktop (schema {revision}). "
            "Install the newer version to open it; nothing has been changed."
        ) from exc
    return revision


def upgrade(
    engine: Engine, backup_dir: Path | None, *, back_up: Callable[[str | None], Path] | None = None
) -> UpgradeResult:
    """Migrate to the newest schema. A SQLite database that already holds data is backed up first: by back_up
    (given the revision it is at; a studio's full backup, photos included) or else as an online copy of the
    database file into backup_dir. When the backup fails, nothing is migrated."""
    before = check_not_newer(engine)
    if before == SCHEMA_HEAD:
        return UpgradeResult(before, before, None)
    head = head_revision()
    if before == head:
        return UpgradeResult(before, head, None)
    backup = None
    if back_up is not None and engine.dialect.name == "sqlite" and _has_tables(engine):
        backup = back_up(before)
    elif backup_dir is not None and engine.dialect.name == "sqlite" and _has_tables(engine):
        database = Path(engine.url.database or "")
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = online_backup(database, backup_dir / f"before-upgrade-{before or 'unversioned'}-{stamp}.sqlite")
    from alembic import command

    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return UpgradeResult(before, head, backup)


def _has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())

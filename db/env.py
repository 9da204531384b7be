"""Alembic environment: runs the studio's migrations on the connection that smp_desktop.core.db.migrate
hands in."""

from __future__ import annotations

from alembic import context

from smp_desktop.core.models import Base

target_metadata = Base.metadata

# Tables that belong to a dialect's search index, not to the ORM models (see 0001_initial).
DIALECT_ONLY_TABLES = ("client_fts", "client_words")


def include_object(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    return not (type_ == "table" and name and name.startswith(DIALECT_ONLY_TABLES))


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("SMP Desktop migrations run through smp_desktop.core.db.migrate, not the alembic CLI")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_object=include_object,
        render_as_batch=True,  # SQLite cannot ALTER most things: batch mode rebuilds tables safely
        transaction_per_migration=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported")
run_migrations_online()

"""Alembic environment: runs the studio's migrations on the connection that smp_desktop.core.db.migrate
hands in."""

from __future__ import annotations

from alembic import context

from smp_desktop.core.db.migrate import include_object
from smp_desktop.core.models import all_tables

target_metadata = all_tables()


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

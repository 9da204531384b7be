"""Database health: the full check behind `db check`, and its plain-language report."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, text

from smp_desktop.core.db import migrate
from smp_desktop.paths import StudioPaths


@dataclass(frozen=True, slots=True)
class CheckReport:
    problems: tuple[str, ...]
    checked: tuple[str, ...]

    @property
    def healthy(self) -> bool:
        return not self.problems


class MaintenanceService:
    def __init__(self, engine: Engine, paths: StudioPaths) -> None:
        self._engine = engine
        self._paths = paths

    def check(self) -> CheckReport:
        problems: list[str] = []
        checked: list[str] = []
        revision = migrate.current_revision(self._engine)
        head = migrate.head_revision()
        checked.append(f"schema version {revision} (this app: {head})")
        if revision != head:
            problems.append(f"The database schema is at {revision}, not {head}: run `db upgrade`.")
        if self._engine.dialect.name == "sqlite":
            with self._engine.connect() as connection:
                rows = [r[0] for r in connection.exec_driver_sql("PRAGMA integrity_check")]
                checked.append("database file integrity")
                if rows != ["ok"]:
                    problems.extend(f"Database file damaged: {row}" for row in rows[:20])
                fk_rows = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                checked.append("links between records (foreign keys)")
                for table, rowid, parent, _ in fk_rows[:20]:
                    problems.append(f"A {table} record (row {rowid}) points to a missing {parent} record.")
                # --- SQLite dialect branch: the client search indexes must match the client table.
                for index in ("client_words", "client_fts"):
                    try:
                        connection.execute(text(f"INSERT INTO {index}({index}, rank) VALUES ('integrity-check', 1)"))
                    except Exception as exc:  # FTS5 reports a mismatch as "database disk image is malformed"
                        problems.append(f"The client search index ({index}) does not match the clients: {exc}.")
                checked.append("client search indexes")
                connection.rollback()
        else:
            with self._engine.connect() as connection:
                connection.execute(text("SELECT 1"))
                checked.append("server connection")
        return CheckReport(tuple(problems), tuple(checked))

    def upgrade(self) -> migrate.UpgradeResult:
        return migrate.upgrade(self._engine, self._paths.backups)

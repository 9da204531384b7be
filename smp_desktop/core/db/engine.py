"""The one engine factory: SQLite settings (WAL, synchronous=FULL, foreign keys, busy timeout) or a
PostgreSQL URL, and the session factory every service uses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 5000


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def make_engine(url: str, *, read_only: bool = False, echo: bool = False) -> Engine:
    """An engine for a SQLite file or a server URL (postgresql+psycopg://...)."""
    if url.startswith("sqlite"):
        return _sqlite_engine(url, read_only=read_only, echo=echo)
    return create_engine(url, echo=echo, pool_pre_ping=True, future=True)


def _sqlite_engine(url: str, *, read_only: bool, echo: bool) -> Engine:
    connect_args: dict[str, Any] = {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
    if read_only:
        path = url.removeprefix("sqlite:///")
        url = f"sqlite:///file:{path}?mode=ro&uri=true"
        connect_args["uri"] = True
    engine = create_engine(url, echo=echo, connect_args=connect_args, future=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling is disabled so that SQLAlchemy's BEGIN is the real one
        # (see SQLAlchemy's "Serializable isolation / Savepoints / Transactional DDL" notes for pysqlite).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            if not read_only:
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            # Makes LIKE 'abc%' on the search keys use their indexes; keys are case-folded already.
            cursor.execute("PRAGMA case_sensitive_like=ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False, future=True)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"

"""The one engine factory: SQLite settings (WAL, synchronous=FULL, foreign keys, busy timeout, storage faults) or
a PostgreSQL URL, and the session factory every service uses."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker

from smp_desktop.core.db import faults

BUSY_TIMEOUT_MS = 5000
# Execution option on a connection whose transaction will write: SQLite then begins it with BEGIN IMMEDIATE.
WRITE_TRANSACTION = "smp_write_transaction"


def sqlite_url(path: Path) -> str:
    # %-escaped (SQLAlchemy decodes it again): a "?" or "#" in a folder name would otherwise end the file name.
    return "sqlite:///" + quote(str(path), safe="/\\:")


def make_engine(url: str, *, read_only: bool = False, echo: bool = False) -> Engine:
    """An engine for a SQLite file or a server URL (postgresql+psycopg://...).

    Storage errors (disk full, database in use, read-only, damaged) surface as `faults.StorageFault`s."""
    if url.startswith("sqlite"):
        return _sqlite_engine(url, read_only=read_only, echo=echo)
    return create_engine(url, echo=echo, pool_pre_ping=True, future=True)


def read_only_uri(path: Path) -> str:
    """SQLite's URI for reading a file without writing to it or beside it.

    A WAL database needs its -wal and -shm files to be read; in a folder where they cannot be created and there
    is no -wal (the last writer closed cleanly, so the file holds everything) it is opened as immutable."""
    uri = path.absolute().as_uri() + "?mode=ro"  # %-escaped: a folder named "Studio #2" stays one path
    wal = path.with_name(path.name + "-wal")
    if not wal.exists() and not os.access(path.parent, os.W_OK):
        uri += "&immutable=1"
    return uri


def _sqlite_engine(url: str, *, read_only: bool, echo: bool) -> Engine:
    timeout = BUSY_TIMEOUT_MS / 1000
    if read_only:
        # SQLite's URI is built here, not in the URL: SQLAlchemy decodes the path's %-escapes before passing it on.
        uri = read_only_uri(Path(make_url(url).database or ""))
        engine = create_engine(
            url,
            echo=echo,
            future=True,
            creator=lambda: sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False),
        )
    else:
        connect_args: dict[str, Any] = {"timeout": timeout, "check_same_thread": False}
        engine = create_engine(url, echo=echo, connect_args=connect_args, future=True)
    faults.install(engine)

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
        # A transaction that reads first and writes later cannot wait for another writer in WAL mode (SQLite fails
        # it at once), so a write transaction takes the write lock at its start, waiting up to the busy timeout.
        writes = connection.get_execution_options().get(WRITE_TRANSACTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    return engine


class StudioSession(Session):
    """`sessions.begin()` is the unit of work of a write; its connection begins a write transaction."""

    def begin(self, nested: bool = False) -> SessionTransaction:
        transaction = super().begin(nested=nested)
        if not nested and isinstance(self.bind, Engine):
            self.connection(execution_options={WRITE_TRANSACTION: True})
        return transaction


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, class_=StudioSession, expire_on_commit=False, future=True)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"

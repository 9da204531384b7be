"""Opening one studio: its database (migrated, with a backup first) and the services every front door uses."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from smp_desktop.core.db import migrate
from smp_desktop.core.db.engine import make_engine, make_session_factory, sqlite_url
from smp_desktop.core.services.clients import ClientService
from smp_desktop.core.services.maintenance import MaintenanceService
from smp_desktop.core.services.studio import StudioService
from smp_desktop.paths import StudioPaths

ENV_DATABASE_URL = "SMP_DATABASE_URL"


class StudioOpenError(Exception):
    """The studio database cannot be opened; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class Services:
    studio: StudioService
    clients: ClientService
    maintenance: MaintenanceService


class OpenStudio:
    """An open studio: the engine, the session factory and the services built on them."""

    def __init__(self, paths: StudioPaths, engine: Engine, today: Callable[[], date] = date.today) -> None:
        self.paths = paths
        self.engine = engine
        self.sessions: sessionmaker[Session] = make_session_factory(engine)
        self.services = Services(
            studio=StudioService(self.sessions),
            clients=ClientService(self.sessions, today=today),
            maintenance=MaintenanceService(engine, paths),
        )
        self.last_upgrade: migrate.UpgradeResult | None = None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> OpenStudio:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def database_url(paths: StudioPaths, override: str | None = None) -> str:
    """A server URL from --database-url or SMP_DATABASE_URL, else the studio's own SQLite file."""
    return override or os.environ.get(ENV_DATABASE_URL) or sqlite_url(paths.database)


def open_studio(
    paths: StudioPaths,
    *,
    url: str | None = None,
    upgrade: bool = True,
    today: Callable[[], date] = date.today,
) -> OpenStudio:
    """Open (creating the folders and database if needed) and bring the schema up to date."""
    url = database_url(paths, url)
    try:
        paths.ensure()
    except OSError as exc:
        raise StudioOpenError(
            f"Cannot create the data folder {paths.root}: {exc.strerror}. Choose another folder."
        ) from exc
    engine = make_engine(url)
    try:
        if upgrade:
            result = migrate.upgrade(engine, paths.backups)
        else:
            migrate.check_not_newer(engine)
            result = None
    except migrate.DatabaseTooNew as exc:
        engine.dispose()
        raise StudioOpenError(str(exc)) from exc
    except (OperationalError, DBAPIError, sqlite3.DatabaseError) as exc:
        engine.dispose()
        raise StudioOpenError(_explain(exc, paths)) from exc
    studio = OpenStudio(paths, engine, today=today)
    studio.last_upgrade = result
    return studio


def _explain(exc: Exception, paths: StudioPaths) -> str:
    text = str(getattr(exc, "orig", exc)).lower()
    if "not a database" in text or "malformed" in text:
        return (
            f"The studio database {paths.database} is damaged (it is not a readable database). "
            "It has not been changed. Restore it from a backup, or contact support."
        )
    if "locked" in text or "busy" in text:
        return (
            f"The studio database {paths.database} is in use by another program. "
            "Close the other copy of SMP Desktop (or the program using the file) and try again."
        )
    if "readonly" in text or "read-only" in text or "permission" in text or "unable to open" in text:
        return (
            f"SMP Desktop cannot write to {paths.root}. Check that the folder exists and that you may write to it, "
            "or choose another data folder with --data-dir."
        )
    return f"The studio database could not be opened: {getattr(exc, 'orig', exc)}"

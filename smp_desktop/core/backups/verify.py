"""Checking a backup before anyone relies on it: the database copy's integrity and hash, every file's hash."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from smp_desktop.core.backups.manifest import (
    DATABASE_NAME,
    STORE_NAME,
    Manifest,
    ManifestDamaged,
    Verification,
    read_manifest,
    safe_relative_path,
)
from smp_desktop.core.backups.store import FileStore, sha256_of
from smp_desktop.core.db import migrate
from smp_desktop.core.db.engine import read_only_uri

MAX_PROBLEMS = 50  # a store on a dying disk could list thousands; the first ones say enough


@dataclass(frozen=True, slots=True)
class DatabaseFacts:
    problems: tuple[str, ...]
    schema_revision: str | None
    last_audit_event_id: int | None


def inspect_database(path: Path, *, immutable: bool = False) -> DatabaseFacts:
    """Full integrity check of a SQLite file that must hold an SMP Desktop studio this app can open.

    immutable: the file is a finished backup copy (no journal beside it), so SQLite need not lock it or create
    any file next to it; this is what lets a backup on read-only media be checked."""
    uri = immutable_uri(path) if immutable else read_only_uri(path)
    problems: list[str] = []
    revision: str | None = None
    last_event: int | None = None
    connection: sqlite3.Connection | None = None
    try:
        connection = sqlite3.connect(uri, uri=True)
        rows = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        if rows != ["ok"]:
            problems.extend(f"The database copy is damaged: {row}" for row in rows[:10])
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "alembic_version" not in tables or "studio" not in tables:
            problems.append(f"{path.name} is a SQLite database, but not an SMP Desktop studio.")
        else:
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
            if "audit_event" in tables:
                last_event = connection.execute("SELECT max(id) FROM audit_event").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        problems.append(f"{path.name} is not a readable database ({exc}).")
    finally:
        if connection is not None:
            connection.close()
    if revision is not None:
        problems.extend(_newer_schema_problems(uri))
    return DatabaseFacts(tuple(problems), revision, last_event)


def immutable_uri(path: Path) -> str:
    """Read-only and immutable: for a finished backup copy, which has no journal and never changes."""
    uri = read_only_uri(path)
    return uri if "immutable=1" in uri else uri + "&immutable=1"


def _newer_schema_problems(uri: str) -> list[str]:
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True), poolclass=NullPool)
    try:
        migrate.check_not_newer(engine)
    except migrate.DatabaseTooNew as exc:
        return [str(exc)]
    finally:
        engine.dispose()
    return []


def verify_backup(
    folder: Path, *, now: datetime | None = None, hash_only: Collection[str] | None = None
) -> Verification:
    """Everything a restore will rely on, checked against the manifest; hashes are recomputed, never trusted.

    hash_only: None recomputes every file's hash (a restore does). A set of hashes recomputes only those (the
    files this backup added to the store); the others, hashed when they were stored and again at the folder's
    periodic full check (see writer.FULL_CHECK_EVERY), are checked for presence and size."""
    at = now or datetime.now(UTC)
    try:
        manifest = read_manifest(folder)
    except ManifestDamaged as exc:
        return Verification.of([f"The backup's list of contents: {exc}."], ["manifest"], at)
    problems, checked = _verify_database(folder, manifest)
    file_problems = _verify_files(folder.parent / STORE_NAME, manifest, hash_only)
    if hash_only is None:
        checked.append(f"{len(manifest.files)} file hash(es)")
    else:
        hashed = sum(1 for entry in manifest.files if entry.sha256 in hash_only)
        checked.append(f"{hashed} new file hash(es), {len(manifest.files) - hashed} stored file(s) present")
    problems.extend(file_problems)
    if len(problems) > MAX_PROBLEMS:
        problems = [*problems[:MAX_PROBLEMS], f"… and {len(problems) - MAX_PROBLEMS} more problems."]
    return Verification.of(problems, checked, at)


def _verify_database(folder: Path, manifest: Manifest) -> tuple[list[str], list[str]]:
    database = folder / DATABASE_NAME
    checked = ["database hash", "database integrity", "schema version"]
    if not database.is_file():
        return [f"The database copy {database} is missing."], checked
    problems: list[str] = []
    try:
        intact = database.stat().st_size == manifest.database_size and sha256_of(database) == manifest.database_sha256
    except OSError as exc:
        return [f"The database copy {database} cannot be read ({exc.strerror})."], checked
    if not intact:
        problems.append("The database copy has changed since it was written (its hash does not match).")
    facts = inspect_database(database, immutable=True)
    problems.extend(facts.problems)
    if not facts.problems and facts.schema_revision != manifest.schema_revision:
        problems.append(
            f"The database copy is at schema {facts.schema_revision}, not {manifest.schema_revision} as recorded."
        )
    return problems, checked


def _verify_files(store_root: Path, manifest: Manifest, hash_only: Collection[str] | None) -> list[str]:
    store = FileStore(store_root)
    problems: list[str] = []
    for entry in manifest.files:
        try:
            safe_relative_path(entry.path)
        except ManifestDamaged as exc:
            problems.append(f"The backup's list of contents: {exc}.")
            continue
        problem = store.check(entry.sha256, entry.size, read=hash_only is None or entry.sha256 in hash_only)
        if problem:
            problems.append(f"{entry.path} {problem}.")
    return problems

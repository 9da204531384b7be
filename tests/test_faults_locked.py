"""A real second process holds the studio database locked: a save waits the busy timeout, then says the database
is in use (nothing half-saved); opening the studio meanwhile says the same; both work once the lock is gone."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from smp_desktop.core.db.faults import DatabaseBusy, StorageFault
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.client_data import ClientDraft, ClientRecord
from smp_desktop.core.studio_db import OpenStudio, StudioInUse, StudioOpenError, open_studio
from smp_desktop.paths import StudioPaths

# The other program: takes the write lock (and, with exclusive locking, every lock), says so, waits to be told.
LOCKER = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "exclusive":
    connection.execute("PRAGMA locking_mode=EXCLUSIVE")
connection.execute("BEGIN EXCLUSIVE")
connection.execute("UPDATE client SET notes = 'the other program was here'")
print("locked", flush=True)
if sys.argv[3] == "until-told":
    sys.stdin.read()
else:
    time.sleep(float(sys.argv[3]))
connection.execute("ROLLBACK")
"""


@contextmanager
def another_program_locks(database: Path, mode: str = "write", hold: str = "until-told") -> Iterator[None]:
    locker = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(database), mode, hold],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert locker.stdout is not None and locker.stdout.readline().strip() == "locked"
        yield
    finally:
        assert locker.stdin is not None
        locker.stdin.close()
        locker.wait(timeout=30)


def test_a_save_while_another_program_writes_waits_then_fails_clearly(
    studio: OpenStudio, owner: Actor, make_client
) -> None:  # type: ignore[no-untyped-def]
    existing: ClientRecord = make_client(first_name="Amélie", last_name="Poulain", notes="as it was")
    clients = studio.services.clients
    with another_program_locks(studio.paths.database):
        with pytest.raises(DatabaseBusy) as raised:
            clients.create(owner, ClientDraft(first_name="Søren", last_name="Kierkegaard"))
        assert isinstance(raised.value, StorageFault)
        assert str(raised.value).startswith("The studio database is in use by another program, so nothing was saved.")
        assert "SQLITE_BUSY" in raised.value.detail  # the driver's words are kept for the log
        assert clients.get(owner, existing.id).draft.notes == "as it was"  # reading still works meanwhile
    assert clients.count(owner) == 1
    clients.create(owner, ClientDraft(first_name="Søren", last_name="Kierkegaard"))  # saving again works
    assert clients.get(owner, existing.id).draft.notes == "as it was"
    assert clients.count(owner) == 2


def test_a_save_waits_for_a_short_lock_to_end_instead_of_failing(studio: OpenStudio, owner: Actor, make_client) -> None:  # type: ignore[no-untyped-def]
    """Saves take the write lock when they begin (BEGIN IMMEDIATE), so SQLite waits for the other writer; a save
    that read first and then asked for the lock would be refused at once."""
    existing: ClientRecord = make_client(first_name="Amélie", last_name="Poulain")
    with another_program_locks(studio.paths.database, hold="1.0"):
        saved = studio.services.clients.update(owner, existing.id, existing.draft.replace(notes="after the wait"))
    assert saved.draft.notes == "after the wait"
    assert studio.services.clients.get(owner, existing.id).draft.notes == "after the wait"


def test_opening_a_studio_another_program_holds_exclusively_says_it_is_in_use(
    studio: OpenStudio, studio_paths: StudioPaths, make_client
) -> None:  # type: ignore[no-untyped-def]
    make_client(first_name="Ana", last_name="Ibáñez")
    studio.close()
    with another_program_locks(studio_paths.database, "exclusive"), pytest.raises(StudioInUse) as raised:
        open_studio(studio_paths)
    assert isinstance(raised.value, StudioOpenError)
    assert "is in use by another program" in str(raised.value) and str(studio_paths.database) in str(raised.value)
    assert studio_paths.database.exists()  # a locked file is not a damaged one: nothing was moved aside
    assert not (studio_paths.root / "damaged").exists()
    with open_studio(studio_paths) as reopened:
        owner = reopened.services.studio.owner()
        [client] = reopened.services.clients.search(owner, "ibanez").rows
        assert reopened.services.clients.get(owner, client.id).draft.notes == ""  # the other program rolled back

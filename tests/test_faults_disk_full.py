"""A full disk, made real with SQLite's page limit (the database cannot grow by one page): the save says "disk full,
nothing was saved", the record stays as it was, the file stays whole, and saving again after space is freed works."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event

from smp_desktop.core.db.faults import DiskFull, StorageFault
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.client_data import ClientDraft, ClientRecord
from smp_desktop.core.studio_db import OpenStudio

DISK_FULL = "The disk is full: nothing was saved. Free some space and save again."
LONG_NOTES = "Ścisłe notatki — 客户备注 — ملاحظات\n" * 2000  # ~90 KB: needs many new pages


class Disk:
    """The studio's disk: `fill()` stops the database file growing, `free()` gives room again."""

    def __init__(self, studio: OpenStudio) -> None:
        self._studio = studio
        self.limit: int | None = None

    def fill(self) -> None:
        with self._studio.engine.connect() as connection:
            self.limit = int(connection.exec_driver_sql("PRAGMA page_count").scalar_one())

    def free(self) -> None:
        self.limit = None

    def on_checkout(self, dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        # Every unit of work checks a connection out; the limit is set on it each time (per-connection pragma).
        dbapi_connection.execute(f"PRAGMA max_page_count = {self.limit or 4294967294}")


@pytest.fixture
def disk(studio: OpenStudio) -> Iterator[Disk]:
    disk = Disk(studio)
    event.listen(studio.engine, "checkout", disk.on_checkout)
    yield disk
    event.remove(studio.engine, "checkout", disk.on_checkout)


def _file_is_whole(studio: OpenStudio) -> None:
    with studio.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
    assert studio.services.maintenance.check().healthy


def test_a_new_client_on_a_full_disk_is_not_saved_and_saving_again_works(
    studio: OpenStudio, owner: Actor, disk: Disk
) -> None:
    clients = studio.services.clients
    draft = ClientDraft(first_name="Łucja", last_name="Wójcik", notes=LONG_NOTES)
    disk.fill()
    with pytest.raises(DiskFull) as raised:
        clients.create(owner, draft)
    assert str(raised.value) == DISK_FULL and isinstance(raised.value, StorageFault)
    assert "SQLITE_FULL" in raised.value.detail
    assert clients.count(owner) == 0
    assert clients.search(owner, "wojcik").rows == ()
    _file_is_whole(studio)

    disk.free()
    saved = clients.create(owner, draft)
    assert clients.get(owner, saved.id).draft.notes == LONG_NOTES
    assert [row.id for row in clients.search(owner, "wojcik").rows] == [saved.id]
    _file_is_whole(studio)


def test_a_change_on_a_full_disk_leaves_the_record_as_it_was(
    studio: OpenStudio, owner: Actor, disk: Disk, make_client
) -> None:  # type: ignore[no-untyped-def]
    before: ClientRecord = make_client(first_name="Kwame", last_name="Mensah", notes="short")
    clients = studio.services.clients
    changed = before.draft.replace(last_name="Mensah-Osei", notes=LONG_NOTES)
    disk.fill()
    with pytest.raises(DiskFull, match=r"^The disk is full: nothing was saved"):
        clients.update(owner, before.id, changed)
    after = clients.get(owner, before.id)
    assert after.draft == before.draft and after.updated_at == before.updated_at
    assert [row.id for row in clients.search(owner, "mensah").rows] == [before.id]
    assert clients.search(owner, "osei").rows == ()  # the search index did not move either
    _file_is_whole(studio)

    disk.free()
    assert clients.update(owner, before.id, changed).draft.notes == LONG_NOTES
    assert [row.id for row in clients.search(owner, "osei").rows] == [before.id]

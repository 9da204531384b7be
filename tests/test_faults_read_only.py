"""A real read-only data folder or database file: the studio opens read-only (a flag and a sentence for the
banner), reading works, a save says why nothing was saved, and nothing in the folder changes; or it explains why
it cannot open. Each case runs in a child process that really lacks write permission: as root (whom chmod does
not stop) the child is started without the capability to override file permissions (util-linux `setpriv`).

Run as a script, this file is that child: `python test_faults_read_only.py CASE DATA_DIR` prints a JSON result."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from smp_desktop.core.db.engine import make_engine, sqlite_url
from smp_desktop.core.db.faults import ReadOnlyStudio
from smp_desktop.core.services.client_data import ClientDraft
from smp_desktop.core.studio_db import StudioOpenError, open_studio
from smp_desktop.paths import StudioPaths

NO_OVERRIDE = "-dac_override,-dac_read_search,-fowner"


def _child(data_dir: str) -> dict[str, Any]:
    """What a person would see: open, look up, try to save."""
    try:
        studio = open_studio(StudioPaths(Path(data_dir)))
    except StudioOpenError as exc:
        return {"open_error": str(exc)}
    with studio:
        owner = studio.services.studio.owner()
        clients = studio.services.clients
        result: dict[str, Any] = {
            "read_only": studio.read_only,
            "reason": studio.read_only_reason,
            "names": sorted(r.last_name for r in clients.search(owner, "a", limit=50).rows),
            "check": list(studio.services.maintenance.check().problems),
        }
        try:
            clients.create(owner, ClientDraft(first_name="Nuevo", last_name="Cliente"))
            result["save"] = "saved"
        except ReadOnlyStudio as exc:
            result["save"] = str(exc)
        return result


def run_without_write_permission(data_dir: Path) -> dict[str, Any]:
    command = [sys.executable, __file__, str(data_dir)]
    if os.geteuid() == 0:
        command = ["setpriv", f"--bounding-set={NO_OVERRIDE}", f"--inh-caps={NO_OVERRIDE}", "--", *command]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])  # type: ignore[no-any-return]


def _studio(root: Path, names: list[str]) -> StudioPaths:
    paths = StudioPaths(root)
    with open_studio(paths) as studio:
        owner = studio.services.studio.create("Estudio", "Dueña")
        for name in names:
            studio.services.clients.create(owner, ClientDraft(first_name="Ana", last_name=name))
    return paths


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _writable_again(*paths: Path) -> None:
    for path in paths:
        path.chmod(0o755 if path.is_dir() else 0o644)


def test_a_read_only_data_folder_opens_read_only(tmp_path: Path) -> None:
    paths = _studio(tmp_path / "studio", ["Álvarez", "Babić"])
    before = _snapshot(paths.root)
    paths.root.chmod(0o555)
    try:
        seen = run_without_write_permission(paths.root)
    finally:
        _writable_again(paths.root)
    assert seen["read_only"] is True
    assert seen["reason"].startswith(f"The data folder {paths.root} cannot be written")
    assert "open read-only" in seen["reason"]
    assert seen["names"] == ["Babić", "Álvarez"]
    assert seen["save"] == ReadOnlyStudio.message
    assert seen["check"] == []
    assert _snapshot(paths.root) == before  # not a byte written, no -wal or -shm left behind


def test_a_read_only_database_file_opens_read_only(tmp_path: Path) -> None:
    paths = _studio(tmp_path / "studio", ["Çelik"])
    before = paths.database.read_bytes()
    paths.database.chmod(0o444)
    try:
        seen = run_without_write_permission(paths.root)
    finally:
        _writable_again(paths.database)
    assert seen["read_only"] is True and seen["reason"].startswith(f"The file {paths.database} cannot be written")
    assert seen["names"] == ["Çelik"]
    assert seen["save"] == ReadOnlyStudio.message
    assert paths.database.read_bytes() == before


def test_a_read_only_folder_after_a_crash_still_shows_what_only_the_wal_holds(tmp_path: Path) -> None:
    paths = _studio(tmp_path / "studio", ["Đorđević"])
    crashed = StudioPaths(tmp_path / "crashed")
    with open_studio(paths) as studio:  # while it is open, the newest client is only in the -wal
        owner = studio.services.studio.owner()
        studio.services.clients.create(owner, ClientDraft(first_name="Ana", last_name="Eötvös"))
        shutil.copytree(paths.root, crashed.root)
    assert crashed.database.with_name("studio.sqlite-wal").stat().st_size > 0
    crashed.root.chmod(0o555)
    try:
        seen = run_without_write_permission(crashed.root)
    finally:
        _writable_again(crashed.root)
    assert seen["read_only"] is True
    assert seen["names"] == ["Eötvös", "Đorđević"]
    assert seen["save"] == ReadOnlyStudio.message


def test_a_read_only_folder_explains_why_it_cannot_open(tmp_path: Path) -> None:
    nothing = tmp_path / "nothing"
    nothing.mkdir()
    empty = StudioPaths(tmp_path / "empty").ensure()
    empty.database.touch()  # a database with no studio (and no schema) in it
    for folder in (nothing, empty.root):
        folder.chmod(0o555)
    try:
        no_studio = run_without_write_permission(nothing)
        no_schema = run_without_write_permission(empty.root)
    finally:
        _writable_again(nothing, empty.root)
    assert no_studio["open_error"] == (
        f"Cannot create the data folder {nothing}: Permission denied. Choose another folder."
    )
    assert "holds no studio yet and cannot be written" in no_schema["open_error"]
    assert list(nothing.iterdir()) == []


def test_the_read_only_engine_opens_any_folder_name_and_refuses_writes(tmp_path: Path) -> None:
    """The URI is %-escaped: "#", "?" and "%" in a folder name would otherwise end SQLite's file name early."""
    database = tmp_path / "Studio #2? Zoë's 100% ok" / "studio.sqlite"
    database.parent.mkdir()
    writable = make_engine(sqlite_url(database))
    with writable.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE t (v TEXT)")
        connection.exec_driver_sql("INSERT INTO t VALUES ('Zoë')")
    writable.dispose()
    before = database.read_bytes()
    engine = make_engine(sqlite_url(database), read_only=True)
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT v FROM t").scalar_one() == "Zoë"
        with pytest.raises(ReadOnlyStudio), engine.begin() as connection:
            connection.exec_driver_sql("INSERT INTO t VALUES ('no')")
    finally:
        engine.dispose()
    assert database.read_bytes() == before
    wal = database.with_name("studio.sqlite-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # SQLite may leave an empty one beside a WAL database


if __name__ == "__main__":
    print(json.dumps(_child(sys.argv[1])))

"""The quick integrity check at start runs after anything that could have hurt the database (a crash, a change
behind the app's back, a week since the last check) and is skipped after a clean close of an unchanged file."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from smp_desktop.core.db import health
from smp_desktop.core.db.start_check import CLEAN_CLOSE_FILE
from smp_desktop.core.studio_db import DatabaseDamaged, open_studio
from smp_desktop.paths import StudioPaths

Counter = Callable[[], int]


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> Counter:
    """How many quick checks have run (the real check still runs)."""
    calls: list[object] = []
    real = health.quick_check

    def counting(source: object) -> tuple[str, ...]:
        calls.append(source)
        return real(source)

    monkeypatch.setattr(health, "quick_check", counting)
    return lambda: len(calls)


def _new_studio(paths: StudioPaths) -> None:
    with open_studio(paths) as opened:
        opened.services.studio.create("Łódź Scalp Studio", "Zoë Łukasiewicz", country="PL")


def test_a_clean_close_of_an_unchanged_file_spares_the_next_start_the_check(
    studio_paths: StudioPaths, checks: Counter
) -> None:
    _new_studio(studio_paths)
    assert checks() == 1 and (studio_paths.root / CLEAN_CLOSE_FILE).exists()

    opened = open_studio(studio_paths)
    assert checks() == 1  # trusted: closed cleanly, file untouched since
    assert not (studio_paths.root / CLEAN_CLOSE_FILE).exists()  # taken away while the studio is open
    owner = opened.services.studio.owner()
    assert owner.display_name == "Zoë Łukasiewicz"
    opened.close()
    assert (studio_paths.root / CLEAN_CLOSE_FILE).exists()  # noted again, with the first check's time
    with open_studio(studio_paths):
        assert checks() == 1


def test_after_a_crash_the_next_start_checks(studio_paths: StudioPaths, checks: Counter) -> None:
    _new_studio(studio_paths)
    crashed = open_studio(studio_paths)  # never closed: the process "dies" with it open
    crashed.services.studio.owner()
    assert checks() == 1
    with open_studio(studio_paths):
        assert checks() == 2
    crashed.engine.dispose()


def test_a_file_changed_since_the_clean_close_is_checked(studio_paths: StudioPaths, checks: Counter) -> None:
    _new_studio(studio_paths)
    with sqlite3.connect(studio_paths.database) as other_program:
        other_program.execute("CREATE TABLE notes_by_someone_else (text TEXT)")
    other_program.close()
    with open_studio(studio_paths):
        assert checks() == 2


def test_damage_written_after_a_clean_close_is_still_found(studio_paths: StudioPaths, checks: Counter) -> None:
    _new_studio(studio_paths)
    size = studio_paths.database.stat().st_size
    with open(studio_paths.database, "r+b") as handle:  # a page in the middle overwritten, the size unchanged
        handle.seek(size // 2 - (size // 2) % 4096)
        handle.write(b"\xff" * 4096)
    with pytest.raises(DatabaseDamaged):
        open_studio(studio_paths)
    assert checks() == 2


def test_a_week_after_the_last_check_the_start_checks_again(studio_paths: StudioPaths, checks: Counter) -> None:
    _new_studio(studio_paths)
    marker = studio_paths.root / CLEAN_CLOSE_FILE
    note = json.loads(marker.read_text(encoding="utf-8"))
    note["checked_at"] = (datetime.now(UTC) - timedelta(days=8)).isoformat()
    marker.write_text(json.dumps(note), encoding="utf-8")
    with open_studio(studio_paths):
        assert checks() == 2


@pytest.mark.parametrize("note", ["", "{not json", '{"size": 1}', '{"size": "x", "mtime_ns": 1, "checked_at": "y"}'])
def test_an_unreadable_note_means_a_check(studio_paths: StudioPaths, checks: Counter, note: str) -> None:
    _new_studio(studio_paths)
    (studio_paths.root / CLEAN_CLOSE_FILE).write_text(note, encoding="utf-8")
    with open_studio(studio_paths):
        assert checks() == 2


def test_a_note_left_beside_a_write_ahead_log_is_not_trusted(studio_paths: StudioPaths, checks: Counter) -> None:
    _new_studio(studio_paths)
    wal = Path(str(studio_paths.database) + "-wal")
    wal.write_bytes(b"\0" * 32)  # what a crash of another program holding the file open would leave
    with open_studio(studio_paths):  # SQLite ignores a log whose header is not valid
        assert checks() == 2

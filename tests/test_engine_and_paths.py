"""The engine factory's SQLite settings, and where the studio's data folder comes from."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from smp_desktop.core.db.engine import BUSY_TIMEOUT_MS, make_engine, sqlite_url
from smp_desktop.paths import ENV_DATA_DIR, resolve_data_dir


def test_sqlite_connections_use_wal_full_sync_foreign_keys_and_busy_timeout(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "s.sqlite"))
    with engine.connect() as connection:
        pragma = lambda name: connection.execute(text(f"PRAGMA {name}")).scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == BUSY_TIMEOUT_MS
    engine.dispose()


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "s.sqlite"))
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE parent (id INTEGER PRIMARY KEY)"))
        connection.execute(text("CREATE TABLE child (id INTEGER PRIMARY KEY, p INTEGER REFERENCES parent(id))"))
    with pytest.raises(Exception, match="FOREIGN KEY"), engine.begin() as connection:
        connection.execute(text("INSERT INTO child (p) VALUES (42)"))
    engine.dispose()


def test_a_failed_transaction_leaves_nothing_behind(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "s.sqlite"))
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (v TEXT NOT NULL)"))
    with pytest.raises(Exception), engine.begin() as connection:  # noqa: B017 - any failure must roll back
        connection.execute(text("INSERT INTO t VALUES ('kept?')"))
        connection.execute(text("INSERT INTO t VALUES (NULL)"))
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM t")).scalar() == 0
    engine.dispose()


def test_data_dir_option_beats_environment_beats_platform_folder(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv(ENV_DATA_DIR, raising=False)
    platform_default = resolve_data_dir(None).root
    assert "smp" in str(platform_default).lower()
    assert not str(platform_default).startswith(str(Path(__file__).resolve().parent.parent))  # never the repo

    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "from-env"))
    assert resolve_data_dir(None).root == tmp_path / "from-env"
    assert resolve_data_dir(tmp_path / "from-option").root == tmp_path / "from-option"


def test_paths_are_created_only_on_request(tmp_path: Path) -> None:
    paths = resolve_data_dir(tmp_path / "new")
    assert not paths.root.exists()
    paths.ensure()
    assert paths.photos.is_dir() and paths.backups.is_dir() and paths.documents.is_dir()
    assert paths.database == tmp_path / "new" / "studio.sqlite"

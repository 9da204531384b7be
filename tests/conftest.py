"""Shared fixtures: a real studio database on disk per test, and Qt forced offscreen before anything imports it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("SMP_DATA_DIR", None)
os.environ.pop("SMP_DATABASE_URL", None)

import logging
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.client_data import ClientDraft, ClientRecord
from smp_desktop.core.studio_db import OpenStudio, open_studio
from smp_desktop.paths import StudioPaths
from tests.postgres_server import Server, running_server

TODAY = date(2026, 11, 25)


def _draw_each_scalp_photo_once() -> None:
    """The drawn scalp photos (core/demo_photos.scalp_image: thousands of dots in Python, seconds for a large one)
    are made once per run for each set of arguments; every later call gets a copy of the same picture. Installed
    before the test modules import it, so that `from ... import scalp_image` gets this one too."""
    import functools

    from PIL import Image

    from smp_desktop.core import demo_photos

    drawn = functools.cache(demo_photos.scalp_image)

    @functools.wraps(demo_photos.scalp_image)
    def scalp_image(*args: Any, **kwargs: Any) -> Image.Image:
        return drawn(*args, **kwargs).copy()

    demo_photos.scalp_image = scalp_image  # type: ignore[assignment]


_draw_each_scalp_photo_once()


# Under pytest-xdist (installer/dev.py test runs `-n auto --dist loadfile`) each test file runs on one worker, so a
# file's module fixtures and its tests' order hold; each worker builds the session fixtures (demo, PostgreSQL) once.
# (`--dist loadgroup` is not used: pytest 9 names items by `_id`, and pytest-xdist 3.8 still renames `_nodeid` to
# group them, so its groups are silently ignored.)


@pytest.fixture(autouse=True)
def _detach_app_log() -> Iterator[None]:
    """The CLI attaches the app's log file to the root logger once per process; each test gets its own folder."""
    yield
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_smp_desktop", False):
            root.removeHandler(handler)
            handler.close()


def next_release_migrations(tmp_path: Path) -> Path:
    """A copy of db/ with one more revision ("9000", creating next_release_table), standing in for the next
    release's migration. Point smp_desktop.core.db.migrate.migrations_dir (and SCHEMA_HEAD) at it."""
    import shutil

    from smp_desktop.core.db import migrate

    copy = tmp_path / "migrations"
    shutil.copytree(Path(__file__).resolve().parent.parent / "db", copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "versions" / "9000_next.py").write_text(
        f"""
import sqlalchemy as sa
from alembic import op

revision = "9000"
down_revision = "{migrate.head_revision()}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("next_release_table", sa.Column("id", sa.Integer, primary_key=True))


def downgrade():
    op.drop_table("next_release_table")
""",
        encoding="utf-8",
    )
    return copy


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    """Run `smp-desktop ARGV` in this process: (exit code, stdout, stderr)."""
    from smp_desktop.cli import main

    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def decoder_feeds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The length of every piece of data Pillow hands a decoder from now on (between two pieces it takes the
    interpreter lock back: a photo should go in one)."""
    from PIL import Image

    feeds: list[int] = []
    real_getdecoder = Image._getdecoder

    class CountedDecoder:
        def __init__(self, decoder: object) -> None:
            self._decoder = decoder

        def __getattr__(self, name: str) -> object:
            return getattr(self._decoder, name)

        def decode(self, data: bytes) -> tuple[int, int]:
            feeds.append(len(data))
            return self._decoder.decode(data)  # type: ignore[attr-defined, no-any-return]

    def getdecoder(*args: object, **kwargs: object) -> object:
        return CountedDecoder(real_getdecoder(*args, **kwargs))  # type: ignore[arg-type]

    monkeypatch.setattr(Image, "_getdecoder", getdecoder)
    return feeds


@pytest.fixture
def studio_paths(tmp_path: Path) -> StudioPaths:
    return StudioPaths(tmp_path / "studio")


@pytest.fixture(scope="session")
def new_studio_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new studio's data folder, made once per run as the app makes one (open_studio on an empty folder: the
    folders, the SQLite file, every migration; then the studio and its owner created) and closed; never opened again,
    only copied. Migrating an empty database takes a good part of a second; copying the folder, a few milliseconds."""
    root = tmp_path_factory.mktemp("new-studio-template") / "studio"
    with open_studio(StudioPaths(root), today=lambda: TODAY) as opened:
        opened.services.studio.create("Test Studio", "Olivia Owner", country="GB")
    return root


@pytest.fixture
def studio(studio_paths: StudioPaths, new_studio_template: Path) -> Iterator[OpenStudio]:
    """An open studio on a real SQLite file, with the studio ("Test Studio", GB) and its owner (Olivia Owner)
    created: a copy of new_studio_template, this test's own."""
    shutil.copytree(new_studio_template, studio_paths.root)
    opened = open_studio(studio_paths, today=lambda: TODAY)
    yield opened
    opened.close()


@pytest.fixture
def owner(studio: OpenStudio) -> Actor:
    return studio.services.studio.owner()


@pytest.fixture
def make_client(studio: OpenStudio, owner: Actor):  # type: ignore[no-untyped-def]
    """Factory: make_client(first_name=..., ...) saves a client (duplicates allowed) and returns its record."""

    def make(**fields: object) -> ClientRecord:
        fields.setdefault("first_name", "Test")
        fields.setdefault("last_name", "Client")
        return studio.services.clients.create(owner, ClientDraft(**fields), allow_duplicate=True)  # type: ignore[arg-type]

    return make


# --- the demo studio, built once ------------------------------------------------------------------------------------

DEMO_CLIENTS, DEMO_SEED = 120, 2026


@dataclass(frozen=True)
class DemoTemplate:
    root: Path  # a closed demo studio's data folder: never opened by a test, only copied
    progress_texts: frozenset[str]  # every progress text create_demo_studio yielded while building it


@dataclass(frozen=True)
class DemoStudio:
    studio: OpenStudio
    owner: Actor
    progress_texts: frozenset[str]


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> DemoTemplate:
    """The demo studio (DEMO_CLIENTS clients, DEMO_SEED) built once per run by create_demo_studio, as the app does:
    its photos alone take seconds to draw, and every demo test reads the same studio."""
    from smp_desktop.core.demo import create_demo_studio
    from smp_desktop.core.progress import run_to_end

    root = tmp_path_factory.mktemp("demo-template") / "demo"
    texts: set[str] = set()
    with open_studio(StudioPaths(root), today=lambda: TODAY) as opened:
        steps = create_demo_studio(opened, clients=DEMO_CLIENTS, seed=DEMO_SEED, today=TODAY)
        run_to_end(steps, lambda progress: texts.add(progress.text))
    return DemoTemplate(root, frozenset(texts))


@pytest.fixture
def demo_studio(demo_template: DemoTemplate, tmp_path: Path) -> Iterator[DemoStudio]:
    """A copy of the built demo studio (its database, photos and documents), open; the test may change it."""
    copy = tmp_path / "demo"
    shutil.copytree(demo_template.root, copy)
    with open_studio(StudioPaths(copy), today=lambda: TODAY) as opened:
        yield DemoStudio(opened, opened.services.studio.owner(), demo_template.progress_texts)


# --- PostgreSQL, one throwaway server per run -----------------------------------------------------------------------


@pytest.fixture(scope="session")
def postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One throwaway PostgreSQL server for the whole run (starting one takes seconds); every user of it asks it for
    a new, empty database (`postgres.new_database()`), so no test sees another's tables."""
    with tempfile.TemporaryDirectory(prefix="smp-pg-") as folder, running_server(Path(folder)) as server:
        yield server

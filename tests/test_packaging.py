"""Migrations and resources are found from a source tree, an installed wheel and a frozen bundle."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from smp_desktop import resources

REPO = Path(__file__).resolve().parent.parent


def test_source_tree_finds_db_and_resources() -> None:
    assert resources.migrations_dir() == REPO / "db"
    assert (resources.migrations_dir() / "env.py").is_file()
    assert resources.bundle_dir("resources") == REPO / "resources"


def test_frozen_bundle_looks_beside_the_bootloader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "db").mkdir()
    (tmp_path / "resources" / "icons").mkdir(parents=True)
    (tmp_path / "resources" / "icons" / "app.svg").write_text("<svg/>")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.migrations_dir() == tmp_path / "db"
    assert resources.resource_path("icons/app.svg") == tmp_path / "resources" / "icons" / "app.svg"
    with pytest.raises(FileNotFoundError, match="reinstall"):
        resources.resource_path("icons/missing.svg")


@pytest.mark.slow
def test_wheel_ships_migrations_and_an_installed_copy_finds_them(tmp_path: Path) -> None:
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheel_dir),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheel_dir.glob("smp_desktop-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "smp_desktop/_migrations/env.py" in names
    assert "smp_desktop/_migrations/script.py.mako" in names
    migrations = {p.relative_to(REPO / "db").as_posix() for p in (REPO / "db" / "versions").glob("*.py")}
    assert {f"smp_desktop/_migrations/{m}" for m in migrations} <= names
    assert any(n.startswith("smp_desktop/_resources/") for n in names)
    sources = {p.relative_to(REPO).as_posix() for p in (REPO / "smp_desktop").rglob("*.py")}
    assert sources - names == set(), "modules missing from the wheel: list their package in pyproject.toml"

    # Unpacked somewhere that is not the repository, the package finds its migrations inside itself.
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "from smp_desktop.resources import migrations_dir; from smp_desktop.core.db.migrate import head_revision; "
        "print(migrations_dir()); print(head_revision())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin", "PYTHONNOUSERSITE": "1"},
    )  # fmt: skip
    folder, head = result.stdout.split()
    assert Path(folder) == site / "smp_desktop" / "_migrations"
    from smp_desktop.core.db.migrate import SCHEMA_HEAD

    assert head == SCHEMA_HEAD


def test_every_package_in_the_tree_is_listed_for_the_wheel() -> None:
    import tomllib

    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    in_tree = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "smp_desktop").rglob("__init__.py")}
    assert in_tree <= listed


def test_the_app_version_is_the_package_version() -> None:
    import tomllib

    import smp_desktop

    assert smp_desktop.__version__ == tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]

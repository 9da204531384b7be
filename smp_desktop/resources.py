"""The one way to find files shipped with the app (resources/, db/ migrations) in a source tree, a wheel or a
frozen bundle."""

from __future__ import annotations

import sys
from importlib import resources as importlib_resources
from pathlib import Path

_REPO_ROOT = Path(__file__).resolve().parent.parent

# bundle name -> (package the wheel installs it as, folder in the repository / frozen bundle)
_BUNDLES = {
    "resources": ("smp_desktop._resources", "resources"),
    "migrations": ("smp_desktop._migrations", "db"),
}


def bundle_dir(name: str) -> Path:
    """The folder holding a shipped bundle ("resources" or "migrations")."""
    package, folder = _BUNDLES[name]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:  # PyInstaller puts data folders beside the bootloader
        return Path(frozen_root) / folder
    source = _REPO_ROOT / folder
    if (source / ("env.py" if name == "migrations" else "")).exists() and (_REPO_ROOT / "pyproject.toml").exists():
        return source
    try:
        return Path(str(importlib_resources.files(package)))
    except ModuleNotFoundError as exc:  # pragma: no cover - a broken install
        raise FileNotFoundError(f"The app's {name} folder is missing; reinstall SMP Desktop.") from exc


def resource_path(relative: str) -> Path:
    """A file under resources/, e.g. resource_path("icons/app.svg")."""
    path = bundle_dir("resources") / relative
    if not path.exists():
        raise FileNotFoundError(f"Resource {relative!r} is missing from {path.parent}; reinstall SMP Desktop.")
    return path


def migrations_dir() -> Path:
    return bundle_dir("migrations")

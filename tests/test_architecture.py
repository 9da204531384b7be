"""The core never imports Qt, and start-up does not import what it does not need."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from smp_desktop.core.services.access import Actor
from smp_desktop.core.studio_db import OpenStudio

PACKAGE = Path(__file__).resolve().parent.parent / "smp_desktop"
UI_PACKAGE = PACKAGE / "ui"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_module_outside_ui_imports_qt() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if UI_PACKAGE in path.parents:
            continue
        for name in _imported_modules(path):
            if name.split(".")[0] in QT_MODULES:
                offenders.append(f"{path.relative_to(PACKAGE.parent)} imports {name}")
    assert offenders == []


def test_loading_every_core_module_leaves_qt_and_reportlab_unloaded() -> None:
    """Walks the real import graph (not just the text): importing the core pulls in no Qt, even indirectly."""
    core_modules = sorted(
        ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        for path in PACKAGE.rglob("*.py")
        if UI_PACKAGE not in path.parents and path.name != "__main__.py"
    )
    assert "smp_desktop.core.services.clients" in core_modules
    code = (
        "import importlib, sys\n"
        f"for name in {core_modules!r}: importlib.import_module(name.removesuffix('.__init__'))\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'reportlab'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_cli_parse_does_not_load_qt() -> None:
    code = (
        "import sys\nfrom smp_desktop.cli import build_parser\nbuild_parser().parse_args(['db', 'check'])\n"
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_opening_a_studio_leaves_the_photo_decoders_and_alembic_unloaded(tmp_path: Path) -> None:
    """Start-up pays for what the client list needs: Pillow and pillow-heif load with the first photo import or
    thumbnail, alembic only when a migration is due."""
    open_it = (
        "import sys\nfrom pathlib import Path\n"
        "from smp_desktop.core.studio_db import open_studio\nfrom smp_desktop.paths import StudioPaths\n"
        f"open_studio(StudioPaths(Path({str(tmp_path / 'studio')!r}))).close()\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'PIL', 'pillow_heif', 'alembic'}))\n"
    )
    subprocess.run([sys.executable, "-c", open_it], capture_output=True, check=True)  # creates it: a migration
    result = subprocess.run([sys.executable, "-c", open_it], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


DEFERRED_AT_OPEN = (
    "smp_desktop.core.models.consent",
    "smp_desktop.core.models.ink",
    "smp_desktop.core.models.removal",
    "smp_desktop.core.models.treatment",
    "smp_desktop.core.services.consents",
    "smp_desktop.core.services.exports",
    "smp_desktop.core.services.ink",
    "smp_desktop.core.services.removals",
    "smp_desktop.core.services.sessions",
    "smp_desktop.core.documents.layout",
)


def test_opening_a_studio_and_listing_clients_leaves_the_other_services_and_their_tables_unloaded(
    studio: OpenStudio, owner: Actor
) -> None:
    """Services and the models of their tables are made with their first use (issue #8's cold start): the client
    list's search and page need neither the consent, ink, removal or session code nor the PDF layout. Asking for a
    service then loads it."""
    open_it = (
        "import sys\nfrom pathlib import Path\n"
        "from smp_desktop.core.studio_db import open_studio\nfrom smp_desktop.paths import StudioPaths\n"
        f"studio = open_studio(StudioPaths(Path({str(studio.paths.root)!r})))\n"
        "owner = studio.services.studio.owner()\n"
        "studio.services.clients.search(owner, 'ann'), studio.services.clients.list_page(owner, limit=30)\n"
        f"print(sorted(set({DEFERRED_AT_OPEN!r}) & set(sys.modules)))\n"
        "studio.services.consents, studio.services.removals\n"
        "print('smp_desktop.core.services.consents' in sys.modules, 'smp_desktop.core.models.removal' in sys.modules)\n"
        "studio.close()\n"
    )
    result = subprocess.run([sys.executable, "-c", open_it], capture_output=True, text=True, check=True)
    assert result.stdout.split("\n")[:2] == ["[]", "True True"]


def test_the_data_subject_export_walks_every_table_even_when_few_models_are_loaded() -> None:
    """The export of everything held on a client follows foreign keys through the metadata: it must see the tables
    of models nobody has imported yet in this process (a fresh one here), or it would leave data out silently."""
    code = (
        "from smp_desktop.core.exports.subject_data import client_tables\n"
        "print(' '.join(sorted(t.name for t in client_tables())))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    names = set(result.stdout.split())
    assert {"consent_record", "health_screening", "client_mix", "removal_plan", "photo", "treatment_session"} <= names

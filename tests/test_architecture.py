"""The core never imports Qt, and start-up does not import what it does not need."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from smp_desktop.cli import build_parser, desktop_app_args
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


@pytest.mark.parametrize(
    "argv",
    [[], ["--data-dir", "/studio"], ["--data-dir=/studio"], ["--database-url", "postgresql+psycopg://u@h/db"]],
)
def test_the_apps_own_command_line_is_read_as_the_full_parser_reads_it(argv: list[str]) -> None:
    """Starting the app reads its options without building every command's parser (issue #8's cold start)."""
    quick = desktop_app_args(argv)
    assert quick is not None and vars(quick) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [["db", "check"], ["--data-dir", "/studio", "backup"], ["--help"], ["--version"], ["--data-dir"], ["--data", "/x"]],
)
def test_commands_help_and_mistakes_go_to_the_full_parser(argv: list[str]) -> None:
    assert desktop_app_args(argv) is None


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


# Start-up reads the studio row, its owner and the list's first page through Core table clauses
# (core/db/table_clauses.py): no model class is made and no mapper configured before the list paints.
START_UP_WITHOUT_ORM = (
    "smp_desktop.core.models.audit",
    "smp_desktop.core.models.client",
    "smp_desktop.core.models.studio",
)


def test_start_ups_reads_make_no_model_and_the_models_load_when_a_record_is_used(
    studio: OpenStudio, owner: Actor
) -> None:
    """A fresh process opens the studio, asks whether it exists, who owns it and what it is called, counts and
    lists the clients, searches and checks for duplicates: none of that loads a model or configures a mapper.
    Opening, saving and archiving a record then loads the models and gives the same client the list showed."""
    from smp_desktop.core.services.client_data import ClientDraft

    made = studio.services.clients.create(
        owner, ClientDraft(first_name="Zoë", last_name="Łukasiewicz", phone="07911 123456")
    )
    code = (
        "import sys\nfrom pathlib import Path\n"
        "from smp_desktop.core.models.base import Base\n"
        "from smp_desktop.core.services.client_data import ClientDraft\n"
        "from smp_desktop.core.studio_db import open_studio\nfrom smp_desktop.paths import StudioPaths\n"
        f"studio = open_studio(StudioPaths(Path({str(studio.paths.root)!r})))\n"
        "services = studio.services\n"
        "assert services.studio.exists()\n"
        "owner, info = services.studio.owner(), services.studio.info()\n"
        "page, _ = services.clients.list_page(owner, limit=30)\n"
        "found = services.clients.search(owner, 'łuk'), services.clients.search(owner, '07911 123')\n"
        "twins = services.clients.possible_duplicates(owner, ClientDraft(first_name='Ann', phone='07911 123456'))\n"
        f"print(sorted(set({START_UP_WITHOUT_ORM!r}) & set(sys.modules)), len(Base.registry.mappers))\n"
        "print(owner.display_name, info.name, services.clients.count(owner), [c.display_name for c in page])\n"
        "print([[c.id for c in result.rows] for result in found], [c.id for c in twins])\n"
        "record = services.clients.get(owner, page[0].id)\n"
        "services.clients.set_archived(owner, record.id, True)\n"
        "print(record.draft.last_name, services.clients.count(owner, include_archived=False))\n"
        f"print(sorted(set({START_UP_WITHOUT_ORM!r}) & set(sys.modules)))\n"
        "studio.close()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "[] 0"  # no model module, no mapper
    assert lines[1] == "Olivia Owner Test Studio 1 ['Zoë Łukasiewicz']"
    assert lines[2] == f"[[{made.id}], [{made.id}]] [{made.id}]"
    assert lines[3] == "Łukasiewicz 0"
    assert lines[4] == str(sorted(START_UP_WITHOUT_ORM))


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


# What the client list's first paint does without (issue #8's cold start): the profile form and its editors, the
# backup, export and maintenance code, the notice banner, the other areas' services. Each comes a moment later.
DEFERRED_AT_FIRST_PAINT = (
    "smp_desktop.ui.views.client_form_view",
    "smp_desktop.ui.controllers.client_form_controller",
    "smp_desktop.ui.controllers.backup_controller",
    "smp_desktop.ui.controllers.export_controller",
    "smp_desktop.ui.views.notice_banner",
    "smp_desktop.core.backups.writer",
    "smp_desktop.core.backups.restore",
    "smp_desktop.core.services.backups",
    "smp_desktop.core.services.maintenance",
    "smp_desktop.core.services.exports",
    "smp_desktop.core.services.sessions",
    "smp_desktop.core.models.photo",
    *START_UP_WITHOUT_ORM,
)

# Run as the app is (cli.main), with the start-up probe's hook replaced by one that reports instead of quitting.
FIRST_PAINT_SCRIPT = """
import gc, json, sys
from PySide6.QtCore import QTimer
from smp_desktop import cli
from smp_desktop.ui import startup_probe
from smp_desktop.ui.built_later import BUILD_AFTER_MS

DEFERRED = {deferred!r}
seen = {{}}

def install(workspace, app):
    model, table = workspace.clients.list.model, workspace.clients_view.table

    def first_paint():
        if model.rowCount() == 0:
            QTimer.singleShot(1, first_paint)
            return
        table.viewport().repaint()
        seen["at_paint"] = {{
            "loaded": sorted(m for m in DEFERRED if m in sys.modules),
            "form": workspace.clients.form_built,
            "page": workspace.clients_view.page_built,
            "parts": workspace.window_parts.built,
            "collector": gc.isenabled() and gc.get_freeze_count() > 0,
            "search_focused": workspace.window.focusWidget() is workspace.clients_view.search_box,
            # The `Qt` namespace's Python enums (ui/qt_values.py): its type is put in the module once made.
            "qt_enums": "Qt" in vars(sys.modules["PySide6.QtCore"]),
        }}
        QTimer.singleShot(BUILD_AFTER_MS * 3, a_moment_later)

    def a_moment_later():
        seen["later"] = {{
            "form": workspace.clients.form_built,
            "parts": workspace.window_parts.built,
            "backups": type(workspace.backups).__name__,
            "search_focused": workspace.window.focusWidget() is workspace.clients_view.search_box,
        }}
        workspace.window.close()

    QTimer.singleShot(0, first_paint)

startup_probe.install_if_requested = install
code = cli.main(["--data-dir", sys.argv[1]])
print(json.dumps(seen))
sys.exit(code)
"""


def test_the_app_loads_the_studios_code_before_qt(studio: OpenStudio, owner: Actor, tmp_path: Path) -> None:
    """Once imported, PySide6 reads the source of every module imported after it (its `__feature__` check, about a
    millisecond each): the app (cli.main) loads SQLAlchemy, the SQLite dialect and the core before Qt, as the
    benchmark's floor does, instead of ~300 modules after it (issue #8's cold start)."""
    from smp_desktop.core.services.client_data import ClientDraft

    studio.services.clients.create(owner, ClientDraft(first_name="Νίκος", last_name="Παπαδόπουλος"))  # a row to paint
    studio.close()  # (the app opens it itself)
    script = (
        "import sys\nfrom smp_desktop import cli\n"
        "code = cli.main(['--data-dir', sys.argv[1]])\n"
        "names = list(sys.modules)\nqt = names.index('PySide6')\n"
        "print(sorted({n for n in names[qt:] if n.split('.')[0] in ('sqlalchemy', 'sqlite3', 'asyncio', 'email')}))\n"
        "print(names.index('smp_desktop.core.studio_db') < qt, names.index('smp_desktop.core.services.clients') < qt)\n"
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "SMP_STARTUP_PROBE": str(tmp_path / "painted"),  # the app quits once the list has painted
    }
    result = subprocess.run(
        [sys.executable, "-c", script, str(studio.paths.root)], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "painted").exists()
    assert result.stdout.splitlines()[-2:] == ["[]", "True True"]


def test_the_list_paints_before_the_form_and_the_menus_later_parts_which_follow_by_themselves(
    studio: OpenStudio, owner: Actor, tmp_path: Path
) -> None:
    """A fresh app process, started as `smp-desktop` is: at the list's first paint the profile form, the backup,
    export and maintenance code are not built or imported, neither are the client, studio and audit models, the `Qt`
    namespace's enums are not made, the garbage collector (paused while the app loaded) runs
    again, and the search box has the keyboard; a moment later the form and the menus' parts are there without
    anyone asking, and the search box still has the keyboard."""
    from smp_desktop.core.services.client_data import ClientDraft

    studio.services.clients.create(owner, ClientDraft(first_name="Zoë", last_name="Łukasiewicz"))
    studio.close()  # (the app opens it itself)
    script = FIRST_PAINT_SCRIPT.format(deferred=DEFERRED_AT_FIRST_PAINT)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = subprocess.run(
        [sys.executable, "-c", script, str(studio.paths.root)], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["at_paint"] == {
        "loaded": [],
        "form": False,
        "page": False,
        "parts": False,
        "collector": True,
        "search_focused": True,
        "qt_enums": False,
    }
    assert seen["later"] == {"form": True, "parts": True, "backups": "BackupController", "search_focused": True}

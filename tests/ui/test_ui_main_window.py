"""The main window: areas, menus and shortcuts, status bar, remembered geometry, About and the database check."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSettings, Qt, qVersion
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from smp_desktop import __version__
from smp_desktop.core.backups import list_backups
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.client_data import ClientRecord
from smp_desktop.core.services.maintenance import CheckReport
from smp_desktop.core.studio_db import OpenStudio
from smp_desktop.ui import built_later
from smp_desktop.ui.background import SynchronousRunner
from smp_desktop.ui.dialogs import about, database_check
from smp_desktop.ui.studio_session import StudioSession
from smp_desktop.ui.workspace import Workspace, build_workspace
from tests.ui.conftest import UI_TODAY
from tests.ui.focus import has_keyboard_focus


def test_the_window_offers_the_clients_and_the_ink_register(workspace: Workspace) -> None:
    window = workspace.window
    assert [window.navigation.item(i).text() for i in range(window.navigation.count())] == ["Clients", "Ink register"]
    assert window.areas.currentWidget() is workspace.clients_view


def test_menus_carry_the_standard_shortcuts(workspace: Workspace) -> None:
    window = workspace.window
    assert window.new_client_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert window.find_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Clients", "&View", "&Help"]


def test_ctrl_f_puts_the_cursor_in_the_search_box(qtbot: QtBot, workspace: Workspace) -> None:
    window = workspace.window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    workspace.clients_view.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert has_keyboard_focus(workspace.clients_view.search_box)


def test_status_bar_names_the_studio_the_staff_member_and_the_client_count(
    make_client: Callable[..., ClientRecord], open_workspace: Callable[[], Workspace]
) -> None:
    make_client(first_name="Anna", last_name="Smith")
    make_client(first_name="Bea", last_name="Jones")
    window = open_workspace().window
    assert window.studio_label.text() == "Test Studio"
    assert window.actor_label.text() == "Working as Olivia Owner (Owner)"
    assert window.count_label.text() == "2 clients"
    assert window.windowTitle() == "Test Studio — SMP Desktop"


def test_window_geometry_and_splitter_are_remembered(
    qtbot: QtBot, open_workspace: Callable[[], Workspace], settings: QSettings
) -> None:
    first = open_workspace()
    screen = first.window.screen().availableGeometry()  # offscreen: a small screen; restoring keeps within it
    size = (min(1000, screen.width() - 16), min(640, screen.height() - 60))
    assert size != (first.window.width(), first.window.height())
    first.window.resize(*size)
    first.clients_view.splitter.setSizes([300, 400])
    sizes = first.clients_view.splitter.sizes()
    assert first.window.close()

    second = open_workspace()
    assert (second.window.width(), second.window.height()) == size
    assert second.clients_view.splitter.sizes() == sizes


def test_about_names_the_app_version_and_runtime(qtbot: QtBot, workspace: Workspace) -> None:
    dialog = about.AboutDialog(workspace.window)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "About SMP Desktop"
    assert dialog.version_label.text() == f"Version {__version__}"
    runtime = dialog.runtime_label.text()
    assert f"Qt {qVersion()}" in runtime and f"PySide6 {pyside_version}" in runtime and "Python 3." in runtime


def test_check_database_reports_a_healthy_studio(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports: list[CheckReport] = []
    monkeypatch.setattr(database_check, "show_report", lambda _parent, report: reports.append(report))
    workspace.window.check_database_action.trigger()
    assert len(reports) == 1 and reports[0].healthy
    assert "database file integrity" in reports[0].checked
    box = database_check.report_box(workspace.window, reports[0])
    qtbot.addWidget(box)
    assert box.text() == "The studio database is healthy."


# --- shortcuts before the menus' later parts are built (issue #8's cold start) --------------------------------------
@pytest.fixture
def before_the_parts_are_built(monkeypatch: pytest.MonkeyPatch) -> None:
    """The person acts before the timer that builds the menus' later parts (put off past the test)."""
    monkeypatch.setattr(built_later, "BUILD_AFTER_MS", 3_600_000)


def test_ctrl_b_right_after_start_builds_the_backup_commands_and_backs_up(
    qtbot: QtBot,
    before_the_parts_are_built: None,
    studio: OpenStudio,
    runner: SynchronousRunner,
    settings: QSettings,
    reported: list[Exception],
) -> None:
    session = StudioSession(studio.paths, runner, settings, today=lambda: UI_TODAY, search_delay_ms=0)
    assert session.start(studio)
    workspace = session.workspace
    assert workspace is not None and workspace.window_parts is not None
    window = workspace.window
    try:
        assert not workspace.window_parts.built and window.back_up_action.isEnabled()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)

        assert workspace.window_parts.built
        assert reported == []
        [backup] = list_backups(studio.paths.backups)  # one press, one backup
        assert backup.ok and backup.reason == "manual"
        assert "Backed up and verified" in window.statusBar().currentMessage()
    finally:
        if workspace.backups is not None:
            workspace.backups.stop()
        window.close()


def test_an_export_command_used_before_the_menus_later_parts_are_built_builds_them_and_runs(
    qtbot: QtBot,
    before_the_parts_are_built: None,
    studio: OpenStudio,
    owner: Actor,
    runner: SynchronousRunner,
    settings: QSettings,
) -> None:
    """Export Many Clients… has no handler until the parts exist: triggered first, it builds them and opens."""
    workspace = build_workspace(studio.services, owner, runner, settings, today=lambda: UI_TODAY, search_delay_ms=0)
    qtbot.addWidget(workspace.window)
    assert workspace.window_parts is not None and not workspace.window_parts.built
    workspace.window.export_many_action.trigger()
    assert workspace.window_parts.built
    exports = workspace.exports
    assert exports is not None and exports.batch is not None and exports.batch.isVisible()
    exports.batch.hide()

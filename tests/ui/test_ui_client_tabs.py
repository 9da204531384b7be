"""The client page's tabs beyond Profile are built after start-up: with the first client opened, or a moment after
the list has shown, whichever comes first; either way they then follow the open client."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.client_data import ClientRecord
from smp_desktop.core.studio_db import OpenStudio
from smp_desktop.ui.background import SynchronousRunner
from smp_desktop.ui.workspace import Workspace, build_workspace


def _titles(workspace: Workspace) -> list[str]:
    tabs = workspace.clients_view.client_tabs
    return [tabs.tabText(i) for i in range(tabs.count())]


def _build(studio: OpenStudio, owner: Actor, runner: SynchronousRunner, settings: QSettings) -> Workspace:
    return build_workspace(studio.services, owner, runner, settings, search_delay_ms=0)


def test_opening_the_first_client_builds_the_tabs_and_shows_them_that_client(
    qtbot: QtBot,
    studio: OpenStudio,
    owner: Actor,
    runner: SynchronousRunner,
    settings: QSettings,
    make_client: Callable[..., ClientRecord],
) -> None:
    client = make_client(first_name="Łukasz", last_name="Żółkiewski")
    workspace = _build(studio, owner, runner, settings)
    qtbot.addWidget(workspace.window)
    assert workspace.client_tabs is not None and not workspace.client_tabs.built
    assert _titles(workspace) == ["Profile"]  # nothing but the list and the form at start

    model = workspace.clients.list.model
    workspace.clients_view.table.setCurrentIndex(model.index(model.row_of(client.id), 0))
    assert workspace.client_tabs.built
    assert _titles(workspace) == ["Profile", "Consent && health", "Sessions", "Photos", "Hairline", "Removal"]
    tabs = workspace.clients_view.client_tabs
    assert all(tabs.isTabEnabled(i) for i in range(tabs.count()))
    assert workspace.photos is not None and workspace.photos.client_id == client.id  # told of the open client
    assert workspace.sessions is not None and workspace.hairline is not None


def test_without_a_client_the_tabs_come_a_moment_after_start_disabled(
    qtbot: QtBot, studio: OpenStudio, owner: Actor, runner: SynchronousRunner, settings: QSettings
) -> None:
    workspace = _build(studio, owner, runner, settings)
    qtbot.addWidget(workspace.window)
    tabs_holder = workspace.client_tabs
    assert tabs_holder is not None
    qtbot.waitUntil(lambda: tabs_holder.built, timeout=3000)
    tabs = workspace.clients_view.client_tabs
    assert _titles(workspace) == ["Profile", "Consent && health", "Sessions", "Photos", "Hairline", "Removal"]
    assert not any(tabs.isTabEnabled(i) for i in range(1, tabs.count()))


def _file_menu_texts(workspace: Workspace) -> list[str]:
    menu = workspace.window.menuBar().actions()[0].menu()
    assert isinstance(menu, QMenu)
    return [action.text() for action in menu.actions() if not action.isSeparator()]


def test_the_file_menus_document_commands_come_a_moment_after_start(
    qtbot: QtBot, studio: OpenStudio, owner: Actor, runner: SynchronousRunner, settings: QSettings
) -> None:
    """Day's paperwork, letterhead and consent forms load the consent and PDF code: built after the list shows."""
    workspace = _build(studio, owner, runner, settings)
    qtbot.addWidget(workspace.window)
    parts = workspace.window_parts
    assert parts is not None and not parts.built
    assert "Print Day's &Paperwork…" not in _file_menu_texts(workspace)
    qtbot.waitUntil(lambda: parts.built, timeout=3000)
    texts = _file_menu_texts(workspace)
    assert texts[:4] == ["&New Client", "Print Day's &Paperwork…", "Consent &Forms…", "&Letterhead and Paper…"]


def test_opening_the_file_menu_builds_its_commands_at_once(
    qtbot: QtBot, studio: OpenStudio, owner: Actor, runner: SynchronousRunner, settings: QSettings
) -> None:
    workspace = _build(studio, owner, runner, settings)
    qtbot.addWidget(workspace.window)
    assert workspace.window_parts is not None and not workspace.window_parts.built
    menu = workspace.window.menuBar().actions()[0].menu()
    assert isinstance(menu, QMenu)
    menu.aboutToShow.emit()  # what the menu bar does as the menu opens, before it is drawn
    assert workspace.window_parts.built
    assert "Print Day's &Paperwork…" in _file_menu_texts(workspace)

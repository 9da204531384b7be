"""Composing the main window from its areas: the one place that wires views, controllers and services together."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QSettings

from smp_desktop.core.services.access import Actor
from smp_desktop.core.studio_db import Services
from smp_desktop.ui.background import Runner
from smp_desktop.ui.controllers.client_list_controller import SEARCH_DELAY_MS
from smp_desktop.ui.controllers.clients_controller import ClientActions, ClientsController
from smp_desktop.ui.controllers.main_window_controller import MainWindowController
from smp_desktop.ui.main_window import MainWindow
from smp_desktop.ui.views.clients_area_view import ClientsAreaView
from smp_desktop.ui.window_state import WindowState


@dataclass(frozen=True, slots=True)
class Workspace:
    window: MainWindow
    clients_view: ClientsAreaView
    clients: ClientsController
    commands: MainWindowController


def build_workspace(
    services: Services,
    actor: Actor,
    runner: Runner,
    settings: QSettings,
    *,
    today: Callable[[], date] = date.today,
    search_delay_ms: int = SEARCH_DELAY_MS,
) -> Workspace:
    state = WindowState(settings)
    window = MainWindow(state)
    studio = services.studio.info()
    window.set_studio(studio.name, is_demo=studio.is_demo)
    window.set_actor(actor)

    clients_view = ClientsAreaView()
    window.add_area(QCoreApplication.translate("Workspace", "Clients"), clients_view)
    actions = ClientActions(
        new_client=window.new_client_action,
        find=window.find_action,
        archive=window.archive_action,
        show_archived=window.show_archived_action,
    )
    clients = ClientsController(
        clients_view,
        actions,
        services.clients,
        actor,
        runner,
        state,
        today=today,
        default_country=studio.country,
        search_delay_ms=search_delay_ms,
    )
    clients.list.active_count_changed.connect(window.set_client_count)
    window.add_close_guard(clients.confirm_close)
    window.closing.connect(clients.save_state)
    commands = MainWindowController(window, services.maintenance, runner)
    clients.start()
    return Workspace(window, clients_view, clients, commands)

"""Putting the Hairline tab on the client page (called by the workspace, the composition root)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.hairlines import VIEW_DESIGNS, HairlineService
from smp_desktop.ui.background import Runner
from smp_desktop.ui.controllers.clients_controller import ClientsController
from smp_desktop.ui.controllers.hairline_controller import HairlineController, PhotoSource
from smp_desktop.ui.main_window import MainWindow
from smp_desktop.ui.views.clients_area_view import ClientsAreaView
from smp_desktop.ui.views.hairline_page_view import HairlinePageView


def add_hairline_tab(
    area: ClientsAreaView,
    clients: ClientsController,
    hairlines: HairlineService,
    photos: PhotoSource | None,
    actor: Actor,
    runner: Runner,
    window: MainWindow,
    *,
    read_only: bool = False,
) -> HairlineController | None:
    """The Hairline tab, following the open client and guarding unsaved drawing when the window closes; none
    for a role that may not see designs (they are drawn on scalp photos: health data)."""
    if not actor.can(VIEW_DESIGNS):
        return None
    page = HairlinePageView()
    controller = HairlineController(page, hairlines, photos, actor, runner, read_only=read_only)
    area.add_client_tab(page, QCoreApplication.translate("Workspace", "Hairline"))
    area.set_client_tabs_enabled(clients.client_id is not None)
    clients.client_changed.connect(controller.set_client)
    window.add_close_guard(controller.confirm_close)
    controller.set_client(clients.client_id)
    return controller

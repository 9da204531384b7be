"""The client page's tabs beyond Profile (sessions, photos, hairline, ...), built when first needed: when the first
client is opened, or shortly after the list has shown its first page (ui/built_later.py). Start-up then pays only for
the list and the profile form; the tabs' modules and widgets come a moment later, before anyone can open a client.

The build function returns the tabs' controllers by name (`Built`); an area the actor may not see is left out or
None. Each area adds one entry in `ui/workspace.py`'s `build_client_tabs`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Protocol, cast

from smp_desktop.ui.built_later import BuiltLater, Parts
from smp_desktop.ui.controllers.clients_controller import ClientsController
from smp_desktop.ui.views.clients_area_view import ClientsAreaView

if TYPE_CHECKING:
    from smp_desktop.ui.controllers.hairline_controller import HairlineController
    from smp_desktop.ui.controllers.photos_controller import PhotosController
    from smp_desktop.ui.controllers.sessions_controller import SessionsController


class ClientTab(Protocol):
    """What a client page tab's controller offers: follow the client open on the page."""

    def set_client(self, client_id: int | None) -> None: ...


Built = Mapping[str, "ClientTab | None"]


class ClientAreaTabs(BuiltLater):
    def __init__(
        self, view: ClientsAreaView, clients: ClientsController, build: Callable[[], Built], *, defer: bool = True
    ) -> None:
        self._view = view
        super().__init__(view, clients, build, defer=defer)
        clients.client_changed.connect(self._on_client_changed)

    def ensure(self) -> Built:
        """Build the tabs now if they are not yet (and show them the client already open)."""
        return cast("Built", super().ensure())

    def _after_build(self, built: Parts) -> None:
        client_id = self._clients.client_id
        self._view.set_client_tabs_enabled(client_id is not None)
        if client_id is not None:
            for controller in cast("Built", built).values():
                if controller is not None:
                    controller.set_client(client_id)

    def controller(self, name: str) -> ClientTab | None:
        """The named tab's controller (built now if need be), or None when the actor has no such tab."""
        return cast("ClientTab | None", self.part(name))

    @property
    def sessions(self) -> SessionsController | None:
        return cast("SessionsController | None", self.controller("sessions"))

    @property
    def photos(self) -> PhotosController | None:
        return cast("PhotosController | None", self.controller("photos"))

    @property
    def hairline(self) -> HairlineController | None:
        return cast("HairlineController | None", self.controller("hairline"))

    def _on_client_changed(self, client_id: object) -> None:
        self.ensure()  # the first client opened builds the tabs (then nothing more to do)

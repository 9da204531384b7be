"""Parts of the main window built a moment after start-up: when the client list has shown its first page (plus
`BUILD_AFTER_MS`), or at once when something needs them first. Start-up then pays only for the list; the profile
form (ClientsController.form), the client page's other tabs (ui/client_tabs.py) and the menus' backup, document,
paperwork and export commands (ui/workspace.py) come with their modules a moment later, before anyone can reach them.
A menu opening builds them first (MainWindow.menus_about_to_show); so does a shortcut of one of their actions
(`build_before`).

The build function returns the parts by name; a part the actor may not use is None or left out."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction

from smp_desktop.ui.controllers.clients_controller import ClientsController

BUILD_AFTER_MS = 300  # counted from the list's first page: after its first paint, before anyone picks a client

Parts = Mapping[str, object]


class BuiltLater(QObject):
    def __init__(
        self, parent: QObject, clients: ClientsController, build: Callable[[], Parts], *, defer: bool = True
    ) -> None:
        super().__init__(parent)
        self._clients = clients
        self._build: Callable[[], Parts] | None = build
        self._built: Parts = {}
        if defer:
            clients.list.active_count_changed.connect(self._on_list_shown)
        else:
            self.ensure()

    @property
    def built(self) -> bool:
        return self._build is None

    def ensure(self) -> Parts:
        """Build the parts now if they are not yet."""
        if self._build is None:
            return self._built
        build, self._build = self._build, None
        self._built = build()
        self._after_build(self._built)
        return self._built

    def build_before(self, *actions: QAction) -> None:
        """Actions the window has from the start whose handlers are among the parts (Ctrl+B's Back Up Now): one
        triggered before the parts exist (by its shortcut) builds them, then is triggered again for its handler."""
        for action in actions:
            action.triggered.connect(lambda _checked=False, action=action: self._build_then_trigger(action))

    def _build_then_trigger(self, action: QAction) -> None:
        if self.built:
            return
        self.ensure()  # the handler connected now is not called for the signal being sent: send it again
        action.trigger()

    def part(self, name: str) -> object | None:
        """The named part (built now if need be), or None when there is no such part for this actor."""
        return self.ensure().get(name)

    def _after_build(self, built: Parts) -> None:
        """Subclasses bring the new parts up to date with what happened before they existed."""

    def _on_list_shown(self, _count: int) -> None:
        # A timer started with the window could fire before the list's page has arrived and painted (it is read
        # in the background): counted from the page's arrival, these parts never delay the list.
        self._clients.list.active_count_changed.disconnect(self._on_list_shown)
        QTimer.singleShot(BUILD_AFTER_MS, self, self.ensure)

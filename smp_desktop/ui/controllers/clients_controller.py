"""The Clients area: keeps the list and the open client's page in step, with the menu actions that act on them.

The profile form's controller (and the page's widgets) is made on first use (`form`): `FORM_AFTER_MS` after the
list's first page, or at once when a client is opened, a new one started or the form is asked for. Start-up then
paints the list without the form's modules and editors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction

from smp_desktop.core.services.access import Actor, Permission
from smp_desktop.core.services.client_data import ClientRecord
from smp_desktop.core.services.clients import ClientService
from smp_desktop.ui.background import Runner
from smp_desktop.ui.controllers.client_list_controller import SEARCH_DELAY_MS, ClientListController
from smp_desktop.ui.views.clients_area_view import ClientsAreaView
from smp_desktop.ui.window_state import WindowState

if TYPE_CHECKING:
    from smp_desktop.ui.controllers.client_form_controller import ClientFormController

SPLITTER_KEY = "clients_area"
FORM_AFTER_MS = 150  # counted from the list's first page: after its first paint, before anyone picks a client


@dataclass(frozen=True, slots=True)
class ClientActions:
    """The main window's actions that belong to this area."""

    new_client: QAction
    find: QAction
    archive: QAction
    show_archived: QAction


class ClientsController(QObject):
    # The saved client now open on the page (its id), or None (no client, or a new one not saved yet). Tabs that
    # hang off a client (sessions, photos...) follow this.
    client_changed = Signal(object)

    def __init__(
        self,
        view: ClientsAreaView,
        actions: ClientActions,
        clients: ClientService,
        actor: Actor,
        runner: Runner,
        state: WindowState,
        *,
        today: Callable[[], date] = date.today,
        default_country: str = "",
        search_delay_ms: int = SEARCH_DELAY_MS,
        read_only: bool = False,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._actions = actions
        self._state = state
        self._client_id: int | None = None
        self.list = ClientListController(view, clients, actor, runner, search_delay_ms=search_delay_ms)
        self._form: ClientFormController | None = None

        def make_form() -> ClientFormController:
            from smp_desktop.ui.controllers.client_form_controller import ClientFormController  # see the docstring

            return ClientFormController(
                view.form, clients, actor, runner, today=today, default_country=default_country, read_only=read_only
            )

        self._make_form: Callable[[], ClientFormController] = make_form
        may_add = actor.can(Permission.EDIT_CLIENTS) and not read_only
        actions.new_client.setEnabled(may_add)
        view.new_button.setEnabled(may_add)
        state.restore_splitter(view.splitter, SPLITTER_KEY)
        self._connect_signals()

    @property
    def form(self) -> ClientFormController:
        """The profile form's controller (made now, with the page's widgets, if it is not yet)."""
        if self._form is None:
            self._form = self._make_form()
            self._connect_form_signals(self._form)
            self._on_form_state_changed()
        return self._form

    @property
    def form_built(self) -> bool:
        return self._form is not None

    def start(self) -> None:
        self.list.active_count_changed.connect(self._on_first_page)
        self.list.refresh()
        self.list.focus_search(by_shortcut=False)

    def save_state(self) -> None:
        """Remember the splitter between list and page (the window calls this as it closes)."""
        self._state.save_splitter(self._view.splitter, SPLITTER_KEY)

    def confirm_close(self, close_again: Callable[[], object]) -> bool:
        """The window's close guard: True to close now; False while the user saves, or if they stay."""
        if self._form is None or not self._form.is_dirty:
            return True
        answer = {"asking": True, "close_now": False}

        def leave() -> None:
            if answer["asking"]:
                answer["close_now"] = True  # discarded, or saved before the question returned
            else:
                QTimer.singleShot(0, close_again)  # saved in the background: close when that is done

        self.form.confirm_leave(then=leave)
        answer["asking"] = False
        return answer["close_now"]

    # --- signals --------------------------------------------------------------------------------------------
    def _connect_signals(self) -> None:
        self.list.client_picked.connect(self._on_client_picked)
        self._view.new_button.clicked.connect(self._on_new_client)
        self._actions.new_client.triggered.connect(self._on_new_client)
        self._actions.find.triggered.connect(self._on_find)
        self._actions.archive.triggered.connect(self._on_archive)
        self._actions.show_archived.toggled.connect(self._on_show_archived)

    def _connect_form_signals(self, form: ClientFormController) -> None:
        form.saved.connect(self._on_saved)
        form.archived_changed.connect(self._on_archived_changed)
        form.open_requested.connect(self._on_open_requested)
        form.state_changed.connect(self._on_form_state_changed)

    def _on_first_page(self, _count: int) -> None:
        # Counted from the page's arrival (read in the background), so the form never delays the list's paint.
        self.list.active_count_changed.disconnect(self._on_first_page)
        QTimer.singleShot(FORM_AFTER_MS, self, self._build_form)

    def _build_form(self) -> None:
        self.form  # noqa: B018  (made by the property)

    def _on_client_picked(self, client_id: int) -> None:
        self.form.confirm_leave(
            then=lambda: self._open(client_id), on_cancel=lambda: self.list.select_client(self.form.current_id)
        )

    def _on_new_client(self) -> None:
        self.form.confirm_leave(then=self._start_new_client)

    def _on_find(self) -> None:
        self.list.focus_search()

    def _on_archive(self) -> None:
        self.form.toggle_archived()

    def _on_show_archived(self, show: bool) -> None:
        self.list.set_include_archived(show)

    def _on_saved(self, record: ClientRecord) -> None:
        self.list.refresh(select_id=record.id)
        if record.id != self._client_id:  # a new client's first save
            self._set_client(record.id)

    def _on_archived_changed(self, record: ClientRecord) -> None:
        self.list.refresh(select_id=record.id)

    def _on_open_requested(self, client_id: int) -> None:
        self._open(client_id)

    def _on_form_state_changed(self) -> None:
        if self._form is None:
            return
        record = self._form.record
        self._actions.archive.setEnabled(self._view.form.archive_button.isEnabled())
        restore = record is not None and record.archived
        self._actions.archive.setText(self.tr("&Restore Client") if restore else self.tr("&Archive Client"))

    # --- helpers --------------------------------------------------------------------------------------------
    @property
    def client_id(self) -> int | None:
        return self._client_id

    def _set_client(self, client_id: int | None) -> None:
        self._client_id = client_id
        self._view.set_client_tabs_enabled(client_id is not None)
        self.client_changed.emit(client_id)

    def _open(self, client_id: int) -> None:
        self.list.select_client(client_id)
        self._view.show_form()
        self.form.open_client(client_id)
        self._set_client(client_id)

    def _start_new_client(self) -> None:
        self.list.select_client(None)
        self._view.show_form()
        self.form.new_client()
        self._set_client(None)

"""The client page's Sessions tab: follows the open client, shows the course at a glance and the sessions, and opens
the session editor to book, record or complete a session; cancels with a reason; sets the client's touch-up
interval. Every service call goes through the runner."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Signal
from PySide6.QtWidgets import QWidget

from smp_desktop.core.domain import SessionStatus
from smp_desktop.core.services.access import Actor, Permission
from smp_desktop.core.services.client_data import ClientRecord
from smp_desktop.core.services.errors import ValidationFailed
from smp_desktop.core.services.ink import InkService
from smp_desktop.core.services.session_data import ClientSessions, SessionRecord, SessionSummary
from smp_desktop.core.services.sessions import MAX_TOUCH_UP_YEARS, MIN_TOUCH_UP_YEARS, SessionService
from smp_desktop.core.services.studio import StaffInfo, StudioService
from smp_desktop.ui.background import Runner
from smp_desktop.ui.controllers.clients_controller import ClientsController
from smp_desktop.ui.controllers.session_editor_controller import SessionEditorController
from smp_desktop.ui.dialogs.cancel_session import CancelSessionDialog
from smp_desktop.ui.dialogs.session_editor import SessionEditorDialog
from smp_desktop.ui.session_wording import course_details, course_headline, format_day, suggestion_text
from smp_desktop.ui.views.clients_area_view import ClientsAreaView
from smp_desktop.ui.views.sessions_tab_view import SessionsTabView
from smp_desktop.ui.vocabulary import label


class SessionsController(QObject):
    changed = Signal()  # the open client's sessions were loaded again (after a change)

    def __init__(
        self,
        view: SessionsTabView,
        sessions: SessionService,
        studio: StudioService,
        actor: Actor,
        runner: Runner,
        *,
        today: Callable[[], date] = date.today,
        read_only: bool = False,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._sessions = sessions
        self._studio = studio
        self._actor = actor
        self._runner = runner
        self._today = today
        self._read_only = read_only
        self._client_id: int | None = None
        self._overview: ClientSessions | None = None
        self._staff: list[StaffInfo] | None = None
        self._filling_years = False
        self.editor: SessionEditorController | None = None  # the editor now open (tests drive it)
        self.ink: InkService | None = None  # the ink register: the editor's lot picker and mixes (set by the workspace)
        self._connect_signals()
        self._refresh_buttons()

    # --- what the workspace uses ----------------------------------------------------------------------------
    @property
    def view(self) -> SessionsTabView:
        """The tab, for areas that add an action on the selected session (document_actions.py)."""
        return self._view

    def set_client(self, client_id: int | None) -> None:
        self._client_id = client_id
        self._overview = None
        self._view.model.set_sessions((), self._today())
        if client_id is not None:
            self.refresh()
        self._refresh_buttons()

    def refresh(self, select_id: int | None = None) -> None:
        client_id = self._client_id
        if client_id is None:
            return
        self._runner.run(
            lambda: self._sessions.overview(self._actor, client_id),
            on_done=lambda overview: self._show(overview, select_id),
            latest_only="client-sessions",
        )

    # --- signals --------------------------------------------------------------------------------------------
    def _connect_signals(self) -> None:
        view = self._view
        view.new_button.clicked.connect(self._on_new)
        view.edit_button.clicked.connect(self._on_edit)
        view.complete_button.clicked.connect(self._on_complete)
        view.cancel_button.clicked.connect(self._on_cancel)
        view.table.doubleClicked.connect(self._on_double_clicked)
        view.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        view.touch_up_years.currentIndexChanged.connect(self._on_touch_up_years_chosen)

    def _on_row_changed(self, *_args: object) -> None:
        self._refresh_buttons()

    def _on_double_clicked(self, _index: QModelIndex) -> None:
        self._on_edit()

    def _on_new(self) -> None:
        overview = self._overview
        if overview is None:
            return
        self._with_staff(lambda: self._open_editor().start_new(overview.course))

    def _on_edit(self, *, completing: bool = False) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        self._runner.run(
            lambda: self._sessions.get(self._actor, chosen.id),
            on_done=lambda record: self._with_staff(
                lambda: self._open_editor().start_existing(record, completing=completing)
            ),
        )

    def _on_complete(self) -> None:
        chosen = self._selected()
        if chosen is None or chosen.status is not SessionStatus.PLANNED:
            return

        def not_yet(error: Exception) -> None:
            # Missing health answers or zones: the editor opens to record them, the problems under their fields.
            if not isinstance(error, ValidationFailed):
                self._runner.report_error(error)
                return
            problems = error.problems
            self._runner.run(
                lambda: self._sessions.get(self._actor, chosen.id),
                on_done=lambda record: self._with_staff(
                    lambda: self._open_editor().start_existing(record, completing=True, problems=problems)
                ),
            )

        self._runner.run(
            lambda: self._sessions.mark_completed(self._actor, chosen.id),
            on_done=self._on_saved,
            on_error=not_yet,
            writes=True,
        )

    def _on_cancel(self) -> None:
        chosen = self._selected()
        if chosen is None or chosen.status is not SessionStatus.PLANNED:
            return
        what = f"{label(chosen.kind)}, {format_day(chosen.starts_at.astimezone().date())}"
        reason = CancelSessionDialog(what, self._view.window()).ask()
        if reason is None:
            return
        self._runner.run(
            lambda: self._sessions.cancel(self._actor, chosen.id, reason), on_done=self._on_saved, writes=True
        )

    def _on_saved(self, record: SessionRecord) -> None:
        self.refresh(select_id=record.id)

    def _on_touch_up_years_chosen(self, _index: int) -> None:
        client_id = self._client_id
        if self._filling_years or client_id is None:
            return
        years = self._view.touch_up_years.currentData()
        self._runner.run(
            lambda: self._sessions.set_touch_up_years(self._actor, client_id, years),
            on_done=lambda _none: self.refresh(),
            writes=True,
        )

    # --- the editor -----------------------------------------------------------------------------------------
    def _with_staff(self, then: Callable[[], None]) -> None:
        """The artist picker's staff list, loaded once."""
        if self._staff is not None:
            then()
            return

        def keep(staff: list[StaffInfo]) -> None:
            self._staff = staff
            then()

        self._runner.run(self._studio.staff, on_done=keep)

    def _open_editor(self) -> SessionEditorController:
        parent: QWidget = self._view.window()
        dialog = SessionEditorDialog(parent)
        editor = SessionEditorController(
            dialog,
            self._sessions,
            self._actor,
            self._runner,
            self._staff or [],
            today=self._today,
            read_only=self._read_only,
            ink=self.ink,
        )
        editor.saved.connect(self._on_saved)
        dialog.finished.connect(lambda _result: self._editor_closed(editor))
        self.editor = editor
        dialog.open()  # window-modal, without a nested event loop
        return editor

    def _editor_closed(self, editor: SessionEditorController) -> None:
        if self.editor is editor:
            self.editor = None
        editor.dialog.deleteLater()

    # --- showing --------------------------------------------------------------------------------------------
    def _show(self, overview: ClientSessions, select_id: int | None) -> None:
        if overview.course.client_id != self._client_id:
            return  # another client was opened meanwhile
        self._overview = overview
        view, course = self._view, overview.course
        view.model.set_sessions(overview.sessions, self._today())
        view.course_headline.setText(course_headline(course, len(overview.sessions)))
        view.course_details.setText(" · ".join(course_details(course, self._today())))
        view.course_suggestion.setText(suggestion_text(course.suggestion))
        view.empty_label.setVisible(not overview.sessions)
        self._fill_touch_up_years(overview)
        row = view.model.row_of(select_id) if select_id is not None else -1
        if row >= 0:
            view.table.selectRow(row)
        self._refresh_buttons()
        self.changed.emit()

    def _fill_touch_up_years(self, overview: ClientSessions) -> None:
        combo, course = self._view.touch_up_years, overview.course
        studio_years = course.touch_up_years if not course.touch_up_years_is_clients_own else None
        self._filling_years = True
        try:
            combo.clear()
            studio_text = self.tr("Studio default")
            if studio_years is not None:
                studio_text = self.tr("Studio default (%n years)", "", studio_years)
            combo.addItem(studio_text, None)
            for years in range(MIN_TOUCH_UP_YEARS, MAX_TOUCH_UP_YEARS + 1):
                combo.addItem(self.tr("%n years", "", years) if years != 1 else self.tr("1 year"), years)
            own = course.touch_up_years if course.touch_up_years_is_clients_own else None
            combo.setCurrentIndex(max(combo.findData(own), 0) if own is not None else 0)
        finally:
            self._filling_years = False

    def _selected(self) -> SessionSummary | None:
        index = self._view.table.currentIndex()
        return self._view.model.session_at(index.row()) if index.isValid() else None

    def _refresh_buttons(self) -> None:
        view, chosen = self._view, self._selected()
        has_client = self._client_id is not None and self._overview is not None
        can_book = self._actor.can(Permission.BOOK_SESSIONS) and not self._read_only
        can_record = self._actor.can(Permission.RECORD_TREATMENT) and not self._read_only
        planned = chosen is not None and chosen.status is SessionStatus.PLANNED
        view.new_button.setEnabled(has_client and can_book)
        view.edit_button.setEnabled(chosen is not None)
        view.complete_button.setEnabled(planned and can_record)
        view.cancel_button.setEnabled(planned and can_book)
        view.touch_up_years.setEnabled(has_client and can_record)
        editable = (
            chosen is not None and can_book and (planned or (chosen.status is SessionStatus.COMPLETED and can_record))
        )
        view.edit_button.setText(self.tr("Edit…") if editable else self.tr("Open…"))


def add_sessions_tab(
    area: ClientsAreaView,
    clients: ClientsController,
    sessions: SessionService,
    studio: StudioService,
    actor: Actor,
    runner: Runner,
    *,
    today: Callable[[], date] = date.today,
    read_only: bool = False,
) -> SessionsController | None:
    """The Sessions tab on the client page, following the open client (reloaded when the profile is saved: the
    reasons decide whether a 4th session is offered)."""
    if not actor.can(Permission.VIEW_SESSIONS):
        return None
    view = SessionsTabView()
    controller = SessionsController(view, sessions, studio, actor, runner, today=today, read_only=read_only)
    area.add_client_tab(view, QCoreApplication.translate("Workspace", "Sessions"))
    area.set_client_tabs_enabled(clients.client_id is not None)
    clients.client_changed.connect(controller.set_client)

    def on_profile_saved(record: ClientRecord) -> None:
        if record.id == clients.client_id:
            controller.refresh()

    clients.form.saved.connect(on_profile_saved)
    controller.set_client(clients.client_id)
    return controller

"""The owner's "Complete anyway…" on the Sessions tab: for a planned pigmenting session the consent gate holds back
(no valid signed consent, a screening that does not allow treatment, changed health), it shows what is missing and
completes the session with the owner's reason (SessionService.mark_completed(gate_override=...))."""

from __future__ import annotations

from PySide6.QtCore import Signal

from smp_desktop.core.domain import PIGMENTING_KINDS, SessionStatus
from smp_desktop.core.services.access import Actor, Permission
from smp_desktop.core.services.consents import ConsentService
from smp_desktop.core.services.errors import ValidationFailed
from smp_desktop.core.services.session_data import SessionRecord, SessionSummary
from smp_desktop.core.services.sessions import SessionService
from smp_desktop.ui.background import Runner
from smp_desktop.ui.controllers.session_tab_actions import SessionTabAction
from smp_desktop.ui.dialogs.consent_gate_dialog import ConsentGateDialog
from smp_desktop.ui.views.sessions_tab_view import SessionsTabView


class ConsentGateOverride(SessionTabAction):
    """completed(record): the session was completed with the owner's reason."""

    completed = Signal(object)

    def __init__(
        self,
        view: SessionsTabView,
        consents: ConsentService,
        sessions: SessionService,
        actor: Actor,
        runner: Runner,
        *,
        read_only: bool = False,
    ) -> None:
        super().__init__(view, read_only=read_only)
        self._consents = consents
        self._sessions = sessions
        self._actor = actor
        self._runner = runner
        self.dialog: ConsentGateDialog | None = None
        self.button.setText(self.tr("Complete anyway…"))
        self.button.setObjectName("gateOverrideButton")
        self.button.setToolTip(self.tr("Owner: complete a session without a valid consent or clearance, with a reason"))
        self.button.setVisible(actor.can(Permission.OVERRIDE_CONSENT_GATE))
        self.button.clicked.connect(self.open)
        self.refresh()

    def allows(self, chosen: SessionSummary) -> bool:
        return chosen.status is SessionStatus.PLANNED and chosen.kind in PIGMENTING_KINDS

    def open(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        self._runner.run(
            lambda: self._consents.gate_problems(self._actor, chosen.id),
            on_done=lambda missing: self._ask(chosen, missing),
        )

    def _ask(self, chosen: SessionSummary, missing: list[str]) -> None:
        if not missing:
            missing = [self.tr("Nothing: the consent gate is open. Use Mark completed.")]
        what = f"{chosen.kind.value.replace('_', ' ').capitalize()}, {chosen.starts_at.astimezone():%a %d %b %Y %H:%M}"
        dialog = ConsentGateDialog(what, missing, self._view.window())

        def complete(reason: str) -> None:
            self._runner.run(
                lambda: self._sessions.mark_completed(self._actor, chosen.id, gate_override=reason),
                on_done=lambda record: self._done(dialog, record),
                on_error=lambda error: self._failed(dialog, error),
                writes=True,
            )

        dialog.complete_requested.connect(complete)
        self.dialog = dialog
        dialog.open()

    def _done(self, dialog: ConsentGateDialog, record: SessionRecord) -> None:
        dialog.accept()
        self.completed.emit(record)

    def _failed(self, dialog: ConsentGateDialog, error: Exception) -> None:
        if isinstance(error, ValidationFailed):  # the health re-confirmation or zones: the editor records them
            dialog.show_problems([p.message for p in error.problems])
        else:
            self._runner.report_error(error)


def add_gate_override(
    sessions_controller: object | None,
    consents: ConsentService,
    sessions: SessionService,
    actor: Actor,
    runner: Runner,
    *,
    read_only: bool = False,
) -> ConsentGateOverride | None:
    """Adds the owner's "Complete anyway…" to the Sessions tab (None without that tab or for other roles); a
    completion refreshes the tab."""
    view = getattr(sessions_controller, "view", None)
    if not isinstance(view, SessionsTabView) or not actor.can(Permission.OVERRIDE_CONSENT_GATE):
        return None
    override = ConsentGateOverride(view, consents, sessions, actor, runner, read_only=read_only)
    refresh = getattr(sessions_controller, "refresh", None)
    if callable(refresh):
        override.completed.connect(lambda record: refresh(select_id=record.id))
    return override

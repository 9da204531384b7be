"""Document actions on the client page: "Aftercare sheet…" on the Sessions tab makes the selected session's aftercare
sheet in the background and opens it in the preview (print, save as)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from smp_desktop.core.domain import SessionKind, SessionStatus
from smp_desktop.core.services.access import Actor, Permission
from smp_desktop.core.services.documents import DocumentRefused, DocumentService
from smp_desktop.core.services.session_data import SessionSummary
from smp_desktop.ui.background import Runner
from smp_desktop.ui.controllers.document_runner import DocumentRunner
from smp_desktop.ui.controllers.read_only_actions import explain_read_only
from smp_desktop.ui.controllers.session_tab_actions import SessionTabAction
from smp_desktop.ui.views.sessions_tab_view import SessionsTabView

if TYPE_CHECKING:  # the preview (and Qt's print support) loads with the first document
    from smp_desktop.ui.dialogs.document_preview import DocumentPreviewDialog


class AftercareAction(SessionTabAction):
    """The "Aftercare sheet…" button beside the session buttons, enabled for a booked or completed treatment
    session (not a consultation, not a cancelled one). Off in a read-only studio: each sheet made is audited."""

    def __init__(
        self,
        view: SessionsTabView,
        documents: DocumentService,
        actor: Actor,
        runner: Runner,
        *,
        read_only: bool = False,
    ) -> None:
        super().__init__(view, read_only=read_only)
        self._documents = documents
        self._actor = actor
        self._runner = runner
        self._maker = DocumentRunner(view, runner)
        button = self.button
        button.setText(self.tr("Aftercare sheet…"))
        button.setObjectName("aftercareButton")
        button.setToolTip(self.tr("The client's aftercare sheet for this session, with the healing dates"))
        if read_only:
            explain_read_only(button)
        button.clicked.connect(self.make)
        self.refresh()

    @property
    def preview(self) -> DocumentPreviewDialog | None:
        """The preview now open (tests drive it)."""
        return self._maker.preview

    def allows(self, chosen: SessionSummary) -> bool:
        return (
            self._actor.can(Permission.VIEW_SESSIONS)
            and chosen.status is not SessionStatus.CANCELLED
            and chosen.kind is not SessionKind.CONSULTATION
        )

    def make(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        self.button.setEnabled(False)
        self._maker.make(
            lambda: self._documents.aftercare(self._actor, chosen.id), finished=self.refresh, on_error=self._failed
        )

    def _failed(self, error: Exception) -> None:
        if isinstance(error, DocumentRefused):
            QMessageBox.warning(self._view.window(), self.tr("No aftercare sheet"), str(error))
            return
        self._runner.report_error(error)


def add_aftercare_action(
    sessions_view: SessionsTabView | None,
    documents: DocumentService,
    actor: Actor,
    runner: Runner,
    *,
    read_only: bool = False,
) -> AftercareAction | None:
    """Adds "Aftercare sheet…" to the Sessions tab (None when the actor has no Sessions tab)."""
    if sessions_view is None or not actor.can(Permission.VIEW_SESSIONS):
        return None
    return AftercareAction(sessions_view, documents, actor, runner, read_only=read_only)

"""The ink register's documents on the client page: "Ink papers" beside the session buttons of the Sessions tab,
with the ink information sheet (to hand over before the procedure: the label information of each lot the
session's zones name) and the ink passport (after a completed session). Made in the background, shown in the
document preview (print, save as); off in a read-only studio, as each one made is audited."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from smp_desktop.core.domain import SessionKind, SessionStatus
from smp_desktop.core.services.access import Actor, Permission
from smp_desktop.core.services.documents import GeneratedDocument
from smp_desktop.core.services.ink_documents import InkDocuments
from smp_desktop.core.services.session_data import SessionSummary
from smp_desktop.ui.background import Runner
from smp_desktop.ui.controllers.document_runner import DocumentRunner
from smp_desktop.ui.controllers.read_only_actions import explain_read_only
from smp_desktop.ui.controllers.session_tab_actions import SessionTabAction
from smp_desktop.ui.views.sessions_tab_view import SessionsTabView

if TYPE_CHECKING:  # the preview (and Qt's print support) loads with the first document
    from smp_desktop.ui.dialogs.document_preview import DocumentPreviewDialog


class InkPapersAction(SessionTabAction):
    def __init__(
        self, view: SessionsTabView, documents: InkDocuments, actor: Actor, runner: Runner, *, read_only: bool = False
    ) -> None:
        super().__init__(view, read_only=read_only)
        self._documents = documents
        self._actor = actor
        self._maker = DocumentRunner(view, runner)
        button = self.button
        button.setText(self.tr("Ink papers"))
        button.setObjectName("inkPapersButton")
        button.setToolTip(self.tr("The ink information sheet (before) and the ink passport (after the session)"))
        menu = QMenu(button)
        self.sheet_action = QAction(self.tr("Ink information sheet…"), menu)
        self.passport_action = QAction(self.tr("Ink passport…"), menu)
        menu.addAction(self.sheet_action)
        menu.addAction(self.passport_action)
        button.setMenu(menu)
        if read_only:
            explain_read_only(button, self.sheet_action, self.passport_action)
        self.sheet_action.triggered.connect(lambda: self.make(passport=False))
        self.passport_action.triggered.connect(lambda: self.make(passport=True))
        self.refresh()

    @property
    def preview(self) -> DocumentPreviewDialog | None:
        """The preview now open (tests drive it)."""
        return self._maker.preview

    def allows(self, chosen: SessionSummary) -> bool:
        return chosen.status is not SessionStatus.CANCELLED and chosen.kind is not SessionKind.CONSULTATION

    def refresh(self) -> None:
        super().refresh()
        chosen = self.selected()
        treats = self.button.isEnabled()
        self.sheet_action.setEnabled(treats)
        self.passport_action.setEnabled(treats and chosen is not None and chosen.status is SessionStatus.COMPLETED)

    def make(self, *, passport: bool) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        make = self._documents.passport if passport else self._documents.information_sheet
        title = self.tr("Ink passport") if passport else self.tr("Ink information sheet")

        def build() -> GeneratedDocument:
            pdf, name = make(self._actor, chosen.id)
            return GeneratedDocument(pdf, name, title)

        self.button.setEnabled(False)
        self._maker.make(build, finished=self.refresh)


def add_ink_papers_action(
    sessions_view: SessionsTabView | None,
    documents: InkDocuments,
    actor: Actor,
    runner: Runner,
    *,
    read_only: bool = False,
) -> InkPapersAction | None:
    """Adds "Ink papers" to the Sessions tab (None when the actor has no Sessions tab or may not see the register)."""
    if sessions_view is None or not (actor.can(Permission.VIEW_SESSIONS) and actor.can(Permission.VIEW_INK)):
        return None
    return InkPapersAction(sessions_view, documents, actor, runner, read_only=read_only)

"""The ink register's documents on the client page: "Ink papers" beside the session buttons of the Sessions tab,
with the ink information sheet (to hand over before the procedure: the label information of each lot the
session's zones name) and the ink passport (after a completed session). Made in the background, shown in the
document preview (print, save as)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton

from smp_desktop.core.domain import SessionKind, SessionStatus
from smp_desktop.core.services.access import Actor, Permission
from smp_desktop.core.services.ink_documents import InkDocuments
from smp_desktop.core.services.session_data import SessionSummary
from smp_desktop.ui.background import Runner
from smp_desktop.ui.controllers.document_actions import _button_row
from smp_desktop.ui.dialogs.document_preview import DocumentPreviewDialog, show_document
from smp_desktop.ui.views.sessions_tab_view import SessionsTabView


class InkPapersAction(QObject):
    def __init__(self, view: SessionsTabView, documents: InkDocuments, actor: Actor, runner: Runner) -> None:
        super().__init__(view)
        self._view = view
        self._documents = documents
        self._actor = actor
        self._runner = runner
        self.preview: DocumentPreviewDialog | None = None  # the preview now open (tests drive it)
        self.button = QPushButton(self.tr("Ink papers"))
        self.button.setObjectName("inkPapersButton")
        self.button.setToolTip(self.tr("The ink information sheet (before) and the ink passport (after the session)"))
        menu = QMenu(self.button)
        self.sheet_action = QAction(self.tr("Ink information sheet…"), menu)
        self.passport_action = QAction(self.tr("Ink passport…"), menu)
        menu.addAction(self.sheet_action)
        menu.addAction(self.passport_action)
        self.button.setMenu(menu)
        _button_row(view).addWidget(self.button)
        self.sheet_action.triggered.connect(lambda: self.make(passport=False))
        self.passport_action.triggered.connect(lambda: self.make(passport=True))
        view.table.selectionModel().currentRowChanged.connect(lambda *_args: self.refresh())
        view.model.modelReset.connect(self.refresh)
        self.refresh()

    def set_client(self, _client_id: int | None) -> None:
        self.refresh()

    def selected(self) -> SessionSummary | None:
        index = self._view.table.currentIndex()
        return self._view.model.session_at(index.row()) if index.isValid() else None

    def refresh(self) -> None:
        chosen = self.selected()
        treats = (
            chosen is not None
            and chosen.status is not SessionStatus.CANCELLED
            and chosen.kind is not SessionKind.CONSULTATION
        )
        self.button.setEnabled(treats)
        self.sheet_action.setEnabled(treats)
        self.passport_action.setEnabled(treats and chosen is not None and chosen.status is SessionStatus.COMPLETED)

    def make(self, *, passport: bool) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        make = self._documents.passport if passport else self._documents.information_sheet
        title = self.tr("Ink passport") if passport else self.tr("Ink information sheet")
        self._runner.run(
            lambda: make(self._actor, chosen.id),
            on_done=lambda result: self._show(result, title),
            writes=True,  # records the audit event
        )

    def _show(self, result: tuple[bytes, str], title: str) -> None:
        pdf, name = result
        self.preview = show_document(self._view.window(), pdf, name, title, runner=self._runner,
                                     on_closed=self._closed)  # fmt: skip

    def _closed(self) -> None:
        self.preview = None


def add_ink_papers_action(
    sessions_view: SessionsTabView | None, documents: InkDocuments, actor: Actor, runner: Runner
) -> InkPapersAction | None:
    """Adds "Ink papers" to the Sessions tab (None when the actor has no Sessions tab or may not see the register)."""
    if sessions_view is None or not (actor.can(Permission.VIEW_SESSIONS) and actor.can(Permission.VIEW_INK)):
        return None
    return InkPapersAction(sessions_view, documents, actor, runner)

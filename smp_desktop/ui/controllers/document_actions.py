"""Document actions on the client page: "Aftercare sheet…" on the Sessions tab makes the selected session's aftercare
sheet in the background and opens it in the preview (print, save as)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton

from smp_desktop.core.domain import SessionKind, SessionStatus
from smp_desktop.core.services.access import Actor, Permission
from smp_desktop.core.services.documents import DocumentRefused, DocumentService, GeneratedDocument
from smp_desktop.core.services.session_data import SessionSummary
from smp_desktop.ui.background import Runner
from smp_desktop.ui.dialogs.document_preview import DocumentPreviewDialog, show_document
from smp_desktop.ui.views.sessions_tab_view import SessionsTabView


class AftercareAction(QObject):
    """The "Aftercare sheet…" button beside the session buttons, enabled for a booked or completed treatment
    session (not a consultation, not a cancelled one)."""

    def __init__(self, view: SessionsTabView, documents: DocumentService, actor: Actor, runner: Runner) -> None:
        super().__init__(view)
        self._view = view
        self._documents = documents
        self._actor = actor
        self._runner = runner
        self.preview: DocumentPreviewDialog | None = None  # the preview now open (tests drive it)
        self.button = QPushButton(self.tr("Aftercare sheet…"))
        self.button.setObjectName("aftercareButton")
        self.button.setToolTip(self.tr("The client's aftercare sheet for this session, with the healing dates"))
        self.button.setMinimumWidth(48)
        _button_row(view).addWidget(self.button)
        self.button.clicked.connect(self.make)
        view.table.selectionModel().currentRowChanged.connect(lambda *_args: self.refresh())
        view.model.modelReset.connect(self.refresh)
        self.refresh()

    def set_client(self, _client_id: int | None) -> None:
        """Follows the client page like a tab does (the Sessions tab's selection decides the rest)."""
        self.refresh()

    def selected(self) -> SessionSummary | None:
        index = self._view.table.currentIndex()
        return self._view.model.session_at(index.row()) if index.isValid() else None

    def refresh(self) -> None:
        chosen = self.selected()
        self.button.setEnabled(
            chosen is not None
            and self._actor.can(Permission.VIEW_SESSIONS)
            and chosen.status is not SessionStatus.CANCELLED
            and chosen.kind is not SessionKind.CONSULTATION
        )

    def make(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        self.button.setEnabled(False)
        self._runner.run(
            lambda: self._documents.aftercare(self._actor, chosen.id),
            on_done=self._show,
            on_error=self._failed,
            writes=True,  # records the audit event
        )

    def _show(self, document: GeneratedDocument) -> None:
        self.refresh()
        self.preview = show_document(
            self._view.window(),
            document.pdf,
            document.file_name,
            document.title,
            runner=self._runner,
            on_closed=self._closed,
        )

    def _closed(self) -> None:
        self.preview = None

    def _failed(self, error: Exception) -> None:
        self.refresh()
        if isinstance(error, DocumentRefused):
            QMessageBox.warning(self._view.window(), self.tr("No aftercare sheet"), str(error))
            return
        self._runner.report_error(error)


def _button_row(view: SessionsTabView) -> QHBoxLayout:
    """The row that holds the session buttons (the new button goes after Cancel session…)."""
    for layout in view.findChildren(QHBoxLayout):
        if layout.indexOf(view.cancel_button) >= 0:
            return layout
    raise LookupError("the Sessions tab has no button row")


def add_aftercare_action(
    sessions_view: SessionsTabView | None, documents: DocumentService, actor: Actor, runner: Runner
) -> AftercareAction | None:
    """Adds "Aftercare sheet…" to the Sessions tab (None when the actor has no Sessions tab)."""
    if sessions_view is None or not actor.can(Permission.VIEW_SESSIONS):
        return None
    return AftercareAction(sessions_view, documents, actor, runner)

"""File ▸ Print Day's Paperwork…: the day's planned sessions (SessionService.planned_between) and their pre-filled
forms as one PDF (ConsentService.packets), made as a write and previewed and printed like every document
(controllers/document_runner.py). `extra(entry)` adds a PDF after each session's forms (the workspace passes the
ink information sheet)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from smp_desktop.core.services.access import Actor, Permission
from smp_desktop.core.services.consents import ConsentService
from smp_desktop.core.services.documents import GeneratedDocument
from smp_desktop.core.services.sessions import SessionService
from smp_desktop.ui.background import Runner
from smp_desktop.ui.controllers.document_runner import DocumentRunner
from smp_desktop.ui.controllers.read_only_actions import explain_read_only
from smp_desktop.ui.dialogs.paperwork_dialog import PaperworkDialog

if TYPE_CHECKING:
    from smp_desktop.ui.dialogs.document_preview import DocumentPreviewDialog


class PaperworkController(QObject):
    def __init__(
        self,
        window: QMainWindow,
        consents: ConsentService,
        sessions: SessionService,
        actor: Actor,
        runner: Runner,
        *,
        today: Callable[[], date] = date.today,
        extra: Callable[[Any], bytes | None] | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._consents = consents
        self._sessions = sessions
        self._actor = actor
        self._runner = runner
        self._today = today
        self.extra = extra
        self.dialog: PaperworkDialog | None = None
        self._maker = DocumentRunner(window, runner)
        self.action = QAction(self.tr("Print Day's &Paperwork…"), window)
        self.action.setObjectName("printPaperworkAction")
        self.action.triggered.connect(self.open)
        self.action.setEnabled(actor.can(Permission.VIEW_CONSENTS) and actor.can(Permission.VIEW_SESSIONS))

    def open(self) -> PaperworkDialog:
        dialog = PaperworkDialog(self._today(), self._window)
        dialog.day_changed.connect(self._load)
        dialog.print_requested.connect(self._print)
        self.dialog = dialog
        dialog.open()
        self._load(dialog.chosen_day())
        return dialog

    def _load(self, day: date) -> None:
        start, end = self._consents.day_bounds(day)
        self._runner.run(
            lambda: self._sessions.planned_between(self._actor, start, end),
            on_done=lambda found: self.dialog.show_appointments(day, found) if self.dialog else None,
            latest_only="paperwork-day",
        )

    @property
    def preview(self) -> DocumentPreviewDialog | None:
        """The paperwork's preview now open (tests drive it)."""
        return self._maker.preview

    def _print(self, day: date) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        appointments = list(dialog.appointments)
        dialog.print_button.setEnabled(False)
        name = f"Paperwork {day.isoformat()}.pdf"
        title = self.tr("Paperwork for %1").replace("%1", f"{day:%A %d %B %Y}")

        def build() -> GeneratedDocument:
            pdf = self._consents.packets(self._actor, appointments, day, extra=self.extra)[0]
            return GeneratedDocument(pdf, name, title)

        # A write like every document: printing the day's forms records an audit event per client.
        self._maker.make(build, finished=self._print_finished)

    def _print_finished(self) -> None:
        if self.dialog is not None:
            self.dialog.print_button.setEnabled(True)


def add_paperwork_action(
    window: QMainWindow,
    consents: ConsentService,
    sessions: SessionService,
    actor: Actor,
    runner: Runner,
    *,
    today: Callable[[], date] = date.today,
    extra: Callable[[Any], bytes | None] | None = None,
    read_only: bool = False,
) -> PaperworkController:
    """The File menu's Print Day's Paperwork… (inserted before Back Up Now). The controller is a child of the
    window, which keeps it. Off in a read-only studio: each print of the day's forms is audited."""
    controller = PaperworkController(window, consents, sessions, actor, runner, today=today, extra=extra)
    file_menu = window.menuBar().actions()[0].menu()
    if isinstance(file_menu, QMenu):
        actions = file_menu.actions()
        if len(actions) > 2:  # after New Client and its separator
            file_menu.insertAction(actions[2], controller.action)
            file_menu.insertSeparator(actions[2])
        else:
            file_menu.addAction(controller.action)
    if read_only:
        explain_read_only(controller.action)
    return controller

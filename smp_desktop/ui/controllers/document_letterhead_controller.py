"""File ▸ Letterhead and Paper…: the studio's logo and paper size for every printed document, with a sample page
in the document preview. Changes need MANAGE_STUDIO; every service call goes through the runner."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from smp_desktop.core.documents.layout import Letterhead
from smp_desktop.core.services.access import Actor, Permission
from smp_desktop.core.services.documents import DocumentService, GeneratedDocument
from smp_desktop.core.services.errors import ValidationFailed
from smp_desktop.ui.background import Runner
from smp_desktop.ui.dialogs.document_preview import DocumentPreviewDialog, show_document
from smp_desktop.ui.views.document_letterhead_view import LetterheadDialog


class LetterheadController(QObject):
    def __init__(
        self, window: QMainWindow, documents: DocumentService, actor: Actor, runner: Runner, *, read_only: bool = False
    ) -> None:
        super().__init__(window)
        self._window = window
        self._documents = documents
        self._actor = actor
        self._runner = runner
        self._may_change = actor.can(Permission.MANAGE_STUDIO) and not read_only
        self.dialog: LetterheadDialog | None = None  # open now (tests drive it)
        self.preview: DocumentPreviewDialog | None = None
        self.action = QAction(self.tr("&Letterhead and Paper…"), window)
        self.action.setObjectName("letterheadAction")
        self.action.triggered.connect(self.open)

    def open(self) -> LetterheadDialog:
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        dialog = self.dialog = LetterheadDialog(self._window)
        for widget in (dialog.paper, dialog.choose_logo_button, dialog.remove_logo_button):
            widget.setEnabled(self._may_change)
        if not self._may_change:
            dialog.show_message(self.tr("Only the studio's owner can change the letterhead."))
        dialog.paper.activated.connect(self._paper_chosen)
        dialog.choose_logo_button.clicked.connect(self._choose_logo)
        dialog.remove_logo_button.clicked.connect(lambda: self._set_logo(None))
        dialog.preview_button.clicked.connect(self._preview)
        dialog.finished.connect(self._closed)
        self._load()
        dialog.open()
        return dialog

    # --- reading and showing --------------------------------------------------------------------------------
    def _load(self) -> None:
        self._runner.run(self._documents.letterhead, on_done=self._show)

    def _show(self, head: Letterhead) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        contact = [head.studio_name, *head.address.splitlines(), head.phone, head.email, head.website]
        dialog.studio.setText("\n".join(line.strip() for line in contact if line.strip()))
        dialog.show_logo(head.logo)
        if not self._may_change:
            dialog.remove_logo_button.setEnabled(False)
        index = dialog.paper.findData("Letter" if head.paper_size.strip().upper() != "A4" else "A4")
        dialog.paper.setCurrentIndex(max(index, 0))

    # --- changes --------------------------------------------------------------------------------------------
    def _paper_chosen(self, _index: int) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        paper = str(dialog.paper.currentData())
        self._runner.run(
            lambda: self._documents.set_paper_size(self._actor, paper),
            on_done=lambda _none: self._changed(),
            on_error=self._refused,
            writes=True,
        )

    def _choose_logo(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self.dialog, self.tr("Choose the logo"), str(Path.home()), self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if chosen:
            self._set_logo(Path(chosen))

    def _set_logo(self, path: Path | None) -> None:
        self._runner.run(
            lambda: self._documents.set_logo(self._actor, path),
            on_done=lambda _none: self._changed(),
            on_error=self._refused,
            writes=True,
        )

    def _changed(self) -> None:
        if self.dialog is not None:
            self.dialog.show_message("")
        self._load()

    def _refused(self, error: Exception) -> None:
        if isinstance(error, ValidationFailed) and self.dialog is not None:
            self.dialog.show_message(str(error))
            return
        self._runner.report_error(error)

    def _preview(self) -> None:
        self._runner.run(lambda: self._documents.sample(self._actor), on_done=self._show_sample)

    def _show_sample(self, document: GeneratedDocument) -> None:
        self.preview = show_document(
            self.dialog or self._window,
            document.pdf,
            document.file_name,
            document.title,
            runner=self._runner,
            on_closed=self._preview_closed,
        )

    def _preview_closed(self) -> None:
        self.preview = None

    def _closed(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None


def add_letterhead_action(
    window: QMainWindow, documents: DocumentService, actor: Actor, runner: Runner, *, read_only: bool = False
) -> LetterheadController:
    """File ▸ Letterhead and Paper… (before the backup actions). The controller is a child of the window."""
    controller = LetterheadController(window, documents, actor, runner, read_only=read_only)
    file_menu = window.menuBar().actions()[0].menu()
    if isinstance(file_menu, QMenu):
        backup = getattr(window, "back_up_action", None)  # MainWindow's Back Up Now
        before = backup if backup in file_menu.actions() else None
        if before is not None:
            file_menu.insertAction(before, controller.action)
        else:
            file_menu.addAction(controller.action)
    return controller

"""The client page's Removal tab: follows the open client, lists its removal plans, and loads, saves, completes and
deletes the plan shown, guarding unsaved edits when the person leaves it; makes the plan's document. The editing of
the plan itself (live score, sessions and their parameters, interval warnings) is removal_editor.py's. Every
service call goes through the runner."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelection, QObject, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QMessageBox

from smp_desktop.core.removal_vocabulary import RemovalMethod, RemovalPlanStatus, RemovalReason, RemovalSessionStatus
from smp_desktop.core.services.access import Actor, Permission
from smp_desktop.core.services.errors import ValidationFailed
from smp_desktop.core.services.photo_data import PhotoRecord
from smp_desktop.core.services.photos import PhotoService
from smp_desktop.core.services.removal_data import (
    PigmentSource,
    RemovalPlanDraft,
    RemovalPlanRecord,
    RemovalPlanSummary,
)
from smp_desktop.core.services.removal_documents import RemovalPlanDocuments
from smp_desktop.core.services.removals import RemovalService
from smp_desktop.ui.background import Runner
from smp_desktop.ui.controllers.clients_controller import ClientsController
from smp_desktop.ui.controllers.document_runner import DocumentRunner
from smp_desktop.ui.controllers.read_only_actions import explain_read_only
from smp_desktop.ui.controllers.removal_editor import RemovalPlanEditor
from smp_desktop.ui.main_window import MainWindow
from smp_desktop.ui.photo_images import read_image
from smp_desktop.ui.removal_wording import tr
from smp_desktop.ui.views.clients_area_view import ClientsAreaView
from smp_desktop.ui.views.removal_tab_view import RemovalTabView

if TYPE_CHECKING:  # the preview (and Qt's print support) loads with the first document
    from smp_desktop.ui.dialogs.document_preview import DocumentPreviewDialog


class RemovalController(QObject):
    changed = Signal()  # a plan was saved, completed or deleted
    loaded = Signal()  # the editor shows a plan (or a new one)

    def __init__(
        self,
        view: RemovalTabView,
        removals: RemovalService,
        photos: PhotoService | None,
        actor: Actor,
        runner: Runner,
        *,
        today: Callable[[], date] = date.today,
        read_only: bool = False,
        documents: RemovalPlanDocuments | None = None,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._removals = removals
        self._photos = photos if photos is not None and actor.can(Permission.VIEW_PHOTOS) else None
        self._actor = actor
        self._runner = runner
        self._today = today
        self._read_only = read_only
        self._documents = documents
        self._maker = DocumentRunner(view, runner)
        rules = removals.rules()  # read first: reading them says whether the studio's own file is usable
        view.sessions.today = view.plans.today = today()
        view.rules_problem.setText(removals.rules_problem)
        view.rules_problem.setVisible(bool(removals.rules_problem))
        self._client_id: int | None = None
        self._record: RemovalPlanRecord | None = None  # the saved plan shown, None for a new one
        self._loaded: RemovalPlanDraft | None = None  # the draft as last filled, to know about unsaved edits
        self._editor = RemovalPlanEditor(view, rules, today=today, read_only=read_only, loaded=lambda: self._loaded)
        self._switching = False
        self._connect_signals()
        if read_only:
            explain_read_only(view.preview_button)  # a document is audited as it is made
        self._show_editor(False)
        view.photo_section.setVisible(self._photos is not None)

    # --- what the workspace uses ------------------------------------------------------------------------------------
    @property
    def preview(self) -> DocumentPreviewDialog | None:
        """The document preview now open (tests drive it)."""
        return self._maker.preview

    @property
    def plan_id(self) -> int | None:
        return self._record.id if self._record is not None else None

    def set_client(self, client_id: int | None) -> None:
        if client_id != self._client_id and self.has_unsaved_changes():
            self._offer_to_save_before_leaving()
        self._client_id = client_id
        self._record = self._loaded = None
        self._view.sessions.today = self._view.plans.today = self._today()  # the app may run past midnight
        self._view.plans.set_plans(())
        self._show_editor(False)
        if client_id is None:
            return
        self.refresh()
        self._runner.run(
            lambda: self._removals.pigment_sources(self._actor, client_id),
            on_done=lambda sources: self._keep_sources(client_id, sources),
            latest_only="removal-pigments",
        )
        photos = self._photos
        if photos is not None:
            self._runner.run(
                lambda: photos.list_for_client(self._actor, client_id),
                on_done=lambda records: self._keep_photos(client_id, records),
                latest_only="removal-photos",
            )

    def refresh(self, select_id: int | None = None) -> None:
        client_id = self._client_id
        if client_id is None:
            return
        self._runner.run(
            lambda: self._removals.list_for_client(self._actor, client_id),
            on_done=lambda plans: self._show_plans(client_id, plans, select_id),
            latest_only="removal-plans",
        )

    def confirm_close(self, close_again: Callable[[], object]) -> bool:
        """The window's close guard: True to close now; False while the plan is saved (the window closes after)
        or when the person stays."""
        if not self.has_unsaved_changes():
            return True
        answer = QMessageBox.question(
            self._view.window(),
            tr("Unsaved removal plan"),
            tr("The removal plan has changes that are not saved. Save them before closing?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Discard:
            return True
        if answer == QMessageBox.StandardButton.Save:
            self._save_in_background(then=lambda: QTimer.singleShot(0, close_again))
        return False

    def _offer_to_save_before_leaving(self) -> None:
        """Another client was opened while this plan had unsaved changes: save them for its client, or drop them."""
        answer = QMessageBox.question(
            self._view.window(),
            tr("Unsaved removal plan"),
            tr("The removal plan of the client you left has changes that are not saved. Save them?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard,
        )
        if answer == QMessageBox.StandardButton.Save:
            self._save_in_background(then=None)

    def _save_in_background(self, then: Callable[[], object] | None) -> None:
        """Saves the plan on screen for its client; problems are said in a message (the editor may be showing
        another client by then)."""
        client_id, record, draft = self._client_id, self._record, self._editor.draft()
        if client_id is None:
            return

        def work() -> RemovalPlanRecord:
            if record is None:
                return self._removals.create(self._actor, client_id, draft)
            return self._removals.update(self._actor, record.id, draft)

        def saved(_record: RemovalPlanRecord) -> None:
            self.changed.emit()
            if then is not None:
                then()

        def failed(error: Exception) -> None:
            if isinstance(error, ValidationFailed):
                QMessageBox.warning(
                    self._view.window(),
                    tr("Removal plan not saved"),
                    "\n".join([tr("The removal plan could not be saved:"), *(p.message for p in error.problems)]),
                )
                return
            self._runner.report_error(error)

        self._runner.run(work, on_done=saved, on_error=failed, writes=True)

    def has_unsaved_changes(self) -> bool:
        return self._loaded is not None and self._editor.draft() != self._loaded

    def current_draft(self) -> RemovalPlanDraft:
        return self._editor.draft()

    # --- signals ----------------------------------------------------------------------------------------------------
    def _connect_signals(self) -> None:
        view = self._view
        view.new_button.clicked.connect(self._on_new)
        view.delete_button.clicked.connect(self._on_delete)
        view.plan_list.selectionModel().selectionChanged.connect(self._on_plan_picked)
        view.save_button.clicked.connect(self._on_save)
        view.revert_button.clicked.connect(self._on_revert)
        view.complete_button.clicked.connect(self._on_complete)
        view.preview_button.clicked.connect(self._on_document)
        self._editor.changed.connect(self._refresh_buttons)

    # --- plans ------------------------------------------------------------------------------------------------------
    def _show_plans(self, client_id: int, plans: list[RemovalPlanSummary], select_id: int | None) -> None:
        if client_id != self._client_id:
            return
        view = self._view
        self._switching = True
        try:
            view.plans.set_plans(plans)
        finally:
            self._switching = False
        view.empty_label.setVisible(not plans)
        wanted = select_id if select_id is not None else (self.plan_id or (plans[0].id if plans else None))
        row = view.plans.row_of(wanted) if wanted is not None else -1
        if row >= 0:
            self._switching = True
            try:
                view.plan_list.setCurrentIndex(view.plans.index(row))
            finally:
                self._switching = False
            if wanted is not None and (self.plan_id != wanted or select_id is not None):
                self._load(wanted)
        self._refresh_buttons()

    def _on_plan_picked(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._switching or not selected.indexes():
            return
        plan = self._view.plans.plan_at(selected.indexes()[0].row())
        if plan is None or plan.id == self.plan_id:
            return
        if not self._may_leave():
            row = self._view.plans.row_of(self.plan_id) if self.plan_id is not None else -1
            self._switching = True
            try:
                if row >= 0:
                    self._view.plan_list.setCurrentIndex(self._view.plans.index(row))
                else:
                    self._view.plan_list.clearSelection()
            finally:
                self._switching = False
            return
        self._load(plan.id)

    def _load(self, plan_id: int) -> None:
        self._runner.run(
            lambda: self._removals.get(self._actor, plan_id),
            on_done=self._show_record,
            latest_only="removal-plan",
        )

    def _on_new(self) -> None:
        client_id = self._client_id
        if client_id is None or not self._may_leave():
            return
        self._runner.run(
            lambda: self._removals.new_draft(
                self._actor, client_id, RemovalMethod.Q_SWITCHED_LASER, RemovalReason.SHAPE
            ),
            on_done=lambda draft: self._show_draft(None, draft),
        )

    def _on_delete(self) -> None:
        record = self._record
        if record is None:
            return
        answer = QMessageBox.question(
            self._view.window(),
            tr("Delete removal plan"),
            tr("Delete this removal plan? No session has been done for it; this cannot be undone."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._runner.run(
            lambda: self._removals.delete(self._actor, record.id),
            on_done=lambda _none: self._after_delete(),
            writes=True,
        )

    def _after_delete(self) -> None:
        self._record = self._loaded = None
        self._show_editor(False)
        self.refresh()
        self.changed.emit()

    def _on_save(self) -> None:
        client_id = self._client_id
        if client_id is None or self._loaded is None:
            return
        if self._view.test_spot_on.text() and not self._view.test_spot_on.is_readable():
            self._editor.show_problems([tr("The test spot date cannot be read; type it as the placeholder shows.")])
            return
        draft = self._editor.draft()
        record = self._record

        def work() -> RemovalPlanRecord:
            if record is None:
                return self._removals.create(self._actor, client_id, draft)
            return self._removals.update(self._actor, record.id, draft)

        self._runner.run(work, on_done=self._on_saved, on_error=self._on_save_failed, writes=True)

    def _on_complete(self) -> None:
        record = self._record
        if record is None:
            return
        if self.has_unsaved_changes():
            self._editor.show_problems([tr("Save the plan's changes before completing it.")])
            return
        self._runner.run(
            lambda: self._removals.complete(self._actor, record.id),
            on_done=self._on_saved,
            on_error=self._on_save_failed,
            writes=True,
        )

    def _on_saved(self, record: RemovalPlanRecord) -> None:
        self._show_record(record)
        self.refresh(select_id=record.id)
        self.changed.emit()

    def _on_save_failed(self, error: Exception) -> None:
        if isinstance(error, ValidationFailed):
            self._editor.show_problems([p.message for p in error.problems], error)
            return
        self._runner.report_error(error)

    def _on_revert(self) -> None:
        if self._record is not None:
            self._show_record(self._record)
        elif self._loaded is not None:
            self._show_draft(None, self._loaded)

    def _on_document(self) -> None:
        record, documents = self._record, self._documents
        if record is None or documents is None:
            return
        if self.has_unsaved_changes():
            self._editor.show_problems([tr("Save the plan first: the document shows the saved plan.")])
            return
        self._view.preview_button.setEnabled(False)
        self._maker.make(lambda: documents.plan_pdf(self._actor, record.id), finished=self._refresh_buttons)

    def _may_leave(self) -> bool:
        """True when the editor may show something else: no unsaved changes, or the person chose to drop them."""
        if not self.has_unsaved_changes():
            return True
        answer = QMessageBox.question(
            self._view.window(),
            tr("Unsaved removal plan"),
            tr("This removal plan has changes that are not saved. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    # --- showing a plan ---------------------------------------------------------------------------------------------
    def _show_record(self, record: RemovalPlanRecord) -> None:
        if record.client_id != self._client_id:
            return
        self._record = record
        self._show_draft(record, record.draft)

    def _show_draft(self, record: RemovalPlanRecord | None, draft: RemovalPlanDraft) -> None:
        self._record = record
        self._editor.show(draft)
        self._show_editor(True)
        if record is None:
            self._view.plan_list.clearSelection()
        self._loaded = self._editor.draft()
        self._editor.update_score()
        self._editor.update_dates()
        self._refresh_buttons()
        self.loaded.emit()

    def _show_editor(self, shown: bool) -> None:
        self._view.editor.setEnabled(shown)
        self._view.editor_scroll.setVisible(shown)
        if not shown:
            self._view.sessions.set_sessions(())
        self._refresh_buttons()

    def _keep_sources(self, client_id: int, sources: list[PigmentSource]) -> None:
        if client_id != self._client_id:
            return
        self._editor.set_sources(sources)
        if self._loaded is not None:
            self._loaded = self._loaded.replace(targets=self._view.pigments.chosen())

    def _keep_photos(self, client_id: int, records: list[PhotoRecord]) -> None:
        if client_id != self._client_id:
            return
        self._editor.set_photos(records)
        photos = self._photos
        if photos is None:
            return
        for record in records:
            self._load_thumbnail(photos, record)

    def _load_thumbnail(self, photos: PhotoService, record: PhotoRecord) -> None:
        def read() -> QImage:
            return read_image(photos.thumbnail_of(self._actor, record, 256), 256)

        def show(image: QImage) -> None:
            if not image.isNull():
                self._view.photos.set_thumbnail(record.id, QPixmap.fromImage(image))

        self._runner.run(read, on_done=show, on_error=lambda _error: None)  # no thumbnail: the tile keeps its caption

    # --- buttons ----------------------------------------------------------------------------------------------------
    def _refresh_buttons(self) -> None:
        view, record = self._view, self._record
        writable = not self._read_only
        editing = self._loaded is not None
        closed = record is not None and record.draft.status in (
            RemovalPlanStatus.COMPLETED,
            RemovalPlanStatus.CANCELLED,
        )
        entry = self._editor.selected_session()
        view.new_button.setEnabled(self._client_id is not None and writable)
        view.delete_button.setEnabled(writable and record is not None and not record.done_sessions)
        view.save_button.setEnabled(writable and editing)
        view.revert_button.setEnabled(editing)
        view.complete_button.setEnabled(writable and record is not None and not closed and bool(record.done_sessions))
        # A document is audited as it is made: a read-only studio cannot record that, so it makes none.
        view.preview_button.setEnabled(writable and record is not None and self._documents is not None)
        view.add_session_button.setEnabled(writable and editing)
        view.remove_session_button.setEnabled(
            writable and entry is not None and entry.status is not RemovalSessionStatus.DONE
        )


def add_removal_tab(
    area: ClientsAreaView,
    clients: ClientsController,
    removals: RemovalService,
    photos: PhotoService | None,
    actor: Actor,
    runner: Runner,
    *,
    today: Callable[[], date] = date.today,
    read_only: bool = False,
    documents: RemovalPlanDocuments | None = None,
) -> RemovalController | None:
    """The Removal tab on the client page; none for an actor who may not plan removals (the front desk)."""
    if not actor.can(Permission.PLAN_REMOVAL):
        return None
    view = RemovalTabView()
    controller = RemovalController(
        view, removals, photos, actor, runner, today=today, read_only=read_only, documents=documents
    )
    area.add_client_tab(view, QCoreApplication.translate("Workspace", "Removal"))
    window = area.window()
    if isinstance(window, MainWindow):
        window.add_close_guard(controller.confirm_close)
    area.set_client_tabs_enabled(clients.client_id is not None)
    clients.client_changed.connect(controller.set_client)
    controller.set_client(clients.client_id)
    return controller


__all__ = ["RemovalController", "add_removal_tab"]

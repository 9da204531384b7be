"""The client page's Removal tab: follows the open client, lists its removal plans and edits one: the Kirby-Desai
score shown live as the inputs change, sessions added at the method's usual interval (an amber warning when one is
too soon), each session's laser parameters, pigment picked from the client's records, assessment photos picked from
the client's photos, and the earliest date for new SMP. Every service call goes through the runner."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QItemSelection, QModelIndex, QObject, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QInputDialog, QMessageBox

from smp_desktop.core.removal import IntervalWarning, RemovalRules, earliest_new_smp, interval_warnings, next_date
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
    RemovalSessionEntry,
)
from smp_desktop.core.services.removal_documents import RemovalPlanDocuments
from smp_desktop.core.services.removals import RemovalService
from smp_desktop.ui.background import Runner
from smp_desktop.ui.controllers.clients_controller import ClientsController
from smp_desktop.ui.controllers.document_runner import DocumentRunner
from smp_desktop.ui.controllers.read_only_actions import explain_read_only
from smp_desktop.ui.controllers.removal_binding import fill_plan, fill_session, read_plan, read_session
from smp_desktop.ui.locale_format import format_date, format_long_date
from smp_desktop.ui.main_window import MainWindow
from smp_desktop.ui.photo_images import read_image
from smp_desktop.ui.removal_wording import score_text, tr
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
        self._rules: RemovalRules = removals.rules()
        view.sessions.today = view.plans.today = today()
        view.rules_problem.setText(removals.rules_problem)
        view.rules_problem.setVisible(bool(removals.rules_problem))
        self._client_id: int | None = None
        self._record: RemovalPlanRecord | None = None  # the saved plan shown, None for a new one
        self._loaded: RemovalPlanDraft | None = None  # the draft as last filled, to know about unsaved edits
        self._sources: list[PigmentSource] = []
        self._photo_records: list[PhotoRecord] = []
        self._session_row = -1
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
        client_id, record, draft = self._client_id, self._record, self._current_draft()
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
        return self._loaded is not None and self._current_draft() != self._loaded

    def current_draft(self) -> RemovalPlanDraft:
        return self._current_draft()

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
        view.method.currentIndexChanged.connect(self._on_method_changed)
        for combo in (
            view.fitzpatrick,
            view.kd_location,
            view.kd_colours,
            view.kd_amount,
            view.kd_scarring,
            view.kd_layering,
        ):
            combo.currentIndexChanged.connect(self._update_score)
        view.test_spot_on.edited.connect(self._update_dates)
        view.photo_list.doubleClicked.connect(self._on_photo_double_clicked)
        view.add_session_button.clicked.connect(self._on_add_session)
        view.remove_session_button.clicked.connect(self._on_remove_session)
        view.session_table.selectionModel().currentRowChanged.connect(self._on_session_picked)
        view.session_status.currentIndexChanged.connect(self._on_session_edited)
        view.session_planned_on.dateChanged.connect(self._on_session_edited)
        view.session_done_on.dateChanged.connect(self._on_session_edited)
        view.wavelength.currentIndexChanged.connect(self._on_session_edited)
        for spin in (view.fluence, view.spot_size, view.repetition):
            spin.valueChanged.connect(self._on_session_edited)
        view.interval_note.textEdited.connect(self._on_session_edited)
        view.session_notes.textEdited.connect(self._on_session_edited)

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
            self._show_problems([tr("The test spot date cannot be read; type it as the placeholder shows.")])
            return
        draft = self._current_draft()
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
            self._show_problems([tr("Save the plan's changes before completing it.")])
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
            self._show_problems([p.message for p in error.problems], error)
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
            self._show_problems([tr("Save the plan first: the document shows the saved plan.")])
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
        view = self._view
        keys = sorted({rule.aftercare for rule in self._rules.methods.values() if rule.aftercare})
        fill_plan(view, draft, keys)
        view.pigments.set_choices(self._sources, draft.targets)
        view.photos.set_photos(self._photo_records, [(p.photo_id, p.caption) for p in draft.photos])
        self._session_row = -1
        view.session_table.clearSelection()
        self._select_session(0 if draft.sessions else -1)
        self._clear_problems()
        self._show_editor(True)
        if record is None:
            view.plan_list.clearSelection()
        self._loaded = self._current_draft()
        self._update_score()
        self._update_dates()
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
        self._sources = sources
        chosen = self._view.pigments.chosen() if self._loaded is not None else ()
        self._view.pigments.set_choices(sources, chosen)
        self._view.pigment_empty.setVisible(not sources)
        if self._loaded is not None:
            self._loaded = self._loaded.replace(targets=self._view.pigments.chosen())

    def _keep_photos(self, client_id: int, records: list[PhotoRecord]) -> None:
        if client_id != self._client_id:
            return
        self._photo_records = records
        chosen = self._view.photos.chosen() if self._loaded is not None else ()
        self._view.photos.set_photos(records, chosen)
        self._view.photo_empty.setVisible(not records)
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

    def _on_photo_double_clicked(self, index: QModelIndex) -> None:
        if self._read_only or self._loaded is None:
            return
        photos = self._view.photos
        text, accepted = QInputDialog.getText(
            self._view.window(),
            tr("Assessment photo"),
            tr("Caption in the plan (e.g. before removal, after session 1):"),
            text=photos.caption(index.row()),
        )
        if accepted:
            photos.set_caption(index.row(), text)

    # --- live figures -----------------------------------------------------------------------------------------------
    def _update_score(self, *_args: Any) -> None:
        self._view.kd_score.setText(score_text(read_plan(self._view).kirby_desai))

    def _on_method_changed(self, *_args: Any) -> None:
        view = self._view
        method = view.method.value() or RemovalMethod.Q_SWITCHED_LASER
        previous = self._loaded.method if self._loaded is not None else method
        rule, old = self._rules.rule(method), self._rules.rule(previous)
        # The method's default texts follow the method while nobody has changed them.
        if view.risks.toPlainText().strip() in ("", old.risks):
            view.risks.setPlainText(rule.risks)
        if view.aftercare.currentData() in ("", old.aftercare):
            view.aftercare.setCurrentIndex(max(view.aftercare.findData(rule.aftercare), 0))
        if not method.is_laser:  # saline: no laser parameters on any session
            for row, entry in enumerate(view.sessions.sessions):
                view.sessions.replace(
                    row, entry.replace(wavelength_nm=None, fluence_j_cm2=None, spot_size_mm=None, repetition_hz=None)
                )
        self._select_session(self._session_row)
        self._update_dates()

    def _update_dates(self, *_args: Any) -> None:
        view = self._view
        draft = read_plan(view)
        rule = self._rules.rule(draft.method)
        dates = [s.dates for s in draft.sessions]
        found = interval_warnings(dates, rule, test_spot_on=draft.test_spot_on)
        view.sessions.set_warned({w.index: self._warning_text(w, rule.min_interval_days, draft) for w in found})
        lines = [self._warning_text(w, rule.min_interval_days, draft) for w in found]
        view.interval_warnings.setText("\n".join(lines))
        view.interval_warnings.setVisible(bool(lines))
        view.interval_hint.setText(
            tr("%1: at least %2 days apart, usually %3.")
            .replace("%1", view.method.currentText())
            .replace("%2", str(rule.min_interval_days))
            .replace("%3", str(rule.usual_interval_days))
        )
        earliest = earliest_new_smp(dates, rule)
        view.earliest_smp.setText(
            tr("%1 (%2 days after the last session)")
            .replace("%1", format_long_date(earliest))
            .replace("%2", str(rule.new_smp_after_days))
            if earliest is not None
            else tr("Plan the sessions to see it.")
        )

    def _warning_text(self, warning: IntervalWarning, min_days: int, draft: RemovalPlanDraft) -> str:
        number, day = str(warning.index + 1), format_date(warning.day)
        if warning.before_test_spot:
            text = tr("Session %1 on %2 comes before the test spot of %3: treat after its result.")
            text = text.replace("%3", format_date(warning.previous))
        else:
            text = tr(
                "Session %1 on %2 is %3 days after the session of %4; this method needs at least %5 days (from %6)."
            )
            text = (
                text.replace("%3", str((warning.day - warning.previous).days))
                .replace("%4", format_date(warning.previous))
                .replace("%5", str(min_days))
                .replace("%6", format_date(warning.earliest))
            )
        text = text.replace("%1", number).replace("%2", day)
        if not draft.sessions[warning.index].interval_note:
            text += " " + tr("Move it, or write why it is sooner.")
        return text

    # --- sessions ---------------------------------------------------------------------------------------------------
    def _on_add_session(self) -> None:
        view = self._view
        draft = read_plan(view)
        rule = self._rules.rule(draft.method)
        start = next_date([s.dates for s in draft.sessions], rule, self._today())
        if draft.test_spot_on is not None and not draft.sessions:
            start = max(start, draft.test_spot_on)
        row = view.sessions.append(RemovalSessionEntry(planned_on=start))
        self._select_session(row)
        self._update_dates()
        self._refresh_buttons()

    def _on_remove_session(self) -> None:
        entry = self._view.sessions.session_at(self._session_row)
        if entry is None or entry.status is RemovalSessionStatus.DONE:
            return
        self._view.sessions.remove(self._session_row)
        self._session_row = -1
        self._select_session(min(self._view.sessions.rowCount() - 1, max(self._session_row, 0)))
        self._update_dates()
        self._refresh_buttons()

    def _on_session_picked(self, current: Any, _previous: Any) -> None:
        row = current.row() if current.isValid() else -1
        if row != self._session_row:
            self._session_row = row
            self._fill_session_panel()

    def _select_session(self, row: int) -> None:
        view = self._view
        self._session_row = row
        if row >= 0:
            view.session_table.selectRow(row)
        self._fill_session_panel()

    def _fill_session_panel(self) -> None:
        draft_method = self._view.method.value() or RemovalMethod.Q_SWITCHED_LASER
        fill_session(
            self._view, self._view.sessions.session_at(self._session_row), self._rules.rule(draft_method), self._today()
        )
        self._refresh_buttons()

    def _on_session_edited(self, *_args: Any) -> None:
        view = self._view
        entry = view.sessions.session_at(self._session_row)
        if entry is None:
            return
        changed = read_session(view, entry)
        if changed.status is RemovalSessionStatus.DONE and entry.status is not RemovalSessionStatus.DONE:
            view.session_done_on.setEnabled(True)
        view.session_done_on.setEnabled(changed.status is RemovalSessionStatus.DONE)
        view.sessions.replace(self._session_row, changed)
        self._update_dates()
        self._refresh_buttons()

    # --- helpers ----------------------------------------------------------------------------------------------------
    def _current_draft(self) -> RemovalPlanDraft:
        return read_plan(self._view)

    def _show_problems(self, messages: list[str], error: ValidationFailed | None = None) -> None:
        view = self._view
        self._clear_problems()
        if error is not None:
            for section in (
                view.plan_section,
                view.assessment_section,
                view.test_spot_section,
                view.sessions_section,
                view.pigment_section,
                view.photo_section,
                view.risks_section,
            ):
                for name, label in section.errors.items():
                    message = error.for_field(name)
                    if message:
                        label.show_message(message)
        view.save_problems.setText("\n".join(messages))
        view.save_problems.show()

    def _clear_problems(self) -> None:
        view = self._view
        for section in (
            view.plan_section,
            view.assessment_section,
            view.test_spot_section,
            view.sessions_section,
            view.pigment_section,
            view.photo_section,
            view.risks_section,
        ):
            for label in section.errors.values():
                label.clear_message()
        view.save_problems.clear()
        view.save_problems.hide()

    def _refresh_buttons(self) -> None:
        view, record = self._view, self._record
        writable = not self._read_only
        editing = self._loaded is not None
        closed = record is not None and record.draft.status in (
            RemovalPlanStatus.COMPLETED,
            RemovalPlanStatus.CANCELLED,
        )
        entry = view.sessions.session_at(self._session_row)
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

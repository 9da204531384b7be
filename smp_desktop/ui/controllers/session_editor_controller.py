"""The session editor's behaviour: start from the suggestion or a saved session, show the spacing and overlap
warnings as the date, kind or artist change, save (or save and mark completed) through the runner with the
problems under their fields, copy zones from the previous session, and guard unsaved changes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QModelIndex, QObject, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QMessageBox

from smp_desktop.core.domain import SessionKind, SessionStatus
from smp_desktop.core.services.access import Actor, Permission
from smp_desktop.core.services.errors import FieldProblem, ValidationFailed
from smp_desktop.core.services.ink import InkService
from smp_desktop.core.services.ink_data import LotRecord, MixRecord
from smp_desktop.core.services.session_data import (
    CourseSummary,
    ScheduleWarning,
    SessionDraft,
    SessionRecord,
    ZoneEntry,
)
from smp_desktop.core.services.session_schedule import default_minutes
from smp_desktop.core.services.sessions import ScheduleConflict, SessionService
from smp_desktop.core.services.studio import StaffInfo
from smp_desktop.ui.background import Runner
from smp_desktop.ui.controllers.session_editor_binding import fill_artists, read_draft, snapshot, write_draft
from smp_desktop.ui.dialogs import unsaved_changes
from smp_desktop.ui.dialogs.lot_override_dialog import LotOverrideDialog
from smp_desktop.ui.dialogs.session_editor import SessionEditorDialog
from smp_desktop.ui.models.zone_table_model import PROBLEM_COLUMNS, ZONE
from smp_desktop.ui.problem_text import problem_text
from smp_desktop.ui.session_wording import duration_text, suggestion_text, warning_text
from smp_desktop.ui.views.form_widgets import mark_invalid
from smp_desktop.ui.views.zone_delegates import LotDelegate
from smp_desktop.ui.vocabulary import label


class SessionEditorController(QObject):
    saved = Signal(object)  # SessionRecord, after a create or an update

    def __init__(
        self,
        dialog: SessionEditorDialog,
        sessions: SessionService,
        actor: Actor,
        runner: Runner,
        staff: list[StaffInfo],
        *,
        today: Callable[[], date] = date.today,
        read_only: bool = False,
        ink: InkService | None = None,
    ) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.view = dialog.view
        self._sessions = sessions
        self._actor = actor
        self._runner = runner
        self._staff = staff
        self._today = today
        self._can_book = actor.can(Permission.BOOK_SESSIONS) and not read_only
        self._can_record = actor.can(Permission.RECORD_TREATMENT) and not read_only
        self._sees_health = actor.can(Permission.VIEW_HEALTH)
        self._client_id = 0
        self._client_name = ""
        self._record: SessionRecord | None = None
        self._completing = False
        self._baseline: tuple[object, ...] = ()
        self._loading = False
        self._busy = False
        self._warnings: tuple[ScheduleWarning, ...] = ()
        self._ink = ink if ink is not None and actor.can(Permission.VIEW_INK) else None
        self._lots: list[LotRecord] = []
        self.override_dialog: LotOverrideDialog | None = None  # the "use this lot anyway?" question now open
        self._connect_signals()
        if self._ink is not None:
            self.view.use_lot_picker(LotDelegate(lambda: self._lots, self._confirm_lot, self.view.zone_table))
        dialog.set_close_guard(self.confirm_close)

    # --- starting -------------------------------------------------------------------------------------------
    def start_new(self, course: CourseSummary) -> None:
        self._client_id, self._client_name, self._record = course.client_id, course.client_name, None
        suggestion = course.suggestion
        draft = SessionDraft(
            kind=suggestion.kind,
            starts_at=suggestion.starts_at,
            duration_minutes=suggestion.duration_minutes,
            artist_id=suggestion.artist_id,
        )
        fill_artists(self.view, self._staff)
        self._load(draft)
        self.view.subtitle_label.setText(suggestion_text(suggestion))
        self.view.date.setFocus()

    def start_existing(
        self, record: SessionRecord, *, completing: bool = False, problems: Sequence[FieldProblem] = ()
    ) -> None:
        self._client_id, self._client_name, self._record = record.client_id, record.client_name, record
        self._completing = completing and record.status is SessionStatus.PLANNED
        keep = (record.draft.artist_id, record.artist_name) if record.draft.artist_id is not None else None
        fill_artists(self.view, self._staff, keep)
        self._load(record.draft)
        if record.status is SessionStatus.CANCELLED:
            self.view.subtitle_label.setText(self.tr("Cancelled: %1").replace("%1", record.cancel_reason))
        elif self._completing:
            self.view.subtitle_label.setText(
                self.tr("Record the health re-confirmation and what was done, then mark the session completed.")
            )
        else:
            self.view.subtitle_label.setText(self.tr("Session #%1").replace("%1", str(record.id)))
        if problems:
            self._show_problems(problems)

    # --- the dialog's close guard ---------------------------------------------------------------------------
    @property
    def is_dirty(self) -> bool:
        return snapshot(self.view) != self._baseline

    def confirm_close(self, close_now: Callable[[], None]) -> bool:
        if self._busy:
            return False
        if not self.is_dirty or not self._can_book:
            return True
        name = f"{label(read_draft(self.view)[0].kind)} · {self._client_name}"
        choice = unsaved_changes.UnsavedChangesDialog(name, self.dialog).ask()
        if choice is unsaved_changes.UnsavedChoice.SAVE:
            self._save(complete=self._completing, then=close_now)
            return False
        return choice is unsaved_changes.UnsavedChoice.DISCARD

    # --- signals --------------------------------------------------------------------------------------------
    def _connect_signals(self) -> None:
        view = self.view
        view.save_button.clicked.connect(self._on_save_clicked)
        view.complete_button.clicked.connect(self._on_complete_clicked)
        view.close_button.clicked.connect(self.dialog.reject)
        view.add_zone_button.clicked.connect(self._on_add_zone)
        view.remove_zone_button.clicked.connect(self._on_remove_zone)
        view.copy_zones_button.clicked.connect(self._on_copy_zones)
        view.reuse_mix_button.clicked.connect(self._on_reuse_mix)
        view.zone_table.selectionModel().currentChanged.connect(self._on_zone_current_changed)
        view.kind.currentIndexChanged.connect(self._on_kind_changed)
        for signal in (
            view.kind.currentIndexChanged,
            view.date.dateChanged,
            view.time.timeChanged,
            view.duration.valueChanged,
            view.artist.currentIndexChanged,
        ):
            signal.connect(self._on_schedule_edited)
        for field, editor in view.editors.items():
            if isinstance(editor, QLineEdit):
                editor.textChanged.connect(self._notifier(field))
        view.health_changes.textChanged.connect(self._notifier("health_changes"))
        view.notes.textChanged.connect(self._notifier("notes"))
        view.health_group.buttonToggled.connect(self._on_health_toggled)
        view.accept_overlap.toggled.connect(self._notifier(None))
        zones = view.zone_model
        for zone_signal in (zones.dataChanged, zones.rowsInserted, zones.rowsRemoved, zones.modelReset):
            zone_signal.connect(self._notifier("zones"))

    def _notifier(self, field: str | None) -> Callable[..., None]:
        def notify(*_args: object) -> None:
            if not self._loading:
                self._on_field_edited(field)

        return notify

    def _on_field_edited(self, field: str | None) -> None:
        error = self.view.errors.get(field or "")
        if field is not None and error is not None and error.isVisible():
            error.clear_message()
            mark_invalid(self.view.editors[field], False)
        self._refresh_state()

    def _on_schedule_edited(self, *_args: object) -> None:
        if self._loading:
            return
        self._on_field_edited("starts_at")
        self.view.accept_overlap.setChecked(False)  # a new time or artist is a new question
        self._check_schedule()
        self._load_lots(read_draft(self.view)[0])  # lots are judged on the session's day

    def _on_kind_changed(self, *_args: object) -> None:
        if self._loading or self._record is not None:
            return
        # A new booking takes the usual length of its kind (a consultation is an hour, a session three).
        kind = SessionKind(self.view.kind.currentData())
        self.view.duration.setValue(default_minutes(kind))

    def _on_health_toggled(self, *_args: object) -> None:
        self.view.health_changes.setEnabled(self.view.health_changed.isChecked() and self._can_record)
        if not self._loading:
            self._on_field_edited("health_unchanged")

    def _on_save_clicked(self) -> None:
        self._save(complete=self._completing)

    def _on_complete_clicked(self) -> None:
        self._save(complete=True)

    def _on_add_zone(self) -> None:
        model, table = self.view.zone_model, self.view.zone_table
        row = model.add_zone(model.unused_zone())
        index = model.index(row, ZONE)
        table.setCurrentIndex(index)
        table.setFocus()
        table.edit(index)

    def _on_remove_zone(self) -> None:
        self.view.zone_model.remove_zone(self.view.zone_table.currentIndex().row())

    # --- the ink register: lots and mixes -------------------------------------------------------------------
    def _load_lots(self, draft: SessionDraft) -> None:
        ink = self._ink
        if ink is None:
            return
        on = draft.starts_at.astimezone().date()
        keep = next((z.lot_id for z in draft.zones if z.lot_id is not None), None)
        actor = self._actor

        def show(lots: list[LotRecord]) -> None:
            self._lots = lots
            self.view.zone_model.set_lots(lots)

        self._runner.run(lambda: _picker_lots(ink, actor, on, keep, draft), on_done=show, latest_only="lot-picker")

    def _confirm_lot(self, row: int, lot: LotRecord) -> None:
        """A lot that may not be used was picked: ask for the reason; only then is it set on the zone."""
        entries, _ = self.view.zone_model.entries()
        zone_name = label(entries[row].zone) if 0 <= row < len(entries) else ""
        dialog = LotOverrideDialog(lot, zone_name, self.dialog)
        self.override_dialog = dialog

        def finished(result: int) -> None:
            if result == LotOverrideDialog.DialogCode.Accepted:
                self.view.zone_model.set_lot(row, lot.id, dialog.reason_text)
            self.override_dialog = None
            dialog.deleteLater()

        dialog.finished.connect(finished)
        # Opened once the cell's editor has closed (this runs while the table commits the editor's data).
        QTimer.singleShot(0, dialog.open)

    def _on_reuse_mix(self) -> None:
        ink, client_id = self._ink, self._client_id
        if ink is None:
            return
        self._runner.run(lambda: ink.client_mixes(self._actor, client_id), on_done=self._on_mixes_found)

    def _on_mixes_found(self, mixes: list[MixRecord]) -> None:
        if not mixes:
            QMessageBox.information(
                self.dialog,
                self.tr("No mix to reuse"),
                self.tr("This client has no completed session with zones yet: there is no earlier mix."),
            )
            return
        # The product's first usable lot (the picker lists usable lots first).
        usable: dict[int, int] = {}
        for lot in self._lots:
            if lot.usable:
                usable.setdefault(lot.draft.product_id, lot.id)
        self.view.zone_model.apply_mixes(mixes, usable)

    def _on_zone_current_changed(self, *_args: object) -> None:
        valid = self.view.zone_table.currentIndex().isValid()
        self.view.remove_zone_button.setEnabled(valid and self._can_record and self._editable)

    def _on_copy_zones(self) -> None:
        before = self._record.draft.starts_at if self._record is not None else None
        client_id = self._client_id
        self._runner.run(
            lambda: self._sessions.previous_zones(self._actor, client_id, before=before), on_done=self._on_zones_found
        )

    def _on_zones_found(self, zones: tuple[ZoneEntry, ...]) -> None:
        if not zones:
            QMessageBox.information(
                self.dialog,
                self.tr("No zones to copy"),
                self.tr("This client has no earlier completed session with zones."),
            )
            return
        model = self.view.zone_model
        current, _ = model.entries()
        model.set_zones((*current, *zones))  # added after any typed already: nothing typed is lost

    # --- warnings -------------------------------------------------------------------------------------------
    def _check_schedule(self) -> None:
        if not self._editable:
            return
        draft, _ = read_draft(self.view)
        client_id = self._client_id
        session_id = self._record.id if self._record is not None else None
        self._runner.run(
            lambda: self._sessions.schedule_warnings(self._actor, client_id, draft, session_id=session_id),
            on_done=self._show_warnings,
            latest_only="session-editor-schedule",
        )

    def _show_warnings(self, warnings: tuple[ScheduleWarning, ...]) -> None:
        self._warnings = warnings
        by_code = {w.code: w for w in warnings}
        spacing, overlap = by_code.get("spacing_too_soon"), by_code.get("artist_overlap")
        booking_moved = self._record is None or self._booking_changed()
        self._show_panel(self.view.spacing_panel, spacing if booking_moved or self.view.spacing_note.text() else None)
        self._show_panel(self.view.overlap_panel, overlap if booking_moved else None)

    def _show_panel(self, panel: QObject, warning: ScheduleWarning | None) -> None:
        from smp_desktop.ui.views.session_editor_view import ScheduleWarningPanel

        assert isinstance(panel, ScheduleWarningPanel)
        if warning is None:
            panel.hide()
            return
        panel.text.setText(warning_text(warning))
        panel.show()

    def _booking_changed(self) -> bool:
        if self._record is None:
            return True
        draft, stored = read_draft(self.view)[0], self._record.draft
        return (draft.kind, draft.starts_at, draft.duration_minutes, draft.artist_id) != (
            stored.kind,
            stored.starts_at,
            stored.duration_minutes,
            stored.artist_id,
        )

    # --- saving ---------------------------------------------------------------------------------------------
    def _save(self, *, complete: bool, then: Callable[[], None] | None = None) -> None:
        if self._busy or not self._editable:
            return
        table = self.view.zone_table
        if table.state() == QAbstractItemView.State.EditingState:
            table.setCurrentIndex(QModelIndex())  # commits the cell being typed in (Save may not take the focus)
        self._clear_problems()
        draft, problems = read_draft(self.view)
        if problems:
            self._show_problems(problems)
            return
        accept_overlap = self.view.accept_overlap.isChecked()
        record, client_id = self._record, self._client_id
        if record is None:
            work = lambda: self._sessions.create(  # noqa: E731
                self._actor, client_id, draft, complete=complete, accept_overlap=accept_overlap
            )
        else:
            work = lambda: self._sessions.update(  # noqa: E731
                self._actor, record.id, draft, complete=complete, accept_overlap=accept_overlap
            )
        self._set_busy(True)

        def done(saved: SessionRecord) -> None:
            self._set_busy(False)
            self._record = saved
            self._baseline = snapshot(self.view)
            self.saved.emit(saved)
            self.dialog.close_without_asking()
            if then is not None:
                then()

        def failed(error: Exception) -> None:
            self._set_busy(False)
            if isinstance(error, ValidationFailed):
                self._show_problems(error.problems)
            elif isinstance(error, ScheduleConflict):
                self._show_panel(self.view.overlap_panel, error.warning)
                self.view.accept_overlap.setFocus()
            else:
                self._runner.report_error(error)

        self._runner.run(work, on_done=done, on_error=failed, writes=True)

    # --- problems next to their fields ----------------------------------------------------------------------
    def _show_problems(self, problems: Sequence[FieldProblem]) -> None:
        by_field: dict[str, list[str]] = {}
        cells = []
        for problem in problems:
            if problem.field == "zones" and problem.param("number"):
                row = int(problem.param("number")) - 1
                cells.append((row, PROBLEM_COLUMNS.get(problem.param("column"), ZONE)))
                text = problem_text(problem) if problem.code else problem.message
                if problem.code:
                    text = self.tr("Zone %1: %2").replace("%1", problem.param("number")).replace("%2", text)
                by_field.setdefault("zones", []).append(text)
                continue
            if problem.code == "spacing_reason_required":
                self._show_panel(self.view.spacing_panel, ScheduleWarning("spacing_too_soon", "", problem.params))
            by_field.setdefault(problem.field, []).append(problem_text(problem))
        self.view.zone_model.mark_invalid(cells)
        elsewhere = [m for field, messages in by_field.items() if field not in self.view.errors for m in messages]
        first = None
        for field, error in self.view.errors.items():
            if field in by_field:
                error.show_message("\n".join(by_field[field]))
                mark_invalid(self.view.editors[field], True)
                first = first or self.view.editors[field]
        if first is not None:
            self.view.scroll_area.ensureWidgetVisible(first, 50, 80)
            first.setFocus()
        if elsewhere:
            QMessageBox.warning(self.dialog, self.tr("Not saved"), "\n".join(elsewhere))

    def _clear_problems(self) -> None:
        for field, error in self.view.errors.items():
            error.clear_message()
            mark_invalid(self.view.editors[field], False)
        self.view.zone_model.mark_invalid(())

    # --- showing state --------------------------------------------------------------------------------------
    @property
    def _editable(self) -> bool:
        record = self._record
        if not self._can_book or (record is not None and record.status is SessionStatus.CANCELLED):
            return False
        return record is None or record.status is SessionStatus.PLANNED or self._can_record

    def _load(self, draft: SessionDraft) -> None:
        self._loading = True
        try:
            write_draft(self.view, draft)
        finally:
            self._loading = False
        self._apply_permissions()
        self._clear_problems()
        self.view.spacing_panel.hide()
        self.view.overlap_panel.hide()
        self._baseline = snapshot(self.view)
        self._refresh_state()
        self._check_schedule()
        self._load_lots(draft)

    def _apply_permissions(self) -> None:
        view, editable = self.view, self._editable
        records = editable and self._can_record
        for widget in (view.kind, view.date, view.time, view.duration, view.artist, view.accept_overlap):
            widget.setEnabled(editable)
        for line in (view.spacing_note, view.numbing, view.skin_reaction):
            line.setReadOnly(not (editable if line is view.spacing_note else records))
        view.notes.setReadOnly(not editable)
        view.health_changes.setReadOnly(not records)
        view.health_unchanged.setEnabled(records)
        view.health_changed.setEnabled(records)
        view.health_changes.setEnabled(records and view.health_changed.isChecked())
        shows_health = self._sees_health and self._can_record
        for answer in (view.health_unchanged, view.health_changed, view.health_changes):
            answer.setVisible(shows_health)
        view.health_hidden_note.setVisible(not shows_health)
        view.zone_model.set_editable(records)
        view.zone_table.setEditTriggers(
            view.zone_edit_triggers if records else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        view.add_zone_button.setEnabled(records)
        view.copy_zones_button.setEnabled(records)
        view.reuse_mix_button.setVisible(self._ink is not None)
        view.reuse_mix_button.setEnabled(records)
        view.remove_zone_button.setEnabled(False)
        view.save_button.setVisible(editable)
        record = self._record
        view.complete_button.setVisible(records and (record is None or record.status is SessionStatus.PLANNED))
        view.close_button.setText(self.tr("Cancel") if editable else self.tr("Close"))

    def _refresh_state(self) -> None:
        view, record = self.view, self._record
        draft, _ = read_draft(view)
        creating = record is None
        dirty = self.is_dirty
        status = SessionStatus.PLANNED if record is None else record.status
        verb = self.tr("Complete %1") if self._completing else "%1"
        view.title_label.setText(f"{verb.replace('%1', label(draft.kind))} · {self._client_name}")
        self.dialog.setWindowTitle(
            (self.tr("New session") if creating else label(draft.kind)) + f" — {self._client_name}"
        )
        view.status_badge.setText(self.tr("New") if creating else label(status))
        view.status_badge.setProperty("status", status.value)
        view.status_badge.style().unpolish(view.status_badge)
        view.status_badge.style().polish(view.status_badge)
        view.unsaved_label.setVisible(dirty and not creating)
        view.save_button.setEnabled(not self._busy and (dirty or creating))
        view.complete_button.setEnabled(not self._busy)
        default = view.complete_button if self._completing else view.save_button
        default.setDefault(True)
        view.duration_note.setText(duration_text(view.duration.value()))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._refresh_state()


def _picker_lots(ink: InkService, actor: Actor, on: date, keep: int | None, draft: SessionDraft) -> list[LotRecord]:
    """The picker's lots judged on the session's day, plus any lot the zones already name (even used up)."""
    lots = ink.picker_lots(actor, on=on, include_id=keep)
    have = {lot.id for lot in lots}
    for zone in draft.zones:
        if zone.lot_id is not None and zone.lot_id not in have:
            lots.append(ink.lot(actor, zone.lot_id))
            have.add(zone.lot_id)
    return lots

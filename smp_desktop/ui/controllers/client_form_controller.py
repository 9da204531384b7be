"""The client page's behaviour: load a client or start a new one, track edits, save with validation and the
duplicate check, archive or restore, and guard unsaved changes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QMessageBox

from smp_desktop.core.services.access import Actor, Permission
from smp_desktop.core.services.client_data import ClientDraft, ClientRecord, SuitabilityConcern, display_name
from smp_desktop.core.services.client_validation import age_on, suitability_concerns
from smp_desktop.core.services.clients import ClientService, PossibleDuplicate
from smp_desktop.core.services.errors import FieldProblem, ValidationFailed
from smp_desktop.ui.background import Runner
from smp_desktop.ui.controllers.client_form_binding import (
    comparable,
    read_draft,
    unreadable_fields,
    write_draft,
)
from smp_desktop.ui.dialogs import duplicates, unsaved_changes
from smp_desktop.ui.locale_format import age_text, date_placeholder, format_long_date, parse_date
from smp_desktop.ui.models.scar_table_model import LOCATION
from smp_desktop.ui.problem_text import problem_text
from smp_desktop.ui.views.client_form_view import ClientFormView
from smp_desktop.ui.views.form_widgets import mark_invalid

Then = Callable[[], None]


def concern_text(concern: SuitabilityConcern, draft: ClientDraft, today: date) -> str:
    """The concern in the user's language (the service's message is the fallback for codes added later)."""
    translate = QCoreApplication.translate
    if concern.code == "keep_long_hair":
        return translate(
            "Suitability", "Wants to keep long hair: SMP only looks right with the hair shaved or very short."
        )
    if concern.code == "temporary_alopecia":
        return translate("Suitability", "Alopecia may be temporary: regrowth can make treated areas look darker.")
    if concern.code == "under_18" and draft.date_of_birth is not None:
        age = age_on(draft.date_of_birth, today)
        return translate("Suitability", "Under 18 (age %1): cannot be treated.").replace("%1", str(age))
    return concern.message


class ClientFormController(QObject):
    saved = Signal(object)  # ClientRecord, after a create or an update
    archived_changed = Signal(object)  # ClientRecord, after archive or restore
    open_requested = Signal(int)  # the user chose an existing client in the duplicate dialog
    state_changed = Signal()  # the open record, its archived flag or the unsaved state changed

    def __init__(
        self,
        view: ClientFormView,
        clients: ClientService,
        actor: Actor,
        runner: Runner,
        *,
        today: Callable[[], date] = date.today,
        default_country: str = "",
        read_only: bool = False,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._read_only = read_only  # the studio cannot be written: fields locked, Save and Archive stay off
        if read_only:
            view.make_read_only()
        self._clients = clients
        self._actor = actor
        view.set_health_visible(actor.can(Permission.VIEW_HEALTH))
        self._runner = runner
        self._today = today
        self._default_country = default_country
        self._record: ClientRecord | None = None
        self._baseline = ClientDraft()
        self._loading = False
        self._busy = False
        self._dirty = False
        self._connect_signals()
        self._refresh_state()

    # --- what other controllers use -------------------------------------------------------------------------
    @property
    def record(self) -> ClientRecord | None:
        return self._record

    @property
    def current_id(self) -> int | None:
        return self._record.id if self._record is not None else None

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    def open_client(self, client_id: int) -> None:
        self._runner.run(
            lambda: self._clients.get(self._actor, client_id), on_done=self.show_record, latest_only="client-page"
        )

    def show_record(self, record: ClientRecord) -> None:
        self._record = record
        self._load(record.draft)

    def new_client(self) -> None:
        self._record = None
        self._load(ClientDraft(country=self._default_country))
        self._view.first_name.setFocus()

    def revert(self) -> None:
        self._load(self._baseline)

    def save(self, then: Callable[[ClientRecord], None] | None = None, on_failed: Then | None = None) -> None:
        self._clear_problems()
        problems = unreadable_fields(self._view)
        if problems:
            self._show_problems(problems)
            if on_failed is not None:
                on_failed()
            return
        self._save(read_draft(self._view), allow_duplicate=False, then=then, on_failed=on_failed)

    def toggle_archived(self) -> None:
        record = self._record
        if record is None or self._busy:
            return
        self._set_busy(True)
        self._runner.run(
            lambda: self._clients.set_archived(self._actor, record.id, not record.archived),
            on_done=self._on_archived,
            on_error=self._on_write_failed,
            writes=True,
        )

    def confirm_leave(self, then: Then, on_cancel: Then | None = None) -> None:
        """Run `then` once the open client's changes are saved or discarded; `on_cancel` if the user stays."""
        if not self._dirty:
            then()
            return
        name = self._record.display_name if self._record else ""
        choice = unsaved_changes.UnsavedChangesDialog(name, self._view.window()).ask()
        if choice is unsaved_changes.UnsavedChoice.SAVE:
            self.save(then=lambda _record: then(), on_failed=on_cancel)
        elif choice is unsaved_changes.UnsavedChoice.DISCARD:
            self.revert()
            then()
        elif on_cancel is not None:
            on_cancel()

    # --- signals --------------------------------------------------------------------------------------------
    def _connect_signals(self) -> None:
        view = self._view
        view.save_button.clicked.connect(self._on_save_clicked)
        view.revert_button.clicked.connect(self.revert)
        view.archive_button.clicked.connect(self.toggle_archived)
        view.scars.add_button.clicked.connect(self._on_add_scar)
        view.scars.remove_button.clicked.connect(self._on_remove_scar)
        view.scars.table.selectionModel().currentRowChanged.connect(self._on_scar_row_changed)
        view.date_of_birth.edited.connect(self._on_date_of_birth_edited)
        for name, editor in view.editors.items():
            if name == "reasons":
                continue  # several boxes, connected below
            notify = self._edit_notifier(name)
            if isinstance(editor, QLineEdit):
                editor.textEdited.connect(notify)
            elif isinstance(editor, QComboBox):
                editor.currentIndexChanged.connect(notify)
            elif isinstance(editor, QAbstractButton):
                editor.toggled.connect(notify)
        for box in view.reasons.values():
            box.toggled.connect(self._edit_notifier("reasons"))
        view.notes.textChanged.connect(self._edit_notifier("notes"))
        scars = view.scars.model
        for signal in (scars.dataChanged, scars.rowsInserted, scars.rowsRemoved, scars.modelReset):
            signal.connect(self._edit_notifier("scars"))

    def _edit_notifier(self, field: str) -> Callable[..., None]:
        def notify(*_args: object) -> None:
            if not self._loading:
                self._on_field_edited(field)

        return notify

    def _on_field_edited(self, field: str) -> None:
        error = self._view.errors.get(field)
        if error is not None and error.isVisible():
            error.clear_message()
            mark_invalid(self._view.editors[field], False)
        self._refresh_state()

    def _on_date_of_birth_edited(self) -> None:
        self._update_age_note()

    def _on_save_clicked(self) -> None:
        self.save()

    def _on_add_scar(self) -> None:
        table = self._view.scars.table
        row = self._view.scars.model.add_scar()
        index = self._view.scars.model.index(row, LOCATION)
        table.setCurrentIndex(index)
        table.setFocus()
        table.edit(index)

    def _on_remove_scar(self) -> None:
        self._view.scars.model.remove_scar(self._view.scars.table.currentIndex().row())

    def _on_scar_row_changed(self, *_args: object) -> None:
        self._view.scars.remove_button.setEnabled(
            self._view.scars.table.currentIndex().isValid() and not self._read_only
        )

    # --- saving ---------------------------------------------------------------------------------------------
    def _save(
        self,
        draft: ClientDraft,
        *,
        allow_duplicate: bool,
        then: Callable[[ClientRecord], None] | None,
        on_failed: Then | None,
    ) -> None:
        record = self._record
        if record is None:
            work = lambda: self._clients.create(self._actor, draft, allow_duplicate=allow_duplicate)  # noqa: E731
        else:
            work = lambda: self._clients.update(self._actor, record.id, draft)  # noqa: E731
        self._set_busy(True)

        def done(saved: ClientRecord) -> None:
            self._set_busy(False)
            self.show_record(saved)
            self.saved.emit(saved)
            if then is not None:
                then(saved)

        def failed(error: Exception) -> None:
            self._set_busy(False)
            if isinstance(error, PossibleDuplicate):
                self._on_possible_duplicate(error, draft, then, on_failed)
                return
            if isinstance(error, ValidationFailed):
                self._show_problems(error.problems)
            else:
                self._runner.report_error(error)
            if on_failed is not None:
                on_failed()

        self._runner.run(work, on_done=done, on_error=failed, writes=True)

    def _on_possible_duplicate(
        self,
        error: PossibleDuplicate,
        draft: ClientDraft,
        then: Callable[[ClientRecord], None] | None,
        on_failed: Then | None,
    ) -> None:
        dialog = duplicates.DuplicateDialog(error.matches, self._view.window())
        choice = dialog.choose()
        if choice is duplicates.DuplicateChoice.CREATE_ANYWAY:
            self._save(draft, allow_duplicate=True, then=then, on_failed=on_failed)
        elif choice is duplicates.DuplicateChoice.OPEN_EXISTING:
            self._load(self._baseline)  # the typed copy is dropped: the existing record is the client
            self.open_requested.emit(dialog.chosen_match().id)
        elif on_failed is not None:
            on_failed()

    def _on_archived(self, record: ClientRecord) -> None:
        self._set_busy(False)
        self._record = record
        self._refresh_state()
        self.archived_changed.emit(record)

    def _on_write_failed(self, error: Exception) -> None:
        self._set_busy(False)
        self._runner.report_error(error)

    # --- problems next to their fields ----------------------------------------------------------------------
    def _show_problems(self, problems: Sequence[FieldProblem]) -> None:
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            by_field.setdefault(problem.field, []).append(problem_text(problem))
        elsewhere = [m for field, messages in by_field.items() if field not in self._view.errors for m in messages]
        first = None
        for field, error in self._view.errors.items():  # in the order the form shows them
            if field in by_field:
                error.show_message("\n".join(by_field[field]))
                mark_invalid(self._view.editors[field], True)
                first = first or self._view.editors[field]
        if first is not None:
            self._view.scroll_area.ensureWidgetVisible(first, 50, 80)
            first.setFocus()
        if elsewhere:
            QMessageBox.warning(self._view.window(), self.tr("Not saved"), "\n".join(elsewhere))

    def _clear_problems(self) -> None:
        for field, error in self._view.errors.items():
            error.clear_message()
            mark_invalid(self._view.editors[field], False)

    # --- showing state --------------------------------------------------------------------------------------
    def _load(self, draft: ClientDraft) -> None:
        self._loading = True
        try:
            write_draft(self._view, draft)
        finally:
            self._loading = False
        self._baseline = draft
        self._clear_problems()
        self._update_age_note()
        self._refresh_state()
        self._view.scroll_area.verticalScrollBar().setValue(0)

    def _refresh_state(self) -> None:
        view, record = self._view, self._record
        draft = read_draft(view)
        dirty = comparable(draft) != comparable(self._baseline) or not view.date_of_birth.is_readable()
        creating = record is None
        name = display_name(draft.first_name, draft.last_name, draft.preferred_name)
        view.name_label.setText(name or (self.tr("New client") if creating else self.tr("Unnamed client")))
        if record is None:
            view.subtitle_label.setText(self.tr("New client · not saved yet"))
        else:
            view.subtitle_label.setText(
                self.tr("Client #%1 · added %2")
                .replace("%1", str(record.id))
                .replace("%2", format_long_date(record.created_at.astimezone()))
            )
        archived = record is not None and record.archived
        view.archived_badge.setVisible(archived)
        view.unsaved_label.setVisible(dirty and not creating)
        can_edit = self._actor.can(Permission.EDIT_CLIENTS) and not self._read_only
        view.save_button.setEnabled(can_edit and not self._busy and (dirty or creating))
        view.revert_button.setEnabled(dirty and not self._busy)
        view.archive_button.setText(self.tr("Restore") if archived else self.tr("Archive"))
        can_archive = self._actor.can(Permission.ARCHIVE_CLIENTS) and not self._read_only
        view.archive_button.setEnabled(not creating and not self._busy and can_archive)
        today = self._today()
        if draft.date_of_birth is not None and draft.date_of_birth > today:
            draft = draft.replace(date_of_birth=None)  # a typing slip, reported on save; not "under 18"
        view.banner.set_concerns([concern_text(c, draft, today) for c in suitability_concerns(draft, today=today)])
        self._dirty = dirty
        self.state_changed.emit()

    def _update_age_note(self) -> None:
        field = self._view.date_of_birth
        born = parse_date(field.text())
        if born is not None:
            field.note.setText(age_text(born, self._today()))
        elif field.text():
            field.note.setText(self.tr("type as %1").replace("%1", date_placeholder()))
        else:
            field.note.clear()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._refresh_state()

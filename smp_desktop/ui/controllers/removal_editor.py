"""The Removal tab's plan editor: shows one plan's draft and keeps its live parts as it is edited: the Kirby-Desai
score, the method's default risks and aftercare text following the method, the sessions table with the selected
session's parameters, the interval warnings and the earliest date for new SMP, captions on assessment photos, and
the save problems under their fields. It calls no service; the tab's controller (removal_controller.py) loads,
saves and switches plans, and refreshes its buttons when `changed` is emitted."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Signal
from PySide6.QtWidgets import QInputDialog

from smp_desktop.core.removal import IntervalWarning, RemovalRules, earliest_new_smp, interval_warnings, next_date
from smp_desktop.core.removal_vocabulary import RemovalMethod, RemovalSessionStatus
from smp_desktop.core.services.errors import ValidationFailed
from smp_desktop.core.services.photo_data import PhotoRecord
from smp_desktop.core.services.removal_data import PigmentSource, RemovalPlanDraft, RemovalSessionEntry
from smp_desktop.ui.controllers.removal_binding import fill_plan, fill_session, read_plan, read_session
from smp_desktop.ui.locale_format import format_date, format_long_date
from smp_desktop.ui.removal_wording import score_text, tr
from smp_desktop.ui.views.form_widgets import FormSection
from smp_desktop.ui.views.removal_tab_view import RemovalTabView


class RemovalPlanEditor(QObject):
    """`loaded()` is the draft as last shown (None while no plan is open): the method's default texts follow the
    method only while nobody changed them from that draft's, and nothing is captioned without a plan."""

    changed = Signal()  # the selected session or the sessions changed: the controller's buttons follow

    def __init__(
        self,
        view: RemovalTabView,
        rules: RemovalRules,
        *,
        today: Callable[[], date],
        read_only: bool,
        loaded: Callable[[], RemovalPlanDraft | None],
    ) -> None:
        super().__init__(view)
        self._view = view
        self._rules = rules
        self._today = today
        self._read_only = read_only
        self._loaded = loaded
        self._session_row = -1
        self._sources: list[PigmentSource] = []  # the client's pigment on record, to pick what is removed
        self._photo_records: list[PhotoRecord] = []  # the client's photos, to pick the assessment photos
        self._connect_signals()

    def _connect_signals(self) -> None:
        view = self._view
        view.method.currentIndexChanged.connect(self._on_method_changed)
        for combo in view.score_inputs:
            combo.currentIndexChanged.connect(self.update_score)
        view.test_spot_on.edited.connect(self.update_dates)
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

    # --- the draft --------------------------------------------------------------------------------------------------
    def show(self, draft: RemovalPlanDraft) -> None:
        """Fills the editor with the draft, its pigment and photos chosen among the client's, the first session
        selected and no problems shown."""
        view = self._view
        keys = sorted({rule.aftercare for rule in self._rules.methods.values() if rule.aftercare})
        fill_plan(view, draft, keys)
        view.pigments.set_choices(self._sources, draft.targets)
        view.photos.set_photos(self._photo_records, [(p.photo_id, p.caption) for p in draft.photos])
        self._session_row = -1
        view.session_table.clearSelection()
        self.select_session(0 if draft.sessions else -1)
        self.clear_problems()

    def draft(self) -> RemovalPlanDraft:
        return read_plan(self._view)

    def selected_session(self) -> RemovalSessionEntry | None:
        return self._view.sessions.session_at(self._session_row)

    def set_sources(self, sources: list[PigmentSource]) -> None:
        """The client's pigment on record arrived: offered to pick, what the plan on screen chose kept."""
        self._sources = sources
        chosen = self._view.pigments.chosen() if self._loaded() is not None else ()
        self._view.pigments.set_choices(sources, chosen)
        self._view.pigment_empty.setVisible(not sources)

    def set_photos(self, records: list[PhotoRecord]) -> None:
        """The client's photos arrived (their thumbnails follow): offered to pick, the plan's choice kept."""
        self._photo_records = records
        chosen = self._view.photos.chosen() if self._loaded() is not None else ()
        self._view.photos.set_photos(records, chosen)
        self._view.photo_empty.setVisible(not records)

    # --- photos -----------------------------------------------------------------------------------------------------
    def _on_photo_double_clicked(self, index: QModelIndex) -> None:
        if self._read_only or self._loaded() is None:
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
    def update_score(self, *_args: Any) -> None:
        self._view.kd_score.setText(score_text(read_plan(self._view).kirby_desai))

    def _on_method_changed(self, *_args: Any) -> None:
        view = self._view
        method = view.method.value() or RemovalMethod.Q_SWITCHED_LASER
        loaded = self._loaded()
        previous = loaded.method if loaded is not None else method
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
        self.select_session(self._session_row)
        self.update_dates()

    def update_dates(self, *_args: Any) -> None:
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
        self.select_session(row)
        self.update_dates()
        self.changed.emit()

    def _on_remove_session(self) -> None:
        entry = self._view.sessions.session_at(self._session_row)
        if entry is None or entry.status is RemovalSessionStatus.DONE:
            return
        self._view.sessions.remove(self._session_row)
        self._session_row = -1
        self.select_session(min(self._view.sessions.rowCount() - 1, max(self._session_row, 0)))
        self.update_dates()
        self.changed.emit()

    def _on_session_picked(self, current: Any, _previous: Any) -> None:
        row = current.row() if current.isValid() else -1
        if row != self._session_row:
            self._session_row = row
            self._fill_session_panel()

    def select_session(self, row: int) -> None:
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
        self.changed.emit()

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
        self.update_dates()
        self.changed.emit()

    # --- problems ---------------------------------------------------------------------------------------------------
    def show_problems(self, messages: list[str], error: ValidationFailed | None = None) -> None:
        view = self._view
        self.clear_problems()
        if error is not None:
            for section in self._sections():
                for name, label in section.errors.items():
                    message = error.for_field(name)
                    if message:
                        label.show_message(message)
        view.save_problems.setText("\n".join(messages))
        view.save_problems.show()

    def clear_problems(self) -> None:
        view = self._view
        for section in self._sections():
            for label in section.errors.values():
                label.clear_message()
        view.save_problems.clear()
        view.save_problems.hide()

    def _sections(self) -> tuple[FormSection, ...]:
        """The plan's sections, each with its fields' error labels (`errors`)."""
        view = self._view
        return (
            view.plan_section,
            view.assessment_section,
            view.test_spot_section,
            view.sessions_section,
            view.pigment_section,
            view.photo_section,
            view.risks_section,
        )


__all__ = ["RemovalPlanEditor"]

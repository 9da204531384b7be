"""Between a removal plan draft and the Removal tab's widgets: fill the editor from a draft, read the draft back,
and the selected session's panel to and from one session entry."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSignalBlocker

from smp_desktop.core.removal import MethodRule
from smp_desktop.core.removal_vocabulary import RemovalMethod, RemovalPlanStatus, RemovalReason, RemovalSessionStatus
from smp_desktop.core.services.removal_data import RemovalPhotoEntry, RemovalPlanDraft, RemovalSessionEntry
from smp_desktop.ui.locale_format import format_date, parse_date
from smp_desktop.ui.removal_wording import aftercare_label, tr
from smp_desktop.ui.views.removal_tab_view import RemovalTabView


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def blank_to_none(value: float) -> float | None:
    return None if value <= 0 else round(value, 3)


def fill_plan(view: RemovalTabView, draft: RemovalPlanDraft, aftercare_keys: list[str]) -> None:
    """Show a draft (the widgets' signals are blocked while filling)."""
    widgets = (
        view.reason,
        view.method,
        view.status,
        *view.score_inputs,
        view.test_spot_outcome,
        view.aftercare,
    )
    blockers = [QSignalBlocker(w) for w in widgets]
    view.reason.set_value(draft.reason)
    view.method.set_value(draft.method)
    view.status.set_value(draft.status)
    view.device.setText(draft.device)
    view.provider_name.setText(draft.provider_name)
    view.provider_contact.setText(draft.provider_contact)
    view.fitzpatrick.set_value(draft.fitzpatrick_type)
    view.kd_location.set_value(draft.kd_location)
    view.kd_colours.set_value(draft.kd_colours)
    view.kd_amount.set_value(draft.kd_amount)
    view.kd_scarring.set_value(draft.kd_scarring)
    view.kd_layering.set_value(draft.kd_layering)
    view.test_spot_on.set_text(format_date(draft.test_spot_on))
    view.test_spot_outcome.set_value(draft.test_spot_outcome)
    view.test_spot_notes.setPlainText(draft.test_spot_notes)
    view.risks.setPlainText(draft.risks)
    fill_aftercare(view, aftercare_keys, draft.aftercare)
    view.notes.setPlainText(draft.notes)
    view.sessions.set_sessions(draft.sessions)
    del blockers


def fill_aftercare(view: RemovalTabView, keys: list[str], current: str) -> None:
    combo = view.aftercare
    with QSignalBlocker(combo):
        combo.clear()
        for key in dict.fromkeys([*keys, *([current] if current else [])]):
            combo.addItem(aftercare_label(key), key)
        combo.setCurrentIndex(max(combo.findData(current), 0))


def read_plan(view: RemovalTabView, photo_captions: dict[int, str] | None = None) -> RemovalPlanDraft:
    """The draft as the widgets hold it. An unreadable test spot date is read as none (see test_spot_readable)."""
    return RemovalPlanDraft(
        reason=view.reason.value() or RemovalReason.SHAPE,
        method=view.method.value() or RemovalMethod.Q_SWITCHED_LASER,
        status=view.status.value() or RemovalPlanStatus.ASSESSMENT,
        device=view.device.text(),
        provider_name=view.provider_name.text(),
        provider_contact=view.provider_contact.text(),
        fitzpatrick_type=view.fitzpatrick.value(),
        kd_location=view.kd_location.value(),
        kd_colours=view.kd_colours.value(),
        kd_amount=view.kd_amount.value(),
        kd_scarring=view.kd_scarring.value(),
        kd_layering=view.kd_layering.value(),
        test_spot_on=parse_date(view.test_spot_on.text()) if view.test_spot_on.text() else None,
        test_spot_outcome=view.test_spot_outcome.value(),
        test_spot_notes=view.test_spot_notes.toPlainText(),
        risks=view.risks.toPlainText(),
        aftercare=view.aftercare.currentData() or "",
        notes=view.notes.toPlainText(),
        sessions=view.sessions.sessions,
        targets=view.pigments.chosen(),
        photos=tuple(RemovalPhotoEntry(photo_id, caption) for photo_id, caption in view.photos.chosen()),
    )


def fill_wavelengths(view: RemovalTabView, rule: MethodRule, current: int | None) -> None:
    combo = view.wavelength
    with QSignalBlocker(combo):
        combo.clear()
        combo.addItem("—", None)
        for nm in dict.fromkeys([*rule.wavelengths_nm, *([current] if current is not None else [])]):
            combo.addItem(tr("%1 nm").replace("%1", str(nm)), nm)
        combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
    combo.setEnabled(rule.method.is_laser)


def fill_session(view: RemovalTabView, entry: RemovalSessionEntry | None, rule: MethodRule, today: date) -> None:
    widgets = (
        view.session_status,
        view.session_planned_on,
        view.session_done_on,
        view.wavelength,
        view.fluence,
        view.spot_size,
        view.repetition,
        view.interval_note,
        view.session_notes,
    )
    blockers = [QSignalBlocker(w) for w in widgets]
    view.session_panel.setEnabled(entry is not None)
    entry = entry or RemovalSessionEntry()
    view.session_status.set_value(entry.status)
    view.session_planned_on.setDate(qdate(entry.planned_on or today))
    view.session_done_on.setDate(qdate(entry.done_on or today))
    view.session_done_on.setEnabled(entry.status is RemovalSessionStatus.DONE)
    fill_wavelengths(view, rule, entry.wavelength_nm)
    laser = rule.method.is_laser
    for spin, value in (
        (view.fluence, entry.fluence_j_cm2),
        (view.spot_size, entry.spot_size_mm),
        (view.repetition, entry.repetition_hz),
    ):
        spin.setValue(value or 0)
        spin.setEnabled(laser)
    view.interval_note.setText(entry.interval_note)
    view.session_notes.setText(entry.notes)
    view.session_error.clear_message()
    del blockers


def read_session(view: RemovalTabView, entry: RemovalSessionEntry) -> RemovalSessionEntry:
    """The selected session with the panel's values (the done date only counts once it is done)."""
    status = view.session_status.value() or RemovalSessionStatus.PLANNED
    done = status is RemovalSessionStatus.DONE
    return entry.replace(
        status=status,
        planned_on=pydate(view.session_planned_on.date()),
        done_on=pydate(view.session_done_on.date()) if done else None,
        wavelength_nm=view.wavelength.currentData(),
        fluence_j_cm2=blank_to_none(view.fluence.value()),
        spot_size_mm=blank_to_none(view.spot_size.value()),
        repetition_hz=blank_to_none(view.repetition.value()),
        interval_note=view.interval_note.text(),
        notes=view.session_notes.text(),
    )

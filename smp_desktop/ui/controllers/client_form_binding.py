"""Copying a ClientDraft into the client form's editors and reading one back, field by field."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from smp_desktop.core.services.client_data import ClientDraft
from smp_desktop.core.services.errors import FieldProblem
from smp_desktop.ui.locale_format import date_placeholder, format_date, parse_date
from smp_desktop.ui.views.client_form_view import ClientFormView

# Plain one-line text fields: the editor attribute has the draft attribute's name.
TEXT_FIELDS = (
    "first_name",
    "last_name",
    "preferred_name",
    "phone",
    "email",
    "address_line1",
    "address_line2",
    "city",
    "postcode",
    "emergency_contact_name",
    "emergency_contact_phone",
    "emergency_contact_relation",
    "referral_detail",
    "hair_colour",
    "scalp_condition_notes",
)
# Drop-downs of stored choices (ChoiceComboBox), by the same rule.
CHOICE_FIELDS = (
    "referral_source",
    "norwood_stage",
    "alopecia_pattern",
    "greying",
    "fitzpatrick_type",
    "scalp_condition",
    "hairline_style",
    "hair_length_wish",
)


def write_draft(view: ClientFormView, draft: ClientDraft) -> None:
    for name in TEXT_FIELDS:
        getattr(view, name).setText(getattr(draft, name))
    for name in CHOICE_FIELDS:
        getattr(view, name).set_value(getattr(draft, name))
    view.date_of_birth.set_text(format_date(draft.date_of_birth))
    view.country.set_code(draft.country)
    for reason, box in view.reasons.items():
        box.setChecked(reason in draft.reasons)
    view.alopecia_temporary.setChecked(draft.alopecia_temporary)
    view.scars.model.set_scars(draft.scars)
    view.notes.setPlainText(draft.notes)


def read_draft(view: ClientFormView) -> ClientDraft:
    """What the form holds now; a date that cannot be read counts as empty (see `unreadable_fields`)."""
    values: dict[str, object] = {name: getattr(view, name).text() for name in TEXT_FIELDS}
    values.update({name: getattr(view, name).value() for name in CHOICE_FIELDS})
    values["norwood_stage"] = values["norwood_stage"] or ""  # stored as text: "" when not given
    return ClientDraft(
        **values,  # type: ignore[arg-type]  # keys are ClientDraft fields, by construction above
        date_of_birth=parse_date(view.date_of_birth.text()),
        country=view.country.code(),
        reasons=tuple(reason for reason, box in view.reasons.items() if box.isChecked()),
        alopecia_temporary=view.alopecia_temporary.isChecked(),
        scars=view.scars.model.scars(),
        notes=view.notes.toPlainText(),
    )


def unreadable_fields(view: ClientFormView) -> list[FieldProblem]:
    """Problems the form finds before the service is asked: text that is not a value of the field's type."""
    if view.date_of_birth.is_readable():
        return []
    message = QCoreApplication.translate("ClientForm", "“%1” is not a date; type it as %2.")
    return [
        FieldProblem(
            "date_of_birth", message.replace("%1", view.date_of_birth.text(), 1).replace("%2", date_placeholder())
        )
    ]


def comparable(draft: ClientDraft) -> ClientDraft:
    """A draft as saving would store it, so that an untouched form never counts as changed."""
    return draft.replace(
        reasons=tuple(sorted(draft.reasons)),
        **{name: getattr(draft, name).strip() for name in TEXT_FIELDS},
        notes=draft.notes.strip(),
        country=draft.country.upper(),
    )

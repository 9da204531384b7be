"""Checking a client draft before it is saved, and the suitability concerns a client page shows."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, fields
from datetime import date

from smp_desktop.core.domain import NORWOOD_STAGES, HairLengthWish
from smp_desktop.core.services.client_data import ClientDraft, SuitabilityConcern
from smp_desktop.core.services.errors import FieldProblem, ValidationFailed

ADULT_AGE = 18
OLDEST_BIRTH_YEAR = 1900

# Column widths of the client table, so a too-long value is refused with a message, not truncated.
MAX_LENGTHS = {
    "first_name": 100,
    "last_name": 100,
    "preferred_name": 100,
    "phone": 40,
    "email": 254,
    "address_line1": 200,
    "address_line2": 200,
    "city": 100,
    "postcode": 20,
    "emergency_contact_name": 200,
    "emergency_contact_phone": 40,
    "emergency_contact_relation": 100,
    "referral_detail": 200,
    "hair_colour": 100,
    "norwood_stage": 20,
}
LABELS = {
    "first_name": "First name",
    "last_name": "Last name",
    "preferred_name": "Preferred name",
    "phone": "Phone",
    "email": "E-mail",
    "address_line1": "Address",
    "address_line2": "Address (line 2)",
    "city": "Town or city",
    "postcode": "Postcode",
    "country": "Country",
    "emergency_contact_name": "Emergency contact",
    "emergency_contact_phone": "Emergency contact phone",
    "emergency_contact_relation": "Emergency contact relation",
    "referral_detail": "How they found us",
    "hair_colour": "Natural hair colour",
    "norwood_stage": "Norwood stage",
    "notes": "Notes",
    "date_of_birth": "Date of birth",
    "fitzpatrick_type": "Fitzpatrick skin type",
    "scars": "Scars",
}
_SINGLE_LINE = {*MAX_LENGTHS, "country"}


@dataclass(frozen=True, slots=True)
class CheckedClient:
    """A draft that passed validation, with the derived forms the database keeps."""

    draft: ClientDraft
    phone_e164: str
    email_key: str


def age_on(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def check_client(draft: ClientDraft, *, today: date, default_region: str | None) -> CheckedClient:
    """Validate and tidy a draft (outer spaces trimmed; inner text kept exactly as typed)."""
    draft = _trimmed(draft)
    problems: list[FieldProblem] = []

    if not draft.first_name and not draft.last_name:
        problems.append(FieldProblem("first_name", "Enter the client's first name or last name.", "name_required"))
    for name, limit in MAX_LENGTHS.items():
        value = getattr(draft, name)
        if len(value) > limit:
            problems.append(
                FieldProblem(
                    name,
                    f"{LABELS[name]} is {len(value)} characters long; shorten it to {limit} or fewer.",
                    "too_long",
                    (("length", str(len(value))), ("limit", str(limit))),
                )
            )
        if name in _SINGLE_LINE and _has_control_characters(value):
            problems.append(
                FieldProblem(
                    name,
                    f"{LABELS[name]} contains a line break or an invisible control character; remove it.",
                    "control_character",
                )
            )
    if _has_control_characters(draft.notes, allow_newlines=True):
        problems.append(
            FieldProblem("notes", "Notes contain an invisible control character; remove it.", "control_character")
        )

    if draft.date_of_birth is not None:
        if draft.date_of_birth > today:
            problems.append(
                FieldProblem("date_of_birth", "Date of birth is in the future; check the year.", "date_in_future")
            )
        elif draft.date_of_birth.year < OLDEST_BIRTH_YEAR:
            problems.append(
                FieldProblem(
                    "date_of_birth",
                    f"Date of birth is before {OLDEST_BIRTH_YEAR}; check the year.",
                    "date_too_early",
                    (("year", str(OLDEST_BIRTH_YEAR)),),
                )
            )

    email_key = ""
    if draft.email:
        # Imported on first use: together they cost a tenth of a second at start-up.
        from email_validator import EmailNotValidError, validate_email

        try:
            checked = validate_email(draft.email, check_deliverability=False)
            email_key = checked.normalized.lower()
        except EmailNotValidError as exc:
            problems.append(
                FieldProblem(
                    "email",
                    f"E-mail “{draft.email}” is not valid: {exc}",
                    "email_invalid",
                    (("value", draft.email), ("reason", str(exc))),
                )
            )

    phone_e164 = ""
    if draft.phone:
        phone_e164, problem = _check_phone(draft.phone, "phone", default_region)
        if problem:
            problems.append(problem)
    if draft.emergency_contact_phone:
        _, problem = _check_phone(draft.emergency_contact_phone, "emergency_contact_phone", default_region)
        if problem:
            problems.append(problem)

    if draft.country and not (len(draft.country) == 2 and draft.country.isascii() and draft.country.isalpha()):
        problems.append(
            FieldProblem("country", "Country must be a two-letter code such as GB, DE or PL.", "country_code")
        )
    if draft.norwood_stage and draft.norwood_stage not in NORWOOD_STAGES:
        problems.append(
            FieldProblem(
                "norwood_stage",
                f"Norwood stage must be one of {', '.join(NORWOOD_STAGES)}, or left empty.",
                "norwood_stage",
                (("choices", ", ".join(NORWOOD_STAGES)),),
            )
        )
    if draft.fitzpatrick_type is not None and not 1 <= draft.fitzpatrick_type <= 6:
        problems.append(
            FieldProblem("fitzpatrick_type", "Fitzpatrick skin type must be between 1 and 6.", "fitzpatrick_range")
        )
    for index, scar in enumerate(draft.scars, start=1):
        if not scar.location.strip():
            problems.append(
                FieldProblem(
                    "scars",
                    f"Scar {index} needs a location (e.g. “back of head, strip scar”).",
                    "scar_location",
                    (("number", str(index)),),
                )
            )

    if problems:
        raise ValidationFailed(problems)
    return CheckedClient(draft.replace(country=draft.country.upper()), phone_e164, email_key)


def _check_phone(text: str, field: str, default_region: str | None) -> tuple[str, FieldProblem | None]:
    import phonenumbers  # imported on first use, as email_validator above

    label = LABELS[field]
    try:
        number = phonenumbers.parse(text, default_region or None)
    except phonenumbers.NumberParseException:
        hint = "" if default_region else " Start it with the country code, e.g. +44."
        code = "phone_unreadable" if default_region else "phone_unreadable_no_region"
        return "", FieldProblem(field, f"{label} “{text}” is not a phone number.{hint}", code, (("value", text),))
    if not phonenumbers.is_valid_number(number):
        region = phonenumbers.region_code_for_number(number) or default_region or "?"
        return "", FieldProblem(
            field,
            f"{label} “{text}” is not a valid number for {region}; check the digits and the country code.",
            "phone_invalid",
            (("value", text), ("region", region)),
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), None


def _trimmed(draft: ClientDraft) -> ClientDraft:
    """Outer spaces off single-line fields; notes are kept exactly as typed."""
    changes = {}
    for f in fields(draft):
        value = getattr(draft, f.name)
        if isinstance(value, str) and f.name != "notes" and value != value.strip():
            changes[f.name] = value.strip()
    return draft.replace(**changes) if changes else draft


def _has_control_characters(text: str, *, allow_newlines: bool = False) -> bool:
    allowed = {"\n", "\r", "\t"} if allow_newlines else set()
    return any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in text)


def suitability_concerns(draft: ClientDraft, *, today: date) -> tuple[SuitabilityConcern, ...]:
    """What the client page flags before anyone books a session (DOMAIN.md: suitability)."""
    concerns = []
    if draft.hair_length_wish is HairLengthWish.KEEP_LONG:
        concerns.append(
            SuitabilityConcern(
                "keep_long_hair",
                "Wants to keep long hair: SMP only looks right with the hair shaved or very short.",
            )
        )
    if draft.alopecia_temporary:
        concerns.append(
            SuitabilityConcern(
                "temporary_alopecia",
                "Alopecia may be temporary: regrowth can make treated areas look darker.",
            )
        )
    if (
        draft.date_of_birth is not None
        and draft.date_of_birth <= today
        and age_on(draft.date_of_birth, today) < ADULT_AGE
    ):
        concerns.append(
            SuitabilityConcern("under_18", f"Under 18 (age {age_on(draft.date_of_birth, today)}): cannot be treated.")
        )
    return tuple(concerns)

"""Field problems from the services, worded again in the user's language from their stable codes.

The service's English message is the fallback for a code this table does not know yet. Each text is shown under
its field, so it does not repeat the field's name."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from smp_desktop.core.services.errors import FieldProblem


def _tr(text: str) -> str:
    return QCoreApplication.translate("FieldProblem", text)


_TEXTS: dict[str, Callable[[FieldProblem], str]] = {
    "studio_name_required": lambda p: _tr("Enter the studio's name."),
    "owner_name_required": lambda p: _tr("Enter the owner's name."),
    "studio_exists": lambda p: _tr("This data folder already holds a studio."),
    "name_required": lambda p: _tr("Enter the client's first name or last name."),
    "too_long": lambda p: (
        _tr("This is %1 characters long; shorten it to %2 or fewer.")
        .replace("%1", p.param("length"))
        .replace("%2", p.param("limit"))
    ),
    "control_character": lambda p: _tr("Remove the line break or invisible control character from this field."),
    "date_in_future": lambda p: _tr("This date is in the future; check the year."),
    "date_too_early": lambda p: _tr("This date is before %1; check the year.").replace("%1", p.param("year")),
    "email_invalid": lambda p: (
        _tr("“%1” is not a valid e-mail address (%2).").replace("%1", p.param("value")).replace("%2", p.param("reason"))
    ),
    "phone_unreadable": lambda p: _tr("“%1” is not a phone number.").replace("%1", p.param("value")),
    "phone_unreadable_no_region": lambda p: _tr(
        "“%1” is not a phone number. Start it with the country code, e.g. +44."
    ).replace("%1", p.param("value")),
    "phone_invalid": lambda p: (
        _tr("“%1” is not a valid number for %2; check the digits and the country code.")
        .replace("%1", p.param("value"))
        .replace("%2", p.param("region"))
    ),
    "country_code": lambda p: _tr("Choose a country, or type a two-letter code such as GB, DE or PL."),
    "norwood_stage": lambda p: _tr("Choose a Norwood stage (%1), or leave it empty.").replace("%1", p.param("choices")),
    "fitzpatrick_range": lambda p: _tr("Choose a Fitzpatrick type from I to VI."),
    "scar_location": lambda p: _tr("Scar %1 needs a location (e.g. “back of head, strip scar”).").replace(
        "%1", p.param("number")
    ),
}


def problem_text(problem: FieldProblem) -> str:
    wording = _TEXTS.get(problem.code)
    return wording(problem) if wording else problem.message

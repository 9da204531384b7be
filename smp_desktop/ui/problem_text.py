"""Field problems from the services, worded again in the user's language from their stable codes.

The service's English message is the fallback for a code this table does not know yet. Each text is shown under
its field, so it does not repeat the field's name."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from smp_desktop.core.services.errors import FieldProblem
from smp_desktop.core.services.photo_data import ImportedFile


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
    # Hairline designs (core.hairline, HairlineService)
    "hairline_empty": lambda p: _tr("The design is empty: draw the hairline or a zone first."),
    "too_few_points": lambda p: (
        _tr("The hairline needs at least two points: add another point, or delete the one left.")
        if p.field == "hairline"
        else _tr("A zone needs at least three corners.")
    ),
    "base_photo_other_view": lambda p: _tr(
        "The photo under the design is of another view; choose a photo of this view."
    ),
    "base_photo_other_client": lambda p: _tr("The photo under the design is not one of this client's photos."),
    # Treatment sessions (core/services/session_validation.py, SessionService); zone problems are shown after
    # "Zone N:" under the zone table.
    "duration_range": lambda p: (
        _tr("A session lasts from %1 minutes to %2 hours.")
        .replace("%1", p.param("min"))
        .replace("%2", p.param("max_hours"))
    ),
    "date_too_far_ahead": lambda p: _tr("This date is more than %1 years ahead; check the year.").replace(
        "%1", p.param("years")
    ),
    "completed_in_future": lambda p: _tr("A session cannot be marked completed before the day it takes place."),
    "zone_too_long": lambda p: (
        _tr("A text is %1 characters long; shorten it to %2 or fewer.")
        .replace("%1", p.param("length"))
        .replace("%2", p.param("limit"))
    ),
    "zone_control": lambda p: _tr("Remove the invisible control character from this zone's text."),
    "dilution_incomplete": lambda p: _tr("Give the dilution as parts water : parts pigment, e.g. 3 : 1."),
    "dilution_positive": lambda p: _tr(
        "Dilution parts must be positive numbers (water may be 0 for undiluted pigment), e.g. 3 : 1."
    ),
    "dilution_range": lambda p: _tr(
        "Dilution parts above %1 are not a mix; write it in small parts, e.g. 3 : 1."
    ).replace("%1", p.param("max")),
    "voltage_range": lambda p: _tr("Machine voltage must be above 0 and at most %1 V.").replace("%1", p.param("max")),
    "stroke_range": lambda p: _tr("Stroke must be above 0 and at most %1 mm.").replace("%1", p.param("max")),
    "health_confirmation_required": lambda p: _tr(
        "Ask the client whether anything changed in their health since the last visit, and record the answer."
    ),
    "health_changes_required": lambda p: _tr("Write down what changed in the client's health since the last visit."),
    "zones_required": lambda p: _tr(
        "Record at least one treated zone (with its pigment and dilution) before marking the session completed."
    ),
    "spacing_reason_required": lambda p: _tr(
        "Booked sooner than the studio's minimum spacing of %1 days: give a reason to book it anyway."
    ).replace("%1", p.param("min_days")),
    "cancel_reason_required": lambda p: _tr("Say why the session is cancelled."),
    "cancel_not_planned": lambda p: _tr("Only a planned session can be cancelled."),
    "session_cancelled": lambda p: _tr("This session was cancelled and cannot be changed; book a new session."),
    "artist_unknown": lambda p: _tr("The chosen artist is no longer on the staff list; choose another."),
    "artist_not_treating": lambda p: _tr("%1 works at reception; choose an artist.").replace("%1", p.param("name")),
    "artist_inactive": lambda p: _tr("%1 no longer works at the studio; choose another artist.").replace(
        "%1", p.param("name")
    ),
    "touch_up_years_range": lambda p: (
        _tr("The touch-up interval is %1 to %2 years.").replace("%1", p.param("min")).replace("%2", p.param("max"))
    ),
}


def problem_text(problem: FieldProblem) -> str:
    wording = _TEXTS.get(problem.code)
    return wording(problem) if wording else problem.message


# Why a file was not imported into the photo library (core/photos: ImportedFile.code and params). Each is shown
# after the file's name, so it does not repeat it.
def _import_tr(text: str) -> str:
    return QCoreApplication.translate("PhotoImport", text)


def _with_detail(text: str, params: dict[str, str]) -> str:
    detail = params.get("detail", "")
    return text.replace("%1", detail) if detail else text.replace(" (%1)", "")


_IMPORT_TEXTS: dict[str, Callable[[dict[str, str]], str]] = {
    "photo_not_a_file": lambda p: _import_tr("This is a folder or a device, not a file."),
    "photo_empty": lambda p: _import_tr("The file is empty (0 bytes): it holds no photo. Copy it again."),
    "photo_missing": lambda p: _import_tr("The file is no longer there (moved or deleted)."),
    "photo_too_large": lambda p: (
        _import_tr("The file is %1 MB, more than the %2 MB a photo may be. Export it smaller and import that.")
        .replace("%1", p.get("size_mb", "?"))
        .replace("%2", p.get("limit_mb", "?"))
        if p.get("size_mb") and p.get("limit_mb")
        else _import_tr("The file is too large to open. Export it smaller and import that.")
    ),
    "photo_too_many_pixels": lambda p: (
        _import_tr(
            "The image has %1 megapixels, more than the %2 a photo may have; it was not opened. Export it smaller "
            "and import that."
        )
        .replace("%1", p.get("megapixels", "?"))
        .replace("%2", p.get("limit_megapixels", "?"))
    ),
    "photo_unreadable": lambda p: _with_detail(
        _import_tr("The file could not be read (%1). Check that the drive is connected and the file may be read."), p
    ),
    "photo_not_saved": lambda p: _with_detail(
        _import_tr(
            "The photo could not be saved in the studio's photo folder (%1); nothing of it was kept. Check the free "
            "space on the disk and import it again."
        ),
        p,
    ),
    "photo_damaged": lambda p: _with_detail(
        _import_tr("The image is damaged or incomplete (%1). Copy it again from the camera or phone."), p
    ),
    "photo_animated": lambda p: _import_tr(
        "This is an animation of %1 frames, not a photo. Save the frame you need as a JPEG and import that."
    ).replace("%1", p.get("frames", "?")),
    "photo_unsupported_format": lambda p: _import_tr(
        "This is a %1 file; photos can be JPEG, PNG, WebP or HEIC. Convert it to JPEG and import that."
    ).replace("%1", p.get("format", "?")),
    "photo_not_an_image": lambda p: _import_tr(
        "This is not a photo: the file is not a JPEG, PNG, WebP or HEIC image, whatever its name says."
    ),
}


def import_rejection_text(item: ImportedFile) -> str:
    """A rejected file's reason in the user's language; the service's sentence for a code not known here."""
    wording = _IMPORT_TEXTS.get(item.code)
    if wording is None:
        return item.reason
    return wording({name: str(value) for name, value in item.params.items()})

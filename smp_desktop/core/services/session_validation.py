"""Checking a session draft before it is saved: lengths and control characters, the date, the duration, each zone's
numbers, and what a completed session must hold (health re-confirmation, zones of a pigmenting session)."""

from __future__ import annotations

import math
import unicodedata
from dataclasses import fields
from datetime import date, datetime, tzinfo

from smp_desktop.core.domain import PIGMENTING_KINDS, SessionStatus
from smp_desktop.core.services.errors import FieldProblem, ValidationFailed
from smp_desktop.core.services.session_data import SessionDraft, ZoneEntry

MIN_DURATION_MINUTES = 15
MAX_DURATION_MINUTES = 10 * 60
EARLIEST_YEAR = 1990  # SMP as a practice is younger; an earlier year is a typing slip
MAX_YEARS_AHEAD = 3  # appointments further out than this are a typing slip, not a booking
MAX_DILUTION_PARTS = 100.0
MAX_VOLTAGE = 20.0
MAX_STROKE_MM = 10.0

# Column widths (so a too-long value is refused with a message, never truncated) and limits on free text.
MAX_LENGTHS = {
    "numbing": 200,
    "skin_reaction": 200,
    "spacing_note": 500,
    "cancel_reason": 500,
    "health_changes": 2000,
    "notes": 5000,
}
ZONE_MAX_LENGTHS = {
    "pigment_shade": 200,
    "pigment_lot": 100,
    "needle": 100,
    "machine_speed": 50,
    "dot_density": 100,
    "depth_notes": 2000,
    "notes": 2000,
    "lot_override_reason": 500,
}
LABELS = {
    "numbing": "Numbing",
    "skin_reaction": "Skin reaction",
    "spacing_note": "Reason for booking sooner",
    "cancel_reason": "Reason for cancelling",
    "health_changes": "What changed in the client's health",
    "notes": "Notes",
}
ZONE_LABELS = {
    "pigment_shade": "pigment shade",
    "pigment_lot": "pigment lot",
    "needle": "needle",
    "machine_speed": "machine speed",
    "dot_density": "dot density",
    "depth_notes": "depth notes",
    "notes": "notes",
    "lot_override_reason": "reason for using this lot",
}
_MULTI_LINE = {"health_changes", "notes", "depth_notes"}


def local_date(moment: datetime, tz: tzinfo | None) -> date:
    """The calendar day a moment falls on in the studio's time zone (the computer's unless one is given)."""
    return moment.astimezone(tz).date()


def check_session(draft: SessionDraft, *, status: SessionStatus, today: date, tz: tzinfo | None = None) -> SessionDraft:
    """Validate and tidy a draft for a session that will have `status` (outer spaces trimmed off one-line text)."""
    draft = _trimmed(draft)
    problems: list[FieldProblem] = []
    for name, limit in MAX_LENGTHS.items():
        if name == "cancel_reason":
            continue
        problems += _text_problems(name, getattr(draft, name), limit, LABELS[name], multi_line=name in _MULTI_LINE)
    problems += _date_problems(draft, status, today, tz)
    if not MIN_DURATION_MINUTES <= draft.duration_minutes <= MAX_DURATION_MINUTES:
        problems.append(
            FieldProblem(
                "duration_minutes",
                f"A session lasts from {MIN_DURATION_MINUTES} minutes to {MAX_DURATION_MINUTES // 60} hours; "
                f"{draft.duration_minutes} minutes is outside that.",
                "duration_range",
                (
                    ("minutes", str(draft.duration_minutes)),
                    ("min", str(MIN_DURATION_MINUTES)),
                    ("max_hours", str(MAX_DURATION_MINUTES // 60)),
                ),
            )
        )
    for number, zone in enumerate(draft.zones, start=1):
        problems += zone_problems(zone, number)
    if draft.health_unchanged is not False:
        draft = draft.replace(health_changes="")  # "no change" (or not asked) carries no description
    if status is SessionStatus.COMPLETED:
        problems += _completion_problems(draft)
    if problems:
        raise ValidationFailed(problems)
    return draft


def check_cancel_reason(reason: str) -> str:
    reason = reason.strip()
    problems = _text_problems("cancel_reason", reason, MAX_LENGTHS["cancel_reason"], LABELS["cancel_reason"])
    if not reason:
        problems.append(
            FieldProblem(
                "cancel_reason",
                "Say why the session is cancelled (e.g. “client ill”, “sunburn on the scalp, postponed”).",
                "cancel_reason_required",
            )
        )
    if problems:
        raise ValidationFailed(problems)
    return reason


def zone_problems(zone: ZoneEntry, number: int) -> list[FieldProblem]:
    """A zone's problems, all reported on the "zones" field with the zone's number (1-based) and the column."""
    problems: list[FieldProblem] = []

    def problem(column: str, message: str, code: str, *params: tuple[str, str]) -> None:
        problems.append(
            FieldProblem(
                "zones", f"Zone {number}: {message}", code, (("number", str(number)), ("column", column), *params)
            )
        )

    for name, limit in ZONE_MAX_LENGTHS.items():
        value = getattr(zone, name)
        if len(value) > limit:
            problem(
                name,
                f"{ZONE_LABELS[name]} is {len(value)} characters long; shorten it to {limit} or fewer.",
                "zone_too_long",
                ("length", str(len(value))),
                ("limit", str(limit)),
            )
        if _has_control_characters(value, allow_newlines=name in _MULTI_LINE):
            problem(name, f"{ZONE_LABELS[name]} contains an invisible control character; remove it.", "zone_control")
    water, pigment = zone.dilution_water_parts, zone.dilution_pigment_parts
    if (water is None) != (pigment is None):
        problem("dilution", "give the dilution as parts water : parts pigment, e.g. 3 : 1.", "dilution_incomplete")
    elif water is not None and pigment is not None:
        # 0 parts water is undiluted pigment (a darker later session); the pigment part must be above zero.
        if not (_finite(water) and _finite(pigment)) or water < 0 or pigment <= 0:
            problem(
                "dilution",
                "dilution parts must be positive numbers (water may be 0 for undiluted pigment), e.g. 3 : 1.",
                "dilution_positive",
            )
        elif water > MAX_DILUTION_PARTS or pigment > MAX_DILUTION_PARTS:
            problem(
                "dilution",
                f"dilution parts above {MAX_DILUTION_PARTS:g} are not a mix; write it in small parts, e.g. 3 : 1.",
                "dilution_range",
                ("max", f"{MAX_DILUTION_PARTS:g}"),
            )
    if zone.machine_voltage is not None and not (
        _finite(zone.machine_voltage) and 0 < zone.machine_voltage <= MAX_VOLTAGE
    ):
        problem(
            "voltage",
            f"machine voltage must be above 0 and at most {MAX_VOLTAGE:g} V.",
            "voltage_range",
            ("max", f"{MAX_VOLTAGE:g}"),
        )
    if zone.machine_stroke_mm is not None and not (
        _finite(zone.machine_stroke_mm) and 0 < zone.machine_stroke_mm <= MAX_STROKE_MM
    ):
        problem(
            "stroke",
            f"stroke must be above 0 and at most {MAX_STROKE_MM:g} mm.",
            "stroke_range",
            ("max", f"{MAX_STROKE_MM:g}"),
        )
    return problems


def _completion_problems(draft: SessionDraft) -> list[FieldProblem]:
    problems = []
    if draft.health_unchanged is None:
        problems.append(
            FieldProblem(
                "health_unchanged",
                "Ask the client whether anything changed in their health since the last visit, and record the "
                "answer, before marking the session completed.",
                "health_confirmation_required",
            )
        )
    elif draft.health_unchanged is False and not draft.health_changes:
        problems.append(
            FieldProblem(
                "health_changes",
                "Write down what changed in the client's health since the last visit.",
                "health_changes_required",
            )
        )
    if draft.kind in PIGMENTING_KINDS and not draft.zones:
        problems.append(
            FieldProblem(
                "zones",
                "Record at least one treated zone (with its pigment and dilution) before marking the session "
                "completed.",
                "zones_required",
            )
        )
    return problems


def _date_problems(draft: SessionDraft, status: SessionStatus, today: date, tz: tzinfo | None) -> list[FieldProblem]:
    if draft.starts_at.tzinfo is None:
        # A programming error, not a typing slip: the front doors always send the computer's time zone.
        raise ValueError("a session's start must be an aware datetime")
    day = local_date(draft.starts_at, tz)
    if day.year < EARLIEST_YEAR:
        return [
            FieldProblem(
                "starts_at",
                f"The date is before {EARLIEST_YEAR}; check the year.",
                "date_too_early",
                (("year", str(EARLIEST_YEAR)),),
            )
        ]
    if day.year > today.year + MAX_YEARS_AHEAD or (
        day.year == today.year + MAX_YEARS_AHEAD and (day.month, day.day) > (today.month, today.day)
    ):
        return [
            FieldProblem(
                "starts_at",
                f"The date is more than {MAX_YEARS_AHEAD} years ahead; check the year.",
                "date_too_far_ahead",
                (("years", str(MAX_YEARS_AHEAD)),),
            )
        ]
    if status is SessionStatus.COMPLETED and day > today:
        return [
            FieldProblem(
                "starts_at",
                "A session cannot be marked completed before the day it takes place.",
                "completed_in_future",
            )
        ]
    return []


def _text_problems(name: str, value: str, limit: int, label: str, *, multi_line: bool = False) -> list[FieldProblem]:
    problems = []
    if len(value) > limit:
        problems.append(
            FieldProblem(
                name,
                f"{label} is {len(value)} characters long; shorten it to {limit} or fewer.",
                "too_long",
                (("length", str(len(value))), ("limit", str(limit))),
            )
        )
    if _has_control_characters(value, allow_newlines=multi_line):
        what = "an invisible control character" if multi_line else "a line break or an invisible control character"
        problems.append(FieldProblem(name, f"{label} contains {what}; remove it.", "control_character"))
    return problems


def _trimmed(draft: SessionDraft) -> SessionDraft:
    """Outer spaces off one-line text (notes kept as typed, apart from outer blank space)."""
    changes: dict[str, object] = {}
    for f in fields(draft):
        value = getattr(draft, f.name)
        if isinstance(value, str) and value != value.strip():
            changes[f.name] = value.strip()
    zones = tuple(_trimmed_zone(zone) for zone in draft.zones)
    if zones != draft.zones:
        changes["zones"] = zones
    return draft.replace(**changes) if changes else draft


def _trimmed_zone(zone: ZoneEntry) -> ZoneEntry:
    changes = {
        name: getattr(zone, name).strip()
        for name in ZONE_MAX_LENGTHS
        if getattr(zone, name) != getattr(zone, name).strip()
    }
    return zone.replace(**changes) if changes else zone


def _finite(value: float) -> bool:
    return math.isfinite(value)


def _has_control_characters(text: str, *, allow_newlines: bool = False) -> bool:
    allowed = {"\n", "\r", "\t"} if allow_newlines else set()
    return any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in text)

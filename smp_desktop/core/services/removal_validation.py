"""Checking a removal plan draft before it is saved: lengths, the skin type, each session's dates and laser
parameters, the method's minimum interval (a session sooner needs a note saying why), and the plan's status
against its sessions. Problems come back as FieldProblems naming the field and what to do."""

from __future__ import annotations

import unicodedata
from datetime import date

from smp_desktop.core.removal import RemovalRules, check_parameters, interval_warnings
from smp_desktop.core.removal_vocabulary import RemovalPlanStatus, RemovalSessionStatus
from smp_desktop.core.services.errors import FieldProblem, ValidationFailed
from smp_desktop.core.services.removal_data import RemovalPlanDraft, RemovalSessionEntry, RemovalTargetEntry

# field -> (label, longest allowed)
PLAN_TEXT_LIMITS: dict[str, tuple[str, int]] = {
    "device": ("The device", 200),
    "provider_name": ("The provider or clinic", 200),
    "provider_contact": ("The provider's contact", 300),
    "aftercare": ("The aftercare choice", 100),
    "test_spot_notes": ("The test spot result", 5000),
    "risks": ("The risks", 10000),
    "notes": ("The notes", 20000),
}
SESSION_TEXT_LIMITS = {"interval_note": ("The reason for the short interval", 500), "notes": ("The notes", 5000)}
TARGET_TEXT_LIMITS = {
    "pigment_shade": ("The shade", 200),
    "pigment_lot": ("The lot", 100),
    "notes": ("The note", 500),
}
CAPTION_LIMIT = 200


def tidy(text: str) -> str:
    """Trimmed, NFC, with control characters other than line breaks and tabs dropped."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc").strip()


def check_plan(draft: RemovalPlanDraft, rules: RemovalRules, today: date) -> RemovalPlanDraft:
    """The draft tidied, or ValidationFailed with every problem found."""
    problems: list[FieldProblem] = []
    changes: dict[str, object] = {}
    for name, (label, limit) in PLAN_TEXT_LIMITS.items():
        value = tidy(getattr(draft, name))
        changes[name] = value
        if len(value) > limit:
            problems.append(FieldProblem(name, f"{label} is {len(value)} characters long; shorten it to {limit}."))
    if draft.fitzpatrick_type is not None and not 1 <= draft.fitzpatrick_type <= 6:
        problems.append(FieldProblem("fitzpatrick_type", "The Fitzpatrick skin type is I to VI; choose one."))
    if draft.test_spot_on is not None and draft.test_spot_on > today:
        problems.append(
            FieldProblem("test_spot_on", "The test spot date is in the future; enter the day it was done.", "future")
        )
    if draft.test_spot_outcome is not None and draft.test_spot_on is None:
        problems.append(FieldProblem("test_spot_on", "Enter the date of the test spot whose result is recorded."))
    sessions = tuple(_checked_session(draft, i, s, rules, today, problems) for i, s in enumerate(draft.sessions))
    targets = tuple(_checked_target(i, t, problems) for i, t in enumerate(draft.targets))
    photos = []
    seen: set[int] = set()
    for entry in draft.photos:
        caption = tidy(entry.caption)
        if len(caption) > CAPTION_LIMIT:
            problems.append(FieldProblem("photos", f"A photo caption is longer than {CAPTION_LIMIT} characters."))
        if entry.photo_id not in seen:
            seen.add(entry.photo_id)
            photos.append(entry.__class__(entry.photo_id, caption))
    rule = rules.rule(draft.method)
    for warning in interval_warnings([s.dates for s in sessions], rule, test_spot_on=draft.test_spot_on):
        if not sessions[warning.index].interval_note:
            problems.append(
                FieldProblem(
                    "sessions",
                    f"Session {warning.index + 1}: {warning.message} Move it, or write why it is planned sooner.",
                    "interval_too_short",
                    (("index", str(warning.index)), ("earliest", warning.earliest.isoformat())),
                )
            )
    done = [s for s in sessions if s.status is RemovalSessionStatus.DONE]
    if draft.status is RemovalPlanStatus.COMPLETED and not done:
        problems.append(
            FieldProblem("status", "A plan is completed once at least one session is done; record the sessions.")
        )
    if draft.status is RemovalPlanStatus.COMPLETED and any(s.status is RemovalSessionStatus.PLANNED for s in sessions):
        problems.append(
            FieldProblem(
                "status", "Sessions are still planned: record or cancel them before completing the plan.", "planned"
            )
        )
    if problems:
        raise ValidationFailed(problems)
    status = draft.status
    if status is RemovalPlanStatus.ASSESSMENT and done:
        status = RemovalPlanStatus.IN_PROGRESS  # the first session done starts the removal
    return draft.replace(**changes, status=status, sessions=sessions, targets=targets, photos=tuple(photos))


def _checked_session(
    draft: RemovalPlanDraft,
    index: int,
    entry: RemovalSessionEntry,
    rules: RemovalRules,
    today: date,
    problems: list[FieldProblem],
) -> RemovalSessionEntry:
    prefix = f"Session {index + 1}: "
    changes: dict[str, object] = {}
    for name, (label, limit) in SESSION_TEXT_LIMITS.items():
        value = tidy(getattr(entry, name))
        changes[name] = value
        if len(value) > limit:
            problems.append(FieldProblem("sessions", f"{prefix}{label} is longer than {limit} characters."))
    done = entry.status is RemovalSessionStatus.DONE
    if entry.status is RemovalSessionStatus.PLANNED and entry.planned_on is None:
        problems.append(FieldProblem("sessions", f"{prefix}Choose the date it is planned for.", "no_date"))
    if done:
        if entry.done_on is None:
            problems.append(FieldProblem("sessions", f"{prefix}Enter the date it was done.", "no_date"))
        elif entry.done_on > today:
            problems.append(
                FieldProblem("sessions", f"{prefix}It cannot be done on {entry.done_on.isoformat()}, a future date.")
            )
    for problem in check_parameters(draft.method, entry.parameters, rules, done=done, prefix=prefix):
        problems.append(FieldProblem("sessions", problem.message, problem.code, (("param", problem.field),)))
    return entry.replace(**changes)


def _checked_target(index: int, entry: RemovalTargetEntry, problems: list[FieldProblem]) -> RemovalTargetEntry:
    changes: dict[str, object] = {}
    for name, (label, limit) in TARGET_TEXT_LIMITS.items():
        value = tidy(getattr(entry, name))
        changes[name] = value
        if len(value) > limit:
            problems.append(FieldProblem("targets", f"Pigment {index + 1}: {label} is longer than {limit} characters."))
    if entry.zone is None and not changes["pigment_shade"] and not changes["pigment_lot"]:
        problems.append(FieldProblem("targets", f"Pigment {index + 1}: name the zone, the shade or the lot."))
    return entry.replace(**changes)

"""The health screening's outcome as a pure function of the answers (each carrying its tier as asked) and the
doctor's letters on record: not eligible now (a refuse-tier yes), needs a doctor's letter (a letter-tier yes no
valid letter covers), else eligible, with cautions noted. The tiers are the studio's data (HealthQuestion)."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date

from smp_desktop.core.models.consent import HealthTier, ScreeningOutcome
from smp_desktop.core.services.consent_data import Answer, LetterRecord, Reason


def add_months(day: date, months: int) -> date:
    """The same day of the month `months` later (or earlier), clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def letter_is_valid(letter: LetterRecord, screened_on: date, validity_months: int) -> bool:
    """A letter counts when it is dated no more than validity_months before the screening (a later letter, written
    because of this screening, always counts)."""
    return letter.dated_on is not None and letter.dated_on >= add_months(screened_on, -validity_months)


def evaluate(
    answers: Sequence[Answer],
    letters: Sequence[LetterRecord],
    *,
    screened_on: date,
    letter_validity_months: int,
) -> tuple[ScreeningOutcome, tuple[Reason, ...]]:
    """The outcome and one reason per yes answer, in the order: not eligible, letter needed, cleared, caution."""
    reasons: list[Reason] = []
    for answer in answers:
        if not answer.yes:
            continue
        said = answer.text + (f" — {answer.detail}" if answer.detail else "")
        cleared: date | None = None
        if answer.tier is HealthTier.DOCTORS_LETTER:
            covering = [
                letter
                for letter in letters
                if answer.key in letter.covers and letter_is_valid(letter, screened_on, letter_validity_months)
            ]
            if covering:
                cleared = max(letter.dated_on for letter in covering if letter.dated_on is not None)
        reasons.append(Reason(answer.key, answer.tier, _message(answer.tier, said, cleared), cleared))
    order = {HealthTier.REFUSE: 0, HealthTier.DOCTORS_LETTER: 1, HealthTier.CAUTION: 3}
    reasons.sort(key=lambda r: order[r.tier] + (1 if r.cleared_by_letter_dated else 0))
    if any(r.tier is HealthTier.REFUSE for r in reasons):
        outcome = ScreeningOutcome.NOT_ELIGIBLE
    elif any(r.blocking for r in reasons):
        outcome = ScreeningOutcome.NEEDS_DOCTORS_LETTER
    else:
        outcome = ScreeningOutcome.ELIGIBLE
    return outcome, tuple(reasons)


def _message(tier: HealthTier, said: str, cleared: date | None) -> str:
    if tier is HealthTier.REFUSE:
        return f"Not eligible now: {said}"
    if tier is HealthTier.DOCTORS_LETTER:
        if cleared is not None:
            return f"Doctor's letter dated {cleared:%d %b %Y} on record: {said}"
        return f"Needs a doctor's letter: {said}"
    return f"Caution: {said}"

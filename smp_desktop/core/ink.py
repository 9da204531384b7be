"""The ink register's vocabulary and rules as plain functions: a lot's status, its EU label checklist, when it
expires (its use-by date, or sooner once opened) and whether it may go into a client (usable, or expired,
recalled, label incomplete, used up). Nothing here touches the database; the services and the screens ask these.

The label checklist follows the EU REACH restriction on tattoo and permanent make-up inks (Regulation (EU)
2020/2081, Annex XVII entry 75): a compliant label carries the statement "Mixture for use in tattoos or permanent
make-up", a batch number, the ingredient list, "pH regulator" where relevant, nickel / chromium(VI) warnings where
relevant, and safety instructions. Each item is checked on the bottle: present, missing, or (for the two "where
relevant" items) not applicable."""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class PigmentBase(StrEnum):
    CARBON_BLACK = "carbon_black"
    IRON_OXIDE = "iron_oxide"
    OTHER = "other"


class LotStatus(StrEnum):
    """What the studio recorded about a bottle or batch. Expired is also worked out from the date (see
    `usability`): a lot past its date is not usable whatever its stored status says."""

    IN_STOCK = "in_stock"
    OPENED = "opened"
    USED_UP = "used_up"
    EXPIRED = "expired"
    RECALLED = "recalled"


class LabelCheck(StrEnum):
    UNCHECKED = "unchecked"
    PRESENT = "present"
    MISSING = "missing"
    NOT_APPLICABLE = "not_applicable"  # only for the "where relevant" items


class Usability(StrEnum):
    """Why a lot may or may not go into a client, worst first when several apply."""

    RECALLED = "recalled"
    EXPIRED = "expired"
    USED_UP = "used_up"
    LABEL_INCOMPLETE = "label_incomplete"
    USABLE = "usable"


class ContactChannel(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    SMS = "sms"
    LETTER = "letter"
    IN_PERSON = "in_person"


class ContactOutcome(StrEnum):
    REACHED = "reached"  # the client was told
    LEFT_MESSAGE = "left_message"
    NO_ANSWER = "no_answer"
    LETTER_SENT = "letter_sent"
    UNDELIVERABLE = "undeliverable"  # wrong number, bounced e-mail, returned letter
    CLIENT_REPORTED_REACTION = "client_reported_reaction"  # reached, and the client reports a reaction


# Outcomes after which the client counts as informed.
INFORMED_OUTCOMES = frozenset({ContactOutcome.REACHED, ContactOutcome.CLIENT_REPORTED_REACTION})


@dataclass(frozen=True, slots=True)
class LabelItem:
    field: str  # the lot's column
    label: str  # what the checklist shows
    where_relevant: bool  # may be "not applicable"


LABEL_ITEMS: tuple[LabelItem, ...] = (
    LabelItem("label_mixture_statement", '"Mixture for use in tattoos or permanent make-up"', False),
    LabelItem("label_batch_number", "Batch number", False),
    LabelItem("label_ingredients", "List of ingredients", False),
    LabelItem("label_ph_regulator", '"pH regulator" (where relevant)', True),
    LabelItem("label_nickel_chromium", "Nickel / chromium(VI) warnings (where relevant)", True),
    LabelItem("label_safety_instructions", "Safety instructions for use", False),
)
LABEL_FIELDS: tuple[str, ...] = tuple(item.field for item in LABEL_ITEMS)

STATUS_LABELS = {
    LotStatus.IN_STOCK: "In stock",
    LotStatus.OPENED: "Opened",
    LotStatus.USED_UP: "Used up",
    LotStatus.EXPIRED: "Expired",
    LotStatus.RECALLED: "Recalled",
}
USABILITY_LABELS = {
    Usability.USABLE: "Usable",
    Usability.EXPIRED: "Expired",
    Usability.RECALLED: "Recalled",
    Usability.LABEL_INCOMPLETE: "Label incomplete",
    Usability.USED_UP: "Used up",
}
BASE_LABELS = {
    PigmentBase.CARBON_BLACK: "Carbon black",
    PigmentBase.IRON_OXIDE: "Iron oxide",
    PigmentBase.OTHER: "Other",
}
CHANNEL_LABELS = {
    ContactChannel.PHONE: "Phone",
    ContactChannel.EMAIL: "E-mail",
    ContactChannel.SMS: "Text message",
    ContactChannel.LETTER: "Letter",
    ContactChannel.IN_PERSON: "In person",
}
OUTCOME_LABELS = {
    ContactOutcome.REACHED: "Reached, informed",
    ContactOutcome.LEFT_MESSAGE: "Left a message",
    ContactOutcome.NO_ANSWER: "No answer",
    ContactOutcome.LETTER_SENT: "Letter sent",
    ContactOutcome.UNDELIVERABLE: "Undeliverable",
    ContactOutcome.CLIENT_REPORTED_REACTION: "Reached, reports a reaction",
}

_SWATCH = re.compile(r"^#[0-9a-fA-F]{6}$")


def is_swatch(text: str) -> bool:
    """A swatch colour is "#rrggbb"."""
    return bool(_SWATCH.match(text))


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it is shorter: 31 Jan + 1 month = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def use_by(expires_on: date | None, opened_on: date | None, months_after_opening: int | None) -> date | None:
    """The last day the lot may be used: its printed use-by date, or sooner once opened when the product has a
    period after opening (e.g. 12 months)."""
    candidates = [d for d in (expires_on,) if d is not None]
    if opened_on is not None and months_after_opening:
        candidates.append(add_months(opened_on, months_after_opening))
    return min(candidates) if candidates else None


def is_expired(last_day: date | None, on: date) -> bool:
    """Expired after its last day; a lot with no date never expires by date (its label is then incomplete for a
    studio that asks for a use-by date, which the checklist shows)."""
    return last_day is not None and on > last_day


def expires_soon(last_day: date | None, on: date, warn_days: int) -> bool:
    return last_day is not None and not is_expired(last_day, on) and (last_day - on).days <= warn_days


def label_gaps(checks: Mapping[str, LabelCheck]) -> tuple[LabelItem, ...]:
    """The checklist items not confirmed on the label: missing, not checked, or "not applicable" on an item that
    always applies."""
    gaps = []
    for item in LABEL_ITEMS:
        check = checks.get(item.field, LabelCheck.UNCHECKED)
        if check is LabelCheck.PRESENT or (check is LabelCheck.NOT_APPLICABLE and item.where_relevant):
            continue
        gaps.append(item)
    return tuple(gaps)


def label_complete(checks: Mapping[str, LabelCheck]) -> bool:
    return not label_gaps(checks)


def usability(
    status: LotStatus,
    last_day: date | None,
    checks: Mapping[str, LabelCheck],
    on: date,
) -> tuple[Usability, ...]:
    """Everything that stands in the way of using the lot on `on`, worst first; (USABLE,) when nothing does."""
    found: list[Usability] = []
    if status is LotStatus.RECALLED:
        found.append(Usability.RECALLED)
    if status is LotStatus.EXPIRED or is_expired(last_day, on):
        found.append(Usability.EXPIRED)
    if status is LotStatus.USED_UP:
        found.append(Usability.USED_UP)
    if not label_complete(checks):
        found.append(Usability.LABEL_INCOMPLETE)
    return tuple(found) or (Usability.USABLE,)


def shown_status(status: LotStatus, last_day: date | None, on: date) -> LotStatus:
    """The status a list shows: a lot in stock or opened past its last day shows as expired."""
    if status in (LotStatus.IN_STOCK, LotStatus.OPENED) and is_expired(last_day, on):
        return LotStatus.EXPIRED
    return status


def format_dilution(water: float | None, pigment: float | None) -> str:
    """3 : 1 (parts distilled water to parts pigment); "" when not recorded."""
    if water is None or pigment is None:
        return ""

    def number(value: float) -> str:
        return f"{value:g}"

    return f"{number(water)} : {number(pigment)}"

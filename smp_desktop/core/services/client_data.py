"""Plain data that crosses the service boundary for clients: what a form sends, what a page and a list show.

Views never hold ORM objects; they get these frozen records, which stay valid after the database
session that produced them has closed.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime

from smp_desktop.core.domain import (
    AlopeciaPattern,
    Greying,
    HairLengthWish,
    HairlineStyle,
    ReferralSource,
    ScalpCondition,
    ScarKind,
    TreatmentReason,
)


@dataclass(frozen=True, slots=True)
class ScarEntry:
    location: str
    kind: ScarKind = ScarKind.OTHER
    notes: str = ""


@dataclass(frozen=True, slots=True)
class ClientDraft:
    """Everything a person can type about a client. Empty strings mean "not given"."""

    first_name: str = ""
    last_name: str = ""
    preferred_name: str = ""
    date_of_birth: date | None = None
    phone: str = ""
    email: str = ""
    address_line1: str = ""
    address_line2: str = ""
    city: str = ""
    postcode: str = ""
    country: str = ""  # ISO 3166 alpha-2, e.g. "GB"
    emergency_contact_name: str = ""
    emergency_contact_phone: str = ""
    emergency_contact_relation: str = ""
    referral_source: ReferralSource | None = None
    referral_detail: str = ""
    notes: str = ""
    # SMP profile
    reasons: tuple[TreatmentReason, ...] = ()
    norwood_stage: str = ""
    alopecia_pattern: AlopeciaPattern | None = None
    alopecia_temporary: bool = False
    scars: tuple[ScarEntry, ...] = ()
    hair_colour: str = ""
    greying: Greying | None = None
    fitzpatrick_type: int | None = None
    scalp_condition: ScalpCondition | None = None
    scalp_condition_notes: str = ""
    hairline_style: HairlineStyle | None = None
    hair_length_wish: HairLengthWish | None = None

    def replace(self, **changes: object) -> ClientDraft:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


# The clinical part of the SMP profile: health data that only those with VIEW_HEALTH see (not the front desk).
CLINICAL_FIELDS = (
    "reasons",
    "norwood_stage",
    "alopecia_pattern",
    "alopecia_temporary",
    "scars",
    "fitzpatrick_type",
    "scalp_condition",
    "scalp_condition_notes",
)


def without_clinical(draft: ClientDraft) -> ClientDraft:
    """The draft with its clinical fields at their blank defaults."""
    blank = ClientDraft()
    return draft.replace(**{name: getattr(blank, name) for name in CLINICAL_FIELDS})


@dataclass(frozen=True, slots=True)
class SuitabilityConcern:
    code: str  # stable: "keep_long_hair", "temporary_alopecia", "under_18"
    message: str


@dataclass(frozen=True, slots=True)
class ClientRecord:
    """A saved client as the client page shows it."""

    id: int
    draft: ClientDraft
    archived: bool
    created_at: datetime
    updated_at: datetime
    concerns: tuple[SuitabilityConcern, ...] = field(default=())
    health_visible: bool = True  # False: the actor may not see health data; the clinical fields are blank here

    @property
    def display_name(self) -> str:
        return display_name(self.draft.first_name, self.draft.last_name, self.draft.preferred_name)


@dataclass(frozen=True, slots=True)
class ClientSummary:
    """One row of the client list: only what the list shows, loaded without ORM objects."""

    id: int
    first_name: str
    last_name: str
    preferred_name: str
    date_of_birth: date | None
    phone: str
    email: str
    archived: bool

    @property
    def display_name(self) -> str:
        return display_name(self.first_name, self.last_name, self.preferred_name)

    @property
    def list_name(self) -> str:
        return list_name(self.first_name, self.last_name, self.preferred_name)


# Kana, CJK ideographs (with extension A) and compatibility ideographs, Hangul syllables.
_EAST_ASIAN_RANGES = (("\u3040", "\u30ff"), ("\u3400", "\u9fff"), ("\uf900", "\ufaff"), ("\uac00", "\ud7af"))


def is_east_asian(text: str) -> bool:
    """Han, Kana or Hangul: names written family name first, without a space."""
    return any(start <= ch <= end for ch in text for start, end in _EAST_ASIAN_RANGES)


def display_name(first: str, last: str, preferred: str = "") -> str:
    """The name as it is said: "Łukasz Żółkiewski", and "王伟" (family name first) for Chinese, Japanese, Korean."""
    return _with_preferred(_family_first(first, last) or f"{first.strip()} {last.strip()}".strip(), first, preferred)


def list_name(first: str, last: str, preferred: str = "") -> str:
    """The name as the list sorts it, family name first: "Żółkiewski, Łukasz (Łuki)", "王伟"."""
    first, last = first.strip(), last.strip()
    name = _family_first(first, last) or (f"{last}, {first}" if first and last else (last or first))
    return _with_preferred(name, first, preferred)


def _family_first(first: str, last: str) -> str:
    """East Asian names, family name first and no space between; "" for other names."""
    first, last = first.strip(), last.strip()
    return f"{last}{first}" if first and last and is_east_asian(first + last) else ""


def _with_preferred(name: str, first: str, preferred: str) -> str:
    preferred = preferred.strip()
    return f"{name} ({preferred})" if preferred and preferred != first.strip() else name

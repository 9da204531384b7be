"""Plain records that cross the ink register's service boundary: products, lots (with their usability worked out
for a day), recalls, the clients a recall reaches with their contact details and contact log, and the clients'
mixes. Frozen; valid after the database session that made them has closed."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime

from smp_desktop.core.domain import ScalpZone
from smp_desktop.core.ink import (
    LABEL_FIELDS,
    USABILITY_LABELS,
    ContactChannel,
    ContactOutcome,
    LabelCheck,
    LabelItem,
    LotStatus,
    PigmentBase,
    Usability,
    format_dilution,
)


@dataclass(frozen=True, slots=True)
class ProductDraft:
    brand: str
    name: str  # the product or shade, e.g. "Scalp Black Soft"
    swatch: str = "#1a1a1a"
    pigment_base: PigmentBase = PigmentBase.CARBON_BLACK
    months_after_opening: int | None = None
    ingredients: str = ""  # as the label lists them (the ink information sheet prints it)
    warnings: str = ""  # the label's warnings (nickel, chromium(VI), ...)
    suggested_dilutions: str = ""  # e.g. "hairline 4 : 1, crown 2 : 1"
    notes: str = ""

    def replace(self, **changes: object) -> ProductDraft:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class ProductRecord:
    id: int
    draft: ProductDraft
    archived: bool
    lot_count: int = 0
    usable_lot_count: int = 0

    @property
    def title(self) -> str:
        return f"{self.draft.brand} {self.draft.name}".strip()


@dataclass(frozen=True, slots=True)
class LotDraft:
    product_id: int
    lot_number: str
    supplier: str = ""
    purchased_on: date | None = None
    expires_on: date | None = None
    opened_on: date | None = None
    quantity: int = 1  # bottles of this batch
    bottle_ml: float | None = None
    status: LotStatus = LotStatus.IN_STOCK
    label_mixture_statement: LabelCheck = LabelCheck.UNCHECKED
    label_batch_number: LabelCheck = LabelCheck.UNCHECKED
    label_ingredients: LabelCheck = LabelCheck.UNCHECKED
    label_ph_regulator: LabelCheck = LabelCheck.UNCHECKED
    label_nickel_chromium: LabelCheck = LabelCheck.UNCHECKED
    label_safety_instructions: LabelCheck = LabelCheck.UNCHECKED
    notes: str = ""

    def replace(self, **changes: object) -> LotDraft:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    @property
    def label_checks(self) -> dict[str, LabelCheck]:
        return {name: getattr(self, name) for name in LABEL_FIELDS}


@dataclass(frozen=True, slots=True)
class RecallInfo:
    id: int
    lot_id: int
    recalled_on: date
    reason: str
    source: str
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class LotRecord:
    """A lot as lists and pickers show it. usability: what stands in the way of using it today, worst first
    ((USABLE,) when nothing does); use_by: its last usable day (use-by date, or sooner once opened)."""

    id: int
    draft: LotDraft
    brand: str
    product_name: str
    swatch: str
    shown_status: LotStatus
    use_by: date | None
    usability: tuple[Usability, ...]
    label_gaps: tuple[LabelItem, ...]
    expires_soon: bool
    recall: RecallInfo | None = None
    sds_document_id: int | None = None
    label_photo_document_id: int | None = None
    times_used: int = 0  # session zones that received it
    ingredients: str = ""
    warnings: str = ""

    @property
    def usable(self) -> bool:
        return self.usability == (Usability.USABLE,)

    @property
    def product_title(self) -> str:
        return f"{self.brand} {self.product_name}".strip()

    @property
    def title(self) -> str:
        """ "Brand Product · lot L-123" """
        return f"{self.product_title} · lot {self.draft.lot_number}"

    @property
    def problem_text(self) -> str:
        """ "Expired, label incomplete" ("" when usable)."""
        if self.usable:
            return ""
        words = [USABILITY_LABELS[u] for u in self.usability]
        return ", ".join([words[0], *(w.lower() for w in words[1:])])


@dataclass(frozen=True, slots=True)
class ContactRecord:
    id: int
    client_id: int
    attempt: int
    channel: ContactChannel
    outcome: ContactOutcome
    note: str
    at: datetime
    by_name: str


@dataclass(frozen=True, slots=True)
class AffectedSession:
    session_id: int
    starts_at: datetime
    zones: tuple[ScalpZone, ...]
    artist_name: str


@dataclass(frozen=True, slots=True)
class AffectedClient:
    """A client who received a lot: how to reach them, when, and what has been tried."""

    client_id: int
    name: str
    phone: str
    email: str
    address: str  # one line
    archived: bool
    sessions: tuple[AffectedSession, ...]
    contacts: tuple[ContactRecord, ...] = ()

    @property
    def informed(self) -> bool:
        from smp_desktop.core.ink import INFORMED_OUTCOMES

        return any(c.outcome in INFORMED_OUTCOMES for c in self.contacts)

    @property
    def last_contact(self) -> ContactRecord | None:
        return self.contacts[-1] if self.contacts else None


@dataclass(frozen=True, slots=True)
class RecallReport:
    """A recalled (or checked) lot and everyone it reached."""

    lot: LotRecord
    recall: RecallInfo | None
    clients: tuple[AffectedClient, ...]

    @property
    def session_count(self) -> int:
        return sum(len(c.sessions) for c in self.clients)


@dataclass(frozen=True, slots=True)
class MixRecord:
    """The client's mix for a zone as last completed."""

    client_id: int
    zone: ScalpZone
    product_id: int | None
    product_title: str
    lot_id: int | None
    lot_number: str
    pigment_shade: str
    dilution_water_parts: float | None
    dilution_pigment_parts: float | None
    notes: str
    session_id: int | None
    updated_at: datetime

    @property
    def dilution(self) -> str:
        return format_dilution(self.dilution_water_parts, self.dilution_pigment_parts)


@dataclass(frozen=True, slots=True)
class PlannedInk:
    """One product planned for a session, as the ink information sheet prints it."""

    zones: tuple[ScalpZone, ...]
    lot: LotRecord

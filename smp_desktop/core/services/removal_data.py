"""Plain data that crosses the service boundary for removal plans: what the plan editor sends, what the client's
Removal tab lists, the pigment the client's records offer for removal and what a session records as it happens.

Records are frozen and stay valid after the database session that produced them has closed."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime

from smp_desktop.core.domain import ScalpZone, SessionKind
from smp_desktop.core.removal import (
    IntervalWarning,
    KirbyDesaiInputs,
    KirbyDesaiScore,
    LaserParameters,
    SessionDate,
    kirby_desai,
)
from smp_desktop.core.removal_vocabulary import (
    InkAmount,
    InkColours,
    Layering,
    RemovalMethod,
    RemovalPlanStatus,
    RemovalReason,
    RemovalSessionStatus,
    Scarring,
    TattooLocation,
    TestSpotOutcome,
)


@dataclass(frozen=True, slots=True)
class RemovalSessionEntry:
    """One session of a plan. id is None for a session the editor added; interval_note says why it is planned
    sooner than the method's minimum interval (required when it is)."""

    id: int | None = None
    status: RemovalSessionStatus = RemovalSessionStatus.PLANNED
    planned_on: date | None = None
    done_on: date | None = None
    wavelength_nm: int | None = None
    fluence_j_cm2: float | None = None
    spot_size_mm: float | None = None
    repetition_hz: float | None = None
    interval_note: str = ""
    notes: str = ""
    performed_by_id: int | None = None

    @property
    def parameters(self) -> LaserParameters:
        return LaserParameters(self.wavelength_nm, self.fluence_j_cm2, self.spot_size_mm, self.repetition_hz)

    @property
    def dates(self) -> SessionDate:
        return SessionDate(self.status, self.planned_on, self.done_on)

    @property
    def on(self) -> date | None:
        return self.dates.on

    def replace(self, **changes: object) -> RemovalSessionEntry:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class RemovalTargetEntry:
    """Pigment being removed: copied from a session zone (session_zone_id) or typed; lot_id is the ink
    register's lot when the zone named one."""

    zone: ScalpZone | None = None
    pigment_shade: str = ""
    pigment_lot: str = ""
    applied_on: date | None = None
    session_zone_id: int | None = None
    lot_id: int | None = None
    notes: str = ""

    def replace(self, **changes: object) -> RemovalTargetEntry:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class RemovalPhotoEntry:
    photo_id: int
    caption: str = ""


@dataclass(frozen=True, slots=True)
class RemovalPlanDraft:
    """Everything a person sets on a plan. The Kirby-Desai score and the earliest date for new SMP are the
    service's to compute (see RemovalPlanRecord)."""

    reason: RemovalReason
    method: RemovalMethod
    status: RemovalPlanStatus = RemovalPlanStatus.ASSESSMENT
    device: str = ""
    provider_name: str = ""  # the clinic or practitioner when the work is referred
    provider_contact: str = ""
    fitzpatrick_type: int | None = None
    kd_location: TattooLocation | None = TattooLocation.HEAD_NECK
    kd_colours: InkColours | None = None
    kd_amount: InkAmount | None = None
    kd_scarring: Scarring | None = None
    kd_layering: Layering | None = None
    test_spot_on: date | None = None
    test_spot_outcome: TestSpotOutcome | None = None
    test_spot_notes: str = ""
    risks: str = ""
    aftercare: str = ""  # key of the aftercare text set; blank: the method's default
    notes: str = ""
    sessions: tuple[RemovalSessionEntry, ...] = ()
    targets: tuple[RemovalTargetEntry, ...] = ()
    photos: tuple[RemovalPhotoEntry, ...] = ()

    @property
    def kirby_desai_inputs(self) -> KirbyDesaiInputs:
        return KirbyDesaiInputs(
            self.fitzpatrick_type, self.kd_location, self.kd_colours, self.kd_amount, self.kd_scarring, self.kd_layering
        )

    @property
    def kirby_desai(self) -> KirbyDesaiScore:
        return kirby_desai(self.kirby_desai_inputs)

    def replace(self, **changes: object) -> RemovalPlanDraft:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class RemovalPlanRecord:
    """A saved plan as the editor and the document show it. warnings: sessions planned sooner than the method's
    minimum interval (each carries its interval note in the draft)."""

    id: int
    client_id: int
    client_name: str
    draft: RemovalPlanDraft
    kd_score: int | None
    earliest_new_smp_on: date | None
    warnings: tuple[IntervalWarning, ...]
    staff_names: tuple[tuple[int, str], ...]  # who performed sessions, by id
    created_at: datetime
    updated_at: datetime
    created_by: str
    updated_by: str

    @property
    def kirby_desai(self) -> KirbyDesaiScore:
        return self.draft.kirby_desai

    def staff_name(self, staff_id: int | None) -> str:
        return dict(self.staff_names).get(staff_id, "") if staff_id is not None else ""

    @property
    def done_sessions(self) -> tuple[RemovalSessionEntry, ...]:
        return tuple(s for s in self.draft.sessions if s.status is RemovalSessionStatus.DONE)


@dataclass(frozen=True, slots=True)
class RemovalPlanSummary:
    """One row of the client's plan list."""

    id: int
    reason: RemovalReason
    method: RemovalMethod
    status: RemovalPlanStatus
    created_at: datetime
    sessions_done: int
    sessions_planned: int
    kd_score: int | None
    next_session_on: date | None
    earliest_new_smp_on: date | None
    provider_name: str


@dataclass(frozen=True, slots=True)
class NewSmpHold:
    """Removal keeps new SMP off the client's scalp until `until` (the last session, done or planned, plus the
    studio's wait); last_done_on is the latest removal session done, if any."""

    plan_id: int
    method: RemovalMethod
    until: date
    last_done_on: date | None


@dataclass(frozen=True, slots=True)
class PigmentSource:
    """A zone of one of the client's completed sessions: pigment the plan may remove."""

    session_zone_id: int
    session_id: int
    session_kind: SessionKind
    applied_on: date
    zone: ScalpZone
    pigment_shade: str
    pigment_lot: str
    lot_id: int | None

    def as_target(self) -> RemovalTargetEntry:
        return RemovalTargetEntry(
            zone=self.zone,
            pigment_shade=self.pigment_shade,
            pigment_lot=self.pigment_lot,
            applied_on=self.applied_on,
            session_zone_id=self.session_zone_id,
            lot_id=self.lot_id,
        )

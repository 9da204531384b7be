"""Plain data that crosses the service boundary for treatment sessions: what the session editor sends, what the
client's Sessions tab and the day's appointment list show, the course at a glance and the next-session suggestion.

Times are aware datetimes (stored in UTC, shown in the computer's time zone); records are frozen and stay valid
after the database session that produced them has closed."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from smp_desktop.core.domain import ScalpZone, SessionKind, SessionStatus

# The course sessions in order; a 4th is offered for alopecia, scars, very dry or thick skin (DOMAIN.md).
COURSE_KINDS: tuple[SessionKind, ...] = (
    SessionKind.SESSION_1,
    SessionKind.SESSION_2,
    SessionKind.SESSION_3,
    SessionKind.SESSION_4,
)


@dataclass(frozen=True, slots=True)
class ZoneEntry:
    """What went into one scalp zone. Dilution is parts distilled water to parts pigment (3 : 1). lot_id: the ink
    register's lot; when set, pigment_shade and pigment_lot are filled from it on save (the text stays for
    history and for zones recorded before the register). lot_override_reason: why a lot that is expired,
    recalled, used up or has an incomplete label was used anyway (required for such a lot)."""

    zone: ScalpZone
    pigment_shade: str = ""
    pigment_lot: str = ""
    dilution_water_parts: float | None = None
    dilution_pigment_parts: float | None = None
    needle: str = ""  # e.g. "1RL 0.25 mm"
    machine_voltage: float | None = None  # volts (rotary and coil machines)
    machine_stroke_mm: float | None = None  # stroke length (pen machines)
    machine_speed: str = ""  # as the machine shows it: Hz, rpm or a level
    depth_notes: str = ""
    dot_density: str = ""
    notes: str = ""
    lot_id: int | None = None
    lot_override_reason: str = ""

    def replace(self, **changes: object) -> ZoneEntry:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


# What reception may set: the appointment itself. Everything else is the treatment record (owner and artists).
BOOKING_FIELDS: tuple[str, ...] = ("kind", "starts_at", "duration_minutes", "artist_id", "notes", "spacing_note")
TREATMENT_FIELDS: tuple[str, ...] = ("numbing", "skin_reaction", "health_unchanged", "health_changes", "zones")


@dataclass(frozen=True, slots=True)
class SessionDraft:
    """Everything a person can set about a session, apart from its status (see SessionService.mark_completed and
    cancel). health_unchanged: the client's "no change in my health since the last visit" — None until asked,
    False with health_changes saying what changed. spacing_note: why it was booked sooner than the studio's
    minimum spacing (required when it is)."""

    kind: SessionKind
    starts_at: datetime
    duration_minutes: int = 180
    artist_id: int | None = None
    numbing: str = ""
    skin_reaction: str = ""
    health_unchanged: bool | None = None
    health_changes: str = ""
    spacing_note: str = ""
    notes: str = ""
    zones: tuple[ZoneEntry, ...] = ()

    def replace(self, **changes: object) -> SessionDraft:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """A saved session as the editor shows it. health_visible is False when the actor may not see health answers
    (reception): health_unchanged and health_changes are then blanked, not the real answer."""

    id: int
    client_id: int
    client_name: str
    draft: SessionDraft
    status: SessionStatus
    cancel_reason: str
    artist_name: str
    created_at: datetime
    updated_at: datetime
    health_visible: bool = True

    @property
    def ends_at(self) -> datetime:
        return self.draft.starts_at + timedelta(minutes=self.draft.duration_minutes)


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """One row of a client's session list."""

    id: int
    kind: SessionKind
    status: SessionStatus
    starts_at: datetime
    duration_minutes: int
    artist_name: str
    zones: tuple[ScalpZone, ...]
    cancel_reason: str = ""


@dataclass(frozen=True, slots=True)
class Appointment:
    """One planned session in the day's list (reception's view, tomorrow's paperwork)."""

    id: int
    client_id: int
    client_name: str
    kind: SessionKind
    starts_at: datetime
    duration_minutes: int
    artist_id: int | None
    artist_name: str


@dataclass(frozen=True, slots=True)
class ScheduleWarning:
    """Something about the date, time or artist the person must confirm. code: "spacing_too_soon" (needs a reason
    in spacing_note) or "artist_overlap" (needs accept_overlap). `message` is English; params are for rewording."""

    code: str
    message: str
    params: tuple[tuple[str, str], ...] = ()

    def param(self, name: str) -> str:
        return dict(self.params).get(name, "")


@dataclass(frozen=True, slots=True)
class NextSession:
    """The suggested next session: its kind, a start at the studio's spacing after the previous pigmenting
    session (window_start–window_end is the studio's minimum–maximum spacing), and who did the previous one."""

    kind: SessionKind
    starts_at: datetime
    duration_minutes: int
    artist_id: int | None
    window_start: date | None = None
    window_end: date | None = None
    after_kind: SessionKind | None = None  # the session it is spaced from
    after_date: date | None = None


@dataclass(frozen=True, slots=True)
class CourseSummary:
    """The course at a glance: "2 of 3 sessions done · next: Thu 3 Dec 2026, 10:00 · touch-up due Nov 2031"."""

    client_id: int
    client_name: str
    sessions_done: int  # completed course sessions (session 1–4)
    course_length: int  # 3, or 4 for alopecia and scars (or when a 4th was booked)
    next_planned: SessionSummary | None
    last_pigmenting: SessionSummary | None  # the last completed session that put pigment in the scalp
    touch_up_due: date | None
    touch_up_years: int
    touch_up_years_is_clients_own: bool  # the client's own interval rather than the studio's
    suggestion: NextSession
    spacing_min_days: int
    spacing_max_days: int

    @property
    def course_complete(self) -> bool:
        return self.sessions_done >= self.course_length


@dataclass(frozen=True, slots=True)
class ClientSessions:
    """What the client's Sessions tab loads in one call."""

    course: CourseSummary
    sessions: tuple[SessionSummary, ...]

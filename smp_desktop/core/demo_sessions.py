"""The demo studio's treatment sessions: past courses (consultation, sessions 1–3 at 10–14 days, a 4th for alopecia
and scars) with zones, shades, lots, dilutions, needles and machine settings; touch-ups done and due; a few
cancellations; and the coming weeks' appointments, booked into the artists' free slots in studio hours so that
reception has tomorrow's list and no artist is booked twice.

Deterministic: the same seed, clients and `today` always give the same sessions. Built as plain records and
inserted in bulk (`SessionService.create_many`), so a 10,000-client demo stays quick."""

from __future__ import annotations

import random
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from smp_desktop.core.domain import ScalpZone, SessionKind, SessionStatus, StaffRole, TreatmentReason
from smp_desktop.core.models import Client
from smp_desktop.core.progress import Progress
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.clients import batched
from smp_desktop.core.services.session_data import SessionDraft, ZoneEntry
from smp_desktop.core.services.sessions import SessionService
from smp_desktop.core.services.studio import StudioService

DEMO_STAFF = (
    ("Priya Shah", StaffRole.ARTIST),
    ("Tomasz Nowak", StaffRole.ARTIST),
    ("Chloe Evans", StaffRole.RECEPTION),
)
TREATMENT_STARTS = (time(9, 30), time(13, 30))  # two 3-hour sessions per artist and day
CONSULTATION_START = time(17, 0)
BOOKING_HORIZON_DAYS = 24  # how far ahead the appointment book is filled
SUNDAY = 6
BATCH = 5000

Item = tuple[int, SessionDraft, SessionStatus, str]

_CHANGES = (
    "Started amlodipine 5 mg for blood pressure; GP letter seen",
    "Had a cold last week, fully recovered",
    "New: isotretinoin stopped two months ago",
    "Minor sunburn on the neck, not in the treated area",
)
_NUMBING = ("", "none", "lidocaine 5% cream, 30 min before", "cold pack between zones")
_REACTION = ("mild redness", "minimal redness", "pinpoint bleeding at the crown, settled", "")
_CANCEL = (
    "Client ill (flu)",
    "Sunburn on the scalp — postponed",
    "Client asked to move the date (work trip)",
    "No-show; rebooked by phone",
)
_DENSITY = {1: "sparse, first layer", 2: "medium, filling gaps", 3: "dense, final layer", 4: "dense, blending"}


@dataclass(frozen=True, slots=True)
class DemoClient:
    id: int
    reasons: tuple[TreatmentReason, ...]


@dataclass(frozen=True, slots=True)
class Artist:
    id: int
    pen_machine: bool  # a pen machine is set by stroke, a rotary by voltage


class SlotBook:
    """Which artist is booked at which start, for the coming weeks (no artist gets two clients at once)."""

    def __init__(self, artists: Sequence[Artist], today: date) -> None:
        self._artists = artists
        self._today = today
        self._taken: set[tuple[date, int, time]] = set()

    def book(
        self, earliest: date, latest: date, starts: Sequence[time], prefer: Artist
    ) -> tuple[date, time, Artist] | None:
        day = max(earliest, self._today)
        while day <= latest:
            if day.weekday() != SUNDAY:
                for artist in (prefer, *[a for a in self._artists if a is not prefer]):
                    for start in starts:
                        if (day, artist.id, start) not in self._taken:
                            self._taken.add((day, artist.id, start))
                            return day, start, artist
            day += timedelta(days=1)
        return None


def add_demo_sessions(
    studio_service: StudioService,
    sessions: SessionService,
    database: sessionmaker[Session],
    owner: Actor,
    *,
    seed: int,
    today: date,
) -> Generator[Progress, None, int]:
    """Add the demo staff and every demo client's sessions; yields progress, returns how many sessions."""
    staff = [studio_service.add_staff(owner, name, role) for name, role in DEMO_STAFF]
    artists = [Artist(owner.staff_id, False)] + [
        Artist(member.id, number == 1) for number, member in enumerate(staff) if member.treats_clients
    ]
    with database() as session:
        rows = session.execute(select(Client.id, Client.reasons).order_by(Client.id)).all()
    clients = [DemoClient(client_id, tuple(reasons or ())) for client_id, reasons in rows]
    total = len(clients)
    yield Progress(0, total, "Booking sessions")
    count = done = 0
    for chunk in batched(demo_sessions(clients, artists, seed=seed, today=today), BATCH):
        count += sessions.create_many(owner, chunk, action="demo")
        done = min(total, done + BATCH // 3)
        yield Progress(done, total, "Booking sessions")
    yield Progress(total, total, "Booking sessions")
    return count


def demo_sessions(
    clients: Sequence[DemoClient], artists: Sequence[Artist], *, seed: int, today: date
) -> Iterator[Item]:
    """Every client's sessions in client order (the studio's whole history and its appointment book)."""
    rnd = random.Random(f"{seed}-sessions")
    book = SlotBook(artists, today)
    made: dict[tuple[object, ...], tuple[ZoneEntry, ...]] = {}
    horizon = today + timedelta(days=BOOKING_HORIZON_DAYS)
    for client in clients:
        artist = artists[int(rnd.random() * len(artists))]
        course = _Course(client, artist, rnd, today, made)
        roll = rnd.random()
        if roll < 0.05:  # came for a consultation and has not booked
            yield course.completed(SessionKind.CONSULTATION, today - timedelta(days=rnd.randint(20, 900)))
        elif roll < 0.09:  # a new enquiry: the consultation is in the book
            slot = book.book(today, horizon, (CONSULTATION_START,), artist)
            if slot is not None:
                yield course.planned(SessionKind.CONSULTATION, *slot)
        elif roll < 0.21:  # a course under way: what is done, and the next session booked at the spacing
            yield from course.under_way(book)
        elif roll < 0.25:
            continue  # on file, never treated (e.g. imported from the old system)
        else:
            yield from course.finished()


class _Course:
    """One client's course: shades, zones and the artist's machine stay the same from session to session."""

    def __init__(
        self,
        client: DemoClient,
        artist: Artist,
        rnd: random.Random,
        today: date,
        made: dict[tuple[object, ...], tuple[ZoneEntry, ...]],
    ) -> None:
        self.client = client
        self.made = made
        self.artist = artist
        self.rnd = rnd
        self.today = today
        reasons = set(client.reasons)
        self.fourth = bool(reasons & {TreatmentReason.ALOPECIA, TreatmentReason.SCAR_CONCEALMENT})
        self.zones = _zones_for(reasons, rnd)
        self.voltage = round(7.5 + rnd.random(), 1)

    def finished(self) -> Iterator[Item]:
        rnd = self.rnd
        end = _weekday(self.today - timedelta(days=rnd.randint(30, 2900)))  # the last session: 1 month–8 years ago
        kinds = [SessionKind.SESSION_1, SessionKind.SESSION_2, SessionKind.SESSION_3]
        if self.fourth:
            kinds.append(SessionKind.SESSION_4)
        days = [end]
        for _ in kinds[1:]:
            days.insert(0, _weekday(days[0] - timedelta(days=rnd.randint(10, 14))))
        consultation = _weekday(days[0] - timedelta(days=rnd.randint(5, 21)))
        yield self.completed(SessionKind.CONSULTATION, consultation)
        cancelled_at = rnd.randint(0, len(kinds) * 12)  # about one course in twelve has a cancellation
        for number, (kind, day) in enumerate(zip(kinds, days, strict=True)):
            if number == cancelled_at:
                yield self.cancelled(kind, _weekday(day - timedelta(days=5)))
            yield self.completed(kind, day)
        touch_up = _weekday(end + timedelta(days=365 * 4 + rnd.randint(120, 420)))
        if touch_up < self.today - timedelta(days=3) and rnd.random() < 0.45:
            yield self.completed(SessionKind.TOUCH_UP, touch_up)

    def under_way(self, book: SlotBook) -> Iterator[Item]:
        rnd = self.rnd
        stage = rnd.randint(0, 2)  # consultation, session 1 or session 2 done
        last = _weekday(self.today - timedelta(days=rnd.randint(1, 13)))
        days = [last]
        for _ in range(stage - 1):
            days.insert(0, _weekday(days[0] - timedelta(days=rnd.randint(10, 14))))
        consultation = _weekday(days[0] - timedelta(days=rnd.randint(3, 10))) if stage else days.pop(0)
        yield self.completed(SessionKind.CONSULTATION, consultation)
        kinds = [SessionKind.SESSION_1, SessionKind.SESSION_2, SessionKind.SESSION_3]
        for kind, day in zip(kinds, days, strict=False):
            yield self.completed(kind, day)
        previous = days[-1] if days else consultation
        earliest = previous + timedelta(days=10 if days else rnd.randint(2, 10))
        slot = book.book(earliest, max(earliest, self.today) + timedelta(days=6), TREATMENT_STARTS, self.artist)
        if slot is not None:
            yield self.planned(kinds[len(days)], *slot)

    # --- one session ----------------------------------------------------------------------------------------
    def completed(self, kind: SessionKind, day: date) -> Item:
        rnd = self.rnd
        consultation = kind is SessionKind.CONSULTATION
        start = CONSULTATION_START if consultation else TREATMENT_STARTS[int(rnd.random() * 2)]
        changed = rnd.random() < 0.05
        draft = SessionDraft(
            kind=kind,
            starts_at=_at(day, start),
            duration_minutes=60 if consultation else (120 if kind is SessionKind.TOUCH_UP else 180),
            artist_id=self.artist.id,
            numbing="" if consultation else _NUMBING[int(rnd.random() * len(_NUMBING))],
            skin_reaction="" if consultation else _REACTION[int(rnd.random() * len(_REACTION))],
            health_unchanged=not changed,
            health_changes=_CHANGES[int(rnd.random() * len(_CHANGES))] if changed else "",
            notes="Hairline and shade agreed; photos taken" if consultation else "",
            zones=() if consultation else self._zones(kind, day),
        )
        return self.client.id, draft, SessionStatus.COMPLETED, ""

    def planned(self, kind: SessionKind, day: date, start: time, artist: Artist) -> Item:
        minutes = 60 if kind is SessionKind.CONSULTATION else 180
        draft = SessionDraft(kind=kind, starts_at=_at(day, start), duration_minutes=minutes, artist_id=artist.id)
        return self.client.id, draft, SessionStatus.PLANNED, ""

    def cancelled(self, kind: SessionKind, day: date) -> Item:
        draft = SessionDraft(kind=kind, starts_at=_at(day, TREATMENT_STARTS[0]), artist_id=self.artist.id)
        return self.client.id, draft, SessionStatus.CANCELLED, _CANCEL[int(self.rnd.random() * len(_CANCEL))]

    def _zones(self, kind: SessionKind, day: date) -> tuple[ZoneEntry, ...]:
        # A bottle's lot lasts the studio a few months, so many clients share a lot: the same zones, machine and
        # lot give the same (frozen) records, made once.
        lot = f"CB-{day.year % 100:02d}{1 + (day.month - 1) // 3:1d}{(day.month * 37 + day.year) % 90 + 10:02d}"
        key = (self.zones, self.artist.pen_machine, self.voltage, kind, lot)
        found = self.made.get(key)
        if found is None:
            found = self.made[key] = self._make_zones(kind, lot)
        return found

    def _make_zones(self, kind: SessionKind, lot: str) -> tuple[ZoneEntry, ...]:
        number = {SessionKind.SESSION_1: 1, SessionKind.SESSION_2: 2, SessionKind.SESSION_3: 3}.get(kind, 4)
        water = {1: 3.0, 2: 2.0, 3: 1.0, 4: 1.0}[number] if kind is not SessionKind.TOUCH_UP else 2.0
        entries = []
        for zone in self.zones:
            soft_edge = zone in (ScalpZone.HAIRLINE, ScalpZone.LEFT_TEMPLE, ScalpZone.RIGHT_TEMPLE)
            fine = soft_edge or zone is ScalpZone.SCAR
            entries.append(
                ZoneEntry(
                    zone=zone,
                    pigment_shade="Carbon black (soft)" if soft_edge else "Carbon black",
                    pigment_lot=lot,
                    dilution_water_parts=water + (1.0 if soft_edge else 0.0),
                    dilution_pigment_parts=1.0,
                    needle="1RL 0.25 mm" if fine else ("3RL 0.30 mm" if zone is ScalpZone.CROWN else "1RL 0.30 mm"),
                    machine_voltage=None if self.artist.pen_machine else self.voltage,
                    machine_stroke_mm=3.0 if self.artist.pen_machine else None,
                    machine_speed="level 5" if self.artist.pen_machine else "90 Hz",
                    depth_notes="very shallow at the edge" if soft_edge else "0.3–0.4 mm, even pressure",
                    dot_density=_DENSITY[number] if kind is not SessionKind.TOUCH_UP else "refresh where faded",
                )
            )
        return tuple(entries)


def _zones_for(reasons: set[TreatmentReason], rnd: random.Random) -> tuple[ScalpZone, ...]:
    wanted: set[ScalpZone] = set()
    if TreatmentReason.THINNING in reasons or not reasons:
        wanted |= {ScalpZone.HAIRLINE, ScalpZone.FRONTAL, ScalpZone.MID_SCALP, ScalpZone.CROWN}
        if rnd.random() < 0.5:
            wanted |= {ScalpZone.LEFT_TEMPLE, ScalpZone.RIGHT_TEMPLE}
    if TreatmentReason.DENSITY in reasons:
        wanted |= {ScalpZone.MID_SCALP, ScalpZone.CROWN}
    if TreatmentReason.ALOPECIA in reasons:
        wanted |= {ScalpZone.HAIRLINE, ScalpZone.FRONTAL, ScalpZone.MID_SCALP, ScalpZone.CROWN, ScalpZone.SIDES}
    if TreatmentReason.SCAR_CONCEALMENT in reasons:
        wanted |= {ScalpZone.SCAR, ScalpZone.BACK}
    return tuple(zone for zone in ScalpZone if zone in wanted)


def _weekday(day: date) -> date:
    """The studio is closed on Sundays: a Sunday becomes the Saturday before (walking back from the last session
    of a course, so the spacing only grows)."""
    return day - timedelta(days=1) if day.weekday() == SUNDAY else day


def _at(day: date, start: time) -> datetime:
    """Studio hours are wall-clock times in the computer's time zone."""
    return datetime.combine(day, start).astimezone()

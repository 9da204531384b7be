"""The rules of the treatment course, as plain functions over a client's sessions: spacing between pigmenting
sessions, an artist's overlapping bookings, the suggested next session and the course at a glance.

The intervals come from the studio's settings (and the client's own touch-up interval); nothing here reads the
database, so the rules are tested on their own."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from smp_desktop.core.domain import PIGMENTING_KINDS, SessionKind, SessionStatus
from smp_desktop.core.services.session_data import COURSE_KINDS, NextSession, ScheduleWarning
from smp_desktop.core.services.session_validation import local_date

DEFAULT_START = time(10, 0)  # a suggestion with no earlier session to copy the time of day from
DEFAULT_MINUTES: dict[SessionKind, int] = {
    SessionKind.CONSULTATION: 60,
    SessionKind.TOUCH_UP: 120,
    SessionKind.COLOUR_CORRECTION: 120,
    SessionKind.REMOVAL: 60,
}
COURSE_MINUTES = 180
STANDARD_COURSE = 3
LONGER_COURSE = 4


@dataclass(frozen=True, slots=True)
class Booked:
    """A session already on the books, as the rules need it."""

    id: int
    kind: SessionKind
    status: SessionStatus
    starts_at: datetime
    duration_minutes: int
    artist_id: int | None = None

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def counts(self) -> bool:
        return self.status is not SessionStatus.CANCELLED


def default_minutes(kind: SessionKind) -> int:
    return DEFAULT_MINUTES.get(kind, COURSE_MINUTES)


def course_number(kind: SessionKind) -> int:
    """1–4 for the course sessions, 0 for anything else."""
    return COURSE_KINDS.index(kind) + 1 if kind in COURSE_KINDS else 0


def add_years(day: date, years: int) -> date:
    """The same day `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def spacing_warning(
    kind: SessionKind,
    starts_at: datetime,
    others: Sequence[Booked],
    *,
    min_days: int,
    tz: tzinfo | None = None,
) -> ScheduleWarning | None:
    """A pigmenting session closer than `min_days` to another (not cancelled) pigmenting session of the client:
    after one whose scalp is still healing, or before one that would then be booked too soon after it."""
    if kind not in PIGMENTING_KINDS:
        return None
    day = local_date(starts_at, tz)
    candidates = []
    for other in others:
        if other.counts and other.kind in PIGMENTING_KINDS:
            gap = (day - local_date(other.starts_at, tz)).days
            if abs(gap) < min_days:
                candidates.append((abs(gap), gap < 0, other))
    if not candidates:
        return None
    days, is_before, other = min(candidates, key=lambda c: (c[0], c[1], c[2].starts_at))
    other_day = local_date(other.starts_at, tz)
    when = f"{other_day:%a %d %b %Y}"
    span = f"{days} day" if days == 1 else f"{days} days"
    if is_before:
        message = (
            f"{_kind_text(other.kind)} on {when} is only {span} after this one; the studio's minimum spacing "
            f"is {min_days} days, so the scalp would still be healing."
        )
    else:
        message = (
            f"{_kind_text(other.kind)} on {when} was only {span} earlier; the studio's minimum spacing is "
            f"{min_days} days, so the scalp is still healing."
        )
    return ScheduleWarning(
        "spacing_too_soon",
        message,
        (
            ("other_kind", other.kind.value),
            ("other_date", other_day.isoformat()),
            ("days", str(days)),
            ("min_days", str(min_days)),
            ("direction", "before" if is_before else "after"),
        ),
    )


def overlap_warning(
    starts_at: datetime,
    duration_minutes: int,
    others: Sequence[tuple[Booked, str]],
    artist_name: str,
    tz: tzinfo | None = None,
) -> ScheduleWarning | None:
    """The artist already has a (not cancelled) session at that time; `others` pairs each with its client's name."""
    ends_at = starts_at + timedelta(minutes=duration_minutes)
    clashes = sorted(
        ((b, name) for b, name in others if b.counts and b.starts_at < ends_at and starts_at < b.ends_at),
        key=lambda pair: pair[0].starts_at,
    )
    if not clashes:
        return None
    booked, client_name = clashes[0]
    start, end = booked.starts_at.astimezone(tz), booked.ends_at.astimezone(tz)
    return ScheduleWarning(
        "artist_overlap",
        f"{artist_name} already has {_kind_text(booked.kind)} with {client_name} from {start:%H:%M} to "
        f"{end:%H:%M} on {start:%a %d %b %Y}.",
        (
            ("artist", artist_name),
            ("client", client_name),
            ("other_kind", booked.kind.value),
            ("starts_at", booked.starts_at.isoformat()),
            ("ends_at", booked.ends_at.isoformat()),
            ("count", str(len(clashes))),
        ),
    )


def course_length(history: Sequence[Booked], *, offers_fourth: bool) -> int:
    """3 sessions, or 4 when the client's case calls for a 4th (alopecia, scars, very dry or thick skin) or one
    was booked anyway."""
    if offers_fourth or any(b.counts and b.kind is SessionKind.SESSION_4 for b in history):
        return LONGER_COURSE
    return STANDARD_COURSE


def last_completed_pigmenting(history: Sequence[Booked]) -> Booked | None:
    done = [b for b in history if b.status is SessionStatus.COMPLETED and b.kind in PIGMENTING_KINDS]
    return max(done, key=lambda b: b.starts_at, default=None)


def touch_up_due(history: Sequence[Booked], years: int, tz: tzinfo | None = None) -> date | None:
    """The touch-up recall: the last completed pigmenting session plus the touch-up interval."""
    last = last_completed_pigmenting(history)
    return None if last is None else add_years(local_date(last.starts_at, tz), years)


def suggest_next(
    history: Sequence[Booked],
    *,
    offers_fourth: bool,
    min_days: int,
    max_days: int,
    touch_up_years: int,
    today: date,
    default_artist: int | None,
    tz: tzinfo | None = None,
) -> NextSession:
    """The next session to book: consultation → session 1 → 2 → 3 (→ 4) → touch-up, at the studio's spacing after
    the previous pigmenting session (the touch-up at the recall date), never earlier than tomorrow."""
    active = sorted((b for b in history if b.counts and b.kind is not SessionKind.REMOVAL), key=lambda b: b.starts_at)
    tomorrow = today + timedelta(days=1)
    if not active:
        start = _at(tomorrow, DEFAULT_START, tz)
        return NextSession(SessionKind.CONSULTATION, start, default_minutes(SessionKind.CONSULTATION), default_artist)
    last = active[-1]
    highest = max((course_number(b.kind) for b in active), default=0)
    length = course_length(history, offers_fourth=offers_fourth)
    pigmenting = [b for b in active if b.kind in PIGMENTING_KINDS]
    previous = pigmenting[-1] if pigmenting else last
    previous_day = local_date(previous.starts_at, tz)
    window: tuple[date, date] | None = None
    if highest < length:
        kind = COURSE_KINDS[highest]
        earliest = previous_day + timedelta(days=min_days)
        if previous.kind in PIGMENTING_KINDS:
            window = (earliest, previous_day + timedelta(days=max_days))
    else:
        kind = SessionKind.TOUCH_UP
        earliest = add_years(previous_day, touch_up_years)
    day = max(earliest, tomorrow)
    clock = previous.starts_at.astimezone(tz).time().replace(second=0, microsecond=0)
    same_sort = (previous.kind in COURSE_KINDS) == (kind in COURSE_KINDS)
    minutes = previous.duration_minutes if same_sort and previous.kind in PIGMENTING_KINDS else default_minutes(kind)
    return NextSession(
        kind=kind,
        starts_at=_at(day, clock, tz),
        duration_minutes=minutes,
        artist_id=last.artist_id if last.artist_id is not None else default_artist,
        window_start=window[0] if window else None,
        window_end=window[1] if window else None,
        after_kind=previous.kind,
        after_date=previous_day,
    )


def _at(day: date, clock: time, tz: tzinfo | None) -> datetime:
    """A local wall-clock time on a day, as an aware datetime (the computer's zone unless one is given)."""
    naive = datetime.combine(day, clock)
    return naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()


def _kind_text(kind: SessionKind) -> str:
    return kind.value.replace("_", " ").capitalize()

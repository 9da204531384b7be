"""The course rules on their own: spacing, overlaps, the suggestion and the touch-up date, in a fixed time zone."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from smp_desktop.core.domain import SessionKind, SessionStatus
from smp_desktop.core.services.session_schedule import (
    Booked,
    add_years,
    course_length,
    overlap_warning,
    spacing_warning,
    suggest_next,
    touch_up_due,
)

TZ = timezone(timedelta(hours=-5))  # a studio west of UTC: its evening is the next day in UTC
TODAY = date(2026, 11, 25)
K = SessionKind
S = SessionStatus


def at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


def booked(n: int, kind: SessionKind, day: date, status: SessionStatus = S.COMPLETED, **kw: object) -> Booked:
    return Booked(n, kind, status, kw.pop("starts_at", at(day)), kw.pop("minutes", 180), kw.pop("artist", 7))  # type: ignore[arg-type]


def suggest(history: list[Booked], **kw: object) -> object:
    options: dict[str, object] = dict(
        offers_fourth=False, min_days=10, max_days=14, touch_up_years=5, today=TODAY, default_artist=1, tz=TZ
    )
    options.update(kw)
    return suggest_next(history, **options)  # type: ignore[arg-type]


def test_add_years_keeps_the_day_and_moves_29_february() -> None:
    assert add_years(date(2026, 3, 9), 5) == date(2031, 3, 9)
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)


def test_spacing_counts_calendar_days_in_the_studios_zone() -> None:
    # 21:00 local is the next day in UTC; the studio's calendar day is what counts.
    previous = booked(1, K.SESSION_1, date(2026, 11, 1), starts_at=at(date(2026, 11, 1), 21))
    nine_days = spacing_warning(K.SESSION_2, at(date(2026, 11, 10), 9), [previous], min_days=10, tz=TZ)
    assert nine_days is not None and nine_days.param("days") == "9"
    assert spacing_warning(K.SESSION_2, at(date(2026, 11, 11), 9), [previous], min_days=10, tz=TZ) is None


def test_spacing_only_between_pigmenting_sessions_that_count() -> None:
    consultation = booked(1, K.CONSULTATION, date(2026, 11, 20))
    cancelled = booked(2, K.SESSION_1, date(2026, 11, 21), S.CANCELLED)
    removal = booked(3, K.REMOVAL, date(2026, 11, 22))
    assert spacing_warning(K.SESSION_1, at(TODAY), [consultation, cancelled, removal], min_days=10, tz=TZ) is None
    assert spacing_warning(K.CONSULTATION, at(TODAY), [booked(4, K.SESSION_1, TODAY)], min_days=10, tz=TZ) is None


def test_spacing_reports_the_closest_session_and_prefers_the_earlier_one() -> None:
    before = booked(1, K.SESSION_1, TODAY - timedelta(days=4))
    after = booked(2, K.SESSION_3, TODAY + timedelta(days=4), S.PLANNED)
    warning = spacing_warning(K.SESSION_2, at(TODAY), [after, before], min_days=10, tz=TZ)
    assert warning is not None
    assert (warning.param("direction"), warning.param("other_kind")) == ("after", "session_1")
    assert "only 4 days earlier" in warning.message
    same_day = spacing_warning(K.TOUCH_UP, at(TODAY, 16), [booked(3, K.TOUCH_UP, TODAY)], min_days=10, tz=TZ)
    assert same_day is not None and same_day.param("days") == "0"


def test_overlap_needs_real_overlap_and_ignores_cancelled() -> None:
    other = booked(1, K.SESSION_2, TODAY, S.PLANNED, starts_at=at(TODAY, 10), minutes=180)
    gone = booked(2, K.SESSION_1, TODAY, S.CANCELLED, starts_at=at(TODAY, 13), minutes=60)
    assert overlap_warning(at(TODAY, 13), 60, [(other, "王伟"), (gone, "X")], "Priya", TZ) is None
    assert overlap_warning(at(TODAY, 9), 60, [(other, "王伟")], "Priya", TZ) is None
    clash = overlap_warning(at(TODAY, 12, 59), 60, [(other, "王伟"), (gone, "X")], "Priya", TZ)
    assert clash is not None and clash.code == "artist_overlap"
    assert clash.message == "Priya already has Session 2 with 王伟 from 10:00 to 13:00 on Wed 25 Nov 2026."


def test_the_course_is_3_or_4_sessions() -> None:
    assert course_length([], offers_fourth=False) == 3
    assert course_length([], offers_fourth=True) == 4
    assert course_length([booked(1, K.SESSION_4, TODAY, S.PLANNED)], offers_fourth=False) == 4
    assert course_length([booked(1, K.SESSION_4, TODAY, S.CANCELLED)], offers_fourth=False) == 3


def test_suggestion_sequence() -> None:
    first = suggest([])
    assert (first.kind, first.starts_at, first.artist_id) == (K.CONSULTATION, at(TODAY + timedelta(days=1)), 1)  # type: ignore[attr-defined]

    consult = booked(1, K.CONSULTATION, TODAY - timedelta(days=1), minutes=60, artist=9)
    after_consult = suggest([consult])
    assert after_consult.kind is K.SESSION_1 and after_consult.window_start is None  # type: ignore[attr-defined]
    assert after_consult.duration_minutes == 180 and after_consult.artist_id == 9  # type: ignore[attr-defined]
    assert after_consult.starts_at == at(TODAY + timedelta(days=9))  # type: ignore[attr-defined]

    s1 = booked(2, K.SESSION_1, TODAY - timedelta(days=2), starts_at=at(TODAY - timedelta(days=2), 13, 30))
    s2 = suggest([consult, s1])
    assert s2.kind is K.SESSION_2  # type: ignore[attr-defined]
    assert s2.starts_at == at(TODAY + timedelta(days=8), 13, 30)  # type: ignore[attr-defined]
    assert (s2.window_start, s2.window_end) == (TODAY + timedelta(days=8), TODAY + timedelta(days=12))  # type: ignore[attr-defined]

    # A cancelled session 2 does not move the course on.
    cancelled = booked(3, K.SESSION_2, TODAY, S.CANCELLED)
    assert suggest([consult, s1, cancelled]).kind is K.SESSION_2  # type: ignore[attr-defined]

    s3 = booked(4, K.SESSION_3, TODAY - timedelta(days=300))
    s2done = booked(5, K.SESSION_2, TODAY - timedelta(days=312))
    old_s1 = booked(6, K.SESSION_1, TODAY - timedelta(days=324))
    touch = suggest([old_s1, s2done, s3])
    assert touch.kind is K.TOUCH_UP and touch.duration_minutes == 120  # type: ignore[attr-defined]
    assert touch.starts_at.date() == add_years(TODAY - timedelta(days=300), 5)  # type: ignore[attr-defined]
    fourth = suggest([old_s1, s2done, s3], offers_fourth=True)
    assert fourth.kind is K.SESSION_4 and fourth.starts_at == at(TODAY + timedelta(days=1))  # type: ignore[attr-defined]


def test_touch_up_due_from_the_last_completed_pigmenting_session() -> None:
    history = [
        booked(1, K.SESSION_3, date(2021, 5, 3)),
        booked(2, K.TOUCH_UP, date(2026, 4, 1)),
        booked(3, K.TOUCH_UP, date(2026, 12, 1), S.PLANNED),
        booked(4, K.CONSULTATION, date(2026, 6, 1)),
    ]
    assert touch_up_due(history, 5, TZ) == date(2031, 4, 1)
    assert touch_up_due(history[:1], 3, TZ) == date(2024, 5, 3)
    assert touch_up_due([booked(5, K.CONSULTATION, TODAY)], 5, TZ) is None

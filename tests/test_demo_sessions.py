"""The demo studio's sessions: deterministic, valid as the app validates sessions, spaced as the studio's rules ask,
no artist booked twice in the appointment book, and tomorrow's appointments there for reception."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta

import pytest

from smp_desktop.core.demo_photos import PHOTO_CLIENTS
from smp_desktop.core.demo_sessions import Artist, DemoClient, demo_sessions
from smp_desktop.core.domain import PIGMENTING_KINDS, PhotoView, SessionKind, SessionStatus, TreatmentReason
from smp_desktop.core.services.session_schedule import Booked, overlap_warning, spacing_warning
from smp_desktop.core.services.session_validation import check_session
from tests.conftest import TODAY, DemoStudio

ARTISTS = [Artist(1, False), Artist(2, False), Artist(3, True)]
REASONS = [
    (TreatmentReason.THINNING,),
    (TreatmentReason.ALOPECIA,),
    (TreatmentReason.SCAR_CONCEALMENT, TreatmentReason.THINNING),
    (TreatmentReason.DENSITY,),
    (),
]
CLIENTS = [DemoClient(n, REASONS[n % len(REASONS)]) for n in range(1, 1201)]


@pytest.fixture(scope="module")
def items():  # type: ignore[no-untyped-def]
    return list(demo_sessions(CLIENTS, ARTISTS, seed=2026, today=TODAY))


def test_same_seed_same_sessions(items) -> None:  # type: ignore[no-untyped-def]
    assert list(demo_sessions(CLIENTS, ARTISTS, seed=2026, today=TODAY)) == items
    assert list(demo_sessions(CLIENTS, ARTISTS, seed=7, today=TODAY)) != items


def test_every_session_passes_the_apps_validation(items) -> None:  # type: ignore[no-untyped-def]
    for _client, draft, status, cancel_reason in items:
        assert check_session(draft, status=status, today=TODAY) == draft
        assert bool(cancel_reason) == (status is SessionStatus.CANCELLED)
        if status is SessionStatus.COMPLETED and draft.kind in PIGMENTING_KINDS:
            assert draft.zones and draft.health_unchanged is not None
        if status is SessionStatus.PLANNED:
            assert draft.starts_at.date() >= TODAY and draft.starts_at.weekday() != 6


def test_courses_are_spaced_and_the_appointment_book_has_no_double_bookings(items) -> None:  # type: ignore[no-untyped-def]
    by_client: dict[int, list[Booked]] = defaultdict(list)
    planned: list[Booked] = []
    for number, (client, draft, status, _) in enumerate(items):
        booked = Booked(number, draft.kind, status, draft.starts_at, draft.duration_minutes, draft.artist_id)
        if status is not SessionStatus.CANCELLED:  # a cancelled booking was moved: it needs no spacing
            assert spacing_warning(draft.kind, draft.starts_at, by_client[client], min_days=10) is None, draft
        by_client[client].append(booked)
        if status is SessionStatus.PLANNED:
            same_artist = [(b, "x") for b in planned if b.artist_id == draft.artist_id]
            assert overlap_warning(draft.starts_at, draft.duration_minutes, same_artist, "artist") is None
            planned.append(booked)


def test_the_mix_looks_like_a_studio(items) -> None:  # type: ignore[no-untyped-def]
    statuses = defaultdict(int)
    kinds = defaultdict(int)
    for _client, draft, status, _ in items:
        statuses[status] += 1
        kinds[draft.kind] += 1
    assert statuses[SessionStatus.CANCELLED] > 5 and statuses[SessionStatus.PLANNED] > 30
    assert kinds[SessionKind.SESSION_4] > 0 and kinds[SessionKind.TOUCH_UP] > 20
    tomorrow = TODAY + timedelta(days=1)
    assert sum(1 for _c, d, s, _ in items if s is SessionStatus.PLANNED and d.starts_at.date() == tomorrow) >= 3
    dilutions = {(z.dilution_water_parts, z.dilution_pigment_parts) for _c, d, _s, _r in items for z in d.zones}
    assert {(3.0, 1.0), (2.0, 1.0)} <= dilutions
    needles = {z.needle for _c, d, _s, _r in items for z in d.zones}
    assert {"1RL 0.25 mm", "3RL 0.30 mm"} <= needles
    voltages = {z.machine_voltage for _c, d, _s, _r in items for z in d.zones if z.machine_voltage is not None}
    assert min(voltages) >= 7.5 and max(voltages) <= 8.5


def test_the_demo_studio_has_sessions_staff_and_tomorrows_appointments(demo_studio: DemoStudio) -> None:
    studio, owner, texts = demo_studio.studio, demo_studio.owner, demo_studio.progress_texts
    assert "Booking sessions" in texts
    staff = studio.services.studio.staff()
    assert {m.display_name for m in staff} >= {"Alex Morgan", "Priya Shah", "Tomasz Nowak", "Chloe Evans"}
    sessions = studio.services.sessions
    tomorrow = sessions.planned_between(owner, datetime(2026, 11, 26).astimezone(), datetime(2026, 11, 27).astimezone())
    assert len(tomorrow) >= 2
    assert all(9 <= a.starts_at.astimezone().hour <= 17 for a in tomorrow)
    some = sessions.overview(owner, tomorrow[0].client_id)
    assert some.course.next_planned is not None

    # Photo histories for the first clients of the list whose course has begun, each photo taken at its visit.
    assert "Adding photos" in texts
    first = [c.id for c in studio.services.clients.list_page(owner, limit=60)[0]]
    with_photos = [cid for cid in first if studio.services.photos.count_for_client(owner, cid)]
    assert len(with_photos) == PHOTO_CLIENTS
    for client_id in with_photos:
        visits = {s.id: s for s in sessions.overview(owner, client_id).sessions}
        photos = studio.services.photos.list_for_client(owner, client_id)
        assert {p.view for p in photos} == {PhotoView.FRONT_HAIRLINE, PhotoView.CROWN}
        for photo in photos:
            visit = visits[photo.session_id]  # type: ignore[index]
            assert visit.status is SessionStatus.COMPLETED and photo.taken_at_from_photo
            assert photo.taken_at == visit.starts_at.replace(second=0, microsecond=0)
        assert studio.services.photos.comparison_pair(owner, client_id, PhotoView.FRONT_HAIRLINE) is not None
        design = studio.services.hairlines.current(owner, client_id, PhotoView.FRONT_HAIRLINE)
        fronts = [p for p in photos if p.view is PhotoView.FRONT_HAIRLINE]
        assert design is not None and design.base_photo_id == min(fronts, key=lambda p: p.taken_at).id
    assert studio.services.maintenance.check().healthy

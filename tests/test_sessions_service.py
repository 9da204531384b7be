"""Treatment sessions through SessionService: exact storage, validation, spacing and overlap warnings, the course
at a glance and the suggestion, completing and cancelling, permissions (reception books only) and the audit."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from consent_helpers import all_no, give_valid_consent
from sqlalchemy import select

from smp_desktop.core.domain import ScalpCondition, ScalpZone, SessionKind, SessionStatus, StaffRole, TreatmentReason
from smp_desktop.core.models import AuditEvent, Client, SessionZone, TreatmentSession
from smp_desktop.core.services.access import Actor, PermissionDenied
from smp_desktop.core.services.client_data import ClientRecord
from smp_desktop.core.services.errors import NotFound, ValidationFailed
from smp_desktop.core.services.session_data import SessionDraft, ZoneEntry
from smp_desktop.core.services.sessions import ScheduleConflict, SessionService
from smp_desktop.core.studio_db import OpenStudio
from tests.conftest import TODAY

HAIRLINE = ZoneEntry(
    ScalpZone.HAIRLINE,
    pigment_shade="Carbon black (soft)",
    pigment_lot="CB-24117",
    dilution_water_parts=3,
    dilution_pigment_parts=1,
    needle="1RL 0.25 mm",
    machine_voltage=7.5,
    machine_speed="90 Hz",
    depth_notes="very shallow at the front edge;\nlighter pressure",
    dot_density="sparse, irregular",
    notes="Ниже линии — мягко",
)
CROWN = ZoneEntry(
    ScalpZone.CROWN,
    pigment_shade="Charcoal",
    pigment_lot="CH-25031",
    dilution_water_parts=2,
    dilution_pigment_parts=1,
    needle="3RL 0.30 mm",
    machine_stroke_mm=3.0,
    machine_speed="level 5",
    dot_density="medium",
)


def at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    """A wall-clock time on a day in the computer's time zone, as the editor sends it."""
    return datetime(day.year, day.month, day.day, hour, minute).astimezone()


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


@pytest.fixture
def sessions(studio: OpenStudio) -> SessionService:
    return studio.services.sessions


@pytest.fixture
def artist(studio: OpenStudio, owner: Actor) -> Actor:
    info = studio.services.studio.add_staff(owner, "Priya Shah", StaffRole.ARTIST)
    return Actor(info.id, info.display_name, info.role)


@pytest.fixture
def reception(studio: OpenStudio, owner: Actor) -> Actor:
    info = studio.services.studio.add_staff(owner, "Chloe Evans", StaffRole.RECEPTION)
    return Actor(info.id, info.display_name, info.role)


@pytest.fixture
def client(make_client, studio: OpenStudio, owner: Actor) -> ClientRecord:  # type: ignore[no-untyped-def]
    record = make_client(first_name="Łukasz", last_name="Żółkiewski")
    give_valid_consent(studio, owner, record.id)  # the completion gate (tests/test_consent_gate.py)
    return record


def completed(kind: SessionKind, day: date, artist: Actor, **changes: object) -> SessionDraft:
    draft = SessionDraft(
        kind=kind,
        starts_at=at(day),
        duration_minutes=180,
        artist_id=artist.staff_id,
        health_unchanged=True,
        zones=(HAIRLINE,),
    )
    return draft.replace(**changes)


def codes(error: ValidationFailed) -> set[str]:
    return {p.code for p in error.problems}


def test_a_planned_session_with_two_zones_is_stored_exactly_and_audited(
    studio: OpenStudio, sessions: SessionService, artist: Actor, client: ClientRecord
) -> None:
    starts = at(days(3), 10, 30)
    draft = SessionDraft(
        kind=SessionKind.CONSULTATION,
        starts_at=starts,
        duration_minutes=60,
        artist_id=artist.staff_id,
        numbing="  none  ",
        notes="Привет\nwants a soft edge  ",
        zones=(HAIRLINE, CROWN),
    )
    record = sessions.create(artist, client.id, draft)
    assert record.status is SessionStatus.PLANNED
    assert record.client_name == "Łukasz Żółkiewski"
    assert record.artist_name == "Priya Shah"
    assert record.draft.numbing == "none"  # trimmed
    assert record.draft.starts_at == starts
    assert record.draft.zones == (HAIRLINE, CROWN)
    assert record.ends_at == starts + timedelta(minutes=60)

    again = sessions.get(artist, record.id)
    assert again == record
    with studio.sessions() as session:
        row = session.scalars(select(TreatmentSession)).one()
        assert row.starts_at == starts.astimezone(UTC)  # stored in UTC
        zones = session.scalars(select(SessionZone).order_by(SessionZone.position)).all()
        assert [(z.zone, z.dilution_water_parts, z.dilution_pigment_parts, z.needle) for z in zones] == [
            (ScalpZone.HAIRLINE, 3, 1, "1RL 0.25 mm"),
            (ScalpZone.CROWN, 2, 1, "3RL 0.30 mm"),
        ]
        events = session.scalars(select(AuditEvent).where(AuditEvent.entity == "treatment_session")).all()
        assert [(e.action, e.staff_id, e.entity_id) for e in events] == [("create", artist.staff_id, record.id)]

    listing = sessions.overview(artist, client.id)
    assert [(s.id, s.kind, s.zones) for s in listing.sessions] == [
        (record.id, SessionKind.CONSULTATION, (ScalpZone.HAIRLINE, ScalpZone.CROWN))
    ]
    assert listing.course.next_planned is not None and listing.course.next_planned.id == record.id


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"duration_minutes": 10}, "duration_minutes", "duration_range"),
        ({"duration_minutes": 601}, "duration_minutes", "duration_range"),
        ({"starts_at": at(date(1989, 12, 31))}, "starts_at", "date_too_early"),
        ({"starts_at": at(date(2029, 11, 26))}, "starts_at", "date_too_far_ahead"),
        ({"numbing": "x" * 201}, "numbing", "too_long"),
        ({"skin_reaction": "red\nness"}, "skin_reaction", "control_character"),
        ({"notes": "bell \x07"}, "notes", "control_character"),
        ({"zones": (HAIRLINE.replace(dilution_water_parts=-1),)}, "zones", "dilution_positive"),
        ({"zones": (HAIRLINE.replace(dilution_pigment_parts=0),)}, "zones", "dilution_positive"),
        ({"zones": (HAIRLINE.replace(dilution_pigment_parts=None),)}, "zones", "dilution_incomplete"),
        ({"zones": (HAIRLINE.replace(dilution_water_parts=float("nan")),)}, "zones", "dilution_positive"),
        ({"zones": (HAIRLINE.replace(dilution_water_parts=300),)}, "zones", "dilution_range"),
        ({"zones": (HAIRLINE.replace(machine_voltage=0),)}, "zones", "voltage_range"),
        ({"zones": (HAIRLINE.replace(machine_voltage=24),)}, "zones", "voltage_range"),
        ({"zones": (CROWN.replace(machine_stroke_mm=12),)}, "zones", "stroke_range"),
        ({"zones": (HAIRLINE.replace(pigment_lot="L" * 101),)}, "zones", "zone_too_long"),
        ({"zones": (HAIRLINE.replace(needle="1RL\t0.25"),)}, "zones", "zone_control"),
    ],
)
def test_bad_input_is_refused_with_the_field_and_nothing_is_saved(
    studio: OpenStudio,
    sessions: SessionService,
    artist: Actor,
    client: ClientRecord,
    changes: dict[str, object],
    field: str,
    code: str,
) -> None:
    draft = SessionDraft(SessionKind.SESSION_1, at(days(2)), artist_id=artist.staff_id, zones=(HAIRLINE,))
    with pytest.raises(ValidationFailed) as failed:
        sessions.create(artist, client.id, draft.replace(**changes))
    assert (field, code) in {(p.field, p.code) for p in failed.value.problems}
    with studio.sessions() as session:
        assert session.scalars(select(TreatmentSession)).all() == []


def test_a_zone_problem_names_the_zone_and_its_column(
    sessions: SessionService, artist: Actor, client: ClientRecord
) -> None:
    draft = SessionDraft(SessionKind.SESSION_1, at(days(2)), zones=(HAIRLINE, CROWN.replace(dilution_water_parts=-2)))
    with pytest.raises(ValidationFailed) as failed:
        sessions.create(artist, client.id, draft)
    (problem,) = failed.value.problems
    assert problem.param("number") == "2" and problem.param("column") == "dilution"
    assert problem.message.startswith("Zone 2:")


def test_undiluted_pigment_is_zero_parts_water(sessions: SessionService, artist: Actor, client: ClientRecord) -> None:
    zone = HAIRLINE.replace(dilution_water_parts=0, dilution_pigment_parts=1)
    record = sessions.create(artist, client.id, SessionDraft(SessionKind.SESSION_1, at(days(2)), zones=(zone,)))
    assert record.draft.zones[0].dilution_water_parts == 0


def test_completing_needs_the_health_reconfirmation_and_zones(
    studio: OpenStudio, sessions: SessionService, artist: Actor, client: ClientRecord
) -> None:
    bare = SessionDraft(SessionKind.SESSION_1, at(days(-1)), artist_id=artist.staff_id)
    with pytest.raises(ValidationFailed) as failed:
        sessions.create(artist, client.id, bare, complete=True)
    assert codes(failed.value) == {"health_confirmation_required", "zones_required"}

    changed_without_saying = bare.replace(health_unchanged=False, zones=(HAIRLINE,))
    with pytest.raises(ValidationFailed) as failed:
        sessions.create(artist, client.id, changed_without_saying, complete=True)
    assert codes(failed.value) == {"health_changes_required"}

    planned = sessions.create(artist, client.id, bare)
    with pytest.raises(ValidationFailed) as failed:
        sessions.mark_completed(artist, planned.id)
    assert codes(failed.value) == {"health_confirmation_required", "zones_required"}
    assert sessions.get(artist, planned.id).status is SessionStatus.PLANNED

    told = bare.replace(
        health_unchanged=False, health_changes="Started amlodipine 5 mg; GP letter seen", zones=(CROWN,)
    )
    # changed health: the questionnaire is filled in again that day (the consent gate, tests/test_consent_gate.py)
    studio.services.consents.record_screening(artist, client.id, all_no(studio, artist), taken_at=at(days(-1), 9))
    done = sessions.update(artist, planned.id, told, complete=True)
    assert done.status is SessionStatus.COMPLETED
    assert done.draft.health_changes == "Started amlodipine 5 mg; GP letter seen"
    with studio.sessions() as session:
        actions = session.scalars(
            select(AuditEvent.action).where(AuditEvent.entity == "treatment_session").order_by(AuditEvent.id)
        ).all()
    assert actions == ["create", "complete"]


def test_a_consultation_completes_without_zones_and_no_change_clears_the_description(
    sessions: SessionService, artist: Actor, client: ClientRecord
) -> None:
    draft = SessionDraft(SessionKind.CONSULTATION, at(TODAY, 9), health_unchanged=True, health_changes="stale")
    record = sessions.create(artist, client.id, draft, complete=True)
    assert record.status is SessionStatus.COMPLETED and record.draft.health_changes == ""


def test_a_session_cannot_be_completed_before_its_day(
    sessions: SessionService, artist: Actor, client: ClientRecord
) -> None:
    with pytest.raises(ValidationFailed) as failed:
        sessions.create(artist, client.id, completed(SessionKind.SESSION_1, days(1), artist), complete=True)
    assert codes(failed.value) == {"completed_in_future"}


def test_mark_completed_completes_a_fully_recorded_planned_session(
    studio: OpenStudio, sessions: SessionService, artist: Actor, client: ClientRecord
) -> None:
    planned = sessions.create(artist, client.id, completed(SessionKind.SESSION_1, TODAY, artist))
    done = sessions.mark_completed(artist, planned.id)
    assert done.status is SessionStatus.COMPLETED
    with studio.sessions() as session:
        assert session.get(TreatmentSession, planned.id).status is SessionStatus.COMPLETED  # type: ignore[union-attr]


def test_spacing_too_soon_needs_a_reason_which_is_kept(
    sessions: SessionService, artist: Actor, client: ClientRecord
) -> None:
    sessions.create(artist, client.id, completed(SessionKind.SESSION_1, days(-5), artist), complete=True)
    soon = SessionDraft(SessionKind.SESSION_2, at(days(2)), artist_id=artist.staff_id)
    warnings = sessions.schedule_warnings(artist, client.id, soon)
    assert [w.code for w in warnings] == ["spacing_too_soon"]
    assert warnings[0].param("days") == "7" and warnings[0].param("min_days") == "10"
    assert warnings[0].param("direction") == "after" and warnings[0].param("other_kind") == "session_1"
    with pytest.raises(ValidationFailed) as failed:
        sessions.create(artist, client.id, soon)
    assert codes(failed.value) == {"spacing_reason_required"}

    record = sessions.create(artist, client.id, soon.replace(spacing_note="Flying home to Hà Nội on the 5th"))
    assert record.draft.spacing_note == "Flying home to Hà Nội on the 5th"
    # Moved to the studio's spacing: nothing left to explain, the note goes.
    moved = sessions.update(artist, record.id, record.draft.replace(starts_at=at(days(5))))
    assert moved.draft.spacing_note == ""


def test_booking_before_a_planned_session_inside_its_healing_time_warns_too(
    sessions: SessionService, artist: Actor, client: ClientRecord
) -> None:
    sessions.create(artist, client.id, SessionDraft(SessionKind.SESSION_2, at(days(20))))
    earlier = SessionDraft(SessionKind.TOUCH_UP, at(days(14)))
    (warning,) = sessions.schedule_warnings(artist, client.id, earlier)
    assert warning.param("direction") == "before" and warning.param("days") == "6"
    # A consultation puts no pigment in: no spacing rule, and cancelled sessions do not count.
    assert sessions.schedule_warnings(artist, client.id, SessionDraft(SessionKind.CONSULTATION, at(days(19)))) == ()


def test_cancelled_sessions_do_not_count_for_spacing(
    sessions: SessionService, artist: Actor, client: ClientRecord
) -> None:
    first = sessions.create(artist, client.id, SessionDraft(SessionKind.SESSION_1, at(days(2))))
    sessions.cancel(artist, first.id, "Sunburn on the scalp — postponed")
    assert sessions.schedule_warnings(artist, client.id, SessionDraft(SessionKind.SESSION_1, at(days(4)))) == ()


def test_an_artist_already_busy_then_is_a_conflict_unless_accepted(
    sessions: SessionService, artist: Actor, owner: Actor, make_client
) -> None:  # type: ignore[no-untyped-def]
    other = make_client(first_name="伟", last_name="王")
    client = make_client(first_name="Γιώργος", last_name="Παπαδόπουλος")
    sessions.create(artist, other.id, SessionDraft(SessionKind.SESSION_1, at(days(3), 10), 180, artist.staff_id))
    clash = SessionDraft(SessionKind.CONSULTATION, at(days(3), 12, 30), 60, artist.staff_id)
    with pytest.raises(ScheduleConflict) as conflict:
        sessions.create(artist, client.id, clash)
    assert conflict.value.warning.code == "artist_overlap"
    assert conflict.value.warning.param("client") == "王伟"
    assert "Priya Shah already has Session 1 with 王伟 from 10:00 to 13:00" in str(conflict.value)
    assert sessions.overview(artist, client.id).sessions == ()

    # Another artist, or the end of the other session, is no clash; accepting the overlap books it.
    assert sessions.schedule_warnings(artist, client.id, clash.replace(artist_id=owner.staff_id)) == ()
    assert sessions.schedule_warnings(artist, client.id, clash.replace(starts_at=at(days(3), 13))) == ()
    booked = sessions.create(artist, client.id, clash, accept_overlap=True)
    # Saving it again without moving it asks nothing.
    assert sessions.update(artist, booked.id, booked.draft.replace(notes="bring ID")).draft.notes == "bring ID"


def test_the_artist_must_be_someone_who_treats_clients(
    sessions: SessionService, artist: Actor, reception: Actor, client: ClientRecord
) -> None:
    for artist_id, code in ((reception.staff_id, "artist_not_treating"), (999, "artist_unknown")):
        with pytest.raises(ValidationFailed) as failed:
            sessions.create(artist, client.id, SessionDraft(SessionKind.CONSULTATION, at(days(1)), 60, artist_id))
        assert codes(failed.value) == {code}


def test_the_suggestion_walks_the_course_at_the_studio_spacing(
    sessions: SessionService, artist: Actor, client: ClientRecord
) -> None:
    first = sessions.overview(artist, client.id).course.suggestion
    assert (first.kind, first.starts_at, first.duration_minutes) == (SessionKind.CONSULTATION, at(days(1)), 60)
    assert first.artist_id == artist.staff_id  # the artist asking

    sessions.create(artist, client.id, completed(SessionKind.CONSULTATION, days(-30), artist, zones=()), complete=True)
    sessions.create(
        artist,
        client.id,
        completed(SessionKind.SESSION_1, days(-3), artist, starts_at=at(days(-3), 11, 15), duration_minutes=210),
        complete=True,
    )
    nxt = sessions.overview(artist, client.id).course.suggestion
    assert nxt.kind is SessionKind.SESSION_2
    assert nxt.starts_at == at(days(7), 11, 15)  # 10 days after session 1, at the same time of day
    assert (nxt.window_start, nxt.window_end) == (days(7), days(11))
    assert nxt.duration_minutes == 210 and nxt.after_kind is SessionKind.SESSION_1

    sessions.create(artist, client.id, SessionDraft(SessionKind.SESSION_2, nxt.starts_at, 210, artist.staff_id))
    after_two = sessions.overview(artist, client.id).course.suggestion
    assert after_two.kind is SessionKind.SESSION_3 and after_two.starts_at == at(days(17), 11, 15)


def test_the_suggestion_is_never_in_the_past_and_offers_a_fourth_for_alopecia(
    studio: OpenStudio, sessions: SessionService, artist: Actor, owner: Actor, make_client
) -> None:  # type: ignore[no-untyped-def]
    client = make_client(first_name="Nguyễn", last_name="Văn An", reasons=(TreatmentReason.ALOPECIA,))
    give_valid_consent(studio, owner, client.id)
    for number, kind in enumerate((SessionKind.SESSION_1, SessionKind.SESSION_2, SessionKind.SESSION_3)):
        sessions.create(artist, client.id, completed(kind, days(-100 + 12 * number), artist), complete=True)
    course = sessions.overview(artist, client.id).course
    assert course.course_length == 4 and course.sessions_done == 3 and not course.course_complete
    assert course.suggestion.kind is SessionKind.SESSION_4
    assert course.suggestion.starts_at == at(days(1))  # overdue: tomorrow, not in the past


def test_after_the_course_the_touch_up_is_due_at_the_studio_or_clients_interval(
    studio: OpenStudio, sessions: SessionService, artist: Actor, owner: Actor, make_client
) -> None:  # type: ignore[no-untyped-def]
    client = make_client(first_name="Иван", last_name="Иванов")
    last_day = date(2024, 2, 29)
    give_valid_consent(studio, owner, client.id, on=date(2024, 1, 2))
    for number, kind in enumerate((SessionKind.SESSION_1, SessionKind.SESSION_2, SessionKind.SESSION_3)):
        day = last_day - timedelta(days=12 * (2 - number))
        sessions.create(artist, client.id, completed(kind, day, artist), complete=True)
    course = sessions.overview(artist, client.id).course
    assert course.sessions_done == 3 and course.course_length == 3 and course.course_complete
    assert course.last_pigmenting is not None and course.last_pigmenting.kind is SessionKind.SESSION_3
    assert course.touch_up_due == date(2029, 2, 28)  # 5 years after 29 Feb 2024
    assert (course.touch_up_years, course.touch_up_years_is_clients_own) == (5, False)
    assert course.suggestion.kind is SessionKind.TOUCH_UP and course.suggestion.starts_at == at(date(2029, 2, 28))
    assert course.suggestion.duration_minutes == 120

    studio.services.studio.set_setting(owner, "touch_up_years", 3)
    assert sessions.overview(artist, client.id).course.touch_up_due == date(2027, 2, 28)

    other = make_client(first_name="عبدالله", last_name="الحربي")
    sessions.set_touch_up_years(artist, client.id, 2)  # this client's own interval
    with studio.sessions() as session:
        assert session.get(Client, client.id).touch_up_years == 2  # type: ignore[union-attr]
        assert (
            session.scalars(
                select(AuditEvent.detail).where(AuditEvent.entity == "client").order_by(AuditEvent.id)
            ).all()[-1]
            == "touch_up_years"
        )
    course = sessions.overview(artist, client.id).course
    assert course.touch_up_due == date(2026, 2, 28) and course.touch_up_years_is_clients_own
    assert course.suggestion.starts_at == at(days(1))  # overdue touch-up: from tomorrow
    assert sessions.overview(artist, other.id).course.touch_up_due is None
    sessions.set_touch_up_years(artist, client.id, None)  # back to the studio's
    assert sessions.overview(artist, client.id).course.touch_up_due == date(2027, 2, 28)
    with pytest.raises(ValidationFailed) as failed:
        sessions.set_touch_up_years(artist, client.id, 0)
    assert codes(failed.value) == {"touch_up_years_range"}


def test_reception_cannot_change_the_touch_up_interval(
    sessions: SessionService, reception: Actor, client: ClientRecord
) -> None:
    with pytest.raises(PermissionDenied):
        sessions.set_touch_up_years(reception, client.id, 3)


def test_a_4th_is_offered_for_thick_skin_and_counted_when_booked_anyway(
    sessions: SessionService, artist: Actor, make_client
) -> None:  # type: ignore[no-untyped-def]
    thick = make_client(scalp_condition=ScalpCondition.THICK)
    assert sessions.overview(artist, thick.id).course.course_length == 4
    plain = make_client(first_name="Plain")
    sessions.create(artist, plain.id, SessionDraft(SessionKind.SESSION_4, at(days(3))))
    assert sessions.overview(artist, plain.id).course.course_length == 4


def test_next_planned_is_the_earliest_upcoming_not_a_forgotten_past_one(
    sessions: SessionService, artist: Actor, client: ClientRecord
) -> None:
    sessions.create(artist, client.id, SessionDraft(SessionKind.CONSULTATION, at(days(-2))))
    later = sessions.create(artist, client.id, SessionDraft(SessionKind.SESSION_1, at(days(9))))
    sooner = sessions.create(artist, client.id, SessionDraft(SessionKind.CONSULTATION, at(days(0), 16)))
    course = sessions.overview(artist, client.id).course
    assert course.next_planned is not None and course.next_planned.id == sooner.id
    assert [s.id for s in sessions.overview(artist, client.id).sessions][:2] == [later.id, sooner.id]  # newest first


def test_cancelling_needs_a_reason_and_a_cancelled_session_is_kept_but_frozen(
    studio: OpenStudio, sessions: SessionService, artist: Actor, client: ClientRecord
) -> None:
    record = sessions.create(artist, client.id, SessionDraft(SessionKind.SESSION_1, at(days(4))))
    with pytest.raises(ValidationFailed) as failed:
        sessions.cancel(artist, record.id, "   ")
    assert codes(failed.value) == {"cancel_reason_required"}
    cancelled = sessions.cancel(artist, record.id, "  Client has a cold  ")
    assert (cancelled.status, cancelled.cancel_reason) == (SessionStatus.CANCELLED, "Client has a cold")
    with pytest.raises(ValidationFailed) as failed:
        sessions.update(artist, record.id, record.draft.replace(notes="x"))
    assert codes(failed.value) == {"session_cancelled"}
    with pytest.raises(ValidationFailed) as failed:
        sessions.cancel(artist, record.id, "again")
    assert codes(failed.value) == {"cancel_not_planned"}
    with studio.sessions() as session:
        actions = session.scalars(select(AuditEvent.action).where(AuditEvent.entity_id == record.id)).all()
    assert "cancel" in actions


def test_reception_books_but_never_records_treatment_or_sees_health(
    studio: OpenStudio, sessions: SessionService, artist: Actor, reception: Actor, client: ClientRecord
) -> None:
    booking = SessionDraft(SessionKind.SESSION_1, at(days(5)), 180, artist.staff_id, notes="prefers mornings")
    booked = sessions.create(reception, client.id, booking)
    assert booked.status is SessionStatus.PLANNED
    with pytest.raises(PermissionDenied):
        sessions.create(reception, client.id, booking.replace(zones=(HAIRLINE,)))
    with pytest.raises(PermissionDenied):
        sessions.create(reception, client.id, booking.replace(health_unchanged=True))
    with pytest.raises(PermissionDenied):
        sessions.create(reception, client.id, booking.replace(starts_at=at(days(-1))), complete=True)

    # The artist records the treatment and the health answer...
    recorded = sessions.update(
        artist, booked.id, booked.draft.replace(health_unchanged=False, health_changes="New: warfarin", zones=(CROWN,))
    )
    # ...which reception does not see, and cannot wipe by moving the appointment.
    seen = sessions.get(reception, booked.id)
    assert (seen.health_visible, seen.draft.health_unchanged, seen.draft.health_changes) == (False, None, "")
    assert seen.draft.zones == (CROWN,)
    moved = sessions.update(reception, booked.id, seen.draft.replace(starts_at=at(days(6)), zones=()))
    assert moved.draft.starts_at == at(days(6)) and moved.draft.zones == (CROWN,)
    again = sessions.get(artist, booked.id)
    assert (again.draft.health_unchanged, again.draft.health_changes) == (False, "New: warfarin")
    assert again.draft.zones == recorded.draft.zones

    with pytest.raises(PermissionDenied):
        sessions.mark_completed(reception, booked.id)
    sessions.cancel(reception, booked.id, "Client rang to move it")
    assert sessions.planned_between(reception, at(days(0), 0), at(days(30), 0)) == []


def test_reception_cannot_change_a_completed_treatment_record(
    sessions: SessionService, artist: Actor, reception: Actor, client: ClientRecord
) -> None:
    done = sessions.create(artist, client.id, completed(SessionKind.SESSION_1, days(-1), artist), complete=True)
    with pytest.raises(PermissionDenied):
        sessions.update(reception, done.id, done.draft.replace(notes="x"))


def test_planned_between_lists_the_days_appointments_in_time_order(
    sessions: SessionService, artist: Actor, owner: Actor, reception: Actor, make_client
) -> None:  # type: ignore[no-untyped-def]
    a = make_client(first_name="Zofia", last_name="Żółkiewska")
    b = make_client(first_name="عبدالله", last_name="الحربي")
    tomorrow = days(1)
    late = sessions.create(artist, a.id, SessionDraft(SessionKind.SESSION_2, at(tomorrow, 14), 180, artist.staff_id))
    early = sessions.create(
        reception, b.id, SessionDraft(SessionKind.CONSULTATION, at(tomorrow, 9), 60, owner.staff_id)
    )
    gone = sessions.create(artist, b.id, SessionDraft(SessionKind.CONSULTATION, at(tomorrow, 11), 60))
    sessions.cancel(artist, gone.id, "no-show")
    sessions.create(artist, a.id, SessionDraft(SessionKind.CONSULTATION, at(days(2), 9), 60))  # the day after
    listed = sessions.planned_between(reception, at(tomorrow, 0), at(days(2), 0))
    assert [(x.id, x.client_name, x.artist_name) for x in listed] == [
        (early.id, "عبدالله الحربي", "Olivia Owner"),
        (late.id, "Zofia Żółkiewska", "Priya Shah"),
    ]


def test_previous_zones_are_the_latest_completed_sessions(
    sessions: SessionService, artist: Actor, client: ClientRecord
) -> None:
    assert sessions.previous_zones(artist, client.id) == ()
    sessions.create(artist, client.id, completed(SessionKind.SESSION_1, days(-30), artist), complete=True)
    sessions.create(
        artist, client.id, completed(SessionKind.SESSION_2, days(-18), artist, zones=(HAIRLINE, CROWN)), complete=True
    )
    sessions.create(artist, client.id, SessionDraft(SessionKind.SESSION_3, at(days(-2)), zones=(CROWN,)))  # planned
    assert sessions.previous_zones(artist, client.id) == (HAIRLINE, CROWN)
    assert sessions.previous_zones(artist, client.id, before=at(days(-20))) == (HAIRLINE,)


def test_unknown_clients_and_sessions_are_not_found(sessions: SessionService, artist: Actor) -> None:
    with pytest.raises(NotFound):
        sessions.overview(artist, 404)
    with pytest.raises(NotFound):
        sessions.get(artist, 404)
    with pytest.raises(NotFound):
        sessions.create(artist, 404, SessionDraft(SessionKind.CONSULTATION, at(days(1))))
    with pytest.raises(NotFound):
        sessions.cancel(artist, 404, "reason")

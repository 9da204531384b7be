"""Removal plans through RemovalService: exact storage of everything a plan holds, the Kirby-Desai score and the
earliest date for new SMP computed on save, sessions planned at the method's interval (a session too soon needs a
reason), recording a session's laser parameters, completing, pigment from the client's records, assessment
photos, permissions (the front desk sees nothing) and the audit trail."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from smp_desktop.core.demo_photos import write_scalp_photo
from smp_desktop.core.domain import ScalpZone, SessionKind, SessionStatus, StaffRole
from smp_desktop.core.models import (
    AuditEvent,
    PigmentLot,
    PigmentProduct,
    RemovalPlan,
    RemovalSession,
    SessionZone,
    TreatmentSession,
)
from smp_desktop.core.progress import run_to_end
from smp_desktop.core.removal import LaserParameters
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
from smp_desktop.core.services.access import Actor, PermissionDenied
from smp_desktop.core.services.client_data import ClientRecord
from smp_desktop.core.services.errors import NotFound, ValidationFailed
from smp_desktop.core.services.photo_data import PhotoImportOptions
from smp_desktop.core.services.removal_data import (
    RemovalPhotoEntry,
    RemovalPlanDraft,
    RemovalSessionEntry,
    RemovalTargetEntry,
)
from smp_desktop.core.services.removals import RemovalService
from smp_desktop.core.studio_db import OpenStudio
from tests.conftest import TODAY

Q = RemovalMethod.Q_SWITCHED_LASER


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


@pytest.fixture
def removals(studio: OpenStudio) -> RemovalService:
    return studio.services.removals


@pytest.fixture
def client(make_client) -> ClientRecord:  # type: ignore[no-untyped-def]
    return make_client(first_name="Nguyễn Văn", last_name="Hùng", fitzpatrick_type=4)  # type: ignore[no-any-return]


@pytest.fixture
def artist(studio: OpenStudio, owner: Actor) -> Actor:
    info = studio.services.studio.add_staff(owner, "Дмитрий Соколов", StaffRole.ARTIST)
    return Actor(info.id, info.display_name, info.role)


@pytest.fixture
def reception(studio: OpenStudio, owner: Actor) -> Actor:
    info = studio.services.studio.add_staff(owner, "Chloe Evans", StaffRole.RECEPTION)
    return Actor(info.id, info.display_name, info.role)


def full_draft(**changes: object) -> RemovalPlanDraft:
    draft = RemovalPlanDraft(
        reason=RemovalReason.SHAPE,
        method=Q,
        device='PicoWay <Q> & "Co"',
        provider_name="Klinika Łódź",
        provider_contact="+48 42 000 00 00",
        fitzpatrick_type=3,
        kd_location=TattooLocation.HEAD_NECK,
        kd_colours=InkColours.BLACK_ONLY,
        kd_amount=InkAmount.MINIMAL,
        kd_scarring=Scarring.MINIMAL,
        kd_layering=Layering.LAYERED,
        test_spot_on=days(-30),
        test_spot_outcome=TestSpotOutcome.GOOD_RESPONSE,
        test_spot_notes="Faded well;\nno blistering",
        risks="Lightening, darkening, grey residue",
        aftercare="removal_laser",
        notes="Hairline too low — raise 1 cm",
        sessions=(
            RemovalSessionEntry(
                status=RemovalSessionStatus.DONE,
                planned_on=days(-2),
                done_on=days(-1),
                wavelength_nm=1064,
                fluence_j_cm2=3.2,
                spot_size_mm=4.0,
                repetition_hz=5.0,
                notes="Frosting even",
            ),
            RemovalSessionEntry(planned_on=days(60)),
        ),
        targets=(RemovalTargetEntry(zone=ScalpZone.HAIRLINE, pigment_shade="Carbon black", pigment_lot="CB-24117"),),
    )
    return draft.replace(**changes)


def test_a_plan_is_stored_exactly_with_its_score_and_new_smp_date(
    removals: RemovalService, owner: Actor, client: ClientRecord
) -> None:
    draft = full_draft()
    record = removals.create(owner, client.id, draft)
    again = removals.get(owner, record.id)
    assert again.draft == draft.replace(
        status=RemovalPlanStatus.IN_PROGRESS,  # a session is done: the removal has begun
        sessions=tuple(
            s.replace(id=stored.id, performed_by_id=None)
            for s, stored in zip(draft.sessions, again.draft.sessions, strict=True)
        ),
    )
    assert again.kd_score == 3 + 1 + 1 + 2 + 1 + 2 == again.kirby_desai.score
    assert again.earliest_new_smp_on == days(60) + timedelta(days=90)  # the last (planned) session + 90 days
    assert again.client_name == "Nguyễn Văn Hùng"
    assert again.created_by == "Olivia Owner" and again.warnings == ()
    summary = removals.list_for_client(owner, client.id)
    assert [(s.id, s.sessions_done, s.sessions_planned, s.next_session_on, s.kd_score) for s in summary] == [
        (record.id, 1, 1, days(60), 10)
    ]


def test_new_draft_starts_from_the_profile_and_the_method(
    removals: RemovalService, owner: Actor, client: ClientRecord
) -> None:
    draft = removals.new_draft(owner, client.id, RemovalMethod.SALINE, RemovalReason.COLOUR)
    assert draft.fitzpatrick_type == 4 and draft.aftercare == "removal_saline"
    assert draft.risks == removals.rules().rule(RemovalMethod.SALINE).risks
    assert draft.kd_location is TattooLocation.HEAD_NECK


def test_bad_input_is_refused_whole_with_every_problem_named(
    studio: OpenStudio, removals: RemovalService, owner: Actor, client: ClientRecord
) -> None:
    bad = full_draft(
        fitzpatrick_type=7,
        device="x" * 201,
        test_spot_on=days(3),
        sessions=(
            RemovalSessionEntry(status=RemovalSessionStatus.DONE, done_on=days(-1), wavelength_nm=1000),
            RemovalSessionEntry(planned_on=None),
        ),
    )
    with pytest.raises(ValidationFailed) as caught:
        removals.create(owner, client.id, bad)
    messages = [p.message for p in caught.value.problems]
    assert "The Fitzpatrick skin type is I to VI; choose one." in messages
    assert "The device is 201 characters long; shorten it to 200." in messages
    assert "The test spot date is in the future; enter the day it was done." in messages
    assert any(m.startswith("Session 1: A wavelength of 1000 nm") for m in messages)
    assert "Session 1: Enter the fluence used (J/cm²)." in messages
    assert "Session 2: Choose the date it is planned for." in messages
    with studio.sessions() as session:
        assert session.scalars(select(RemovalPlan)).all() == []  # nothing half-saved


def test_a_session_sooner_than_the_interval_needs_a_reason(
    removals: RemovalService, owner: Actor, client: ClientRecord
) -> None:
    soon = full_draft(sessions=(full_draft().sessions[0], RemovalSessionEntry(planned_on=days(20))))
    with pytest.raises(ValidationFailed) as caught:
        removals.create(owner, client.id, soon)
    (problem,) = caught.value.problems
    assert problem.code == "interval_too_short" and problem.param("earliest") == days(41).isoformat()
    assert "needs at least 42 days" in problem.message
    noted = soon.replace(sessions=(soon.sessions[0], soon.sessions[1].replace(interval_note="Client flies home")))
    record = removals.create(owner, client.id, noted)
    assert [w.index for w in record.warnings] == [1]  # still shown, now with its reason
    assert record.draft.sessions[1].interval_note == "Client flies home"


def test_sessions_are_planned_at_the_usual_interval_and_recorded_as_they_happen(
    studio: OpenStudio, removals: RemovalService, owner: Actor, artist: Actor, client: ClientRecord
) -> None:
    plan = removals.create(owner, client.id, full_draft(sessions=(), test_spot_on=None, test_spot_outcome=None))
    assert plan.draft.status is RemovalPlanStatus.ASSESSMENT and plan.earliest_new_smp_on is None
    assert removals.suggested_dates(owner, plan.id, 2) == [TODAY, days(56)]
    plan = removals.plan_sessions(artist, plan.id, 3, start=days(7))
    assert [s.planned_on for s in plan.draft.sessions] == [days(7), days(63), days(119)]
    assert plan.earliest_new_smp_on == days(119 + 90)
    first = plan.draft.sessions[0]
    with pytest.raises(ValidationFailed, match="nm is not one this method uses"):
        removals.record_session(
            artist, plan.id, first.id or 0, done_on=TODAY, parameters=LaserParameters(808, 3.0, 4.0)
        )
    plan = removals.record_session(
        artist, plan.id, first.id or 0, done_on=TODAY, parameters=LaserParameters(532, 1.5, 3.0, 2.0), notes="Ожог нет"
    )
    done = plan.draft.sessions[0]
    assert (done.status, done.done_on, done.wavelength_nm, done.fluence_j_cm2, done.notes) == (
        RemovalSessionStatus.DONE,
        TODAY,
        532,
        1.5,
        "Ожог нет",
    )
    assert plan.staff_name(done.performed_by_id) == "Дмитрий Соколов"
    assert plan.draft.status is RemovalPlanStatus.IN_PROGRESS
    plan = removals.complete(owner, plan.id)
    assert plan.draft.status is RemovalPlanStatus.COMPLETED
    assert [s.status for s in plan.draft.sessions] == [
        RemovalSessionStatus.DONE,
        RemovalSessionStatus.CANCELLED,
        RemovalSessionStatus.CANCELLED,
    ]
    assert plan.earliest_new_smp_on == TODAY + timedelta(days=90)  # the cancelled sessions no longer count
    with pytest.raises(ValidationFailed, match="completed; reopen it"):
        removals.plan_sessions(owner, plan.id, 1)
    with studio.sessions() as session:
        actions = session.execute(
            select(AuditEvent.action, AuditEvent.staff_id).where(AuditEvent.entity == "removal_plan")
        ).all()
    assert [a for a, _ in actions] == ["create", "plan_sessions", "record_session", "complete"]


def test_a_plan_without_a_done_session_cannot_be_completed(
    removals: RemovalService, owner: Actor, client: ClientRecord
) -> None:
    plan = removals.create(owner, client.id, full_draft(sessions=()))
    with pytest.raises(ValidationFailed, match="at least one session is done"):
        removals.complete(owner, plan.id)


def test_editing_keeps_session_rows_and_reports_the_changed_fields(
    studio: OpenStudio, removals: RemovalService, owner: Actor, client: ClientRecord
) -> None:
    plan = removals.create(owner, client.id, full_draft())
    ids = [s.id for s in plan.draft.sessions]
    changed = plan.draft.replace(
        notes="Raised 1 cm", sessions=(*plan.draft.sessions, RemovalSessionEntry(planned_on=days(120)))
    )
    again = removals.update(owner, plan.id, changed)
    assert [s.id for s in again.draft.sessions][:2] == ids and len(again.draft.sessions) == 3
    with studio.sessions() as session:
        detail = session.scalars(
            select(AuditEvent.detail).where(AuditEvent.action == "update", AuditEvent.entity == "removal_plan")
        ).one()
        assert detail == "notes,sessions"
        assert len(session.scalars(select(RemovalSession)).all()) == 3
    fewer = again.draft.replace(sessions=again.draft.sessions[:1])
    assert len(removals.update(owner, plan.id, fewer).draft.sessions) == 1


def test_pigment_comes_from_the_clients_completed_sessions(
    studio: OpenStudio, removals: RemovalService, owner: Actor, client: ClientRecord, make_client
) -> None:  # type: ignore[no-untyped-def]
    # The completed session as the record holds it (written directly: the consent gate is not this test's subject).
    with studio.sessions.begin() as db:
        done = TreatmentSession(
            client_id=client.id,
            kind=SessionKind.SESSION_1,
            status=SessionStatus.COMPLETED,
            starts_at=datetime(2025, 5, 2, 10, tzinfo=UTC),
            health_unchanged=True,
        )
        done.zones = [
            SessionZone(position=0, zone=ScalpZone.HAIRLINE, pigment_shade="Carbon black", pigment_lot="CB-24117"),
            SessionZone(position=1, zone=ScalpZone.CROWN, pigment_shade="Charcoal", pigment_lot="CH-25031"),
        ]
        planned = TreatmentSession(
            client_id=client.id, kind=SessionKind.SESSION_2, starts_at=datetime(2026, 12, 2, 10, tzinfo=UTC)
        )
        planned.zones = [SessionZone(position=0, zone=ScalpZone.SIDES)]  # planned: nothing was put in yet
        db.add_all([done, planned])
        db.flush()
        done_id = done.id
    sources = removals.pigment_sources(owner, client.id)
    assert [(s.zone, s.pigment_lot, s.applied_on, s.session_id) for s in sources] == [
        (ScalpZone.HAIRLINE, "CB-24117", date(2025, 5, 2), done_id),
        (ScalpZone.CROWN, "CH-25031", date(2025, 5, 2), done_id),
    ]
    plan = removals.create(owner, client.id, full_draft(targets=(sources[1].as_target(),)))
    (target,) = plan.draft.targets
    assert target.session_zone_id == sources[1].session_zone_id and target.pigment_shade == "Charcoal"
    other = make_client(first_name="Other", last_name="Person")
    with pytest.raises(ValidationFailed, match="another client's records"):
        removals.create(owner, other.id, full_draft(targets=(sources[0].as_target(),)))


def test_assessment_photos_belong_to_the_client_and_need_photo_rights(
    studio: OpenStudio, removals: RemovalService, owner: Actor, client: ClientRecord, tmp_path: Path, make_client
) -> None:  # type: ignore[no-untyped-def]
    picture = write_scalp_photo(tmp_path / "IMG_0001.jpg")
    summary = run_to_end(studio.services.photos.import_files(owner, [picture], PhotoImportOptions(client_id=client.id)))
    photo = summary.files[0].photo
    assert photo is not None
    photo_id = photo.id
    plan = removals.create(owner, client.id, full_draft(photos=(RemovalPhotoEntry(photo_id, "Before — Ζωή"),)))
    assert plan.draft.photos == (RemovalPhotoEntry(photo_id, "Before — Ζωή"),)
    other = make_client(first_name="Other", last_name="Person")
    with pytest.raises(ValidationFailed, match="not one of this client's photos"):
        removals.create(owner, other.id, full_draft(photos=(RemovalPhotoEntry(photo_id),)))


def test_reception_sees_nothing_of_removal(
    removals: RemovalService, owner: Actor, reception: Actor, client: ClientRecord
) -> None:
    plan = removals.create(owner, client.id, full_draft())
    for call in (
        lambda: removals.list_for_client(reception, client.id),
        lambda: removals.get(reception, plan.id),
        lambda: removals.create(reception, client.id, full_draft()),
        lambda: removals.pigment_sources(reception, client.id),
        lambda: removals.complete(reception, plan.id),
    ):
        with pytest.raises(PermissionDenied):
            call()


def test_unknown_plans_and_deleting(removals: RemovalService, owner: Actor, client: ClientRecord) -> None:
    with pytest.raises(NotFound, match="Removal plan #999 does not exist"):
        removals.get(owner, 999)
    started = removals.create(owner, client.id, full_draft())
    with pytest.raises(ValidationFailed, match="stays on record"):
        removals.delete(owner, started.id)
    draft_only = removals.create(owner, client.id, full_draft(sessions=()))
    removals.delete(owner, draft_only.id)
    assert [s.id for s in removals.list_for_client(owner, client.id)] == [started.id]


def test_a_zone_linked_to_a_lot_names_the_lot(
    studio: OpenStudio, removals: RemovalService, owner: Actor, client: ClientRecord
) -> None:
    with studio.sessions.begin() as db:
        product = PigmentProduct(brand="Zhao Ink", name="Carbon Noir 王")
        lot = PigmentLot(product=product, lot_number="ZN-2511", supplier="Supplies Ltd")
        done = TreatmentSession(
            client_id=client.id,
            kind=SessionKind.SESSION_1,
            status=SessionStatus.COMPLETED,
            starts_at=datetime(2025, 6, 1, 10, tzinfo=UTC),
            health_unchanged=True,
        )
        db.add_all([product, lot, done])
        db.flush()
        db.add(SessionZone(session_id=done.id, position=0, zone=ScalpZone.CROWN, lot_id=lot.id))  # no text: picked
        lot_id = lot.id
    (source,) = removals.pigment_sources(owner, client.id)
    assert (source.pigment_shade, source.pigment_lot, source.lot_id) == ("Zhao Ink Carbon Noir 王", "ZN-2511", lot_id)
    plan = removals.create(owner, client.id, full_draft(targets=(source.as_target(),)))
    assert plan.draft.targets[0].lot_id == lot_id


def test_the_new_smp_hold_names_the_plan_and_its_date(
    removals: RemovalService, owner: Actor, client: ClientRecord
) -> None:
    assert removals.new_smp_hold(owner, client.id) is None
    plan = removals.create(owner, client.id, full_draft())
    hold = removals.new_smp_hold(owner, client.id)
    assert hold is not None
    assert (hold.plan_id, hold.method, hold.until, hold.last_done_on) == (plan.id, Q, days(60 + 90), days(-1))
    old = full_draft(
        sessions=(full_draft().sessions[0].replace(planned_on=days(-200), done_on=days(-200)),),
        test_spot_on=days(-230),
    )
    removals.update(owner, plan.id, old)  # the last session was 200 days ago: no hold any more
    assert removals.new_smp_hold(owner, client.id) is None


def test_a_studio_copy_of_the_rules_is_used_and_a_broken_one_is_named(
    studio: OpenStudio, owner: Actor, client: ClientRecord
) -> None:
    import json

    from smp_desktop.resources import resource_path

    data = json.loads(resource_path("removal/methods.json").read_text(encoding="utf-8"))
    data["methods"]["q_switched_laser"]["usual_interval_days"] = 70
    own = studio.paths.root / "removal-methods.json"
    own.write_text(json.dumps(data), encoding="utf-8")
    service = RemovalService(studio.sessions, today=lambda: TODAY, rules_file=own)
    plan = service.create(owner, client.id, full_draft(sessions=()))
    assert service.plan_sessions(owner, plan.id, 2, start=days(1)).draft.sessions[1].planned_on == days(71)
    assert service.rules_problem == ""
    own.write_text('{"methods": {}', encoding="utf-8")
    broken = RemovalService(studio.sessions, today=lambda: TODAY, rules_file=own)
    assert broken.rules().rule(Q).usual_interval_days == 56  # the shipped rules keep the studio working
    assert "removal-methods.json cannot be read" in broken.rules_problem
    assert "The app's own removal rules apply until the file is fixed." in broken.rules_problem

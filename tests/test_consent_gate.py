"""The completion gate in SessionService: a pigmenting session completes only with a valid signed treatment
consent, a screening that allows treatment and the health re-confirmation; the owner may override with a reason
kept on the session; a consultation needs none of it."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from consent_helpers import all_no, give_valid_consent, signature_png
from sqlalchemy import select

from smp_desktop.core.domain import ScalpZone, SessionKind, SessionStatus, StaffRole
from smp_desktop.core.models import AuditEvent, SessionGateOverride
from smp_desktop.core.services.access import Actor, PermissionDenied
from smp_desktop.core.services.consent_gate import ConsentGateClosed
from smp_desktop.core.services.session_data import SessionDraft, ZoneEntry
from smp_desktop.core.studio_db import OpenStudio

DAY = date(2026, 11, 20)
ZONE = ZoneEntry(
    zone=ScalpZone.HAIRLINE,
    pigment_shade="Soft black",
    pigment_lot="L-1",
    dilution_water_parts=3.0,
    dilution_pigment_parts=1.0,
    needle="3RL 0.30 mm",
)


@pytest.fixture
def artist(studio: OpenStudio, owner: Actor) -> Actor:
    info = studio.services.studio.add_staff(owner, "Priya Shah", StaffRole.ARTIST)
    return Actor(info.id, info.display_name, info.role)


def draft(artist: Actor, kind: SessionKind = SessionKind.SESSION_1, day: date = DAY, **changes: object) -> SessionDraft:
    base = SessionDraft(
        kind=kind,
        starts_at=datetime(day.year, day.month, day.day, 10).astimezone(),
        duration_minutes=180,
        artist_id=artist.staff_id,
        health_unchanged=True,
        zones=(ZONE,),
    )
    return base.replace(**changes)


def codes(error: ConsentGateClosed) -> set[str]:
    return {p.code for p in error.problems}


def test_no_consent_no_completion_in_any_of_the_three_ways(studio: OpenStudio, artist: Actor, make_client) -> None:
    sessions = studio.services.sessions
    client = make_client()
    with pytest.raises(ConsentGateClosed) as failed:
        sessions.create(artist, client.id, draft(artist), complete=True)
    assert codes(failed.value) == {"gate_no_consent", "gate_no_screening"}
    assert "no signed treatment consent" in str(failed.value)
    planned = sessions.create(artist, client.id, draft(artist))
    with pytest.raises(ConsentGateClosed):
        sessions.mark_completed(artist, planned.id)
    with pytest.raises(ConsentGateClosed):
        sessions.update(artist, planned.id, draft(artist), complete=True)
    assert sessions.get(artist, planned.id).status is SessionStatus.PLANNED  # nothing half-saved
    consultation = sessions.create(
        artist, client.id, draft(artist, SessionKind.CONSULTATION, date(2026, 11, 2), zones=()), complete=True
    )
    assert consultation.status is SessionStatus.COMPLETED  # consent is taken at the consultation


def test_a_valid_consent_and_screening_open_the_gate(
    studio: OpenStudio, artist: Actor, owner: Actor, make_client
) -> None:
    client = make_client()
    give_valid_consent(studio, owner, client.id, on=date(2026, 11, 1))
    done = studio.services.sessions.create(artist, client.id, draft(artist), complete=True)
    assert done.status is SessionStatus.COMPLETED
    # a session before the consent was signed was not covered by it
    with pytest.raises(ConsentGateClosed) as early:
        studio.services.sessions.create(artist, client.id, draft(artist, day=date(2026, 10, 1)), complete=True)
    assert "gate_no_consent" in codes(early.value)


def test_expired_consent_and_blocking_screening_keep_it_closed(
    studio: OpenStudio, artist: Actor, owner: Actor, make_client
) -> None:
    client = make_client()
    give_valid_consent(studio, owner, client.id, on=date(2025, 6, 1))  # 12 months by default
    with pytest.raises(ConsentGateClosed) as expired:
        studio.services.sessions.create(artist, client.id, draft(artist), complete=True)
    assert codes(expired.value) == {"gate_no_consent", "gate_screening_old"}
    assert "expired on 01 Jun 2026" in str(expired.value)
    other = make_client()
    give_valid_consent(studio, owner, other.id, on=date(2026, 11, 1))
    studio.services.consents.record_screening(
        owner, other.id, all_no(studio, owner, diabetes=True), taken_at=datetime(2026, 11, 10, tzinfo=UTC)
    )
    with pytest.raises(ConsentGateClosed) as letter:
        studio.services.sessions.create(artist, other.id, draft(artist), complete=True)
    assert codes(letter.value) == {"gate_not_eligible"}
    assert "needs a doctor's letter" in str(letter.value)


def test_changed_health_needs_the_questionnaire_again_that_day(
    studio: OpenStudio, artist: Actor, owner: Actor, make_client
) -> None:
    client = make_client()
    give_valid_consent(studio, owner, client.id, on=date(2026, 11, 1))
    changed = draft(artist, health_unchanged=False, health_changes="Started antibiotics")
    with pytest.raises(ConsentGateClosed) as failed:
        studio.services.sessions.create(artist, client.id, changed, complete=True)
    assert codes(failed.value) == {"gate_health_changed"}
    studio.services.consents.record_screening(
        owner, client.id, all_no(studio, owner, antibiotics=True), taken_at=datetime(2026, 11, 20, 9, tzinfo=UTC)
    )
    assert studio.services.sessions.create(artist, client.id, changed, complete=True).status is SessionStatus.COMPLETED


def test_an_altered_consent_file_does_not_count(studio: OpenStudio, artist: Actor, owner: Actor, make_client) -> None:
    client = make_client()
    give_valid_consent(studio, owner, client.id, on=date(2026, 11, 1))
    consent = studio.services.consents.overview(owner, client.id).consents[0]
    path = studio.services.documents.open_path(owner, consent.document_id).path
    path.write_bytes(signature_png(99))
    with pytest.raises(ConsentGateClosed) as failed:
        studio.services.sessions.create(artist, client.id, draft(artist), complete=True)
    assert codes(failed.value) == {"gate_consent_altered"}


def test_only_the_owner_overrides_and_the_reason_is_kept(
    studio: OpenStudio, artist: Actor, owner: Actor, make_client
) -> None:
    client = make_client()
    planned = studio.services.sessions.create(artist, client.id, draft(artist))
    with pytest.raises(PermissionDenied):
        studio.services.sessions.mark_completed(artist, planned.id, gate_override="Paper form in the post")
    done = studio.services.sessions.mark_completed(
        owner, planned.id, gate_override="  Consent signed on paper, scan to follow "
    )
    assert done.status is SessionStatus.COMPLETED
    with studio.sessions() as session:
        kept = session.get(SessionGateOverride, planned.id)
        assert kept is not None and kept.reason == "Consent signed on paper, scan to follow"
        assert "no signed treatment consent" in kept.missing and kept.staff_id == owner.staff_id
        assert session.scalar(select(AuditEvent.action).where(AuditEvent.action == "override_gate")) is not None
    assert studio.services.consents.gate_override(owner, planned.id) == "Consent signed on paper, scan to follow"


def test_a_later_session_uses_the_same_day_bounds(studio: OpenStudio, artist: Actor, owner: Actor, make_client) -> None:
    client = make_client()
    give_valid_consent(studio, owner, client.id, on=DAY)  # signed on the day of the session itself
    record = studio.services.sessions.create(artist, client.id, draft(artist), complete=True)
    assert record.status is SessionStatus.COMPLETED

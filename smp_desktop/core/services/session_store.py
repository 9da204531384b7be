"""The treatment-session tables as the session service reads and writes them: loading rows, turning them into
the plain records of session_data (and a draft back into rows), the studio's settings, and the small facts the
course rules need about a client."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from smp_desktop.core.domain import ScalpCondition, TreatmentReason
from smp_desktop.core.models import Client, SessionZone, Setting, StaffMember, TreatmentSession
from smp_desktop.core.services.access import Actor, Permission
from smp_desktop.core.services.client_data import display_name
from smp_desktop.core.services.errors import FieldProblem, NotFound
from smp_desktop.core.services.session_data import COURSE_KINDS, SessionDraft, SessionRecord, SessionSummary, ZoneEntry
from smp_desktop.core.services.session_schedule import Booked
from smp_desktop.core.services.studio import DEFAULT_SETTINGS

ZONE_COLUMNS = tuple(name for name in ZoneEntry.__dataclass_fields__)
SESSION_COLUMNS = tuple(name for name in SessionDraft.__dataclass_fields__ if name != "zones")


def load_client(session: Session, client_id: int) -> Client:
    client = session.get(Client, client_id)
    if client is None:
        raise NotFound(f"Client #{client_id} does not exist (it may have been erased).")
    return client


def load_session(session: Session, session_id: int) -> TreatmentSession:
    row = session.get(TreatmentSession, session_id, options=[selectinload(TreatmentSession.zones)])
    if row is None:
        raise NotFound(f"Session #{session_id} does not exist (its client may have been erased).")
    return row


def client_sessions(session: Session, client_id: int) -> list[TreatmentSession]:
    return list(
        session.scalars(
            select(TreatmentSession)
            .options(selectinload(TreatmentSession.zones))
            .where(TreatmentSession.client_id == client_id)
            .order_by(TreatmentSession.starts_at, TreatmentSession.id)
        )
    )


def booked_of(session: Session, client_id: int) -> list[Booked]:
    statement = select(TreatmentSession).where(TreatmentSession.client_id == client_id)
    return [to_booked(row) for row in session.scalars(statement)]


def setting(session: Session, key: str) -> Any:
    row = session.get(Setting, key)
    return json.loads(row.value_json) if row else DEFAULT_SETTINGS[key]


def staff_names(session: Session, ids: Iterable[int | None]) -> dict[int | None, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.execute(select(StaffMember.id, StaffMember.display_name).where(StaffMember.id.in_(wanted)))
    return {member_id: name for member_id, name in rows}


def summaries(session: Session, rows: Sequence[TreatmentSession]) -> list[SessionSummary]:
    names = staff_names(session, {row.artist_id for row in rows})
    return [
        SessionSummary(
            id=row.id,
            kind=row.kind,
            status=row.status,
            starts_at=row.starts_at,
            duration_minutes=row.duration_minutes,
            artist_name=names.get(row.artist_id, ""),
            zones=tuple(zone.zone for zone in row.zones),
            cancel_reason=row.cancel_reason,
        )
        for row in rows
    ]


def apply_draft(row: TreatmentSession, draft: SessionDraft) -> None:
    for name in SESSION_COLUMNS:
        setattr(row, name, getattr(draft, name))
    row.zones = [
        SessionZone(position=i, **{name: getattr(zone, name) for name in ZONE_COLUMNS})
        for i, zone in enumerate(draft.zones)
    ]


def zone_entry(zone: SessionZone) -> ZoneEntry:
    return ZoneEntry(**{name: getattr(zone, name) for name in ZONE_COLUMNS})


def stored_draft(row: TreatmentSession) -> SessionDraft:
    values = {name: getattr(row, name) for name in SESSION_COLUMNS}
    return SessionDraft(**values, zones=tuple(zone_entry(zone) for zone in row.zones))


def to_record(session: Session, actor: Actor, row: TreatmentSession) -> SessionRecord:
    client = load_client(session, row.client_id)
    draft = stored_draft(row)
    health_visible = actor.can(Permission.VIEW_HEALTH)
    if not health_visible:
        draft = draft.replace(health_unchanged=None, health_changes="")
    return SessionRecord(
        id=row.id,
        client_id=row.client_id,
        client_name=display_name(client.first_name, client.last_name, client.preferred_name),
        draft=draft,
        status=row.status,
        cancel_reason=row.cancel_reason,
        artist_name=staff_names(session, [row.artist_id]).get(row.artist_id, ""),
        created_at=row.created_at,
        updated_at=row.updated_at,
        health_visible=health_visible,
    )


COURSE_SET = frozenset(COURSE_KINDS)


def to_booked(row: TreatmentSession) -> Booked:
    return Booked(row.id, row.kind, row.status, row.starts_at, row.duration_minutes, row.artist_id)


def offers_fourth(client: Client) -> bool:
    """A 4th session is offered for alopecia, scars, and very dry or thick skin (DOMAIN.md)."""
    reasons = set(client.reasons or ())
    return bool(
        reasons & {TreatmentReason.ALOPECIA, TreatmentReason.SCAR_CONCEALMENT}
        or (client.scalp_condition in (ScalpCondition.DRY, ScalpCondition.THICK))
    )


def has_treatment(draft: SessionDraft) -> bool:
    return bool(
        draft.numbing
        or draft.skin_reaction
        or draft.health_unchanged is not None
        or draft.health_changes
        or draft.zones
    )


def cancelled_problem() -> FieldProblem:
    return FieldProblem(
        "status", "This session was cancelled and cannot be changed; book a new session instead.", "session_cancelled"
    )

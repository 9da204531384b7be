"""Treatment sessions: book, record, complete and cancel a client's sessions; the course at a glance, the next
session's suggestion and the day's appointments. Permissions are checked and every write is audited here.

Reception books (planned sessions: kind, date and time, artist, duration, notes) and sees appointments; the
treatment record (zones, pigments, numbing, skin reaction) and the health re-confirmation belong to the owner and
the artists, and health answers are shown only to those who may see health data."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from smp_desktop.core.domain import SessionStatus
from smp_desktop.core.models import Client, SessionZone, StaffMember, TreatmentSession
from smp_desktop.core.models.base import utcnow
from smp_desktop.core.services import audit, consent_gate, lot_links
from smp_desktop.core.services import session_store as store
from smp_desktop.core.services.access import Actor, Permission, PermissionDenied, require
from smp_desktop.core.services.client_data import display_name
from smp_desktop.core.services.errors import FieldProblem, ValidationFailed
from smp_desktop.core.services.session_data import (
    TREATMENT_FIELDS,
    Appointment,
    ClientSessions,
    CourseSummary,
    ScheduleWarning,
    SessionDraft,
    SessionRecord,
    SessionSummary,
    ZoneEntry,
)
from smp_desktop.core.services.session_schedule import (
    course_length,
    last_completed_pigmenting,
    overlap_warning,
    spacing_warning,
    suggest_next,
    touch_up_due,
)
from smp_desktop.core.services.session_validation import (
    MAX_DURATION_MINUTES,
    check_cancel_reason,
    check_session,
    local_date,
)

TREATING_ROLES = ("owner", "artist")
MIN_TOUCH_UP_YEARS = 1
MAX_TOUCH_UP_YEARS = 15


class ScheduleConflict(Exception):
    """The artist already has a session at that time; nothing was saved. Save again accepting the overlap."""

    def __init__(self, warning: ScheduleWarning) -> None:
        super().__init__(warning.message)
        self.warning = warning


class SessionService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        today: Callable[[], date] = date.today,
        tz: tzinfo | None = None,
        consent_documents: Path | None = None,
    ) -> None:
        self._sessions = sessions
        self._today = today
        self._tz = tz  # the studio's time zone for calendar days; None: the computer's
        self._consent_documents = consent_documents  # <data>/documents: the gate checks the signed consent's file

    # --- reading -------------------------------------------------------------------------------------------
    def overview(self, actor: Actor, client_id: int) -> ClientSessions:
        """The client's Sessions tab: the course at a glance and every session, newest first."""
        require(actor, Permission.VIEW_SESSIONS)
        with self._sessions() as session:
            client = store.load_client(session, client_id)
            rows = store.client_sessions(session, client_id)
            summaries = store.summaries(session, rows)
            return ClientSessions(self._course(session, actor, client, rows, summaries), tuple(reversed(summaries)))

    def get(self, actor: Actor, session_id: int) -> SessionRecord:
        require(actor, Permission.VIEW_SESSIONS)
        with self._sessions() as session:
            return store.to_record(session, actor, store.load_session(session, session_id))

    def planned_between(self, actor: Actor, start: datetime, end: datetime) -> list[Appointment]:
        """Planned sessions starting from `start` up to (not including) `end`, in time order: the day's
        appointments for reception, tomorrow's paperwork."""
        require(actor, Permission.VIEW_SESSIONS)
        statement = (
            select(TreatmentSession, Client.first_name, Client.last_name, Client.preferred_name)
            .join(Client, Client.id == TreatmentSession.client_id)
            .where(
                TreatmentSession.status == SessionStatus.PLANNED,
                TreatmentSession.starts_at >= start,
                TreatmentSession.starts_at < end,
            )
            .order_by(TreatmentSession.starts_at, TreatmentSession.id)
        )
        with self._sessions() as session:
            rows = session.execute(statement).all()
            names = store.staff_names(session, {row[0].artist_id for row in rows})
            return [
                Appointment(
                    id=ts.id,
                    client_id=ts.client_id,
                    client_name=display_name(first, last, preferred),
                    kind=ts.kind,
                    starts_at=ts.starts_at,
                    duration_minutes=ts.duration_minutes,
                    artist_id=ts.artist_id,
                    artist_name=names.get(ts.artist_id, ""),
                )
                for ts, first, last, preferred in rows
            ]

    def schedule_warnings(
        self, actor: Actor, client_id: int, draft: SessionDraft, *, session_id: int | None = None
    ) -> tuple[ScheduleWarning, ...]:
        """What the editor shows while a date, time or artist is chosen: too soon after (or before) another
        pigmenting session, and the artist already busy then."""
        require(actor, Permission.VIEW_SESSIONS)
        with self._sessions() as session:
            store.load_client(session, client_id)
            found = [self._spacing(session, client_id, draft, session_id), self._overlap(session, draft, session_id)]
            return tuple(w for w in found if w is not None)

    def previous_zones(self, actor: Actor, client_id: int, *, before: datetime | None = None) -> tuple[ZoneEntry, ...]:
        """The zones of the client's latest completed session that has zones (before `before` if given): a new
        session, even a touch-up years later, starts from what was done."""
        require(actor, Permission.VIEW_SESSIONS)
        statement = (
            select(TreatmentSession)
            .options(selectinload(TreatmentSession.zones))
            .where(
                TreatmentSession.client_id == client_id,
                TreatmentSession.status == SessionStatus.COMPLETED,
                TreatmentSession.zones.any(),
            )
            .order_by(TreatmentSession.starts_at.desc())
            .limit(1)
        )
        if before is not None:
            statement = statement.where(TreatmentSession.starts_at < before)
        with self._sessions() as session:
            store.load_client(session, client_id)
            found = session.scalars(statement).first()
            return () if found is None else tuple(store.zone_entry(zone) for zone in found.zones)

    # --- writing -------------------------------------------------------------------------------------------
    def create(
        self,
        actor: Actor,
        client_id: int,
        draft: SessionDraft,
        *,
        complete: bool = False,
        accept_overlap: bool = False,
        gate_override: str = "",
    ) -> SessionRecord:
        """Book (or, with complete, record as done) a session. Raises ValidationFailed (including a spacing
        warning without a reason) or ScheduleConflict (the artist is busy, unless accept_overlap)."""
        require(actor, Permission.BOOK_SESSIONS)
        if not actor.can(Permission.RECORD_TREATMENT) and (complete or store.has_treatment(draft)):
            raise PermissionDenied(actor, Permission.RECORD_TREATMENT)
        status = SessionStatus.COMPLETED if complete else SessionStatus.PLANNED
        with self._sessions.begin() as session:
            store.load_client(session, client_id)
            draft = self._checked(session, client_id, draft, status, None, accept_overlap, changed=True)
            row = TreatmentSession(client_id=client_id, status=status, created_by_id=actor.staff_id)
            store.apply_draft(row, draft)
            session.add(row)
            session.flush()
            if status is SessionStatus.COMPLETED:
                self._gate(session, actor, row, gate_override)
                lot_links.keep_mixes(session, row)  # the client's mixes per zone (ink register)
            audit.record(session, actor, "create", "treatment_session", row.id, f"{draft.kind.value} {status.value}")
            return store.to_record(session, actor, row)

    def update(
        self,
        actor: Actor,
        session_id: int,
        draft: SessionDraft,
        *,
        complete: bool = False,
        accept_overlap: bool = False,
        gate_override: str = "",
    ) -> SessionRecord:
        """Change a planned or completed session (with complete, mark it completed in the same step). Reception
        changes the booking only: the treatment record stays as stored, whatever the draft holds."""
        require(actor, Permission.BOOK_SESSIONS)
        records_treatment = actor.can(Permission.RECORD_TREATMENT)
        with self._sessions.begin() as session:
            row = store.load_session(session, session_id)
            if row.status is SessionStatus.CANCELLED:
                raise ValidationFailed([store.cancelled_problem()])
            if not records_treatment and (complete or row.status is SessionStatus.COMPLETED):
                raise PermissionDenied(actor, Permission.RECORD_TREATMENT)
            stored = store.stored_draft(row)
            if not records_treatment:
                draft = draft.replace(**{name: getattr(stored, name) for name in TREATMENT_FIELDS})
            elif not actor.can(Permission.VIEW_HEALTH):
                draft = draft.replace(health_unchanged=stored.health_unchanged, health_changes=stored.health_changes)
            status = SessionStatus.COMPLETED if complete else row.status
            changed = (
                draft.kind != stored.kind
                or draft.starts_at != stored.starts_at
                or draft.duration_minutes != stored.duration_minutes
                or draft.artist_id != stored.artist_id
            )
            draft = self._checked(session, row.client_id, draft, status, session_id, accept_overlap, changed=changed)
            fields = [
                name for name in (*store.SESSION_COLUMNS, "zones") if getattr(draft, name) != getattr(stored, name)
            ]
            if status is not row.status:
                fields.append("status")
            completing = status is SessionStatus.COMPLETED and row.status is not SessionStatus.COMPLETED
            row.status = status
            store.apply_draft(row, draft)
            session.flush()
            if completing:
                self._gate(session, actor, row, gate_override)
            if row.status is SessionStatus.COMPLETED:
                lot_links.keep_mixes(session, row)  # the client's mixes per zone (ink register)
            action = "complete" if complete and "status" in fields else "update"
            audit.record(session, actor, action, "treatment_session", row.id, ",".join(fields))
            return store.to_record(session, actor, row)

    def mark_completed(self, actor: Actor, session_id: int, *, gate_override: str = "") -> SessionRecord:
        """Mark a planned session completed as it is recorded. Raises ValidationFailed when the health
        re-confirmation or (for a pigmenting session) the zones are missing: the editor records them."""
        require(actor, Permission.RECORD_TREATMENT)
        with self._sessions.begin() as session:
            row = store.load_session(session, session_id)
            if row.status is SessionStatus.CANCELLED:
                raise ValidationFailed([store.cancelled_problem()])
            if row.status is SessionStatus.COMPLETED:
                return store.to_record(session, actor, row)
            check_session(store.stored_draft(row), status=SessionStatus.COMPLETED, today=self._today(), tz=self._tz)
            row.status = SessionStatus.COMPLETED
            self._gate(session, actor, row, gate_override)
            lot_links.keep_mixes(session, row)  # the client's mixes per zone (ink register)
            audit.record(session, actor, "complete", "treatment_session", row.id)
            return store.to_record(session, actor, row)

    def cancel(self, actor: Actor, session_id: int, reason: str) -> SessionRecord:
        """Cancel a planned session, saying why (the session stays on record, marked cancelled)."""
        require(actor, Permission.BOOK_SESSIONS)
        reason = check_cancel_reason(reason)
        with self._sessions.begin() as session:
            row = store.load_session(session, session_id)
            if row.status is not SessionStatus.PLANNED:
                raise ValidationFailed(
                    [
                        FieldProblem(
                            "status",
                            f"Only a planned session can be cancelled; this one is {row.status.value}.",
                            "cancel_not_planned",
                            (("status", row.status.value),),
                        )
                    ]
                )
            row.status = SessionStatus.CANCELLED
            row.cancel_reason = reason
            audit.record(session, actor, "cancel", "treatment_session", row.id)
            return store.to_record(session, actor, row)

    def set_touch_up_years(self, actor: Actor, client_id: int, years: int | None) -> None:
        """The client's own touch-up interval (None: the studio's setting), e.g. sooner for strong sun exposure."""
        require(actor, Permission.RECORD_TREATMENT)
        if years is not None and not MIN_TOUCH_UP_YEARS <= years <= MAX_TOUCH_UP_YEARS:
            raise ValidationFailed(
                [
                    FieldProblem(
                        "touch_up_years",
                        f"The touch-up interval is {MIN_TOUCH_UP_YEARS} to {MAX_TOUCH_UP_YEARS} years.",
                        "touch_up_years_range",
                        (("min", str(MIN_TOUCH_UP_YEARS)), ("max", str(MAX_TOUCH_UP_YEARS))),
                    )
                ]
            )
        with self._sessions.begin() as session:
            client = store.load_client(session, client_id)
            client.touch_up_years = years
            audit.record(session, actor, "update", "client", client.id, "touch_up_years")

    def create_many(
        self,
        actor: Actor,
        items: Iterable[tuple[int, SessionDraft, SessionStatus, str]],
        *,
        action: str = "import",
        batch: int = 5000,
    ) -> int:
        """Insert already-checked sessions (client id, draft, status, cancel reason) in one transaction (the demo
        studio); all or nothing. Returns how many were inserted."""
        require(actor, Permission.RECORD_TREATMENT)
        count = 0
        now = utcnow()
        with self._sessions.begin() as session:
            next_id = (session.scalar(select(TreatmentSession.id).order_by(TreatmentSession.id.desc())) or 0) + 1
            session_rows: list[dict[str, Any]] = []
            zone_rows: list[dict[str, Any]] = []

            def flush() -> None:
                # Core executemany on the tables: the ORM's bulk path splits the rows into one statement per
                # pattern of empty values (a pen machine's zone has no voltage, a rotary's no stroke).
                connection = session.connection()
                if session_rows:
                    connection.execute(insert(TreatmentSession.__table__), session_rows)  # type: ignore[arg-type]
                if zone_rows:
                    connection.execute(insert(SessionZone.__table__), zone_rows)  # type: ignore[arg-type]
                session_rows.clear()
                zone_rows.clear()

            for client_id, draft, status, cancel_reason in items:
                row = {name: getattr(draft, name) for name in store.SESSION_COLUMNS}
                row.update(
                    id=next_id,
                    client_id=client_id,
                    status=status,
                    cancel_reason=cancel_reason,
                    created_by_id=actor.staff_id,
                    created_at=now,
                    updated_at=now,
                )
                session_rows.append(row)
                zone_rows.extend(
                    {"session_id": next_id, "position": i, **{n: getattr(z, n) for n in store.ZONE_COLUMNS}}
                    for i, z in enumerate(draft.zones)
                )
                next_id += 1
                count += 1
                if len(session_rows) >= batch:
                    flush()
            flush()
            audit.record(session, actor, action, "treatment_session", None, f"{count} sessions")
        return count

    def _gate(self, session: Session, actor: Actor, row: TreatmentSession, override: str) -> None:
        """Completing needs a valid signed treatment consent, a screening that allows treatment and the health
        re-confirmation (core/services/consent_gate.py); the owner may override with a reason, kept on the
        session. Raises ConsentGateClosed (a ValidationFailed) otherwise."""
        consent_gate.enforce(session, actor, row, override, documents=self._consent_documents, tz=self._tz)

    # --- rules ---------------------------------------------------------------------------------------------
    def _checked(
        self,
        session: Session,
        client_id: int,
        draft: SessionDraft,
        status: SessionStatus,
        session_id: int | None,
        accept_overlap: bool,
        *,
        changed: bool,
    ) -> SessionDraft:
        """Validate the draft, the artist and (when the date, kind or artist changed) the spacing and overlap."""
        problems: list[FieldProblem] = []
        try:
            draft = check_session(draft, status=status, today=self._today(), tz=self._tz)
        except ValidationFailed as failed:
            problems += failed.problems
        # the ink register: lot text from the lot, a reason for a lot that may not be used that day
        draft, lot_problems = lot_links.checked_lots(session, draft, session_id, local_date(draft.starts_at, self._tz))
        problems += lot_problems
        problems += self._artist_problems(session, draft.artist_id, session_id)
        if changed and not problems:
            warning = self._spacing(session, client_id, draft, session_id)
            if warning is None:
                draft = draft.replace(spacing_note="")  # no longer sooner than the spacing: nothing to explain
            elif not draft.spacing_note:
                problems.append(
                    FieldProblem(
                        "spacing_note",
                        f"{warning.message} Give a reason to book it anyway.",
                        "spacing_reason_required",
                        warning.params,
                    )
                )
        if problems:
            raise ValidationFailed(problems)
        if changed and not accept_overlap and status is not SessionStatus.CANCELLED:
            overlap = self._overlap(session, draft, session_id)
            if overlap is not None:
                raise ScheduleConflict(overlap)
        return draft

    def _artist_problems(self, session: Session, artist_id: int | None, session_id: int | None) -> list[FieldProblem]:
        if artist_id is None:
            return []
        member = session.get(StaffMember, artist_id)
        if member is None:
            return [FieldProblem("artist_id", "The chosen artist is no longer on the staff list.", "artist_unknown")]
        if member.role.value not in TREATING_ROLES:
            return [
                FieldProblem(
                    "artist_id",
                    f"{member.display_name} works at reception; choose an artist.",
                    "artist_not_treating",
                    (("name", member.display_name),),
                )
            ]
        keeps_artist = (
            session_id is not None
            and session.scalar(select(TreatmentSession.artist_id).where(TreatmentSession.id == session_id)) == artist_id
        )
        if not member.active and not keeps_artist:
            return [
                FieldProblem(
                    "artist_id",
                    f"{member.display_name} no longer works at the studio; choose another artist.",
                    "artist_inactive",
                    (("name", member.display_name),),
                )
            ]
        return []

    def _spacing(
        self, session: Session, client_id: int, draft: SessionDraft, session_id: int | None
    ) -> ScheduleWarning | None:
        others = [b for b in store.booked_of(session, client_id) if b.id != session_id]
        return spacing_warning(
            draft.kind,
            draft.starts_at,
            others,
            min_days=store.setting(session, "session_spacing_min_days"),
            tz=self._tz,
        )

    def _overlap(self, session: Session, draft: SessionDraft, session_id: int | None) -> ScheduleWarning | None:
        if draft.artist_id is None:
            return None
        ends_at = draft.starts_at + timedelta(minutes=draft.duration_minutes)
        statement = (
            select(TreatmentSession, Client.first_name, Client.last_name, Client.preferred_name)
            .join(Client, Client.id == TreatmentSession.client_id)
            .where(
                TreatmentSession.artist_id == draft.artist_id,
                TreatmentSession.status != SessionStatus.CANCELLED,
                TreatmentSession.starts_at < ends_at,
                # the longest session starts at most this long before ours (the starts_at index does the rest)
                TreatmentSession.starts_at > draft.starts_at - timedelta(minutes=MAX_DURATION_MINUTES),
            )
        )
        if session_id is not None:
            statement = statement.where(TreatmentSession.id != session_id)
        others = [(store.to_booked(ts), display_name(f, last, p)) for ts, f, last, p in session.execute(statement)]
        artist = session.get(StaffMember, draft.artist_id)
        return overlap_warning(
            draft.starts_at, draft.duration_minutes, others, artist.display_name if artist else "", self._tz
        )

    def _course(
        self,
        session: Session,
        actor: Actor,
        client: Client,
        rows: Sequence[TreatmentSession],
        summaries: Sequence[SessionSummary],
    ) -> CourseSummary:
        booked = [store.to_booked(row) for row in rows]
        by_id = {s.id: s for s in summaries}
        studio_years = int(store.setting(session, "touch_up_years"))
        years = client.touch_up_years or studio_years
        offers_fourth = store.offers_fourth(client)
        min_days = int(store.setting(session, "session_spacing_min_days"))
        max_days = int(store.setting(session, "session_spacing_max_days"))
        today = self._today()
        upcoming = [
            b for b in booked if b.status is SessionStatus.PLANNED and local_date(b.starts_at, self._tz) >= today
        ]
        last = last_completed_pigmenting(booked)
        default_artist = actor.staff_id if actor.can(Permission.RECORD_TREATMENT) else None
        return CourseSummary(
            client_id=client.id,
            client_name=display_name(client.first_name, client.last_name, client.preferred_name),
            sessions_done=sum(1 for b in booked if b.status is SessionStatus.COMPLETED and b.kind in store.COURSE_SET),
            course_length=course_length(booked, offers_fourth=offers_fourth),
            next_planned=by_id[min(upcoming, key=lambda b: b.starts_at).id] if upcoming else None,
            last_pigmenting=by_id[last.id] if last else None,
            touch_up_due=touch_up_due(booked, years, self._tz),
            touch_up_years=years,
            touch_up_years_is_clients_own=client.touch_up_years is not None,
            suggestion=suggest_next(
                booked,
                offers_fourth=offers_fourth,
                min_days=min_days,
                max_days=max_days,
                touch_up_years=years,
                today=today,
                default_artist=default_artist,
                tz=self._tz,
            ),
            spacing_min_days=min_days,
            spacing_max_days=max_days,
        )

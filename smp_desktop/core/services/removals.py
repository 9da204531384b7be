"""Removal plans: assess (Kirby-Desai, test spot), plan sessions at the method's interval, record each session's
parameters as it happens and complete the plan; the client's plans at a glance and the pigment their records
offer for removal. Every call checks PLAN_REMOVAL (owner and artists; the front desk sees nothing of it) and
every write is audited. Assessment photos are shown only to those who may see photos."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from smp_desktop.core.domain import SessionStatus
from smp_desktop.core.models import (
    Client,
    Photo,
    PigmentLot,
    PigmentProduct,
    RemovalPhoto,
    RemovalPlan,
    RemovalSession,
    RemovalTarget,
    SessionZone,
    StaffMember,
    TreatmentSession,
)
from smp_desktop.core.removal import (
    LaserParameters,
    RemovalRules,
    RemovalRulesInvalid,
    earliest_new_smp,
    interval_warnings,
    load_rules,
    next_date,
    suggest_dates,
)
from smp_desktop.core.removal_vocabulary import RemovalMethod, RemovalPlanStatus, RemovalReason, RemovalSessionStatus
from smp_desktop.core.services import audit
from smp_desktop.core.services.access import Actor, Permission, require
from smp_desktop.core.services.client_data import display_name
from smp_desktop.core.services.errors import FieldProblem, NotFound, ValidationFailed
from smp_desktop.core.services.removal_data import (
    NewSmpHold,
    PigmentSource,
    RemovalPhotoEntry,
    RemovalPlanDraft,
    RemovalPlanRecord,
    RemovalPlanSummary,
    RemovalSessionEntry,
    RemovalTargetEntry,
)
from smp_desktop.core.services.removal_validation import check_plan, tidy

PLAN_COLUMNS = tuple(
    name for name in RemovalPlanDraft.__dataclass_fields__ if name not in ("sessions", "targets", "photos")
)
SESSION_COLUMNS = tuple(name for name in RemovalSessionEntry.__dataclass_fields__ if name != "id")
TARGET_COLUMNS = tuple(RemovalTargetEntry.__dataclass_fields__)
MAX_PLANNED_AT_ONCE = 12

log = logging.getLogger(__name__)


class RemovalService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        today: Callable[[], date] = date.today,
        rules_file: Path | None = None,
    ) -> None:
        self._sessions = sessions
        self._today = today
        self._rules_file = rules_file  # a studio's own removal-methods.json, used when it exists
        self._rules: RemovalRules | None = None
        self.rules_problem = ""  # why the studio's own removal-methods.json is not used, when it is not

    # --- the rules ---------------------------------------------------------------------------------------------
    def rules(self) -> RemovalRules:
        """The studio's method rules (intervals, wavelengths, parameter ranges, default risks and aftercare). When
        the studio's own file cannot be used, the shipped rules apply and `rules_problem` says why."""
        if self._rules is None:
            try:
                self._rules = load_rules(self._rules_file)
            except RemovalRulesInvalid as exc:
                log.warning("%s", exc)
                self.rules_problem = f"{exc} The app's own removal rules apply until the file is fixed."
                self._rules = load_rules(None)
        return self._rules

    def new_draft(self, actor: Actor, client_id: int, method: RemovalMethod, reason: RemovalReason) -> RemovalPlanDraft:
        """A blank plan for the client: the skin type from the profile, the method's default risks and aftercare."""
        require(actor, Permission.PLAN_REMOVAL)
        rule = self.rules().rule(method)
        with self._sessions() as session:
            client = _client(session, client_id)
            return RemovalPlanDraft(
                reason=reason,
                method=method,
                fitzpatrick_type=client.fitzpatrick_type if actor.can(Permission.VIEW_HEALTH) else None,
                risks=rule.risks,
                aftercare=rule.aftercare,
            )

    # --- reading -----------------------------------------------------------------------------------------------
    def list_for_client(self, actor: Actor, client_id: int) -> list[RemovalPlanSummary]:
        """The client's plans, newest first."""
        require(actor, Permission.PLAN_REMOVAL)
        with self._sessions() as session:
            _client(session, client_id)
            plans = session.scalars(
                select(RemovalPlan)
                .options(selectinload(RemovalPlan.sessions))
                .where(RemovalPlan.client_id == client_id)
                .order_by(RemovalPlan.created_at.desc(), RemovalPlan.id.desc())
            )
            return [_summary(plan) for plan in plans]

    def get(self, actor: Actor, plan_id: int) -> RemovalPlanRecord:
        require(actor, Permission.PLAN_REMOVAL)
        with self._sessions() as session:
            return self._record(session, actor, _plan(session, plan_id))

    def pigment_sources(self, actor: Actor, client_id: int) -> list[PigmentSource]:
        """The pigment the client's completed sessions put in, zone by zone, newest session first. A zone linked to
        the ink register names its lot's product and number where its own text is blank."""
        require(actor, Permission.PLAN_REMOVAL)
        statement = (
            select(SessionZone, TreatmentSession, PigmentLot.lot_number, PigmentProduct.brand, PigmentProduct.name)
            .join(TreatmentSession, TreatmentSession.id == SessionZone.session_id)
            .outerjoin(PigmentLot, PigmentLot.id == SessionZone.lot_id)
            .outerjoin(PigmentProduct, PigmentProduct.id == PigmentLot.product_id)
            .where(TreatmentSession.client_id == client_id, TreatmentSession.status == SessionStatus.COMPLETED)
            .order_by(TreatmentSession.starts_at.desc(), SessionZone.position)
        )
        with self._sessions() as session:
            _client(session, client_id)
            return [
                PigmentSource(
                    session_zone_id=zone.id,
                    session_id=ts.id,
                    session_kind=ts.kind,
                    applied_on=ts.starts_at.date(),
                    zone=zone.zone,
                    pigment_shade=zone.pigment_shade or " ".join(p for p in (brand, product) if p),
                    pigment_lot=zone.pigment_lot or (lot_number or ""),
                    lot_id=zone.lot_id,
                )
                for zone, ts, lot_number, brand, product in session.execute(statement)
            ]

    def new_smp_hold(self, actor: Actor, client_id: int) -> NewSmpHold | None:
        """Whether removal keeps new pigment off this client's scalp for now: the plan (not cancelled) with the
        latest earliest-new-SMP date, when that date is after today. For the screening ("laser removal in the area
        within the last 90 days") and for booking a pigmenting session."""
        require(actor, Permission.PLAN_REMOVAL)
        today = self._today()
        with self._sessions() as session:
            _client(session, client_id)
            plans = session.scalars(
                select(RemovalPlan)
                .options(selectinload(RemovalPlan.sessions))
                .where(
                    RemovalPlan.client_id == client_id,
                    RemovalPlan.status != RemovalPlanStatus.CANCELLED,
                    RemovalPlan.earliest_new_smp_on > today,
                )
                .order_by(RemovalPlan.earliest_new_smp_on.desc())
            ).all()
            if not plans:
                return None
            plan = plans[0]
            done = [s.done_on for s in plan.sessions if s.status is RemovalSessionStatus.DONE and s.done_on]
            assert plan.earliest_new_smp_on is not None
            return NewSmpHold(plan.id, plan.method, plan.earliest_new_smp_on, max(done) if done else None)

    def suggested_dates(self, actor: Actor, plan_id: int, count: int) -> list[date]:
        """Dates for `count` more sessions: the usual interval after the latest one (or from today)."""
        require(actor, Permission.PLAN_REMOVAL)
        with self._sessions() as session:
            plan = _plan(session, plan_id)
            rule = self.rules().rule(plan.method)
            start = next_date([_entry(s).dates for s in plan.sessions], rule, self._today())
            return suggest_dates(start, count, rule)

    # --- writing -----------------------------------------------------------------------------------------------
    def create(self, actor: Actor, client_id: int, draft: RemovalPlanDraft) -> RemovalPlanRecord:
        """Save a new plan. Raises ValidationFailed (nothing saved) with every problem, including a session planned
        sooner than the method's minimum interval without a note saying why."""
        require(actor, Permission.PLAN_REMOVAL)
        with self._sessions.begin() as session:
            _client(session, client_id)
            draft = self._checked(session, actor, client_id, draft, None)
            plan = RemovalPlan(client_id=client_id, created_by_id=actor.staff_id, updated_by_id=actor.staff_id)
            session.add(plan)
            self._apply(session, plan, draft)
            session.flush()
            audit.record(
                session, actor, "create", "removal_plan", plan.id, f"{draft.method.value} {draft.reason.value}"
            )
            return self._record(session, actor, plan)

    def update(self, actor: Actor, plan_id: int, draft: RemovalPlanDraft) -> RemovalPlanRecord:
        """Save the editor's plan over the stored one (sessions matched by id; photos kept as stored for an actor
        who may not see them)."""
        require(actor, Permission.PLAN_REMOVAL)
        with self._sessions.begin() as session:
            plan = _plan(session, plan_id)
            stored = _draft(plan)
            if not actor.can(Permission.VIEW_PHOTOS):
                draft = draft.replace(photos=stored.photos)
            draft = self._checked(session, actor, plan.client_id, draft, plan)
            fields = [
                name for name in (*PLAN_COLUMNS, "sessions", "targets", "photos") if _differs(draft, stored, name)
            ]
            self._apply(session, plan, draft)
            plan.updated_by_id = actor.staff_id
            session.flush()
            action = "complete" if "status" in fields and draft.status is RemovalPlanStatus.COMPLETED else "update"
            audit.record(session, actor, action, "removal_plan", plan.id, ",".join(fields))
            return self._record(session, actor, plan)

    def plan_sessions(self, actor: Actor, plan_id: int, count: int, start: date | None = None) -> RemovalPlanRecord:
        """Add `count` planned sessions at the method's usual interval, from `start` (else the usual interval
        after the latest session, or today)."""
        require(actor, Permission.PLAN_REMOVAL)
        if not 1 <= count <= MAX_PLANNED_AT_ONCE:
            raise ValidationFailed(
                [FieldProblem("sessions", f"Plan between 1 and {MAX_PLANNED_AT_ONCE} sessions at a time.")]
            )
        with self._sessions.begin() as session:
            plan = _plan(session, plan_id)
            _refuse_closed(plan)
            stored = _draft(plan)
            rule = self.rules().rule(plan.method)
            first = start or next_date([s.dates for s in stored.sessions], rule, self._today())
            added = tuple(RemovalSessionEntry(planned_on=day) for day in suggest_dates(first, count, rule))
            draft = self._checked(
                session, actor, plan.client_id, stored.replace(sessions=stored.sessions + added), plan
            )
            self._apply(session, plan, draft)
            plan.updated_by_id = actor.staff_id
            session.flush()
            audit.record(session, actor, "plan_sessions", "removal_plan", plan.id, f"{count} from {first.isoformat()}")
            return self._record(session, actor, plan)

    def record_session(
        self,
        actor: Actor,
        plan_id: int,
        session_id: int,
        *,
        done_on: date,
        parameters: LaserParameters,
        notes: str = "",
    ) -> RemovalPlanRecord:
        """Record a planned session as done, with the laser's parameters as they were (checked against the
        method's wavelengths and plausible ranges). The actor is recorded as the one who performed it."""
        require(actor, Permission.PLAN_REMOVAL)
        with self._sessions.begin() as session:
            plan = _plan(session, plan_id)
            _refuse_closed(plan)
            stored = _draft(plan)
            if not any(s.id == session_id for s in stored.sessions):
                raise NotFound(f"Removal session #{session_id} is not part of plan #{plan_id}.")
            sessions = tuple(
                s.replace(
                    status=RemovalSessionStatus.DONE,
                    done_on=done_on,
                    wavelength_nm=parameters.wavelength_nm,
                    fluence_j_cm2=parameters.fluence_j_cm2,
                    spot_size_mm=parameters.spot_size_mm,
                    repetition_hz=parameters.repetition_hz,
                    notes=notes or s.notes,
                    performed_by_id=s.performed_by_id or actor.staff_id,
                )
                if s.id == session_id
                else s
                for s in stored.sessions
            )
            draft = self._checked(session, actor, plan.client_id, stored.replace(sessions=sessions), plan)
            self._apply(session, plan, draft)
            plan.updated_by_id = actor.staff_id
            session.flush()
            audit.record(session, actor, "record_session", "removal_plan", plan.id, f"session {session_id}")
            return self._record(session, actor, plan)

    def complete(self, actor: Actor, plan_id: int) -> RemovalPlanRecord:
        """Close the plan as completed; sessions still planned are cancelled (kept on record). Needs one session
        done."""
        require(actor, Permission.PLAN_REMOVAL)
        with self._sessions.begin() as session:
            plan = _plan(session, plan_id)
            if plan.status is RemovalPlanStatus.COMPLETED:
                return self._record(session, actor, plan)
            stored = _draft(plan)
            sessions = tuple(
                s.replace(status=RemovalSessionStatus.CANCELLED) if s.status is RemovalSessionStatus.PLANNED else s
                for s in stored.sessions
            )
            draft = stored.replace(status=RemovalPlanStatus.COMPLETED, sessions=sessions)
            draft = self._checked(session, actor, plan.client_id, draft, plan)
            cancelled = sum(1 for a, b in zip(stored.sessions, sessions, strict=True) if a.status is not b.status)
            self._apply(session, plan, draft)
            plan.updated_by_id = actor.staff_id
            session.flush()
            audit.record(session, actor, "complete", "removal_plan", plan.id, f"{cancelled} planned cancelled")
            return self._record(session, actor, plan)

    def delete(self, actor: Actor, plan_id: int) -> None:
        """Delete a plan that never got past assessment (no session done); a plan with treatment stays on record."""
        require(actor, Permission.PLAN_REMOVAL)
        with self._sessions.begin() as session:
            plan = _plan(session, plan_id)
            if any(s.status is RemovalSessionStatus.DONE for s in plan.sessions):
                raise ValidationFailed(
                    [FieldProblem("status", "A plan with a session done stays on record; cancel it instead.")]
                )
            audit.record(session, actor, "delete", "removal_plan", plan.id, f"client {plan.client_id}")
            session.delete(plan)

    def note_document(self, actor: Actor, plan_id: int, what: str) -> None:
        """Audit that a document with the plan in it was made (it leaves the studio with a client's data)."""
        require(actor, Permission.PLAN_REMOVAL)
        with self._sessions.begin() as session:
            _plan(session, plan_id)
            audit.record(session, actor, "document", "removal_plan", plan_id, what)

    # --- inside --------------------------------------------------------------------------------------------------
    def _checked(
        self, session: Session, actor: Actor, client_id: int, draft: RemovalPlanDraft, plan: RemovalPlan | None
    ) -> RemovalPlanDraft:
        draft = check_plan(draft, self.rules(), self._today())
        problems: list[FieldProblem] = []
        known = {s.id for s in plan.sessions} if plan is not None else set()
        for index, entry in enumerate(draft.sessions):
            if entry.id is not None and entry.id not in known:
                problems.append(FieldProblem("sessions", f"Session {index + 1} belongs to another plan; reload it."))
        staff = {s.performed_by_id for s in draft.sessions if s.performed_by_id is not None}
        if staff:
            found = set(session.scalars(select(StaffMember.id).where(StaffMember.id.in_(staff))))
            if staff - found:
                problems.append(FieldProblem("sessions", "A session names a staff member who does not exist."))
        photo_ids = {p.photo_id for p in draft.photos}
        if photo_ids:
            owned = set(session.scalars(select(Photo.id).where(Photo.id.in_(photo_ids), Photo.client_id == client_id)))
            if photo_ids - owned:
                problems.append(FieldProblem("photos", "An assessment photo is not one of this client's photos."))
        zone_ids = {t.session_zone_id for t in draft.targets if t.session_zone_id is not None}
        if zone_ids:
            owned = set(
                session.scalars(
                    select(SessionZone.id)
                    .join(TreatmentSession, TreatmentSession.id == SessionZone.session_id)
                    .where(SessionZone.id.in_(zone_ids), TreatmentSession.client_id == client_id)
                )
            )
            if zone_ids - owned:
                problems.append(FieldProblem("targets", "A pigment to remove comes from another client's records."))
        if problems:
            raise ValidationFailed(problems)
        return draft

    def _apply(self, session: Session, plan: RemovalPlan, draft: RemovalPlanDraft) -> None:
        for name in PLAN_COLUMNS:
            setattr(plan, name, getattr(draft, name))
        plan.kd_score = draft.kirby_desai.score
        rule = self.rules().rule(draft.method)
        plan.earliest_new_smp_on = earliest_new_smp([s.dates for s in draft.sessions], rule)
        by_id = {row.id: row for row in plan.sessions}
        rows: list[RemovalSession] = []
        for position, entry in enumerate(sorted(draft.sessions, key=_session_order)):
            row = by_id.get(entry.id) if entry.id is not None else None
            row = row or RemovalSession()
            for name in SESSION_COLUMNS:
                setattr(row, name, getattr(entry, name))
            row.position = position
            rows.append(row)
        plan.sessions = rows
        plan.targets = [
            RemovalTarget(position=i, **{name: getattr(t, name) for name in TARGET_COLUMNS})
            for i, t in enumerate(draft.targets)
        ]
        plan.photos = [
            RemovalPhoto(position=i, photo_id=p.photo_id, caption=p.caption) for i, p in enumerate(draft.photos)
        ]

    def _record(self, session: Session, actor: Actor, plan: RemovalPlan) -> RemovalPlanRecord:
        draft = _draft(plan)
        if not actor.can(Permission.VIEW_PHOTOS):
            draft = draft.replace(photos=())
        client = _client(session, plan.client_id)
        ids = {plan.created_by_id, plan.updated_by_id, *(s.performed_by_id for s in plan.sessions)}
        wanted = {i for i in ids if i is not None}
        statement = select(StaffMember.id, StaffMember.display_name).where(StaffMember.id.in_(wanted))
        names: dict[int, str] = {i: n for i, n in session.execute(statement)} if wanted else {}
        rule = self.rules().rule(plan.method)
        return RemovalPlanRecord(
            id=plan.id,
            client_id=plan.client_id,
            client_name=display_name(client.first_name, client.last_name, client.preferred_name),
            draft=draft,
            kd_score=plan.kd_score,
            earliest_new_smp_on=plan.earliest_new_smp_on,
            warnings=tuple(interval_warnings([s.dates for s in draft.sessions], rule, test_spot_on=draft.test_spot_on)),
            staff_names=tuple(sorted(names.items())),
            created_at=plan.created_at,
            updated_at=plan.updated_at,
            created_by=names.get(plan.created_by_id, "") if plan.created_by_id is not None else "",
            updated_by=names.get(plan.updated_by_id, "") if plan.updated_by_id is not None else "",
        )


def _client(session: Session, client_id: int) -> Client:
    client = session.get(Client, client_id)
    if client is None:
        raise NotFound(f"Client #{client_id} does not exist (it may have been erased).")
    return client


def _plan(session: Session, plan_id: int) -> RemovalPlan:
    plan = session.get(
        RemovalPlan,
        plan_id,
        options=[
            selectinload(RemovalPlan.sessions),
            selectinload(RemovalPlan.targets),
            selectinload(RemovalPlan.photos),
        ],
    )
    if plan is None:
        raise NotFound(f"Removal plan #{plan_id} does not exist (its client may have been erased).")
    return plan


def _refuse_closed(plan: RemovalPlan) -> None:
    if plan.status in (RemovalPlanStatus.COMPLETED, RemovalPlanStatus.CANCELLED):
        raise ValidationFailed(
            [
                FieldProblem(
                    "status", f"Removal plan #{plan.id} is {plan.status.value.replace('_', ' ')}; reopen it first."
                )
            ]
        )


def _entry(row: RemovalSession) -> RemovalSessionEntry:
    return RemovalSessionEntry(id=row.id, **{name: getattr(row, name) for name in SESSION_COLUMNS})


def _draft(plan: RemovalPlan) -> RemovalPlanDraft:
    return RemovalPlanDraft(
        **{name: getattr(plan, name) for name in PLAN_COLUMNS},
        sessions=tuple(_entry(row) for row in plan.sessions),
        targets=tuple(RemovalTargetEntry(**{name: getattr(t, name) for name in TARGET_COLUMNS}) for t in plan.targets),
        photos=tuple(RemovalPhotoEntry(p.photo_id, p.caption) for p in plan.photos),
    )


def _session_order(entry: RemovalSessionEntry) -> tuple[date, int]:
    return (entry.on or date.max, entry.id or 1 << 62)


def _differs(draft: RemovalPlanDraft, stored: RemovalPlanDraft, name: str) -> bool:
    return bool(getattr(draft, name) != getattr(stored, name))


def _summary(plan: RemovalPlan) -> RemovalPlanSummary:
    sessions: Sequence[RemovalSession] = plan.sessions
    planned = [s.planned_on for s in sessions if s.status is RemovalSessionStatus.PLANNED and s.planned_on]
    return RemovalPlanSummary(
        id=plan.id,
        reason=plan.reason,
        method=plan.method,
        status=plan.status,
        created_at=plan.created_at,
        sessions_done=sum(1 for s in sessions if s.status is RemovalSessionStatus.DONE),
        sessions_planned=len(planned),
        kd_score=plan.kd_score,
        next_session_on=min(planned) if planned else None,
        earliest_new_smp_on=plan.earliest_new_smp_on,
        provider_name=plan.provider_name,
    )


__all__ = ["RemovalService", "tidy"]

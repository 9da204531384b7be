"""The completion gate: a pigmenting session is completed only when the client has a valid signed treatment consent
(its template version current or still accepted, signed within consent_validity_months, its file intact), a health
screening that allows treatment (eligible, doctor's letters included) and the session's health re-confirmation
(no change, or the questionnaire filled in again that day). The owner may complete anyway, giving a reason that is
kept on the session (SessionGateOverride). SessionService calls `enforce` inside its own transaction."""

from __future__ import annotations

from datetime import timedelta, tzinfo
from pathlib import Path

from sqlalchemy.orm import Session

from smp_desktop.core.domain import PIGMENTING_KINDS
from smp_desktop.core.models import SessionGateOverride, StoredDocument, TreatmentSession
from smp_desktop.core.models.consent import ScreeningOutcome
from smp_desktop.core.photos.store import sha256_file
from smp_desktop.core.services import audit
from smp_desktop.core.services import consent_store as store
from smp_desktop.core.services.access import Actor, Permission, PermissionDenied
from smp_desktop.core.services.consent_data import OUTCOME_LABELS
from smp_desktop.core.services.errors import FieldProblem, ValidationFailed
from smp_desktop.core.services.screening import add_months
from smp_desktop.core.services.session_store import setting

FIELD = "consent_gate"
MAX_REASON = 1000


class ConsentGateClosed(ValidationFailed):
    """The session cannot be completed yet: each problem says what is missing. The owner may complete it anyway
    with a reason (SessionService's gate_override)."""


def gate_problems(
    session: Session,
    client_id: int,
    row: TreatmentSession,
    *,
    documents: Path | None,
    tz: tzinfo | None = None,
) -> list[FieldProblem]:
    """What stops this session from being completed; [] when nothing does (or it is not a pigmenting session)."""
    if row.kind not in PIGMENTING_KINDS:
        return []
    ends = row.starts_at + timedelta(minutes=row.duration_minutes)
    day = row.starts_at.astimezone(tz).date()
    problems: list[FieldProblem] = []
    consent, _until, why = store.valid_treatment_consent(session, client_id, store.end_of_day(day, tz), tz)
    if consent is None:
        problems.append(FieldProblem(FIELD, why, "gate_no_consent"))
    elif documents is not None and not _intact(session, documents, consent.document_id):
        problems.append(
            FieldProblem(
                FIELD,
                "The signed treatment consent's file is missing or has been altered since it was signed: restore it "
                "from a backup, or have the client sign a new consent.",
                "gate_consent_altered",
            )
        )
    latest = store.latest_screening(session, client_id, until=max(ends, store.end_of_day(day, tz)))
    months = int(setting(session, "consent_validity_months"))
    if latest is None:
        problems.append(
            FieldProblem(FIELD, "The client has not filled in the health questionnaire.", "gate_no_screening")
        )
    else:
        screening = store.screening_record(session, latest, tz)
        if screening.outcome is not ScreeningOutcome.ELIGIBLE:
            problems.append(
                FieldProblem(
                    FIELD,
                    f"The latest health screening says: {OUTCOME_LABELS[screening.outcome].lower()} "
                    f"({'; '.join(r.message for r in screening.reasons if r.blocking)}).",
                    "gate_not_eligible",
                    (("outcome", screening.outcome.value),),
                )
            )
        elif add_months(latest.taken_at.astimezone(tz).date(), months) < day:
            problems.append(
                FieldProblem(
                    FIELD,
                    f"The latest health questionnaire ({latest.taken_at.astimezone(tz):%d %b %Y}) is older than "
                    f"{months} months: fill it in again with the client.",
                    "gate_screening_old",
                )
            )
        if row.health_unchanged is False and latest.taken_at.astimezone(tz).date() != day:
            problems.append(
                FieldProblem(
                    FIELD,
                    "The client's health has changed since the last visit: fill in the health questionnaire again "
                    "today before completing the session.",
                    "gate_health_changed",
                )
            )
    if row.health_unchanged is None:
        problems.append(
            FieldProblem(
                FIELD, "Ask the client to confirm that their health has not changed.", "gate_no_reconfirmation"
            )
        )
    return problems


def enforce(
    session: Session,
    actor: Actor,
    row: TreatmentSession,
    override_reason: str,
    *,
    documents: Path | None,
    tz: tzinfo | None = None,
) -> None:
    """Raise ConsentGateClosed unless the gate is open, or the owner overrides it with a reason (recorded)."""
    problems = gate_problems(session, row.client_id, row, documents=documents, tz=tz)
    if not problems:
        return
    reason = " ".join(override_reason.split())
    if not reason:
        raise ConsentGateClosed(problems)
    if not actor.can(Permission.OVERRIDE_CONSENT_GATE):
        raise PermissionDenied(actor, Permission.OVERRIDE_CONSENT_GATE)
    missing = "\n".join(p.message for p in problems)
    existing = session.get(SessionGateOverride, row.id)
    if existing is None:
        session.add(
            SessionGateOverride(session_id=row.id, reason=reason[:MAX_REASON], missing=missing, staff_id=actor.staff_id)
        )
    else:
        existing.reason, existing.missing, existing.staff_id = reason[:MAX_REASON], missing, actor.staff_id
    audit.record(session, actor, "override_gate", "treatment_session", row.id, reason[:200])


def _intact(session: Session, documents: Path, document_id: int) -> bool:
    document = session.get(StoredDocument, document_id)
    if document is None:
        return False
    try:
        return sha256_file(documents / document.stored_name) == document.content_hash
    except OSError:
        return False

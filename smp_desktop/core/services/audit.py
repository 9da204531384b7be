"""Writing the audit trail inside the same transaction as the change it records."""

from __future__ import annotations

from sqlalchemy.orm import Session

from smp_desktop.core import models
from smp_desktop.core.services.access import Actor


def record(session: Session, actor: Actor, action: str, entity: str, entity_id: int | None, detail: str = "") -> None:
    session.add(
        models.AuditEvent(staff_id=actor.staff_id, action=action, entity=entity, entity_id=entity_id, detail=detail)
    )

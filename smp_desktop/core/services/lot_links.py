"""Session zones and the ink register, inside the session service's transaction: a zone's lot fills its shade and
lot text, and a lot that may not be used on the session's day (expired, recalled, used up, label incomplete) is
accepted only with a reason, recorded on the zone. A completed session's zones become the client's mixes."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from smp_desktop.core.ink import USABILITY_LABELS, Usability
from smp_desktop.core.models import PigmentLot, SessionZone, TreatmentSession
from smp_desktop.core.services import ink_store
from smp_desktop.core.services.errors import FieldProblem
from smp_desktop.core.services.session_data import SessionDraft


def checked_lots(
    session: Session, draft: SessionDraft, session_id: int | None, on: date
) -> tuple[SessionDraft, list[FieldProblem]]:
    """The draft with each linked zone's shade and lot text taken from its lot, and the problems: a lot that is
    not in the register, or that may not be used on `on` and was newly chosen for the zone without a reason.
    A lot kept from before (the same zone already had it) is not asked about again: a lot recalled after the
    session does not make the session unsaveable."""
    wanted = {zone.lot_id for zone in draft.zones if zone.lot_id is not None}
    if not wanted:
        return draft, []
    lots = {
        lot.id: lot
        for lot in session.scalars(
            select(PigmentLot)
            .options(selectinload(PigmentLot.product), selectinload(PigmentLot.recall))
            .where(PigmentLot.id.in_(wanted))
        )
    }
    kept: set[int | None] = set()
    if session_id is not None:
        kept = set(session.scalars(select(SessionZone.lot_id).where(SessionZone.session_id == session_id)))
    problems: list[FieldProblem] = []
    zones = []
    for number, zone in enumerate(draft.zones, start=1):
        if zone.lot_id is None:
            zones.append(zone)
            continue
        lot = lots.get(zone.lot_id)
        if lot is None:
            problems.append(_problem(number, "the chosen lot is no longer in the ink register; choose another.",
                                     "lot_unknown"))  # fmt: skip
            zones.append(zone)
            continue
        zone = zone.replace(pigment_shade=f"{lot.product.brand} {lot.product.name}".strip()[:200],
                            pigment_lot=lot.lot_number[:100])  # fmt: skip
        found = ink_store.usability_on(lot, on)
        if found == (Usability.USABLE,):
            zone = zone.replace(lot_override_reason="")
        elif not zone.lot_override_reason.strip() and lot.id not in kept:
            what = ", ".join(USABILITY_LABELS[u].lower() for u in found)
            problems.append(
                _problem(
                    number,
                    f"lot {lot.lot_number} is {what}; give the reason for using it anyway.",
                    "lot_reason_required",
                    ("lot", lot.lot_number),
                    ("usability", ",".join(u.value for u in found)),
                )
            )
        zones.append(zone)
    return draft.replace(zones=tuple(zones)), problems


def keep_mixes(session: Session, row: TreatmentSession) -> None:
    """After a session is completed: its zones become the client's mixes (see ink_store.keep_mixes)."""
    session.flush()
    ink_store.keep_mixes(session, row)


def _problem(number: int, message: str, code: str, *params: tuple[str, str]) -> FieldProblem:
    return FieldProblem(
        "zones", f"Zone {number}: {message}", code, (("number", str(number)), ("column", "lot"), *params)
    )

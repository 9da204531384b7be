"""The ink register's tables as the services read them: rows into frozen records, lots with their usability
worked out for a day, the clients (and sessions) that received a lot, and the mixes kept per client and zone."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from smp_desktop.core.domain import ScalpZone, SessionStatus
from smp_desktop.core.ink import LABEL_FIELDS, Usability, expires_soon, label_gaps, shown_status, usability, use_by
from smp_desktop.core.models import (
    Client,
    ClientMix,
    LotRecall,
    PigmentLot,
    PigmentProduct,
    RecallContact,
    SessionZone,
    StaffMember,
    TreatmentSession,
)
from smp_desktop.core.services.client_data import display_name
from smp_desktop.core.services.errors import NotFound
from smp_desktop.core.services.ink_data import (
    AffectedClient,
    AffectedSession,
    ContactRecord,
    LotDraft,
    LotRecord,
    MixRecord,
    ProductDraft,
    ProductRecord,
    RecallInfo,
)

PRODUCT_COLUMNS = tuple(ProductDraft.__dataclass_fields__)


@dataclass(frozen=True, slots=True)
class Day:
    """The day lots are judged on, and how many days ahead "expires soon" looks."""

    on: date
    warn_days: int


LOT_COLUMNS = tuple(LotDraft.__dataclass_fields__)


def load_product(session: Session, product_id: int) -> PigmentProduct:
    row = session.get(PigmentProduct, product_id)
    if row is None:
        raise NotFound(f"Pigment product #{product_id} is not in the ink register.")
    return row


def load_lot(session: Session, lot_id: int) -> PigmentLot:
    row = session.get(PigmentLot, lot_id, options=[selectinload(PigmentLot.product), selectinload(PigmentLot.recall)])
    if row is None:
        raise NotFound(f"Lot #{lot_id} is not in the ink register.")
    return row


def product_draft(row: PigmentProduct) -> ProductDraft:
    return ProductDraft(**{name: getattr(row, name) for name in PRODUCT_COLUMNS})


def lot_draft(row: PigmentLot) -> LotDraft:
    return LotDraft(**{name: getattr(row, name) for name in LOT_COLUMNS})


def staff_names(session: Session, ids: Iterable[int | None]) -> dict[int | None, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.execute(select(StaffMember.id, StaffMember.display_name).where(StaffMember.id.in_(wanted)))
    return {member_id: name for member_id, name in rows}


def recall_info(session: Session, recall: LotRecall | None) -> RecallInfo | None:
    if recall is None:
        return None
    by = staff_names(session, [recall.created_by_id]).get(recall.created_by_id, "")
    return RecallInfo(recall.id, recall.lot_id, recall.recalled_on, recall.reason, recall.source, by, recall.created_at)


def usage_counts(session: Session, lot_ids: Sequence[int]) -> dict[int, int]:
    if not lot_ids:
        return {}
    statement = (
        select(SessionZone.lot_id, func.count()).where(SessionZone.lot_id.in_(lot_ids)).group_by(SessionZone.lot_id)
    )
    return {lot_id: count for lot_id, count in session.execute(statement) if lot_id is not None}


def lot_records(session: Session, rows: Sequence[PigmentLot], day: Day, *, counts: bool = True) -> list[LotRecord]:
    used = usage_counts(session, [row.id for row in rows]) if counts else {}
    return [to_lot_record(session, row, day, times_used=used.get(row.id, 0)) for row in rows]


def to_lot_record(session: Session, row: PigmentLot, day: Day, *, times_used: int = 0) -> LotRecord:
    on, warn_days = day.on, day.warn_days
    product = row.product
    draft = lot_draft(row)
    checks = draft.label_checks
    last_day = use_by(row.expires_on, row.opened_on, product.months_after_opening)
    return LotRecord(
        id=row.id,
        draft=draft,
        brand=product.brand,
        product_name=product.name,
        swatch=product.swatch,
        shown_status=shown_status(row.status, last_day, on),
        use_by=last_day,
        usability=usability(row.status, last_day, checks, on),
        label_gaps=label_gaps(checks),
        expires_soon=expires_soon(last_day, on, warn_days),
        recall=recall_info(session, row.recall),
        sds_document_id=row.sds_document_id,
        label_photo_document_id=row.label_photo_document_id,
        times_used=times_used,
        ingredients=product.ingredients,
        warnings=product.warnings,
    )


def usability_on(row: PigmentLot, on: date) -> tuple[Usability, ...]:
    """The lot's usability for a session on `on`: a lot recalled after that day was not recalled then."""
    last_day = use_by(row.expires_on, row.opened_on, row.product.months_after_opening)
    found = usability(row.status, last_day, {n: getattr(row, n) for n in LABEL_FIELDS}, on)
    if Usability.RECALLED in found and row.recall is not None and row.recall.recalled_on > on:
        found = tuple(u for u in found if u is not Usability.RECALLED) or (Usability.USABLE,)
    return found


def product_records(session: Session, rows: Sequence[PigmentProduct], *, on: date) -> list[ProductRecord]:
    lots_of: dict[int, list[PigmentLot]] = defaultdict(list)
    if rows:
        for lot in session.scalars(select(PigmentLot).where(PigmentLot.product_id.in_([r.id for r in rows]))):
            lots_of[lot.product_id].append(lot)
    records = []
    for row in rows:
        lots = lots_of[row.id]
        usable = 0
        for lot in lots:
            last_day = use_by(lot.expires_on, lot.opened_on, row.months_after_opening)
            checks = {n: getattr(lot, n) for n in LABEL_FIELDS}
            usable += usability(lot.status, last_day, checks, on) == (Usability.USABLE,)
        records.append(ProductRecord(row.id, product_draft(row), row.archived, len(lots), usable))
    return records


def one_line_address(client: Client) -> str:
    return _address_line(client.address_line1, client.address_line2, client.postcode, client.city, client.country)


def _address_line(line1: str, line2: str, postcode: str, city: str, country: str) -> str:
    parts = [line1, line2, " ".join(p for p in (postcode, city) if p), country]
    return ", ".join(p.strip() for p in parts if p and p.strip())


def affected_clients(session: Session, lot_id: int, recall_id: int | None) -> list[AffectedClient]:
    """Every client whose session zones received the lot (completed sessions, and planned ones already
    recorded with it), with the sessions and zones, in name order. One query over the indexed session_zone.lot_id
    then the clients by primary key."""
    zones_of: dict[int, list[ScalpZone]] = defaultdict(list)
    for session_id, zone in session.execute(
        select(SessionZone.session_id, SessionZone.zone)
        .where(SessionZone.lot_id == lot_id)
        .order_by(SessionZone.session_id, SessionZone.position)
    ):
        zones_of[session_id].append(zone)
    sessions_of: dict[int, dict[int, tuple[datetime, int | None, list[ScalpZone]]]] = defaultdict(dict)
    artists: set[int | None] = set()
    ids = list(zones_of)
    for start in range(0, len(ids), 900):  # SQLite's bound-parameter limit
        for client_id, session_id, starts_at, artist_id in session.execute(
            select(TreatmentSession.client_id, TreatmentSession.id, TreatmentSession.starts_at,
                   TreatmentSession.artist_id)
            .where(TreatmentSession.id.in_(ids[start : start + 900]),
                   TreatmentSession.status != SessionStatus.CANCELLED)
        ):  # fmt: skip
            sessions_of[client_id][session_id] = (starts_at, artist_id, zones_of[session_id])
            artists.add(artist_id)
    for by_id in sessions_of.values():
        ordered = sorted(by_id.items(), key=lambda item: (item[1][0], item[0]))
        by_id.clear()
        by_id.update(ordered)
    if not sessions_of:
        return []
    names = staff_names(session, artists)
    contacts = contacts_of(session, recall_id, list(sessions_of)) if recall_id is not None else {}
    received = (
        select(TreatmentSession.client_id)
        .join(SessionZone, SessionZone.session_id == TreatmentSession.id)
        .where(SessionZone.lot_id == lot_id)
    )
    columns = (Client.id, Client.first_name, Client.last_name, Client.preferred_name, Client.phone, Client.email,
               Client.address_line1, Client.address_line2, Client.postcode, Client.city, Client.country,
               Client.archived)  # fmt: skip
    result = []
    for row in session.execute(select(*columns).where(Client.id.in_(received))):
        client_id = row[0]
        if client_id not in sessions_of:
            continue
        visits = tuple(
            AffectedSession(sid, starts_at, tuple(zones), names.get(artist_id, ""))
            for sid, (starts_at, artist_id, zones) in sessions_of[client_id].items()
        )
        result.append(
            AffectedClient(
                client_id=client_id,
                name=display_name(row.first_name, row.last_name, row.preferred_name),
                phone=row.phone,
                email=row.email,
                address=_address_line(row.address_line1, row.address_line2, row.postcode, row.city, row.country),
                archived=row.archived,
                sessions=visits,
                contacts=tuple(contacts.get(client_id, ())),
            )
        )
    result.sort(key=lambda c: (c.name.casefold(), c.client_id))
    return result


def contacts_of(
    session: Session, recall_id: int, client_ids: Sequence[int] | None = None
) -> dict[int, list[ContactRecord]]:
    statement = select(RecallContact).where(RecallContact.recall_id == recall_id)
    if client_ids is not None and len(client_ids) == 1:
        statement = statement.where(RecallContact.client_id == client_ids[0])
    rows = list(session.scalars(statement.order_by(RecallContact.client_id, RecallContact.attempt)))
    names = staff_names(session, {row.by_id for row in rows})
    found: dict[int, list[ContactRecord]] = defaultdict(list)
    for row in rows:
        found[row.client_id].append(
            ContactRecord(
                row.id, row.client_id, row.attempt, row.channel, row.outcome, row.note, row.at,
                names.get(row.by_id, ""),
            )
        )  # fmt: skip
    return found


def mix_records(session: Session, client_id: int) -> list[MixRecord]:
    rows = session.execute(
        select(ClientMix, PigmentProduct.brand, PigmentProduct.name, PigmentLot.lot_number)
        .outerjoin(PigmentProduct, PigmentProduct.id == ClientMix.product_id)
        .outerjoin(PigmentLot, PigmentLot.id == ClientMix.lot_id)
        .where(ClientMix.client_id == client_id)
    ).all()
    order = {zone: i for i, zone in enumerate(ScalpZone)}
    records = [
        MixRecord(
            client_id=mix.client_id,
            zone=mix.zone,
            product_id=mix.product_id,
            product_title=f"{brand} {name}".strip() if name else "",
            lot_id=mix.lot_id,
            lot_number=lot_number or "",
            pigment_shade=mix.pigment_shade,
            dilution_water_parts=mix.dilution_water_parts,
            dilution_pigment_parts=mix.dilution_pigment_parts,
            notes=mix.notes,
            session_id=mix.session_id,
            updated_at=mix.updated_at,
        )
        for mix, brand, name, lot_number in rows
    ]
    return sorted(records, key=lambda m: order[m.zone])


def keep_mixes(session: Session, row: TreatmentSession) -> None:
    """A completed session's zones become the client's mixes (one per zone; a later session replaces an earlier
    one's, an earlier one recorded late does not replace a later one's)."""
    if row.status is not SessionStatus.COMPLETED or not row.zones:
        return
    existing = {m.zone: m for m in session.scalars(select(ClientMix).where(ClientMix.client_id == row.client_id))}
    newer_sessions = {m.session_id for m in existing.values() if m.session_id is not None and m.session_id != row.id}
    later = set()
    if newer_sessions:
        later = set(
            session.scalars(
                select(TreatmentSession.id).where(
                    TreatmentSession.id.in_(newer_sessions), TreatmentSession.starts_at > row.starts_at
                )
            )
        )
    lot_products = {}
    lot_ids = {z.lot_id for z in row.zones if z.lot_id is not None}
    if lot_ids:
        lot_products = dict(
            session.execute(select(PigmentLot.id, PigmentLot.product_id).where(PigmentLot.id.in_(lot_ids))).all()
        )
    for zone in row.zones:
        mix = existing.get(zone.zone)
        if mix is not None and mix.session_id in later:
            continue
        if mix is None:
            mix = ClientMix(client_id=row.client_id, zone=zone.zone)
            session.add(mix)
            existing[zone.zone] = mix
        mix.product_id = lot_products.get(zone.lot_id) if zone.lot_id is not None else None
        mix.lot_id = zone.lot_id
        mix.pigment_shade = zone.pigment_shade
        mix.dilution_water_parts = zone.dilution_water_parts
        mix.dilution_pigment_parts = zone.dilution_pigment_parts
        mix.notes = zone.notes
        mix.session_id = row.id

"""The demo studio's ink register: a few SMP pigment brands (carbon-black shades and one iron-oxide brown), the lots
the demo sessions used (a bottle a month, opened on its first use, used up after), bottles in stock, one lot past
its use-by date, one with an incomplete label and one recalled lot whose clients are listed on the recall screen.

Runs after the demo sessions: the zones' shade and lot text (written by core/demo_sessions.py) is turned into
register lots and each zone linked to its lot in a few set-based statements, and the clients' mixes are kept from
their latest completed session, so a 10,000-client demo stays quick."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, and_, func, insert, literal, select, update
from sqlalchemy.orm import Session, sessionmaker

from smp_desktop.core.domain import SessionStatus
from smp_desktop.core.ink import LABEL_FIELDS, LabelCheck, LotStatus, PigmentBase
from smp_desktop.core.models import ClientMix, PigmentLot, SessionZone, TreatmentSession
from smp_desktop.core.models.base import utcnow
from smp_desktop.core.progress import Progress
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.ink import InkService
from smp_desktop.core.services.ink_data import LotDraft, ProductDraft, ProductRecord

SUPPLIERS = ("Tattoo Supply Ltd, Manchester", "SMP Wholesale Europe B.V., Utrecht")
INGREDIENTS = "Aqua, Carbon Black (CI 77266), Glycerin, Hamamelis Virginiana Water, Isopropyl Alcohol"
WARNINGS = (
    "Mixture for use in tattoos or permanent make-up. Keep out of reach of children. Do not use on broken or "
    "irritated skin. Contains less than 5 mg/kg nickel."
)
PRODUCTS = (
    # brand, name, swatch, base, months after opening, suggested dilutions, notes
    ("Perma Scalp Pigments", "SMP Black Soft", "#2e2e2e", PigmentBase.CARBON_BLACK, 12,
     "hairline and temples 4 : 1 first session, 3 : 1 after", "Softer edge; the studio's hairline shade."),
    ("Perma Scalp Pigments", "SMP Black Classic", "#151515", PigmentBase.CARBON_BLACK, 12,
     "3 : 1 first session, 2 : 1 then 1 : 1", "The studio's main shade for the top, crown and sides."),
    ("Inkline Pro", "Scalp Charcoal", "#3c3c3c", PigmentBase.CARBON_BLACK, 12, "3 : 1", "For greying clients."),
    ("Inkline Pro", "Scalp Dark Brown", "#3b2b24", PigmentBase.IRON_OXIDE, 6, "2 : 1",
     "Iron-oxide brown for warm skin tones; patch test first."),
    ("NovaPigment", "Cool Grey SMP", "#4b4d52", PigmentBase.CARBON_BLACK, 12, "4 : 1", ""),
)  # fmt: skip
ALL_PRESENT = {name: LabelCheck.PRESENT for name in LABEL_FIELDS} | {"label_ph_regulator": LabelCheck.NOT_APPLICABLE}
RECALL_REASON = (
    "Batch testing by the manufacturer found nickel above the limit the EU allows in tattoo inks "
    "(REACH Annex XVII entry 75)."
)
RECALL_SOURCE = "Perma Scalp Pigments safety notice PSP-2026-03"


@dataclass(frozen=True, slots=True)
class _UsedLot:
    shade: str
    lot: str
    first: date
    last: date


def add_demo_ink(
    ink: InkService, sessions: sessionmaker[Session], owner: Actor, *, today: date
) -> Generator[Progress, None, None]:
    """Build the register, link the demo sessions' zones to its lots and keep the clients' mixes."""
    yield Progress(0, 3, "Filling the ink register")
    products = [
        ink.save_product(
            owner,
            ProductDraft(brand, name, swatch, base, months, INGREDIENTS if base is PigmentBase.CARBON_BLACK else
                         INGREDIENTS.replace("Carbon Black (CI 77266)", "Iron Oxides (CI 77499, CI 77491)"),
                         WARNINGS, dilutions, notes),
        )
        for brand, name, swatch, base, months, dilutions, notes in PRODUCTS
    ]  # fmt: skip
    soft, classic, charcoal, brown, grey = products
    used = _used_lots(sessions)
    mapping = _lots_for_sessions(sessions, used, soft, classic, today)
    yield Progress(1, 3, "Linking the sessions to their lots")
    _link_zones(sessions, mapping)
    _keep_mixes(sessions)
    yield Progress(2, 3, "Stock, an expired lot and a recall")
    year = today.year % 100
    stock = [
        (soft, f"CS-{year:02d}9A1", 0, None),
        (classic, f"CB-{year:02d}9A2", 0, None),
        (charcoal, f"IP-C{year:02d}114", 1, None),
        (brown, f"IP-B{year:02d}031", 1, None),
    ]
    for product, number, supplier, _ in stock:
        _new_lot(ink, owner, product, number, SUPPLIERS[supplier], today - timedelta(days=20), today, {})
    # A bottle left at the back of the cupboard: past its use-by date, still marked in stock.
    _new_lot(ink, owner, charcoal, f"IP-C{(year - 3) % 100:02d}052", SUPPLIERS[1], today - timedelta(days=3 * 365 + 40),
             today - timedelta(days=40), {})  # fmt: skip
    # A new brand on trial whose label lacks the ingredient list: not usable until checked with the supplier.
    _new_lot(ink, owner, grey, "NP-7781", SUPPLIERS[1], today - timedelta(days=12), today,
             {"label_ingredients": LabelCheck.MISSING, "label_nickel_chromium": LabelCheck.MISSING})  # fmt: skip
    # The recall: the classic lot used about eight months ago.
    target = _recall_target(mapping, today)
    if target is not None:
        ink.recall(owner, target, RECALL_REASON, source=RECALL_SOURCE, recalled_on=today - timedelta(days=6))
    yield Progress(3, 3, "Filling the ink register")


def _new_lot(
    ink: InkService,
    owner: Actor,
    product: ProductRecord,
    number: str,
    supplier: str,
    purchased: date,
    today: date,
    changes: dict[str, Any],
) -> None:
    expires = purchased + timedelta(days=3 * 365)
    draft = LotDraft(
        product.id, number, supplier=supplier, purchased_on=purchased, expires_on=expires, quantity=2,
        bottle_ml=15.0, **(ALL_PRESENT | changes),
    )  # fmt: skip
    ink.save_lot(owner, draft)


def _used_lots(sessions: sessionmaker[Session]) -> list[_UsedLot]:
    from sqlalchemy import func

    statement = (
        select(
            SessionZone.pigment_shade,
            SessionZone.pigment_lot,
            func.min(TreatmentSession.starts_at),
            func.max(TreatmentSession.starts_at),
        )
        .join(TreatmentSession, TreatmentSession.id == SessionZone.session_id)
        .where(SessionZone.pigment_lot != "", SessionZone.lot_id.is_(None))
        .group_by(SessionZone.pigment_shade, SessionZone.pigment_lot)
    )
    with sessions() as session:
        rows = session.execute(statement).all()
    return [_UsedLot(shade, lot, first.date(), last.date()) for shade, lot, first, last in rows]


def _lots_for_sessions(
    sessions: sessionmaker[Session],
    used: list[_UsedLot],
    soft: ProductRecord,
    classic: ProductRecord,
    today: date,
) -> dict[tuple[str, str], tuple[int, str, str, date]]:
    """(shade text, lot text) → (lot id, new shade text, new lot text, last use). The soft shade's bottles get
    their own numbers (CS-…): the sessions wrote one number for both shades."""
    mapping: dict[tuple[str, str], tuple[int, str, str, date]] = {}
    now = utcnow()
    rows = []
    keys = []
    for n, item in enumerate(sorted(used, key=lambda u: (u.first, u.shade))):
        product = soft if "soft" in item.shade.lower() else classic
        number = item.lot.replace("CB-", "CS-", 1) if product is soft else item.lot
        purchased = item.first - timedelta(days=7 + n % 5)
        future = item.last >= today
        rows.append(
            {
                "product_id": product.id,
                "lot_number": number,
                "supplier": SUPPLIERS[n % 2],
                "purchased_on": purchased,
                "expires_on": purchased + timedelta(days=3 * 365),
                "opened_on": item.first if item.first <= today else None,
                "quantity": 2,
                "bottle_ml": 15.0,
                "status": LotStatus.OPENED if (future or (today - item.last).days < 45) else LotStatus.USED_UP,
                "notes": "",
                "created_at": now,
                "updated_at": now,
                "sds_document_id": None,
                "label_photo_document_id": None,
                **ALL_PRESENT,
            }
        )
        keys.append((item, product, number))
    if not rows:
        return mapping
    with sessions.begin() as session:
        connection = session.connection()
        connection.execute(insert(PigmentLot.__table__), rows)  # type: ignore[arg-type]
        ids = {
            (product_id, number): lot_id
            for lot_id, product_id, number in session.execute(
                select(PigmentLot.id, PigmentLot.product_id, PigmentLot.lot_number)
            )
        }
    for item, product, number in keys:
        mapping[(item.shade, item.lot)] = (ids[(product.id, number)], f"{product.title}", number, item.last)
    return mapping


def _link_zones(sessions: sessionmaker[Session], mapping: dict[tuple[str, str], tuple[int, str, str, date]]) -> None:
    """One UPDATE over the zones through a temporary mapping table (shade, lot) → (lot id, shade, lot)."""
    if not mapping:
        return
    metadata = MetaData()
    link = Table(
        "demo_ink_link",
        metadata,
        Column("old_shade", String(200), primary_key=True),
        Column("old_lot", String(100), primary_key=True),
        Column("lot_id", Integer),
        Column("shade", String(200)),
        Column("lot", String(100)),
        prefixes=["TEMPORARY"],
    )
    with sessions.begin() as session:
        connection = session.connection()
        metadata.create_all(connection)
        connection.execute(
            insert(link),
            [
                {"old_shade": shade, "old_lot": lot, "lot_id": lot_id, "shade": new_shade, "lot": new_lot}
                for (shade, lot), (lot_id, new_shade, new_lot, _) in mapping.items()
            ],
        )
        zone = SessionZone.__table__  # a Table
        assert isinstance(zone, Table)
        match = and_(link.c.old_shade == zone.c.pigment_shade, link.c.old_lot == zone.c.pigment_lot)

        def pick(column: Any) -> Any:
            return select(column).where(match).scalar_subquery()

        connection.execute(
            update(zone)
            .where(zone.c.lot_id.is_(None), select(link.c.lot_id).where(match).exists())
            .values(lot_id=pick(link.c.lot_id), pigment_shade=pick(link.c.shade), pigment_lot=pick(link.c.lot))
        )
        metadata.drop_all(connection)


def _keep_mixes(sessions: sessionmaker[Session]) -> None:
    """Each client's mix per zone from their latest completed session with that zone: one INSERT … SELECT with a
    window function (SQLite 3.25+ and PostgreSQL), no rows through Python."""
    zone, visit, lot = SessionZone.__table__, TreatmentSession.__table__, PigmentLot.__table__
    assert isinstance(zone, Table) and isinstance(visit, Table) and isinstance(lot, Table)
    ranked = (
        select(
            visit.c.client_id,
            zone.c.zone,
            zone.c.lot_id,
            zone.c.pigment_shade,
            zone.c.dilution_water_parts,
            zone.c.dilution_pigment_parts,
            zone.c.notes,
            visit.c.id.label("session_id"),
            func.row_number()
            .over(partition_by=(visit.c.client_id, zone.c.zone), order_by=(visit.c.starts_at.desc(), visit.c.id.desc()))
            .label("rank"),
        )
        .join(visit, visit.c.id == zone.c.session_id)
        .where(visit.c.status == SessionStatus.COMPLETED.value)
        .subquery()
    )
    product = select(lot.c.product_id).where(lot.c.id == ranked.c.lot_id).scalar_subquery()
    latest = select(
        ranked.c.client_id,
        ranked.c.zone,
        product,
        ranked.c.lot_id,
        ranked.c.pigment_shade,
        ranked.c.dilution_water_parts,
        ranked.c.dilution_pigment_parts,
        ranked.c.notes,
        ranked.c.session_id,
        literal(utcnow().replace(tzinfo=None), DateTime()),
    ).where(ranked.c.rank == 1)
    columns = ["client_id", "zone", "product_id", "lot_id", "pigment_shade", "dilution_water_parts",
               "dilution_pigment_parts", "notes", "session_id", "updated_at"]  # fmt: skip
    with sessions.begin() as session:
        session.connection().execute(insert(ClientMix.__table__).from_select(columns, latest))  # type: ignore[arg-type]


def _recall_target(mapping: dict[tuple[str, str], tuple[int, str, str, date]], today: date) -> int | None:
    """The classic lot last used closest to eight months ago."""
    candidates = [(abs((today - last).days - 240), lot_id) for (shade, _), (lot_id, _, _, last) in mapping.items()
                  if "soft" not in shade.lower()]  # fmt: skip
    return min(candidates)[1] if candidates else None

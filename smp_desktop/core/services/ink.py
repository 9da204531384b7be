"""The ink register: the catalogue of pigment products, their lots (bottles or batches) with the EU label
checklist, safety data sheet and label photo, recalls (who received the lot, how to reach them, each contact
attempt and its outcome) and the clients' mixes per zone. Permissions are checked and writes audited here.

Everyone on the staff sees the register (VIEW_INK); owner and artists keep it (MANAGE_INK); only the owner marks a
lot recalled (RECALL_LOTS); anyone who phones or writes to clients logs the contact attempts (LOG_RECALL_CONTACTS).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from smp_desktop.core.domain import ScalpZone
from smp_desktop.core.ink import ContactChannel, ContactOutcome, LotStatus, Usability
from smp_desktop.core.models import (
    Client,
    LotRecall,
    PigmentLot,
    PigmentProduct,
    RecallContact,
    SessionZone,
    Setting,
    TreatmentSession,
)
from smp_desktop.core.services import audit, ink_csv
from smp_desktop.core.services import ink_store as store
from smp_desktop.core.services.access import Actor, Permission, require
from smp_desktop.core.services.errors import FieldProblem, NotFound, ValidationFailed
from smp_desktop.core.services.ink_csv import ImportSummary
from smp_desktop.core.services.ink_data import (
    AffectedClient,
    ContactRecord,
    LotDraft,
    LotRecord,
    MixRecord,
    PlannedInk,
    ProductDraft,
    ProductRecord,
    RecallInfo,
    RecallReport,
)
from smp_desktop.core.services.ink_validation import check_lot, check_note, check_product, check_recall
from smp_desktop.core.services.studio import DEFAULT_SETTINGS

WARN_SETTING = "ink_expiry_warning_days"
DEFAULT_WARN_DAYS = 60
# Usable lots first; then the reasons a lot cannot be used, least serious first.
PICK_ORDER = {
    Usability.USABLE: 0,
    Usability.LABEL_INCOMPLETE: 1,
    Usability.USED_UP: 2,
    Usability.EXPIRED: 3,
    Usability.RECALLED: 4,
}


class AmbiguousLot(Exception):
    """A lot number names lots of several products; the caller must say which product."""

    def __init__(self, number: str, matches: tuple[LotRecord, ...]) -> None:
        products = "; ".join(f"{m.product_title} (lot #{m.id})" for m in matches)
        super().__init__(f"Lot number {number!r} is in the register for {len(matches)} products: {products}.")
        self.number = number
        self.matches = matches


@dataclass(frozen=True, slots=True)
class LotFilter:
    product_id: int | None = None
    text: str = ""  # lot number, brand, product or supplier contains
    include_used_up: bool = True


class InkService:
    def __init__(self, sessions: sessionmaker[Session], today: Callable[[], date] = date.today) -> None:
        self._sessions = sessions
        self._today = today

    # --- catalogue ---------------------------------------------------------------------------------------------
    def products(self, actor: Actor, *, include_archived: bool = False) -> list[ProductRecord]:
        require(actor, Permission.VIEW_INK)
        statement = select(PigmentProduct).order_by(func.lower(PigmentProduct.brand), func.lower(PigmentProduct.name))
        if not include_archived:
            statement = statement.where(PigmentProduct.archived.is_(False))
        with self._sessions() as session:
            return store.product_records(session, list(session.scalars(statement)), on=self._today())

    def product(self, actor: Actor, product_id: int) -> ProductRecord:
        require(actor, Permission.VIEW_INK)
        with self._sessions() as session:
            return store.product_records(session, [store.load_product(session, product_id)], on=self._today())[0]

    def save_product(self, actor: Actor, draft: ProductDraft, product_id: int | None = None) -> ProductRecord:
        """Add a product (product_id None) or change one. The brand and name together are unique."""
        require(actor, Permission.MANAGE_INK)
        draft = check_product(draft)
        with self._sessions.begin() as session:
            key = (draft.brand.casefold(), draft.name.casefold())
            clash = next(
                (
                    found_id
                    for found_id, brand, name in session.execute(
                        select(PigmentProduct.id, PigmentProduct.brand, PigmentProduct.name)
                    )
                    if (brand.casefold(), name.casefold()) == key
                ),
                None,
            )
            if clash is not None and clash != product_id:
                raise ValidationFailed(
                    [
                        FieldProblem(
                            "name",
                            f"{draft.brand} {draft.name} is already in the catalogue; open it to add lots.",
                            "product_exists",
                        )
                    ]
                )
            if product_id is None:
                row = PigmentProduct()
                session.add(row)
            else:
                row = store.load_product(session, product_id)
            for name in store.PRODUCT_COLUMNS:
                setattr(row, name, getattr(draft, name))
            session.flush()
            audit.record(session, actor, "create" if product_id is None else "update", "pigment_product", row.id)
            return store.product_records(session, [row], on=self._today())[0]

    def set_product_archived(self, actor: Actor, product_id: int, archived: bool) -> ProductRecord:
        """An archived product leaves the catalogue's list and the pickers; its lots stay on record."""
        require(actor, Permission.MANAGE_INK)
        with self._sessions.begin() as session:
            row = store.load_product(session, product_id)
            row.archived = archived
            audit.record(session, actor, "archive" if archived else "restore", "pigment_product", row.id)
            session.flush()
            return store.product_records(session, [row], on=self._today())[0]

    # --- lots --------------------------------------------------------------------------------------------------
    def lots(self, actor: Actor, where: LotFilter = LotFilter()) -> list[LotRecord]:
        """Lots in the register, newest use-by last within each product (brand, product, lot number order)."""
        require(actor, Permission.VIEW_INK)
        statement = (
            select(PigmentLot)
            .join(PigmentProduct, PigmentProduct.id == PigmentLot.product_id)
            .options(selectinload(PigmentLot.product), selectinload(PigmentLot.recall))
            .order_by(func.lower(PigmentProduct.brand), func.lower(PigmentProduct.name), PigmentLot.lot_number)
        )
        if where.product_id is not None:
            statement = statement.where(PigmentLot.product_id == where.product_id)
        if not where.include_used_up:
            statement = statement.where(PigmentLot.status != LotStatus.USED_UP)
        wanted = where.text.strip().casefold()
        with self._sessions() as session:
            rows = list(session.scalars(statement))
            if wanted:  # any script's case (SQLite's lower() folds ASCII only); a register is small
                rows = [
                    row
                    for row in rows
                    if any(wanted in text.casefold() for text in (row.lot_number, row.supplier, row.product.brand,
                                                                   row.product.name,
                                                                   f"{row.product.brand} {row.product.name}"))
                ]  # fmt: skip
            return store.lot_records(session, rows, self._day(session))

    def lot(self, actor: Actor, lot_id: int) -> LotRecord:
        require(actor, Permission.VIEW_INK)
        with self._sessions() as session:
            return store.lot_records(session, [store.load_lot(session, lot_id)], self._day(session))[0]

    def find_lots(self, actor: Actor, lot_number: str, *, product: str = "") -> list[LotRecord]:
        """Lots whose number is `lot_number` (case and surrounding spaces ignored); with product, only those whose
        "brand name" or name contains it."""
        require(actor, Permission.VIEW_INK)
        statement = (
            select(PigmentLot)
            .join(PigmentProduct, PigmentProduct.id == PigmentLot.product_id)
            .options(selectinload(PigmentLot.product), selectinload(PigmentLot.recall))
            .where(func.lower(PigmentLot.lot_number) == lot_number.strip().lower())
            .order_by(PigmentProduct.brand, PigmentProduct.name)
        )
        with self._sessions() as session:
            found = store.lot_records(session, list(session.scalars(statement)), self._day(session))
        wanted = product.strip().casefold()
        if wanted:
            found = [lot for lot in found if wanted in lot.product_title.casefold()]
        return found

    def one_lot(self, actor: Actor, lot_number: str, *, product: str = "") -> LotRecord:
        """The lot with this number. NotFound when none has it; AmbiguousLot when lots of several products do
        (say which with `product`)."""
        found = self.find_lots(actor, lot_number, product=product)
        if not found:
            which = f" of a product matching {product!r}" if product.strip() else ""
            raise NotFound(f"No lot numbered {lot_number.strip()!r}{which} is in the ink register.")
        if len(found) > 1:
            raise AmbiguousLot(lot_number.strip(), tuple(found))
        return found[0]

    def save_lot(self, actor: Actor, draft: LotDraft, lot_id: int | None = None) -> LotRecord:
        """Add a lot (lot_id None) or change one. A recall is not undone here: a recalled lot stays recalled."""
        require(actor, Permission.MANAGE_INK)
        draft = check_lot(draft, today=self._today())
        with self._sessions.begin() as session:
            store.load_product(session, draft.product_id)
            clash = session.scalar(
                select(PigmentLot.id).where(
                    PigmentLot.product_id == draft.product_id,
                    func.lower(PigmentLot.lot_number) == draft.lot_number.lower(),
                )
            )
            if clash is not None and clash != lot_id:
                raise ValidationFailed(
                    [FieldProblem("lot_number", f"Lot {draft.lot_number} of this product is already in the register.",
                                  "lot_exists")]
                )  # fmt: skip
            if lot_id is None:
                if draft.status is LotStatus.RECALLED:
                    raise ValidationFailed([_recall_through_recall()])
                row = PigmentLot()
                session.add(row)
            else:
                row = store.load_lot(session, lot_id)
                if (row.status is LotStatus.RECALLED) != (draft.status is LotStatus.RECALLED):
                    if row.status is LotStatus.RECALLED:
                        raise ValidationFailed(
                            [FieldProblem("status", "This lot is recalled; a recall cannot be undone.",
                                          "recall_final")]
                        )  # fmt: skip
                    raise ValidationFailed([_recall_through_recall()])
            for name in store.LOT_COLUMNS:
                setattr(row, name, getattr(draft, name))
            session.flush()
            audit.record(session, actor, "create" if lot_id is None else "update", "pigment_lot", row.id,
                         draft.lot_number)  # fmt: skip
            session.refresh(row)
            return store.lot_records(session, [row], self._day(session))[0]

    def set_lot_status(self, actor: Actor, lot_id: int, status: LotStatus) -> LotRecord:
        """Opened (today, when no date was kept), used up, back in stock. Recalling goes through `recall`."""
        require(actor, Permission.MANAGE_INK)
        with self._sessions.begin() as session:
            row = store.load_lot(session, lot_id)
            draft = store.lot_draft(row).replace(status=status)
            if status is LotStatus.OPENED and row.opened_on is None:
                draft = draft.replace(opened_on=self._today())
        return self.save_lot(actor, draft, lot_id)

    def attach_document(self, actor: Actor, lot_id: int, which: str, document_id: int | None) -> LotRecord:
        """Link a stored document (see the stored-documents service) as the lot's safety data sheet
        (which="sds") or label photo (which="label_photo"); None removes the link (the document stays stored)."""
        require(actor, Permission.MANAGE_INK)
        column = {"sds": "sds_document_id", "label_photo": "label_photo_document_id"}.get(which)
        if column is None:
            raise ValueError(f"unknown lot document {which!r}")
        with self._sessions.begin() as session:
            row = store.load_lot(session, lot_id)
            setattr(row, column, document_id)
            audit.record(session, actor, "attach" if document_id else "detach", "pigment_lot", row.id, which)
            session.flush()
            return store.lot_records(session, [row], self._day(session))[0]

    def picker_lots(self, actor: Actor, *, on: date | None = None, include_id: int | None = None) -> list[LotRecord]:
        """The lots a session's zone may be given, usable first (then label incomplete, used up, expired,
        recalled), each group by product and lot. Used-up lots and archived products are left out unless
        include_id names one (the lot a zone already has)."""
        require(actor, Permission.VIEW_INK)
        statement = (
            select(PigmentLot)
            .join(PigmentProduct, PigmentProduct.id == PigmentLot.product_id)
            .options(selectinload(PigmentLot.product), selectinload(PigmentLot.recall))
        )
        with self._sessions() as session:
            day = self._day(session)
            if on is not None:
                day = store.Day(on, day.warn_days)
            rows = [
                row
                for row in session.scalars(statement)
                if row.id == include_id or (row.status is not LotStatus.USED_UP and not row.product.archived)
            ]
            records = store.lot_records(session, rows, day, counts=False)
        return sorted(records, key=lambda r: (PICK_ORDER[r.usability[0]], r.product_title.casefold(),
                                              r.draft.lot_number))  # fmt: skip

    # --- recalls -----------------------------------------------------------------------------------------------
    def recall(
        self, actor: Actor, lot_id: int, reason: str, *, source: str = "", recalled_on: date | None = None
    ) -> RecallReport:
        """Mark the lot recalled (date, reason, source) and return everyone who received it. Recalling a lot
        that is already recalled is refused (its recall is kept as recorded)."""
        require(actor, Permission.RECALL_LOTS)
        recalled_on = recalled_on or self._today()
        reason, source = check_recall(reason, source, recalled_on, today=self._today())
        with self._sessions.begin() as session:
            row = store.load_lot(session, lot_id)
            if row.recall is not None:
                raise ValidationFailed(
                    [
                        FieldProblem(
                            "lot",
                            f"Lot {row.lot_number} was already recalled on {row.recall.recalled_on.isoformat()}.",
                            "already_recalled",
                        )
                    ]
                )
            row.status = LotStatus.RECALLED
            recall = LotRecall(
                lot=row, recalled_on=recalled_on, reason=reason, source=source, created_by_id=actor.staff_id
            )
            session.add(recall)
            session.flush()
            audit.record(session, actor, "recall", "pigment_lot", row.id, reason[:200])
            return self._report(session, row)

    def recall_report(self, actor: Actor, lot_id: int) -> RecallReport:
        """A lot and every client who received it (with contact details and, for a recalled lot, the contact
        log). Also answers "who had this lot?" before any recall."""
        require(actor, Permission.VIEW_INK)
        require(actor, Permission.VIEW_CLIENTS)
        with self._sessions() as session:
            return self._report(session, store.load_lot(session, lot_id))

    def recalls(self, actor: Actor) -> list[RecallInfo]:
        require(actor, Permission.VIEW_INK)
        with self._sessions() as session:
            rows = session.scalars(select(LotRecall).order_by(LotRecall.recalled_on.desc(), LotRecall.id.desc()))
            return [info for row in rows if (info := store.recall_info(session, row)) is not None]

    def log_contact(
        self,
        actor: Actor,
        lot_id: int,
        client_id: int,
        channel: ContactChannel,
        outcome: ContactOutcome,
        note: str = "",
    ) -> ContactRecord:
        """Log one attempt to reach a client about a recalled lot (numbered per client: 1, 2, ...)."""
        require(actor, Permission.LOG_RECALL_CONTACTS)
        note = check_note(note)
        with self._sessions.begin() as session:
            row = store.load_lot(session, lot_id)
            if row.recall is None:
                raise ValidationFailed(
                    [FieldProblem("lot", f"Lot {row.lot_number} is not recalled; mark it recalled first.",
                                  "not_recalled")]
                )  # fmt: skip
            client = session.get(Client, client_id)
            if client is None:
                raise NotFound(f"Client #{client_id} does not exist (they may have been erased).")
            received = session.scalar(
                select(func.count())
                .select_from(SessionZone)
                .join(TreatmentSession, TreatmentSession.id == SessionZone.session_id)
                .where(SessionZone.lot_id == lot_id, TreatmentSession.client_id == client_id)
            )
            if not received:
                raise ValidationFailed(
                    [FieldProblem("client", "This client did not receive the recalled lot.", "client_not_affected")]
                )
            attempt = 1 + (
                session.scalar(
                    select(func.max(RecallContact.attempt)).where(
                        RecallContact.recall_id == row.recall.id, RecallContact.client_id == client_id
                    )
                )
                or 0
            )
            contact = RecallContact(
                recall_id=row.recall.id,
                client_id=client_id,
                attempt=attempt,
                channel=channel,
                outcome=outcome,
                note=note,
                by_id=actor.staff_id,
            )
            session.add(contact)
            session.flush()
            audit.record(session, actor, "recall_contact", "client", client_id, f"lot {row.id}: {outcome.value}")
            return store.contacts_of(session, row.recall.id, [client_id])[client_id][-1]

    # --- CSV ---------------------------------------------------------------------------------------------------
    def import_lots(self, actor: Actor, path: Path) -> ImportSummary:
        """Lots (and the products they name) from a CSV file (format: core/services/ink_csv.py), all or nothing.
        Raises CsvFileError or CsvImportFailed (each problem by line and column); nothing is written then."""
        require(actor, Permission.MANAGE_INK)
        rows = ink_csv.parse_lot_rows(path)
        problems: list[ink_csv.CsvProblem] = []
        created_products: list[str] = []
        lots_created = lots_updated = recalls = 0
        with self._sessions.begin() as session:
            products = {(p.brand.casefold(), p.name.casefold()): p for p in session.scalars(select(PigmentProduct))}
            for row in rows:
                key = (row.product.brand.casefold(), row.product.name.casefold())
                product = products.get(key)
                if product is None:
                    product = PigmentProduct(**{n: getattr(row.product, n) for n in store.PRODUCT_COLUMNS})
                    session.add(product)
                    session.flush()
                    products[key] = product
                    created_products.append(f"{product.brand} {product.name}")
                lot = session.scalar(
                    select(PigmentLot)
                    .options(selectinload(PigmentLot.recall))
                    .where(
                        PigmentLot.product_id == product.id,
                        func.lower(PigmentLot.lot_number) == row.lot.lot_number.lower(),
                    )
                )
                if lot is not None and lot.status is LotStatus.RECALLED and row.lot.status is not LotStatus.RECALLED:
                    problems.append(ink_csv.CsvProblem(row.line, "status", "this lot is recalled in the register; "
                                                       "a recall cannot be undone by an import"))  # fmt: skip
                    continue
                if lot is None:
                    lot = PigmentLot()
                    session.add(lot)
                    lots_created += 1
                else:
                    lots_updated += 1
                for name in store.LOT_COLUMNS:
                    setattr(lot, name, getattr(row.lot, name))
                lot.product_id = product.id
                session.flush()
                if row.recall is not None and lot.recall is None:
                    recalled_on, reason, source = row.recall
                    session.add(LotRecall(lot_id=lot.id, recalled_on=recalled_on, reason=reason, source=source,
                                          created_by_id=actor.staff_id))  # fmt: skip
                    recalls += 1
            if problems:
                session.rollback()
                raise ink_csv.CsvImportFailed(problems)
            summary = ImportSummary(len(created_products), lots_created, lots_updated, recalls,
                                    tuple(created_products))  # fmt: skip
            audit.record(session, actor, "import", "pigment_lot", None,
                         f"{lots_created} new, {lots_updated} updated from {path.name}")  # fmt: skip
            return summary

    def export_lots(self, actor: Actor, path: Path, *, bom: bool = False) -> int:
        """Every lot to a CSV file (written atomically); returns how many."""
        require(actor, Permission.VIEW_INK)
        lots = self.lots(actor)
        products = {p.id: p for p in self.products(actor, include_archived=True)}
        ink_csv.write_csv(path, ink_csv.lots_csv(lots, products, bom=bom))
        with self._sessions.begin() as session:
            audit.record(session, actor, "export", "pigment_lot", None, f"{len(lots)} lots")
        return len(lots)

    def import_products(self, actor: Actor, path: Path) -> ImportSummary:
        """Products from a CSV file, all or nothing; a product already in the catalogue is updated."""
        require(actor, Permission.MANAGE_INK)
        rows = ink_csv.parse_product_rows(path)
        created: list[str] = []
        updated = 0
        with self._sessions.begin() as session:
            existing = {(p.brand.casefold(), p.name.casefold()): p for p in session.scalars(select(PigmentProduct))}
            for _line, draft, archived in rows:
                row = existing.get((draft.brand.casefold(), draft.name.casefold()))
                if row is None:
                    row = PigmentProduct()
                    session.add(row)
                    created.append(f"{draft.brand} {draft.name}")
                else:
                    updated += 1
                for name in store.PRODUCT_COLUMNS:
                    setattr(row, name, getattr(draft, name))
                row.archived = archived
            audit.record(session, actor, "import", "pigment_product", None, f"{len(created)} new, {updated} updated")
        return ImportSummary(products_created=len(created), created_products=tuple(created))

    def export_products(self, actor: Actor, path: Path, *, bom: bool = False) -> int:
        require(actor, Permission.VIEW_INK)
        products = self.products(actor, include_archived=True)
        ink_csv.write_csv(path, ink_csv.products_csv(products, bom=bom))
        return len(products)

    # --- mixes and sessions ------------------------------------------------------------------------------------
    def client_mixes(self, actor: Actor, client_id: int) -> list[MixRecord]:
        """The client's last mix per zone (product, lot, dilution, notes), in zone order."""
        require(actor, Permission.VIEW_SESSIONS)
        with self._sessions() as session:
            if session.get(Client, client_id) is None:
                raise NotFound(f"Client #{client_id} does not exist (they may have been erased).")
            return store.mix_records(session, client_id)

    def session_lots(self, actor: Actor, session_id: int) -> list[PlannedInk]:
        """The lots a session's zones name, one entry per lot with its zones: what the ink information sheet
        (before) and the ink passport (after) print."""
        require(actor, Permission.VIEW_SESSIONS)
        with self._sessions() as session:
            if session.get(TreatmentSession, session_id) is None:
                raise NotFound(f"Session #{session_id} does not exist.")
            zones = session.execute(
                select(SessionZone.lot_id, SessionZone.zone)
                .where(SessionZone.session_id == session_id, SessionZone.lot_id.is_not(None))
                .order_by(SessionZone.position)
            ).all()
            by_lot: dict[int, list[ScalpZone]] = {}
            for lot_id, zone in zones:
                if lot_id is not None:
                    by_lot.setdefault(lot_id, []).append(zone)
            rows = [store.load_lot(session, lot_id) for lot_id in by_lot]
            records = store.lot_records(session, rows, self._day(session), counts=False)
            return [PlannedInk(tuple(by_lot[r.id]), r) for r in records]

    def usage(self, actor: Actor, lot_ids: Iterable[int]) -> dict[int, int]:
        require(actor, Permission.VIEW_INK)
        with self._sessions() as session:
            return store.usage_counts(session, list(lot_ids))

    # --- helpers -----------------------------------------------------------------------------------------------
    def _day(self, session: Session) -> store.Day:
        row = session.get(Setting, WARN_SETTING)
        warn = json.loads(row.value_json) if row else DEFAULT_SETTINGS.get(WARN_SETTING, DEFAULT_WARN_DAYS)
        return store.Day(self._today(), int(warn))

    def _report(self, session: Session, row: PigmentLot) -> RecallReport:
        session.refresh(row)
        lot = store.lot_records(session, [row], self._day(session))[0]
        clients = store.affected_clients(session, row.id, row.recall.id if row.recall else None)
        return RecallReport(lot, lot.recall, tuple(clients))


def _recall_through_recall() -> FieldProblem:
    return FieldProblem(
        "status", "Mark a lot recalled with Recall, giving the date, reason and source.", "recall_through_recall"
    )


__all__ = ["AffectedClient", "AmbiguousLot", "InkService", "LotFilter"]

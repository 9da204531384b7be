"""The ink register's PDFs made from the records: the ink information sheet (before a session), the ink passport
(after it), a recall's client list and its letters. Layout: core/documents/ink_sheets.py on the shared layout.

Each method returns (pdf bytes, a safe file name); `save` writes them atomically. Reading a session's lots needs
VIEW_SESSIONS, a recall's clients VIEW_INK and VIEW_CLIENTS; making the PDF is audited as an export."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from smp_desktop.core.documents.files import safe_file_name, write_pdf
from smp_desktop.core.documents.ink_sheets import (
    PassportZone,
    ink_information_sheet_pdf,
    ink_passport_pdf,
    recall_letters_pdf,
    recall_list_pdf,
)
from smp_desktop.core.documents.layout import Letterhead
from smp_desktop.core.services import audit
from smp_desktop.core.services.access import Actor, Permission, require
from smp_desktop.core.services.ink import InkService
from smp_desktop.core.services.ink_csv import recall_csv
from smp_desktop.core.services.sessions import SessionService
from smp_desktop.core.services.studio import StudioService


class InkDocuments:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        ink: InkService,
        session_service: SessionService,
        studio: StudioService,
        data_root: Path,
        today: Callable[[], date] = date.today,
    ) -> None:
        self._sessions = sessions
        self._ink = ink
        self._session_service = session_service
        self._studio = studio
        self._root = data_root
        self._today = today

    def letterhead(self) -> Letterhead:
        return Letterhead.from_studio(self._studio, self._root)

    def information_sheet(self, actor: Actor, session_id: int) -> tuple[bytes, str]:
        """The ink information sheet for a (planned) session: the label information of each lot its zones name."""
        record = self._session_service.get(actor, session_id)
        items = self._ink.session_lots(actor, session_id)
        pdf = ink_information_sheet_pdf(
            self.letterhead(),
            client_name=record.client_name,
            session_date=record.draft.starts_at,
            artist_name=record.artist_name,
            items=items,
        )
        self._audit(actor, "treatment_session", session_id, "ink information sheet")
        on = record.draft.starts_at.astimezone().date()
        return pdf, safe_file_name(record.client_name, "Ink information sheet", on=on)

    def passport(self, actor: Actor, session_id: int) -> tuple[bytes, str]:
        """The ink passport of a session: per zone the brand, supplier, product, lot, use-by date and dilution."""
        record = self._session_service.get(actor, session_id)
        lots = {item.lot.id: item.lot for item in self._ink.session_lots(actor, session_id)}
        zones = [
            PassportZone(
                zone.zone,
                lots.get(zone.lot_id) if zone.lot_id is not None else None,
                zone.pigment_shade,
                zone.pigment_lot,
                zone.dilution_water_parts,
                zone.dilution_pigment_parts,
            )
            for zone in record.draft.zones
        ]
        pdf = ink_passport_pdf(
            self.letterhead(),
            client_name=record.client_name,
            session_date=record.draft.starts_at,
            artist_name=record.artist_name,
            zones=zones,
        )
        self._audit(actor, "treatment_session", session_id, "ink passport")
        on = record.draft.starts_at.astimezone().date()
        return pdf, safe_file_name(record.client_name, "Ink passport", on=on)

    def recall_list(self, actor: Actor, lot_id: int) -> tuple[bytes, str]:
        report = self._ink.recall_report(actor, lot_id)
        pdf = recall_list_pdf(self.letterhead(), report, printed_on=self._today())
        self._audit(actor, "pigment_lot", lot_id, "recall list")
        return pdf, safe_file_name(f"Lot {report.lot.draft.lot_number}", "Recall list", on=self._today())

    def recall_letters(self, actor: Actor, lot_id: int, client_ids: Sequence[int] | None = None) -> tuple[bytes, str]:
        """One letter per client who received the lot (or the clients named), on the studio's letterhead."""
        report = self._ink.recall_report(actor, lot_id)
        clients = None if client_ids is None else [c for c in report.clients if c.client_id in set(client_ids)]
        pdf = recall_letters_pdf(self.letterhead(), report, printed_on=self._today(), clients=clients)
        self._audit(actor, "pigment_lot", lot_id, "recall letters")
        return pdf, safe_file_name(f"Lot {report.lot.draft.lot_number}", "Recall letters", on=self._today())

    def recall_list_csv(self, actor: Actor, lot_id: int) -> tuple[bytes, str]:
        """The recall list as CSV (UTF-8 with a byte-order mark: `ink_csv.recall_csv`'s columns). It holds the clients'
        names and contact details, so, like the PDF list, making it is recorded in the audit trail."""
        report = self._ink.recall_report(actor, lot_id)
        table = recall_csv(report)
        self._audit(actor, "pigment_lot", lot_id, "recall list (CSV)")
        return table, safe_file_name(
            f"Lot {report.lot.draft.lot_number}", "Recall list", on=self._today(), extension="csv"
        )

    @staticmethod
    def save(pdf: bytes, path: Path) -> None:
        write_pdf(path, pdf)

    def _audit(self, actor: Actor, entity: str, entity_id: int, what: str) -> None:
        require(actor, Permission.VIEW_INK)
        with self._sessions.begin() as session:
            audit.record(session, actor, "export", entity, entity_id, what)

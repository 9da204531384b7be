"""The record's ink recall and document parts: every recall of a lot the client received with each contact attempt
and its outcome (ink traceability), and the documents kept on the client's record (doctor's letters and paper
questionnaires only with health answers: they are health data)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from smp_desktop.core.exports.record_blocks import Entry, Grid, Section, Text
from smp_desktop.core.exports.record_data import Choices, day, label, when
from smp_desktop.core.models import Client
from smp_desktop.core.models.document import DocumentKind, StoredDocument
from smp_desktop.core.models.ink import LotRecall, PigmentLot, PigmentProduct, RecallContact

HEALTH_DOCUMENTS = frozenset({DocumentKind.DOCTORS_LETTER, DocumentKind.PAPER_QUESTIONNAIRE})


def recalls(session: Session, client: Client, choices: Choices) -> Section | None:
    rows = [
        (contact, recall, lot, product)
        for contact, recall, lot, product in session.execute(
            select(RecallContact, LotRecall, PigmentLot, PigmentProduct)
            .join(LotRecall, LotRecall.id == RecallContact.recall_id)
            .join(PigmentLot, PigmentLot.id == LotRecall.lot_id)
            .join(PigmentProduct, PigmentProduct.id == PigmentLot.product_id)
            .where(RecallContact.client_id == client.id)
            .order_by(LotRecall.recalled_on, RecallContact.attempt, RecallContact.id)
        )
    ]
    if not rows:
        return None
    by_recall: dict[int, list[tuple[RecallContact, LotRecall, PigmentLot, PigmentProduct]]] = {}
    for row in rows:
        by_recall.setdefault(row[1].id, []).append(row)
    entries = []
    for contacts in by_recall.values():
        _contact, recall, lot, product = contacts[0]
        title = f"{product.brand} {product.name}, lot {lot.lot_number} — recalled {day(recall.recalled_on)}"
        grid = Grid(
            ("#", "When", "How", "Outcome", "Note"),
            tuple(
                (str(c.attempt), when(c.at), label(c.channel), label(c.outcome), c.note) for c, _r, _l, _p in contacts
            ),
            (0.4, 1.6, 1, 1.6, 3),
        )
        entries.append(Entry(title, (Text(f"Reason: {recall.reason}"), grid)))
    return Section("recalls", "Ink recalls", tuple(entries))


def documents(session: Session, client: Client, choices: Choices) -> Section | None:
    rows = list(
        session.scalars(
            select(StoredDocument)
            .where(StoredDocument.client_id == client.id)
            .order_by(StoredDocument.created_at, StoredDocument.id)
        )
    )
    shown = [r for r in rows if choices.with_health or r.kind not in HEALTH_DOCUMENTS]
    if not shown:
        return None
    grid = Grid(
        ("#", "Document", "Kind", "Dated", "Added", "SHA-256"),
        tuple(
            (
                str(r.id),
                r.title or r.original_filename,
                label(r.kind),
                day(r.dated_on),
                day(r.created_at),
                f"{r.content_hash[:10]}…",
            )
            for r in shown
        ),
        (0.4, 3, 1.3, 1, 1, 1.3),
    )
    blocks: tuple[Text | Grid, ...] = (grid,)
    if len(shown) < len(rows):
        blocks += (Text(f"{len(rows) - len(shown)} document(s) with health information not listed.", muted=True),)
    return Section("documents", "Documents on record", (Entry("", blocks),))

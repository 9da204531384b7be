"""The ink register's documents on the shared layout (core/documents/layout.py), from plain records:

- `ink_information_sheet_pdf`: handed over BEFORE the procedure (EU REACH: the label information must be made
  available to the client): per product planned, brand, product, lot, ingredients, warnings, use-by date.
- `ink_passport_pdf`: handed over AFTER the session (the Dutch "ink passport"): date, artist, and per zone the
  brand, supplier, product, lot, use-by date and dilution, with the artist's signature line.
- `recall_list_pdf`: a recalled lot and every client who received it, with contact details and the contact log.
- `recall_letters_pdf`: one letter per client on the studio's letterhead, each starting on its own page.

All text is plain (names in any script, "<b>Ann & "Co"</b>" printed as typed)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from smp_desktop.core.documents.layout import Letterhead, PdfDocument
from smp_desktop.core.domain import ScalpZone
from smp_desktop.core.ink import CHANNEL_LABELS, OUTCOME_LABELS, format_dilution
from smp_desktop.core.services.ink_data import AffectedClient, LotRecord, PlannedInk, RecallReport

ZONE_NAMES = {
    ScalpZone.HAIRLINE: "Hairline",
    ScalpZone.FRONTAL: "Frontal",
    ScalpZone.MID_SCALP: "Mid-scalp",
    ScalpZone.CROWN: "Crown",
    ScalpZone.LEFT_TEMPLE: "Left temple",
    ScalpZone.RIGHT_TEMPLE: "Right temple",
    ScalpZone.SIDES: "Sides",
    ScalpZone.BACK: "Back",
    ScalpZone.SCAR: "Scar",
}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip


@dataclass(frozen=True, slots=True)
class PassportZone:
    """One zone as the passport prints it; lot None for a zone recorded with shade and lot text only."""

    zone: ScalpZone
    lot: LotRecord | None
    shade_text: str
    lot_text: str
    dilution_water_parts: float | None
    dilution_pigment_parts: float | None


def long_date(day: date | datetime | None) -> str:
    """ "25 November 2026" (English month names: the machine's locale must not change a printed document)."""
    if day is None:
        return "—"
    if isinstance(day, datetime):
        day = day.astimezone().date()
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _zones(zones: Sequence[ScalpZone]) -> str:
    return ", ".join(ZONE_NAMES[z] for z in zones)


def ink_information_sheet_pdf(
    letterhead: Letterhead,
    *,
    client_name: str,
    session_date: date | datetime,
    artist_name: str,
    items: Sequence[PlannedInk],
) -> bytes:
    """The ink information sheet for one planned session. items: InkService.session_lots(actor, session_id) (the
    lots the session's zones name), or any PlannedInk list. An empty list prints that no lot is chosen yet."""
    doc = PdfDocument(
        letterhead,
        title="Ink information sheet",
        subject=f"Ink information sheet for {client_name}",
        keywords=("ink", "pigment", "REACH", "information sheet"),
    )
    doc.document_title("Ink information sheet", subtitle=client_name)
    doc.facts([("Client", client_name), ("Procedure date", long_date(session_date)), ("Artist", artist_name or "—")])
    doc.paragraph(
        "Before your procedure we show you the label information of every pigment we plan to use, as the EU "
        "restriction on tattoo and permanent make-up inks (REACH, Regulation (EU) 2020/2081) asks. Please read it "
        "and tell us about any allergy or reaction to tattoo pigments before we start."
    )
    if not items:
        doc.paragraph("No pigment lot has been chosen for this session yet; ask your artist for the sheet again.",
                      "warning")  # fmt: skip
    for item in items:
        lot = item.lot
        doc.heading(lot.product_title)
        doc.facts(
            [
                ("Brand", lot.brand),
                ("Product", lot.product_name),
                ("Lot / batch", lot.draft.lot_number),
                ("Use by", long_date(lot.use_by)),
                ("For", _zones(item.zones) or "—"),
            ]
        )
        doc.heading("Ingredients", level=2)
        doc.paragraph(lot.ingredients or "Not recorded in the studio's register: ask to see the bottle's label.")
        doc.heading("Warnings and safety instructions", level=2)
        doc.paragraph(lot.warnings or "None recorded.")
        if not lot.usable:
            doc.paragraph(f"Note: {lot.problem_text}.", "warning")
    doc.spacer(6)
    doc.rule()
    doc.paragraph("I have been shown the label information of the pigments listed above.", "small")
    doc.spacer(10)
    doc.facts([("Client's signature", "_______________________________"), ("Date", "________________")])
    return doc.build()


def ink_passport_pdf(
    letterhead: Letterhead,
    *,
    client_name: str,
    session_date: date | datetime,
    artist_name: str,
    zones: Sequence[PassportZone],
) -> bytes:
    """The ink passport after a session: which pigment went where, to keep (and show at a later treatment)."""
    doc = PdfDocument(
        letterhead,
        title="Ink passport",
        subject=f"Ink passport for {client_name}",
        keywords=("ink passport", "pigment", "lot"),
    )
    doc.document_title("Ink passport", subtitle=client_name)
    doc.facts([("Client", client_name), ("Date of the session", long_date(session_date)),
               ("Artist", artist_name or "—")])  # fmt: skip
    doc.paragraph(
        "Keep this passport: it records which pigment, from which batch, went into each area of your scalp. "
        "Show it to anyone who treats or removes the pigmentation later, and tell us if a reaction appears."
    )
    rows = []
    for zone in zones:
        lot = zone.lot
        rows.append(
            [
                ZONE_NAMES[zone.zone],
                lot.brand if lot else "—",
                (lot.draft.supplier if lot else "") or "—",
                lot.product_name if lot else (zone.shade_text or "—"),
                lot.draft.lot_number if lot else (zone.lot_text or "—"),
                long_date(lot.use_by) if lot else "—",
                format_dilution(zone.dilution_water_parts, zone.dilution_pigment_parts) or "—",
            ]
        )
    doc.table(
        ["Zone", "Brand", "Supplier", "Product", "Lot / batch", "Use by", "Water : pigment"],
        rows,
        col_widths_mm=[22, 26, 30, 30, 22, 24, 20],
    )
    doc.paragraph("Water : pigment is the dilution: parts distilled water to parts pigment.", "caption")
    doc.spacer(14)
    doc.facts([("Artist's signature", "_______________________________"), ("Artist", artist_name or "—")])
    return doc.build()


def recall_list_pdf(letterhead: Letterhead, report: RecallReport, *, printed_on: date) -> bytes:
    """Every client who received the recalled lot, with contact details, sessions and contact attempts."""
    lot, recall = report.lot, report.recall
    doc = PdfDocument(
        letterhead,
        title=f"Recall of lot {lot.draft.lot_number}",
        subject=f"Clients who received {lot.title}",
        keywords=("recall", "pigment", lot.draft.lot_number),
    )
    doc.document_title(f"Recall of lot {lot.draft.lot_number}", subtitle=lot.product_title)
    facts = [("Product", lot.product_title), ("Lot / batch", lot.draft.lot_number),
             ("Supplier", lot.draft.supplier or "—")]  # fmt: skip
    if recall is not None:
        facts += [("Recalled on", long_date(recall.recalled_on)), ("Reason", recall.reason),
                  ("Source", recall.source or "—"), ("Recorded by", recall.recorded_by or "—")]  # fmt: skip
    informed = sum(1 for c in report.clients if c.informed)
    facts += [
        ("Clients", f"{len(report.clients)} ({informed} informed) in {report.session_count} session(s)"),
        ("Printed", long_date(printed_on)),
    ]
    doc.facts(facts)
    rows = [
        [
            client.name,
            "\n".join(x for x in (client.phone, client.email) if x) or "—",
            client.address or "—",
            "\n".join(f"{long_date(s.starts_at)}: {_zones(s.zones)}" for s in client.sessions),
            _contacts(client),
        ]
        for client in report.clients
    ]
    doc.heading("Clients who received the lot")
    if rows:
        doc.table(["Client", "Phone / e-mail", "Address", "Sessions (zones)", "Contact attempts"], rows,
                  col_widths_mm=[32, 36, 38, 36, 32])  # fmt: skip
    else:
        doc.paragraph("No client's session record names this lot.")
    return doc.build()


def recall_letters_pdf(
    letterhead: Letterhead, report: RecallReport, *, printed_on: date, clients: Sequence[AffectedClient] | None = None
) -> bytes:
    """One letter per client telling them the lot was recalled and what to do. Each letter is a document of its own
    (its own letterhead and page numbers), joined into one file to print in one go."""
    from smp_desktop.core.documents.consent_pdf import join_pdfs

    lot = report.lot
    chosen = list(report.clients if clients is None else clients)
    title = f"Recall letters, lot {lot.draft.lot_number}"
    if not chosen:
        doc = PdfDocument(letterhead, title=title, subject=f"No client received {lot.title}")
        doc.document_title("No letters", subtitle=lot.title)
        doc.paragraph("No client received this lot.")
        return doc.build()
    letters = [_recall_letter(letterhead, report, client, printed_on) for client in chosen]
    if len(letters) == 1:
        return letters[0]
    return join_pdfs(letters, title=title, subject=f"Letters to the clients who received {lot.title}",
                     author=letterhead.studio_name)  # fmt: skip


def _recall_letter(letterhead: Letterhead, report: RecallReport, client: AffectedClient, printed_on: date) -> bytes:
    lot, recall = report.lot, report.recall
    doc = PdfDocument(
        letterhead,
        title=f"Recall of lot {lot.draft.lot_number}",
        subject=f"Letter to {client.name} about {lot.title}",
        keywords=("recall", "letter", lot.draft.lot_number),
    )
    doc.document_title(client.name, subtitle=client.address or "")
    doc.paragraph(long_date(printed_on), "small")
    doc.spacer(2)
    doc.paragraph(f"Dear {client.name},")
    reason = recall.reason if recall else "a safety notice"
    doc.paragraph(
        f"We are writing because a pigment used in your scalp micropigmentation has been recalled: "
        f"{lot.product_title}, lot (batch) {lot.draft.lot_number}. The reason given: {reason}"
    )
    visits = "; ".join(f"{long_date(s.starts_at)} ({_zones(s.zones)})" for s in client.sessions)
    doc.paragraph(f"Our records show this lot was used at your session(s) on {visits}.")
    doc.paragraph(
        "Most people have no problem at all. Please look at the treated areas and contact us, or your doctor, "
        "if you notice redness, swelling, itching, raised or painful skin, or any change you are unsure about. "
        "We will gladly see you free of charge to check the area and answer your questions."
    )
    contact = letterhead.contact_line
    doc.paragraph(f"You can reach us: {contact}." if contact else "Please get in touch with the studio.")
    doc.spacer(8)
    doc.paragraph("Kind regards,")
    doc.paragraph(letterhead.studio_name)
    if recall is not None and recall.source:
        doc.spacer(4)
        doc.paragraph(f"Recall notice: {recall.source}, {long_date(recall.recalled_on)}.", "small")
    return doc.build()


def _contacts(client: AffectedClient) -> str:
    if not client.contacts:
        return "Not contacted yet"
    return "\n".join(
        f"{c.attempt}. {long_date(c.at)} {CHANNEL_LABELS[c.channel]}: {OUTCOME_LABELS[c.outcome]}"
        for c in client.contacts
    )

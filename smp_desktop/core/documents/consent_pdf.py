"""Consent forms as PDF, on the shared layout: a blank or pre-filled form for signing by hand, the signed
consent made on screen (the exact template version's wording, the answers, both signatures, signer, witness,
time), and the day's packets (every planned session's forms in appointment order, in one PDF).

Plain records in, bytes out: no database, no Qt. reportlab is imported inside functions only."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from smp_desktop.core.documents.layout import MM, Letterhead, PdfDocument, paragraph_flowable
from smp_desktop.core.services.consent_data import (
    OUTCOME_LABELS,
    TIER_LABELS,
    Answer,
    ConsentItem,
    Question,
    Reason,
    Signature,
    TemplateRecord,
)

BOX = "☐"  # an empty box to tick by hand
TICKED = "☒"
LINE = "_" * 38


@dataclass(frozen=True, slots=True)
class FormClient:
    """The client's details printed at the top of a form (all plain text; empty fields print as lines)."""

    name: str
    date_of_birth: date | None = None
    phone: str = ""
    email: str = ""
    address: str = ""
    appointment: str = ""  # e.g. "Session 2, Thu 26 Nov 2026 10:00 with Priya Shah"


@dataclass(frozen=True, slots=True)
class FilledForm:
    """What was answered and signed on screen."""

    choices: Mapping[str, Any]
    answers: tuple[Answer, ...]
    outcome: str  # the screening's outcome label ("" when the form has no questionnaire)
    reasons: tuple[Reason, ...]
    client: Signature
    witness: Signature
    signed_at: datetime  # shown in the studio's time as given
    reference: str  # e.g. "smp_treatment v3, consent of client #42"


@dataclass(frozen=True, slots=True)
class PacketEntry:
    """One planned session's paperwork: its forms, pre-filled with the client's details."""

    client: FormClient
    templates: tuple[TemplateRecord, ...]
    session_id: int = 0
    client_id: int = 0
    extras: tuple[str, ...] = field(default=())  # names of sheets a hook added (e.g. "ink information")


# A hook that adds a PDF for one session to the packet (the ink register's ink information sheet), or None.
PacketExtra = Callable[[PacketEntry], bytes | None]


def form_pdf(
    letterhead: Letterhead, template: TemplateRecord, questions: Sequence[Question], client: FormClient | None = None
) -> bytes:
    """A form to print and sign by hand: blank (client None) or pre-filled with the client's details."""
    doc = _document(letterhead, template, client)
    add_form(doc, template, questions, client)
    return doc.build()


def signed_pdf(letterhead: Letterhead, template: TemplateRecord, client: FormClient, filled: FilledForm) -> bytes:
    """The signed consent: made once when signed, kept with its SHA-256, never made again."""
    doc = _document(letterhead, template, client, signed=True)
    add_form(doc, template, (), client, filled=filled)
    return doc.build()


def packets_pdf(
    letterhead: Letterhead,
    entries: Sequence[PacketEntry],
    questions: Sequence[Question],
    *,
    day: date,
    extra: PacketExtra | None = None,
) -> bytes:
    """Every entry's forms in order, then what extra(entry) adds for it (the ink information sheet), as one PDF to
    print in one job. Each form is its own document (its own letterhead and "Page N of M"), joined page by page."""
    parts: list[bytes] = []
    for entry in entries:
        parts.extend(form_pdf(letterhead, template, questions, entry.client) for template in entry.templates)
        if extra is not None:
            added = extra(entry)
            if added:
                parts.append(added)
    if not parts:
        doc = PdfDocument(letterhead, title=f"Paperwork for {day:%A %d %B %Y}", keywords=("consent", "paperwork"))
        doc.document_title(f"Paperwork for {day:%A %d %B %Y}")
        doc.paragraph("No sessions are planned on this day.")
        return doc.build()
    return join_pdfs(
        parts,
        title=f"Paperwork for {day:%A %d %B %Y}",
        subject=f"Consent and health forms for the {len(entries)} sessions planned on {day:%d %B %Y}",
        author=letterhead.studio_name,
    )


def join_pdfs(parts: Sequence[bytes], *, title: str, subject: str = "", author: str = "") -> bytes:
    """The PDFs one after the other in one document, with its own title (each part's outline kept)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(PdfReader(io.BytesIO(part)))
    writer.add_metadata({"/Title": title, "/Subject": subject, "/Author": author, "/Producer": "SMP Desktop"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _document(
    letterhead: Letterhead, template: TemplateRecord, client: FormClient | None, *, signed: bool = False
) -> PdfDocument:
    who = client.name if client else "blank form"
    what = "Signed consent" if signed else "Consent form"
    return PdfDocument(
        letterhead,
        title=template.title,
        subject=f"{what}: {template.title} (version {template.version}) — {who}",
        keywords=("consent", template.name, f"version {template.version}", "signed" if signed else "form"),
    )


def add_form(
    doc: PdfDocument,
    template: TemplateRecord,
    questions: Sequence[Question],
    client: FormClient | None,
    *,
    filled: FilledForm | None = None,
) -> None:
    """One form onto doc: title, the client's details, the wording, the questionnaire, the items, signatures."""
    doc.document_title(template.title, subtitle=client.name if client and client.name else "")
    doc.facts(_client_rows(client))
    for section in template.sections:
        doc.heading(section.heading, level=2)
        doc.paragraph(section.text)
    if template.includes_questionnaire:
        _questionnaire(doc, questions, filled)
    doc.heading("Your answers and confirmations")
    for item in template.items:
        _item(doc, item, filled.choices if filled else None)
    _signatures(doc, filled)
    doc.paragraph(
        f"Form: {template.name}, version {template.version}."
        + (f" {filled.reference}." if filled else " Please write in capitals and tick each box that applies."),
        "small",
    )


def _client_rows(client: FormClient | None) -> list[tuple[str, str]]:
    if client is None:
        return [("Name", LINE), ("Date of birth", LINE), ("Phone", LINE), ("E-mail", LINE), ("Address", LINE)]
    rows = [
        ("Name", client.name or LINE),
        ("Date of birth", f"{client.date_of_birth:%d %b %Y}" if client.date_of_birth else LINE),
        ("Phone", client.phone or LINE),
        ("E-mail", client.email or LINE),
        ("Address", client.address or LINE),
    ]
    if client.appointment:
        rows.append(("Appointment", client.appointment))
    return rows


def _questionnaire(doc: PdfDocument, questions: Sequence[Question], filled: FilledForm | None) -> None:
    doc.heading("Health questionnaire")
    if filled is None:
        doc.paragraph("Please answer every question. If you answer yes, give details in the last column.")
        rows = [[q.text, BOX, BOX, ""] for q in questions]
    else:
        rows = [[a.text, TICKED if a.yes else BOX, BOX if a.yes else TICKED, a.detail] for a in filled.answers]
    doc.table(["Question", "Yes", "No", "Details"], rows, col_widths_mm=[100, 12, 12, 50])
    if filled is not None and filled.outcome:
        doc.spacer(2)
        doc.rich("<b>Outcome of the screening:</b> {outcome}", outcome=filled.outcome)
        if filled.reasons:
            doc.bullets([r.message for r in filled.reasons], "small")


def _item(doc: PdfDocument, item: ConsentItem, choices: Mapping[str, Any] | None) -> None:
    value = None if choices is None else choices.get(item.key)
    if item.type == "confirm":
        doc.paragraph(f"{TICKED if value is True else BOX}  {item.text}")
    elif item.type == "yes_no":
        yes = TICKED if value is True else BOX
        no = TICKED if value is False else BOX
        doc.paragraph(f"{item.text}\n      {yes} Yes     {no} No")
    elif item.type == "choice":
        marks = "\n".join(f"      {TICKED if value == key else BOX} {label}" for key, label in item.options)
        doc.paragraph(f"{item.text}:\n{marks}")
    else:
        shown = str(value) if value else ("" if choices is not None else LINE)
        if item.type == "date" and value:
            shown = f"{date.fromisoformat(str(value)):%d %b %Y}"
        doc.paragraph(f"{item.text}: {shown or '—'}")


def _signatures(doc: PdfDocument, filled: FilledForm | None) -> None:
    from reportlab.platypus import Image, KeepTogether, Spacer, Table, TableStyle

    styles = doc.styles
    width = (doc.content_width - 8 * MM) / 2

    def cell(title: str, signature: Signature | None, when: str) -> list[Any]:
        parts: list[Any] = [paragraph_flowable(title, styles["label"])]
        if signature is None:
            parts += [Spacer(1, 16 * MM), paragraph_flowable(LINE, styles["body"])]
            parts.append(paragraph_flowable("Name in capitals: " + "_" * 22, styles["small"]))
            parts.append(paragraph_flowable("Date: " + "_" * 14, styles["small"]))
        else:
            image = Image(io.BytesIO(signature.png))
            scale = min(width / image.imageWidth, 22 * MM / image.imageHeight)
            image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
            image.hAlign = "LEFT"
            parts += [image, paragraph_flowable(signature.name, styles["value"])]
            parts.append(paragraph_flowable(when, styles["small"]))
        return parts

    when = f"Signed {filled.signed_at:%d %b %Y at %H:%M}" if filled else ""
    table = Table(
        [
            [
                cell("Client's signature", filled.client if filled else None, when),
                cell("Witness (artist)", filled.witness if filled else None, when),
            ]
        ],
        colWidths=[width + 4 * MM, width + 4 * MM],
        hAlign="LEFT",
    )
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    doc.add(KeepTogether([Spacer(1, 4 * MM), paragraph_flowable("Signatures", styles["h1"]), table]))


def outcome_label(outcome: Any) -> str:
    return OUTCOME_LABELS.get(outcome, "")


def tier_label(tier: Any) -> str:
    return TIER_LABELS.get(tier, "")

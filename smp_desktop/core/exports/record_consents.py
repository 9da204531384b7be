"""The record's health screening and consent parts: each screening (its outcome, answers and doctor's letters only
with health answers), and each signed consent with what was agreed, who signed and witnessed it, when, the
check of the kept PDF against its recorded SHA-256, and the signatures as they appear in that PDF.

A consent signed on screen keeps its signatures only inside its PDF (the record of what the client saw), so they
are taken from there (pypdfium2: the last two images of the document, client then witness, composited on white);
a paper consent's scan is named as the stored document it is."""

from __future__ import annotations

import hashlib
import io
import logging
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from smp_desktop.core.exports.record_blocks import Block, Entry, Fields, Grid, ImageFigure, Section, Text
from smp_desktop.core.exports.record_data import Choices, day, label, when
from smp_desktop.core.models import Client
from smp_desktop.core.models.consent import (
    ConsentRecord,
    ConsentTemplate,
    HealthScreening,
    ScreeningLetter,
    SigningMethod,
)
from smp_desktop.core.models.document import StoredDocument

log = logging.getLogger(__name__)


def screening(session: Session, client: Client, choices: Choices) -> Section | None:
    rows = list(
        session.scalars(
            select(HealthScreening)
            .where(HealthScreening.client_id == client.id)
            .order_by(HealthScreening.taken_at, HealthScreening.id)
        )
    )
    if not rows:
        return Section("screening", "Health screening", (Entry("", (Text("No screening is recorded.", muted=True),)),))
    entries = []
    for row in rows:
        # The outcome says something of the answers: like them it is health data (the front desk learns only that
        # a questionnaire is on record, as on the Consent & health tab).
        facts: list[tuple[str, str]] = [("Taken", when(row.taken_at))]
        if choices.with_health:
            facts.append(("Outcome", label(row.outcome)))
        else:
            facts.append(("Questionnaire", "On record (answers and outcome not included)"))
        if row.paper_document_id is not None:
            facts.append(("Paper questionnaire", f"document #{row.paper_document_id}"))
        blocks: list[Block] = []
        if choices.with_health:
            facts.append(("Note", row.note))
            blocks.append(Fields(tuple(facts)))
            yes = [a for a in row.answers if a.get("yes")]
            if yes:
                blocks.append(
                    Grid(
                        ("Question", "Tier", "Answer", "Details"),
                        tuple(
                            (
                                str(a.get("text", a.get("key", ""))),
                                label(a.get("tier")),
                                "Yes",
                                str(a.get("detail", "")),
                            )
                            for a in yes
                        ),
                        (3.2, 1.2, 0.9, 2.2),
                    )
                )
            blocks.append(Text(f"{len(row.answers)} questions asked, {len(yes)} answered yes.", muted=True))
            letters = list(session.scalars(select(ScreeningLetter).where(ScreeningLetter.screening_id == row.id)))
            for letter in letters:
                document = session.get(StoredDocument, letter.document_id)
                title = document.title if document else f"document #{letter.document_id}"
                dated = f", dated {day(document.dated_on)}" if document and document.dated_on else ""
                blocks.append(Text(f"Doctor's letter: {title}{dated}; clears {', '.join(letter.covers)}."))
        else:
            blocks.append(Fields(tuple(facts)))
        entries.append(Entry(f"Screening — {day(row.taken_at)}", tuple(blocks)))
    return Section("screening", "Health screening", tuple(entries))


def consents(session: Session, client: Client, choices: Choices) -> Section | None:
    rows = list(
        session.scalars(
            select(ConsentRecord)
            .where(ConsentRecord.client_id == client.id)
            .order_by(ConsentRecord.signed_at, ConsentRecord.id)
        )
    )
    if not rows:
        return Section("consents", "Consents", (Entry("", (Text("No consent is recorded.", muted=True),)),))
    entries = []
    for row in rows:
        template = session.get(ConsentTemplate, row.template_id)
        title = template.title if template else label(row.kind)
        version = f"version {template.version}" if template else ""
        document = session.get(StoredDocument, row.document_id)
        path = choices.paths.documents / document.stored_name if document else None
        intact = _intact(path, row.document_sha256)
        facts = Fields(
            (
                ("Form", f"{title}, {version}".strip(", ")),
                ("Signed", when(row.signed_at)),
                ("How", "On screen" if row.method is SigningMethod.ON_SCREEN else "On paper (the scan is the record)"),
                ("Signed by", row.signer_name),
                ("Witness", row.witness_name),
                ("Kept as", f"document #{row.document_id}, SHA-256 {row.document_sha256[:16]}…"),
                (
                    "Check",
                    "The kept file matches its recorded hash."
                    if intact
                    else "The kept file is missing or does not match its recorded hash: restore it from a backup.",
                ),
                ("Note", row.note),
            )
        )
        blocks: list[Block] = [facts]
        agreed = _choices(template, row.choices)
        if agreed:
            blocks.append(Grid(("Item", "Answer"), tuple(agreed), (4, 1.6)))
        if row.method is SigningMethod.ON_SCREEN and intact and path is not None:
            names = (f"Client's signature — {row.signer_name}", f"Witness's signature — {row.witness_name}")
            for caption, png in zip(names, _signatures(path), strict=False):
                blocks.append(ImageFigure(png, caption, max_width_mm=60))
        entries.append(Entry(f"{title} — {day(row.signed_at)}", tuple(blocks)))
    return Section("consents", "Consents", tuple(entries))


def _intact(path: Path | None, sha256: str) -> bool:
    if path is None:
        return False
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() == sha256
    except OSError:
        return False


def _choices(template: ConsentTemplate | None, values: dict[str, Any]) -> list[tuple[str, str]]:
    """The form's items as the client answered them, in the form's order, with the form's own wording."""
    items = [i for i in (template.items if template else []) if isinstance(i, dict)]
    order = [str(i.get("key")) for i in items] + [k for k in values if k not in {str(i.get("key")) for i in items}]
    by_key = {str(i.get("key")): i for i in items}
    rows = []
    for key in order:
        if key not in values or values[key] in ("", None):
            continue
        value, item = values[key], by_key.get(key, {})
        found = item.get("options")
        options: dict[str, Any] = found if isinstance(found, dict) else {}
        if value is True:
            shown = "Yes"
        elif value is False:
            shown = "No"
        else:
            shown = str(options.get(value, value))
        rows.append((str(item.get("text") or label(key)), shown))
    return rows


def _signatures(path: Path) -> list[bytes]:
    """PNGs of the last two images of the signed PDF (the client's and the witness's signatures), on white."""
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as pdfium_raw
        from PIL import Image

        found: list[tuple[int, float, float, Any]] = []
        pdf = pdfium.PdfDocument(path.read_bytes())
        try:
            for number in range(len(pdf)):
                page = pdf[number]
                for obj in page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_IMAGE]):
                    left, _bottom, _right, top = obj.get_bounds()
                    image = obj.get_bitmap(render=True, scale_to_original=True).to_pil()
                    found.append((number, -top, left, image))
                page.close()
        finally:
            pdf.close()
        found.sort(key=lambda item: item[:3])
        result = []
        for *_, image in found[-2:]:
            white = Image.new("RGB", image.size, (255, 255, 255))
            white.paste(image, mask=image.getchannel("A") if image.mode == "RGBA" else None)
            buffer = io.BytesIO()
            white.save(buffer, "PNG")
            result.append(buffer.getvalue())
        return result
    except Exception as exc:  # a damaged PDF: the record says who signed, without the picture
        log.warning("signatures of %s could not be read: %s", path, exc)
        return []

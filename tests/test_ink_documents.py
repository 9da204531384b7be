"""The ink register's PDFs read back with pypdf: the ink information sheet, the ink passport, the recall list and
the recall letters (one page per client), with names in any script and user text printed literally."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from smp_desktop.core.domain import ScalpZone, SessionKind
from smp_desktop.core.ink import LABEL_FIELDS, ContactChannel, ContactOutcome, LabelCheck
from smp_desktop.core.models import AuditEvent
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.ink_data import LotDraft, LotRecord, ProductDraft
from smp_desktop.core.services.session_data import SessionDraft, ZoneEntry
from smp_desktop.core.studio_db import OpenStudio
from tests.consent_helpers import give_valid_consent

TRICKY = '<b>Ann & "Co"</b>'


def text_of(pdf: bytes) -> tuple[str, int, PdfReader]:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages), reader


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def recorded(studio: OpenStudio, owner: Actor, make_client):  # type: ignore[no-untyped-def]
    ink = studio.services.ink
    product = ink.save_product(
        owner,
        ProductDraft(
            TRICKY,
            "Soft Black",
            ingredients="Aqua, Carbon Black (CI 77266), Glycerin",
            warnings="Contains nickel. Keep out of reach of children.",
        ),
    )
    checks = dict.fromkeys(LABEL_FIELDS, LabelCheck.PRESENT)
    lot: LotRecord = ink.save_lot(
        owner,
        LotDraft(
            product.id,
            "SB-2407",
            supplier="Дмитрий Supplies",
            purchased_on=date(2026, 1, 5),
            expires_on=date(2028, 1, 5),
            **checks,
        ),  # type: ignore[arg-type]
    )
    zoe = make_client(first_name="Zoë", last_name="Łukasiewicz", address_line1="1 High St", city="Leeds")
    wang = make_client(first_name="伟", last_name="王")
    sessions = []
    for client in (zoe, wang):
        give_valid_consent(studio, owner, client.id)
        draft = SessionDraft(
            kind=SessionKind.SESSION_1,
            starts_at=datetime(2026, 11, 2, 10).astimezone(),
            artist_id=owner.staff_id,
            health_unchanged=True,
            zones=(
                ZoneEntry(ScalpZone.HAIRLINE, lot_id=lot.id, dilution_water_parts=4, dilution_pigment_parts=1),
                ZoneEntry(
                    ScalpZone.CROWN,
                    pigment_shade="Charcoal (old)",
                    pigment_lot="CH-1",
                    dilution_water_parts=2.5,
                    dilution_pigment_parts=1,
                ),
            ),
        )
        sessions.append(studio.services.sessions.create(owner, client.id, draft, complete=True, accept_overlap=True))
    return lot, sessions, (zoe, wang)


def test_the_ink_information_sheet_prints_the_label_information(studio: OpenStudio, owner: Actor, recorded) -> None:  # type: ignore[no-untyped-def]
    _, sessions, _ = recorded
    pdf, name = studio.services.ink_documents.information_sheet(owner, sessions[0].id)
    text, _, reader = text_of(pdf)
    text = flat(text)
    assert name == "Zoë-Łukasiewicz - Ink-information-sheet - 2026-11-02.pdf"
    assert "Ink information sheet" in text and "Zoë Łukasiewicz" in text and "2 November 2026" in text
    for expected in (
        TRICKY,
        "Soft Black",
        "SB-2407",
        "5 January 2028",
        "Aqua, Carbon Black (CI 77266), Glycerin",
        "Contains nickel.",
        "Hairline",
    ):
        assert expected in text, expected
    assert reader.metadata is not None and reader.metadata.title == "Ink information sheet"


def test_the_ink_passport_lists_each_zone_with_brand_supplier_lot_expiry_and_dilution(
    studio: OpenStudio, owner: Actor, recorded
) -> None:  # type: ignore[no-untyped-def]
    _, sessions, _ = recorded
    pdf, name = studio.services.ink_documents.passport(owner, sessions[1].id)
    text = flat(text_of(pdf)[0])
    assert name.endswith("Ink-passport - 2026-11-02.pdf") and "王伟" in text
    for expected in (
        "Ink passport",
        "Olivia Owner",
        "Hairline",
        TRICKY,
        "Дмитрий Supplies",
        "SB-2407",
        "5 January 2028",
        "4 : 1",
        "Crown",
        "Charcoal (old)",
        "CH-1",
        "2.5 : 1",
        "Artist's signature",
    ):
        assert expected in text, expected


def test_the_recall_list_and_one_letter_per_client(studio: OpenStudio, owner: Actor, recorded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lot, _, (zoe, wang) = recorded
    ink = studio.services.ink
    ink.recall(
        owner,
        lot.id,
        "Nickel above the limit in batch tests",
        source="Supplier notice PSP-7",
        recalled_on=date(2026, 11, 20),
    )
    ink.log_contact(owner, lot.id, zoe.id, ContactChannel.PHONE, ContactOutcome.REACHED, "Told")
    pdf, name = studio.services.ink_documents.recall_list(owner, lot.id)
    text = flat(text_of(pdf)[0])
    assert name == "Lot-SB-2407 - Recall-list - 2026-11-25.pdf"
    for expected in (
        "Recall of lot SB-2407",
        "Nickel above the limit in batch tests",
        "Supplier notice PSP-7",
        "20 November 2026",
        "Zoë Łukasiewicz",
        "1 High St, Leeds",
        "王伟",
        "2 (1 informed) in 2 session(s)",
        "Reached, informed",
        "Not contacted yet",
    ):
        assert expected in text, expected

    letters, _ = studio.services.ink_documents.recall_letters(owner, lot.id)
    text, pages, _ = text_of(letters)
    assert pages == 2
    reader = PdfReader(io.BytesIO(letters))
    first, second = (flat(page.extract_text()) for page in reader.pages)
    assert "Dear Zoë Łukasiewicz" in first and "SB-2407" in first and "2 November 2026 (Hairline)" in first
    assert "Dear 王伟" in second and "Test Studio" in second
    assert "Page 1 of 1" in first and "Page 1 of 1" in second  # each letter is a document of its own
    one, _ = studio.services.ink_documents.recall_letters(owner, lot.id, [wang.id])
    assert text_of(one)[1] == 1
    out = tmp_path / "letters.pdf"
    studio.services.ink_documents.save(letters, out)
    assert out.read_bytes() == letters


def test_the_recall_list_as_csv_is_recorded_in_the_audit_trail(studio: OpenStudio, owner: Actor, recorded) -> None:  # type: ignore[no-untyped-def]
    """The CSV holds the clients' names and contact details, as the PDF list does: making it is audited too."""
    lot, _, _ = recorded
    studio.services.ink.recall(owner, lot.id, "Nickel above the limit", recalled_on=date(2026, 11, 20))
    table, name = studio.services.ink_documents.recall_list_csv(owner, lot.id)
    assert name == "Lot-SB-2407 - Recall-list - 2026-11-25.csv"
    rows = list(csv.DictReader(io.StringIO(table.decode("utf-8-sig"))))
    assert sorted(row["name"] for row in rows) == ["Zoë Łukasiewicz", "王伟"]
    with studio.sessions() as session:
        details = session.scalars(
            select(AuditEvent.detail).where(AuditEvent.action == "export", AuditEvent.entity == "pigment_lot")
        ).all()
    assert any("recall list (CSV)" in str(detail) for detail in details)

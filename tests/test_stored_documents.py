"""StoredDocumentService: files kept on a client or a lot in the content-addressed documents/ store — attached from
a path or bytes, refused when not a PDF or a photo, listed, opened with the hash checked (an altered byte is
reported), permissions and the audit trail."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from smp_desktop.core.domain import StaffRole
from smp_desktop.core.models import AuditEvent, StoredDocument
from smp_desktop.core.models.document import DocumentKind
from smp_desktop.core.photos.store import sha256_bytes
from smp_desktop.core.services.access import Actor, PermissionDenied
from smp_desktop.core.services.errors import NotFound, ValidationFailed
from smp_desktop.core.services.stored_documents import DocumentAltered, StoredDocumentService, sniff_media_type
from smp_desktop.core.studio_db import OpenStudio

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 180, 160)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def documents(studio: OpenStudio) -> StoredDocumentService:
    return studio.services.documents


@pytest.fixture
def reception(studio: OpenStudio, owner: Actor) -> Actor:
    info = studio.services.studio.add_staff(owner, "Chloe Evans", StaffRole.RECEPTION)
    return Actor(info.id, info.display_name, info.role)


def test_a_letter_is_stored_by_its_hash_and_listed_for_the_client(
    studio: OpenStudio, documents: StoredDocumentService, owner: Actor, make_client, tmp_path: Path
) -> None:
    client = make_client(first_name="Zoë", last_name="Łukasiewicz")
    scan = tmp_path / "Dr Νίκος letter.jpg"
    scan.write_bytes(jpeg_bytes())
    letter = documents.attach_file(
        owner, scan, kind=DocumentKind.DOCTORS_LETTER, client_id=client.id, dated_on=date(2026, 11, 2)
    )
    digest = sha256_bytes(scan.read_bytes())
    assert letter.content_hash == digest
    assert letter.media_type == "image/jpeg"
    assert letter.title == "Dr Νίκος letter"
    assert letter.original_filename == "Dr Νίκος letter.jpg"
    assert letter.dated_on == date(2026, 11, 2)
    stored = studio.paths.documents / digest[:2] / f"{digest}.jpg"
    assert stored.read_bytes() == scan.read_bytes()
    pdf = documents.attach_bytes(
        owner, PDF, kind=DocumentKind.GENERATED_PDF, original_filename="record.pdf", client_id=client.id
    )
    assert [d.id for d in documents.for_client(owner, client.id)] == [pdf.id, letter.id]
    assert [d.id for d in documents.for_client(owner, client.id, [DocumentKind.DOCTORS_LETTER])] == [letter.id]
    check = documents.open_path(owner, letter.id)
    assert check.intact and check.path == stored
    assert documents.read_verified(owner, pdf.id) == PDF
    with studio.sessions() as session:
        actions = [
            (e.action, e.entity_id)
            for e in session.scalars(select(AuditEvent).where(AuditEvent.entity == "stored_document"))
        ]
    assert ("attach", letter.id) in actions and ("open", letter.id) in actions


def test_a_document_without_a_client_is_a_lots(documents: StoredDocumentService, owner: Actor) -> None:
    sheet = documents.attach_bytes(owner, PDF, kind=DocumentKind.SAFETY_DATA_SHEET, original_filename="sds.pdf")
    assert sheet.client_id is None
    assert documents.get(owner, sheet.id).kind is DocumentKind.SAFETY_DATA_SHEET


def test_one_changed_byte_is_reported_loudly(
    studio: OpenStudio, documents: StoredDocumentService, owner: Actor, make_client
) -> None:
    client = make_client()
    record = documents.attach_bytes(
        owner, PDF, kind=DocumentKind.SIGNED_CONSENT, original_filename="c.pdf", client_id=client.id
    )
    path = documents.open_path(owner, record.id).path
    altered = bytearray(path.read_bytes())
    altered[10] ^= 0x01
    path.write_bytes(bytes(altered))
    check = documents.open_path(owner, record.id)
    assert not check.intact
    assert "altered" in check.problem and record.content_hash in check.problem
    with pytest.raises(DocumentAltered):
        documents.read_verified(owner, record.id)
    path.unlink()
    assert "missing" in documents.check(owner, record.id).problem


def test_files_that_are_not_documents_are_refused_and_nothing_is_kept(
    studio: OpenStudio, documents: StoredDocumentService, owner: Actor, make_client, tmp_path: Path
) -> None:
    client = make_client()
    with pytest.raises(ValidationFailed) as failed:
        documents.attach_bytes(
            owner, b"MZ\x90\x00 not a scan", kind=DocumentKind.OTHER, original_filename="setup.exe", client_id=client.id
        )
    assert failed.value.problems[0].code == "document_type"
    assert "setup.exe" in str(failed.value)
    with pytest.raises(ValidationFailed) as unreadable:
        documents.attach_file(owner, tmp_path / "gone.pdf", kind=DocumentKind.OTHER, client_id=client.id)
    assert unreadable.value.problems[0].code == "document_unreadable"
    with pytest.raises(NotFound):
        documents.attach_bytes(owner, PDF, kind=DocumentKind.OTHER, original_filename="x.pdf", client_id=9999)
    with studio.sessions() as session:
        assert session.scalars(select(StoredDocument)).all() == []
    assert list(documents.store.files()) == []


def test_reception_attaches_but_does_not_read_health_documents(
    documents: StoredDocumentService, reception: Actor, owner: Actor, make_client
) -> None:
    client = make_client()
    scan = documents.attach_bytes(
        reception, jpeg_bytes(), kind=DocumentKind.PAPER_CONSENT, original_filename="consent.jpg", client_id=client.id
    )
    with pytest.raises(PermissionDenied):
        documents.for_client(reception, client.id)
    with pytest.raises(PermissionDenied):
        documents.open_path(reception, scan.id)
    assert documents.check(reception, scan.id).intact  # whether it is intact, not what it says


def test_media_types_are_read_from_the_bytes() -> None:
    assert sniff_media_type(PDF) == ("application/pdf", ".pdf")
    assert sniff_media_type(b"\x89PNG\r\n\x1a\n....") == ("image/png", ".png")
    assert sniff_media_type(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == ("image/webp", ".webp")
    assert sniff_media_type(b"\x00\x00\x00\x18ftypheic....") == ("image/heic", ".heic")
    assert sniff_media_type(b"hello") is None


def test_db_check_reports_altered_missing_and_orphan_documents(
    studio: OpenStudio, documents: StoredDocumentService, owner: Actor, make_client
) -> None:
    client = make_client()
    kept = documents.attach_bytes(
        owner,
        PDF,
        kind=DocumentKind.SIGNED_CONSENT,
        original_filename="a.pdf",
        client_id=client.id,
        title="Signed consent",
    )
    gone = documents.attach_bytes(
        owner,
        jpeg_bytes(),
        kind=DocumentKind.DOCTORS_LETTER,
        original_filename="b.jpg",
        client_id=client.id,
        title="GP letter",
    )
    assert studio.services.maintenance.check().healthy
    documents.check(owner, kept.id).path.write_bytes(PDF + b"%")
    documents.check(owner, gone.id).path.unlink()
    (studio.paths.documents / "stray.pdf").write_bytes(PDF)
    problems = studio.services.maintenance.check().problems
    assert any("has been altered" in p and "Signed consent" in p for p in problems)
    assert any("is missing" in p and "GP letter" in p for p in problems)
    assert any(p.startswith("documents/stray.pdf is an orphan file") for p in problems)

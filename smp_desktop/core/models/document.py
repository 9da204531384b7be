"""Stored documents: any file the studio keeps on a client or a lot (doctor's letters, scans, signed consents,
safety data sheets), content-addressed under documents/."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from smp_desktop.core.models.base import Base, UtcDateTime, stored_enum, utcnow


class DocumentKind(StrEnum):
    DOCTORS_LETTER = "doctors_letter"  # clears a "needs a doctor's letter" answer of the health screening
    SIGNED_CONSENT = "signed_consent"  # the PDF made when a consent is signed on screen
    PAPER_CONSENT = "paper_consent"  # a consent signed by hand on paper, scanned or photographed
    PAPER_QUESTIONNAIRE = "paper_questionnaire"  # a health questionnaire filled in on paper
    ID_DOCUMENT = "id_document"  # proof of age seen (kept only where the studio's policy says so)
    SAFETY_DATA_SHEET = "safety_data_sheet"  # a pigment lot's SDS
    LABEL_PHOTO = "label_photo"  # a photo of a pigment bottle's label
    GENERATED_PDF = "generated_pdf"  # a document the app made and the studio keeps on record
    OTHER = "other"


class StoredDocument(Base):
    """One file kept on record. The bytes live under documents/ named by their SHA-256 (stored_name, e.g.
    "ab/abcdef….pdf"); a record is never edited to point at other bytes, so the hash proves what was kept.

    client_id: the client it belongs to, or None (a lot's safety data sheet). dated_on: the date the document
    itself carries (a doctor's letter's date, a scan's signing date), which may be long before it was added."""

    __tablename__ = "stored_document"
    __table_args__ = (Index("ix_stored_document_client_id_kind", "client_id", "kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int | None] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"))
    kind: Mapped[DocumentKind] = mapped_column(stored_enum(DocumentKind))
    title: Mapped[str] = mapped_column(String(200))
    original_filename: Mapped[str] = mapped_column(String(255), default="")
    media_type: Mapped[str] = mapped_column(String(100))
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    stored_name: Mapped[str] = mapped_column(String(200))
    size_bytes: Mapped[int] = mapped_column(Integer)
    dated_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_member.id", ondelete="SET NULL"))

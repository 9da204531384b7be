"""Consent templates (versioned, frozen once signed), signed consents, health screening and the completion gate's
owner overrides."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from smp_desktop.core.models.base import Base, UtcDateTime, stored_enum, utcnow


class ConsentKind(StrEnum):
    TREATMENT = "treatment"  # the SMP treatment consent: the one the completion gate asks for
    PHOTO_RELEASE = "photo_release"  # clinical record and marketing, answered separately
    PATCH_TEST = "patch_test"
    DATA_PROTECTION = "data_protection"
    OTHER = "other"


class HealthTier(StrEnum):
    REFUSE = "refuse"  # not eligible now (refuse or postpone)
    DOCTORS_LETTER = "doctors_letter"  # eligible once a doctor's letter is on record
    CAUTION = "caution"  # eligible; the artist takes note


class ScreeningOutcome(StrEnum):
    ELIGIBLE = "eligible"
    NEEDS_DOCTORS_LETTER = "needs_doctors_letter"
    NOT_ELIGIBLE = "not_eligible"


class SigningMethod(StrEnum):
    ON_SCREEN = "on_screen"  # signed on the signature pad; the app made the PDF
    PAPER = "paper"  # signed by hand on paper; the scan or photo is the record


class ConsentTemplate(Base):
    """One version of a consent form. name is the stable key ("smp_treatment"); a studio's edit adds the next
    version, and a version that has been signed never changes (ConsentService enforces it).

    sections: [{"heading": str, "text": str}] the wording the client reads; items: [{"key", "text", "type"}] what
    the client confirms or answers ("confirm", "yes_no", "date", "text"). accepted: a signature on this version
    still counts for the completion gate (the newest version always does)."""

    __tablename__ = "consent_template"
    __table_args__ = (UniqueConstraint("name", "version", name="uq_consent_template_name_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[ConsentKind] = mapped_column(stored_enum(ConsentKind))
    title: Mapped[str] = mapped_column(String(200))
    sections: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    items: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    includes_questionnaire: Mapped[bool] = mapped_column(Boolean, default=False)
    accepted: Mapped[bool] = mapped_column(Boolean, default=True)
    change_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_member.id", ondelete="SET NULL"))


class HealthQuestion(Base):
    """One question of the health questionnaire and its tier, which the studio may change. A screening copies the
    question's text and tier as they were, so a later change never rewrites an answered questionnaire."""

    __tablename__ = "health_question"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(60), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(String(500))
    tier: Mapped[HealthTier] = mapped_column(stored_enum(HealthTier))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)


class HealthScreening(Base):
    """A filled-in health questionnaire and its outcome.

    answers: [{"key", "text", "tier", "yes": bool, "detail": str}] as asked. outcome: from the answers and the
    doctor's letters on record for it (ScreeningLetter), kept up to date when a letter is added. paper_document_id:
    the questionnaire as filled in on paper, when it was typed in from a signed form."""

    __tablename__ = "health_screening"
    __table_args__ = (Index("ix_health_screening_client_id_taken_at", "client_id", "taken_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"))
    taken_at: Mapped[datetime] = mapped_column(UtcDateTime)
    answers: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    outcome: Mapped[ScreeningOutcome] = mapped_column(stored_enum(ScreeningOutcome))
    paper_document_id: Mapped[int | None] = mapped_column(ForeignKey("stored_document.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_member.id", ondelete="SET NULL"))


class ScreeningLetter(Base):
    """A doctor's letter (a stored document with its date) answering some of a screening's questions."""

    __tablename__ = "screening_letter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    screening_id: Mapped[int] = mapped_column(ForeignKey("health_screening.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("stored_document.id", ondelete="RESTRICT"))
    covers: Mapped[list[str]] = mapped_column(JSON)  # question keys the letter clears
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_member.id", ondelete="SET NULL"))


class ConsentRecord(Base):
    """A signed consent: what the client saw (the template version), what they answered (choices, and the
    screening whose answers were printed), who signed and witnessed it, when, and the record itself: the PDF made
    on screen or the scan of the paper form, as a stored document whose SHA-256 is kept here too. Never edited; a
    correction is a new consent."""

    __tablename__ = "consent_record"
    __table_args__ = (Index("ix_consent_record_client_id_signed_at", "client_id", "signed_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"))
    template_id: Mapped[int] = mapped_column(ForeignKey("consent_template.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[ConsentKind] = mapped_column(stored_enum(ConsentKind))
    method: Mapped[SigningMethod] = mapped_column(stored_enum(SigningMethod))
    screening_id: Mapped[int | None] = mapped_column(ForeignKey("health_screening.id", ondelete="SET NULL"))
    choices: Mapped[dict[str, Any]] = mapped_column(JSON)
    signer_name: Mapped[str] = mapped_column(String(200))
    witness_id: Mapped[int | None] = mapped_column(ForeignKey("staff_member.id", ondelete="SET NULL"))
    witness_name: Mapped[str] = mapped_column(String(200), default="")
    signed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    document_id: Mapped[int] = mapped_column(ForeignKey("stored_document.id", ondelete="RESTRICT"))
    document_sha256: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_member.id", ondelete="SET NULL"))


class SessionGateOverride(Base):
    """The owner's reason for completing a session although the consent gate said no, kept on the session."""

    __tablename__ = "session_gate_override"

    session_id: Mapped[int] = mapped_column(ForeignKey("treatment_session.id", ondelete="CASCADE"), primary_key=True)
    reason: Mapped[str] = mapped_column(Text)
    missing: Mapped[str] = mapped_column(Text, default="")  # what the gate found missing, as sentences
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_member.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

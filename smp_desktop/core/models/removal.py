"""Removal plans and their sessions: the assessment (Kirby-Desai inputs and score, test spot), the method and
provider, planned and done sessions with their laser parameters, the pigment being removed and the assessment
photos."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, SmallInteger, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from smp_desktop.core.domain import ScalpZone
from smp_desktop.core.models.base import Base, UtcDateTime, stored_enum, utcnow
from smp_desktop.core.removal_vocabulary import (
    InkAmount,
    InkColours,
    Layering,
    RemovalMethod,
    RemovalPlanStatus,
    RemovalReason,
    RemovalSessionStatus,
    Scarring,
    TattooLocation,
    TestSpotOutcome,
)


class RemovalPlan(Base):
    """One plan to remove (part of) a client's SMP.

    provider_name / provider_contact: the clinic or practitioner the laser work is referred to; blank when the
    studio does it. kd_*: the Kirby-Desai inputs (skin type is fitzpatrick_type); kd_score is their sum, kept so
    lists and documents need not recompute it, None while an input is missing. aftercare: the key of the aftercare
    text set given to the client (blank: the method's default). earliest_new_smp_on: the service's date (the last
    laser session plus the studio's waiting days), kept for the consent screening and documents."""

    __tablename__ = "removal_plan"
    __table_args__ = (Index("ix_removal_plan_client_id_created_at", "client_id", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"))
    reason: Mapped[RemovalReason] = mapped_column(stored_enum(RemovalReason))
    method: Mapped[RemovalMethod] = mapped_column(stored_enum(RemovalMethod))
    status: Mapped[RemovalPlanStatus] = mapped_column(
        stored_enum(RemovalPlanStatus), default=RemovalPlanStatus.ASSESSMENT
    )
    device: Mapped[str] = mapped_column(String(200), default="")
    provider_name: Mapped[str] = mapped_column(String(200), default="")
    provider_contact: Mapped[str] = mapped_column(String(300), default="")
    fitzpatrick_type: Mapped[int | None] = mapped_column(SmallInteger)
    kd_location: Mapped[TattooLocation | None] = mapped_column(stored_enum(TattooLocation))
    kd_colours: Mapped[InkColours | None] = mapped_column(stored_enum(InkColours))
    kd_amount: Mapped[InkAmount | None] = mapped_column(stored_enum(InkAmount))
    kd_scarring: Mapped[Scarring | None] = mapped_column(stored_enum(Scarring))
    kd_layering: Mapped[Layering | None] = mapped_column(stored_enum(Layering))
    kd_score: Mapped[int | None] = mapped_column(SmallInteger)
    test_spot_on: Mapped[date | None] = mapped_column(Date)
    test_spot_outcome: Mapped[TestSpotOutcome | None] = mapped_column(stored_enum(TestSpotOutcome))
    test_spot_notes: Mapped[str] = mapped_column(Text, default="")
    risks: Mapped[str] = mapped_column(Text, default="")
    aftercare: Mapped[str] = mapped_column(String(100), default="")
    earliest_new_smp_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_member.id", ondelete="SET NULL"))
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_member.id", ondelete="SET NULL"))

    sessions: Mapped[list[RemovalSession]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="RemovalSession.position"
    )
    targets: Mapped[list[RemovalTarget]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="RemovalTarget.position"
    )
    photos: Mapped[list[RemovalPhoto]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="RemovalPhoto.position"
    )


class RemovalSession(Base):
    """One removal session of a plan: planned on a date, then done (with the laser's parameters as they were).

    interval_note: why it is planned sooner than the method's minimum interval after the previous session, when
    the practitioner goes ahead anyway. Parameters are blank for saline sessions."""

    __tablename__ = "removal_session"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("removal_plan.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[RemovalSessionStatus] = mapped_column(
        stored_enum(RemovalSessionStatus), default=RemovalSessionStatus.PLANNED
    )
    planned_on: Mapped[date | None] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)
    wavelength_nm: Mapped[int | None] = mapped_column(Integer)
    fluence_j_cm2: Mapped[float | None] = mapped_column(Float)
    spot_size_mm: Mapped[float | None] = mapped_column(Float)
    repetition_hz: Mapped[float | None] = mapped_column(Float)
    interval_note: Mapped[str] = mapped_column(String(500), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    performed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_member.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)

    plan: Mapped[RemovalPlan] = relationship(back_populates="sessions")


class RemovalTarget(Base):
    """Pigment being removed, taken from the client's session records. The zone, shade and lot text are copied
    so the plan still says what was removed if the session record changes; session_zone_id points back to the
    record it came from, lot_id to the ink register's lot when the zone named one (no foreign key: the ink
    register's table is another area's, and a deleted lot must not take the plan's history with it)."""

    __tablename__ = "removal_target"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("removal_plan.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    session_zone_id: Mapped[int | None] = mapped_column(ForeignKey("session_zone.id", ondelete="SET NULL"))
    lot_id: Mapped[int | None] = mapped_column(Integer)
    zone: Mapped[ScalpZone | None] = mapped_column(stored_enum(ScalpZone))
    pigment_shade: Mapped[str] = mapped_column(String(200), default="")
    pigment_lot: Mapped[str] = mapped_column(String(100), default="")
    applied_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(String(500), default="")

    plan: Mapped[RemovalPlan] = relationship(back_populates="targets")


class RemovalPhoto(Base):
    """An assessment photo of a plan: one of the client's photos (the photo library keeps the file)."""

    __tablename__ = "removal_photo"
    __table_args__ = (UniqueConstraint("plan_id", "photo_id", name="uq_removal_photo_plan_id_photo_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("removal_plan.id", ondelete="CASCADE"))
    photo_id: Mapped[int] = mapped_column(ForeignKey("photo.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    caption: Mapped[str] = mapped_column(String(200), default="")

    plan: Mapped[RemovalPlan] = relationship(back_populates="photos")

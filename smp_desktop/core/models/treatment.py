"""Treatment sessions (also the studio's appointments) and what was done in each scalp zone."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from smp_desktop.core.domain import ScalpZone, SessionKind, SessionStatus
from smp_desktop.core.models.base import Base, UtcDateTime, stored_enum, utcnow


class TreatmentSession(Base):
    """One visit of a client: planned (the appointment), completed or cancelled.

    health_unchanged: the client's "no change in my health since the last visit" at this session; None until asked,
    False with health_changes saying what changed. spacing_note: why the session was booked sooner than the
    studio's minimum spacing after the previous one, when the artist went ahead anyway."""

    __tablename__ = "treatment_session"
    __table_args__ = (
        Index("ix_treatment_session_client_id_starts_at", "client_id", "starts_at"),
        Index("ix_treatment_session_starts_at", "starts_at"),  # the day's appointments
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"))
    kind: Mapped[SessionKind] = mapped_column(stored_enum(SessionKind))
    status: Mapped[SessionStatus] = mapped_column(stored_enum(SessionStatus), default=SessionStatus.PLANNED)
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=180)
    artist_id: Mapped[int | None] = mapped_column(ForeignKey("staff_member.id", ondelete="SET NULL"))
    numbing: Mapped[str] = mapped_column(String(200), default="")
    skin_reaction: Mapped[str] = mapped_column(String(200), default="")
    health_unchanged: Mapped[bool | None] = mapped_column(Boolean)
    health_changes: Mapped[str] = mapped_column(Text, default="")
    spacing_note: Mapped[str] = mapped_column(String(500), default="")
    cancel_reason: Mapped[str] = mapped_column(String(500), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_member.id", ondelete="SET NULL"))

    zones: Mapped[list[SessionZone]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="SessionZone.position"
    )


class SessionZone(Base):
    """What went into one zone at one session. The pigment is a plain shade and lot text until the ink register
    links lots (its migration fills the link from these fields). Dilution is parts distilled water to parts
    pigment, e.g. 3 : 1."""

    __tablename__ = "session_zone"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("treatment_session.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    zone: Mapped[ScalpZone] = mapped_column(stored_enum(ScalpZone))
    pigment_shade: Mapped[str] = mapped_column(String(200), default="")
    pigment_lot: Mapped[str] = mapped_column(String(100), default="")
    dilution_water_parts: Mapped[float | None] = mapped_column(Float)
    dilution_pigment_parts: Mapped[float | None] = mapped_column(Float)
    needle: Mapped[str] = mapped_column(String(100), default="")  # e.g. "1RL 0.25 mm"
    machine_voltage: Mapped[float | None] = mapped_column(Float)  # volts (rotary / coil machines)
    machine_stroke_mm: Mapped[float | None] = mapped_column(Float)  # stroke length (pen machines)
    machine_speed: Mapped[str] = mapped_column(String(50), default="")  # as the machine shows it: Hz, rpm or a level
    depth_notes: Mapped[str] = mapped_column(Text, default="")
    dot_density: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # The ink register's lot (pigment_shade and pigment_lot keep its product and number as text for history).
    # lot_override_reason: why an expired, recalled, used-up or label-incomplete lot was used anyway.
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("pigment_lot.id", ondelete="SET NULL"), index=True)
    lot_override_reason: Mapped[str] = mapped_column(String(500), default="")

    session: Mapped[TreatmentSession] = relationship(back_populates="zones")

"""Scalp photos (files in the content-addressed photo store) and versioned hairline designs drawn over them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from smp_desktop.core.domain import PhotoView
from smp_desktop.core.models.base import Base, UtcDateTime, stored_enum, utcnow


class Photo(Base):
    """One photo of a client's scalp.

    stored_name: the file under photos/ named by content_hash (SHA-256 of the stored, upright, metadata-free file),
    e.g. "ab/abcdef….jpg". source_hash: SHA-256 of the file as imported, so the same photo imported twice for a
    client is recognised. taken_at: when the photo was taken (from the photo when it says), else when imported."""

    __tablename__ = "photo"
    __table_args__ = (
        UniqueConstraint("client_id", "source_hash", name="uq_photo_client_id_source_hash"),
        Index("ix_photo_client_id_view_taken_at", "client_id", "view", "taken_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"))
    session_id: Mapped[int | None] = mapped_column(ForeignKey("treatment_session.id", ondelete="SET NULL"), index=True)
    view: Mapped[PhotoView] = mapped_column(stored_enum(PhotoView), default=PhotoView.OTHER)
    taken_at: Mapped[datetime] = mapped_column(UtcDateTime)
    taken_at_from_photo: Mapped[bool] = mapped_column(Boolean, default=False)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    source_hash: Mapped[str] = mapped_column(String(64))
    stored_name: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(50))  # of the stored file: image/jpeg or image/png
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    size_bytes: Mapped[int] = mapped_column(Integer)
    original_filename: Mapped[str] = mapped_column(String(255), default="")
    clinical_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    marketing_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_member.id", ondelete="SET NULL"))


class HairlineDesign(Base):
    """One version of a client's planned hairline for one view. A redesign adds a version; old ones stay.

    shapes: vector data in image-relative coordinates (0..1 of the base photo's width and height), never burned
    into pixels; its layout is core.hairline's (a "hairline" curve with temple points, and zones)."""

    __tablename__ = "hairline_design"
    __table_args__ = (UniqueConstraint("client_id", "view", "version", name="uq_hairline_design_client_view_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    view: Mapped[PhotoView] = mapped_column(stored_enum(PhotoView))
    version: Mapped[int] = mapped_column(Integer)
    base_photo_id: Mapped[int | None] = mapped_column(ForeignKey("photo.id", ondelete="SET NULL"))
    shapes: Mapped[dict[str, Any]] = mapped_column(JSON)
    note: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int | None] = mapped_column(ForeignKey("staff_member.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

"""The ink register: pigment products (shades), lots (bottles), recalls and the contacts made about them, and the
clients' mixes. Rules (expiry, label checklist, usability) are plain functions in core/ink.py."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from smp_desktop.core.domain import ScalpZone
from smp_desktop.core.ink import ContactChannel, ContactOutcome, LabelCheck, LotStatus, PigmentBase
from smp_desktop.core.models.base import Base, UtcDateTime, stored_enum, utcnow


class PigmentProduct(Base):
    """A product (shade) of a brand. swatch: "#rrggbb" for lists and pickers. months_after_opening: how long an
    opened bottle stays usable (None: until its use-by date). ingredients and warnings: the label's text, printed
    on the ink information sheet. suggested_dilutions: e.g. "hairline 4 : 1, crown 2 : 1"."""

    __tablename__ = "pigment_product"
    __table_args__ = (UniqueConstraint("brand", "name", name="uq_pigment_product_brand_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    brand: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(150))
    swatch: Mapped[str] = mapped_column(String(7), default="#000000")
    pigment_base: Mapped[PigmentBase] = mapped_column(stored_enum(PigmentBase), default=PigmentBase.CARBON_BLACK)
    months_after_opening: Mapped[int | None] = mapped_column(Integer)
    ingredients: Mapped[str] = mapped_column(Text, default="")
    warnings: Mapped[str] = mapped_column(Text, default="")
    suggested_dilutions: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)

    lots: Mapped[list[PigmentLot]] = relationship(back_populates="product")


class PigmentLot(Base):
    """One lot (batch) of a product as the studio bought it: a bottle or several of the same batch. The label
    columns are the EU checklist, each present, missing, not applicable (where relevant) or not yet checked."""

    __tablename__ = "pigment_lot"
    __table_args__ = (UniqueConstraint("product_id", "lot_number", name="uq_pigment_lot_product_id_lot_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("pigment_product.id", ondelete="RESTRICT"))
    lot_number: Mapped[str] = mapped_column(String(100), index=True)
    supplier: Mapped[str] = mapped_column(String(200), default="")
    purchased_on: Mapped[date | None] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)
    opened_on: Mapped[date | None] = mapped_column(Date)
    quantity: Mapped[int] = mapped_column(Integer, default=1)  # bottles
    bottle_ml: Mapped[float | None] = mapped_column(Float)
    status: Mapped[LotStatus] = mapped_column(stored_enum(LotStatus), default=LotStatus.IN_STOCK)
    label_mixture_statement: Mapped[LabelCheck] = mapped_column(stored_enum(LabelCheck), default=LabelCheck.UNCHECKED)
    label_batch_number: Mapped[LabelCheck] = mapped_column(stored_enum(LabelCheck), default=LabelCheck.UNCHECKED)
    label_ingredients: Mapped[LabelCheck] = mapped_column(stored_enum(LabelCheck), default=LabelCheck.UNCHECKED)
    label_ph_regulator: Mapped[LabelCheck] = mapped_column(stored_enum(LabelCheck), default=LabelCheck.UNCHECKED)
    label_nickel_chromium: Mapped[LabelCheck] = mapped_column(stored_enum(LabelCheck), default=LabelCheck.UNCHECKED)
    label_safety_instructions: Mapped[LabelCheck] = mapped_column(stored_enum(LabelCheck), default=LabelCheck.UNCHECKED)
    # The safety data sheet (PDF) and a photo of the label, kept as stored documents (documents/ store).
    sds_document_id: Mapped[int | None] = mapped_column(ForeignKey("stored_document.id", ondelete="SET NULL"))
    label_photo_document_id: Mapped[int | None] = mapped_column(ForeignKey("stored_document.id", ondelete="SET NULL"))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)

    product: Mapped[PigmentProduct] = relationship(back_populates="lots")
    recall: Mapped[LotRecall | None] = relationship(back_populates="lot", uselist=False)


class LotRecall(Base):
    """A lot's recall: when, why and who said so (the supplier, the authority's notice, the studio's own
    finding). One per lot."""

    __tablename__ = "lot_recall"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("pigment_lot.id", ondelete="CASCADE"), unique=True)
    recalled_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_member.id", ondelete="SET NULL"))

    lot: Mapped[PigmentLot] = relationship(back_populates="recall")


class RecallContact(Base):
    """One attempt to reach a client about a recall, and how it went."""

    __tablename__ = "recall_contact"
    __table_args__ = (Index("ix_recall_contact_recall_id_client_id", "recall_id", "client_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    recall_id: Mapped[int] = mapped_column(ForeignKey("lot_recall.id", ondelete="CASCADE"))
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    attempt: Mapped[int] = mapped_column(Integer)
    channel: Mapped[ContactChannel] = mapped_column(stored_enum(ContactChannel))
    outcome: Mapped[ContactOutcome] = mapped_column(stored_enum(ContactOutcome))
    note: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_member.id", ondelete="SET NULL"))


class ClientMix(Base):
    """The client's mix for one zone: the product, the dilution (parts distilled water to parts pigment) and
    notes, as last completed. A touch-up years later starts from it."""

    __tablename__ = "client_mix"
    __table_args__ = (UniqueConstraint("client_id", "zone", name="uq_client_mix_client_id_zone"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"))
    zone: Mapped[ScalpZone] = mapped_column(stored_enum(ScalpZone))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("pigment_product.id", ondelete="SET NULL"))
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("pigment_lot.id", ondelete="SET NULL"))
    pigment_shade: Mapped[str] = mapped_column(String(200), default="")
    dilution_water_parts: Mapped[float | None] = mapped_column(Float)
    dilution_pigment_parts: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str] = mapped_column(Text, default="")
    session_id: Mapped[int | None] = mapped_column(ForeignKey("treatment_session.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)

"""Clients and their SMP profile, with the search keys the client list is found by."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from smp_desktop.core.domain import (
    AlopeciaPattern,
    Greying,
    HairLengthWish,
    HairlineStyle,
    ReferralSource,
    ScalpCondition,
    ScarKind,
    TreatmentReason,
)
from smp_desktop.core.models.base import Base, EnumList, UtcDateTime, stored_enum, utcnow


class Client(Base):
    __tablename__ = "client"
    __table_args__ = (
        # The list's order and the "last name starts with" search tier.
        Index("ix_client_archived_sort_key", "archived", "sort_key"),
        # The "first name (then last name) starts with" search tier.
        Index("ix_client_archived_name_key", "archived", "name_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    preferred_name: Mapped[str] = mapped_column(String(100), default="")
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    address_line1: Mapped[str] = mapped_column(String(200), default="")
    address_line2: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    postcode: Mapped[str] = mapped_column(String(20), default="")
    country: Mapped[str] = mapped_column(String(2), default="")
    emergency_contact_name: Mapped[str] = mapped_column(String(200), default="")
    emergency_contact_phone: Mapped[str] = mapped_column(String(40), default="")
    emergency_contact_relation: Mapped[str] = mapped_column(String(100), default="")
    referral_source: Mapped[ReferralSource | None] = mapped_column(stored_enum(ReferralSource))
    referral_detail: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    # SMP profile
    reasons: Mapped[tuple[TreatmentReason, ...]] = mapped_column(EnumList(TreatmentReason), default=())
    norwood_stage: Mapped[str] = mapped_column(String(20), default="")
    alopecia_pattern: Mapped[AlopeciaPattern | None] = mapped_column(stored_enum(AlopeciaPattern))
    alopecia_temporary: Mapped[bool] = mapped_column(Boolean, default=False)
    hair_colour: Mapped[str] = mapped_column(String(100), default="")
    greying: Mapped[Greying | None] = mapped_column(stored_enum(Greying))
    fitzpatrick_type: Mapped[int | None] = mapped_column(SmallInteger)
    scalp_condition: Mapped[ScalpCondition | None] = mapped_column(stored_enum(ScalpCondition))
    scalp_condition_notes: Mapped[str] = mapped_column(Text, default="")
    hairline_style: Mapped[HairlineStyle | None] = mapped_column(stored_enum(HairlineStyle))
    hair_length_wish: Mapped[HairLengthWish | None] = mapped_column(stored_enum(HairLengthWish))
    # Years from the last session to the touch-up recall for this client; None follows the studio's setting.
    touch_up_years: Mapped[int | None] = mapped_column(SmallInteger)

    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    archived_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_member.id", ondelete="SET NULL"))

    # Search keys, derived from the fields above by smp_desktop.core.search (case- and accent-folded).
    sort_key: Mapped[str] = mapped_column(String(250), default="")  # "last first"
    name_key: Mapped[str] = mapped_column(String(250), default="")  # "first last"
    search_text: Mapped[str] = mapped_column(Text, default="")  # every searchable key, space-separated
    phone_key: Mapped[str] = mapped_column(String(40), default="", index=True)  # E.164 digits
    email_key: Mapped[str] = mapped_column(String(254), default="", index=True)  # lower-case address

    scars: Mapped[list[ClientScar]] = relationship(
        back_populates="client", cascade="all, delete-orphan", order_by="ClientScar.position"
    )


class ClientScar(Base):
    __tablename__ = "client_scar"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    location: Mapped[str] = mapped_column(String(200))
    kind: Mapped[ScarKind] = mapped_column(stored_enum(ScarKind))
    notes: Mapped[str] = mapped_column(Text, default="")

    client: Mapped[Client] = relationship(back_populates="scars")

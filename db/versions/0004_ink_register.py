"""the ink register: pigment products, lots, recalls and their contacts, client mixes; session zones linked to lots

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26

Session zones recorded before the register kept the pigment as plain shade and lot text. This migration turns
that text into products (one per shade) and lots (one per shade and lot number), links each zone to its lot, and
keeps the text columns as they were for history. The lots it makes are marked "opened" with their label checklist
unchecked and no dates, so the register shows them as needing their details (label incomplete) rather than
inventing facts nobody recorded.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

LABEL_CHECK = ("unchecked", "present", "missing", "not_applicable")
LABEL_COLUMNS = (
    "label_mixture_statement",
    "label_batch_number",
    "label_ingredients",
    "label_ph_regulator",
    "label_nickel_chromium",
    "label_safety_instructions",
)
ZONES = (
    "hairline",
    "frontal",
    "mid_scalp",
    "crown",
    "left_temple",
    "right_temple",
    "sides",
    "back",
    "scar",
)
FROM_SESSIONS_BRAND = "From session records"
FROM_SESSIONS_NOTE = (
    "Made from the shade and lot written in earlier session records when the ink register was added. "
    "Add the brand, supplier, dates and label checklist."
)


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, length=30)


def upgrade() -> None:
    op.create_table(
        "pigment_product",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("brand", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=150), nullable=False),
        sa.Column("swatch", sa.String(length=7), nullable=False),
        sa.Column("pigment_base", _enum("pigmentbase", "carbon_black", "iron_oxide", "other"), nullable=False),
        sa.Column("months_after_opening", sa.Integer(), nullable=True),
        sa.Column("ingredients", sa.Text(), nullable=False),
        sa.Column("warnings", sa.Text(), nullable=False),
        sa.Column("suggested_dilutions", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pigment_product")),
        sa.UniqueConstraint("brand", "name", name="uq_pigment_product_brand_name"),
    )
    op.create_table(
        "pigment_lot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("lot_number", sa.String(length=100), nullable=False),
        sa.Column("supplier", sa.String(length=200), nullable=False),
        sa.Column("purchased_on", sa.Date(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("opened_on", sa.Date(), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("bottle_ml", sa.Float(), nullable=True),
        sa.Column("status", _enum("lotstatus", "in_stock", "opened", "used_up", "expired", "recalled"), nullable=False),
        *(sa.Column(name, _enum("labelcheck", *LABEL_CHECK), nullable=False) for name in LABEL_COLUMNS),
        sa.Column("sds_document_id", sa.Integer(), nullable=True),
        sa.Column("label_photo_document_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["pigment_product.id"],
            name=op.f("fk_pigment_lot_product_id_pigment_product"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["sds_document_id"],
            ["stored_document.id"],
            name=op.f("fk_pigment_lot_sds_document_id_stored_document"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["label_photo_document_id"],
            ["stored_document.id"],
            name=op.f("fk_pigment_lot_label_photo_document_id_stored_document"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pigment_lot")),
        sa.UniqueConstraint("product_id", "lot_number", name="uq_pigment_lot_product_id_lot_number"),
    )
    with op.batch_alter_table("pigment_lot", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pigment_lot_lot_number"), ["lot_number"], unique=False)

    op.create_table(
        "lot_recall",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lot_id", sa.Integer(), nullable=False),
        sa.Column("recalled_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["staff_member.id"],
            name=op.f("fk_lot_recall_created_by_id_staff_member"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["lot_id"], ["pigment_lot.id"], name=op.f("fk_lot_recall_lot_id_pigment_lot"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lot_recall")),
        sa.UniqueConstraint("lot_id", name=op.f("uq_lot_recall_lot_id")),
    )
    op.create_table(
        "recall_contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recall_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("channel", _enum("contactchannel", "phone", "email", "sms", "letter", "in_person"), nullable=False),
        sa.Column(
            "outcome",
            _enum(
                "contactoutcome",
                "reached",
                "left_message",
                "no_answer",
                "letter_sent",
                "undeliverable",
                "client_reported_reaction",
            ),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["by_id"], ["staff_member.id"], name=op.f("fk_recall_contact_by_id_staff_member"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_recall_contact_client_id_client"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["recall_id"],
            ["lot_recall.id"],
            name=op.f("fk_recall_contact_recall_id_lot_recall"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recall_contact")),
    )
    with op.batch_alter_table("recall_contact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_recall_contact_client_id"), ["client_id"], unique=False)
        batch_op.create_index("ix_recall_contact_recall_id_client_id", ["recall_id", "client_id"], unique=False)

    op.create_table(
        "client_mix",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("zone", _enum("scalpzone", *ZONES), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("lot_id", sa.Integer(), nullable=True),
        sa.Column("pigment_shade", sa.String(length=200), nullable=False),
        sa.Column("dilution_water_parts", sa.Float(), nullable=True),
        sa.Column("dilution_pigment_parts", sa.Float(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_client_mix_client_id_client"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["lot_id"], ["pigment_lot.id"], name=op.f("fk_client_mix_lot_id_pigment_lot"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["pigment_product.id"],
            name=op.f("fk_client_mix_product_id_pigment_product"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["treatment_session.id"],
            name=op.f("fk_client_mix_session_id_treatment_session"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_mix")),
        sa.UniqueConstraint("client_id", "zone", name="uq_client_mix_client_id_zone"),
    )

    with op.batch_alter_table("session_zone", schema=None) as batch_op:
        batch_op.add_column(sa.Column("lot_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("lot_override_reason", sa.String(length=500), nullable=False, server_default=""))
        batch_op.create_index(batch_op.f("ix_session_zone_lot_id"), ["lot_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_session_zone_lot_id_pigment_lot"), "pigment_lot", ["lot_id"], ["id"], ondelete="SET NULL"
        )
    with op.batch_alter_table("session_zone", schema=None) as batch_op:
        batch_op.alter_column("lot_override_reason", server_default=None)

    _register_text_lots()


def _register_text_lots() -> None:
    """Products and lots from the shade and lot text of the zones recorded so far; each zone linked to its lot."""
    bind = op.get_bind()
    now = datetime.now(UTC).replace(tzinfo=None)
    zone = sa.table(
        "session_zone",
        sa.column("id", sa.Integer),
        sa.column("pigment_shade", sa.String),
        sa.column("pigment_lot", sa.String),
        sa.column("lot_id", sa.Integer),
    )
    product = sa.table(
        "pigment_product",
        *(sa.column(n) for n in ("id", "brand", "name", "swatch", "pigment_base", "ingredients", "warnings")),
        *(sa.column(n) for n in ("suggested_dilutions", "notes", "archived", "created_at", "updated_at")),
    )
    lot = sa.table(
        "pigment_lot",
        *(sa.column(n) for n in ("id", "product_id", "lot_number", "supplier", "quantity", "status", "notes")),
        *(sa.column(n) for n in (*LABEL_COLUMNS, "created_at", "updated_at")),
    )
    pairs = bind.execute(
        sa.select(zone.c.pigment_shade, zone.c.pigment_lot)
        .where(sa.func.trim(zone.c.pigment_lot) != "")
        .distinct()
        .order_by(zone.c.pigment_shade, zone.c.pigment_lot)
    ).all()
    products: dict[str, int] = {}
    lots: dict[tuple[str, str], int] = {}
    for shade_text, lot_text in pairs:
        shade = (shade_text or "").strip()[:150] or "Unnamed shade"
        number = lot_text.strip()[:100]
        if shade not in products:
            result = bind.execute(
                product.insert()
                .values(
                    brand=FROM_SESSIONS_BRAND,
                    name=shade,
                    swatch="#1a1a1a",
                    pigment_base="carbon_black" if "black" in shade.lower() else "other",
                    ingredients="",
                    warnings="",
                    suggested_dilutions="",
                    notes=FROM_SESSIONS_NOTE,
                    archived=False,
                    created_at=now,
                    updated_at=now,
                )
                .returning(product.c.id)
            )
            products[shade] = result.scalar_one()
        key = (shade, number)
        if key not in lots:
            result = bind.execute(
                lot.insert()
                .values(
                    product_id=products[shade],
                    lot_number=number,
                    supplier="",
                    quantity=1,
                    status="opened",
                    notes=FROM_SESSIONS_NOTE,
                    created_at=now,
                    updated_at=now,
                    **dict.fromkeys(LABEL_COLUMNS, "unchecked"),
                )
                .returning(lot.c.id)
            )
            lots[key] = result.scalar_one()
        bind.execute(
            zone.update()
            .where(zone.c.pigment_shade == shade_text, zone.c.pigment_lot == lot_text)
            .values(lot_id=lots[key])
        )


def downgrade() -> None:
    with op.batch_alter_table("session_zone", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_session_zone_lot_id_pigment_lot"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_session_zone_lot_id"))
        batch_op.drop_column("lot_override_reason")
        batch_op.drop_column("lot_id")
    op.drop_table("client_mix")
    with op.batch_alter_table("recall_contact", schema=None) as batch_op:
        batch_op.drop_index("ix_recall_contact_recall_id_client_id")
        batch_op.drop_index(batch_op.f("ix_recall_contact_client_id"))
    op.drop_table("recall_contact")
    op.drop_table("lot_recall")
    with op.batch_alter_table("pigment_lot", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pigment_lot_lot_number"))
    op.drop_table("pigment_lot")
    op.drop_table("pigment_product")

"""treatment sessions, photos and hairline designs

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

Treatment sessions (which are also the appointments) with their per-zone records, the photo library's rows (the
files live in the content-addressed store under photos/) and versioned hairline designs. The pigment of a zone is
plain shade and lot text here; the ink register's migration links it to lots.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.add_column(sa.Column("touch_up_years", sa.SmallInteger(), nullable=True))
    op.create_table(
        "treatment_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "consultation",
                "session_1",
                "session_2",
                "session_3",
                "session_4",
                "touch_up",
                "colour_correction",
                "removal",
                name="sessionkind",
                native_enum=False,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum("planned", "completed", "cancelled", name="sessionstatus", native_enum=False, length=30),
            nullable=False,
        ),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("artist_id", sa.Integer(), nullable=True),
        sa.Column("numbing", sa.String(length=200), nullable=False),
        sa.Column("skin_reaction", sa.String(length=200), nullable=False),
        sa.Column("health_unchanged", sa.Boolean(), nullable=True),
        sa.Column("health_changes", sa.Text(), nullable=False),
        sa.Column("spacing_note", sa.String(length=500), nullable=False),
        sa.Column("cancel_reason", sa.String(length=500), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["artist_id"],
            ["staff_member.id"],
            name=op.f("fk_treatment_session_artist_id_staff_member"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_treatment_session_client_id_client"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["staff_member.id"],
            name=op.f("fk_treatment_session_created_by_id_staff_member"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_treatment_session")),
    )
    with op.batch_alter_table("treatment_session", schema=None) as batch_op:
        batch_op.create_index("ix_treatment_session_client_id_starts_at", ["client_id", "starts_at"], unique=False)
        batch_op.create_index("ix_treatment_session_starts_at", ["starts_at"], unique=False)

    op.create_table(
        "photo",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column(
            "view",
            sa.Enum(
                "front_hairline",
                "left_temple",
                "right_temple",
                "top",
                "crown",
                "back",
                "scar",
                "other",
                name="photoview",
                native_enum=False,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("taken_at_from_photo", sa.Boolean(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("source_hash", sa.String(length=64), nullable=False),
        sa.Column("stored_name", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=50), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("original_filename", sa.String(length=255), nullable=False),
        sa.Column("clinical_consent", sa.Boolean(), nullable=False),
        sa.Column("marketing_consent", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_photo_client_id_client"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["staff_member.id"],
            name=op.f("fk_photo_created_by_id_staff_member"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["treatment_session.id"],
            name=op.f("fk_photo_session_id_treatment_session"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_photo")),
        sa.UniqueConstraint("client_id", "source_hash", name="uq_photo_client_id_source_hash"),
    )
    with op.batch_alter_table("photo", schema=None) as batch_op:
        batch_op.create_index("ix_photo_client_id_view_taken_at", ["client_id", "view", "taken_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_photo_content_hash"), ["content_hash"], unique=False)
        batch_op.create_index(batch_op.f("ix_photo_session_id"), ["session_id"], unique=False)

    op.create_table(
        "session_zone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "zone",
            sa.Enum(
                "hairline",
                "frontal",
                "mid_scalp",
                "crown",
                "left_temple",
                "right_temple",
                "sides",
                "back",
                "scar",
                name="scalpzone",
                native_enum=False,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("pigment_shade", sa.String(length=200), nullable=False),
        sa.Column("pigment_lot", sa.String(length=100), nullable=False),
        sa.Column("dilution_water_parts", sa.Float(), nullable=True),
        sa.Column("dilution_pigment_parts", sa.Float(), nullable=True),
        sa.Column("needle", sa.String(length=100), nullable=False),
        sa.Column("machine_voltage", sa.Float(), nullable=True),
        sa.Column("machine_stroke_mm", sa.Float(), nullable=True),
        sa.Column("machine_speed", sa.String(length=50), nullable=False),
        sa.Column("depth_notes", sa.Text(), nullable=False),
        sa.Column("dot_density", sa.String(length=100), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["treatment_session.id"],
            name=op.f("fk_session_zone_session_id_treatment_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_zone")),
    )
    with op.batch_alter_table("session_zone", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_session_zone_session_id"), ["session_id"], unique=False)

    op.create_table(
        "hairline_design",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column(
            "view",
            sa.Enum(
                "front_hairline",
                "left_temple",
                "right_temple",
                "top",
                "crown",
                "back",
                "scar",
                "other",
                name="photoview",
                native_enum=False,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("base_photo_id", sa.Integer(), nullable=True),
        sa.Column("shapes", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["staff_member.id"],
            name=op.f("fk_hairline_design_author_id_staff_member"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["base_photo_id"], ["photo.id"], name=op.f("fk_hairline_design_base_photo_id_photo"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_hairline_design_client_id_client"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hairline_design")),
        sa.UniqueConstraint("client_id", "view", "version", name="uq_hairline_design_client_view_version"),
    )
    with op.batch_alter_table("hairline_design", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hairline_design_client_id"), ["client_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("hairline_design", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hairline_design_client_id"))

    op.drop_table("hairline_design")
    with op.batch_alter_table("session_zone", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_session_zone_session_id"))

    op.drop_table("session_zone")
    with op.batch_alter_table("photo", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_photo_session_id"))
        batch_op.drop_index(batch_op.f("ix_photo_content_hash"))
        batch_op.drop_index("ix_photo_client_id_view_taken_at")

    op.drop_table("photo")
    with op.batch_alter_table("treatment_session", schema=None) as batch_op:
        batch_op.drop_index("ix_treatment_session_starts_at")
        batch_op.drop_index("ix_treatment_session_client_id_starts_at")

    op.drop_table("treatment_session")
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.drop_column("touch_up_years")

"""removal plans and their sessions

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26

A removal plan per client (reason, method, provider, Kirby-Desai inputs and score, test spot, risks, aftercare,
the earliest date for new SMP), its sessions with the laser's parameters, the pigment being removed (copied from
the session zones, with the zone and the ink register's lot id when known) and its assessment photos.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "removal_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column(
            "reason",
            sa.Enum("shape", "colour", "complete", name="removalreason", native_enum=False, length=30),
            nullable=False,
        ),
        sa.Column(
            "method",
            sa.Enum(
                "q_switched_laser", "picosecond_laser", "saline", name="removalmethod", native_enum=False, length=30
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "assessment",
                "in_progress",
                "completed",
                "cancelled",
                name="removalplanstatus",
                native_enum=False,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("device", sa.String(length=200), nullable=False),
        sa.Column("provider_name", sa.String(length=200), nullable=False),
        sa.Column("provider_contact", sa.String(length=300), nullable=False),
        sa.Column("fitzpatrick_type", sa.SmallInteger(), nullable=True),
        sa.Column(
            "kd_location",
            sa.Enum(
                "head_neck",
                "upper_trunk",
                "lower_trunk",
                "proximal_extremity",
                "distal_extremity",
                name="tattoolocation",
                native_enum=False,
                length=30,
            ),
            nullable=True,
        ),
        sa.Column(
            "kd_colours",
            sa.Enum(
                "black_only",
                "mostly_black_some_red",
                "black_red_and_others",
                "multiple_colours",
                name="inkcolours",
                native_enum=False,
                length=30,
            ),
            nullable=True,
        ),
        sa.Column(
            "kd_amount",
            sa.Enum("amateur", "minimal", "moderate", "significant", name="inkamount", native_enum=False, length=30),
            nullable=True,
        ),
        sa.Column(
            "kd_scarring",
            sa.Enum("none", "minimal", "moderate", "significant", name="scarring", native_enum=False, length=30),
            nullable=True,
        ),
        sa.Column(
            "kd_layering", sa.Enum("none", "layered", name="layering", native_enum=False, length=30), nullable=True
        ),
        sa.Column("kd_score", sa.SmallInteger(), nullable=True),
        sa.Column("test_spot_on", sa.Date(), nullable=True),
        sa.Column(
            "test_spot_outcome",
            sa.Enum(
                "pending",
                "good_response",
                "little_change",
                "adverse",
                name="testspotoutcome",
                native_enum=False,
                length=30,
            ),
            nullable=True,
        ),
        sa.Column("test_spot_notes", sa.Text(), nullable=False),
        sa.Column("risks", sa.Text(), nullable=False),
        sa.Column("aftercare", sa.String(length=100), nullable=False),
        sa.Column("earliest_new_smp_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_removal_plan_client_id_client"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["staff_member.id"],
            name=op.f("fk_removal_plan_created_by_id_staff_member"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["staff_member.id"],
            name=op.f("fk_removal_plan_updated_by_id_staff_member"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_removal_plan")),
    )
    with op.batch_alter_table("removal_plan", schema=None) as batch_op:
        batch_op.create_index("ix_removal_plan_client_id_created_at", ["client_id", "created_at"], unique=False)

    op.create_table(
        "removal_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("planned", "done", "cancelled", name="removalsessionstatus", native_enum=False, length=30),
            nullable=False,
        ),
        sa.Column("planned_on", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("wavelength_nm", sa.Integer(), nullable=True),
        sa.Column("fluence_j_cm2", sa.Float(), nullable=True),
        sa.Column("spot_size_mm", sa.Float(), nullable=True),
        sa.Column("repetition_hz", sa.Float(), nullable=True),
        sa.Column("interval_note", sa.String(length=500), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("performed_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["performed_by_id"],
            ["staff_member.id"],
            name=op.f("fk_removal_session_performed_by_id_staff_member"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["removal_plan.id"], name=op.f("fk_removal_session_plan_id_removal_plan"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_removal_session")),
    )
    with op.batch_alter_table("removal_session", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_removal_session_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "removal_photo",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("photo_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("caption", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["photo_id"], ["photo.id"], name=op.f("fk_removal_photo_photo_id_photo"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["removal_plan.id"], name=op.f("fk_removal_photo_plan_id_removal_plan"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_removal_photo")),
        sa.UniqueConstraint("plan_id", "photo_id", name="uq_removal_photo_plan_id_photo_id"),
    )
    with op.batch_alter_table("removal_photo", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_removal_photo_photo_id"), ["photo_id"], unique=False)

    op.create_table(
        "removal_target",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("session_zone_id", sa.Integer(), nullable=True),
        sa.Column("lot_id", sa.Integer(), nullable=True),
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
            nullable=True,
        ),
        sa.Column("pigment_shade", sa.String(length=200), nullable=False),
        sa.Column("pigment_lot", sa.String(length=100), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["removal_plan.id"], name=op.f("fk_removal_target_plan_id_removal_plan"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["session_zone_id"],
            ["session_zone.id"],
            name=op.f("fk_removal_target_session_zone_id_session_zone"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_removal_target")),
    )
    with op.batch_alter_table("removal_target", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_removal_target_plan_id"), ["plan_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("removal_target", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_removal_target_plan_id"))

    op.drop_table("removal_target")
    with op.batch_alter_table("removal_photo", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_removal_photo_photo_id"))

    op.drop_table("removal_photo")
    with op.batch_alter_table("removal_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_removal_session_plan_id"))

    op.drop_table("removal_session")
    with op.batch_alter_table("removal_plan", schema=None) as batch_op:
        batch_op.drop_index("ix_removal_plan_client_id_created_at")

    op.drop_table("removal_plan")

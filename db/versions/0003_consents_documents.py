"""consent templates and signed consents, health screening, stored documents

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26

Stored documents (any file kept on a client or a lot; the bytes live under documents/ named by their SHA-256),
versioned consent templates, the health questionnaire with its tiers, screenings and the doctor's letters that
clear them, signed consents, and the owner's overrides of the session completion gate. The default templates and
questionnaire (resources/consent/) are copied in as version 1: from then on they are the studio's own data.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

DEFAULT_TEMPLATES = ("smp_treatment", "photo_release", "patch_test", "data_protection")


def upgrade() -> None:
    op.create_table(
        "stored_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.Enum(name="documentkind", native_enum=False, length=30), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("original_filename", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("stored_name", sa.String(length=200), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("dated_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_stored_document_client_id_client"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["staff_member.id"],
            name=op.f("fk_stored_document_created_by_id_staff_member"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stored_document")),
    )
    with op.batch_alter_table("stored_document", schema=None) as batch_op:
        batch_op.create_index("ix_stored_document_client_id_kind", ["client_id", "kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_stored_document_content_hash"), ["content_hash"], unique=False)

    op.create_table(
        "consent_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Enum(name="consentkind", native_enum=False, length=30), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("sections", sa.JSON(), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("includes_questionnaire", sa.Boolean(), nullable=False),
        sa.Column("accepted", sa.Boolean(), nullable=False),
        sa.Column("change_note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["staff_member.id"],
            name=op.f("fk_consent_template_created_by_id_staff_member"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_template")),
        sa.UniqueConstraint("name", "version", name="uq_consent_template_name_version"),
    )

    op.create_table(
        "health_question",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=500), nullable=False),
        sa.Column("tier", sa.Enum(name="healthtier", native_enum=False, length=30), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_health_question")),
        sa.UniqueConstraint("key", name=op.f("uq_health_question_key")),
    )

    op.create_table(
        "health_screening",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("outcome", sa.Enum(name="screeningoutcome", native_enum=False, length=30), nullable=False),
        sa.Column("paper_document_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_health_screening_client_id_client"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["staff_member.id"],
            name=op.f("fk_health_screening_created_by_id_staff_member"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["paper_document_id"],
            ["stored_document.id"],
            name=op.f("fk_health_screening_paper_document_id_stored_document"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_health_screening")),
    )
    with op.batch_alter_table("health_screening", schema=None) as batch_op:
        batch_op.create_index("ix_health_screening_client_id_taken_at", ["client_id", "taken_at"], unique=False)

    op.create_table(
        "screening_letter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("screening_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("covers", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["staff_member.id"],
            name=op.f("fk_screening_letter_created_by_id_staff_member"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["stored_document.id"],
            name=op.f("fk_screening_letter_document_id_stored_document"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["screening_id"],
            ["health_screening.id"],
            name=op.f("fk_screening_letter_screening_id_health_screening"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screening_letter")),
    )
    with op.batch_alter_table("screening_letter", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_screening_letter_screening_id"), ["screening_id"], unique=False)

    op.create_table(
        "consent_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Enum(name="consentkind", native_enum=False, length=30), nullable=False),
        sa.Column("method", sa.Enum(name="signingmethod", native_enum=False, length=30), nullable=False),
        sa.Column("screening_id", sa.Integer(), nullable=True),
        sa.Column("choices", sa.JSON(), nullable=False),
        sa.Column("signer_name", sa.String(length=200), nullable=False),
        sa.Column("witness_id", sa.Integer(), nullable=True),
        sa.Column("witness_name", sa.String(length=200), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("document_sha256", sa.String(length=64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_consent_record_client_id_client"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["staff_member.id"],
            name=op.f("fk_consent_record_created_by_id_staff_member"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["stored_document.id"],
            name=op.f("fk_consent_record_document_id_stored_document"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["screening_id"],
            ["health_screening.id"],
            name=op.f("fk_consent_record_screening_id_health_screening"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["consent_template.id"],
            name=op.f("fk_consent_record_template_id_consent_template"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["witness_id"],
            ["staff_member.id"],
            name=op.f("fk_consent_record_witness_id_staff_member"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_record")),
    )
    with op.batch_alter_table("consent_record", schema=None) as batch_op:
        batch_op.create_index("ix_consent_record_client_id_signed_at", ["client_id", "signed_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_consent_record_template_id"), ["template_id"], unique=False)

    op.create_table(
        "session_gate_override",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("missing", sa.Text(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["treatment_session.id"],
            name=op.f("fk_session_gate_override_session_id_treatment_session"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff_member.id"],
            name=op.f("fk_session_gate_override_staff_id_staff_member"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("session_id", name=op.f("pk_session_gate_override")),
    )
    _seed_defaults()


def _seed_defaults() -> None:
    """The shipped templates and questionnaire become the studio's version 1 (read from resources/consent/)."""
    from smp_desktop.resources import resource_path

    now = datetime.now(UTC).replace(tzinfo=None)
    templates = sa.table(
        "consent_template",
        sa.column("name", sa.String),
        sa.column("version", sa.Integer),
        sa.column("kind", sa.String),
        sa.column("title", sa.String),
        sa.column("sections", sa.JSON),
        sa.column("items", sa.JSON),
        sa.column("includes_questionnaire", sa.Boolean),
        sa.column("accepted", sa.Boolean),
        sa.column("change_note", sa.Text),
        sa.column("created_at", sa.DateTime),
    )
    rows = []
    for name in DEFAULT_TEMPLATES:
        data = json.loads(resource_path(f"consent/{name}.json").read_text("utf-8"))
        rows.append(
            {
                "name": data["name"],
                "version": 1,
                "kind": data["kind"],
                "title": data["title"],
                "sections": data["sections"],
                "items": data["items"],
                "includes_questionnaire": bool(data.get("includes_questionnaire", False)),
                "accepted": True,
                "change_note": "The default wording shipped with SMP Desktop.",
                "created_at": now,
            }
        )
    op.bulk_insert(templates, rows)
    questions = sa.table(
        "health_question",
        sa.column("key", sa.String),
        sa.column("position", sa.Integer),
        sa.column("text", sa.String),
        sa.column("tier", sa.String),
        sa.column("active", sa.Boolean),
        sa.column("updated_at", sa.DateTime),
    )
    data = json.loads(resource_path("consent/questionnaire.json").read_text("utf-8"))
    op.bulk_insert(
        questions,
        [
            {"key": q["key"], "position": i, "text": q["text"], "tier": q["tier"], "active": True, "updated_at": now}
            for i, q in enumerate(data["questions"])
        ],
    )


def downgrade() -> None:
    op.drop_table("session_gate_override")
    with op.batch_alter_table("consent_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_record_template_id"))
        batch_op.drop_index("ix_consent_record_client_id_signed_at")
    op.drop_table("consent_record")
    with op.batch_alter_table("screening_letter", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_screening_letter_screening_id"))
    op.drop_table("screening_letter")
    with op.batch_alter_table("health_screening", schema=None) as batch_op:
        batch_op.drop_index("ix_health_screening_client_id_taken_at")
    op.drop_table("health_screening")
    op.drop_table("health_question")
    op.drop_table("consent_template")
    with op.batch_alter_table("stored_document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stored_document_content_hash"))
        batch_op.drop_index("ix_stored_document_client_id_kind")
    op.drop_table("stored_document")

"""initial schema: studio, staff, clients, audit

Revision ID: 0001
Revises:
Create Date: 2026-11-25

The client search index is dialect-specific (the one place for it): SQLite gets an FTS5 trigram table kept
in step by triggers; PostgreSQL gets pg_trgm GIN indexes when the extension can be installed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SQLITE_SEARCH_TABLES = ("client_words", "client_fts")


def upgrade() -> None:
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "staff_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column(
            "role",
            sa.Enum("owner", "artist", "reception", name="staffrole", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_member")),
    )
    op.create_table(
        "studio",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("website", sa.String(length=200), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_studio")),
    )
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=50), nullable=False),
        sa.Column("entity", sa.String(length=50), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff_member.id"],
            name=op.f("fk_audit_event_staff_id_staff_member"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index("ix_audit_event_entity", ["entity", "entity_id"], unique=False)

    op.create_table(
        "client",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("preferred_name", sa.String(length=100), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("address_line1", sa.String(length=200), nullable=False),
        sa.Column("address_line2", sa.String(length=200), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("postcode", sa.String(length=20), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("emergency_contact_name", sa.String(length=200), nullable=False),
        sa.Column("emergency_contact_phone", sa.String(length=40), nullable=False),
        sa.Column("emergency_contact_relation", sa.String(length=100), nullable=False),
        sa.Column(
            "referral_source",
            sa.Enum(
                "search",
                "social",
                "friend",
                "doctor",
                "clinic",
                "walk_in",
                "other",
                name="referralsource",
                native_enum=False,
                length=30,
            ),
            nullable=True,
        ),
        sa.Column("referral_detail", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("reasons", sa.String(length=200), nullable=False),
        sa.Column("norwood_stage", sa.String(length=20), nullable=False),
        sa.Column(
            "alopecia_pattern",
            sa.Enum(
                "areata",
                "totalis",
                "universalis",
                "diffuse",
                "traction",
                "frontal_fibrosing",
                "scarring",
                "other",
                name="alopeciapattern",
                native_enum=False,
                length=30,
            ),
            nullable=True,
        ),
        sa.Column("alopecia_temporary", sa.Boolean(), nullable=False),
        sa.Column("hair_colour", sa.String(length=100), nullable=False),
        sa.Column(
            "greying",
            sa.Enum("none", "some", "half", "mostly", "all", name="greying", native_enum=False, length=30),
            nullable=True,
        ),
        sa.Column("fitzpatrick_type", sa.SmallInteger(), nullable=True),
        sa.Column(
            "scalp_condition",
            sa.Enum(
                "normal",
                "dry",
                "oily",
                "sensitive",
                "thick",
                "thin",
                name="scalpcondition",
                native_enum=False,
                length=30,
            ),
            nullable=True,
        ),
        sa.Column("scalp_condition_notes", sa.Text(), nullable=False),
        sa.Column(
            "hairline_style",
            sa.Enum(
                "soft",
                "defined",
                "receded",
                "straight",
                "custom",
                name="hairlinestyle",
                native_enum=False,
                length=30,
            ),
            nullable=True,
        ),
        sa.Column(
            "hair_length_wish",
            sa.Enum("shaved", "buzz", "short", "keep_long", name="hairlengthwish", native_enum=False, length=30),
            nullable=True,
        ),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("sort_key", sa.String(length=250), nullable=False),
        sa.Column("name_key", sa.String(length=250), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("phone_key", sa.String(length=40), nullable=False),
        sa.Column("email_key", sa.String(length=254), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["staff_member.id"],
            name=op.f("fk_client_created_by_id_staff_member"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client")),
    )
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.create_index("ix_client_archived_name_key", ["archived", "name_key"], unique=False)
        batch_op.create_index("ix_client_archived_sort_key", ["archived", "sort_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_client_email_key"), ["email_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_client_phone_key"), ["phone_key"], unique=False)

    op.create_table(
        "client_scar",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "fut_strip",
                "fue_dots",
                "surgical",
                "injury",
                "burn",
                "other",
                name="scarkind",
                native_enum=False,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_client_scar_client_id_client"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_scar")),
    )
    with op.batch_alter_table("client_scar", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_client_scar_client_id"), ["client_id"], unique=False)

    _create_search_index()


def _create_search_index() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # --- SQLite dialect branch. Two FTS5 indexes over client.search_text, kept in step by triggers:
        # client_words (unicode61, prefix indexes): words that start with one or two typed characters;
        # client_fts (trigram): the typed text anywhere, from three characters.
        op.execute(
            "CREATE VIRTUAL TABLE client_words USING fts5(search_text, content='client', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 0', prefix='1 2')"
        )
        op.execute(
            "CREATE VIRTUAL TABLE client_fts USING fts5("
            "search_text, content='client', content_rowid='id', tokenize='trigram')"
        )
        for table in SQLITE_SEARCH_TABLES:
            op.execute(
                f"CREATE TRIGGER {table}_ai AFTER INSERT ON client BEGIN "
                f"INSERT INTO {table}(rowid, search_text) VALUES (new.id, new.search_text); END"
            )
            op.execute(
                f"CREATE TRIGGER {table}_ad AFTER DELETE ON client BEGIN "
                f"INSERT INTO {table}({table}, rowid, search_text) VALUES ('delete', old.id, old.search_text); END"
            )
            op.execute(
                f"CREATE TRIGGER {table}_au AFTER UPDATE OF search_text ON client BEGIN "
                f"INSERT INTO {table}({table}, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
                f"INSERT INTO {table}(rowid, search_text) VALUES (new.id, new.search_text); END"
            )
    elif bind.dialect.name == "postgresql":
        # --- PostgreSQL dialect branch: trigram GIN index for LIKE '%...%', pattern ops for prefix LIKE.
        available = bind.exec_driver_sql("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'").scalar()
        if available:
            with bind.begin_nested():
                op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            op.execute("CREATE INDEX ix_client_search_trgm ON client USING gin (search_text gin_trgm_ops)")
        op.execute("CREATE INDEX ix_client_sort_key_pattern ON client (archived, sort_key text_pattern_ops)")
        op.execute("CREATE INDEX ix_client_name_key_pattern ON client (archived, name_key text_pattern_ops)")


def _drop_search_index() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for table in SQLITE_SEARCH_TABLES:
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {table}")
    elif bind.dialect.name == "postgresql":
        for index in ("ix_client_search_trgm", "ix_client_sort_key_pattern", "ix_client_name_key_pattern"):
            op.execute(f"DROP INDEX IF EXISTS {index}")


def downgrade() -> None:
    _drop_search_index()
    with op.batch_alter_table("client_scar", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_client_scar_client_id"))

    op.drop_table("client_scar")
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_client_phone_key"))
        batch_op.drop_index(batch_op.f("ix_client_email_key"))
        batch_op.drop_index("ix_client_archived_sort_key")
        batch_op.drop_index("ix_client_archived_name_key")

    op.drop_table("client")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_event_entity")

    op.drop_table("audit_event")
    op.drop_table("studio")
    op.drop_table("staff_member")
    op.drop_table("setting")

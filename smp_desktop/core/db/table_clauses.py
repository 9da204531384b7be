"""The columns the client list, its search and the studio's identity read, as plain SQLAlchemy Core table clauses.

Statements over these run without the ORM: no model class is made and no mapper is configured for them. The app's
start-up reads only these (the studio row, its owner, the list's first page), so the client, studio and audit
models and SQLAlchemy's mapper configuration (~60 ms, issue #8's cold start) wait until something loads or saves a
record. The ORM models (core/models) stay the schema's definition: tests/test_table_clauses.py checks that every
column here has the model's name and type, so a result read through a clause is the value the model would hold.
The staff role's enum type, whose arguments decide how a role is stored, is written once, here, for both.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Date, Enum, Integer, String, Text, column, table

from smp_desktop.core.domain import StaffRole


def staff_role_type() -> Enum:
    """The staff_member.role column's type, here and in the model (core/models/studio.py)."""
    return Enum(StaffRole, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e])


CLIENT = table(
    "client",
    column("id", Integer),
    column("first_name", String(100)),
    column("last_name", String(100)),
    column("preferred_name", String(100)),
    column("date_of_birth", Date),
    column("phone", String(40)),
    column("email", String(254)),
    column("archived", Boolean),
    column("sort_key", String(250)),
    column("name_key", String(250)),
    column("search_text", Text),
    column("phone_key", String(40)),
    column("email_key", String(254)),
)

STUDIO = table(
    "studio",
    column("id", Integer),
    column("name", String(200)),
    column("address", Text),
    column("phone", String(50)),
    column("email", String(254)),
    column("website", String(200)),
    column("country", String(2)),
    column("is_demo", Boolean),
)

STAFF_MEMBER = table(
    "staff_member",
    column("id", Integer),
    column("display_name", String(200)),
    column("role", staff_role_type()),
    column("active", Boolean),
)

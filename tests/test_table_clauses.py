"""The Core table clauses start-up reads through (core/db/table_clauses.py) match the ORM models, the schema's
definition: a value read through a clause is the value the model holds, and a renamed or retyped column fails here
instead of in a user's client list."""

from __future__ import annotations

from typing import Any, cast

import pytest
from sqlalchemy import Enum, Table, TableClause, TypeDecorator
from sqlalchemy.types import TypeEngine

from smp_desktop.core.db.table_clauses import CLIENT, STAFF_MEMBER, STUDIO
from smp_desktop.core.models import Client, StaffMember, Studio
from smp_desktop.core.models.base import Base


def _shape(kind: TypeEngine[Any]) -> tuple[object, ...]:
    """What decides how a value is bound and read back."""
    if isinstance(kind, TypeDecorator):
        return (type(kind),)
    if isinstance(kind, Enum):
        return (Enum, kind.enum_class, kind.native_enum, kind.length, tuple(kind.enums))
    return (type(kind), getattr(kind, "length", None))


@pytest.mark.parametrize(("clause", "model"), [(CLIENT, Client), (STUDIO, Studio), (STAFF_MEMBER, StaffMember)])
def test_every_column_of_a_clause_is_the_models_column_with_its_type(clause: TableClause, model: type[Base]) -> None:
    table = cast(Table, model.__table__)
    assert clause.name == table.name
    for column in clause.columns:
        assert column.name in table.columns, f"{table.name}.{column.name} is not a column of {model.__name__}"
        assert _shape(column.type) == _shape(table.columns[column.name].type), f"{table.name}.{column.name}"


def test_a_retyped_column_would_be_caught() -> None:
    """The comparison sees the differences that matter (a string's length, an enum's values, the type itself)."""
    assert _shape(CLIENT.c.phone.type) != _shape(CLIENT.c.email.type)
    assert _shape(CLIENT.c.archived.type) != _shape(CLIENT.c.id.type)
    assert _shape(STAFF_MEMBER.c.role.type) != _shape(Enum("owner", "artist", native_enum=False, length=20))

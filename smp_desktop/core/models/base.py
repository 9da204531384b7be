"""Declarative base, naming convention (stable constraint names for Alembic) and shared column types."""

from __future__ import annotations

import importlib
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import DateTime, Enum, MetaData, String, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Stores UTC without a zone (portable across SQLite and PostgreSQL) and hands back aware datetimes."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class EnumList(TypeDecorator[tuple[Any, ...]]):
    """A short list of enum values kept as comma-separated text (e.g. several treatment reasons)."""

    impl = String(200)
    cache_ok = True

    def __init__(self, enum_type: type[StrEnum]) -> None:
        super().__init__()
        self.enum_type = enum_type

    def process_bind_param(self, value: tuple[Any, ...] | None, dialect: Dialect) -> str:
        return ",".join(self.enum_type(v).value for v in (value or ()))

    def process_result_value(self, value: str | None, dialect: Dialect) -> tuple[Any, ...]:
        return tuple(self.enum_type(v) for v in (value or "").split(",") if v)


def stored_enum(enum_type: type[StrEnum]) -> Enum:
    """An enum column stored as its value text with no CHECK constraint: adding a choice needs no table rebuild."""
    return Enum(
        enum_type,
        native_enum=False,
        create_constraint=False,
        length=30,
        values_callable=lambda e: [m.value for m in e],
    )


def utcnow() -> datetime:
    return datetime.now(UTC)


# Every table refers to staff_member (who did it), most to client, and a change is recorded in audit_event: these
# models load with the first model of any kind, so a flush can resolve every foreign key to them. The start-up's
# reads need no model at all (core/db/table_clauses.py).
SHARED_MODEL_MODULES = ("studio", "client", "audit")
_shared_loaded = False


def _load_shared_models() -> None:
    global _shared_loaded
    if _shared_loaded:
        return
    _shared_loaded = True
    for module in SHARED_MODEL_MODULES:
        importlib.import_module(f"smp_desktop.core.models.{module}")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        _load_shared_models()

"""Everything the database holds on one client, found by following the schema's foreign keys, as plain rows.

The walk starts at the client's row and takes, table by table (parents before children), every row that points at
a row already taken: the client's scars, sessions, their zones, photos, hairline designs, and whatever later
areas hang off a client (consents, stored documents, ink used, removal plans) without this module knowing them.
Rows those rows point at that are not a client's own (a pigment lot, a consent template, the staff member who
did a session) are kept apart as `referenced` context; of staff only the name and role are given. The audit
trail's events about any row taken complete the picture (GDPR: who did what to the record, and when)."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import Column, Table, and_, or_, select
from sqlalchemy.orm import Session

from smp_desktop.core.models import all_tables

CLIENT_TABLE = "client"
AUDIT_TABLE = "audit_event"
STAFF_TABLE = "staff_member"
# Staff members are other people: a subject export names who acted, nothing more about them.
STAFF_COLUMNS = ("id", "display_name", "role")
# Tables that never belong to one client: the studio's own settings and identity (the latter is the export's
# "controller" header), and the schema's version.
NOT_CLIENT_DATA = frozenset({"setting", "studio", "alembic_version", STAFF_TABLE, AUDIT_TABLE})
MAX_REFERENCE_DEPTH = 4
IN_CHUNK = 500


@dataclass(frozen=True, slots=True)
class TableRows:
    """One table's rows: its columns (name and SQL type, in table order) and each row's values in that order."""

    name: str
    columns: tuple[tuple[str, str], ...]
    rows: tuple[tuple[Any, ...], ...]

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.columns)

    def dicts(self) -> list[dict[str, Any]]:
        names = self.column_names
        return [dict(zip(names, row, strict=True)) for row in self.rows]


@dataclass(frozen=True, slots=True)
class SubjectData:
    client_id: int
    tables: tuple[TableRows, ...]  # the client's own rows, the client first, the audit trail last
    referenced: tuple[TableRows, ...]  # context the client's rows point at (lots, templates, staff names)

    def table(self, name: str) -> TableRows | None:
        return next((t for t in self.tables if t.name == name), None)


def client_tables(tables: Iterable[Table] | None = None) -> list[Table]:
    """The tables whose rows can belong to a client (a chain of foreign keys leads to the client table), parents
    before children."""
    ordered = list(tables) if tables is not None else list(all_tables().sorted_tables)
    owned = {CLIENT_TABLE}
    grew = True
    while grew:
        grew = False
        for table in ordered:
            if table.name in owned or table.name in NOT_CLIENT_DATA:
                continue
            if any(fk.column.table.name in owned for fk in table.foreign_keys):
                owned.add(table.name)
                grew = True
    return [t for t in ordered if t.name in owned]


def collect(session: Session, client_id: int) -> SubjectData:
    """The client's rows, their context and the audit events about them, read in the caller's transaction."""
    metadata_tables = list(all_tables().sorted_tables)
    by_name = {t.name: t for t in metadata_tables}
    taken: dict[str, list[tuple[Any, ...]]] = {}
    ids: dict[str, set[Any]] = {}
    for table in client_tables(metadata_tables):
        if table.name == CLIENT_TABLE:
            rows = _select(session, table, table.c.id == client_id)
        else:
            rows = _rows_pointing_at(session, table, ids)
        if rows:
            taken[table.name] = rows
            ids[table.name] = {_key(table, row) for row in rows}
    audit = by_name[AUDIT_TABLE]
    taken[AUDIT_TABLE] = _audit_rows(session, audit, ids, client_id)
    own = tuple(_table_rows(by_name[name], rows) for name, rows in taken.items())
    referenced = _referenced(session, by_name, own)
    return SubjectData(client_id, own, referenced)


def _select(session: Session, table: Table, *where: Any) -> list[tuple[Any, ...]]:
    statement = select(*table.columns).where(*where).order_by(*table.primary_key.columns)
    return [tuple(row) for row in session.execute(statement)]


def _key(table: Table, row: tuple[Any, ...]) -> Any:
    primary = list(table.primary_key.columns)
    if len(primary) != 1:
        return None
    return row[list(table.columns).index(primary[0])]


def _rows_pointing_at(session: Session, table: Table, ids: Mapping[str, set[Any]]) -> list[tuple[Any, ...]]:
    """Rows of table with a foreign key to a row already taken (several keys: any of them)."""
    found: dict[Any, tuple[Any, ...]] = {}
    for fk in table.foreign_keys:
        parent = fk.column.table.name
        if parent == table.name or not ids.get(parent):
            continue
        values = sorted(ids[parent], key=str)
        for start in range(0, len(values), IN_CHUNK):
            for row in _select(session, table, fk.parent.in_(values[start : start + IN_CHUNK])):
                found[_key(table, row) if _key(table, row) is not None else row] = row
    return [found[k] for k in sorted(found, key=_sort_key)]


def _sort_key(value: Any) -> tuple[int, Any]:
    return (0, value) if isinstance(value, int) else (1, str(value))


def _audit_rows(session: Session, audit: Table, ids: Mapping[str, set[Any]], client_id: int) -> list[tuple[Any, ...]]:
    """Events naming any row taken (their entity is the row's table), and deletions of the client's photos (whose
    rows are gone; the event's detail names the client)."""
    conditions = []
    for name, values in ids.items():
        numeric = sorted(v for v in values if isinstance(v, int))
        for start in range(0, len(numeric), IN_CHUNK):
            conditions.append(and_(audit.c.entity == name, audit.c.entity_id.in_(numeric[start : start + IN_CHUNK])))
    conditions.append(
        and_(audit.c.entity == "photo", audit.c.action == "delete", audit.c.detail == f"client {client_id}")
    )
    return _select(session, audit, or_(*conditions))


def _table_rows(table: Table, rows: list[tuple[Any, ...]], only: tuple[str, ...] | None = None) -> TableRows:
    columns: list[Column[Any]] = list(table.columns)
    if only is not None:
        keep = [i for i, c in enumerate(columns) if c.name in only]
        columns = [columns[i] for i in keep]
        rows = [tuple(row[i] for i in keep) for row in rows]
    return TableRows(table.name, tuple((c.name, _type_name(c)) for c in columns), tuple(rows))


def _type_name(column: Column[Any]) -> str:
    try:
        return str(column.type.compile())
    except Exception:  # a type that only compiles for one dialect
        return type(column.type).__name__


def _referenced(session: Session, by_name: Mapping[str, Table], own: tuple[TableRows, ...]) -> tuple[TableRows, ...]:
    """Rows outside the client's own that own rows point at, followed up to MAX_REFERENCE_DEPTH links. Never
    another client's row: the client table and any table with a client_id are not followed."""
    own_ids = {t.name: {_key(by_name[t.name], row) for row in t.rows} for t in own}
    wanted: dict[str, set[Any]] = {}
    frontier: list[tuple[Table, Sequence[tuple[Any, ...]]]] = [(by_name[t.name], t.rows) for t in own]
    got: dict[str, list[tuple[Any, ...]]] = {}
    for _ in range(MAX_REFERENCE_DEPTH):
        asked: dict[str, set[Any]] = {}
        for table, rows in frontier:
            columns = list(table.columns)
            for fk in table.foreign_keys:
                target = fk.column.table
                if not _may_follow(target):
                    continue
                index = columns.index(fk.parent)
                for row in rows:
                    value = row[index]
                    if value is None or value in own_ids.get(target.name, ()) or value in wanted.get(target.name, ()):
                        continue
                    asked.setdefault(target.name, set()).add(value)
        if not asked:
            break
        frontier = []
        for name, values in asked.items():
            table = by_name[name]
            key_column = next(iter(table.primary_key.columns))
            ordered = sorted(values, key=_sort_key)
            fetched: list[tuple[Any, ...]] = []
            for start in range(0, len(ordered), IN_CHUNK):
                fetched += _select(session, table, key_column.in_(ordered[start : start + IN_CHUNK]))
            wanted.setdefault(name, set()).update(values)
            got.setdefault(name, []).extend(fetched)
            frontier.append((table, fetched))
    result = []
    for name in sorted(got):
        table = by_name[name]
        ordered_rows = sorted(got[name], key=lambda row, t=table: _sort_key(_key(t, row)))  # type: ignore[misc]
        result.append(_table_rows(table, ordered_rows, STAFF_COLUMNS if name == STAFF_TABLE else None))
    return tuple(result)


def _may_follow(table: Table) -> bool:
    if table.name == STAFF_TABLE:
        return True
    if table.name in NOT_CLIENT_DATA or table.name == CLIENT_TABLE or "client_id" in table.c:
        return False
    return len(table.primary_key.columns) == 1


# --- values as JSON and CSV ------------------------------------------------------------------------------------


def json_value(value: Any) -> Any:
    """A column's value as JSON: times in ISO 8601 with their UTC offset, dates ISO, enums their stored text,
    bytes base64, JSON columns as they are."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, tuple | list):
        return [json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    return str(value)


def csv_value(value: Any) -> str:
    """A column's value as a CSV cell: "" for none, true/false, lists and JSON as JSON text."""
    encoded = json_value(value)
    if encoded is None:
        return ""
    if isinstance(encoded, bool):
        return "true" if encoded else "false"
    if isinstance(encoded, list | dict):
        return json.dumps(encoded, ensure_ascii=False, sort_keys=True)
    return str(encoded)

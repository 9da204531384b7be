"""Finding clients as the user types: ranked tiers of index-backed queries, never a full load of the table.

Ranking: last name starts with the query, then first name (or "first last") starts with it, then the query
appears anywhere in a name, the e-mail or the phone digits. Each tier is one indexed query; the next tier runs
only when the earlier ones have not filled the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Integer, Select, func, select, text
from sqlalchemy.orm import Session

from smp_desktop.core import search
from smp_desktop.core.models import Client
from smp_desktop.core.services.client_data import ClientSummary

SUMMARY_COLUMNS = (
    Client.id,
    Client.first_name,
    Client.last_name,
    Client.preferred_name,
    Client.date_of_birth,
    Client.phone,
    Client.email,
    Client.archived,
)


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    rows: tuple[ClientSummary, ...]
    more: bool  # more matches exist than were returned: the user should keep typing


def summary_select() -> Select[tuple[object, ...]]:
    return select(*SUMMARY_COLUMNS)


def to_summary(row: object) -> ClientSummary:
    return ClientSummary(*row)  # type: ignore[misc]  # row columns are SUMMARY_COLUMNS, in order


def search_clients(session: Session, query: str, *, limit: int, include_archived: bool) -> SearchResult:
    key = search.query_key(query)
    if not key:
        return SearchResult(query, (), False)
    wanted = limit + 1
    found: dict[int, ClientSummary] = {}

    def take(statement: Select[tuple[object, ...]]) -> None:
        if not include_archived:
            statement = statement.where(Client.archived.is_(False))
        for row in session.execute(statement.limit(wanted + len(found))):
            summary = to_summary(row)
            if summary.id not in found and len(found) < wanted:
                found[summary.id] = summary

    if not search.looks_like_phone(query):
        pattern = search.like_prefix(key)
        take(summary_select().where(Client.sort_key.like(pattern, escape="\\")).order_by(Client.sort_key, Client.id))
        if len(found) < wanted:
            take(
                summary_select().where(Client.name_key.like(pattern, escape="\\")).order_by(Client.name_key, Client.id)
            )
    if len(found) < wanted:
        take(summary_select().where(_contains(session, key)).order_by(Client.sort_key, Client.id))
    rows = tuple(found.values())
    return SearchResult(query, rows[:limit], len(rows) > limit)


def _contains(session: Session, key: str) -> ColumnElement[bool]:
    """search_text contains key. The one dialect branch of the search."""
    if session.get_bind().dialect.name == "sqlite":
        if len(key) >= 3:
            # --- SQLite: the FTS5 trigram index answers substring queries of three or more characters.
            matches = (
                text("SELECT rowid FROM client_fts WHERE client_fts MATCH :phrase")
                .bindparams(phrase=search.fts5_phrase(key))
                .columns(rowid=Integer)
            )
            return Client.id.in_(matches)
        return func.instr(Client.search_text, key) > 0
    # --- Other databases (PostgreSQL uses its pg_trgm index for this).
    return Client.search_text.contains(key, autoescape=True)

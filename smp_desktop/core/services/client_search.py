"""Finding clients as the user types: ranked tiers of index-backed queries, never a full load of the table.

Ranking, best first:
  1. the last name starts with the query ("last first" typed in that order too),
  2. the first name starts with it ("first last"),
  3. a word anywhere (second surname, e-mail part, phone digits) starts with it,
  4. the query appears anywhere inside (three characters or more).
Tiers 1–2 come in name order straight from an index. Tiers 3–4 take the first matches the index yields and are
put in name order on the page; they run only while the page is not full, so the common case is one indexed query.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, select, text
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
_SORT_KEY_COLUMN = len(SUMMARY_COLUMNS)


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    rows: tuple[ClientSummary, ...]
    more: bool  # more matches exist than were returned: the user should keep typing


def summary_select() -> Select[tuple[object, ...]]:
    return select(*SUMMARY_COLUMNS)


def to_summary(row: object) -> ClientSummary:
    return ClientSummary(*row)  # type: ignore[misc]  # row columns are SUMMARY_COLUMNS, in order


class _Page:
    """The result page being filled tier by tier, without repeats."""

    def __init__(self, wanted: int) -> None:
        self.wanted = wanted
        self.rows: dict[int, ClientSummary] = {}

    @property
    def full(self) -> bool:
        return len(self.rows) >= self.wanted

    @property
    def room(self) -> int:
        return self.wanted - len(self.rows)

    def add(self, rows: list[tuple[ClientSummary, str]], *, sort: bool) -> None:
        if sort:  # a tier whose matches came in index order, not name order
            rows = sorted(rows, key=lambda pair: (pair[1], pair[0].id))
        for summary, _ in rows:
            if summary.id not in self.rows and not self.full:
                self.rows[summary.id] = summary


def search_clients(session: Session, query: str, *, limit: int, include_archived: bool) -> SearchResult:
    key = search.query_key(query)
    if not key:
        return SearchResult(query, (), False)
    page = _Page(limit + 1)  # one more than shown tells whether there are more

    def fetch(statement: Select[tuple[object, ...]], count: int) -> list[tuple[ClientSummary, str]]:
        statement = statement.add_columns(Client.sort_key)
        if not include_archived:
            statement = statement.where(Client.archived.is_(False))
        return [
            (to_summary(row[:_SORT_KEY_COLUMN]), row[_SORT_KEY_COLUMN])
            for row in session.execute(statement.limit(count))
        ]

    if not search.looks_like_phone(query):
        pattern = search.like_prefix(key)
        for column in (Client.sort_key, Client.name_key):
            if page.full:
                break
            statement = summary_select().where(column.like(pattern, escape="\\")).order_by(column, Client.id)
            page.add(fetch(statement, page.wanted + len(page.rows)), sort=False)
    for tier in (_word_prefix_ids, _substring_ids):
        if page.full:
            break
        ids = tier(session, key, page.room + len(page.rows) + 50)  # spare rows for repeats and archived clients
        if ids is None:
            continue
        if ids:
            page.add(fetch(summary_select().where(Client.id.in_(ids)), len(ids)), sort=True)
    rows = tuple(page.rows.values())
    return SearchResult(query, rows[:limit], len(rows) > limit)


# --- The dialect branch of the search: how tiers 3 and 4 find candidate ids. ---------------------------------


def _word_prefix_ids(session: Session, key: str, count: int) -> list[int] | None:
    if session.get_bind().dialect.name != "sqlite":
        return None  # tier 4's LIKE covers word starts too on other databases
    if not any(ch.isalnum() for ch in key):
        return []  # nothing the word index could match
    # --- SQLite: FTS5 unicode61 index with prefix indexes; the last word typed may be incomplete.
    rows = session.execute(
        text("SELECT rowid FROM client_words WHERE client_words MATCH :q LIMIT :n"),
        {"q": search.fts5_phrase(key) + "*", "n": count},
    )
    return [row[0] for row in rows]


def _substring_ids(session: Session, key: str, count: int) -> list[int]:
    if session.get_bind().dialect.name == "sqlite":
        if len(key) < 3:
            return []  # the trigram index needs three characters; tiers 1–3 answered shorter queries
        # --- SQLite: FTS5 trigram index answers "contains" without reading the client table.
        rows = session.execute(
            text("SELECT rowid FROM client_fts WHERE client_fts MATCH :q LIMIT :n"),
            {"q": search.fts5_phrase(key), "n": count},
        )
        return [row[0] for row in rows]
    # --- Other databases (PostgreSQL answers this from its pg_trgm index).
    statement = select(Client.id).where(Client.search_text.contains(key, autoescape=True)).limit(count)
    return list(session.scalars(statement))

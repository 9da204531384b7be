"""Finding clients as the user types: ranked tiers of index-backed queries, never a full load of the table.

Ranking, best first:
  0. (phone-like queries) the number, in international form, starts with what was typed ("07700" is read in the
     studio's country),
  1. the last name starts with the query ("last first" typed in that order too),
  2. the first name starts with it ("first last"),
  3. one or two characters: a word anywhere (second surname, e-mail part, phone digits) starts with them;
     three or more: they appear anywhere, names with a word starting with them first.
Tiers 1–2 come in name order straight from an index. Tier 3 takes the first matches its index yields (it stops
early, never reading every match) and puts them in order on the page; it runs only while the page is not full,
so the common case is one indexed query.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Executable, Select, bindparam, select, text
from sqlalchemy.orm import Session

from smp_desktop.core import search
from smp_desktop.core.db.table_clauses import CLIENT
from smp_desktop.core.services.client_data import ClientSummary

SUMMARY_COLUMNS = (
    CLIENT.c.id,
    CLIENT.c.first_name,
    CLIENT.c.last_name,
    CLIENT.c.preferred_name,
    CLIENT.c.date_of_birth,
    CLIENT.c.phone,
    CLIENT.c.email,
    CLIENT.c.archived,
)
_SORT_KEY_COLUMN = len(SUMMARY_COLUMNS)
_WORD_PREFIX = text("SELECT rowid FROM client_words WHERE client_words MATCH :q LIMIT :n")
_TRIGRAM = text("SELECT rowid FROM client_fts WHERE client_fts MATCH :q LIMIT :n")


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    rows: tuple[ClientSummary, ...]
    more: bool  # more matches exist than were returned: the user should keep typing


def summary_select() -> Select[*tuple[Any, ...]]:
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

    def add(self, rows: list[tuple[ClientSummary, str]], *, sort: bool, word: str = "") -> None:
        if sort:  # a tier whose matches came in index order: names with a word starting with `word` first
            rows = sorted(rows, key=lambda pair: (f" {word}" not in f" {pair[1]}", pair[1], pair[0].id))
        for summary, _ in rows:
            if summary.id not in self.rows and not self.full:
                self.rows[summary.id] = summary


# Statements are built once: a search runs on every keystroke, and building and keying a statement each time
# cost more than running it. Each returns the summary columns plus the sort key.
_COLUMNS = (*SUMMARY_COLUMNS, CLIENT.c.sort_key)


def _name_prefix_statement(column: Any, *, include_archived: bool) -> Select[*tuple[Any, ...]]:
    statement = select(*_COLUMNS).where(column.like(bindparam("pattern"), escape="\\"))
    if not include_archived:
        statement = statement.where(CLIENT.c.archived.is_(False))
    return statement.order_by(column, CLIENT.c.id).limit(bindparam("count"))


_NAME_PREFIX = {
    include: (
        _name_prefix_statement(CLIENT.c.sort_key, include_archived=include),
        _name_prefix_statement(CLIENT.c.name_key, include_archived=include),
    )
    for include in (False, True)
}
# The two below filter archived clients in Python: a condition on `archived` lures SQLite off the key it
# should look up by.
_PHONE_PREFIX = (
    select(*_COLUMNS)
    .where(CLIENT.c.phone_key.like(bindparam("pattern"), escape="\\"))
    .order_by(CLIENT.c.phone_key)
    .limit(bindparam("count"))
)
_BY_IDS = select(*_COLUMNS).where(CLIENT.c.id.in_(bindparam("ids", expanding=True)))


def search_clients(
    session: Session,
    query: str,
    *,
    limit: int,
    include_archived: bool,
    region: Callable[[], str | None] = lambda: None,
) -> SearchResult:
    """region gives the studio's country, asked only when a phone number is typed in national form."""
    key = search.query_key(query)
    if not key:
        return SearchResult(query, (), False)
    page = _Page(limit + 1)  # one more than shown tells whether there are more
    connection = session.connection()  # Core rows: no ORM machinery on the keystroke path

    def fetch(statement: Executable, **params: Any) -> list[tuple[ClientSummary, str]]:
        rows = [
            (ClientSummary(*row[:_SORT_KEY_COLUMN]), row[_SORT_KEY_COLUMN])
            for row in connection.execute(statement, params)
        ]
        if not include_archived:
            rows = [pair for pair in rows if not pair[0].archived]
        return rows

    if search.looks_like_phone(query):
        prefix = search.phone_prefix(query, region() if query.lstrip().startswith("0") else None)
        if prefix:  # the number as stored internationally starts with what was typed
            page.add(fetch(_PHONE_PREFIX, pattern=search.like_prefix(prefix), count=page.wanted + 50), sort=True)
    else:
        pattern = search.like_prefix(key)
        for statement in _NAME_PREFIX[include_archived]:
            if page.full:
                break
            page.add(fetch(statement, pattern=pattern, count=page.wanted + len(page.rows)), sort=False)
    if not page.full:
        tier = _word_prefix_ids if len(key) < 3 else _substring_ids
        ids = tier(session, key, page.room + len(page.rows) + 10)  # spare rows for repeats and archived clients
        if ids:
            page.add(fetch(_BY_IDS, ids=ids), sort=True, word=key)
    rows = tuple(page.rows.values())
    return SearchResult(query, rows[:limit], len(rows) > limit)


# --- The dialect branch of the search: how tier 3 finds candidate ids. ---------------------------------


def _word_prefix_ids(session: Session, key: str, count: int) -> list[int]:
    """Clients with a word starting with key (one or two characters)."""
    if session.get_bind().dialect.name != "sqlite":
        return _like_ids(session, key, count)
    if not any(ch.isalnum() for ch in key):
        return []  # nothing the word index could match
    # --- SQLite: FTS5 unicode61 index; its prefix indexes make one- and two-character prefixes one lookup.
    rows = session.connection().execute(_WORD_PREFIX, {"q": search.fts5_phrase(key) + "*", "n": count})
    return [row[0] for row in rows]


def _substring_ids(session: Session, key: str, count: int) -> list[int]:
    """Clients whose names, e-mail or phone digits contain key (three characters or more)."""
    if session.get_bind().dialect.name != "sqlite":
        return _like_ids(session, key, count)
    # --- SQLite: FTS5 trigram index answers "contains" without reading the client table.
    rows = session.connection().execute(_TRIGRAM, {"q": search.fts5_phrase(key), "n": count})
    return [row[0] for row in rows]


def _like_ids(session: Session, key: str, count: int) -> list[int]:
    # --- Other databases (PostgreSQL answers this from its pg_trgm index).
    statement = select(CLIENT.c.id).where(CLIENT.c.search_text.contains(key, autoescape=True)).limit(count)
    return list(session.scalars(statement))

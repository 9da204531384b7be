"""Client records: create, change, archive and find clients, with validation, duplicate warnings and audit."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import ColumnElement, func, insert, or_, select, tuple_
from sqlalchemy.orm import Session, selectinload, sessionmaker

from smp_desktop.core import models, search
from smp_desktop.core.db.table_clauses import CLIENT, STUDIO
from smp_desktop.core.models.base import utcnow
from smp_desktop.core.services import audit
from smp_desktop.core.services.access import Actor, Permission, require
from smp_desktop.core.services.client_data import (
    CLINICAL_FIELDS,
    ClientDraft,
    ClientRecord,
    ClientSummary,
    ScarEntry,
    without_clinical,
)
from smp_desktop.core.services.client_search import SearchResult, search_clients, summary_select, to_summary
from smp_desktop.core.services.client_validation import CheckedClient, check_client, suitability_concerns
from smp_desktop.core.services.errors import NotFound, ValidationFailed

if TYPE_CHECKING:
    from smp_desktop.core.models import Client

T = TypeVar("T")

DRAFT_COLUMNS = tuple(name for name in ClientDraft.__dataclass_fields__ if name != "scars")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class PossibleDuplicate(Exception):
    """A client with the same name and birth date, phone or e-mail exists; nothing was saved."""

    def __init__(self, matches: tuple[ClientSummary, ...]) -> None:
        names = ", ".join(f"{m.display_name} (#{m.id})" for m in matches[:3])
        super().__init__(f"This client may already exist: {names}. Open the existing record or save anyway.")
        self.matches = matches


class ClientService:
    def __init__(self, sessions: sessionmaker[Session], today: Callable[[], date] = date.today) -> None:
        self._sessions = sessions
        self._today = today

    # --- reading -------------------------------------------------------------------------------------------
    def get(self, actor: Actor, client_id: int) -> ClientRecord:
        require(actor, Permission.VIEW_CLIENTS)
        with self._sessions() as session:
            client = session.get(models.Client, client_id, options=[selectinload(models.Client.scars)])
            if client is None:
                raise NotFound(f"Client #{client_id} does not exist (it may have been erased).")
            return self._record(client, actor)

    def iter_records(self, actor: Actor, *, include_archived: bool = True, batch: int = 500) -> Iterator[ClientRecord]:
        """Every client in id order, loaded a batch at a time (exports)."""
        require(actor, Permission.VIEW_CLIENTS)
        last_id = 0
        while True:
            with self._sessions() as session:
                statement = (
                    select(models.Client)
                    .options(selectinload(models.Client.scars))
                    .where(models.Client.id > last_id)
                    .order_by(models.Client.id)
                )
                if not include_archived:
                    statement = statement.where(models.Client.archived.is_(False))
                clients = session.scalars(statement.limit(batch)).all()
                records = [self._record(client, actor) for client in clients]
            yield from records
            if len(clients) < batch:
                return
            last_id = clients[-1].id

    def count(self, actor: Actor, *, include_archived: bool = False) -> int:
        require(actor, Permission.VIEW_CLIENTS)
        with self._sessions() as session:
            statement = select(func.count()).select_from(CLIENT)
            if not include_archived:
                statement = statement.where(CLIENT.c.archived.is_(False))
            return session.scalar(statement) or 0

    def list_page(
        self,
        actor: Actor,
        *,
        after: tuple[str, int] | None = None,
        limit: int = 200,
        include_archived: bool = False,
    ) -> tuple[list[ClientSummary], tuple[str, int] | None]:
        """One page of the list in name order (keyset paging), and the cursor for the next page."""
        require(actor, Permission.VIEW_CLIENTS)
        statement = (
            summary_select().add_columns(CLIENT.c.sort_key).order_by(CLIENT.c.sort_key, CLIENT.c.id).limit(limit)
        )
        if not include_archived:
            statement = statement.where(CLIENT.c.archived.is_(False))
        if after is not None:
            statement = statement.where(tuple_(CLIENT.c.sort_key, CLIENT.c.id) > tuple_(*after))
        with self._sessions() as session:
            rows = session.execute(statement).all()
        page = [to_summary(row[:-1]) for row in rows]
        cursor = (rows[-1][-1], rows[-1][0]) if len(rows) == limit else None
        return page, cursor

    def search(self, actor: Actor, query: str, *, limit: int = 100, include_archived: bool = False) -> SearchResult:
        require(actor, Permission.VIEW_CLIENTS)
        with self._sessions() as session:
            return search_clients(
                session, query, limit=limit, include_archived=include_archived, region=lambda: self._region(session)
            )

    def possible_duplicates(
        self, actor: Actor, draft: ClientDraft, *, exclude_id: int | None = None
    ) -> tuple[ClientSummary, ...]:
        """Clients that are probably this person: same name and birth date, or same phone, or same e-mail."""
        require(actor, Permission.VIEW_CLIENTS)
        with self._sessions() as session:
            checked = check_client(draft, today=self._today(), default_region=self._region(session))
            return self._duplicates(session, checked, exclude_id)

    # --- writing -------------------------------------------------------------------------------------------
    def create(self, actor: Actor, draft: ClientDraft, *, allow_duplicate: bool = False) -> ClientRecord:
        require(actor, Permission.EDIT_CLIENTS)
        with self._sessions.begin() as session:
            if not actor.can(Permission.VIEW_HEALTH):  # the front desk records no health data
                draft = without_clinical(draft)
            checked = check_client(draft, today=self._today(), default_region=self._region(session))
            if not allow_duplicate:
                matches = self._duplicates(session, checked, None)
                if matches:
                    raise PossibleDuplicate(matches)
            client = models.Client(created_by_id=actor.staff_id)
            self._apply(client, checked)
            session.add(client)
            session.flush()
            audit.record(session, actor, "create", "client", client.id)
            return self._record(client, actor)

    def update(self, actor: Actor, client_id: int, draft: ClientDraft) -> ClientRecord:
        require(actor, Permission.EDIT_CLIENTS)
        with self._sessions.begin() as session:
            client = session.get(models.Client, client_id, options=[selectinload(models.Client.scars)])
            if client is None:
                raise NotFound(f"Client #{client_id} does not exist (it may have been erased).")
            if not actor.can(Permission.VIEW_HEALTH):  # what the front desk cannot see stays as it is
                stored = self._record(client, None).draft
                draft = draft.replace(**{name: getattr(stored, name) for name in CLINICAL_FIELDS})
            checked = check_client(draft, today=self._today(), default_region=self._region(session))
            changed = [name for name in DRAFT_COLUMNS if getattr(client, name) != getattr(checked.draft, name)]
            self._apply(client, checked)
            session.flush()
            audit.record(session, actor, "update", "client", client.id, ",".join(changed))
            return self._record(client, actor)

    def set_archived(self, actor: Actor, client_id: int, archived: bool) -> ClientRecord:
        """Archived clients leave the default list and search; nothing about them is deleted."""
        require(actor, Permission.ARCHIVE_CLIENTS)
        with self._sessions.begin() as session:
            client = session.get(models.Client, client_id, options=[selectinload(models.Client.scars)])
            if client is None:
                raise NotFound(f"Client #{client_id} does not exist (it may have been erased).")
            client.archived = archived
            client.archived_at = utcnow() if archived else None
            audit.record(session, actor, "archive" if archived else "unarchive", "client", client.id)
            return self._record(client, actor)

    def create_many(
        self,
        actor: Actor,
        drafts: Iterable[CheckedClient],
        *,
        action: str = "import",
        archived: Sequence[bool] | None = None,
    ) -> int:
        """Insert already-checked clients in one transaction (CSV import, demo studio); all or nothing.

        archived, when given, marks the matching clients archived (a re-import of an export keeps them so).
        Returns how many were inserted."""
        require(actor, Permission.EDIT_CLIENTS)
        flags = iter(archived or ())
        now = utcnow()
        count = 0
        with self._sessions.begin() as session:
            for batch in batched(drafts, 2000):
                plain_rows = []
                for checked in batch:
                    row = self._row(checked, actor)
                    is_archived = next(flags, False)
                    row.update(archived=is_archived, archived_at=now if is_archived else None)
                    if not checked.draft.scars:
                        plain_rows.append(row)
                        continue
                    # Only clients with scars need their new id back (one row each; a minority).
                    client_id = session.execute(insert(models.Client).returning(models.Client.id), row).scalar_one()
                    session.execute(insert(models.ClientScar), self._scar_rows(client_id, checked.draft.scars))
                if plain_rows:
                    session.execute(insert(models.Client), plain_rows)  # executemany: no per-row round trip
                count += len(batch)
            audit.record(session, actor, action, "client", None, f"{count} clients")
        return count

    def check(self, draft: ClientDraft) -> CheckedClient:
        """Validate without saving (raises ValidationFailed)."""
        with self._sessions() as session:
            return check_client(draft, today=self._today(), default_region=self._region(session))

    def check_many(self, drafts: Iterable[ClientDraft]) -> Iterator[CheckedClient | ValidationFailed]:
        """Validate many drafts (imports, demo); each yields its checked form or the reasons it failed."""
        with self._sessions() as session:
            region = self._region(session)
        today = self._today()
        for draft in drafts:
            try:
                yield check_client(draft, today=today, default_region=region)
            except ValidationFailed as exc:
                yield exc

    # --- helpers -------------------------------------------------------------------------------------------
    @staticmethod
    def _region(session: Session) -> str | None:
        return session.scalar(select(STUDIO.c.country).where(STUDIO.c.id == 1)) or None

    @staticmethod
    def _duplicates(session: Session, checked: CheckedClient, exclude_id: int | None) -> tuple[ClientSummary, ...]:
        draft = checked.draft
        conditions: list[ColumnElement[bool]] = []
        if draft.date_of_birth is not None and (draft.first_name or draft.last_name):
            name_key = f"{search.fold(draft.first_name)} {search.fold(draft.last_name)}".strip()
            conditions.append((CLIENT.c.name_key == name_key) & (CLIENT.c.date_of_birth == draft.date_of_birth))
        if checked.phone_e164:
            conditions.append(CLIENT.c.phone_key == search.digits(checked.phone_e164))
        if checked.email_key:
            conditions.append(CLIENT.c.email_key == checked.email_key)
        if not conditions:
            return ()
        statement = summary_select().where(or_(*conditions)).order_by(CLIENT.c.id).limit(10)
        if exclude_id is not None:
            statement = statement.where(CLIENT.c.id != exclude_id)
        return tuple(to_summary(row) for row in session.execute(statement))

    @staticmethod
    def _row(checked: CheckedClient, actor: Actor) -> dict[str, object]:
        """Column values of a new client row (bulk inserts)."""
        draft = checked.draft
        row: dict[str, object] = {name: getattr(draft, name) for name in DRAFT_COLUMNS}
        row.update(ClientService._derived(checked), created_by_id=actor.staff_id)
        return row

    @staticmethod
    def _derived(checked: CheckedClient) -> dict[str, str]:
        """The search and duplicate keys stored beside what was typed."""
        draft = checked.draft
        sort_key, name_key, search_text = search.client_keys(
            draft.first_name, draft.last_name, draft.preferred_name, draft.phone, checked.phone_e164, draft.email
        )
        return {
            "phone_key": search.digits(checked.phone_e164),
            "email_key": checked.email_key,
            "sort_key": sort_key,
            "name_key": name_key,
            "search_text": search_text,
        }

    @staticmethod
    def _scar_rows(client_id: int, scars: Sequence[ScarEntry]) -> list[dict[str, object]]:
        return [
            {"client_id": client_id, "position": i, "location": s.location, "kind": s.kind, "notes": s.notes}
            for i, s in enumerate(scars)
        ]

    @staticmethod
    def _apply(client: Client, checked: CheckedClient) -> None:
        draft = checked.draft
        for name in DRAFT_COLUMNS:
            setattr(client, name, getattr(draft, name))
        client.scars = [
            models.ClientScar(position=i, location=s.location, kind=s.kind, notes=s.notes)
            for i, s in enumerate(draft.scars)
        ]
        for name, value in ClientService._derived(checked).items():
            setattr(client, name, value)

    def _record(self, client: Client, actor: Actor | None) -> ClientRecord:
        """The record as actor may see it (None: whole, for the service's own use)."""
        values = {name: getattr(client, name) for name in DRAFT_COLUMNS}
        values["reasons"] = tuple(values["reasons"] or ())
        scars = tuple(ScarEntry(s.location, s.kind, s.notes) for s in client.scars)
        draft = ClientDraft(**values, scars=scars)
        health_visible = actor is None or actor.can(Permission.VIEW_HEALTH)
        if not health_visible:
            draft = without_clinical(draft)
        return ClientRecord(
            id=client.id,
            draft=draft,
            archived=client.archived,
            created_at=client.created_at,
            updated_at=client.updated_at,
            concerns=suitability_concerns(draft, today=self._today()),
            health_visible=health_visible,
        )

"""The studio's identity, its settings and its staff; the first-run creation of a studio and its owner."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from smp_desktop.core import models
from smp_desktop.core.db.table_clauses import STAFF_MEMBER, STUDIO
from smp_desktop.core.domain import StaffRole
from smp_desktop.core.services import audit
from smp_desktop.core.services.access import Actor, Permission, require
from smp_desktop.core.services.errors import FieldProblem, ValidationFailed

# Defaults a studio can change (DOMAIN.md: intervals are data, not constants in code).
DEFAULT_SETTINGS: dict[str, Any] = {
    "session_spacing_min_days": 10,
    "session_spacing_max_days": 14,
    "touch_up_years": 5,
    # The ink register warns this many days before a lot's last usable day.
    "ink_expiry_warning_days": 60,
    "paper_size": "A4",
    # Documents (core/documents): the letterhead's logo, a PNG or JPEG file relative to the data folder ("" = none)
    "letterhead_logo": "",
    # Consents (core/services/consents.py): a signed treatment consent counts for this many months; a doctor's
    # letter clears a screening when dated at most this many months before it.
    "consent_validity_months": 12,
    "doctors_letter_validity_months": 6,
    # Backups (core/backups): "" means <data folder>/backups; how many daily, weekly and monthly backups the
    # rotation keeps (see core/backups/rotation.py).
    "backup_folder": "",
    "backup_keep_daily": 12,
    "backup_keep_weekly": 10,
    "backup_keep_monthly": 9,
}


@dataclass(frozen=True, slots=True)
class StudioInfo:
    name: str
    address: str
    phone: str
    email: str
    website: str
    country: str
    is_demo: bool


@dataclass(frozen=True, slots=True)
class StaffInfo:
    """A staff member as pickers show them (e.g. the session editor's artist)."""

    id: int
    display_name: str
    role: StaffRole
    active: bool

    @property
    def treats_clients(self) -> bool:
        """Owners and artists do sessions; reception does not."""
        return self.role in (StaffRole.OWNER, StaffRole.ARTIST)


class StudioNotCreated(Exception):
    """The data folder holds no studio yet: the first-run flow must create one."""


class StudioService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # exists, info and owner run at every start, before the client list's first paint: Core statements, no model
    # (core/db/table_clauses.py).
    def exists(self) -> bool:
        with self._sessions() as session:
            return session.scalar(select(STUDIO.c.id).where(STUDIO.c.id == 1)) is not None

    def create(
        self,
        studio_name: str,
        owner_name: str,
        *,
        country: str = "",
        address: str = "",
        phone: str = "",
        email: str = "",
        website: str = "",
        is_demo: bool = False,
    ) -> Actor:
        """First run: the studio row and its single owner account. Returns the owner to act as."""
        studio_name, owner_name = studio_name.strip(), owner_name.strip()
        problems = []
        if not studio_name:
            problems.append(FieldProblem("studio_name", "Enter the studio's name.", "studio_name_required"))
        if not owner_name:
            problems.append(FieldProblem("owner_name", "Enter the owner's name.", "owner_name_required"))
        if country and not (len(country) == 2 and country.isalpha()):
            problems.append(FieldProblem("country", "Country must be a two-letter code such as GB.", "country_code"))
        if problems:
            raise ValidationFailed(problems)
        with self._sessions.begin() as session:
            if session.get(models.Studio, 1) is not None:
                raise ValidationFailed(
                    [FieldProblem("studio_name", "This data folder already holds a studio.", "studio_exists")]
                )
            session.add(
                models.Studio(
                    id=1,
                    name=studio_name,
                    country=country.upper(),
                    address=address.strip(),
                    phone=phone.strip(),
                    email=email.strip(),
                    website=website.strip(),
                    is_demo=is_demo,
                )
            )
            owner = models.StaffMember(display_name=owner_name, role=StaffRole.OWNER)
            session.add(owner)
            session.flush()
            actor = Actor(owner.id, owner.display_name, owner.role)
            audit.record(session, actor, "create", "studio", 1, studio_name)
        return actor

    def info(self) -> StudioInfo:
        s = STUDIO.c
        statement = select(s.name, s.address, s.phone, s.email, s.website, s.country, s.is_demo).where(s.id == 1)
        with self._sessions() as session:
            studio = session.execute(statement).first()
            if studio is None:
                raise StudioNotCreated("No studio has been created in this data folder yet.")
            return StudioInfo(*studio)

    def owner(self) -> Actor:
        """The studio's first active owner: who acts until staff log-ins arrive."""
        with self._sessions() as session:
            owner = session.execute(
                select(STAFF_MEMBER.c.id, STAFF_MEMBER.c.display_name, STAFF_MEMBER.c.role)
                .where(STAFF_MEMBER.c.role == StaffRole.OWNER, STAFF_MEMBER.c.active.is_(True))
                .order_by(STAFF_MEMBER.c.id)
            ).first()
            if owner is None:
                raise StudioNotCreated("This studio has no owner account.")
            return Actor(owner.id, owner.display_name, owner.role)

    def staff(self, *, active_only: bool = True) -> list[StaffInfo]:
        """The studio's staff in name order (pickers; the roles work adds editing)."""
        statement = select(models.StaffMember).order_by(models.StaffMember.display_name, models.StaffMember.id)
        if active_only:
            statement = statement.where(models.StaffMember.active.is_(True))
        with self._sessions() as session:
            return [StaffInfo(m.id, m.display_name, m.role, m.active) for m in session.scalars(statement)]

    def add_staff(self, actor: Actor, display_name: str, role: StaffRole) -> StaffInfo:
        """A new staff member (the demo studio's artists and reception; the roles work adds a screen for it)."""
        require(actor, Permission.MANAGE_STUDIO)
        display_name = display_name.strip()
        if not display_name or len(display_name) > 200:
            raise ValidationFailed(
                [FieldProblem("display_name", "Enter the staff member's name (up to 200 characters).", "staff_name")]
            )
        with self._sessions.begin() as session:
            member = models.StaffMember(display_name=display_name, role=role)
            session.add(member)
            session.flush()
            audit.record(session, actor, "create", "staff_member", member.id, role.value)
            return StaffInfo(member.id, member.display_name, member.role, True)

    def setting(self, key: str) -> Any:
        with self._sessions() as session:
            row = session.get(models.Setting, key)
            return json.loads(row.value_json) if row else DEFAULT_SETTINGS[key]

    def set_setting(self, actor: Actor, key: str, value: Any) -> None:
        require(actor, Permission.MANAGE_STUDIO)
        if key not in DEFAULT_SETTINGS:
            raise KeyError(f"unknown setting {key!r}")
        with self._sessions.begin() as session:
            session.merge(models.Setting(key=key, value_json=json.dumps(value)))
            audit.record(session, actor, "update", "setting", None, key)

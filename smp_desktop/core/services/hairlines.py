"""Hairline designs: save a new version of a client's design for a view, list the versions, find the current one.

Versions are numbered per client and view and are never changed or removed here: a redesign years later (the
client's taste or age changed) adds a version and keeps the old ones on record."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from smp_desktop.core import hairline
from smp_desktop.core.domain import PhotoView
from smp_desktop.core.hairline import HairlineShapes
from smp_desktop.core.models import Client, HairlineDesign, Photo, StaffMember
from smp_desktop.core.services import audit
from smp_desktop.core.services.access import Actor, Permission, require
from smp_desktop.core.services.errors import FieldProblem, NotFound, ValidationFailed
from smp_desktop.core.services.hairline_data import HairlineDesignRecord

MAX_NOTE_LENGTH = 2000

# A design is drawn on the client's scalp photos and says where pigment goes: health data, seen by those who may
# see the photos (not the front desk).
VIEW_DESIGNS = Permission.VIEW_PHOTOS


class HairlineService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # --- reading -------------------------------------------------------------------------------------------
    def versions(self, actor: Actor, client_id: int, view: PhotoView | None = None) -> list[HairlineDesignRecord]:
        """The client's designs, newest first (of one view, or of every view)."""
        require(actor, VIEW_DESIGNS)
        with self._sessions() as session:
            self._client(session, client_id)
            statement = select(HairlineDesign).where(HairlineDesign.client_id == client_id)
            if view is not None:
                statement = statement.where(HairlineDesign.view == view)
            designs = session.scalars(statement.order_by(HairlineDesign.version.desc(), HairlineDesign.view)).all()
            newest = self._newest_versions(session, client_id)
            names = self._names(session, {d.author_id for d in designs})
            return [self._record(d, names, newest) for d in designs]

    def current(self, actor: Actor, client_id: int, view: PhotoView) -> HairlineDesignRecord | None:
        """The newest design of this client and view (what is shown over their photos and printed), or None."""
        require(actor, VIEW_DESIGNS)
        with self._sessions() as session:
            self._client(session, client_id)
            design = session.scalars(
                select(HairlineDesign)
                .where(HairlineDesign.client_id == client_id, HairlineDesign.view == view)
                .order_by(HairlineDesign.version.desc())
                .limit(1)
            ).first()
            if design is None:
                return None
            names = self._names(session, {design.author_id})
            return self._record(design, names, {view: design.version})

    def get(self, actor: Actor, design_id: int) -> HairlineDesignRecord:
        require(actor, VIEW_DESIGNS)
        with self._sessions() as session:
            design = session.get(HairlineDesign, design_id)
            if design is None:
                raise NotFound(f"Hairline design #{design_id} does not exist (its client may have been erased).")
            newest = self._newest_versions(session, design.client_id)
            return self._record(design, self._names(session, {design.author_id}), newest)

    # --- writing -------------------------------------------------------------------------------------------
    def save_new_version(
        self,
        actor: Actor,
        client_id: int,
        view: PhotoView,
        shapes: HairlineShapes,
        *,
        base_photo_id: int | None = None,
        note: str = "",
    ) -> HairlineDesignRecord:
        """Save the design as the next version for this client and view (the previous versions stay as they are).
        Raises ValidationFailed (the shapes, the base photo or the note) with nothing saved."""
        require(actor, Permission.DESIGN_HAIRLINE)
        view = PhotoView(view)
        checked = hairline.check(shapes)
        note = note.strip()
        problems = []
        if len(note) > MAX_NOTE_LENGTH:
            problems.append(
                FieldProblem(
                    "note",
                    f"The note is {len(note)} characters long; shorten it to {MAX_NOTE_LENGTH} or fewer.",
                    "too_long",
                    (("length", str(len(note))), ("limit", str(MAX_NOTE_LENGTH))),
                )
            )
        with self._sessions.begin() as session:  # BEGIN IMMEDIATE: two saves at once cannot take one number
            self._client(session, client_id)
            if base_photo_id is not None:
                problems.extend(self._check_base_photo(session, base_photo_id, client_id, view))
            if problems:
                raise ValidationFailed(problems)
            previous = session.scalar(
                select(func.max(HairlineDesign.version)).where(
                    HairlineDesign.client_id == client_id, HairlineDesign.view == view
                )
            )
            design = HairlineDesign(
                client_id=client_id,
                view=view,
                version=(previous or 0) + 1,
                base_photo_id=base_photo_id,
                shapes=checked.to_json(),
                note=note,
                author_id=actor.staff_id,
            )
            session.add(design)
            session.flush()
            audit.record(
                session,
                actor,
                "create",
                "hairline_design",
                design.id,
                f"client {client_id} {view.value} v{design.version}",
            )
            names = self._names(session, {actor.staff_id})
            return self._record(design, names, {view: design.version})

    # --- helpers -------------------------------------------------------------------------------------------
    @staticmethod
    def _client(session: Session, client_id: int) -> None:
        if session.get(Client, client_id) is None:
            raise NotFound(f"Client #{client_id} does not exist (it may have been erased).")

    @staticmethod
    def _check_base_photo(session: Session, photo_id: int, client_id: int, view: PhotoView) -> list[FieldProblem]:
        photo = session.get(Photo, photo_id)
        if photo is None or photo.client_id != client_id:
            return [
                FieldProblem(
                    "base_photo_id",
                    f"Photo #{photo_id} is not one of this client's photos; choose one of theirs.",
                    "base_photo_other_client",
                    (("photo", str(photo_id)),),
                )
            ]
        if photo.view != view:
            return [
                FieldProblem(
                    "base_photo_id",
                    f"Photo #{photo_id} is a {photo.view.value} photo, not {view.value}; choose a photo of this view.",
                    "base_photo_other_view",
                    (("photo", str(photo_id)), ("photo_view", photo.view.value), ("view", view.value)),
                )
            ]
        return []

    @staticmethod
    def _newest_versions(session: Session, client_id: int) -> dict[PhotoView, int]:
        rows = session.execute(
            select(HairlineDesign.view, func.max(HairlineDesign.version))
            .where(HairlineDesign.client_id == client_id)
            .group_by(HairlineDesign.view)
        ).all()
        return {PhotoView(view): version for view, version in rows}

    @staticmethod
    def _names(session: Session, staff_ids: set[int | None]) -> dict[int, str]:
        ids = {i for i in staff_ids if i is not None}
        if not ids:
            return {}
        rows = session.execute(select(StaffMember.id, StaffMember.display_name).where(StaffMember.id.in_(ids)))
        return {staff_id: name for staff_id, name in rows}

    @staticmethod
    def _shapes(design: HairlineDesign) -> HairlineShapes:
        try:
            return HairlineShapes.from_json(design.shapes)
        except ValidationFailed as exc:  # stored by a newer version, or damaged: say which design, keep the codes
            where = f"Version {design.version} of the {design.view.value} hairline design of client #{design.client_id}"
            raise ValidationFailed(
                [FieldProblem(p.field, f"{where} cannot be read: {p.message}", p.code, p.params) for p in exc.problems]
            ) from exc

    @staticmethod
    def _record(design: HairlineDesign, names: dict[int, str], newest: dict[PhotoView, int]) -> HairlineDesignRecord:
        return HairlineDesignRecord(
            id=design.id,
            client_id=design.client_id,
            view=design.view,
            version=design.version,
            shapes=HairlineService._shapes(design),
            base_photo_id=design.base_photo_id,
            note=design.note,
            author_id=design.author_id,
            author_name=names.get(design.author_id, "") if design.author_id is not None else "",
            created_at=design.created_at,
            is_current=newest.get(design.view) == design.version,
        )

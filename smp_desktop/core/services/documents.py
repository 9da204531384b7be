"""Documents the studio hands to a client, made from the records: the aftercare sheet (and the letterhead every
document builder uses). The PDF code lives in core/documents and loads reportlab only when a document is made."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from smp_desktop.core.documents import aftercare as aftercare_sheets
from smp_desktop.core.documents.files import safe_file_name
from smp_desktop.core.documents.layout import LOGO_SETTING, Letterhead, read_logo
from smp_desktop.core.domain import ScalpZone, SessionKind, SessionStatus
from smp_desktop.core.models import RemovalPlan, Setting, Studio, TreatmentSession
from smp_desktop.core.removal_vocabulary import RemovalMethod, RemovalPlanStatus
from smp_desktop.core.services import audit
from smp_desktop.core.services.access import Actor, Permission, require
from smp_desktop.core.services.errors import FieldProblem, ValidationFailed
from smp_desktop.core.services.session_data import CourseSummary
from smp_desktop.core.services.session_validation import local_date
from smp_desktop.core.services.sessions import SessionService
from smp_desktop.core.services.studio import DEFAULT_SETTINGS, StudioService

if TYPE_CHECKING:
    from smp_desktop.core.studio_db import OpenStudio

LOGO_FOLDER = "letterhead"  # in the data folder: the logo file the letterhead_logo setting names
LOGO_SUFFIXES = {".png": b"\x89PNG\r\n\x1a\n", ".jpg": b"\xff\xd8\xff", ".jpeg": b"\xff\xd8\xff"}
MAX_LOGO_BYTES = 5 * 1024 * 1024

KIND_LABELS = {
    SessionKind.CONSULTATION: "Consultation",
    SessionKind.SESSION_1: "Session 1",
    SessionKind.SESSION_2: "Session 2",
    SessionKind.SESSION_3: "Session 3",
    SessionKind.SESSION_4: "Session 4",
    SessionKind.TOUCH_UP: "Touch-up",
    SessionKind.COLOUR_CORRECTION: "Colour correction",
    SessionKind.REMOVAL: "Removal",
}
ZONE_LABELS = {
    ScalpZone.HAIRLINE: "Hairline",
    ScalpZone.FRONTAL: "Frontal",
    ScalpZone.MID_SCALP: "Mid-scalp",
    ScalpZone.CROWN: "Crown",
    ScalpZone.LEFT_TEMPLE: "Left temple",
    ScalpZone.RIGHT_TEMPLE: "Right temple",
    ScalpZone.SIDES: "Sides",
    ScalpZone.BACK: "Back",
    ScalpZone.SCAR: "Scar",
}


COURSE_NUMBERS = {
    SessionKind.SESSION_1: 1,
    SessionKind.SESSION_2: 2,
    SessionKind.SESSION_3: 3,
    SessionKind.SESSION_4: 4,
}


SAMPLE_NAMES = (
    ("Polish", "Zoë Łukasiewicz"),
    ("Greek", "Νίκος Παπαδόπουλος"),
    ("Russian", "Дмитрий Иванов"),
    ("Vietnamese", "Nguyễn Văn Hùng"),
    ("Arabic", "محمد علي"),
    ("Chinese", "王伟"),
    ("Japanese", "佐藤 さくら"),
    ("Korean", "김민준"),
)


class DocumentRefused(Exception):
    """The document cannot be made for this record; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class GeneratedDocument:
    """A document made for a person to preview, print or save."""

    pdf: bytes
    file_name: str  # safe on every file system, from the client's name and the kind
    title: str


class DocumentService:
    """Makes client documents. Every method takes the acting staff member, checks a permission and records an
    audit event (a document leaves the studio with a client's data in it)."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        studio: StudioService,
        treatment: SessionService,
        data_root: Path,
        tz: tzinfo | None = None,
    ) -> None:
        self._sessions = sessions
        self._studio = studio
        self._treatment = treatment
        self._root = data_root
        self._tz = tz

    @classmethod
    def for_studio(cls, studio: OpenStudio) -> DocumentService:
        """The open studio's service (Services.client_documents)."""
        return studio.services.client_documents

    # --- the letterhead --------------------------------------------------------------------------------------
    def letterhead(self) -> Letterhead:
        """The studio's letterhead for any document (name, contact, logo, paper size), read in one query pair."""
        with self._sessions() as session:
            studio = session.get(Studio, 1)
            if studio is None:
                return Letterhead.from_studio(self._studio, self._root)  # raises StudioNotCreated
            rows = session.scalars(select(Setting).where(Setting.key.in_(("paper_size", LOGO_SETTING))))
            settings = {row.key: json.loads(row.value_json) for row in rows}
            info = (studio.name, studio.address, studio.phone, studio.email, studio.website)
        paper = str(settings.get("paper_size") or DEFAULT_SETTINGS["paper_size"])
        logo = read_logo(self._root, str(settings.get(LOGO_SETTING) or ""))
        return Letterhead(*info, logo=logo, paper_size=paper)

    def set_paper_size(self, actor: Actor, paper: str) -> None:
        """A4 or Letter for every document from now on."""
        require(actor, Permission.MANAGE_STUDIO)
        chosen = {"A4": "A4", "LETTER": "Letter", "US LETTER": "Letter"}.get(paper.strip().upper())
        if chosen is None:
            raise ValidationFailed(
                [FieldProblem("paper_size", f"{paper!r} is not a paper size; choose A4 or Letter.", "paper_size")]
            )
        self._studio.set_setting(actor, "paper_size", chosen)

    def sample(self, actor: Actor) -> GeneratedDocument:
        """A page on the letterhead with names in several scripts: how every document will look."""
        require(actor, Permission.VIEW_CLIENTS)
        from smp_desktop.core.documents.layout import PdfDocument

        head = self.letterhead()
        doc = PdfDocument(head, title="Letterhead sample", subject="How the studio's documents look")
        doc.document_title("Letterhead sample", subtitle=f"{head.paper_size} paper")
        doc.paragraph(
            "Every document the studio prints (aftercare sheets, consents, removal plans, records) uses this "
            "letterhead, paper size and footer. Names print in any script:"
        )
        doc.facts([(label, name) for label, name in SAMPLE_NAMES])
        return GeneratedDocument(doc.build(), safe_file_name(head.studio_name, "Letterhead sample"), doc.title)

    def set_logo(self, actor: Actor, source: Path | None) -> None:
        """Copies a PNG or JPEG into the data folder as the letterhead's logo (None: no logo)."""
        require(actor, Permission.MANAGE_STUDIO)
        if source is None:
            self._studio.set_setting(actor, LOGO_SETTING, "")
            return
        suffix = source.suffix.lower()
        if suffix not in LOGO_SUFFIXES:
            raise ValidationFailed(
                [FieldProblem("logo", f"{source.name} is not a PNG or JPEG file; choose a .png or .jpg.", "logo_type")]
            )
        try:
            data = source.read_bytes()
        except OSError as exc:
            raise ValidationFailed(
                [FieldProblem("logo", f"{source} cannot be read ({exc.strerror or exc}).", "logo_unreadable")]
            ) from exc
        if not data.startswith(LOGO_SUFFIXES[suffix]) or len(data) > MAX_LOGO_BYTES:
            raise ValidationFailed(
                [FieldProblem("logo", f"{source.name} is not a PNG or JPEG image of at most 5 MB.", "logo_not_image")]
            )
        from smp_desktop.core.photos.store import write_atomically

        relative = f"{LOGO_FOLDER}/logo{'.png' if suffix == '.png' else '.jpg'}"
        write_atomically(self._root / relative, data)
        self._studio.set_setting(actor, LOGO_SETTING, relative)

    # --- aftercare -------------------------------------------------------------------------------------------
    def aftercare_sheet(self, actor: Actor, session_id: int, template_key: str = "") -> aftercare_sheets.AftercareSheet:
        """What the aftercare sheet shows for a session, as plain values (no PDF made, nothing recorded)."""
        require(actor, Permission.VIEW_SESSIONS)
        record = self._treatment.get(actor, session_id)
        draft = record.draft
        if record.status is SessionStatus.CANCELLED:
            raise DocumentRefused(
                f"Session #{session_id} was cancelled; an aftercare sheet is for a session that took place or is "
                "booked."
            )
        if draft.kind is SessionKind.CONSULTATION:
            raise DocumentRefused(
                f"Session #{session_id} is a consultation: nothing was pigmented, so there is no aftercare. "
                "Choose a treatment session."
            )
        session_day = local_date(draft.starts_at, self._tz)
        key = template_key or (
            self._removal_text_set(record.client_id) if draft.kind is SessionKind.REMOVAL else aftercare_sheets.SMP
        )
        with self._sessions() as session:
            following = session.scalar(
                select(TreatmentSession.starts_at)
                .where(
                    TreatmentSession.client_id == record.client_id,
                    TreatmentSession.status != SessionStatus.CANCELLED,
                    TreatmentSession.starts_at > draft.starts_at,
                    TreatmentSession.id != record.id,
                )
                .order_by(TreatmentSession.starts_at)
                .limit(1)
            )
        next_session = local_date(following, self._tz) if following is not None else None
        next_window = None
        if next_session is None and draft.kind in COURSE_NUMBERS:
            course = self._treatment.overview(actor, record.client_id).course
            next_window = self._next_window(draft.kind, session_day, course)
        return aftercare_sheets.AftercareSheet(
            client_name=record.client_name,
            session_date=session_day,
            session_kind=KIND_LABELS.get(draft.kind, draft.kind.value),
            artist=record.artist_name,
            zones=tuple(ZONE_LABELS.get(z.zone, z.zone.value) for z in draft.zones),
            next_session=next_session,
            next_window=next_window,
            template_key=key,
        )

    def _removal_text_set(self, client_id: int) -> str:
        """The aftercare of the client's current removal plan (its own choice, else its method's), laser when the
        client has no plan."""
        with self._sessions() as session:
            plan = session.execute(
                select(RemovalPlan.aftercare, RemovalPlan.method)
                .where(RemovalPlan.client_id == client_id, RemovalPlan.status != RemovalPlanStatus.CANCELLED)
                .order_by(RemovalPlan.created_at.desc(), RemovalPlan.id.desc())
                .limit(1)
            ).first()
        if plan is None:
            return aftercare_sheets.REMOVAL_LASER
        chosen, method = plan
        if chosen:
            return str(chosen)
        return aftercare_sheets.REMOVAL_SALINE if method is RemovalMethod.SALINE else aftercare_sheets.REMOVAL_LASER

    def aftercare(self, actor: Actor, session_id: int, template_key: str = "") -> GeneratedDocument:
        """The aftercare sheet's PDF for a session, with its safe file name. Recorded in the audit trail."""
        sheet = self.aftercare_sheet(actor, session_id, template_key)
        try:
            template = aftercare_sheets.load_template(sheet.template_key, self._root)
        except aftercare_sheets.AftercareTemplateError as exc:
            raise DocumentRefused(str(exc)) from exc
        pdf = aftercare_sheets.aftercare_document(self.letterhead(), sheet, template).build()
        with self._sessions.begin() as session:
            audit.record(session, actor, "print", "aftercare", session_id, sheet.template_key)
        return GeneratedDocument(
            pdf=pdf,
            file_name=safe_file_name(sheet.client_name, "Aftercare", on=sheet.session_date),
            title=f"Aftercare – {sheet.client_name}",
        )

    def aftercare_pdf(self, actor: Actor, session_id: int) -> bytes:
        return self.aftercare(actor, session_id).pdf

    def _next_window(self, kind: SessionKind, session_day: date, course: CourseSummary) -> tuple[date, date] | None:
        """When the next course session usually falls (the studio's spacing settings), for a sheet whose next
        session is not booked yet; None after the course's last session, a touch-up or a correction."""
        number = COURSE_NUMBERS.get(kind)
        if number is None or number >= course.course_length:
            return None
        low = int(self._studio.setting("session_spacing_min_days"))
        high = int(self._studio.setting("session_spacing_max_days"))
        return session_day + timedelta(days=low), session_day + timedelta(days=max(low, high))

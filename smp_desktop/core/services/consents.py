"""Consents and health screening: versioned templates (a signed version never changes), the questionnaire and its
tiers, screenings and the doctor's letters that clear them, signing on screen (the PDF is made once and kept with
its SHA-256), paper consents, the client's status, and printing forms and the day's packets.

Health answers need VIEW_HEALTH: the front desk sees whether a valid treatment consent and a questionnaire are on
record, never the answers or the outcome. Every write and every print is audited."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from smp_desktop.core.models import (
    Client,
    ConsentRecord,
    ConsentTemplate,
    HealthQuestion,
    HealthScreening,
    ScreeningLetter,
    SessionGateOverride,
    StaffMember,
    TreatmentSession,
)
from smp_desktop.core.models.base import utcnow
from smp_desktop.core.models.consent import ConsentKind, HealthTier, ScreeningOutcome, SigningMethod
from smp_desktop.core.models.document import DocumentKind
from smp_desktop.core.services import audit
from smp_desktop.core.services import consent_store as store
from smp_desktop.core.services.access import Actor, Permission, PermissionDenied, require
from smp_desktop.core.services.client_data import display_name
from smp_desktop.core.services.consent_data import (
    ClientConsents,
    ConsentDetail,
    ConsentStatus,
    ConsentSummary,
    Question,
    ScreeningRecord,
    Signature,
    TemplateDraft,
    TemplateRecord,
)
from smp_desktop.core.services.errors import FieldProblem, NotFound, ValidationFailed
from smp_desktop.core.services.stored_documents import DocumentCheck, StoredDocumentService

MAX_NAME = 200
MAX_DETAIL = 500
PACKET_EXTRA_FORMS = ("photo_release", "data_protection")  # printed for a client who has not signed them yet


class TemplateFrozen(Exception):
    """The template version has been signed: it can never change. Save the change as a new version."""


class ConsentService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        documents: StoredDocumentService,
        letterhead: Callable[[], Any],
        *,
        now: Callable[[], datetime] = utcnow,
        tz: tzinfo | None = None,
    ) -> None:
        """letterhead: makes the studio's documents.layout.Letterhead (read when a PDF is made)."""
        self._sessions = sessions
        self._documents = documents
        self._letterhead = letterhead
        self._now = now
        self._tz = tz

    def with_clock(self, now: Callable[[], datetime]) -> ConsentService:
        """The same service signing at another time (the demo's history; tests of validity)."""
        return ConsentService(self._sessions, self._documents, self._letterhead, now=now, tz=self._tz)

    @property
    def documents(self) -> StoredDocumentService:
        return self._documents

    # --- templates -----------------------------------------------------------------------------------------
    def templates(self, actor: Actor) -> list[TemplateRecord]:
        """The current version of every template, treatment consent first."""
        require(actor, Permission.VIEW_CONSENTS)
        with self._sessions() as session:
            names = session.scalars(select(ConsentTemplate.name).distinct()).all()
            rows = [store.current_template(session, name) for name in names]
            rows.sort(key=lambda r: (r.kind is not ConsentKind.TREATMENT, r.title.casefold()))
            return [store.template_record(session, row) for row in rows]

    def versions(self, actor: Actor, name: str) -> list[TemplateRecord]:
        require(actor, Permission.VIEW_CONSENTS)
        with self._sessions() as session:
            store.current_template(session, name)
            rows = session.scalars(
                select(ConsentTemplate).where(ConsentTemplate.name == name).order_by(ConsentTemplate.version.desc())
            )
            return [store.template_record(session, row) for row in rows]

    def template(self, actor: Actor, template_id: int) -> TemplateRecord:
        require(actor, Permission.VIEW_CONSENTS)
        with self._sessions() as session:
            return store.template_record(session, store.load_template(session, template_id))

    def current(self, actor: Actor, name: str) -> TemplateRecord:
        require(actor, Permission.VIEW_CONSENTS)
        with self._sessions() as session:
            return store.template_record(session, store.current_template(session, name))

    def new_version(
        self, actor: Actor, name: str, draft: TemplateDraft, *, keep_older_accepted: bool = True
    ) -> TemplateRecord:
        """The studio's edit of a template, saved as its next version (the older versions stay as they are).
        keep_older_accepted False: consents signed on older versions no longer satisfy the gate."""
        require(actor, Permission.EDIT_CONSENT_TEMPLATES)
        draft = store.check_template_draft(draft)
        with self._sessions.begin() as session:
            previous = store.current_template(session, name)
            row = ConsentTemplate(
                name=name,
                version=previous.version + 1,
                kind=previous.kind,
                accepted=True,
                created_by_id=actor.staff_id,
            )
            store.apply_draft(row, draft)
            session.add(row)
            if not keep_older_accepted:
                for older in session.scalars(select(ConsentTemplate).where(ConsentTemplate.name == name)):
                    older.accepted = older is row
            session.flush()
            audit.record(session, actor, "create", "consent_template", row.id, f"{name} v{row.version}")
            return store.template_record(session, row)

    def update_version(self, actor: Actor, template_id: int, draft: TemplateDraft) -> TemplateRecord:
        """Correct a version nobody has signed yet. A signed version raises TemplateFrozen: it never changes."""
        require(actor, Permission.EDIT_CONSENT_TEMPLATES)
        draft = store.check_template_draft(draft)
        with self._sessions.begin() as session:
            row = store.load_template(session, template_id)
            if store.signed_count(session, row.id):
                raise TemplateFrozen(
                    f"Version {row.version} of “{row.title}” has been signed, so its wording can never change. Save "
                    "your changes as a new version instead."
                )
            store.apply_draft(row, draft)
            audit.record(session, actor, "update", "consent_template", row.id, f"{row.name} v{row.version}")
            return store.template_record(session, row)

    def set_accepted(self, actor: Actor, template_id: int, accepted: bool) -> TemplateRecord:
        """Whether consents signed on this (older) version still count for the completion gate."""
        require(actor, Permission.EDIT_CONSENT_TEMPLATES)
        with self._sessions.begin() as session:
            row = store.load_template(session, template_id)
            row.accepted = accepted
            audit.record(session, actor, "update", "consent_template", row.id, f"accepted={accepted}")
            return store.template_record(session, row)

    # --- the questionnaire ---------------------------------------------------------------------------------
    def questionnaire(self, actor: Actor) -> list[Question]:
        """The questions asked now, in order (the questions themselves are no one's health data)."""
        require(actor, Permission.VIEW_CONSENTS)
        with self._sessions() as session:
            return store.questions(session)

    def set_tier(self, actor: Actor, key: str, tier: HealthTier) -> Question:
        """Move a question to another tier; screenings already taken keep the tier they were asked with."""
        require(actor, Permission.EDIT_CONSENT_TEMPLATES)
        with self._sessions.begin() as session:
            row = session.scalar(select(HealthQuestion).where(HealthQuestion.key == key))
            if row is None:
                raise NotFound(f"There is no health question “{key}”.")
            before = row.tier
            row.tier = tier
            audit.record(session, actor, "update", "health_question", row.id, f"{key}: {before.value} -> {tier.value}")
            return Question(row.key, row.text, row.tier, row.position, row.active)

    # --- screening -----------------------------------------------------------------------------------------
    def record_screening(
        self,
        actor: Actor,
        client_id: int,
        answers: Mapping[str, bool | tuple[bool, str]],
        *,
        note: str = "",
        taken_at: datetime | None = None,
        paper_form: Path | None = None,
    ) -> ScreeningRecord:
        """The client's answers to every current question (key -> yes, or (yes, details)). paper_form: the signed
        paper questionnaire they were typed in from, kept as a document."""
        require(actor, Permission.SCREEN_HEALTH)
        require(actor, Permission.VIEW_HEALTH)
        with self._sessions.begin() as session:
            self._client(session, client_id)
            asked = store.questions(session)
            problems: list[FieldProblem] = []
            stored: list[dict[str, Any]] = []
            for question in asked:
                given = answers.get(question.key)
                yes, detail = given if isinstance(given, tuple) else (given, "")
                if not isinstance(yes, bool):
                    problems.append(FieldProblem(question.key, f"Not answered: “{question.text}”", "answer_required"))
                    continue
                detail = " ".join(str(detail).split())[:MAX_DETAIL]
                stored.append(
                    {
                        "key": question.key,
                        "text": question.text,
                        "tier": question.tier.value,
                        "yes": yes,
                        "detail": detail if yes else "",
                    }
                )
            for key in sorted(set(answers) - {q.key for q in asked}):
                problems.append(FieldProblem(key, f"“{key}” is not a question of the questionnaire.", "unknown"))
            if problems:
                raise ValidationFailed(problems)
            paper_id = None
            if paper_form is not None:
                paper = self._documents.add(
                    session,
                    actor,
                    _read(paper_form),
                    kind=DocumentKind.PAPER_QUESTIONNAIRE,
                    original_filename=paper_form.name,
                    client_id=client_id,
                    title="Health questionnaire (paper)",
                )
                paper_id = paper.id
            row = HealthScreening(
                client_id=client_id,
                taken_at=taken_at or self._now(),
                answers=stored,
                outcome=ScreeningOutcome.ELIGIBLE,
                paper_document_id=paper_id,
                note=note.strip(),
                created_by_id=actor.staff_id,
            )
            session.add(row)
            session.flush()
            record = store.screening_record(session, row, self._tz)
            row.outcome = record.outcome
            audit.record(session, actor, "create", "health_screening", row.id, record.outcome.value)
            return record

    def screening(self, actor: Actor, screening_id: int) -> ScreeningRecord:
        require(actor, Permission.VIEW_HEALTH)
        with self._sessions() as session:
            return store.screening_record(session, self._screening_row(session, screening_id), self._tz)

    def add_doctors_letter(
        self,
        actor: Actor,
        screening_id: int,
        data: bytes,
        *,
        filename: str,
        dated_on: date,
        covers: tuple[str, ...],
        title: str = "",
    ) -> ScreeningRecord:
        """A doctor's letter (scan, photo or PDF, with the date it carries) answering some of the screening's
        doctor's-letter questions; the outcome is worked out again with it."""
        require(actor, Permission.SCREEN_HEALTH)
        require(actor, Permission.VIEW_HEALTH)
        with self._sessions.begin() as session:
            row = self._screening_row(session, screening_id)
            letter_keys = {a["key"] for a in row.answers if a["yes"] and a["tier"] == HealthTier.DOCTORS_LETTER.value}
            problems: list[FieldProblem] = []
            if not covers:
                problems.append(FieldProblem("covers", "Choose the answers the letter is about.", "required"))
            for key in covers:
                if key not in letter_keys:
                    problems.append(
                        FieldProblem(
                            "covers",
                            f"“{key}” is not an answer of this screening that needs a letter.",
                            "letter_cover_unknown",
                        )
                    )
            if dated_on > self._now().astimezone(self._tz).date():
                problems.append(FieldProblem("dated_on", "The letter's date is in the future.", "date_future"))
            if problems:
                raise ValidationFailed(problems)
            document = self._documents.add(
                session,
                actor,
                data,
                kind=DocumentKind.DOCTORS_LETTER,
                original_filename=filename,
                client_id=row.client_id,
                title=title or f"Doctor's letter of {dated_on:%d %b %Y}",
                dated_on=dated_on,
            )
            session.add(
                ScreeningLetter(
                    screening_id=row.id, document_id=document.id, covers=list(covers), created_by_id=actor.staff_id
                )
            )
            session.flush()
            record = store.screening_record(session, row, self._tz)
            row.outcome = record.outcome
            audit.record(session, actor, "letter", "health_screening", row.id, record.outcome.value)
            return record

    # --- signing -------------------------------------------------------------------------------------------
    def sign(
        self,
        actor: Actor,
        client_id: int,
        template_id: int,
        choices: Mapping[str, Any],
        client_signature: Signature,
        witness_signature: Signature,
        *,
        screening_id: int | None = None,
    ) -> ConsentDetail:
        """Sign a consent on screen: the PDF (the template version's wording, the answers, both signatures,
        names and time, the letterhead) is made now, stored with its SHA-256 and never made again."""
        require(actor, Permission.SIGN_CONSENTS)
        letterhead = self._letterhead()
        with self._sessions.begin() as session:
            client = self._client(session, client_id)
            row = store.load_template(session, template_id)
            template = store.template_record(session, row)
            if template.includes_questionnaire and not actor.can(Permission.VIEW_HEALTH):
                raise PermissionDenied(actor, Permission.VIEW_HEALTH)  # the form prints the health answers
            clean = store.check_choices(template, choices)
            problems = _signature_problems(client_signature, "client") + _signature_problems(
                witness_signature, "witness"
            )
            screening = None
            if template.includes_questionnaire:
                screening_row = (
                    self._screening_row(session, screening_id)
                    if screening_id is not None
                    else store.latest_screening(session, client_id)
                )
                if screening_row is None or screening_row.client_id != client_id:
                    problems.append(
                        FieldProblem(
                            "screening",
                            "Fill in the health questionnaire with the client before signing.",
                            "screening_required",
                        )
                    )
                else:
                    screening = store.screening_record(session, screening_row, self._tz)
            if problems:
                raise ValidationFailed(problems)
            signed_at = self._now()
            from smp_desktop.core.documents.consent_pdf import FilledForm, signed_pdf

            filled = FilledForm(
                choices=clean,
                answers=screening.answers if screening else (),
                outcome=screening.outcome_label if screening else "",
                reasons=screening.reasons if screening else (),
                client=Signature(_name(client_signature.name), client_signature.png),
                witness=Signature(_name(witness_signature.name), witness_signature.png),
                signed_at=signed_at.astimezone(self._tz),
                reference="Signed on screen; the studio keeps this PDF's SHA-256 to show it is unaltered",
            )
            pdf = signed_pdf(letterhead, template, _form_client(client), filled)
            document = self._documents.add(
                session,
                actor,
                pdf,
                kind=DocumentKind.SIGNED_CONSENT,
                original_filename=f"{template.name}-v{template.version}-{signed_at:%Y%m%d-%H%M%S}.pdf",
                client_id=client_id,
                title=f"{template.title} (signed)",
                dated_on=signed_at.astimezone(self._tz).date(),
            )
            record = ConsentRecord(
                client_id=client_id,
                template_id=row.id,
                kind=row.kind,
                method=SigningMethod.ON_SCREEN,
                screening_id=screening.id if screening else None,
                choices=clean,
                signer_name=filled.client.name,
                witness_id=actor.staff_id,
                witness_name=filled.witness.name,
                signed_at=signed_at,
                document_id=document.id,
                document_sha256=document.content_hash,
                created_by_id=actor.staff_id,
            )
            session.add(record)
            session.flush()
            audit.record(session, actor, "sign", "consent_record", record.id, f"{row.name} v{row.version}")
            return ConsentDetail(store.summary(record, row), clean, record.screening_id, "")

    def attach_paper(
        self,
        actor: Actor,
        client_id: int,
        template_id: int,
        scan: Path,
        *,
        signed_on: date,
        signer_name: str,
        witness_name: str = "",
        choices: Mapping[str, Any] | None = None,
        note: str = "",
    ) -> ConsentSummary:
        """A consent signed by hand on paper: its scan or photo becomes the signed record."""
        require(actor, Permission.SIGN_CONSENTS)
        require(actor, Permission.ADD_DOCUMENTS)
        data = _read(scan)
        with self._sessions.begin() as session:
            self._client(session, client_id)
            row = store.load_template(session, template_id)
            problems: list[FieldProblem] = []
            name = _name(signer_name)
            if not name:
                problems.append(FieldProblem("signer_name", "Type the name of the person who signed.", "required"))
            if signed_on > self._now().astimezone(self._tz).date():
                problems.append(FieldProblem("signed_on", "The date signed is in the future.", "date_future"))
            if problems:
                raise ValidationFailed(problems)
            document = self._documents.add(
                session,
                actor,
                data,
                kind=DocumentKind.PAPER_CONSENT,
                original_filename=scan.name,
                client_id=client_id,
                title=f"{row.title} (signed on paper)",
                dated_on=signed_on,
                note=note,
            )
            signed_at = datetime.combine(signed_on, time(12), tzinfo=UTC)
            record = ConsentRecord(
                client_id=client_id,
                template_id=row.id,
                kind=row.kind,
                method=SigningMethod.PAPER,
                choices=dict(choices or {}),
                signer_name=name,
                witness_id=None,
                witness_name=_name(witness_name),
                signed_at=signed_at,
                document_id=document.id,
                document_sha256=document.content_hash,
                note=note.strip(),
                created_by_id=actor.staff_id,
            )
            session.add(record)
            session.flush()
            audit.record(session, actor, "attach_paper", "consent_record", record.id, f"{row.name} v{row.version}")
            return store.summary(record, row)

    # --- reading -------------------------------------------------------------------------------------------
    def overview(self, actor: Actor, client_id: int) -> ClientConsents:
        """The client's Consent & health tab. Without VIEW_HEALTH: the consents and whether a questionnaire is on
        record, nothing of the answers or the outcome."""
        require(actor, Permission.VIEW_CONSENTS)
        with self._sessions() as session:
            client = self._client(session, client_id)
            latest = store.latest_screening(session, client_id)
            health = actor.can(Permission.VIEW_HEALTH)
            screenings: tuple[ScreeningRecord, ...] = ()
            if health:
                rows = session.scalars(
                    select(HealthScreening)
                    .where(HealthScreening.client_id == client_id)
                    .order_by(HealthScreening.taken_at.desc(), HealthScreening.id.desc())
                )
                screenings = tuple(store.screening_record(session, r, self._tz) for r in rows)
            return ClientConsents(
                client_id=client_id,
                client_name=display_name(client.first_name, client.last_name, client.preferred_name),
                treatment=store.status_now(session, client_id, self._now(), self._tz),
                consents=tuple(store.client_consents(session, client_id)),
                health_visible=health,
                screening_on_record=latest is not None,
                screening=screenings[0] if screenings else None,
                screenings=screenings,
            )

    def treatment_status(self, actor: Actor, client_id: int) -> ConsentStatus:
        require(actor, Permission.VIEW_CONSENTS)
        with self._sessions() as session:
            self._client(session, client_id)
            return store.status_now(session, client_id, self._now(), self._tz)

    def detail(self, actor: Actor, consent_id: int) -> ConsentDetail:
        require(actor, Permission.VIEW_CONSENTS)
        with self._sessions() as session:
            record = self._consent_row(session, consent_id)
            template = store.load_template(session, record.template_id)
            if template.includes_questionnaire and not actor.can(Permission.VIEW_HEALTH):
                return ConsentDetail(store.summary(record, template), {}, None, "")
            return ConsentDetail(
                store.summary(record, template), dict(record.choices), record.screening_id, record.note
            )

    def open_consent(self, actor: Actor, consent_id: int) -> DocumentCheck:
        """The signed PDF (or paper scan) with its hash checked against the consent's own copy of it: a caller
        must warn loudly when not check.intact."""
        with self._sessions() as session:
            record = self._consent_row(session, consent_id)
            expected = record.document_sha256
        check = self._documents.open_path(actor, record.document_id)
        if check.intact and check.document.content_hash != expected:  # the row itself was changed
            return DocumentCheck(
                check.document,
                check.path,
                False,
                "WARNING: the signed consent's document does not match the hash recorded when it "
                "was signed. It is not the consent on record.",
            )
        return check

    def gate_override(self, actor: Actor, session_id: int) -> str:
        """The owner's reason for completing the session without the gate's conditions ("" when none)."""
        require(actor, Permission.VIEW_SESSIONS)
        with self._sessions() as session:
            row = session.get(SessionGateOverride, session_id)
            return row.reason if row else ""

    def gate_problems(self, actor: Actor, session_id: int) -> list[str]:
        """What would stop the session from being completed now, as sentences (the Sessions tab shows them)."""
        require(actor, Permission.VIEW_SESSIONS)
        from smp_desktop.core.services.consent_gate import gate_problems

        with self._sessions() as session:
            row = session.get(TreatmentSession, session_id)
            if row is None:
                raise NotFound(f"Session #{session_id} does not exist (its client may have been erased).")
            found = gate_problems(session, row.client_id, row, documents=self._documents.store.root, tz=self._tz)
            return [p.message for p in found]

    # --- printing ------------------------------------------------------------------------------------------
    def form_pdf(self, actor: Actor, name: str, client_id: int | None = None) -> bytes:
        """A form to sign by hand: blank, or pre-filled with the client's details (never their health answers)."""
        require(actor, Permission.VIEW_CONSENTS)
        letterhead = self._letterhead()
        from smp_desktop.core.documents.consent_pdf import form_pdf

        with self._sessions.begin() as session:
            template = store.template_record(session, store.current_template(session, name))
            client = _form_client(self._client(session, client_id)) if client_id is not None else None
            questions = store.questions(session)
            audit.record(
                session,
                actor,
                "print",
                "consent_template",
                template.id,
                f"{name} v{template.version} " + (f"client {client_id}" if client_id else "blank"),
            )
        return form_pdf(letterhead, template, questions, client)

    def packets(
        self,
        actor: Actor,
        appointments: list[Any],
        day: date,
        *,
        extra: Callable[[Any], bytes | None] | None = None,
    ) -> tuple[bytes, list[Any]]:
        """The day's paperwork for the given planned sessions (SessionService.planned_between, in appointment
        order): for each, the treatment consent with the health questionnaire, pre-filled, and the photo and
        data-protection forms the client has not signed yet. extra(entry) may return a PDF to add after a
        session's forms (the ink information sheet: entry.session_id). Returns the PDF and its entries."""
        require(actor, Permission.VIEW_CONSENTS)
        letterhead = self._letterhead()
        from smp_desktop.core.documents.consent_pdf import PacketEntry, packets_pdf

        entries: list[PacketEntry] = []
        with self._sessions.begin() as session:
            treatment = store.template_record(session, store.current_template(session, "smp_treatment"))
            others = {}
            for name in PACKET_EXTRA_FORMS:
                try:
                    others[name] = store.template_record(session, store.current_template(session, name))
                except NotFound:
                    continue
            questions = store.questions(session)
            for appointment in appointments:
                client = self._client(session, appointment.client_id)
                signed = {c.template_name for c in store.client_consents(session, client.id)}
                forms = (treatment, *(t for n, t in others.items() if n not in signed))
                when = appointment.starts_at.astimezone(self._tz)
                label = appointment.kind.value.replace("_", " ").capitalize()
                with_artist = f" with {appointment.artist_name}" if appointment.artist_name else ""
                entries.append(
                    PacketEntry(
                        client=_form_client(client, f"{label}, {when:%a %d %b %Y %H:%M}{with_artist}"),
                        templates=forms,
                        session_id=appointment.id,
                        client_id=client.id,
                    )
                )
            audit.record(session, actor, "print", "consent_packets", None, f"{day.isoformat()}: {len(entries)}")
        return packets_pdf(letterhead, entries, questions, day=day, extra=extra), entries

    def day_bounds(self, day: date) -> tuple[datetime, datetime]:
        """The start and end of a calendar day in the studio's time zone, for SessionService.planned_between."""
        end = store.end_of_day(day, self._tz) + timedelta(microseconds=1)
        return end - timedelta(days=1), end

    # --- helpers -------------------------------------------------------------------------------------------
    def _client(self, session: Session, client_id: int) -> Client:
        client = session.get(Client, client_id)
        if client is None:
            raise NotFound(f"Client #{client_id} does not exist (it may have been erased).")
        return client

    def _screening_row(self, session: Session, screening_id: int) -> HealthScreening:
        row = session.get(HealthScreening, screening_id)
        if row is None:
            raise NotFound(f"Health screening #{screening_id} does not exist.")
        return row

    def _consent_row(self, session: Session, consent_id: int) -> ConsentRecord:
        row = session.get(ConsentRecord, consent_id)
        if row is None:
            raise NotFound(f"Consent #{consent_id} does not exist.")
        return row

    def witness_name(self, actor: Actor) -> str:
        with self._sessions() as session:
            member = session.get(StaffMember, actor.staff_id)
            return member.display_name if member else actor.display_name


def _form_client(client: Client, appointment: str = "") -> Any:
    from smp_desktop.core.documents.consent_pdf import FormClient

    address = ", ".join(
        part for part in (client.address_line1, client.address_line2, client.city, client.postcode) if part.strip()
    )
    return FormClient(
        name=display_name(client.first_name, client.last_name, client.preferred_name),
        date_of_birth=client.date_of_birth,
        phone=client.phone,
        email=client.email,
        address=address,
        appointment=appointment,
    )


def _name(text: str) -> str:
    return " ".join(text.split())[:MAX_NAME]


def _signature_problems(signature: Signature, who: str) -> list[FieldProblem]:
    problems = []
    label = "client's" if who == "client" else "witness's"
    if not _name(signature.name):
        problems.append(FieldProblem(f"{who}_name", f"Type the {label} name.", "required"))
    if not signature.png.startswith(b"\x89PNG"):
        problems.append(
            FieldProblem(
                f"{who}_signature", f"The {label} signature is missing: sign on the pad.", "signature_required"
            )
        )
    return problems


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ValidationFailed(
            [FieldProblem("file", f"The file {path} cannot be read ({exc.strerror or exc}).", "document_unreadable")]
        ) from exc

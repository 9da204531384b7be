"""Rows to records and the checks of the consent service: templates (current, signed count), screenings (outcome
from answers and letters), a signed form's answers, a template draft, and the treatment consent the gate accepts."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from smp_desktop.core.models import (
    ConsentRecord,
    ConsentTemplate,
    HealthQuestion,
    HealthScreening,
    ScreeningLetter,
    StoredDocument,
)
from smp_desktop.core.models.consent import ConsentKind, HealthTier
from smp_desktop.core.services.consent_data import (
    ITEM_TYPES,
    Answer,
    ConsentItem,
    ConsentStatus,
    ConsentSummary,
    LetterRecord,
    Question,
    ScreeningRecord,
    Section,
    TemplateDraft,
    TemplateRecord,
)
from smp_desktop.core.services.errors import FieldProblem, NotFound, ValidationFailed
from smp_desktop.core.services.screening import add_months, evaluate
from smp_desktop.core.services.session_store import setting

MAX_TITLE = 200
MAX_TEXT = 20000
MAX_ANSWER_TEXT = 1000
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,59}$")


# --- templates -------------------------------------------------------------------------------------------------
def load_template(session: Session, template_id: int) -> ConsentTemplate:
    row = session.get(ConsentTemplate, template_id)
    if row is None:
        raise NotFound(f"Consent template #{template_id} does not exist.")
    return row


def latest_version(session: Session, name: str) -> int:
    return int(session.scalar(select(func.max(ConsentTemplate.version)).where(ConsentTemplate.name == name)) or 0)


def current_template(session: Session, name: str) -> ConsentTemplate:
    row = session.scalar(
        select(ConsentTemplate).where(ConsentTemplate.name == name).order_by(ConsentTemplate.version.desc()).limit(1)
    )
    if row is None:
        names = ", ".join(session.scalars(select(ConsentTemplate.name).distinct().order_by(ConsentTemplate.name)))
        raise NotFound(f"There is no consent template named “{name}”. The templates are: {names}.")
    return row


def signed_count(session: Session, template_id: int) -> int:
    return int(session.scalar(select(func.count()).where(ConsentRecord.template_id == template_id)) or 0)


def template_record(session: Session, row: ConsentTemplate) -> TemplateRecord:
    return TemplateRecord(
        id=row.id,
        name=row.name,
        version=row.version,
        kind=row.kind,
        title=row.title,
        sections=tuple(Section(str(s["heading"]), str(s["text"])) for s in row.sections),
        items=tuple(ConsentItem.from_json(i) for i in row.items),
        includes_questionnaire=row.includes_questionnaire,
        accepted=row.accepted or row.version == latest_version(session, row.name),
        is_current=row.version == latest_version(session, row.name),
        signed_count=signed_count(session, row.id),
        change_note=row.change_note,
        created_at=row.created_at,
    )


def check_template_draft(draft: TemplateDraft) -> TemplateDraft:
    problems: list[FieldProblem] = []
    title = " ".join(draft.title.split())
    if not title:
        problems.append(FieldProblem("title", "A consent form needs a title.", "required"))
    elif len(title) > MAX_TITLE:
        problems.append(FieldProblem("title", f"The title is longer than {MAX_TITLE} characters.", "too_long"))
    sections = tuple(Section(s.heading.strip(), s.text.strip()) for s in draft.sections if s.heading or s.text)
    if not sections:
        problems.append(
            FieldProblem("sections", "A consent form needs its wording (at least one section).", "required")
        )
    if sum(len(s.text) + len(s.heading) for s in sections) > MAX_TEXT:
        problems.append(FieldProblem("sections", f"The wording is longer than {MAX_TEXT} characters.", "too_long"))
    keys: set[str] = set()
    for item in draft.items:
        where = f"Item “{item.text[:40] or item.key}”"
        if not _KEY.match(item.key):
            problems.append(
                FieldProblem("items", f"{where}: its key must be lower-case letters, digits and _.", "item_key")
            )
        if item.key in keys:
            problems.append(FieldProblem("items", f"{where}: the key “{item.key}” is used twice.", "item_key_twice"))
        keys.add(item.key)
        if item.type not in ITEM_TYPES:
            problems.append(
                FieldProblem("items", f"{where}: the type must be one of {', '.join(ITEM_TYPES)}.", "item_type")
            )
        if item.type == "choice" and len(item.options) < 2:
            problems.append(FieldProblem("items", f"{where}: a choice needs at least two options.", "item_options"))
        if not item.text.strip():
            problems.append(FieldProblem("items", f"Item “{item.key}” has no wording.", "required"))
    if problems:
        raise ValidationFailed(problems)
    return TemplateDraft(title, sections, draft.items, draft.includes_questionnaire, draft.change_note.strip())


def apply_draft(row: ConsentTemplate, draft: TemplateDraft) -> None:
    row.title = draft.title
    row.sections = [{"heading": s.heading, "text": s.text} for s in draft.sections]
    row.items = [i.to_json() for i in draft.items]
    row.includes_questionnaire = draft.includes_questionnaire
    row.change_note = draft.change_note


# --- a signed form's answers -----------------------------------------------------------------------------------
def check_choices(template: TemplateRecord, choices: Mapping[str, Any]) -> dict[str, Any]:
    """The client's answers to the form's items, checked and tidied: every confirm ticked, every yes/no and choice
    answered, dates as ISO text, required_if honoured. Unknown keys are refused."""
    problems: list[FieldProblem] = []
    clean: dict[str, Any] = {}
    unknown = set(choices) - {i.key for i in template.items}
    for key in sorted(unknown):
        problems.append(FieldProblem(key, f"“{key}” is not on the form “{template.title}”.", "choice_unknown"))
    for item in template.items:
        value = choices.get(item.key)
        required = item.required_if is not None and choices.get(item.required_if[0]) == item.required_if[1]
        if item.type == "confirm":
            if value is not True:
                problems.append(FieldProblem(item.key, f"Not confirmed: “{item.text}”", "confirm_required"))
            clean[item.key] = True
        elif item.type == "yes_no":
            if not isinstance(value, bool):
                problems.append(FieldProblem(item.key, f"Answer yes or no: “{item.text}”", "answer_required"))
            clean[item.key] = value
        elif item.type == "choice":
            if value not in dict(item.options):
                labels = " or ".join(f"“{label}”" for _, label in item.options)
                problems.append(FieldProblem(item.key, f"{item.text}: choose {labels}.", "choice_required"))
            clean[item.key] = value
        elif item.type == "date":
            text = value.isoformat() if isinstance(value, date) else str(value or "").strip()
            if text:
                try:
                    date.fromisoformat(text)
                except ValueError:
                    problems.append(FieldProblem(item.key, f"{item.text}: “{text}” is not a date.", "date_invalid"))
            elif required:
                problems.append(FieldProblem(item.key, f"{item.text} is needed.", "required"))
            clean[item.key] = text
        else:
            text = " ".join(str(value or "").split())
            if len(text) > MAX_ANSWER_TEXT:
                problems.append(FieldProblem(item.key, f"{item.text}: too long.", "too_long"))
            elif required and not text:
                problems.append(FieldProblem(item.key, f"{item.text} is needed.", "required"))
            clean[item.key] = text
    if problems:
        raise ValidationFailed(problems)
    return clean


# --- the questionnaire and screenings --------------------------------------------------------------------------
def questions(session: Session, *, active_only: bool = True) -> list[Question]:
    statement = select(HealthQuestion).order_by(HealthQuestion.position, HealthQuestion.id)
    if active_only:
        statement = statement.where(HealthQuestion.active.is_(True))
    return [Question(q.key, q.text, q.tier, q.position, q.active) for q in session.scalars(statement)]


def answers_of(row: HealthScreening) -> tuple[Answer, ...]:
    return tuple(
        Answer(str(a["key"]), str(a["text"]), HealthTier(a["tier"]), bool(a["yes"]), str(a.get("detail", "")))
        for a in row.answers
    )


def letters_of(session: Session, screening_id: int) -> tuple[LetterRecord, ...]:
    rows = session.execute(
        select(ScreeningLetter, StoredDocument.title, StoredDocument.dated_on)
        .join(StoredDocument, StoredDocument.id == ScreeningLetter.document_id)
        .where(ScreeningLetter.screening_id == screening_id)
        .order_by(ScreeningLetter.id)
    )
    return tuple(LetterRecord(r.id, r.document_id, title, dated, tuple(r.covers)) for r, title, dated in rows)


def screening_record(session: Session, row: HealthScreening, tz: Any = None) -> ScreeningRecord:
    letters = letters_of(session, row.id)
    outcome, reasons = evaluate(
        answers_of(row),
        letters,
        screened_on=row.taken_at.astimezone(tz).date(),
        letter_validity_months=int(setting(session, "doctors_letter_validity_months")),
    )
    return ScreeningRecord(
        id=row.id,
        client_id=row.client_id,
        taken_at=row.taken_at,
        answers=answers_of(row),
        outcome=outcome,
        reasons=reasons,
        letters=letters,
        paper_document_id=row.paper_document_id,
        note=row.note,
    )


def latest_screening(session: Session, client_id: int, *, until: datetime | None = None) -> HealthScreening | None:
    statement = select(HealthScreening).where(HealthScreening.client_id == client_id)
    if until is not None:
        statement = statement.where(HealthScreening.taken_at <= until)
    return session.scalar(statement.order_by(HealthScreening.taken_at.desc(), HealthScreening.id.desc()).limit(1))


# --- signed consents -------------------------------------------------------------------------------------------
def summary(row: ConsentRecord, template: ConsentTemplate) -> ConsentSummary:
    return ConsentSummary(
        id=row.id,
        client_id=row.client_id,
        template_id=template.id,
        template_name=template.name,
        template_title=template.title,
        template_version=template.version,
        kind=row.kind,
        method=row.method,
        signer_name=row.signer_name,
        witness_name=row.witness_name,
        signed_at=row.signed_at,
        document_id=row.document_id,
        document_sha256=row.document_sha256,
    )


def client_consents(session: Session, client_id: int) -> list[ConsentSummary]:
    rows = session.execute(
        select(ConsentRecord, ConsentTemplate)
        .join(ConsentTemplate, ConsentTemplate.id == ConsentRecord.template_id)
        .where(ConsentRecord.client_id == client_id)
        .order_by(ConsentRecord.signed_at.desc(), ConsentRecord.id.desc())
    )
    return [summary(record, template) for record, template in rows]


def valid_treatment_consent(
    session: Session, client_id: int, at: datetime, tz: Any = None
) -> tuple[ConsentSummary | None, date | None, str]:
    """The newest treatment consent signed by `at` that the gate accepts then: its template version current or
    still accepted, and signed no more than consent_validity_months before. Returns (consent, valid until, why not)."""
    months = int(setting(session, "consent_validity_months"))
    found = [c for c in client_consents(session, client_id) if c.kind is ConsentKind.TREATMENT and c.signed_at <= at]
    if not found:
        return None, None, "There is no signed treatment consent."
    why = ""
    for consent in found:
        template = session.get(ConsentTemplate, consent.template_id)
        assert template is not None
        until = add_months(consent.signed_at.astimezone(tz).date(), months)
        if not (template.accepted or template.version == latest_version(session, template.name)):
            why = why or (
                f"The treatment consent signed {consent.signed_at.astimezone(tz):%d %b %Y} is on version "
                f"{template.version} of the form, which the studio no longer accepts: sign the current version."
            )
            continue
        if at.astimezone(tz).date() > until:
            why = why or (
                f"The treatment consent signed {consent.signed_at.astimezone(tz):%d %b %Y} expired on "
                f"{until:%d %b %Y} (consents count for {months} months): sign a new one."
            )
            continue
        return consent, until, ""
    return None, None, why


def end_of_day(day: date, tz: Any = None) -> datetime:
    """The last moment of a calendar day in the studio's time zone (None: the computer's), as an aware datetime."""
    start = datetime.combine(day, time(0))
    local = start.astimezone() if tz is None else start.replace(tzinfo=tz)
    return (local + timedelta(days=1) - timedelta(microseconds=1)).astimezone(UTC)


def status_now(session: Session, client_id: int, now: datetime, tz: Any = None) -> ConsentStatus:
    consent, until, why = valid_treatment_consent(session, client_id, now, tz)
    if consent is None:
        return ConsentStatus(False, why)
    signed = consent.signed_at.astimezone(tz)
    return ConsentStatus(
        True,
        f"Treatment consent signed {signed:%d %b %Y} (form version {consent.template_version}), valid until "
        f"{until:%d %b %Y}.",
        consent.id,
        until,
    )

"""The demo studio's consents: every client whose course has begun filled in the health questionnaire and signed
the treatment consent before their first session. The first few signed on screen (real signed PDFs, made by the
consent service); the others signed on paper, kept as scans, inserted in bulk so a 10,000-client demo stays quick.
A few answered yes to a caution question, a few needed a doctor's letter, which is on record."""

from __future__ import annotations

import io
import random
from collections.abc import Generator
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from smp_desktop.core.domain import SessionStatus
from smp_desktop.core.models import (
    Client,
    ConsentRecord,
    HealthScreening,
    ScreeningLetter,
    StoredDocument,
    TreatmentSession,
)
from smp_desktop.core.models.consent import HealthTier, SigningMethod
from smp_desktop.core.models.document import DocumentKind
from smp_desktop.core.progress import Progress
from smp_desktop.core.services import audit
from smp_desktop.core.services import consent_store as store
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.client_data import display_name
from smp_desktop.core.services.consent_data import Answer, Signature
from smp_desktop.core.services.consents import ConsentService
from smp_desktop.core.services.screening import add_months, evaluate

ON_SCREEN = 3  # the first clients with a course signed on the pad: real PDFs to open
CAUTION_SHARE = 0.15
LETTER_SHARE = 0.05


def add_demo_consents(
    consents: ConsentService,
    database: sessionmaker[Session],
    owner: Actor,
    *,
    seed: int,
) -> Generator[Progress, None, int]:
    """Screenings and signed treatment consents before every course (a consent counts for consent_validity_months;
    a touch-up years later has its own); returns how many consents."""
    rnd = random.Random(f"{seed}-consents")
    with database() as session:
        visits = session.execute(
            select(
                TreatmentSession.client_id,
                TreatmentSession.starts_at,
                Client.first_name,
                Client.last_name,
                Client.preferred_name,
                TreatmentSession.health_unchanged,
            )
            .join(Client, Client.id == TreatmentSession.client_id)
            .where(TreatmentSession.status == SessionStatus.COMPLETED)
            .order_by(TreatmentSession.client_id, TreatmentSession.starts_at)
        ).all()
        questions = store.questions(session)
        template = store.current_template(session, "smp_treatment")
        template_id, template_kind = template.id, template.kind
        months = int(store.setting(session, "consent_validity_months"))
    cautions = [q for q in questions if q.tier is HealthTier.CAUTION]
    letters = [q for q in questions if q.tier is HealthTier.DOCTORS_LETTER]
    names: dict[int, str] = {}
    plans: list[tuple[int, datetime, dict[str, tuple[bool, str]], str | None]] = []
    last_signed: dict[int, datetime] = {}
    rescreens: list[tuple[int, datetime]] = []
    for client_id, starts_at, first_name, last_name, preferred, unchanged in visits:
        names[client_id] = display_name(first_name, last_name, preferred)
        starts_at = starts_at if starts_at.tzinfo else starts_at.replace(tzinfo=UTC)
        previous = last_signed.get(client_id)
        if previous is not None and add_months(previous.date(), months) >= starts_at.date():
            if unchanged is False:  # health changed since the last visit: the questionnaire again that day
                rescreens.append((client_id, starts_at - timedelta(minutes=15)))
            continue  # the consent signed for this course still counts
        # a new course (or a touch-up years later): questionnaire and consent just before the session
        signed_at = starts_at - timedelta(minutes=rnd.randint(20, 50))
        last_signed[client_id] = signed_at
        yes: dict[str, tuple[bool, str]] = {}
        if rnd.random() < CAUTION_SHARE:
            yes[rnd.choice(cautions).key] = (True, "")
        letter_key = rnd.choice(letters).key if rnd.random() < LETTER_SHARE else None
        if letter_key:
            yes[letter_key] = (True, "well controlled")
        plans.append((client_id, signed_at, yes, letter_key))
    total = len(plans)
    yield Progress(0, total, "Signing consents")
    done = 0
    for client_id, signed_at, yes, letter_key in plans[:ON_SCREEN]:  # the first clients' first consents
        _sign_on_screen(consents, owner, client_id, names[client_id], signed_at, questions, yes, letter_key)
        done += 1
    yield Progress(done, total, "Signing consents")
    paper = plans[ON_SCREEN:] + [(client_id, at, {}, None) for client_id, at in rescreens]
    _paper_in_bulk(
        consents, database, owner, paper, names, len(plans[ON_SCREEN:]), questions, template_id, template_kind, rnd
    )
    yield Progress(total, total, "Signing consents")
    return total


def _sign_on_screen(
    consents: ConsentService,
    owner: Actor,
    client_id: int,
    name: str,
    signed_at: datetime,
    questions: list[Any],
    yes: dict[str, tuple[bool, str]],
    letter_key: str | None,
) -> None:
    at = consents.with_clock(lambda: signed_at)
    answers: dict[str, bool | tuple[bool, str]] = {q.key: yes.get(q.key, False) for q in questions}
    screening = at.record_screening(owner, client_id, answers, taken_at=signed_at - timedelta(minutes=10))
    if letter_key:
        at.add_doctors_letter(
            owner,
            screening.id,
            letter_scan(client_id),
            filename="GP letter.png",
            dated_on=(signed_at - timedelta(days=9)).date(),
            covers=(letter_key,),
        )
    template = at.current(owner, "smp_treatment")
    choices: dict[str, Any] = {i.key: True for i in template.items if i.type in ("confirm", "yes_no")}
    choices.update({i.key: "declined" for i in template.items if i.type == "choice"})
    at.sign(
        owner,
        client_id,
        template.id,
        choices,
        Signature(name, scribble(client_id)),
        Signature(owner.display_name, scribble(client_id + 101)),
    )


def _paper_in_bulk(
    consents: ConsentService,
    database: sessionmaker[Session],
    owner: Actor,
    plans: list[tuple[int, datetime, dict[str, tuple[bool, str]], str | None]],
    names: dict[int, str],
    consents_count: int,
    questions: list[Any],
    template_id: int,
    template_kind: Any,
    rnd: random.Random,
) -> None:
    store_ = consents.documents.store
    scans = [store_.put(paper_scan(variant), ".png") for variant in range(3)]
    letter = store_.put(letter_scan(0), ".png")
    now = datetime.now(UTC)
    with database.begin() as session:
        document_id = (session.scalar(select(func.max(StoredDocument.id))) or 0) + 1
        screening_id = (session.scalar(select(func.max(HealthScreening.id))) or 0) + 1
        documents: list[dict[str, Any]] = []
        screenings: list[dict[str, Any]] = []
        letters: list[dict[str, Any]] = []
        records: list[dict[str, Any]] = []
        for number, (client_id, signed_at, yes, letter_key) in enumerate(plans):
            rescreen_only = number >= consents_count
            answers = [
                {
                    "key": q.key,
                    "text": q.text,
                    "tier": q.tier.value,
                    "yes": q.key in yes,
                    "detail": yes.get(q.key, (False, ""))[1],
                }
                for q in questions
            ]
            screenings.append(
                {
                    "id": screening_id,
                    "client_id": client_id,
                    "taken_at": signed_at,
                    "answers": answers,
                    "outcome": None,
                    "paper_document_id": None,
                    "note": "",
                    "created_at": now,
                    "created_by_id": owner.staff_id,
                }
            )
            if not rescreen_only:  # a questionnaire filled in again on the day, without a new consent
                scan = scans[rnd.randrange(len(scans))]
                documents.append(
                    _document_row(
                        document_id,
                        client_id,
                        DocumentKind.PAPER_CONSENT,
                        scan,
                        "Treatment consent (signed on paper)",
                        signed_at,
                        owner,
                        now,
                    )
                )
                records.append(
                    {
                        "client_id": client_id,
                        "template_id": template_id,
                        "kind": template_kind,
                        "method": SigningMethod.PAPER,
                        "screening_id": screening_id,
                        "choices": {},
                        "signer_name": names[client_id],
                        "witness_id": owner.staff_id,
                        "witness_name": owner.display_name,
                        "signed_at": signed_at,
                        "document_id": document_id,
                        "document_sha256": scan.content_hash,
                        "note": "",
                        "created_at": now,
                        "created_by_id": owner.staff_id,
                    }
                )
                document_id += 1
            covered: tuple[str, ...] = ()
            if letter_key:
                documents.append(
                    _document_row(
                        document_id,
                        client_id,
                        DocumentKind.DOCTORS_LETTER,
                        letter,
                        "Doctor's letter",
                        signed_at - timedelta(days=9),
                        owner,
                        now,
                    )
                )
                letters.append(
                    {
                        "screening_id": screening_id,
                        "document_id": document_id,
                        "covers": [letter_key],
                        "created_at": now,
                        "created_by_id": owner.staff_id,
                    }
                )
                covered = (letter_key,)
                document_id += 1
            outcome, _ = evaluate(
                [Answer(a["key"], a["text"], HealthTier(a["tier"]), a["yes"], a["detail"]) for a in answers],
                [store.LetterRecord(0, 0, "", (signed_at - timedelta(days=9)).date(), covered)] if covered else [],
                screened_on=signed_at.date(),
                letter_validity_months=6,
            )
            screenings[-1]["outcome"] = outcome
            screening_id += 1
        connection = session.connection()
        for table, rows in (
            (StoredDocument, documents),
            (HealthScreening, screenings),
            (ScreeningLetter, letters),
            (ConsentRecord, records),
        ):
            if rows:
                connection.execute(insert(table.__table__), rows)  # type: ignore[arg-type]
        audit.record(session, owner, "demo", "consent_record", None, f"{len(records)} paper consents")


def _document_row(
    document_id: int,
    client_id: int,
    kind: DocumentKind,
    stored: Any,
    title: str,
    dated: datetime,
    owner: Actor,
    now: datetime,
) -> dict[str, Any]:
    return {
        "id": document_id,
        "client_id": client_id,
        "kind": kind,
        "title": title,
        "original_filename": f"scan-{client_id:05d}.png",
        "media_type": "image/png",
        "content_hash": stored.content_hash,
        "stored_name": stored.name,
        "size_bytes": stored.size_bytes,
        "dated_on": dated.date(),
        "note": "",
        "created_at": now,
        "created_by_id": owner.staff_id,
    }


def scribble(seed: int) -> bytes:
    """A signature-like PNG stroke (transparent background), different for each seed."""
    from PIL import Image, ImageDraw

    rnd = random.Random(seed)
    image = Image.new("RGBA", (480, 140), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    x, points = 16, []
    while x < 460:
        points.append((x, rnd.randint(30, 110)))
        x += rnd.randint(18, 46)
    draw.line(points, fill=(22, 28, 60, 255), width=4, joint="curve")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def paper_scan(variant: int) -> bytes:
    """A grey-scale 'scan' of a signed paper form: lines of text and a signature at the foot."""
    from PIL import Image, ImageDraw

    rnd = random.Random(variant)
    image = Image.new("L", (620, 877), 246)
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, 380, 62), fill=70)
    for y in range(100, 700, 18):
        draw.line((40, y, rnd.randint(380, 580), y), fill=150, width=5)
    draw.line((40, 790, 280, 790), fill=120, width=1)
    draw.line([(50, 780), (90, 750), (130, 785), (180, 748), (240, 778)], fill=30, width=3)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def letter_scan(seed: int) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("L", (620, 877), 250)
    draw = ImageDraw.Draw(image)
    draw.rectangle((420, 40, 580, 90), fill=90)
    for y in range(160, 520, 20):
        draw.line((60, y, 540 - (y * 7 + seed) % 120, y), fill=140, width=5)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()

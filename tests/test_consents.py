"""ConsentService on a real studio: versioned templates (a signed version never changes), the questionnaire's tiers
as data, screening outcomes and doctor's letters, signing on screen (the PDF read back: wording, answers, both
signature images, hash), paper consents, what the front desk sees, validity, blank forms and the day's packets."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta

import pytest
from consent_helpers import all_no, complete_choices, signature_png
from pypdf import PdfReader
from sqlalchemy import select

from smp_desktop.core.domain import StaffRole
from smp_desktop.core.models import AuditEvent, ConsentTemplate
from smp_desktop.core.models.consent import ConsentKind, HealthTier, ScreeningOutcome, SigningMethod
from smp_desktop.core.services.access import Actor, PermissionDenied
from smp_desktop.core.services.consent_data import Section, Signature, TemplateDraft
from smp_desktop.core.services.consents import ConsentService, TemplateFrozen
from smp_desktop.core.services.errors import NotFound, ValidationFailed
from smp_desktop.core.studio_db import OpenStudio

NAME = '<b>Ann & "Co"</b>'


@pytest.fixture
def consents(studio: OpenStudio) -> ConsentService:
    return studio.services.consents


@pytest.fixture
def reception(studio: OpenStudio, owner: Actor) -> Actor:
    info = studio.services.studio.add_staff(owner, "Chloe Evans", StaffRole.RECEPTION)
    return Actor(info.id, info.display_name, info.role)


@pytest.fixture
def artist(studio: OpenStudio, owner: Actor) -> Actor:
    info = studio.services.studio.add_staff(owner, "Priya Shah", StaffRole.ARTIST)
    return Actor(info.id, info.display_name, info.role)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def images_in(data: bytes) -> int:
    return sum(len(page.images) for page in PdfReader(io.BytesIO(data)).pages)


def sign_treatment(studio: OpenStudio, actor: Actor, client_id: int, **overrides: object):  # type: ignore[no-untyped-def]
    consents = studio.services.consents
    template = consents.current(actor, "smp_treatment")
    return consents.sign(
        actor,
        client_id,
        template.id,
        complete_choices(template, **overrides),
        Signature("Zoë Łukasiewicz", signature_png(1)),
        Signature("Priya Shah", signature_png(7)),
    )


def test_the_defaults_ship_as_version_one(consents: ConsentService, owner: Actor) -> None:
    templates = consents.templates(owner)
    assert templates[0].name == "smp_treatment"
    assert {t.name for t in templates} == {"smp_treatment", "photo_release", "patch_test", "data_protection"}
    assert all(t.version == 1 and t.is_current and t.accepted for t in templates)
    treatment = consents.current(owner, "smp_treatment")
    keys = {i.key for i in treatment.items}
    assert {
        "age_and_id",
        "patch_test",
        "ink_information_shown",
        "risks_understood",
        "touch_up_expectations",
        "aftercare_received",
    } <= keys
    assert treatment.includes_questionnaire
    photo = consents.current(owner, "photo_release")
    assert {"clinical_photos", "marketing_photos"} <= {i.key for i in photo.items}
    tiers = {q.key: q.tier for q in consents.questionnaire(owner)}
    assert tiers["keloid_scarring"] is HealthTier.REFUSE
    assert tiers["diabetes"] is HealthTier.DOCTORS_LETTER
    assert tiers["retinoids"] is HealthTier.CAUTION
    with pytest.raises(NotFound, match="smp_treatment"):
        consents.current(owner, "no_such_form")


def test_an_edit_is_a_new_version_and_a_signed_version_never_changes(
    studio: OpenStudio, consents: ConsentService, owner: Actor, make_client
) -> None:
    client = make_client()
    consents.record_screening(owner, client.id, all_no(studio, owner))
    first = consents.current(owner, "smp_treatment")
    edited = first.draft
    edited = TemplateDraft(
        edited.title,
        (*edited.sections, Section("Our studio", "We close at 6 pm.")),
        edited.items,
        edited.includes_questionnaire,
        "Opening hours added",
    )
    second = consents.new_version(owner, "smp_treatment", edited)
    assert second.version == 2 and second.is_current and second.sections[-1].text == "We close at 6 pm."
    assert consents.template(owner, first.id).sections == first.sections  # the old version is untouched
    fixed = consents.update_version(owner, second.id, TemplateDraft(**{**_fields(edited), "title": "SMP consent"}))
    assert fixed.title == "SMP consent" and fixed.version == 2  # unsigned: corrected in place
    sign_treatment(studio, owner, client.id)
    assert consents.template(owner, second.id).signed_count == 1
    with pytest.raises(TemplateFrozen, match="new version"):
        consents.update_version(owner, second.id, edited)
    with studio.sessions() as session:
        assert session.get(ConsentTemplate, second.id).title == "SMP consent"  # type: ignore[union-attr]
    with pytest.raises(ValidationFailed):
        consents.new_version(owner, "smp_treatment", TemplateDraft("", (), ()))


def _fields(draft: TemplateDraft) -> dict[str, object]:
    return {n: getattr(draft, n) for n in ("title", "sections", "items", "includes_questionnaire", "change_note")}


def test_only_the_owner_edits_templates_and_tiers(consents: ConsentService, artist: Actor, owner: Actor) -> None:
    with pytest.raises(PermissionDenied):
        consents.new_version(artist, "smp_treatment", consents.current(owner, "smp_treatment").draft)
    with pytest.raises(PermissionDenied):
        consents.set_tier(artist, "diabetes", HealthTier.CAUTION)


def test_screening_outcomes_follow_the_studios_tiers(
    studio: OpenStudio, consents: ConsentService, owner: Actor, make_client
) -> None:
    client = make_client()
    eligible = consents.record_screening(owner, client.id, all_no(studio, owner, retinoids=(True, "Roaccutane")))
    assert eligible.outcome is ScreeningOutcome.ELIGIBLE
    assert [r.message for r in eligible.reasons] == [
        "Caution: Do you take isotretinoin (e.g. Roaccutane) or other retinoids? — Roaccutane"
    ]
    refused = consents.record_screening(
        owner, client.id, all_no(studio, owner, pregnant_breastfeeding=True, diabetes=True)
    )
    assert refused.outcome is ScreeningOutcome.NOT_ELIGIBLE
    assert refused.reasons[0].message.startswith("Not eligible now: Are you pregnant")
    consents.set_tier(owner, "retinoids", HealthTier.REFUSE)
    again = consents.record_screening(owner, client.id, all_no(studio, owner, retinoids=True))
    assert again.outcome is ScreeningOutcome.NOT_ELIGIBLE
    assert consents.screening(owner, eligible.id).outcome is ScreeningOutcome.ELIGIBLE  # asked with the old tier
    with pytest.raises(ValidationFailed) as failed:
        consents.record_screening(owner, client.id, {"diabetes": False})
    assert {p.code for p in failed.value.problems} == {"answer_required"}


def test_a_doctors_letter_clears_the_answers_it_covers(
    studio: OpenStudio, consents: ConsentService, owner: Actor, make_client
) -> None:
    client = make_client()
    screening = consents.record_screening(
        owner, client.id, all_no(studio, owner, diabetes=(True, "type 2"), epilepsy=True)
    )
    assert screening.outcome is ScreeningOutcome.NEEDS_DOCTORS_LETTER
    assert set(screening.needs_letter_for) == {"diabetes", "epilepsy"}
    letter = b"%PDF-1.4 a scanned letter"
    old = consents.add_doctors_letter(
        owner, screening.id, letter, filename="old.pdf", dated_on=date(2025, 1, 5), covers=("diabetes", "epilepsy")
    )
    assert old.outcome is ScreeningOutcome.NEEDS_DOCTORS_LETTER  # too old to count (6 months by default)
    partly = consents.add_doctors_letter(
        owner, screening.id, letter + b"2", filename="gp.pdf", dated_on=date(2026, 11, 20), covers=("diabetes",)
    )
    assert partly.outcome is ScreeningOutcome.NEEDS_DOCTORS_LETTER and partly.needs_letter_for == ("epilepsy",)
    cleared = consents.add_doctors_letter(
        owner, screening.id, letter + b"3", filename="neuro.jpg.pdf", dated_on=date(2026, 11, 21), covers=("epilepsy",)
    )
    assert cleared.outcome is ScreeningOutcome.ELIGIBLE
    assert len(cleared.letters) == 3 and cleared.letters[-1].dated_on == date(2026, 11, 21)
    assert any("Doctor's letter dated 21 Nov 2026" in r.message for r in cleared.reasons)
    docs = studio.services.documents.for_client(owner, client.id)
    assert {d.kind.value for d in docs} == {"doctors_letter"}
    with pytest.raises(ValidationFailed):
        consents.add_doctors_letter(
            owner, screening.id, letter, filename="x.pdf", dated_on=date(2026, 11, 21), covers=("retinoids",)
        )


def test_signing_makes_a_pdf_of_what_was_seen_and_keeps_its_hash(
    studio: OpenStudio, consents: ConsentService, owner: Actor, make_client
) -> None:
    client = make_client(first_name="Zoë", last_name=NAME)
    consents.record_screening(owner, client.id, all_no(studio, owner, antibiotics=(True, "Amoxicillin, 5 days")))
    with pytest.raises(ValidationFailed) as unconfirmed:
        sign_treatment(studio, owner, client.id, risks_understood=False)
    assert {p.code for p in unconfirmed.value.problems} == {"confirm_required"}
    with pytest.raises(ValidationFailed) as patch:
        sign_treatment(studio, owner, client.id, patch_test="done")
    assert {p.field for p in patch.value.problems} == {"patch_test_date", "patch_test_result"}
    signed = sign_treatment(studio, owner, client.id)
    assert signed.summary.method is SigningMethod.ON_SCREEN and signed.summary.kind is ConsentKind.TREATMENT
    check = consents.open_consent(owner, signed.summary.id)
    assert check.intact
    data = check.path.read_bytes()
    import hashlib

    assert hashlib.sha256(data).hexdigest() == signed.summary.document_sha256
    text = pdf_text(data)
    assert NAME in text  # user text is never markup
    assert "Scalp micropigmentation treatment consent" in text
    assert "Thousands of very small dots of" in text  # the version's own wording
    assert "Amoxicillin, 5 days" in text and "Outcome of the screening: Eligible" in text
    assert "Zoë Łukasiewicz" in text and "Priya Shah" in text and "version 1" in text
    assert images_in(data) >= 2  # both signatures
    assert PdfReader(io.BytesIO(data)).metadata.title == "Scalp micropigmentation treatment consent"
    # One changed byte is caught, loudly.
    altered = bytearray(data)
    altered[len(altered) // 2] ^= 0x20
    check.path.write_bytes(bytes(altered))
    broken = consents.open_consent(owner, signed.summary.id)
    assert not broken.intact and broken.problem.startswith("WARNING")


def test_signing_the_treatment_consent_needs_a_questionnaire_first(
    consents: ConsentService, owner: Actor, studio: OpenStudio, make_client
) -> None:
    client = make_client()
    with pytest.raises(ValidationFailed) as failed:
        sign_treatment(studio, owner, client.id)
    assert {p.code for p in failed.value.problems} == {"screening_required"}
    template = consents.current(owner, "photo_release")
    with pytest.raises(ValidationFailed) as unsigned:
        consents.sign(
            owner,
            client.id,
            template.id,
            complete_choices(template),
            Signature("A", b""),
            Signature("", signature_png()),
        )
    assert {p.code for p in unsigned.value.problems} == {"signature_required", "required"}


def test_a_paper_consent_is_the_signed_record(
    studio: OpenStudio, consents: ConsentService, reception: Actor, owner: Actor, make_client, tmp_path
) -> None:
    client = make_client()
    scan = tmp_path / "consent scan.jpg"
    from test_stored_documents import jpeg_bytes

    scan.write_bytes(jpeg_bytes())
    template = consents.current(owner, "smp_treatment")
    paper = consents.attach_paper(
        reception,
        client.id,
        template.id,
        scan,
        signed_on=date(2026, 11, 20),
        signer_name="  Дмитрий   Иванов ",
        witness_name="Chloe Evans",
    )
    assert paper.method is SigningMethod.PAPER and paper.signer_name == "Дмитрий Иванов"
    assert consents.open_consent(owner, paper.id).intact
    status = consents.treatment_status(reception, client.id)
    assert status.valid and "20 Nov 2026" in status.message
    with pytest.raises(ValidationFailed):
        consents.attach_paper(reception, client.id, template.id, scan, signed_on=date(2030, 1, 1), signer_name="X")


def test_reception_sees_whether_paperwork_is_done_never_the_health_answers(
    studio: OpenStudio, consents: ConsentService, reception: Actor, owner: Actor, make_client
) -> None:
    client = make_client()
    consents.record_screening(owner, client.id, all_no(studio, owner, hepatitis_hiv=(True, "HIV, undetectable")))
    assert not consents.overview(reception, client.id).treatment.valid
    mine = consents.overview(owner, client.id)
    assert mine.health_visible and mine.screening is not None
    desk = consents.overview(reception, client.id)
    assert not desk.health_visible and desk.screening is None and desk.screenings == ()
    assert desk.screening_on_record
    assert "HIV" not in repr(desk)
    with pytest.raises(PermissionDenied):
        consents.screening(reception, mine.screening.id)
    with pytest.raises(PermissionDenied):
        consents.record_screening(reception, client.id, all_no(studio, owner))
    with pytest.raises(PermissionDenied):  # the treatment form prints the health answers
        sign_treatment(studio, reception, client.id)
    photo = consents.current(reception, "photo_release")  # a form without health answers: the desk takes it
    done = consents.sign(
        reception,
        client.id,
        photo.id,
        complete_choices(photo, marketing_photos=False),
        Signature("Client", signature_png()),
        Signature("Chloe Evans", signature_png(3)),
    )
    assert consents.detail(reception, done.summary.id).choices["marketing_photos"] is False


def test_a_treatment_consent_counts_for_the_studios_months(studio: OpenStudio, owner: Actor, make_client) -> None:
    client = make_client()
    clock = [datetime(2026, 1, 10, 9, tzinfo=UTC)]
    consents = studio.services.consents.with_clock(lambda: clock[0])
    consents.record_screening(owner, client.id, all_no(studio, owner))
    sign_treatment_with(consents, owner, client.id)
    assert consents.treatment_status(owner, client.id).valid_until == date(2027, 1, 10)
    clock[0] = datetime(2027, 1, 11, 9, tzinfo=UTC)
    expired = consents.treatment_status(owner, client.id)
    assert not expired.valid and "expired on 10 Jan 2027" in expired.message
    clock[0] = datetime(2026, 2, 1, 9, tzinfo=UTC)
    template = consents.current(owner, "smp_treatment")
    consents.new_version(owner, "smp_treatment", template.draft, keep_older_accepted=False)
    refused = consents.treatment_status(owner, client.id)
    assert not refused.valid and "no longer accepts" in refused.message


def sign_treatment_with(consents: ConsentService, actor: Actor, client_id: int) -> None:
    template = consents.current(actor, "smp_treatment")
    consents.sign(
        actor,
        client_id,
        template.id,
        complete_choices(template),
        Signature("C", signature_png()),
        Signature("W", signature_png(2)),
    )


def test_blank_and_prefilled_forms_and_the_days_packets(
    studio: OpenStudio, consents: ConsentService, owner: Actor, make_client
) -> None:
    blank = consents.form_pdf(owner, "smp_treatment")
    text = pdf_text(blank)
    assert "Health questionnaire" in text and "Do you have diabetes?" in text and "Client's signature" in text
    client = make_client(first_name="王", last_name="伟", phone="+44 20 7946 0958")
    filled = pdf_text(consents.form_pdf(owner, "photo_release", client.id))
    assert "+44 20 7946 0958" in filled and "marketing" in filled
    from smp_desktop.core.domain import SessionKind
    from smp_desktop.core.services.session_data import SessionDraft

    day = date(2026, 11, 26)
    first = make_client(first_name="Νίκος", last_name="Παπαδόπουλος")
    second = make_client(first_name="Nguyễn", last_name="Văn Hùng")
    at = datetime(2026, 11, 26, 9, tzinfo=UTC)
    studio.services.sessions.create(
        owner, second.id, SessionDraft(kind=SessionKind.SESSION_2, starts_at=at + timedelta(hours=4))
    )
    studio.services.sessions.create(owner, first.id, SessionDraft(kind=SessionKind.SESSION_1, starts_at=at))
    start, end = consents.day_bounds(day)
    appointments = studio.services.sessions.planned_between(owner, start, end)
    pdf, entries = consents.packets(owner, appointments, day)
    assert [e.client_id for e in entries] == [first.id, second.id]  # appointment order
    assert [t.name for t in entries[0].templates] == ["smp_treatment", "photo_release", "data_protection"]
    text = pdf_text(pdf)
    assert text.index("Παπαδόπουλος") < text.index("Văn Hùng")
    assert "Session 1, Thu 26 Nov 2026" in text
    with studio.sessions() as session:
        printed = session.scalars(select(AuditEvent.entity).where(AuditEvent.action == "print")).all()
    assert "consent_packets" in printed

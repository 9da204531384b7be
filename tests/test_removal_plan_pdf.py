"""The removal-plan PDF read back with pypdf: every part of the plan in the text (names in any script, user text
literally, never as markup), the assessment photos embedded as downscaled renditions, the removal aftercare with
real dates, the audit, and the `document removal-plan` command's file, messages and exit codes."""

from __future__ import annotations

import io
import unicodedata
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from smp_desktop.core.demo_photos import write_scalp_photo
from smp_desktop.core.domain import PhotoView, ScalpZone, SessionKind, SessionStatus, StaffRole
from smp_desktop.core.models import AuditEvent, SessionZone, TreatmentSession
from smp_desktop.core.progress import run_to_end
from smp_desktop.core.removal_vocabulary import (
    InkAmount,
    InkColours,
    Layering,
    RemovalMethod,
    RemovalReason,
    RemovalSessionStatus,
    Scarring,
    TestSpotOutcome,
)
from smp_desktop.core.services.access import Actor, PermissionDenied
from smp_desktop.core.services.errors import NotFound
from smp_desktop.core.services.photo_data import PhotoImportOptions
from smp_desktop.core.services.removal_data import RemovalPhotoEntry, RemovalPlanRecord, RemovalSessionEntry
from smp_desktop.core.studio_db import OpenStudio
from smp_desktop.paths import StudioPaths
from tests.conftest import TODAY, run_cli

NAMES = [
    ("Zoë", "Łukasiewicz"),
    ("Νίκος", "Παπαδόπουλος"),
    ("Дмитрий", "Соколов"),
    ("Nguyễn Văn", "Hùng"),
    ("محمد", "العلي"),
    ("伟", "王"),
    ('<b>Ann & "Co"</b>', "Smith"),
]


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def image_count(pdf: bytes) -> int:
    return sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages)


def make_plan(studio: OpenStudio, owner: Actor, tmp_path: Path, first: str, last: str) -> RemovalPlanRecord:
    services = studio.services
    client = services.clients.create(owner, _draft(first, last), allow_duplicate=True)
    with studio.sessions.begin() as db:  # the course that put the pigment in (written as the record stands)
        course = TreatmentSession(
            client_id=client.id,
            kind=SessionKind.SESSION_1,
            status=SessionStatus.COMPLETED,
            starts_at=datetime(2025, 4, 2, 10, tzinfo=UTC),
            health_unchanged=True,
        )
        course.zones = [
            SessionZone(position=0, zone=ScalpZone.HAIRLINE, pigment_shade="Carbon black", pigment_lot="CB-24117")
        ]
        db.add(course)
    files = [
        write_scalp_photo(tmp_path / f"{client.id}-{n}.jpg", view, seed=n, size=(2400, 1800))
        for n, view in enumerate((PhotoView.FRONT_HAIRLINE, PhotoView.LEFT_TEMPLE))
    ]
    summary = run_to_end(services.photos.import_files(owner, files, PhotoImportOptions(client.id)))
    photo_ids = [f.photo.id for f in summary.files if f.photo is not None]
    removals = services.removals
    source = removals.pigment_sources(owner, client.id)[0]
    draft = removals.new_draft(owner, client.id, RemovalMethod.Q_SWITCHED_LASER, RemovalReason.SHAPE).replace(
        device="Nd:YAG <i>QS</i> & co",
        provider_name="Klinika Łódź",
        fitzpatrick_type=3,
        kd_colours=InkColours.BLACK_ONLY,
        kd_amount=InkAmount.MINIMAL,
        kd_scarring=Scarring.NONE,
        kd_layering=Layering.NONE,
        test_spot_on=TODAY - timedelta(days=60),
        test_spot_outcome=TestSpotOutcome.GOOD_RESPONSE,
        test_spot_notes="Faded by half",
        notes=f"Notes for {first} {last}",
        targets=(source.as_target(),),
        photos=tuple(RemovalPhotoEntry(pid, "Before") for pid in photo_ids),
        sessions=(
            RemovalSessionEntry(
                status=RemovalSessionStatus.DONE,
                planned_on=TODAY - timedelta(days=30),
                done_on=TODAY - timedelta(days=30),
                wavelength_nm=1064,
                fluence_j_cm2=3.5,
                spot_size_mm=4.0,
                repetition_hz=5.0,
                notes="Even frosting",
            ),
            RemovalSessionEntry(planned_on=TODAY + timedelta(days=5), interval_note="Client travels"),
        ),
    )
    return removals.create(owner, client.id, draft)


def _draft(first: str, last: str):  # type: ignore[no-untyped-def]
    from smp_desktop.core.services.client_data import ClientDraft

    return ClientDraft(first_name=first, last_name=last)


def test_the_pdf_holds_all_of_the_plan(studio: OpenStudio, owner: Actor, tmp_path: Path) -> None:
    plan = make_plan(studio, owner, tmp_path, "Zoë", "Łukasiewicz")
    document = studio.services.removal_documents.plan_pdf(owner, plan.id)
    text = text_of(document.pdf)
    for expected in (
        "Removal plan",
        "Zoë Łukasiewicz",
        "Reshape (hairline or edge)",
        "Q-switched laser",
        "Nd:YAG <i>QS</i> & co",  # user text literally, not markup
        "Klinika Łódź",
        "Type III",
        "Kirby-Desai score 7",  # 3 + 1 + 1 + 2 + 0 + 0
        "5 to 9",
        "Faded by half",
        "Carbon black",
        "CB-24117",
        "1064 nm",
        "3.5 J/cm²",
        "4 mm",
        "5 Hz",
        "Even frosting",
        "Client travels",  # the reason for the short interval
        "at least 42 days apart",
        "The earliest date for new SMP",
        "grey",  # the method's default risks
        "Assessment photos",
        "Aftercare after laser removal",  # the removal aftercare text set
        "Warning signs",
    ):
        assert expected in text, expected
    new_smp = plan.earliest_new_smp_on
    assert new_smp == TODAY + timedelta(days=5 + 90)
    assert "Sunday 28 February 2027" in text  # 25 Nov 2026 + 5 + 90 days, as a long date
    assert image_count(document.pdf) == 2
    reader = PdfReader(io.BytesIO(document.pdf))
    fonts = [ref.get_object() for page in reader.pages for ref in page["/Resources"]["/Font"].values()]
    assert fonts and all("/FontFile2" in font["/FontDescriptor"].get_object() for font in fonts)  # embedded
    assert reader.metadata is not None and reader.metadata.title == "Removal plan – Zoë Łukasiewicz"
    for page in reader.pages:
        for image in page.images:
            assert max(image.image.size) <= 1000  # print renditions, not the 2400-pixel originals
    assert document.file_name.endswith(".pdf") and "Removal-plan" in document.file_name
    with studio.sessions() as db:
        assert db.scalars(select(AuditEvent.action).where(AuditEvent.entity == "removal_plan")).all()[-1] == "document"


@pytest.mark.parametrize(("first", "last"), NAMES[1:])
def test_names_in_any_script_survive(studio: OpenStudio, owner: Actor, tmp_path: Path, first: str, last: str) -> None:
    plan = make_plan(studio, owner, tmp_path, first, last)
    text = text_of(studio.services.removal_documents.plan_pdf(owner, plan.id).pdf)
    if first == "محمد":  # right-to-left, shaped: presentation forms in visual order; their letters all there
        folded = unicodedata.normalize("NFKC", text)
        assert all(ch in folded for ch in "محمدالعلي")
    else:
        assert first in text and last in text


def test_without_photo_rights_no_photos_and_the_front_desk_gets_nothing(
    studio: OpenStudio, owner: Actor, tmp_path: Path
) -> None:
    plan = make_plan(studio, owner, tmp_path, "Zoë", "Łukasiewicz")
    info = studio.services.studio.add_staff(owner, "Chloe Evans", StaffRole.RECEPTION)
    with pytest.raises(PermissionDenied):
        studio.services.removal_documents.plan_pdf(Actor(info.id, info.display_name, info.role), plan.id)
    with pytest.raises(NotFound, match="Removal plan #999 does not exist"):
        studio.services.removal_documents.plan_pdf(owner, 999)


def test_a_missing_photo_file_is_named_in_its_place(studio: OpenStudio, owner: Actor, tmp_path: Path) -> None:
    plan = make_plan(studio, owner, tmp_path, "Zoë", "Łukasiewicz")
    first = plan.draft.photos[0].photo_id
    studio.services.photos.file_path(owner, first).unlink()
    document = studio.services.removal_documents.plan_pdf(owner, plan.id)
    assert "the photo file cannot be read" in text_of(document.pdf)
    assert image_count(document.pdf) == 1


def test_the_command_writes_the_pdf_and_refuses_an_unknown_plan(
    studio: OpenStudio, studio_paths: StudioPaths, owner: Actor, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = make_plan(studio, owner, tmp_path, "Дмитрий", "Соколов")
    studio.close()
    out = tmp_path / "plan.pdf"
    code, stdout, stderr = run_cli(
        capsys, "--data-dir", studio_paths.root, "document", "removal-plan", "--plan", plan.id, "--out", out
    )
    assert code == 0, stderr
    assert "Wrote" in stdout and str(out) in stdout
    assert "Дмитрий Соколов" in text_of(out.read_bytes())
    missing = tmp_path / "none.pdf"
    code, stdout, stderr = run_cli(
        capsys, "--data-dir", studio_paths.root, "document", "removal-plan", "--plan", 424242, "--out", missing
    )
    assert code == 1 and not missing.exists()
    assert stderr.startswith("error: Removal plan #424242 does not exist")
    code, _, stderr = run_cli(
        capsys, "--data-dir", studio_paths.root, "document", "removal-plan", "--plan", plan.id, "--out", tmp_path
    )
    assert code == 1 and "is a folder" in stderr

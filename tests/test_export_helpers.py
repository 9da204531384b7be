"""Builders for the export tests: a client with a full record (profile, sessions with zones and linked lots,
photos, a hairline design, a stored document, a removal plan) beside another client whose data must never leak
into the first one's export. (No tests here.)"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from consent_helpers import all_no, complete_choices, signature_png

from smp_desktop.core.demo_photos import demo_design, write_scalp_photo
from smp_desktop.core.domain import PhotoView, ScalpZone, ScarKind, SessionKind, SessionStatus, TreatmentReason
from smp_desktop.core.ink import ContactChannel, ContactOutcome
from smp_desktop.core.models import SessionZone, TreatmentSession
from smp_desktop.core.models.document import DocumentKind
from smp_desktop.core.models.ink import LotRecall, PigmentLot, PigmentProduct, RecallContact
from smp_desktop.core.models.removal import RemovalPhoto, RemovalPlan, RemovalSession, RemovalTarget
from smp_desktop.core.progress import run_to_end
from smp_desktop.core.removal_vocabulary import RemovalMethod, RemovalReason
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.client_data import ClientDraft, ScarEntry
from smp_desktop.core.services.consent_data import Signature
from smp_desktop.core.services.photo_data import PhotoImportOptions
from smp_desktop.core.studio_db import OpenStudio

TRICKY_NAMES = (
    ("Zoë", "Łukasiewicz"),
    ("Νίκος", "Παπαδόπουλος"),
    ("Дмитрий", "Иванов"),
    ("Hùng", "Nguyễn Văn"),
    ("محمد", "العلي"),
    ("伟", "王"),
    ('<b>Ann & "Co"</b>', "../../etc/passwd"),
)
HEALTH_NOTE = "Takes warfarin since 2024"
SCREENING_DETAIL = "Roaccutane until May"
NOTE = 'Νίκος Дмитрий 王伟 Nguyễn\nمحمد\n<b>Ann & "Co"</b>'


@dataclass(frozen=True)
class RichClient:
    client_id: int
    other_id: int
    photo_ids: tuple[int, ...]
    session_ids: tuple[int, ...]
    document_id: int
    plan_id: int
    lot_id: int


def make_rich_client(
    studio: OpenStudio, owner: Actor, folder: Path, *, first: str = "Zoë", last: str = "Łukasiewicz"
) -> RichClient:
    clients = studio.services.clients
    client = clients.create(
        owner,
        ClientDraft(
            first_name=first,
            last_name=last,
            preferred_name="Zo",
            date_of_birth=date(1985, 4, 2),
            phone="+44 20 7946 0958",
            email="zoe@example.com",
            city="Kraków",
            notes=NOTE,
            reasons=(TreatmentReason.THINNING, TreatmentReason.SCAR_CONCEALMENT),
            norwood_stage="4",
            scalp_condition_notes=HEALTH_NOTE,
            scars=(ScarEntry("Donor strip", ScarKind.FUT_STRIP, "12 cm"),),
            hair_colour="Dark brown",
        ),
        allow_duplicate=True,
    )
    other = clients.create(owner, ClientDraft(first_name="Other", last_name="Person", notes="not yours"))
    with studio.sessions.begin() as session:
        product = PigmentProduct(brand="Scalp Ink Co", name="Carbon Black #3")
        session.add(product)
        session.flush()
        lot = PigmentLot(product_id=product.id, lot_number="LOT-2026-07", expires_on=date(2028, 1, 31))
        session.add(lot)
        session.flush()
        consult = TreatmentSession(
            client_id=client.id,
            kind=SessionKind.CONSULTATION,
            status=SessionStatus.COMPLETED,
            starts_at=datetime(2026, 3, 2, 10, tzinfo=UTC),
            duration_minutes=60,
            artist_id=owner.staff_id,
            notes="Hairline agreed",
        )
        first_session = TreatmentSession(
            client_id=client.id,
            kind=SessionKind.SESSION_1,
            status=SessionStatus.COMPLETED,
            starts_at=datetime(2026, 3, 16, 10, tzinfo=UTC),
            artist_id=owner.staff_id,
            health_unchanged=False,
            health_changes="Started antibiotics",
            zones=[
                SessionZone(
                    position=0,
                    zone=ScalpZone.HAIRLINE,
                    pigment_shade="Carbon Black #3",
                    pigment_lot="LOT-2026-07",
                    lot_id=lot.id,
                    dilution_water_parts=3,
                    dilution_pigment_parts=1,
                    needle="1RL 0.25 mm",
                    machine_voltage=7.5,
                ),
                SessionZone(
                    position=1,
                    zone=ScalpZone.CROWN,
                    pigment_shade="Carbon Black #3",
                    pigment_lot="LOT-2026-07",
                    lot_id=lot.id,
                    dilution_water_parts=2,
                    dilution_pigment_parts=1,
                    needle="3RL 0.30 mm",
                ),
            ],
        )
        theirs = TreatmentSession(
            client_id=other.id,
            kind=SessionKind.SESSION_1,
            starts_at=datetime(2026, 4, 1, 9, tzinfo=UTC),
            zones=[SessionZone(position=0, zone=ScalpZone.CROWN, pigment_shade="Other shade", lot_id=lot.id)],
        )
        session.add_all([consult, first_session, theirs])
        session.flush()
        session_ids = (consult.id, first_session.id)
        lot_id = lot.id
    files = [
        write_scalp_photo(
            folder / "front-1.jpg", PhotoView.FRONT_HAIRLINE, taken=datetime(2026, 3, 2, 10), density=0.0
        ),
        write_scalp_photo(
            folder / "front-2.jpg", PhotoView.FRONT_HAIRLINE, taken=datetime(2026, 3, 16, 12), density=0.5
        ),
    ]
    crown = [write_scalp_photo(folder / "crown.png", PhotoView.CROWN, seed=3)]
    photos = studio.services.photos
    imported = []
    for batch, view, session_id in ((files, PhotoView.FRONT_HAIRLINE, session_ids[0]), (crown, PhotoView.CROWN, None)):
        summary = run_to_end(
            photos.import_files(
                owner, batch, PhotoImportOptions(client.id, session_id=session_id, view=view, note="Før")
            )
        )
        imported += [f.photo.id for f in summary.files if f.photo is not None]
    theirs_photo = write_scalp_photo(folder / "theirs.jpg", PhotoView.TOP, seed=9)
    run_to_end(photos.import_files(owner, [theirs_photo], PhotoImportOptions(other.id, view=PhotoView.TOP)))
    studio.services.hairlines.save_new_version(
        owner, client.id, PhotoView.FRONT_HAIRLINE, demo_design(), base_photo_id=imported[0], note="Soft, receded"
    )
    letter = b"%PDF-1.4\n% a doctor's letter\n" + "Dr Νίκος: fine to proceed".encode()
    document = studio.services.documents.attach_bytes(
        owner,
        letter,
        kind=DocumentKind.DOCTORS_LETTER,
        original_filename="letter/..\\CON.pdf",
        client_id=client.id,
        title="Letter from Dr Νίκος / GP",
        dated_on=date(2026, 2, 20),
    )
    studio.services.documents.attach_bytes(
        owner, b"%PDF-1.4\n% theirs\n", kind=DocumentKind.OTHER, original_filename="x.pdf", client_id=other.id
    )
    consents = studio.services.consents
    screening = consents.record_screening(owner, client.id, all_no(studio, owner, retinoids=(True, SCREENING_DETAIL)))
    template = consents.current(owner, "smp_treatment")
    consents.sign(
        owner,
        client.id,
        template.id,
        complete_choices(template),
        Signature("Zoë Łukasiewicz", signature_png(1)),
        Signature("Olivia Owner", signature_png(7)),
        screening_id=screening.id,
    )
    with studio.sessions.begin() as session:
        plan = RemovalPlan(
            client_id=client.id,
            reason=RemovalReason.SHAPE,
            method=RemovalMethod.PICOSECOND_LASER,
            provider_name="Klinika Zdrowia",
            fitzpatrick_type=2,
            risks="Lightening of the skin",
            sessions=[RemovalSession(position=0, planned_on=date(2026, 6, 1), wavelength_nm=1064, fluence_j_cm2=2.5)],
            targets=[RemovalTarget(position=0, zone=ScalpZone.HAIRLINE, pigment_shade="Carbon Black #3")],
            photos=[RemovalPhoto(position=0, photo_id=imported[0], caption="Before removal")],
        )
        session.add(plan)
        recall = LotRecall(lot_id=lot_id, recalled_on=date(2026, 9, 1), reason="Nickel above the limit")
        session.add(recall)
        session.flush()
        session.add(
            RecallContact(
                recall_id=recall.id,
                client_id=client.id,
                attempt=1,
                channel=ContactChannel.PHONE,
                outcome=ContactOutcome.REACHED,
                note="Told on the phone; no reaction",
                by_id=owner.staff_id,
            )
        )
        session.flush()
        plan_id = plan.id
    return RichClient(client.id, other.id, tuple(imported), session_ids, document.id, plan_id, lot_id)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()

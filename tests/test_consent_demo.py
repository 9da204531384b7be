"""The demo studio's consents: every completed pigmenting session was covered, when it happened, by a signed
treatment consent and an eligible screening (what the completion gate asks today); the first ones were signed on
screen and their PDFs are intact; a doctor's letter is on record where a screening needed one."""

from __future__ import annotations

from sqlalchemy import select

from smp_desktop.core.domain import PIGMENTING_KINDS, SessionStatus
from smp_desktop.core.models import ConsentRecord, ScreeningLetter, TreatmentSession
from smp_desktop.core.models.consent import SigningMethod
from smp_desktop.core.services.consent_gate import gate_problems
from tests.conftest import DemoStudio


def test_every_completed_demo_session_passes_the_gate(demo_studio: DemoStudio) -> None:
    studio, owner = demo_studio.studio, demo_studio.owner
    with studio.sessions() as session:
        done = session.scalars(select(TreatmentSession).where(TreatmentSession.status == SessionStatus.COMPLETED)).all()
        pigmenting = [row for row in done if row.kind in PIGMENTING_KINDS]
        assert len(pigmenting) > 100
        for row in pigmenting:
            assert gate_problems(session, row.client_id, row, documents=studio.paths.documents) == [], row.id
        records = session.scalars(select(ConsentRecord)).all()
        on_screen = [r for r in records if r.method is SigningMethod.ON_SCREEN]
        assert len(on_screen) == 3 and len(records) >= len({r.client_id for r in pigmenting})
        assert session.scalars(select(ScreeningLetter)).first() is not None
    for record in on_screen:
        check = studio.services.consents.open_consent(owner, record.id)
        assert check.intact and check.path.read_bytes().startswith(b"%PDF")
    paper = next(r for r in records if r.method is SigningMethod.PAPER)
    assert studio.services.consents.open_consent(owner, paper.id).intact

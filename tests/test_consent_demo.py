"""The demo studio's consents: every completed pigmenting session was covered, when it happened, by a signed
treatment consent and an eligible screening (what the completion gate asks today); the first ones were signed on
screen and their PDFs are intact; a doctor's letter is on record where a screening needed one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from smp_desktop.core.demo import create_demo_studio
from smp_desktop.core.domain import PIGMENTING_KINDS, SessionStatus
from smp_desktop.core.models import ConsentRecord, ScreeningLetter, TreatmentSession
from smp_desktop.core.models.consent import SigningMethod
from smp_desktop.core.progress import run_to_end
from smp_desktop.core.services.consent_gate import gate_problems
from smp_desktop.core.studio_db import open_studio
from smp_desktop.paths import StudioPaths

TODAY = date(2026, 11, 25)


def test_every_completed_demo_session_passes_the_gate(tmp_path: Path) -> None:
    paths = StudioPaths(tmp_path / "demo")
    with open_studio(paths, today=lambda: TODAY) as studio:
        owner = run_to_end(create_demo_studio(studio, clients=120, seed=2026, today=TODAY))
        with studio.sessions() as session:
            done = session.scalars(
                select(TreatmentSession).where(TreatmentSession.status == SessionStatus.COMPLETED)
            ).all()
            pigmenting = [row for row in done if row.kind in PIGMENTING_KINDS]
            assert len(pigmenting) > 100
            for row in pigmenting:
                assert gate_problems(session, row.client_id, row, documents=paths.documents) == [], row.id
            records = session.scalars(select(ConsentRecord)).all()
            on_screen = [r for r in records if r.method is SigningMethod.ON_SCREEN]
            assert len(on_screen) == 3 and len(records) >= len({r.client_id for r in pigmenting})
            assert session.scalars(select(ScreeningLetter)).first() is not None
        for record in on_screen:
            check = studio.services.consents.open_consent(owner, record.id)
            assert check.intact and check.path.read_bytes().startswith(b"%PDF")
        paper = next(r for r in records if r.method is SigningMethod.PAPER)
        assert studio.services.consents.open_consent(owner, paper.id).intact

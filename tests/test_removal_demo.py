"""The demo studio's removal plans: a Q-switched laser plan under way at a referred clinic (a session done with its
parameters, the next planned at the usual interval, assessment photos, pigment from the records) and a saline plan
in assessment; both valid as the service checks them, and the PDF of the first made from them."""

from __future__ import annotations

import io
from datetime import date, timedelta

from pypdf import PdfReader

from smp_desktop.core.removal_vocabulary import RemovalMethod, RemovalPlanStatus, RemovalSessionStatus
from tests.conftest import DemoStudio

TODAY = date(2026, 11, 25)


def test_the_demo_has_a_laser_plan_under_way_and_a_saline_assessment(demo_studio: DemoStudio) -> None:
    studio, owner = demo_studio.studio, demo_studio.owner
    removals = studio.services.removals
    plans = [
        removals.get(owner, summary.id)
        for client in studio.services.clients.list_page(owner, limit=60)[0]
        for summary in removals.list_for_client(owner, client.id)
    ]
    assert sorted(p.draft.method for p in plans) == [RemovalMethod.Q_SWITCHED_LASER, RemovalMethod.SALINE]
    laser = next(p for p in plans if p.draft.method is RemovalMethod.Q_SWITCHED_LASER)
    saline = next(p for p in plans if p.draft.method is RemovalMethod.SALINE)
    assert laser.draft.status is RemovalPlanStatus.IN_PROGRESS and laser.warnings == ()
    done, planned = laser.draft.sessions
    assert done.status is RemovalSessionStatus.DONE and done.wavelength_nm == 1064 and done.done_on is not None
    assert planned.planned_on == done.done_on + timedelta(days=56)
    assert laser.earliest_new_smp_on == planned.planned_on + timedelta(days=90)
    assert laser.draft.targets and laser.draft.photos and laser.draft.provider_name
    assert laser.kd_score is not None
    assert saline.draft.status is RemovalPlanStatus.ASSESSMENT and saline.draft.sessions == ()
    assert saline.draft.targets and saline.kd_score is not None
    document = studio.services.removal_documents.plan_pdf(owner, laser.id)
    reader = PdfReader(io.BytesIO(document.pdf))
    assert sum(len(page.images) for page in reader.pages) == len(laser.draft.photos)
    assert "Deansgate Skin & Laser Clinic" in " ".join((page.extract_text() or "") for page in reader.pages)

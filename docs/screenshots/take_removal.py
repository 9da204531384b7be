"""Regenerates the removal screenshot: a client's Removal tab with a Q-switched laser plan under way (Kirby-Desai
score, test spot, a session done with its parameters, one planned too soon with its reason, the pigment being
removed picked from the session records, assessment photos) and the earliest date for new SMP.

Run from the repository root:  .venv/bin/python docs/screenshots/take_removal.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from smp_desktop.core.demo_photos import write_scalp_photo
from smp_desktop.core.domain import PhotoView, ScalpZone, SessionKind, SessionStatus
from smp_desktop.core.models import SessionZone, TreatmentSession
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
from smp_desktop.core.services.client_data import ClientDraft
from smp_desktop.core.services.photo_data import PhotoImportOptions
from smp_desktop.core.services.removal_data import RemovalPhotoEntry, RemovalSessionEntry
from smp_desktop.core.studio_db import open_studio
from smp_desktop.paths import StudioPaths
from smp_desktop.ui.app import create_application
from smp_desktop.ui.background import SynchronousRunner
from smp_desktop.ui.studio_session import StudioSession

HERE = Path(__file__).resolve().parent
SIZE = (1400, 1000)


def _fail(error: Exception) -> None:
    raise SystemExit(f"the window reported an error: {type(error).__name__}: {error}")


def settle(app: QApplication, msecs: int = 150) -> None:
    QTest.qWait(msecs)
    app.processEvents()


def save_pages(pdf: bytes, target: Path) -> None:
    """The document's pages side by side, at about 60 dpi, as one PNG."""
    import pypdfium2
    from PIL import Image

    document = pypdfium2.PdfDocument(pdf)
    pages = [document[i].render(scale=60 / 72).to_pil() for i in range(len(document))]
    sheet = Image.new("RGB", (sum(p.width for p in pages) + 8 * (len(pages) - 1), max(p.height for p in pages)), "#888")
    x = 0
    for page in pages:
        sheet.paste(page, (x, 0))
        x += page.width + 8
    sheet.save(target)


def main() -> int:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    app = create_application(sys.argv[:1])
    today = date.today()
    with tempfile.TemporaryDirectory(prefix="removal-") as folder:
        paths = StudioPaths(Path(folder) / "SMP Desktop")
        studio = open_studio(paths)
        services = studio.services
        owner = services.studio.create("Northline Scalp Studio", "Alex Morgan", country="GB")
        client = services.clients.create(
            owner, ClientDraft(first_name="Zoë", last_name="Łukasiewicz", fitzpatrick_type=2), allow_duplicate=True
        )
        services.clients.create(owner, ClientDraft(first_name="Νίκος", last_name="Παππάς"), allow_duplicate=True)
        when = datetime.combine(today - timedelta(days=400), datetime.min.time(), UTC).replace(hour=10)
        # The course this client had elsewhere, recorded as it was (the consent gate is another screen's subject).
        with studio.sessions.begin() as db:
            course = TreatmentSession(
                client_id=client.id,
                kind=SessionKind.SESSION_1,
                status=SessionStatus.COMPLETED,
                starts_at=when,
                health_unchanged=True,
            )
            course.zones = [
                SessionZone(
                    position=0, zone=ScalpZone.HAIRLINE, pigment_shade="Carbon black (soft)", pigment_lot="CB-24117"
                ),
                SessionZone(
                    position=1, zone=ScalpZone.LEFT_TEMPLE, pigment_shade="Carbon black (soft)", pigment_lot="CB-24117"
                ),
                SessionZone(position=2, zone=ScalpZone.CROWN, pigment_shade="Charcoal", pigment_lot="CH-25031"),
            ]
            db.add(course)
        files = [
            write_scalp_photo(Path(folder) / f"IMG_{1200 + i}.jpg", view, seed=i, density=0.9)
            for i, view in enumerate((PhotoView.FRONT_HAIRLINE, PhotoView.LEFT_TEMPLE, PhotoView.TOP))
        ]
        imported = run_to_end(
            services.photos.import_files(owner, files, PhotoImportOptions(client.id, view=PhotoView.FRONT_HAIRLINE))
        )
        photo_ids = [f.photo.id for f in imported.files if f.photo is not None]
        removals = services.removals
        sources = removals.pigment_sources(owner, client.id)
        draft = removals.new_draft(owner, client.id, RemovalMethod.Q_SWITCHED_LASER, RemovalReason.SHAPE)
        draft = draft.replace(
            device="Nd:YAG Q-switched, 1064/532 nm",
            provider_name="Klinika Dermatologii Łódź",
            provider_contact="+48 42 555 01 23",
            kd_colours=InkColours.BLACK_ONLY,
            kd_amount=InkAmount.MINIMAL,
            kd_scarring=Scarring.NONE,
            kd_layering=Layering.NONE,
            test_spot_on=today - timedelta(days=72),
            test_spot_outcome=TestSpotOutcome.GOOD_RESPONSE,
            test_spot_notes="Faded by half, healed in 10 days, no change in skin colour.",
            notes="Hairline set 1 cm too low at the temples; lighten the front edge, then redesign.",
            targets=tuple(s.as_target() for s in sources[:2]),
            photos=tuple(RemovalPhotoEntry(pid, "") for pid in photo_ids[:2]),
            sessions=(
                RemovalSessionEntry(
                    status=RemovalSessionStatus.DONE,
                    planned_on=today - timedelta(days=30),
                    done_on=today - timedelta(days=30),
                    wavelength_nm=1064,
                    fluence_j_cm2=3.2,
                    spot_size_mm=4.0,
                    repetition_hz=5.0,
                    notes="Even frosting, no bleeding",
                ),
                RemovalSessionEntry(
                    planned_on=today + timedelta(days=5),
                    interval_note="Client abroad from week 7; faint residue only",
                ),
                RemovalSessionEntry(planned_on=today + timedelta(days=61)),
            ),
        )
        removals.create(owner, client.id, draft)

        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        session = StudioSession(paths, SynchronousRunner(report_error=_fail), settings, icon=app.windowIcon())
        session.start(studio)
        workspace = session.workspace
        assert workspace is not None and workspace.client_tabs is not None
        window = workspace.window
        window.resize(*SIZE)
        settle(app)
        list_ = workspace.clients.list
        row = list_.model.row_of(client.id)
        assert row is not None
        workspace.clients_view.table.setCurrentIndex(list_.model.index(row, 0))
        controller = workspace.client_tabs.controller("removal")
        assert controller is not None
        tab = controller._view  # type: ignore[attr-defined]
        workspace.clients_view.client_tabs.setCurrentWidget(tab)
        workspace.clients_view.splitter.setSizes([260, 1140])
        settle(app, 400)
        tab.session_table.selectRow(1)
        settle(app)
        window.grab().save(str(HERE / "removal-tab.png"))
        tab.editor_scroll.ensureWidgetVisible(tab.session_panel, 0, 0)
        settle(app)
        window.grab().save(str(HERE / "removal-tab-sessions.png"))
        tab.editor_scroll.verticalScrollBar().setValue(tab.editor_scroll.verticalScrollBar().maximum())
        settle(app)
        window.grab().save(str(HERE / "removal-tab-lower.png"))
        window.close()
        plan_id = controller.plan_id  # type: ignore[attr-defined]
        document = services.removal_documents.plan_pdf(owner, plan_id)
        save_pages(document.pdf, HERE / "removal-plan-pdf.png")
        studio.close()
    print(f"saved removal-tab*.png and removal-plan-pdf.png in {HERE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

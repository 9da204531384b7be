"""Regenerates the treatment-session screenshots: a client's Sessions tab (a course under way, a cancellation, the
next session planned) and the session editor (two zones, the spacing warning with its reason, the health
re-confirmation), for clients whose names are in several scripts.

Run from the repository root:  .venv/bin/python docs/screenshots/take_sessions.py
(under Xvfb for the platform's own style: xvfb-run -s "-screen 0 1600x1000x24" .venv/bin/python ...)
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from smp_desktop.core.domain import ScalpZone, SessionKind, StaffRole, TreatmentReason
from smp_desktop.core.services.client_data import ClientDraft
from smp_desktop.core.services.session_data import SessionDraft, ZoneEntry
from smp_desktop.core.studio_db import open_studio
from smp_desktop.paths import StudioPaths
from smp_desktop.ui.app import create_application
from smp_desktop.ui.background import SynchronousRunner
from smp_desktop.ui.studio_session import StudioSession

HERE = Path(__file__).resolve().parent
SIZE = (1280, 800)

HAIRLINE = ZoneEntry(
    ScalpZone.HAIRLINE,
    "Carbon black (soft)",
    "CB-24117",
    3,
    1,
    "1RL 0.25 mm",
    7.5,
    None,
    "90 Hz",
    "very shallow at the edge",
    "sparse, irregular",
)
FRONTAL = ZoneEntry(
    ScalpZone.FRONTAL, "Carbon black", "CB-24117", 2, 1, "1RL 0.30 mm", 8.0, None, "90 Hz", "0.3–0.4 mm", "medium"
)
CROWN = ZoneEntry(
    ScalpZone.CROWN,
    "Charcoal",
    "CH-25031",
    2,
    1,
    "3RL 0.30 mm",
    None,
    3.0,
    "level 5",
    "even pressure",
    "medium-dense",
    "swirl follows the natural whorl",
)


def _fail(error: Exception) -> None:
    raise SystemExit(f"the window reported an error: {type(error).__name__}: {error}")


def settle(app: QApplication, msecs: int = 150) -> None:
    QTest.qWait(msecs)
    app.processEvents()


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute).astimezone()


def main() -> int:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    app = create_application(sys.argv[:1])
    today = date.today()
    with tempfile.TemporaryDirectory(prefix="alex-") as folder:
        paths = StudioPaths(Path(folder) / "SMP Desktop")
        studio = open_studio(paths)
        services = studio.services
        owner = services.studio.create("Northline Scalp Studio", "Alex Morgan", country="GB")
        priya = services.studio.add_staff(owner, "Priya Shah", StaffRole.ARTIST)
        services.studio.add_staff(owner, "Chloe Evans", StaffRole.RECEPTION)
        clients = services.clients
        for first, last in [("Γιώργος", "Παπαδόπουλος"), ("Иван", "Иванов"), ("伟", "王"), ("Minh", "Nguyễn")]:
            clients.create(owner, ClientDraft(first_name=first, last_name=last), allow_duplicate=True)
        client = clients.create(
            owner,
            ClientDraft(
                first_name="Łukasz", last_name="Żółkiewski", reasons=(TreatmentReason.THINNING,), norwood_stage="5A"
            ),
            allow_duplicate=True,
        )
        other = clients.create(owner, ClientDraft(first_name="عبدالله", last_name="الحربي"), allow_duplicate=True)
        sessions = services.sessions
        done = dict(health_unchanged=True, artist_id=priya.id)
        consultation = today - timedelta(days=26)
        sessions.create(
            owner,
            client.id,
            SessionDraft(
                SessionKind.CONSULTATION,
                at(consultation, 16),
                60,
                notes="Soft hairline, slightly receded temples",
                **done,
            ),
            complete=True,
        )
        cancelled = sessions.create(
            owner,
            client.id,
            SessionDraft(SessionKind.SESSION_1, at(today - timedelta(days=19), 10), artist_id=priya.id),
        )
        sessions.cancel(owner, cancelled.id, "Sunburn on the scalp after a holiday — postponed")
        one = today - timedelta(days=12)
        sessions.create(
            owner,
            client.id,
            SessionDraft(
                SessionKind.SESSION_1,
                at(one, 10),
                210,
                numbing="none",
                skin_reaction="mild redness",
                zones=(HAIRLINE, FRONTAL, CROWN),
                **done,
            ),
            complete=True,
        )
        two = today - timedelta(days=1)
        sessions.create(
            owner,
            client.id,
            SessionDraft(
                SessionKind.SESSION_2,
                at(two, 10),
                180,
                zones=(HAIRLINE.replace(dilution_water_parts=2), FRONTAL, CROWN),
                **done,
            ),
            complete=True,
        )
        sessions.create(
            owner,
            other.id,
            SessionDraft(SessionKind.SESSION_2, at(today + timedelta(days=9), 10), 180, artist_id=priya.id),
        )

        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        session = StudioSession(paths, SynchronousRunner(report_error=_fail), settings, icon=app.windowIcon())
        session.start(studio)
        workspace = session.workspace
        assert workspace is not None and workspace.sessions is not None
        window = workspace.window
        window.resize(*SIZE)
        settle(app)
        list_ = workspace.clients.list
        row = list_.model.row_of(client.id)
        assert row is not None
        workspace.clients_view.table.setCurrentIndex(list_.model.index(row, 0))
        tabs = workspace.clients_view.client_tabs
        tab = workspace.sessions._view
        tabs.setCurrentWidget(tab)
        workspace.clients_view.splitter.setSizes([300, 980])
        tab.table.selectRow(0)
        settle(app)
        window.grab().save(str(HERE / "sessions-tab.png"))

        # The next session, booked too soon (a trip), with the spacing warning and its reason.
        tab.new_button.click()
        settle(app)
        editor = workspace.sessions.editor
        assert editor is not None
        view = editor.view
        view.date.setDate(view.date.date().addDays(-4))
        view.spacing_note.setText("Flying to Kraków on the 12th; client accepts a lighter layer")
        view.health_unchanged.setChecked(True)
        view.zone_model.set_zones((HAIRLINE.replace(dilution_water_parts=1), CROWN))
        settle(app)
        editor.dialog.grab().save(str(HERE / "sessions-editor.png"))
        editor.dialog.close_without_asking()
        window.close()
        studio.close()
    print(f"saved sessions-tab.png and sessions-editor.png in {HERE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

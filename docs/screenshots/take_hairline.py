"""Regenerates the hairline design screenshots: the Hairline tab drawing the current design on the consultation
photo (a density zone picked), and the same design over the latest photo of the view, after the sessions.
The scalp photos are drawn by smp_desktop/core/demo_photos.py.

Run from the repository root:  .venv/bin/python docs/screenshots/take_hairline.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests" / "ui"))

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from smp_desktop.core.demo_photos import write_scalp_photo
from smp_desktop.core.domain import PhotoView
from smp_desktop.core.hairline import HairlineShapes, Point, Zone, ZoneKind
from smp_desktop.core.hairline_edit import Part, Target
from smp_desktop.core.progress import run_to_end
from smp_desktop.core.services.photo_data import PhotoImportOptions
from smp_desktop.core.studio_db import open_studio
from smp_desktop.paths import StudioPaths
from smp_desktop.ui.app import create_application
from smp_desktop.ui.background import SynchronousRunner
from smp_desktop.ui.studio_session import StudioSession
from smp_desktop.ui.views.hairline_page_view import HairlinePageView

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from take import seed  # noqa: E402 (the README screenshots' international clients)

SIZE = (1280, 800)


def _fail(error: Exception) -> None:
    raise SystemExit(f"the window reported an error: {type(error).__name__}: {error}")


def settle(app: QApplication, msecs: int = 200) -> None:
    QTest.qWait(msecs)
    app.processEvents()


def design(lowered: float) -> HairlineShapes:
    """A soft front hairline with gently receded corners on a 4:3 photo, `lowered` (of the height) lower."""
    y = lowered
    return HairlineShapes(
        hairline=(
            Point(0.2, 0.49 + y),
            Point(0.3, 0.545 + y),
            Point(0.4, 0.578 + y),
            Point(0.5, 0.588 + y),
            Point(0.6, 0.578 + y),
            Point(0.7, 0.545 + y),
            Point(0.8, 0.49 + y),
        ),
        left_temple=Point(0.835, 0.56 + y),
        right_temple=Point(0.165, 0.56 + y),
        zones=(
            Zone(
                ZoneKind.DENSITY,
                "Front third, full",
                (Point(0.36, 0.565 + y), Point(0.64, 0.565 + y), Point(0.62, 0.34), Point(0.38, 0.34)),
                4,
            ),
            Zone(
                ZoneKind.DENSITY,
                "Blend into the sides",
                (Point(0.2, 0.48 + y), Point(0.3, 0.53 + y), Point(0.3, 0.4), Point(0.2, 0.36)),
                2,
            ),
            Zone(
                ZoneKind.KEEP_CLEAR,
                "Mole: leave clear",
                (Point(0.7, 0.33), Point(0.73, 0.33), Point(0.73, 0.37), Point(0.7, 0.37)),
            ),
        ),
        base_aspect=4 / 3,
    )


def main() -> int:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    app = create_application(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="alex-") as folder:
        paths = StudioPaths(Path(folder) / "SMP Desktop")
        studio = open_studio(paths)
        owner = studio.services.studio.create("Northline Scalp Studio", "Alex Morgan", country="GB")
        client_id = seed(studio.services.clients, owner)
        camera = Path(folder) / "camera"
        now = datetime.now(UTC).replace(hour=10, minute=0, second=0, microsecond=0)
        photo_ids = []
        for number, (days, density, size) in enumerate([(70, 0.0, (1600, 1200)), (20, 0.95, (2000, 1500))]):
            path = write_scalp_photo(
                camera / f"IMG_{4100 + number}.jpg",
                PhotoView.FRONT_HAIRLINE,
                taken=(now - timedelta(days=days)).astimezone().replace(tzinfo=None),
                size=size,
                density=density,
                seed=11 + number,
            )
            options = PhotoImportOptions(client_id, None, PhotoView.FRONT_HAIRLINE, clinical_consent=True)
            summary = run_to_end(studio.services.photos.import_files(owner, [path], options))
            photo_ids.append(summary.files[0].photo.id)
        hairlines = studio.services.hairlines
        hairlines.save_new_version(
            owner,
            client_id,
            PhotoView.FRONT_HAIRLINE,
            design(-0.03),
            base_photo_id=photo_ids[0],
            note="Consultation: soft, slightly receded temples",
        )
        hairlines.save_new_version(
            owner,
            client_id,
            PhotoView.FRONT_HAIRLINE,
            design(0.0),
            base_photo_id=photo_ids[0],
            note="Lowered 5 mm at the client's wish",
        )

        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        session = StudioSession(paths, SynchronousRunner(report_error=_fail), settings, icon=app.windowIcon())
        session.start(studio)
        workspace = session.workspace
        assert workspace is not None and workspace.hairline is not None
        window = workspace.window
        window.resize(*SIZE)
        settle(app)
        clients = workspace.clients
        row = clients.list.model.row_of(client_id)
        assert row is not None
        workspace.clients_view.table.setCurrentIndex(clients.list.model.index(row, 0))
        tabs = workspace.clients_view.client_tabs
        page = next(tabs.widget(i) for i in range(tabs.count()) if isinstance(tabs.widget(i), HairlinePageView))
        tabs.setCurrentWidget(page)
        workspace.clients_view.splitter.setSizes([300, 980])
        settle(app)
        page.canvas.fit()
        page.canvas.select(Target(Part.ZONE, 0))
        settle(app)
        window.grab().save(str(HERE / "hairline-editor.png"))

        # The current design over the latest photo of the view (a larger one), after the sessions.
        index = page.photo_combo.findData(photo_ids[1])
        page.photo_combo.setCurrentIndex(index)
        page.photo_combo.activated.emit(index)
        page.canvas.select(None)
        settle(app)
        window.grab().save(str(HERE / "hairline-over-later-photo.png"))

        window.close()
        studio.close()
    print(f"saved hairline-editor.png and hairline-over-later-photo.png in {HERE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Regenerates the photo library screenshots: the client's Photos tab, the viewer with the ghost of the last shot,
the before/after comparison with its wipe line, and the import dialog's summary. The scalp photos are drawn by
smp_desktop/core/demo_photos.py (a shaded head, the hair left at the sides, pigment dots denser session by session).

Run from the repository root:  .venv/bin/python docs/screenshots/take_photos.py
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
from smp_desktop.core.domain import PhotoView, SessionKind
from smp_desktop.core.progress import run_to_end
from smp_desktop.core.services.photo_data import PhotoImportOptions
from smp_desktop.core.services.session_data import SessionDraft
from smp_desktop.core.studio_db import open_studio
from smp_desktop.paths import StudioPaths
from smp_desktop.ui.app import create_application
from smp_desktop.ui.background import SynchronousRunner
from smp_desktop.ui.studio_session import StudioSession
from smp_desktop.ui.views.photo_compare_view import CompareMode
from smp_desktop.ui.views.photo_gallery_view import PhotoGalleryView

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from take import seed  # noqa: E402 (the README screenshots' international clients)

SIZE = (1280, 800)
PHOTO_SIZE = (1600, 1200)
# (days before today, session kind or None, [(view, density)])
VISITS = [
    (70, SessionKind.CONSULTATION, [(PhotoView.FRONT_HAIRLINE, 0.0), (PhotoView.TOP, 0.0), (PhotoView.CROWN, 0.0)]),
    (56, SessionKind.SESSION_1, [(PhotoView.FRONT_HAIRLINE, 0.35), (PhotoView.LEFT_TEMPLE, 0.3)]),
    (42, SessionKind.SESSION_2, [(PhotoView.FRONT_HAIRLINE, 0.65), (PhotoView.CROWN, 0.55), (PhotoView.TOP, 0.6)]),
    (28, SessionKind.SESSION_3, [(PhotoView.FRONT_HAIRLINE, 0.95), (PhotoView.RIGHT_TEMPLE, 0.9)]),
]


def _fail(error: Exception) -> None:
    raise SystemExit(f"the window reported an error: {type(error).__name__}: {error}")


def settle(app: QApplication, msecs: int = 200) -> None:
    QTest.qWait(msecs)
    app.processEvents()


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
        seed_number = 1
        for days, kind, shots in VISITS:
            when = now - timedelta(days=days)
            session = studio.services.sessions.create(owner, client_id, SessionDraft(kind, when))
            for view, density in shots:
                taken = (when + timedelta(minutes=5 * seed_number)).astimezone().replace(tzinfo=None)
                path = write_scalp_photo(
                    camera / f"IMG_{4000 + seed_number}.jpg",
                    view,
                    taken=taken,
                    size=PHOTO_SIZE,
                    density=density,
                    seed=seed_number,
                    shift=((seed_number % 3 - 1) * 0.012, (seed_number % 2) * 0.01),
                )
                options = PhotoImportOptions(
                    client_id, session.id, view, clinical_consent=True, marketing_consent=seed_number % 3 == 0
                )
                run_to_end(studio.services.photos.import_files(owner, [path], options))
                seed_number += 1

        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        session = StudioSession(paths, SynchronousRunner(report_error=_fail), settings, icon=app.windowIcon())
        session.start(studio)
        workspace = session.workspace
        assert workspace is not None and workspace.photos is not None
        window = workspace.window
        window.resize(*SIZE)
        settle(app)
        clients = workspace.clients
        row = clients.list.model.row_of(client_id)
        assert row is not None
        workspace.clients_view.table.setCurrentIndex(clients.list.model.index(row, 0))
        tabs = workspace.clients_view.client_tabs
        gallery = next(tabs.widget(i) for i in range(tabs.count()) if isinstance(tabs.widget(i), PhotoGalleryView))
        tabs.setCurrentWidget(gallery)
        settle(app)
        photos = workspace.photos
        grid = gallery.grid
        grid.setCurrentIndex(photos.model.index(photos.model.row_of(photos.model.photos()[0].id) or 0))
        settle(app)
        window.grab().save(str(HERE / "photos-gallery.png"))

        # The viewer on the latest front hairline photo, the one before it laid over as a ghost.
        latest_front = next(p for p in photos.model.photos() if p.view is PhotoView.FRONT_HAIRLINE)
        grid.setCurrentIndex(photos.model.index(photos.model.row_of(latest_front.id) or 0))
        gallery.open_action.trigger()
        assert photos.viewer is not None
        viewer = photos.viewer.parent()
        viewer.resize(1280, 800)
        settle(app)
        viewer.ghost.check.setChecked(True)
        viewer.ghost.opacity.setValue(35)
        settle(app)
        viewer.grab().save(str(HERE / "photos-viewer.png"))
        viewer.close()

        # Compare: the first and the latest front hairline photos, the wipe line a little left of the middle.
        grid.clearSelection()
        gallery.compare_action.trigger()
        assert photos.compare is not None
        compare = photos.compare.parent()
        compare.resize(1280, 800)
        settle(app)
        compare.slider_button.click()
        compare.show_mode(CompareMode.SLIDER)
        compare.wipe_slider.setValue(450)
        settle(app)
        compare.grab().save(str(HERE / "photos-compare.png"))
        compare.close()

        # An import of a new visit's photos, one of them a damaged copy, with the ghost on the preview.
        visit = Path(folder) / "today"
        files = [
            write_scalp_photo(
                visit / f"IMG_{5000 + n}.jpg",
                PhotoView.FRONT_HAIRLINE,
                size=PHOTO_SIZE,
                density=0.95,
                seed=40 + n,
                shift=(0.02 * n, 0.015),
            )
            for n in range(4)
        ]
        damaged = visit / "IMG_5004.jpg"
        damaged.write_bytes(files[0].read_bytes()[:4000])
        files.insert(2, damaged)
        importer = photos.start_import(files)
        assert importer is not None
        dialog = importer.parent()
        dialog.resize(1180, 780)
        dialog.tags.set_photo_view(PhotoView.FRONT_HAIRLINE)
        dialog.file_list.setCurrentIndex(importer.model.row_index(3))
        dialog.ghost.check.setChecked(True)  # session 3's front hairline photo laid over the new shot
        dialog.ghost.opacity.setValue(40)
        settle(app)
        dialog.import_button.click()
        dialog.file_list.setCurrentIndex(importer.model.row_index(3))
        settle(app)
        dialog.grab().save(str(HERE / "photos-import.png"))
        dialog.close()

        window.close()
        studio.close()
    print(f"saved photos-gallery.png, photos-viewer.png, photos-compare.png and photos-import.png in {HERE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

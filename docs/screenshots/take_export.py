"""Regenerates the export screenshots: the record's choices, the record in the preview, a batch export of several
clients finished, and PNG renderings of the record PDF's pages (identity and consents, sessions and photos, the
hairline design over its photo and the removal plan), for a client whose record has everything.

Run from the repository root:  .venv/bin/python docs/screenshots/take_export.py   (needs pdftoppm, poppler-utils)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from PySide6.QtCore import QLocale, QSettings  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from test_export_helpers import make_rich_client  # noqa: E402

from smp_desktop.core.services.client_data import ClientDraft  # noqa: E402
from smp_desktop.core.services.exports import RecordOptions  # noqa: E402
from smp_desktop.core.studio_db import open_studio  # noqa: E402
from smp_desktop.paths import StudioPaths  # noqa: E402
from smp_desktop.ui.app import create_application  # noqa: E402
from smp_desktop.ui.background import SynchronousRunner  # noqa: E402
from smp_desktop.ui.dialogs.export_many_dialog import ExportManyDialog  # noqa: E402
from smp_desktop.ui.dialogs.export_record_dialog import ExportRecordDialog  # noqa: E402
from smp_desktop.ui.studio_session import StudioSession  # noqa: E402

HERE = Path(__file__).resolve().parent
SIZE = (1280, 800)


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()
        QTest.qWait(20)


def _fail(error: Exception) -> None:
    raise error


def main() -> int:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    app = create_application(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="export-") as folder:
        paths = StudioPaths(Path(folder) / "SMP Desktop")
        studio = open_studio(paths)
        services = studio.services
        owner = services.studio.create(
            "Northline Scalp Studio", "Alex Morgan", country="GB", address="12 Market Street\nManchester M1 1AA"
        )
        rich = make_rich_client(studio, owner, Path(folder) / "photos")
        for first, last in [("Γιώργος", "Παπαδόπουλος"), ("Иван", "Иванов"), ("伟", "王"), ("Minh", "Nguyễn")]:
            services.clients.create(owner, ClientDraft(first_name=first, last_name=last), allow_duplicate=True)

        pdf = services.exports.record_pdf_bytes(owner, rich.client_id, RecordOptions(True, True))
        record = Path(folder) / "record.pdf"
        record.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "70", str(record), str(Path(folder) / "page")], check=True)
        pages = sorted(Path(folder).glob("page-*.png"))
        for number, page in enumerate(pages[:6], start=1):
            page.replace(HERE / f"record-pdf-{number}.png")

        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        session = StudioSession(paths, SynchronousRunner(report_error=_fail), settings, icon=app.windowIcon())
        session.start(studio)
        workspace = session.workspace
        assert workspace is not None and workspace.exports is not None
        window = workspace.window
        window.resize(*SIZE)
        settle(app)
        workspace.clients.list.refresh(select_id=rich.client_id)
        workspace.clients._on_client_picked(rich.client_id)
        settle(app)

        window.export_record_action.trigger()
        settle(app)
        dialog = window.findChild(ExportRecordDialog)
        assert dialog is not None
        dialog.health.setChecked(True)
        dialog.photos.setChecked(True)
        settle(app)
        dialog.grab().save(str(HERE / "export-record-dialog.png"))
        dialog.preview_button.click()
        settle(app)
        preview = workspace.exports.preview
        assert preview is not None
        preview.resize(900, 1000)
        settle(app)
        preview.grab().save(str(HERE / "export-record-preview.png"))
        preview.close()

        window.export_many_action.trigger()
        settle(app)
        batch = window.findChild(ExportManyDialog)
        assert batch is not None
        batch.select_all.click()
        batch.subject_choice.setChecked(True)
        batch.folder.setText(str(Path(folder) / "exports"))
        batch.export_button.click()
        settle(app)
        batch.grab().save(str(HERE / "export-many.png"))
        batch.reject()
        window.close()
        studio.close()
    print(f"saved export-record-dialog.png, export-record-preview.png, export-many.png, record-pdf-*.png in {HERE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

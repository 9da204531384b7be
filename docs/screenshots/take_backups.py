"""Regenerates the backup screenshots: the Backups dialog over the main window (backups of several kinds and ages,
one that failed its check) and the dialog shown at start when the studio database is damaged.

Run from the repository root:  .venv/bin/python docs/screenshots/take_backups.py
(under Xvfb for the platform's own style: xvfb-run -s "-screen 0 1600x1000x24" .venv/bin/python ...)
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from smp_desktop.core.backups import list_backups
from smp_desktop.core.backups.manifest import VERIFIED_NAME
from smp_desktop.core.services.backups import BackupService
from smp_desktop.core.studio_db import DatabaseDamaged, open_studio
from smp_desktop.paths import StudioPaths
from smp_desktop.ui.app import create_application
from smp_desktop.ui.background import SynchronousRunner
from smp_desktop.ui.dialogs.damaged_studio import DamagedStudioDialog
from smp_desktop.ui.studio_session import StudioSession

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from take import seed  # noqa: E402 (the README screenshots' international clients)

SIZE = (1280, 800)


def _fail(error: Exception) -> None:
    raise SystemExit(f"the window reported an error: {type(error).__name__}: {error}")


def settle(app: QApplication, msecs: int = 150) -> None:
    QTest.qWait(msecs)
    app.processEvents()


def main() -> int:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    app = create_application(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="alex-") as folder:
        paths = StudioPaths(Path(folder) / "SMP Desktop")
        studio = open_studio(paths)
        owner = studio.services.studio.create("Northline Scalp Studio", "Alex Morgan", country="GB")
        seed(studio.services.clients, owner)
        backups = BackupService.for_studio(studio)
        now = datetime.now(UTC).replace(second=0, microsecond=0)
        for age, reason in [
            (timedelta(days=9, hours=2), "on-close"),
            (timedelta(days=4, hours=6), "before-restore"),
            (timedelta(days=4, hours=6, minutes=-2), "manual"),
            (timedelta(days=1, hours=3), "on-close"),
            (timedelta(hours=5), "periodic"),
            (timedelta(hours=4, minutes=30), "periodic"),
            (timedelta(hours=1), "manual"),
        ]:
            backups.back_up(owner, reason, now=now - age)
        # One backup whose check failed (its drive was unplugged half-way, say): listed, in red, with the reason.
        failed = next(r for r in list_backups(paths.backups) if r.reason == "before-restore")
        verified = json.loads((failed.path / VERIFIED_NAME).read_text())
        verified.update(ok=False, problems=["files/3f/3f9a…: the stored photo does not match its hash"])
        (failed.path / VERIFIED_NAME).write_text(json.dumps(verified))

        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        session = StudioSession(paths, SynchronousRunner(report_error=_fail), settings, icon=app.windowIcon())
        session.start(studio)
        assert session.workspace is not None and session.workspace.backups is not None
        window = session.workspace.window
        window.resize(*SIZE)
        settle(app)
        dialog = session.workspace.backups.open_backups()
        dialog.resize(900, 520)
        settle(app)
        dialog.table.selectRow(0)
        settle(app)
        dialog.grab().save(str(HERE / "backups-dialog.png"))
        dialog.reject()
        session.workspace.backups.stop()
        window.close()
        studio.close()

        # A damaged database at start: random bytes where the studio was.
        paths.database.write_bytes(os.urandom(64 * 1024))
        for suffix in ("-wal", "-shm"):
            paths.database.with_name(paths.database.name + suffix).unlink(missing_ok=True)
        try:
            open_studio(paths)
        except DatabaseDamaged as damaged:
            start_dialog = DamagedStudioDialog(damaged, list_backups(paths.backups), paths.backups)
            start_dialog.resize(900, 520)
            start_dialog.show()
            settle(app)
            start_dialog.grab().save(str(HERE / "damaged-database.png"))
            start_dialog.close()
    print(f"saved backups-dialog.png and damaged-database.png in {HERE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

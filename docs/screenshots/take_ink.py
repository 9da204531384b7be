"""Regenerates the ink register screenshots on a small demo studio: the catalogue with swatches, the lots with
their warnings, the lot editor (label checklist with a missing item), the recall screen (a recalled lot's clients
with one contact logged) and the session editor's lot picker asking for a reason.

Run from the repository root:  .venv/bin/python docs/screenshots/take_ink.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QDate, QLocale, QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from smp_desktop.core.demo import create_demo_studio
from smp_desktop.core.ink import ContactChannel, ContactOutcome
from smp_desktop.core.progress import run_to_end
from smp_desktop.core.studio_db import open_studio
from smp_desktop.paths import StudioPaths
from smp_desktop.ui.app import create_application
from smp_desktop.ui.background import SynchronousRunner
from smp_desktop.ui.models.ink_models import RECORD_ROLE
from smp_desktop.ui.studio_session import StudioSession

HERE = Path(__file__).resolve().parent
SIZE = (1360, 820)


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
        owner = run_to_end(create_demo_studio(studio, clients=120))
        ink = studio.services.ink
        recall = ink.recalls(owner)[0]
        report = ink.recall_report(owner, recall.lot_id)
        first = report.clients[0]
        ink.log_contact(owner, recall.lot_id, first.client_id, ContactChannel.PHONE, ContactOutcome.NO_ANSWER)
        ink.log_contact(owner, recall.lot_id, first.client_id, ContactChannel.SMS, ContactOutcome.REACHED,
                        "Replied by text: no redness, will send a photo")  # fmt: skip

        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        session = StudioSession(paths, SynchronousRunner(report_error=_fail), settings, icon=app.windowIcon())
        session.start(studio)
        workspace = session.workspace
        assert workspace is not None and workspace.ink is not None
        window = workspace.window
        window.resize(*SIZE)
        names = [window.navigation.item(i).text() for i in range(window.navigation.count())]
        window.navigation.setCurrentRow(names.index("Ink register"))
        settle(app)
        controller = workspace.ink.controller
        view = controller.view
        view.product_table.selectRow(1)
        settle(app)
        window.grab().save(str(HERE / "ink-catalogue.png"))

        view.tabs.setCurrentIndex(1)
        settle(app)
        window.grab().save(str(HERE / "ink-lots.png"))

        model = view.lot_model
        row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "NP-7781")
        view.lot_table.selectRow(row)
        controller.edit_lot(model.index(row, 0).data(RECORD_ROLE))
        settle(app)
        controller.dialog.grab().save(str(HERE / "ink-lot-editor.png"))
        controller.dialog.reject()
        settle(app)

        view.tabs.setCurrentIndex(2)
        settle(app)
        view.recall_table.selectRow(0)
        settle(app)
        window.grab().save(str(HERE / "ink-recall.png"))

        # The session editor: a new session, its zones from the client's last mix, then an expired lot picked.
        client_id = first.client_id
        workspace.clients.list.refresh(select_id=client_id)
        workspace.clients._on_client_picked(client_id)
        window.navigation.setCurrentRow(names.index("Clients"))
        settle(app)
        assert workspace.client_tabs is not None
        workspace.client_tabs.ensure()
        sessions = workspace.sessions
        assert sessions is not None
        workspace.clients_view.client_tabs.setCurrentWidget(sessions.view)
        settle(app)
        sessions.view.new_button.click()
        settle(app)
        editor = sessions.editor
        assert editor is not None
        tomorrow = date.today() + timedelta(days=1)
        editor.view.kind.setCurrentIndex(editor.view.kind.findData("touch_up"))
        editor.view.date.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        settle(app)
        editor.view.reuse_mix_button.click()
        settle(app)
        editor.view.scroll_area.ensureWidgetVisible(editor.view.zone_table)
        settle(app)
        editor.dialog.grab().save(str(HERE / "ink-session-lots.png"))
        expired = next(lot for lot in editor._lots if not lot.usable and lot.shown_status.value == "expired")
        editor._confirm_lot(0, expired)
        settle(app)
        dialog = editor.override_dialog
        assert dialog is not None
        dialog.reason.setText("Client's own bottle; supplier confirmed the batch in writing")
        settle(app)
        dialog.grab().save(str(HERE / "ink-lot-override.png"))
        dialog.reject()
        editor.dialog.close_without_asking()
        window.close()
        studio.close()
    print(f"saved the ink-*.png screenshots in {HERE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

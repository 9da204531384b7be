"""Regenerates the read-only screenshots: a read-only studio's Sessions tab with the audited document actions off
and the reason in the tooltip over "Aftercare sheet…", and the Clients menu with its exports greyed and the reason
over "Export Record (PDF)…". The studio is the one tests/ui/test_ui_read_only.py builds.

Run from the repository root:  .venv/bin/python docs/screenshots/take_read_only.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QLocale, QPoint, QSettings  # noqa: E402
from PySide6.QtGui import QHelpEvent, QPainter, QPixmap  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QMenu, QWidget  # noqa: E402

from smp_desktop.paths import StudioPaths  # noqa: E402
from smp_desktop.ui.app import create_application  # noqa: E402
from smp_desktop.ui.background import SynchronousRunner  # noqa: E402
from smp_desktop.ui.studio_session import StudioSession  # noqa: E402
from tests.ui.test_ui_read_only import READ_ONLY_REASON, read_only_studio, studio_with_records  # noqa: E402

HERE = Path(__file__).resolve().parent
SIZE = (1280, 800)


def _fail(error: Exception) -> None:
    raise SystemExit(f"the window reported an error: {type(error).__name__}: {error}")


def settle(app: QApplication, msecs: int = 150) -> None:
    QTest.qWait(msecs)
    app.processEvents()


def tooltip_over(app: QApplication, widget: QWidget, at: QPoint) -> QWidget:
    """Asks the widget for its tooltip as the pointer resting there would, and returns the tooltip's window."""
    app.sendEvent(widget, QHelpEvent(QHelpEvent.Type.ToolTip, at, widget.mapToGlobal(at)))
    settle(app, 300)
    tips = [w for w in app.topLevelWidgets() if w.metaObject().className() == "QTipLabel" and w.isVisible()]
    assert tips, "no tooltip shown"
    return tips[0]


def with_popups(window: QWidget, *popups: tuple[QWidget, QPoint]) -> QPixmap:
    """The window with its popups (menus, tooltips: windows of their own) painted at the window's points given
    (the offscreen platform's screen is not the window's, so where Qt put them says little)."""
    shot = window.grab()
    painter = QPainter(shot)
    for popup, at in popups:
        image = popup.grab()
        painter.drawPixmap(QPoint(min(at.x(), shot.width() - image.width() - 8), at.y()), image)
    painter.end()
    return shot


def below(window: QWidget, widget: QWidget, at: QPoint) -> QPoint:
    return widget.mapTo(window, at) + QPoint(0, 18)


def main() -> int:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    app = create_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        paths = StudioPaths(Path(folder) / "studio")
        client_id = studio_with_records(paths)
        studio = read_only_studio(paths, reason=READ_ONLY_REASON)
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        session = StudioSession(paths, SynchronousRunner(report_error=_fail), settings, icon=app.windowIcon())
        assert session.start(studio)
        workspace = session.workspace
        assert workspace is not None and workspace.client_tabs is not None
        window = workspace.window
        window.resize(*SIZE)
        window.show()
        settle(app)
        workspace.clients.list.refresh(select_id=client_id)
        workspace.clients._on_client_picked(client_id)
        settle(app)
        assert workspace.sessions is not None
        tab = workspace.sessions.view
        workspace.clients_view.client_tabs.setCurrentWidget(tab)
        workspace.clients_view.splitter.setSizes([300, 980])
        tab.table.selectRow(0)
        settle(app)
        aftercare = workspace.client_tabs.controller("aftercare")
        button = aftercare.button  # type: ignore[union-attr]
        pointer = QPoint(button.width() // 2, button.height() // 2)
        tip = tooltip_over(app, button, pointer)
        with_popups(window, (tip, below(window, button, pointer))).save(str(HERE / "read-only-sessions-tab.png"))
        tip.hide()

        menu = next(o for o in window.export_record_action.associatedObjects() if isinstance(o, QMenu))
        bar = window.menuBar()
        clients = next(a for a in bar.actions() if a.menu() is menu)
        corner = bar.mapTo(window, bar.actionGeometry(clients).bottomLeft())
        menu.popup(window.mapToGlobal(corner))
        settle(app)
        entry = menu.actionGeometry(window.export_record_action).center()
        tip = tooltip_over(app, menu, entry)
        shot = with_popups(window, (menu, corner), (tip, corner + entry + QPoint(0, 18)))
        shot.save(str(HERE / "read-only-clients-menu.png"))
        tip.hide()
        menu.hide()
        window.close()
        studio.close()
    print(f"saved read-only-sessions-tab.png and read-only-clients-menu.png in {HERE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The window-wide commands: switching areas, quitting, the database check and the About box."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from smp_desktop.ui.background import Runner
from smp_desktop.ui.main_window import MainWindow

if TYPE_CHECKING:
    from smp_desktop.core.services.maintenance import MaintenanceService


class MainWindowController(QObject):
    def __init__(self, window: MainWindow, maintenance: Callable[[], MaintenanceService], runner: Runner) -> None:
        """`maintenance` gives the service when the database check is asked for (its module is not needed before)."""
        super().__init__(window)
        self._window = window
        self._maintenance = maintenance
        self._runner = runner
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._window.navigation.currentRowChanged.connect(self._on_area_chosen)
        self._window.quit_action.triggered.connect(self._on_quit)
        self._window.check_database_action.triggered.connect(self._on_check_database)
        self._window.about_action.triggered.connect(self._on_about)

    def _on_area_chosen(self, row: int) -> None:
        if row >= 0:
            self._window.areas.setCurrentIndex(row)

    def _on_quit(self) -> None:
        self._window.close()

    # The dialogs load when first asked for, not with the window.
    def _on_check_database(self) -> None:
        from smp_desktop.ui.dialogs import database_check

        database_check.check_database(self._window, self._maintenance(), self._runner)

    def _on_about(self) -> None:
        from smp_desktop.ui.dialogs import about

        about.AboutDialog(self._window).exec()

"""A benchmark hook: with SMP_STARTUP_PROBE=FILE set, write the wall-clock time at which the client list first
shows painted rows to FILE, then quit. bench/suite.py measures cold start with it; without the variable it does
nothing."""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from smp_desktop.ui.workspace import Workspace

ENV_STARTUP_PROBE = "SMP_STARTUP_PROBE"


def install_if_requested(workspace: Workspace, app: QApplication) -> None:
    target = os.environ.get(ENV_STARTUP_PROBE)
    if not target:
        return
    model = workspace.clients.list.model
    table = workspace.clients_view.table

    def check() -> None:
        if model.rowCount() == 0:
            QTimer.singleShot(1, check)
            return
        table.viewport().repaint()  # the rows are on screen when this returns
        Path(target).write_text(f"{time.time():.6f}\n")
        app.quit()

    QTimer.singleShot(0, check)

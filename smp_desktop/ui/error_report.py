"""Telling the user that something failed: service errors in their own words; anything unexpected is logged in
full and summarised in a friendly box, never as a traceback."""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from smp_desktop import APP_NAME
from smp_desktop.core.backups.errors import BackupFailed, RestoreIncomplete, RestoreRefused
from smp_desktop.core.db.faults import StorageFault
from smp_desktop.core.services.access import PermissionDenied
from smp_desktop.core.services.errors import NotFound, ValidationFailed

log = logging.getLogger("smp_desktop.ui")

# Errors whose message was written for a person: shown as they are, not treated as bugs. A storage fault (disk
# full, read-only studio, database in use) says what happened and that nothing was saved.
EXPLAINED_ERRORS: tuple[type[Exception], ...] = (
    PermissionDenied,
    NotFound,
    ValidationFailed,
    StorageFault,
    BackupFailed,
    RestoreRefused,
    RestoreIncomplete,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ErrorReport", text)


def _parent() -> QWidget | None:
    return QApplication.activeWindow()


def show_unexpected_error(error: BaseException) -> None:
    """The default `on_error` of every background job, and the app's last-resort exception hook."""
    if isinstance(error, EXPLAINED_ERRORS):
        log.info("refused: %s", error)
        QMessageBox.warning(_parent(), APP_NAME, str(error))
        return
    log.error("unexpected error", exc_info=error)
    box = QMessageBox(_parent())
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(APP_NAME)
    box.setText(_tr("Sorry — SMP Desktop could not finish what you asked."))
    box.setInformativeText(
        _tr(
            "Nothing was half-saved: each change is saved completely or not at all. "
            "The details were written to the log file; if this keeps happening, send it to support."
        )
    )
    box.setDetailedText(f"{type(error).__name__}: {error}")
    box.exec()


def install_exception_hook() -> None:
    """An exception escaping a Qt slot is logged and shown instead of being printed to a console nobody sees."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        show_unexpected_error(error.with_traceback(tb))

    sys.excepthook = hook

"""The open studio and the window built on it, for the life of the app: started once, rebuilt on a freshly opened
studio after a restore (no restart of the process), and closed when the app ends, after the backup on close.

The restore protocol (core/services/backups.py): prepare the request (the actor's permission is checked), stop the
runner's work, CLOSE the studio, run the restore, reopen with open_studio (which upgrades an older backup), then
build a new window on the reopened studio and put the old one away."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from smp_desktop import APP_NAME, start_gc
from smp_desktop.core.studio_db import OpenStudio, StudioOpenError, open_studio
from smp_desktop.paths import StudioPaths
from smp_desktop.ui.background import Runner, run_and_wait
from smp_desktop.ui.controllers.client_list_controller import SEARCH_DELAY_MS
from smp_desktop.ui.error_report import EXPLAINED_ERRORS
from smp_desktop.ui.locale_format import format_date_time
from smp_desktop.ui.workspace import Workspace, build_workspace, context_for

if TYPE_CHECKING:  # the backup and restore modules load with the backup commands, after start-up
    from smp_desktop.core.backups import RestoreReport
    from smp_desktop.core.services.backups import RestoreRequest

log = logging.getLogger(__name__)

RUNNER_WAIT_MS = 10_000  # a save or backup in flight finishes before the database closes


def _tr(text: str) -> str:
    return QCoreApplication.translate("StudioSession", text)


def ensure_studio(studio: OpenStudio, runner: Runner) -> bool:
    """True when the data folder holds a studio, after the first-run dialog if it had to create one."""
    if studio.services.studio.exists():
        return True
    start_gc.resume()  # (paused while the app starts) the dialog may stay open for a while
    from smp_desktop.ui.dialogs.first_run import FirstRunDialog  # loaded only for a new studio

    dialog = FirstRunDialog(studio, runner)
    return dialog.exec() == QDialog.DialogCode.Accepted and dialog.actor is not None


def restored_message(report: RestoreReport) -> str:
    """ "Restored the backup of <date>. A copy of the studio as it was is kept in <safety backup>." """
    when = format_date_time(report.source_created_at) if report.source_created_at else report.source.name
    lines = [_tr("Restored the backup of %1.").replace("%1", when)]
    if report.safety_backup is not None:
        lines.append(_tr("A copy of the studio as it was is kept in %1.").replace("%1", str(report.safety_backup.path)))
    if report.set_aside is not None:
        lines.append(_tr("Files that were not in the backup were moved to %1.").replace("%1", str(report.set_aside)))
    return " ".join(lines) + "".join(f"\n\n{note}" for note in report.notes)


def bring_to_front(window: QWidget) -> None:
    """Show the window where the person will see it: restored from the task bar, raised and focused."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


class StudioSession(QObject):
    ended = Signal()  # the studio could not be reopened after a restore: the app has nothing left to show

    def __init__(
        self,
        paths: StudioPaths,
        runner: Runner,
        settings: QSettings,
        *,
        url: str | None = None,
        icon: QIcon | None = None,
        today: Callable[[], date] = date.today,
        search_delay_ms: int = SEARCH_DELAY_MS,
    ) -> None:
        super().__init__()
        self._paths = paths
        self._runner = runner
        self._settings = settings
        self._url = url
        self._icon = icon
        self._today = today
        self._search_delay_ms = search_delay_ms
        self.studio: OpenStudio | None = None
        self.workspace: Workspace | None = None

    @property
    def paths(self) -> StudioPaths:
        return self._paths

    def start(self, studio: OpenStudio) -> bool:
        """Show the main window on studio (after the first-run dialog if it holds no studio yet). False when the
        person left the first-run dialog: there is nothing to show."""
        self.studio = studio
        if not ensure_studio(studio, self._runner):
            return False
        self.workspace = self._build(studio)
        self.workspace.window.show()
        return True

    def bring_to_front(self) -> None:
        """Another copy was started on this data folder: show this one instead (a dialog in front, if one is open)."""
        target: QWidget | None = QApplication.activeModalWidget()
        if target is None and self.workspace is not None:
            target = self.workspace.window
        if target is not None:
            bring_to_front(target)

    def restore(self, request: RestoreRequest) -> None:
        """Replace the open studio with a backup, then rebuild the window on it (see the module's protocol)."""
        old = self.workspace
        if old is None:
            return
        window = old.window
        if not window.may_leave(lambda: self.restore(request)):  # unsaved changes: asked, saved first or stayed
            return
        # The window's content and menus, not the window: a disabled window would disable its progress dialog too.
        for part in (window.centralWidget(), window.menuBar()):
            if part is not None:
                part.setEnabled(False)
        self._close_studio()
        report: RestoreReport | None = None
        error: Exception | None = None
        try:
            report = run_and_wait(
                self._runner, window, _tr("Restoring the backup…"), lambda: request.run(), writes=True
            )
        except Exception as exc:  # shown once the studio is open again
            error = exc
            log.warning("restore of %s failed: %s", request.backup, exc)
        try:
            studio = open_studio(self._paths, url=self._url, today=self._today)
        except StudioOpenError as exc:
            log.error("the studio did not reopen after a restore: %s", exc)
            QMessageBox.critical(
                window,
                APP_NAME,
                _tr("The studio could not be opened again after the restore. %1").replace("%1", str(exc)),
            )
            self.workspace = None
            window.hide()
            self.ended.emit()
            return
        self.studio = studio
        self.workspace = self._build(studio)
        new_window = self.workspace.window
        new_window.restoreGeometry(window.saveGeometry())
        new_window.show()
        bring_to_front(new_window)
        window.retire()
        start_gc.release_start_up()  # the old window, made at start-up, is garbage once Qt has deleted it
        self._tell_outcome(new_window, report, error)

    def close(self) -> None:
        """The app is ending and its window has closed: finish the work in flight, back up if the studio changed
        since its last good backup, then close the studio."""
        backups = self.workspace.backups if self.workspace is not None else None
        if backups is not None:
            backups.stop()
        self._runner.wait(RUNNER_WAIT_MS)
        if backups is not None and self.studio is not None:
            backups.back_up_on_close()
        if self.studio is not None:
            self.studio.close()
            self.studio = None

    # --- helpers --------------------------------------------------------------------------------------------
    def _build(self, studio: OpenStudio) -> Workspace:
        actor = studio.services.studio.owner()
        workspace = build_workspace(
            studio.services,
            actor,
            self._runner,
            self._settings,
            context=context_for(studio, restore=self.restore),
            today=self._today,
            search_delay_ms=self._search_delay_ms,
        )
        if self._icon is not None:
            workspace.window.setWindowIcon(self._icon)
        return workspace

    def _close_studio(self) -> None:
        if self.workspace is not None and self.workspace.backups is not None:
            self.workspace.backups.stop()
        self._runner.wait(RUNNER_WAIT_MS)
        if self.studio is not None:
            self.studio.close()
            self.studio = None

    def _tell_outcome(self, parent: QWidget, report: RestoreReport | None, error: Exception | None) -> None:
        from smp_desktop.core.backups import RestoreIncomplete

        if report is not None:
            QMessageBox.information(parent, _tr("Backup restored"), restored_message(report))
        elif isinstance(error, RestoreIncomplete):
            QMessageBox.critical(
                parent,
                _tr("The restore did not finish"),
                f"{error}\n\n" + _tr("Choose the same backup in File ▸ Backups… and restore it again to finish."),
            )
        elif isinstance(error, EXPLAINED_ERRORS):  # RestoreRefused among them: the studio is as it was
            QMessageBox.warning(parent, _tr("Nothing was restored"), str(error))
        elif error is not None:
            self._runner.report_error(error)

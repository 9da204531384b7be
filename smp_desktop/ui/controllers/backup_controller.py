"""Backups from the main window: File ▸ Back Up Now and Backups…, the automatic backups (every 30 minutes while
the studio has changed, and when the app closes) and the status-bar warning while there is no recent good backup.

One backup at a time: a request while one is being written (by hand or automatically) is not stacked behind it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from smp_desktop.core.backups import BackupRecord
from smp_desktop.core.services.access import Actor, may_back_up
from smp_desktop.core.services.backups import BackupService, RestoreRequest
from smp_desktop.ui.background import Runner, run_and_wait, run_with_progress
from smp_desktop.ui.error_report import EXPLAINED_ERRORS
from smp_desktop.ui.locale_format import format_count
from smp_desktop.ui.main_window import MainWindow

if TYPE_CHECKING:  # the Backups window's modules load when it first opens
    from smp_desktop.ui.controllers.backups_dialog_controller import BackupsDialogController
    from smp_desktop.ui.dialogs.backups_dialog import BackupsDialog

log = logging.getLogger(__name__)

AUTO_BACKUP_INTERVAL_MS = 30 * 60 * 1000
MANUAL, PERIODIC, ON_CLOSE = "manual", "periodic", "on-close"  # the reasons in the backups' folder names
STATUS_MESSAGE_MS = 10_000

RestoreHandler = Callable[[RestoreRequest], None]
Done = Callable[[BackupRecord], None]


class BackupController(QObject):
    backed_up = Signal(object)  # BackupRecord: any backup this controller made

    def __init__(
        self,
        window: MainWindow,
        backups: BackupService,
        actor: Actor,
        runner: Runner,
        *,
        read_only: bool = False,
        data_folder: Path | None = None,
        restore: RestoreHandler | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._backups = backups
        self._actor = actor
        self._runner = runner
        self._read_only = read_only
        self._data_folder = data_folder
        self._restore = restore
        self._busy = False
        self._failure: str | None = None  # why the last automatic backup failed, until one succeeds
        self.dialog: BackupsDialog | None = None
        self.dialog_controller: BackupsDialogController | None = None
        self._pending_restore: RestoreRequest | None = None
        self.timer = QTimer(self)
        self.timer.setObjectName("autoBackupTimer")
        self.timer.setInterval(AUTO_BACKUP_INTERVAL_MS)
        self._connect_signals()
        self._refresh_actions()

    # --- what the session and the dialog use ----------------------------------------------------------------
    @property
    def can_back_up(self) -> bool:
        """A writable SQLite studio and an actor allowed to manage it (a server database is backed up there)."""
        return self._backups.supported and may_back_up(self._actor, read_only=self._read_only)

    @property
    def can_restore(self) -> bool:
        return self.can_back_up and self._restore is not None

    @property
    def busy(self) -> bool:
        return self._busy

    def start(self) -> None:
        if self.can_back_up:
            self.timer.start()
        self.refresh_warning()

    def stop(self) -> None:
        self.timer.stop()

    def back_up_now(self, *, parent: QWidget, on_done: Done | None = None) -> bool:
        """Make a backup on the writer thread behind a progress dialog over parent. False (and nothing happens)
        while another backup is being made."""
        if self._busy or not self.can_back_up:
            return False
        self._set_busy(True)
        backups, actor = self._backups, self._actor

        def done(record: BackupRecord) -> None:
            self._finished(record)
            if not record.ok:
                problems = record.verification.problems if record.verification else ()
                QMessageBox.warning(
                    parent,
                    self.tr("Backup failed its check"),
                    self.tr("The backup %1 was written but failed its check, so do not rely on it:\n%2")
                    .replace("%1", record.name)
                    .replace("%2", "\n".join(problems)),
                )
            if on_done is not None:
                on_done(record)

        def failed(error: Exception) -> None:
            self._set_busy(False)
            self._show_error(parent, error)

        run_with_progress(
            self._runner,
            parent,
            self.tr("Backing up the studio…"),
            lambda: backups.back_up(actor, MANUAL),
            on_done=done,
            on_error=failed,
            writes=True,
        )
        return True

    def back_up_on_close(self) -> BackupRecord | None:
        """The window has closed and the runner's work is done; the studio is still open. Backs up only when the
        studio changed since its last good backup; skipped quietly when it cannot be (read-only, a server
        database). A failure is logged, not shown: the window is gone and the next start warns."""
        self.stop()
        if not self.can_back_up or self._busy:
            return None
        try:
            if not self._backups.has_changes_since_last_backup():
                return None
            record: BackupRecord = run_and_wait(
                self._runner,
                None,
                self.tr("Backing up the studio before closing…"),
                lambda: self._backups.back_up(self._actor, ON_CLOSE),
                writes=True,
            )
        except Exception:
            log.exception("the backup when closing failed")
            return None
        log.info("backed up on close: %s (%s)", record.path, record.result)
        return record

    def refresh_warning(self) -> None:
        """Show or hide the status-bar warning: no good backup, or none for over a day (or the last automatic
        backup failed). Asked off the GUI thread: listing a backup folder on an external drive can be slow."""
        if not self.can_back_up:  # nothing the person could do about it here (read-only, a server database)
            self._window.backup_warning.hide()
            return
        backups = self._backups
        self._runner.run(
            lambda: (backups.needs_backup_warning(), backups.last_good_backup_age(), backups.folder()),
            on_done=self._show_warning,
            on_error=lambda error: log.warning("could not read the backup folder: %s", error),
            latest_only="backup-warning",
        )

    def open_backups(self) -> BackupsDialog:
        """File ▸ Backups…: a window-modal dialog; a restore chosen in it starts once it has closed."""
        from smp_desktop.ui.controllers.backups_dialog_controller import BackupsDialogController
        from smp_desktop.ui.dialogs.backups_dialog import BackupsDialog

        dialog = BackupsDialog(self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        self.dialog_controller = BackupsDialogController(
            dialog,
            self,
            self._backups,
            self._actor,
            self._runner,
            data_folder=self._data_folder,
        )
        self.dialog_controller.restore_chosen.connect(self._on_restore_chosen)
        dialog.finished.connect(self._on_backups_closed)
        dialog.open()
        self.dialog_controller.load()
        return dialog

    # --- signals --------------------------------------------------------------------------------------------
    def _connect_signals(self) -> None:
        self._window.back_up_action.triggered.connect(self._on_back_up_now)
        self._window.backups_action.triggered.connect(self._on_show_backups)
        self._window.backup_warning.clicked.connect(self._on_show_backups)
        self.timer.timeout.connect(self._on_backup_timer)

    def _on_back_up_now(self) -> None:
        if not self.back_up_now(parent=self._window):
            self._window.statusBar().showMessage(self.tr("A backup is being made right now."), STATUS_MESSAGE_MS)

    def _on_show_backups(self) -> None:
        self.open_backups()

    def _on_backup_timer(self) -> None:
        """Every 30 minutes: back up quietly if the studio changed since the last good backup. Never stacks."""
        if self._busy or not self.can_back_up:
            return
        self._set_busy(True)
        backups, actor = self._backups, self._actor

        def work() -> BackupRecord | None:
            return backups.back_up(actor, PERIODIC) if backups.has_changes_since_last_backup() else None

        self._runner.run(work, on_done=self._on_quiet_backup_done, on_error=self._on_quiet_backup_failed, writes=True)

    def _on_quiet_backup_done(self, record: BackupRecord | None) -> None:
        if record is None:
            self._set_busy(False)
            return
        self._finished(record)

    def _on_quiet_backup_failed(self, error: Exception) -> None:
        self._set_busy(False)
        log.warning("automatic backup failed: %s", error)
        self._failure = str(error) if isinstance(error, EXPLAINED_ERRORS) else self.tr("See the log file for details.")
        self.refresh_warning()

    def _on_restore_chosen(self, request: RestoreRequest) -> None:
        self._pending_restore = request
        if self.dialog is not None:
            self.dialog.accept()

    def _on_backups_closed(self, _result: int) -> None:
        self.dialog = None
        self.dialog_controller = None
        request, self._pending_restore = self._pending_restore, None
        if request is not None and self._restore is not None:
            self._restore(request)  # the session closes the studio and replaces this window

    # --- helpers --------------------------------------------------------------------------------------------
    def _finished(self, record: BackupRecord) -> None:
        self._set_busy(False)
        if record.ok:
            self._failure = None
            self._window.statusBar().showMessage(
                self.tr("Backed up and verified: %1").replace("%1", str(record.path)), STATUS_MESSAGE_MS
            )
        self.backed_up.emit(record)
        self.refresh_warning()

    def _show_warning(self, answer: tuple[bool, timedelta | None, Path]) -> None:
        needed, age, folder = answer
        button = self._window.backup_warning
        click = self.tr("Click to see the backups.")
        if self._failure is not None:
            button.setText(self.tr("Automatic backup failed"))
            button.setToolTip(f"{self._failure}\n\n{click}")
        elif not needed:
            button.hide()
            return
        elif age is None:
            button.setText(self.tr("No backup yet"))
            button.setToolTip(
                self.tr("There is no good backup in %1 (is the backup drive connected?).").replace("%1", str(folder))
                + f"\n\n{click}"
            )
        else:
            days = age.days
            if days < 2:
                button.setText(self.tr("Last backup over a day ago"))
            else:
                button.setText(self.tr("Last backup %1 days ago").replace("%1", format_count(days)))
            button.setToolTip(
                self.tr("The newest good backup in %1 is over a day old.").replace("%1", str(folder)) + f"\n\n{click}"
            )
        button.show()

    def _show_error(self, parent: QWidget, error: Exception) -> None:
        if isinstance(error, EXPLAINED_ERRORS):
            QMessageBox.warning(parent, self.tr("No backup was made"), str(error))
        else:
            self._runner.report_error(error)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._refresh_actions()

    def _refresh_actions(self) -> None:
        self._window.back_up_action.setEnabled(self.can_back_up and not self._busy)
        self._window.backups_action.setEnabled(self._backups.supported)
        if self.dialog_controller is not None:
            self.dialog_controller.refresh_buttons()

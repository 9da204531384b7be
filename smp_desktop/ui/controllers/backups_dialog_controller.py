"""The Backups dialog's behaviour: list the backups, back up now, choose and open the backup folder, and pick a
backup to restore (from the list or a file). The restore itself is the session's: this only asks and prepares it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from smp_desktop.core.backups import BackupRecord
from smp_desktop.core.backups.catalogue import database_copy_record, read_backup
from smp_desktop.core.backups.errors import missing_place
from smp_desktop.core.backups.manifest import MANIFEST_NAME
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.backups import BackupService
from smp_desktop.ui.background import Runner
from smp_desktop.ui.dialogs.backups_dialog import BackupsDialog
from smp_desktop.ui.dialogs.restore_confirm import RestoreConfirmation
from smp_desktop.ui.error_report import EXPLAINED_ERRORS
from smp_desktop.ui.locale_format import format_count, format_date_time
from smp_desktop.ui.models.backup_table_model import describe

if TYPE_CHECKING:
    from smp_desktop.ui.controllers.backup_controller import BackupController


class BackupsDialogController(QObject):
    restore_chosen = Signal(object)  # RestoreRequest, confirmed by the user; run once the dialog has closed

    def __init__(
        self,
        dialog: BackupsDialog,
        jobs: BackupController,
        backups: BackupService,
        actor: Actor,
        runner: Runner,
        *,
        data_folder: Path | None = None,
    ) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._jobs = jobs
        self._backups = backups
        self._actor = actor
        self._runner = runner
        self._data_folder = data_folder
        self._folder: Path | None = None
        self._connect_signals()
        self.refresh_buttons()

    def load(self, select: Path | None = None) -> None:
        """Read the backup folder's list off the GUI thread, then show it (selecting `select` if listed)."""
        backups = self._backups
        self._dialog.list_status.setText(self.tr("Reading the backup folder…"))
        self._runner.run(
            lambda: (backups.folder(), backups.list_backups()),
            on_done=lambda answer: self._show_list(*answer, select=select),
            on_error=self._on_list_failed,
            latest_only="backup-list",
        )

    def selected_backup(self) -> BackupRecord | None:
        rows = self._dialog.table.selectionModel().selectedRows()
        return self._dialog.model.backup_at(rows[0].row()) if rows else None

    def refresh_buttons(self) -> None:
        dialog, jobs = self._dialog, self._jobs
        record = self.selected_backup()
        dialog.back_up_button.setEnabled(jobs.can_back_up and not jobs.busy)
        dialog.restore_button.setEnabled(jobs.can_restore and record is not None and record.kind != "damaged")
        dialog.restore_file_button.setEnabled(jobs.can_restore)
        dialog.choose_folder_button.setEnabled(jobs.can_back_up)
        dialog.open_folder_button.setEnabled(self._folder is not None)

    # --- signals --------------------------------------------------------------------------------------------
    def _connect_signals(self) -> None:
        dialog = self._dialog
        dialog.back_up_button.clicked.connect(self._on_back_up)
        dialog.restore_button.clicked.connect(self._on_restore_selected)
        dialog.restore_file_button.clicked.connect(self._on_restore_from_file)
        dialog.open_folder_button.clicked.connect(self._on_open_folder)
        dialog.choose_folder_button.clicked.connect(self._on_choose_folder)
        dialog.buttons.rejected.connect(dialog.reject)
        dialog.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        dialog.table.doubleClicked.connect(self._on_restore_selected)

    def _on_selection_changed(self, *_args: object) -> None:
        self.refresh_buttons()

    def _on_back_up(self) -> None:
        started = self._jobs.back_up_now(parent=self._dialog, on_done=lambda record: self.load(select=record.path))
        if not started:
            self._dialog.list_status.setText(self.tr("A backup is being made right now; try again in a moment."))
        self.refresh_buttons()

    def _on_restore_selected(self, *_args: object) -> None:
        record = self.selected_backup()
        if record is not None and self._dialog.restore_button.isEnabled():
            self._confirm_and_prepare(record)

    def _on_restore_from_file(self) -> None:
        start = str(self._folder) if self._folder is not None and self._folder.is_dir() else ""
        chosen, _filter = QFileDialog.getOpenFileName(
            self._dialog,
            self.tr("Choose a backup to restore"),
            start,
            self.tr("SMP Desktop backups (%1 *.sqlite *.sqlite3 *.db);;All files (*)").replace("%1", MANIFEST_NAME),
        )
        if not chosen:
            return
        path = Path(chosen)
        try:
            record = read_backup(path.parent) if path.name == MANIFEST_NAME else database_copy_record(path)
        except OSError as exc:
            QMessageBox.warning(self._dialog, self.tr("Restore a backup"), f"{exc.strerror}: {exc.filename}")
            return
        if record.kind == "damaged":
            QMessageBox.warning(
                self._dialog,
                self.tr("Restore a backup"),
                self.tr("This backup cannot be restored: %1").replace("%1", "; ".join(record.notes)),
            )
            return
        self._confirm_and_prepare(record)

    def _on_open_folder(self) -> None:
        folder = self._folder
        if folder is None:
            return
        if not folder.is_dir():
            QMessageBox.warning(self._dialog, self.tr("Backups"), missing_place(folder))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _on_choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self._dialog,
            self.tr("Choose a folder for backups (an external drive is best)"),
            str(self._folder or ""),
        )
        if not chosen:
            return
        folder = Path(chosen)
        problem = writable_problem(folder)
        if problem is not None:
            QMessageBox.warning(self._dialog, self.tr("Choose another folder"), problem)
            return
        self._runner.run(
            lambda: self._backups.set_folder(self._actor, folder),
            on_done=lambda _none: self._on_folder_set(folder),
            on_error=self._show_error,
            writes=True,
        )

    # --- helpers --------------------------------------------------------------------------------------------
    def _confirm_and_prepare(self, record: BackupRecord) -> None:
        question = RestoreConfirmation(
            describe(record),
            self._folder or self._backups.folder(),
            database_only=record.kind == "database-copy",
            parent=self._dialog,
        )
        if not question.ask():
            return
        try:
            request = self._backups.prepare_restore(self._actor, record)
        except Exception as exc:
            self._show_error(exc)
            return
        self.restore_chosen.emit(request)

    def _on_folder_set(self, folder: Path) -> None:
        self.load()
        self._jobs.refresh_warning()
        if self._data_folder is not None and same_disk(folder, self._data_folder):
            QMessageBox.information(
                self._dialog,
                self.tr("Backups"),
                self.tr(
                    "Backups will be kept in %1. That folder is on the same disk as the studio: if the disk fails, "
                    "the backups are lost with it. An external drive is safer."
                ).replace("%1", str(folder)),
            )

    def _show_list(self, folder: Path, records: list[BackupRecord], *, select: Path | None) -> None:
        dialog = self._dialog
        self._folder = folder
        dialog.folder_label.setText(str(folder))
        dialog.model.set_backups(records)
        problem = not folder.is_dir()
        if problem:
            status = self.tr("The backup folder cannot be reached. %1").replace("%1", missing_place(folder))
        elif not records:
            status = self.tr("There are no backups in this folder yet.")
        else:
            good = next((r for r in records if r.ok), None)
            count = format_count(len(records))
            status = (
                self.tr("%1 backups; the newest good one is from %2.")
                .replace("%1", count)
                .replace("%2", format_date_time(good.created_at))
                if good
                else self.tr("%1 backups, none of them verified sound. Back up now.").replace("%1", count)
            )
        dialog.list_status.setText(status)
        dialog.list_status.setProperty("problem", problem)
        dialog.list_status.style().polish(dialog.list_status)
        row = next((i for i, r in enumerate(records) if r.path == select), 0 if records else None)
        if row is not None:
            dialog.table.selectRow(row)
        self.refresh_buttons()

    def _on_list_failed(self, error: Exception) -> None:
        self._dialog.list_status.setText(self.tr("The backup folder cannot be read: %1").replace("%1", str(error)))

    def _show_error(self, error: Exception) -> None:
        if isinstance(error, EXPLAINED_ERRORS):
            QMessageBox.warning(self._dialog, self.tr("Backups"), str(error))
        else:
            self._runner.report_error(error)


def writable_problem(folder: Path) -> str | None:
    """Why backups cannot be written to folder, as a sentence; None when a file could be created there. Tried for
    real: permission bits say little on network shares, and nothing when running as an administrator."""
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".smp-write-test-"):
            pass
    except OSError as exc:
        return (
            QCoreApplication.translate(
                "BackupsDialogController", "Backups cannot be written to %1 (%2). Choose a folder you may write to."
            )
            .replace("%1", str(folder))
            .replace("%2", exc.strerror or str(exc))
        )
    return None


def same_disk(a: Path, b: Path) -> bool:
    try:
        return os.stat(a).st_dev == os.stat(b).st_dev
    except OSError:
        return False

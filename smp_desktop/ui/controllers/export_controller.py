"""Exports from the Clients menu: "Export Record (PDF)…" (the choices, then the preview to print or save),
"Export Everything Held (ZIP)…" (a file picked, then the ZIP written in the background with a progress bar and
Cancel) and "Export Many Clients…" (a batch into a folder, in the background, with progress and Cancel).

Everything runs through ExportService in the background runner; a cancel stops the file being written, which is
abandoned (never left half-written), and what a batch finished before stays."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from smp_desktop.core.progress import Progress
from smp_desktop.core.services.access import Actor, Permission
from smp_desktop.core.services.exports import (
    BatchResult,
    ClientChoice,
    ExportKind,
    ExportResult,
    ExportService,
    RecordOptions,
)
from smp_desktop.ui.background import Job, Runner, run_with_progress
from smp_desktop.ui.controllers.document_runner import DocumentRunner
from smp_desktop.ui.controllers.read_only_actions import explain_read_only

if TYPE_CHECKING:  # the dialogs (and Qt's print support) load with the first export, not at start-up
    from smp_desktop.ui.dialogs.document_preview import DocumentPreviewDialog
    from smp_desktop.ui.dialogs.export_many_dialog import ExportManyDialog
    from smp_desktop.ui.dialogs.export_record_dialog import ExportRecordDialog

FOLDER_KEY = "exports/folder"


class ExportController(QObject):
    def __init__(
        self,
        window: QWidget,
        actions: tuple[QAction, QAction, QAction],
        current_client: Callable[[], int | None],
        client_name: Callable[[int], str],
        exports: ExportService,
        actor: Actor,
        runner: Runner,
        settings: QSettings,
        *,
        read_only: bool = False,
    ) -> None:
        super().__init__(window)
        self._window = window
        self.record_action, self.subject_action, self.many_action = actions
        self._current_client = current_client
        self._client_name = client_name
        self._exports = exports
        self._actor = actor
        self._runner = runner
        self._settings = settings
        self._read_only = read_only
        self._maker = DocumentRunner(window, runner, save_folder=self._folder)
        self.batch: ExportManyDialog | None = None
        self.last_result: ExportResult | BatchResult | None = None
        self._batch_running = False
        self._batch_stop = threading.Event()
        may_export_all = actor.can(Permission.EXPORT_RECORDS)
        self.record_action.setVisible(actor.can(Permission.VIEW_SESSIONS))
        self.subject_action.setVisible(may_export_all)
        self.many_action.setVisible(may_export_all)
        if read_only:  # every export is audited: a read-only studio cannot record one, so it makes none
            explain_read_only(*actions)
        self._connect_signals()
        self.client_changed(current_client())

    def _connect_signals(self) -> None:
        self.record_action.triggered.connect(self.export_record)
        self.subject_action.triggered.connect(self.export_subject)
        self.many_action.triggered.connect(self.export_many)

    @property
    def preview(self) -> DocumentPreviewDialog | None:
        """The record preview now open (tests drive it)."""
        return self._maker.preview

    def client_changed(self, client_id: int | None) -> None:
        self.record_action.setEnabled(client_id is not None and not self._read_only)
        self.subject_action.setEnabled(client_id is not None and not self._read_only)

    # --- one record as PDF, through the preview ------------------------------------------------------------
    def export_record(self) -> ExportRecordDialog | None:
        client_id = self._current_client()
        if client_id is None:
            return None
        from smp_desktop.ui.dialogs.export_record_dialog import ExportRecordDialog

        dialog = ExportRecordDialog(self._client_name(client_id), self._actor, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.accepted.connect(lambda: self._make_preview(client_id, dialog.options()))
        dialog.open()
        return dialog

    def _make_preview(self, client_id: int, options: RecordOptions) -> None:
        exports, actor = self._exports, self._actor
        self._maker.make(
            lambda: exports.preview_record(actor, client_id, options),
            on_error=self._failed,
            progress=self.tr("Preparing the record…"),
        )

    # --- everything held, as one ZIP -----------------------------------------------------------------------
    def export_subject(self) -> None:
        client_id = self._current_client()
        if client_id is None:
            return
        suggested = self._exports.suggested_file_name(self._actor, client_id, ExportKind.SUBJECT_ZIP)
        chosen, _filter = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Export Everything Held"),
            str(self._folder() / suggested),
            self.tr("ZIP archives (*.zip)"),
        )
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".zip":
            target = target.with_name(target.name + ".zip")
        self.export_subject_to(client_id, target)

    def export_subject_to(self, client_id: int, target: Path) -> Job:
        self._remember_folder(target.parent)
        exports, actor = self._exports, self._actor
        # Long work that mostly reads: it runs beside the writer queue (its one audit write waits its turn in
        # SQLite) so a client saved meanwhile is not held up behind a large export.
        return run_with_progress(
            self._runner,
            self._window,
            self.tr("Exporting everything held on %1…").replace("%1", self._client_name(client_id)),
            lambda: exports.subject_export(actor, client_id, target),
            on_done=self._subject_done,
            on_error=self._failed,
            cancellable=True,  # Cancel closes the export between two steps: the ZIP being written is removed
        )

    def _subject_done(self, result: ExportResult | None) -> None:
        if result is None:
            self._say(self.tr("The export was stopped; nothing was written."))
            return
        self.last_result = result
        self._say(self.tr("Saved %1").replace("%1", str(result.path)))
        if result.problems:
            QMessageBox.warning(
                self._window,
                self.tr("Exported, with files missing"),
                self.tr("The export was saved, but some files could not be included:")
                + "\n\n"
                + "\n".join(f"• {p}" for p in result.problems),
            )

    # --- many clients --------------------------------------------------------------------------------------
    def export_many(self) -> ExportManyDialog:
        from smp_desktop.ui.dialogs.export_many_dialog import ExportManyDialog

        dialog = ExportManyDialog(self._actor, self._window)
        self.batch = dialog
        dialog.folder.setText(str(self._folder()))
        dialog.select_all.clicked.connect(lambda: dialog.model.set_all_checked(True))
        dialog.select_none.clicked.connect(lambda: dialog.model.set_all_checked(False))
        dialog.include_archived.toggled.connect(dialog.model.set_include_archived)
        dialog.model.checked_changed.connect(lambda _count: self._refresh_batch())
        dialog.record_choice.toggled.connect(lambda _on: self._refresh_batch())
        dialog.folder.textChanged.connect(lambda _text: self._refresh_batch())
        dialog.choose_folder.clicked.connect(self._choose_batch_folder)
        dialog.export_button.clicked.connect(self._start_batch)
        dialog.cancel_button.clicked.connect(self._cancel_batch)
        dialog.close_button.clicked.connect(dialog.reject)
        dialog.rejected.connect(self._cancel_batch)
        dialog.finished.connect(lambda _result: self._batch_closed(dialog))
        self._refresh_batch()
        exports, actor = self._exports, self._actor
        self._runner.run(lambda: exports.client_choices(actor), on_done=self._clients_loaded, on_error=self._failed)
        dialog.open()
        return dialog

    def _clients_loaded(self, clients: list[ClientChoice]) -> None:
        if self.batch is None:
            return
        self.batch.model.set_clients(clients)
        current = self._current_client()
        if current is not None:  # the client open now is ticked to start with
            for row in range(self.batch.model.rowCount()):
                index = self.batch.model.index(row)
                if index.data(Qt.ItemDataRole.UserRole) == current:
                    self.batch.model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
        self._refresh_batch()

    def _refresh_batch(self) -> None:
        dialog = self.batch
        if dialog is None:
            return
        count = len(dialog.model.checked_ids())
        dialog.chosen_label.setText(self.tr("%n client(s) chosen", "", count))
        running = self._batch_running
        for box in (dialog.health, dialog.photos):
            box.setEnabled(not running and bool(box.property("allowed")) and dialog.record_choice.isChecked())
        dialog.export_button.setEnabled(not running and count > 0 and bool(dialog.folder.text().strip()))

    def _choose_batch_folder(self) -> None:
        if self.batch is None:
            return
        chosen = QFileDialog.getExistingDirectory(self.batch, self.tr("Export into"), self.batch.folder.text())
        if chosen:
            self.batch.folder.setText(chosen)

    def _start_batch(self) -> None:
        dialog = self.batch
        if dialog is None:
            return
        ids = dialog.model.checked_ids()
        folder = Path(dialog.folder.text().strip()).expanduser()
        if not ids or not folder.parts:
            return
        kind = ExportKind.RECORD_PDF if dialog.record_choice.isChecked() else ExportKind.SUBJECT_ZIP
        options = RecordOptions(
            with_health=dialog.health.isEnabled() and dialog.health.isChecked(),
            with_photos=dialog.photos.isEnabled() and dialog.photos.isChecked(),
        )
        self._remember_folder(folder)
        self._batch_stop.clear()
        stop = self._batch_stop
        exports, actor = self._exports, self._actor
        dialog.progress.setRange(0, len(ids))
        dialog.progress.setValue(0)
        dialog.status.setText(self.tr("Starting…"))
        dialog.set_running(True)
        self._batch_running = True
        self._runner.run(
            lambda: exports.export_many(actor, ids, folder, kind, options, should_stop=stop.is_set),
            on_done=self._batch_done,
            on_error=self._batch_failed,
            on_progress=self._batch_progress,
        )

    def _batch_progress(self, progress: Progress) -> None:
        dialog = self.batch
        if dialog is None:
            return
        dialog.progress.setMaximum(max(progress.total, 1))
        dialog.progress.setValue(progress.done)
        dialog.status.setText(progress.text)

    def _cancel_batch(self) -> None:
        """Stops the batch at once: the file being written is abandoned, the finished ones stay."""
        if self._batch_running:
            self._batch_stop.set()
            if self.batch is not None:
                self.batch.cancel_button.setEnabled(False)
                self.batch.status.setText(self.tr("Stopping…"))

    def _batch_done(self, result: BatchResult) -> None:
        self._batch_running = False
        self.last_result = result
        dialog = self.batch
        if dialog is None:
            return
        dialog.set_running(False)
        self._refresh_batch()
        written = len(result.exported)
        lines = [self.tr("%n file(s) written to %1", "", written).replace("%1", str(result.folder))]
        if result.cancelled:
            lines.append(self.tr("Stopped: %n client(s) were not exported.", "", result.skipped))
        else:
            dialog.progress.setValue(dialog.progress.maximum())
        lines += [f"{f.client_name}: {f.reason}" for f in result.failed]
        lines += list(result.problems)
        dialog.status.setText("\n".join(lines))

    def _batch_failed(self, error: Exception) -> None:
        self._batch_running = False
        if self.batch is not None:
            self.batch.set_running(False)
            self._refresh_batch()
            self.batch.status.setText(str(error))
        if not isinstance(error, OSError):
            self._runner.report_error(error)

    def _batch_closed(self, dialog: ExportManyDialog) -> None:
        if self.batch is dialog:
            self.batch = None

    # --- helpers -------------------------------------------------------------------------------------------
    def _failed(self, error: Exception) -> None:
        if isinstance(error, OSError):
            QMessageBox.warning(
                self._window,
                self.tr("Not exported"),
                self.tr("The file could not be written (%1). Choose another folder, or free some space.").replace(
                    "%1", error.strerror or str(error)
                ),
            )
            return
        self._runner.report_error(error)

    def _folder(self) -> Path:
        saved = self._settings.value(FOLDER_KEY, "")
        folder = Path(str(saved)) if saved else Path.home()
        return folder if folder.is_dir() else Path.home()

    def _remember_folder(self, folder: Path) -> None:
        self._settings.setValue(FOLDER_KEY, str(folder))

    def _say(self, text: str) -> None:
        status = getattr(self._window, "statusBar", None)
        if callable(status):
            status().showMessage(text, 8000)

"""The import dialog's behaviour: preview the chosen files (with the ghost of the last shot of the same view), run
the import in the background with progress and Cancel, then say what became of each file.

Cancel does not kill the work: it sets an event the service reads between files, so the photo being written is
finished (or not started) whole and the service still returns its summary of what it did."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QModelIndex, QObject, Signal
from PySide6.QtGui import QImage, QPixmap

from smp_desktop.core.progress import Progress
from smp_desktop.core.services.photo_data import (
    ImportedFile,
    ImportOutcome,
    ImportSummary,
    PhotoImportOptions,
    PhotoRecord,
)
from smp_desktop.ui.background import Runner
from smp_desktop.ui.controllers.photo_library import PhotoContext
from smp_desktop.ui.dialogs.photo_import_dialog import PhotoImportDialog
from smp_desktop.ui.locale_format import format_count
from smp_desktop.ui.models.photo_gallery_model import SessionLabel, photo_date
from smp_desktop.ui.models.photo_import_model import PathRole, PhotoImportModel
from smp_desktop.ui.photo_images import read_image
from smp_desktop.ui.problem_text import import_rejection_text
from smp_desktop.ui.vocabulary import label

PREVIEW_SIDE = 2048


class PhotoImportController(QObject):
    finished = Signal(object)  # ImportSummary, or None when the import failed part-way (the gallery reloads)
    progressed = Signal(object)  # Progress, as each file is done

    def __init__(
        self,
        dialog: PhotoImportDialog,
        context: PhotoContext,
        runner: Runner,
        client_id: int,
        client_name: str,
        files: Sequence[Path],
        sessions: Sequence[SessionLabel],
    ) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._context = context
        self._runner = runner
        self._client_id = client_id
        self._stop = threading.Event()
        self._running = False
        self.summary: ImportSummary | None = None
        self.model = PhotoImportModel(import_rejection_text, dialog)
        self.model.set_files(files)
        dialog.file_list.setModel(self.model)
        dialog.setWindowTitle(self.tr("Import photos — %1").replace("%1", client_name))
        dialog.title_label.setText(self.tr("Photos of %1").replace("%1", client_name))
        dialog.tags.set_sessions(sessions, available=context.sessions is not None)
        today = datetime.now().astimezone().date()
        visit = next((s for s in sessions if s.starts_at.astimezone().date() == today), None)
        if visit is not None:  # photos taken at today's visit: linked to it unless the person says otherwise
            dialog.tags.set_session_id(visit.id)
        dialog.tags.clinical.setChecked(True)
        dialog.close_guard = self._may_close
        self._show_file_count()
        self._connect_signals()
        if self.model.rowCount():
            dialog.file_list.setCurrentIndex(self.model.row_index(0))

    @property
    def running(self) -> bool:
        return self._running

    # --- signals --------------------------------------------------------------------------------------------
    def _connect_signals(self) -> None:
        dialog = self._dialog
        dialog.import_button.clicked.connect(self._on_import)
        dialog.cancel_button.clicked.connect(self._on_cancel)
        dialog.close_button.clicked.connect(dialog.accept)
        dialog.file_list.selectionModel().currentChanged.connect(self._on_file_selected)
        dialog.ghost.check.toggled.connect(self._on_ghost_toggled)
        dialog.ghost.opacity.valueChanged.connect(self._on_opacity_changed)
        dialog.tags.view.currentIndexChanged.connect(self._on_view_changed)

    def _on_import(self) -> None:
        files = self.model.files()
        if not files or self._running:
            return
        tags = self._dialog.tags
        options = PhotoImportOptions(
            client_id=self._client_id,
            session_id=tags.session_id(),
            view=tags.photo_view(),
            clinical_consent=tags.clinical.isChecked(),
            marketing_consent=tags.marketing.isChecked(),
            note=tags.note.text().strip(),
        )
        self._running = True
        self._stop.clear()
        dialog = self._dialog
        dialog.set_running(True)
        dialog.progress.setRange(0, len(files))
        dialog.progress.setValue(0)
        dialog.status_label.setText(self.tr("Importing…"))
        photos, actor, stop = self._context.photos, self._context.actor, self._stop
        self._runner.run(
            lambda: photos.import_files(actor, files, options, should_stop=stop.is_set),
            on_done=self._on_imported,
            on_error=self._on_import_failed,
            on_progress=self._on_progress,
            writes=True,
        )

    def _on_progress(self, progress: Progress) -> None:
        dialog = self._dialog
        dialog.progress.setRange(0, max(progress.total, 1))
        dialog.progress.setValue(min(progress.done, progress.total))
        if not self._stop.is_set():
            counted = self.tr("%1 of %2").replace("%1", format_count(progress.done))
            counted = counted.replace("%2", format_count(progress.total))
            dialog.status_label.setText(f"{counted} · {progress.text}" if progress.text else counted)
        self.progressed.emit(progress)

    def _on_cancel(self) -> None:
        if not self._running:
            self._dialog.reject()
            return
        self._stop.set()
        self._dialog.cancel_button.setEnabled(False)
        self._dialog.status_label.setText(self.tr("Stopping after the photo being imported…"))

    def _may_close(self) -> bool:
        if self._running:
            self._on_cancel()  # the window closes itself... once the import has stopped, as the person asked
            return False
        return True

    def _on_imported(self, summary: ImportSummary) -> None:
        self._running = False
        self.summary = summary
        dialog = self._dialog
        self.model.show_outcomes(summary.files, stopped=summary.cancelled)
        dialog.show_finished()
        dialog.summary_label.setText(self._summary_text(summary))
        dialog.summary_label.show()
        dialog.status_label.setText("")
        first_rejected = next(
            (row for row in range(self.model.rowCount()) if self._outcome(row) is ImportOutcome.REJECTED), None
        )
        if first_rejected is not None:
            dialog.file_list.setCurrentIndex(self.model.row_index(first_rejected))
        self.finished.emit(summary)

    def _on_import_failed(self, error: Exception) -> None:
        self._running = False
        self._dialog.set_running(False)
        self._dialog.status_label.setText(
            self.tr("The import stopped because of an error; the photos imported before it are kept.")
        )
        self.finished.emit(None)
        self._runner.report_error(error)

    def _outcome(self, row: int) -> ImportOutcome | None:
        item = self.model.outcome(row)
        return item.outcome if item is not None else None

    def _summary_text(self, summary: ImportSummary) -> str:
        parts = [
            self.tr("%1 imported").replace("%1", format_count(summary.imported)),
            self.tr("%1 already in this client's photos").replace("%1", format_count(summary.already_present)),
            self.tr("%1 not imported").replace("%1", format_count(len(summary.rejected))),
        ]
        text = " · ".join(parts) + "."
        if summary.rejected:
            text += " " + self.tr("Each file not imported says why in the list.")
        if summary.cancelled:
            left = len(self.model.files()) - len(summary.files)
            text += " " + self.tr("The import was stopped; %1 files were left as they are.").replace(
                "%1", format_count(left)
            )
        return text

    def _show_file_count(self) -> None:
        count = self.model.rowCount()
        text = self.tr("1 file") if count == 1 else self.tr("%1 files").replace("%1", format_count(count))
        self._dialog.file_count_label.setText(text)

    # --- the preview and its ghost ------------------------------------------------------------------------
    def _on_file_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        path = current.data(PathRole)
        if not isinstance(path, Path):
            return
        item = self.model.outcome(current.row())
        if item is not None and item.outcome is ImportOutcome.REJECTED:
            self._dialog.preview.set_photo(None)
            self._dialog.preview_note.setText(import_rejection_text(item))
            return
        self._dialog.preview_note.setText(self.tr("Loading %1…").replace("%1", path.name))
        self._runner.run(
            lambda: read_image(path, PREVIEW_SIDE),
            on_done=lambda image: self._show_preview(path, image),
            latest_only="photo-import-preview",
        )

    def _show_preview(self, path: Path, image: QImage) -> None:
        if image.isNull():
            self._dialog.preview.set_photo(None)
            self._dialog.preview_note.setText(
                self.tr("%1 cannot be shown here; the import will say whether it can be used.").replace("%1", path.name)
            )
            return
        self._dialog.preview.set_photo(QPixmap.fromImage(image))
        self._dialog.preview_note.setText(path.name)

    def _on_view_changed(self) -> None:
        if self._dialog.ghost.check.isChecked():
            self._load_ghost()

    def _on_ghost_toggled(self, shown: bool) -> None:
        self._dialog.ghost.opacity.setEnabled(shown)
        if shown:
            self._load_ghost()
        else:
            self._dialog.preview.set_ghost(None)
            self._dialog.ghost.note.setText("")

    def _on_opacity_changed(self, value: int) -> None:
        self._dialog.preview.set_ghost_opacity(value / 100)
        self._dialog.ghost.opacity_label.setText(f"{value} %")

    def _load_ghost(self) -> None:
        photos, actor, client_id = self._context.photos, self._context.actor, self._client_id
        view = self._dialog.tags.photo_view()

        def load() -> tuple[PhotoRecord, QImage] | None:
            previous = photos.previous_of_view(actor, client_id, view)
            if previous is None:
                return None
            return previous, read_image(photos.file_path(actor, previous.id), PREVIEW_SIDE)

        self._runner.run(load, on_done=self._show_ghost, latest_only="photo-import-ghost")

    def _show_ghost(self, found: tuple[PhotoRecord, QImage] | None) -> None:
        ghost = self._dialog.ghost
        if not ghost.check.isChecked():
            return
        if found is None or found[1].isNull():
            self._dialog.preview.set_ghost(None)
            view = label(self._dialog.tags.photo_view())
            ghost.note.setText(self.tr("No earlier “%1” photo of this client.").replace("%1", view))
            return
        record, image = found
        self._dialog.preview.set_ghost_opacity(ghost.opacity.value() / 100)
        self._dialog.preview.set_ghost(QPixmap.fromImage(image))
        ghost.note.setText(
            self.tr("Over it: %1 of %2").replace("%1", label(record.view)).replace("%2", photo_date(record))
        )


def rejected_lines(files: Sequence[ImportedFile]) -> list[str]:
    """ "name: reason" for each file not imported (the gallery's status line after a drop uses it too)."""
    return [f"{item.source.name}: {import_rejection_text(item)}" for item in files]

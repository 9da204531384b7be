"""The viewer's behaviour: show one of the client's photos with its tags, step through the others, zoom, and lay
the previous photo of the same view over it as a ghost. Photos are read off the GUI thread."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage, QPixmap

from smp_desktop.core.hairline import HairlineShapes
from smp_desktop.core.services.photo_data import PhotoRecord
from smp_desktop.ui.background import Runner
from smp_desktop.ui.controllers.photo_library import PhotoContext
from smp_desktop.ui.locale_format import format_count, format_data_size, format_date_time
from smp_desktop.ui.models.photo_gallery_model import SessionLabel, photo_date, session_title
from smp_desktop.ui.photo_images import read_image
from smp_desktop.ui.views.hairline_overlay import HairlineOverlay
from smp_desktop.ui.views.photo_viewer_window import PhotoViewerWindow
from smp_desktop.ui.vocabulary import label


class PhotoViewerController(QObject):
    edit_requested = Signal(object)  # PhotoRecord: the gallery's controller edits and hands back the new record

    def __init__(
        self,
        window: PhotoViewerWindow,
        context: PhotoContext,
        runner: Runner,
        client_name: str,
        photos: Sequence[PhotoRecord],
        sessions: Mapping[int, SessionLabel],
        index: int = 0,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self._runner = runner
        self._client_name = client_name
        self._photos = list(photos)
        self._sessions = dict(sessions)
        self._index = min(max(index, 0), max(len(self._photos) - 1, 0))
        window.edit_button.setEnabled(context.may_add)
        window.hairline_check.setVisible(context.designs is not None)
        self._connect_signals()
        self._show_current()

    @property
    def current(self) -> PhotoRecord | None:
        return self._photos[self._index] if self._photos else None

    def replace(self, record: PhotoRecord) -> None:
        """The photo's tags changed (edited here or in the gallery)."""
        for position, photo in enumerate(self._photos):
            if photo.id == record.id:
                self._photos[position] = record
        if self.current is not None and self.current.id == record.id:
            self._show_tags(record)
            if self._window.ghost.check.isChecked():
                self._load_ghost()

    # --- signals --------------------------------------------------------------------------------------------
    def _connect_signals(self) -> None:
        window = self._window
        window.previous_button.clicked.connect(self._on_previous)
        window.next_button.clicked.connect(self._on_next)
        window.previous_shortcut.activated.connect(self._on_previous)
        window.next_shortcut.activated.connect(self._on_next)
        window.zoom_in_button.clicked.connect(window.canvas.zoom_in)
        window.zoom_out_button.clicked.connect(window.canvas.zoom_out)
        window.fit_button.clicked.connect(window.canvas.fit)
        window.actual_size_button.clicked.connect(window.canvas.actual_size)
        window.canvas.zoom_changed.connect(self._on_zoom_changed)
        window.ghost.check.toggled.connect(self._on_ghost_toggled)
        window.ghost.opacity.valueChanged.connect(self._on_opacity_changed)
        window.edit_button.clicked.connect(self._on_edit)
        window.hairline_check.toggled.connect(self._on_hairline_toggled)

    def _on_previous(self) -> None:
        if self._index > 0:
            self._index -= 1
            self._show_current()

    def _on_next(self) -> None:
        if self._index < len(self._photos) - 1:
            self._index += 1
            self._show_current()

    def _on_zoom_changed(self, zoom: float) -> None:
        self._window.zoom_label.setText(f"{round(zoom * 100)} %")

    def _on_ghost_toggled(self, shown: bool) -> None:
        self._window.ghost.opacity.setEnabled(shown)
        if shown:
            self._load_ghost()
        else:
            self._window.canvas.set_ghost(None)
            self._window.ghost.note.setText("")

    def _on_opacity_changed(self, value: int) -> None:
        self._window.canvas.set_ghost_opacity(value / 100)
        self._window.ghost.opacity_label.setText(f"{value} %")

    def _on_hairline_toggled(self, shown: bool) -> None:
        if shown:
            self._load_design()
        else:
            self._window.canvas.clear_overlays()
            self._window.status_label.setText("")

    def _on_edit(self) -> None:
        if self.current is not None:
            self.edit_requested.emit(self.current)

    # --- showing a photo ------------------------------------------------------------------------------------
    def _show_current(self) -> None:
        window = self._window
        photo = self.current
        count = len(self._photos)
        window.previous_button.setEnabled(self._index > 0)
        window.next_button.setEnabled(self._index < count - 1)
        if photo is None:
            window.canvas.set_photo(None)
            return
        window.position_label.setText(
            self.tr("%1 of %2").replace("%1", format_count(self._index + 1)).replace("%2", format_count(count))
        )
        self._show_tags(photo)
        window.status_label.setText(self.tr("Loading…"))
        photos, actor = self._context.photos, self._context.actor
        self._runner.run(
            lambda: read_image(photos.file_path(actor, photo.id)),
            on_done=lambda image: self._show_image(photo, image),
            on_error=lambda error: self._show_unreadable(photo, error),
            latest_only="photo-viewer",
        )
        if window.ghost.check.isChecked():
            self._load_ghost()
        window.canvas.clear_overlays()
        if window.hairline_check.isChecked():
            self._load_design()

    def _show_image(self, photo: PhotoRecord, image: QImage) -> None:
        if image.isNull():
            self._show_unreadable(photo, ValueError("unreadable"))
            return
        self._window.canvas.set_photo(QPixmap.fromImage(image))
        self._window.status_label.setText("")

    def _show_unreadable(self, photo: PhotoRecord, error: Exception) -> None:
        self._window.canvas.set_photo(None)
        self._window.status_label.setText(
            self.tr("This photo's file cannot be read (%1). Run File ▸ Check Database to find out why.").replace(
                "%1", str(error)
            )
        )

    def _show_tags(self, photo: PhotoRecord) -> None:
        window = self._window
        window.setWindowTitle(
            self.tr("%1 — %2, %3")
            .replace("%1", self._client_name)
            .replace("%2", label(photo.view))
            .replace("%3", photo_date(photo))
        )
        window.tags_title.setText(self._client_name)
        session = self._sessions.get(photo.session_id) if photo.session_id is not None else None
        taken = format_date_time(photo.taken_at)
        if not photo.taken_at_from_photo:
            taken = self.tr("%1 (imported; the photo did not say when it was taken)").replace("%1", taken)
        consents = [
            text
            for given, text in (
                (photo.clinical_consent, self.tr("clinical record")),
                (photo.marketing_consent, self.tr("marketing")),
            )
            if given
        ]
        values = {
            "view": label(photo.view),
            "session": session_title(session),
            "taken": taken,
            "consent": ", ".join(consents) if consents else self.tr("none given"),
            "file": photo.original_filename,
            "size": f"{photo.width} × {photo.height} px · {format_data_size(photo.size_bytes)}",
            "note": photo.note or "—",
        }
        for key, value in values.items():
            window.tag_values[key].setText(value)

    # --- the current hairline design over the photo (vector data, scaled to this photo) -----------------------
    def _load_design(self) -> None:
        photo, designs = self.current, self._context.designs
        if photo is None or designs is None:
            return
        self._runner.run(
            lambda: designs(photo.client_id, photo.view),
            on_done=lambda shapes: self._show_design(photo, shapes),
            latest_only="photo-viewer-design",
        )

    def _show_design(self, photo: PhotoRecord, shapes: HairlineShapes | None) -> None:
        window = self._window
        if not window.hairline_check.isChecked() or self.current is None or self.current.id != photo.id:
            return
        window.canvas.clear_overlays()
        if shapes is None:
            window.status_label.setText(
                self.tr("No hairline design has been drawn for the “%1” view yet.").replace("%1", label(photo.view))
            )
            return
        overlay = HairlineOverlay(shapes)
        overlay.set_photo_size(photo.width, photo.height)
        window.canvas.add_overlay(overlay)

    # --- the ghost: the photo of the same view taken before this one ----------------------------------------
    def _load_ghost(self) -> None:
        photo = self.current
        if photo is None:
            return
        photos, actor = self._context.photos, self._context.actor

        def load() -> tuple[PhotoRecord, QImage] | None:
            previous = photos.previous_of_view(actor, photo.client_id, photo.view, before=photo.taken_at)
            if previous is None:
                return None
            return previous, read_image(photos.file_path(actor, previous.id))

        self._runner.run(load, on_done=self._show_ghost, latest_only="photo-viewer-ghost")

    def _show_ghost(self, found: tuple[PhotoRecord, QImage] | None) -> None:
        ghost = self._window.ghost
        if not ghost.check.isChecked():
            return
        photo = self.current
        if found is None or found[1].isNull():
            self._window.canvas.set_ghost(None)
            view = label(photo.view) if photo is not None else ""
            ghost.note.setText(self.tr("No earlier “%1” photo.").replace("%1", view))
            return
        record, image = found
        self._window.canvas.set_ghost_opacity(ghost.opacity.value() / 100)
        self._window.canvas.set_ghost(QPixmap.fromImage(image))
        ghost.note.setText(self.tr("Over it: %1").replace("%1", photo_date(record)))

"""Before and after: which two photos (by default the first and the latest of one view), read off the GUI thread,
shown side by side or with the wipe line, with every canvas kept at the same zoom and place."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QImage, QPixmap

from smp_desktop.core.domain import PhotoView
from smp_desktop.core.services.photo_data import PhotoRecord
from smp_desktop.ui.background import Runner
from smp_desktop.ui.controllers.photo_library import PhotoContext
from smp_desktop.ui.models.photo_gallery_model import SessionLabel, photo_date
from smp_desktop.ui.photo_images import read_image
from smp_desktop.ui.views.photo_compare_view import SLIDER_STEPS, CompareMode, PhotoCompareView
from smp_desktop.ui.views.photo_viewer import PhotoViewer
from smp_desktop.ui.vocabulary import label


def default_view(photos: Sequence[PhotoRecord], preferred: PhotoView | None) -> PhotoView | None:
    """The view to compare: the one asked for when it has two photos, else the first standard view that has."""
    counts: dict[PhotoView, int] = {}
    for photo in photos:
        counts[photo.view] = counts.get(photo.view, 0) + 1
    if preferred is not None and counts.get(preferred, 0) >= 2:
        return preferred
    return next((view for view in PhotoView if counts.get(view, 0) >= 2), None)


class PhotoCompareController(QObject):
    def __init__(
        self,
        window: PhotoCompareView,
        context: PhotoContext,
        runner: Runner,
        client_id: int,
        client_name: str,
        photos: Sequence[PhotoRecord],
        sessions: Mapping[int, SessionLabel],
        *,
        chosen: Sequence[PhotoRecord] = (),
    ) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self._runner = runner
        self._client_id = client_id
        self._sessions = dict(sessions)
        self._photos = sorted(photos, key=lambda p: (p.taken_at, p.id))  # oldest first: "before" comes first
        self._images: dict[int, QPixmap] = {}
        self._syncing = False
        window.setWindowTitle(self.tr("Compare photos — %1").replace("%1", client_name))
        for picker in (window.before_picker, window.after_picker):
            for photo in self._photos:
                picker.addItem(self._describe(photo), photo.id)
        self._connect_signals()
        if len(self._photos) < 2:
            window.show_empty(self.tr("Compare needs two photos of this client; import another one first."))
            return
        self._choose_defaults(chosen)

    # --- choosing the pair ----------------------------------------------------------------------------------
    def _choose_defaults(self, chosen: Sequence[PhotoRecord]) -> None:
        if len(chosen) >= 2:
            pair = sorted(chosen[:2], key=lambda p: (p.taken_at, p.id))
            self._pick(pair[0], pair[1])
            return
        view = default_view(self._photos, chosen[0].view if chosen else None)
        if view is None:  # no view has two photos: the oldest and the newest of all
            self._pick(self._photos[0], self._photos[-1])
            return
        photos, actor, client_id = self._context.photos, self._context.actor, self._client_id
        fallback = [p for p in self._photos if p.view is view]
        self._runner.run(
            lambda: photos.comparison_pair(actor, client_id, view),
            on_done=lambda pair: self._pick(*(pair or (fallback[0], fallback[-1]))),
            latest_only="photo-compare-pair",
        )

    def _pick(self, before: PhotoRecord, after: PhotoRecord) -> None:
        window = self._window
        for picker, photo in ((window.before_picker, before), (window.after_picker, after)):
            picker.blockSignals(True)
            picker.setCurrentIndex(max(0, picker.findData(photo.id)))
            picker.blockSignals(False)
        self._load()

    def chosen_ids(self) -> tuple[int | None, int | None]:
        window = self._window
        return window.before_picker.currentData(), window.after_picker.currentData()

    # --- signals --------------------------------------------------------------------------------------------
    def _connect_signals(self) -> None:
        window = self._window
        window.before_picker.currentIndexChanged.connect(self._load)
        window.after_picker.currentIndexChanged.connect(self._load)
        window.side_by_side_button.clicked.connect(lambda: self._on_mode(CompareMode.SIDE_BY_SIDE))
        window.slider_button.clicked.connect(lambda: self._on_mode(CompareMode.SLIDER))
        window.fit_button.clicked.connect(self._on_fit)
        window.actual_size_button.clicked.connect(self._on_actual_size)
        window.wipe_slider.valueChanged.connect(self._on_slider_moved)
        window.wipe_canvas.position_changed.connect(self._on_wipe_dragged)
        for canvas in (window.before_canvas, window.after_canvas):
            canvas.view_changed.connect(lambda canvas=canvas: self._on_view_changed(canvas))

    def _on_mode(self, mode: CompareMode) -> None:
        window = self._window
        source = window.wipe_canvas if window.mode is CompareMode.SLIDER else window.after_canvas
        window.show_mode(mode)
        # The new canvas opens where the old one was: same zoom, same place.
        state = source.view_state()
        targets = (
            (window.before_canvas, window.after_canvas) if mode is CompareMode.SIDE_BY_SIDE else (window.wipe_canvas,)
        )
        for canvas in targets:
            canvas.apply_view_state(state)

    def _on_view_changed(self, source: PhotoViewer) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            other = self._window.after_canvas if source is self._window.before_canvas else self._window.before_canvas
            other.apply_view_state(source.view_state())
        finally:
            self._syncing = False

    def _on_fit(self) -> None:
        for canvas in self._shown_canvases():
            canvas.fit()

    def _on_actual_size(self) -> None:
        canvases = self._shown_canvases()
        canvases[0].actual_size()
        for canvas in canvases[1:]:
            canvas.apply_view_state(canvases[0].view_state())

    def _shown_canvases(self) -> list[PhotoViewer]:
        window = self._window
        if window.mode is CompareMode.SLIDER:
            return [window.wipe_canvas]
        return [window.after_canvas, window.before_canvas]

    def _on_slider_moved(self, value: int) -> None:
        self._window.wipe_canvas.set_position(value / SLIDER_STEPS)

    def _on_wipe_dragged(self, position: float) -> None:
        slider = self._window.wipe_slider
        slider.blockSignals(True)
        slider.setValue(round(position * SLIDER_STEPS))
        slider.blockSignals(False)

    # --- loading and labelling ------------------------------------------------------------------------------
    def _record(self, photo_id: int | None) -> PhotoRecord | None:
        return next((p for p in self._photos if p.id == photo_id), None)

    def _load(self) -> None:
        before_id, after_id = self.chosen_ids()
        before, after = self._record(before_id), self._record(after_id)
        if before is None or after is None:
            return
        self._caption(before, after)
        wanted = [p for p in (before, after) if p.id not in self._images]
        if not wanted:
            self._show(before, after)
            return
        photos, actor = self._context.photos, self._context.actor

        def load() -> dict[int, QImage]:
            return {p.id: read_image(photos.file_path(actor, p.id)) for p in wanted}

        self._runner.run(
            load, on_done=lambda images: self._loaded(images, before, after), latest_only="photo-compare-images"
        )

    def _loaded(self, images: dict[int, QImage], before: PhotoRecord, after: PhotoRecord) -> None:
        for photo_id, image in images.items():
            if not image.isNull():
                self._images[photo_id] = QPixmap.fromImage(image)
        self._show(before, after)

    def _show(self, before: PhotoRecord, after: PhotoRecord) -> None:
        window = self._window
        first, latest = self._images.get(before.id), self._images.get(after.id)
        # Both at the later photo's width in scene units: one zoom and one scroll position fit both.
        width = float(latest.width() if latest is not None else first.width() if first is not None else 0) or None
        window.before_canvas.set_photo(first, scene_width=width)
        window.after_canvas.set_photo(latest, scene_width=width)
        window.wipe_canvas.set_photos(first, latest, scene_width=width)
        window.wipe_canvas.set_position(window.wipe_slider.value() / SLIDER_STEPS)

    def _caption(self, before: PhotoRecord, after: PhotoRecord) -> None:
        window = self._window
        window.before_caption.setText(self.tr("Before"))
        window.after_caption.setText(self.tr("After"))
        window.before_detail.setText(self._describe(before))
        window.after_detail.setText(self._describe(after))
        window.wipe_before_caption.setText(self.tr("◀ Before: %1").replace("%1", self._describe(before)))
        window.wipe_after_caption.setText(self.tr("After: %1 ▶").replace("%1", self._describe(after)))

    def _describe(self, photo: PhotoRecord) -> str:
        session = self._sessions.get(photo.session_id) if photo.session_id is not None else None
        parts = [label(photo.view), photo_date(photo)]
        if session is not None:
            parts.append(label(session.kind))
        return " · ".join(parts)

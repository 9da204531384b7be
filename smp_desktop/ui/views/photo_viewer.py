"""The photo canvas: one photo on a graphics scene, zoomed with the wheel or keys and panned by dragging.

Items laid over the photo (a hairline design, the ghost of an earlier shot) are children of the photo's item, so
they are placed in the photo's own pixel coordinates and follow every zoom and pan. The photo item may be scaled
(the compare view gives two photos one width), which keeps those coordinates true.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPixmap, QResizeEvent, QTransform, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsItem, QGraphicsPixmapItem, QGraphicsScene, QGraphicsView, QWidget

ZOOM_STEP = 1.25
MAX_ZOOM = 16.0  # 1,600 %: single dots of pigment are several screen pixels wide
BACKGROUND = QColor("#26282b")  # neutral dark grey: skin tones are judged against it without a colour cast
GHOST_Z, OVERLAY_Z = 1.0, 2.0


@dataclass(frozen=True, slots=True)
class ViewState:
    """What two canvases share to stay aligned: the view's scale and the scene point at the centre."""

    scale: float
    center: QPointF
    fitted: bool


class PhotoViewer(QGraphicsView):
    view_changed = Signal()  # zoomed or panned (the compare view keeps its other canvas in step)
    zoom_changed = Signal(float)  # the new zoom: 1.0 shows one photo pixel per screen pixel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self._photo = QGraphicsPixmapItem()
        self._photo.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._photo.setShapeMode(QGraphicsPixmapItem.ShapeMode.BoundingRectShape)
        self.scene().addItem(self._photo)
        self._ghost: QGraphicsPixmapItem | None = None
        self._ghost_opacity = 0.5
        self._overlays: list[QGraphicsItem] = []
        self._fitted = True  # follows the window's size until the person zooms
        self._syncing = False
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setBackgroundBrush(BACKGROUND)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # --- the photo ------------------------------------------------------------------------------------------
    def set_photo(self, pixmap: QPixmap | None, *, scene_width: float | None = None) -> None:
        """Show a photo (None: nothing). scene_width scales it to that width in scene units, for alignment."""
        self._photo.setPixmap(pixmap if pixmap is not None else QPixmap())
        width = pixmap.width() if pixmap is not None else 0
        self._photo.setScale(scene_width / width if scene_width and width else 1.0)
        self._place_ghost()
        self.scene().setSceneRect(self._photo.sceneBoundingRect())
        self.fit()

    def has_photo(self) -> bool:
        return not self._photo.pixmap().isNull()

    def photo_rect(self) -> QRectF:
        """The photo's rectangle in scene coordinates."""
        return self._photo.sceneBoundingRect()

    def photo_item(self) -> QGraphicsPixmapItem:
        return self._photo

    # --- overlays (photo pixel coordinates) ------------------------------------------------------------------
    def add_overlay(self, item: QGraphicsItem) -> None:
        item.setParentItem(self._photo)
        if item.zValue() < OVERLAY_Z:
            item.setZValue(OVERLAY_Z)
        self._overlays.append(item)

    def clear_overlays(self) -> None:
        for item in self._overlays:
            if item.scene() is not None:
                self.scene().removeItem(item)
        self._overlays.clear()

    def overlays(self) -> tuple[QGraphicsItem, ...]:
        return tuple(self._overlays)

    # --- the ghost: an earlier photo of the same view, see-through, to line up a new shot --------------------
    def set_ghost(self, pixmap: QPixmap | None) -> None:
        if self._ghost is not None:
            self.scene().removeItem(self._ghost)
            self._ghost = None
        if pixmap is not None and not pixmap.isNull():
            self._ghost = QGraphicsPixmapItem(pixmap, self._photo)
            self._ghost.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
            self._ghost.setZValue(GHOST_Z)
            self._ghost.setOpacity(self._ghost_opacity)
            self._place_ghost()

    def has_ghost(self) -> bool:
        return self._ghost is not None

    def set_ghost_opacity(self, opacity: float) -> None:
        self._ghost_opacity = min(max(opacity, 0.0), 1.0)
        if self._ghost is not None:
            self._ghost.setOpacity(self._ghost_opacity)

    @property
    def ghost_opacity(self) -> float:
        return self._ghost_opacity

    def _place_ghost(self) -> None:
        # The earlier shot is stretched to the new photo's width and centred on its height: the same framing
        # of the same view lines up whatever camera resolution either was taken with.
        ghost, photo = self._ghost, self._photo.pixmap()
        if ghost is None:
            return
        ghost.setVisible(not photo.isNull())  # a ghost over no photo would be mistaken for the photo
        if photo.isNull() or ghost.pixmap().isNull():
            return
        factor = photo.width() / ghost.pixmap().width()
        ghost.setScale(factor)
        ghost.setPos(0, (photo.height() - ghost.pixmap().height() * factor) / 2)

    # --- zoom and pan ---------------------------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        """Screen pixels per photo pixel (1.0 is 100 %)."""
        return self.transform().m11() * self._photo.scale()

    @property
    def is_fitted(self) -> bool:
        return self._fitted

    def fit(self) -> None:
        """The whole photo in the window; it stays fitted as the window is resized."""
        self._fitted = True
        rect = self.photo_rect()
        if rect.isEmpty() or self.viewport().width() < 2:
            self.resetTransform()
        else:
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self._changed()

    def actual_size(self) -> None:
        """100 %: one photo pixel per screen pixel, centred where the view was centred."""
        self.set_zoom(1.0)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / ZOOM_STEP)

    def set_zoom(self, zoom: float, *, under_mouse: bool = False) -> None:
        if not self.has_photo():
            return
        zoom = min(max(zoom, self._min_zoom()), MAX_ZOOM)
        anchor = (
            QGraphicsView.ViewportAnchor.AnchorUnderMouse
            if under_mouse
            else QGraphicsView.ViewportAnchor.AnchorViewCenter
        )
        self.setTransformationAnchor(anchor)
        factor = zoom / self.zoom
        self.scale(factor, factor)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self._fitted = False
        self._changed()

    def _min_zoom(self) -> float:
        # Never smaller than half the fitted size: beyond that the photo is a stamp in a grey field.
        rect = self._photo.pixmap().rect()
        if rect.isEmpty():
            return 0.01
        fit = min(self.viewport().width() / rect.width(), self.viewport().height() / rect.height())
        return min(fit / 2, 1.0)

    def view_state(self) -> ViewState:
        center = self.mapToScene(self.viewport().rect().center())
        return ViewState(self.transform().m11(), center, self._fitted)

    def apply_view_state(self, state: ViewState) -> None:
        """Take another canvas's zoom and centre (both photos normalised to one scene width)."""
        self._syncing = True
        try:
            if state.fitted:
                self.fit()
            else:
                self.setTransform(QTransform.fromScale(state.scale, state.scale))
                self.centerOn(state.center)
                self._fitted = False
        finally:
            self._syncing = False

    def _changed(self) -> None:
        if not self._syncing:
            self.view_changed.emit()
        self.zoom_changed.emit(self.zoom)

    # --- events ---------------------------------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps and self.has_photo():
            self.set_zoom(self.zoom * ZOOM_STEP**steps, under_mouse=True)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            key = event.key()
            if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
                self.zoom_in()
                return
            if key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
                self.zoom_out()
                return
            if key == Qt.Key.Key_0:
                self.fit()
                return
            if key == Qt.Key.Key_1:
                self.actual_size()
                return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        if not self._syncing:
            self.view_changed.emit()

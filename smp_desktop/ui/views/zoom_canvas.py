"""A photo on a graphics scene that zooms (wheel, Ctrl++ / Ctrl+- / Ctrl+0) and stays fitted to the window until
the person zooms. The hairline editor builds on it; the mouse is left to the subclass."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsPixmapItem, QGraphicsScene, QGraphicsView, QWidget

ZOOM_STEP = 1.25
MAX_ZOOM = 16.0  # 1,600 %: single pigment dots are several screen pixels wide
BACKGROUND = QColor("#26282b")  # neutral dark grey: skin tones are judged against it without a colour cast


class ZoomCanvas(QGraphicsView):
    zoom_changed = Signal(float)  # screen pixels per photo pixel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self._photo = QGraphicsPixmapItem()
        self._photo.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self._photo)
        self._fitted = True
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setBackgroundBrush(BACKGROUND)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def fit(self) -> None:
        """The whole photo in the window; it stays so as the window is resized."""
        self._fitted = True
        if self.viewport().width() > 2:
            self.fitInView(self._photo.sceneBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self.zoom_changed.emit(self.zoom)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / ZOOM_STEP)

    def set_zoom(self, zoom: float) -> None:
        rect = self._photo.sceneBoundingRect()
        if rect.isEmpty():
            return
        fit = min(self.viewport().width() / rect.width(), self.viewport().height() / rect.height())
        zoom = min(max(zoom, min(fit / 2, 1.0)), MAX_ZOOM)  # never smaller than half the fitted size
        factor = zoom / self.zoom
        self.scale(factor, factor)
        self._fitted = False
        self.zoom_changed.emit(self.zoom)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
                self.zoom_in()
                return
            if key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
                self.zoom_out()
                return
            if key == Qt.Key.Key_0:
                self.fit()
                return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.set_zoom(self.zoom * ZOOM_STEP**steps)
            event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit()

"""A signature pad: the client (or the witness) signs with the mouse, a pen or a finger. Strokes are kept as
points in the pad's coordinates, drawn smoothly, and rendered to a PNG (transparent background, ink only, cropped
to the signature) for the signed PDF."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

INK = QColor(18, 28, 66)
PEN_WIDTH = 2.6  # in pad pixels; the PNG is drawn at RENDER_SCALE for a crisp print
RENDER_SCALE = 3.0
MARGIN = 8

Stroke = list[QPointF]


class SignaturePad(QWidget):
    """changed: emitted when a stroke is added or the pad is cleared."""

    changed = Signal()

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[Stroke] = []
        self._drawing = False
        self.placeholder = placeholder or self.tr("Sign here")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(130)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.placeholder)

    def sizeHint(self) -> QSize:
        return QSize(420, 150)

    # --- the signature --------------------------------------------------------------------------------------
    def is_empty(self) -> bool:
        return not any(len(stroke) > 1 for stroke in self._strokes)

    def strokes(self) -> list[list[tuple[float, float]]]:
        return [[(p.x(), p.y()) for p in stroke] for stroke in self._strokes]

    def clear(self) -> None:
        self._strokes.clear()
        self._drawing = False
        self.update()
        self.changed.emit()

    def to_png(self) -> bytes:
        """The ink on a transparent background, cropped to the signature with a small margin ("" when empty)."""
        if self.is_empty():
            return b""
        bounds = QRectF()
        for stroke in self._strokes:
            for point in stroke:
                bounds = bounds.united(QRectF(point, QSize(1, 1)))
        bounds.adjust(-MARGIN, -MARGIN, MARGIN, MARGIN)
        image = QImage(
            max(1, int(bounds.width() * RENDER_SCALE)),
            max(1, int(bounds.height() * RENDER_SCALE)),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(RENDER_SCALE, RENDER_SCALE)
        painter.translate(-bounds.topLeft())
        self._paint_strokes(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes, PySide6 wants str
        buffer.close()
        return bytes(data.data())

    # --- input: mouse, pen, touch ---------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())
            event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drawing and event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())
            event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drawing and event.button() == Qt.MouseButton.LeftButton:
            self._extend(event.position())
            self._end()
            event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QTabletEvent.Type.TabletMove and self._drawing:
            self._extend(event.position())
        elif kind == QTabletEvent.Type.TabletRelease and self._drawing:
            self._extend(event.position())
            self._end()
        event.accept()  # a pen's events are not turned into mouse events as well

    def event(self, event: object) -> bool:
        if isinstance(event, QTouchEvent):
            points = event.points()
            if points:
                position = points[0].position()
                kind = event.type()
                if kind == QTouchEvent.Type.TouchBegin:
                    self._begin(position)
                elif kind == QTouchEvent.Type.TouchUpdate and self._drawing:
                    self._extend(position)
                elif kind in (QTouchEvent.Type.TouchEnd, QTouchEvent.Type.TouchCancel) and self._drawing:
                    self._extend(position)
                    self._end()
            event.accept()
            return True
        return super().event(event)  # type: ignore[arg-type]

    def _begin(self, position: QPointF) -> None:
        self._drawing = True
        self._strokes.append([QPointF(position)])
        self.update()

    def _extend(self, position: QPointF) -> None:
        stroke = self._strokes[-1]
        if (position - stroke[-1]).manhattanLength() >= 0.5:
            stroke.append(QPointF(position))
            self.update()

    def _end(self) -> None:
        self._drawing = False
        stroke = self._strokes[-1]
        if len(stroke) == 1:  # a tap: a dot
            stroke.append(stroke[0] + QPointF(0.6, 0.6))
        self.update()
        self.changed.emit()

    # --- painting -------------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(255, 255, 255))
        baseline = self.height() - 30
        painter.setPen(QPen(QColor(170, 176, 186), 1, Qt.PenStyle.DashLine))
        painter.drawLine(16, baseline, self.width() - 16, baseline)
        painter.setPen(QColor(130, 136, 146))
        painter.drawText(18, baseline + 18, "×")
        if not self._strokes:
            painter.drawText(self.rect().adjusted(0, 0, 0, -40), Qt.AlignmentFlag.AlignCenter, self.placeholder)
        self._paint_strokes(painter)
        painter.setPen(QPen(self.palette().mid().color(), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))

    def _paint_strokes(self, painter: QPainter) -> None:
        pen = QPen(INK, PEN_WIDTH, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for stroke in self._strokes:
            path = QPainterPath(stroke[0])
            for index in range(1, len(stroke)):  # through the midpoints: a smooth line, not a polyline's corners
                middle = (stroke[index - 1] + stroke[index]) / 2
                path.quadTo(stroke[index - 1], middle)
            path.lineTo(stroke[-1])
            painter.drawPath(path)

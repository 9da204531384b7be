"""A hairline design painted over a photo: the smooth hairline, the temple markers and translucent zones with
their labels. The design stays vector data: it is drawn afresh at every zoom, never merged into the photo.

The item covers one photo in that photo's pixels (`set_photo_size`); the design lands on it as core.hairline.Frame
says, so the same item shows the current design over any photo of the same view (and as a child of the photo
viewer's photo item). Lines, markers and labels keep their size on screen whatever the zoom, so they stay thin
over a whole photo and easy to see when zoomed in. The editor also asks it to draw grab handles and a zone being
drawn."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from smp_desktop.core.hairline import Frame, HairlineShapes, Point, ZoneKind, sample_curve
from smp_desktop.core.hairline_edit import Part, Target

CURVE_COLOUR = QColor("#27d3f5")  # a cyan that stands out on every skin tone and on dark pigment
CASING_COLOUR = QColor(8, 24, 32, 200)  # a dark edge under the line: visible on pale skin too
TEMPLE_COLOUR = QColor("#ffc233")
SELECTED_COLOUR = QColor("#ff5dc8")
ZONE_COLOURS: dict[ZoneKind, QColor] = {
    ZoneKind.DENSITY: QColor("#3b82f6"),
    ZoneKind.SCAR: QColor("#f59e0b"),
    ZoneKind.KEEP_CLEAR: QColor("#ef4444"),
}
HANDLE_RADIUS = 6.0  # screen pixels; the editor grabs within GRAB_RADIUS
GRAB_RADIUS = 11.0
TEMPLE_RADIUS = 9.0
CURVE_WIDTH = 2.5


def zone_fill(kind: ZoneKind, density: int | None) -> QBrush:
    colour = QColor(ZONE_COLOURS[kind])
    if kind is ZoneKind.DENSITY:
        colour.setAlpha(40 + 18 * (density or 3))  # denser plan, deeper tint
        return QBrush(colour)
    colour.setAlpha(110 if kind is ZoneKind.KEEP_CLEAR else 80)
    style = Qt.BrushStyle.BDiagPattern if kind is ZoneKind.KEEP_CLEAR else Qt.BrushStyle.SolidPattern
    return QBrush(colour, style)


class HairlineOverlay(QGraphicsItem):
    def __init__(self, shapes: HairlineShapes | None = None, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self._shapes = shapes or HairlineShapes()
        self._size = (1.0, 1.0)
        self._frame = Frame(0, 0, 1, 1)
        self._labels: dict[int, str] = {}
        self._handles = False
        self._selected: Target | None = None
        self._pending: tuple[ZoneKind, tuple[Point, ...], Point | None] | None = None
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the editor handles the mouse; the viewer pans

    # --- what is drawn ---------------------------------------------------------------------------------------
    @property
    def shapes(self) -> HairlineShapes:
        return self._shapes

    @property
    def frame(self) -> Frame:
        return self._frame

    def set_shapes(self, shapes: HairlineShapes) -> None:
        self._shapes = shapes
        self._place()

    def set_photo_size(self, width: float, height: float) -> None:
        """The photo this item lies over, in its pixels (the item's coordinates)."""
        self.prepareGeometryChange()
        self._size = (max(width, 1.0), max(height, 1.0))
        self._place()

    def set_zone_labels(self, labels: dict[int, str]) -> None:
        """Words shown for zones without a label of their own (the kind, translated), by zone index."""
        self._labels = labels
        self.update()

    def set_editing(self, handles: bool, selected: Target | None = None) -> None:
        self._handles = handles
        self._selected = selected
        self.update()

    def set_pending_zone(
        self, kind: ZoneKind | None, points: tuple[Point, ...] = (), hover: Point | None = None
    ) -> None:
        self._pending = (kind, points, hover) if kind is not None else None
        self.update()

    def _place(self) -> None:
        self.prepareGeometryChange()
        self._frame = Frame.for_size(self._shapes, *self._size)
        self.update()

    # --- geometry in the item's (photo pixel) coordinates ------------------------------------------------------
    def to_item(self, point: Point) -> QPointF:
        return QPointF(*self._frame.to_pixels(point))

    def to_design(self, item_point: QPointF) -> Point:
        return self._frame.to_relative(item_point.x(), item_point.y())

    def curve_path(self) -> QPainterPath:
        """The hairline as drawn: the smooth curve through the control points, in photo pixels."""
        path = QPainterPath()
        for index, point in enumerate(sample_curve(self._shapes.hairline)):
            (path.moveTo if index == 0 else path.lineTo)(self.to_item(point))
        return path

    def zone_path(self, index: int) -> QPainterPath:
        path = QPainterPath()
        path.addPolygon(QPolygonF([self.to_item(p) for p in self._shapes.zones[index].polygon]))
        path.closeSubpath()
        return path

    def boundingRect(self) -> QRectF:
        frame = self._frame
        return QRectF(0, 0, *self._size).united(QRectF(frame.left, frame.top, frame.width, frame.height))

    # --- painting ---------------------------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        shapes = self._shapes
        for index, zone in enumerate(shapes.zones):
            colour = ZONE_COLOURS[zone.kind]
            selected = self._selected is not None and self._selected.part is Part.ZONE and self._selected.index == index
            painter.setPen(_pen(SELECTED_COLOUR if selected else colour, 2.5 if selected else 1.5))
            painter.setBrush(zone_fill(zone.kind, zone.density))
            painter.drawPath(self.zone_path(index))
        if len(shapes.hairline) >= 2:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            path = self.curve_path()
            painter.setPen(_pen(CASING_COLOUR, CURVE_WIDTH + 2.5))
            painter.drawPath(path)
            painter.setPen(_pen(CURVE_COLOUR, CURVE_WIDTH))
            painter.drawPath(path)
        self._paint_pending(painter)
        # Markers, handles and labels are drawn in screen pixels: the same size at every zoom.
        device = painter.worldTransform()
        painter.save()
        painter.resetTransform()
        for part, point, letter in (
            (Part.LEFT_TEMPLE, shapes.left_temple, "L"),
            (Part.RIGHT_TEMPLE, shapes.right_temple, "R"),
        ):
            if point is not None:
                selected = self._selected is not None and self._selected.part is part
                _temple_marker(painter, device.map(self.to_item(point)), letter, selected)
        for index, zone in enumerate(shapes.zones):  # over the markers, so no marker covers a word
            text = zone.label or self._labels.get(index, "")
            if text and zone.polygon:
                _label(painter, [device.map(self.to_item(p)) for p in zone.polygon], text, ZONE_COLOURS[zone.kind])
        if self._handles:  # on top of everything: what can be grabbed is always seen
            self._paint_handles(painter, device)
        painter.restore()

    def _paint_pending(self, painter: QPainter) -> None:
        if self._pending is None:
            return
        kind, points, hover = self._pending
        if kind is None or not points:
            return
        polygon = QPolygonF([self.to_item(p) for p in points])
        colour = ZONE_COLOURS[kind]
        if len(points) >= 3:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(zone_fill(kind, 3))
            painter.drawPolygon(polygon)
        pen = _pen(colour, 2.0)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolyline(polygon)
        if hover is not None:
            painter.drawLine(self.to_item(points[-1]), self.to_item(hover))

    def _paint_handles(self, painter: QPainter, device: QTransform) -> None:
        selected = self._selected
        for index, point in enumerate(self._shapes.hairline):
            on = selected == Target(Part.HAIRLINE_POINT, index)
            _handle(painter, device.map(self.to_item(point)), CURVE_COLOUR, on)
        for index, zone in enumerate(self._shapes.zones):
            zone_on = selected is not None and selected.part in (Part.ZONE, Part.ZONE_POINT) and selected.index == index
            if not zone_on:
                continue  # a zone's corners show when the zone is picked: fewer handles in the way
            for vertex, point in enumerate(zone.polygon):
                on = selected == Target(Part.ZONE_POINT, index, vertex)
                _handle(painter, device.map(self.to_item(point)), ZONE_COLOURS[zone.kind], on, square=True)
        if self._pending is not None and self._pending[0] is not None:
            for point in self._pending[1]:
                _handle(painter, device.map(self.to_item(point)), ZONE_COLOURS[self._pending[0]], False, square=True)


def _pen(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCosmetic(True)  # the width is in screen pixels, whatever the zoom
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _handle(painter: QPainter, at: QPointF, colour: QColor, selected: bool, *, square: bool = False) -> None:
    radius = HANDLE_RADIUS + (1.5 if selected else 0.0)
    painter.setPen(QPen(QColor(8, 24, 32, 220), 1.5))
    painter.setBrush(SELECTED_COLOUR if selected else QColor("white"))
    rect = QRectF(at.x() - radius, at.y() - radius, radius * 2, radius * 2)
    if square:
        painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 2, 2)
    else:
        painter.drawEllipse(rect)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    inner = 2.5
    painter.drawEllipse(QRectF(at.x() - inner, at.y() - inner, inner * 2, inner * 2))


def _temple_marker(painter: QPainter, at: QPointF, letter: str, selected: bool) -> None:
    r = TEMPLE_RADIUS + (1.5 if selected else 0.0)
    diamond = QPolygonF(
        [
            QPointF(at.x(), at.y() - r),
            QPointF(at.x() + r, at.y()),
            QPointF(at.x(), at.y() + r),
            QPointF(at.x() - r, at.y()),
        ]
    )
    painter.setPen(QPen(QColor(8, 24, 32, 230), 1.5))
    painter.setBrush(SELECTED_COLOUR if selected else TEMPLE_COLOUR)
    painter.drawPolygon(diamond)
    font = QFont(painter.font())
    font.setPixelSize(10)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor(20, 20, 20))
    painter.drawText(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, letter)


def _label(painter: QPainter, corners: list[QPointF], text: str, colour: QColor) -> None:
    """The zone's name in a dark pill: in the zone's middle, or just above it when the zone is too small on
    screen to hold it (so the label never hides what it names; above, because the hairline runs below the zones
    artists draw on a front photo)."""
    font = QFont(painter.font())
    font.setPixelSize(12)
    font.setBold(True)
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    width = min(metrics.horizontalAdvance(text), 220.0)
    text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    height = metrics.height() + 6
    bounds = QPolygonF(corners).boundingRect()
    centre = _centroid(corners)
    if bounds.width() < width + 24 or bounds.height() < height * 2:
        centre = QPointF(bounds.center().x(), bounds.top() - height / 2 - 4)
    box = QRectF(centre.x() - width / 2 - 7, centre.y() - height / 2, width + 14, height)
    painter.setPen(QPen(colour, 1.5))
    painter.setBrush(QColor(12, 16, 22, 190))
    painter.drawRoundedRect(box, 6, 6)
    painter.setPen(QColor("white"))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


def _centroid(points: list[QPointF]) -> QPointF:
    # The average of the corners: good enough for a label, and always inside the convex zones artists draw.
    return QPointF(sum(p.x() for p in points) / len(points), sum(p.y() for p in points) / len(points))

"""The hairline canvas: the base photo with the design over it, edited with the mouse.

Tools: select and drag points (or pan on empty photo), add hairline points (a click extends the curve at its nearer
end; a click on the curve inserts a point there, as does a double-click with any tool), set either temple point,
draw a density, scar or keep-clear zone (click the corners; Enter, a double-click or a click on the first corner
closes it; Backspace takes back a corner, Esc drops it). Del or the context menu deletes what is picked. The wheel,
Ctrl++/Ctrl+- and Ctrl+0 zoom. Every change is one step on `undo_stack`; a drag is one step.
"""

from __future__ import annotations

import math
from enum import StrEnum

from PySide6.QtCore import QPoint, QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QKeyEvent,
    QMouseEvent,
    QPixmap,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import QGraphicsView, QMenu, QWidget

from smp_desktop.core import hairline_edit as edit
from smp_desktop.core.hairline import HairlineShapes, Point, ZoneKind, sample_curve
from smp_desktop.core.hairline_edit import Part, Target
from smp_desktop.ui.views.hairline_overlay import GRAB_RADIUS, HairlineOverlay
from smp_desktop.ui.views.photo_viewer import PhotoViewer

BLANK_SIZE = (1200, 900)  # the canvas when the view has no photo yet


def popup(menu: QMenu, at: QPoint) -> None:
    """Show the context menu and wait for a choice (its own function: tests answer it instead)."""
    menu.exec(at)


class Tool(StrEnum):
    SELECT = "select"
    HAIRLINE = "hairline"
    LEFT_TEMPLE = "left_temple"
    RIGHT_TEMPLE = "right_temple"
    DENSITY_ZONE = "density_zone"
    SCAR_ZONE = "scar_zone"
    KEEP_CLEAR_ZONE = "keep_clear_zone"


ZONE_TOOLS = {
    Tool.DENSITY_ZONE: ZoneKind.DENSITY,
    Tool.SCAR_ZONE: ZoneKind.SCAR,
    Tool.KEEP_CLEAR_ZONE: ZoneKind.KEEP_CLEAR,
}


class ShapesCommand(QUndoCommand):
    """One editing step: the design before and after (designs are frozen, so keeping both is cheap and exact)."""

    def __init__(self, editor: HairlineEditor, before: HairlineShapes, after: HairlineShapes, text: str) -> None:
        super().__init__(text)
        self._editor, self._before, self._after = editor, before, after

    def redo(self) -> None:
        self._editor.apply_shapes(self._after)

    def undo(self) -> None:
        self._editor.apply_shapes(self._before)


class HairlineEditor(PhotoViewer):
    shapes_changed = Signal()  # an edit, an undo or a redo (not while a drag is still moving)
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hairlineCanvas")
        self.setDragMode(QGraphicsView.DragMode.NoDrag)  # the mouse draws here; panning is the editor's own
        self.overlay = HairlineOverlay(parent=self._photo)
        self.undo_stack = QUndoStack(self)
        self._shapes = HairlineShapes()
        self._tool = Tool.SELECT
        self._read_only = False
        self._selected: Target | None = None
        self._drag: tuple[Target, HairlineShapes] | None = None
        self._pan_from: QPoint | None = None
        self._pending: list[Point] = []
        self._zone_names: dict[ZoneKind, str] = {
            ZoneKind.DENSITY: self.tr("Density area"),
            ZoneKind.SCAR: self.tr("Scar"),
            ZoneKind.KEEP_CLEAR: self.tr("Keep clear"),
        }
        self.setMouseTracking(True)
        self.set_photo(None)

    # --- the photo and the design ---------------------------------------------------------------------------
    def set_photo(self, pixmap: QPixmap | None, *, scene_width: float | None = None) -> None:
        """The photo to draw on (None: a blank canvas). The design keeps its place relative to the photo."""
        if pixmap is None or pixmap.isNull():
            pixmap = QPixmap(*BLANK_SIZE)
            pixmap.fill(QColor("#3a3d42"))
        self._photo.setPixmap(pixmap)
        self.overlay.set_photo_size(pixmap.width(), pixmap.height())
        self.scene().setSceneRect(self._photo.sceneBoundingRect())
        self.apply_shapes(self._shapes.with_aspect(self.photo_aspect))
        self.fit()

    @property
    def photo_aspect(self) -> float:
        pixmap = self._photo.pixmap()
        return pixmap.width() / pixmap.height()

    def photo_size(self) -> tuple[int, int]:
        return self._photo.pixmap().width(), self._photo.pixmap().height()

    def shapes(self) -> HairlineShapes:
        return self._shapes

    def set_shapes(self, shapes: HairlineShapes) -> None:
        """Start over with this design (undo history cleared), fitted to the photo's shape."""
        self._pending.clear()
        self._drag = None
        self.undo_stack.clear()
        self._selected = None
        self.apply_shapes(shapes.with_aspect(self.photo_aspect))
        self.selection_changed.emit()

    def apply_shapes(self, shapes: HairlineShapes) -> None:
        self._shapes = shapes
        self.overlay.set_shapes(shapes)
        if self._selected is not None and not edit.exists(shapes, self._selected):
            self._selected = None
            self.selection_changed.emit()
        self._show_editing()
        self.shapes_changed.emit()

    def edit(self, after: HairlineShapes, text: str) -> None:
        if after != self._shapes and not self._read_only:
            self.undo_stack.push(ShapesCommand(self, self._shapes, after, text))

    # --- modes ----------------------------------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return self._read_only

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._pending.clear()
        self.select(None)

    @property
    def tool(self) -> Tool:
        return self._tool

    def set_tool(self, tool: Tool) -> None:
        self._tool = tool
        self._pending.clear()
        self._show_editing()
        cursor = Qt.CursorShape.ArrowCursor if tool is Tool.SELECT else Qt.CursorShape.CrossCursor
        self.viewport().setCursor(cursor)

    @property
    def selected(self) -> Target | None:
        return self._selected

    def select(self, target: Target | None) -> None:
        if target != self._selected:
            self._selected = target
            self.selection_changed.emit()
        self._show_editing()

    def delete_selected(self) -> None:
        target = self._selected
        if target is None or self._read_only or not edit.exists(self._shapes, target):
            return
        self.edit(edit.delete(self._shapes, target), self._delete_text(target))

    @property
    def pending_zone(self) -> tuple[Point, ...]:
        return tuple(self._pending)

    def close_zone(self) -> bool:
        """Finish the zone being drawn (three corners at least). False when there is not enough to close."""
        kind = ZONE_TOOLS.get(self._tool)
        if kind is None or len(self._pending) < 3:
            return False
        number = sum(1 for z in self._shapes.zones if z.kind is kind) + 1
        label = f"{self._zone_names[kind]} {number}"
        after = edit.add_zone(self._shapes, kind, tuple(self._pending), label)
        self._pending.clear()
        self.edit(after, self.tr("Draw %1").replace("%1", label))
        self.select(Target(Part.ZONE, len(after.zones) - 1))
        return True

    def _show_editing(self) -> None:
        self.overlay.set_editing(not self._read_only, self._selected)
        kind = ZONE_TOOLS.get(self._tool)
        self.overlay.set_pending_zone(kind if self._pending else None, tuple(self._pending))

    # --- where things are on screen -------------------------------------------------------------------------
    def viewport_point(self, point: Point) -> QPointF:
        """Where a design point is in the viewport (tests click there)."""
        return QPointF(self.mapFromScene(self._photo.mapToScene(self.overlay.to_item(point))))

    def _design_point(self, position: QPointF | QPoint) -> Point:
        scene = self.mapToScene(QPointF(position).toPoint())
        return self.overlay.to_design(self._photo.mapFromScene(scene))

    def _target_at(self, position: QPointF) -> Target | None:
        shapes, best, best_distance = self._shapes, None, GRAB_RADIUS
        candidates: list[tuple[Target, Point]] = [
            (Target(Part.HAIRLINE_POINT, i), p) for i, p in enumerate(shapes.hairline)
        ]
        if shapes.left_temple is not None:
            candidates.append((Target(Part.LEFT_TEMPLE), shapes.left_temple))
        if shapes.right_temple is not None:
            candidates.append((Target(Part.RIGHT_TEMPLE), shapes.right_temple))
        if self._selected is not None and self._selected.part in (Part.ZONE, Part.ZONE_POINT):
            index = self._selected.index
            if index < len(shapes.zones):
                candidates += [
                    (Target(Part.ZONE_POINT, index, v), p) for v, p in enumerate(shapes.zones[index].polygon)
                ]
        for target, point in candidates:
            on_screen = self.viewport_point(point)
            distance = math.hypot(on_screen.x() - position.x(), on_screen.y() - position.y())
            if distance <= best_distance:
                best, best_distance = target, distance
        if best is not None:
            return best
        where = self._design_point(position)
        for index in reversed(range(len(shapes.zones))):  # the zone drawn last is on top
            if edit.contains(shapes.zones[index].polygon, where):
                return Target(Part.ZONE, index)
        return None

    def curve_hit(self, position: QPointF) -> tuple[int, Point] | None:
        """(the control point before, the point on the curve) when the position is on the hairline."""
        per_segment = 16
        samples = [self.viewport_point(p) for p in sample_curve(self._shapes.hairline, per_segment)]
        best: tuple[float, int, QPointF] | None = None
        for i in range(len(samples) - 1):
            a, b = samples[i], samples[i + 1]
            dx, dy = b.x() - a.x(), b.y() - a.y()
            length = dx * dx + dy * dy
            t = (
                0.0
                if length == 0
                else max(0.0, min(1.0, ((position.x() - a.x()) * dx + (position.y() - a.y()) * dy) / length))
            )
            near = QPointF(a.x() + t * dx, a.y() + t * dy)
            distance = math.hypot(near.x() - position.x(), near.y() - position.y())
            if distance <= GRAB_RADIUS and (best is None or distance < best[0]):
                best = (distance, i // per_segment, near)
        return (best[1], self._design_point(best[2])) if best is not None else None

    # --- mouse ----------------------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus()
        position = event.position()
        if event.button() == Qt.MouseButton.MiddleButton or (
            event.button() == Qt.MouseButton.LeftButton and self._read_only
        ):
            self._start_pan(event)
            return
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        tool, target = self._tool, self._target_at(position)
        if tool in ZONE_TOOLS:
            self._add_zone_corner(position)
        elif target is not None and target.is_point and tool in (Tool.SELECT, Tool.HAIRLINE):
            self.select(target)
            self._drag = (target, self._shapes)
        elif tool is Tool.SELECT:
            self.select(target)
            if target is None:
                self._start_pan(event)
        elif tool is Tool.HAIRLINE:
            self._add_hairline_point(position)
        else:
            part = Part.LEFT_TEMPLE if tool is Tool.LEFT_TEMPLE else Part.RIGHT_TEMPLE
            name = self.tr("Set left temple") if part is Part.LEFT_TEMPLE else self.tr("Set right temple")
            self.edit(edit.set_temple(self._shapes, part, self._design_point(position)), name)
            self.select(Target(part))
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        position = event.position()
        if self._drag is not None:
            target, before = self._drag
            self._shapes = edit.move(before, target, self._design_point(position))
            self.overlay.set_shapes(self._shapes)  # shown live; one undo step when the button is released
        elif self._pan_from is not None:
            delta = event.position().toPoint() - self._pan_from
            self._pan_from = event.position().toPoint()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
        elif self._pending:
            kind = ZONE_TOOLS.get(self._tool)
            self.overlay.set_pending_zone(kind, tuple(self._pending), self._design_point(position))
        elif not self._read_only:
            over = self._target_at(position)
            grab = over is not None and over.is_point and self._tool in (Tool.SELECT, Tool.HAIRLINE)
            idle = Qt.CursorShape.ArrowCursor if self._tool is Tool.SELECT else Qt.CursorShape.CrossCursor
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor if grab else idle)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None:
            target, before = self._drag
            self._drag = None
            after, self._shapes = self._shapes, before
            if after != before:
                self.edit(after, self._move_text(target))
            else:
                self.apply_shapes(before)
        self._pan_from = None
        if not self._read_only:
            self.viewport().setCursor(
                Qt.CursorShape.ArrowCursor if self._tool is Tool.SELECT else Qt.CursorShape.CrossCursor
            )
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._read_only:
            return
        position = event.position()
        if self._tool in ZONE_TOOLS:
            self.close_zone()  # the double-click's first press already placed the last corner
            return
        target = self._target_at(position)
        if target is not None and target.is_point:
            return
        self._insert_on_curve(position)

    def _start_pan(self, event: QMouseEvent) -> None:
        self._pan_from = event.position().toPoint()
        self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def _add_hairline_point(self, position: QPointF) -> None:
        if self._insert_on_curve(position):
            return
        after, index = edit.add_hairline_point(self._shapes, self._design_point(position))
        self.edit(after, self.tr("Add hairline point"))
        self.select(Target(Part.HAIRLINE_POINT, index))

    def _insert_on_curve(self, position: QPointF) -> bool:
        hit = self.curve_hit(position)
        if hit is None:
            return False
        segment, point = hit
        self.edit(edit.insert_hairline_point(self._shapes, segment, point), self.tr("Insert hairline point"))
        self.select(Target(Part.HAIRLINE_POINT, segment + 1))
        return True

    def _add_zone_corner(self, position: QPointF) -> None:
        if len(self._pending) >= 3:
            first = self.viewport_point(self._pending[0])
            if math.hypot(first.x() - position.x(), first.y() - position.y()) <= GRAB_RADIUS:
                self.close_zone()
                return
        self._pending.append(edit.clamp(self._design_point(position)))
        self._show_editing()

    # --- keys, wheel, menu ----------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._pending:
            self.close_zone()
        elif key == Qt.Key.Key_Escape and self._pending:
            self._pending.clear()
            self._show_editing()
        elif key == Qt.Key.Key_Escape:
            self.select(None)
        elif key == Qt.Key.Key_Backspace and self._pending:
            self._pending.pop()
            self._show_editing()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selected()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self._read_only:
            return
        position = QPointF(event.pos())
        target = self._target_at(position)
        menu = QMenu(self)
        if target is not None:
            self.select(target)
            menu.addAction(self._delete_text(target), self.delete_selected)
        elif self.curve_hit(position) is not None:
            menu.addAction(self.tr("Insert hairline point here"), lambda: self._insert_on_curve(position))
        if not menu.isEmpty():
            popup(menu, event.globalPos())

    def _delete_text(self, target: Target) -> str:
        return {
            Part.HAIRLINE_POINT: self.tr("Delete hairline point"),
            Part.LEFT_TEMPLE: self.tr("Delete left temple point"),
            Part.RIGHT_TEMPLE: self.tr("Delete right temple point"),
            Part.ZONE: self.tr("Delete zone"),
            Part.ZONE_POINT: self.tr("Delete zone corner"),
        }[target.part]

    def _move_text(self, target: Target) -> str:
        if target.part is Part.ZONE_POINT:
            return self.tr("Move zone corner")
        if target.part is Part.HAIRLINE_POINT:
            return self.tr("Move hairline point")
        return self.tr("Move temple point")

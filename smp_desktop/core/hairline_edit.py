"""Editing a hairline design step by step: each step takes a design and returns a new one (designs are frozen), so
an editor's undo keeps the designs before and after. No Qt here: the editor and tests use the same steps."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from enum import StrEnum

from smp_desktop.core.hairline import DEFAULT_DENSITY, HairlineShapes, Point, Zone, ZoneKind


class Part(StrEnum):
    HAIRLINE_POINT = "hairline_point"
    LEFT_TEMPLE = "left_temple"
    RIGHT_TEMPLE = "right_temple"
    ZONE = "zone"  # a whole zone
    ZONE_POINT = "zone_point"  # one corner of a zone


@dataclass(frozen=True, slots=True)
class Target:
    """A part of a design that can be selected, moved or deleted. index: the hairline point's or the zone's;
    vertex: the zone corner's."""

    part: Part
    index: int = 0
    vertex: int = 0

    @property
    def is_point(self) -> bool:
        return self.part is not Part.ZONE


def clamp(point: Point) -> Point:
    """Kept on the photo: a point dragged past the edge stops at it."""
    return Point(min(max(point.x, 0.0), 1.0), min(max(point.y, 0.0), 1.0))


def exists(shapes: HairlineShapes, target: Target) -> bool:
    if target.part is Part.HAIRLINE_POINT:
        return 0 <= target.index < len(shapes.hairline)
    if target.part is Part.LEFT_TEMPLE:
        return shapes.left_temple is not None
    if target.part is Part.RIGHT_TEMPLE:
        return shapes.right_temple is not None
    if not 0 <= target.index < len(shapes.zones):
        return False
    return target.part is Part.ZONE or 0 <= target.vertex < len(shapes.zones[target.index].polygon)


def position(shapes: HairlineShapes, target: Target) -> Point | None:
    if not exists(shapes, target):
        return None
    if target.part is Part.HAIRLINE_POINT:
        return shapes.hairline[target.index]
    if target.part is Part.LEFT_TEMPLE:
        return shapes.left_temple
    if target.part is Part.RIGHT_TEMPLE:
        return shapes.right_temple
    if target.part is Part.ZONE_POINT:
        return shapes.zones[target.index].polygon[target.vertex]
    return None


def move(shapes: HairlineShapes, target: Target, to: Point) -> HairlineShapes:
    to = clamp(to)
    if target.part is Part.HAIRLINE_POINT:
        points = list(shapes.hairline)
        points[target.index] = to
        return replace(shapes, hairline=tuple(points))
    if target.part is Part.LEFT_TEMPLE:
        return replace(shapes, left_temple=to)
    if target.part is Part.RIGHT_TEMPLE:
        return replace(shapes, right_temple=to)
    if target.part is Part.ZONE_POINT:
        zone = shapes.zones[target.index]
        polygon = list(zone.polygon)
        polygon[target.vertex] = to
        return _with_zone(shapes, target.index, replace(zone, polygon=tuple(polygon)))
    return shapes


def delete(shapes: HairlineShapes, target: Target) -> HairlineShapes:
    """Remove the part. A zone left with fewer than three corners is removed whole (it would enclose nothing)."""
    if target.part is Part.HAIRLINE_POINT:
        return replace(shapes, hairline=shapes.hairline[: target.index] + shapes.hairline[target.index + 1 :])
    if target.part is Part.LEFT_TEMPLE:
        return replace(shapes, left_temple=None)
    if target.part is Part.RIGHT_TEMPLE:
        return replace(shapes, right_temple=None)
    zone = shapes.zones[target.index]
    if target.part is Part.ZONE_POINT and len(zone.polygon) > 3:
        polygon = zone.polygon[: target.vertex] + zone.polygon[target.vertex + 1 :]
        return _with_zone(shapes, target.index, replace(zone, polygon=polygon))
    return replace(shapes, zones=shapes.zones[: target.index] + shapes.zones[target.index + 1 :])


def add_hairline_point(shapes: HairlineShapes, point: Point) -> tuple[HairlineShapes, int]:
    """A click with the hairline tool: the point extends the curve at its nearer end (so it can be drawn from
    either temple). Returns the design and the new point's index."""
    point = clamp(point)
    points = shapes.hairline
    if len(points) >= 2 and _distance(point, points[0]) < _distance(point, points[-1]):
        return replace(shapes, hairline=(point, *points)), 0
    return replace(shapes, hairline=(*points, point)), len(points)


def insert_hairline_point(shapes: HairlineShapes, after: int, point: Point) -> HairlineShapes:
    """A new point on the curve between control points `after` and `after + 1`."""
    points = shapes.hairline
    return replace(shapes, hairline=(*points[: after + 1], clamp(point), *points[after + 1 :]))


def set_temple(shapes: HairlineShapes, part: Part, point: Point) -> HairlineShapes:
    if part is Part.LEFT_TEMPLE:
        return replace(shapes, left_temple=clamp(point))
    return replace(shapes, right_temple=clamp(point))


def add_zone(shapes: HairlineShapes, kind: ZoneKind, polygon: tuple[Point, ...], label: str) -> HairlineShapes:
    density = DEFAULT_DENSITY if kind is ZoneKind.DENSITY else None
    zone = Zone(kind, label, tuple(clamp(p) for p in polygon), density)
    return replace(shapes, zones=(*shapes.zones, zone))


def change_zone(
    shapes: HairlineShapes, index: int, *, label: str | None = None, density: int | None = None
) -> HairlineShapes:
    zone = shapes.zones[index]
    if label is not None:
        zone = replace(zone, label=label)
    if density is not None and zone.kind is ZoneKind.DENSITY:
        zone = replace(zone, density=density)
    return _with_zone(shapes, index, zone)


def contains(polygon: tuple[Point, ...], point: Point) -> bool:
    """Whether the point is inside the polygon (even-odd rule, as the zone is painted)."""
    inside = False
    for i, a in enumerate(polygon):
        b = polygon[i - 1]
        if (a.y > point.y) != (b.y > point.y):
            crossing = a.x + (point.y - a.y) * (b.x - a.x) / (b.y - a.y)
            if point.x < crossing:
                inside = not inside
    return inside


def _with_zone(shapes: HairlineShapes, index: int, zone: Zone) -> HairlineShapes:
    zones = list(shapes.zones)
    zones[index] = zone
    return replace(shapes, zones=tuple(zones))


def _distance(a: Point, b: Point) -> float:
    return math.hypot(a.x - b.x, a.y - b.y)

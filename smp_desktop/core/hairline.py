"""A hairline design as vector data: the planned hairline curve, the temple points and zones, in image-relative
coordinates (0..1 of the base photo's width and height), never burned into a photo's pixels.

The same data is drawn by the Qt editor and overlay and, later, by reportlab documents: `sample_curve` turns the
control points into a smooth polyline that either can draw, and `Frame` places the design over any photo of the same
view. Stored as JSON (`to_json`/`from_json`, versioned by FORMAT_VERSION) in `hairline_design.shapes`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from smp_desktop.core.services.errors import FieldProblem, ValidationFailed

FORMAT_VERSION = 1
MAX_CURVE_POINTS = 200
MIN_CURVE_POINTS = 2
MIN_ZONE_POINTS = 3
MAX_ZONE_POINTS = 500
MAX_ZONES = 50
MAX_LABEL_LENGTH = 80
DENSITY_LEVELS = (1, 2, 3, 4, 5)  # 1 very light … 5 full; the artist's planned dot density
DEFAULT_DENSITY = 3
MIN_ASPECT, MAX_ASPECT = 0.1, 10.0


class ZoneKind(StrEnum):
    DENSITY = "density"  # an area to fill, at a planned density
    SCAR = "scar"  # a scar to camouflage (often a transplant strip)
    KEEP_CLEAR = "keep_clear"  # no pigment here (a birthmark, the natural recession the client wants kept)


@dataclass(frozen=True, slots=True)
class Point:
    """A position relative to the photo: x from the left edge (0) to the right (1), y from the top (0) down (1)."""

    x: float
    y: float


@dataclass(frozen=True, slots=True)
class Zone:
    kind: ZoneKind
    label: str
    polygon: tuple[Point, ...]
    density: int | None = None  # DENSITY_LEVELS for a density area, None for the other kinds


@dataclass(frozen=True, slots=True)
class HairlineShapes:
    """One design. left_temple/right_temple are the client's own left and right (on a front photo the client's
    left temple is on the right of the picture). base_aspect is the base photo's width / height, so the design
    keeps its proportions over a photo of another shape."""

    hairline: tuple[Point, ...] = ()
    left_temple: Point | None = None
    right_temple: Point | None = None
    zones: tuple[Zone, ...] = ()
    base_aspect: float = 4 / 3

    @property
    def is_empty(self) -> bool:
        return not self.hairline and self.left_temple is None and self.right_temple is None and not self.zones

    def with_aspect(self, aspect: float) -> HairlineShapes:
        """The same design re-expressed relative to a photo of another width/height ratio, placed as `Frame`
        places it; points that would fall off that photo are kept on its edge."""
        if math.isclose(aspect, self.base_aspect, rel_tol=1e-9):
            return self
        frame = Frame.for_photo(self.base_aspect, aspect, 1.0)  # a photo 1 unit wide, 1/aspect high

        def move(point: Point) -> Point:
            x, y = frame.to_pixels(point)
            return Point(_clamp(x), _clamp(y * aspect))

        return HairlineShapes(
            hairline=tuple(move(p) for p in self.hairline),
            left_temple=move(self.left_temple) if self.left_temple else None,
            right_temple=move(self.right_temple) if self.right_temple else None,
            zones=tuple(replace(z, polygon=tuple(move(p) for p in z.polygon)) for z in self.zones),
            base_aspect=aspect,
        )

    # --- JSON -----------------------------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        """The stored form (a JSON-ready dict). Points are [x, y] pairs."""
        return {
            "format": FORMAT_VERSION,
            "base_aspect": self.base_aspect,
            "hairline": [_pair(p) for p in self.hairline],
            "temples": {
                "left": _pair(self.left_temple) if self.left_temple else None,
                "right": _pair(self.right_temple) if self.right_temple else None,
            },
            "zones": [
                {"kind": z.kind.value, "label": z.label, "density": z.density, "polygon": [_pair(p) for p in z.polygon]}
                for z in self.zones
            ],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | str) -> HairlineShapes:
        """Read and check a stored design; raises ValidationFailed naming each problem (field = where in the data,
        code = what is wrong)."""
        return _Reader().read(data)


def check(shapes: HairlineShapes) -> HairlineShapes:
    """The design as it may be saved: the same checks as reading it back (raises ValidationFailed)."""
    checked = HairlineShapes.from_json(shapes.to_json())
    if checked.is_empty:
        raise ValidationFailed(
            [FieldProblem("shapes", "The design is empty: draw the hairline or a zone first.", "hairline_empty")]
        )
    return checked


# --- drawing: the smooth curve and where the design sits on a photo ---------------------------------------------


def sample_curve(points: Sequence[Point], per_segment: int = 16) -> tuple[Point, ...]:
    """A smooth polyline through every control point (centripetal Catmull-Rom, which never loops or overshoots
    into cusps between close points). It starts at the first point, ends at the last and passes exactly through
    each one; per_segment points are produced between two control points.

    A PDF builder draws it like this (reportlab's y axis points up, so y is flipped)::

        frame = Frame.for_photo(shapes.base_aspect, photo_width / photo_height, width_on_page)
        path = canvas.beginPath()
        for index, point in enumerate(sample_curve(shapes.hairline)):
            x, y = frame.to_pixels(point)
            (path.moveTo if index == 0 else path.lineTo)(left + x, top - y)
        canvas.drawPath(path, stroke=1, fill=0)
    """
    if per_segment < 1:
        raise ValueError("per_segment must be at least 1")
    if len(points) < 2:
        return tuple(points)
    # Phantom end points mirror the neighbours, so the curve leaves the first and enters the last point smoothly.
    first, last = points[0], points[-1]
    padded = [
        Point(2 * first.x - points[1].x, 2 * first.y - points[1].y),
        *points,
        Point(2 * last.x - points[-2].x, 2 * last.y - points[-2].y),
    ]
    result = [first]
    for i in range(1, len(padded) - 2):
        p0, p1, p2, p3 = padded[i - 1], padded[i], padded[i + 1], padded[i + 2]
        for step in range(1, per_segment + 1):
            result.append(_centripetal(p0, p1, p2, p3, step / per_segment))
        result[-1] = p2  # exactly the control point, not a rounding of it
    return tuple(result)


def _centripetal(p0: Point, p1: Point, p2: Point, p3: Point, s: float) -> Point:
    def knot(a: Point, b: Point) -> float:
        # alpha = 0.5: the square root of the distance. A tiny floor keeps repeated points from dividing by zero.
        return max(math.hypot(b.x - a.x, b.y - a.y) ** 0.5, 1e-9)

    t0 = 0.0
    t1 = t0 + knot(p0, p1)
    t2 = t1 + knot(p1, p2)
    t3 = t2 + knot(p2, p3)
    t = t1 + (t2 - t1) * s

    def lerp(a: Point, b: Point, ta: float, tb: float) -> Point:
        wa, wb = (tb - t) / (tb - ta), (t - ta) / (tb - ta)
        return Point(wa * a.x + wb * b.x, wa * a.y + wb * b.y)

    a1, a2, a3 = lerp(p0, p1, t0, t1), lerp(p1, p2, t1, t2), lerp(p2, p3, t2, t3)
    b1, b2 = lerp(a1, a2, t0, t2), lerp(a2, a3, t1, t3)
    return lerp(b1, b2, t1, t2)


@dataclass(frozen=True, slots=True)
class Frame:
    """Where a design's 0..1 square lands on a photo, in that photo's pixels (or any unit: points on a page).

    Over a photo of the design's own shape it is the whole photo. Over a photo of another shape the design keeps
    its proportions: it takes the photo's width and is centred on its height, as the photo viewer lines up an
    earlier shot of the same view."""

    left: float
    top: float
    width: float
    height: float

    @classmethod
    def for_photo(cls, design_aspect: float, photo_aspect: float, photo_width: float) -> Frame:
        photo_height = photo_width / photo_aspect
        height = photo_width / design_aspect
        return cls(0.0, (photo_height - height) / 2, photo_width, height)

    @classmethod
    def for_size(cls, shapes: HairlineShapes, width: float, height: float) -> Frame:
        """The frame of a design on a photo of width × height pixels."""
        return cls.for_photo(shapes.base_aspect, width / height, width)

    def to_pixels(self, point: Point) -> tuple[float, float]:
        return self.left + point.x * self.width, self.top + point.y * self.height

    def to_relative(self, x: float, y: float) -> Point:
        return Point((x - self.left) / self.width, (y - self.top) / self.height)


def map_design(shapes: HairlineShapes, width: float, height: float) -> HairlinePixels:
    """The design in the pixels of a photo of width × height (any photo of the same view): a smooth hairline
    polyline, the temple points and the zone polygons."""
    frame = Frame.for_size(shapes, width, height)

    def px(points: Sequence[Point]) -> tuple[tuple[float, float], ...]:
        return tuple(frame.to_pixels(p) for p in points)

    return HairlinePixels(
        hairline=px(sample_curve(shapes.hairline)),
        left_temple=frame.to_pixels(shapes.left_temple) if shapes.left_temple else None,
        right_temple=frame.to_pixels(shapes.right_temple) if shapes.right_temple else None,
        zones=tuple((z, px(z.polygon)) for z in shapes.zones),
    )


@dataclass(frozen=True, slots=True)
class HairlinePixels:
    hairline: tuple[tuple[float, float], ...]
    left_temple: tuple[float, float] | None
    right_temple: tuple[float, float] | None
    zones: tuple[tuple[Zone, tuple[tuple[float, float], ...]], ...] = field(default=())


# --- reading stored JSON ----------------------------------------------------------------------------------------


def _pair(point: Point) -> list[float]:
    return [point.x, point.y]


def _clamp(value: float) -> float:
    return min(max(value, 0.0), 1.0)


class _Reader:
    """Collects every problem of a stored design rather than stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[FieldProblem] = []

    def fail(self, where: str, code: str, message: str, **params: object) -> None:
        self.problems.append(FieldProblem(where, message, code, tuple((k, str(v)) for k, v in params.items())))

    def read(self, data: Mapping[str, Any] | str) -> HairlineShapes:
        if isinstance(data, str):
            try:
                data = json.loads(data)
            except ValueError as exc:
                raise ValidationFailed(
                    [FieldProblem("shapes", f"The design is not readable JSON ({exc}).", "not_json")]
                ) from exc
        if not isinstance(data, Mapping):
            raise ValidationFailed([FieldProblem("shapes", "The design is not a JSON object.", "not_an_object")])
        version = data.get("format")
        if version != FORMAT_VERSION:
            raise ValidationFailed(
                [
                    FieldProblem(
                        "format",
                        f"The design is in format {version!r}; this version of SMP Desktop reads format "
                        f"{FORMAT_VERSION}. Update SMP Desktop to open it.",
                        "format_version",
                        (("found", str(version)), ("expected", str(FORMAT_VERSION))),
                    )
                ]
            )
        aspect = self.number(data.get("base_aspect"), "base_aspect", MIN_ASPECT, MAX_ASPECT)
        hairline = self.points(data.get("hairline", []), "hairline", 0, MAX_CURVE_POINTS)
        if len(hairline) == 1:
            self.fail("hairline", "too_few_points", "The hairline needs at least two points.", minimum=2)
        temples = data.get("temples", {})
        if not isinstance(temples, Mapping):
            self.fail("temples", "not_an_object", "The temples must be an object with left and right.")
            temples = {}
        left = self.point(temples.get("left"), "temples.left") if temples.get("left") is not None else None
        right = self.point(temples.get("right"), "temples.right") if temples.get("right") is not None else None
        zones = self.zones(data.get("zones", []))
        if self.problems:
            raise ValidationFailed(self.problems)
        return HairlineShapes(hairline, left, right, zones, aspect if aspect is not None else 4 / 3)

    def number(self, value: object, where: str, low: float = 0.0, high: float = 1.0) -> float | None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(where, "not_a_number", f"{where} must be a number.")
            return None
        if not math.isfinite(value):
            self.fail(where, "not_finite", f"{where} is not a finite number ({value}).")
            return None
        if not low <= value <= high:
            self.fail(
                where, "out_of_range", f"{where} is {value}; it must be from {low:g} to {high:g}.", low=low, high=high
            )
            return None
        return float(value)

    def point(self, value: object, where: str) -> Point:
        if not isinstance(value, list | tuple) or len(value) != 2:
            self.fail(where, "not_a_point", f"{where} must be a pair [x, y].")
            return Point(0.0, 0.0)
        x, y = self.number(value[0], f"{where}.x"), self.number(value[1], f"{where}.y")
        return Point(x or 0.0, y or 0.0)

    def points(self, value: object, where: str, low: int, high: int) -> tuple[Point, ...]:
        if not isinstance(value, list | tuple):
            self.fail(where, "not_a_list", f"{where} must be a list of points.")
            return ()
        if len(value) < low:
            self.fail(
                where, "too_few_points", f"{where} has {len(value)} points; it needs at least {low}.", minimum=low
            )
        if len(value) > high:
            self.fail(
                where, "too_many_points", f"{where} has {len(value)} points; at most {high} are allowed.", maximum=high
            )
            return ()
        return tuple(self.point(item, f"{where}[{index}]") for index, item in enumerate(value))

    def zones(self, value: object) -> tuple[Zone, ...]:
        if not isinstance(value, list | tuple):
            self.fail("zones", "not_a_list", "zones must be a list.")
            return ()
        if len(value) > MAX_ZONES:
            self.fail(
                "zones",
                "too_many_zones",
                f"The design has {len(value)} zones; at most {MAX_ZONES} are allowed.",
                maximum=MAX_ZONES,
            )
            return ()
        return tuple(self.zone(item, f"zones[{index}]") for index, item in enumerate(value))

    def zone(self, value: object, where: str) -> Zone:
        if not isinstance(value, Mapping):
            self.fail(where, "not_an_object", f"{where} must be an object.")
            return Zone(ZoneKind.DENSITY, "", ())
        try:
            kind = ZoneKind(str(value.get("kind")))
        except ValueError:
            choices = ", ".join(k.value for k in ZoneKind)
            self.fail(
                f"{where}.kind",
                "unknown_zone_kind",
                f"{where} is of an unknown kind {value.get('kind')!r} (known: {choices}).",
                kind=value.get("kind"),
            )
            return Zone(ZoneKind.DENSITY, "", ())  # nothing else of a zone of unknown kind can be judged
        label = value.get("label", "")
        if not isinstance(label, str):
            self.fail(f"{where}.label", "not_text", f"{where}.label must be text.")
            label = ""
        elif len(label) > MAX_LABEL_LENGTH:
            self.fail(
                f"{where}.label",
                "too_long",
                f"The label is {len(label)} characters long; shorten it to {MAX_LABEL_LENGTH} or fewer.",
                length=len(label),
                limit=MAX_LABEL_LENGTH,
            )
        elif any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in label):
            self.fail(f"{where}.label", "control_character", f"{where}.label holds a line break or control character.")
        density = value.get("density")
        if kind is ZoneKind.DENSITY:
            if density not in DENSITY_LEVELS or isinstance(density, bool):
                self.fail(
                    f"{where}.density", "density_level", f"{where}.density is {density!r}; choose a level from 1 to 5."
                )
                density = DEFAULT_DENSITY
        elif density is not None:
            self.fail(
                f"{where}.density",
                "density_not_allowed",
                f"{where} is a {kind.value} zone; only density areas have a density.",
            )
            density = None
        polygon = self.points(value.get("polygon", []), f"{where}.polygon", MIN_ZONE_POINTS, MAX_ZONE_POINTS)
        return Zone(kind, label.strip(), polygon, density)

"""The hairline design's vector data: stored JSON read back exactly, bad data refused with codes, the smooth curve
through the artist's points, and the design placed over photos of other sizes."""

from __future__ import annotations

import itertools
import json
import math

import pytest

from smp_desktop.core.hairline import (
    FORMAT_VERSION,
    Frame,
    HairlineShapes,
    Point,
    Zone,
    ZoneKind,
    check,
    map_design,
    sample_curve,
)
from smp_desktop.core.services.errors import ValidationFailed

DESIGN = HairlineShapes(
    hairline=(Point(0.18, 0.42), Point(0.35, 0.3), Point(0.5, 0.27), Point(0.65, 0.3), Point(0.82, 0.42)),
    left_temple=Point(0.85, 0.5),
    right_temple=Point(0.15, 0.5),
    zones=(
        Zone(ZoneKind.DENSITY, "Frontal fill — Żółkiewski", (Point(0.3, 0.3), Point(0.7, 0.3), Point(0.5, 0.1)), 4),
        Zone(ZoneKind.SCAR, "FUE 王", (Point(0.1, 0.1), Point(0.2, 0.1), Point(0.2, 0.2), Point(0.1, 0.2))),
        Zone(ZoneKind.KEEP_CLEAR, "Birthmark", (Point(0.0, 0.0), Point(1.0, 0.0), Point(1.0, 1.0))),
    ),
    base_aspect=1.5,
)


def codes(error: pytest.ExceptionInfo[ValidationFailed]) -> set[str]:
    return {problem.code for problem in error.value.problems}


def stored(**changes: object) -> dict[str, object]:
    data = DESIGN.to_json()
    data.update(changes)
    return data


def test_round_trip_through_json_text_keeps_every_value() -> None:
    text = json.dumps(DESIGN.to_json(), ensure_ascii=False)
    assert HairlineShapes.from_json(text) == DESIGN
    assert HairlineShapes.from_json(json.loads(text)) == DESIGN
    assert json.loads(text)["format"] == FORMAT_VERSION
    assert json.loads(text)["zones"][1]["density"] is None


def test_a_design_with_only_a_zone_is_valid() -> None:
    scar_only = HairlineShapes(zones=DESIGN.zones[1:2])
    assert check(scar_only) == scar_only


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_not_a_finite_number_is_refused(bad: float) -> None:
    data = stored(hairline=[[0.1, 0.2], [bad, 0.3]])
    with pytest.raises(ValidationFailed) as error:
        HairlineShapes.from_json(data)
    assert codes(error) == {"not_finite"}
    assert error.value.problems[0].field == "hairline[1].x"


def test_nan_in_json_text_is_refused() -> None:
    with pytest.raises(ValidationFailed) as error:
        HairlineShapes.from_json('{"format": 1, "base_aspect": 1.5, "hairline": [[0.1, 0.2], [0.3, NaN]]}')
    assert codes(error) == {"not_finite"}


@pytest.mark.parametrize(
    ("where", "changes"),
    [
        ("hairline[0].y", {"hairline": [[0.1, 1.2], [0.2, 0.3]]}),
        ("temples.left.x", {"temples": {"left": [-0.01, 0.5], "right": None}}),
        ("base_aspect", {"base_aspect": 0.0}),
    ],
)
def test_out_of_range_is_refused_and_named(where: str, changes: dict[str, object]) -> None:
    with pytest.raises(ValidationFailed) as error:
        HairlineShapes.from_json(stored(**changes))
    assert [(p.field, p.code) for p in error.value.problems] == [(where, "out_of_range")]


def test_too_few_and_too_many_points() -> None:
    with pytest.raises(ValidationFailed) as error:
        HairlineShapes.from_json(stored(hairline=[[0.5, 0.5]]))
    assert codes(error) == {"too_few_points"}
    zone = {"kind": "scar", "label": "", "density": None, "polygon": [[0.1, 0.1], [0.2, 0.2]]}
    with pytest.raises(ValidationFailed) as error:
        HairlineShapes.from_json(stored(zones=[zone]))
    assert [(p.field, p.code) for p in error.value.problems] == [("zones[0].polygon", "too_few_points")]
    with pytest.raises(ValidationFailed) as error:
        HairlineShapes.from_json(stored(hairline=[[0.5, 0.5]] * 201))
    assert codes(error) == {"too_many_points"}


def test_unknown_zone_kind_and_bad_density() -> None:
    zones = [
        {"kind": "tattoo", "label": "?", "density": None, "polygon": [[0, 0], [1, 0], [1, 1]]},
        {"kind": "density", "label": "Crown", "density": 9, "polygon": [[0, 0], [1, 0], [1, 1]]},
        {"kind": "scar", "label": "Strip", "density": 2, "polygon": [[0, 0], [1, 0], [1, 1]]},
    ]
    with pytest.raises(ValidationFailed) as error:
        HairlineShapes.from_json(stored(zones=zones))
    assert [(p.field, p.code) for p in error.value.problems] == [
        ("zones[0].kind", "unknown_zone_kind"),
        ("zones[1].density", "density_level"),
        ("zones[2].density", "density_not_allowed"),
    ]


@pytest.mark.parametrize("version", [None, 0, 2, "1"])
def test_wrong_format_version_is_refused(version: object) -> None:
    with pytest.raises(ValidationFailed) as error:
        HairlineShapes.from_json(stored(format=version))
    assert codes(error) == {"format_version"}
    assert "Update SMP Desktop" in str(error.value)


def test_not_json_or_not_an_object() -> None:
    with pytest.raises(ValidationFailed) as error:
        HairlineShapes.from_json("{not json")
    assert codes(error) == {"not_json"}
    with pytest.raises(ValidationFailed) as error:
        HairlineShapes.from_json("[1, 2]")
    assert codes(error) == {"not_an_object"}


def test_labels_are_checked() -> None:
    long_label = {"kind": "scar", "label": "x" * 81, "density": None, "polygon": [[0, 0], [1, 0], [1, 1]]}
    line_break = {"kind": "scar", "label": "a\nb", "density": None, "polygon": [[0, 0], [1, 0], [1, 1]]}
    with pytest.raises(ValidationFailed) as error:
        HairlineShapes.from_json(stored(zones=[long_label, line_break]))
    assert [p.code for p in error.value.problems] == ["too_long", "control_character"]


def test_an_empty_design_cannot_be_saved() -> None:
    with pytest.raises(ValidationFailed) as error:
        check(HairlineShapes())
    assert codes(error) == {"hairline_empty"}


def test_catmull_rom_passes_through_every_control_point_and_stays_smooth() -> None:
    points = DESIGN.hairline
    curve = sample_curve(points, per_segment=10)
    assert len(curve) == 1 + 10 * (len(points) - 1)
    for index, point in enumerate(points):
        assert curve[index * 10] == point
    # Between the points it is a curve, not the straight line: the middle of the first segment bulges.
    middle = curve[5]
    straight = Point((points[0].x + points[1].x) / 2, (points[0].y + points[1].y) / 2)
    assert math.dist((middle.x, middle.y), (straight.x, straight.y)) > 1e-3
    # No step is long: the samples follow the curve evenly (no overshoot loops).
    steps = [math.dist((a.x, a.y), (b.x, b.y)) for a, b in itertools.pairwise(curve)]
    assert max(steps) < 0.05


def test_catmull_rom_with_repeated_and_two_points() -> None:
    same = sample_curve((Point(0.2, 0.2), Point(0.2, 0.2), Point(0.6, 0.4)), per_segment=4)
    assert all(math.isfinite(p.x) and math.isfinite(p.y) for p in same)
    line = sample_curve((Point(0.0, 0.5), Point(1.0, 0.5)), per_segment=4)
    assert [round(p.x, 9) for p in line] == [0.0, 0.25, 0.5, 0.75, 1.0]
    assert sample_curve((Point(0.3, 0.3),)) == (Point(0.3, 0.3),)


def test_the_design_maps_onto_photos_of_other_sizes() -> None:
    # The same shape, larger: plain scaling.
    pixels = map_design(DESIGN, 3000, 2000)
    assert pixels.hairline[0] == pytest.approx((0.18 * 3000, 0.42 * 2000))
    assert pixels.left_temple == pytest.approx((0.85 * 3000, 0.5 * 2000))
    assert pixels.zones[0][1][2] == pytest.approx((0.5 * 3000, 0.1 * 2000))
    # A 4:3 photo: the 3:2 design keeps its proportions, full width, centred on the height.
    frame = Frame.for_size(DESIGN, 1200, 900)
    assert (frame.left, frame.top, frame.width, frame.height) == pytest.approx((0, 50, 1200, 800))
    assert map_design(DESIGN, 1200, 900).right_temple == pytest.approx((0.15 * 1200, 50 + 0.5 * 800))
    assert frame.to_relative(*frame.to_pixels(Point(0.3, 0.7))) == pytest.approx(Point(0.3, 0.7))


def test_with_aspect_re_expresses_the_design_for_another_photo_shape() -> None:
    moved = DESIGN.with_aspect(4 / 3)
    assert moved.base_aspect == pytest.approx(4 / 3)
    frame = Frame.for_size(DESIGN, 1200, 900)
    for before, after in zip(DESIGN.hairline, moved.hairline, strict=True):
        x, y = frame.to_pixels(before)
        assert (after.x * 1200, after.y * 900) == pytest.approx((x, y))
    assert DESIGN.with_aspect(1.5) is DESIGN


def test_editing_steps() -> None:
    from smp_desktop.core import hairline_edit as edit
    from smp_desktop.core.hairline_edit import Part, Target

    shapes = HairlineShapes()
    shapes, index = edit.add_hairline_point(shapes, Point(0.5, 0.3))
    shapes, index = edit.add_hairline_point(shapes, Point(0.8, 0.4))
    assert index == 1
    shapes, index = edit.add_hairline_point(shapes, Point(0.1, 0.45))  # nearer the first point: goes first
    assert index == 0 and shapes.hairline[0] == Point(0.1, 0.45)
    shapes, index = edit.add_hairline_point(shapes, Point(1.4, -0.2))  # off the photo: kept on its edge
    assert shapes.hairline[-1] == Point(1.0, 0.0)
    shapes = edit.insert_hairline_point(shapes, 0, Point(0.3, 0.35))
    assert shapes.hairline[1] == Point(0.3, 0.35)
    shapes = edit.move(shapes, Target(Part.HAIRLINE_POINT, 1), Point(0.32, 0.33))
    assert shapes.hairline[1] == Point(0.32, 0.33)
    shapes = edit.set_temple(shapes, Part.LEFT_TEMPLE, Point(0.9, 0.5))
    shapes = edit.add_zone(
        shapes, ZoneKind.SCAR, (Point(0.1, 0.1), Point(0.2, 0.1), Point(0.2, 0.2), Point(0.1, 0.2)), "Scar 1"
    )
    assert shapes.zones[0].density is None
    assert edit.contains(shapes.zones[0].polygon, Point(0.15, 0.15))
    assert not edit.contains(shapes.zones[0].polygon, Point(0.25, 0.15))
    shapes = edit.change_zone(shapes, 0, label="Strip", density=5)  # a scar has no density
    assert (shapes.zones[0].label, shapes.zones[0].density) == ("Strip", None)
    shapes = edit.delete(shapes, Target(Part.ZONE_POINT, 0, 3))
    assert len(shapes.zones[0].polygon) == 3
    shapes = edit.delete(shapes, Target(Part.ZONE_POINT, 0, 0))  # two corners enclose nothing: the zone goes
    assert shapes.zones == ()
    shapes = edit.delete(shapes, Target(Part.LEFT_TEMPLE))
    assert shapes.left_temple is None and not edit.exists(shapes, Target(Part.LEFT_TEMPLE))
    assert check(shapes).hairline == shapes.hairline

"""Removal rules as plain functions: the Kirby-Desai score and its estimate, the studio's method rules (intervals,
the wait before new SMP, wavelengths, parameter ranges) read from data, session dates that respect the minimum
interval, and the check of a session's laser parameters. No database, no Qt.

The Kirby-Desai scale (Kirby, Desai et al., J Clin Aesthet Dermatol 2009;2(3):32-37) adds points for six
factors; the sum approximates the number of laser sessions (about ±2.5), as measured for Q-switched Nd:YAG at
six-week intervals on body tattoos. SMP pigment sits shallow, so it often clears in fewer sessions: the score is an
estimate to discuss with the client, not a promise."""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from smp_desktop.core.removal_vocabulary import (
    InkAmount,
    InkColours,
    Layering,
    RemovalMethod,
    RemovalSessionStatus,
    Scarring,
    TattooLocation,
)
from smp_desktop.core.services.errors import FieldProblem
from smp_desktop.resources import resource_path

# --- Kirby-Desai --------------------------------------------------------------------------------------------------
# Points per answer, as published. Skin type is the Fitzpatrick type itself (I-VI: 1-6 points).
LOCATION_POINTS: Mapping[TattooLocation, int] = {
    TattooLocation.HEAD_NECK: 1,
    TattooLocation.UPPER_TRUNK: 2,
    TattooLocation.LOWER_TRUNK: 3,
    TattooLocation.PROXIMAL_EXTREMITY: 4,
    TattooLocation.DISTAL_EXTREMITY: 5,
}
COLOUR_POINTS: Mapping[InkColours, int] = {
    InkColours.BLACK_ONLY: 1,
    InkColours.MOSTLY_BLACK_SOME_RED: 2,
    InkColours.BLACK_RED_AND_OTHERS: 3,
    InkColours.MULTIPLE_COLOURS: 4,
}
AMOUNT_POINTS: Mapping[InkAmount, int] = {
    InkAmount.AMATEUR: 1,
    InkAmount.MINIMAL: 2,
    InkAmount.MODERATE: 3,
    InkAmount.SIGNIFICANT: 4,
}
SCARRING_POINTS: Mapping[Scarring, int] = {
    Scarring.NONE: 0,
    Scarring.MINIMAL: 1,
    Scarring.MODERATE: 3,
    Scarring.SIGNIFICANT: 5,
}
LAYERING_POINTS: Mapping[Layering, int] = {Layering.NONE: 0, Layering.LAYERED: 2}
FITZPATRICK_RANGE = range(1, 7)
KIRBY_DESAI_MARGIN = 2.5  # sessions either side of the score, as the authors measured


@dataclass(frozen=True, slots=True)
class KirbyDesaiInputs:
    """The six factors; any may still be unanswered (None)."""

    fitzpatrick_type: int | None = None
    location: TattooLocation | None = TattooLocation.HEAD_NECK  # a scalp is head and neck
    colours: InkColours | None = None
    amount: InkAmount | None = None
    scarring: Scarring | None = None
    layering: Layering | None = None


@dataclass(frozen=True, slots=True)
class KirbyDesaiScore:
    """The points of each factor answered so far, their sum and, once all six are answered, the estimate."""

    points: tuple[tuple[str, int | None], ...]  # (factor, points or None) in the scale's order
    subtotal: int
    complete: bool

    @property
    def score(self) -> int | None:
        return self.subtotal if self.complete else None

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(name for name, value in self.points if value is None)

    @property
    def session_range(self) -> tuple[int, int] | None:
        """The likely number of sessions, the score ± 2.5, never below one."""
        if not self.complete:
            return None
        low = max(1, math.ceil(self.subtotal - KIRBY_DESAI_MARGIN))
        return low, max(low, math.floor(self.subtotal + KIRBY_DESAI_MARGIN))


KIRBY_DESAI_FACTORS: tuple[str, ...] = ("skin_type", "location", "colours", "amount", "scarring", "layering")


def kirby_desai(inputs: KirbyDesaiInputs) -> KirbyDesaiScore:
    skin = inputs.fitzpatrick_type if inputs.fitzpatrick_type in FITZPATRICK_RANGE else None
    values: tuple[int | None, ...] = (
        skin,
        None if inputs.location is None else LOCATION_POINTS[inputs.location],
        None if inputs.colours is None else COLOUR_POINTS[inputs.colours],
        None if inputs.amount is None else AMOUNT_POINTS[inputs.amount],
        None if inputs.scarring is None else SCARRING_POINTS[inputs.scarring],
        None if inputs.layering is None else LAYERING_POINTS[inputs.layering],
    )
    return KirbyDesaiScore(
        points=tuple(zip(KIRBY_DESAI_FACTORS, values, strict=True)),
        subtotal=sum(v for v in values if v is not None),
        complete=all(v is not None for v in values),
    )


# --- the studio's method rules (data) -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class MethodRule:
    method: RemovalMethod
    min_interval_days: int
    usual_interval_days: int
    new_smp_after_days: int
    wavelengths_nm: tuple[int, ...]
    default_wavelength_nm: int | None
    aftercare: str  # the key of the aftercare text set (resources/aftercare/<key>...)
    risks: str


@dataclass(frozen=True, slots=True)
class ParameterRange:
    minimum: float
    maximum: float


@dataclass(frozen=True, slots=True)
class RemovalRules:
    methods: Mapping[RemovalMethod, MethodRule]
    fluence_j_cm2: ParameterRange
    spot_size_mm: ParameterRange
    repetition_hz: ParameterRange

    def rule(self, method: RemovalMethod) -> MethodRule:
        return self.methods[method]


class RemovalRulesInvalid(Exception):
    """The removal methods file cannot be used; the message names the file and the entry."""


STUDIO_RULES_FILE = "removal-methods.json"  # a studio's own copy, in its data folder


def load_rules(studio_file: Path | None = None) -> RemovalRules:
    """The studio's copy when it exists, else the shipped resources/removal/methods.json."""
    path = studio_file if studio_file is not None and studio_file.is_file() else resource_path("removal/methods.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RemovalRulesInvalid(f"The removal methods file {path} cannot be read ({exc}).") from exc
    return parse_rules(data, str(path))


def parse_rules(data: Any, source: str = "removal methods") -> RemovalRules:
    try:
        methods_data = data["methods"]
        methods: dict[RemovalMethod, MethodRule] = {}
        for method in RemovalMethod:
            entry = methods_data[method.value]
            rule = MethodRule(
                method=method,
                min_interval_days=int(entry["min_interval_days"]),
                usual_interval_days=int(entry["usual_interval_days"]),
                new_smp_after_days=int(entry["new_smp_after_days"]),
                wavelengths_nm=tuple(int(w) for w in entry.get("wavelengths_nm", ())),
                default_wavelength_nm=(
                    None if entry.get("default_wavelength_nm") is None else int(entry["default_wavelength_nm"])
                ),
                aftercare=str(entry.get("aftercare", "")),
                risks=str(entry.get("risks", "")),
            )
            if not 0 < rule.min_interval_days <= rule.usual_interval_days or rule.new_smp_after_days < 0:
                raise ValueError(f"{method.value}: intervals must be 0 < minimum <= usual and the SMP wait >= 0")
            methods[method] = rule
        ranges = data["parameter_ranges"]

        def span(name: str) -> ParameterRange:
            found = ParameterRange(float(ranges[name]["min"]), float(ranges[name]["max"]))
            if not 0 < found.minimum < found.maximum:
                raise ValueError(f"{name}: the range must be positive with min < max")
            return found

        return RemovalRules(methods, span("fluence_j_cm2"), span("spot_size_mm"), span("repetition_hz"))
    except (KeyError, TypeError, ValueError) as exc:
        raise RemovalRulesInvalid(f"The removal methods in {source} are not usable: {exc}.") from exc


# --- dates --------------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SessionDate:
    """A removal session as the date rules see it."""

    status: RemovalSessionStatus
    planned_on: date | None
    done_on: date | None = None

    @property
    def on(self) -> date | None:
        """The day it happened, or the day it is planned for."""
        return self.done_on if self.status is RemovalSessionStatus.DONE and self.done_on else self.planned_on


@dataclass(frozen=True, slots=True)
class IntervalWarning:
    index: int  # of the session (in the order given) that is too soon
    day: date
    previous: date
    earliest: date  # the first day that respects the minimum interval
    message: str
    before_test_spot: bool = False  # previous is then the test spot's date


def suggest_dates(start: date, count: int, rule: MethodRule) -> list[date]:
    """`count` session dates from `start`, at the method's usual interval."""
    return [start + timedelta(days=rule.usual_interval_days * i) for i in range(max(0, count))]


def next_date(sessions: Sequence[SessionDate], rule: MethodRule, today: date) -> date:
    """The date to offer for one more session: the usual interval after the latest session, never before today."""
    days = [s.on for s in sessions if s.status is not RemovalSessionStatus.CANCELLED and s.on is not None]
    if not days:
        return today
    return max(today, max(days) + timedelta(days=rule.usual_interval_days))


def interval_warnings(
    sessions: Sequence[SessionDate], rule: MethodRule, *, test_spot_on: date | None = None
) -> list[IntervalWarning]:
    """Each session (cancelled ones aside) closer than the method's minimum interval to the one before it in time,
    and a session before the test spot was read."""
    dated = sorted(
        ((i, s.on) for i, s in enumerate(sessions) if s.status is not RemovalSessionStatus.CANCELLED and s.on),
        key=lambda pair: (pair[1], pair[0]),
    )
    found: list[IntervalWarning] = []
    minimum = timedelta(days=rule.min_interval_days)
    for (_, before), (index, day) in itertools.pairwise(dated):
        if day - before < minimum:
            earliest = before + minimum
            gap = (day - before).days
            found.append(
                IntervalWarning(
                    index,
                    day,
                    before,
                    earliest,
                    f"{day.isoformat()} is {gap} days after the session of {before.isoformat()}; this method needs "
                    f"at least {rule.min_interval_days} days between sessions (from {earliest.isoformat()}).",
                )
            )
    if test_spot_on is not None and dated and dated[0][1] < test_spot_on:
        index, day = dated[0]
        found.append(
            IntervalWarning(
                index,
                day,
                test_spot_on,
                test_spot_on,
                f"{day.isoformat()} is before the test spot of {test_spot_on.isoformat()}: treat after its result.",
                before_test_spot=True,
            )
        )
    return sorted(found, key=lambda w: w.index)


def earliest_new_smp(sessions: Iterable[SessionDate], rule: MethodRule) -> date | None:
    """The last session (done, or still planned) plus the studio's wait before new pigment; None with no dates."""
    days = [s.on for s in sessions if s.status is not RemovalSessionStatus.CANCELLED and s.on is not None]
    return max(days) + timedelta(days=rule.new_smp_after_days) if days else None


# --- a session's parameters ---------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class LaserParameters:
    wavelength_nm: int | None = None
    fluence_j_cm2: float | None = None
    spot_size_mm: float | None = None
    repetition_hz: float | None = None

    @property
    def any(self) -> bool:
        return any(
            v is not None for v in (self.wavelength_nm, self.fluence_j_cm2, self.spot_size_mm, self.repetition_hz)
        )


def check_parameters(
    method: RemovalMethod, params: LaserParameters, rules: RemovalRules, *, done: bool, prefix: str = ""
) -> list[FieldProblem]:
    """The problems with one session's parameters. A done laser session needs its wavelength, fluence and spot
    size; saline takes none. `prefix` names the session in messages (e.g. "Session 2: ")."""
    problems: list[FieldProblem] = []
    rule = rules.rule(method)
    if not method.is_laser:
        if params.any:
            problems.append(
                FieldProblem(
                    "wavelength_nm",
                    f"{prefix}Saline removal has no laser parameters; clear the wavelength, fluence, spot size and "
                    "repetition rate.",
                    "saline_no_parameters",
                )
            )
        return problems
    if params.wavelength_nm is None:
        if done:
            problems.append(
                FieldProblem("wavelength_nm", f"{prefix}Enter the wavelength the laser was set to.", "required")
            )
    elif params.wavelength_nm not in rule.wavelengths_nm:
        allowed = ", ".join(str(w) for w in rule.wavelengths_nm)
        problems.append(
            FieldProblem(
                "wavelength_nm",
                f"{prefix}A wavelength of {params.wavelength_nm} nm is not one this method uses; choose {allowed} nm.",
                "wavelength_not_offered",
                (("value", str(params.wavelength_nm)), ("allowed", allowed)),
            )
        )
    for name, label, unit, value, span, needed in (
        ("fluence_j_cm2", "fluence", "J/cm²", params.fluence_j_cm2, rules.fluence_j_cm2, True),
        ("spot_size_mm", "spot size", "mm", params.spot_size_mm, rules.spot_size_mm, True),
        ("repetition_hz", "repetition rate", "Hz", params.repetition_hz, rules.repetition_hz, False),
    ):
        if value is None:
            if done and needed:
                problems.append(FieldProblem(name, f"{prefix}Enter the {label} used ({unit}).", "required"))
            continue
        if not math.isfinite(value) or value <= 0:
            problems.append(
                FieldProblem(name, f"{prefix}The {label} must be a positive number of {unit}.", "not_positive")
            )
        elif not span.minimum <= value <= span.maximum:
            problems.append(
                FieldProblem(
                    name,
                    f"{prefix}A {label} of {value:g} {unit} is outside the plausible range "
                    f"{span.minimum:g}–{span.maximum:g} {unit}; check the laser's display.",
                    "out_of_range",
                    (("value", f"{value:g}"), ("min", f"{span.minimum:g}"), ("max", f"{span.maximum:g}")),
                )
            )
    return problems

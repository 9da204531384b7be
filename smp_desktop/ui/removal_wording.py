"""What people read for removal plans: the labels of the removal choices (with their Kirby-Desai points), the
score line and the dates, translated at the moment of display."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from smp_desktop.core.removal import (
    AMOUNT_POINTS,
    COLOUR_POINTS,
    LAYERING_POINTS,
    LOCATION_POINTS,
    SCARRING_POINTS,
    KirbyDesaiScore,
)
from smp_desktop.core.removal_vocabulary import (
    InkAmount,
    InkColours,
    Layering,
    RemovalMethod,
    RemovalPlanStatus,
    RemovalReason,
    RemovalSessionStatus,
    Scarring,
    TattooLocation,
    TestSpotOutcome,
)

_CONTEXT = "Removal"

_LABELS: dict[type[StrEnum], dict[Any, Any]] = {
    RemovalReason: {
        RemovalReason.SHAPE: QT_TRANSLATE_NOOP("Removal", "Reshape (hairline or edge)"),
        RemovalReason.COLOUR: QT_TRANSLATE_NOOP("Removal", "Colour (too dark, blue or green)"),
        RemovalReason.COMPLETE: QT_TRANSLATE_NOOP("Removal", "Complete removal"),
    },
    RemovalMethod: {
        RemovalMethod.Q_SWITCHED_LASER: QT_TRANSLATE_NOOP("Removal", "Q-switched laser"),
        RemovalMethod.PICOSECOND_LASER: QT_TRANSLATE_NOOP("Removal", "Picosecond laser"),
        RemovalMethod.SALINE: QT_TRANSLATE_NOOP("Removal", "Saline removal"),
    },
    RemovalPlanStatus: {
        RemovalPlanStatus.ASSESSMENT: QT_TRANSLATE_NOOP("Removal", "Assessment"),
        RemovalPlanStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("Removal", "In progress"),
        RemovalPlanStatus.COMPLETED: QT_TRANSLATE_NOOP("Removal", "Completed"),
        RemovalPlanStatus.CANCELLED: QT_TRANSLATE_NOOP("Removal", "Cancelled"),
    },
    RemovalSessionStatus: {
        RemovalSessionStatus.PLANNED: QT_TRANSLATE_NOOP("Removal", "Planned"),
        RemovalSessionStatus.DONE: QT_TRANSLATE_NOOP("Removal", "Done"),
        RemovalSessionStatus.CANCELLED: QT_TRANSLATE_NOOP("Removal", "Cancelled"),
    },
    TestSpotOutcome: {
        TestSpotOutcome.PENDING: QT_TRANSLATE_NOOP("Removal", "Waiting for the result"),
        TestSpotOutcome.GOOD_RESPONSE: QT_TRANSLATE_NOOP("Removal", "Faded well, healed well"),
        TestSpotOutcome.LITTLE_CHANGE: QT_TRANSLATE_NOOP("Removal", "Little change"),
        TestSpotOutcome.ADVERSE: QT_TRANSLATE_NOOP("Removal", "Adverse reaction"),
    },
    TattooLocation: {
        TattooLocation.HEAD_NECK: QT_TRANSLATE_NOOP("Removal", "Head and neck"),
        TattooLocation.UPPER_TRUNK: QT_TRANSLATE_NOOP("Removal", "Upper trunk"),
        TattooLocation.LOWER_TRUNK: QT_TRANSLATE_NOOP("Removal", "Lower trunk"),
        TattooLocation.PROXIMAL_EXTREMITY: QT_TRANSLATE_NOOP("Removal", "Upper arm or thigh"),
        TattooLocation.DISTAL_EXTREMITY: QT_TRANSLATE_NOOP("Removal", "Forearm, lower leg, hand or foot"),
    },
    InkColours: {
        InkColours.BLACK_ONLY: QT_TRANSLATE_NOOP("Removal", "Black only"),
        InkColours.MOSTLY_BLACK_SOME_RED: QT_TRANSLATE_NOOP("Removal", "Mostly black, some red"),
        InkColours.BLACK_RED_AND_OTHERS: QT_TRANSLATE_NOOP("Removal", "Black and red with other colours"),
        InkColours.MULTIPLE_COLOURS: QT_TRANSLATE_NOOP("Removal", "Multiple colours"),
    },
    InkAmount: {
        InkAmount.AMATEUR: QT_TRANSLATE_NOOP("Removal", "Amateur"),
        InkAmount.MINIMAL: QT_TRANSLATE_NOOP("Removal", "Minimal"),
        InkAmount.MODERATE: QT_TRANSLATE_NOOP("Removal", "Moderate"),
        InkAmount.SIGNIFICANT: QT_TRANSLATE_NOOP("Removal", "Significant"),
    },
    Scarring: {
        Scarring.NONE: QT_TRANSLATE_NOOP("Removal", "None"),
        Scarring.MINIMAL: QT_TRANSLATE_NOOP("Removal", "Minimal"),
        Scarring.MODERATE: QT_TRANSLATE_NOOP("Removal", "Moderate"),
        Scarring.SIGNIFICANT: QT_TRANSLATE_NOOP("Removal", "Significant"),
    },
    Layering: {
        Layering.NONE: QT_TRANSLATE_NOOP("Removal", "None"),
        Layering.LAYERED: QT_TRANSLATE_NOOP("Removal", "Layered or covered up"),
    },
}

POINTS: dict[type[StrEnum], Any] = {
    TattooLocation: LOCATION_POINTS,
    InkColours: COLOUR_POINTS,
    InkAmount: AMOUNT_POINTS,
    Scarring: SCARRING_POINTS,
    Layering: LAYERING_POINTS,
}

_AFTERCARE: dict[str, Any] = {
    "removal_laser": QT_TRANSLATE_NOOP("Removal", "Laser removal aftercare"),
    "removal_saline": QT_TRANSLATE_NOOP("Removal", "Saline removal aftercare"),
}

FACTOR_NAMES: dict[str, Any] = {
    "skin_type": QT_TRANSLATE_NOOP("Removal", "skin type"),
    "location": QT_TRANSLATE_NOOP("Removal", "location"),
    "colours": QT_TRANSLATE_NOOP("Removal", "colours"),
    "amount": QT_TRANSLATE_NOOP("Removal", "amount of ink"),
    "scarring": QT_TRANSLATE_NOOP("Removal", "scarring"),
    "layering": QT_TRANSLATE_NOOP("Removal", "layering"),
}


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(_CONTEXT, text, "", n)


def removal_label(value: StrEnum) -> str:
    text = _LABELS.get(type(value), {}).get(value)
    return tr(text) if text else str(value)


def with_points(value: StrEnum) -> str:
    """ "Moderate (3 points)": a Kirby-Desai answer as the picker shows it."""
    points = POINTS[type(value)][value]
    return (
        tr("%1 (%n points)", points).replace("%1", removal_label(value))
        if points != 1
        else tr("%1 (1 point)").replace("%1", removal_label(value))
    )


def aftercare_label(key: str) -> str:
    text = _AFTERCARE.get(key)
    return tr(text) if text else key


def score_text(score: KirbyDesaiScore) -> str:
    """The score line under the Kirby-Desai inputs, as they are answered."""
    if score.complete and score.session_range is not None:
        low, high = score.session_range
        return (
            tr("Kirby-Desai score %1: about %2–%3 sessions")
            .replace("%1", str(score.subtotal))
            .replace("%2", str(low))
            .replace("%3", str(high))
        )
    missing = ", ".join(tr(FACTOR_NAMES[name]) for name in score.missing)
    return tr("%1 points so far; still to answer: %2").replace("%1", str(score.subtotal)).replace("%2", missing)

"""What people read for each of the studio's stored choices (domain enums), translated at the moment of display."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from smp_desktop.core.domain import (
    AlopeciaPattern,
    Greying,
    HairLengthWish,
    HairlineStyle,
    PhotoView,
    ReferralSource,
    ScalpCondition,
    ScalpZone,
    ScarKind,
    SessionKind,
    SessionStatus,
    StaffRole,
    TreatmentReason,
)

_CONTEXT = "Vocabulary"

# Marked with QT_TRANSLATE_NOOP so lupdate collects them; translated in label(), when the language is known.
_LABELS: dict[type[StrEnum], dict[Any, Any]] = {
    TreatmentReason: {
        TreatmentReason.THINNING: QT_TRANSLATE_NOOP("Vocabulary", "Thinning or baldness"),
        TreatmentReason.ALOPECIA: QT_TRANSLATE_NOOP("Vocabulary", "Alopecia"),
        TreatmentReason.SCAR_CONCEALMENT: QT_TRANSLATE_NOOP("Vocabulary", "Scar concealment"),
        TreatmentReason.DENSITY: QT_TRANSLATE_NOOP("Vocabulary", "Density under longer hair"),
    },
    AlopeciaPattern: {
        AlopeciaPattern.AREATA: QT_TRANSLATE_NOOP("Vocabulary", "Areata (patches)"),
        AlopeciaPattern.TOTALIS: QT_TRANSLATE_NOOP("Vocabulary", "Totalis (whole scalp)"),
        AlopeciaPattern.UNIVERSALIS: QT_TRANSLATE_NOOP("Vocabulary", "Universalis (whole body)"),
        AlopeciaPattern.DIFFUSE: QT_TRANSLATE_NOOP("Vocabulary", "Diffuse thinning"),
        AlopeciaPattern.TRACTION: QT_TRANSLATE_NOOP("Vocabulary", "Traction"),
        AlopeciaPattern.FRONTAL_FIBROSING: QT_TRANSLATE_NOOP("Vocabulary", "Frontal fibrosing"),
        AlopeciaPattern.SCARRING: QT_TRANSLATE_NOOP("Vocabulary", "Scarring (cicatricial)"),
        AlopeciaPattern.OTHER: QT_TRANSLATE_NOOP("Vocabulary", "Other"),
    },
    ScarKind: {
        ScarKind.FUT_STRIP: QT_TRANSLATE_NOOP("Vocabulary", "Transplant strip (FUT)"),
        ScarKind.FUE_DOTS: QT_TRANSLATE_NOOP("Vocabulary", "Transplant dots (FUE)"),
        ScarKind.SURGICAL: QT_TRANSLATE_NOOP("Vocabulary", "Surgical"),
        ScarKind.INJURY: QT_TRANSLATE_NOOP("Vocabulary", "Injury"),
        ScarKind.BURN: QT_TRANSLATE_NOOP("Vocabulary", "Burn"),
        ScarKind.OTHER: QT_TRANSLATE_NOOP("Vocabulary", "Other"),
    },
    Greying: {
        Greying.NONE: QT_TRANSLATE_NOOP("Vocabulary", "No grey"),
        Greying.SOME: QT_TRANSLATE_NOOP("Vocabulary", "Some grey"),
        Greying.HALF: QT_TRANSLATE_NOOP("Vocabulary", "About half grey"),
        Greying.MOSTLY: QT_TRANSLATE_NOOP("Vocabulary", "Mostly grey"),
        Greying.ALL: QT_TRANSLATE_NOOP("Vocabulary", "Fully grey or white"),
    },
    ScalpCondition: {
        ScalpCondition.NORMAL: QT_TRANSLATE_NOOP("Vocabulary", "Normal"),
        ScalpCondition.DRY: QT_TRANSLATE_NOOP("Vocabulary", "Dry"),
        ScalpCondition.OILY: QT_TRANSLATE_NOOP("Vocabulary", "Oily"),
        ScalpCondition.SENSITIVE: QT_TRANSLATE_NOOP("Vocabulary", "Sensitive"),
        ScalpCondition.THICK: QT_TRANSLATE_NOOP("Vocabulary", "Thick skin"),
        ScalpCondition.THIN: QT_TRANSLATE_NOOP("Vocabulary", "Thin skin"),
    },
    HairlineStyle: {
        HairlineStyle.SOFT: QT_TRANSLATE_NOOP("Vocabulary", "Soft, natural edge"),
        HairlineStyle.DEFINED: QT_TRANSLATE_NOOP("Vocabulary", "Defined edge-up"),
        HairlineStyle.RECEDED: QT_TRANSLATE_NOOP("Vocabulary", "Mature, temples kept back"),
        HairlineStyle.STRAIGHT: QT_TRANSLATE_NOOP("Vocabulary", "Straight"),
        HairlineStyle.CUSTOM: QT_TRANSLATE_NOOP("Vocabulary", "Custom design"),
    },
    HairLengthWish: {
        HairLengthWish.SHAVED: QT_TRANSLATE_NOOP("Vocabulary", "Shaved"),
        HairLengthWish.BUZZ: QT_TRANSLATE_NOOP("Vocabulary", "Buzz cut (clipper length)"),
        HairLengthWish.SHORT: QT_TRANSLATE_NOOP("Vocabulary", "Short"),
        HairLengthWish.KEEP_LONG: QT_TRANSLATE_NOOP("Vocabulary", "Wants to keep long hair"),
    },
    ReferralSource: {
        ReferralSource.SEARCH: QT_TRANSLATE_NOOP("Vocabulary", "Web search"),
        ReferralSource.SOCIAL: QT_TRANSLATE_NOOP("Vocabulary", "Social media"),
        ReferralSource.FRIEND: QT_TRANSLATE_NOOP("Vocabulary", "Friend or family"),
        ReferralSource.DOCTOR: QT_TRANSLATE_NOOP("Vocabulary", "Doctor or dermatologist"),
        ReferralSource.CLINIC: QT_TRANSLATE_NOOP("Vocabulary", "Hair clinic"),
        ReferralSource.WALK_IN: QT_TRANSLATE_NOOP("Vocabulary", "Walked in"),
        ReferralSource.OTHER: QT_TRANSLATE_NOOP("Vocabulary", "Other"),
    },
    StaffRole: {
        StaffRole.OWNER: QT_TRANSLATE_NOOP("Vocabulary", "Owner"),
        StaffRole.ARTIST: QT_TRANSLATE_NOOP("Vocabulary", "Artist"),
        StaffRole.RECEPTION: QT_TRANSLATE_NOOP("Vocabulary", "Reception"),
    },
    SessionKind: {
        SessionKind.CONSULTATION: QT_TRANSLATE_NOOP("Vocabulary", "Consultation"),
        SessionKind.SESSION_1: QT_TRANSLATE_NOOP("Vocabulary", "Session 1"),
        SessionKind.SESSION_2: QT_TRANSLATE_NOOP("Vocabulary", "Session 2"),
        SessionKind.SESSION_3: QT_TRANSLATE_NOOP("Vocabulary", "Session 3"),
        SessionKind.SESSION_4: QT_TRANSLATE_NOOP("Vocabulary", "Session 4"),
        SessionKind.TOUCH_UP: QT_TRANSLATE_NOOP("Vocabulary", "Touch-up"),
        SessionKind.COLOUR_CORRECTION: QT_TRANSLATE_NOOP("Vocabulary", "Colour correction"),
        SessionKind.REMOVAL: QT_TRANSLATE_NOOP("Vocabulary", "Removal"),
    },
    SessionStatus: {
        SessionStatus.PLANNED: QT_TRANSLATE_NOOP("Vocabulary", "Planned"),
        SessionStatus.COMPLETED: QT_TRANSLATE_NOOP("Vocabulary", "Completed"),
        SessionStatus.CANCELLED: QT_TRANSLATE_NOOP("Vocabulary", "Cancelled"),
    },
    ScalpZone: {
        ScalpZone.HAIRLINE: QT_TRANSLATE_NOOP("Vocabulary", "Hairline"),
        ScalpZone.FRONTAL: QT_TRANSLATE_NOOP("Vocabulary", "Frontal"),
        ScalpZone.MID_SCALP: QT_TRANSLATE_NOOP("Vocabulary", "Mid-scalp"),
        ScalpZone.CROWN: QT_TRANSLATE_NOOP("Vocabulary", "Crown"),
        ScalpZone.LEFT_TEMPLE: QT_TRANSLATE_NOOP("Vocabulary", "Left temple"),
        ScalpZone.RIGHT_TEMPLE: QT_TRANSLATE_NOOP("Vocabulary", "Right temple"),
        ScalpZone.SIDES: QT_TRANSLATE_NOOP("Vocabulary", "Sides"),
        ScalpZone.BACK: QT_TRANSLATE_NOOP("Vocabulary", "Back / donor area"),
        ScalpZone.SCAR: QT_TRANSLATE_NOOP("Vocabulary", "Scar"),
    },
    PhotoView: {
        PhotoView.FRONT_HAIRLINE: QT_TRANSLATE_NOOP("Vocabulary", "Front hairline"),
        PhotoView.LEFT_TEMPLE: QT_TRANSLATE_NOOP("Vocabulary", "Left temple"),
        PhotoView.RIGHT_TEMPLE: QT_TRANSLATE_NOOP("Vocabulary", "Right temple"),
        PhotoView.TOP: QT_TRANSLATE_NOOP("Vocabulary", "Top"),
        PhotoView.CROWN: QT_TRANSLATE_NOOP("Vocabulary", "Crown"),
        PhotoView.BACK: QT_TRANSLATE_NOOP("Vocabulary", "Back / donor area"),
        PhotoView.SCAR: QT_TRANSLATE_NOOP("Vocabulary", "Scar close-up"),
        PhotoView.OTHER: QT_TRANSLATE_NOOP("Vocabulary", "Other"),
    },
}

_FITZPATRICK: dict[int, Any] = {
    1: QT_TRANSLATE_NOOP("Vocabulary", "I — always burns, never tans"),
    2: QT_TRANSLATE_NOOP("Vocabulary", "II — usually burns, tans a little"),
    3: QT_TRANSLATE_NOOP("Vocabulary", "III — sometimes burns, tans gradually"),
    4: QT_TRANSLATE_NOOP("Vocabulary", "IV — rarely burns, tans easily"),
    5: QT_TRANSLATE_NOOP("Vocabulary", "V — very rarely burns, brown skin"),
    6: QT_TRANSLATE_NOOP("Vocabulary", "VI — never burns, dark brown to black skin"),
}


def label(value: StrEnum) -> str:
    """The translated label of a stored choice; an unknown future value shows as its stored text."""
    text = _LABELS.get(type(value), {}).get(value)
    return QCoreApplication.translate(_CONTEXT, text) if text else str(value)


def fitzpatrick_label(skin_type: int) -> str:
    text = _FITZPATRICK.get(skin_type)
    return QCoreApplication.translate(_CONTEXT, text) if text else str(skin_type)

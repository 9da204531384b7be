"""The studio's vocabulary: choices a client record, a staff member or a session can take.

Values are stable strings stored in the database and CSV files; labels are what people see (the UI wraps
them for translation). Lists that a studio may want to change (intervals, tiers) are settings, not enums.
"""

from __future__ import annotations

from enum import StrEnum


class StaffRole(StrEnum):
    OWNER = "owner"
    ARTIST = "artist"
    RECEPTION = "reception"


class TreatmentReason(StrEnum):
    THINNING = "thinning"
    ALOPECIA = "alopecia"
    SCAR_CONCEALMENT = "scar_concealment"
    DENSITY = "density"  # density behind (thinning) hair that is kept


class AlopeciaPattern(StrEnum):
    AREATA = "areata"
    TOTALIS = "totalis"
    UNIVERSALIS = "universalis"
    DIFFUSE = "diffuse"
    TRACTION = "traction"
    FRONTAL_FIBROSING = "frontal_fibrosing"
    SCARRING = "scarring"
    OTHER = "other"


# Norwood–Hamilton stages as artists write them; stored as text.
NORWOOD_STAGES: tuple[str, ...] = (
    "1",
    "2",
    "2A",
    "3",
    "3A",
    "3 vertex",
    "4",
    "4A",
    "5",
    "5A",
    "6",
    "7",
)


class ScarKind(StrEnum):
    FUT_STRIP = "fut_strip"  # hair-transplant strip scar
    FUE_DOTS = "fue_dots"
    SURGICAL = "surgical"
    INJURY = "injury"
    BURN = "burn"
    OTHER = "other"


class Greying(StrEnum):
    NONE = "none"
    SOME = "some"
    HALF = "half"
    MOSTLY = "mostly"
    ALL = "all"


class ScalpCondition(StrEnum):
    NORMAL = "normal"
    DRY = "dry"
    OILY = "oily"
    SENSITIVE = "sensitive"
    THICK = "thick"
    THIN = "thin"


class HairlineStyle(StrEnum):
    SOFT = "soft"  # natural, broken-up front edge
    DEFINED = "defined"  # sharper "edge-up"
    RECEDED = "receded"  # mature hairline, temples kept back
    STRAIGHT = "straight"
    CUSTOM = "custom"


class HairLengthWish(StrEnum):
    SHAVED = "shaved"
    BUZZ = "buzz"  # very short, clipper length
    SHORT = "short"
    KEEP_LONG = "keep_long"  # a suitability concern: SMP only works with short hair


class ReferralSource(StrEnum):
    SEARCH = "search"
    SOCIAL = "social"
    FRIEND = "friend"
    DOCTOR = "doctor"
    CLINIC = "clinic"
    WALK_IN = "walk_in"
    OTHER = "other"


FITZPATRICK_TYPES: tuple[int, ...] = (1, 2, 3, 4, 5, 6)


class SessionKind(StrEnum):
    CONSULTATION = "consultation"
    SESSION_1 = "session_1"
    SESSION_2 = "session_2"
    SESSION_3 = "session_3"
    SESSION_4 = "session_4"
    TOUCH_UP = "touch_up"
    COLOUR_CORRECTION = "colour_correction"
    REMOVAL = "removal"


# The kinds that put pigment in the scalp: they count towards the course and the touch-up date.
PIGMENTING_KINDS: frozenset[SessionKind] = frozenset(
    {
        SessionKind.SESSION_1,
        SessionKind.SESSION_2,
        SessionKind.SESSION_3,
        SessionKind.SESSION_4,
        SessionKind.TOUCH_UP,
        SessionKind.COLOUR_CORRECTION,
    }
)


class SessionStatus(StrEnum):
    PLANNED = "planned"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class ScalpZone(StrEnum):
    HAIRLINE = "hairline"
    FRONTAL = "frontal"
    MID_SCALP = "mid_scalp"
    CROWN = "crown"
    LEFT_TEMPLE = "left_temple"
    RIGHT_TEMPLE = "right_temple"
    SIDES = "sides"
    BACK = "back"  # back of the head / donor area
    SCAR = "scar"


class PhotoView(StrEnum):
    """The standard views a scalp photo is taken from (so that before/after compares like with like)."""

    FRONT_HAIRLINE = "front_hairline"
    LEFT_TEMPLE = "left_temple"
    RIGHT_TEMPLE = "right_temple"
    TOP = "top"
    CROWN = "crown"
    BACK = "back"  # back / donor area
    SCAR = "scar"  # scar close-up
    OTHER = "other"

"""The words of a removal plan: reason, method, statuses, test spot outcome and the Kirby-Desai inputs.

Values are stable strings stored in the database; labels for people live in the front doors. The Kirby-Desai
points for each input are a published scale (Kirby, Desai et al., J Clin Aesthet Dermatol 2009;2(3):32-37) and
live with the calculator in core.removal; the studio's intervals are data (resources/removal/methods.json)."""

from __future__ import annotations

from enum import StrEnum


class RemovalReason(StrEnum):
    SHAPE = "shape"  # the hairline or an edge is to be reshaped
    COLOUR = "colour"  # the shade went blue/green or is too dark
    COMPLETE = "complete"  # all of the SMP is to go


class RemovalMethod(StrEnum):
    Q_SWITCHED_LASER = "q_switched_laser"
    PICOSECOND_LASER = "picosecond_laser"
    SALINE = "saline"

    @property
    def is_laser(self) -> bool:
        return self is not RemovalMethod.SALINE


class RemovalPlanStatus(StrEnum):
    ASSESSMENT = "assessment"  # being assessed: test spot, estimate, no session done yet
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class RemovalSessionStatus(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    CANCELLED = "cancelled"


class TestSpotOutcome(StrEnum):
    __test__ = False  # not a pytest class, whatever its name says

    PENDING = "pending"  # done, result not yet seen
    GOOD_RESPONSE = "good_response"  # faded, skin healed well
    LITTLE_CHANGE = "little_change"
    ADVERSE = "adverse"  # darkening, blistering, lasting redness: rethink the method or settings


class TattooLocation(StrEnum):
    """Kirby-Desai location: the further from the heart, the slower the fading. A scalp is head and neck."""

    HEAD_NECK = "head_neck"
    UPPER_TRUNK = "upper_trunk"
    LOWER_TRUNK = "lower_trunk"
    PROXIMAL_EXTREMITY = "proximal_extremity"
    DISTAL_EXTREMITY = "distal_extremity"


class InkColours(StrEnum):
    BLACK_ONLY = "black_only"
    MOSTLY_BLACK_SOME_RED = "mostly_black_some_red"
    BLACK_RED_AND_OTHERS = "black_red_and_others"
    MULTIPLE_COLOURS = "multiple_colours"


class InkAmount(StrEnum):
    AMATEUR = "amateur"
    MINIMAL = "minimal"
    MODERATE = "moderate"
    SIGNIFICANT = "significant"


class Scarring(StrEnum):
    NONE = "none"
    MINIMAL = "minimal"
    MODERATE = "moderate"
    SIGNIFICANT = "significant"


class Layering(StrEnum):
    NONE = "none"
    LAYERED = "layered"  # a cover-up or a second layer of pigment over the first

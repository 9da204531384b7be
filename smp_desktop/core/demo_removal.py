"""The demo studio's removal plans: among the first clients whose course left pigment on record, one hairline being
lightened with a Q-switched laser at a referred clinic (test spot read, one session done with its parameters, the
next planned, assessment photos) and one too-dark shade assessed for saline removal (test spot still healing).
Made through RemovalService, as the app makes them."""

from __future__ import annotations

from collections.abc import Generator, Sequence
from datetime import date, timedelta

from smp_desktop.core.progress import Progress
from smp_desktop.core.removal_vocabulary import (
    InkAmount,
    InkColours,
    Layering,
    RemovalMethod,
    RemovalReason,
    RemovalSessionStatus,
    Scarring,
    TestSpotOutcome,
)
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.photos import PhotoService
from smp_desktop.core.services.removal_data import RemovalPhotoEntry, RemovalSessionEntry
from smp_desktop.core.services.removals import RemovalService

STEP = "Adding removal plans"


def add_demo_removal(
    removals: RemovalService,
    photos: PhotoService,
    owner: Actor,
    client_ids: Sequence[int],
    *,
    today: date,
) -> Generator[Progress, None, list[int]]:
    """Two plans on the first clients with pigment on record; returns the plans' ids."""
    yield Progress(0, 2, STEP)
    made: list[int] = []
    candidates = [cid for cid in client_ids if removals.pigment_sources(owner, cid)]
    if candidates:
        made.append(_laser_plan(removals, photos, owner, candidates[0], today))
        yield Progress(1, 2, STEP)
    if len(candidates) > 1:
        made.append(_saline_plan(removals, owner, candidates[1], today))
    yield Progress(2, 2, STEP)
    return made


def _laser_plan(removals: RemovalService, photos: PhotoService, owner: Actor, client_id: int, today: date) -> int:
    rule = removals.rules().rule(RemovalMethod.Q_SWITCHED_LASER)
    sources = removals.pigment_sources(owner, client_id)
    hairline = [s for s in sources if s.zone.value in ("hairline", "left_temple", "right_temple")] or sources[:1]
    seen: set[int] = set()
    targets = []
    for source in hairline:
        if source.session_zone_id not in seen:
            seen.add(source.session_zone_id)
            targets.append(source.as_target())
    pictures = photos.list_for_client(owner, client_id)[-2:]
    done_on = today - timedelta(days=rule.usual_interval_days - 14)
    test_spot = done_on - timedelta(days=42)
    draft = removals.new_draft(owner, client_id, RemovalMethod.Q_SWITCHED_LASER, RemovalReason.SHAPE).replace(
        device="Q-switched Nd:YAG, 1064 nm",
        provider_name="Deansgate Skin & Laser Clinic",
        provider_contact="+44 161 496 0456 · referrals@deansgate-laser.example",
        kd_colours=InkColours.BLACK_ONLY,
        kd_amount=InkAmount.MINIMAL,
        kd_scarring=Scarring.NONE,
        kd_layering=Layering.NONE,
        test_spot_on=test_spot,
        test_spot_outcome=TestSpotOutcome.GOOD_RESPONSE,
        test_spot_notes="Behind the left ear: faded by about half in six weeks, no change in skin colour.",
        notes="The hairline sits too low at the temples: lighten the front 1 cm, then redesign it higher.",
        targets=tuple(targets),
        photos=tuple(RemovalPhotoEntry(p.id, "Before removal") for p in pictures),
        sessions=(
            RemovalSessionEntry(
                status=RemovalSessionStatus.DONE,
                planned_on=done_on,
                done_on=done_on,
                wavelength_nm=1064,
                fluence_j_cm2=3.2,
                spot_size_mm=4.0,
                repetition_hz=5.0,
                notes="Even frosting, pinpoint bleeding at the edge; healed in 10 days.",
            ),
            RemovalSessionEntry(planned_on=done_on + timedelta(days=rule.usual_interval_days)),
        ),
    )
    return removals.create(owner, client_id, draft).id


def _saline_plan(removals: RemovalService, owner: Actor, client_id: int, today: date) -> int:
    sources = removals.pigment_sources(owner, client_id)
    draft = removals.new_draft(owner, client_id, RemovalMethod.SALINE, RemovalReason.COLOUR).replace(
        kd_colours=InkColours.BLACK_ONLY,
        kd_amount=InkAmount.MODERATE,
        kd_scarring=Scarring.NONE,
        kd_layering=Layering.LAYERED,
        test_spot_on=today - timedelta(days=9),
        test_spot_outcome=TestSpotOutcome.PENDING,
        test_spot_notes="Crown, 1 cm²: scab still on, read the result when it has lifted.",
        notes="The crown healed bluish-grey after a second layer elsewhere; lift it before a warmer shade goes in.",
        targets=tuple(s.as_target() for s in sources if s.zone.value == "crown")[:2] or (sources[0].as_target(),),
    )
    return removals.create(owner, client_id, draft).id

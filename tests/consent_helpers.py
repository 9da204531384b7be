"""Shared by the consent tests: a drawn signature, complete answers to a form and the questionnaire, and a client
given a valid signed treatment consent and an eligible screening (what the completion gate asks for)."""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from PIL import Image, ImageDraw

from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.consent_data import TemplateRecord
from smp_desktop.core.studio_db import OpenStudio


def signature_png(seed: int = 0) -> bytes:
    image = Image.new("RGBA", (480, 140), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    points = [(12, 110), (80 + seed, 24), (150, 100), (230, 30 + seed), (320, 96), (460, 40)]
    draw.line(points, fill=(20, 24, 40, 255), width=5, joint="curve")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def complete_choices(template: TemplateRecord, **overrides: Any) -> dict[str, Any]:
    """Every confirm ticked, yes/no answered yes, the first option of each choice (patch test: declined)."""
    choices: dict[str, Any] = {}
    for item in template.items:
        if item.type == "confirm" or item.type == "yes_no":
            choices[item.key] = True
        elif item.type == "choice":
            keys = [k for k, _ in item.options]
            choices[item.key] = "declined" if "declined" in keys else keys[0]
    choices.update(overrides)
    return choices


def all_no(studio: OpenStudio, actor: Actor, **yes: object) -> Mapping[str, Any]:
    answers: dict[str, Any] = {q.key: False for q in studio.services.consents.questionnaire(actor)}
    answers.update(yes)
    return answers


def give_valid_consent(studio: OpenStudio, actor: Actor, client_id: int, *, on: date | None = None) -> None:
    """An eligible screening and a treatment consent signed on paper (dated `on`, default 1 Jan 2026) for the
    client: enough for the completion gate for sessions in the following months."""
    consents = studio.services.consents
    signed_on = on or date(2026, 1, 1)
    consents.record_screening(
        actor, client_id, all_no(studio, actor), taken_at=datetime.combine(signed_on, datetime.min.time(), UTC)
    )
    template = consents.current(actor, "smp_treatment")
    scan = studio.paths.root / f"paper-consent-{client_id}.png"
    scan.write_bytes(signature_png(client_id % 20))
    consents.attach_paper(actor, client_id, template.id, scan, signed_on=signed_on, signer_name="Client")
    scan.unlink()

"""What the day's packets add after each session's forms: the ink information sheet (the label information of the
lots the session's zones name, from the ink register), when the actor may see the register."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from smp_desktop.core.services.access import Actor, Permission

if TYPE_CHECKING:
    from smp_desktop.core.studio_db import Services


def ink_sheets(services: Services, actor: Actor) -> Callable[[Any], bytes | None] | None:
    """For ConsentService.packets(extra=...): entry -> the session's ink information sheet (PDF)."""
    if not actor.can(Permission.VIEW_INK):
        return None
    ink = services.ink_documents
    return lambda entry: ink.information_sheet(actor, entry.session_id)[0]

"""The demo studio: a realistic, international studio to try the app on (and what the benchmark builds)."""

from __future__ import annotations

import logging
from collections.abc import Generator
from datetime import date
from typing import TYPE_CHECKING

from smp_desktop.core.demo_consents import add_demo_consents
from smp_desktop.core.demo_ink import add_demo_ink
from smp_desktop.core.demo_people import demo_clients
from smp_desktop.core.demo_photos import add_demo_photos
from smp_desktop.core.demo_removal import add_demo_removal
from smp_desktop.core.demo_sessions import add_demo_sessions
from smp_desktop.core.progress import Progress
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.client_validation import CheckedClient
from smp_desktop.core.services.clients import batched
from smp_desktop.core.services.errors import ValidationFailed

if TYPE_CHECKING:
    from smp_desktop.core.studio_db import OpenStudio

log = logging.getLogger(__name__)

DEMO_STUDIO = {
    "studio_name": "Northline Scalp Studio (demo)",
    "owner_name": "Alex Morgan",
    "country": "GB",
    "address": "14 Canal Street\nManchester M1 3HE\nUnited Kingdom",
    "phone": "+44 161 496 0123",
    "email": "hello@northline.example",
    "website": "northline.example",
}
BATCH = 5000


class DemoStudioExists(Exception):
    pass


def create_demo_studio(
    studio: OpenStudio, *, clients: int, seed: int = 2026, today: date | None = None
) -> Generator[Progress, None, Actor]:
    """Create the demo studio in an empty database, yielding progress as clients are added; returns the owner."""
    services = studio.services
    if services.studio.exists():
        raise DemoStudioExists(
            f"{studio.paths.root} already holds a studio ({services.studio.info().name}). "
            "Choose an empty folder for the demo with --data-dir."
        )
    owner = services.studio.create(**DEMO_STUDIO, is_demo=True)
    yield Progress(0, clients, "Creating clients")
    done = 0
    for chunk in batched(demo_clients(clients, seed=seed, today=today or date.today()), BATCH):
        checked: list[CheckedClient] = []
        for result in services.clients.check_many(chunk):
            if isinstance(result, ValidationFailed):  # the generator is tested not to do this; never stop a demo
                log.warning("demo client skipped: %s", result)
            else:
                checked.append(result)
        services.clients.create_many(owner, checked, action="demo")
        done += len(chunk)
        yield Progress(done, clients, "Creating clients")
    yield from add_demo_sessions(
        services.studio, services.sessions, studio.sessions, owner, seed=seed, today=today or date.today()
    )
    yield from add_demo_ink(services.ink, studio.sessions, owner, today=today or date.today())
    yield from add_demo_consents(services.consents, studio.sessions, owner, seed=seed)
    first_clients = [summary.id for summary in services.clients.list_page(owner, limit=60)[0]]
    yield from add_demo_photos(services.photos, services.sessions, services.hairlines, owner, first_clients, seed=seed)
    yield from add_demo_removal(services.removals, services.photos, owner, first_clients, today=today or date.today())
    return owner

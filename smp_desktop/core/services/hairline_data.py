"""What the hairline design service hands out: plain records, free of the ORM (views, the CLI and documents)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from smp_desktop.core.domain import PhotoView
from smp_desktop.core.hairline import HairlineShapes


@dataclass(frozen=True, slots=True)
class HairlineDesignRecord:
    """One saved version of a client's design for one view. Versions count 1, 2, 3… per client and view; a saved
    version never changes (a redesign is a new version)."""

    id: int
    client_id: int
    view: PhotoView
    version: int
    shapes: HairlineShapes
    base_photo_id: int | None  # None: drawn without a photo, or the photo was deleted since
    note: str
    author_id: int | None
    author_name: str  # "" when the staff member is no longer on record
    created_at: datetime  # aware (UTC)
    is_current: bool  # the newest version of this client and view

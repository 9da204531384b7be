"""What the photo screens need of the studio, passed in by the composition root (ui/workspace.py): the photo
library's service calls, the client's sessions to link photos to, and the client's name for titles. Everything
here runs on a worker thread through the runner, never on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from smp_desktop.core.domain import PhotoView, SessionStatus
from smp_desktop.core.hairline import HairlineShapes
from smp_desktop.core.progress import Progress
from smp_desktop.core.services.access import Actor, Permission
from smp_desktop.core.services.photo_data import ImportSummary, PhotoChange, PhotoImportOptions, PhotoRecord
from smp_desktop.ui.models.photo_gallery_model import SessionLabel

if TYPE_CHECKING:
    from smp_desktop.core.services.hairlines import HairlineService
    from smp_desktop.core.services.sessions import SessionService


class PhotoLibrary(Protocol):
    """The photo service's calls the UI makes (core/services/photos.py PhotoService)."""

    def import_files(
        self,
        actor: Actor,
        files: Sequence[Path],
        options: PhotoImportOptions,
        *,
        should_stop: Callable[[], bool] | None = None,
    ) -> Generator[Progress, None, ImportSummary]: ...

    def folder_files(self, folder: Path) -> list[Path]: ...

    def list_for_client(self, actor: Actor, client_id: int) -> list[PhotoRecord]: ...

    def file_path(self, actor: Actor, photo_id: int) -> Path: ...

    def thumbnail_of(self, actor: Actor, photo: PhotoRecord, size: int = 256) -> Path: ...

    def update(self, actor: Actor, photo_id: int, change: PhotoChange) -> PhotoRecord: ...

    def delete(self, actor: Actor, photo_id: int) -> None: ...

    def comparison_pair(
        self, actor: Actor, client_id: int, view: PhotoView
    ) -> tuple[PhotoRecord, PhotoRecord] | None: ...

    def previous_of_view(
        self, actor: Actor, client_id: int, view: PhotoView, before: datetime | None = None
    ) -> PhotoRecord | None: ...


# The client's sessions as the gallery and the tag fields show them (None: the actor may not see sessions).
SessionSource = Callable[[int], Sequence[SessionLabel]]
ClientName = Callable[[int], str]  # the client's name as the studio writes it, for window titles
# The client's current hairline design for a view (None: none drawn, or the actor may not see designs).
DesignSource = Callable[[int, PhotoView], HairlineShapes | None]


@dataclass(frozen=True, slots=True)
class PhotoContext:
    """Everything the photo screens share for one studio and one person."""

    photos: PhotoLibrary
    actor: Actor
    client_name: ClientName
    sessions: SessionSource | None = None
    designs: DesignSource | None = None
    may_add: bool = True  # the actor may import, edit and delete photos, and the studio can be written

    def sessions_for(self, client_id: int) -> list[SessionLabel]:
        return list(self.sessions(client_id)) if self.sessions is not None else []


def designs_source(hairlines: HairlineService, actor: Actor) -> DesignSource | None:
    """The current design of a client and view from the hairline service, when the actor may see designs."""
    if not actor.can(Permission.VIEW_PHOTOS):
        return None

    def design(client_id: int, view: PhotoView) -> HairlineShapes | None:
        record = hairlines.current(actor, client_id, view)
        return record.shapes if record is not None else None

    return design


def sessions_source(sessions: SessionService, actor: Actor) -> SessionSource | None:
    """The client's sessions (cancelled ones left out: no photo is taken at a visit that did not happen), when the
    actor may see sessions."""
    if not actor.can(Permission.VIEW_SESSIONS):
        return None

    def listed(client_id: int) -> list[SessionLabel]:
        found = sessions.overview(actor, client_id)
        return [
            SessionLabel(s.id, s.starts_at, s.kind) for s in found.sessions if s.status is not SessionStatus.CANCELLED
        ]

    return listed

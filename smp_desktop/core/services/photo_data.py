"""What the photo library hands out and takes in: plain records, free of the ORM (views and the CLI use them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from smp_desktop.core.domain import PhotoView


@dataclass(frozen=True, slots=True)
class PhotoRecord:
    id: int
    client_id: int
    session_id: int | None
    view: PhotoView
    taken_at: datetime  # aware (UTC)
    taken_at_from_photo: bool  # False: the photo did not say, so this is when it was imported
    content_hash: str
    stored_name: str  # relative to the photo store, e.g. "ab/abcdef….jpg"
    media_type: str
    width: int
    height: int
    size_bytes: int
    original_filename: str
    clinical_consent: bool
    marketing_consent: bool
    note: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class PhotoImportOptions:
    """What every photo of one import gets: its client, and optionally a session, a view and the consents."""

    client_id: int
    session_id: int | None = None
    view: PhotoView = PhotoView.OTHER
    clinical_consent: bool = True
    marketing_consent: bool = False
    note: str = ""


@dataclass(frozen=True, slots=True)
class PhotoChange:
    """An edit of a stored photo's tags (the pixels never change)."""

    view: PhotoView
    session_id: int | None
    taken_at: datetime
    clinical_consent: bool
    marketing_consent: bool
    note: str


class ImportOutcome(StrEnum):
    IMPORTED = "imported"
    ALREADY_PRESENT = "already_present"  # this client already has this photo: nothing new stored
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class ImportedFile:
    """One file of an import. reason is a sentence for people; code (with params) lets the UI translate it."""

    source: Path
    outcome: ImportOutcome
    photo: PhotoRecord | None = None
    reason: str = ""
    code: str = ""
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ImportSummary:
    files: tuple[ImportedFile, ...]
    cancelled: bool = False

    def _count(self, outcome: ImportOutcome) -> int:
        return sum(1 for f in self.files if f.outcome is outcome)

    @property
    def imported(self) -> int:
        return self._count(ImportOutcome.IMPORTED)

    @property
    def already_present(self) -> int:
        return self._count(ImportOutcome.ALREADY_PRESENT)

    @property
    def rejected(self) -> tuple[ImportedFile, ...]:
        return tuple(f for f in self.files if f.outcome is ImportOutcome.REJECTED)

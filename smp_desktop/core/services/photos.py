"""The scalp photo library: import photos for a client, find them, their files and thumbnails, change their tags,
delete them, and pick the photos a before/after comparison or a ghost overlay needs.

Scalp photos are health data: only roles with VIEW_PHOTOS see them, ADD_PHOTOS imports, retags and deletes them,
and every change is audited."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Generator, Iterable
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from smp_desktop.core.domain import PhotoView
from smp_desktop.core.models import Client, Photo, TreatmentSession
from smp_desktop.core.photos.store import PhotoStore
from smp_desktop.core.photos.thumbnails import ThumbnailCache
from smp_desktop.core.progress import Progress
from smp_desktop.core.services import audit
from smp_desktop.core.services.access import Actor, Permission, require
from smp_desktop.core.services.errors import FieldProblem, NotFound, ValidationFailed
from smp_desktop.core.services.photo_data import (
    ImportedFile,
    ImportSummary,
    PhotoChange,
    PhotoImportOptions,
    PhotoRecord,
)

MAX_NOTE_LENGTH = 2000

log = logging.getLogger(__name__)


class PhotoService:
    def __init__(
        self, sessions: sessionmaker[Session], photos: Path, cache: Path, *, workers: int | None = None
    ) -> None:
        """photos: the store's folder (<data>/photos); cache: <data>/cache, thumbnails go in its thumbs/.
        workers: files prepared at once by an import (None: as many as the computer suits, see worker_count)."""
        self._sessions = sessions
        self._store = PhotoStore(photos)
        self._thumbnails = ThumbnailCache(cache / "thumbs")
        self._workers = workers

    # --- importing -----------------------------------------------------------------------------------------
    @staticmethod
    def folder_files(folder: Path) -> list[Path]:
        """The image-looking files (JPEG, PNG, WebP, HEIC) in folder and its subfolders, in name order."""
        from smp_desktop.core.photos import importer  # Pillow and the decoders load with the first import

        return importer.folder_files(folder)

    def import_files(
        self,
        actor: Actor,
        files: Iterable[Path],
        options: PhotoImportOptions,
        *,
        should_stop: Callable[[], bool] | None = None,
        on_file: Callable[[ImportedFile], None] | None = None,
    ) -> Generator[Progress, None, ImportSummary]:
        """Import files for options' client, yielding progress after each; returns what became of every file.

        A bad file is reported and the batch goes on; each photo is saved in its own transaction, its file first.
        When should_stop() turns true, the import stops before the next file (summary.cancelled) and what was
        imported so far stays. on_file, when given, hears each file's outcome as soon as it is known (in order,
        on the importing thread). Raises NotFound for an unknown client, ValidationFailed for a session of another
        client, before any file is read."""
        require(actor, Permission.ADD_PHOTOS)
        files = list(files)
        with self._sessions() as session:
            self._client(session, options.client_id)
            self._check_session(session, options.client_id, options.session_id)
            note = self._check_note(options.note)
        if note != options.note:
            options = dataclasses.replace(options, note=note)
        from smp_desktop.core.services.photo_import import PhotoImport

        run = PhotoImport(self._sessions, self._store, self._thumbnails, self._to_record, workers=self._workers)
        return (yield from run.run(actor, files, options, should_stop, on_file))

    # --- reading -------------------------------------------------------------------------------------------
    def list_for_client(self, actor: Actor, client_id: int) -> list[PhotoRecord]:
        """The client's photos, oldest first (by when they were taken)."""
        require(actor, Permission.VIEW_PHOTOS)
        with self._sessions() as session:
            self._client(session, client_id)
            photos = session.scalars(
                select(Photo).where(Photo.client_id == client_id).order_by(Photo.taken_at, Photo.id)
            ).all()
            return [self._to_record(photo) for photo in photos]

    def count_for_client(self, actor: Actor, client_id: int) -> int:
        require(actor, Permission.VIEW_PHOTOS)
        with self._sessions() as session:
            return session.scalar(select(func.count()).select_from(Photo).where(Photo.client_id == client_id)) or 0

    def get(self, actor: Actor, photo_id: int) -> PhotoRecord:
        require(actor, Permission.VIEW_PHOTOS)
        with self._sessions() as session:
            return self._to_record(self._photo(session, photo_id))

    def file_path(self, actor: Actor, photo_id: int) -> Path:
        """Where the stored (upright, metadata-free) photo is; it may be missing if someone removed it by hand."""
        return self._store.path(self.get(actor, photo_id).stored_name)

    def thumbnail_of(self, actor: Actor, photo: PhotoRecord, size: int = 256) -> Path:
        """A JPEG of the photo no larger than size×size, made on first use and cached on disk. The record is the
        caller's (a gallery's): no database query when the thumbnail is cached, which keeps a worker thread serving a
        gallery off the interpreter lock as much as possible.

        Safe to call from several threads at once. Raises NotFound when the photo's file is missing or damaged (db
        check explains which), ValueError for a size outside the thumbnails' range."""
        require(actor, Permission.VIEW_PHOTOS)
        try:
            return self._thumbnails.ensure(photo.content_hash, size, self._store.path(photo.stored_name))
        except FileNotFoundError as exc:
            raise NotFound(
                f"The file of photo #{photo.id} ({photo.original_filename}) is missing from the photo folder. "
                "Restore it from a backup; Check Database lists every missing photo."
            ) from exc
        except ValueError:
            raise
        except Exception as exc:  # unreadable or no longer an image: damaged on disk
            raise NotFound(
                f"The file of photo #{photo.id} ({photo.original_filename}) cannot be read ({exc}). "
                "Restore it from a backup; Check Database lists every damaged photo."
            ) from exc

    def comparison_pair(self, actor: Actor, client_id: int, view: PhotoView) -> tuple[PhotoRecord, PhotoRecord] | None:
        """The first and the latest photo of this view (the default before/after), or None with fewer than two."""
        require(actor, Permission.VIEW_PHOTOS)
        with self._sessions() as session:
            self._client(session, client_id)
            statement = select(Photo).where(Photo.client_id == client_id, Photo.view == view)
            first = session.scalars(statement.order_by(Photo.taken_at, Photo.id).limit(1)).first()
            last = session.scalars(statement.order_by(Photo.taken_at.desc(), Photo.id.desc()).limit(1)).first()
            if first is None or last is None or first.id == last.id:
                return None
            return self._to_record(first), self._to_record(last)

    def previous_of_view(
        self, actor: Actor, client_id: int, view: PhotoView, before: datetime | None = None
    ) -> PhotoRecord | None:
        """The latest photo of this view taken before `before` (any time when None): the ghost overlay's photo."""
        require(actor, Permission.VIEW_PHOTOS)
        with self._sessions() as session:
            self._client(session, client_id)
            statement = select(Photo).where(Photo.client_id == client_id, Photo.view == view)
            if before is not None:
                statement = statement.where(Photo.taken_at < before)
            photo = session.scalars(statement.order_by(Photo.taken_at.desc(), Photo.id.desc()).limit(1)).first()
            return self._to_record(photo) if photo is not None else None

    # --- writing -------------------------------------------------------------------------------------------
    def update(self, actor: Actor, photo_id: int, change: PhotoChange) -> PhotoRecord:
        """Change a photo's tags (view, session, date, consents, note); the pixels never change."""
        require(actor, Permission.ADD_PHOTOS)
        if change.taken_at.tzinfo is None:
            raise ValueError("PhotoChange.taken_at must be aware")
        with self._sessions.begin() as session:
            photo = self._photo(session, photo_id)
            self._check_session(session, photo.client_id, change.session_id)
            values = {
                "view": change.view,
                "session_id": change.session_id,
                "taken_at": change.taken_at,
                "clinical_consent": change.clinical_consent,
                "marketing_consent": change.marketing_consent,
                "note": self._check_note(change.note),
            }
            before = self._to_record(photo)
            changed = [name for name, value in values.items() if getattr(before, name) != value]
            for name, value in values.items():
                setattr(photo, name, value)
            if "taken_at" in changed:
                photo.taken_at_from_photo = False  # a person set it
            session.flush()
            audit.record(session, actor, "update", "photo", photo.id, ",".join(changed))
            return self._to_record(photo)

    def delete(self, actor: Actor, photo_id: int) -> None:
        """Remove the photo; its file goes too unless another photo record shares the same stored bytes."""
        require(actor, Permission.ADD_PHOTOS)
        with self._sessions.begin() as session:
            photo = self._photo(session, photo_id)
            stored_name, content_hash, client_id = photo.stored_name, photo.content_hash, photo.client_id
            session.delete(photo)
            session.flush()
            shared = session.scalar(select(func.count()).select_from(Photo).where(Photo.stored_name == stored_name))
            audit.record(session, actor, "delete", "photo", photo_id, f"client {client_id}")
        # After the commit: a crash in between leaves an orphan file (db check lists it), never a record without
        # its file.
        if not shared:
            try:
                self._store.remove(stored_name)
                self._thumbnails.remove(content_hash)
            except OSError as exc:
                log.warning("photo #%s deleted, but its file %s could not be removed: %s", photo_id, stored_name, exc)

    # --- helpers -------------------------------------------------------------------------------------------
    @staticmethod
    def _client(session: Session, client_id: int) -> Client:
        client = session.get(Client, client_id)
        if client is None:
            raise NotFound(f"Client #{client_id} does not exist (it may have been erased).")
        return client

    @staticmethod
    def _photo(session: Session, photo_id: int) -> Photo:
        photo = session.get(Photo, photo_id)
        if photo is None:
            raise NotFound(f"Photo #{photo_id} does not exist (it may have been deleted).")
        return photo

    @staticmethod
    def _check_session(session: Session, client_id: int, session_id: int | None) -> None:
        if session_id is None:
            return
        owner = session.scalar(select(TreatmentSession.client_id).where(TreatmentSession.id == session_id))
        if owner != client_id:
            raise ValidationFailed(
                [
                    FieldProblem(
                        "session_id",
                        f"Session #{session_id} is not one of this client's sessions; choose one of theirs or none.",
                        "photo_session_of_other_client",
                        (("session", str(session_id)),),
                    )
                ]
            )

    @staticmethod
    def _check_note(note: str) -> str:
        note = note.strip()
        if len(note) > MAX_NOTE_LENGTH:
            raise ValidationFailed(
                [
                    FieldProblem(
                        "note",
                        f"The note is {len(note)} characters long; shorten it to {MAX_NOTE_LENGTH} or fewer.",
                        "too_long",
                        (("length", str(len(note))), ("limit", str(MAX_NOTE_LENGTH))),
                    )
                ]
            )
        return note

    @staticmethod
    def _to_record(photo: Photo) -> PhotoRecord:
        return PhotoRecord(
            id=photo.id,
            client_id=photo.client_id,
            session_id=photo.session_id,
            view=photo.view,
            taken_at=photo.taken_at,
            taken_at_from_photo=photo.taken_at_from_photo,
            content_hash=photo.content_hash,
            stored_name=photo.stored_name,
            media_type=photo.media_type,
            width=photo.width,
            height=photo.height,
            size_bytes=photo.size_bytes,
            original_filename=photo.original_filename,
            clinical_consent=photo.clinical_consent,
            marketing_consent=photo.marketing_consent,
            note=photo.note,
            created_at=photo.created_at,
        )

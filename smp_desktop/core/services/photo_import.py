"""A batch import of photo files: files prepared two at a time on worker threads, each recorded in its own
transaction in the order given, progress after every file, and a stop between files that leaves nothing behind."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from smp_desktop.core.db.faults import StorageFault
from smp_desktop.core.models import Photo
from smp_desktop.core.models.base import utcnow
from smp_desktop.core.photos import importer
from smp_desktop.core.photos.importer import FileResult
from smp_desktop.core.photos.rejection import PhotoRejected
from smp_desktop.core.photos.store import PhotoStore
from smp_desktop.core.photos.thumbnails import ThumbnailCache
from smp_desktop.core.progress import Progress
from smp_desktop.core.services import audit
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.photo_data import (
    ImportedFile,
    ImportOutcome,
    ImportSummary,
    PhotoImportOptions,
    PhotoRecord,
)

log = logging.getLogger(__name__)

MAX_NAME_LENGTH = 255


class PhotoImport:
    """One run of import_files; PhotoService makes one per call."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        store: PhotoStore,
        thumbnails: ThumbnailCache,
        to_record: Callable[[Photo], PhotoRecord],
        *,
        workers: int | None = None,
    ) -> None:
        self._sessions = sessions
        self._store = store
        self._thumbnails = thumbnails
        self._to_record = to_record
        self._workers = workers or importer.worker_count()

    def run(
        self,
        actor: Actor,
        files: Sequence[Path],
        options: PhotoImportOptions,
        should_stop: Callable[[], bool] | None,
        on_file: Callable[[ImportedFile], None] | None = None,
    ) -> Generator[Progress, None, ImportSummary]:
        total = len(files)
        now = utcnow()
        # The client's photos by the hash of the file they came from, read once: a re-import of a card or folder
        # is recognised on the worker threads without a database query per file.
        with self._sessions() as session:
            rows = session.execute(select(Photo.source_hash, Photo.id).where(Photo.client_id == options.client_id))
            known: dict[str, int] = {source_hash: photo_id for source_hash, photo_id in rows}
        done: list[ImportedFile] = []
        cancelled = False
        yield Progress(0, total, files[0].name if files else "")
        pending: deque[Future[FileResult]] = deque()
        queue = iter(files)
        pool = ThreadPoolExecutor(max_workers=self._workers, thread_name_prefix="photo-import")
        try:
            while True:
                # Keep a file or two ahead of the one being recorded, so decoding overlaps the database work.
                while len(pending) < self._workers + 1 and (source := next(queue, None)) is not None:
                    pending.append(pool.submit(self._prepare, source, known, now))
                if not pending:
                    break
                if should_stop is not None and should_stop():
                    cancelled = True
                    break
                result = pending.popleft().result()
                done.append(self._record(actor, options, result, now))
                if on_file is not None:
                    on_file(done[-1])
                yield Progress(len(done), total, result.source.name)
        finally:
            for future in pending:
                future.cancel()
            pool.shutdown(wait=True)
            for future in pending:  # prepared ahead but never recorded: their new files go again
                if not future.cancelled() and future.exception() is None:
                    self._discard(future.result())
        return ImportSummary(tuple(done), cancelled=cancelled)

    # --- on a worker thread --------------------------------------------------------------------------------
    def _prepare(self, source: Path, known: dict[str, int], now: datetime) -> FileResult:
        try:
            return importer.process(source, store=self._store, thumbnails=self._thumbnails, existing=known.get, now=now)
        except Exception:  # a fault of ours must cost this one file, not the batch
            log.exception("importing the photo %s failed unexpectedly", source)
            return FileResult(
                source,
                rejection=PhotoRejected(
                    "photo_failed",
                    "The photo could not be imported because of an unexpected error; nothing of it was kept. "
                    "Import it again, and if it fails again send the log file to support.",
                ),
            )

    def _existing(self, client_id: int, source_hash: str) -> int | None:
        with self._sessions() as session:
            return session.scalar(
                select(Photo.id).where(Photo.client_id == client_id, Photo.source_hash == source_hash)
            )

    # --- on the importing thread ---------------------------------------------------------------------------
    def _record(self, actor: Actor, options: PhotoImportOptions, result: FileResult, now: datetime) -> ImportedFile:
        if result.rejection is not None:
            rejection = result.rejection
            return ImportedFile(
                result.source, ImportOutcome.REJECTED, reason=rejection.reason, code=rejection.code,
                params=dict(rejection.params),
            )  # fmt: skip
        if result.existing_id is not None:
            return self._already(result.source, result.existing_id)
        assert result.prepared is not None and result.stored is not None
        prepared, stored = result.prepared, result.stored
        try:
            with self._sessions.begin() as session:
                photo = Photo(
                    client_id=options.client_id,
                    session_id=options.session_id,
                    view=options.view,
                    taken_at=prepared.taken_at or now,
                    taken_at_from_photo=prepared.taken_at is not None,
                    content_hash=stored.content_hash,
                    source_hash=result.source_hash,
                    stored_name=stored.name,
                    media_type=prepared.media_type,
                    width=prepared.width,
                    height=prepared.height,
                    size_bytes=stored.size_bytes,
                    original_filename=result.source.name[:MAX_NAME_LENGTH],
                    clinical_consent=options.clinical_consent,
                    marketing_consent=options.marketing_consent,
                    note=options.note,
                    created_at=now,
                    created_by_id=actor.staff_id,
                )
                session.add(photo)
                session.flush()
                audit.record(session, actor, "import", "photo", photo.id, f"client {options.client_id}")
                record = self._to_record(photo)
        except IntegrityError:
            # The same bytes were just recorded for this client (the file was given twice in one batch).
            existing_id = self._existing(options.client_id, result.source_hash)
            self._discard(result)
            if existing_id is not None:
                return self._already(result.source, existing_id)
            return self._not_saved(result.source, "the client or session was removed meanwhile")
        except (SQLAlchemyError, StorageFault) as exc:
            log.exception("recording the photo %s failed", result.source)
            self._discard(result)
            return self._not_saved(result.source, str(getattr(exc, "orig", None) or exc))
        return ImportedFile(result.source, ImportOutcome.IMPORTED, photo=record)

    def _already(self, source: Path, photo_id: int) -> ImportedFile:
        with self._sessions() as session:
            photo = session.get(Photo, photo_id)
            record = self._to_record(photo) if photo is not None else None
        return ImportedFile(
            source,
            ImportOutcome.ALREADY_PRESENT,
            photo=record,
            reason="This photo was imported for this client before; nothing new was stored.",
            code="photo_already_present",
        )

    @staticmethod
    def _not_saved(source: Path, detail: str) -> ImportedFile:
        return ImportedFile(
            source,
            ImportOutcome.REJECTED,
            reason=f"The photo could not be recorded ({detail}); nothing of it was kept. Import it again.",
            code="photo_not_saved",
            params={"detail": detail},
        )

    def _discard(self, result: FileResult) -> None:
        """Remove a file this import put in the store when no record refers to it (never one already there)."""
        if result.stored is None or not result.stored.created:
            return
        try:
            with self._sessions() as session:
                used = session.scalar(
                    select(func.count()).select_from(Photo).where(Photo.stored_name == result.stored.name)
                )
            if not used:
                self._store.remove(result.stored.name)
                self._thumbnails.remove(result.stored.content_hash)
        except (OSError, SQLAlchemyError, StorageFault) as exc:  # db check will report the orphan file
            log.warning("could not remove the unrecorded photo file %s: %s", result.stored.name, exc)

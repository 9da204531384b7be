"""Thumbnails for the gallery: asked for when an item is first painted, made or read off the GUI thread, kept here
as pixmaps so scrolling back never waits. Only a QImage crosses threads; the QPixmap is made on the GUI thread.

What a worker hands back is the tile's picture: the thumbnail already fitted to the tile at the screen's pixel ratio
(the loader is given the record and the ratio), so the GUI thread only turns it into a pixmap and blits it."""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap

from smp_desktop.core.services.photo_data import PhotoRecord
from smp_desktop.ui.background import Runner

log = logging.getLogger(__name__)

# Enough for a long gallery scrolled end to end (a 256-pixel thumbnail is about 200 kB as a pixmap).
CACHE_LIMIT = 600
# Thumbnails made at once. One: the GUI thread shares the interpreter lock with the workers, and every worker
# busy in Python makes each of its painting calls wait for the lock; the disk and the JPEG decoder are not the
# limit. The newest requests go first, so the tiles on screen after a scroll come before those scrolled past.
IN_FLIGHT = 1

# (the photo's record, the screen's pixel ratio) -> the tile's picture of it; runs on a worker thread. The record is
# the one the gallery shows, handed over on the GUI thread: the worker needs no database query to find its file.
ImageLoader = Callable[[PhotoRecord, float], QImage]


class ThumbnailCache(QObject):
    loaded = Signal(int)  # the photo's thumbnail is ready (or could not be made: see failed)

    def __init__(self, runner: Runner, load: ImageLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._load = load
        self._pixmaps: OrderedDict[int, QPixmap] = OrderedDict()
        self._pending: set[int] = set()
        # Requests come in batches, one per paint (a screenful of new tiles); the newest batch is served first,
        # in the order its tiles were painted. A batch's first thumbnail starts after the paint that asked for it
        # has finished, so the worker does not compete with that paint for the interpreter lock.
        self._queue: list[list[PhotoRecord]] = []
        self._batch: list[PhotoRecord] = []
        self._in_flight = 0
        self._failed: set[int] = set()
        self._ratio = 1.0  # the pixel ratio the pictures kept were made for
        self.requests = 0  # how many thumbnails were asked of the workers (tests and the bench read it)

    @property
    def ratio(self) -> float:
        return self._ratio

    def pixmap(self, photo: PhotoRecord, ratio: float | None = None) -> QPixmap | None:
        """The photo's tile picture if it is ready; otherwise None, and it is fetched in the background. A new
        pixel ratio (the window moved to another screen) has every picture made again at it."""
        if ratio is not None and ratio != self._ratio:
            self._ratio = ratio
            self._pixmaps.clear()
        photo_id = photo.id
        cached = self._pixmaps.get(photo_id)
        if cached is not None:
            self._pixmaps.move_to_end(photo_id)
            return cached
        if photo_id not in self._pending and photo_id not in self._failed:
            self._request(photo)
        return None

    def failed(self, photo_id: int) -> bool:
        return photo_id in self._failed

    def forget(self, photo_id: int) -> None:
        """The photo was deleted or replaced: drop what is kept of it."""
        self._pixmaps.pop(photo_id, None)
        self._failed.discard(photo_id)

    def drop_queued(self) -> None:
        """Another client is shown: the thumbnails asked for and not started yet are no longer needed (they are
        asked for again if their tiles are painted again)."""
        for photo in [p for batch in self._queue for p in batch] + self._batch:
            self._pending.discard(photo.id)
        self._queue.clear()
        self._batch.clear()

    def _request(self, photo: PhotoRecord) -> None:
        self._pending.add(photo.id)
        self.requests += 1
        if not self._batch:
            QTimer.singleShot(0, self._close_batch)  # when the event loop is back: the paint is over
        self._batch.append(photo)

    def _close_batch(self) -> None:
        if self._batch:
            self._queue.append(self._batch)
            self._batch = []
        self._start_next()

    def _start_next(self) -> None:
        if self._in_flight >= IN_FLIGHT:
            return
        while self._queue and not self._queue[-1]:
            self._queue.pop()
        if not self._queue:
            return
        photo = self._queue[-1].pop(0)  # the newest screenful first, its tiles in the order they were painted
        photo_id, ratio = photo.id, self._ratio
        self._in_flight += 1
        load = self._load
        self._runner.run(
            lambda: load(photo, ratio),
            on_done=lambda image: self._on_loaded(photo_id, image, ratio),
            on_error=lambda error: self._on_failed(photo_id, error),
        )

    def _on_loaded(self, photo_id: int, image: QImage, ratio: float) -> None:
        self._finished_one()
        self._pending.discard(photo_id)
        if ratio != self._ratio:  # made for the screen the window has left: asked for again when next painted
            self.loaded.emit(photo_id)
            return
        if image.isNull():
            self._on_failed(photo_id, ValueError("the thumbnail could not be read"))
            return
        self._pixmaps[photo_id] = QPixmap.fromImage(image)
        while len(self._pixmaps) > CACHE_LIMIT:
            self._pixmaps.popitem(last=False)
        self.loaded.emit(photo_id)

    def _finished_one(self) -> None:
        self._in_flight -= 1
        QTimer.singleShot(0, self._start_next)  # after this delivery returns: never recursion in the sync runner

    def _on_failed(self, photo_id: int, error: Exception) -> None:
        # One unreadable photo must not bring up a box per item painted: the tile says so instead.
        log.warning("no thumbnail for photo %s: %s", photo_id, error)
        if photo_id in self._pending:
            self._finished_one()
        self._pending.discard(photo_id)
        self._failed.add(photo_id)
        self.loaded.emit(photo_id)

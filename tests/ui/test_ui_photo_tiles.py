"""The gallery's tiles and their thumbnails: the picture a tile shows is fitted on the worker that read the
thumbnail, a thumbnail already on disk is answered from the gallery's own record without a database query, the
service's permission check still stands in front of the disk cache, a damaged stored photo gives a clear
placeholder, a change of the screen's pixel ratio or font has pictures and sizes made again, and thumbnails are
started after the paint that asked for them, the newest screenful first (dropped when another client is shown)."""

from __future__ import annotations

import dataclasses
import shutil
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from photo_helpers import import_photo, shoot
from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QColor, QImage, QPalette
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from smp_desktop.core.domain import PhotoView, StaffRole
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.client_data import ClientDraft, ClientRecord
from smp_desktop.core.services.photo_data import PhotoRecord
from smp_desktop.core.studio_db import OpenStudio
from smp_desktop.ui.background import BackgroundRunner, SynchronousRunner
from smp_desktop.ui.controllers.photo_library import PhotoContext
from smp_desktop.ui.controllers.photos_controller import PhotosController, tile_loader
from smp_desktop.ui.models.photo_thumbnails import ThumbnailCache
from smp_desktop.ui.views import photo_tile_delegate
from smp_desktop.ui.views.photo_gallery_view import PhotoGalleryView
from smp_desktop.ui.views.photo_tile_delegate import THUMB_HEIGHT, THUMB_WIDTH


@pytest.fixture
def shots(
    studio: OpenStudio, owner: Actor, make_client: Callable[..., ClientRecord], tmp_path: Path
) -> tuple[ClientRecord, list[PhotoRecord]]:
    """Three photos of Nguyễn Văn Hùng: two taken across (4:3), one held upright (3:4)."""
    client = make_client(first_name="Hùng", last_name="Nguyễn Văn")
    records = []
    for n, view in enumerate((PhotoView.FRONT_HAIRLINE, PhotoView.TOP, PhotoView.CROWN), start=1):
        path = shoot(tmp_path / "camera", f"IMG_{n}.jpg", view, datetime(2025, 11, n, 10), density=0.3 * n, seed=n)
        if view is PhotoView.CROWN:  # upright: 360 × 480
            from PIL import Image

            with Image.open(path) as image:
                image.transpose(Image.Transpose.ROTATE_90).save(path, quality=88)
        records.append(import_photo(studio, owner, client.id, path, view))
    return client, records


@pytest.fixture
def statements(studio: OpenStudio) -> Iterator[list[str]]:
    """Every SQL statement the studio's engine runs from now on."""
    ran: list[str] = []

    def note(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        ran.append(statement)

    event.listen(studio.engine, "before_cursor_execute", note)
    yield ran
    event.remove(studio.engine, "before_cursor_execute", note)


def gallery_on(
    qtbot: QtBot, studio: OpenStudio, actor: Actor, runner: Any, settings: QSettings, client_id: int
) -> tuple[PhotosController, PhotoGalleryView]:
    view = PhotoGalleryView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    context = PhotoContext(studio.services.photos, actor, lambda _id: "Hùng")
    controller = PhotosController(view, context, runner, settings)
    view.show()
    controller.set_client(client_id)
    return controller, view


@pytest.fixture
def gallery(
    qtbot: QtBot,
    studio: OpenStudio,
    owner: Actor,
    runner: SynchronousRunner,
    settings: QSettings,
    shots: tuple[ClientRecord, list[PhotoRecord]],
) -> tuple[PhotosController, PhotoGalleryView, list[PhotoRecord]]:
    """The owner's gallery on the three shots, its jobs run as they are asked for."""
    client, records = shots
    return (*gallery_on(qtbot, studio, owner, runner, settings, client.id), records)


def test_thumbnails_on_disk_are_answered_without_a_database_query(
    qtbot: QtBot,
    statements: list[str],
    gallery: tuple[PhotosController, PhotoGalleryView, list[PhotoRecord]],
) -> None:
    controller, view, records = gallery
    assert controller.model.photo_count() == 3 and statements  # the list itself is read from the database
    statements.clear()
    view.grid.grab()  # paints the tiles: each asks for its thumbnail (made at import, so on disk)
    assert controller.thumbnails.requests == 3
    qtbot.waitUntil(lambda: all(controller.thumbnails.pixmap(record) is not None for record in records))
    assert statements == []


def test_tile_pictures_are_fitted_on_the_worker_thread(
    qtbot: QtBot,
    studio: OpenStudio,
    owner: Actor,
    settings: QSettings,
    shots: tuple[ClientRecord, list[PhotoRecord]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client, records = shots
    made_on: list[threading.Thread] = []
    fit = photo_tile_delegate.tile_picture

    def spy(thumbnail: QImage, ratio: float) -> QImage:
        made_on.append(threading.current_thread())
        return fit(thumbnail, ratio)

    monkeypatch.setattr(photo_tile_delegate, "tile_picture", spy)
    shutil.rmtree(studio.paths.cache / "thumbs")  # made from the stored photos, as on a new computer
    runner = BackgroundRunner(report_error=lambda error: pytest.fail(str(error)))
    controller, view = gallery_on(qtbot, studio, owner, runner, settings, client.id)
    qtbot.waitUntil(lambda: controller.model.photo_count() == 3)
    view.grid.viewport().repaint()
    qtbot.waitUntil(lambda: all(controller.thumbnails.pixmap(record) is not None for record in records))
    runner.wait()
    assert len(made_on) == 3 and threading.main_thread() not in made_on
    across, upright = controller.thumbnails.pixmap(records[0]), controller.thumbnails.pixmap(records[2])
    assert across is not None and upright is not None
    # What reaches the GUI thread is already the tile's size: it is blitted, never scaled there.
    assert across.deviceIndependentSize().toSize() == QSize(THUMB_WIDTH, THUMB_HEIGHT)
    assert upright.deviceIndependentSize().toSize() == QSize(103, THUMB_HEIGHT)  # 192 × 256 fitted
    # The thumbnails were made again, one per photo, in the cache on disk.
    assert len(list((studio.paths.cache / "thumbs").rglob("*.jpg"))) == 3


def test_no_thumbnail_is_read_or_made_for_an_actor_who_may_not_see_photos(
    qtbot: QtBot, studio: OpenStudio, runner: SynchronousRunner, shots: tuple[ClientRecord, list[PhotoRecord]]
) -> None:
    _, records = shots
    reception = Actor(studio.services.studio.owner().staff_id, "Rita Reception", StaffRole.RECEPTION)
    thumbs = studio.paths.cache / "thumbs"
    on_disk = sorted(thumbs.rglob("*.jpg"))
    assert len(on_disk) == 3
    on_disk[0].unlink()  # one to be made, two already cached: neither kind may be answered
    cache = ThumbnailCache(runner, tile_loader(studio.services.photos, reception))
    assert all(cache.pixmap(record) is None for record in records)
    qtbot.waitUntil(lambda: all(cache.failed(record.id) for record in records))
    assert all(cache.pixmap(record) is None for record in records)
    assert sorted(thumbs.rglob("*.jpg")) == on_disk[1:]


def test_a_damaged_stored_photo_shows_a_clear_placeholder(
    qtbot: QtBot,
    studio: OpenStudio,
    owner: Actor,
    settings: QSettings,
    shots: tuple[ClientRecord, list[PhotoRecord]],
) -> None:
    client, records = shots
    errors: list[Exception] = []
    runner = SynchronousRunner(report_error=errors.append)
    studio.services.photos.file_path(owner, records[1].id).write_bytes(b"no longer a JPEG")
    shutil.rmtree(studio.paths.cache / "thumbs")
    controller, view = gallery_on(qtbot, studio, owner, runner, settings, client.id)
    view.grid.grab()
    thumbnails = controller.thumbnails
    qtbot.waitUntil(lambda: thumbnails.failed(records[1].id) and thumbnails.pixmap(records[2]) is not None)
    assert not thumbnails.failed(records[0].id) and thumbnails.pixmap(records[0]) is not None
    tile = view.grid.visualRect(controller.model.index(controller.model.row_of(records[1].id) or 0))
    image = view.grid.grab(tile).toImage()
    midlight = view.grid.palette().color(QPalette.ColorRole.Midlight)
    assert image.pixelColor(12, 12).name() == midlight.name()  # the placeholder's box, not a photo
    assert image != view.grid.grab(view.grid.visualRect(controller.model.index(1))).toImage()
    assert errors == []  # no box: the tile says it


def test_a_new_pixel_ratio_has_the_pictures_made_again_at_it(
    qtbot: QtBot,
    studio: OpenStudio,
    owner: Actor,
    runner: SynchronousRunner,
    shots: tuple[ClientRecord, list[PhotoRecord]],
) -> None:
    _, records = shots
    cache = ThumbnailCache(runner, tile_loader(studio.services.photos, owner))
    assert cache.pixmap(records[0], 1.0) is None  # asked for
    qtbot.waitUntil(lambda: cache.pixmap(records[0], 1.0) is not None)
    first = cache.pixmap(records[0], 1.0)
    assert first is not None and first.size() == QSize(THUMB_WIDTH, THUMB_HEIGHT)
    assert cache.pixmap(records[0], 2.0) is None  # another screen: made again
    qtbot.waitUntil(lambda: cache.pixmap(records[0], 2.0) is not None)
    sharp = cache.pixmap(records[0], 2.0)
    assert sharp is not None and sharp.devicePixelRatio() == 2.0
    assert sharp.size() == QSize(2 * THUMB_WIDTH, 2 * THUMB_HEIGHT)
    assert QColor(sharp.toImage().pixel(5, 5)).alpha() == 255  # the photo itself, not an empty picture


def test_a_new_font_lays_the_tiles_out_again(
    qtbot: QtBot, gallery: tuple[PhotosController, PhotoGalleryView, list[PhotoRecord]]
) -> None:
    controller, view, records = gallery
    tile = controller.model.index(controller.model.row_of(records[0].id) or 0)
    header = controller.model.index(0)
    view.grid.grab()
    before = (view.grid.visualRect(tile).height(), view.grid.visualRect(header).height())
    font = view.grid.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    view.grid.setFont(font)  # the sizes are kept between paints: a new font measures them again
    qtbot.waitUntil(lambda: view.grid.visualRect(tile).height() > before[0])
    assert view.grid.visualRect(header).height() > before[1]


class HeldRunner(SynchronousRunner):
    """Keeps each job until the test lets it run: which thumbnail the cache starts, and when, can be seen."""

    def __init__(self) -> None:
        super().__init__(report_error=lambda error: pytest.fail(str(error)))
        self.held: list[tuple[Callable[[], Any], Callable[[Any], None]]] = []

    def run(self, fn: Callable[[], Any], *, on_done: Callable[[Any], None], **options: Any) -> Any:
        self.held.append((fn, on_done))

    def finish_first(self) -> None:
        fn, on_done = self.held.pop(0)
        on_done(fn())


def test_the_newest_screenful_is_served_first_in_the_order_it_was_painted(
    qtbot: QtBot, studio: OpenStudio, owner: Actor, tmp_path: Path
) -> None:
    template = _template(studio, owner, tmp_path)
    records = [dataclasses.replace(template, id=n) for n in range(1, 5)]
    a, b, c, d = records
    runner = HeldRunner()
    served: list[int] = []

    def load(photo: PhotoRecord, ratio: float) -> QImage:
        served.append(photo.id)
        image = QImage(40, 30, QImage.Format.Format_RGB32)
        image.fill(QColor("#806040"))
        return image

    cache = ThumbnailCache(runner, load)
    assert cache.pixmap(a) is None and cache.pixmap(b) is None  # one paint's tiles
    assert runner.held == []  # nothing starts while the paint that asked is still going
    qtbot.waitUntil(lambda: len(runner.held) == 1)
    assert cache.pixmap(c) is None and cache.pixmap(d) is None  # a scroll: the next screenful
    qtbot.wait(5)
    for _ in records:
        qtbot.waitUntil(lambda: len(runner.held) == 1)
        runner.finish_first()
    assert served == [a.id, c.id, d.id, b.id]
    assert all(cache.pixmap(record) is not None for record in records)


def test_thumbnails_still_waiting_are_dropped_when_another_client_is_shown(
    qtbot: QtBot,
    studio: OpenStudio,
    owner: Actor,
    settings: QSettings,
    make_client: Callable[..., ClientRecord],
    shots: tuple[ClientRecord, list[PhotoRecord]],
) -> None:
    client, _ = shots
    runner = HeldRunner()
    controller, view = gallery_on(qtbot, studio, owner, runner, settings, client.id)
    runner.finish_first()  # the client's photos listed
    view.grid.grab()  # three tiles painted: three thumbnails asked for
    qtbot.waitUntil(lambda: len(runner.held) == 1)  # the first started, two waiting
    controller.set_client(make_client(first_name="Дмитрий", last_name="Иванов").id)
    runner.held.pop()  # the started one's result is let go; the list of the new client is next
    runner.finish_first()
    qtbot.wait(10)
    assert runner.held == []  # the two waiting were never started
    assert controller.thumbnails.requests == 3


def _template(studio: OpenStudio, owner: Actor, tmp_path: Path) -> PhotoRecord:
    client = studio.services.clients.create(owner, ClientDraft(first_name="Νίκος", last_name="Παπαδόπουλος"))
    path = shoot(tmp_path, "one.jpg", PhotoView.TOP, datetime(2025, 10, 1, 9))
    return import_photo(studio, owner, client.id, path, PhotoView.TOP)

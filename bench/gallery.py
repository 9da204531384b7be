"""Bench: a client's gallery of 200 twelve-megapixel photos opening on the Photos tab, with thumbnails made (cold)
or read from the disk cache (warm) on worker threads while the person scrolls to the end.

The measure is the longest time the GUI thread did not get back to its event loop: a 2 ms heartbeat timer records
the gap between its ticks, from the moment the tab is asked to show the client until every thumbnail is on screen.

In the same runs: the time from asking the tab for the client to the gallery's first painted tiles (the grid's
viewport painted with the client's photos in its model), and to the first painted thumbnails (a paint after the
first thumbnail arrived). Then the thumbnail throughput: thumbnails made per second from the stored 12-megapixel
photos with the thumbnail cache emptied, through `PhotoService.thumbnail_of` (what the gallery's workers call), on
one thread and on two.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from measure import Measure, _ms

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(__file__).resolve().parent / ".cache" / "gallery-photos"
PHOTOS = 200
SIZE = (4000, 3000)  # 12 megapixels, as a phone shoots
HEARTBEAT_MS = 2


def photo_files(count: int = PHOTOS) -> list[Path]:
    """count distinct 12-megapixel scalp JPEGs (made once, kept in bench/.cache)."""
    sys.path.insert(0, str(ROOT / "tests" / "ui"))
    from PIL import ImageDraw

    from smp_desktop.core.demo_photos import scalp_image
    from smp_desktop.core.domain import PhotoView

    CACHE.mkdir(parents=True, exist_ok=True)
    files = [CACHE / f"IMG_{n:04d}.jpg" for n in range(count)]
    if all(f.exists() for f in files):
        return files
    views = [PhotoView.FRONT_HAIRLINE, PhotoView.TOP, PhotoView.CROWN, PhotoView.BACK]
    bases = [
        scalp_image(v, size=(2000, 1500), density=0.3 + 0.15 * i, seed=i).resize(SIZE) for i, v in enumerate(views)
    ]
    for n, path in enumerate(files):
        image = bases[n % len(bases)].copy()
        # A mark of its own in a corner: every file has other content, so none is "already present".
        ImageDraw.Draw(image).text((20, 20), f"{n:04d}", fill=(255, 255, 255))
        image.save(path, quality=88)
    return files


def _paint_watch(widget, started: list[float], model, loaded: set[int]):  # type: ignore[no-untyped-def]
    """An event filter on the grid's viewport noting (seconds after started[0]) its first paint with photos in the
    model, and its first paint after a thumbnail arrived."""
    from PySide6.QtCore import QEvent, QObject

    class Watch(QObject):
        tiles: float | None = None
        thumbnails: float | None = None

        def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]
            if event.type() == QEvent.Type.Paint and model.photo_count():
                now = time.perf_counter() - started[0]
                if self.tiles is None:
                    self.tiles = now
                if self.thumbnails is None and loaded:
                    self.thumbnails = now
            return False

    watch = Watch(widget)
    widget.installEventFilter(watch)
    return watch


def _thumbnail_rates(photos, owner, cache: Path, records: list, count: int) -> tuple[list[float], list[float]]:  # type: ignore[no-untyped-def]
    """Thumbnails a second made from the stored photos with the cache emptied: one thread, then two."""
    from concurrent.futures import ThreadPoolExecutor

    one, two = [], []
    for batch in range(max(1, min(2, len(records) // count))):  # at most two batches: each empties the cache
        chosen = records[batch * count : (batch + 1) * count]
        for threads, rates in ((1, one), (2, two)):
            shutil.rmtree(cache / "thumbs", ignore_errors=True)
            started = time.perf_counter()
            with ThreadPoolExecutor(threads) as pool:
                list(pool.map(lambda record: photos.thumbnail_of(owner, record), chosen))
            rates.append(len(chosen) / (time.perf_counter() - started))
    return one, two


def measure_gallery(repeats: int = 1, thumbnails: int = PHOTOS) -> list[Measure]:
    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from smp_desktop.core.domain import PhotoView
    from smp_desktop.core.services.client_data import ClientDraft
    from smp_desktop.core.services.photo_data import PhotoImportOptions
    from smp_desktop.core.studio_db import open_studio
    from smp_desktop.paths import StudioPaths
    from smp_desktop.ui.background import BackgroundRunner
    from smp_desktop.ui.controllers.photo_library import PhotoContext
    from smp_desktop.ui.controllers.photos_controller import PhotosController
    from smp_desktop.ui.views.photo_gallery_view import PhotoGalleryView

    app = QApplication.instance() or QApplication([])
    files = photo_files()
    folder = Path(tempfile.mkdtemp(prefix="smp-gallery-"))
    cold: list[float] = []
    warm: list[float] = []
    first_paint: list[float] = []
    tiles_painted: list[float] = []
    thumbs_painted: dict[bool, list[float]] = {True: [], False: []}
    try:
        studio = open_studio(StudioPaths(folder / "studio"))
        owner = studio.services.studio.create("Bench Studio", "Olivia Owner", country="GB")
        client = studio.services.clients.create(owner, ClientDraft(first_name="Jan", last_name="Żółkiewski"))
        photos = studio.services.photos
        steps = photos.import_files(owner, files, PhotoImportOptions(client.id, view=PhotoView.FRONT_HAIRLINE))
        while True:
            try:
                next(steps)
            except StopIteration:
                break
        context = PhotoContext(photos, owner, lambda _id: "Jan Żółkiewski")
        for run in range(repeats * 2):
            if run % 2 == 0:  # cold: the thumbnails are made from the 12-megapixel files
                shutil.rmtree(studio.paths.cache / "thumbs", ignore_errors=True)
            runner = BackgroundRunner(report_error=lambda error: print("error:", error))
            view = PhotoGalleryView()
            view.resize(1280, 800)
            controller = PhotosController(
                view, context, runner, QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
            )
            loaded: set[int] = set()

            controller.thumbnails.loaded.connect(lambda photo_id, seen=loaded: seen.add(photo_id))
            longest = 0.0
            clock = QElapsedTimer()
            last = [0]

            def beat(clock: QElapsedTimer = clock, last: list[int] = last) -> None:
                nonlocal longest
                now = clock.nsecsElapsed()
                longest = max(longest, (now - last[0]) / 1e6)
                last[0] = now

            heartbeat = QTimer()
            heartbeat.setInterval(HEARTBEAT_MS)
            heartbeat.timeout.connect(beat)
            view.show()
            app.processEvents()
            since = [0.0]
            watch = _paint_watch(view.grid.viewport(), since, controller.model, loaded)
            started = since[0] = time.perf_counter()
            clock.start()
            last[0] = 0
            heartbeat.start()
            controller.set_client(client.id)  # the tab is visible: the gallery loads in the background
            painted = None
            scroll = view.grid.verticalScrollBar()
            deadline = time.perf_counter() + 300
            while time.perf_counter() < deadline:
                app.processEvents()
                if painted is None and loaded:
                    painted = time.perf_counter() - started
                requested = controller.thumbnails.requests
                if requested and len(loaded) >= requested:
                    if scroll.value() >= scroll.maximum() and len(loaded) >= PHOTOS:
                        break
                    scroll.setValue(scroll.value() + view.grid.viewport().height())  # the next screenful
                time.sleep(0.001)
            heartbeat.stop()
            (cold if run % 2 == 0 else warm).append(longest)
            first_paint.append(_ms(painted or 0.0))
            tiles_painted.append(_ms(watch.tiles or 0.0))
            thumbs_painted[run % 2 == 0].append(_ms(watch.thumbnails or 0.0))
            if len(loaded) < PHOTOS:
                print(f"gallery bench: only {len(loaded)} of {PHOTOS} thumbnails arrived")
            runner.wait()
            view.close()
            view.deleteLater()
            app.processEvents()
        records = photos.list_for_client(owner, client.id)
        one, two = _thumbnail_rates(photos, owner, studio.paths.cache, records, min(thumbnails, len(records)))
        studio.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    label = f"{PHOTOS} photos of 12 MP"
    rate_one = Measure("thumbnails/s from stored 12 MP photos, 1 thread", "/s", one, stat="median")
    rate_one.extra = {"thumbnails_per_run": float(min(thumbnails, PHOTOS))}
    return [
        Measure(f"gallery longest GUI stall, thumbnails made, {label}", "ms", cold, "≤ 50 ms", 50.0, "max"),
        Measure(f"gallery longest GUI stall, thumbnails cached, {label}", "ms", warm, "≤ 50 ms", 50.0, "max"),
        Measure(f"  gallery open to the first thumbnail, {label}", "ms", first_paint, stat="median"),
        Measure(f"open a client, {PHOTOS} photos, to first tiles painted", "ms", tiles_painted, stat="median"),
        Measure("  to first thumbnails painted (thumbnails made)", "ms", thumbs_painted[True], stat="median"),
        Measure("  to first thumbnails painted (thumbnails cached)", "ms", thumbs_painted[False], stat="median"),
        rate_one,
        Measure("  thumbnails/s, 2 threads", "/s", two, stat="median"),
    ]  # fmt: skip


def _stall_counts() -> tuple[list[tuple[float, dict[str, int]]], object]:
    """--why: the GUI thread's work in each heartbeat gap over 20 ms: how many tiles and headers were painted,
    sizes asked for and thumbnails delivered (the delegate's and the thumbnail cache's methods counted)."""
    import collections

    from PySide6.QtCore import QTimer

    from smp_desktop.ui.models import photo_thumbnails
    from smp_desktop.ui.views import photo_tile_delegate

    counts: collections.Counter[str] = collections.Counter()

    def counted(cls: type, name: str) -> None:
        method = getattr(cls, name)

        def wrapper(self: object, *args: object) -> object:
            counts[name] += 1
            return method(self, *args)

        setattr(cls, name, wrapper)

    counted(photo_tile_delegate.PhotoTileDelegate, "paint")
    counted(photo_tile_delegate.PhotoTileDelegate, "sizeHint")
    counted(photo_thumbnails.ThumbnailCache, "_on_loaded")
    gaps: list[tuple[float, dict[str, int]]] = []
    last = [time.perf_counter(), collections.Counter(counts)]

    def beat() -> None:
        now = time.perf_counter()
        if now - last[0] > 0.02:
            gaps.append(((now - last[0]) * 1000, dict(counts - last[1])))  # type: ignore[operator]
        last[:] = [now, collections.Counter(counts)]

    probe = QTimer()
    probe.setInterval(HEARTBEAT_MS)
    probe.timeout.connect(beat)
    probe.start()
    return gaps, probe


def main() -> int:
    import argparse
    import os

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=1, help="runs of each kind, thumbnails made and cached")
    parser.add_argument("--thumbnails", type=int, default=PHOTOS, help="photos in the throughput measure")
    parser.add_argument("--why", action="store_true", help="say what the GUI thread did in the longest gaps")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    gaps: list[tuple[float, dict[str, int]]] = []
    if args.why:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication([])  # noqa: F841 - the probe's timer needs it
        gaps, _probe = _stall_counts()
    for measure in measure_gallery(args.repeats, args.thumbnails):
        print(f"{measure.name}: max {measure.value('max'):.1f} {measure.unit}, samples {measure.samples}")
    if args.why:
        print("longest gaps between heartbeats (the studio's import before the runs included), with the calls in each:")
        for gap, calls in sorted(gaps, key=lambda g: g[0], reverse=True)[:12]:
            print(f"  {gap:7.1f} ms  {calls}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

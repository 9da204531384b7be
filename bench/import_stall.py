"""Bench: the longest stall of the GUI thread while the app imports 100 twelve-megapixel photos (issue #8: no UI
stall over 50 ms), and the import's rate as the person sees it.

The real path the Photos tab uses: `PhotosController.start_import` opens the import dialog on the files (its first
file's preview loading), its Import button is clicked, `PhotoImportController` runs `PhotoService.import_files` on
the real `BackgroundRunner` with progress and Cancel, and when it is done the gallery behind it reloads and makes
the new photos' tiles. A 2 ms heartbeat `QTimer` on the GUI thread records the longest gap between its ticks, from
the click until the gallery shows every photo and the thumbnails its tiles asked for. The photos are
bench/photo_import.py's camera JPEGs (cached).

Run alone: `.venv/bin/python bench/import_stall.py [--photos N] [--repeats N]`."""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import Measure

HEARTBEAT_MS = 2


class StallSampler:
    """With --why: a thread that, while the heartbeat is late by more than 20 ms, samples the GUI thread's Python
    stack every 2 ms, to say where the stalls are spent (py-spy is not installed on the VM)."""

    def __init__(self) -> None:
        import collections
        import threading

        self.last_beat = time.perf_counter()
        self.stacks: collections.Counter[str] = collections.Counter()
        self._main = threading.main_thread().ident
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        import traceback

        while not self._stop.wait(0.002):
            if time.perf_counter() - self.last_beat < 0.02:
                continue
            frame = sys._current_frames().get(self._main or 0)
            if frame is None:
                continue
            lines = [f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in traceback.extract_stack(frame)[-6:]]
            self.stacks[" <- ".join(reversed(lines))] += 1

    def report(self) -> None:
        total = sum(self.stacks.values())
        print(f"GUI thread samples while the heartbeat was late by > 20 ms: {total}")
        for stack, count in self.stacks.most_common(12):
            print(f"{count:5}  {stack}")


def _import_once(
    files: list[Path], sampler: StallSampler | None = None, gaps: list[tuple[float, float]] | None = None
) -> tuple[float, float, int]:
    """One import into a new studio with the Photos tab open: (longest GUI gap ms, wall seconds to the summary,
    photos imported). gaps, when given, receives (ms since the click, gap ms) for each gap over 15 ms, and
    (ms, -1) when the import's summary arrived."""
    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from smp_desktop.core.services.client_data import ClientDraft
    from smp_desktop.core.studio_db import open_studio
    from smp_desktop.paths import StudioPaths
    from smp_desktop.ui.background import BackgroundRunner
    from smp_desktop.ui.controllers.photo_library import PhotoContext, sessions_source
    from smp_desktop.ui.controllers.photos_controller import PhotosController
    from smp_desktop.ui.views.photo_gallery_view import PhotoGalleryView

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="smp-import-stall-"))
    try:
        with open_studio(StudioPaths(folder / "studio")) as studio:
            owner = studio.services.studio.create("Bench Studio", "Olivia Owner", country="GB")
            client = studio.services.clients.create(owner, ClientDraft(first_name="Jan", last_name="Żółkiewski"))
            context = PhotoContext(
                studio.services.photos,
                owner,
                lambda _id: "Jan Żółkiewski",
                sessions=sessions_source(studio.services.sessions, owner),
            )
            runner = BackgroundRunner(report_error=lambda error: print("error:", error))
            # As in the app: what start-up loaded and made (modules, the open studio) is moved out of the
            # collector's way once the window is up (smp_desktop/start_gc.py), so a full collection during the
            # import walks what was made since, not every module of the process. The tab is built after that.
            gc.freeze()
            view = PhotoGalleryView()
            view.resize(1280, 800)
            controller = PhotosController(
                view, context, runner, QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
            )
            view.show()
            controller.set_client(client.id)
            deadline = time.perf_counter() + 30
            while time.perf_counter() < deadline and not view.name_label.text():  # the empty gallery loaded
                app.processEvents()
                time.sleep(0.001)

            importer = controller.start_import(files)
            if importer is None:
                raise RuntimeError("the import dialog did not open")
            dialog = importer.parent()
            finished: list[object] = []
            importer.finished.connect(finished.append)
            thumbnails: set[int] = set()
            controller.thumbnails.loaded.connect(thumbnails.add)
            for _ in range(50):  # the dialog shown, its first preview asked for: as the person sees it
                app.processEvents()
                time.sleep(0.002)

            clock = QElapsedTimer()
            last = [0]
            longest = [0.0]

            def beat() -> None:
                now = clock.nsecsElapsed()
                gap = (now - last[0]) / 1e6
                longest[0] = max(longest[0], gap)
                if gaps is not None and gap > 15:
                    gaps.append((now / 1e6, gap))
                last[0] = now
                if sampler is not None:
                    sampler.last_beat = time.perf_counter()

            heartbeat = QTimer()
            heartbeat.setInterval(HEARTBEAT_MS)
            heartbeat.timeout.connect(beat)
            clock.start()
            heartbeat.start()
            started = time.perf_counter()
            if sampler is not None:
                sampler.last_beat = started
                sampler.start()
            dialog.import_button.click()  # type: ignore[attr-defined]
            wall = 0.0
            deadline = time.perf_counter() + 600
            while time.perf_counter() < deadline:
                app.processEvents()
                if finished and not wall:
                    wall = time.perf_counter() - started
                    if gaps is not None:
                        gaps.append((clock.nsecsElapsed() / 1e6, -1.0))
                if finished and controller.model.photo_count() >= len(files):
                    break  # the gallery behind the dialog shows the new photos
                time.sleep(0.001)
            settle = time.perf_counter() + 0.3  # the new tiles ask for their thumbnails: until they are shown
            deadline = settle + 60
            while time.perf_counter() < settle or (
                len(thumbnails) < controller.thumbnails.requests and time.perf_counter() < deadline
            ):
                app.processEvents()
                time.sleep(0.001)
            heartbeat.stop()
            if sampler is not None:
                sampler.stop()
            summary = importer.summary
            imported = summary.imported if summary is not None else 0
            runner.wait()
            dialog.close()  # type: ignore[attr-defined]
            view.close()
            view.deleteLater()
            app.processEvents()
    finally:
        gc.unfreeze()  # each run starts as the app would, not with the last run's objects frozen
        shutil.rmtree(folder, ignore_errors=True)
    return longest[0], wall, imported


def measure_import_stall(photos: int = 100, repeats: int = 1) -> list[Measure]:
    from photo_import import photo_set

    files = photo_set(photos, 1)
    for path in files:  # read once: the measure is the app's work, not the disk's first read
        path.read_bytes()
    runs = [_import_once(files) for _ in range(repeats)]
    for _, _, imported in runs:
        if imported != photos:
            print(f"import stall bench: only {imported} of {photos} photos imported", file=sys.stderr)
    label = f"{photos} photos of 12 MP, import dialog"
    rate = Measure(f"  import in the app, {label}", "ms/photo", [1000 * w / photos for _, w, _ in runs], stat="median")
    rate.extra = {"photos_per_second": 1000 / rate.value("median")}
    return [
        Measure(f"import longest GUI stall, {label}", "ms", [s for s, _, _ in runs], "≤ 50 ms", 50.0, "max"),
        rate,
    ]


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--photos", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--why", action="store_true", help="sample the GUI thread's stack during stalls")
    parser.add_argument("--gaps", action="store_true", help="list each gap over 15 ms, with when it began")
    args = parser.parse_args()
    if args.gaps:
        from photo_import import photo_set

        for _ in range(args.repeats):
            gaps: list[tuple[float, float]] = []
            stall, wall, imported = _import_once(photo_set(args.photos, 1), gaps=gaps)
            print(f"longest stall {stall:.1f} ms, {imported} photos in {wall:.1f} s")
            for at, gap in gaps:
                print(f"  {at - max(gap, 0):8.0f} ms  " + ("import summary shown" if gap < 0 else f"gap {gap:.1f} ms"))
        return 0
    if args.why:
        from photo_import import photo_set

        sampler = StallSampler()
        stall, wall, imported = _import_once(photo_set(args.photos, 1), sampler)
        print(f"longest stall {stall:.1f} ms, {imported} photos in {wall:.1f} s")
        sampler.report()
        return 0
    for measure in measure_import_stall(args.photos, args.repeats):
        samples = ", ".join(f"{s:.1f}" for s in measure.samples)
        print(f"{measure.name}: {measure.stat} {measure.value():.1f} {measure.unit}  [{samples}]  goal {measure.goal}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

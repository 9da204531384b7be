"""The benchmark suite: measures user-facing costs on synthetic studios, prints a table against the goals and
writes the results as JSON. Numbers are measured here, never asserted in unit tests.

Run through `bench/run [--quick]`. Each measure runs in this process unless it needs a fresh one (memory).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from backup_restore import measure_backup_and_restore
from documents import measure_aftercare, measure_consent_and_removal
from export import measure_record_export
from gallery import measure_gallery
from import_stall import measure_import_stall
from ink import measure_recall
from measure import Measure, _ms
from photo_import import measure_photo_import
from studios import studio_dir

RESULTS = Path(__file__).resolve().parent / "results"

# Typed as a receptionist would: each prefix is one keystroke. Common and rare names, other scripts, phones, mail.
TYPING = {
    "common": ["smith", "anna", "mohammed", "nguyen", "garcia", "son"],
    "rare": ["zolkiewski", "ødegård", "papadopoulos", "qx", "zzyzx"],
    "scripts": ["王", "иван", "παπα", "محمد"],
    "phone": ["07700", "+48 60", "+44 79"],
    "email": ["example.org", "lukasz."],
}


def measure_search_and_paint(clients: int, repeats: int) -> list[Measure]:
    """Search per keystroke including the view update, and the list's first paint, on a real table view."""
    from PySide6.QtWidgets import QApplication, QTableView

    from smp_desktop.core.studio_db import open_studio
    from smp_desktop.paths import StudioPaths
    from smp_desktop.ui.models.client_list_model import PAGE_SIZE, ClientListModel

    app = QApplication.instance() or QApplication([])
    studio = open_studio(StudioPaths(studio_dir(clients)))
    service = studio.services.clients
    owner = studio.services.studio.owner()

    def new_view() -> tuple[QTableView, ClientListModel]:
        view = QTableView()
        model = ClientListModel(view)
        view.setModel(model)
        view.resize(900, 700)
        return view, model

    # First paint: a new list, its first page fetched and painted.
    paints = []
    for _ in range(repeats * 4):
        view, model = new_view()
        started = time.perf_counter()
        rows, cursor = service.list_page(owner, limit=PAGE_SIZE)
        model.show_browse_page(rows, cursor, lambda after, limit: service.list_page(owner, after=after, limit=limit))
        view.show()
        view.viewport().repaint()
        paints.append(_ms(time.perf_counter() - started))
        view.close()
        view.deleteLater()
        app.processEvents()

    view, model = new_view()
    view.show()
    per_kind: dict[str, list[float]] = {kind: [] for kind in TYPING}
    short, long_ = [], []
    for repeat in range(repeats + 1):
        for kind, words in TYPING.items():
            for word in words:
                for end in range(1, len(word) + 1):
                    query = word[:end]
                    started = time.perf_counter()
                    result = service.search(owner, query)
                    model.show_search_results(result.rows, more=result.more)
                    view.viewport().repaint()
                    elapsed = _ms(time.perf_counter() - started)
                    if repeat == 0:
                        continue  # warm-up pass: the page cache, as after the app has been open a while
                    per_kind[kind].append(elapsed)
                    (short if len(query) <= 3 else long_).append(elapsed)
    studio.close()
    every = [s for samples in per_kind.values() for s in samples]
    label = f"{clients:,} clients"
    measures = [
        Measure(f"search per keystroke, {label}", "ms", every, "p95 ≤ 8 ms", 8.0),
        Measure(f"  search, 1–3 characters, {label}", "ms", short),
        Measure(f"  search, 4+ characters, {label}", "ms", long_),
    ]
    measures += [Measure(f"  search, {kind} terms, {label}", "ms", s) for kind, s in per_kind.items()]
    measures.append(Measure(f"client list first paint, {label}", "ms", paints, "p95 ≤ 50 ms", 50.0))
    return measures


def measure_rss(clients: int) -> Measure:
    """Peak memory of a fresh process with the studio open, the list painted and a few searches done."""
    code = f"""
import resource, sys
sys.path.insert(0, {str(Path(__file__).resolve().parent)!r})
from PySide6.QtWidgets import QApplication, QTableView
from backup_restore import measure_backup_and_restore
from measure import Measure, _ms
from studios import studio_dir
from smp_desktop.core.studio_db import open_studio
from smp_desktop.paths import StudioPaths
from smp_desktop.ui.models.client_list_model import PAGE_SIZE, ClientListModel
app = QApplication([])
studio = open_studio(StudioPaths(studio_dir({clients})))
service, owner = studio.services.clients, studio.services.studio.owner()
view = QTableView(); model = ClientListModel(view); view.setModel(model); view.resize(900, 700); view.show()
rows, cursor = service.list_page(owner, limit=PAGE_SIZE)
model.show_browse_page(rows, cursor, lambda a, l: service.list_page(owner, after=a, limit=l))
view.viewport().repaint()
for q in ("a", "an", "ann", "anna", "smith", "07700"):
    r = service.search(owner, q); model.show_search_results(r.rows, more=r.more); view.viewport().repaint()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return Measure(
        f"peak memory with the list open, {clients:,} clients", "MB", [float(out.split()[-1])], "≤ 200 MB", 200.0, "max"
    )


FLOOR_SCRIPT = """
import sys, time
from pathlib import Path
import sqlalchemy, sqlalchemy.orm  # noqa: F401  the floor imports what any SQLAlchemy app must
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv)
window, table, model = QMainWindow(), QTableView(), QStandardItemModel(30, 3)
for r in range(30):
    for c in range(3):
        model.setItem(r, c, QStandardItem(f"row {r} column {c}"))
table.setModel(model)
window.setCentralWidget(table)
window.resize(1280, 800)
window.show()
app.processEvents()
table.viewport().repaint()
Path(sys.argv[1]).write_text(f"{time.time():.6f}")
"""


def measure_cold_start(clients: int, repeats: int) -> Measure:
    """Process start to the client list painted, against a bare PySide6 window + SQLAlchemy in the same run."""
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "studio"
        shutil.copytree(studio_dir(clients), data, ignore=shutil.ignore_patterns(".complete"))
        mark = Path(folder) / "mark"
        # Both processes run from compiled bytecode, as the installed app does (PyInstaller ships it; pip compiles
        # on install): with PYTHONDONTWRITEBYTECODE set (as in the development shells) the app's own modules were
        # compiled from source at every start (~0.15 s) while the floor's libraries had theirs. The warm-up runs
        # below write the bytecode into the temporary folder, never into the source tree.
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        env |= {"QT_QPA_PLATFORM": "offscreen", "SMP_STARTUP_PROBE": str(mark), "XDG_CONFIG_HOME": folder,
                "PYTHONPYCACHEPREFIX": str(Path(folder) / "bytecode")}  # fmt: skip
        app_cmd = [sys.executable, "-m", "smp_desktop", "--data-dir", str(data)]
        floor_cmd = [sys.executable, "-c", FLOOR_SCRIPT, str(mark)]

        def once(cmd: list[str]) -> float:
            mark.unlink(missing_ok=True)
            started = time.time()
            subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            return _ms(float(mark.read_text()) - started)

        once(app_cmd), once(floor_cmd)  # warm the OS file cache: "cold" is a new process, not a cold disk
        app, floor = [], []
        for _ in range(repeats):
            app.append(once(app_cmd))
            floor.append(once(floor_cmd))
    measure = Measure(
        f"cold start to a painted client list, {clients:,} clients", "ms", app, "≤ 1.3× floor", 1.3, "median"
    )
    measure.floor = statistics.median(floor)
    measure.extra = {"floor_p95": sorted(floor)[-1]}
    return measure


def print_table(measures: list[Measure]) -> None:
    header = f"{'measure':58} {'median':>9} {'p95':>9} {'spread':>17} {'floor':>8} {'ratio':>6}  goal"
    print(header)
    print("-" * len(header))
    for m in measures:
        spread = f"{min(m.samples):.2f}–{max(m.samples):.2f}"
        floor = f"{m.floor:.2f}" if m.floor else ""
        ratio = f"{m.ratio:.2f}" if m.ratio else ""
        verdict = "" if m.met is None else ("ok" if m.met else "MISSED")
        goal = f"{m.goal} {verdict}".strip()
        print(
            f"{m.name:58} {m.value('median'):>9.2f} {m.value('p95'):>9.2f} {spread:>17} {floor:>8} {ratio:>6}  {goal}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repeats and sizes (a few minutes)")
    parser.add_argument("--out", type=Path, help="JSON results file (default bench/results/<time>.json)")
    args = parser.parse_args(argv)

    repeats = 3 if args.quick else 10
    steps: list[Callable[[], list[Measure]]] = [
        lambda: [measure_cold_start(10_000, 3 if args.quick else 9)],
        lambda: measure_search_and_paint(100_000, repeats),
        lambda: [measure_rss(100_000)],
        lambda: measure_backup_and_restore(10_000, 1 if args.quick else 3),
        lambda: measure_gallery(1 if args.quick else 3, 50 if args.quick else 200),
        lambda: measure_recall(10_000, 3 if args.quick else 10),
        lambda: measure_photo_import(60 if args.quick else 120, 2 if args.quick else 5),
        lambda: measure_import_stall(30 if args.quick else 100, 1 if args.quick else 3),
        lambda: measure_aftercare(10 if args.quick else 30),
        lambda: measure_consent_and_removal(5 if args.quick else 20),
        lambda: measure_record_export(2 if args.quick else 5),
    ]
    if not args.quick:
        steps.insert(0, lambda: measure_search_and_paint(10_000, repeats))
        steps.insert(0, lambda: measure_search_and_paint(1_000, repeats))
    measures: list[Measure] = []
    failed: list[str] = []
    for step in steps:
        try:
            measures.extend(step())
        except Exception as exc:  # one broken area (a tree mid-edit) must not lose the other measures of a long run
            traceback.print_exc()
            failed.append(f"{exc.__class__.__name__}: {exc}")

    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = args.out or RESULTS / f"{stamp}.json"
    out.write_text(
        json.dumps(
            {
                "when": stamp,
                "mode": "quick" if args.quick else "full",
                "machine": {"python": platform.python_version(), "platform": platform.platform()},
                "failed": failed,
                "measures": [
                    {**asdict(m), "median": m.value("median"), "p95": m.value("p95"), "ratio": m.ratio, "met": m.met}
                    for m in measures
                ],
            },
            indent=2,
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    print_table(measures)
    print(f"\nresults: {out}")
    for failure in failed:
        print(f"step failed (its measures are missing): {failure}")
    goals = [m for m in measures if m.met is not None]
    print(f"goals met: {sum(bool(m.met) for m in goals)}/{len(goals)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

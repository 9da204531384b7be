"""Bench: a recall over a studio of 10,000 clients answers within a second (issue #4).

A copy of the cached demo studio gets one lot that went into a fifth of all the clients' treated zones (a
bottle of a popular shade over many months is the worst case a studio meets), then the recall is timed as the
person meets it: marking the lot recalled and getting back every client and session with contact details, and
opening the recall screen's list again later (the query alone, with the contact log).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from datetime import date
from pathlib import Path

from measure import Measure, _ms
from studios import studio_dir

SHARE = 5  # every 5th client received the lot


def measure_recall(clients: int = 10_000, repeats: int = 10) -> list[Measure]:
    from sqlalchemy import text

    from smp_desktop.core.ink import LABEL_FIELDS, LabelCheck
    from smp_desktop.core.services.ink_data import LotDraft, ProductDraft
    from smp_desktop.core.studio_db import open_studio
    from smp_desktop.paths import StudioPaths

    work = Path(tempfile.mkdtemp(prefix="smp-bench-recall-"))
    try:
        root = work / "studio"
        shutil.copytree(studio_dir(clients), root)
        recall_ms: list[float] = []
        report_ms: list[float] = []
        affected = sessions = 0
        with open_studio(StudioPaths(root)) as studio:
            owner = studio.services.studio.owner()
            ink = studio.services.ink
            checks = dict.fromkeys(LABEL_FIELDS, LabelCheck.PRESENT)
            product = ink.save_product(owner, ProductDraft("Bench Pigments", "Recall Black"))
            lot_ids = []
            for n in range(repeats):
                lot = ink.save_lot(owner, LotDraft(product.id, f"BENCH-{n}", **checks))  # type: ignore[arg-type]
                lot_ids.append(lot.id)
                with studio.engine.begin() as connection:
                    connection.execute(
                        text(
                            "UPDATE session_zone SET lot_id = :lot WHERE session_id IN (SELECT id FROM "
                            "treatment_session WHERE client_id % :share = :n % :share AND status = 'completed')"
                        ),
                        {"lot": lot.id, "share": SHARE, "n": n},
                    )
            for lot_id in lot_ids:
                started = time.perf_counter()
                report = ink.recall(owner, lot_id, "Supplier notice: bench", recalled_on=date.today())
                recall_ms.append(_ms(time.perf_counter() - started))
                affected, sessions = len(report.clients), report.session_count
            for lot_id in lot_ids:
                started = time.perf_counter()
                ink.recall_report(owner, lot_id)
                report_ms.append(_ms(time.perf_counter() - started))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    label = f"{clients:,} clients, {affected:,} affected in {sessions:,} sessions"
    return [
        Measure(f"recall a lot and list its clients, {label}", "ms", recall_ms, "p95 ≤ 1000 ms", 1000.0),
        Measure(f"  recall list again (with contact log), {label}", "ms", report_ms, "p95 ≤ 1000 ms", 1000.0),
    ]


if __name__ == "__main__":
    for measure in measure_recall(repeats=3):
        print(f"{measure.name}: p95 {measure.value():.0f} ms (median {measure.value('median'):.0f} ms)")

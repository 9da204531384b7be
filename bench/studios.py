"""Synthetic studios for the benchmark, built with `smp-desktop demo` and cached between runs."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

CACHE = Path(__file__).resolve().parent / ".cache"
SEED = 7


def studio_dir(clients: int) -> Path:
    """The data folder of a demo studio with this many clients, generating it on first use. The schema's revision
    is part of the name: a new schema (with its richer demo) builds new studios instead of upgrading old ones."""
    from smp_desktop.core.db.migrate import SCHEMA_HEAD

    folder = CACHE / f"studio-{clients}-seed{SEED}-schema{SCHEMA_HEAD}"
    marker = folder / ".complete"
    if marker.exists():
        return folder
    if folder.exists():  # an interrupted generation: start again
        for path in sorted(folder.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
    started = time.perf_counter()
    print(f"generating a demo studio of {clients:,} clients (cached in {folder}) ...", file=sys.stderr, flush=True)
    subprocess.run(
        [sys.executable, "-m", "smp_desktop", "--data-dir", str(folder), "demo", "--clients", str(clients),
         "--seed", str(SEED)],
        check=True,
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    marker.write_text(f"{time.perf_counter() - started:.1f} s to generate\n")
    return folder

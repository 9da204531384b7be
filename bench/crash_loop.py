"""The long crash-safety loop: `.venv/bin/python bench/crash_loop.py --runs 1000` kills a writer (kill -9) at random
moments RUNS times and checks the studio against the writer's ledger after every kill (tests/crash_writer.py).
The test suite runs the same harness 25 times. Exit code 0 when every check passed, 1 at the first failure (its
data folder and ledger are kept for a look)."""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import crash_writer  # tests/, put on the path above


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=1000, help="kills to make (1000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed for the kill moments and the writes")
    parser.add_argument("--most", type=float, default=0.5, help="longest time a writer lives, in seconds (0.5)")
    parser.add_argument("--folder", type=Path, help="where to keep the studio and ledger (default: a new temp dir)")
    args = parser.parse_args(argv)
    folder = args.folder or Path(tempfile.mkdtemp(prefix="smp-crash-loop-"))
    data_dir, ledger = folder / "studio", folder / "ledger.jsonl"
    if not data_dir.exists():
        crash_writer.new_studio(data_dir)
    rng = random.Random(args.seed)
    started = time.perf_counter()
    for run in range(1, args.runs + 1):
        crash_writer.crash_run(data_dir, ledger, run, rng, most=args.most)
        problems = crash_writer.verify(data_dir, ledger)
        if problems:
            print(f"kill {run}: {len(problems)} problem(s); studio and ledger kept in {folder}", file=sys.stderr)
            for problem in problems[:20]:
                print(f"  - {problem}", file=sys.stderr)
            return 1
        if run % 50 == 0 or run == args.runs:
            entries = crash_writer.read_ledger(ledger)
            confirmed = sum(1 for e in entries if e.get("done"))
            print(
                f"{run}/{args.runs} kills, {confirmed} confirmed writes, all present and exact; "
                f"{time.perf_counter() - started:.0f} s",
                flush=True,
            )
    print(f"passed: {args.runs} kills, nothing confirmed was lost (studio in {folder})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

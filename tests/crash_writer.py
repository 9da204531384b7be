"""The crash-safety harness: a writer process making mixed client writes through the real services, killed (kill -9) at
random moments, and the check that follows each kill. Writes are client creates, updates and archives, and photo
imports (a small JPEG made on the spot, stored in the photo store then recorded). The writer appends two ledger
lines per write, each flushed and fsync'd: the intent before the service call and the confirmation after it returned
(what the person was told was saved, as the service returned it). A kill can land between the two: that one write
may or may not be in the database, and both are accepted. Every confirmed write must be there exactly; nothing else
may be.

Run as a process: `python tests/crash_writer.py DATA_DIR LEDGER RUN SEED` (prints "ready", then writes until
killed). `crash_run` starts and kills one; `Writers().crash_run` the same, each writer forked from one parent that
imported the app once (no interpreter start per kill); `verify` checks the studio against the ledger. Used by
tests/test_faults_crash.py (a short loop) and bench/crash_loop.py (the long one)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

from PIL import Image

from smp_desktop.core.domain import PhotoView
from smp_desktop.core.progress import run_to_end
from smp_desktop.core.services.client_data import ClientDraft, ClientRecord
from smp_desktop.core.services.photo_data import PhotoImportOptions
from smp_desktop.core.studio_db import open_studio
from smp_desktop.paths import StudioPaths

FIRST = ["Zoë", "Łucja", "Søren", "Νίκος", "太郎", "Ngọc Anh", "Şebnem", "Ólafur", "Дмитрий", "محمد", "Ana", "O'Neil"]
LAST = ["Ørsted", "Żółkiewski", "Παπαδόπουλος", "山田", "Nguyễn", "Yılmaz", "Guðmundsson", "Соколов", "الحسن", "Núñez"]
CITIES = ["Kraków", "Thessaloníki", "大阪市", "Hà Nội", "İzmir", "Reykjavík", "Москва", "القاهرة", "São Paulo", ""]
NOTES = [
    "Prefers mornings.\nNervous about needles.",
    "Allergie: Latex — bitte Handschuhe aus Nitril.",
    "予約は午後のみ。\n二回目のセッションで濃くする。",
    "يفضل المواعيد المسائية",
    "Flare-up after sun 🌞; skip session if red.",
    "",
]
FIELDS = ("first_name", "last_name", "preferred_name", "city", "notes")
State = dict[str, Any]  # FIELDS + "archived"


# --- the writer process ---------------------------------------------------------------------------------------


def _state(record: ClientRecord) -> State:
    state: State = {name: getattr(record.draft, name) for name in FIELDS}
    state["archived"] = record.archived
    return state


def _draft(state: State) -> ClientDraft:
    return ClientDraft(**{name: state[name] for name in FIELDS})


def _new_fields(rng: random.Random, token: str) -> State:
    notes = rng.choice(NOTES)
    return {
        "first_name": rng.choice(FIRST),
        "last_name": rng.choice(LAST),
        "preferred_name": token,  # unique and searchable: finds this write's client again
        "city": rng.choice(CITIES),
        "notes": f"{notes}\n{token}" if notes else token,
    }


class Ledger:
    def __init__(self, path: Path) -> None:
        self._file = open(path, "a", encoding="utf-8")  # noqa: SIM115 - open for the writer's whole life

    def append(self, entry: dict[str, Any]) -> None:
        self._file.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._file.flush()
        os.fsync(self._file.fileno())


def write_until_killed(data_dir: Path, ledger_path: Path, run: int, seed: int) -> None:
    rng = random.Random(seed)
    known = expected_states(read_ledger(ledger_path))[0]  # confirmed clients: the ones this writer may change
    states = {client_id: options[0] for client_id, options in known.items()}
    ledger = Ledger(ledger_path)
    with open_studio(StudioPaths(data_dir)) as studio:
        owner = studio.services.studio.owner()
        clients = studio.services.clients
        print("ready", flush=True)
        for op in range(1, 1_000_000):
            token = f"r{run}o{op}x"
            kind = "create" if len(states) < 5 or rng.random() < 0.4 else rng.choice(["update", "update", "archive"])
            if len(states) >= 5 and rng.random() < 0.15:
                kind = "photo"
            entry: dict[str, Any] = {"run": run, "op": op, "kind": kind}
            if kind == "photo":
                _import_photo(studio, owner, rng.choice(sorted(states)), ledger, entry, data_dir.parent / token, rng)
                continue
            if kind == "create":
                wanted = {**_new_fields(rng, token), "archived": False}
                ledger.append({**entry, "id": None, "state": wanted})
                record = clients.create(owner, _draft(wanted), allow_duplicate=True)
            elif kind == "update":
                client_id = rng.choice(sorted(states))
                wanted = {**states[client_id], **_new_fields(rng, token)}
                ledger.append({**entry, "id": client_id, "state": wanted})
                record = clients.update(owner, client_id, _draft(wanted))
            else:
                client_id = rng.choice(sorted(states))
                wanted = {**states[client_id], "archived": not states[client_id]["archived"]}
                ledger.append({**entry, "id": client_id, "state": wanted})
                record = clients.set_archived(owner, client_id, wanted["archived"])
            states[record.id] = _state(record)
            ledger.append({**entry, "id": record.id, "done": True, "state": states[record.id]})


def _import_photo(
    studio: Any, owner: Any, client_id: int, ledger: Ledger, entry: dict[str, Any], folder: Path, rng: random.Random
) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "shot.jpg"
    Image.frombytes("RGB", (48, 32), rng.randbytes(48 * 32 * 3)).save(source, quality=90)
    ledger.append({**entry, "id": client_id})
    options = PhotoImportOptions(client_id, view=PhotoView.CROWN)
    (outcome,) = run_to_end(studio.services.photos.import_files(owner, [source], options)).files
    assert outcome.photo is not None, outcome.reason
    photo = outcome.photo
    ledger.append({**entry, "id": client_id, "done": True, "photo": photo.id, "hash": photo.content_hash})


# --- reading the ledger and checking the studio against it ---------------------------------------------------


def read_ledger(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    entries = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        try:
            entries.append(json.loads(line))
        except json.JSONDecodeError:
            if number != len(lines) - 1:  # only the very last line can be cut by a kill
                raise
    return entries


def expected_photos(entries: list[dict[str, Any]]) -> tuple[dict[int, tuple[int, str]], int]:
    """Confirmed photo imports (photo id: client id, content hash), and how many were begun but never confirmed
    (each may have left a photo, or a file no record names yet)."""
    photos = [e for e in entries if e["kind"] == "photo"]
    confirmed = {e["photo"]: (e["id"], e["hash"]) for e in photos if e.get("done")}
    return confirmed, sum(1 for e in photos if not e.get("done")) - len(confirmed)


def expected_states(entries: list[dict[str, Any]]) -> tuple[dict[int, list[State]], list[State]]:
    """Per confirmed client, the states it may be in (the confirmed one first); and the states of creates that
    were attempted but never confirmed (each may or may not exist)."""
    entries = [e for e in entries if e["kind"] != "photo"]
    states: dict[int, list[State]] = {}
    maybe_created: list[State] = []
    open_intent: dict[str, Any] | None = None

    def unconfirmed(intent: dict[str, Any]) -> None:
        if intent["kind"] == "create":
            maybe_created.append(intent["state"])
            return
        wanted = intent["state"]  # an archive changes only the flag; an update only the fields
        changed = {"archived": wanted["archived"]} if intent["kind"] == "archive" else {k: wanted[k] for k in FIELDS}
        current = states[intent["id"]]
        current.extend(s for s in ({**s, **changed} for s in list(current)) if s not in current)

    for entry in entries:
        if not entry.get("done"):
            if open_intent is not None:  # the previous run was killed between this intent and its confirmation
                unconfirmed(open_intent)
            open_intent = entry
            continue
        assert open_intent is not None and (open_intent["run"], open_intent["op"]) == (entry["run"], entry["op"])
        states[entry["id"]] = [entry["state"]]
        open_intent = None
    if open_intent is not None:
        unconfirmed(open_intent)
    return states, maybe_created


def verify(data_dir: Path, ledger_path: Path) -> list[str]:
    """Problems found after a kill: integrity, the full health check, and every confirmed write, exactly."""
    entries = read_ledger(ledger_path)
    states, maybe_created = expected_states(entries)
    photos, photos_cut_off = expected_photos(entries)
    problems: list[str] = []
    with open_studio(StudioPaths(data_dir)) as studio:
        with studio.engine.connect() as connection:
            integrity = connection.exec_driver_sql("PRAGMA integrity_check").scalar_one()
        if integrity != "ok":
            problems.append(f"integrity_check: {integrity}")
        # An import cut off between its file and its record leaves a whole photo no record names (never half a
        # file under a photo's name): the check reports it, and only as many as imports were cut off.
        found_problems = studio.services.maintenance.check().problems
        strays = [p for p in found_problems if "is an orphan file" in p or "is an unfinished copy" in p]
        problems.extend(p for p in found_problems if p not in strays)
        if len(strays) > photos_cut_off:
            problems.extend(strays)
        owner = studio.services.studio.owner()
        recorded = {
            photo.id: (photo.client_id, photo.content_hash)
            for client_id in {client for client, _ in photos.values()}
            for photo in studio.services.photos.list_for_client(owner, client_id)
        }
        for photo_id, (client_id, content_hash) in photos.items():
            if recorded.get(photo_id) != (client_id, content_hash):
                problems.append(f"confirmed photo #{photo_id} of client #{client_id} is missing or changed")
        with studio.engine.connect() as connection:
            stored = connection.exec_driver_sql("SELECT count(*) FROM photo").scalar_one()
        if stored - len(photos) > photos_cut_off:
            problems.append(f"{stored - len(photos)} photos were never confirmed, but only {photos_cut_off} cut off")
        clients = studio.services.clients
        found = {record.id: _state(record) for record in clients.iter_records(owner)}
        for client_id, options in states.items():
            if client_id not in found:
                problems.append(f"confirmed client #{client_id} is missing")
            elif found[client_id] not in options:
                problems.append(f"client #{client_id} is {found[client_id]}, but the ledger confirmed {options[0]}")
        for client_id in found.keys() - states.keys():
            if found[client_id] not in maybe_created:
                problems.append(f"client #{client_id} {found[client_id]} was never written by the writer")
            else:
                maybe_created.remove(found[client_id])
        for client_id, options in list(states.items())[-3:]:  # the search index finds the newest writes
            token = options[0]["preferred_name"]
            rows = clients.search(owner, token, include_archived=True).rows
            if (
                client_id in found
                and found[client_id]["preferred_name"] == token
                and client_id not in [r.id for r in rows]
            ):
                problems.append(f"search for {token!r} does not find client #{client_id}")
    return problems


def _confirmed_count(ledger: Path) -> int:
    """Confirmation lines in the ledger so far (a line cut by a kill is never one: "done" comes before "state")."""
    try:
        return ledger.read_bytes().count(b'"done": true')
    except FileNotFoundError:
        return 0


def crash_run(data_dir: Path, ledger: Path, run: int, rng: random.Random, *, most: float = 0.4) -> None:
    """Start a writer, let it write for a random moment (0 to `most` seconds), kill -9 it."""
    writer = subprocess.Popen(
        [sys.executable, __file__, str(data_dir), str(ledger), str(run), str(rng.randrange(2**32))],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None and writer.stderr is not None
    if writer.stdout.readline().strip() != "ready":
        writer.wait(timeout=60)
        raise RuntimeError(f"the writer did not start: {writer.stderr.read()}")
    time.sleep(rng.uniform(0, most))
    if writer.poll() is not None:
        raise RuntimeError(f"the writer stopped by itself: {writer.stderr.read()}")
    writer.kill()  # SIGKILL: no clean-up, no atexit, no flush
    writer.wait(timeout=60)
    writer.stdout.close()
    writer.stderr.close()


def new_studio(data_dir: Path) -> None:
    with open_studio(StudioPaths(data_dir)) as studio:
        studio.services.studio.create("Crash Test Studio", "Owner", country="PL")


def _fork_writers() -> None:
    """The forking parent (`python tests/crash_writer.py --forks`): imports everything once, prints "ready", then
    for every line "DATA_DIR<TAB>LEDGER<TAB>RUN<TAB>SEED" on stdin forks a writer (which prints "pid N" and, once
    its studio is open, "ready"), waits for it to end and prints "ended CODE" (-9 after kill -9)."""
    print("ready", flush=True)
    while line := sys.stdin.readline():
        data_dir, ledger, run, seed = line.rstrip("\n").split("\t")
        pid = os.fork()
        if pid == 0:  # the writer: a process of its own, with its own database connection
            try:
                print(f"pid {os.getpid()}", flush=True)
                write_until_killed(Path(data_dir), Path(ledger), int(run), int(seed))
            except BaseException:
                traceback.print_exc()
                sys.stderr.flush()
            finally:
                os._exit(1)  # it only ever ends by the kill: anything else is reported as it ending by itself
        _, status = os.waitpid(pid, 0)
        print(f"ended {os.waitstatus_to_exitcode(status)}", flush=True)


class Writers:
    """Writer processes forked from one parent that has imported the app once: each writer is a process of its own,
    killed with SIGKILL as crash_run's, without paying Python's start and the app's imports (seconds) every run."""

    def __init__(self) -> None:
        self._errors = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115 - closed by close()
        self._parent = subprocess.Popen(
            [sys.executable, __file__, "--forks"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._errors,
            text=True,
        )
        if self._line() != "ready":
            raise RuntimeError(f"the forking parent did not start: {self._stderr()}")

    def _line(self) -> str:
        assert self._parent.stdout is not None
        return self._parent.stdout.readline().strip()

    def _stderr(self) -> str:
        self._errors.seek(0)
        return self._errors.read()

    def crash_run(self, data_dir: Path, ledger: Path, run: int, rng: random.Random, *, writes: int = 6) -> int:
        """A writer is killed (kill -9) at a random moment of its work: once it has confirmed a random number of
        writes (0 to `writes`), a random 0-50 ms later, wherever it then is (inside a write, between two, inside a
        photo import). Counted in writes, not seconds, so that a loaded machine still gets as much written between
        the kills. Returns how many writes it was let confirm."""
        assert self._parent.stdin is not None
        done_before = _confirmed_count(ledger)
        self._parent.stdin.write(f"{data_dir}\t{ledger}\t{run}\t{rng.randrange(2**32)}\n")
        self._parent.stdin.flush()
        said = dict(self._line().partition(" ")[::2] for _ in range(2))  # "pid N" and "ready", in either order
        if "ready" not in said or "pid" not in said:
            raise RuntimeError(f"the writer did not start: {said} {self._stderr()}")
        wanted, deadline = rng.randrange(writes + 1), time.monotonic() + 120
        while _confirmed_count(ledger) - done_before < wanted:
            if time.monotonic() > deadline:
                raise RuntimeError(f"the writer confirmed no more writes in 2 minutes: {self._stderr()}")
            time.sleep(0.002)
        time.sleep(rng.uniform(0, 0.05))
        os.kill(int(said["pid"]), signal.SIGKILL)  # no clean-up, no atexit, no flush
        ended = self._line()
        if ended != f"ended {-signal.SIGKILL}":  # it had ended before the kill
            raise RuntimeError(f"the writer stopped by itself ({ended}): {self._stderr()}")
        return wanted

    def close(self) -> None:
        assert self._parent.stdin is not None and self._parent.stdout is not None
        self._parent.stdin.close()
        self._parent.wait(timeout=60)
        self._parent.stdout.close()
        self._errors.close()

    def __enter__(self) -> Writers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


if __name__ == "__main__":
    if sys.argv[1:] == ["--forks"]:
        _fork_writers()
    else:
        write_until_killed(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))

"""`smp-desktop document record` and `smp-desktop export subject`: a client's whole record as one PDF, and
everything held on a client as one ZIP (the data-subject export), from the command line.

    document record --client ID --out FILE.pdf [--with-health] [--with-photos]
    export subject --client ID --out FILE.zip

Both run as the studio's owner, through the same ExportService as the app (the same checks, the same audit
event), write their file atomically (Ctrl+C or an error leaves no half-written file) and exit 1 with
`error: <sentence>` when the client is unknown or the file cannot be written. The export exits 1 too when a
photo or document file was missing from the studio's folders (the ZIP is written without it; each is named on
stderr)."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from smp_desktop.core.progress import Progress, run_to_end

if TYPE_CHECKING:
    from smp_desktop.core.services.exports import ExportService
    from smp_desktop.core.studio_db import OpenStudio

T = TypeVar("T")


def add_record_parser(
    actions: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """`document record`, added to the `document` group (cli_documents.py)."""
    record = actions.add_parser(
        "record",
        parents=[common],
        help="a client's whole record as one PDF with bookmarks",
        description="Write a client's whole record as one PDF: identity and profile, screening, consents, every "
        "session with its zones, lots and dilutions, removal plans; health answers and photos (with the hairline "
        "design) only when asked for.",
    )
    record.add_argument("--client", type=int, required=True, metavar="ID", help="the client's number")
    record.add_argument("--out", type=Path, required=True, metavar="FILE.pdf", help="the PDF file to write")
    record.add_argument("--with-health", action="store_true", help="include health answers and the clinical profile")
    record.add_argument("--with-photos", action="store_true", help="include the photos and hairline designs")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    export = commands.add_parser("export", parents=[common], help="export everything held on a client")
    actions = export.add_subparsers(dest="export_command", metavar="ACTION", required=True)
    subject = actions.add_parser(
        "subject",
        parents=[common],
        help="everything held on one client as a ZIP (data-subject access request)",
        description="Write everything the studio holds on one client to a ZIP: the record as PDF, the data as JSON "
        "and CSV, the original photos, every stored document, and manifest.json with the SHA-256 of each file.",
    )
    subject.add_argument("--client", type=int, required=True, metavar="ID", help="the client's number")
    subject.add_argument("--out", type=Path, required=True, metavar="FILE.zip", help="the ZIP file to write")


def exports_for(studio: OpenStudio) -> ExportService:
    from smp_desktop.core.services.exports import ExportService

    return ExportService(studio.sessions, studio.paths)


def record(args: argparse.Namespace, open_studio: Callable[[], OpenStudio], fail: type[Exception]) -> int:
    from smp_desktop.core.services.exports import RecordOptions

    out = _checked_out(args.out, ".pdf", fail)
    options = RecordOptions(with_health=args.with_health, with_photos=args.with_photos)
    with open_studio() as studio:
        actor = studio.services.studio.owner()
        result = _run(
            fail, lambda stop: exports_for(studio).record_pdf(actor, args.client, out, options, should_stop=stop)
        )
    if result is None:
        print("Stopped: nothing was written.", file=sys.stderr)
        return 1
    what = ", ".join(
        (
            "with health answers" if options.with_health else "without health answers",
            "with photos" if options.with_photos else "without photos",
        )
    )
    print(f"Wrote {out}: the record of {result.client_name} (#{result.client_id}), {what}, {_size(result.size_bytes)}.")
    return 0


def subject(args: argparse.Namespace, open_studio: Callable[[], OpenStudio], fail: type[Exception]) -> int:
    out = _checked_out(args.out, ".zip", fail)
    with open_studio() as studio:
        actor = studio.services.studio.owner()
        result = _run(fail, lambda stop: exports_for(studio).subject_export(actor, args.client, out, should_stop=stop))
    if result is None:
        print("Stopped: nothing was written.", file=sys.stderr)
        return 1
    for problem in result.problems:
        print(f"warning: {problem}", file=sys.stderr)
    print(f"Wrote {out}: everything held on {result.client_name} (#{result.client_id}), {_size(result.size_bytes)}.")
    return 1 if result.problems else 0


def _run(fail: type[Exception], start: Callable[[Callable[[], bool]], Generator[Progress, None, T]]) -> T:
    from smp_desktop.core.services.errors import NotFound

    with _stop_on_interrupt() as stop:
        try:
            return run_to_end(start(stop.is_set))
        except NotFound as exc:
            raise fail(f"{exc} Find the client's number with `clients search`.") from exc
        except OSError as exc:
            raise fail(f"The file could not be written ({exc.strerror or exc}); nothing was written.") from exc


@contextmanager
def _stop_on_interrupt() -> Iterator[threading.Event]:
    """Ctrl+C asks the export to stop between files: the partial file is removed, nothing is half-written."""
    stop = threading.Event()
    try:
        previous = signal.signal(signal.SIGINT, lambda *_: stop.set())
    except ValueError:  # not the main thread (an embedding program): Ctrl+C keeps its usual meaning
        yield stop
        return
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


def _checked_out(out: Path, suffix: str, fail: type[Exception]) -> Path:
    if out.is_dir():
        raise fail(f"{out} is a folder; give the file's name, e.g. {out / ('record' + suffix)}.")
    if not out.parent.exists():
        raise fail(f"The folder {out.parent} does not exist; create it or choose another.")
    return out


def _size(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KB", "MB"):
        if value < 1024:
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"


ACTIONS = ("subject",)

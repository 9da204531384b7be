"""`smp-desktop photos import`: photos into a client's library from the command line, one line per file."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from smp_desktop.core.domain import PhotoView
from smp_desktop.core.progress import run_to_end

if TYPE_CHECKING:
    from smp_desktop.core.services.photo_data import ImportedFile
    from smp_desktop.core.studio_db import OpenStudio

VIEWS = tuple(view.value for view in PhotoView)


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    photos = commands.add_parser("photos", parents=[common], help="import scalp photos into a client's record")
    photo_commands = photos.add_subparsers(dest="photos_command", metavar="ACTION", required=True)
    imp = photo_commands.add_parser(
        "import",
        parents=[common],
        help="import JPEG, PNG, WebP or HEIC photos (files or whole folders) for one client",
        description="Import photos for a client. Each is stored upright with its location and device data "
        "removed. Prints one line per file; exits 1 when any file was rejected.",
    )
    imp.add_argument("--client", type=int, required=True, metavar="ID", help="the client's number")
    imp.add_argument("--session", type=int, metavar="ID", help="the treatment session the photos belong to")
    imp.add_argument(
        "--view",
        choices=VIEWS,
        default=PhotoView.OTHER.value,
        metavar="VIEW",
        help=f"the view the photos show: {', '.join(VIEWS)} (default: other)",
    )
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE", help="photo files, or folders to import from")


def import_photos(args: argparse.Namespace, open_studio: Callable[[], OpenStudio], fail: type[Exception]) -> int:
    from smp_desktop.core.services.errors import NotFound, ValidationFailed
    from smp_desktop.core.services.photo_data import PhotoImportOptions

    with open_studio() as studio:
        actor = studio.services.studio.owner()
        photos = studio.services.photos
        try:
            client = studio.services.clients.get(actor, args.client)
        except NotFound as exc:
            raise fail(f"{exc} Find the client's number with `clients search`.") from exc
        files = _expand(args.files, photos.folder_files)
        if not files:
            raise fail("The folders given hold no JPEG, PNG, WebP or HEIC files; nothing was imported.")
        options = PhotoImportOptions(args.client, session_id=args.session, view=PhotoView(args.view))
        stop = threading.Event()  # Ctrl+C stops between files: what was imported stays, nothing is half-done
        previous = signal.signal(signal.SIGINT, lambda *_: stop.set())
        try:

            def say(result: ImportedFile) -> None:
                print(_line(result), flush=True)

            summary = run_to_end(photos.import_files(actor, files, options, should_stop=stop.is_set, on_file=say))
        except (ValidationFailed, NotFound) as exc:
            raise fail(f"{exc} Nothing was imported.") from exc
        finally:
            signal.signal(signal.SIGINT, previous)
    rejected = len(summary.rejected)
    print(
        f"{summary.imported} photo(s) imported for {client.display_name} (#{client.id}), "
        f"{summary.already_present} already imported, {rejected} rejected."
    )
    if summary.cancelled:
        print(f"Stopped: {len(files) - len(summary.files)} file(s) were not imported; run the command again for them.")
    return 1 if rejected or summary.cancelled else 0


def _expand(given: list[Path], folder_files: Callable[[Path], list[Path]]) -> list[Path]:
    files: list[Path] = []
    for path in given:
        if path.is_dir():
            found = folder_files(path)
            if not found:
                print(f"{path}: no photos in this folder", file=sys.stderr)
            files.extend(found)
        else:
            files.append(path)
    return files


def _line(result: ImportedFile) -> str:
    from smp_desktop.core.services.photo_data import ImportOutcome

    if result.outcome is ImportOutcome.IMPORTED and result.photo is not None:
        return f"{result.source}: imported as photo #{result.photo.id}"
    if result.outcome is ImportOutcome.ALREADY_PRESENT:
        number = f" (photo #{result.photo.id})" if result.photo is not None else ""
        return f"{result.source}: already imported{number}"
    return f"{result.source}: rejected: {result.reason}"

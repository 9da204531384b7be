"""`smp-desktop document ...`: client documents as PDF files from the command line.

    document aftercare --session ID --out FILE.pdf [--template KEY]
    document logo FILE.png | --clear

Another document registers itself here: a parser in `add_parser` and its function in ACTIONS (name -> function
taking the parsed arguments, a callable opening the studio, and the CLI's error class; returns the exit code).
cli.py routes every ("document", name) in ACTIONS to `run`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from smp_desktop import cli_export, cli_removal

if TYPE_CHECKING:
    from smp_desktop.core.services.documents import DocumentService
    from smp_desktop.core.studio_db import OpenStudio

Action = Callable[[argparse.Namespace, "Callable[[], OpenStudio]", type[Exception]], int]


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    document = commands.add_parser("document", parents=[common], help="make client documents as PDF files")
    actions = document.add_subparsers(dest="document_command", metavar="ACTION", required=True)
    aftercare = actions.add_parser(
        "aftercare",
        parents=[common],
        help="the aftercare sheet for a session, with the healing phases' dates",
        description="Write the aftercare sheet for a treatment session: the phases of healing with real dates "
        "counted from the session, the next session, warning signs and the studio's contact.",
    )
    aftercare.add_argument("--session", type=int, required=True, metavar="ID", help="the session's number")
    aftercare.add_argument("--out", type=Path, required=True, metavar="FILE.pdf", help="the PDF file to write")
    aftercare.add_argument(
        "--template",
        default="",
        metavar="KEY",
        help="the aftercare text set: smp, removal_laser or removal_saline (default: from the session's kind)",
    )
    logo = actions.add_parser(
        "logo",
        parents=[common],
        help="set the letterhead's logo (a PNG or JPEG) printed on every document",
    )
    which = logo.add_mutually_exclusive_group(required=True)
    which.add_argument("file", type=Path, nargs="?", metavar="FILE", help="the logo image (copied into the studio)")
    which.add_argument("--clear", action="store_true", help="print documents without a logo")
    cli_export.add_record_parser(actions, common)
    cli_removal.add_removal_plan_parser(actions, common)


def run(args: argparse.Namespace, open_studio: Callable[[], OpenStudio], fail: type[Exception]) -> int:
    return ACTIONS[args.document_command](args, open_studio, fail)


def documents_for(studio: OpenStudio) -> DocumentService:
    """The studio's DocumentService."""
    from smp_desktop.core.services.documents import DocumentService

    return DocumentService.for_studio(studio)


def aftercare(args: argparse.Namespace, open_studio: Callable[[], OpenStudio], fail: type[Exception]) -> int:
    from smp_desktop.core.documents.files import write_pdf
    from smp_desktop.core.services.documents import DocumentRefused
    from smp_desktop.core.services.errors import NotFound

    out = _checked_out(args.out, fail)
    with open_studio() as studio:
        actor = studio.services.studio.owner()
        service = documents_for(studio)
        try:
            document = service.aftercare(actor, args.session, args.template)
        except NotFound as exc:
            raise fail(f"{exc} Find the session's number in the client's Sessions tab.") from exc
        except DocumentRefused as exc:
            raise fail(str(exc)) from exc
    try:
        write_pdf(out, document.pdf)
    except OSError as exc:
        raise fail(f"{out} cannot be written ({exc.strerror or exc}); choose another folder.") from exc
    print(f"Wrote {out} (aftercare sheet, {document.title}).")
    return 0


def logo(args: argparse.Namespace, open_studio: Callable[[], OpenStudio], fail: type[Exception]) -> int:
    from smp_desktop.core.services.errors import ValidationFailed

    with open_studio() as studio:
        actor = studio.services.studio.owner()
        service = documents_for(studio)
        try:
            service.set_logo(actor, None if args.clear else args.file)
        except ValidationFailed as exc:
            raise fail(str(exc)) from exc
    print("The letterhead has no logo now." if args.clear else f"The letterhead's logo is now {args.file.name}.")
    return 0


def _checked_out(out: Path, fail: type[Exception]) -> Path:
    if out.is_dir():
        raise fail(f"{out} is a folder; give the PDF file's name, e.g. {out / 'aftercare.pdf'}.")
    if not out.parent.exists():
        raise fail(f"The folder {out.parent} does not exist; create it or choose another.")
    return out


ACTIONS: dict[str, Action] = {
    "aftercare": aftercare,
    "logo": logo,
    "record": cli_export.record,
    "removal-plan": cli_removal.removal_plan,
}

"""`smp-desktop consent ...`: the consent templates, a form to print and sign by hand, and the day's paperwork.

consent templates                                  one line per template, its name first
consent blank --template NAME --out FILE.pdf       a blank form (with --client ID: pre-filled)
consent packets --date YYYY-MM-DD --out FILE.pdf   every planned session's forms that day, in one PDF
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from smp_desktop.core.studio_db import OpenStudio

ACTIONS = ("templates", "blank", "packets")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    consent = commands.add_parser("consent", parents=[common], help="consent forms: templates, blank forms, packets")
    actions = consent.add_subparsers(dest="consent_command", metavar="ACTION", required=True)
    actions.add_parser(
        "templates",
        parents=[common],
        help="list the consent templates (name first on each line)",
        description="List the current version of every consent template: name, version, kind, title.",
    )
    blank = actions.add_parser(
        "blank",
        parents=[common],
        help="a consent form as a PDF, to print and sign by hand",
        description="Write the current version of a consent form as a PDF: blank, or pre-filled with a client's "
        "details with --client. Health answers are never printed on it.",
    )
    blank.add_argument(
        "--template", required=True, metavar="NAME", help="the template's name (see `consent templates`)"
    )
    blank.add_argument("--client", type=int, metavar="ID", help="pre-fill with this client's details")
    blank.add_argument("--out", type=Path, required=True, metavar="FILE.pdf", help="the PDF file to write")
    packets = actions.add_parser(
        "packets",
        parents=[common],
        help="the day's paperwork: forms for every session planned that day, in one PDF",
        description="Write the pre-filled consent and health forms for every session planned on the day, in "
        "appointment order, as one PDF to print in one job.",
    )
    packets.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="the day, e.g. 2026-11-26")
    packets.add_argument("--out", type=Path, required=True, metavar="FILE.pdf", help="the PDF file to write")


def run(args: argparse.Namespace, open_studio: Callable[[], OpenStudio], fail: type[Exception]) -> int:
    handler = {"templates": templates, "blank": blank, "packets": packets}[args.consent_command]
    return handler(args, open_studio, fail)


def templates(args: argparse.Namespace, open_studio: Callable[[], OpenStudio], fail: type[Exception]) -> int:
    with open_studio() as studio:
        actor = studio.services.studio.owner()
        for template in studio.services.consents.templates(actor):
            print(f"{template.name}\tversion {template.version}\t{template.kind.value}\t{template.title}")
    return 0


def blank(args: argparse.Namespace, open_studio: Callable[[], OpenStudio], fail: type[Exception]) -> int:
    from smp_desktop.core.documents.files import write_pdf
    from smp_desktop.core.services.errors import NotFound

    out = _checked_out(args.out, fail)
    with open_studio() as studio:
        actor = studio.services.studio.owner()
        try:
            pdf = studio.services.consents.form_pdf(actor, args.template, args.client)
        except NotFound as exc:
            hint = " Find the client's number with `clients search`." if "Client" in str(exc) else ""
            raise fail(f"{exc}{hint}") from exc
    _write(write_pdf, out, pdf, fail)
    print(f"Wrote {out}")
    return 0


def packets(args: argparse.Namespace, open_studio: Callable[[], OpenStudio], fail: type[Exception]) -> int:
    from smp_desktop.core.documents.files import write_pdf
    from smp_desktop.core.services.consent_packets import ink_sheets

    try:
        day = date.fromisoformat(args.date)
    except ValueError as exc:
        raise fail(f"“{args.date}” is not a date; write it as YYYY-MM-DD, e.g. 2026-11-26.") from exc
    out = _checked_out(args.out, fail)
    with open_studio() as studio:
        actor = studio.services.studio.owner()
        consents = studio.services.consents
        start, end = consents.day_bounds(day)
        appointments = studio.services.sessions.planned_between(actor, start, end)
        pdf, entries = consents.packets(actor, appointments, day, extra=ink_sheets(studio.services, actor))
    _write(write_pdf, out, pdf, fail)
    sessions = f"{len(entries)} planned session{'s' if len(entries) != 1 else ''}"
    print(f"Wrote {out}: paperwork for {sessions} on {day:%a %d %b %Y}")
    return 0


def _checked_out(out: Path, fail: type[Exception]) -> Path:
    if out.is_dir():
        raise fail(f"{out} is a folder; give the PDF file's name, e.g. {out / 'consent.pdf'}.")
    if not out.parent.exists():
        raise fail(f"The folder {out.parent} does not exist; create it or choose another.")
    return out


def _write(write_pdf: Callable[[Path, bytes], None], out: Path, pdf: bytes, fail: type[Exception]) -> None:
    try:
        write_pdf(out, pdf)
    except OSError as exc:
        raise fail(f"Cannot write {out}: {exc.strerror or exc}. Choose another place for the PDF.") from exc

"""`smp-desktop document removal-plan --plan ID --out FILE.pdf`: a removal plan as a PDF from the command line.

Registered in the `document` group (cli_documents.py). Runs as the studio's owner through the same
RemovalPlanDocuments as the app (the same checks, the same audit event), writes the PDF atomically and exits 1
with `error: <sentence>` for an unknown plan or a file that cannot be written (no file is left behind)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from smp_desktop.core.studio_db import OpenStudio


def add_removal_plan_parser(
    actions: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """`document removal-plan`, added to the `document` group."""
    plan = actions.add_parser(
        "removal-plan",
        parents=[common],
        help="a removal plan as a PDF: assessment, sessions and parameters, photos, aftercare",
        description="Write a removal plan as a PDF: reason, method and provider, the Kirby-Desai assessment and "
        "estimate, the test spot, the pigment being removed, the sessions with their laser parameters, the "
        "earliest date for new SMP, risks, the assessment photos and the removal aftercare with real dates.",
    )
    plan.add_argument("--plan", type=int, required=True, metavar="ID", help="the removal plan's number")
    plan.add_argument("--out", type=Path, required=True, metavar="FILE.pdf", help="the PDF file to write")


def removal_plan(args: argparse.Namespace, open_studio: Callable[[], OpenStudio], fail: type[Exception]) -> int:
    from smp_desktop.core.documents.files import write_pdf
    from smp_desktop.core.services.errors import NotFound

    out: Path = args.out
    if out.is_dir():
        raise fail(f"{out} is a folder; give the PDF file's name, e.g. {out / 'removal-plan.pdf'}.")
    if not out.parent.exists():
        raise fail(f"The folder {out.parent} does not exist; create it or choose another.")
    with open_studio() as studio:
        actor = studio.services.studio.owner()
        try:
            document = studio.services.removal_documents.plan_pdf(actor, args.plan)
        except NotFound as exc:
            raise fail(f"{exc} Find the plan's number on the client's Removal tab.") from exc
    try:
        write_pdf(out, document.pdf)
    except OSError as exc:
        raise fail(f"{out} cannot be written ({exc.strerror or exc}); choose another folder.") from exc
    print(f"Wrote {out} ({document.title}).")
    return 0

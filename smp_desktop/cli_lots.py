"""`smp-desktop lots ...`: the ink register's lots from the command line.

lots recall LOT --reason TEXT [--source TEXT] [--date YYYY-MM-DD] [--product TEXT]
    Mark the lot recalled and print every client who received it, one line each with contact details:
    "<client id>\t<name>\t<phone>\t<e-mail>\t<address>\t<sessions: dates and zones>". A lot number that no lot
    has is an error (exit 1). A lot number that lots of several products share is an error too, listing
    them: nothing is recalled until --product (part of "brand product") picks one.
lots import FILE.csv     lots (and the products they name) from a CSV file, all or nothing
lots export FILE.csv     every lot to a CSV file (columns: see core/services/ink_csv.py and the README)
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from smp_desktop.core.services.ink_data import AffectedClient
    from smp_desktop.core.studio_db import OpenStudio

ACTIONS = ("recall", "import", "export")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    lots = commands.add_parser("lots", parents=[common], help="the ink register's lots: recall, import, export")
    actions = lots.add_subparsers(dest="lots_command", metavar="ACTION", required=True)
    recall = actions.add_parser(
        "recall",
        parents=[common],
        help="mark a lot recalled and list every client who received it",
        description="Mark a pigment lot recalled and print the clients who received it, one line each: "
        "client id, name, phone, e-mail, address, sessions (date: zones), tab-separated.",
    )
    recall.add_argument("lot", metavar="LOT", help="the lot (batch) number printed on the bottle")
    recall.add_argument("--reason", required=True, metavar="TEXT", help="why the lot is recalled")
    recall.add_argument("--source", default="", metavar="TEXT", help="who issued the recall (supplier, authority)")
    recall.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD", help="the recall's date (default: today)")
    recall.add_argument(
        "--product", default="", metavar="TEXT", help="which product's lot, when several products share the number"
    )
    imp = actions.add_parser("import", parents=[common], help="read lots (and their products) from a CSV file")
    imp.add_argument("file", type=Path, metavar="FILE.csv")
    exp = actions.add_parser("export", parents=[common], help="write every lot to a CSV file")
    exp.add_argument("file", type=Path, metavar="FILE.csv")
    exp.add_argument("--bom", action="store_true", help="start the file with a UTF-8 byte-order mark (for Excel)")


def run(args: argparse.Namespace, open_studio: Callable[[], OpenStudio], fail: type[Exception]) -> int:
    from smp_desktop.core.services.errors import NotFound, ValidationFailed
    from smp_desktop.core.services.ink import AmbiguousLot
    from smp_desktop.core.services.ink_csv import CsvFileError, CsvImportFailed

    with open_studio() as studio:
        actor = studio.services.studio.owner()
        ink = studio.services.ink
        try:
            if args.lots_command == "recall":
                lot = ink.one_lot(actor, args.lot, product=args.product)
                report = ink.recall(actor, lot.id, args.reason, source=args.source, recalled_on=args.date)
                print(
                    f"Lot {lot.draft.lot_number} of {lot.product_title} is recalled. "
                    f"{len(report.clients)} client(s) received it in {report.session_count} session(s):"
                )
                for client in report.clients:
                    print(affected_line(client))
                return 0
            if args.lots_command == "import":
                summary = ink.import_lots(actor, args.file)
                print(
                    f"{summary.lots_created} lot(s) added, {summary.lots_updated} updated, "
                    f"{summary.products_created} product(s) added, {summary.recalls_recorded} recall(s) recorded."
                )
                return 0
            if not args.file.parent.is_dir():
                raise fail(f"The folder for {args.file} does not exist; create it or choose another path.")
            count = ink.export_lots(actor, args.file, bom=args.bom)
            print(f"{count} lot(s) written to {args.file}.")
            return 0
        except AmbiguousLot as exc:
            raise fail(f"{exc} Say which with --product, e.g. --product {exc.matches[0].product_name!r}.") from exc
        except (NotFound, ValidationFailed, CsvFileError) as exc:
            raise fail(str(exc)) from exc
        except CsvImportFailed as exc:
            for problem in exc.problems:
                print(f"line {problem.line}, column {problem.column}: {problem.message}")
            raise fail(f"{len(exc.problems)} problem(s) in {args.file}; nothing was imported.") from exc


def affected_line(client: AffectedClient) -> str:
    visits = "; ".join(
        f"{s.starts_at.astimezone().date().isoformat()}: {', '.join(z.value for z in s.zones)}" for s in client.sessions
    )
    fields = (
        str(client.client_id),
        client.name,
        client.phone or "-",
        client.email or "-",
        client.address or "-",
        visits,
    )
    return "\t".join(f.replace("\t", " ").replace("\n", " ") for f in fields)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD") from None

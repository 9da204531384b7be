"""The command line: `smp-desktop [--data-dir DIR]` opens the app; subcommands run the same services headless."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from smp_desktop import __version__
from smp_desktop.paths import StudioPaths, resolve_data_dir

if TYPE_CHECKING:
    from smp_desktop.core.studio_db import OpenStudio

EXIT_OK = 0
EXIT_PROBLEMS = 1  # the command ran and found or met problems (listed on stderr / stdout)
EXIT_USAGE = 2  # argparse's own code for a wrong command line

log = logging.getLogger(__name__)


class CommandError(Exception):
    """A readable reason a command could not do its work (printed without a traceback)."""


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="studio data folder (default: $SMP_DATA_DIR, else the platform's data folder)",
    )
    common.add_argument(
        "--database-url",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="a PostgreSQL server shared by several workstations, e.g. postgresql+psycopg://user@host/studio "
        "(default: $SMP_DATABASE_URL, else studio.sqlite in the data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="smp-desktop",
        description="SMP Desktop — practice manager for scalp micropigmentation studios. "
        "Without a command, opens the app.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"SMP Desktop {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", parents=[common], help="create a demo studio with realistic clients")
    demo.add_argument("--clients", type=_positive_int, default=300, metavar="N", help="number of clients (300)")
    demo.add_argument("--seed", type=int, default=2026, help="random seed, for the same studio every time")

    db = commands.add_parser("db", parents=[common], help="check or upgrade the studio database")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_commands.add_parser("check", parents=[common], help="full integrity check (exit 1 lists problems)")
    db_commands.add_parser("upgrade", parents=[common], help="migrate to this version's schema (backup first)")

    clients = commands.add_parser("clients", parents=[common], help="import, export or find clients")
    client_commands = clients.add_subparsers(dest="clients_command", metavar="ACTION", required=True)
    imp = client_commands.add_parser("import", parents=[common], help="import clients from a UTF-8 CSV file")
    imp.add_argument("file", type=Path, metavar="FILE.csv")
    imp.add_argument("--allow-duplicates", action="store_true", help="import rows that match an existing client")
    exp = client_commands.add_parser("export", parents=[common], help="export every client to a UTF-8 CSV file")
    exp.add_argument("file", type=Path, metavar="FILE.csv")
    exp.add_argument("--bom", action="store_true", help="start the file with a byte-order mark (for Excel)")
    find = client_commands.add_parser("search", parents=[common], help="find clients as the search box does")
    find.add_argument("query")
    find.add_argument("--limit", type=_positive_int, default=20)
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    paths = resolve_data_dir(getattr(args, "data_dir", None))
    url = getattr(args, "database_url", None)
    from smp_desktop.app_log import configure_logging

    configure_logging(paths)
    if args.command is None:
        from smp_desktop.ui.app import run_app  # Qt is loaded only when the window is wanted

        return run_app(paths, url, sys.argv[:1])
    handler = _HANDLERS[(args.command, getattr(args, f"{args.command}_command", None))]
    try:
        return handler(args, paths, url)
    except CommandError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    except Exception as exc:  # the user gets a sentence; the log gets the traceback
        log.exception("command %s failed", args.command)
        print(f"error: {exc.__class__.__name__}: {exc} (details in {paths.logs})", file=sys.stderr)
        return EXIT_PROBLEMS


def _open(paths: StudioPaths, url: str | None, *, must_exist: bool = True, upgrade: bool = True) -> OpenStudio:
    from smp_desktop.core.studio_db import ENV_DATABASE_URL, StudioOpenError, open_studio

    on_server = bool(url or os.environ.get(ENV_DATABASE_URL))
    if must_exist and not on_server and not paths.database.exists():
        raise CommandError(f"There is no studio in {paths.root} yet. Open the app there once, or run `demo`.")
    try:
        studio = open_studio(paths, url=url, upgrade=upgrade)
    except StudioOpenError as exc:
        raise CommandError(str(exc)) from exc
    if must_exist and not studio.services.studio.exists():
        studio.close()
        raise CommandError(f"The database in {paths.root} holds no studio yet. Open the app there once, or run `demo`.")
    return studio


def _cmd_demo(args: argparse.Namespace, paths: StudioPaths, url: str | None) -> int:
    from smp_desktop.core.demo import DemoStudioExists, create_demo_studio

    with _open(paths, url, must_exist=False) as studio:
        last = -1
        try:
            for step in create_demo_studio(studio, clients=args.clients, seed=args.seed):
                percent = int(step.fraction * 100)
                if percent >= last + 10 or step.done == step.total:
                    print(f"  {step.text} ({step.done}/{step.total})", file=sys.stderr)
                    last = percent
        except DemoStudioExists as exc:
            raise CommandError(str(exc)) from exc
        count = studio.services.clients.count(studio.services.studio.owner())
    print(f"Demo studio ready in {paths.root}: {count} clients.")
    return EXIT_OK


def _cmd_db_check(args: argparse.Namespace, paths: StudioPaths, url: str | None) -> int:
    with _open(paths, url, upgrade=False) as studio:
        report = studio.services.maintenance.check()
    for item in report.checked:
        print(f"checked: {item}")
    if report.healthy:
        print("The studio database is healthy.")
        return EXIT_OK
    print(f"{len(report.problems)} problem(s) found:")
    for problem in report.problems:
        print(f"  - {problem}")
    return EXIT_PROBLEMS


def _cmd_db_upgrade(args: argparse.Namespace, paths: StudioPaths, url: str | None) -> int:
    with _open(paths, url, upgrade=False) as studio:
        result = studio.services.maintenance.upgrade()
    if not result.changed:
        print(f"The database is already at schema {result.to_revision}.")
    else:
        print(f"Upgraded the database from schema {result.from_revision or '(empty)'} to {result.to_revision}.")
        if result.backup:
            print(f"A copy of the database as it was is in {result.backup}")
    return EXIT_OK


def _cmd_clients_import(args: argparse.Namespace, paths: StudioPaths, url: str | None) -> int:
    from smp_desktop.core.services.client_csv import CsvFileError, import_clients

    with _open(paths, url) as studio:
        actor = studio.services.studio.owner()
        try:
            report = import_clients(studio.services.clients, actor, args.file, allow_duplicates=args.allow_duplicates)
        except CsvFileError as exc:
            raise CommandError(f"{exc} Nothing was imported.") from exc
    for notice in report.notices:
        print(f"note: {notice}", file=sys.stderr)
    for rejected in report.rejected:
        print(f"{args.file.name}:{rejected.line}: rejected: {rejected.reason}", file=sys.stderr)
    print(f"Imported {report.imported} client(s); rejected {len(report.rejected)} row(s).")
    return EXIT_PROBLEMS if report.rejected else EXIT_OK


def _cmd_clients_export(args: argparse.Namespace, paths: StudioPaths, url: str | None) -> int:
    from smp_desktop.core.services.client_csv import export_clients

    if not args.file.resolve().parent.is_dir():
        raise CommandError(f"The folder for {args.file} does not exist; create it or choose another path.")
    with _open(paths, url) as studio:
        try:
            count = export_clients(studio.services.clients, studio.services.studio.owner(), args.file, bom=args.bom)
        except OSError as exc:
            raise CommandError(f"Cannot write {args.file}: {exc.strerror}.") from exc
    print(f"Exported {count} client(s) to {args.file}.")
    return EXIT_OK


def _cmd_clients_search(args: argparse.Namespace, paths: StudioPaths, url: str | None) -> int:
    with _open(paths, url) as studio:
        result = studio.services.clients.search(studio.services.studio.owner(), args.query, limit=args.limit)
    for row in result.rows:
        born = row.date_of_birth.isoformat() if row.date_of_birth else ""
        print(f"{row.id}\t{row.display_name}\t{born}\t{row.phone}\t{row.email}")
    if result.more:
        print(f"(more than {args.limit} matches; refine the query)", file=sys.stderr)
    return EXIT_OK if result.rows else EXIT_PROBLEMS


Handler = Callable[[argparse.Namespace, StudioPaths, "str | None"], int]
_HANDLERS: dict[tuple[str, str | None], Handler] = {
    ("demo", None): _cmd_demo,
    ("db", "check"): _cmd_db_check,
    ("db", "upgrade"): _cmd_db_upgrade,
    ("clients", "import"): _cmd_clients_import,
    ("clients", "export"): _cmd_clients_export,
    ("clients", "search"): _cmd_clients_search,
}

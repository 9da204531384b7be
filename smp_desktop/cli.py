"""The command line: `smp-desktop [--data-dir DIR]` opens the app; subcommands run the same services headless."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from smp_desktop import __version__, cli_consent, cli_documents, cli_export, cli_lots, cli_photos
from smp_desktop.paths import StudioPaths, resolve_data_dir

if TYPE_CHECKING:
    from smp_desktop.core.backups import BackupRecord
    from smp_desktop.core.services.backups import BackupService, RestoreRequest
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

    backup = commands.add_parser(
        "backup", parents=[common], help="back up the studio now (database, photos, documents)"
    )
    backup.add_argument("--to", type=Path, metavar="DIR", help="backup folder (default: the studio's backup folder)")
    backups = commands.add_parser("backups", parents=[common], help="list the backups")
    backup_commands = backups.add_subparsers(dest="backups_command", metavar="ACTION", required=True)
    listing = backup_commands.add_parser("list", parents=[common], help="one line per backup, newest first")
    listing.add_argument("--from", "--to", dest="folder", type=Path, metavar="DIR", help="list another backup folder")
    restore = commands.add_parser("restore", parents=[common], help="restore the studio from a backup")
    restore.add_argument(
        "backup", metavar="BACKUP", help="a name from `backups list`, a backup folder or a .sqlite file"
    )
    restore.add_argument("--from", dest="folder", type=Path, metavar="DIR", help="the backup folder to find BACKUP in")
    cli_photos.add_parser(commands, common)
    cli_lots.add_parser(commands, common)
    cli_documents.add_parser(commands, common)
    cli_consent.add_parser(commands, common)
    cli_export.add_parser(commands, common)
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def desktop_app_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """The desktop app's own command line (no command; --data-dir and --database-url only), read without building
    every command's parser (~15 ms of the app's start, issue #8). None for anything else (a command, --help,
    --version, an abbreviation, a mistake): the full parser reads that, with its help and messages."""
    quick = argparse.ArgumentParser(add_help=False, allow_abbrev=False, exit_on_error=False)
    for option in ("--data-dir", "--database-url"):
        quick.add_argument(option, default=argparse.SUPPRESS)
    try:
        args, rest = quick.parse_known_args(list(argv))
    except argparse.ArgumentError:
        return None
    if rest:
        return None
    args.command = None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = desktop_app_args(sys.argv[1:] if argv is None else argv) or build_parser().parse_args(argv)
    paths = resolve_data_dir(getattr(args, "data_dir", None))
    url = getattr(args, "database_url", None)
    from smp_desktop.app_log import configure_logging

    configure_logging(paths)
    if args.command is None:
        from smp_desktop import start_gc

        start_gc.pause()  # while the app loads and builds its window: ui/app.py resumes it (see start_gc)
        # The studio's code (SQLAlchemy, the SQLite dialect, the core services) loads before Qt: once imported,
        # PySide6 reads the source of every module imported after it (its `__feature__` check), ~300 modules here.
        import smp_desktop.core.studio_db  # noqa: F401

        if url is None:
            import sqlalchemy.dialects.sqlite  # noqa: F401  (the studio's own SQLite file, as core/db/engine opens it)
        from smp_desktop.ui.app import run_app  # Qt is loaded only when the window is wanted

        return run_app(paths, url, sys.argv[:1])
    handler = _HANDLERS[(args.command, getattr(args, f"{args.command}_command", None))]
    try:
        return handler(args, paths, url)
    except CommandError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    except Exception as exc:  # the user gets a sentence; the log gets the traceback
        from smp_desktop.core.db.faults import StorageFault
        from smp_desktop.core.services.access import PermissionDenied

        if isinstance(exc, StorageFault | PermissionDenied):  # already a sentence for a person
            log.info("command %s refused: %r", args.command, exc)
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_PROBLEMS
        log.exception("command %s failed", args.command)
        print(f"error: {exc.__class__.__name__}: {exc} (details in {paths.logs})", file=sys.stderr)
        return EXIT_PROBLEMS


def _open(paths: StudioPaths, url: str | None, *, must_exist: bool = True, upgrade: bool = True) -> OpenStudio:
    from smp_desktop.core.studio_db import ENV_DATABASE_URL, StudioOpenError, open_studio

    on_server = bool(url or os.environ.get(ENV_DATABASE_URL))
    if must_exist and not on_server and not paths.database.exists():
        from smp_desktop.core.db.health import kept_aside

        damaged = kept_aside(paths)
        if damaged:
            raise CommandError(
                f"The studio database in {paths.root} was damaged and has been kept aside in {damaged[-1].parent}. "
                "Restore a backup: `smp-desktop --data-dir DIR backups list`, then `restore BACKUP`."
            )
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
    from smp_desktop.core.backups.errors import BackupFailed

    with _open(paths, url, upgrade=False) as studio:
        try:
            result = studio.services.maintenance.upgrade()
        except BackupFailed as exc:
            raise CommandError(str(exc)) from exc
    if not result.changed:
        print(f"The database is already at schema {result.to_revision}.")
    else:
        print(f"Upgraded the database from schema {result.from_revision or '(empty)'} to {result.to_revision}.")
        if result.backup:
            print(f"A backup of the studio as it was (database, photos and documents) is in {result.backup}")
    return EXIT_OK


def _cmd_clients_import(args: argparse.Namespace, paths: StudioPaths, url: str | None) -> int:
    from smp_desktop.core.services.client_csv import CsvFileError, import_clients

    with _open(paths, url) as studio:
        actor = studio.services.studio.owner()
        if studio.engine.dialect.name == "sqlite" and studio.services.clients.count(actor, include_archived=True):
            # A bulk import is one of the moments the studio is backed up first (issue #7).
            from smp_desktop.core.backups import BackupFailed
            from smp_desktop.core.services.backups import BackupService

            try:
                safety = BackupService.for_studio(studio).back_up(actor, reason="before-import")
            except BackupFailed as exc:
                raise CommandError(f"{exc} Nothing was imported.") from exc
            print(f"A backup was taken first: {safety.path}", file=sys.stderr)
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


def _cmd_backup(args: argparse.Namespace, paths: StudioPaths, url: str | None) -> int:
    from smp_desktop.core.backups import BackupFailed
    from smp_desktop.core.services.backups import BackupService

    with _open(paths, url, upgrade=False) as studio:  # backed up as it is: an upgrade takes its own copy first
        try:
            record = BackupService.for_studio(studio).back_up(studio.services.studio.owner(), "manual", args.to)
        except BackupFailed as exc:
            raise CommandError(str(exc)) from exc
    print(f"Backed up to {record.path}")
    print(
        f"  {_size(record.size)}: the database and {record.file_count} photo/document file(s); "
        f"{record.copied_files} new file(s) copied ({_size(record.copied_bytes)})."
    )
    verification = record.verification
    if verification is not None and verification.ok:
        print(f"Verified OK: {', '.join(verification.checked)}.")
        return EXIT_OK
    print("Verification FAILED, so do not rely on this backup:", file=sys.stderr)
    for problem in verification.problems if verification else ("it could not be verified",):
        print(f"  - {problem}", file=sys.stderr)
    return EXIT_PROBLEMS


def _cmd_backups_list(args: argparse.Namespace, paths: StudioPaths, url: str | None) -> int:
    from smp_desktop.core.backups import list_backups
    from smp_desktop.core.backups.errors import missing_place

    if args.folder:
        folder, records = args.folder, list_backups(args.folder)
    else:
        with _BackupSettings(paths, url) as settings:
            folder, records = settings.folder, settings.list_backups()
    if not folder.is_dir():
        raise CommandError(f"The backup folder cannot be read: {missing_place(folder)}")
    for record in records:
        when = record.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"{record.name}  {when}  {record.reason}  {_size(record.size)}  {record.result}")
    print(f"{len(records) or 'No'} backup(s) in {folder}", file=sys.stderr)
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace, paths: StudioPaths, url: str | None) -> int:
    from smp_desktop.core.backups import RestoreIncomplete, RestoreRefused, restore_studio
    from smp_desktop.core.studio_db import StudioOpenError, open_studio

    with _BackupSettings(paths, url) as settings:
        backup = settings.find(args.backup, args.folder)
        request = settings.prepare_restore(backup)
    # The studio is closed now: restore_studio refuses to replace a database that anyone has open.
    try:
        report = request.run() if request else restore_studio(paths, backup, safety_folder=settings.folder)
    except (RestoreRefused, RestoreIncomplete) as exc:
        raise CommandError(str(exc)) from exc
    if report.safety_backup:
        print(f"Safety backup of the studio as it was: {report.safety_backup.path}")
    when = f", backed up {report.source_created_at.astimezone():%Y-%m-%d %H:%M}" if report.source_created_at else ""
    print(f"Restored the studio from {report.source} (schema {report.schema_revision}{when}).")
    print(
        f"  the database, and {report.files_copied + report.files_unchanged} photo/document file(s): "
        f"{report.files_copied} copied from the backup, {report.files_unchanged} already in place."
    )
    if report.set_aside:
        print(f"  {report.set_aside_files} file(s) not in the backup (or replaced) were moved to {report.set_aside}")
    for note in report.notes:
        print(f"note: {note}", file=sys.stderr)
    try:  # opening migrates a backup from an older version, and proves the restored studio opens
        with open_studio(paths) as studio:
            upgrade = studio.last_upgrade
            count = studio.services.clients.count(studio.services.studio.owner(), include_archived=True)
    except StudioOpenError as exc:
        raise CommandError(f"The restored studio does not open: {exc}") from exc
    if upgrade is not None and upgrade.changed:
        print(f"Upgraded the restored database from schema {upgrade.from_revision} to {upgrade.to_revision}.")
    print(f"The studio opens with {count} client(s).")
    return EXIT_OK


class _BackupSettings:
    """The backup folder and the acting owner, read from the studio when it opens. A studio that cannot open
    (damaged, or none yet on a new computer) still lists and restores backups, from <data folder>/backups or --from.
    """

    def __init__(self, paths: StudioPaths, url: str | None) -> None:
        from smp_desktop.core.studio_db import ENV_DATABASE_URL, StudioOpenError, open_studio

        if url or os.environ.get(ENV_DATABASE_URL):
            raise CommandError("A server database is backed up and restored on the server (e.g. with pg_dump).")
        self._paths = paths
        self._studio: OpenStudio | None = None
        self.folder = paths.backups
        if not paths.database.exists():
            return
        try:
            studio = open_studio(paths, upgrade=False)
        except StudioOpenError as exc:
            print(f"note: {exc}", file=sys.stderr)
            return
        if not studio.services.studio.exists():
            studio.close()
            return
        self._studio = studio
        self.folder = self._service().folder()

    def _service(self) -> BackupService:
        from smp_desktop.core.services.backups import BackupService

        assert self._studio is not None
        return BackupService.for_studio(self._studio)

    def list_backups(self) -> list[BackupRecord]:
        from smp_desktop.core.backups import list_backups

        return self._service().list_backups() if self._studio else list_backups(self.folder)

    def find(self, text: str, folder: Path | None) -> Path:
        """BACKUP as given: an existing path, else a name from the list of folder (default: the backup folder)."""
        from smp_desktop.core.backups import find_backup
        from smp_desktop.core.backups.errors import missing_place

        path = Path(text).expanduser()
        if path.exists() or len(path.parts) > 1:
            return path  # a missing path is explained by the restore itself
        where = folder or self.folder
        if not where.is_dir():
            raise CommandError(f"No backup named {text} can be looked for: {missing_place(where)}")
        found = find_backup(where, text) or (find_backup(self._paths.backups, text) if folder is None else None)
        if found is None:
            raise CommandError(f"There is no backup named {text} in {where}; `backups list` shows their names.")
        return found.path

    def prepare_restore(self, backup: Path) -> RestoreRequest | None:
        if self._studio is None:
            return None
        return self._service().prepare_restore(self._studio.services.studio.owner(), backup)

    def __enter__(self) -> _BackupSettings:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._studio is not None:
            self._studio.close()


def _cmd_lots(args: argparse.Namespace, paths: StudioPaths, url: str | None) -> int:
    return cli_lots.run(args, lambda: _open(paths, url), CommandError)


def _cmd_photos_import(args: argparse.Namespace, paths: StudioPaths, url: str | None) -> int:
    return cli_photos.import_photos(args, lambda: _open(paths, url), CommandError)


def _cmd_document(args: argparse.Namespace, paths: StudioPaths, url: str | None) -> int:
    return cli_documents.run(args, lambda: _open(paths, url), CommandError)


def _cmd_consent(args: argparse.Namespace, paths: StudioPaths, url: str | None) -> int:
    return cli_consent.run(args, lambda: _open(paths, url), CommandError)


def _cmd_export_subject(args: argparse.Namespace, paths: StudioPaths, url: str | None) -> int:
    return cli_export.subject(args, lambda: _open(paths, url), CommandError)


def _size(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


Handler = Callable[[argparse.Namespace, StudioPaths, "str | None"], int]
_HANDLERS: dict[tuple[str, str | None], Handler] = {
    ("demo", None): _cmd_demo,
    ("db", "check"): _cmd_db_check,
    ("db", "upgrade"): _cmd_db_upgrade,
    ("clients", "import"): _cmd_clients_import,
    ("clients", "export"): _cmd_clients_export,
    ("clients", "search"): _cmd_clients_search,
    ("backup", None): _cmd_backup,
    ("backups", "list"): _cmd_backups_list,
    ("restore", None): _cmd_restore,
    ("photos", "import"): _cmd_photos_import,
    **{("lots", action): _cmd_lots for action in cli_lots.ACTIONS},
    **{("document", action): _cmd_document for action in cli_documents.ACTIONS},
    ("export", "subject"): _cmd_export_subject,
    **{("consent", action): _cmd_consent for action in cli_consent.ACTIONS},
}

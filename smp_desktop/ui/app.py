"""Starting the desktop app: the Qt application, translations, one copy per data folder, opening the studio (or
recovering a damaged one from a backup), first run, and the session that shows the main window."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from smp_desktop import APP_ID, APP_NAME, ORG_NAME, __version__, start_gc
from smp_desktop.core.studio_db import DatabaseDamaged, OpenStudio, StudioOpenError, open_studio
from smp_desktop.paths import StudioPaths
from smp_desktop.resources import bundle_dir
from smp_desktop.ui import error_report, startup_probe
from smp_desktop.ui.background import BackgroundRunner, Runner, run_and_wait
from smp_desktop.ui.single_instance import InstanceGuard, instance_key
from smp_desktop.ui.studio_session import StudioSession, ensure_studio, restored_message

__all__ = ["create_application", "ensure_studio", "install_translations", "open_studio_at_start", "run_app"]

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("App", text)


def run_app(paths: StudioPaths, database_url: str | None, argv: Sequence[str]) -> int:
    """Run the desktop app until its window closes; the exit code for the process.

    The caller (the CLI) has set up the log file already (smp_desktop.app_log.configure_logging)."""
    app = create_application(argv)
    guard = InstanceGuard(instance_key(paths.root))
    if not guard.claim():
        log.info("SMP Desktop is already running on %s: asked it to come to the front", paths.root)
        return 0
    error_report.install_exception_hook()
    runner = BackgroundRunner()
    session = StudioSession(paths, runner, QSettings(), url=database_url, icon=app.windowIcon())
    guard.activate_requested.connect(session.bring_to_front)
    session.ended.connect(app.quit)
    try:
        studio = open_studio_at_start(paths, database_url, runner)
        if studio is None:
            return 1
        if not session.start(studio):
            return 0
        assert session.workspace is not None
        startup_probe.install_if_requested(session.workspace, app)
        start_gc.resume()  # the window is built: what remains before the list paints allocates little
        return app.exec()
    finally:
        session.close()  # the backup on close, then the database closes
        guard.release()


def open_studio_at_start(
    paths: StudioPaths,
    database_url: str | None,
    runner: Runner,
    *,
    today: Callable[[], date] = date.today,
) -> OpenStudio | None:
    """Open the studio for the window. A damaged database opens a dialog offering the backups in the studio's
    backup folder (as remembered in the data folder: the damaged file's settings cannot be read) and in the data
    folder's own; a backup elsewhere is chosen as a file. The chosen one is restored and the studio opened again.
    Any other reason it cannot open is explained.

    None when the app should end (the person chose Quit, or the studio cannot open)."""
    while True:
        try:
            return open_studio(paths, url=database_url, today=today)
        except DatabaseDamaged as damaged:  # (the recovery's modules load only when it is needed)
            start_gc.resume()  # a dialog follows, which may stay open
            from smp_desktop.core.backups.catalogue import backups_for_recovery
            from smp_desktop.ui.dialogs.damaged_studio import DamagedStudioDialog

            folder, backups = backups_for_recovery(paths.root, paths.backups)
            backup = DamagedStudioDialog(damaged, backups, folder).ask()
            if backup is None:
                return None
            _restore_after_damage(paths, backup, runner, damaged)
        except StudioOpenError as exc:
            start_gc.resume()
            QMessageBox.critical(None, APP_NAME, str(exc))
            return None


def _restore_after_damage(paths: StudioPaths, backup: Path, runner: Runner, damaged: DatabaseDamaged) -> None:
    from smp_desktop.core.backups import RestoreIncomplete, RestoreRefused, restore_studio

    try:
        report = run_and_wait(
            runner,
            None,
            _tr("Restoring the backup…"),
            lambda: restore_studio(paths, backup, safety_folder=paths.backups),
            writes=True,
        )
    except (RestoreRefused, RestoreIncomplete) as exc:  # the damaged studio is as it was: the dialog asks again
        QMessageBox.warning(None, APP_NAME, str(exc))
        return
    log.info("restored %s after the database was found damaged", report.source)
    message = restored_message(report)
    if damaged.kept_at is not None:
        message += " " + _tr("The damaged file is kept in %1.").replace("%1", str(damaged.kept_at.parent))
    QMessageBox.information(None, APP_NAME, message)


def create_application(argv: Sequence[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    icon = bundle_dir("resources") / "icons" / "app.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    install_translations(app)
    return app


def install_translations(app: QApplication) -> list[QTranslator]:
    """Qt's own strings (standard buttons, dialogs) and, when shipped, the app's, in the user's language."""
    installed = []
    sources = [("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    translations = bundle_dir("resources") / "translations"
    if translations.is_dir():
        sources.append(("smp_desktop", str(translations)))
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(QLocale(), name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed

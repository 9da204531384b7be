"""Starting the desktop app: the Qt application, translations, opening the studio, first run, the main window."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from smp_desktop import APP_ID, APP_NAME, ORG_NAME, __version__
from smp_desktop.core.studio_db import OpenStudio, StudioOpenError, open_studio
from smp_desktop.paths import StudioPaths
from smp_desktop.resources import bundle_dir
from smp_desktop.ui import error_report, startup_probe
from smp_desktop.ui.background import BackgroundRunner, Runner
from smp_desktop.ui.dialogs.first_run import FirstRunDialog
from smp_desktop.ui.workspace import build_workspace


def run_app(paths: StudioPaths, database_url: str | None, argv: Sequence[str]) -> int:
    """Run the desktop app until its window closes; the exit code for the process.

    The caller (the CLI) has set up the log file already (smp_desktop.app_log.configure_logging)."""
    app = create_application(argv)
    try:
        studio = open_studio(paths, url=database_url)
    except StudioOpenError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    error_report.install_exception_hook()
    runner = BackgroundRunner()
    try:
        if not ensure_studio(studio, runner):
            return 0
        actor = studio.services.studio.owner()
        workspace = build_workspace(studio.services, actor, runner, QSettings())
        workspace.window.setWindowIcon(app.windowIcon())
        workspace.window.show()
        startup_probe.install_if_requested(workspace, app)
        return app.exec()
    finally:
        runner.wait(10_000)  # let a save in flight finish before the database closes
        studio.close()


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


def ensure_studio(studio: OpenStudio, runner: Runner) -> bool:
    """True when the data folder holds a studio, after the first-run dialog if it had to create one."""
    if studio.services.studio.exists():
        return True
    dialog = FirstRunDialog(studio, runner)
    return dialog.exec() == QDialog.DialogCode.Accepted and dialog.actor is not None

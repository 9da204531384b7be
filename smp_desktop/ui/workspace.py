"""Composing the main window from its areas: the one place that wires views, controllers and services together."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QSettings

from smp_desktop.core.db.engine import is_sqlite
from smp_desktop.core.services.access import Actor, may_back_up
from smp_desktop.core.studio_db import OpenStudio, Services
from smp_desktop.ui.background import Runner
from smp_desktop.ui.built_later import BuiltLater, Parts
from smp_desktop.ui.client_tabs import ClientAreaTabs
from smp_desktop.ui.controllers.client_list_controller import SEARCH_DELAY_MS
from smp_desktop.ui.controllers.clients_controller import ClientActions, ClientsController
from smp_desktop.ui.controllers.main_window_controller import MainWindowController
from smp_desktop.ui.ink_area import InkArea, add_ink_area
from smp_desktop.ui.main_window import MainWindow
from smp_desktop.ui.views.clients_area_view import ClientsAreaView
from smp_desktop.ui.window_state import WindowState

if TYPE_CHECKING:
    from smp_desktop.core.services.backups import BackupService, RestoreRequest
    from smp_desktop.ui.client_tabs import Built
    from smp_desktop.ui.controllers.backup_controller import BackupController
    from smp_desktop.ui.controllers.export_controller import ExportController
    from smp_desktop.ui.controllers.hairline_controller import HairlineController
    from smp_desktop.ui.controllers.photos_controller import PhotosController
    from smp_desktop.ui.controllers.sessions_controller import SessionsController
    from smp_desktop.ui.views.notice_banner import NoticeBanner


@dataclass(frozen=True, slots=True)
class StudioContext:
    """What the window needs to know of the open studio beyond its services (see `context_for`)."""

    backups: Callable[[], BackupService] | None = None  # made when the backups are built (after the list shows)
    data_folder: Path | None = None
    read_only_reason: str | None = None
    storage_warning: str | None = None
    restore: Callable[[RestoreRequest], None] | None = None  # the session's: close, restore, reopen, rebuild


def context_for(studio: OpenStudio, restore: Callable[[RestoreRequest], None] | None = None) -> StudioContext:
    def backups() -> BackupService:
        from smp_desktop.core.services.backups import BackupService  # with the backup commands, after start-up

        return BackupService.for_studio(studio)

    return StudioContext(
        # The app backs up the studio's own SQLite file; a server database is backed up on the server, so the
        # window has no backup commands for it (known now, before the commands are built).
        backups=backups if is_sqlite(studio.engine) else None,
        data_folder=studio.paths.root,
        read_only_reason=studio.read_only_reason,
        storage_warning=studio.storage_warning,
        restore=restore,
    )


@dataclass(frozen=True, slots=True)
class Workspace:
    window: MainWindow
    clients_view: ClientsAreaView
    clients: ClientsController
    commands: MainWindowController
    read_only_banner: NoticeBanner | None = None
    storage_banner: NoticeBanner | None = None
    client_tabs: ClientAreaTabs | None = None
    # The menus' commands built after the list's first paint, or when a menu opens or one of their shortcuts is
    # pressed (ui/built_later.py): backups, exports, and the File menu's paperwork and document commands.
    window_parts: BuiltLater | None = None
    ink: InkArea | None = None  # the Ink register area (built when first shown)

    @property
    def backups(self) -> BackupController | None:
        """File ▸ Back Up Now and Backups…, the automatic backups (built now if need be); None without backups."""
        parts = self.window_parts
        return cast("BackupController | None", parts.part("backups")) if parts is not None else None

    @property
    def exports(self) -> ExportController | None:
        parts = self.window_parts
        return cast("ExportController | None", parts.part("exports")) if parts is not None else None

    # The client page's other tabs, built on first use (see ui/client_tabs.py); None when the actor has no such tab.
    @property
    def sessions(self) -> SessionsController | None:
        return self.client_tabs.sessions if self.client_tabs is not None else None

    @property
    def photos(self) -> PhotosController | None:
        return self.client_tabs.photos if self.client_tabs is not None else None

    @property
    def hairline(self) -> HairlineController | None:
        return self.client_tabs.hairline if self.client_tabs is not None else None


def build_workspace(
    services: Services,
    actor: Actor,
    runner: Runner,
    settings: QSettings,
    *,
    context: StudioContext | None = None,
    today: Callable[[], date] = date.today,
    search_delay_ms: int = SEARCH_DELAY_MS,
    defer_client_tabs: bool = True,  # False: the client tabs and the menus' later commands are built at once
) -> Workspace:
    context = context or StudioContext()
    read_only = context.read_only_reason is not None
    state = WindowState(settings)
    window = MainWindow(state)
    studio = services.studio.info()
    window.set_studio(studio.name, is_demo=studio.is_demo)
    window.set_actor(actor)

    clients_view = ClientsAreaView()
    window.add_area(QCoreApplication.translate("Workspace", "Clients"), clients_view)
    actions = ClientActions(
        new_client=window.new_client_action,
        find=window.find_action,
        archive=window.archive_action,
        show_archived=window.show_archived_action,
    )
    clients = ClientsController(
        clients_view,
        actions,
        services.clients,
        actor,
        runner,
        state,
        today=today,
        default_country=studio.country,
        search_delay_ms=search_delay_ms,
        read_only=read_only,
    )
    clients.list.active_count_changed.connect(window.set_client_count)
    window.add_close_guard(clients.confirm_close)

    def build_client_tabs() -> Built:
        # Imported here: these areas' modules load after the list has painted, not before.
        from smp_desktop.ui.controllers.consent_controller import add_consent_tab
        from smp_desktop.ui.controllers.consent_gate_controller import add_gate_override
        from smp_desktop.ui.controllers.document_actions import add_aftercare_action
        from smp_desktop.ui.controllers.hairline_tab import add_hairline_tab
        from smp_desktop.ui.controllers.ink_session_actions import add_ink_papers_action
        from smp_desktop.ui.controllers.photo_library import designs_source, sessions_source
        from smp_desktop.ui.controllers.photos_controller import add_photos_tab
        from smp_desktop.ui.controllers.removal_controller import add_removal_tab
        from smp_desktop.ui.controllers.sessions_controller import add_sessions_tab

        # Tabs in the order of a course: consent and health first, then sessions, photos, hairline, removal.
        consent = add_consent_tab(clients_view, clients, services.consents, actor, runner, read_only=read_only)
        sessions = add_sessions_tab(
            clients_view, clients, services.sessions, services.studio, actor, runner, today=today, read_only=read_only
        )
        if sessions is not None:
            sessions.ink = services.ink  # the session editor's lot picker and "Reuse last mix"
        photos = add_photos_tab(
            clients_view,
            clients,
            services.photos,
            lambda client_id: services.clients.get(actor, client_id).display_name,
            actor,
            runner,
            settings,
            sessions=sessions_source(services.sessions, actor),
            designs=designs_source(services.hairlines, actor),
            read_only=read_only,
        )
        hairline = add_hairline_tab(
            clients_view,
            clients,
            services.hairlines,
            services.photos,
            actor,
            runner,
            window,
            read_only=read_only,
        )
        removal = add_removal_tab(
            clients_view,
            clients,
            services.removals,
            services.photos,
            actor,
            runner,
            today=today,
            read_only=read_only,
            documents=services.removal_documents,
        )
        sessions_view = sessions.view if sessions else None
        aftercare = add_aftercare_action(sessions_view, services.client_documents, actor, runner, read_only=read_only)
        ink_papers = add_ink_papers_action(sessions_view, services.ink_documents, actor, runner, read_only=read_only)
        gate_override = add_gate_override(
            sessions, services.consents, services.sessions, actor, runner, read_only=read_only
        )
        return {
            "consent": consent,
            "gate_override": gate_override,
            "sessions": sessions,
            "photos": photos,
            "hairline": hairline,
            "removal": removal,
            "aftercare": aftercare,
            "ink_papers": ink_papers,
        }

    client_tabs = ClientAreaTabs(clients_view, clients, build_client_tabs, defer=defer_client_tabs)
    ink = add_ink_area(window, services, actor, runner, today=today, read_only=read_only)

    def build_window_parts() -> Parts:
        # The menus' backup, export, paperwork, consent form and letterhead commands: imported and built after the
        # list has painted (ui/built_later.py), or as soon as one of the menus opens or a shortcut of theirs is used.
        from smp_desktop.core.services.consent_packets import ink_sheets
        from smp_desktop.ui.controllers.backup_controller import BackupController
        from smp_desktop.ui.controllers.consent_templates_controller import add_consent_templates_action
        from smp_desktop.ui.controllers.document_letterhead_controller import add_letterhead_action
        from smp_desktop.ui.controllers.export_controller import ExportController
        from smp_desktop.ui.controllers.paperwork_controller import add_paperwork_action

        backups = None
        if context.backups is not None:
            backups = BackupController(
                window,
                context.backups(),
                actor,
                runner,
                read_only=read_only,
                data_folder=context.data_folder,
                restore=context.restore,
            )
            backups.start()
        exports = ExportController(
            window,
            (window.export_record_action, window.export_subject_action, window.export_many_action),
            lambda: clients.client_id,
            lambda _client_id: clients.form.record.display_name if clients.form.record else "",
            services.exports,
            actor,
            runner,
            settings,
            read_only=read_only,
        )
        clients.client_changed.connect(exports.client_changed)

        paperwork = add_paperwork_action(
            window,
            services.consents,
            services.sessions,
            actor,
            runner,
            today=today,
            extra=ink_sheets(services, actor),
            read_only=read_only,
        )
        templates = add_consent_templates_action(window, services.consents, actor, runner, read_only=read_only)
        letterhead = add_letterhead_action(window, services.client_documents, actor, runner, read_only=read_only)
        return {
            "backups": backups,
            "exports": exports,
            "paperwork": paperwork,
            "consent_templates": templates,
            "letterhead": letterhead,
        }

    # Until the backup commands are built, what is known without them (BackupController then keeps these up to date).
    if context.backups is None or not may_back_up(actor, read_only=read_only):
        window.back_up_action.setEnabled(False)
    if context.backups is None:
        window.backups_action.setEnabled(False)
    window_parts = BuiltLater(window, clients, build_window_parts, defer=defer_client_tabs)
    window.menus_about_to_show.connect(window_parts.ensure)
    window_parts.build_before(
        window.back_up_action,
        window.backups_action,
        window.export_record_action,
        window.export_subject_action,
        window.export_many_action,
    )
    window.closing.connect(clients.save_state)
    commands = MainWindowController(window, lambda: services.maintenance, runner)
    read_only_banner = storage_banner = None
    if context.read_only_reason or context.storage_warning:  # (the banner's module loads only when one is shown)
        from smp_desktop.ui.views.notice_banner import NoticeBanner
    if context.read_only_reason:
        read_only_banner = NoticeBanner(
            QCoreApplication.translate("Workspace", "Read-only"), context.read_only_reason, dismissible=False
        )
        window.add_banner(read_only_banner)
    if context.storage_warning:
        storage_banner = NoticeBanner(
            QCoreApplication.translate("Workspace", "This data folder is not on a local disk"),
            context.storage_warning,
            dismissible=True,
        )
        window.add_banner(storage_banner)
    clients.start()
    return Workspace(
        window,
        clients_view,
        clients,
        commands,
        read_only_banner=read_only_banner,
        storage_banner=storage_banner,
        client_tabs=client_tabs,
        window_parts=window_parts,
        ink=ink,
    )

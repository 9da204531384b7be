"""Backing up from the window: File ▸ Back Up Now and the Backups dialog (its list, the backup folder), the
automatic backups (when the app closes, every 30 minutes, never two at once) and the status-bar warning."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from smp_desktop.core.backups import BackupRecord, list_backups, verify_backup
from smp_desktop.core.backups.catalogue import remembered_backup_folder
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.backups import BackupService
from smp_desktop.core.services.client_data import ClientDraft
from smp_desktop.core.studio_db import OpenStudio, open_studio
from smp_desktop.ui.background import Job, SynchronousRunner
from smp_desktop.ui.controllers.backup_controller import AUTO_BACKUP_INTERVAL_MS
from smp_desktop.ui.dialogs.backups_dialog import BackupsDialog
from smp_desktop.ui.locale_format import format_data_size, format_date_time
from smp_desktop.ui.models.backup_table_model import REASON, RESULT, SIZE, WHEN
from smp_desktop.ui.studio_session import StudioSession

UI_TODAY = date(2026, 11, 25)  # tests/ui/conftest.py's day
MessageBoxes = Any  # tests/ui/conftest.py's recorder of message boxes (conftest modules cannot be imported)

LEFT = Qt.MouseButton.LeftButton


def add_client(session: StudioSession, first: str, last: str) -> None:
    assert session.studio is not None
    services = session.studio.services
    services.clients.create(services.studio.owner(), ClientDraft(first_name=first, last_name=last))


def backups_of(session: StudioSession) -> list[BackupRecord]:
    assert session.studio is not None
    return BackupService.for_studio(session.studio).list_backups()


def open_backups(session: StudioSession) -> BackupsDialog:
    assert session.workspace is not None and session.workspace.backups is not None
    session.workspace.window.backups_action.trigger()
    dialog = session.workspace.backups.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


# --- backing up ------------------------------------------------------------------------------------------------
def test_back_up_now_from_the_file_menu_makes_a_verified_backup_listed_in_the_dialog(
    qtbot: QtBot, session: StudioSession, reported: list[Exception]
) -> None:
    window = session.workspace.window  # type: ignore[union-attr]
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions() if a.text()]
    at = texts.index("&Back Up Now")
    assert texts[0] == "&New Client" and texts[at + 1] == "Bac&kups…"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)

    assert reported == []
    [record] = backups_of(session)
    assert record.ok and record.reason == "manual"
    assert verify_backup(record.path).ok  # checked again, independently of what the backup recorded
    assert str(record.path) in window.statusBar().currentMessage()

    dialog = open_backups(session)
    model = dialog.model
    assert model.rowCount() == 1
    row = [model.data(model.index(0, column)) for column in (WHEN, REASON, SIZE, RESULT)]
    when, size = format_date_time(record.created_at), format_data_size(record.size)
    assert row == [when, "Backed up by hand", size, "OK, verified"]
    assert dialog.folder_label.text() == str(session.paths.backups)
    assert "the newest good one is from" in dialog.list_status.text()


def test_back_up_now_in_the_dialog_adds_the_backup_and_selects_it(session: StudioSession) -> None:
    dialog = open_backups(session)
    assert dialog.model.rowCount() == 0 and dialog.list_status.text() == "There are no backups in this folder yet."
    dialog.back_up_button.click()
    add_client(session, "Anna", "Alpha")
    dialog.back_up_button.click()

    records = backups_of(session)
    assert len(records) == 2 and all(r.ok for r in records)
    assert dialog.model.backups() == records
    [selected] = dialog.table.selectionModel().selectedRows()
    assert dialog.model.backup_at(selected.row()) == records[0]  # the newest, just made


def test_a_backup_that_cannot_be_written_is_explained(
    session: StudioSession, tmp_path: Path, message_boxes: MessageBoxes, reported: list[Exception]
) -> None:
    assert session.studio is not None
    owner = session.studio.services.studio.owner()
    session.studio.services.studio.set_setting(owner, "backup_folder", str(tmp_path / "unplugged-drive" / "backups"))
    session.workspace.window.back_up_action.trigger()  # type: ignore[union-attr]

    assert reported == []
    [(kind, text)] = message_boxes.shown
    assert kind == "warning" and "unplugged-drive does not exist" in text and "connect the drive" in text
    assert session.workspace.window.back_up_action.isEnabled()  # type: ignore[union-attr]


# --- the backup folder ---------------------------------------------------------------------------------------------
def test_choosing_a_backup_folder_sets_it_and_backups_go_there(
    session: StudioSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, message_boxes: MessageBoxes
) -> None:
    drive = tmp_path / "external"
    drive.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: str(drive))
    dialog = open_backups(session)
    dialog.choose_folder_button.click()

    assert session.studio is not None
    assert session.studio.services.studio.setting("backup_folder") == str(drive)
    assert remembered_backup_folder(session.studio.paths.root) == drive  # for a damaged database's recovery
    assert dialog.folder_label.text() == str(drive)
    # tmp_path is on the same disk as the studio: the person is told why an external drive is better.
    assert any("same disk as the studio" in text for text in message_boxes.texts())
    dialog.back_up_button.click()
    assert [r.reason for r in list_backups(drive)] == ["manual"]
    assert list_backups(session.paths.backups) == []


def test_a_folder_that_cannot_be_written_is_refused(
    session: StudioSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, message_boxes: MessageBoxes
) -> None:
    gone = tmp_path / "no-such-drive"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: str(gone))
    dialog = open_backups(session)
    dialog.choose_folder_button.click()
    [(kind, text)] = message_boxes.shown
    assert kind == "warning" and text.startswith(f"Backups cannot be written to {gone}")
    assert session.studio is not None and session.studio.services.studio.setting("backup_folder") == ""


def test_open_folder_shows_the_backup_folder_in_the_file_manager(
    session: StudioSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    open_backups(session).open_folder_button.click()
    assert [url.toLocalFile() for url in opened] == [str(session.paths.backups)]


# --- automatic backups ------------------------------------------------------------------------------------------
def test_closing_the_app_backs_up_only_when_the_studio_changed(session: StudioSession) -> None:
    session.workspace.window.back_up_action.trigger()  # type: ignore[union-attr]
    assert session.workspace is not None
    session.workspace.window.close()
    session.close()
    assert [r.reason for r in list_backups(session.paths.backups)] == ["manual"]  # nothing changed since

    reopened = open_studio(session.paths, today=lambda: UI_TODAY)
    session.start(reopened)
    add_client(session, "Anna", "Alpha")
    session.workspace.window.close()
    session.close()
    records = list_backups(session.paths.backups)
    assert [r.reason for r in records] == ["on-close", "manual"]
    assert records[0].ok
    assert session.studio is None  # closed after the backup


def test_the_30_minute_timer_backs_up_only_when_the_studio_changed(session: StudioSession) -> None:
    assert session.workspace is not None and session.workspace.backups is not None
    backups = session.workspace.backups
    assert backups.timer.isActive() and backups.timer.interval() == AUTO_BACKUP_INTERVAL_MS == 30 * 60 * 1000

    backups._on_backup_timer()  # no backup at all yet: that is a change
    assert [r.reason for r in backups_of(session)] == ["periodic"]
    backups._on_backup_timer()
    assert len(backups_of(session)) == 1
    add_client(session, "Anna", "Alpha")
    backups._on_backup_timer()
    assert [r.reason for r in backups_of(session)] == ["periodic", "periodic"]
    assert not session.workspace.window.backup_warning.isVisible()


class DeferredRunner(SynchronousRunner):
    """Holds jobs until the test runs them: what a backup still being written looks like."""

    def __init__(self) -> None:
        super().__init__(report_error=pytest.fail)
        self.held: list[Callable[[], Job]] = []
        self.holding = False

    def run(self, fn: Any, **kwargs: Any) -> Job:
        if not self.holding:
            return super().run(fn, **kwargs)
        self.held.append(lambda: super(DeferredRunner, self).run(fn, **kwargs))
        return Job(fn, on_done=lambda _r: None, on_error=None, on_progress=None, on_cancelled=None,
                   cancellable=False, report_error=self._report)  # fmt: skip


def test_an_automatic_backup_never_stacks_on_one_being_written(
    studio: OpenStudio, make_session: Callable[..., StudioSession]
) -> None:
    runner = DeferredRunner()
    session = make_session(studio, runner)
    backups = session.workspace.backups  # type: ignore[union-attr]
    assert backups is not None
    runner.holding = True
    backups._on_backup_timer()
    backups._on_backup_timer()
    session.workspace.window.back_up_action.trigger()  # type: ignore[union-attr]
    writes = [job for job in runner.held]
    assert len(writes) == 1 and backups.busy
    assert not session.workspace.window.back_up_action.isEnabled()  # type: ignore[union-attr]
    runner.holding = False
    writes[0]()
    assert not backups.busy and [r.reason for r in backups_of(session)] == ["periodic"]


def test_the_status_bar_warns_without_a_recent_backup_and_opens_the_backups(
    session: StudioSession, qtbot: QtBot
) -> None:
    assert session.workspace is not None
    warning = session.workspace.window.backup_warning
    assert warning.isVisible() and warning.text() == "No backup yet"
    qtbot.mouseClick(warning, LEFT)
    dialog = session.workspace.backups.dialog  # type: ignore[union-attr]
    assert dialog is not None and dialog.isVisible()
    dialog.back_up_button.click()
    assert not warning.isVisible()  # checked again after the backup


def test_the_warning_says_how_old_the_last_backup_is(
    studio: OpenStudio, make_session: Callable[..., StudioSession]
) -> None:
    four_days_ago = datetime.now(UTC) - timedelta(days=4, hours=1)
    BackupService.for_studio(studio).back_up(studio.services.studio.owner(), now=four_days_ago)
    session = make_session(studio)
    assert session.workspace is not None
    warning = session.workspace.window.backup_warning
    assert warning.isVisible() and warning.text() == "Last backup 4 days ago"


def test_a_failed_automatic_backup_shows_in_the_status_bar_not_in_a_box(
    session: StudioSession, tmp_path: Path, message_boxes: MessageBoxes, reported: list[Exception]
) -> None:
    assert session.studio is not None and session.workspace is not None
    backups, window = session.workspace.backups, session.workspace.window
    assert backups is not None
    owner = session.studio.services.studio.owner()
    session.studio.services.studio.set_setting(owner, "backup_folder", str(tmp_path / "unplugged" / "backups"))
    backups._on_backup_timer()
    assert message_boxes.shown == [] and reported == []  # nobody is interrupted every 30 minutes
    assert window.backup_warning.isVisible() and window.backup_warning.text() == "Automatic backup failed"
    assert "connect the drive" in window.backup_warning.toolTip()

    (tmp_path / "unplugged").mkdir()  # the drive is back
    backups._on_backup_timer()
    assert not window.backup_warning.isVisible()
    assert [r.reason for r in list_backups(tmp_path / "unplugged" / "backups")] == ["periodic"]


def test_a_server_database_has_no_backup_commands_from_the_start(
    studio: OpenStudio, owner: Actor, runner: SynchronousRunner, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A PostgreSQL studio is backed up on its server: Back Up Now and Backups… are off from the first paint, not only
    once the menus' later commands are built (and the owner, who may back up a SQLite studio, changes nothing)."""
    from types import SimpleNamespace

    from sqlalchemy import create_engine

    from smp_desktop.ui import built_later
    from smp_desktop.ui.workspace import build_workspace, context_for

    assert context_for(studio).backups is not None  # the studio's own SQLite file: the app backs it up
    server = SimpleNamespace(
        engine=create_engine("postgresql+psycopg://studio@db.example:5432/studio"),  # (never connected)
        paths=studio.paths,
        read_only_reason=None,
        storage_warning=None,
    )
    context = context_for(server)  # type: ignore[arg-type]
    assert context.backups is None

    monkeypatch.setattr(built_later, "BUILD_AFTER_MS", 3_600_000)  # the person looks before they are built
    workspace = build_workspace(studio.services, owner, runner, settings, context=context, today=lambda: UI_TODAY)
    window = workspace.window
    try:
        assert workspace.window_parts is not None and not workspace.window_parts.built
        assert not window.back_up_action.isEnabled() and not window.backups_action.isEnabled()
        assert workspace.backups is None  # (builds the later commands: there are none for backups)
        assert not window.back_up_action.isEnabled() and not window.backups_action.isEnabled()
    finally:
        window.close()
        window.deleteLater()

"""Restoring from the window: from the Backups list or a file; the studio is closed, restored (a safety backup
first), reopened, and the window rebuilt on it without restarting the app. A refused restore changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from smp_desktop.core.backups import BackupRecord
from smp_desktop.core.services.backups import BackupService
from smp_desktop.core.services.client_data import ClientDraft
from smp_desktop.core.studio_db import OpenStudio, open_studio
from smp_desktop.paths import StudioPaths
from smp_desktop.ui.background import BackgroundRunner
from smp_desktop.ui.dialogs.backups_dialog import BackupsDialog
from smp_desktop.ui.dialogs.restore_confirm import RestoreConfirmation
from smp_desktop.ui.locale_format import format_date_time
from smp_desktop.ui.studio_session import StudioSession
from smp_desktop.ui.workspace import Workspace

MessageBoxes = Any  # tests/ui/conftest.py's recorder of message boxes (conftest modules cannot be imported)


def add_client(session: StudioSession, first: str, last: str) -> None:
    assert session.studio is not None
    services = session.studio.services
    services.clients.create(services.studio.owner(), ClientDraft(first_name=first, last_name=last))


def backups_of(session: StudioSession) -> list[BackupRecord]:
    assert session.studio is not None
    return BackupService.for_studio(session.studio).list_backups()


def listed_names(workspace: Workspace) -> list[str]:
    model = workspace.clients.list.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def names_in_database(paths: StudioPaths) -> list[str]:
    with open_studio(paths) as opened:
        owner = opened.services.studio.owner()
        return sorted(row.list_name for row in opened.services.clients.search(owner, "a", limit=50).rows)


def open_backups(session: StudioSession) -> BackupsDialog:
    assert session.workspace is not None and session.workspace.backups is not None
    session.workspace.window.backups_action.trigger()
    dialog = session.workspace.backups.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_restore_from_the_list_replaces_the_studio_and_rebuilds_the_window(
    session: StudioSession,
    confirm_restore: list[str],
    message_boxes: MessageBoxes,
    reported: list[Exception],
) -> None:
    add_client(session, "Anna", "Alpha")
    session.workspace.window.back_up_action.trigger()  # type: ignore[union-attr]
    [backup] = backups_of(session)
    add_client(session, "Bea", "Beta")
    old = session.workspace
    assert old is not None
    old.clients.list.refresh()
    assert listed_names(old) == ["Alpha, Anna", "Beta, Bea"]

    dialog = open_backups(session)
    dialog.table.selectRow(0)
    dialog.restore_button.click()

    assert reported == []
    assert "Restore the backup of" in confirm_restore[0] and "safety backup" in confirm_restore[0]
    new = session.workspace
    assert new is not None and new is not old and new.window is not old.window
    assert new.window.isVisible() and not old.window.isVisible()
    assert listed_names(new) == ["Alpha, Anna"]
    assert new.window.count_label.text() == "1 client"
    safety = [r for r in backups_of(session) if r.reason == "before-restore"]
    assert len(safety) == 1 and safety[0].ok
    assert message_boxes.shown == [
        (
            "information",
            f"Restored the backup of {format_date_time(backup.created_at)}. "
            f"A copy of the studio as it was is kept in {safety[0].path}.",
        )
    ]
    # The rebuilt window works on the reopened studio: the safety backup holds what the restore replaced.
    assert (
        session.studio is not None
        and session.studio.services.clients.count(session.studio.services.studio.owner()) == 1
    )
    session.workspace.backups.stop()  # type: ignore[union-attr]
    session.studio.close()
    session.studio = None
    assert names_in_database(session.paths) == ["Alpha, Anna"]


def test_restore_from_a_file_takes_a_manifest_chosen_anywhere(
    session: StudioSession,
    tmp_path: Path,
    confirm_restore: list[str],
    monkeypatch: pytest.MonkeyPatch,
    reported: list[Exception],
) -> None:
    assert session.studio is not None
    owner = session.studio.services.studio.owner()
    add_client(session, "Anna", "Alpha")
    elsewhere = tmp_path / "usb-stick"
    elsewhere.mkdir()
    backup = BackupService.for_studio(session.studio).back_up(owner, "manual", to=elsewhere)
    add_client(session, "Bea", "Beta")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(backup.path / "manifest.json"), ""))

    open_backups(session).restore_file_button.click()

    assert reported == []
    assert len(confirm_restore) == 1
    assert session.workspace is not None and listed_names(session.workspace) == ["Alpha, Anna"]


def test_a_refused_restore_changes_nothing_and_says_why(
    session: StudioSession, confirm_restore: list[str], message_boxes: MessageBoxes, reported: list[Exception]
) -> None:
    add_client(session, "Anna", "Alpha")
    session.workspace.window.back_up_action.trigger()  # type: ignore[union-attr]
    [backup] = backups_of(session)
    with open(backup.path / "studio.sqlite", "r+b") as copy:  # the backup is damaged after it was verified
        copy.seek(4096)
        copy.write(b"\xff" * 512)
    add_client(session, "Bea", "Beta")

    dialog = open_backups(session)
    dialog.table.selectRow(0)
    dialog.restore_button.click()

    assert reported == []
    [(kind, text)] = message_boxes.shown
    assert kind == "warning" and text.startswith(f"The backup {backup.name} failed its check, so nothing was restored")
    assert session.workspace is not None and listed_names(session.workspace) == ["Alpha, Anna", "Beta, Bea"]
    assert [r.reason for r in backups_of(session)] == ["manual"]  # no safety backup was needed


def test_cancelling_the_restore_question_restores_nothing(
    session: StudioSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    session.workspace.window.back_up_action.trigger()  # type: ignore[union-attr]
    add_client(session, "Bea", "Beta")
    monkeypatch.setattr(RestoreConfirmation, "exec", lambda box: box.cancel_button.click() or 0)
    old = session.workspace
    dialog = open_backups(session)
    dialog.table.selectRow(0)
    dialog.restore_button.click()
    assert dialog.isVisible() and session.workspace is old
    assert (
        session.studio is not None
        and session.studio.services.clients.count(session.studio.services.studio.owner()) == 1
    )


def test_no_window_is_left_behind_by_a_restore(
    session: StudioSession, confirm_restore: list[str], qtbot: QtBot
) -> None:
    session.workspace.window.back_up_action.trigger()  # type: ignore[union-attr]
    old_window = session.workspace.window  # type: ignore[union-attr]
    dialog = open_backups(session)
    dialog.table.selectRow(0)
    dialog.restore_button.click()
    visible = [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow" and w.isVisible()]
    assert visible == [session.workspace.window]  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not any(w is old_window for w in QApplication.topLevelWidgets()))


def test_with_real_threads_a_backup_and_a_restore_finish_and_the_window_follows(
    qtbot: QtBot,
    studio: OpenStudio,
    make_session: Callable[..., StudioSession],
    confirm_restore: list[str],
    message_boxes: MessageBoxes,
) -> None:
    """The app's own runner: the backup is written on the writer thread, the restore waits for it."""
    runner = BackgroundRunner(report_error=pytest.fail)
    session = make_session(studio, runner)
    add_client(session, "Anna", "Alpha")
    backups = session.workspace.backups  # type: ignore[union-attr]
    assert backups is not None
    session.workspace.window.back_up_action.trigger()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not backups.busy, timeout=10_000)
    add_client(session, "Bea", "Beta")

    dialog = open_backups(session)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)
    dialog.table.selectRow(0)
    dialog.restore_button.click()

    assert session.workspace is not None and session.workspace.backups is not backups
    qtbot.waitUntil(lambda: listed_names(session.workspace) == ["Alpha, Anna"], timeout=10_000)  # type: ignore[arg-type]
    assert [kind for kind, _ in message_boxes.shown] == ["information"]
    assert runner.wait(10_000)


def test_a_restore_stopped_part_way_says_to_run_it_again_and_running_it_again_finishes_it(
    session: StudioSession, confirm_restore: list[str], message_boxes: MessageBoxes, reported: list[Exception]
) -> None:
    photo = session.paths.photos / "anna-before.jpg"
    photo.write_bytes(b"\xff\xd8 a photo of Anna's scalp")
    add_client(session, "Anna", "Alpha")
    session.workspace.window.back_up_action.trigger()  # type: ignore[union-attr]
    add_client(session, "Bea", "Beta")
    photo.unlink()
    photo.mkdir()  # a folder where the backup's photo must go: the switch fails after it has begun
    (photo / "stray.txt").write_text("moved aside by the restore")

    def restore_newest_manual() -> None:
        dialog = open_backups(session)
        row = next(i for i, r in enumerate(dialog.model.backups()) if r.reason == "manual")
        dialog.table.selectRow(row)
        dialog.restore_button.click()

    restore_newest_manual()
    assert reported == []
    [(kind, text)] = message_boxes.shown
    assert kind == "critical" and "The restore stopped part-way" in text
    assert "restore it again to finish" in text
    assert session.workspace is not None and session.workspace.window.isVisible()  # the studio reopened

    photo.rmdir()  # the cause is fixed; the same restore again finishes
    message_boxes.shown.clear()
    restore_newest_manual()
    assert [kind for kind, _ in message_boxes.shown] == ["information"]
    assert listed_names(session.workspace) == ["Alpha, Anna"]
    assert photo.read_bytes() == b"\xff\xd8 a photo of Anna's scalp"


def test_unsaved_changes_are_asked_about_before_a_restore(
    qtbot: QtBot,
    session: StudioSession,
    confirm_restore: list[str],
    answers: Any,
) -> None:
    add_client(session, "Anna", "Alpha")
    session.workspace.window.back_up_action.trigger()  # type: ignore[union-attr]
    old = session.workspace
    assert old is not None
    old.clients.list.refresh()
    old.clients_view.table.selectRow(0)
    qtbot.keyClicks(old.clients_view.form.first_name, "bel")  # "Annabel", not saved
    answers.unsaved = ["cancel"]
    dialog = open_backups(session)
    dialog.table.selectRow(0)
    dialog.restore_button.click()
    assert answers.unsaved_asked == 1 and session.workspace is old  # stayed: nothing restored

    answers.unsaved = ["discard"]
    dialog = open_backups(session)
    dialog.table.selectRow(0)
    dialog.restore_button.click()
    assert answers.unsaved_asked == 2 and session.workspace is not old
    assert listed_names(session.workspace) == ["Alpha, Anna"]

"""Starting on a troubled data folder: a damaged database (restore a backup, then the window opens), and a second
copy of the app on the same data folder (the first comes to the front, the second exits)."""

from __future__ import annotations

import random
import socket
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDir
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from smp_desktop.core.backups import list_backups
from smp_desktop.core.db import health
from smp_desktop.core.services.backups import BackupService
from smp_desktop.core.services.client_data import ClientDraft
from smp_desktop.core.studio_db import open_studio
from smp_desktop.paths import StudioPaths
from smp_desktop.ui import app as app_module
from smp_desktop.ui.background import SynchronousRunner
from smp_desktop.ui.dialogs.damaged_studio import DamagedStudioDialog
from smp_desktop.ui.single_instance import InstanceGuard, instance_key
from smp_desktop.ui.studio_session import StudioSession

UI_TODAY = date(2026, 11, 25)
MessageBoxes = Any  # tests/ui/conftest.py's recorder of message boxes


def studio_with(paths: StudioPaths, names: list[tuple[str, str]], *, backed_up: bool) -> None:
    with open_studio(paths) as opened:
        owner = opened.services.studio.create("Test Studio", "Olivia Owner", country="GB")
        for first, last in names:
            opened.services.clients.create(owner, ClientDraft(first_name=first, last_name=last))
        if backed_up:
            BackupService.for_studio(opened).back_up(owner)


def listed_names(session: StudioSession) -> list[str]:
    assert session.workspace is not None
    model = session.workspace.clients.list.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


@pytest.fixture
def app_hooks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)


# --- a damaged database at start --------------------------------------------------------------------------------
def damage(paths: StudioPaths) -> bytes:
    garbage = random.Random(7).randbytes(64 * 1024)
    paths.database.write_bytes(garbage)
    for suffix in ("-wal", "-shm"):
        paths.database.with_name(paths.database.name + suffix).unlink(missing_ok=True)
    return garbage


def test_a_damaged_database_offers_a_backup_and_the_window_opens_on_it(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: MessageBoxes,
    runner: SynchronousRunner,
    reported: list[Exception],
    make_session: Callable[..., StudioSession],
) -> None:
    paths = StudioPaths(tmp_path / "studio")
    studio_with(paths, [("Anna", "Alpha")], backed_up=True)
    [backup] = list_backups(paths.backups)
    garbage = damage(paths)
    shown: dict[str, Any] = {}

    def choose_first_backup(dialog: DamagedStudioDialog) -> int:
        shown["explanation"] = dialog.explanation.text()
        shown["kept"] = dialog.kept_label.text()
        shown["backups"] = dialog.model.backups()
        dialog.restore_button.click()
        return dialog.result()

    monkeypatch.setattr(DamagedStudioDialog, "exec", choose_first_backup)
    studio = app_module.open_studio_at_start(paths, None, runner, today=lambda: UI_TODAY)

    assert reported == []
    assert studio is not None
    [kept] = health.kept_aside(paths)
    assert kept.read_bytes() == garbage  # kept aside exactly as it was
    assert shown["explanation"].startswith("The studio database file does not hold a database")
    assert shown["kept"] == f"The damaged file is kept, unchanged, in {kept.parent}. Nothing was deleted."
    assert shown["backups"] == [backup]
    [(kind, text)] = message_boxes.shown
    assert kind == "information" and text.startswith("Restored the backup of ") and str(kept.parent) in text

    session = make_session(studio, runner)
    assert session.workspace is not None and session.workspace.window.isVisible()
    assert listed_names(session) == ["Alpha, Anna"]


def test_quitting_the_damaged_database_dialog_opens_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: SynchronousRunner
) -> None:
    paths = StudioPaths(tmp_path / "studio")
    studio_with(paths, [], backed_up=False)
    damage(paths)

    def press_quit(dialog: DamagedStudioDialog) -> int:
        assert dialog.model.rowCount() == 0 and not dialog.restore_button.isEnabled()
        assert "There are no backups in" in dialog.prompt.text()
        dialog.quit_button.click()
        return dialog.result()

    monkeypatch.setattr(DamagedStudioDialog, "exec", press_quit)
    assert app_module.open_studio_at_start(paths, None, runner) is None
    assert not paths.database.exists()  # never replaced by a fresh, empty database
    assert len(health.kept_aside(paths)) == 1


def test_a_backup_on_another_drive_can_be_chosen_as_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: SynchronousRunner, reported: list[Exception]
) -> None:
    paths = StudioPaths(tmp_path / "studio")
    drive = tmp_path / "drive"
    drive.mkdir()
    with open_studio(paths) as opened:
        owner = opened.services.studio.create("Test Studio", "Olivia Owner")
        opened.services.clients.create(owner, ClientDraft(first_name="Anna", last_name="Alpha"))
        record = BackupService.for_studio(opened).back_up(owner, to=drive)
    damage(paths)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(record.path / "manifest.json"), ""))
    monkeypatch.setattr(
        DamagedStudioDialog, "exec", lambda dialog: dialog.restore_file_button.click() or dialog.result()
    )
    studio = app_module.open_studio_at_start(paths, None, runner)
    assert reported == [] and studio is not None
    with studio:
        assert studio.services.clients.count(studio.services.studio.owner()) == 1


def test_a_damaged_database_offers_the_backups_on_the_studios_backup_drive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: SynchronousRunner, reported: list[Exception]
) -> None:
    """The backup folder is a setting inside the database; the data folder remembers it, so a damaged database
    still offers the backups on the external drive, together with the data folder's own."""
    paths = StudioPaths(tmp_path / "studio")
    drive = tmp_path / "usb-drive" / "SMP backups"
    drive.parent.mkdir()
    with open_studio(paths) as opened:
        owner = opened.services.studio.create("Test Studio", "Olivia Owner")
        opened.services.clients.create(owner, ClientDraft(first_name="Zoë", last_name="Ørsted"))
        service = BackupService.for_studio(opened)
        safety = service.back_up(owner, "before-import", to=paths.backups)
        service.set_folder(owner, drive)
        on_drive = service.back_up(owner)
    assert on_drive.path.parent == drive
    damage(paths)
    shown: dict[str, Any] = {}

    def restore_newest(dialog: DamagedStudioDialog) -> int:
        shown["backups"] = dialog.model.backups()
        shown["prompt"] = dialog.prompt.text()
        dialog.restore_button.click()
        return dialog.result()

    monkeypatch.setattr(DamagedStudioDialog, "exec", restore_newest)
    studio = app_module.open_studio_at_start(paths, None, runner)
    assert reported == [] and studio is not None
    assert [b.path for b in shown["backups"]] == [on_drive.path, safety.path]
    assert str(drive) in shown["prompt"]
    with studio:
        assert [c.last_name for c in studio.services.clients.search(studio.services.studio.owner(), "zoe").rows] == [
            "Ørsted"
        ]


def test_a_refused_restore_asks_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, message_boxes: MessageBoxes, runner: SynchronousRunner
) -> None:
    paths = StudioPaths(tmp_path / "studio")
    studio_with(paths, [("Anna", "Alpha")], backed_up=True)
    [backup] = list_backups(paths.backups)
    (backup.path / "studio.sqlite").write_bytes(b"not a database")
    damage(paths)
    answers = iter(["restore", "quit"])

    def answer(dialog: DamagedStudioDialog) -> int:
        button = dialog.restore_button if next(answers) == "restore" else dialog.quit_button
        button.click()
        return dialog.result()

    monkeypatch.setattr(DamagedStudioDialog, "exec", answer)
    assert app_module.open_studio_at_start(paths, None, runner) is None
    [(kind, text)] = message_boxes.shown
    assert kind == "warning" and f"The backup {backup.name} failed its check" in text


def test_run_app_still_explains_a_studio_that_cannot_open(
    qtbot: QtBot, tmp_path: Path, message_boxes: MessageBoxes, app_hooks: None
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert app_module.run_app(StudioPaths(blocker / "studio"), None, ["smp-desktop"]) == 1
    [(kind, text)] = message_boxes.shown
    assert kind == "critical" and "Cannot create the data folder" in text


# --- one copy per data folder -----------------------------------------------------------------------------------
@pytest.fixture
def guards() -> Iterator[Callable[[str], InstanceGuard]]:
    made: list[InstanceGuard] = []

    def make(key: str) -> InstanceGuard:
        guard = InstanceGuard(key)
        made.append(guard)
        return guard

    yield make
    for guard in made:
        guard.release()


def test_a_second_copy_on_the_same_data_folder_brings_the_first_to_the_front(
    qtbot: QtBot, tmp_path: Path, guards: Callable[[str], InstanceGuard]
) -> None:
    key = instance_key(tmp_path / "studio")
    first, second = guards(key), guards(key)
    assert first.claim() and first.listening
    with qtbot.waitSignal(first.activate_requested, timeout=5000):
        assert second.claim() is False  # "already running": the second copy exits
    assert not second.listening


def test_the_key_is_the_data_folder_however_it_is_written(tmp_path: Path) -> None:
    (tmp_path / "other").mkdir()
    assert instance_key(tmp_path / "other" / ".." / "studio") == instance_key(tmp_path / "studio")
    assert instance_key(tmp_path / "studio") != instance_key(tmp_path / "studio-2")


def test_copies_on_different_data_folders_both_start(tmp_path: Path, guards: Callable[[str], InstanceGuard]) -> None:
    assert guards(instance_key(tmp_path / "a")).claim()
    assert guards(instance_key(tmp_path / "b")).claim()


@pytest.mark.skipif(sys.platform == "win32", reason="a named pipe disappears with its process")
def test_a_socket_left_by_a_crashed_copy_does_not_block_the_start(
    tmp_path: Path, guards: Callable[[str], InstanceGuard]
) -> None:
    key = instance_key(tmp_path / "studio")
    stale = Path(QDir.tempPath()) / key
    crashed = socket.socket(socket.AF_UNIX)
    crashed.bind(str(stale))  # bound, never listening, closed without removing the file: as after a crash
    crashed.close()
    try:
        assert stale.exists()
        first = guards(key)
        assert first.claim() and first.listening
        assert guards(key).claim() is False  # and it works as the running copy from then on
    finally:
        stale.unlink(missing_ok=True)


def test_run_app_as_a_second_copy_exits_without_opening_the_database(
    qtbot: QtBot, tmp_path: Path, guards: Callable[[str], InstanceGuard], monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = StudioPaths(tmp_path / "studio")
    first = guards(instance_key(paths.root))
    assert first.claim()
    monkeypatch.setattr(app_module, "open_studio_at_start", lambda *_a, **_k: pytest.fail("opened the studio"))
    with qtbot.waitSignal(first.activate_requested, timeout=5000):
        assert app_module.run_app(paths, None, ["smp-desktop"]) == 0
    assert not paths.root.exists()


def test_the_first_copy_comes_to_the_front(
    tmp_path: Path, runner: SynchronousRunner, make_session: Callable[..., StudioSession]
) -> None:
    paths = StudioPaths(tmp_path / "studio")
    studio_with(paths, [], backed_up=False)
    session = make_session(open_studio(paths, today=lambda: UI_TODAY), runner)
    window = session.workspace.window  # type: ignore[union-attr]
    window.showMinimized()
    assert window.isMinimized()
    session.bring_to_front()
    assert window.isVisible() and not window.isMinimized()
    assert QApplication.activeModalWidget() is None

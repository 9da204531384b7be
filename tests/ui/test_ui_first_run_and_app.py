"""First start in an empty folder (create a studio, or a demo one) and run_app's start-up and failure paths."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from smp_desktop import start_gc
from smp_desktop.core.studio_db import OpenStudio, open_studio
from smp_desktop.paths import StudioPaths
from smp_desktop.ui import app as app_module
from smp_desktop.ui.background import SynchronousRunner
from smp_desktop.ui.dialogs.first_run import FirstRunDialog
from tests.ui.focus import has_keyboard_focus

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def empty_studio(tmp_path: Path) -> Iterator[OpenStudio]:
    opened = open_studio(StudioPaths(tmp_path / "empty"))
    yield opened
    opened.close()


def first_run(qtbot: QtBot, studio: OpenStudio, runner: SynchronousRunner, **kwargs: int) -> FirstRunDialog:
    dialog = FirstRunDialog(studio, runner, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_first_run_creates_the_studio_and_its_owner(
    qtbot: QtBot, empty_studio: OpenStudio, runner: SynchronousRunner, type_text: Callable[[QWidget, str], None]
) -> None:
    dialog = first_run(qtbot, empty_studio, runner)
    qtbot.keyClicks(dialog.studio_name, "Northside Scalp Studio")
    type_text(dialog.owner_name, "Rosa Díaz")
    dialog.country.set_code("ES")
    qtbot.mouseClick(dialog.create_button, LEFT)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.display_name == "Rosa Díaz"
    info = empty_studio.services.studio.info()
    assert (info.name, info.country, info.is_demo) == ("Northside Scalp Studio", "ES", False)
    assert empty_studio.services.studio.owner() == dialog.actor


def test_first_run_explains_missing_names_beside_the_fields(
    qtbot: QtBot, empty_studio: OpenStudio, runner: SynchronousRunner
) -> None:
    dialog = first_run(qtbot, empty_studio, runner)
    qtbot.mouseClick(dialog.create_button, LEFT)
    errors = dialog.create_section.errors
    assert errors["studio_name"].isVisible() and errors["studio_name"].text() == "Enter the studio's name."
    assert errors["owner_name"].isVisible()
    assert has_keyboard_focus(dialog.studio_name)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not empty_studio.services.studio.exists()


def test_first_run_can_open_a_demo_studio(
    qtbot: QtBot, empty_studio: OpenStudio, runner: SynchronousRunner, reported: list[Exception]
) -> None:
    dialog = first_run(qtbot, empty_studio, runner, demo_clients=12)
    qtbot.mouseClick(dialog.demo_button, LEFT)
    assert reported == []
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert empty_studio.services.studio.info().is_demo
    assert dialog.actor == empty_studio.services.studio.owner()
    assert empty_studio.services.clients.count(dialog.actor, include_archived=True) == 12


def test_without_the_demo_module_the_demo_button_explains(
    qtbot: QtBot,
    empty_studio: OpenStudio,
    runner: SynchronousRunner,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: object,
) -> None:
    monkeypatch.setitem(sys.modules, "smp_desktop.core.demo", None)  # importing it now raises ImportError
    dialog = first_run(qtbot, empty_studio, runner)
    qtbot.mouseClick(dialog.demo_button, LEFT)
    assert message_boxes.texts() == ["The demo studio is not available in this version."]  # type: ignore[attr-defined]
    assert not empty_studio.services.studio.exists()


# --- run_app ---------------------------------------------------------------------------------------------------
@pytest.fixture
def app_hooks(monkeypatch: pytest.MonkeyPatch) -> None:
    """run_app installs a process-wide exception hook; put it back afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)


def test_run_app_explains_a_studio_that_cannot_open_and_exits_1(
    qtbot: QtBot, tmp_path: Path, message_boxes: object, app_hooks: None
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code = app_module.run_app(StudioPaths(blocker / "studio"), None, ["smp-desktop"])
    assert code == 1
    [(kind, text)] = message_boxes.shown  # type: ignore[attr-defined]
    assert kind == "critical" and "Cannot create the data folder" in text


def test_run_app_opens_the_main_window_on_an_existing_studio(
    qtbot: QtBot, studio: OpenStudio, studio_paths: StudioPaths, monkeypatch: pytest.MonkeyPatch, app_hooks: None
) -> None:
    seen: list[str] = []

    def fake_exec(_app: QApplication | None = None) -> int:
        windows = [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow" and w.isVisible()]
        seen.extend(w.windowTitle() for w in windows)
        for window in windows:
            window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert app_module.run_app(studio_paths, None, ["smp-desktop"]) == 0
    assert seen == ["Test Studio — SMP Desktop"]
    assert QApplication.applicationName() == "SMP Desktop"
    assert not QApplication.windowIcon().isNull()  # resources/icons/app.svg


def test_run_app_quits_quietly_when_first_run_is_cancelled(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, app_hooks: None
) -> None:
    monkeypatch.setattr(FirstRunDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
    monkeypatch.setattr(QApplication, "exec", lambda _app=None: pytest.fail("the main window should not open"))
    assert app_module.run_app(StudioPaths(tmp_path / "fresh"), None, ["smp-desktop"]) == 0


# --- the garbage collector, paused while the app starts (smp_desktop/start_gc.py, issue #8's cold start) -----------
@pytest.fixture
def paused_collector() -> Iterator[None]:
    """As cli.main leaves it before run_app; the test process gets its collector back as it was."""
    start_gc.pause()
    yield
    gc.enable()
    gc.unfreeze()


def test_the_collector_runs_again_before_the_event_loop(
    qtbot: QtBot,
    studio: OpenStudio,
    studio_paths: StudioPaths,
    monkeypatch: pytest.MonkeyPatch,
    app_hooks: None,
    paused_collector: None,
) -> None:
    seen: list[bool] = []

    def fake_exec(_app: QApplication | None = None) -> int:
        seen.append(gc.isenabled())
        for window in QApplication.topLevelWidgets():
            if window.objectName() == "mainWindow":
                window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert app_module.run_app(studio_paths, None, ["smp-desktop"]) == 0
    assert seen == [True]
    assert gc.get_freeze_count() > 0  # what start-up made is kept out of later collections


def test_the_collector_runs_again_before_the_first_run_dialog_waits_for_the_person(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, app_hooks: None, paused_collector: None
) -> None:
    seen: list[bool] = []

    def answer(_dialog: FirstRunDialog) -> int:
        seen.append(gc.isenabled())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(FirstRunDialog, "exec", answer)
    monkeypatch.setattr(QApplication, "exec", lambda _app=None: pytest.fail("the main window should not open"))
    assert app_module.run_app(StudioPaths(tmp_path / "fresh"), None, ["smp-desktop"]) == 0
    assert seen == [True]


def test_the_collector_runs_again_before_a_studio_that_cannot_open_is_explained(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, app_hooks: None, paused_collector: None
) -> None:
    seen: list[bool] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *_args: seen.append(gc.isenabled())))
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert app_module.run_app(StudioPaths(blocker / "studio"), None, ["smp-desktop"]) == 1
    assert seen == [True]

"""UI fixtures: the real main window on a real studio database, a synchronous runner, settings and dialogs isolated.

Modal pop-ups never block a test: message boxes are recorded instead of shown, and the unsaved-changes and
duplicate dialogs fail the test unless the test says which button the user presses (`answer_unsaved`, ...).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # tests/conftest.py does this too; kept for running alone

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.client_data import ClientDraft
from smp_desktop.core.services.client_validation import CheckedClient
from smp_desktop.core.studio_db import OpenStudio
from smp_desktop.ui.background import Runner, SynchronousRunner
from smp_desktop.ui.dialogs import duplicates, unsaved_changes
from smp_desktop.ui.dialogs.restore_confirm import RestoreConfirmation
from smp_desktop.ui.studio_session import StudioSession
from smp_desktop.ui.workspace import Workspace, build_workspace
from tests.ui.runners import WriteNotingRunner

# The day the studio fixture's services believe it is (tests/conftest.py TODAY); the window is told the same.
UI_TODAY = date(2026, 11, 25)


@pytest.fixture(scope="session", autouse=True)
def _settings_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Anything that builds a default QSettings() writes under a temporary folder, never the user's profile."""
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))


@pytest.fixture(autouse=True)
def _british_locale() -> Iterator[None]:
    """Dates typed and shown as dd/mm/yyyy whatever the machine's locale."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(previous)


@dataclass
class MessageBoxes:
    """Every QMessageBox.warning/information/critical/question shown during a test, instead of a blocking box."""

    shown: list[tuple[str, str]] = field(default_factory=list)

    def texts(self) -> list[str]:
        return [text for _, text in self.shown]


@pytest.fixture(autouse=True)
def _no_modal_outlives_its_test() -> Iterator[None]:
    """A modal dialog or popup a test leaves showing is hidden after it: still modal, it would keep every window of
    the next tests from being activated (shortcuts and keyboard focus need the active window). Hidden, not closed:
    closing runs handlers of controllers the test has already let go."""
    yield
    for _ in range(10):
        widget = QApplication.activeModalWidget() or QApplication.activePopupWidget()
        if widget is None:
            break
        widget.hide()


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    boxes = MessageBoxes()

    def record(kind: str) -> Callable[..., QMessageBox.StandardButton]:
        def show(_parent: object, _title: str, text: str, *_args: object, **_kwargs: object) -> object:
            boxes.shown.append((kind, text))
            return QMessageBox.StandardButton.Ok

        return show  # type: ignore[return-value]

    for kind in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record(kind)))
    return boxes


@dataclass
class DialogAnswers:
    """What the user presses in the next modal dialogs; each answer is used once, in order."""

    unsaved: list[str] = field(default_factory=list)  # "save", "discard", "cancel"
    duplicate: list[str] = field(default_factory=list)  # "open", "create", "cancel"
    unsaved_asked: int = 0
    duplicate_asked: int = 0


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> DialogAnswers:
    given = DialogAnswers()

    def unsaved_exec(dialog: unsaved_changes.UnsavedChangesDialog) -> int:
        given.unsaved_asked += 1
        assert given.unsaved, "the unsaved-changes dialog opened, but the test gave no answer"
        button = {"save": dialog.save_button, "discard": dialog.discard_button, "cancel": dialog.cancel_button}
        button[given.unsaved.pop(0)].click()
        return 0

    def duplicate_exec(dialog: duplicates.DuplicateDialog) -> int:
        given.duplicate_asked += 1
        assert given.duplicate, "the duplicate dialog opened, but the test gave no answer"
        button = {"open": dialog.open_button, "create": dialog.create_button, "cancel": dialog.cancel_button}
        button[given.duplicate.pop(0)].click()
        return dialog.result()

    monkeypatch.setattr(unsaved_changes.UnsavedChangesDialog, "exec", unsaved_exec)
    monkeypatch.setattr(duplicates.DuplicateDialog, "exec", duplicate_exec)
    return given


@pytest.fixture
def type_text(qtbot: QtBot) -> Callable[[QWidget, str], None]:
    """Type any text as key presses. qtbot.keyClicks aborts the process on a non-ASCII character (QTest maps
    each character to a key code); a real keyboard layout sends the character as the event's text, as here."""

    def type_into(widget: QWidget, text: str) -> None:
        if text.isascii():
            qtbot.keyClicks(widget, text)
            return
        for character in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, character))

    return type_into


@pytest.fixture
def ui_today() -> date:
    return UI_TODAY


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def reported() -> list[Exception]:
    """Errors the runner would have shown in the friendly error box."""
    return []


@pytest.fixture
def runner(reported: list[Exception]) -> WriteNotingRunner:
    """The synchronous runner (which also notes which jobs were asked for as writes)."""
    return WriteNotingRunner(report_error=reported.append)


@pytest.fixture
def open_workspace(
    qtbot: QtBot, studio: OpenStudio, owner: Actor, runner: SynchronousRunner, settings: QSettings
) -> Iterator[Callable[[], Workspace]]:
    """Factory: the main window as the app builds it (call after seeding clients)."""
    built: list[Workspace] = []

    def build() -> Workspace:
        workspace = build_workspace(studio.services, owner, runner, settings, today=lambda: UI_TODAY, search_delay_ms=0)
        workspace.window.show()
        if workspace.window_parts is not None:  # the menus' later commands, as a moment after start-up
            workspace.window_parts.ensure()
        built.append(workspace)
        return workspace

    yield build
    for workspace in built:  # closed here, not by qtbot, so that unsaved edits are dropped without a question
        if workspace.clients.form_built:  # a form never built holds no edits (and is not built just to close)
            workspace.clients.form.revert()
        workspace.window.close()
        workspace.window.deleteLater()


@pytest.fixture
def workspace(open_workspace: Callable[[], Workspace]) -> Workspace:
    return open_workspace()


@pytest.fixture
def add_clients(studio: OpenStudio, owner: Actor) -> Callable[[int, str], None]:
    """Factory: add_clients(n, last_name) inserts n checked clients in one transaction (fast for paging tests)."""

    def add(count: int, last_name: str = "Paging") -> None:
        clients = studio.services.clients
        drafts: list[CheckedClient] = [
            clients.check(ClientDraft(first_name=f"Client{number:04d}", last_name=last_name)) for number in range(count)
        ]
        clients.create_many(owner, drafts, action="test")

    return add


@pytest.fixture
def make_session(
    qtbot: QtBot, runner: SynchronousRunner, settings: QSettings
) -> Iterator[Callable[..., StudioSession]]:
    """Factory: make_session(opened, runner=None) starts the app's session on a studio, as run_app does: the main
    window with backups, banners and the restore that rebuilds it (the synchronous runner unless one is given)."""
    sessions: list[StudioSession] = []

    def make(opened: OpenStudio, with_runner: Runner | None = None) -> StudioSession:
        session = StudioSession(
            opened.paths, with_runner or runner, settings, today=lambda: UI_TODAY, search_delay_ms=0
        )
        assert session.start(opened)
        if session.workspace is not None and session.workspace.window_parts is not None:
            session.workspace.window_parts.ensure()  # the menus' later commands, as a moment after start-up
        sessions.append(session)
        return session

    yield make
    for session in sessions:  # put away without the backup on close (the tests that want it call close())
        workspace = session.workspace
        if workspace is not None:
            if workspace.backups is not None:
                workspace.backups.stop()
            if workspace.clients.form_built:
                workspace.clients.form.revert()
            workspace.window.close()
            workspace.window.deleteLater()
        if session.studio is not None:
            session.studio.close()
    # Delete the windows now, with their dialogs: a dialog left open by a test would otherwise still be the
    # application's modal widget in the next test.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def session(studio: OpenStudio, make_session: Callable[..., StudioSession]) -> StudioSession:
    """The app's session on the test studio (which the session may close and reopen, after a restore)."""
    return make_session(studio)


@pytest.fixture
def confirm_restore(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The restore question is answered "Restore"; what it asked is recorded."""
    asked: list[str] = []

    def press_restore(box: RestoreConfirmation) -> int:
        asked.append(f"{box.text()}\n{box.informativeText()}")
        box.restore_button.click()
        return 0

    monkeypatch.setattr(RestoreConfirmation, "exec", press_restore)
    return asked

"""A studio that cannot be written (a banner, every field locked, nothing to save or back up, a save attempt
explained in a sentence) and a data folder on a network share or in a cloud folder (a banner that can be dismissed).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from smp_desktop.core.backups import list_backups
from smp_desktop.core.db.engine import make_engine, sqlite_url
from smp_desktop.core.db.faults import ReadOnlyStudio
from smp_desktop.core.services.client_data import ClientDraft
from smp_desktop.core.studio_db import OpenStudio, open_studio
from smp_desktop.paths import StudioPaths
from smp_desktop.ui.background import SynchronousRunner
from smp_desktop.ui.studio_session import StudioSession

UI_TODAY = date(2026, 11, 25)
MessageBoxes = Any  # tests/ui/conftest.py's recorder of message boxes
READ_ONLY_REASON = "The data folder /srv/studio cannot be written, so the studio is open read-only: records can be looked up, but nothing can be saved."  # noqa: E501


def studio_with(paths: StudioPaths, names: list[tuple[str, str]]) -> None:
    with open_studio(paths) as opened:
        owner = opened.services.studio.create("Test Studio", "Olivia Owner", country="GB")
        for first, last in names:
            opened.services.clients.create(owner, ClientDraft(first_name=first, last_name=last))


def listed_names(session: StudioSession) -> list[str]:
    assert session.workspace is not None
    model = session.workspace.clients.list.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def read_only_studio(paths: StudioPaths, *, reason: str | None, warning: str | None = None) -> OpenStudio:
    """The studio as open_studio opens a folder it may not write (the engine opens the file read-only, as in
    tests/test_faults_read_only.py); the permission check itself is tested there, in a process without root's
    override."""
    engine = make_engine(sqlite_url(paths.database), read_only=reason is not None)
    return OpenStudio(paths, engine, today=lambda: UI_TODAY, read_only_reason=reason, storage_warning=warning)


def test_a_read_only_studio_shows_a_banner_and_offers_nothing_to_save(
    qtbot: QtBot, tmp_path: Path, message_boxes: MessageBoxes, make_session: Callable[..., StudioSession]
) -> None:
    paths = StudioPaths(tmp_path / "studio")
    studio_with(paths, [("Anna", "Alpha")])
    runner = SynchronousRunner()  # errors reach the person's error box, as in the app
    session = make_session(read_only_studio(paths, reason=READ_ONLY_REASON), runner)
    workspace = session.workspace
    assert workspace is not None and workspace.read_only_banner is not None
    assert workspace.read_only_banner.isVisible() and workspace.read_only_banner.text.text() == READ_ONLY_REASON
    window, view = workspace.window, workspace.clients_view
    assert not window.new_client_action.isEnabled() and not view.new_button.isEnabled()
    assert not window.back_up_action.isEnabled()
    assert not window.backup_warning.isVisible()  # no backup can be made here, so none is asked for
    assert listed_names(session) == ["Alpha, Anna"]  # reading works

    view.table.selectRow(0)
    form = view.form
    assert form.first_name.text() == "Anna"
    qtbot.keyClicks(form.first_name, "e")
    assert form.first_name.text() == "Anna" and not workspace.clients.form.is_dirty  # fields can be read, not edited
    assert not form.country.isEnabled() and not form.scars.add_button.isEnabled()
    assert not form.save_button.isEnabled() and not form.archive_button.isEnabled()
    assert not window.archive_action.isEnabled()
    workspace.clients.form.save()  # a save that reaches the database anyway is explained in a sentence
    assert message_boxes.shown == [("warning", ReadOnlyStudio.message)]

    window.close()
    session.close()
    assert list_backups(paths.backups) == []  # no backup on close: nothing can be recorded in a read-only studio


def test_a_studio_that_turns_out_read_only_explains_the_failed_save(
    qtbot: QtBot, tmp_path: Path, message_boxes: MessageBoxes, make_session: Callable[..., StudioSession]
) -> None:
    """The folder looked writable at start (no banner), but the database refuses the write."""
    paths = StudioPaths(tmp_path / "studio")
    studio_with(paths, [("Anna", "Alpha")])
    engine = make_engine(sqlite_url(paths.database), read_only=True)
    session = make_session(OpenStudio(paths, engine, today=lambda: UI_TODAY), SynchronousRunner())
    workspace = session.workspace
    assert workspace is not None and workspace.read_only_banner is None
    workspace.clients_view.new_button.click()
    qtbot.keyClicks(workspace.clients_view.form.first_name, "Bea")
    qtbot.mouseClick(workspace.clients_view.form.save_button, Qt.MouseButton.LeftButton)
    assert message_boxes.shown == [("warning", ReadOnlyStudio.message)]


def test_a_network_or_cloud_folder_gets_a_banner_that_can_be_dismissed(
    tmp_path: Path, runner: SynchronousRunner, make_session: Callable[..., StudioSession]
) -> None:
    paths = StudioPaths(tmp_path / "studio")
    studio_with(paths, [])
    warning = f"The data folder {paths.root} is inside a Dropbox folder. SQLite ... must stay on a local disk."
    session = make_session(read_only_studio(paths, reason=None, warning=warning), runner)
    workspace = session.workspace
    assert workspace is not None and workspace.read_only_banner is None
    banner = workspace.storage_banner
    assert banner is not None and banner.isVisible() and banner.text.text() == warning
    assert banner.dismiss_button is not None
    banner.dismiss_button.click()
    assert not banner.isVisible()
    assert workspace.window.new_client_action.isEnabled()

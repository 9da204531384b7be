"""A studio that cannot be written (a banner, every field locked, nothing to save or back up, a save attempt
explained in a sentence) and a data folder on a network share or in a cloud folder (a banner that can be dismissed).

One test starts the real app's pieces in a child process that really lacks write permission (as
tests/test_faults_read_only.py does: as root, without the capability to override file permissions). Run as a
script, this file is that child: `python test_ui_read_only.py DATA_DIR SETTINGS_FILE` prints a JSON result."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from smp_desktop.core.backups import list_backups
from smp_desktop.core.db.engine import make_engine, sqlite_url
from smp_desktop.core.db.faults import ReadOnlyStudio
from smp_desktop.core.services.client_data import ClientDraft
from smp_desktop.core.studio_db import OpenStudio, open_studio
from smp_desktop.paths import StudioPaths
from smp_desktop.ui.background import SynchronousRunner
from smp_desktop.ui.studio_session import StudioSession

NO_OVERRIDE = "-dac_override,-dac_read_search,-fowner"
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


def _child(data_dir: str, settings_file: str) -> dict[str, Any]:
    """What the person sees when the app starts on the folder: run_app's own opening, then the session."""
    from PySide6.QtWidgets import QMessageBox

    from smp_desktop.ui.app import create_application, open_studio_at_start

    shown: list[str] = []
    for kind in ("warning", "information", "critical", "question"):
        setattr(QMessageBox, kind, staticmethod(lambda _parent, _title, text, *_a, **_k: shown.append(text)))
    create_application(["smp-desktop"])
    paths = StudioPaths(Path(data_dir))
    runner = SynchronousRunner()
    studio = open_studio_at_start(paths, None, runner)
    assert studio is not None, shown
    session = StudioSession(paths, runner, QSettings(settings_file, QSettings.Format.IniFormat))
    assert session.start(studio)
    workspace = session.workspace
    assert workspace is not None and workspace.read_only_banner is not None
    window = workspace.window
    window.show()
    result = {
        "banner": workspace.read_only_banner.text.text() if workspace.read_only_banner.isVisible() else None,
        "names": listed_names(session),
        "new_enabled": window.new_client_action.isEnabled(),
        "back_up_enabled": window.back_up_action.isEnabled(),
        "messages": list(shown),
    }
    window.close()
    session.close()  # no backup on close: the studio cannot record one
    return result


def test_the_app_on_a_folder_it_may_not_write_opens_read_only_with_the_banner(tmp_path: Path) -> None:
    paths = StudioPaths(tmp_path / "studio")
    studio_with(paths, [("Anna", "Alpha")])
    before = {p.relative_to(paths.root): p.read_bytes() for p in sorted(paths.root.rglob("*")) if p.is_file()}
    paths.root.chmod(0o555)
    command = [sys.executable, __file__, str(paths.root), str(tmp_path / "settings.ini")]
    if os.geteuid() == 0:
        command = ["setpriv", f"--bounding-set={NO_OVERRIDE}", f"--inh-caps={NO_OVERRIDE}", "--", *command]
    try:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False, env=env)
    finally:
        paths.root.chmod(0o755)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.splitlines()[-1])
    assert seen["banner"].startswith(f"The data folder {paths.root} cannot be written")
    assert seen["names"] == ["Alpha, Anna"]
    assert seen["new_enabled"] is False and seen["back_up_enabled"] is False
    assert seen["messages"] == []  # started without a single error box
    after = {p.relative_to(paths.root): p.read_bytes() for p in sorted(paths.root.rglob("*")) if p.is_file()}
    assert after == before  # not a byte written: no backup, no -wal, no settings


if __name__ == "__main__":
    print(json.dumps(_child(sys.argv[1], sys.argv[2])))

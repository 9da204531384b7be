"""A studio that cannot be written (a banner, every field locked, nothing to save or back up, a save attempt
explained in a sentence) and a data folder on a network share or in a cloud folder (a banner that can be dismissed).

Actions that change no record but write an audit event as they work (a document made for a client, an export, a
printed form, a signed copy opened) are off in a read-only studio, each with a tooltip saying why, rather than
failing on the audit write once asked for; what is not audited (the ink catalogue's CSV) still works.

One test starts the real app's pieces in a child process that really lacks write permission (as
tests/test_faults_read_only.py does: as root, without the capability to override file permissions). Run as a
script, this file is that child: `python test_ui_read_only.py DATA_DIR SETTINGS_FILE` prints a JSON result."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton
from pytestqt.qtbot import QtBot

from smp_desktop.core.backups import list_backups
from smp_desktop.core.db.engine import make_engine, sqlite_url
from smp_desktop.core.db.faults import ReadOnlyStudio
from smp_desktop.core.domain import ScalpZone, SessionKind
from smp_desktop.core.ink import LABEL_FIELDS, LabelCheck
from smp_desktop.core.removal_vocabulary import RemovalMethod, RemovalReason
from smp_desktop.core.services.client_data import ClientDraft
from smp_desktop.core.services.ink_data import LotDraft, ProductDraft
from smp_desktop.core.services.session_data import SessionDraft, ZoneEntry
from smp_desktop.core.studio_db import OpenStudio, open_studio
from smp_desktop.paths import StudioPaths
from smp_desktop.ui.background import SynchronousRunner
from smp_desktop.ui.controllers.consent_controller import ConsentController
from smp_desktop.ui.controllers.document_actions import AftercareAction
from smp_desktop.ui.controllers.ink_session_actions import InkPapersAction
from smp_desktop.ui.controllers.read_only_actions import read_only_note
from smp_desktop.ui.controllers.removal_controller import RemovalController
from smp_desktop.ui.studio_session import StudioSession
from smp_desktop.ui.views.removal_tab_view import RemovalTabView
from smp_desktop.ui.workspace import Workspace

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


def studio_with_records(paths: StudioPaths) -> int:
    """A client with a signed consent, a completed session whose zone names a lot (recalled since), and a removal
    plan: something behind every audited action. Returns the client's id."""
    from consent_helpers import give_valid_consent  # tests/ is not on the path when this file runs as the child

    with open_studio(paths, today=lambda: UI_TODAY) as opened:
        services = opened.services
        owner = services.studio.create("Test Studio", "Olivia Owner", country="GB")
        client = services.clients.create(owner, ClientDraft(first_name="Zoë", last_name="Łukasiewicz"))
        give_valid_consent(opened, owner, client.id)
        product = services.ink.save_product(owner, ProductDraft("Scalp Pigments Co.", "Soft Black"))
        checks = dict.fromkeys(LABEL_FIELDS, LabelCheck.PRESENT)
        lot = services.ink.save_lot(
            owner, LotDraft(product.id, "SB-2407", purchased_on=date(2026, 1, 5), expires_on=date(2028, 1, 5), **checks)
        )
        draft = SessionDraft(
            kind=SessionKind.SESSION_1,
            starts_at=datetime(2026, 11, 2, 10).astimezone(),
            artist_id=owner.staff_id,
            health_unchanged=True,
            zones=(ZoneEntry(ScalpZone.HAIRLINE, lot_id=lot.id),),
        )
        services.sessions.create(owner, client.id, draft, complete=True)
        services.ink.recall(owner, lot.id, "Nickel above the limit", source="Supplier notice")
        removals = services.removals
        removals.create(
            owner, client.id, removals.new_draft(owner, client.id, RemovalMethod.SALINE, RemovalReason.SHAPE)
        )
        return client.id


def open_client(workspace: Workspace, client_id: int) -> None:
    workspace.window.resize(1400, 900)
    workspace.clients.list.refresh(select_id=client_id)
    workspace.clients._on_client_picked(client_id)  # as a click on the list row does


def show_tab(workspace: Workspace, title: str) -> None:
    tabs = workspace.clients_view.client_tabs
    tabs.tabBar().setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == title))


def assert_off_and_explained(*targets: QPushButton | QAction) -> None:
    for target in targets:
        assert not target.isEnabled(), target.text()
        assert target.toolTip().endswith(read_only_note()), target.toolTip()


def test_audited_actions_are_off_in_a_read_only_studio_and_say_why(
    qtbot: QtBot, tmp_path: Path, message_boxes: MessageBoxes, make_session: Callable[..., StudioSession]
) -> None:
    paths = StudioPaths(tmp_path / "studio")
    client_id = studio_with_records(paths)
    session = make_session(read_only_studio(paths, reason=READ_ONLY_REASON), SynchronousRunner())
    workspace = session.workspace
    assert workspace is not None and workspace.client_tabs is not None
    open_client(workspace, client_id)
    tabs = workspace.client_tabs

    # Sessions tab: the aftercare sheet and the ink papers of a completed session, which reads fine.
    show_tab(workspace, "Sessions")
    aftercare, ink_papers = tabs.controller("aftercare"), tabs.controller("ink_papers")
    assert isinstance(aftercare, AftercareAction) and isinstance(ink_papers, InkPapersAction)
    assert workspace.sessions is not None
    sessions_view = workspace.sessions.view
    assert sessions_view.isVisible() and sessions_view.model.rowCount() == 1
    sessions_view.table.selectRow(0)
    chosen = aftercare.selected()
    assert chosen is not None and aftercare.allows(chosen) and ink_papers.allows(chosen)  # only the studio stops them
    assert_off_and_explained(aftercare.button, ink_papers.button, ink_papers.sheet_action, ink_papers.passport_action)
    assert aftercare.button.toolTip().startswith("The client's aftercare sheet for this session")
    qtbot.mouseClick(aftercare.button, Qt.MouseButton.LeftButton)
    ink_papers.passport_action.trigger()
    assert aftercare.preview is None and ink_papers.preview is None

    # Removal tab: the plan's document.
    show_tab(workspace, "Removal")
    removal = tabs.controller("removal")
    assert isinstance(removal, RemovalController) and removal.plan_id is not None
    removal_view = workspace.clients_view.client_tabs.currentWidget()
    assert isinstance(removal_view, RemovalTabView)
    preview_button = removal_view.preview_button
    assert_off_and_explained(preview_button)
    assert preview_button.toolTip().startswith("The saved plan as a PDF")

    # Consent & health tab: printing a form (pre-filled or blank) and opening the signed copy.
    show_tab(workspace, "Consent && health")
    consent = tabs.controller("consent")
    assert isinstance(consent, ConsentController) and consent.overview is not None
    view = consent.view
    view.table.selectRow(0)
    assert_off_and_explained(view.print_button, view.blank_button, view.open_button)
    on_row = view.table.visualRect(view.table.model().index(0, 0)).center()
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=on_row)  # a double click: press, release,
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=on_row)  # press, double click, release
    assert consent.preview is None and view.message.text() == read_only_note()  # a double-click says why

    # Clients menu: the three exports; File menu: the day's paperwork.
    window = workspace.window
    exports = (window.export_record_action, window.export_subject_action, window.export_many_action)
    assert_off_and_explained(*exports)
    clients_menu = next(o for o in window.export_record_action.associatedObjects() if isinstance(o, QMenu))
    assert clients_menu.toolTipsVisible()  # the reason shows over the greyed entry
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    file_menu.popup(window.mapToGlobal(window.rect().topLeft()))  # its later commands are in it once it opens
    paperwork = window.findChild(QAction, "printPaperworkAction")
    file_menu.hide()
    assert isinstance(paperwork, QAction)
    assert_off_and_explained(paperwork)
    for action in (*exports, paperwork):
        action.trigger()  # a disabled action ignores even a trigger from code
    assert workspace.exports is not None and workspace.exports.preview is None

    # Ink register: the lots' CSV and the recall list (CSV and PDF) and letters are audited; the catalogue's CSV is not.
    assert workspace.ink is not None
    ink = workspace.ink.controller
    assert ink.report is not None and ink.report.lot.draft.lot_number == "SB-2407"
    view = ink.view
    assert_off_and_explained(
        view.export_lots_button, view.export_recall_csv_button, view.export_recall_pdf_button, view.letters_button
    )
    assert view.export_products_button.isEnabled()

    assert message_boxes.shown == []  # nothing failed on an audit write


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

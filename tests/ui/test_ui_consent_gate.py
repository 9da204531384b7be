"""The gate on the Sessions tab: Mark completed without a consent says what is missing; the owner's "Complete
anyway…" lists it, needs a reason, completes the session and keeps the reason; an artist has no such button."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from smp_desktop.core.domain import ScalpZone, SessionKind, SessionStatus, StaffRole
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.session_data import SessionDraft, ZoneEntry
from smp_desktop.core.studio_db import OpenStudio
from smp_desktop.ui.controllers.consent_gate_controller import ConsentGateOverride
from smp_desktop.ui.workspace import Workspace, build_workspace
from tests.ui.conftest import UI_TODAY

LEFT = Qt.MouseButton.LeftButton
ZONE = ZoneEntry(ScalpZone.CROWN, "Charcoal", "CH-1", 2, 1, "3RL 0.30 mm", None, 3.0, "level 5")


def open_sessions(workspace: Workspace, client_id: int) -> None:
    workspace.window.resize(1400, 900)
    workspace.clients.list.refresh(select_id=client_id)
    workspace.clients._on_client_picked(client_id)
    tabs = workspace.clients_view.client_tabs
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == "Sessions"))


def test_the_owner_completes_with_a_reason_that_is_kept(
    qtbot: QtBot, studio: OpenStudio, owner: Actor, workspace: Workspace, make_client
) -> None:
    client = make_client(first_name="Zoë", last_name="Łukasiewicz")
    at = datetime(UI_TODAY.year, UI_TODAY.month, UI_TODAY.day, 9).astimezone()
    planned = studio.services.sessions.create(
        owner, client.id, SessionDraft(SessionKind.SESSION_1, at, health_unchanged=True, zones=(ZONE,))
    )
    open_sessions(workspace, client.id)
    assert workspace.client_tabs is not None
    override = workspace.client_tabs.controller("gate_override")
    assert isinstance(override, ConsentGateOverride)
    view = override._view
    view.table.selectRow(0)
    button = view.findChild(QPushButton, "gateOverrideButton")
    assert button is override.button and button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, LEFT)
    dialog = override.dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.complete_button.isEnabled()
    qtbot.keyClicks(dialog.reason, "Consent signed on paper today; scan follows")
    qtbot.mouseClick(dialog.complete_button, LEFT)
    assert not dialog.isVisible()
    assert studio.services.sessions.get(owner, planned.id).status is SessionStatus.COMPLETED
    reason = studio.services.consents.gate_override(owner, planned.id)
    assert reason == "Consent signed on paper today; scan follows"
    assert view.model.session_at(0).status is SessionStatus.COMPLETED


def test_an_artist_has_no_override(
    qtbot: QtBot, studio: OpenStudio, owner: Actor, runner, settings, make_client
) -> None:
    info = studio.services.studio.add_staff(owner, "Priya Shah", StaffRole.ARTIST)
    artist = Actor(info.id, info.display_name, info.role)
    client = make_client()
    workspace = build_workspace(studio.services, artist, runner, settings, today=lambda: UI_TODAY, search_delay_ms=0)
    workspace.window.show()
    try:
        open_sessions(workspace, client.id)
        assert workspace.client_tabs is not None and workspace.client_tabs.controller("gate_override") is None
        assert workspace.window.findChild(QPushButton, "gateOverrideButton") is None
    finally:
        workspace.window.close()
        workspace.window.deleteLater()

"""The client page's Sessions tab and the session editor, driven through their real widgets: booking a session with
two zones typed into the zone table, the spacing warning confirmed with a reason, completing with the health
re-confirmation, cancelling with a reason, the unsaved-changes guard, and what reception may do."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from consent_helpers import give_valid_consent
from PySide6.QtCore import QDate, QPoint, QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QDoubleSpinBox, QLineEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from smp_desktop.core.domain import ScalpZone, SessionKind, SessionStatus, StaffRole
from smp_desktop.core.models import SessionZone, TreatmentSession
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.client_data import ClientRecord
from smp_desktop.core.services.session_data import SessionDraft, ZoneEntry
from smp_desktop.core.studio_db import OpenStudio
from smp_desktop.ui.background import SynchronousRunner
from smp_desktop.ui.controllers.session_editor_controller import SessionEditorController
from smp_desktop.ui.dialogs.cancel_session import CancelSessionDialog
from smp_desktop.ui.models import zone_table_model as zt
from smp_desktop.ui.views.sessions_tab_view import SessionsTabView
from smp_desktop.ui.workspace import Workspace, build_workspace
from tests.ui.conftest import UI_TODAY, DialogAnswers

LEFT = Qt.MouseButton.LeftButton
CROWN = ZoneEntry(ScalpZone.CROWN, "Charcoal", "CH-25031", 2, 1, "3RL 0.30 mm", None, 3.0, "level 5")


def at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute).astimezone()


def days(n: int) -> date:
    return UI_TODAY + timedelta(days=n)


def open_sessions_tab(workspace: Workspace, client: ClientRecord) -> SessionsTabView:
    workspace.window.resize(1400, 900)
    workspace.clients.list.refresh(select_id=client.id)
    workspace.clients._on_client_picked(client.id)  # as a click on the list row does
    tabs = workspace.clients_view.client_tabs
    index = next(i for i in range(tabs.count()) if tabs.tabText(i) == "Sessions")
    assert tabs.isTabEnabled(index) and index == 2  # after the profile and the consent & health tab
    tabs.tabBar().setCurrentIndex(index)
    page = tabs.widget(index)
    assert isinstance(page, SessionsTabView)
    return page


def editor_of(workspace: Workspace) -> SessionEditorController:
    assert workspace.sessions is not None and workspace.sessions.editor is not None
    return workspace.sessions.editor


def cell_editor(table: QTableView, kind: type[QWidget]) -> QWidget:
    found = [w for w in table.viewport().findChildren(kind) if w.isVisible()]
    assert len(found) == 1, found
    return found[0]


def type_cell(qtbot: QtBot, table: QTableView, row: int, column: int, text: str) -> None:
    index = table.model().index(row, column)
    table.setCurrentIndex(index)
    table.edit(index)
    kind = QDoubleSpinBox if column in (zt.VOLTAGE, zt.STROKE) else QLineEdit
    editor = cell_editor(table, kind)
    if isinstance(editor, QDoubleSpinBox):
        editor.lineEdit().selectAll() if hasattr(editor, "lineEdit") else None
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def choose_zone(qtbot: QtBot, table: QTableView, row: int, zone: ScalpZone) -> None:
    index = table.model().index(row, zt.ZONE)
    table.setCurrentIndex(index)
    table.edit(index)
    combo = cell_editor(table, QComboBox)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(zone.value))
    qtbot.keyClick(combo, Qt.Key.Key_Return)


def type_date(qtbot: QtBot, editor: QWidget, day: date) -> None:
    editor.setFocus()
    from PySide6.QtWidgets import QDateTimeEdit

    assert isinstance(editor, QDateTimeEdit)
    editor.setSelectedSection(QDateTimeEdit.Section.DaySection)
    qtbot.keyClicks(editor, f"{day:%d/%m/%Y}")
    assert editor.date() == QDate(day.year, day.month, day.day)


def tick(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click a check box or radio button on its indicator (its row is wider than its text)."""
    qtbot.mouseClick(button, LEFT, pos=QPoint(8, button.height() // 2))


def stored(studio: OpenStudio) -> list[TreatmentSession]:
    with studio.sessions() as session:
        rows = session.scalars(select(TreatmentSession).order_by(TreatmentSession.id)).all()
        for row in rows:
            session.expunge(row)
        return list(rows)


def test_book_a_session_with_two_zones_typed_into_the_table(
    qtbot: QtBot, studio: OpenStudio, workspace: Workspace, make_client: Callable[..., ClientRecord]
) -> None:
    client = make_client(first_name="Łukasz", last_name="Żółkiewski")
    tab = open_sessions_tab(workspace, client)
    assert tab.course_headline.text() == "No sessions yet"
    assert tab.course_suggestion.text().startswith("Suggested next: Consultation on Thu 26 Nov 2026, 10:00")

    qtbot.mouseClick(tab.new_button, LEFT)
    editor = editor_of(workspace)
    view = editor.view
    assert editor.dialog.isVisible() and view.kind.currentData() == "consultation"
    assert view.title_label.text() == "Consultation · Łukasz Żółkiewski"
    view.kind.setCurrentIndex(view.kind.findData("session_1"))
    type_date(qtbot, view.date, days(3))
    qtbot.keyClicks(view.numbing, "lidocaine 5% cream")

    qtbot.mouseClick(view.add_zone_button, LEFT)
    table = view.zone_table
    qtbot.keyClick(cell_editor(table, QComboBox), Qt.Key.Key_Return)  # the hairline, as offered
    type_cell(qtbot, table, 0, zt.SHADE, "Carbon black (soft)")
    type_cell(qtbot, table, 0, zt.LOT, "CB-24117")
    type_cell(qtbot, table, 0, zt.DILUTION, "3:1")
    type_cell(qtbot, table, 0, zt.NEEDLE, "1RL 0.25 mm")
    type_cell(qtbot, table, 0, zt.VOLTAGE, "7.5")
    qtbot.mouseClick(view.add_zone_button, LEFT)
    qtbot.keyClick(cell_editor(table, QComboBox), Qt.Key.Key_Escape)
    choose_zone(qtbot, table, 1, ScalpZone.CROWN)
    type_cell(qtbot, table, 1, zt.DILUTION, "2 : 1")
    type_cell(qtbot, table, 1, zt.STROKE, "3")
    assert table.model().index(0, zt.VOLTAGE).data() == "7.5 V"
    assert table.model().index(1, zt.ZONE).data() == "Crown"

    qtbot.mouseClick(view.save_button, LEFT)
    assert not editor.dialog.isVisible()
    (row,) = stored(studio)
    assert (row.kind, row.status, row.numbing) == (SessionKind.SESSION_1, SessionStatus.PLANNED, "lidocaine 5% cream")
    assert row.starts_at == at(days(3))
    with studio.sessions() as session:
        zones = session.scalars(select(SessionZone).order_by(SessionZone.position)).all()
        assert [
            (z.zone, z.pigment_shade, z.pigment_lot, z.dilution_water_parts, z.dilution_pigment_parts) for z in zones
        ] == [
            (ScalpZone.HAIRLINE, "Carbon black (soft)", "CB-24117", 3, 1),
            (ScalpZone.CROWN, "", "", 2, 1),
        ]
        assert (zones[0].needle, zones[0].machine_voltage, zones[1].machine_stroke_mm) == ("1RL 0.25 mm", 7.5, 3)
    model = tab.model
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "Sat 28 Nov 2026, 10:00–13:00"
    assert [model.index(0, c).data() for c in range(1, 5)] == [
        "Session 1",
        "Planned",
        "Olivia Owner",
        "Hairline, Crown",
    ]
    assert tab.course_headline.text() == "0 of 3 sessions done"
    assert tab.course_details.text().startswith("Next: Sat 28 Nov 2026, 10:00 (Session 1)")


def test_a_dilution_that_is_not_a_mix_is_reported_on_its_zone_and_nothing_is_saved(
    qtbot: QtBot, studio: OpenStudio, workspace: Workspace, make_client: Callable[..., ClientRecord]
) -> None:
    tab = open_sessions_tab(workspace, make_client(first_name="Иван", last_name="Иванов"))
    qtbot.mouseClick(tab.new_button, LEFT)
    view = editor_of(workspace).view
    qtbot.mouseClick(view.add_zone_button, LEFT)
    qtbot.keyClick(cell_editor(view.zone_table, QComboBox), Qt.Key.Key_Return)
    type_cell(qtbot, view.zone_table, 0, zt.DILUTION, "3:")
    qtbot.mouseClick(view.save_button, LEFT)
    assert view.errors["zones"].isVisible()
    assert "Zone 1 (Hairline): “3:” is not a dilution" in view.errors["zones"].text()
    assert stored(studio) == []


def test_booking_sooner_than_the_spacing_needs_a_reason(
    qtbot: QtBot,
    type_text: Callable[[QWidget, str], None],
    studio: OpenStudio,
    owner: Actor,
    workspace: Workspace,
    make_client: Callable[..., ClientRecord],
) -> None:
    client = make_client(first_name="Γιώργος", last_name="Παπαδόπουλος")
    give_valid_consent(studio, owner, client.id)  # the completion gate
    done = SessionDraft(SessionKind.SESSION_1, at(days(-5)), health_unchanged=True, zones=(CROWN,))
    studio.services.sessions.create(owner, client.id, done, complete=True)
    tab = open_sessions_tab(workspace, client)
    assert tab.course_headline.text() == "1 of 3 sessions done"
    qtbot.mouseClick(tab.new_button, LEFT)
    editor = editor_of(workspace)
    view = editor.view
    assert view.kind.currentData() == "session_2" and view.date.date() == QDate(2026, 11, 30)
    assert view.spacing_panel.isHidden()

    type_date(qtbot, view.date, days(2))
    assert view.spacing_panel.isVisible()
    assert view.spacing_panel.text.text() == (
        "Session 1 on Fri 20 Nov 2026 was only 7 days earlier. "
        "The studio's minimum spacing is 10 days: the scalp is still healing."
    )
    qtbot.mouseClick(view.save_button, LEFT)
    assert view.errors["spacing_note"].isVisible() and "give a reason" in view.errors["spacing_note"].text()
    assert len(stored(studio)) == 1

    type_text(view.spacing_note, "Flying to Kraków on the 30th")
    assert not view.errors["spacing_note"].isVisible()
    qtbot.mouseClick(view.save_button, LEFT)
    assert not editor.dialog.isVisible()
    new = stored(studio)[-1]
    assert (new.kind, new.spacing_note) == (SessionKind.SESSION_2, "Flying to Kraków on the 30th")


def test_an_artist_booked_twice_is_confirmed_by_ticking(
    qtbot: QtBot, studio: OpenStudio, owner: Actor, workspace: Workspace, make_client: Callable[..., ClientRecord]
) -> None:
    other = make_client(first_name="伟", last_name="王")
    studio.services.sessions.create(
        owner, other.id, SessionDraft(SessionKind.SESSION_2, at(days(1)), 180, owner.staff_id)
    )
    tab = open_sessions_tab(workspace, make_client(first_name="Minh", last_name="Nguyễn"))
    qtbot.mouseClick(tab.new_button, LEFT)
    editor = editor_of(workspace)
    view = editor.view
    assert view.artist.currentData() == owner.staff_id and view.overlap_panel.isVisible()
    assert "Olivia Owner already has Session 2 with 王伟 from 10:00 to 13:00" in view.overlap_panel.text.text()
    view.accept_overlap.setChecked(False)
    qtbot.mouseClick(view.save_button, LEFT)
    assert editor.dialog.isVisible() and len(stored(studio)) == 1
    tick(qtbot, view.accept_overlap)
    assert view.accept_overlap.isChecked()
    qtbot.mouseClick(view.save_button, LEFT)
    assert [e.text() for e in view.errors.values() if e.isVisible()] == []
    assert not editor.dialog.isVisible() and len(stored(studio)) == 2


def test_mark_completed_asks_for_the_health_reconfirmation_first(
    qtbot: QtBot, studio: OpenStudio, owner: Actor, workspace: Workspace, make_client: Callable[..., ClientRecord]
) -> None:
    client = make_client(first_name="عبدالله", last_name="الحربي")
    give_valid_consent(studio, owner, client.id)  # the completion gate
    planned = SessionDraft(SessionKind.SESSION_1, at(UI_TODAY, 9), zones=(CROWN,))
    record = studio.services.sessions.create(owner, client.id, planned)
    tab = open_sessions_tab(workspace, client)
    tab.table.selectRow(0)
    assert tab.complete_button.isEnabled()
    qtbot.mouseClick(tab.complete_button, LEFT)
    editor = editor_of(workspace)
    view = editor.view
    assert view.title_label.text() == "Complete Session 1 · عبدالله الحربي"
    assert view.errors["health_unchanged"].isVisible()
    assert stored(studio)[0].status is SessionStatus.PLANNED

    tick(qtbot, view.health_changed)
    qtbot.mouseClick(view.save_button, LEFT)  # "changed" without saying what
    assert view.errors["health_changes"].isVisible()
    tick(qtbot, view.health_unchanged)
    qtbot.mouseClick(view.save_button, LEFT)
    assert not editor.dialog.isVisible()
    row = stored(studio)[0]
    assert (row.id, row.status, row.health_unchanged) == (record.id, SessionStatus.COMPLETED, True)
    assert tab.model.index(0, 2).data() == "Completed" and tab.course_headline.text() == "1 of 3 sessions done"
    assert "touch-up due Nov 2031" in tab.course_details.text()


def test_cancel_a_session_with_a_reason(
    qtbot: QtBot,
    type_text: Callable[[QWidget, str], None],
    monkeypatch: pytest.MonkeyPatch,
    studio: OpenStudio,
    owner: Actor,
    workspace: Workspace,
    make_client: Callable[..., ClientRecord],
) -> None:
    client = make_client(first_name="Zofia", last_name="Żółkiewska")
    studio.services.sessions.create(owner, client.id, SessionDraft(SessionKind.CONSULTATION, at(days(4)), 60))
    asked: list[str] = []

    def give_reason(dialog: CancelSessionDialog) -> int:
        asked.append(dialog.findChild(QWidget).__class__.__name__)
        assert not dialog.cancel_session_button.isEnabled()
        type_text(dialog.reason, "Sunburn on the scalp — postponed")
        dialog.cancel_session_button.click()
        return dialog.result()

    monkeypatch.setattr(CancelSessionDialog, "exec", give_reason)
    tab = open_sessions_tab(workspace, client)
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.cancel_button, LEFT)
    assert asked
    row = stored(studio)[0]
    assert (row.status, row.cancel_reason) == (SessionStatus.CANCELLED, "Sunburn on the scalp — postponed")
    assert tab.model.index(0, 2).data() == "Cancelled"
    assert tab.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "Cancelled: Sunburn on the scalp — postponed"
    tab.table.selectRow(0)
    assert not tab.cancel_button.isEnabled() and not tab.complete_button.isEnabled()


def test_unsaved_changes_are_guarded(
    qtbot: QtBot,
    studio: OpenStudio,
    workspace: Workspace,
    answers: DialogAnswers,
    make_client: Callable[..., ClientRecord],
) -> None:
    tab = open_sessions_tab(workspace, make_client(first_name="Nguyễn", last_name="An"))
    qtbot.mouseClick(tab.new_button, LEFT)
    editor = editor_of(workspace)
    qtbot.mouseClick(editor.view.close_button, LEFT)  # untouched: closes without a question
    assert not editor.dialog.isVisible() and answers.unsaved_asked == 0

    qtbot.mouseClick(tab.new_button, LEFT)
    editor = editor_of(workspace)
    qtbot.keyClicks(editor.view.notes, "Prefers the afternoon")
    assert editor.view.unsaved_label.isHidden()  # a new session is unsaved anyway; no label needed
    answers.unsaved = ["cancel"]
    qtbot.keyClick(editor.dialog, Qt.Key.Key_Escape)
    assert editor.dialog.isVisible()
    answers.unsaved = ["save"]
    qtbot.mouseClick(editor.view.close_button, LEFT)
    assert not editor.dialog.isVisible() and answers.unsaved_asked == 2
    assert stored(studio)[0].notes == "Prefers the afternoon"


def test_reception_books_but_sees_no_health_answers_and_records_no_treatment(
    qtbot: QtBot,
    studio: OpenStudio,
    owner: Actor,
    runner: SynchronousRunner,
    settings: QSettings,
    make_client: Callable[..., ClientRecord],
) -> None:
    member = studio.services.studio.add_staff(owner, "Chloe Evans", StaffRole.RECEPTION)
    reception = Actor(member.id, member.display_name, member.role)
    client = make_client(first_name="Ιωάννα", last_name="Παπαδοπούλου")
    recorded = SessionDraft(
        SessionKind.SESSION_1,
        at(days(1)),
        180,
        owner.staff_id,
        health_unchanged=False,
        health_changes="Warfarin",
        zones=(CROWN,),
    )
    studio.services.sessions.create(owner, client.id, recorded)
    desk = build_workspace(studio.services, reception, runner, settings, today=lambda: UI_TODAY, search_delay_ms=0)
    qtbot.addWidget(desk.window)
    desk.window.show()
    tab = open_sessions_tab(desk, client)
    tab.table.selectRow(0)
    assert not tab.complete_button.isEnabled() and tab.cancel_button.isEnabled()
    assert not tab.touch_up_years.isEnabled()
    qtbot.mouseClick(tab.edit_button, LEFT)
    editor = editor_of(desk)
    view = editor.view
    assert view.health_unchanged.isHidden() and view.health_changes.isHidden() and view.health_hidden_note.isVisible()
    assert "Warfarin" not in view.health_changes.toPlainText()
    assert view.numbing.isReadOnly() and not view.add_zone_button.isEnabled() and view.complete_button.isHidden()
    assert view.zone_table.editTriggers() == QTableView.EditTrigger.NoEditTriggers
    assert view.zone_model.rowCount() == 1  # the treatment is shown, read-only
    type_date(qtbot, view.date, days(2))  # moving the appointment is reception's to do
    qtbot.mouseClick(view.save_button, LEFT)
    assert not editor.dialog.isVisible()
    row = stored(studio)[0]
    assert row.starts_at == at(days(2)) and (row.health_unchanged, row.health_changes) == (False, "Warfarin")
    desk.window.close()

"""The client page: create and edit through the real form, validation beside the fields, duplicates, suitability,
and the unsaved-changes guard."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from smp_desktop.core.domain import HairLengthWish, ReferralSource, ScarKind, StaffRole, TreatmentReason
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.client_data import ClientRecord, ScarEntry
from smp_desktop.core.studio_db import OpenStudio
from smp_desktop.ui.background import SynchronousRunner
from smp_desktop.ui.models.client_list_model import NAME
from smp_desktop.ui.models.scar_table_model import KIND, LOCATION
from smp_desktop.ui.views.client_form_view import ClientFormView
from smp_desktop.ui.workspace import Workspace, build_workspace
from tests.ui.focus import has_keyboard_focus

LEFT = Qt.MouseButton.LeftButton


def new_client_form(qtbot: QtBot, workspace: Workspace) -> ClientFormView:
    workspace.window.new_client_action.trigger()
    return workspace.clients_view.form


def select_row_named(workspace: Workspace, name: str) -> None:
    model = workspace.clients.list.model
    row = next(r for r in range(model.rowCount()) if model.index(r, NAME).data() == name)
    workspace.clients_view.table.setCurrentIndex(model.index(row, 0))


def only_client(studio: OpenStudio, owner: Actor) -> ClientRecord:
    page, _ = studio.services.clients.list_page(owner)
    assert len(page) == 1
    return studio.services.clients.get(owner, page[0].id)


def test_new_client_is_saved_through_the_real_form(
    qtbot: QtBot, workspace: Workspace, studio: OpenStudio, owner: Actor
) -> None:
    form = new_client_form(qtbot, workspace)
    assert has_keyboard_focus(form.first_name)
    assert form.name_label.text() == "New client"
    assert form.country.code() == "GB"  # the studio's country is the default

    qtbot.keyClicks(form.first_name, "Mateusz")
    qtbot.keyClicks(form.last_name, "Nowak")
    qtbot.keyClicks(form.date_of_birth.line_edit, "17/05/1984")
    assert form.date_of_birth.note.text() == "age 42"
    qtbot.keyClicks(form.phone, "+48 512 345 678")
    qtbot.keyClicks(form.email, "mateusz@example.pl")
    form.country.set_code("PL")
    form.referral_source.set_value(ReferralSource.FRIEND)
    form.reasons[TreatmentReason.THINNING].click()
    form.reasons[TreatmentReason.SCAR_CONCEALMENT].click()
    form.norwood_stage.set_value("5A")
    form.fitzpatrick_type.set_value(3)
    qtbot.mouseClick(form.scars.add_button, LEFT)
    scars = form.scars.model
    scars.setData(scars.index(0, LOCATION), "Back of head")
    scars.setData(scars.index(0, KIND), ScarKind.FUT_STRIP.value)
    qtbot.keyClicks(form.notes, "Saturday mornings only")

    qtbot.mouseClick(form.save_button, LEFT)

    saved = only_client(studio, owner)
    draft = saved.draft
    assert (draft.first_name, draft.last_name, draft.date_of_birth) == ("Mateusz", "Nowak", date(1984, 5, 17))
    assert (draft.phone, draft.email, draft.country) == ("+48 512 345 678", "mateusz@example.pl", "PL")
    assert draft.referral_source is ReferralSource.FRIEND
    assert set(draft.reasons) == {TreatmentReason.THINNING, TreatmentReason.SCAR_CONCEALMENT}
    assert (draft.norwood_stage, draft.fitzpatrick_type) == ("5A", 3)
    assert [(s.location, s.kind) for s in draft.scars] == [("Back of head", ScarKind.FUT_STRIP)]
    assert draft.notes == "Saturday mornings only"
    # The page now shows the saved record, and the list selects its row.
    assert form.subtitle_label.text().startswith(f"Client #{saved.id} · added ")
    assert not form.save_button.isEnabled()
    table = workspace.clients_view.table
    assert table.currentIndex().data() == "Nowak, Mateusz"
    assert workspace.window.count_label.text() == "1 client"


def test_editing_an_existing_client_updates_it_and_its_row(
    qtbot: QtBot, make_client: Callable[..., ClientRecord], workspace: Workspace, studio: OpenStudio, owner: Actor
) -> None:
    record = make_client(first_name="Anna", last_name="Smith")
    make_client(first_name="Bea", last_name="Jones")
    workspace.clients.list.refresh()
    select_row_named(workspace, "Smith, Anna")
    form = workspace.clients_view.form
    assert not form.unsaved_label.isVisible()

    form.last_name.clear()
    qtbot.keyClicks(form.last_name, "Abbott")
    assert form.unsaved_label.isVisible() and form.revert_button.isEnabled()
    qtbot.mouseClick(form.save_button, LEFT)

    assert studio.services.clients.get(owner, record.id).draft.last_name == "Abbott"
    assert workspace.clients_view.table.currentIndex().data() == "Abbott, Anna"
    assert workspace.clients.list.model.index(0, NAME).data() == "Abbott, Anna"  # re-sorted by the service
    assert not form.unsaved_label.isVisible()


def test_validation_problems_show_beside_their_fields_and_nothing_is_saved(
    qtbot: QtBot, workspace: Workspace, studio: OpenStudio, owner: Actor, ui_today: date
) -> None:
    form = new_client_form(qtbot, workspace)
    qtbot.keyClicks(form.first_name, "Future")
    tomorrow = ui_today + timedelta(days=1)
    qtbot.keyClicks(form.date_of_birth.line_edit, tomorrow.strftime("%d/%m/%Y"))
    qtbot.keyClicks(form.email, "not-an-email")

    qtbot.mouseClick(form.save_button, LEFT)

    assert studio.services.clients.count(owner, include_archived=True) == 0
    assert form.errors["date_of_birth"].isVisible()
    assert "future" in form.errors["date_of_birth"].text()
    assert form.errors["email"].isVisible()
    assert "not-an-email" in form.errors["email"].text()
    assert not form.errors["first_name"].isVisible()
    assert form.email.property("invalid") is True
    assert has_keyboard_focus(form.date_of_birth.line_edit)  # the first bad field, in the order the form shows them

    form.email.clear()
    qtbot.keyClicks(form.email, "future@example.com")  # editing a field clears its own message
    assert not form.errors["email"].isVisible()
    assert form.errors["date_of_birth"].isVisible()


def test_a_date_that_is_not_a_date_is_refused_by_the_form(
    qtbot: QtBot, workspace: Workspace, studio: OpenStudio, owner: Actor
) -> None:
    form = new_client_form(qtbot, workspace)
    qtbot.keyClicks(form.first_name, "Ann")
    qtbot.keyClicks(form.date_of_birth.line_edit, "31/02/1985")
    qtbot.mouseClick(form.save_button, LEFT)
    assert studio.services.clients.count(owner) == 0
    assert form.errors["date_of_birth"].text() == "“31/02/1985” is not a date; type it as dd/mm/yyyy."


def test_possible_duplicate_create_anyway(
    qtbot: QtBot,
    make_client: Callable[..., ClientRecord],
    workspace: Workspace,
    studio: OpenStudio,
    owner: Actor,
    answers: object,
) -> None:
    make_client(first_name="Anna", last_name="Smith", phone="+44 7911 123456")
    answers.duplicate.append("create")  # type: ignore[attr-defined]
    form = new_client_form(qtbot, workspace)
    qtbot.keyClicks(form.first_name, "Annie")
    qtbot.keyClicks(form.last_name, "Smith")
    qtbot.keyClicks(form.phone, "07911 123456")
    qtbot.mouseClick(form.save_button, LEFT)
    assert answers.duplicate_asked == 1  # type: ignore[attr-defined]
    assert studio.services.clients.count(owner) == 2
    assert form.name_label.text() == "Annie Smith"
    assert workspace.clients.form.record is not None


def test_possible_duplicate_open_existing(
    qtbot: QtBot,
    make_client: Callable[..., ClientRecord],
    workspace: Workspace,
    studio: OpenStudio,
    owner: Actor,
    answers: object,
) -> None:
    existing = make_client(first_name="Anna", last_name="Smith", email="anna@example.com")
    answers.duplicate.append("open")  # type: ignore[attr-defined]
    form = new_client_form(qtbot, workspace)
    qtbot.keyClicks(form.first_name, "Anna")
    qtbot.keyClicks(form.email, "ANNA@example.com")
    qtbot.mouseClick(form.save_button, LEFT)
    assert studio.services.clients.count(owner) == 1
    assert workspace.clients.form.record is not None and workspace.clients.form.record.id == existing.id
    assert form.name_label.text() == "Anna Smith"
    assert not workspace.clients.form.is_dirty


def test_possible_duplicate_cancel_keeps_the_typed_client(
    qtbot: QtBot,
    make_client: Callable[..., ClientRecord],
    workspace: Workspace,
    studio: OpenStudio,
    owner: Actor,
    answers: object,
) -> None:
    make_client(first_name="Anna", last_name="Smith", email="anna@example.com")
    answers.duplicate.append("cancel")  # type: ignore[attr-defined]
    form = new_client_form(qtbot, workspace)
    qtbot.keyClicks(form.first_name, "Anna")
    qtbot.keyClicks(form.email, "anna@example.com")
    qtbot.mouseClick(form.save_button, LEFT)
    assert studio.services.clients.count(owner) == 1
    assert workspace.clients.form.record is None and form.first_name.text() == "Anna"


def test_suitability_banner_follows_the_record_and_the_edits(
    qtbot: QtBot, make_client: Callable[..., ClientRecord], workspace: Workspace, ui_today: date
) -> None:
    make_client(first_name="Long", last_name="Hair", hair_length_wish=HairLengthWish.KEEP_LONG)
    workspace.clients.list.refresh()
    select_row_named(workspace, "Hair, Long")
    form = workspace.clients_view.form
    assert form.banner.isVisible()
    assert "keep long hair" in form.banner.body.text()

    form.hair_length_wish.set_value(HairLengthWish.SHAVED)  # as if picked from the drop-down
    assert not form.banner.isVisible()

    teenager = date(ui_today.year - 16, 1, 15)
    qtbot.keyClicks(form.date_of_birth.line_edit, teenager.strftime("%d/%m/%Y"))
    assert form.banner.isVisible()
    assert "Under 18 (age 16)" in form.banner.body.text()
    form.alopecia_temporary.click()
    assert "Alopecia may be temporary" in form.banner.body.text()


def test_switching_client_with_unsaved_changes_asks_first(
    qtbot: QtBot,
    make_client: Callable[..., ClientRecord],
    workspace: Workspace,
    studio: OpenStudio,
    owner: Actor,
    answers: object,
) -> None:
    anna = make_client(first_name="Anna", last_name="Smith")
    make_client(first_name="Bea", last_name="Jones")
    workspace.clients.list.refresh()
    select_row_named(workspace, "Smith, Anna")
    form = workspace.clients_view.form
    qtbot.keyClicks(form.notes, "Changed")

    answers.unsaved.append("cancel")  # type: ignore[attr-defined]
    select_row_named(workspace, "Jones, Bea")
    assert form.name_label.text() == "Anna Smith" and form.notes.toPlainText() == "Changed"
    assert workspace.clients_view.table.currentIndex().data() == "Smith, Anna"  # the selection went back

    answers.unsaved.append("save")  # type: ignore[attr-defined]
    select_row_named(workspace, "Jones, Bea")
    assert studio.services.clients.get(owner, anna.id).draft.notes == "Changed"
    assert form.name_label.text() == "Bea Jones"
    assert workspace.clients_view.table.currentIndex().data() == "Jones, Bea"

    qtbot.keyClicks(form.notes, "Not kept")
    answers.unsaved.append("discard")  # type: ignore[attr-defined]
    select_row_named(workspace, "Smith, Anna")
    assert form.name_label.text() == "Anna Smith"
    assert studio.services.clients.count(owner) == 2
    assert all(
        studio.services.clients.get(owner, s.id).draft.notes != "Not kept"
        for s in studio.services.clients.list_page(owner)[0]
    )
    assert answers.unsaved_asked == 3  # type: ignore[attr-defined]


def test_closing_the_window_with_unsaved_changes_can_be_cancelled(
    qtbot: QtBot, workspace: Workspace, answers: object
) -> None:
    form = new_client_form(qtbot, workspace)
    qtbot.keyClicks(form.first_name, "Half-typed")
    answers.unsaved.append("cancel")  # type: ignore[attr-defined]
    assert not workspace.window.close()
    assert workspace.window.isVisible()
    answers.unsaved.append("discard")  # type: ignore[attr-defined]
    assert workspace.window.close()


def test_save_on_close_saves_then_closes(
    qtbot: QtBot, workspace: Workspace, studio: OpenStudio, owner: Actor, answers: object
) -> None:
    form = new_client_form(qtbot, workspace)
    qtbot.keyClicks(form.first_name, "Kept")
    answers.unsaved.append("save")  # type: ignore[attr-defined]
    assert workspace.window.close()
    assert only_client(studio, owner).draft.first_name == "Kept"


def test_revert_puts_back_the_saved_values(
    qtbot: QtBot, make_client: Callable[..., ClientRecord], workspace: Workspace
) -> None:
    make_client(first_name="Anna", last_name="Smith", phone="+44 7911 123456")
    workspace.clients.list.refresh()
    select_row_named(workspace, "Smith, Anna")
    form = workspace.clients_view.form
    form.phone.clear()
    qtbot.keyClicks(form.phone, "123")
    qtbot.mouseClick(form.revert_button, LEFT)
    assert form.phone.text() == "+44 7911 123456"
    assert not workspace.clients.form.is_dirty


def test_ctrl_n_starts_a_new_client(qtbot: QtBot, workspace: Workspace) -> None:
    window = workspace.window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = workspace.clients_view.form
    assert workspace.clients_view.page_stack.currentWidget() is workspace.clients_view.client_tabs
    assert workspace.clients_view.client_tabs.currentWidget() is form
    assert has_keyboard_focus(form.first_name)
    assert form.subtitle_label.text() == "New client · not saved yet"
    assert not form.archive_button.isEnabled()
    assert not window.archive_action.isEnabled()


def test_ctrl_s_saves(qtbot: QtBot, workspace: Workspace, studio: OpenStudio, owner: Actor) -> None:
    window = workspace.window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    form = new_client_form(qtbot, workspace)
    qtbot.keyClicks(form.first_name, "Shortcut")
    focused: QWidget = form.first_name
    qtbot.keyClick(focused, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    # A button's shortcut "animates" the click: it is pressed, then released a moment later.
    qtbot.waitUntil(lambda: studio.services.clients.count(owner) == 1)
    assert only_client(studio, owner).draft.first_name == "Shortcut"


def test_the_front_desk_form_hides_the_clinical_profile_and_saving_keeps_it(
    qtbot: QtBot,
    studio: OpenStudio,
    owner: Actor,
    make_client: Callable[..., ClientRecord],
    runner: SynchronousRunner,
    settings: QSettings,
) -> None:
    record = make_client(
        first_name="Иван",
        last_name="Иванов",
        norwood_stage="6",
        reasons=(TreatmentReason.SCAR_CONCEALMENT,),
        scars=(ScarEntry("back of head", ScarKind.FUT_STRIP, "14 cm"),),
        hair_colour="dark brown",
    )
    member = studio.services.studio.add_staff(owner, "Rita Reception", StaffRole.RECEPTION)
    reception = Actor(member.id, member.display_name, member.role)
    desk = build_workspace(studio.services, reception, runner, settings, search_delay_ms=0)
    qtbot.addWidget(desk.window)
    desk.window.show()
    select_row_named(desk, "Иванов, Иван")
    form = desk.clients_view.form
    assert not form.hair_loss_section.isVisible() and not form.scars_section.isVisible()
    assert form.hair_and_skin_section.isVisible() and form.hair_colour.isVisible()
    assert not form.scalp_condition.isVisible() and not form.fitzpatrick_type.isVisible()
    assert form.hair_colour.text() == "dark brown"

    form.phone.clear()
    qtbot.keyClicks(form.phone, "+7 912 345-67-89")
    qtbot.mouseClick(form.save_button, LEFT)
    saved = studio.services.clients.get(owner, record.id).draft
    assert saved.phone.startswith("+7") and saved.norwood_stage == "6"
    assert saved.scars == record.draft.scars and saved.reasons == record.draft.reasons

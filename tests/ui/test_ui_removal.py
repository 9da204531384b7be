"""The client page's Removal tab driven through its real widgets: a new plan with the Kirby-Desai score updating as
the inputs are picked, sessions added at the method's interval, a too-soon session warned about and refused
until a reason is typed, a session's laser parameters typed and saved, out-of-range values refused with a
sentence, pigment picked from the client's records and assessment photos from the client's photos, the earliest
date for new SMP, and no tab at all for the front desk."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, QModelIndex, QSettings, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QComboBox, QListView, QMessageBox, QStyle, QStyleOptionViewItem, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from smp_desktop.core.demo_photos import write_scalp_photo
from smp_desktop.core.domain import PhotoView, ScalpZone, SessionKind, SessionStatus, StaffRole
from smp_desktop.core.models import (
    RemovalPhoto,
    RemovalPlan,
    RemovalSession,
    RemovalTarget,
    SessionZone,
    TreatmentSession,
)
from smp_desktop.core.progress import run_to_end
from smp_desktop.core.removal_vocabulary import (
    InkAmount,
    InkColours,
    Layering,
    RemovalPlanStatus,
    RemovalSessionStatus,
    Scarring,
)
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.client_data import ClientRecord
from smp_desktop.core.services.photo_data import PhotoImportOptions
from smp_desktop.core.studio_db import OpenStudio
from smp_desktop.ui.background import SynchronousRunner
from smp_desktop.ui.controllers.read_only_actions import read_only_note
from smp_desktop.ui.controllers.removal_controller import RemovalController
from smp_desktop.ui.views.removal_tab_view import RemovalTabView
from smp_desktop.ui.workspace import Workspace, build_workspace
from tests.ui.conftest import UI_TODAY, MessageBoxes

LEFT = Qt.MouseButton.LeftButton


def days(n: int) -> date:
    return UI_TODAY + timedelta(days=n)


def seed_course(studio: OpenStudio, client_id: int) -> None:
    """A completed session with two zones, written as the record stands (the consent gate is not this test's)."""
    with studio.sessions.begin() as db:
        row = TreatmentSession(
            client_id=client_id,
            kind=SessionKind.SESSION_1,
            status=SessionStatus.COMPLETED,
            starts_at=datetime(2025, 3, 4, 10, tzinfo=UTC),
            health_unchanged=True,
        )
        row.zones = [
            SessionZone(position=0, zone=ScalpZone.HAIRLINE, pigment_shade="Carbon black", pigment_lot="CB-24117"),
            SessionZone(position=1, zone=ScalpZone.CROWN, pigment_shade="Charcoal", pigment_lot="CH-25031"),
        ]
        db.add(row)


@pytest.fixture
def client(studio: OpenStudio, make_client, owner: Actor, tmp_path: Path) -> ClientRecord:  # type: ignore[no-untyped-def]
    record: ClientRecord = make_client(first_name="Zoë", last_name="Łukasiewicz", fitzpatrick_type=2)
    seed_course(studio, record.id)
    files = [write_scalp_photo(tmp_path / f"IMG_{n}.jpg", view, seed=n) for n, view in enumerate(PhotoView)][:2]
    run_to_end(studio.services.photos.import_files(owner, files, PhotoImportOptions(record.id)))
    return record


def open_removal_tab(workspace: Workspace, client: ClientRecord) -> tuple[RemovalTabView, RemovalController]:
    workspace.window.resize(1400, 1000)
    workspace.clients.list.refresh(select_id=client.id)
    workspace.clients._on_client_picked(client.id)  # as a click on the list row does
    tabs = workspace.clients_view.client_tabs
    index = next(i for i in range(tabs.count()) if tabs.tabText(i) == "Removal")
    assert tabs.isTabEnabled(index)
    tabs.tabBar().setCurrentIndex(index)
    page = tabs.widget(index)
    assert isinstance(page, RemovalTabView)
    assert workspace.client_tabs is not None
    controller = workspace.client_tabs.controller("removal")
    assert isinstance(controller, RemovalController)
    return page, controller


def pick(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Choose an entry the way a keyboard does: focus the combo and step with the arrow keys to it."""
    target = combo.findText(text, Qt.MatchFlag.MatchStartsWith)
    assert target >= 0, f"{text!r} is not offered: {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setFocus()
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)


def click_check_box(qtbot: QtBot, list_view: QListView, index: QModelIndex) -> None:
    """A left click on the item's check box, where the style draws it."""
    list_view.scrollTo(index)
    option = QStyleOptionViewItem()
    list_view.initViewItemOption(option)
    option.rect = list_view.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    option.decorationSize = list_view.iconSize()
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
    if index.data(Qt.ItemDataRole.DecorationRole) is not None:
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
    if list_view.viewMode() == QListView.ViewMode.IconMode:
        option.decorationPosition = QStyleOptionViewItem.Position.Top
        option.displayAlignment = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
    box = list_view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, list_view)
    qtbot.mouseClick(list_view.viewport(), LEFT, pos=box.center())


def type_number(qtbot: QtBot, spin: object, text: str) -> None:
    spin.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(spin.lineEdit(), text)  # type: ignore[attr-defined]


def test_a_new_plan_scores_live_warns_about_intervals_and_saves_everything(
    qtbot: QtBot,
    workspace: Workspace,
    studio: OpenStudio,
    client: ClientRecord,
    message_boxes: MessageBoxes,
    type_text: Callable[[QWidget, str], None],
) -> None:
    view, controller = open_removal_tab(workspace, client)
    assert view.empty_label.isVisible() and not view.editor_scroll.isVisible()
    qtbot.mouseClick(view.new_button, LEFT)
    assert view.editor_scroll.isVisible()
    assert view.fitzpatrick.value() == 2  # from the client's profile
    assert view.aftercare.currentText() == "Laser removal aftercare"
    assert "grey" in view.risks.toPlainText()
    assert view.kd_score.text() == "3 points so far; still to answer: colours, amount of ink, scarring, layering"

    pick(qtbot, view.kd_colours, "Black only")
    pick(qtbot, view.kd_amount, "Moderate")
    pick(qtbot, view.kd_scarring, "Minimal")
    assert "still to answer: layering" in view.kd_score.text()
    pick(qtbot, view.kd_layering, "Layered")
    assert view.kd_score.text() == "Kirby-Desai score 10: about 8–12 sessions"  # 2 + 1 + 1 + 3 + 1 + 2

    qtbot.keyClicks(view.device, "Nd:YAG 1064")
    type_text(view.provider_name, "Klinika Łódź")
    qtbot.mouseClick(view.add_session_button, LEFT)
    qtbot.mouseClick(view.add_session_button, LEFT)
    assert [s.planned_on for s in view.sessions.sessions] == [UI_TODAY, days(56)]  # the usual 8 weeks
    assert "90 days after the last session" in view.earliest_smp.text()
    assert "2027" in view.earliest_smp.text()

    # The second session moved to 3 weeks: amber warning, and saving is refused until a reason is given.
    view.session_table.selectRow(1)
    view.session_planned_on.setDate(QDate(days(21).year, days(21).month, days(21).day))
    assert view.interval_warnings.isVisible()
    assert "is 21 days after the session of 25/11/2026; this method needs at least 42 days" in (
        view.interval_warnings.text()
    )
    qtbot.mouseClick(view.save_button, LEFT)
    assert view.save_problems.isVisible() and "Move it, or write why it is planned sooner" in view.save_problems.text()
    with studio.sessions() as db:
        assert db.scalars(select(RemovalPlan)).all() == []
    qtbot.keyClicks(view.interval_note, "Client leaves the country")
    qtbot.mouseClick(view.save_button, LEFT)
    assert not view.save_problems.isVisible(), view.save_problems.text()
    assert not controller.has_unsaved_changes()

    with studio.sessions() as db:
        plan = db.scalars(select(RemovalPlan)).one()
        assert (plan.kd_score, plan.device, plan.provider_name, plan.kd_layering) == (
            10,
            "Nd:YAG 1064",
            "Klinika Łódź",
            Layering.LAYERED,
        )
        assert (plan.kd_colours, plan.kd_amount, plan.kd_scarring) == (
            InkColours.BLACK_ONLY,
            InkAmount.MODERATE,
            Scarring.MINIMAL,
        )
        sessions = db.scalars(select(RemovalSession).order_by(RemovalSession.position)).all()
        assert [(s.planned_on, s.interval_note) for s in sessions] == [
            (UI_TODAY, ""),
            (days(21), "Client leaves the country"),
        ]
        assert plan.earliest_new_smp_on == days(21 + 90)
    assert view.plans.rowCount() == 1 and not view.empty_label.isVisible()
    assert message_boxes.shown == []


def test_a_session_is_recorded_with_its_parameters_and_bad_values_are_named(
    qtbot: QtBot,
    workspace: Workspace,
    studio: OpenStudio,
    client: ClientRecord,
    type_text: Callable[[QWidget, str], None],
) -> None:
    view, controller = open_removal_tab(workspace, client)
    qtbot.mouseClick(view.new_button, LEFT)
    qtbot.mouseClick(view.add_session_button, LEFT)
    view.session_table.selectRow(0)
    pick(qtbot, view.session_status, "Done")
    assert view.session_done_on.isEnabled()
    view.session_done_on.setDate(QDate(days(-1).year, days(-1).month, days(-1).day))
    pick(qtbot, view.wavelength, "1064 nm")
    assert [view.wavelength.itemText(i) for i in range(view.wavelength.count())] == [
        "—",
        "532 nm",
        "694 nm",
        "755 nm",
        "1064 nm",
    ]
    type_number(qtbot, view.fluence, "60")  # a typo for 6.0: beyond what a laser is set to
    type_number(qtbot, view.spot_size, "4")
    type_number(qtbot, view.repetition, "5")
    type_text(view.session_notes, "Ровное побеление")
    qtbot.mouseClick(view.save_button, LEFT)
    assert "A fluence of 60 J/cm² is outside the plausible range 0.1–20 J/cm²" in view.save_problems.text()
    with studio.sessions() as db:
        assert db.scalars(select(RemovalSession)).all() == []

    type_number(qtbot, view.fluence, "3.5")
    qtbot.mouseClick(view.save_button, LEFT)
    assert not view.save_problems.isVisible(), view.save_problems.text()
    with studio.sessions() as db:
        (row,) = db.scalars(select(RemovalSession)).all()
        assert (row.status, row.done_on, row.wavelength_nm, row.fluence_j_cm2, row.spot_size_mm, row.repetition_hz) == (
            RemovalSessionStatus.DONE,
            days(-1),
            1064,
            3.5,
            4.0,
            5.0,
        )
        assert row.notes == "Ровное побеление"
        assert db.scalars(select(RemovalPlan.status)).one() is RemovalPlanStatus.IN_PROGRESS
    assert view.status.value() is RemovalPlanStatus.IN_PROGRESS
    assert view.complete_button.isEnabled() and not view.delete_button.isEnabled()
    qtbot.mouseClick(view.complete_button, LEFT)
    with studio.sessions() as db:
        assert db.scalars(select(RemovalPlan.status)).one() is RemovalPlanStatus.COMPLETED
    assert controller.plan_id is not None


def test_pigment_and_photos_are_picked_from_the_clients_records(
    qtbot: QtBot, workspace: Workspace, studio: OpenStudio, client: ClientRecord
) -> None:
    view, _controller = open_removal_tab(workspace, client)
    qtbot.mouseClick(view.new_button, LEFT)
    texts = [view.pigments.index(r).data() for r in range(view.pigments.rowCount())]
    assert texts == [
        "Hairline — Carbon black (lot CB-24117) — 04/03/2025",
        "Crown — Charcoal (lot CH-25031) — 04/03/2025",
    ]
    assert view.photos.rowCount() == 2
    assert view.photos.index(0).data(Qt.ItemDataRole.DecorationRole) is not None  # the thumbnail arrived
    # Tick the hairline's pigment and the second photo by clicking their check boxes.
    click_check_box(qtbot, view.pigment_list, view.pigments.index(0))
    click_check_box(qtbot, view.photo_list, view.photos.index(1))
    assert view.pigments.index(0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert view.photos.index(1).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked

    assert workspace.client_tabs is not None
    qtbot.mouseClick(view.save_button, LEFT)
    assert not view.save_problems.isVisible(), view.save_problems.text()
    with studio.sessions() as db:
        (target,) = db.scalars(select(RemovalTarget)).all()
        assert (target.zone, target.pigment_lot, target.session_zone_id is not None) == (
            ScalpZone.HAIRLINE,
            "CB-24117",
            True,
        )
        (photo,) = db.scalars(select(RemovalPhoto)).all()
        assert photo.photo_id == view.photos.photo_at(1).id  # type: ignore[union-attr]
    # Reopened: the same ticks.
    view.plan_list.clearSelection()
    qtbot.mouseClick(view.revert_button, LEFT)
    assert [view.pigments.index(r).data(Qt.ItemDataRole.CheckStateRole) for r in range(2)] == [
        Qt.CheckState.Checked,
        Qt.CheckState.Unchecked,
    ]


def test_the_front_desk_has_no_removal_tab(
    qtbot: QtBot,
    studio: OpenStudio,
    owner: Actor,
    client: ClientRecord,
    runner: SynchronousRunner,
    settings: QSettings,
) -> None:
    info = studio.services.studio.add_staff(owner, "Chloe Evans", StaffRole.RECEPTION)
    desk = Actor(info.id, info.display_name, info.role)
    workspace = build_workspace(
        studio.services, desk, runner, settings, today=lambda: UI_TODAY, search_delay_ms=0, defer_client_tabs=False
    )
    qtbot.addWidget(workspace.window)
    tabs = workspace.clients_view.client_tabs
    assert "Removal" not in [tabs.tabText(i) for i in range(tabs.count())]
    assert workspace.client_tabs is not None and workspace.client_tabs.controller("removal") is None


def test_switching_plans_with_unsaved_changes_asks_first(
    qtbot: QtBot,
    workspace: Workspace,
    studio: OpenStudio,
    owner: Actor,
    client: ClientRecord,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: MessageBoxes,
) -> None:
    removals = studio.services.removals
    from smp_desktop.core.removal_vocabulary import RemovalMethod, RemovalReason

    first = removals.create(
        owner, client.id, removals.new_draft(owner, client.id, RemovalMethod.SALINE, RemovalReason.COLOUR)
    )
    view, controller = open_removal_tab(workspace, client)
    assert controller.plan_id == first.id and view.method.currentText() == "Saline removal"
    assert not view.wavelength.isEnabled() and not view.fluence.isEnabled()  # saline: no laser parameters
    qtbot.keyClicks(view.device, "Saline kit")
    assert controller.has_unsaved_changes()
    qtbot.mouseClick(view.new_button, LEFT)  # the test's message box answers Ok: neither Discard nor go on
    assert message_boxes.texts() == ["This removal plan has changes that are not saved. Discard them?"]
    assert view.device.text() == "Saline kit" and controller.plan_id == first.id


def test_the_saved_plan_is_previewed_and_printed_through_qt(
    qtbot: QtBot,
    workspace: Workspace,
    studio: OpenStudio,
    owner: Actor,
    client: ClientRecord,
    tmp_path: Path,
    message_boxes: MessageBoxes,
) -> None:
    from smp_desktop.core.removal_vocabulary import RemovalMethod, RemovalReason

    removals = studio.services.removals
    draft = removals.new_draft(owner, client.id, RemovalMethod.PICOSECOND_LASER, RemovalReason.COLOUR)
    removals.create(owner, client.id, draft.replace(device="PicoSure <b>755</b>"))
    view, controller = open_removal_tab(workspace, client)
    assert view.preview_button.isEnabled()
    qtbot.keyClicks(view.device, " (rented)")
    qtbot.mouseClick(view.preview_button, LEFT)  # unsaved: the document would not show what is on screen
    assert controller.preview is None and "Save the plan first" in view.save_problems.text()
    qtbot.mouseClick(view.save_button, LEFT)
    qtbot.mouseClick(view.preview_button, LEFT)
    preview = controller.preview
    assert preview is not None and preview.isVisible()
    qtbot.addWidget(preview)
    assert preview.windowTitle() == "Removal plan – Zoë Łukasiewicz"
    assert preview.suggested_name.startswith("Zoë-Łukasiewicz - Removal-plan - ")
    text = " ".join(PdfReader(io.BytesIO(preview.pdf)).pages[0].extract_text().split())
    assert "PicoSure <b>755</b> (rented)" in text and "Picosecond laser" in text
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = len(PdfReader(io.BytesIO(preview.pdf)).pages)
    assert preview.print_to(printer) == pages
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == pages
    preview.close()
    assert controller.preview is None
    assert message_boxes.shown == []


def test_unsaved_changes_are_offered_for_saving_when_another_client_is_opened(
    qtbot: QtBot,
    workspace: Workspace,
    studio: OpenStudio,
    owner: Actor,
    client: ClientRecord,
    make_client,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    other = make_client(first_name="Νίκος", last_name="Παππάς")
    view, controller = open_removal_tab(workspace, client)
    qtbot.mouseClick(view.new_button, LEFT)
    qtbot.keyClicks(view.device, "Saline kit")
    asked: list[str] = []

    def answer_save(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Save

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer_save))
    workspace.clients._on_client_picked(other.id)
    assert asked == ["The removal plan of the client you left has changes that are not saved. Save them?"]
    with studio.sessions() as db:
        (plan,) = db.scalars(select(RemovalPlan)).all()
        assert (plan.client_id, plan.device) == (client.id, "Saline kit")
    assert controller.plan_id is None and view.plans.rowCount() == 0  # the other client has no plans

    # Closing the window with unsaved changes: Discard lets it close.
    qtbot.mouseClick(view.new_button, LEFT)
    qtbot.keyClicks(view.device, "x")
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_args: QMessageBox.StandardButton.Discard))
    assert controller.confirm_close(lambda: None) is True
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_args: QMessageBox.StandardButton.Cancel))
    qtbot.keyClicks(view.device, "y")
    assert controller.confirm_close(lambda: None) is False


def test_a_plan_with_nothing_done_can_be_deleted_after_confirming(
    qtbot: QtBot,
    workspace: Workspace,
    studio: OpenStudio,
    owner: Actor,
    client: ClientRecord,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from smp_desktop.core.removal_vocabulary import RemovalMethod, RemovalReason

    removals = studio.services.removals
    removals.create(owner, client.id, removals.new_draft(owner, client.id, RemovalMethod.SALINE, RemovalReason.SHAPE))
    view, controller = open_removal_tab(workspace, client)
    assert view.delete_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_args: QMessageBox.StandardButton.No))
    qtbot.mouseClick(view.delete_button, LEFT)
    assert view.plans.rowCount() == 1
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_args: QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(view.delete_button, LEFT)
    assert view.plans.rowCount() == 0 and view.empty_label.isVisible() and controller.plan_id is None
    with studio.sessions() as db:
        assert db.scalars(select(RemovalPlan)).all() == []


def test_a_read_only_studio_shows_plans_but_changes_nothing(
    qtbot: QtBot,
    studio: OpenStudio,
    owner: Actor,
    client: ClientRecord,
    runner: SynchronousRunner,
    settings: QSettings,
) -> None:
    from smp_desktop.core.removal_vocabulary import RemovalMethod, RemovalReason
    from smp_desktop.ui.workspace import StudioContext

    removals = studio.services.removals
    removals.create(owner, client.id, removals.new_draft(owner, client.id, RemovalMethod.SALINE, RemovalReason.SHAPE))
    workspace = build_workspace(
        studio.services,
        owner,
        runner,
        settings,
        context=StudioContext(read_only_reason="The data folder cannot be written."),
        today=lambda: UI_TODAY,
        search_delay_ms=0,
        defer_client_tabs=False,
    )
    qtbot.addWidget(workspace.window)
    view, controller = open_removal_tab(workspace, client)
    assert controller.plan_id is not None and view.method.currentText() == "Saline removal"
    for button in (view.new_button, view.save_button, view.delete_button, view.add_session_button):
        assert not button.isEnabled(), button.text()
    assert not view.preview_button.isEnabled()  # a document is audited as it is made: not in a read-only studio
    assert view.preview_button.toolTip().endswith(read_only_note())  # and the button says so


def test_a_broken_studio_rules_file_is_said_on_the_tab(
    qtbot: QtBot, open_workspace: Callable[[], Workspace], studio: OpenStudio, client: ClientRecord
) -> None:
    (studio.paths.root / "removal-methods.json").write_text("{ not json", encoding="utf-8")
    workspace = open_workspace()
    view, _controller = open_removal_tab(workspace, client)
    assert view.rules_problem.isVisible()
    assert "removal-methods.json cannot be read" in view.rules_problem.text()
    qtbot.mouseClick(view.new_button, LEFT)
    qtbot.mouseClick(view.add_session_button, LEFT)
    qtbot.mouseClick(view.add_session_button, LEFT)
    assert [s.planned_on for s in view.sessions.sessions] == [UI_TODAY, days(56)]  # the shipped rules


def test_a_planned_session_whose_day_has_passed_shows_as_overdue(
    workspace: Workspace, studio: OpenStudio, owner: Actor, client: ClientRecord
) -> None:
    from smp_desktop.core.removal_vocabulary import RemovalMethod, RemovalReason
    from smp_desktop.core.services.removal_data import RemovalSessionEntry

    removals = studio.services.removals
    draft = removals.new_draft(owner, client.id, RemovalMethod.SALINE, RemovalReason.SHAPE)
    removals.create(owner, client.id, draft.replace(sessions=(RemovalSessionEntry(planned_on=days(-3)),)))
    view, _controller = open_removal_tab(workspace, client)
    assert view.sessions.index(0, 1).data() == "Overdue"
    assert "record it as done, move it or cancel it" in view.sessions.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "overdue since 22/11/2026" in view.plans.index(0).data()


def test_a_double_click_captions_an_assessment_photo(
    qtbot: QtBot,
    workspace: Workspace,
    studio: OpenStudio,
    client: ClientRecord,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QInputDialog

    view, _controller = open_removal_tab(workspace, client)
    qtbot.mouseClick(view.new_button, LEFT)
    asked: list[str] = []

    def answer(_parent: object, _title: str, _label: str, **kwargs: object) -> tuple[str, bool]:
        asked.append(str(kwargs.get("text", "")))
        return "Before removal — Ζωή", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(answer))
    index = view.photos.index(0)
    view.photo_list.scrollTo(index)
    on_photo = view.photo_list.visualRect(index).center()
    qtbot.mouseClick(view.photo_list.viewport(), LEFT, pos=on_photo)  # a double click: press, release, press...
    qtbot.mouseDClick(view.photo_list.viewport(), LEFT, pos=on_photo)
    assert asked == [""]
    assert "Before removal" in index.data() and index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    qtbot.mouseClick(view.save_button, LEFT)
    with studio.sessions() as db:
        (photo,) = db.scalars(select(RemovalPhoto)).all()
        assert (photo.photo_id, photo.caption) == (view.photos.photo_at(0).id, "Before removal — Ζωή")  # type: ignore[union-attr]

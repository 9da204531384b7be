"""The Ink register area driven through its widgets: the catalogue with swatches, the lots with their warnings, a new
lot with its label checklist, and the recall screen — recall a lot, the clients who received it, a contact attempt
logged, the list and the letters exported as PDF (read back), the list as CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from consent_helpers import give_valid_consent
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from smp_desktop.core.domain import ScalpZone, SessionKind
from smp_desktop.core.ink import LABEL_FIELDS, LabelCheck, LotStatus
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.client_data import ClientRecord
from smp_desktop.core.services.ink_data import LotDraft, LotRecord, ProductDraft
from smp_desktop.core.services.session_data import SessionDraft, ZoneEntry
from smp_desktop.core.studio_db import OpenStudio
from smp_desktop.ui.controllers.ink_register_controller import InkRegisterController
from smp_desktop.ui.dialogs.lot_editor_dialog import LotEditorDialog
from smp_desktop.ui.dialogs.recall_dialogs import ContactDialog, RecallLotDialog
from smp_desktop.ui.models.ink_models import RECORD_ROLE
from smp_desktop.ui.workspace import Workspace
from tests.ui.runners import WriteNotingRunner

LEFT = Qt.MouseButton.LeftButton
CHECKS = dict.fromkeys(LABEL_FIELDS, LabelCheck.PRESENT)


@pytest.fixture
def register(studio: OpenStudio, owner: Actor, make_client: Callable[..., ClientRecord]) -> dict[str, LotRecord]:
    ink = studio.services.ink
    soft = ink.save_product(owner, ProductDraft("Perma Scalp Pigments", "SMP Black Soft", swatch="#2e2e2e"))
    ink.save_product(owner, ProductDraft("Inkline Pro", "Scalp Charcoal", swatch="#3c3c3c"))
    lots = {
        "used": ink.save_lot(owner, LotDraft(soft.id, "CS-2611", supplier="Tattoo Supply Ltd", **CHECKS)),  # type: ignore[arg-type]
        "expired": ink.save_lot(
            owner,
            LotDraft(soft.id, "CS-2201", purchased_on=date(2022, 1, 1), expires_on=date(2025, 1, 1), **CHECKS),  # type: ignore[arg-type]
        ),
    }
    for first, last in (("Zoë", "Łukasiewicz"), ("Νίκος", "Παπαδόπουλος")):
        client = make_client(first_name=first, last_name=last, phone="+44 161 496 0123")
        give_valid_consent(studio, owner, client.id)
        draft = SessionDraft(
            kind=SessionKind.SESSION_1,
            starts_at=datetime(2026, 10, 5 if first == "Zoë" else 6, 10).astimezone(),
            health_unchanged=True,
            zones=(ZoneEntry(ScalpZone.HAIRLINE, lot_id=lots["used"].id, dilution_water_parts=4,
                             dilution_pigment_parts=1),),
        )  # fmt: skip
        studio.services.sessions.create(owner, client.id, draft, complete=True)
    return lots


def open_register(workspace: Workspace) -> InkRegisterController:
    window = workspace.window
    window.resize(1400, 900)
    names = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    window.navigation.setCurrentRow(names.index("Ink register"))
    assert workspace.ink is not None and window.areas.currentWidget() is workspace.ink
    return workspace.ink.controller


def select_lot(controller: InkRegisterController, number: str) -> None:
    table, model = controller.view.lot_table, controller.view.lot_model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == number)
    table.selectRow(row)


def test_the_catalogue_and_lots_show_swatches_and_warnings(workspace: Workspace, register) -> None:  # type: ignore[no-untyped-def]
    controller = open_register(workspace)
    view = controller.view
    products = view.product_model
    assert [products.index(r, 1).data() for r in range(products.rowCount())] == ["Scalp Charcoal", "SMP Black Soft"]
    assert not products.index(1, 1).data(Qt.ItemDataRole.DecorationRole).isNull()  # the swatch
    assert products.index(1, 3).data() == "1 of 2"
    lots = view.lot_model
    rows = {lots.index(r, 0).data(): [lots.index(r, c).data() for c in range(7)] for r in range(lots.rowCount())}
    assert rows["CS-2201"][4:6] == ["Expired", "⚠ Expired"] and rows["CS-2611"][5:] == ["Yes", "2"]
    assert "⚠ 1 not usable" in view.summary.text()


def test_a_new_lot_with_its_label_checklist(
    qtbot: QtBot, studio: OpenStudio, owner: Actor, workspace: Workspace, register
) -> None:  # type: ignore[no-untyped-def]
    controller = open_register(workspace)
    view = controller.view
    view.tabs.setCurrentIndex(1)
    qtbot.mouseClick(view.new_lot_button, LEFT)
    dialog = controller.dialog
    assert isinstance(dialog, LotEditorDialog) and dialog.isVisible()
    dialog.product.setCurrentIndex(dialog.product.findText("Inkline Pro Scalp Charcoal"))
    qtbot.keyClicks(dialog.lot_number, "IP-C26114")
    qtbot.keyClicks(dialog.supplier, "SMP Wholesale Europe")
    for name, combo in dialog.checks.items():
        combo.setCurrentIndex(combo.findData("missing" if name == "label_ingredients" else "present"))
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.isVisible()
    (saved,) = [lot for lot in studio.services.ink.lots(owner) if lot.draft.lot_number == "IP-C26114"]
    assert saved.draft.supplier == "SMP Wholesale Europe" and saved.draft.label_ingredients is LabelCheck.MISSING
    assert [g.field for g in saved.label_gaps] == ["label_ingredients"]
    select_lot(controller, "IP-C26114")
    assert view.lot_table.currentIndex().data(RECORD_ROLE).problem_text == "Label incomplete"

    qtbot.mouseClick(view.new_lot_button, LEFT)  # a lot number already there is refused in the dialog
    dialog = controller.dialog
    dialog.product.setCurrentIndex(dialog.product.findText("Inkline Pro Scalp Charcoal"))
    qtbot.keyClicks(dialog.lot_number, "ip-c26114")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.isVisible() and "already in the register" in dialog.problems.text()


def test_the_recall_screen(
    qtbot: QtBot,
    studio: OpenStudio,
    owner: Actor,
    workspace: Workspace,
    register,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    runner: WriteNotingRunner,
) -> None:
    controller = open_register(workspace)
    view = controller.view
    assert not view.recall_empty.isHidden() and view.recall_table.isHidden()
    view.tabs.setCurrentIndex(1)
    select_lot(controller, "CS-2611")
    qtbot.mouseClick(view.recall_button, LEFT)
    dialog = controller.dialog
    assert isinstance(dialog, RecallLotDialog)
    qtbot.keyClicks(dialog.reason, "Nickel above the limit in batch tests")
    qtbot.keyClicks(dialog.source, "Perma Scalp Pigments notice PSP-7")
    qtbot.mouseClick(dialog.recall_button, LEFT)
    assert not dialog.isVisible() and view.tabs.currentIndex() == 2
    assert studio.services.ink.lot(owner, register["used"].id).draft.status is LotStatus.RECALLED
    details = view.recall_details.text()
    assert "CS-2611" in details and "Nickel above the limit" in details and "2 client(s)" in details
    model = view.recall_model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Zoë Łukasiewicz", "Νίκος Παπαδόπουλος"]
    assert [model.index(r, 6).data() for r in range(2)] == ["Not yet", "Not yet"]
    assert model.index(0, 1).data() == "+44 161 496 0123" and model.index(0, 4).data() == "2026-10-05"

    view.recall_table.selectRow(1)
    qtbot.mouseClick(view.log_contact_button, LEFT)
    contact = controller.dialog
    assert isinstance(contact, ContactDialog)
    contact.outcome.setCurrentIndex(contact.outcome.findData("reached"))
    qtbot.keyClicks(contact.note, "Called, no symptoms")
    qtbot.mouseClick(contact.log_button, LEFT)
    assert model.index(1, 5).data() == "1 · Phone: Reached, informed" and model.index(1, 6).data() == "Yes"
    assert "1 informed" in view.recall_details.text()

    saved: list[Path] = []

    def save_as(_parent: object, _title: str, suggested: str, _pattern: str) -> tuple[str, str]:
        path = tmp_path / Path(suggested).name
        saved.append(path)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    jobs_before = len(runner.writes)
    qtbot.mouseClick(view.letters_button, LEFT)
    qtbot.mouseClick(view.export_recall_pdf_button, LEFT)
    qtbot.mouseClick(view.export_recall_csv_button, LEFT)
    QApplication.processEvents()
    # Each is made as a write (it names the clients: an audit event), then its file written: six writes.
    assert runner.writes[jobs_before:] == [True] * 6
    letters, listing, table = saved
    reader = PdfReader(letters)
    assert len(reader.pages) == 2 and "Dear Zoë Łukasiewicz" in reader.pages[0].extract_text()
    text = " ".join(PdfReader(listing).pages[0].extract_text().split())
    assert "Recall of lot CS-2611" in text and "Reached, informed" in text
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    assert [(r["name"], r["informed"], r["last_outcome"]) for r in rows] == [
        ("Zoë Łukasiewicz", "no", ""),
        ("Νίκος Παπαδόπουλος", "yes", "reached"),
    ]


def test_reception_sees_the_register_but_cannot_change_it_or_recall(
    qtbot: QtBot,
    studio: OpenStudio,
    owner: Actor,
    runner,
    settings,
    register,  # type: ignore[no-untyped-def]
) -> None:
    from smp_desktop.core.domain import StaffRole
    from smp_desktop.ui.workspace import build_workspace
    from tests.ui.conftest import UI_TODAY

    info = studio.services.studio.add_staff(owner, "Chloe Evans", StaffRole.RECEPTION)
    reception = Actor(info.id, info.display_name, info.role)
    workspace = build_workspace(studio.services, reception, runner, settings, today=lambda: UI_TODAY,
                                search_delay_ms=0)  # fmt: skip
    workspace.window.show()
    try:
        controller = open_register(workspace)
        view = controller.view
        assert view.lot_model.rowCount() == 2
        assert view.recall_button.isHidden() and view.new_lot_button.isHidden() and view.new_product_button.isHidden()
        assert not view.log_contact_button.isHidden()  # the front desk phones the clients
    finally:
        workspace.window.close()
        workspace.window.deleteLater()


def test_the_lot_editor_keeps_the_safety_data_sheet_as_a_stored_document(
    qtbot: QtBot,
    studio: OpenStudio,
    owner: Actor,
    workspace: Workspace,
    register,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pdf, _ = studio.services.ink_documents.recall_list(owner, register["used"].id)  # any real PDF will do
    sheet = tmp_path / "SDS Perma Scalp Pigments.pdf"
    sheet.write_bytes(pdf)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a: (str(sheet), "")))
    controller = open_register(workspace)
    view = controller.view
    view.tabs.setCurrentIndex(1)
    select_lot(controller, "CS-2611")
    qtbot.mouseClick(view.edit_lot_button, LEFT)
    dialog = controller.dialog
    assert isinstance(dialog, LotEditorDialog) and dialog.file_labels["sds"].text() == "None attached"
    qtbot.mouseClick(dialog.attach_buttons["sds"], LEFT)
    lot = studio.services.ink.lot(owner, register["used"].id)
    assert lot.sds_document_id is not None
    assert dialog.file_labels["sds"].text() == f"Stored (document #{lot.sds_document_id})"
    assert studio.services.documents.read_verified(owner, lot.sds_document_id) == pdf

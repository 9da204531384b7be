"""The Consent & health tab with real widgets: the questionnaire and its outcome, a doctor's letter, signing on
screen with the signature pads (the signed PDF read back), printing a form through the preview and Qt's real print
path to a PDF file, an altered signed copy warned about, and the front desk seeing no health answers."""

from __future__ import annotations

import hashlib
import html
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QCheckBox, QFileDialog, QRadioButton
from pytestqt.qtbot import QtBot
from signature_drawing import scribble

from smp_desktop.core.domain import StaffRole
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.client_data import ClientRecord
from smp_desktop.core.studio_db import OpenStudio
from smp_desktop.ui.background import SynchronousRunner
from smp_desktop.ui.controllers import consent_controller
from smp_desktop.ui.controllers.consent_controller import ConsentController
from smp_desktop.ui.workspace import Workspace, build_workspace
from tests.ui.conftest import UI_TODAY

LEFT = Qt.MouseButton.LeftButton
NAME = '<b>Ann & "Co"</b>'


def open_consent_tab(workspace: Workspace, client: ClientRecord) -> ConsentController:
    workspace.window.resize(1400, 900)
    workspace.clients.list.refresh(select_id=client.id)
    workspace.clients._on_client_picked(client.id)
    tabs = workspace.clients_view.client_tabs
    index = next(i for i in range(tabs.count()) if tabs.tabText(i) == "Consent && health")
    assert tabs.isTabEnabled(index)
    tabs.tabBar().setCurrentIndex(index)
    assert workspace.client_tabs is not None
    controller = workspace.client_tabs.controller("consent")
    assert isinstance(controller, ConsentController) and controller.view is tabs.widget(index)
    return controller


def choose_template(controller: ConsentController, name: str) -> None:
    combo = controller.view.template
    template = next(t for t in controller.templates if t.name == name)
    combo.setCurrentIndex(combo.findData(template.id))


def click(qtbot: QtBot, button: QCheckBox | QRadioButton) -> None:
    qtbot.mouseClick(button, LEFT, pos=QPoint(8, button.height() // 2))


def fill_questionnaire(qtbot: QtBot, controller: ConsentController, **yes: str) -> None:
    qtbot.mouseClick(controller.view.questionnaire_button, LEFT)
    dialog = controller.screening_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.save_button.isEnabled()  # every question must be answered
    for key, detail in yes.items():
        click(qtbot, dialog.findChild(QRadioButton, f"yes_{key}"))
        qtbot.keyClicks(dialog.details[key], detail)
    qtbot.mouseClick(dialog.all_no_button, LEFT)
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.isVisible()


def test_questionnaire_then_a_doctors_letter_clears_it(
    qtbot: QtBot,
    studio: OpenStudio,
    workspace: Workspace,
    make_client,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = make_client(first_name="Zoë", last_name="Łukasiewicz")
    controller = open_consent_tab(workspace, client)
    view = controller.view
    assert "no signed treatment consent" in view.treatment_status.text()
    assert "No health questionnaire yet" in view.screening_status.text()
    fill_questionnaire(qtbot, controller, diabetes="Type 2, metformin")
    assert "Needs a doctor" in view.screening_status.text()
    assert "Type 2, metformin" in view.screening_reasons.text()
    letter = tmp_path / "GP letter.pdf"
    letter.write_bytes(b"%PDF-1.4 letter from the GP")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(letter), ""))
    assert view.letter_button.isEnabled()
    qtbot.mouseClick(view.letter_button, LEFT)
    dialog = controller.letter_dialog
    assert dialog is not None and dialog.covers["diabetes"].isChecked()
    qtbot.mouseClick(dialog.browse_button, LEFT)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert not dialog.isVisible()
    assert "Eligible" in view.screening_status.text()
    assert "Doctor's letters: Doctor's letter of" in html.unescape(view.letters.text())


def test_signing_on_screen_with_the_pads_makes_the_signed_pdf(
    qtbot: QtBot,
    studio: OpenStudio,
    owner: Actor,
    workspace: Workspace,
    make_client,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = make_client(first_name="Νίκος", last_name=NAME)
    controller = open_consent_tab(workspace, client)
    view = controller.view
    choose_template(controller, "smp_treatment")
    qtbot.mouseClick(view.sign_button, LEFT)
    assert controller.sign_dialog is None and "questionnaire" in view.message.text()  # it comes first
    fill_questionnaire(qtbot, controller, antibiotics="Amoxicillin")
    qtbot.mouseClick(view.sign_button, LEFT)
    dialog = controller.sign_dialog
    assert dialog is not None and dialog.isVisible()
    assert "Thousands of very small dots" in dialog.wording.toPlainText()
    assert not dialog.sign_button.isEnabled()
    scribble(qtbot, dialog.client_pad)
    scribble(qtbot, dialog.witness_pad, shift=20)
    assert dialog.sign_button.isEnabled()
    qtbot.mouseClick(dialog.sign_button, LEFT)  # nothing ticked yet: the problems are shown, the dialog stays
    assert dialog.isVisible() and "Not confirmed" in dialog.problems.text()
    for item in dialog.template.items:
        if item.type == "confirm":
            click(qtbot, dialog.findChild(QCheckBox, f"item_{item.key}"))
    click(qtbot, dialog.findChild(QRadioButton, "item_patch_test_declined"))
    qtbot.mouseClick(dialog.sign_button, LEFT)
    assert not dialog.isVisible()
    assert "valid until" in view.treatment_status.text()
    assert view.model.rowCount() == 1
    consent = view.model.consent_at(0)
    assert consent is not None and consent.signer_name == f"Νίκος {NAME}"
    check = studio.services.consents.open_consent(owner, consent.id)
    data = check.path.read_bytes()
    assert check.intact and hashlib.sha256(data).hexdigest() == consent.document_sha256
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert NAME in text and "Amoxicillin" in text and "Olivia Owner" in text
    assert sum(len(p.images) for p in reader.pages) >= 2
    # Opening it: the preview when intact; a loud warning when one byte changed.
    view.table.selectRow(0)
    qtbot.mouseClick(view.open_button, LEFT)
    assert controller.preview is not None and controller.preview.isVisible()
    controller.preview.close()
    altered = bytearray(data)
    altered[-100] ^= 0x01
    check.path.write_bytes(bytes(altered))
    warnings: list[str] = []
    monkeypatch.setattr(consent_controller, "warn", lambda _parent, title, text: warnings.append(f"{title}: {text}"))
    controller.preview = None
    qtbot.mouseClick(view.open_button, LEFT)
    assert controller.preview is None
    assert warnings and "altered" in warnings[0] and "WARNING" in view.message.text()


def test_a_form_prints_through_the_preview_to_a_pdf_file(
    qtbot: QtBot, workspace: Workspace, make_client, tmp_path: Path
) -> None:
    client = make_client(first_name="Дмитрий", last_name="Иванов")
    controller = open_consent_tab(workspace, client)
    choose_template(controller, "photo_release")
    qtbot.mouseClick(controller.view.print_button, LEFT)
    preview = controller.preview
    assert preview is not None and preview.isVisible()
    qtbot.waitUntil(lambda: preview.print_button.isEnabled())
    assert len(preview.page_labels) >= 1
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert preview.print_to(printer) >= 1
    printed = PdfReader(io.BytesIO(out.read_bytes()))
    assert len(printed.pages) >= 1
    assert sum(len(p.images) for p in printed.pages) >= 1  # the pages as painted onto the printer
    preview.close()


def test_the_front_desk_sees_whether_paperwork_is_done_not_the_answers(
    qtbot: QtBot, studio: OpenStudio, owner: Actor, runner: SynchronousRunner, settings, make_client
) -> None:
    from consent_helpers import all_no

    client = make_client(first_name="محمد", last_name="Hassan")
    studio.services.consents.record_screening(owner, client.id, all_no(studio, owner, hepatitis_hiv=(True, "HIV")))
    info = studio.services.studio.add_staff(owner, "Chloe Evans", StaffRole.RECEPTION)
    desk = Actor(info.id, info.display_name, info.role)
    workspace = build_workspace(studio.services, desk, runner, settings, today=lambda: UI_TODAY, search_delay_ms=0)
    workspace.window.show()
    try:
        controller = open_consent_tab(workspace, client)
        view = controller.view
        assert view.questionnaire_button.isHidden() and view.letter_button.isHidden()
        assert "on record" in view.screening_status.text()
        shown = " ".join(w.text() for w in (view.screening_status, view.screening_reasons, view.letters))
        assert "HIV" not in shown and "hepatitis" not in shown.lower()
        choose_template(controller, "smp_treatment")
        assert not view.sign_button.isEnabled()  # the treatment form prints health answers
        choose_template(controller, "photo_release")
        assert view.sign_button.isEnabled() and view.print_button.isEnabled()
    finally:
        workspace.window.close()
        workspace.window.deleteLater()


def test_a_paper_questionnaire_is_kept_and_a_blank_form_prints(
    qtbot: QtBot,
    studio: OpenStudio,
    owner: Actor,
    workspace: Workspace,
    make_client,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = make_client(first_name="Nguyễn", last_name="Văn Hùng")
    controller = open_consent_tab(workspace, client)
    scan = tmp_path / "questionnaire.pdf"
    scan.write_bytes(b"%PDF-1.4 the client's handwriting")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(scan), ""))
    qtbot.mouseClick(controller.view.questionnaire_button, LEFT)
    dialog = controller.screening_dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.paper_button, LEFT)
    assert dialog.paper_label.text() == "questionnaire.pdf"
    qtbot.mouseClick(dialog.all_no_button, LEFT)
    qtbot.mouseClick(dialog.save_button, LEFT)
    screening = studio.services.consents.overview(owner, client.id).screening
    assert screening is not None and screening.paper_document_id is not None
    kept = studio.services.documents.read_verified(owner, screening.paper_document_id)
    assert kept == scan.read_bytes()

    choose_template(controller, "data_protection")
    qtbot.mouseClick(controller.view.blank_button, LEFT)
    preview = controller.preview
    assert preview is not None
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(preview.pdf)).pages)
    assert "Data protection" in text and "Văn Hùng" not in text and "Name in capitals" in text
    preview.close()

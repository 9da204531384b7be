"""The session editor's lot picker, driven through the real zone table: usable lots listed first, an expired or
recalled lot not taken without the artist's reason (Cancel leaves the zone as it was), the reason kept on the zone
and shown, and "Reuse last mix" filling the zones from the client's last mix with a usable lot of the product."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest
from consent_helpers import give_valid_consent
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from smp_desktop.core.domain import ScalpZone, SessionKind
from smp_desktop.core.ink import LABEL_FIELDS, LabelCheck
from smp_desktop.core.models import SessionZone
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.client_data import ClientRecord
from smp_desktop.core.services.ink_data import LotDraft, LotRecord, ProductDraft
from smp_desktop.core.services.session_data import SessionDraft, ZoneEntry
from smp_desktop.core.studio_db import OpenStudio
from smp_desktop.ui.dialogs.lot_override_dialog import LotOverrideDialog
from smp_desktop.ui.models import zone_table_model as zt
from smp_desktop.ui.workspace import Workspace
from tests.ui.test_ui_sessions import LEFT, cell_editor, editor_of, open_sessions_tab

CHECKS = dict.fromkeys(LABEL_FIELDS, LabelCheck.PRESENT)


@pytest.fixture
def lots(studio: OpenStudio, owner: Actor) -> dict[str, LotRecord]:
    ink = studio.services.ink
    soft = ink.save_product(owner, ProductDraft("Scalp Pigments Co.", "Soft Black", swatch="#2b2b2b"))
    classic = ink.save_product(owner, ProductDraft("Scalp Pigments Co.", "Classic Black", swatch="#111111"))

    def lot(product_id: int, number: str, **fields: object) -> LotRecord:
        values: dict[str, object] = {"purchased_on": date(2026, 1, 5), "expires_on": date(2028, 1, 5), **CHECKS}
        values.update(fields)
        return ink.save_lot(owner, LotDraft(product_id, number, **values))  # type: ignore[arg-type]

    found = {
        "usable": lot(soft.id, "SB-2407"),
        "expired": lot(soft.id, "OLD-1", purchased_on=date(2023, 1, 1), expires_on=date(2025, 1, 1)),
        "recalled": lot(classic.id, "RC-9"),
        "classic": lot(classic.id, "CL-3"),
        "unlabelled": lot(classic.id, "NL-1", label_ingredients=LabelCheck.MISSING),
    }
    ink.recall(owner, found["recalled"].id, "Nickel above the limit", source="Supplier notice")
    return found


def open_lot_cell(qtbot: QtBot, workspace: Workspace, row: int = 0) -> QComboBox:
    table = editor_of(workspace).view.zone_table
    index = table.model().index(row, zt.LOT)
    table.setCurrentIndex(index)
    table.edit(index)
    combo = cell_editor(table, QComboBox)
    assert isinstance(combo, QComboBox) and combo.objectName() == "lotEditor"
    return combo


def pick(qtbot: QtBot, combo: QComboBox, lot: LotRecord) -> None:
    combo.setCurrentIndex(combo.findData(lot.id))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits the editor on the next turn of the event loop
    QApplication.processEvents()  # and a question about the lot opens after it


def test_usable_lots_first_and_an_expired_lot_needs_a_reason(
    qtbot: QtBot,
    studio: OpenStudio,
    workspace: Workspace,
    lots: dict[str, LotRecord],
    make_client: Callable[..., ClientRecord],
) -> None:
    client = make_client(first_name="Zoë", last_name="Łukasiewicz")
    tab = open_sessions_tab(workspace, client)
    qtbot.mouseClick(tab.new_button, LEFT)
    editor = editor_of(workspace)
    view = editor.view
    view.kind.setCurrentIndex(view.kind.findData("session_1"))
    qtbot.mouseClick(view.add_zone_button, LEFT)
    qtbot.keyClick(cell_editor(view.zone_table, QComboBox), Qt.Key.Key_Return)  # the hairline

    combo = open_lot_cell(qtbot, workspace)
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts[0] == "No lot from the register"
    assert texts[1].startswith("CL-3 · Scalp Pigments Co. Classic Black")
    assert texts[2].startswith("SB-2407 · Scalp Pigments Co. Soft Black · use by 2028-01-05")
    assert texts[3] == ""  # the separator before the lots that may not be used
    assert texts[4].startswith("⚠ Label incomplete · NL-1")
    assert texts[5].startswith("⚠ Expired · OLD-1")
    assert texts[6].startswith("⚠ Recalled · RC-9")

    pick(qtbot, combo, lots["expired"])
    dialog = editor.override_dialog
    assert isinstance(dialog, LotOverrideDialog) and dialog.isVisible()
    assert "Expired: its last usable day was 2025-01-01." in dialog.problems_label.text()
    assert not dialog.use_button.isEnabled()  # no reason, no lot
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), LEFT)
    model = view.zone_model
    assert model.index(0, zt.LOT).data(zt.LOT_ID_ROLE) is None and model.index(0, zt.LOT).data() == ""

    pick(qtbot, open_lot_cell(qtbot, workspace), lots["expired"])
    dialog = editor.override_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.reason, "Client's own bottle - supplier confirmed the batch")
    qtbot.mouseClick(dialog.use_button, LEFT)
    cell = model.index(0, zt.LOT)
    assert cell.data(zt.LOT_ID_ROLE) == lots["expired"].id and cell.data() == "⚠ OLD-1"
    assert "Used anyway because: Client's own bottle" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, zt.SHADE).data() == "Scalp Pigments Co. Soft Black"

    qtbot.mouseClick(view.add_zone_button, LEFT)
    qtbot.keyClick(cell_editor(view.zone_table, QComboBox), Qt.Key.Key_Return)  # the next zone offered
    pick(qtbot, open_lot_cell(qtbot, workspace, 1), lots["usable"])  # usable: no question
    assert editor.override_dialog is None
    assert model.index(1, zt.LOT).data() == "SB-2407"

    qtbot.mouseClick(view.save_button, LEFT)
    assert not editor.dialog.isVisible()
    with studio.sessions() as session:
        zones = session.scalars(select(SessionZone).order_by(SessionZone.position)).all()
        assert [(z.lot_id, z.pigment_lot, z.lot_override_reason) for z in zones] == [
            (lots["expired"].id, "OLD-1", "Client's own bottle - supplier confirmed the batch"),
            (lots["usable"].id, "SB-2407", ""),
        ]


def test_a_recalled_lot_typed_by_number_asks_too(
    qtbot: QtBot, workspace: Workspace, lots: dict[str, LotRecord], make_client: Callable[..., ClientRecord]
) -> None:
    tab = open_sessions_tab(workspace, make_client(first_name="Νίκος", last_name="Παπαδόπουλος"))
    qtbot.mouseClick(tab.new_button, LEFT)
    editor = editor_of(workspace)
    qtbot.mouseClick(editor.view.add_zone_button, LEFT)
    qtbot.keyClick(cell_editor(editor.view.zone_table, QComboBox), Qt.Key.Key_Return)
    combo = open_lot_cell(qtbot, workspace)
    combo.lineEdit().clear()
    qtbot.keyClicks(combo.lineEdit(), "rc-9")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    QApplication.processEvents()
    QApplication.processEvents()
    dialog = editor.override_dialog
    assert dialog is not None and "Recalled on" in dialog.problems_label.text()
    assert "Nickel above the limit" in dialog.problems_label.text()


def test_reuse_last_mix_fills_the_zones_with_a_usable_lot_of_the_product(
    qtbot: QtBot,
    studio: OpenStudio,
    owner: Actor,
    workspace: Workspace,
    lots: dict[str, LotRecord],
    make_client: Callable[..., ClientRecord],
) -> None:
    client = make_client(first_name="王", last_name="伟")
    give_valid_consent(studio, owner, client.id)
    zones = (
        ZoneEntry(ScalpZone.HAIRLINE, lot_id=lots["expired"].id, lot_override_reason="old bottle",
                  dilution_water_parts=4, dilution_pigment_parts=1, notes="very soft edge"),
        ZoneEntry(ScalpZone.CROWN, lot_id=lots["classic"].id, dilution_water_parts=2, dilution_pigment_parts=1),
    )  # fmt: skip
    draft = SessionDraft(
        kind=SessionKind.SESSION_1,
        starts_at=datetime(2026, 11, 2, 10).astimezone(),
        health_unchanged=True,
        zones=zones,
    )
    studio.services.sessions.create(owner, client.id, draft, complete=True)
    tab = open_sessions_tab(workspace, client)
    qtbot.mouseClick(tab.new_button, LEFT)
    editor = editor_of(workspace)
    view = editor.view
    assert view.reuse_mix_button.isVisible()
    qtbot.mouseClick(view.reuse_mix_button, LEFT)
    model = view.zone_model
    rows = [
        (model.index(r, zt.ZONE).data(), model.index(r, zt.LOT).data(), model.index(r, zt.DILUTION).data())
        for r in range(model.rowCount())
    ]
    # the hairline's old lot had expired: its product's usable lot is offered instead; the crown keeps its lot
    assert rows == [("Hairline", "SB-2407", "4 : 1"), ("Crown", "CL-3", "2 : 1")]
    assert model.index(0, zt.NOTES).data() == "very soft edge"


def test_ink_papers_on_the_sessions_tab_open_the_passport_and_the_sheet(
    qtbot: QtBot,
    studio: OpenStudio,
    owner: Actor,
    workspace: Workspace,
    lots: dict[str, LotRecord],
    make_client: Callable[..., ClientRecord],
) -> None:
    import io

    from pypdf import PdfReader

    from smp_desktop.ui.controllers.ink_session_actions import InkPapersAction

    client = make_client(first_name="Zoë", last_name="Łukasiewicz")
    give_valid_consent(studio, owner, client.id)
    draft = SessionDraft(
        kind=SessionKind.SESSION_1,
        starts_at=datetime(2026, 11, 2, 10).astimezone(),
        artist_id=owner.staff_id,
        health_unchanged=True,
        zones=(ZoneEntry(ScalpZone.HAIRLINE, lot_id=lots["usable"].id, dilution_water_parts=4,
                         dilution_pigment_parts=1),),
    )  # fmt: skip
    studio.services.sessions.create(owner, client.id, draft, complete=True)
    tab = open_sessions_tab(workspace, client)
    assert workspace.client_tabs is not None
    action = workspace.client_tabs.controller("ink_papers")
    assert isinstance(action, InkPapersAction)
    tab.table.selectRow(0)
    assert action.button.isEnabled() and action.passport_action.isEnabled()
    action.passport_action.trigger()
    assert action.preview is not None and action.preview.isVisible()
    text = " ".join(PdfReader(io.BytesIO(action.preview.pdf)).pages[0].extract_text().split())
    assert "Ink passport" in text and "SB-2407" in text and "4 : 1" in text and "Zoë Łukasiewicz" in text
    action.preview.close()
    action.sheet_action.trigger()
    assert action.preview is not None
    text = " ".join(PdfReader(io.BytesIO(action.preview.pdf)).pages[0].extract_text().split())
    assert "Ink information sheet" in text and "Scalp Pigments Co." in text
    preview = action.preview
    preview.close()
    # Closed is not gone: delete the preview now, or the offscreen platform keeps it as the window that holds
    # activation and the next test's window is never activated.
    preview.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

"""Regenerates the consent screenshots: the client's Consent & health tab, the health questionnaire being filled in,
the signing screen with both signature pads, and a printed pre-filled form (its PDF pages as PNG).

Run from the repository root:  .venv/bin/python docs/screenshots/take_consents.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QLocale, QPointF, QSettings, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QRadioButton, QWidget

from smp_desktop.core.demo_consents import scribble
from smp_desktop.core.domain import StaffRole, TreatmentReason
from smp_desktop.core.services.client_data import ClientDraft
from smp_desktop.core.services.consent_data import Signature
from smp_desktop.core.studio_db import open_studio
from smp_desktop.paths import StudioPaths
from smp_desktop.ui.app import create_application
from smp_desktop.ui.background import SynchronousRunner
from smp_desktop.ui.studio_session import StudioSession

HERE = Path(__file__).resolve().parent
SIZE = (1280, 820)


def _fail(error: Exception) -> None:
    raise SystemExit(f"the window reported an error: {type(error).__name__}: {error}")


def settle(app: QApplication, msecs: int = 150) -> None:
    QTest.qWait(msecs)
    app.processEvents()


def draw(pad: QWidget, points: list[tuple[int, int]]) -> None:
    left = Qt.MouseButton.LeftButton
    for number, (x, y) in enumerate(points):
        kind = (
            QMouseEvent.Type.MouseButtonPress
            if number == 0
            else QMouseEvent.Type.MouseButtonRelease
            if number == len(points) - 1
            else QMouseEvent.Type.MouseMove
        )
        local = QPointF(x, y)
        button = Qt.MouseButton.NoButton if kind == QMouseEvent.Type.MouseMove else left
        buttons = Qt.MouseButton.NoButton if kind == QMouseEvent.Type.MouseButtonRelease else left
        event = QMouseEvent(kind, local, pad.mapToGlobal(local), button, buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(pad, event)


def signature(pad: QWidget, shift: int) -> None:
    points = [(30, 95), (55, 50), (75, 100), (95, 45 + shift), (120, 98), (150, 60), (175, 92), (230, 55 + shift)]
    points += [(260, 88), (300, 64)]
    draw(pad, points)
    draw(pad, [(60, 115), (280, 108 - shift // 2)])


def main() -> int:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    app = create_application(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="alex-") as folder:
        paths = StudioPaths(Path(folder) / "SMP Desktop")
        studio = open_studio(paths)
        services = studio.services
        owner = services.studio.create(
            "Northline Scalp Studio",
            "Alex Morgan",
            country="GB",
            address="14 Canal Street\nManchester M1 3HE",
            phone="+44 161 496 0123",
            email="hello@northline.example",
        )
        services.studio.add_staff(owner, "Priya Shah", StaffRole.ARTIST)
        clients = services.clients
        for first, last in [("Γιώργος", "Παπαδόπουλος"), ("Иван", "Иванов"), ("Minh", "Nguyễn")]:
            clients.create(owner, ClientDraft(first_name=first, last_name=last), allow_duplicate=True)
        client = clients.create(
            owner,
            ClientDraft(
                first_name="Zoë",
                last_name="Łukasiewicz",
                reasons=(TreatmentReason.THINNING,),
                date_of_birth=date(1984, 3, 9),
                phone="+44 20 7946 0958",
                email="zoe@example.com",
                address_line1="3 Ancoats Street",
                city="Manchester",
                postcode="M4 6AE",
            ),
            allow_duplicate=True,
        )
        consents = services.consents
        answers = {q.key: False for q in consents.questionnaire(owner)}
        answers["diabetes"] = (True, "Type 2, on metformin")
        answers["antibiotics"] = (True, "Amoxicillin until Friday")
        screening = consents.record_screening(owner, client.id, answers)
        consents.add_doctors_letter(
            owner,
            screening.id,
            b"%PDF-1.4 GP letter",
            filename="GP letter.pdf",
            dated_on=date.today() - timedelta(days=6),
            covers=("diabetes",),
        )
        photo = consents.current(owner, "photo_release")
        consents.sign(
            owner,
            client.id,
            photo.id,
            {"clinical_photos": True, "marketing_photos": False, "face_visible": False},
            Signature("Zoë Łukasiewicz", scribble(3)),
            Signature("Alex Morgan", scribble(8)),
        )

        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        session = StudioSession(paths, SynchronousRunner(report_error=_fail), settings, icon=app.windowIcon())
        session.start(studio)
        workspace = session.workspace
        assert workspace is not None and workspace.client_tabs is not None
        window = workspace.window
        window.resize(*SIZE)
        settle(app)
        list_ = workspace.clients.list
        row = list_.model.row_of(client.id)
        assert row is not None
        workspace.clients_view.table.setCurrentIndex(list_.model.index(row, 0))
        controller = workspace.client_tabs.controller("consent")
        tabs = workspace.clients_view.client_tabs
        tabs.setCurrentWidget(controller.view)
        workspace.clients_view.splitter.setSizes([300, 980])
        settle(app)
        window.grab().save(str(HERE / "consent-tab.png"))

        # The questionnaire, part answered: the outcome follows the answers.
        controller.view.questionnaire_button.click()
        dialog = controller.screening_dialog
        assert dialog is not None
        for question in controller.questions[:9]:
            dialog.answer(
                question.key, question.key == "diabetes", "Type 2, on metformin" if question.key == "diabetes" else ""
            )
        settle(app)
        dialog.grab().save(str(HERE / "consent-questionnaire.png"))
        dialog.reject()

        # The signing screen: the treatment consent, ticks, both signatures.
        combo = controller.view.template
        treatment = next(t for t in controller.templates if t.name == "smp_treatment")
        combo.setCurrentIndex(combo.findData(treatment.id))
        controller.view.sign_button.click()
        sign = controller.sign_dialog
        assert sign is not None
        for item in treatment.items:
            if item.type == "confirm":
                box = sign.findChild(QCheckBox, f"item_{item.key}")
                box.setChecked(item.key not in ("consent_to_treatment", "aftercare_received"))
        radio = sign.findChild(QRadioButton, "item_patch_test_declined")
        radio.setChecked(True)
        sign.show()
        settle(app)
        signature(sign.client_pad, 0)
        signature(sign.witness_pad, 18)
        settle(app)
        sign.grab().save(str(HERE / "consent-signature.png"))
        sign.reject()

        # A printed form: the pre-filled treatment consent as the printer gets it.
        pdf = consents.form_pdf(owner, "smp_treatment", client.id)
        import pypdfium2 as pdfium

        document = pdfium.PdfDocument(pdf)
        for number in range(min(3, len(document))):
            image = document[number].render(scale=90 / 72).to_pil()
            image.save(HERE / f"consent-printed-form-{number + 1}.png")
        document.close()
        window.close()
        studio.close()
    print(
        f"saved consent-tab.png, consent-questionnaire.png, consent-signature.png, consent-printed-form-*.png in {HERE}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

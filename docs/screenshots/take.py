"""Regenerates the README screenshots: a throwaway studio with international clients, the real main window at
1280×800, saved as client-list.png (a search typed) and client-page.png (a rich client with a suitability concern).

Run from the repository root:  .venv/bin/python docs/screenshots/take.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QLocale, QPoint, QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from smp_desktop.core.domain import (
    Greying,
    HairLengthWish,
    HairlineStyle,
    ReferralSource,
    ScalpCondition,
    ScarKind,
    TreatmentReason,
)
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.client_data import ClientDraft, ScarEntry
from smp_desktop.core.services.clients import ClientService
from smp_desktop.core.studio_db import open_studio
from smp_desktop.paths import StudioPaths
from smp_desktop.ui.app import create_application
from smp_desktop.ui.background import SynchronousRunner
from smp_desktop.ui.workspace import build_workspace

HERE = Path(__file__).resolve().parent
SIZE = (1280, 800)

# first, last, birth date, phone, e-mail
PEOPLE = [
    ("Mateusz", "Żółkiewski", date(1984, 5, 17), "+48 512 345 678", "m.zolkiewski@example.pl"),
    ("Anna", "Kowalczyk", date(1990, 2, 3), "+48 601 222 333", "anna.k@example.pl"),
    ("Daniel", "Andersson", date(1979, 11, 30), "+46 70 123 45 67", "daniel.andersson@example.se"),
    ("Siobhán", "O'Connor", date(1988, 7, 9), "+353 85 123 4567", "siobhan@example.ie"),
    ("Dimitris", "Papadopoulos", date(1975, 3, 21), "+30 691 234 5678", "d.papadopoulos@example.gr"),
    ("Γιάννης", "Αντωνίου", date(1982, 8, 14), "+30 694 111 2222", "antoniou@example.gr"),
    ("Андрей", "Смирнов", date(1986, 1, 25), "+7 912 345-67-89", "smirnov@example.ru"),
    ("Wei", "Zhang", date(1991, 10, 2), "+86 138 0013 8000", "zhang.wei@example.cn"),
    ("伟", "王", date(1983, 4, 11), "+86 139 1234 5678", ""),
    ("Hannah", "Schneider", date(1993, 6, 6), "+49 151 23456789", "hannah.schneider@example.de"),
    ("Jürgen", "Müller", date(1968, 12, 1), "+49 170 1234567", "j.mueller@example.de"),
    ("Ana", "García", date(1987, 9, 19), "+34 612 345 678", "ana.garcia@example.es"),
    ("João", "Gonçalves", date(1980, 2, 28), "+351 912 345 678", "joao.g@example.pt"),
    ("Anders", "Nielsen", date(1977, 5, 5), "+45 20 12 34 56", "anders@example.dk"),
    ("Oluwaseun", "Adeyemi", date(1989, 3, 12), "+44 7911 123123", "seun.adeyemi@example.co.uk"),
    ("Priya", "Natarajan", date(1992, 12, 24), "+44 7911 123456", "priya.n@example.co.uk"),
    ("Mohammed", "Al-Hassan", date(1985, 7, 30), "+44 7911 123789", "m.alhassan@example.co.uk"),
    ("Chloé", "Lefèvre", date(1994, 1, 8), "+33 6 12 34 56 78", "chloe.lefevre@example.fr"),
    ("Luca", "Bianchi", date(1981, 10, 16), "+39 312 345 6789", "luca.bianchi@example.it"),
    ("Ivan", "Horvat", date(1976, 4, 4), "+385 91 234 5678", "ivan.horvat@example.hr"),
    ("Noah", "Jansen", date(1995, 8, 22), "+31 6 12345678", "noah.jansen@example.nl"),
    ("Ayşe", "Yılmaz", date(1990, 11, 11), "+90 532 123 45 67", "ayse.yilmaz@example.tr"),
    ("Kenji", "Tanaka", date(1984, 2, 14), "+81 90-1234-5678", "k.tanaka@example.jp"),
    ("Daniela", "Novák", date(1988, 6, 18), "+420 601 123 456", "daniela.novak@example.cz"),
    ("Ethan", "Brown", date(1998, 9, 9), "+44 7911 123321", "ethan.brown@example.co.uk"),
    ("Marcus", "Thompson", date(1972, 3, 3), "+44 7911 123654", "marcus.t@example.co.uk"),
    ("Sean", "Murphy", date(1983, 12, 12), "+353 87 765 4321", "sean.murphy@example.ie"),
    ("Liam", "Anderson", date(2009, 1, 20), "+44 7911 123987", "liam.anderson@example.co.uk"),
    ("Tomasz", "Wiśniewski", date(1979, 7, 7), "+48 698 765 432", "t.wisniewski@example.pl"),
    ("Jonathan", "Hartley", date(1986, 10, 29), "+44 7911 123111", "jon.hartley@example.co.uk"),
    ("伟", "王", date(1990, 5, 1), "+86 139 1234 5678", "wang.wei@example.cn"),
    ("محمد", "العلي", date(1985, 2, 2), "+44 7911 123555", "m.alali@example.com"),
    ("Александр", "Иванов", date(1981, 8, 8), "+7 912 345 67 89", "a.ivanov@example.ru"),
    ("Văn Đức", "Nguyễn", date(1993, 3, 3), "+84 91 234 56 78", "duc.nguyen@example.vn"),
]

RICH = ClientDraft(
    first_name="Jonathan",
    last_name="Hartley",
    preferred_name="Jon",
    date_of_birth=date(1986, 10, 29),
    phone="+44 7911 123111",
    email="jon.hartley@example.co.uk",
    address_line1="27 Ancoats Street",
    city="Manchester",
    postcode="M4 5AB",
    country="GB",
    emergency_contact_name="Sarah Hartley",
    emergency_contact_phone="+44 7911 123222",
    emergency_contact_relation="Wife",
    referral_source=ReferralSource.CLINIC,
    referral_detail="Dr Patel, Manchester Hair Clinic",
    reasons=(TreatmentReason.THINNING, TreatmentReason.SCAR_CONCEALMENT),
    norwood_stage="5A",
    scars=(
        ScarEntry("Back of head, ear to ear", ScarKind.FUT_STRIP, "2014 transplant, 4 mm wide, pale"),
        ScarEntry("Crown, left", ScarKind.INJURY, "Small, from a fall"),
    ),
    hair_colour="Dark brown",
    greying=Greying.SOME,
    fitzpatrick_type=3,
    scalp_condition=ScalpCondition.DRY,
    scalp_condition_notes="Flaky at the crown in winter",
    hairline_style=HairlineStyle.SOFT,
    hair_length_wish=HairLengthWish.KEEP_LONG,
    notes="Prefers Saturday mornings. Wants a soft, age-appropriate hairline; discuss keeping the sides long.",
)


def seed(clients: ClientService, owner: Actor) -> int:
    rich_id = 0
    for first, last, born, phone, email in PEOPLE:
        if (first, last) == (RICH.first_name, RICH.last_name):
            rich_id = clients.create(owner, RICH, allow_duplicate=True).id
        else:
            draft = ClientDraft(first_name=first, last_name=last, date_of_birth=born, phone=phone, email=email)
            clients.create(owner, draft, allow_duplicate=True)
    return rich_id


def _fail(error: Exception) -> None:
    raise SystemExit(f"the window reported an error: {type(error).__name__}: {error}")


def settle(app: QApplication, msecs: int = 120) -> None:
    QTest.qWait(msecs)
    app.processEvents()


def main() -> int:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    app = create_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        studio = open_studio(StudioPaths(Path(folder) / "studio"))
        owner = studio.services.studio.create("Northline Scalp Studio", "Alex Morgan", country="GB")
        rich_id = seed(studio.services.clients, owner)
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        workspace = build_workspace(studio.services, owner, SynchronousRunner(report_error=_fail), settings)
        window = workspace.window
        window.setWindowIcon(app.windowIcon())
        window.resize(*SIZE)
        window.show()
        settle(app)

        view, model = workspace.clients_view, workspace.clients.list.model
        QTest.keyClicks(view.search_box, "an")
        settle(app)
        view.table.setCurrentIndex(model.index(0, 0))
        settle(app)
        window.grab().save(str(HERE / "client-list.png"))

        view.search_box.clear()
        settle(app)
        row = model.row_of(rich_id)
        assert row is not None, "the rich client should be on the first page"
        view.table.setCurrentIndex(model.index(row, 0))
        settle(app)
        # Show the SMP profile (below the contact details at this width), under the header and banner.
        form = view.form
        top = form.referral_source.mapTo(form.scroll_area.widget(), QPoint(0, 0)).y()
        form.scroll_area.verticalScrollBar().setValue(top - 48)
        settle(app)
        window.grab().save(str(HERE / "client-page.png"))

        # The end of the list: names in Chinese, Arabic, Cyrillic and Greek, and one of them open.
        view.table.scrollToBottom()
        view.table.setCurrentIndex(model.index(model.rowCount() - 1, 0))
        settle(app)
        window.grab().save(str(HERE / "client-list-scripts.png"))
        window.close()
        studio.close()
    print(f"saved client-list.png, client-page.png and client-list-scripts.png in {HERE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

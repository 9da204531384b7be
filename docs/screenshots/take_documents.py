"""Regenerates the document screenshots: the aftercare sheet's pages (a studio with a logo, a client and an artist
whose names are in several scripts), the first page of sheets for names in Arabic, Chinese, Korean and Cyrillic,
the removal aftercare, and the preview dialog.

Run from the repository root:  .venv/bin/python docs/screenshots/take_documents.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont
from PySide6.QtWidgets import QApplication

from smp_desktop.core.documents import aftercare
from smp_desktop.core.domain import ScalpZone, SessionKind, SessionStatus, StaffRole
from smp_desktop.core.services.client_data import ClientDraft
from smp_desktop.core.services.session_data import SessionDraft, ZoneEntry
from smp_desktop.core.studio_db import OpenStudio, open_studio
from smp_desktop.paths import StudioPaths
from smp_desktop.resources import resource_path
from smp_desktop.ui.background import SynchronousRunner
from smp_desktop.ui.dialogs.document_preview import show_document

HERE = Path(__file__).resolve().parent


def logo(path: Path) -> None:
    """A simple monogram logo, as a studio might have."""
    image = Image.new("RGBA", (360, 160), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, 152, 152), fill=(31, 84, 115, 255))
    font = ImageFont.truetype(str(resource_path("fonts/DejaVuSans-Bold.ttf")), 64)
    draw.text((80, 80), "N", font=font, fill="white", anchor="mm")
    small = ImageFont.truetype(str(resource_path("fonts/DejaVuSans-Bold.ttf")), 34)
    draw.text((172, 50), "NORTH", font=small, fill=(31, 84, 115, 255))
    draw.text((172, 92), "LINE", font=small, fill=(120, 130, 140, 255))
    image.save(path)


def pages(pdf: bytes, scale: float = 1.1) -> list[Image.Image]:
    document = pdfium.PdfDocument(pdf)
    images = [document[i].render(scale=scale).to_pil().convert("RGB") for i in range(len(document))]
    document.close()
    return images


def side_by_side(images: list[Image.Image], gap: int = 16) -> Image.Image:
    width = sum(i.width for i in images) + gap * (len(images) + 1)
    height = max(i.height for i in images) + 2 * gap
    out = Image.new("RGB", (width, height), (138, 143, 150))
    x = gap
    for image in images:
        out.paste(image, (x, gap))
        x += image.width + gap
    return out


def add_session(studio: OpenStudio, client_id: int, artist_id: int, kind: SessionKind, day: date) -> int:
    owner = studio.services.studio.owner()
    zones = tuple(ZoneEntry(z) for z in (ScalpZone.HAIRLINE, ScalpZone.FRONTAL, ScalpZone.CROWN))
    draft = SessionDraft(
        kind=kind,
        starts_at=datetime(day.year, day.month, day.day, 10).astimezone(),
        artist_id=artist_id,
        health_unchanged=True,
        zones=zones,
    )
    studio.services.sessions.create_many(owner, [(client_id, draft, SessionStatus.COMPLETED, "")])
    sessions = studio.services.sessions.overview(owner, client_id).sessions
    return max(s.id for s in sessions)


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        studio = open_studio(StudioPaths(Path(folder) / "studio"))
        studio.services.studio.create(
            "Northline Scalp Studio",
            "Olivia Owner",
            country="GB",
            address="14 Canal Street\nManchester M1 3HE\nUnited Kingdom",
            phone="+44 161 496 0123",
            email="hello@northline.example",
            website="northline.example",
        )
        owner = studio.services.studio.owner()
        documents = studio.services.client_documents
        logo(Path(folder) / "logo.png")
        documents.set_logo(owner, Path(folder) / "logo.png")
        artist = studio.services.studio.add_staff(owner, "Nguyễn Văn Hùng", StaffRole.ARTIST)

        def client(first: str, last: str) -> int:
            draft = ClientDraft(first_name=first, last_name=last)
            return studio.services.clients.create(owner, draft, allow_duplicate=True).id

        zoe = client("Zoë", "Łukasiewicz")
        first = add_session(studio, zoe, artist.id, SessionKind.SESSION_1, date(2024, 5, 12))
        planned = SessionDraft(
            kind=SessionKind.SESSION_2,
            starts_at=datetime(2024, 5, 24, 10).astimezone(),
            artist_id=artist.id,
        )
        studio.services.sessions.create_many(owner, [(zoe, planned, SessionStatus.PLANNED, "")])
        sheet = documents.aftercare(owner, first)
        side_by_side(pages(sheet.pdf)).save(HERE / "aftercare-pdf.png")

        firsts = []
        for first_name, last_name in (("محمد", "علي"), ("伟", "王"), ("민준", "김"), ("Дмитрий", "Иванов")):
            someone = client(first_name, last_name)
            session = add_session(studio, someone, artist.id, SessionKind.TOUCH_UP, date(2025, 3, 3))
            top = pages(documents.aftercare(owner, session).pdf, scale=1.0)[0]
            firsts.append(top.crop((0, 0, top.width, int(top.height * 0.42))))
        side_by_side(firsts[:2]).save(HERE / "aftercare-pdf-scripts.png")
        side_by_side(firsts[2:]).save(HERE / "aftercare-pdf-scripts-2.png")

        removal_client = client('<b>Ann & "Co"</b>', "Νίκος")
        removal = add_session(studio, removal_client, artist.id, SessionKind.REMOVAL, date(2025, 6, 2))
        saline = documents.aftercare(owner, removal, aftercare.REMOVAL_SALINE)
        pages(saline.pdf, scale=1.0)[0].save(HERE / "aftercare-removal-saline-pdf.png")

        from PySide6.QtWidgets import QMainWindow

        from smp_desktop.ui.controllers.document_letterhead_controller import LetterheadController

        window = QMainWindow()
        letterhead = LetterheadController(window, documents, owner, SynchronousRunner())
        settings_dialog = letterhead.open()
        settings_dialog.adjustSize()
        app.processEvents()
        settings_dialog.grab().save(str(HERE / "letterhead-dialog.png"))
        settings_dialog.close()

        dialog = show_document(None, sheet.pdf, sheet.file_name, sheet.title, runner=SynchronousRunner())
        dialog.resize(980, 900)
        app.processEvents()
        dialog._lay_out_pages()
        app.processEvents()
        dialog.grab().save(str(HERE / "document-preview.png"))
        dialog.close()
        studio.close()
    written = [p.name for p in sorted(HERE.glob("aftercare*.png"))]
    print("wrote", ", ".join(written), "document-preview.png letterhead-dialog.png")


if __name__ == "__main__":
    main()

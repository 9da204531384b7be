"""Bench: the aftercare sheet against the tuned reportlab floor (issue #6: ≤ 3× for a 2-page document).

The aftercare sheet is timed as the person meets it: `DocumentService.aftercare` on a real studio (the session and
the client read, the template read and checked, the PDF laid out with the letterhead, fonts and page numbers).
The floor, measured in the same run, is bare reportlab platypus writing a 2-page document of the same text with the
same embedded TrueType font, tuned the same way (no ASCII85). reportlab's default (ASCII85 on) is measured too,
for the record. The first document in a process (font files read) is reported on its own.
"""

from __future__ import annotations

import io
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from measure import Measure, _ms

NAMES = ("Zoë Łukasiewicz", "Νίκος Παπαδόπουλος", "Дмитрий Иванов", "Nguyễn Văn Hùng", "محمد علي")


def _studio(folder: Path) -> tuple[object, object, int]:
    from smp_desktop.core.domain import ScalpZone, SessionKind, SessionStatus
    from smp_desktop.core.services.client_data import ClientDraft
    from smp_desktop.core.services.session_data import SessionDraft, ZoneEntry
    from smp_desktop.core.studio_db import open_studio
    from smp_desktop.paths import StudioPaths

    studio = open_studio(StudioPaths(folder / "studio"))
    studio.services.studio.create(
        "Northline Scalp Studio",
        "Olivia Owner",
        country="GB",
        address="14 Canal Street\nManchester M1 3HE",
        phone="+44 161 496 0123",
        email="hello@northline.example",
        website="northline.example",
    )
    owner = studio.services.studio.owner()
    client = studio.services.clients.create(
        owner, ClientDraft(first_name="Zoë Νίκος", last_name="Łukasiewicz محمد"), allow_duplicate=True
    )
    zones = tuple(ZoneEntry(zone) for zone in (ScalpZone.HAIRLINE, ScalpZone.FRONTAL, ScalpZone.CROWN))

    def draft(kind: SessionKind, day: date) -> SessionDraft:
        start = datetime(day.year, day.month, day.day, 10).astimezone()
        return SessionDraft(kind=kind, starts_at=start, artist_id=owner.staff_id, health_unchanged=True, zones=zones)

    studio.services.sessions.create_many(
        owner,
        [
            (client.id, draft(SessionKind.SESSION_1, date(2024, 5, 12)), SessionStatus.COMPLETED, ""),
            (client.id, draft(SessionKind.SESSION_2, date(2024, 5, 24)), SessionStatus.PLANNED, ""),
        ],
    )
    first = min(studio.services.sessions.overview(owner, client.id).sessions, key=lambda s: s.starts_at)
    return studio, owner, first.id


def _floor_document(paragraphs: list[str]) -> bytes:
    """Bare reportlab: the same text, the same embedded font, A4, 2 pages, no letterhead or page numbers."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = ParagraphStyle("body", fontName="SMPSans", fontSize=10, leading=13.6, spaceAfter=4)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, title="Floor")
    doc.build([Paragraph(text, style) for text in paragraphs])
    return buffer.getvalue()


def measure_aftercare(repeats: int = 20) -> list[Measure]:
    from pypdf import PdfReader
    from reportlab import rl_config

    from smp_desktop.core.documents import fonts
    from smp_desktop.core.documents.text import escape

    with tempfile.TemporaryDirectory() as folder:
        studio, owner, session_id = _studio(Path(folder))
        documents = studio.services.client_documents  # type: ignore[attr-defined]
        started = time.perf_counter()
        first = documents.aftercare(owner, session_id).pdf
        first_ms = _ms(time.perf_counter() - started)

        reader = PdfReader(io.BytesIO(first))
        lines = [line for page in reader.pages for line in page.extract_text().splitlines() if line.strip()]
        paragraphs = [escape(line) for line in lines]
        target = len(reader.pages)

        def floor_pages() -> int:
            return len(PdfReader(io.BytesIO(_floor_document(paragraphs))).pages)

        while floor_pages() > target:  # the same size: as many pages as the sheet, as full
            paragraphs.pop()
        while floor_pages() < target:
            paragraphs += paragraphs[:5]

        fonts.configure_reportlab()
        sheet, floor, default = [], [], []
        for _ in range(repeats):
            started = time.perf_counter()
            documents.aftercare(owner, session_id)
            sheet.append(_ms(time.perf_counter() - started))
            started = time.perf_counter()
            _floor_document(paragraphs)
            floor.append(_ms(time.perf_counter() - started))
        rl_config.useA85 = 1  # reportlab as it comes
        try:
            for _ in range(max(3, repeats // 4)):
                started = time.perf_counter()
                _floor_document(paragraphs)
                default.append(_ms(time.perf_counter() - started))
        finally:
            fonts.configure_reportlab()
        studio.close()  # type: ignore[attr-defined]

    pages = len(reader.pages)
    measure = Measure(
        f"aftercare sheet PDF ({pages} pages, from the session)", "ms", sheet, "≤ 3× floor", 3.0, "median"
    )
    measure.floor = sorted(floor)[len(floor) // 2]
    measure.extra = {"floor_pages": float(target), "bytes": float(len(first))}
    return [
        measure,
        Measure(f"  floor: bare reportlab, {target} pages, same font, no ASCII85", "ms", floor, stat="median"),
        Measure("  reportlab's default (ASCII85 on), same document", "ms", default, stat="median"),
        Measure("  first aftercare sheet in a process (fonts read)", "ms", [first_ms], stat="max"),
    ]


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from suite import print_table

    print_table(measure_aftercare(int(sys.argv[1]) if len(sys.argv) > 1 else 20))

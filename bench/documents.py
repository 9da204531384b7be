"""Bench: the aftercare sheet against the tuned reportlab floor (issue #6: ≤ 3× for a 2-page document).

The aftercare sheet is timed as the person meets it: `DocumentService.aftercare` on a real studio (the session and
the client read, the template read and checked, the PDF laid out with the letterhead, fonts and page numbers).
The floor, measured in the same run, is bare reportlab platypus writing a 2-page document of the same text with the
same embedded TrueType font, tuned the same way (no ASCII85). reportlab's default (ASCII85 on) is measured too,
for the record. The first document in a process (font files read) is reported on its own.

The consent form and the removal plan (`measure_consent_and_removal`) are timed the same way on a copy of the
cached 1,000-client demo studio, each against its own floor: bare reportlab with the document's own text (read back
from its PDF), as many pages, the same embedded font, and the same pictures (the signatures' PNGs, the plan's print
renditions) placed as plain images. The floors are tuned to the page count and measured interleaved with the
documents. No goal: the issue sets one for the aftercare sheet only.
"""

from __future__ import annotations

import io
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from measure import Measure, _ms
from studios import studio_dir

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


def _floor_document(paragraphs: list[str], images: Sequence[Path | bytes] = (), image_mm: float = 70.0) -> bytes:
    """Bare reportlab: the same text, the same embedded font, A4, no letterhead or page numbers; images (files or
    PNG/JPEG bytes) placed as plain flowables after the text, image_mm wide, their aspect kept."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, Paragraph, SimpleDocTemplate

    style = ParagraphStyle("body", fontName="SMPSans", fontSize=10, leading=13.6, spaceAfter=4)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, title="Floor")
    story: list[Any] = [Paragraph(text, style) for text in paragraphs]
    for image in images:
        source = io.BytesIO(image) if isinstance(image, bytes) else str(image)
        flowable = Image(source)
        scale = image_mm * mm / flowable.imageWidth
        flowable.drawWidth, flowable.drawHeight = image_mm * mm, flowable.imageHeight * scale
        story.append(flowable)
    doc.build(story)
    return buffer.getvalue()


def tuned_floor(pdf: bytes, images: Sequence[Path | bytes] = ()) -> tuple[Callable[[], bytes], int]:
    """The floor of a document: its text as paragraphs and its images, trimmed or padded until the floor has as
    many pages as the document (as full). Returns the floor's maker and its page count."""
    from pypdf import PdfReader

    from smp_desktop.core.documents.text import escape

    reader = PdfReader(io.BytesIO(pdf))
    target = len(reader.pages)
    lines = [line for page in reader.pages for line in page.extract_text().splitlines() if line.strip()]
    paragraphs = [escape(line) for line in lines]
    width = [70.0]

    def pages() -> int:
        return len(PdfReader(io.BytesIO(_floor_document(paragraphs, images, width[0]))).pages)

    while pages() > target and images and width[0] > 30:  # the pictures alone must not need more pages
        width[0] *= 0.85
    removed: list[str] = []
    while pages() > target and paragraphs:  # coarse steps, then line by line back to a full last page
        removed = paragraphs[-10:] + removed
        del paragraphs[-10:]
    while removed and pages() <= target:
        paragraphs.append(removed.pop(0))
    if pages() > target:
        paragraphs.pop()
    while pages() < target and paragraphs:
        paragraphs += paragraphs[:5]
    return (lambda: _floor_document(paragraphs, images, width[0])), pages()


def interleaved(
    real: Callable[[], object], floor: Callable[[], object], repeats: int
) -> tuple[list[float], list[float]]:
    """Milliseconds of the document and of its floor, alternated so that both see the same machine."""
    mine: list[float] = []
    floors: list[float] = []
    for _ in range(repeats):
        started = time.perf_counter()
        real()
        mine.append(_ms(time.perf_counter() - started))
        started = time.perf_counter()
        floor()
        floors.append(_ms(time.perf_counter() - started))
    return mine, floors


def against_floor(name: str, samples: list[float], floor: list[float], floor_pages: int, size: int) -> list[Measure]:
    """A document's row with its floor's median (the ratio is shown, no goal) and the floor's own row."""
    measure = Measure(name, "ms", samples, stat="median")
    measure.floor = statistics.median(floor)
    measure.extra = {"floor_pages": float(floor_pages), "bytes": float(size)}
    return [measure, Measure(f"  floor: bare reportlab, {floor_pages} pages, font, pictures", "ms", floor,
                             stat="median")]  # fmt: skip


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


def _signing(consents: Any, owner: Any, client_id: int) -> Callable[[], Any]:
    """Signing the treatment consent on screen for a client with a screening: the PDF made and stored."""
    from smp_desktop.core.demo_consents import scribble
    from smp_desktop.core.services.consent_data import Signature

    template = consents.current(owner, "smp_treatment")
    choices: dict[str, Any] = {i.key: True for i in template.items if i.type in ("confirm", "yes_no")}
    choices.update({i.key: "declined" for i in template.items if i.type == "choice"})
    client_signature, witness = Signature("Zoë Łukasiewicz", scribble(1)), Signature(owner.display_name, scribble(2))
    return lambda: consents.sign(owner, client_id, template.id, choices, client_signature, witness)


def measure_consent_and_removal(repeats: int = 10) -> list[Measure]:
    """The treatment consent (pre-filled to sign by hand, and signed on screen) and the removal plan with its
    assessment photos, on a copy of the 1,000-client demo studio, each against its tuned floor."""
    from sqlalchemy import text

    from smp_desktop.core.demo_consents import scribble
    from smp_desktop.core.studio_db import open_studio
    from smp_desktop.paths import StudioPaths

    clients = 1000
    work = Path(tempfile.mkdtemp(prefix="smp-bench-documents-"))
    measures: list[Measure] = []
    try:
        root = work / "studio"
        shutil.copytree(studio_dir(clients), root, ignore=shutil.ignore_patterns(".complete"))
        with open_studio(StudioPaths(root)) as studio:
            owner = studio.services.studio.owner()
            consents = studio.services.consents
            with studio.engine.connect() as connection:
                client_id = connection.execute(
                    text("SELECT client_id FROM consent_record WHERE method = 'on_screen' ORDER BY id LIMIT 1")
                ).scalar_one()
                plan_id = connection.execute(
                    text(
                        "SELECT p.id FROM removal_plan p JOIN removal_photo f ON f.plan_id = p.id "
                        "GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1"
                    )
                ).scalar_one()
            label = f"{clients:,} clients"

            form = consents.form_pdf(owner, "smp_treatment", client_id)  # fonts read, modules imported
            floor, pages = tuned_floor(form)
            mine, floors = interleaved(lambda: consents.form_pdf(owner, "smp_treatment", client_id), floor, repeats)
            measures += against_floor(
                f"consent form PDF, pre-filled to sign ({pages} pp), {label}", mine, floors, pages, len(form)
            )

            sign = _signing(consents, owner, client_id)
            detail = sign()
            signed = consents.open_consent(owner, detail.summary.id).path.read_bytes()
            floor, pages = tuned_floor(signed, [scribble(1), scribble(2)])
            mine, floors = interleaved(sign, floor, repeats)
            measures += against_floor(
                f"signed consent PDF, made and stored ({pages} pp), {label}", mine, floors, pages, len(signed)
            )

            documents = studio.services.removal_documents
            shutil.rmtree(studio.paths.cache / "print", ignore_errors=True)  # only this plan's renditions in it
            plan = documents.plan_pdf(owner, plan_id).pdf  # the photos' print renditions made once, as in use
            renditions = sorted((studio.paths.cache / "print").rglob("*.jpg"))
            floor, pages = tuned_floor(plan, renditions)
            mine, floors = interleaved(lambda: documents.plan_pdf(owner, plan_id), floor, repeats)
            photos = len(renditions)
            measures += against_floor(
                f"removal plan PDF, {photos} photos ({pages} pp), {label}", mine, floors, pages, len(plan)
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return measures


if __name__ == "__main__":
    import os
    import sys

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from suite import print_table

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    print_table(measure_aftercare(count) + measure_consent_and_removal(count))

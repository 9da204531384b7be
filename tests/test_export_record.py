"""The whole-record PDF: read back with pypdf — pages, bookmarks, text in every script, and health answers and
photos present or absent (sections gone, not blank) as the person exporting chose and may see; photos from cached
print renditions; the hairline design drawn over its photo; written atomically and audited."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pypdf
import pytest
from sqlalchemy import select
from test_export_helpers import HEALTH_NOTE, NOTE, SCREENING_DETAIL, RichClient, make_rich_client

from smp_desktop.core.domain import StaffRole
from smp_desktop.core.exports.print_renditions import PRINT_EDGE, PrintRenditions
from smp_desktop.core.models import AuditEvent, StaffMember
from smp_desktop.core.progress import run_to_end
from smp_desktop.core.services.access import Actor, PermissionDenied
from smp_desktop.core.services.exports import ExportService, RecordOptions
from smp_desktop.core.studio_db import OpenStudio

BOTH = RecordOptions(with_health=True, with_photos=True)
HAIRLINE_STROKE = b".93 .35 .1 RG"  # the design's hairline colour, as reportlab writes it
NEITHER = RecordOptions()


@pytest.fixture
def exports(studio: OpenStudio) -> ExportService:
    return ExportService(studio.sessions, studio.paths)


@pytest.fixture
def rich(studio: OpenStudio, owner: Actor, tmp_path: Path) -> RichClient:
    return make_rich_client(studio, owner, tmp_path / "in")


def read(pdf: bytes) -> tuple[pypdf.PdfReader, str, list[str]]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split()), outline_titles(reader.outline)


def outline_titles(items: list) -> list[str]:  # type: ignore[type-arg]
    titles: list[str] = []
    for item in items:
        if isinstance(item, list):
            titles += outline_titles(item)
        else:
            titles.append(item.title)
    return titles


def image_count(reader: pypdf.PdfReader) -> int:
    """Distinct images in the document (a photo drawn twice, under a design and in the photos, counts once)."""
    return len({hashlib.sha256(image.data).hexdigest() for page in reader.pages for image in page.images})


def image_placements(reader: pypdf.PdfReader) -> int:
    return sum(len(page.images) for page in reader.pages)


def add_staff(studio: OpenStudio, name: str, role: StaffRole) -> Actor:
    with studio.sessions.begin() as session:
        member = StaffMember(display_name=name, role=role)
        session.add(member)
        session.flush()
        return Actor(member.id, name, role)


def test_with_health_and_photos_every_part_is_there(exports: ExportService, owner: Actor, rich: RichClient) -> None:
    reader, text, titles = read(exports.record_pdf_bytes(owner, rich.client_id, BOTH))

    assert len(reader.pages) >= 3
    assert reader.metadata is not None and "Zoë Łukasiewicz" in (reader.metadata.title or "")
    for title in (
        "Client record",
        "Identity and profile",
        "Health screening",
        "Consents",
        "Sessions",
        "Photos",
        "Hairline designs",
        "Removal plans",
        "Ink recalls",
        "Documents on record",
    ):
        assert title in titles
    assert titles.index("Identity and profile") < titles.index("Health screening") < titles.index("Sessions")
    assert "Consultation — 2 Mar 2026" in titles and "Session 1 — 16 Mar 2026" in titles
    assert "Front hairline" in titles and "Crown" in titles
    # identity, the notes in every script and markup shown literally
    assert "Zoë Łukasiewicz" in text and "Νίκος Дмитрий 王伟 Nguyễn" in text and '<b>Ann & "Co"</b>' in text
    assert "王伟" in text
    # health: the clinical profile, the scar, the session's health answer, the removal assessment
    assert HEALTH_NOTE in text and "Donor strip" in text and "Started antibiotics" in text
    assert "Fitzpatrick skin type" in text and "Lightening of the skin" in text
    # the zones with their lots (from the ink register) and dilutions
    assert "LOT-2026-07" in text and "Scalp Ink Co" in text and "3 : 1" in text and "2 : 1" in text
    assert "1RL 0.25 mm" in text
    # the screening's outcome and its answers; the signed consent, what was agreed, its signatures
    assert "Outcome Eligible" in text and SCREENING_DETAIL in text
    assert "Scalp micropigmentation treatment consent, version 1" in text
    assert "A patch test was offered and I declined it" in text
    assert "The kept file matches its recorded hash." in text
    assert "Client's signature — Zoë Łukasiewicz" in text and "Witness's signature — Olivia Owner" in text
    # the three photos (photo #1 again under the design and as the removal plan's assessment photo) and the two
    # signatures taken from the signed PDF
    assert image_count(reader) == 5 and image_placements(reader) >= 6
    assert f"photo #{rich.photo_ids[2]}" in text and "design version 1 over photo" in text
    assert "Before removal" in text
    # the recall of the lot the client received, the contact made; every document kept, the doctor's letter too
    assert "Nickel above the limit" in text and "Told on the phone; no reaction" in text
    assert "Letter from Dr Νίκος / GP" in text and "Signed consent" in text


def test_without_health_or_photos_those_sections_are_absent(
    exports: ExportService, owner: Actor, rich: RichClient
) -> None:
    reader, text, titles = read(exports.record_pdf_bytes(owner, rich.client_id, NEITHER))

    assert "Photos" not in titles and "Hairline designs" not in titles
    assert image_count(reader) == 2  # the two signatures: consents are not health data
    assert SCREENING_DETAIL not in text and "Eligible" not in text
    assert "Questionnaire On record (answers and outcome not included)" in text
    assert HEALTH_NOTE not in text and "Donor strip" not in text and "Started antibiotics" not in text
    assert "Norwood" not in text and "Fitzpatrick" not in text and "Lightening of the skin" not in text
    assert "Health since last visit" not in text
    # what is not health data stays
    assert "Zoë Łukasiewicz" in text and "LOT-2026-07" in text and "Removal plans" in titles
    assert "Ink recalls" in titles and "Nickel above the limit" in text  # traceability is not health data
    assert "Letter from Dr Νίκος" not in text and "1 document(s) with health information not listed." in text
    assert "Without health answers" in text and "without photos" in text


def test_each_choice_on_its_own(exports: ExportService, owner: Actor, rich: RichClient) -> None:
    reader, text, titles = read(exports.record_pdf_bytes(owner, rich.client_id, RecordOptions(with_photos=True)))
    assert image_count(reader) == 5 and HEALTH_NOTE not in text and "Photos" in titles
    reader, text, titles = read(exports.record_pdf_bytes(owner, rich.client_id, RecordOptions(with_health=True)))
    assert image_count(reader) == 2 and HEALTH_NOTE in text and "Photos" not in titles


def test_the_design_is_drawn_over_its_photo(exports: ExportService, owner: Actor, rich: RichClient) -> None:
    reader, _text, _titles = read(exports.record_pdf_bytes(owner, rich.client_id, BOTH))
    # the hairline's stroke colour (0.93 0.35 0.1) appears on exactly the page holding the design's figure
    strokes = [HAIRLINE_STROKE in page.get_contents().get_data() for page in reader.pages]  # type: ignore[union-attr]
    design_page = next(i for i, page in enumerate(reader.pages) if "design version 1" in page.extract_text())
    assert strokes.count(True) == 1 and strokes[design_page]
    reader, _text, _titles = read(exports.record_pdf_bytes(owner, rich.client_id, RecordOptions(with_health=True)))
    assert not any(HAIRLINE_STROKE in page.get_contents().get_data() for page in reader.pages)  # type: ignore[union-attr]


def test_photos_come_from_cached_print_renditions(
    studio: OpenStudio, exports: ExportService, owner: Actor, rich: RichClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    renditions = PrintRenditions(studio.paths.cache)
    photos = studio.services.photos.list_for_client(owner, rich.client_id)
    assert not any(renditions.path(p.content_hash).exists() for p in photos)
    first = exports.record_pdf_bytes(owner, rich.client_id, BOTH)
    for photo in photos:
        from PIL import Image

        with Image.open(renditions.path(photo.content_hash)) as rendition:
            assert max(rendition.size) <= PRINT_EDGE and rendition.format == "JPEG"
    # warm: no photo of the store is opened again (only the small renditions are read) and the document is the same
    import PIL.Image

    opened = PIL.Image.open
    store = studio.paths.photos

    def no_store_photo(source: object, *args: object, **kwargs: object) -> object:
        if isinstance(source, str | Path) and store in Path(source).parents:
            raise AssertionError(f"{source} was decoded again")
        return opened(source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(PIL.Image, "open", no_store_photo)
    second = exports.record_pdf_bytes(owner, rich.client_id, BOTH)
    monkeypatch.undo()
    assert image_count(pypdf.PdfReader(io.BytesIO(second))) == image_count(pypdf.PdfReader(io.BytesIO(first)))


def test_a_missing_photo_is_said_in_its_place(
    studio: OpenStudio, exports: ExportService, owner: Actor, rich: RichClient
) -> None:
    photo = studio.services.photos.get(owner, rich.photo_ids[2])
    (studio.paths.photos / photo.stored_name).unlink()
    reader, text, _titles = read(exports.record_pdf_bytes(owner, rich.client_id, BOTH))
    assert "the photo's file is missing or damaged" in text
    assert image_count(reader) == 4


def test_permissions_follow_what_the_actor_may_see(
    studio: OpenStudio, exports: ExportService, rich: RichClient
) -> None:
    reception = add_staff(studio, "Rita Reception", StaffRole.RECEPTION)
    artist = add_staff(studio, "Ann Artist", StaffRole.ARTIST)
    for options in (RecordOptions(with_health=True), RecordOptions(with_photos=True)):
        with pytest.raises(PermissionDenied):
            exports.record_pdf_bytes(reception, rich.client_id, options)
    _reader, text, _titles = read(exports.record_pdf_bytes(reception, rich.client_id, NEITHER))
    assert "Zoë Łukasiewicz" in text and HEALTH_NOTE not in text
    _reader, text, _titles = read(exports.record_pdf_bytes(artist, rich.client_id, BOTH))
    assert HEALTH_NOTE in text


def test_writing_the_record_is_atomic_and_audited(
    studio: OpenStudio, exports: ExportService, owner: Actor, rich: RichClient, tmp_path: Path
) -> None:
    out = tmp_path / "out" / "record.pdf"
    result = run_to_end(exports.record_pdf(owner, rich.client_id, out, RecordOptions(with_photos=True)))
    assert result is not None and result.path == out and result.size_bytes == out.stat().st_size
    assert pypdf.PdfReader(out).pages
    assert [p.name for p in out.parent.iterdir()] == ["record.pdf"]
    with studio.sessions() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "export")).one()
    assert (event.entity, event.entity_id, event.staff_id) == ("client", rich.client_id, owner.staff_id)
    assert "without health answers, with photos" in event.detail and str(out) in event.detail


def test_a_client_with_little_on_record_still_gets_a_clear_document(
    exports: ExportService,
    owner: Actor,
    make_client,  # type: ignore[no-untyped-def]
) -> None:
    client = make_client(first_name="محمد", last_name="العلي", notes=NOTE)
    reader, text, titles = read(exports.record_pdf_bytes(owner, client.id, BOTH))
    assert len(reader.pages) == 1
    assert "No sessions are recorded." in text and "No photos are kept." in text
    assert "No screening is recorded." in text and "No consent is recorded." in text
    assert "Removal plans" not in titles and "Hairline designs" not in titles


def test_a_print_rendition_decodes_its_photo_in_one_call(tmp_path: Path, decoder_feeds: list[int]) -> None:
    """Renditions are made on workers while the window waits for its preview: each photo goes to Pillow's decoder
    whole, so the worker does not take the interpreter lock back every 64 KB."""
    import photo_files

    source = photo_files.jpeg(tmp_path / "scalp.jpg", image=photo_files.textured(1600, 1200), quality=97)
    assert source.stat().st_size > 3 * 65536  # Pillow's default feed would take several calls
    rendition = PrintRenditions(tmp_path / "cache").ensure("ab" * 32, source)
    assert rendition.is_file()
    assert len(decoder_feeds) == 1 and decoder_feeds[0] > 3 * 65536, decoder_feeds

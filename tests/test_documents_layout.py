"""The shared document layout: any script survives, user text is never markup, letterhead, page numbers,
metadata, bookmarks, paper size, embedded fonts, safe file names and atomic writes. Every PDF is read back."""

from __future__ import annotations

import io
import os
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from smp_desktop.core.documents import fonts
from smp_desktop.core.documents.files import safe_file_name, write_pdf
from smp_desktop.core.documents.layout import Letterhead, PdfDocument, page_size, read_logo
from smp_desktop.core.documents.text import fill, plain_markup, plain_template_markup

NAMES = [
    "Zoë Łukasiewicz",
    "Νίκος",
    "Дмитрий",
    "Nguyễn Văn Hùng",
    "محمد",
    "王伟",
    "김민준",
    "さくら",
    '<b>Ann & "Co"</b>',
]


def letterhead(**changes: object) -> Letterhead:
    values: dict[str, object] = {
        "studio_name": "Studio Ωmega & Co",
        "address": "12 High Street\nLondon N1 9AA",
        "phone": "+44 20 7946 0000",
        "email": "hello@omega.test",
        "website": "omega.test",
    }
    values.update(changes)
    return Letterhead(**values)  # type: ignore[arg-type]


def text_of(reader: PdfReader) -> str:
    return unicodedata.normalize("NFKC", "\n".join(page.extract_text() for page in reader.pages))


def font_files(reader: PdfReader) -> dict[str, bool]:
    """Base font name -> embedded (has a FontFile2), for every font any page uses."""
    found: dict[str, bool] = {}
    for page in reader.pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            found[str(font["/BaseFont"])] = embedded
    return found


def long_document(head: Letterhead) -> PdfDocument:
    doc = PdfDocument(head, title="Client names", subject="Every script", keywords=("test",))
    doc.document_title("Names in every script", subtitle="Printed exactly as typed")
    doc.heading("Paragraphs")
    for name in NAMES:
        doc.paragraph(f"Client: {name}")
    doc.heading("Facts", level=2)
    doc.facts([("Client", name) for name in NAMES])
    doc.heading("Table")
    doc.table(["Name", "Note"], [[name, f"line one\nline two of {name}"] for name in NAMES * 6])
    doc.bullets(NAMES)
    return doc


def test_every_script_and_markup_lookalike_survives_extraction() -> None:
    reader = PdfReader(io.BytesIO(long_document(letterhead()).build()))
    text = text_of(reader)
    for name in NAMES:
        assert unicodedata.normalize("NFKC", name) in text, name
    assert '<b>Ann & "Co"</b>' in text
    assert "Studio Ωmega & Co" in text  # the letterhead, escaped too


def test_fonts_are_embedded_and_fallbacks_used_only_for_what_needs_them() -> None:
    reader = PdfReader(io.BytesIO(long_document(letterhead()).build()))
    used = font_files(reader)
    assert used and all(used.values()), used  # nothing left to the viewer's fonts (no unembedded Helvetica)
    names = " ".join(used)
    assert "DejaVuSans" in names and "DejaVuSans-Bold" in names
    assert "DroidSansFallback" in names  # 王伟, さくら
    assert "NanumGothic" in names  # 김민준

    latin_only = PdfDocument(letterhead(), title="Plain")
    latin_only.paragraph("Zoë Łukasiewicz, Νίκος, Дмитрий, Nguyễn Văn Hùng, محمد")
    plain = " ".join(font_files(PdfReader(io.BytesIO(latin_only.build()))))
    assert "DroidSansFallback" not in plain and "NanumGothic" not in plain


def test_combining_accents_are_composed() -> None:
    assert plain_markup("Zoe\u0308 Nguye\u0302\u0303n") == "Zoë Nguyễn"


def test_font_runs_switch_per_character() -> None:
    runs = list(fonts.font_runs("Ann 王伟 and 김민준!"))
    assert [run.font for run in runs] == [fonts.BODY, "SMPFallbackCJK", fonts.BODY, "SMPFallbackKorean", fonts.BODY]
    assert "".join(run.text for run in runs) == "Ann 王伟 and 김민준!"


def test_arabic_is_joined_and_in_visual_order() -> None:
    shaped = fonts.visual_text("محمد")
    assert shaped != "محمد"
    assert all(0xFE70 <= ord(char) <= 0xFEFF for char in shaped)  # contextual presentation forms
    assert unicodedata.normalize("NFKC", shaped) == "محمد"[::-1]  # drawn left to right
    assert fonts.visual_text("Zoë") == "Zoë"


def test_user_text_is_never_markup() -> None:
    markup = plain_markup('<b>Ann & "Co"</b>\nsecond\x07 line')
    assert markup == "&lt;b&gt;Ann &amp; &quot;Co&quot;&lt;/b&gt;<br/>second line"
    assert fill("Hello <b>{name}</b>", {"name": "<i>x</i>"}) == "Hello <b>&lt;i&gt;x&lt;/i&gt;</b>"
    studio_wording = plain_template_markup("No <b>water</b> until {date}; {unknown}", {"date": "Thursday 16 May"})
    assert studio_wording.startswith("No &lt;b&gt;water&lt;/b&gt; until <b>Thursday 16 May</b>")
    assert studio_wording.endswith("{unknown}")


def test_metadata_outline_and_page_numbers() -> None:
    reader = PdfReader(io.BytesIO(long_document(letterhead()).build()))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Client names" and meta.subject == "Every script"
    assert meta.author == "Studio Ωmega & Co"
    top = reader.outline
    assert top[0]["/Title"] == "Names in every script"
    children = [entry["/Title"] for entry in top[1] if not isinstance(entry, list)]
    assert children == ["Paragraphs", "Table"]
    total = len(reader.pages)
    assert total >= 2
    for number, page in enumerate(reader.pages, start=1):
        flat = " ".join(page.extract_text().split())
        assert f"Page {number} of {total}" in flat
    # later pages carry the short header with the document's title
    assert "Client names" in reader.pages[1].extract_text()


@pytest.mark.parametrize(("paper", "size"), [("A4", (595, 842)), ("Letter", (612, 792)), ("US Letter", (612, 792))])
def test_paper_size_from_the_setting(paper: str, size: tuple[int, int]) -> None:
    doc = PdfDocument(letterhead(paper_size=paper), title="Paper")
    doc.paragraph("x")
    box = PdfReader(io.BytesIO(doc.build())).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size
    assert page_size("a4") == page_size("nonsense")


def png_logo() -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (300, 120), (30, 80, 120, 255)).save(out, "PNG")
    return out.getvalue()


def test_logo_is_drawn_and_a_broken_logo_is_left_out() -> None:
    doc = PdfDocument(letterhead(logo=png_logo()), title="Logo")
    doc.paragraph("x")
    page = PdfReader(io.BytesIO(doc.build())).pages[0]
    assert len(page.images) == 1

    broken = PdfDocument(letterhead(logo=b"not an image"), title="Logo")
    broken.paragraph("still printed")
    assert "still printed" in PdfReader(io.BytesIO(broken.build())).pages[0].extract_text()


def test_read_logo_stays_inside_the_data_folder(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(png_logo())
    (tmp_path.parent / "outside.png").write_bytes(b"secret")
    assert read_logo(tmp_path, "logo.png") == png_logo()
    assert read_logo(tmp_path, "../outside.png") is None
    assert read_logo(tmp_path, "") is None
    assert read_logo(tmp_path, "missing.png") is None


def test_images_are_embedded_with_captions() -> None:
    jpeg = io.BytesIO()
    Image.new("RGB", (1200, 800), (200, 150, 120)).save(jpeg, "JPEG", quality=80)
    doc = PdfDocument(letterhead(), title="Photos")
    doc.image(jpeg.getvalue(), width_mm=80, caption="Front hairline — Zoë")
    reader = PdfReader(io.BytesIO(doc.build()))
    (image,) = reader.pages[0].images
    assert image.data[:2] == b"\xff\xd8"  # the JPEG's own bytes, not decoded and re-encoded
    assert "Front hairline — Zoë" in reader.pages[0].extract_text()


def test_streams_are_not_ascii85() -> None:
    data = long_document(letterhead()).build()
    assert b"/ASCII85Decode" not in data
    assert b"/FlateDecode" in data


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("Zoë Łukasiewicz", "Aftercare", "Zoë-Łukasiewicz - Aftercare.pdf"),
        ('<b>Ann & "Co"</b>', "Aftercare", "b-Ann-&-Co-b - Aftercare.pdf"),
        ("../../etc/passwd", "Record", "etc-passwd - Record.pdf"),
        ("C:\\Windows\\system32", "Record", "C-Windows-system32 - Record.pdf"),
        ("CON", "", "_CON.pdf"),
        ("nul", "", "_nul.pdf"),
        ("com1.txt", "", "_com1.txt.pdf"),
        ("", "", "document.pdf"),
        ("...", "   ", "document.pdf"),
        ("\x00\x1f\u202e\u200f", "", "document.pdf"),
        ("王伟", "Aftercare", "王伟 - Aftercare.pdf"),
        ("a\nb\tc", "x", "a-b-c - x.pdf"),
    ],
)
def test_safe_file_name_survives_hostile_names(name: str, kind: str, expected: str) -> None:
    assert safe_file_name(name, kind) == expected


def test_safe_file_name_limits_length_and_adds_the_date() -> None:
    long = safe_file_name("王" * 500, "Aftercare", on=date(2026, 5, 12))
    assert len(long.encode("utf-8")) <= 200
    assert "/" not in long and "\\" not in long
    assert safe_file_name("Zoë", "Aftercare", on=date(2026, 5, 12)) == "Zoë - Aftercare - 2026-05-12.pdf"
    assert safe_file_name("Ann", "Export", extension="../zip") == "Ann - Export.zip"


def test_save_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")

    def fail(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_pdf(target, b"%PDF-new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]
    monkeypatch.undo()

    doc = PdfDocument(letterhead(), title="Saved")
    doc.paragraph("saved")
    doc.save(target)
    assert len(PdfReader(target).pages) == 1


def test_text_longer_than_a_page_flows_on_instead_of_failing() -> None:
    """A note pasted in whole, a name without spaces: rows and cells split across pages, nothing is lost."""
    long_note = "Zoë wrote a very long note about the healing. " * 300
    doc = PdfDocument(letterhead(), title="Long")
    doc.facts([("Note", long_note)])
    doc.table(["When", "Note"], [["12 May", long_note], ["王" * 2500, "short"]])
    doc.paragraph("王伟" * 1500)
    doc.paragraph("x" * 4000)
    reader = PdfReader(io.BytesIO(doc.build()))
    assert len(reader.pages) > 5
    text = "".join(page.extract_text() for page in reader.pages)
    assert text.count("王") >= 2500 + 1500


def test_a_long_right_to_left_paragraph_reads_from_its_first_line() -> None:
    """Lines are broken in reading order, then each is reordered for drawing: the first words are on the first
    line (reordering the whole paragraph first would put the last words there)."""
    arabic = "بداية " + "كلام جميل " * 60 + "نهاية"
    doc = PdfDocument(letterhead(), title="RTL")
    doc.paragraph(arabic)
    reader = PdfReader(io.BytesIO(doc.build()))
    lines = [unicodedata.normalize("NFKC", line) for line in reader.pages[0].extract_text().splitlines()]
    arabic_lines = [line for line in lines if "كلام" in line]
    assert len(arabic_lines) >= 4
    assert "بداية" in arabic_lines[0] and "نهاية" not in arabic_lines[0]
    assert "نهاية" in arabic_lines[-1]
    words = " ".join(arabic_lines).split()
    assert words.count("جميل") == 60  # no word lost or doubled at the line breaks

"""The studio's letterhead as every document gets it: contact, logo and paper from the studio; only the owner
changes them; a sample page shows names in every script."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from smp_desktop.core.documents.layout import Letterhead
from smp_desktop.core.domain import StaffRole
from smp_desktop.core.services.access import Actor, PermissionDenied
from smp_desktop.core.services.documents import SAMPLE_NAMES, DocumentService
from smp_desktop.core.services.errors import ValidationFailed
from smp_desktop.core.studio_db import OpenStudio


@pytest.fixture
def documents(studio: OpenStudio) -> DocumentService:
    return studio.services.client_documents


@pytest.fixture
def artist(studio: OpenStudio, owner: Actor) -> Actor:
    info = studio.services.studio.add_staff(owner, "Priya Shah", StaffRole.ARTIST)
    return Actor(info.id, info.display_name, info.role)


def png(path: Path) -> Path:
    Image.new("RGB", (300, 120), (31, 84, 115)).save(path)
    return path


def test_the_letterhead_reads_the_studio_and_its_settings(
    studio: OpenStudio, owner: Actor, documents: DocumentService, tmp_path: Path
) -> None:
    assert documents.letterhead() == Letterhead.from_studio(studio.services.studio, studio.paths.root)
    assert documents.letterhead().studio_name == "Test Studio"
    assert documents.letterhead().paper_size == "A4" and documents.letterhead().logo is None

    documents.set_logo(owner, png(tmp_path / "logo.png"))
    documents.set_paper_size(owner, "letter")
    head = documents.letterhead()
    assert head.logo == (tmp_path / "logo.png").read_bytes()
    assert head.paper_size == "Letter"
    assert head == Letterhead.from_studio(studio.services.studio, studio.paths.root)


def test_only_the_owner_changes_the_letterhead(documents: DocumentService, artist: Actor, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        documents.set_paper_size(artist, "Letter")
    with pytest.raises(PermissionDenied):
        documents.set_logo(artist, png(tmp_path / "logo.png"))


@pytest.mark.parametrize("paper", ["A5", "", "legal"])
def test_unknown_paper_sizes_are_refused(documents: DocumentService, owner: Actor, paper: str) -> None:
    with pytest.raises(ValidationFailed, match="choose A4 or Letter"):
        documents.set_paper_size(owner, paper)


def test_a_logo_must_be_a_png_or_jpeg(documents: DocumentService, owner: Actor, tmp_path: Path) -> None:
    gif = tmp_path / "logo.gif"
    gif.write_bytes(b"GIF89a")
    with pytest.raises(ValidationFailed, match="not a PNG or JPEG file"):
        documents.set_logo(owner, gif)
    fake = tmp_path / "logo.jpg"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n")  # a PNG named .jpg is refused rather than stored under a wrong name
    with pytest.raises(ValidationFailed, match="not a PNG or JPEG image"):
        documents.set_logo(owner, fake)
    with pytest.raises(ValidationFailed, match="cannot be read"):
        documents.set_logo(owner, tmp_path / "missing.png")


def test_the_sample_page_prints_every_script(documents: DocumentService, owner: Actor) -> None:
    sample = documents.sample(owner)
    reader = PdfReader(io.BytesIO(sample.pdf))
    assert len(reader.pages) == 1
    text = unicodedata.normalize("NFKC", reader.pages[0].extract_text()).replace(" ", "")
    for _label, name in SAMPLE_NAMES:
        assert name.replace(" ", "") in text, name
    assert sample.file_name == "Test-Studio - Letterhead-sample.pdf"

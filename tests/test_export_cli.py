"""`smp-desktop document record` and `smp-desktop export subject`: the files they write read back, the choices
are honoured, an unknown client or a bad path is `error: ...` with exit 1 and no file, and a missing photo file is
named on stderr with exit 1."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pypdf
import pytest
from sqlalchemy import select
from test_export_helpers import HEALTH_NOTE, RichClient, make_rich_client, sha256

from smp_desktop.core.models import AuditEvent
from smp_desktop.core.services.access import Actor
from smp_desktop.core.studio_db import OpenStudio
from tests.conftest import run_cli


@pytest.fixture
def rich(studio: OpenStudio, owner: Actor, tmp_path: Path) -> RichClient:
    return make_rich_client(studio, owner, tmp_path / "in")


def pdf_text(path: Path) -> tuple[pypdf.PdfReader, str]:
    reader = pypdf.PdfReader(path)
    return reader, " ".join("\n".join(p.extract_text() for p in reader.pages).split())


def test_document_record_writes_the_pdf_with_the_choices_made(
    studio: OpenStudio, rich: RichClient, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain, full = tmp_path / "plain.pdf", tmp_path / "Zoë full.pdf"
    root = studio.paths.root

    code, out, err = run_cli(
        capsys, "--data-dir", root, "document", "record", "--client", rich.client_id, "--out", plain
    )
    assert code == 0, err
    assert f"Wrote {plain}: the record of Zoë Łukasiewicz (#{rich.client_id}), without health answers" in out
    reader, text = pdf_text(plain)
    assert "Zoë Łukasiewicz" in text and HEALTH_NOTE not in text
    assert "Photos" not in [item.title for item in reader.outline if not isinstance(item, list)]
    assert sum(len(p.images) for p in reader.pages) == 2  # the consent's signatures only

    code, out, err = run_cli(
        capsys, "--data-dir", root, "document", "record", "--client", rich.client_id, "--out", full,
        "--with-health", "--with-photos",
    )  # fmt: skip
    assert code == 0, err
    assert "with health answers, with photos" in out
    reader, text = pdf_text(full)
    assert HEALTH_NOTE in text and sum(len(p.images) for p in reader.pages) >= 3
    with studio.sessions() as session:
        details = [e.detail for e in session.scalars(select(AuditEvent).where(AuditEvent.action == "export"))]
    assert len(details) == 2 and "with health answers, with photos" in details[1]


def test_export_subject_writes_a_zip_whose_manifest_checks_out(
    studio: OpenStudio, rich: RichClient, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "export.zip"
    code, out, err = run_cli(
        capsys, "--data-dir", studio.paths.root, "export", "subject", "--client", rich.client_id, "--out", target
    )
    assert code == 0, err
    assert out.startswith(f"Wrote {target}: everything held on Zoë Łukasiewicz (#{rich.client_id})")
    with zipfile.ZipFile(target) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        for entry in manifest["files"]:
            assert sha256(archive.read(entry["path"])) == entry["sha256"]
        data = json.loads(archive.read("data/subject.json"))
        assert data["tables"]["client"]["rows"][0]["last_name"] == "Łukasiewicz"
        assert pypdf.PdfReader(io.BytesIO(archive.read("record.pdf"))).pages


@pytest.mark.parametrize("command", [("document", "record"), ("export", "subject")])
def test_an_unknown_client_is_an_error_and_no_file(
    studio: OpenStudio, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, str]
) -> None:
    target = tmp_path / "out.file"
    code, out, err = run_cli(capsys, "--data-dir", studio.paths.root, *command, "--client", 4242, "--out", target)
    assert code == 1 and out == ""
    assert err.startswith("error: Client #4242 does not exist") and "clients search" in err
    assert "Traceback" not in err
    assert not target.exists()


@pytest.mark.parametrize("command", [("document", "record"), ("export", "subject")])
def test_a_folder_that_does_not_exist_is_an_error(
    studio: OpenStudio, rich: RichClient, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, str]
) -> None:
    target = tmp_path / "nowhere" / "out.file"
    code, _out, err = run_cli(
        capsys, "--data-dir", studio.paths.root, *command, "--client", rich.client_id, "--out", target
    )
    assert code == 1 and err.startswith("error: The folder") and "does not exist" in err
    code, _out, err = run_cli(
        capsys, "--data-dir", studio.paths.root, *command, "--client", rich.client_id, "--out", tmp_path
    )
    assert code == 1 and err.startswith(f"error: {tmp_path} is a folder")


def test_a_missing_photo_file_is_named_and_exits_1(
    studio: OpenStudio, owner: Actor, rich: RichClient, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    photo = studio.services.photos.get(owner, rich.photo_ids[0])
    (studio.paths.photos / photo.stored_name).unlink()
    target = tmp_path / "export.zip"
    code, out, err = run_cli(
        capsys, "--data-dir", studio.paths.root, "export", "subject", "--client", rich.client_id, "--out", target
    )
    assert code == 1 and f"warning: Photo #{photo.id}" in err and out.startswith("Wrote")
    with zipfile.ZipFile(target) as archive:
        assert len([n for n in archive.namelist() if n.startswith("photos/")]) == 2


def test_the_commands_are_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    from smp_desktop.cli import build_parser

    with pytest.raises(SystemExit):
        build_parser().parse_args(["document", "record", "--help"])
    text = capsys.readouterr().out
    assert "--with-health" in text and "--with-photos" in text and "--client ID" in text
    with pytest.raises(SystemExit):
        build_parser().parse_args(["export", "subject", "--help"])
    assert "--out FILE.zip" in capsys.readouterr().out

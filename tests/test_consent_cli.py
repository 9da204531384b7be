"""`smp-desktop consent templates | blank | packets`: exact names, PDFs read back, errors as one sentence, exit 1."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from smp_desktop.core.domain import SessionKind
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.session_data import SessionDraft
from smp_desktop.core.studio_db import OpenStudio
from tests.conftest import run_cli


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_templates_lists_each_name_first(studio: OpenStudio, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "--data-dir", studio.paths.root, "consent", "templates")
    assert code == 0
    names = [line.split("\t")[0] for line in out.splitlines()]
    assert names[0] == "smp_treatment"
    assert sorted(names) == ["data_protection", "patch_test", "photo_release", "smp_treatment"]
    assert "version 1" in out


def test_blank_writes_the_form(studio: OpenStudio, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "patch test.pdf"
    code, said, _ = run_cli(
        capsys, "--data-dir", studio.paths.root, "consent", "blank", "--template", "patch_test", "--out", out
    )
    assert code == 0 and str(out) in said
    text = text_of(out)
    assert "Patch test record" in text and "Client's signature" in text


def test_blank_pre_filled_for_a_client(
    studio: OpenStudio, make_client, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    client = make_client(first_name="Zoë", last_name='<b>Ann & "Co"</b>')
    out = tmp_path / "form.pdf"
    code, _, _ = run_cli(
        capsys,
        "--data-dir",
        studio.paths.root,
        "consent",
        "blank",
        "--template",
        "smp_treatment",
        "--client",
        client.id,
        "--out",
        out,
    )
    assert code == 0 and '<b>Ann & "Co"</b>' in text_of(out)


def test_packets_for_a_day_in_appointment_order(
    studio: OpenStudio, owner: Actor, make_client, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    late, early = make_client(first_name="محمد", last_name="Late"), make_client(first_name="Дмитрий", last_name="Early")
    sessions = studio.services.sessions
    sessions.create(owner, late.id, SessionDraft(SessionKind.SESSION_2, datetime(2026, 12, 3, 15, tzinfo=UTC)))
    sessions.create(owner, early.id, SessionDraft(SessionKind.SESSION_1, datetime(2026, 12, 3, 9, tzinfo=UTC)))
    out = tmp_path / "packets.pdf"
    code, said, _ = run_cli(
        capsys, "--data-dir", studio.paths.root, "consent", "packets", "--date", "2026-12-03", "--out", out
    )
    assert code == 0 and "2 planned sessions" in said
    text = text_of(out)
    assert text.index("Early") < text.index("Late")
    # after each session's forms, its ink information sheet (no lot chosen yet for these bookings)
    sheets = [i for i in range(len(text)) if text.startswith("Ink information sheet", i)]
    assert len(sheets) >= 2 and text.index("Early") < sheets[0] < text.index("Late") < sheets[-1]
    assert "No pigment lot has been chosen" in text
    assert "Page 1 of \n3" in text  # each form keeps its own page numbers
    assert PdfReader(io.BytesIO(out.read_bytes())).metadata.title == "Paperwork for Thursday 03 December 2026"
    empty = tmp_path / "none.pdf"
    code, said, _ = run_cli(
        capsys, "--data-dir", studio.paths.root, "consent", "packets", "--date", "2026-12-04", "--out", empty
    )
    assert code == 0 and "0 planned sessions" in said and "No sessions are planned" in text_of(empty)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("blank", "--template", "nope", "--out", "{tmp}/x.pdf"), "no consent template named “nope”"),
        (("blank", "--template", "smp_treatment", "--client", "999", "--out", "{tmp}/x.pdf"), "Client #999"),
        (("blank", "--template", "smp_treatment", "--out", "{tmp}"), "is a folder"),
        (("packets", "--date", "3/12/2026", "--out", "{tmp}/x.pdf"), "is not a date"),
        (("packets", "--date", "2026-12-03", "--out", "{tmp}/no/such/x.pdf"), "does not exist"),
    ],
)
def test_errors_are_one_sentence_and_exit_1(
    studio: OpenStudio, capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: tuple[str, ...], message: str
) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    code, _, err = run_cli(capsys, "--data-dir", studio.paths.root, "consent", *args)
    assert code == 1
    assert err.startswith("error: ") and message in err and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()

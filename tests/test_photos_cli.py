"""`smp-desktop photos import`: one line per file, exit 0 when all were imported and 1 when any was rejected,
folders expanded, unknown clients and sessions refused before anything is stored."""

from __future__ import annotations

from pathlib import Path

import photo_files
import pytest
from sqlalchemy import select

from smp_desktop.core.domain import PhotoView
from smp_desktop.core.models import Photo
from smp_desktop.core.studio_db import OpenStudio
from tests.conftest import run_cli


def rows(studio: OpenStudio) -> list[Photo]:
    with studio.sessions() as session:
        return list(session.scalars(select(Photo).order_by(Photo.id)))


@pytest.fixture
def client_id(make_client) -> int:  # type: ignore[no-untyped-def]
    return make_client(first_name="Władysław", last_name="Żółkiewski").id


def test_import_prints_a_line_per_file_and_exits_0(
    studio: OpenStudio, client_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    front = photo_files.jpeg(tmp_path / "przód 1.jpg", orientation=6)
    crown = photo_files.heic(tmp_path / "IMG_2044.HEIC")

    code, out, err = run_cli(
        capsys, "--data-dir", studio.paths.root, "photos", "import", "--client", client_id, "--view", "crown",
        front, crown,
    )  # fmt: skip

    saved = rows(studio)
    assert code == 0, err
    assert out.splitlines() == [
        f"{front}: imported as photo #{saved[0].id}",
        f"{crown}: imported as photo #{saved[1].id}",
        f"2 photo(s) imported for Władysław Żółkiewski (#{client_id}), 0 already imported, 0 rejected.",
    ]
    assert [(r.view, r.client_id, r.session_id, r.original_filename) for r in saved] == [
        (PhotoView.CROWN, client_id, None, "przód 1.jpg"),
        (PhotoView.CROWN, client_id, None, "IMG_2044.HEIC"),
    ]
    assert all((studio.paths.photos / r.stored_name).is_file() for r in saved)

    code, out, _ = run_cli(capsys, "--data-dir", studio.paths.root, "photos", "import", "--client", client_id, front)
    assert code == 0  # already imported is not a rejection
    assert out.splitlines()[0] == f"{front}: already imported (photo #{saved[0].id})"
    assert len(rows(studio)) == 2


def test_a_folder_with_bad_files_imports_the_good_ones_and_exits_1(
    studio: OpenStudio, client_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "Camera Roll"
    (folder / "day 2").mkdir(parents=True)
    good = photo_files.jpeg(folder / "a front.jpg")
    empty = photo_files.empty(folder / "b empty.jpg")
    notes = photo_files.text_named_as_photo(folder / "day 2" / "c notes.jpeg")
    later = photo_files.png(folder / "day 2" / "d top.png")
    (folder / "readme.txt").write_text("not a photo, and not picked up", encoding="utf-8")

    code, out, _ = run_cli(capsys, "--data-dir", studio.paths.root, "photos", "import", "--client", client_id, folder)

    assert code == 1
    saved = rows(studio)
    assert out.splitlines() == [
        f"{good}: imported as photo #{saved[0].id}",
        f"{empty}: rejected: The file is empty (0 bytes): it holds no photo. Copy it again.",
        f"{notes}: rejected: This is not a photo: the file is not a JPEG, PNG, WebP or HEIC image, whatever its "
        "name says.",
        f"{later}: imported as photo #{saved[1].id}",
        f"2 photo(s) imported for Władysław Żółkiewski (#{client_id}), 0 already imported, 2 rejected.",
    ]
    assert [r.original_filename for r in saved] == ["a front.jpg", "d top.png"]


def test_unknown_client_is_a_clear_error_and_nothing_is_stored(
    studio: OpenStudio, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shot = photo_files.jpeg(tmp_path / "a.jpg")
    code, out, err = run_cli(capsys, "--data-dir", studio.paths.root, "photos", "import", "--client", 404, shot)
    assert code == 1 and out == ""
    assert err.strip() == (
        "error: Client #404 does not exist (it may have been erased). Find the client's number with `clients search`."
    )
    assert rows(studio) == [] and not [p for p in studio.paths.photos.rglob("*") if p.is_file()]


def test_a_session_of_another_client_is_refused(
    studio: OpenStudio,
    client_id: int,
    make_client,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    from datetime import UTC, datetime

    from smp_desktop.core.domain import SessionKind
    from smp_desktop.core.models import TreatmentSession

    other = make_client(first_name="Иван", last_name="Иванов").id
    with studio.sessions.begin() as session:
        visit = TreatmentSession(
            client_id=other, kind=SessionKind.SESSION_1, starts_at=datetime(2026, 3, 1, tzinfo=UTC)
        )
        session.add(visit)
        session.flush()
        visit_id = visit.id
    shot = photo_files.jpeg(tmp_path / "a.jpg")
    code, _, err = run_cli(
        capsys, "--data-dir", studio.paths.root, "photos", "import", "--client", client_id, "--session", visit_id, shot
    )
    assert code == 1 and f"Session #{visit_id} is not one of this client's sessions" in err
    assert "Nothing was imported." in err and rows(studio) == []


def test_view_must_be_one_of_the_standard_views(
    studio: OpenStudio, client_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shot = photo_files.jpeg(tmp_path / "a.jpg")
    with pytest.raises(SystemExit) as usage:
        run_cli(
            capsys, "--data-dir", studio.paths.root, "photos", "import", "--client", client_id, "--view", "side", shot
        )
    assert usage.value.code == 2
    assert "invalid choice: 'side'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        run_cli(capsys, "photos", "import", "--help")
    help_text = capsys.readouterr().out.replace("\n", " ")
    for view in PhotoView:
        assert view.value in help_text


def test_ctrl_c_stops_between_files_and_keeps_what_was_imported(
    studio: OpenStudio,
    client_id: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import os
    import signal

    from smp_desktop import cli_photos

    files = [photo_files.jpeg(tmp_path / f"{n}.jpg", image=photo_files.textured(64, 48, seed=n)) for n in range(6)]
    real_line = cli_photos._line

    def line_then_ctrl_c(result):  # type: ignore[no-untyped-def]
        os.kill(os.getpid(), signal.SIGINT)  # the person presses Ctrl+C while the first file is reported
        return real_line(result)

    monkeypatch.setattr(cli_photos, "_line", line_then_ctrl_c)
    previous = signal.getsignal(signal.SIGINT)
    code, out, _ = run_cli(capsys, "--data-dir", studio.paths.root, "photos", "import", "--client", client_id, *files)

    assert code == 1 and signal.getsignal(signal.SIGINT) is previous
    lines = out.splitlines()
    assert lines[0] == f"{files[0]}: imported as photo #{rows(studio)[0].id}"
    assert lines[-1] == "Stopped: 5 file(s) were not imported; run the command again for them."
    assert [r.original_filename for r in rows(studio)] == ["0.jpg"]
    assert len([p for p in studio.paths.photos.rglob("*") if p.is_file()]) == 1

"""db check reconciles the photo store with the photo records: missing files, files that no longer match their
fingerprint, orphan and unfinished files, each named; a clean library passes."""

from __future__ import annotations

from pathlib import Path

import photo_files
import pytest
from photo_import_run import run_import

from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.photo_data import PhotoImportOptions, PhotoRecord
from smp_desktop.core.studio_db import OpenStudio
from tests.conftest import run_cli


def import_three(studio: OpenStudio, owner: Actor, client_id: int, tmp_path: Path) -> list[PhotoRecord]:
    files = [
        photo_files.jpeg(tmp_path / f"{n}.jpg", image=photo_files.textured(64, 48, seed=n), orientation=6)
        for n in range(3)
    ]
    _, summary = run_import(studio.services.photos, owner, files, PhotoImportOptions(client_id))
    records = [f.photo for f in summary.files]
    assert all(records)
    return [r for r in records if r is not None]


def test_a_healthy_photo_library_passes(studio: OpenStudio, owner: Actor, make_client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    client = make_client(first_name="Иван", last_name="Иванов")
    import_three(studio, owner, client.id, tmp_path)
    other = make_client(first_name="Nguyễn", last_name="Văn An")
    run_import(studio.services.photos, owner, [tmp_path / "0.jpg"], PhotoImportOptions(other.id))  # shares a file
    report = studio.services.maintenance.check()
    assert report.healthy, report.problems


def test_missing_damaged_orphan_and_unfinished_files_are_each_named(
    studio: OpenStudio,
    owner: Actor,
    make_client,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    client = make_client(first_name="Władysław", last_name="Żółkiewski")
    gone, changed, fine = import_three(studio, owner, client.id, tmp_path)
    photos = studio.paths.photos
    (photos / gone.stored_name).unlink()
    retouched = photos / changed.stored_name
    retouched.write_bytes(retouched.read_bytes()[:-100] + b"\x00" * 100)
    orphan = photos / "7f" / ("7f" + "0" * 62 + ".jpg")
    orphan.parent.mkdir(exist_ok=True)
    orphan.write_bytes(b"a photo put here by hand")
    unfinished = photos / fine.stored_name[:2] / f"{fine.content_hash}.jpg.1a2b3c.partial"
    unfinished.write_bytes(b"half")

    problems = studio.services.maintenance.check().problems

    assert len(problems) == 4, problems
    assert problems[0].startswith(f"photos/{gone.stored_name} is missing: photo #{gone.id} (0.jpg)")
    assert problems[1].startswith(f"photos/{changed.stored_name} of photo #{changed.id} (1.jpg) does not match")
    assert "Restore it from a backup" in problems[1]
    strays = problems[2:]  # in path order, which depends on the photos' hashes
    assert any(p.startswith(f"photos/{orphan.relative_to(photos).as_posix()} is an orphan file") for p in strays)
    unfinished_name = unfinished.relative_to(photos).as_posix()
    assert any(p.startswith(f"photos/{unfinished_name} is an unfinished copy") for p in strays)


def test_a_file_renamed_to_another_fingerprint_is_found(
    studio: OpenStudio,
    owner: Actor,
    make_client,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    client = make_client(first_name="王", last_name="伟")
    first, second, _ = import_three(studio, owner, client.id, tmp_path)
    a, b = studio.paths.photos / first.stored_name, studio.paths.photos / second.stored_name
    a_bytes = a.read_bytes()
    a.write_bytes(b.read_bytes())  # swapped by a well-meaning "cleanup" tool
    b.write_bytes(a_bytes)
    problems = studio.services.maintenance.check().problems
    assert sorted(p.split(" of ")[0] for p in problems) == sorted(
        [f"photos/{first.stored_name}", f"photos/{second.stored_name}"]
    )


def test_many_orphans_are_summarised(studio: OpenStudio) -> None:
    folder = studio.paths.photos / "00"
    folder.mkdir(parents=True)
    for n in range(25):
        (folder / f"{n:064}.jpg").write_bytes(b"x")
    problems = studio.services.maintenance.check().problems
    assert len(problems) == 21 and problems[-1] == "… and 5 more files that no record refers to."


def test_db_check_command_lists_the_photo_findings_and_exits_1(
    studio: OpenStudio,
    owner: Actor,
    make_client,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    client = make_client(first_name="عبدالله", last_name="العلي")
    gone, _, _ = import_three(studio, owner, client.id, tmp_path)
    code, out, _ = run_cli(capsys, "--data-dir", studio.paths.root, "db", "check")
    assert code == 0 and "The studio database is healthy." in out
    (studio.paths.photos / gone.stored_name).unlink()
    code, out, _ = run_cli(capsys, "--data-dir", studio.paths.root, "db", "check")
    assert code == 1
    assert f"  - photos/{gone.stored_name} is missing: photo #{gone.id} (0.jpg) has no file" in out

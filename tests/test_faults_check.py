"""`db check` (MaintenanceService.check) on real faults: files nobody refers to in photos/ and documents/, a search
index out of step with the clients, each reported with a plain explanation."""

from __future__ import annotations

import sqlite3

from smp_desktop.core.studio_db import OpenStudio


def test_a_clean_studio_is_healthy_and_says_what_was_checked(studio: OpenStudio, make_client) -> None:  # type: ignore[no-untyped-def]
    make_client(first_name="Zoë", last_name="Ørsted")
    report = studio.services.maintenance.check()
    assert report.healthy, report.problems
    assert "files in photos/ and documents/" in report.checked
    assert "client search indexes" in report.checked


def test_files_no_record_refers_to_are_reported_as_orphans(studio: OpenStudio) -> None:
    paths = studio.paths
    (paths.photos / "2026").mkdir()
    (paths.photos / "2026" / "before-front.jpg").write_bytes(b"\xff\xd8\xff photo")
    (paths.documents / "consent Łódź.pdf").write_bytes(b"%PDF-1.7")
    (paths.documents / "consent-7.pdf.partial").write_bytes(b"%PDF-1.7 half")
    (paths.cache / "thumb.png").write_bytes(b"not checked: the cache is rebuilt at will")

    report = studio.services.maintenance.check()
    assert not report.healthy
    assert len(report.problems) == 3
    photo, consent, partial = sorted(report.problems, key=lambda p: ("photos/" not in p, ".partial" in p))
    assert photo.startswith("photos/2026/before-front.jpg is an orphan file: no record refers to it")
    assert consent.startswith("documents/consent Łódź.pdf is an orphan file")
    assert "move it out of the data folder if it is not needed" in consent
    assert partial.startswith("documents/consent-7.pdf.partial is an unfinished copy left by a save that was")


def test_many_orphans_are_summarised(studio: OpenStudio) -> None:
    for number in range(30):
        (studio.paths.photos / f"{number:02}.jpg").write_bytes(b"jpg")
    problems = studio.services.maintenance.check().problems
    assert len(problems) == 21
    assert problems[-1] == "… and 10 more files that no record refers to."


def test_a_search_index_out_of_step_is_reported(studio: OpenStudio, make_client) -> None:  # type: ignore[no-untyped-def]
    make_client(first_name="Jerzy", last_name="Żółkiewski")
    studio.close()
    connection = sqlite3.connect(studio.paths.database)
    try:  # what a crash inside a broken SQLite build or a hand edit could leave: the index loses its entries
        connection.execute("DELETE FROM client_fts_data WHERE id > 10")
        connection.commit()
    finally:
        connection.close()
    problems = studio.services.maintenance.check().problems
    assert len(problems) == 1
    assert problems[0].startswith("The client search index (client_fts) does not match the clients")
    assert "some clients may not be found by search" in problems[0]


def test_a_file_damaged_while_open_is_reported_not_raised(studio: OpenStudio, make_client) -> None:  # type: ignore[no-untyped-def]
    for number in range(40):
        make_client(first_name="Ana", last_name=f"Lópe{number}", notes="n" * 500)
    studio.close()
    connection = sqlite3.connect(studio.paths.database)
    (root,) = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'client'").fetchone()
    connection.close()
    with open(studio.paths.database, "r+b") as handle:
        handle.seek((root - 1) * 4096)
        handle.write(b"\xff" * 12)
    problems = studio.services.maintenance.check().problems
    assert problems and all(p.startswith("The database file is damaged (") for p in problems)
    assert problems[0].endswith("some records may be missing or wrong. Restore a backup.")

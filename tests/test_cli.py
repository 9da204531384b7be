"""The command line, run in-process through smp_desktop.cli.main (plus two real processes to prove the entries)."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from smp_desktop import __version__
from smp_desktop.cli import main
from smp_desktop.core.backups import list_backups
from smp_desktop.core.db import migrate
from smp_desktop.core.services.client_data import ClientDraft
from smp_desktop.core.studio_db import OpenStudio, open_studio
from smp_desktop.paths import DATABASE_FILENAME, StudioPaths
from tests.conftest import TODAY
from tests.conftest import run_cli as run

REPO = Path(__file__).resolve().parent.parent


def _count(root: Path, *, include_archived: bool = True) -> int:
    with open_studio(StudioPaths(root), today=lambda: TODAY) as opened:
        owner = opened.services.studio.owner()
        return opened.services.clients.count(owner, include_archived=include_archived)


def _drafts(root: Path) -> list[ClientDraft]:
    with open_studio(StudioPaths(root), today=lambda: TODAY) as opened:
        owner = opened.services.studio.owner()
        return [r.draft for r in opened.services.clients.iter_records(owner)]


@pytest.fixture
def empty_studio(tmp_path: Path) -> Path:
    """Another folder holding a studio with no clients; returns its root."""
    root = tmp_path / "target"
    with open_studio(StudioPaths(root), today=lambda: TODAY) as opened:
        opened.services.studio.create("Target Studio", "Tara Target", country="GB")
    return root


# --- demo ----------------------------------------------------------------------------------------------------------


def test_demo_creates_a_studio_once(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = tmp_path / "demo"
    code, out, err = run(capsys, "--data-dir", root, "demo", "--clients", "40")
    assert code == 0, err
    assert "40 clients" in out and str(root) in out
    assert "(40/40)" in err  # progress goes to stderr
    with open_studio(StudioPaths(root)) as opened:
        assert opened.services.studio.exists()
        owner = opened.services.studio.owner()
        assert opened.services.clients.count(owner, include_archived=True) == 40
        names = {r.draft.last_name for r in opened.services.clients.iter_records(owner)}
        assert len(names) > 10  # realistic: not one name forty times

    code, out, err = run(capsys, "--data-dir", root, "demo", "--clients", "5")
    assert code == 1
    assert "already holds a studio" in err and str(root) in err
    assert "Traceback" not in err
    assert out == ""
    assert _count(root) == 40  # nothing added to the existing studio


def test_demo_refuses_a_folder_with_a_studio(
    capsys: pytest.CaptureFixture[str], studio: OpenStudio, studio_paths: StudioPaths, make_client
) -> None:
    make_client(first_name="Real", last_name="Client")
    code, _out, err = run(capsys, "--data-dir", studio_paths.root, "demo", "--clients", "3")
    assert code == 1
    assert "already holds a studio" in err and "Test Studio" in err
    assert _count(studio_paths.root) == 1


# --- db check / upgrade --------------------------------------------------------------------------------------------


def test_db_check_passes_on_a_healthy_studio(
    capsys: pytest.CaptureFixture[str], studio: OpenStudio, studio_paths: StudioPaths, make_client
) -> None:
    make_client(first_name="Ann", last_name="Able", notes="fine")
    code, out, err = run(capsys, "--data-dir", studio_paths.root, "db", "check")
    assert code == 0, out + err
    assert "healthy" in out
    assert "checked: links between records (foreign keys)" in out
    assert "problem" not in out


def test_db_check_lists_a_broken_link(
    capsys: pytest.CaptureFixture[str], studio: OpenStudio, studio_paths: StudioPaths, make_client
) -> None:
    make_client(first_name="Ann", last_name="Able")
    connection = sqlite3.connect(studio_paths.database)
    try:
        connection.execute("PRAGMA foreign_keys=OFF")
        connection.execute(
            "INSERT INTO client_scar (client_id, position, location, kind, notes) "
            "VALUES (9999, 0, 'crown', 'other', '')"
        )
        connection.commit()
    finally:
        connection.close()

    code, out, _err = run(capsys, "--data-dir", studio_paths.root, "db", "check")
    assert code == 1
    assert "1 problem(s) found" in out
    problems = [line for line in out.splitlines() if line.startswith("  - ")]
    assert len(problems) == 1
    assert "client_scar" in problems[0] and "missing client" in problems[0]
    assert "healthy" not in out


def test_db_upgrade_on_a_current_database_changes_nothing(
    capsys: pytest.CaptureFixture[str], studio: OpenStudio, studio_paths: StudioPaths
) -> None:
    before = studio_paths.database.read_bytes()
    code, out, err = run(capsys, "--data-dir", studio_paths.root, "db", "upgrade")
    assert code == 0, err
    assert f"already at schema {migrate.head_revision()}" in out
    assert list(studio_paths.backups.iterdir()) == []  # no backup: nothing to upgrade
    assert studio_paths.database.read_bytes() == before


def test_db_upgrade_of_an_older_studio_backs_it_up_whole_first(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    paths = StudioPaths(tmp_path / "older").ensure()
    shutil.copy(Path(__file__).parent / "fixtures" / "schema_0001.sqlite", paths.database)
    (paths.documents / "letter.pdf").write_bytes(b"%PDF-1.4 a doctor's letter")
    code, out, err = run(capsys, "--data-dir", paths.root, "db", "upgrade")
    assert code == 0, err
    assert f"from schema 0001 to {migrate.head_revision()}" in out
    (record,) = list_backups(paths.backups)
    assert record.ok and record.reason == "before-upgrade" and record.schema_revision == "0001"
    assert record.file_count == 1 and str(record.path) in out
    code, out, err = run(capsys, "--data-dir", paths.root, "backups", "list")
    assert code == 0 and record.name in out


# --- clients export / import ---------------------------------------------------------------------------------------

CLIENTS = (
    {
        "first_name": "Łukasz",
        "last_name": "Żółkiewski",
        "date_of_birth": date(1990, 12, 31),
        "phone": "+48 512 345 678",
    },
    {"first_name": '<b>Ann & "Co"</b>', "last_name": "Smith, Jr", "notes": 'two\r\nlines, "quoted"\n'},
    {"first_name": "محمد", "last_name": "العلي", "email": "m@example.com", "notes": "=cmd|' /C calc'!A0\t👨‍👩‍👧"},
    {"first_name": "小明", "last_name": "王", "notes": "Ελληνικά, Кириллица, Tiếng Việt"},
)


@pytest.mark.parametrize("bom", [False, True], ids=["plain", "bom"])
def test_export_then_import_into_another_folder(
    capsys: pytest.CaptureFixture[str],
    studio: OpenStudio,
    studio_paths: StudioPaths,
    make_client,
    empty_studio: Path,
    tmp_path: Path,
    bom: bool,
) -> None:
    for fields in CLIENTS:
        make_client(**fields)
    exported = tmp_path / "exported.csv"
    options = ["--bom"] if bom else []
    code, out, err = run(capsys, "--data-dir", studio_paths.root, "clients", "export", exported, *options)
    assert code == 0, err
    assert f"Exported {len(CLIENTS)} client(s)" in out
    assert exported.read_bytes().startswith(b"\xef\xbb\xbf") is bom

    code, out, err = run(capsys, "--data-dir", empty_studio, "clients", "import", exported)
    assert code == 0, err
    assert f"Imported {len(CLIENTS)} client(s); rejected 0 row(s)." in out
    assert "note: Ignored column(s): id" in err
    assert "rejected:" not in err
    assert _drafts(empty_studio) == _drafts(studio_paths.root)

    again = tmp_path / "again.csv"
    code, out, err = run(capsys, "--data-dir", empty_studio, "clients", "export", again, *options)
    assert code == 0, err
    assert again.read_bytes() == exported.read_bytes()

    # Importing the same file again: the rows with a birth date, phone or e-mail are known duplicates now
    # (lines 2 and 6, after a record on lines 3-5); a bare name is not enough to call two people the same.
    code, out, err = run(capsys, "--data-dir", empty_studio, "clients", "import", exported)
    assert code == 1
    assert "Imported 2 client(s); rejected 2 row(s)." in out
    rejected = [line for line in err.splitlines() if ": rejected: " in line]
    assert [line.split(": rejected: ")[0] for line in rejected] == ["exported.csv:2", "exported.csv:6"]
    assert all("may already exist as" in line for line in rejected)
    assert _count(empty_studio) == len(CLIENTS) + 2


def test_import_reports_rejected_rows_and_imports_the_rest(
    capsys: pytest.CaptureFixture[str], empty_studio: Path, tmp_path: Path
) -> None:
    source = tmp_path / "mixed.csv"
    source.write_bytes(
        b"first_name,last_name,date_of_birth,email,notes\r\n"  # 1
        b'Good,One,1980-01-01,,"multi\r\n'  # 2
        b'line"\r\n'  # 3
        b"Bad,Mail,,nope,\r\n"  # 4
        b"\r\n"  # 5
        b"Bad,Date,31.12.1980,,\r\n"  # 6
        b"Good,Two,,two@example.com,\r\n"  # 7
    )
    code, out, err = run(capsys, "--data-dir", empty_studio, "clients", "import", source)
    assert code == 1
    rejected = [line for line in err.splitlines() if ": rejected: " in line]
    assert len(rejected) == 2
    assert rejected[0].startswith("mixed.csv:4: rejected: E-mail “nope”")
    assert rejected[1].startswith("mixed.csv:6: rejected: date_of_birth “31.12.1980”")
    assert "Imported 2 client(s); rejected 2 row(s)." in out
    assert [(d.first_name, d.last_name) for d in _drafts(empty_studio)] == [("Good", "One"), ("Good", "Two")]


def test_import_of_an_unreadable_file_imports_nothing(
    capsys: pytest.CaptureFixture[str], empty_studio: Path, tmp_path: Path
) -> None:
    source = tmp_path / "ansi.csv"
    source.write_bytes("first_name,last_name\nAnna,Nowak\nŁukasz,Żółkiewski\n".encode("cp1250"))
    code, out, err = run(capsys, "--data-dir", empty_studio, "clients", "import", source)
    assert code == 1
    assert "not UTF-8" in err and "line 3" in err and "Nothing was imported" in err
    assert out == ""
    assert _count(empty_studio) == 0


def test_allow_duplicates_option(
    capsys: pytest.CaptureFixture[str], studio: OpenStudio, studio_paths: StudioPaths, make_client, tmp_path: Path
) -> None:
    make_client(first_name="Jan", last_name="Kowalski", email="jan@example.com")
    source = tmp_path / "dup.csv"
    source.write_text("first_name,last_name,email\nJan,Kowalski,jan@example.com\n", encoding="utf-8")
    code, out, err = run(capsys, "--data-dir", studio_paths.root, "clients", "import", source)
    assert code == 1 and "dup.csv:2: rejected: may already exist as Jan Kowalski" in err
    code, out, err = run(capsys, "--data-dir", studio_paths.root, "clients", "import", source, "--allow-duplicates")
    assert code == 0, err
    assert "Imported 1 client(s)" in out
    assert _count(studio_paths.root) == 2


def test_export_into_a_missing_folder_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], studio: OpenStudio, studio_paths: StudioPaths, tmp_path: Path
) -> None:
    target = tmp_path / "no such folder" / "clients.csv"
    code, _out, err = run(capsys, "--data-dir", studio_paths.root, "clients", "export", target)
    assert code == 1
    assert "does not exist" in err and "Traceback" not in err
    assert not target.parent.exists()


# --- clients search ------------------------------------------------------------------------------------------------


def test_search_prints_matching_rows_tab_separated(
    capsys: pytest.CaptureFixture[str], studio: OpenStudio, studio_paths: StudioPaths, make_client
) -> None:
    found = make_client(
        first_name="Łukasz",
        last_name="Żółkiewski",
        date_of_birth=date(1990, 12, 31),
        phone="+48 512 345 678",
        email="lukasz@example.com",
    )
    make_client(first_name="Anna", last_name="Nowak")
    code, out, err = run(capsys, "--data-dir", studio_paths.root, "clients", "search", "zolk")
    assert code == 0, err
    assert out.splitlines() == [
        f"{found.id}\tŁukasz Żółkiewski\t1990-12-31\t+48 512 345 678\tlukasz@example.com",
    ]

    code, out, err = run(capsys, "--data-dir", studio_paths.root, "clients", "search", "Nobody-like-this")
    assert code == 1
    assert out == ""


def test_search_says_when_there_are_more_matches(
    capsys: pytest.CaptureFixture[str], studio: OpenStudio, studio_paths: StudioPaths, make_client
) -> None:
    for first in ("Adam", "Beata", "Celina"):
        make_client(first_name=first, last_name="Kowalska")
    code, out, err = run(capsys, "--data-dir", studio_paths.root, "clients", "search", "kowal", "--limit", "2")
    assert code == 0
    assert len(out.splitlines()) == 2
    assert all(line.split("\t")[1].endswith("Kowalska") for line in out.splitlines())
    assert "more than 2 matches" in err


# --- where the studio is -------------------------------------------------------------------------------------------


NEEDS_A_STUDIO = (
    ("db", "check"),
    ("db", "upgrade"),
    ("clients", "export", "{tmp}/out.csv"),
    ("clients", "import", "{tmp}/in.csv"),
    ("clients", "search", "anna"),
)


@pytest.mark.parametrize("command", NEEDS_A_STUDIO, ids=lambda c: " ".join(c[:2]))
def test_commands_on_a_folder_without_a_studio(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: tuple[str, ...]
) -> None:
    root = tmp_path / "nothing here"
    (tmp_path / "in.csv").write_text("first_name,last_name\nAnn,Able\n", encoding="utf-8")
    argv = [part.format(tmp=tmp_path) for part in command]
    code, _out, err = run(capsys, "--data-dir", root, *argv)
    assert code == 1
    assert "no studio" in err and str(root) in err
    assert "Traceback" not in err
    assert not (root / DATABASE_FILENAME).exists()
    assert not (tmp_path / "out.csv").exists()


def test_commands_on_a_database_without_a_studio(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = tmp_path / "bare"
    open_studio(StudioPaths(root)).close()  # a migrated database, but no studio created in it
    code, _out, err = run(capsys, "--data-dir", root, "clients", "search", "anna")
    assert code == 1
    assert "no studio" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["frobnicate"],
        ["db"],
        ["db", "vacuum"],
        ["clients"],
        ["clients", "import"],
        ["clients", "search"],
        ["clients", "export", "a.csv", "b.csv"],
        ["demo", "--clients", "0"],
        ["demo", "--clients", "many"],
        ["--no-such-option", "db", "check"],
        ["db", "check", "--data-dir"],
    ],
    ids=lambda argv: " ".join(argv),
)
def test_wrong_usage_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]) -> None:
    root = tmp_path / "studio"
    with pytest.raises(SystemExit) as caught:
        main(["--data-dir", str(root), *argv])
    assert caught.value.code == 2
    _out, err = capsys.readouterr()
    assert "usage:" in err
    assert not root.exists()  # refused before anything was touched


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"SMP Desktop {__version__}"


@pytest.mark.parametrize(
    "argv",
    [
        ["--data-dir", "{root}", "db", "check"],
        ["db", "--data-dir", "{root}", "check"],
        ["db", "check", "--data-dir", "{root}"],
        ["--data-dir={root}", "db", "check"],
    ],
    ids=["before", "between", "after", "equals"],
)
def test_data_dir_before_or_after_the_command(
    capsys: pytest.CaptureFixture[str], studio: OpenStudio, studio_paths: StudioPaths, argv: list[str]
) -> None:
    code, out, err = run(capsys, *[part.format(root=studio_paths.root) for part in argv])
    assert code == 0, err
    assert "healthy" in out


def test_data_dir_after_the_command_wins_over_one_before(
    capsys: pytest.CaptureFixture[str], studio: OpenStudio, studio_paths: StudioPaths, tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    code, out, err = run(capsys, "--data-dir", empty, "db", "check", "--data-dir", studio_paths.root)
    assert code == 0, err
    assert "healthy" in out
    code, _out, err = run(capsys, "--data-dir", studio_paths.root, "db", "check", "--data-dir", empty)
    assert code == 1 and "no studio" in err


def test_smp_data_dir_is_honoured(
    capsys: pytest.CaptureFixture[str],
    studio: OpenStudio,
    studio_paths: StudioPaths,
    make_client,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_client(first_name="Ewa", last_name="Zielińska")
    monkeypatch.setenv("SMP_DATA_DIR", str(studio_paths.root))
    code, out, err = run(capsys, "clients", "search", "zielin")
    assert code == 0, err
    assert "Ewa Zielińska" in out

    # --data-dir wins over the environment.
    empty = tmp_path / "empty"
    code, out, err = run(capsys, "--data-dir", empty, "clients", "search", "zielin")
    assert code == 1 and "no studio" in err and str(empty) in err
    assert not (empty / DATABASE_FILENAME).exists()


# --- the real entry points -----------------------------------------------------------------------------------------


def test_main_py_prints_the_version() -> None:
    result = subprocess.run(
        [str(REPO / ".venv" / "bin" / "python"), "main.py", "--version"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"SMP Desktop {__version__}"


def test_python_m_smp_desktop_runs_db_check(studio: OpenStudio, studio_paths: StudioPaths, tmp_path: Path) -> None:
    healthy = subprocess.run(
        [sys.executable, "-m", "smp_desktop", "--data-dir", str(studio_paths.root), "db", "check"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert healthy.returncode == 0, healthy.stderr
    assert "healthy" in healthy.stdout


def test_after_a_damaged_database_was_kept_aside_commands_point_to_restore(
    studio: OpenStudio, make_client, capsys: pytest.CaptureFixture[str]
) -> None:
    from smp_desktop.core.db.health import keep_aside

    make_client(first_name="Ana", last_name="Nowak")
    studio.close()
    data = studio.paths.root
    keep_aside(studio.paths)
    capsys.readouterr()
    assert main(["--data-dir", str(data), "clients", "search", "a"]) == 1
    err = capsys.readouterr().err
    assert "damaged and has been kept aside" in err and "restore" in err


def test_a_storage_fault_is_printed_as_its_sentence(
    studio: OpenStudio, make_client, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from smp_desktop.core.db.faults import DiskFull
    from smp_desktop.core.services import client_csv

    make_client(first_name="Ana", last_name="Nowak")
    studio.close()
    data = studio.paths.root
    csv_file = tmp_path / "in.csv"
    csv_file.write_text("first_name,last_name\nNew,Person\n", encoding="utf-8")

    def full(*args: object, **kwargs: object) -> None:
        raise DiskFull("sqlite says: database or disk is full")

    monkeypatch.setattr(client_csv, "import_clients", full)
    capsys.readouterr()
    assert main(["--data-dir", str(data), "clients", "import", str(csv_file)]) == 1
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith("error: The disk is full") and "DiskFull" not in err

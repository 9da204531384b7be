"""Clients to and from CSV at the service level, on real SQLite studios: round trips, rejected rows, atomicity."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from smp_desktop.core.domain import (
    AlopeciaPattern,
    Greying,
    HairLengthWish,
    HairlineStyle,
    ReferralSource,
    ScalpCondition,
    TreatmentReason,
)
from smp_desktop.core.services import clients as clients_module
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.client_csv import (
    EXPORT_COLUMNS,
    CsvFileError,
    ImportReport,
    export_clients,
    import_clients,
)
from smp_desktop.core.services.client_data import ClientDraft
from smp_desktop.core.studio_db import OpenStudio, open_studio
from smp_desktop.paths import StudioPaths
from tests.conftest import TODAY

BOM = b"\xef\xbb\xbf"

# Text that breaks naive CSV writers, spreadsheets, HTML views and normalising code, in many scripts.
HOSTILE_CLIENTS: tuple[dict[str, object], ...] = (
    {
        "first_name": "Ann",
        "last_name": 'O\'Brien, "Jr"',
        "phone": "+44 161 496 0001",
        "email": "o'brien+smp@example.co.uk",
        "notes": 'He said "hi", then left, "twice"; ""empty quotes"" too',
        "date_of_birth": date(1980, 2, 29),
    },
    {
        "first_name": "Crlf",
        "last_name": "Notes",
        "notes": "line one\r\nline two\r\n\r\nafter a blank CRLF line\r\n",
    },
    {
        "first_name": "Lone",
        "last_name": "Carriage",
        "notes": "old mac\rline\rending, then LF\nand CRLF\r\nmixed\n\r\n",
    },
    {
        "first_name": "=cmd|' /C calc'!A0",
        "last_name": "+SUM(A1:A9)",
        "phone": "+48 512 345 678",
        "notes": '=HYPERLINK("http://evil.example","click")\n@SUM(1+1)\n-2+3\n=cmd|\' /C notepad\'!A0',
    },
    {
        "first_name": "Tabby",
        "last_name": "Tabs",
        "notes": "\tleading tab\tinner\ttabs\ttrailing tab\t",
    },
    {
        "first_name": "Zoë 😀",
        "last_name": "Family 👨‍👩‍👧‍👦",
        "preferred_name": "Zo\u200dë",
        "email": "zoë@example.com",
        "notes": "✂️💈 ZWJ: 👩\u200d🦲 and a zero-width joiner a\u200db, a ZWNJ a\u200cb, word\u2028joiner U+2028",
    },
    {
        "first_name": "محمد",
        "last_name": "العلي",
        "phone": "+971 50 123 4567",
        "notes": "مرحبا، كيف حالك؟ (mixed RTL and LTR: 123 abc)",
        "date_of_birth": date(1975, 7, 1),
    },
    {
        "first_name": "小明",
        "last_name": "王",
        "phone": "+86 138 0013 8000",
        "email": "用户@例子.广告",
        "notes": "头发稀疏，想要自然的发际线。",
    },
    {
        "first_name": "Γιώργος",
        "last_name": "Παπαδόπουλος",
        "phone": "+30 691 234 5678",
        "email": "δοκιμή@παράδειγμα.δοκιμή",
        "notes": "Ελληνικά: ΣΊΣΥΦΟΣ σίσυφος",
    },
    {
        "first_name": "Дмитрий",
        "last_name": "Иванов",
        "phone": "+7 912 345-67-89",
        "notes": "Кириллица: ЁЖИК ёжик",
    },
    {
        "first_name": "Nguyễn",
        "last_name": "Thị Minh Khai",
        # The same letters in decomposed form (NFD): must not be normalised on the way.
        "preferred_name": "Nguye\u0302\u0303n",
        "phone": "+84 91 234 56 78",
        "notes": "Tiếng Việt: Tôi muốn đường chân tóc tự nhiên.",
    },
    {
        "first_name": "Grzegorz",
        "last_name": "Brzęczyszczykiewicz",
        "notes": "Zażółć gęślą jaźń — ŻÓŁĆ",
    },
    {
        "first_name": "Łukasz",
        "last_name": "Żółkiewski",
        "date_of_birth": date(1990, 12, 31),
    },
    {
        "first_name": '<b>Ann & "Co"</b>',
        "last_name": "<script>alert('x')</script>",
        "notes": "&amp; &lt;not html&gt; \\N \\n NULL null None",
    },
    {
        "first_name": "Full",
        "last_name": "Record",
        "preferred_name": "Fully",
        "date_of_birth": date(1969, 1, 1),
        "phone": "+44 161 496 0002",
        "email": "full.record@example.com",
        "address_line1": '1, "The" Street',
        "address_line2": "Flat 2",
        "city": "Kraków",
        "postcode": "31-000",
        "country": "PL",
        "emergency_contact_name": "Ewa Nowak",
        "emergency_contact_phone": "+48 512 345 679",
        "emergency_contact_relation": "sister, older",
        "referral_source": ReferralSource.WALK_IN,
        "referral_detail": "saw the sign; came in",
        "notes": "   leading and trailing spaces are part of the notes   ",
        "reasons": (TreatmentReason.SCAR_CONCEALMENT, TreatmentReason.THINNING),
        "norwood_stage": "3 vertex",
        "alopecia_pattern": AlopeciaPattern.FRONTAL_FIBROSING,
        "alopecia_temporary": True,
        "hair_colour": "dark brown",
        "greying": Greying.SOME,
        "fitzpatrick_type": 4,
        "scalp_condition": ScalpCondition.SENSITIVE,
        "scalp_condition_notes": "redness\r\nafter shaving",
        "hairline_style": HairlineStyle.SOFT,
        "hair_length_wish": HairLengthWish.BUZZ,
    },
)


@pytest.fixture
def other_studio(tmp_path: Path) -> Iterator[OpenStudio]:
    """A second, empty studio (another folder, another database file) to import into."""
    opened = open_studio(StudioPaths(tmp_path / "other"), today=lambda: TODAY)
    opened.services.studio.create("Other Studio", "Oscar Other", country="GB")
    yield opened
    opened.close()


def _drafts(studio: OpenStudio) -> list[ClientDraft]:
    owner = studio.services.studio.owner()
    return [record.draft for record in studio.services.clients.iter_records(owner, include_archived=True)]


def _import_text(studio: OpenStudio, path: Path, text: str, **options: bool) -> ImportReport:
    path.write_bytes(text.encode("utf-8"))
    return import_clients(studio.services.clients, studio.services.studio.owner(), path, **options)


def _without_ids(data: bytes) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), strict=True))
    return [row[1:] for row in rows]


def _names(studio: OpenStudio) -> list[tuple[str, str]]:
    return [(d.first_name, d.last_name) for d in _drafts(studio)]


# --- round trip ----------------------------------------------------------------------------------------------------


def test_round_trip_of_hostile_and_international_text_is_byte_identical(
    studio: OpenStudio, owner: Actor, make_client, other_studio: OpenStudio, tmp_path: Path
) -> None:
    for fields in HOSTILE_CLIENTS:
        make_client(**fields)
    first = tmp_path / "first.csv"
    second = tmp_path / "second.csv"

    assert export_clients(studio.services.clients, owner, first) == len(HOSTILE_CLIENTS)
    other_owner = other_studio.services.studio.owner()
    report = import_clients(other_studio.services.clients, other_owner, first)
    assert report.rejected == []
    assert report.imported == len(HOSTILE_CLIENTS)
    assert export_clients(other_studio.services.clients, other_owner, second) == len(HOSTILE_CLIENTS)

    first_bytes, second_bytes = first.read_bytes(), second.read_bytes()
    assert not first_bytes.startswith(BOM)
    assert _without_ids(first_bytes) == _without_ids(second_bytes)
    assert first_bytes == second_bytes  # both studios number the clients 1..n, so even the ids agree

    # The records are what was typed, field for field (text not normalised, trimmed or escaped).
    original = _drafts(studio)
    assert _drafts(other_studio) == original
    by_name = {d.last_name: d for d in original}
    assert by_name["Notes"].notes == "line one\r\nline two\r\n\r\nafter a blank CRLF line\r\n"
    assert by_name["Carriage"].notes == "old mac\rline\rending, then LF\nand CRLF\r\nmixed\n\r\n"
    assert by_name["Tabs"].notes == "\tleading tab\tinner\ttabs\ttrailing tab\t"
    assert by_name["Thị Minh Khai"].preferred_name == "Nguye\u0302\u0303n"
    assert by_name["Record"].reasons == (TreatmentReason.SCAR_CONCEALMENT, TreatmentReason.THINNING)
    assert by_name["Record"].alopecia_temporary is True
    assert by_name["Record"].country == "PL"
    assert by_name["<script>alert('x')</script>"].first_name == '<b>Ann & "Co"</b>'

    # The raw file: the formula-looking text is written as is (a round trip would break a prefixed quote),
    # and the documented columns come first.
    text = first_bytes.decode("utf-8")
    assert text.startswith("id,first_name,last_name,date_of_birth,phone,email,notes,")
    assert "\"=cmd|' /C calc'!A0\"" not in text and ",=cmd|' /C calc'!A0," in text
    assert '"<b>Ann & ""Co""</b>"' in text
    assert "\r\n" in text and "Żółkiewski".encode() in first_bytes


def test_round_trip_through_a_bom_file(
    studio: OpenStudio, owner: Actor, make_client, other_studio: OpenStudio, tmp_path: Path
) -> None:
    for fields in HOSTILE_CLIENTS:
        make_client(**fields)
    plain, with_bom = tmp_path / "plain.csv", tmp_path / "bom.csv"
    export_clients(studio.services.clients, owner, plain)
    export_clients(studio.services.clients, owner, with_bom, bom=True)

    assert with_bom.read_bytes().startswith(BOM)
    assert not with_bom.read_bytes().startswith(BOM + BOM)
    assert with_bom.read_bytes() == BOM + plain.read_bytes()

    report = import_clients(other_studio.services.clients, other_studio.services.studio.owner(), with_bom)
    assert report.rejected == []
    assert report.imported == len(HOSTILE_CLIENTS)
    assert _drafts(other_studio) == _drafts(studio)


def test_hand_written_bom_file_is_read_as_utf8_with_its_first_column(other_studio: OpenStudio, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(BOM + 'first_name,last_name,notes\r\nŁukasz,Żółkiewski,"a\r\nb"\r\n'.encode())
    report = import_clients(other_studio.services.clients, other_studio.services.studio.owner(), path)
    assert report.notices == []  # "\ufefffirst_name" would be an unknown column
    assert report.rejected == []
    assert report.imported == 1
    (draft,) = _drafts(other_studio)
    assert (draft.first_name, draft.last_name, draft.notes) == ("Łukasz", "Żółkiewski", "a\r\nb")


def test_export_includes_archived_clients_and_marks_them(studio: OpenStudio, owner: Actor, make_client, tmp_path):
    kept = make_client(first_name="Kept", last_name="Active")
    gone = make_client(first_name="Gone", last_name="Archived")
    studio.services.clients.set_archived(owner, gone.id, True)
    path = tmp_path / "all.csv"
    assert export_clients(studio.services.clients, owner, path) == 2
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    assert tuple(rows[0]) == EXPORT_COLUMNS
    assert [(r["id"], r["first_name"], r["archived"]) for r in rows] == [
        (str(kept.id), "Kept", ""),
        (str(gone.id), "Gone", "yes"),
    ]


# --- rejected rows -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["LF", "CRLF"])
def test_rejected_rows_are_reported_by_physical_line_and_the_rest_imported(
    studio: OpenStudio, tmp_path: Path, newline: str
) -> None:
    lines = [
        "first_name,last_name,date_of_birth,phone,email,notes,greying",  # 1
        "Good,One,1980-01-02,,good1@example.com,,",  # 2
        'Multi,Line,,,multi@example.com,"first',  # 3
        "second, with a comma",  # 4
        'and ""quotes"" third",none',  # 5
        "Bad,Email,,,not-an-email,,",  # 6
        "",  # 7  a blank line: not a client, and the next line is still line 8
        "Future,Born,2030-01-01,,,,",  # 8
        "Wrong,Date,25/12/1980,,,,",  # 9
        "Odd,Enum,,,,,grey",  # 10
        'Too,Many,,,,"x",,extra',  # 11
        'Second,Multi,,,,"a',  # 12
        'b",',  # 13
        "Bad,Phone,,12,,,",  # 14
        "Last,Good,1999-09-09,+44 161 496 0003,last@example.com,,all",  # 15
    ]
    report = _import_text(studio, tmp_path / "clients.csv", newline.join(lines) + newline)

    rejected = {r.line: r.reason for r in report.rejected}
    assert sorted(rejected) == [6, 8, 9, 10, 11, 14]
    assert "e-mail" in rejected[6].lower() and "not-an-email" in rejected[6]
    assert "date of birth" in rejected[8].lower() and "future" in rejected[8]
    assert "date_of_birth" in rejected[9] and "25/12/1980" in rejected[9] and "YYYY-MM-DD" in rejected[9]
    assert "greying" in rejected[10] and "grey" in rejected[10] and "some" in rejected[10]
    assert "more fields" in rejected[11] and "7" in rejected[11]
    assert "phone" in rejected[14].lower()

    assert report.imported == 4
    assert _names(studio) == [("Good", "One"), ("Multi", "Line"), ("Second", "Multi"), ("Last", "Good")]
    by_first = {d.first_name: d for d in _drafts(studio)}
    assert by_first["Multi"].notes == f'first{newline}second, with a comma{newline}and "quotes" third'
    assert by_first["Multi"].greying is Greying.NONE
    assert by_first["Second"].notes == f"a{newline}b"
    assert by_first["Last"].greying is Greying.ALL
    assert by_first["Good"].date_of_birth == date(1980, 1, 2)


def test_other_field_problems_name_the_field(studio: OpenStudio, tmp_path: Path) -> None:
    text = (
        "first_name,last_name,country,fitzpatrick_type,reasons,norwood_stage,hair_length_wish\n"
        "A,One,Poland,,,,\n"  # 2
        "B,Two,,seven,,,\n"  # 3
        "C,Three,,,thinning;baldness,,\n"  # 4
        "D,Four,,,,9,\n"  # 5
        "E,Five,,,,,long\n"  # 6
        ",,,,,,\n"  # 7  only separators: blank
        ",,GB,,,,\n"  # 8  no name
        "F,Six,gb,3,thinning;density,2A,keep_long\n"  # 9
    )
    report = _import_text(studio, tmp_path / "c.csv", text)
    rejected = {r.line: r.reason for r in report.rejected}
    assert sorted(rejected) == [2, 3, 4, 5, 6, 8]
    assert "country" in rejected[2].lower()
    assert "fitzpatrick_type" in rejected[3] and "seven" in rejected[3]
    assert "reasons" in rejected[4] and "baldness" in rejected[4]
    assert "norwood" in rejected[5].lower()
    assert "hair_length_wish" in rejected[6] and "keep_long" in rejected[6]
    assert "name" in rejected[8].lower()
    assert report.imported == 1
    (draft,) = _drafts(studio)
    assert draft.country == "GB"
    assert draft.reasons == (TreatmentReason.THINNING, TreatmentReason.DENSITY)
    assert draft.hair_length_wish is HairLengthWish.KEEP_LONG


def test_a_broken_quote_rejects_its_line_and_keeps_the_rows_before(studio: OpenStudio, tmp_path: Path) -> None:
    text = 'first_name,last_name,notes\nAnn,Able,fine\nBen,Baker,"never\nclosed\n'
    report = _import_text(studio, tmp_path / "c.csv", text)
    assert [r.line for r in report.rejected] == [3]
    assert "CSV" in report.rejected[0].reason
    assert report.imported == 1
    assert _names(studio) == [("Ann", "Able")]


def test_blank_lines_are_ignored(studio: OpenStudio, tmp_path: Path) -> None:
    text = "\r\nfirst_name,last_name,notes\r\n\r\nAnn,Able,\r\n   \r\n,,\r\n\r\nBen,Baker,\r\n\r\n\r\n"
    # A blank line before the header is an empty header: the file is refused as a whole.
    with pytest.raises(CsvFileError):
        _import_text(studio, tmp_path / "lead.csv", text)
    report = _import_text(studio, tmp_path / "c.csv", text.removeprefix("\r\n"))
    assert report.rejected == []
    assert report.imported == 2
    assert _names(studio) == [("Ann", "Able"), ("Ben", "Baker")]


def test_missing_trailing_columns_count_as_empty(studio: OpenStudio, tmp_path: Path) -> None:
    report = _import_text(studio, tmp_path / "c.csv", "first_name,last_name,email,notes\nAnn,Able\n")
    assert (report.imported, report.rejected) == (1, [])
    assert _drafts(studio)[0].email == ""


# --- duplicates ----------------------------------------------------------------------------------------------------


DUPLICATES_IN_FILE = (
    "first_name,last_name,date_of_birth,phone,email\n"
    "Jan,Kowalski,1980-05-05,+44 161 496 0010,jan@example.com\n"  # 2
    "Janek,Nowak,,,JAN@Example.com\n"  # 3  same e-mail, other case
    "Piotr,Wiśniewski,,0161 496 0010,\n"  # 4  same phone, national format
    "JAN,KOWALSKI,1980-05-05,,\n"  # 5  same name and birth date
    "Jan,Kowalski,1981-05-05,,\n"  # 6  same name, another birth date: another person
)


def test_duplicates_within_the_file_are_rejected(studio: OpenStudio, tmp_path: Path) -> None:
    report = _import_text(studio, tmp_path / "c.csv", DUPLICATES_IN_FILE)
    rejected = {r.line: r.reason for r in report.rejected}
    assert sorted(rejected) == [3, 4, 5]
    assert all("line 2" in reason for reason in rejected.values())
    assert report.imported == 2
    assert [d.date_of_birth for d in _drafts(studio)] == [date(1980, 5, 5), date(1981, 5, 5)]


def test_duplicates_of_existing_clients_are_rejected(studio: OpenStudio, make_client, tmp_path: Path) -> None:
    existing = make_client(first_name="Ewa", last_name="Zielińska", email="ewa@example.com")
    report = _import_text(
        studio,
        tmp_path / "c.csv",
        "first_name,last_name,email\nEve,Green,EWA@example.com\nAdam,New,adam@example.com\n",
    )
    assert [r.line for r in report.rejected] == [2]
    assert "Ewa Zielińska" in report.rejected[0].reason and f"#{existing.id}" in report.rejected[0].reason
    assert report.imported == 1
    assert _names(studio) == [("Ewa", "Zielińska"), ("Adam", "New")]


def test_allow_duplicates_imports_every_row(studio: OpenStudio, make_client, tmp_path: Path) -> None:
    make_client(first_name="Jan", last_name="Kowalski", email="jan@example.com")
    report = _import_text(studio, tmp_path / "c.csv", DUPLICATES_IN_FILE, allow_duplicates=True)
    assert report.rejected == []
    assert report.imported == 5
    assert len(_drafts(studio)) == 6


# --- the file as a whole -------------------------------------------------------------------------------------------


def test_non_utf8_file_names_the_line_and_imports_nothing(studio: OpenStudio, tmp_path: Path) -> None:
    path = tmp_path / "polish.csv"
    path.write_bytes("first_name,last_name\r\nAnna,Smith\r\nŁukasz,Żółkiewski\r\n".encode("cp1250"))
    with pytest.raises(CsvFileError) as caught:
        import_clients(studio.services.clients, studio.services.studio.owner(), path)
    message = str(caught.value)
    assert "UTF-8" in message and "line 3" in message and "polish.csv" in message
    assert _drafts(studio) == []


@pytest.mark.parametrize("content", [b"", BOM, b"\r\n"], ids=["empty", "only-bom", "blank-line"])
def test_empty_file_is_refused(studio: OpenStudio, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    with pytest.raises(CsvFileError, match="empty"):
        import_clients(studio.services.clients, studio.services.studio.owner(), path)


def test_header_only_file_imports_nothing(studio: OpenStudio, tmp_path: Path) -> None:
    report = _import_text(studio, tmp_path / "c.csv", "first_name,last_name\r\n")
    assert (report.imported, report.rejected, report.notices) == (0, [], [])


def test_missing_first_name_column_is_refused(studio: OpenStudio, tmp_path: Path) -> None:
    with pytest.raises(CsvFileError, match="first_name") as caught:
        _import_text(studio, tmp_path / "c.csv", "name,last_name,email\nAnn,Able,ann@example.com\n")
    assert "name,last_name,email" in str(caught.value)
    assert _drafts(studio) == []


def test_unreadable_file_is_refused(studio: OpenStudio, tmp_path: Path) -> None:
    with pytest.raises(CsvFileError, match="Cannot read"):
        import_clients(studio.services.clients, studio.services.studio.owner(), tmp_path / "missing.csv")


def test_nul_bytes_refuse_the_file(studio: OpenStudio, tmp_path: Path) -> None:
    path = tmp_path / "binary.csv"
    path.write_bytes(b"first_name,last_name\nAnn,Able\n\x00\x00")
    with pytest.raises(CsvFileError, match="NUL"):
        import_clients(studio.services.clients, studio.services.studio.owner(), path)
    assert _drafts(studio) == []


def test_unknown_columns_produce_a_notice(studio: OpenStudio, tmp_path: Path) -> None:
    report = _import_text(
        studio, tmp_path / "c.csv", " id ,first_name, last_name ,shoe_size\n7,Ann,Able,42\n8,Ben,Baker,44\n"
    )
    assert len(report.notices) == 1
    assert "shoe_size" in report.notices[0] and "id" in report.notices[0]
    assert "first_name" not in report.notices[0] and "last_name" not in report.notices[0]
    assert report.rejected == []
    assert report.imported == 2
    assert _names(studio) == [("Ann", "Able"), ("Ben", "Baker")]


# --- one transaction per file --------------------------------------------------------------------------------------


def test_import_is_one_transaction(studio: OpenStudio, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """create_many fails after it has inserted its first batch: the whole file is rolled back."""
    real_batched = clients_module.batched
    inserted_batches: list[int] = []

    def failing_batched(items, size):  # type: ignore[no-untyped-def]
        for batch in real_batched(items, 2):
            inserted_batches.append(len(batch))
            yield batch
            raise RuntimeError("disk full after the first batch")

    monkeypatch.setattr(clients_module, "batched", failing_batched)
    rows = "".join(f"Client{i},Batch,\n" for i in range(5))
    with pytest.raises(RuntimeError, match="disk full"):
        _import_text(studio, tmp_path / "c.csv", "first_name,last_name,notes\n" + rows)
    assert inserted_batches == [2]  # the first batch really was inserted before the failure
    assert _drafts(studio) == []
    assert studio.services.clients.search(studio.services.studio.owner(), "batch").rows == ()

    monkeypatch.setattr(clients_module, "batched", real_batched)
    report = _import_text(studio, tmp_path / "c.csv", "first_name,last_name,notes\n" + rows)
    assert report.imported == 5 and len(_drafts(studio)) == 5


# --- atomic export -------------------------------------------------------------------------------------------------


def test_export_leaves_no_temporary_files(studio: OpenStudio, owner: Actor, make_client, tmp_path: Path) -> None:
    make_client(first_name="Ann", last_name="Able")
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "clients.csv"
    target.write_bytes(b"old content")
    assert export_clients(studio.services.clients, owner, target) == 1
    assert sorted(p.name for p in folder.iterdir()) == ["clients.csv"]
    assert target.read_bytes().startswith(b"id,first_name,last_name,")
    assert b"Ann,Able" in target.read_bytes()


def test_failed_export_leaves_the_existing_file_untouched(
    studio: OpenStudio, owner: Actor, make_client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(3):
        make_client(first_name=f"Client{i}", last_name="Export")
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "clients.csv"
    target.write_bytes(b"the previous export, precious\r\n")
    service = studio.services.clients
    real_iter = service.iter_records
    written: list[int] = []

    def failing_iter(actor, *, include_archived=True, batch=500):  # type: ignore[no-untyped-def]
        for record in real_iter(actor, include_archived=include_archived, batch=batch):
            written.append(record.id)
            yield record
            if len(written) == 2:
                raise OSError(28, "No space left on device")

    monkeypatch.setattr(service, "iter_records", failing_iter)
    with pytest.raises(OSError, match="No space"):
        export_clients(service, owner, target)
    assert len(written) == 2  # the export was under way when it failed
    assert target.read_bytes() == b"the previous export, precious\r\n"
    assert sorted(p.name for p in folder.iterdir()) == ["clients.csv"]

    # A failing first export leaves no file (and no temporary file) at all.
    written.clear()
    fresh = folder / "new.csv"
    with pytest.raises(OSError):
        export_clients(service, owner, fresh)
    assert sorted(p.name for p in folder.iterdir()) == ["clients.csv"]


def test_archived_state_and_scars_survive_an_export_and_import(studio: OpenStudio, owner: Actor, make_client, tmp_path):  # type: ignore[no-untyped-def]
    from smp_desktop.core.domain import ScarKind
    from smp_desktop.core.services.client_data import ScarEntry
    from smp_desktop.core.studio_db import open_studio
    from smp_desktop.paths import StudioPaths

    scars = (
        ScarEntry("back of head; ear to ear", ScarKind.FUT_STRIP, 'pale, "2 mm"'),
        ScarEntry("crown", ScarKind.FUE_DOTS),
    )
    kept = make_client(first_name="Kept", last_name="Scarred", scars=scars)
    gone = make_client(first_name="Gone", last_name="Archived")
    studio.services.clients.set_archived(owner, gone.id, True)
    exported = tmp_path / "all.csv"
    export_clients(studio.services.clients, owner, exported)

    with open_studio(StudioPaths(tmp_path / "other")) as other:
        other_owner = other.services.studio.create("Other", "Owner", country="GB")
        report = import_clients(other.services.clients, other_owner, exported)
        assert (
            report.imported == 2
            and report.rejected == []
            and report.notices == ["Ignored column(s): id (ids are given by the studio database)."]
        )
        records = {r.draft.first_name: r for r in other.services.clients.iter_records(other_owner)}
    assert records["Kept"].draft.scars == kept.draft.scars == scars
    assert records["Gone"].archived and not records["Kept"].archived


def test_a_bad_scars_cell_is_rejected_with_the_expected_shape(studio: OpenStudio, owner: Actor, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "scars.csv"
    path.write_text(
        'first_name,last_name,scars\nAnn,Lee,back of head\nBob,Lee,"[{""location"": ""crown""}]"\n', encoding="utf-8"
    )
    report = import_clients(studio.services.clients, owner, path)
    assert report.imported == 1
    assert [r.line for r in report.rejected] == [2] and "JSON list" in report.rejected[0].reason

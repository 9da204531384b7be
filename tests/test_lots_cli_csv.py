"""Lots to and from CSV (strict, round-trip, BOM) and the `lots recall / import / export` commands."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from smp_desktop.core.domain import ScalpZone, SessionKind
from smp_desktop.core.ink import LABEL_FIELDS, LabelCheck, LotStatus
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.ink_csv import LOT_COLUMNS, CsvFileError, CsvImportFailed
from smp_desktop.core.services.ink_data import LotDraft, ProductDraft
from smp_desktop.core.services.session_data import SessionDraft, ZoneEntry
from smp_desktop.core.studio_db import OpenStudio, open_studio
from smp_desktop.paths import StudioPaths
from tests.conftest import run_cli
from tests.consent_helpers import give_valid_consent

HEADER = "lot_number,brand,product,supplier,purchased_on,expires_on,status," + ",".join(LABEL_FIELDS)
ALL = ",".join(["present"] * 4 + ["not_applicable", "present"])


def write(path: Path, text: str, *, bom: bool = False) -> Path:
    path.write_bytes((("\ufeff" if bom else "") + text).encode("utf-8"))
    return path


def test_a_suppliers_list_with_a_bom_imports_products_and_lots(
    studio: OpenStudio, owner: Actor, tmp_path: Path
) -> None:
    csv_file = write(
        tmp_path / "supplier.csv",
        f"{HEADER}\r\n"
        f"SB-2407,Scalp Pigments Co.,Soft Black,Tattoo Supply Ltd,2026-03-01,2028-03-01,in_stock,{ALL}\r\n"
        f'CH-9,Inkline,"Charcoal ""Z"" Ø",Inkline Direct,2026-02-01,2027-02-01,opened,{ALL}\r\n'
        f"SB-2408,Scalp Pigments Co.,Soft Black,,,,,,,,,,\r\n"
        ",,,,,,,,,,,,\r\n",
        bom=True,
    )
    summary = studio.services.ink.import_lots(owner, csv_file)
    assert (summary.products_created, summary.lots_created, summary.lots_updated) == (2, 3, 0)
    lots = {lot.draft.lot_number: lot for lot in studio.services.ink.lots(owner)}
    assert lots["CH-9"].product_name == 'Charcoal "Z" Ø' and lots["CH-9"].draft.status is LotStatus.OPENED
    assert lots["SB-2407"].usable and lots["SB-2407"].draft.expires_on == date(2028, 3, 1)
    assert lots["SB-2408"].draft.label_batch_number is LabelCheck.UNCHECKED
    again = studio.services.ink.import_lots(owner, csv_file)  # the same list again updates, adds nothing
    assert (again.products_created, again.lots_created, again.lots_updated) == (0, 0, 3)


def test_every_bad_row_is_named_by_line_and_column_and_nothing_is_imported(
    studio: OpenStudio, owner: Actor, tmp_path: Path
) -> None:
    csv_file = write(
        tmp_path / "bad.csv",
        f"{HEADER}\n"
        f"OK-1,Brand,Shade,,2026-01-01,2027-01-01,in_stock,{ALL}\n"
        f",Brand,Shade,,01/02/2026,2027-01-01,in_stock,{ALL}\n"
        f"X-2,Brand,,,,,sold,{ALL}\n"
        f"X-3,Brand,Shade,,,,recalled,maybe,,,,,\n"
        f"OK-1,Brand,Shade,,,,,,,,,,\n",
    )
    with pytest.raises(CsvImportFailed) as failed:
        studio.services.ink.import_lots(owner, csv_file)
    found = {(p.line, p.column) for p in failed.value.problems}
    assert found == {
        (3, "lot_number"),
        (3, "purchased_on"),
        (4, "product"),
        (4, "status"),
        (5, "label_mixture_statement"),
        (5, "recalled_on"),
        (5, "recall_reason"),
        (6, "lot_number"),
    }
    assert "YYYY-MM-DD" in str(failed.value)
    assert studio.services.ink.lots(owner) == [] and studio.services.ink.products(owner) == []


def test_unreadable_files_are_refused_with_a_sentence(studio: OpenStudio, owner: Actor, tmp_path: Path) -> None:
    ink = studio.services.ink
    with pytest.raises(CsvFileError, match="does not exist"):
        ink.import_lots(owner, tmp_path / "missing.csv")
    with pytest.raises(CsvFileError, match="not UTF-8"):
        ink.import_lots(owner, write(tmp_path / "latin.csv", "x") and _latin1(tmp_path / "latin.csv"))
    with pytest.raises(CsvFileError, match="colour"):
        ink.import_lots(owner, write(tmp_path / "cols.csv", "lot_number,brand,product,colour\nA,B,C,red\n"))
    with pytest.raises(CsvFileError, match="no product column"):
        ink.import_lots(owner, write(tmp_path / "req.csv", "lot_number,brand\nA,B\n"))


def _latin1(path: Path) -> Path:
    path.write_bytes("lot_number,brand,product\nA,Bränd,C\n".encode("latin-1"))
    return path


def test_export_then_import_into_a_new_studio_gives_the_same_register(
    studio: OpenStudio, owner: Actor, tmp_path: Path
) -> None:
    ink = studio.services.ink
    product = ink.save_product(
        owner,
        ProductDraft('<b>Ann & "Co"</b>', "Νίκος Black; 王伟", swatch="#303030", months_after_opening=12),
    )
    checks = dict.fromkeys(LABEL_FIELDS, LabelCheck.PRESENT) | {"label_ph_regulator": LabelCheck.NOT_APPLICABLE}
    ink.save_lot(
        owner,
        LotDraft(product.id, "L,1;\"2\"", supplier="Дмитрий Supplies", purchased_on=date(2026, 1, 2),
                 expires_on=date(2028, 1, 2), opened_on=date(2026, 2, 3), quantity=3, bottle_ml=15.5,
                 status=LotStatus.OPENED, notes="line one\nline two", **checks),  # type: ignore[arg-type]
    )  # fmt: skip
    recalled = ink.save_lot(owner, LotDraft(product.id, "R-1", purchased_on=date(2026, 1, 2)))
    ink.recall(owner, recalled.id, "Nickel above the limit", source="Supplier notice", recalled_on=date(2026, 11, 1))
    out = tmp_path / "lots.csv"
    assert ink.export_lots(owner, out, bom=True) == 2
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert out.read_text(encoding="utf-8-sig").splitlines()[0].startswith(",".join(LOT_COLUMNS[:3]))

    with open_studio(StudioPaths(tmp_path / "other"), today=lambda: date(2026, 11, 25)) as other:
        other_owner = other.services.studio.create("Other", "Owner")
        summary = other.services.ink.import_lots(other_owner, out)
        assert (summary.lots_created, summary.recalls_recorded) == (2, 1)
        before = {lot.draft.lot_number: lot for lot in ink.lots(owner)}
        after = {lot.draft.lot_number: lot for lot in other.services.ink.lots(other_owner)}
        assert set(before) == set(after) == {'L,1;"2"', "R-1"}
        for number, lot in before.items():
            twin = after[number]
            assert twin.draft.replace(product_id=0) == lot.draft.replace(product_id=0)
            assert (twin.brand, twin.product_name, twin.swatch, twin.use_by) == (
                lot.brand, lot.product_name, lot.swatch, lot.use_by,
            )  # fmt: skip
        assert after["R-1"].recall is not None and after["R-1"].recall.reason == "Nickel above the limit"


# --- the command line --------------------------------------------------------------------------------------------
@pytest.fixture
def cli_studio(tmp_path: Path) -> Path:
    """A studio with two products sharing lot number "SHARED-1", one lot used in two clients' sessions."""
    paths = StudioPaths(tmp_path / "data")
    with open_studio(paths) as opened:
        owner = opened.services.studio.create("CLI Studio", "Olivia Owner", country="GB")
        ink, clients = opened.services.ink, opened.services.clients
        soft = ink.save_product(owner, ProductDraft("Scalp Pigments Co.", "Soft Black"))
        char = ink.save_product(owner, ProductDraft("Inkline", "Charcoal"))
        checks = dict.fromkeys(LABEL_FIELDS, LabelCheck.PRESENT)
        bottle = ink.save_lot(owner, LotDraft(soft.id, "SB-1", **checks))  # type: ignore[arg-type]
        ink.save_lot(owner, LotDraft(soft.id, "SHARED-1", **checks))  # type: ignore[arg-type]
        ink.save_lot(owner, LotDraft(char.id, "SHARED-1", **checks))  # type: ignore[arg-type]
        from smp_desktop.core.services.client_data import ClientDraft

        for first, last, phone in (("Zoë", "Łukasiewicz", "+44 161 496 0123"), ("محمد", "Ali", "")):
            client = clients.create(owner, ClientDraft(first_name=first, last_name=last, phone=phone))
            give_valid_consent(opened, owner, client.id)  # the completion gate
            draft = SessionDraft(
                kind=SessionKind.SESSION_1,
                starts_at=datetime(2026, 5, 4, 10).astimezone(),
                health_unchanged=True,
                zones=(ZoneEntry(ScalpZone.HAIRLINE, lot_id=bottle.id), ZoneEntry(ScalpZone.CROWN, lot_id=bottle.id)),
            )
            opened.services.sessions.create(owner, client.id, draft, complete=True)
    return paths.root


def test_lots_recall_prints_one_line_per_client_with_contact_details(
    cli_studio: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(capsys, "--data-dir", cli_studio, "lots", "recall", "sb-1", "--reason", "Nickel",
                             "--source", "Supplier")  # fmt: skip
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Lot SB-1 of Scalp Pigments Co. Soft Black is recalled. 2 client(s) received it in 2 session(s):"
    fields = [line.split("\t") for line in lines[1:]]
    assert [f[1] for f in fields] == ["Zoë Łukasiewicz", "محمد Ali"]  # name order
    zoe = next(f for f in fields if f[1] == "Zoë Łukasiewicz")
    assert zoe[2] == "+44 161 496 0123" and zoe[5] == "2026-05-04: hairline, crown"
    code, _, err = run_cli(capsys, "--data-dir", cli_studio, "lots", "recall", "SB-1", "--reason", "again")
    assert code == 1 and err.startswith("error: ") and "already recalled" in err


def test_lots_recall_of_an_unknown_or_ambiguous_lot_is_an_error(
    cli_studio: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(capsys, "--data-dir", cli_studio, "lots", "recall", "NOPE", "--reason", "x")
    assert code == 1 and out == "" and err == "error: No lot numbered 'NOPE' is in the ink register.\n"
    code, out, err = run_cli(capsys, "--data-dir", cli_studio, "lots", "recall", "SHARED-1", "--reason", "x")
    assert code == 1 and "2 products" in err and "--product" in err and "Traceback" not in err
    code, out, err = run_cli(
        capsys, "--data-dir", cli_studio, "lots", "recall", "SHARED-1", "--reason", "x", "--product", "charcoal"
    )
    assert code == 0 and "Inkline Charcoal is recalled. 0 client(s)" in out


def test_lots_export_and_import_on_the_command_line(
    cli_studio: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "lots.csv"
    code, out, _ = run_cli(capsys, "--data-dir", cli_studio, "lots", "export", out_file)
    assert code == 0 and out == f"3 lot(s) written to {out_file}.\n"
    code, out, _ = run_cli(capsys, "--data-dir", cli_studio, "lots", "import", out_file)
    assert code == 0 and out.startswith("0 lot(s) added, 3 updated")
    bad = write(tmp_path / "bad.csv", "lot_number,brand,product,expires_on\nA,B,C,soon\n")
    code, out, err = run_cli(capsys, "--data-dir", cli_studio, "lots", "import", bad)
    assert code == 1 and "line 2, column expires_on" in out and "nothing was imported" in err
    code, _, err = run_cli(capsys, "--data-dir", cli_studio, "lots", "export", tmp_path / "no" / "x.csv")
    assert code == 1 and "does not exist" in err


def test_products_round_trip_and_a_bad_products_file_names_its_rows(
    studio: OpenStudio, owner: Actor, tmp_path: Path
) -> None:
    ink = studio.services.ink
    ink.save_product(
        owner,
        ProductDraft('<b>Ann & "Co"</b>', "Soft Black", swatch="#2e2e2e", months_after_opening=12,
                     ingredients="Aqua, CI 77266\nGlycerin", warnings="Nickel < 5 mg/kg", suggested_dilutions="4 : 1"),
    )  # fmt: skip
    archived = ink.save_product(owner, ProductDraft("Inkline", "Old Grey", pigment_base="other"))  # type: ignore[arg-type]
    ink.set_product_archived(owner, archived.id, True)
    out = tmp_path / "products.csv"
    assert ink.export_products(owner, out) == 2
    with open_studio(StudioPaths(tmp_path / "other")) as other:
        other_owner = other.services.studio.create("Other", "Owner")
        summary = other.services.ink.import_products(other_owner, out)
        assert summary.products_created == 2
        before = [(p.draft, p.archived) for p in ink.products(owner, include_archived=True)]
        after = [(p.draft, p.archived) for p in other.services.ink.products(other_owner, include_archived=True)]
        assert after == before
    bad = write(tmp_path / "bad-products.csv", "brand,product,swatch,archived\nA,B,red,no\n,C,#000000,maybe\n")
    with pytest.raises(CsvImportFailed) as failed:
        ink.import_products(owner, bad)
    assert {(p.line, p.column) for p in failed.value.problems} == {(2, "swatch"), (3, "brand"), (3, "archived")}

"""The data-subject export: everything held on one client in one ZIP, written atomically, with a manifest whose
hashes match, the data as JSON and CSV that read back in any script, the photos and documents byte for byte as
the stores keep them, the record PDF, no other client's data, owner only, and audited."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pypdf
import pytest
from sqlalchemy import select
from test_export_helpers import HEALTH_NOTE, NOTE, TRICKY_NAMES, make_rich_client, sha256

from smp_desktop.core.domain import StaffRole
from smp_desktop.core.exports.names import safe_component
from smp_desktop.core.models import AuditEvent, StaffMember
from smp_desktop.core.progress import Progress, run_to_end
from smp_desktop.core.services.access import Actor, PermissionDenied
from smp_desktop.core.services.errors import NotFound
from smp_desktop.core.services.exports import ExportKind, ExportService
from smp_desktop.core.studio_db import OpenStudio


@pytest.fixture
def exports(studio: OpenStudio) -> ExportService:
    return ExportService(studio.sessions, studio.paths)


def read_zip(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def csv_rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM: spreadsheets then read the file as UTF-8
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_the_zip_holds_everything_on_the_client_and_the_manifest_proves_it(
    studio: OpenStudio, owner: Actor, exports: ExportService, tmp_path: Path
) -> None:
    rich = make_rich_client(studio, owner, tmp_path / "in")
    out = tmp_path / "out" / "export.zip"
    progress: list[Progress] = []
    result = run_to_end(exports.subject_export(owner, rich.client_id, out), progress.append)

    assert result is not None and result.path == out and result.problems == ()
    assert result.size_bytes == out.stat().st_size
    files = read_zip(out)
    manifest = json.loads(files.pop("manifest.json"))
    assert manifest["client_id"] == rich.client_id
    # every file but the manifest itself is listed, with the hash and size of the bytes in the ZIP
    assert sorted(entry["path"] for entry in manifest["files"]) == sorted(files)
    for entry in manifest["files"]:
        assert sha256(files[entry["path"]]) == entry["sha256"]
        assert len(files[entry["path"]]) == entry["size"]
    assert progress[-1].done == progress[-1].total and [p.done for p in progress] == sorted(p.done for p in progress)

    # the photos, byte-identical to the store's files
    photos = studio.services.photos.list_for_client(owner, rich.client_id)
    zipped_photos = {name: data for name, data in files.items() if name.startswith("photos/")}
    assert len(zipped_photos) == len(photos) == 3
    assert sorted(sha256(d) for d in zipped_photos.values()) == sorted(p.content_hash for p in photos)
    for photo in photos:
        stored = (studio.paths.photos / photo.stored_name).read_bytes()
        assert stored in zipped_photos.values()

    # the stored document, byte-identical, under a safe name whatever its title held
    documents = sorted(name for name in files if name.startswith("documents/"))
    assert len(documents) == 2  # the doctor's letter and the consent signed on screen
    letter, consent = documents
    assert all("/" not in name.removeprefix("documents/") and ".." not in name for name in documents)
    assert letter.endswith(".pdf") and "Νίκος" in letter and "signed_consent" in consent
    assert files[letter] == studio.services.documents.read_verified(owner, rich.document_id)
    signed = json.loads(files["data/subject.json"])["tables"]["consent_record"]["rows"][0]
    assert sha256(files[consent]) == signed["document_sha256"]

    # the record PDF, with health answers and photos
    reader = pypdf.PdfReader(io.BytesIO(files["record.pdf"]))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Łukasiewicz" in text and HEALTH_NOTE in text
    assert sum(len(page.images) for page in reader.pages) >= 3


def test_the_json_is_one_documented_structure_with_the_clients_rows_only(
    studio: OpenStudio, owner: Actor, exports: ExportService, tmp_path: Path
) -> None:
    rich = make_rich_client(studio, owner, tmp_path / "in")
    out = tmp_path / "export.zip"
    run_to_end(exports.subject_export(owner, rich.client_id, out))
    files = read_zip(out)
    document = json.loads(files["data/subject.json"])

    assert document["format"] == "smp-desktop/subject-export" and document["format_version"] == 1
    assert document["database_revision"] == "0005"
    assert document["client_id"] == rich.client_id
    assert document["controller"]["name"] == "Test Studio"
    assert document["exported_by"] == {"staff_id": owner.staff_id, "display_name": "Olivia Owner", "role": "owner"}
    tables = document["tables"]
    referenced = document["referenced"]
    client = tables["client"]["rows"]
    assert len(client) == 1 and client[0]["first_name"] == "Zoë" and client[0]["notes"] == NOTE
    assert client[0]["date_of_birth"] == "1985-04-02" and client[0]["reasons"] == ["thinning", "scar_concealment"]
    assert {c["name"] for c in tables["client"]["columns"]} >= {"id", "first_name", "created_at"}
    assert [s["id"] for s in tables["treatment_session"]["rows"]] == list(rich.session_ids)
    zones = tables["session_zone"]["rows"]
    assert [(z["zone"], z["dilution_water_parts"], z["lot_id"]) for z in zones] == [
        ("hairline", 3.0, rich.lot_id),
        ("crown", 2.0, rich.lot_id),
    ]
    assert [p["id"] for p in tables["photo"]["rows"]] == list(rich.photo_ids)
    assert tables["hairline_design"]["rows"][0]["shapes"]["hairline"]  # JSON columns stay JSON
    consent = tables["consent_record"]["rows"]
    assert len(consent) == 1 and consent[0]["signer_name"] == "Zoë Łukasiewicz"
    assert [d["id"] for d in tables["stored_document"]["rows"]] == [rich.document_id, consent[0]["document_id"]]
    assert tables["health_screening"]["rows"][0]["outcome"] == "eligible"
    assert referenced["consent_template"]["rows"][0]["name"] == "smp_treatment"
    assert [p["id"] for p in tables["removal_plan"]["rows"]] == [rich.plan_id]
    assert len(tables["removal_session"]["rows"]) == 1 and len(tables["removal_photo"]["rows"]) == 1
    # the audit trail about these rows: the client's creation, the photo imports, the design
    events = {(e["action"], e["entity"], e["entity_id"]) for e in tables["audit_event"]["rows"]}
    assert ("create", "client", rich.client_id) in events
    assert {("import", "photo", photo_id) for photo_id in rich.photo_ids} <= events
    # context: the lot and its product, the staff member (name and role only)
    assert referenced["pigment_lot"]["rows"][0]["lot_number"] == "LOT-2026-07"
    assert referenced["pigment_product"]["rows"][0]["brand"] == "Scalp Ink Co"
    assert referenced["staff_member"]["rows"] == [
        {"id": owner.staff_id, "display_name": "Olivia Owner", "role": "owner"}
    ]
    assert "client" not in referenced
    # nothing of the other client
    whole = files["data/subject.json"].decode()
    assert "not yours" not in whole and "Other shade" not in whole and "Person" not in whole
    assert all(row.get("client_id", rich.client_id) == rich.client_id for t in tables.values() for row in t["rows"])
    # the files section ties each photo and document to its row
    placed = {(f["table"], f["row_id"]) for f in document["files"]}
    documents = {("stored_document", rich.document_id), ("stored_document", consent[0]["document_id"])}
    assert placed == {("photo", p) for p in rich.photo_ids} | documents


def test_csv_files_read_back_with_names_in_every_script(
    studio: OpenStudio,
    owner: Actor,
    exports: ExportService,
    make_client,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    for first, last in TRICKY_NAMES:
        client = make_client(first_name=first, last_name=last, notes=f'line one\nline two, "{first}"')
        out = tmp_path / f"{client.id}.zip"
        run_to_end(exports.subject_export(owner, client.id, out))
        files = read_zip(out)
        rows = csv_rows(files["data/csv/client.csv"])
        assert len(rows) == 1
        assert (rows[0]["first_name"], rows[0]["last_name"]) == (first, last)
        assert rows[0]["notes"] == f'line one\nline two, "{first}"'
        assert rows[0]["archived"] == "false" and rows[0]["date_of_birth"] == ""
        audit = csv_rows(files["data/csv/audit_event.csv"])
        assert [(a["action"], a["entity"]) for a in audit] == [("create", "client")]


def test_csv_tables_match_the_json(studio: OpenStudio, owner: Actor, exports: ExportService, tmp_path: Path) -> None:
    rich = make_rich_client(studio, owner, tmp_path / "in")
    out = tmp_path / "export.zip"
    run_to_end(exports.subject_export(owner, rich.client_id, out))
    files = read_zip(out)
    document = json.loads(files["data/subject.json"])
    for name, table in document["tables"].items():
        rows = csv_rows(files[f"data/csv/{name}.csv"])
        assert [int(r["id"]) for r in rows] == [r["id"] for r in table["rows"]]
        assert list(rows[0]) == [c["name"] for c in table["columns"]]
    zones = csv_rows(files["data/csv/session_zone.csv"])
    assert zones[0]["needle"] == "1RL 0.25 mm" and zones[0]["dilution_water_parts"] == "3.0"
    designs = csv_rows(files["data/csv/hairline_design.csv"])
    assert json.loads(designs[0]["shapes"]) == document["tables"]["hairline_design"]["rows"][0]["shapes"]


def test_only_the_owner_may_export_everything_and_each_export_is_audited(
    studio: OpenStudio,
    owner: Actor,
    exports: ExportService,
    make_client,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    client = make_client(first_name="Zoë", last_name="Łukasiewicz")
    with studio.sessions.begin() as session:
        for name, role in (("Ann Artist", StaffRole.ARTIST), ("Rita Reception", StaffRole.RECEPTION)):
            session.add(StaffMember(display_name=name, role=role))
    for member in studio.services.studio.staff():
        if member.role is StaffRole.OWNER:
            continue
        actor = Actor(member.id, member.display_name, member.role)
        with pytest.raises(PermissionDenied):
            run_to_end(exports.subject_export(actor, client.id, tmp_path / "no.zip"))
    assert not (tmp_path / "no.zip").exists()

    out = tmp_path / "yes.zip"
    run_to_end(exports.subject_export(owner, client.id, out))
    with studio.sessions() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.action == "export")).all()
        assert [(e.staff_id, e.entity, e.entity_id) for e in events] == [(owner.staff_id, "client", client.id)]
        assert "data-subject export" in events[0].detail and str(out) in events[0].detail


def test_an_unknown_client_is_refused_before_any_file(exports: ExportService, owner: Actor, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    with pytest.raises(NotFound, match="Client #999"):
        run_to_end(exports.subject_export(owner, 999, folder / "x.zip"))
    assert not folder.exists()


def test_a_cancelled_export_leaves_no_file_and_keeps_an_older_one(
    studio: OpenStudio, owner: Actor, exports: ExportService, tmp_path: Path
) -> None:
    rich = make_rich_client(studio, owner, tmp_path / "in")
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "export.zip"
    out.write_bytes(b"the older export")
    steps = 0

    def stop() -> bool:
        return steps >= 2

    def count(_: Progress) -> None:
        nonlocal steps
        steps += 1

    result = run_to_end(exports.subject_export(owner, rich.client_id, out, should_stop=stop), count)
    assert result is None
    assert out.read_bytes() == b"the older export"
    assert sorted(p.name for p in folder.iterdir()) == ["export.zip"]  # no temporary file left behind
    with studio.sessions() as session:
        assert session.scalars(select(AuditEvent).where(AuditEvent.action == "export")).all() == []


def test_a_failure_midway_leaves_no_file(
    studio: OpenStudio, owner: Actor, exports: ExportService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rich = make_rich_client(studio, owner, tmp_path / "in")
    folder = tmp_path / "out"
    folder.mkdir()

    def broken(*_: object) -> bytes:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ExportService, "record_pdf_bytes", broken)
    with pytest.raises(OSError):
        run_to_end(exports.subject_export(owner, rich.client_id, folder / "export.zip"))
    assert list(folder.iterdir()) == []


def test_a_missing_photo_file_is_reported_and_the_rest_exported(
    studio: OpenStudio, owner: Actor, exports: ExportService, tmp_path: Path
) -> None:
    rich = make_rich_client(studio, owner, tmp_path / "in")
    photo = studio.services.photos.get(owner, rich.photo_ids[1])
    (studio.paths.photos / photo.stored_name).unlink()
    out = tmp_path / "export.zip"
    result = run_to_end(exports.subject_export(owner, rich.client_id, out))
    assert result is not None and len(result.problems) == 1
    assert f"Photo #{photo.id}" in result.problems[0] and "missing" in result.problems[0]
    files = read_zip(out)
    assert len([n for n in files if n.startswith("photos/")]) == 2
    assert json.loads(files["manifest.json"])["problems"] == list(result.problems)
    assert json.loads(files["data/subject.json"])["problems"] == list(result.problems)
    assert "Not included" in files["README.txt"].decode()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zoë Łukasiewicz", "Zoë Łukasiewicz"),
        ("../../etc/passwd", "etc-passwd"),
        ('<b>Ann & "Co"</b>', "b-Ann & -Co-b"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("   ", "file"),
        ("a\u202eexe.pdf", "aexe.pdf"),
        ("王伟" * 100, "王伟" * 20),
    ],
)
def test_safe_names(text: str, expected: str) -> None:
    assert safe_component(text) == expected


def test_suggested_names_are_safe_and_name_the_client(
    exports: ExportService,
    owner: Actor,
    make_client,  # type: ignore[no-untyped-def]
) -> None:
    client = make_client(first_name="Ann/..", last_name='<b>"Co"</b>')
    name = exports.suggested_file_name(owner, client.id, ExportKind.SUBJECT_ZIP)
    assert name.endswith(".zip") and "/" not in name and "\\" not in name and "<" not in name
    assert f"({client.id})" in name


def test_many_clients_at_once_one_file_each_named_from_the_client(
    studio: OpenStudio,
    owner: Actor,
    exports: ExportService,
    make_client,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    ids = [make_client(first_name=first, last_name=last).id for first, last in TRICKY_NAMES]
    folder = tmp_path / "batch"
    progress: list[Progress] = []
    kind = ExportKind.RECORD_PDF
    result = run_to_end(exports.export_many(owner, [*ids, 999], folder, kind), progress.append)

    assert not result.cancelled and len(result.exported) == len(ids)
    assert [f.client_id for f in result.failed] == [999] and "Client #999" in result.failed[0].reason
    assert sorted(p.name for p in folder.iterdir()) == sorted(r.path.name for r in result.exported)
    for exported in result.exported:
        assert exported.path.parent == folder and f"({exported.client_id})" in exported.path.name
        assert pypdf.PdfReader(exported.path).pages
    assert any("Νίκος" in p.name for p in folder.iterdir())
    assert progress[-1].done == progress[-1].total
    assert any("1 of 8:" in p.text for p in progress)


def test_a_cancelled_batch_keeps_the_finished_files_and_leaves_no_partial_one(
    studio: OpenStudio,
    owner: Actor,
    exports: ExportService,
    make_client,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    rich = make_rich_client(studio, owner, tmp_path / "in")
    ids = [make_client(first_name="Ann", last_name="First").id, rich.client_id, make_client(last_name="Last").id]
    folder = tmp_path / "batch"
    steps = exports.export_many(owner, ids, folder, ExportKind.SUBJECT_ZIP)
    # run until the second client's ZIP has its first photo in, then close the generator as the runner's Cancel does
    while True:
        progress = next(steps)
        if progress.done == 1 and "Photo #" in progress.text:
            break
    partial = [p for p in folder.iterdir() if p.name.endswith(".partial")]
    assert len(partial) == 1  # the second client's ZIP, being written
    steps.close()
    names = [p.name for p in folder.iterdir()]
    assert len(names) == 1 and names[0].endswith(".zip") and "First" in names[0]
    zipfile.ZipFile(folder / names[0]).testzip()


def test_a_stop_between_clients_is_reported(
    studio: OpenStudio,
    owner: Actor,
    exports: ExportService,
    make_client,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    ids = [make_client(first_name=f"Client {n}").id for n in range(3)]
    seen: list[Progress] = []

    def stop() -> bool:  # once the second client's turn has come: the first client's file is complete
        return any(p.done >= 1 for p in seen)

    result = run_to_end(
        exports.export_many(owner, ids, tmp_path / "b", ExportKind.SUBJECT_ZIP, should_stop=stop), seen.append
    )
    assert result.cancelled and len(result.exported) == 1 and result.skipped == 2
    assert len(list((tmp_path / "b").iterdir())) == len(result.exported)


def test_the_preview_is_audited_and_offers_a_safe_name(
    studio: OpenStudio,
    owner: Actor,
    exports: ExportService,
    make_client,  # type: ignore[no-untyped-def]
) -> None:
    from smp_desktop.core.services.exports import RecordOptions

    client = make_client(first_name="Zoë", last_name="Łukasiewicz")
    preview = exports.preview_record(owner, client.id, RecordOptions(with_health=True))
    assert preview.pdf.startswith(b"%PDF") and preview.file_name.endswith(".pdf")
    assert "Zoë Łukasiewicz" in preview.title
    with studio.sessions() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "export")).one()
    assert "the preview" in event.detail and "with health answers" in event.detail
    assert [c.name for c in exports.client_choices(owner)] == ["Łukasiewicz, Zoë"]

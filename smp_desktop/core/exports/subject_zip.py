"""The data-subject export's contents: README, the data as JSON (one document) and CSV (one file per table), the
photos and stored documents from their stores, and the record PDF, written into an AtomicZip.

The JSON document ("smp-desktop/subject-export", FORMAT_VERSION) is:

    format, format_version           what this is, and the version of this layout (bumped on any change)
    database_revision                the studio database's schema revision the tables follow
    application                      {"name", "version"} of the program that wrote it
    exported_at, exported_by         when (ISO 8601, UTC) and by whom ({"staff_id", "display_name", "role"})
    controller                       the studio holding the data: name, address, phone, email, website, country
    client_id                        the client's number
    tables                           {table: {"columns": [{"name", "type"}], "rows": [{column: value}]}}: the
                                     client's own rows (client, client_scar, treatment_session, session_zone,
                                     photo, hairline_design, consents, stored_document, removal plans, …) and
                                     audit_event (who did what to these rows, and when)
    referenced                       the same layout for rows the client's rows point at that are not theirs
                                     (staff names and roles, pigment lots and products, consent templates, …)
    files                            [{"path", "table", "row_id", "sha256", "size"}]: the photos and documents
                                     in this ZIP and the row each belongs to
    problems                         sentences about anything that could not be included (a missing file)

Values: times ISO 8601 with their offset (stored in UTC), dates ISO, choices their stored text, binary base64,
JSON columns as JSON. The CSV files (data/csv/<table>.csv, referenced rows under data/csv/referenced/) are UTF-8
with a byte-order mark (spreadsheets then read every script), a header row of column names, RFC 4180 quoting;
an empty cell is no value, true/false are booleans, lists and JSON are JSON text."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Generator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from smp_desktop import APP_NAME, __version__
from smp_desktop.core.exports.archive import AtomicZip
from smp_desktop.core.exports.names import safe_component, safe_suffix
from smp_desktop.core.exports.subject_data import SubjectData, TableRows, csv_value, json_value
from smp_desktop.core.progress import Progress

FORMAT = "smp-desktop/subject-export"
FORMAT_VERSION = 1
JSON_PATH = "data/subject.json"
CSV_FOLDER = "data/csv"
RECORD_PATH = "record.pdf"
README_PATH = "README.txt"


@dataclass(frozen=True, slots=True)
class StoredFileRef:
    """A file a row names in one of the studio's stores (a photo, a stored document)."""

    table: str
    row_id: int
    source: Path
    zip_path: str
    content_hash: str
    what: str  # "photo #12 (IMG_0001.jpg)", for a problem's sentence


@dataclass(frozen=True, slots=True)
class SubjectHeader:
    client_id: int
    client_name: str
    database_revision: str
    exported_at: datetime
    exported_by: dict[str, Any]
    controller: dict[str, Any]


# Where a table's rows keep their files, and how a row's file is named in the ZIP.
def stored_files(data: SubjectData, photos: Path, documents: Path) -> list[StoredFileRef]:
    found: list[StoredFileRef] = []
    photo_rows = data.table("photo")
    for row in photo_rows.dicts() if photo_rows else ():
        taken = row["taken_at"].date().isoformat() if isinstance(row["taken_at"], datetime) else ""
        view = json_value(row["view"]) or "photo"
        suffix = safe_suffix(PurePosixPath(row["stored_name"]).suffix) or ".jpg"
        name = f"photos/{row['id']:04d} {safe_component(f'{view} {taken}'.strip(), 'photo')}{suffix}"
        what = f"Photo #{row['id']} ({row['original_filename'] or row['stored_name']})"
        found.append(StoredFileRef("photo", row["id"], photos / row["stored_name"], name, row["content_hash"], what))
    document_rows = data.table("stored_document")
    for row in document_rows.dicts() if document_rows else ():
        title = safe_component(f"{json_value(row['kind'])} {row['title']}", "document")
        suffix = safe_suffix(PurePosixPath(row["stored_name"]).suffix) or safe_suffix(
            PurePosixPath(row["original_filename"] or "").suffix
        )
        name = f"documents/{row['id']:04d} {title}{suffix}"
        what = f"Document #{row['id']} ({row['title'] or row['original_filename']})"
        found.append(
            StoredFileRef("stored_document", row["id"], documents / row["stored_name"], name, row["content_hash"], what)
        )
    return found


def write_subject_zip(
    archive: AtomicZip,
    header: SubjectHeader,
    data: SubjectData,
    files: list[StoredFileRef],
    record_pdf: Callable[[], bytes],
    should_stop: Callable[[], bool],
) -> Generator[Progress, None, tuple[str, ...] | None]:
    """Fill archive (everything but the manifest); the problems met, or None when should_stop() stopped it."""
    total = len(files) + 2
    problems: list[str] = []
    placed: list[dict[str, Any]] = []
    for done, ref in enumerate(files):
        if should_stop():
            return None
        yield Progress(done, total, f"{ref.what}")
        if not ref.source.is_file():
            problems.append(
                f"{ref.what} is missing from the studio's files, so it is not in this export; restore it from a "
                "backup and export again."
            )
            continue
        entry = archive.add_file(ref.zip_path, ref.source)
        if entry.sha256 != ref.content_hash:
            problems.append(
                f"{ref.what} no longer matches the hash recorded when it was stored (the file on disk is damaged); "
                "it is included as it is now. Restore it from a backup and export again."
            )
        placed.append(
            {
                "path": entry.path,
                "table": ref.table,
                "row_id": ref.row_id,
                "sha256": entry.sha256,
                "size": entry.size_bytes,
            }
        )
    if should_stop():
        return None
    yield Progress(len(files), total, "the record PDF")
    archive.add_bytes(RECORD_PATH, record_pdf())
    if should_stop():
        return None
    yield Progress(len(files) + 1, total, "the data")
    archive.add_bytes(JSON_PATH, subject_json(header, data, placed, problems))
    for table in data.tables:
        archive.add_bytes(f"{CSV_FOLDER}/{table.name}.csv", table_csv(table))
    for table in data.referenced:
        archive.add_bytes(f"{CSV_FOLDER}/referenced/{table.name}.csv", table_csv(table))
    archive.add_bytes(README_PATH, readme(header, data, len(placed), problems).encode("utf-8"))
    yield Progress(total, total, "done")
    return tuple(problems)


def subject_json(header: SubjectHeader, data: SubjectData, files: list[dict[str, Any]], problems: list[str]) -> bytes:
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "database_revision": header.database_revision,
        "application": {"name": APP_NAME, "version": __version__},
        "exported_at": header.exported_at.isoformat(),
        "exported_by": header.exported_by,
        "controller": header.controller,
        "client_id": header.client_id,
        "tables": {t.name: _table_json(t) for t in data.tables},
        "referenced": {t.name: _table_json(t) for t in data.referenced},
        "files": files,
        "problems": problems,
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def _table_json(table: TableRows) -> dict[str, Any]:
    return {
        "columns": [{"name": name, "type": kind} for name, kind in table.columns],
        "rows": [{k: json_value(v) for k, v in row.items()} for row in table.dicts()],
    }


def table_csv(table: TableRows) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.column_names)
    for row in table.rows:
        writer.writerow([csv_value(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def readme(header: SubjectHeader, data: SubjectData, file_count: int, problems: list[str]) -> str:
    studio = header.controller.get("name", "")
    lines = [
        f"Everything {studio} holds on {header.client_name} (client #{header.client_id})",
        f"Exported {header.exported_at.strftime('%d %B %Y, %H:%M UTC')} by {header.exported_by['display_name']}, "
        f"with {APP_NAME} {__version__}.",
        "",
        "What is in this file:",
        f"  {RECORD_PATH:<22} the whole record as one document, with health answers and photos",
        f"  {JSON_PATH:<22} all the data, as one JSON document (its layout: format {FORMAT} v{FORMAT_VERSION})",
        f"  {CSV_FOLDER + '/':<22} the same data as spreadsheets, one per table (UTF-8)",
        f"  {'photos/':<22} the photos as kept by the studio (location and camera details were removed on import)",
        f"  {'documents/':<22} every document kept on the record (signed consents, letters, scans)",
        f"  {'manifest.json':<22} the SHA-256 and size of every file above, to check that nothing was changed",
        "",
        f"Tables: {', '.join(f'{t.name} ({len(t.rows)})' for t in data.tables)}.",
        f"Photos and documents: {file_count}.",
    ]
    if problems:
        lines += ["", "Not included:"] + [f"  - {p}" for p in problems]
    return "\r\n".join(lines) + "\r\n"

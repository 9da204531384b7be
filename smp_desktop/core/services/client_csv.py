"""Clients to and from UTF-8 CSV: the file format other tools rely on (columns named as in the README).

Import checks every row like the client form does, reports each rejected row by line number and reason, and
saves the accepted rows in one transaction; export writes every client, archived included.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from smp_desktop.core.domain import (
    AlopeciaPattern,
    Greying,
    HairLengthWish,
    HairlineStyle,
    ReferralSource,
    ScalpCondition,
    ScarKind,
    TreatmentReason,
)
from smp_desktop.core.services.access import Actor, Permission, require
from smp_desktop.core.services.client_data import ClientDraft, ScarEntry
from smp_desktop.core.services.client_validation import CheckedClient
from smp_desktop.core.services.clients import ClientService
from smp_desktop.core.services.errors import ValidationFailed

REQUIRED_COLUMNS = ("first_name", "last_name")
# The documented columns first, in this order; the rest of the record follows.
BASE_COLUMNS = ("first_name", "last_name", "date_of_birth", "phone", "email", "notes")
EXTRA_COLUMNS = (
    "preferred_name", "address_line1", "address_line2", "city", "postcode", "country",
    "emergency_contact_name", "emergency_contact_phone", "emergency_contact_relation",
    "referral_source", "referral_detail", "reasons", "norwood_stage", "alopecia_pattern", "alopecia_temporary",
    "hair_colour", "greying", "fitzpatrick_type", "scalp_condition", "scalp_condition_notes", "hairline_style",
    "hair_length_wish", "scars",
)  # fmt: skip
EXPORT_COLUMNS = ("id", *BASE_COLUMNS, *EXTRA_COLUMNS, "archived")
IMPORT_COLUMNS = frozenset((*BASE_COLUMNS, *EXTRA_COLUMNS, "archived"))
_ENUM_COLUMNS: dict[str, type[StrEnum]] = {
    "referral_source": ReferralSource,
    "alopecia_pattern": AlopeciaPattern,
    "greying": Greying,
    "scalp_condition": ScalpCondition,
    "hairline_style": HairlineStyle,
    "hair_length_wish": HairLengthWish,
}
_LIST_SEPARATOR = ";"


class CsvFileError(Exception):
    """The file as a whole cannot be read (encoding, header); nothing was imported."""


@dataclass(frozen=True, slots=True)
class RejectedRow:
    line: int
    reason: str


@dataclass(slots=True)
class ImportReport:
    imported: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def import_clients(service: ClientService, actor: Actor, path: Path, *, allow_duplicates: bool = False) -> ImportReport:
    require(actor, Permission.IMPORT_EXPORT_CLIENTS)
    report = ImportReport()
    accepted: list[CheckedClient] = []
    archived: list[bool] = []
    seen: dict[str, int] = {}  # duplicate keys within the file -> first line
    for line, row in _read_rows(path, report):
        try:
            draft = _draft_from_row(row)
            checked = service.check(draft)
        except ValidationFailed as exc:
            report.rejected.append(RejectedRow(line, "; ".join(p.message for p in exc.problems)))
            continue
        except ValueError as exc:
            report.rejected.append(RejectedRow(line, str(exc)))
            continue
        if not allow_duplicates:
            reason = _duplicate_reason(service, actor, checked, seen, line)
            if reason:
                report.rejected.append(RejectedRow(line, reason))
                continue
        accepted.append(checked)
        archived.append(_parse_yes(row.get("archived", "")))
    if accepted:
        report.imported = service.create_many(actor, accepted, action="import", archived=archived)
    return report


def _duplicate_reason(
    service: ClientService, actor: Actor, checked: CheckedClient, seen: dict[str, int], line: int
) -> str | None:
    matches = service.possible_duplicates(actor, checked.draft)
    if matches:
        return f"may already exist as {matches[0].display_name} (#{matches[0].id}); use --allow-duplicates to import"
    draft = checked.draft
    keys = [k for k in (checked.phone_e164, checked.email_key) if k]
    if draft.date_of_birth:
        keys.append(f"{draft.first_name.casefold()}|{draft.last_name.casefold()}|{draft.date_of_birth}")
    for key in keys:
        if key in seen:
            return f"repeats the client on line {seen[key]}"
    for key in keys:
        seen[key] = line
    return None


def _read_rows(path: Path, report: ImportReport) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CsvFileError(f"Cannot read {path}: {exc.strerror}.") from exc
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CsvFileError(
            f"{path.name} is not UTF-8 text (first bad byte on line {line}). Save it as “CSV UTF-8” and try again."
        ) from exc
    if "\x00" in content:
        raise CsvFileError(f"{path.name} contains NUL bytes: it is not a CSV text file.")
    # A plain reader, not DictReader: DictReader skips blank lines inside next(), which would report the
    # row after a blank line at the blank line's number.
    reader = csv.reader(io.StringIO(content, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise CsvFileError(f"{path.name}: the header row cannot be read ({exc}).") from exc
    if not header:
        raise CsvFileError(f"{path.name} is empty: it needs a header row such as first_name,last_name,....")
    header = [name.strip() for name in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise CsvFileError(f"{path.name} has no {', '.join(missing)} column; the header row is: {','.join(header)}")
    unknown = [c for c in header if c not in IMPORT_COLUMNS]
    if unknown:
        ids = " (ids are given by the studio database)" if "id" in unknown else ""
        report.notices.append(f"Ignored column(s): {', '.join(unknown)}{ids}.")
    line = reader.line_num + 1
    while True:
        start = line
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            report.rejected.append(RejectedRow(start, f"cannot be read as CSV ({exc})"))
            return
        line = reader.line_num + 1
        if len(cells) > len(header):
            report.rejected.append(RejectedRow(start, f"has more fields than the header's {len(header)} columns"))
            continue
        if all(not v.strip() for v in cells):
            continue  # blank lines are not clients
        yield start, dict(zip(header, [*cells, *[""] * (len(header) - len(cells))], strict=True))


def _draft_from_row(row: dict[str, str]) -> ClientDraft:
    values: dict[str, Any] = {}
    for name, text in row.items():
        if name not in IMPORT_COLUMNS or name == "archived":
            continue
        if name == "date_of_birth":
            values[name] = _parse_date(text)
        elif name in _ENUM_COLUMNS:
            values[name] = _parse_enum(name, text)
        elif name == "reasons":
            values[name] = tuple(
                _parse_enum(name, part, TreatmentReason) for part in text.split(_LIST_SEPARATOR) if part.strip()
            )
        elif name == "fitzpatrick_type":
            values[name] = _parse_int(name, text)
        elif name == "alopecia_temporary":
            values[name] = _parse_yes(text)
        elif name == "scars":
            values[name] = _parse_scars(text)
        else:
            values[name] = text
    return ClientDraft(**values)


def _parse_yes(text: str) -> bool:
    return text.strip().lower() in {"1", "true", "yes", "y"}


def _parse_scars(text: str) -> tuple[ScarEntry, ...]:
    """Scars are a JSON list of {"location", "kind", "notes"} objects in one cell."""
    if not text.strip():
        return ()
    try:
        items = json.loads(text)
        if not isinstance(items, list):
            raise TypeError
        return tuple(
            ScarEntry(str(item["location"]), ScarKind(item.get("kind") or "other"), str(item.get("notes", "")))
            for item in items
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        raise ValueError(
            'scars must be a JSON list such as [{"location": "back of head", "kind": "fut_strip", "notes": ""}]; '
            f"kinds: {', '.join(k.value for k in ScarKind)}"
        ) from None


def _parse_date(text: str) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"date_of_birth “{text}” is not a date in the form YYYY-MM-DD") from None


def _parse_int(name: str, text: str) -> int | None:
    if not text.strip():
        return None
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"{name} “{text}” is not a whole number") from None


def _parse_enum(name: str, text: str, enum_type: type[StrEnum] | None = None) -> Any:
    enum_type = enum_type or _ENUM_COLUMNS[name]
    if not text.strip():
        return None
    try:
        return enum_type(text.strip())
    except ValueError:
        choices = ", ".join(m.value for m in enum_type)
        raise ValueError(f"{name} “{text}” is not one of: {choices}") from None


def export_clients(service: ClientService, actor: Actor, path: Path, *, bom: bool = False) -> int:
    """Write every client to path atomically (a temporary file renamed into place). Returns the row count."""
    require(actor, Permission.IMPORT_EXPORT_CLIENTS)
    path = path.resolve()
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, then renamed into place
        "w",
        encoding="utf-8-sig" if bom else "utf-8",
        newline="",
        dir=path.parent,
        prefix=f".{path.name}.",
        delete=False,
    )
    count = 0
    try:
        with handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(EXPORT_COLUMNS)
            for record in service.iter_records(actor, include_archived=True):
                writer.writerow(_row(record.id, record.draft, record.archived))
                count += 1
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    return count


def _row(client_id: int, draft: ClientDraft, archived: bool) -> list[str]:
    cells: list[str] = [str(client_id)]
    for name in (*BASE_COLUMNS, *EXTRA_COLUMNS):
        value = getattr(draft, name)
        if value is None:
            cells.append("")
        elif name == "reasons":
            cells.append(_LIST_SEPARATOR.join(r.value for r in value))
        elif name == "scars":
            scars = [{"location": s.location, "kind": s.kind.value, "notes": s.notes} for s in value]
            cells.append(json.dumps(scars, ensure_ascii=False) if scars else "")
        elif isinstance(value, bool):
            cells.append("yes" if value else "")
        elif isinstance(value, date):
            cells.append(value.isoformat())
        elif isinstance(value, StrEnum):
            cells.append(value.value)
        else:
            cells.append(str(value))
    cells.append("yes" if archived else "")
    return cells

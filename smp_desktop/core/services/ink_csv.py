"""The ink register to and from CSV, so a studio can start from its supplier's list.

Lots file (one row per lot; the product is named by brand and product and made when it is not in the catalogue):
    lot_number, brand, product, supplier, purchased_on, expires_on, opened_on, quantity, bottle_ml, status,
    label_mixture_statement, label_batch_number, label_ingredients, label_ph_regulator, label_nickel_chromium,
    label_safety_instructions, notes, recalled_on, recall_reason, recall_source,
    swatch, pigment_base, months_after_opening          (product details, used when the product is new)
    use_by, usability                                    (written on export, ignored on import)
Products file: brand, product, swatch, pigment_base, months_after_opening, ingredients, warnings,
    suggested_dilutions, notes, archived.

Only lot_number, brand and product are required; other columns may be left out. Dates are YYYY-MM-DD; a label
item is present, missing, not_applicable or empty (not checked; yes/no are read as present/missing); status is
in_stock, opened, used_up, expired or recalled (a recalled row needs recalled_on and recall_reason). The file is
UTF-8, with or without a byte-order mark, comma- or semicolon-separated. Import is strict: every row is checked
first and any problem (named by line and column) stops the import with nothing written. A lot already in the
register (same product and lot number) is updated from its row; a recall is never undone by an import.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from smp_desktop.core.ink import LABEL_FIELDS, USABILITY_LABELS, LabelCheck, LotStatus, PigmentBase
from smp_desktop.core.photos.store import write_atomically
from smp_desktop.core.services.errors import ValidationFailed
from smp_desktop.core.services.ink_data import LotDraft, LotRecord, ProductDraft, ProductRecord, RecallReport
from smp_desktop.core.services.ink_validation import check_lot, check_product, check_recall

LOT_COLUMNS = (
    "lot_number", "brand", "product", "supplier", "purchased_on", "expires_on", "opened_on", "quantity", "bottle_ml",
    "status", *LABEL_FIELDS, "notes", "recalled_on", "recall_reason", "recall_source",
    "swatch", "pigment_base", "months_after_opening",
)  # fmt: skip
LOT_EXPORT_ONLY = ("use_by", "usability")
PRODUCT_COLUMNS = ("brand", "product", "swatch", "pigment_base", "months_after_opening", "ingredients", "warnings",
                   "suggested_dilutions", "notes", "archived")  # fmt: skip
REQUIRED = ("lot_number", "brand", "product")
MAX_FILE_BYTES = 20 * 1024 * 1024
_LABEL_WORDS = {
    "": LabelCheck.UNCHECKED,
    "unchecked": LabelCheck.UNCHECKED,
    "present": LabelCheck.PRESENT,
    "yes": LabelCheck.PRESENT,
    "missing": LabelCheck.MISSING,
    "no": LabelCheck.MISSING,
    "not_applicable": LabelCheck.NOT_APPLICABLE,
    "n/a": LabelCheck.NOT_APPLICABLE,
}
# Product draft field → the products file's column.
_PRODUCT_FIELD_COLUMN = {"name": "product"}


class CsvFileError(Exception):
    """The file cannot be read as a CSV of this kind (not found, not UTF-8, no header, unknown columns)."""


@dataclass(frozen=True, slots=True)
class CsvProblem:
    line: int  # 1-based line in the file (the header is line 1)
    column: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}: {self.message}"


class CsvImportFailed(Exception):
    """Some rows are not acceptable; nothing was imported."""

    def __init__(self, problems: Sequence[CsvProblem]) -> None:
        self.problems = tuple(problems)
        shown = "; ".join(str(p) for p in self.problems[:5])
        more = f" (and {len(self.problems) - 5} more)" if len(self.problems) > 5 else ""
        super().__init__(f"{len(self.problems)} problem(s), nothing was imported: {shown}{more}")


@dataclass(frozen=True, slots=True)
class LotRow:
    """One checked row of a lots file: the product it names (its details used when it is new), the lot
    (product_id 0 until the product is known) and its recall (date, reason, source) when recalled."""

    line: int
    product: ProductDraft
    lot: LotDraft
    recall: tuple[date, str, str] | None = None
    product_columns: frozenset[str] = frozenset()  # product details the row gave


@dataclass(frozen=True, slots=True)
class ImportSummary:
    products_created: int = 0
    lots_created: int = 0
    lots_updated: int = 0
    recalls_recorded: int = 0
    created_products: tuple[str, ...] = field(default_factory=tuple)


# --- reading -----------------------------------------------------------------------------------------------------
def read_rows(path: Path, allowed: Iterable[str], required: Iterable[str]) -> list[tuple[int, dict[str, str]]]:
    """The file's rows as (line number, {column: text}), columns lower-cased; blank rows skipped."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CsvFileError(f"The file {path} does not exist.") from None
    except IsADirectoryError:
        raise CsvFileError(f"{path} is a folder; give a CSV file.") from None
    except OSError as exc:
        raise CsvFileError(f"The file {path} cannot be read: {exc.strerror or exc}.") from None
    if len(data) > MAX_FILE_BYTES:
        raise CsvFileError(f"The file {path} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; split it.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CsvFileError(
            f"The file {path} is not UTF-8 text (byte {exc.start + 1}); save it as CSV UTF-8 and try again."
        ) from None
    if not text.strip():
        raise CsvFileError(f"The file {path} is empty.")
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader)]
    allowed_set = set(allowed)
    unknown = [h for h in header if h not in allowed_set]
    if unknown:
        raise CsvFileError(
            f"The file {path} has column(s) this import does not know: {', '.join(unknown)}. "
            f"The columns are: {', '.join(a for a in allowed if a)}."
        )
    duplicated = sorted({h for h in header if header.count(h) > 1})
    if duplicated:
        raise CsvFileError(f"The file {path} has the column(s) {', '.join(duplicated)} more than once.")
    missing = [r for r in required if r not in header]
    if missing:
        raise CsvFileError(f"The file {path} has no {', '.join(missing)} column; it is required.")
    rows = []
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(header):
            rows.append((line, {"\0extra": str(len(values))}))
            continue
        rows.append((line, {h: (values[i] if i < len(values) else "") for i, h in enumerate(header)}))
    return rows


def parse_lot_rows(path: Path) -> list[LotRow]:
    """Every row of a lots file checked; CsvImportFailed names each problem by line and column."""
    rows = read_rows(path, (*LOT_COLUMNS, *LOT_EXPORT_ONLY), REQUIRED)
    problems: list[CsvProblem] = []
    parsed: list[LotRow] = []
    seen: dict[tuple[str, str, str], int] = {}
    for line, row in rows:
        if "\0extra" in row:
            count = row["\0extra"]
            problems.append(CsvProblem(line, "-", f"the row has {count} values, more than the header"))
            continue
        found = _lot_row(line, row, problems)
        if found is None:
            continue
        key = (found.product.brand.casefold(), found.product.name.casefold(), found.lot.lot_number.casefold())
        if key in seen:
            problems.append(CsvProblem(line, "lot_number", f"the same lot is on line {seen[key]} already"))
            continue
        seen[key] = line
        parsed.append(found)
    if problems:
        raise CsvImportFailed(problems)
    return parsed


def parse_product_rows(path: Path) -> list[tuple[int, ProductDraft, bool]]:
    rows = read_rows(path, PRODUCT_COLUMNS, ("brand", "product"))
    problems: list[CsvProblem] = []
    parsed = []
    seen: dict[tuple[str, str], int] = {}
    for line, row in rows:
        if "\0extra" in row:
            problems.append(CsvProblem(line, "-", "the row has more values than the header"))
            continue
        draft = _product_draft(line, row, problems)
        archived = _parse_yes(line, "archived", row.get("archived", ""), problems)
        if draft is None:
            continue
        key = (draft.brand.casefold(), draft.name.casefold())
        if key in seen:
            problems.append(CsvProblem(line, "product", f"the same product is on line {seen[key]} already"))
            continue
        seen[key] = line
        parsed.append((line, draft, archived))
    if problems:
        raise CsvImportFailed(problems)
    return parsed


def _lot_row(line: int, row: dict[str, str], problems: list[CsvProblem]) -> LotRow | None:
    before = len(problems)
    product = _product_draft(line, row, problems)

    def get(name: str) -> str:
        return row.get(name, "").strip()

    values: dict[str, Any] = {
        "lot_number": get("lot_number"),
        "supplier": get("supplier"),
        "notes": row.get("notes", "").strip(),
        "purchased_on": _parse_date(line, "purchased_on", get("purchased_on"), problems),
        "expires_on": _parse_date(line, "expires_on", get("expires_on"), problems),
        "opened_on": _parse_date(line, "opened_on", get("opened_on"), problems),
        "quantity": _parse_int(line, "quantity", get("quantity"), problems, default=1),
        "bottle_ml": _parse_float(line, "bottle_ml", get("bottle_ml"), problems),
        "status": _parse_enum(line, "status", get("status") or LotStatus.IN_STOCK.value, LotStatus, problems),
    }
    for name in LABEL_FIELDS:
        word = get(name).lower()
        if word not in _LABEL_WORDS:
            problems.append(CsvProblem(line, name, f"{get(name)!r} is not present, missing, not_applicable or empty"))
        values[name] = _LABEL_WORDS.get(word, LabelCheck.UNCHECKED)
    if not values["lot_number"]:
        problems.append(CsvProblem(line, "lot_number", "the lot (batch) number is required"))
    recall = None
    if values["status"] is LotStatus.RECALLED:
        recalled_on = _parse_date(line, "recalled_on", get("recalled_on"), problems)
        reason = row.get("recall_reason", "").strip()
        if recalled_on is None:
            problems.append(CsvProblem(line, "recalled_on", "a recalled lot needs its recall date (YYYY-MM-DD)"))
        if not reason:
            problems.append(CsvProblem(line, "recall_reason", "a recalled lot needs the reason for the recall"))
        if recalled_on is not None and reason:
            try:
                reason, source = check_recall(reason, get("recall_source"), recalled_on, today=date.max)
                recall = (recalled_on, reason, source)
            except ValidationFailed as failed:
                problems += [CsvProblem(line, _recall_column(p.field), p.message) for p in failed.problems]
    if len(problems) > before or product is None:
        return None
    draft = LotDraft(product_id=0, **values)
    try:
        draft = check_lot(draft, today=date.max)
    except ValidationFailed as failed:
        problems += [CsvProblem(line, p.field, p.message) for p in failed.problems]
        return None
    given = frozenset(c for c in ("swatch", "pigment_base", "months_after_opening") if get(c))
    return LotRow(line, product, draft, recall, given)


def _recall_column(name: str) -> str:
    return {"reason": "recall_reason", "source": "recall_source"}.get(name, name)


def _product_draft(line: int, row: dict[str, str], problems: list[CsvProblem]) -> ProductDraft | None:
    def get(name: str) -> str:
        return row.get(name, "").strip()

    before = len(problems)
    months = _parse_int(line, "months_after_opening", get("months_after_opening"), problems, default=None)
    base = _parse_enum(line, "pigment_base", get("pigment_base") or "carbon_black", PigmentBase, problems)
    draft = ProductDraft(
        brand=get("brand"),
        name=get("product"),
        swatch=get("swatch") or "#1a1a1a",
        pigment_base=base or PigmentBase.CARBON_BLACK,
        months_after_opening=months,
        ingredients=row.get("ingredients", "").strip(),
        warnings=row.get("warnings", "").strip(),
        suggested_dilutions=get("suggested_dilutions"),
        notes=row.get("notes", "").strip() if "lot_number" not in row else "",
    )
    try:
        draft = check_product(draft)
    except ValidationFailed as failed:
        problems += [CsvProblem(line, _PRODUCT_FIELD_COLUMN.get(p.field, p.field), p.message) for p in failed.problems]
    return None if len(problems) > before else draft


def _parse_date(line: int, column: str, text: str, problems: list[CsvProblem]) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        problems.append(CsvProblem(line, column, f"{text!r} is not a date written YYYY-MM-DD"))
        return None


def _parse_int(line: int, column: str, text: str, problems: list[CsvProblem], *, default: int | None) -> Any:
    if not text:
        return default
    try:
        return int(text)
    except ValueError:
        problems.append(CsvProblem(line, column, f"{text!r} is not a whole number"))
        return default


def _parse_float(line: int, column: str, text: str, problems: list[CsvProblem]) -> float | None:
    if not text:
        return None
    try:
        return float(text.replace(",", "."))
    except ValueError:
        problems.append(CsvProblem(line, column, f"{text!r} is not a number"))
        return None


def _parse_enum(line: int, column: str, text: str, enum_type: type[StrEnum], problems: list[CsvProblem]) -> Any:
    try:
        return enum_type(text.lower())
    except ValueError:
        choices = ", ".join(e.value for e in enum_type)
        problems.append(CsvProblem(line, column, f"{text!r} is not one of {choices}"))
        return None


def _parse_yes(line: int, column: str, text: str, problems: list[CsvProblem]) -> bool:
    word = text.strip().lower()
    if word in ("", "no", "false", "0"):
        return False
    if word in ("yes", "true", "1"):
        return True
    problems.append(CsvProblem(line, column, f"{text!r} is not yes or no"))
    return False


# --- writing -----------------------------------------------------------------------------------------------------
def lots_csv(lots: Iterable[LotRecord], products: dict[int, ProductRecord], *, bom: bool = False) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow((*LOT_COLUMNS, *LOT_EXPORT_ONLY))
    for lot in lots:
        draft = lot.draft
        product = products.get(draft.product_id)
        recall = lot.recall
        writer.writerow(
            [
                draft.lot_number,
                lot.brand,
                lot.product_name,
                draft.supplier,
                _date(draft.purchased_on),
                _date(draft.expires_on),
                _date(draft.opened_on),
                str(draft.quantity),
                "" if draft.bottle_ml is None else f"{draft.bottle_ml:g}",
                draft.status.value,
                *(getattr(draft, name).value if getattr(draft, name) is not LabelCheck.UNCHECKED else ""
                  for name in LABEL_FIELDS),
                draft.notes,
                _date(recall.recalled_on) if recall else "",
                recall.reason if recall else "",
                recall.source if recall else "",
                product.draft.swatch if product else lot.swatch,
                product.draft.pigment_base.value if product else "",
                "" if product is None or product.draft.months_after_opening is None
                else str(product.draft.months_after_opening),
                _date(lot.use_by),
                "; ".join(USABILITY_LABELS[u] for u in lot.usability),
            ]
        )  # fmt: skip
    return (("\ufeff" if bom else "") + out.getvalue()).encode("utf-8")


def products_csv(products: Iterable[ProductRecord], *, bom: bool = False) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(PRODUCT_COLUMNS)
    for record in products:
        d = record.draft
        writer.writerow(
            [d.brand, d.name, d.swatch, d.pigment_base.value,
             "" if d.months_after_opening is None else str(d.months_after_opening),
             d.ingredients, d.warnings, d.suggested_dilutions, d.notes, "yes" if record.archived else "no"]
        )  # fmt: skip
    return (("\ufeff" if bom else "") + out.getvalue()).encode("utf-8")


RECALL_COLUMNS = ("client_id", "name", "phone", "email", "address", "sessions", "contact_attempts", "last_outcome",
                  "informed")  # fmt: skip


def recall_csv(report: RecallReport, *, bom: bool = True) -> bytes:
    """A recall's clients: one row each with contact details, the sessions (date: zones) and the contact log."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(RECALL_COLUMNS)
    for client in report.clients:
        sessions = "; ".join(
            f"{s.starts_at.astimezone().date().isoformat()}: {', '.join(z.value for z in s.zones)}"
            for s in client.sessions
        )
        last = client.last_contact
        outcome = last.outcome.value if last else ""
        writer.writerow([client.client_id, client.name, client.phone, client.email, client.address, sessions,
                         len(client.contacts), outcome, "yes" if client.informed else "no"])  # fmt: skip
    return (("\ufeff" if bom else "") + out.getvalue()).encode("utf-8")


def write_csv(path: Path, data: bytes) -> None:
    """Atomically: a failed write leaves no half-written file."""
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise CsvFileError(f"The file {path} cannot be written: {exc.strerror or exc}.") from None


def _date(value: date | None) -> str:
    return value.isoformat() if value else ""

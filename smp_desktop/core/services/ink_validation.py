"""Checking what a person types about products, lots, recalls and contact attempts: each problem names the field
and what to do. Text is trimmed; nothing longer than its column is accepted (so nothing is cut off on save)."""

from __future__ import annotations

import math
import unicodedata
from datetime import date

from smp_desktop.core.ink import LABEL_ITEMS, LabelCheck, is_swatch
from smp_desktop.core.services.errors import FieldProblem, ValidationFailed
from smp_desktop.core.services.ink_data import LotDraft, ProductDraft

PRODUCT_LIMITS = {"brand": 100, "name": 150, "suggested_dilutions": 200, "ingredients": 5000, "warnings": 5000,
                  "notes": 5000}  # fmt: skip
LOT_LIMITS = {"lot_number": 100, "supplier": 200, "notes": 5000}
RECALL_REASON_LIMIT = 2000
RECALL_SOURCE_LIMIT = 300
CONTACT_NOTE_LIMIT = 2000
MAX_MONTHS_AFTER_OPENING = 120
MAX_QUANTITY = 10_000
MAX_BOTTLE_ML = 5_000.0
_LABELS = {
    "brand": "The brand",
    "name": "The product name",
    "suggested_dilutions": "The suggested dilutions",
    "ingredients": "The ingredient list",
    "warnings": "The warnings",
    "notes": "The notes",
    "lot_number": "The lot number",
    "supplier": "The supplier",
}
_MULTI_LINE = {"ingredients", "warnings", "notes"}


def check_product(draft: ProductDraft) -> ProductDraft:
    problems: list[FieldProblem] = []
    draft = draft.replace(**{name: _tidy(getattr(draft, name), name in _MULTI_LINE) for name in PRODUCT_LIMITS})
    for name, limit in PRODUCT_LIMITS.items():
        problems += text_problems(name, getattr(draft, name), limit, multi_line=name in _MULTI_LINE)
    if not draft.brand:
        problems.append(FieldProblem("brand", "Give the brand (the maker's name on the bottle).", "required"))
    if not draft.name:
        problems.append(FieldProblem("name", "Give the product or shade name.", "required"))
    swatch = draft.swatch.strip()
    if not is_swatch(swatch):
        problems.append(
            FieldProblem("swatch", f"The swatch colour {swatch!r} is not a colour like #1a1a1a.", "swatch_invalid")
        )
    else:
        draft = draft.replace(swatch=swatch.lower())
    months = draft.months_after_opening
    if months is not None and not 1 <= months <= MAX_MONTHS_AFTER_OPENING:
        problems.append(
            FieldProblem(
                "months_after_opening",
                f"The period after opening is 1 to {MAX_MONTHS_AFTER_OPENING} months (leave it empty when the "
                "bottle keeps until its use-by date).",
                "months_range",
            )
        )
    if problems:
        raise ValidationFailed(problems)
    return draft


def check_lot(draft: LotDraft, *, today: date) -> LotDraft:
    problems: list[FieldProblem] = []
    draft = draft.replace(**{name: _tidy(getattr(draft, name), name == "notes") for name in LOT_LIMITS})
    for name, limit in LOT_LIMITS.items():
        problems += text_problems(name, getattr(draft, name), limit, multi_line=name == "notes")
    if not draft.lot_number:
        problems.append(FieldProblem("lot_number", "Give the lot (batch) number printed on the bottle.", "required"))
    if not 0 <= draft.quantity <= MAX_QUANTITY:
        problems.append(FieldProblem("quantity", f"The quantity is 0 to {MAX_QUANTITY} bottles.", "quantity_range"))
    if draft.bottle_ml is not None and not (math.isfinite(draft.bottle_ml) and 0 < draft.bottle_ml <= MAX_BOTTLE_ML):
        problems.append(
            FieldProblem("bottle_ml", f"The bottle size is more than 0 and at most {MAX_BOTTLE_ML:g} ml.", "ml_range")
        )
    if draft.purchased_on and draft.purchased_on > today:
        problems.append(FieldProblem("purchased_on", "The purchase date is in the future.", "date_future"))
    if draft.opened_on and draft.opened_on > today:
        problems.append(FieldProblem("opened_on", "The date opened is in the future.", "date_future"))
    if draft.opened_on and draft.purchased_on and draft.opened_on < draft.purchased_on:
        problems.append(
            FieldProblem("opened_on", "The date opened is before the purchase date.", "opened_before_purchase")
        )
    if draft.expires_on and draft.purchased_on and draft.expires_on < draft.purchased_on:
        problems.append(
            FieldProblem("expires_on", "The use-by date is before the purchase date.", "expiry_before_purchase")
        )
    for item in LABEL_ITEMS:
        if getattr(draft, item.field) is LabelCheck.NOT_APPLICABLE and not item.where_relevant:
            problems.append(
                FieldProblem(
                    item.field,
                    f"{item.label} is required on every label: mark it present or missing.",
                    "label_always_applies",
                )
            )
    if problems:
        raise ValidationFailed(problems)
    return draft


def check_recall(reason: str, source: str, recalled_on: date, *, today: date) -> tuple[str, str]:
    reason, source = _tidy(reason, True), _tidy(source, False)
    problems = text_problems("reason", reason, RECALL_REASON_LIMIT, multi_line=True, label="The reason")
    problems += text_problems("source", source, RECALL_SOURCE_LIMIT, label="The source")
    if not reason:
        problems.append(
            FieldProblem("reason", "Say why the lot is recalled (e.g. the supplier's notice).", "reason_required")
        )
    if recalled_on > today:
        problems.append(FieldProblem("recalled_on", "The recall date is in the future.", "date_future"))
    if problems:
        raise ValidationFailed(problems)
    return reason, source


def check_note(note: str, field: str = "note", limit: int = CONTACT_NOTE_LIMIT) -> str:
    note = _tidy(note, True)
    problems = text_problems(field, note, limit, multi_line=True, label="The note")
    if problems:
        raise ValidationFailed(problems)
    return note


def text_problems(
    name: str, value: str, limit: int, *, multi_line: bool = False, label: str | None = None
) -> list[FieldProblem]:
    label = label or _LABELS.get(name, name.replace("_", " ").capitalize())
    problems = []
    if len(value) > limit:
        problems.append(
            FieldProblem(
                name,
                f"{label} is {len(value)} characters long; at most {limit} fit.",
                "too_long",
                (("limit", str(limit)),),
            )
        )
    allowed = {"\n", "\t"} if multi_line else set()
    if any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in value):
        problems.append(FieldProblem(name, f"{label} holds control characters; type it again.", "control_characters"))
    return problems


def _tidy(text: str, multi_line: bool) -> str:
    text = unicodedata.normalize("NFC", text or "").strip()
    if multi_line:
        return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return " ".join(text.split()) if "\n" not in text else text

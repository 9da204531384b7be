"""Plain records the consent service hands out: templates and their items, the questionnaire, screenings with
their outcome and reasons, signed consents, and what the front desk may see of them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from smp_desktop.core.models.consent import ConsentKind, HealthTier, ScreeningOutcome, SigningMethod

ITEM_TYPES = ("confirm", "yes_no", "choice", "date", "text")

TIER_LABELS = {
    HealthTier.REFUSE: "Not eligible now",
    HealthTier.DOCTORS_LETTER: "Needs a doctor's letter",
    HealthTier.CAUTION: "Caution",
}
OUTCOME_LABELS = {
    ScreeningOutcome.ELIGIBLE: "Eligible",
    ScreeningOutcome.NEEDS_DOCTORS_LETTER: "Needs a doctor's letter",
    ScreeningOutcome.NOT_ELIGIBLE: "Not eligible now",
}


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    text: str


@dataclass(frozen=True, slots=True)
class ConsentItem:
    """What the client confirms or answers. type: confirm (must be ticked to sign), yes_no, choice (options:
    value -> label), date, text. required_if: the item must be filled when another item has that value (the patch
    test's date when it was done)."""

    key: str
    type: str
    text: str
    options: tuple[tuple[str, str], ...] = ()
    required_if: tuple[str, str] | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"key": self.key, "type": self.type, "text": self.text}
        if self.options:
            data["options"] = dict(self.options)
        if self.required_if:
            data["required_if"] = {self.required_if[0]: self.required_if[1]}
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ConsentItem:
        condition = data.get("required_if") or {}
        return cls(
            key=str(data["key"]),
            type=str(data["type"]),
            text=str(data["text"]),
            options=tuple((str(k), str(v)) for k, v in (data.get("options") or {}).items()),
            required_if=next(((str(k), str(v)) for k, v in condition.items()), None),
        )


@dataclass(frozen=True, slots=True)
class TemplateDraft:
    """A studio's wording for a new version of a template."""

    title: str
    sections: tuple[Section, ...]
    items: tuple[ConsentItem, ...]
    includes_questionnaire: bool = False
    change_note: str = ""


@dataclass(frozen=True, slots=True)
class TemplateRecord:
    id: int
    name: str
    version: int
    kind: ConsentKind
    title: str
    sections: tuple[Section, ...]
    items: tuple[ConsentItem, ...]
    includes_questionnaire: bool
    accepted: bool  # a signature on this version counts for the gate
    is_current: bool  # the newest version of its name
    signed_count: int  # > 0: frozen, never changes again
    change_note: str
    created_at: datetime

    @property
    def label(self) -> str:
        return f"{self.title} (version {self.version})"

    @property
    def draft(self) -> TemplateDraft:
        return TemplateDraft(self.title, self.sections, self.items, self.includes_questionnaire, self.change_note)

    def item(self, key: str) -> ConsentItem | None:
        return next((i for i in self.items if i.key == key), None)


@dataclass(frozen=True, slots=True)
class Question:
    key: str
    text: str
    tier: HealthTier
    position: int
    active: bool = True


@dataclass(frozen=True, slots=True)
class Answer:
    """One question as asked (its text and tier then) and the client's answer."""

    key: str
    text: str
    tier: HealthTier
    yes: bool
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a screening came out as it did: one yes answer, its tier, and the letter that cleared it if any."""

    key: str
    tier: HealthTier
    message: str
    cleared_by_letter_dated: date | None = None

    @property
    def blocking(self) -> bool:
        return self.tier is HealthTier.REFUSE or (
            self.tier is HealthTier.DOCTORS_LETTER and self.cleared_by_letter_dated is None
        )


@dataclass(frozen=True, slots=True)
class LetterRecord:
    id: int
    document_id: int
    title: str
    dated_on: date | None
    covers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ScreeningRecord:
    id: int
    client_id: int
    taken_at: datetime
    answers: tuple[Answer, ...]
    outcome: ScreeningOutcome
    reasons: tuple[Reason, ...]
    letters: tuple[LetterRecord, ...]
    paper_document_id: int | None
    note: str

    @property
    def outcome_label(self) -> str:
        return OUTCOME_LABELS[self.outcome]

    @property
    def needs_letter_for(self) -> tuple[str, ...]:
        """Keys of doctor's-letter answers no letter clears yet."""
        return tuple(r.key for r in self.reasons if r.tier is HealthTier.DOCTORS_LETTER and r.blocking)


@dataclass(frozen=True, slots=True)
class Signature:
    """A signature taken on the pad: the typed name and the image (PNG bytes of the strokes)."""

    name: str
    png: bytes


@dataclass(frozen=True, slots=True)
class ConsentSummary:
    """A signed consent as a list shows it (no answers: the front desk sees these too)."""

    id: int
    client_id: int
    template_id: int
    template_name: str
    template_title: str
    template_version: int
    kind: ConsentKind
    method: SigningMethod
    signer_name: str
    witness_name: str
    signed_at: datetime
    document_id: int
    document_sha256: str


@dataclass(frozen=True, slots=True)
class ConsentDetail:
    """A signed consent with what was answered (VIEW_HEALTH when its form carried the questionnaire)."""

    summary: ConsentSummary
    choices: Mapping[str, Any]
    screening_id: int | None
    note: str


@dataclass(frozen=True, slots=True)
class ConsentStatus:
    """Whether the client has a treatment consent the gate accepts today, as the front desk may see it."""

    valid: bool
    message: str  # a sentence: "Signed 3 Nov 2026, valid until 3 Nov 2027." / "No signed treatment consent."
    consent_id: int | None = None
    valid_until: date | None = None


@dataclass(frozen=True, slots=True)
class ClientConsents:
    """The client page's Consent & health tab. screening is None and health_visible False for the front desk,
    which only learns whether a questionnaire is on record (screening_on_record)."""

    client_id: int
    client_name: str
    treatment: ConsentStatus
    consents: tuple[ConsentSummary, ...]
    health_visible: bool
    screening_on_record: bool
    screening: ScreeningRecord | None = None
    screenings: tuple[ScreeningRecord, ...] = field(default=())

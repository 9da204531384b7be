"""The removal-plan PDF: everything a removal plan holds, on the studio's letterhead, for the client, the clinic the
work is referred to, or the file. Reason, method, device and provider; the Kirby-Desai assessment point by point
with its estimate; the test spot; the pigment being removed (zones, shades, lots); the sessions with their dates
and laser parameters (and why one is sooner than the method's interval); the earliest date for new SMP; risks;
the assessment photos (print renditions, never the full camera files); the removal aftercare with real dates.

Inputs are plain records (RemovalPlanRecord, photo renditions, the aftercare template); no database, no Qt."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from smp_desktop.core.documents.aftercare import AftercareTemplate, dated_phases, long_date
from smp_desktop.core.documents.layout import Letterhead, PdfDocument
from smp_desktop.core.documents.text import plain_markup, plain_template_markup
from smp_desktop.core.domain import ScalpZone
from smp_desktop.core.removal import MethodRule
from smp_desktop.core.removal_vocabulary import (
    InkAmount,
    InkColours,
    Layering,
    RemovalMethod,
    RemovalPlanStatus,
    RemovalReason,
    RemovalSessionStatus,
    Scarring,
    TattooLocation,
    TestSpotOutcome,
)
from smp_desktop.core.services.removal_data import RemovalPlanRecord, RemovalSessionEntry

# English, as the studio's documents are written (the screen's words are translated separately).
LABELS: dict[object, str] = {
    RemovalReason.SHAPE: "Reshape (hairline or edge)",
    RemovalReason.COLOUR: "Colour (too dark, blue or green)",
    RemovalReason.COMPLETE: "Complete removal",
    RemovalMethod.Q_SWITCHED_LASER: "Q-switched laser",
    RemovalMethod.PICOSECOND_LASER: "Picosecond laser",
    RemovalMethod.SALINE: "Saline removal",
    RemovalPlanStatus.ASSESSMENT: "Assessment",
    RemovalPlanStatus.IN_PROGRESS: "In progress",
    RemovalPlanStatus.COMPLETED: "Completed",
    RemovalPlanStatus.CANCELLED: "Cancelled",
    RemovalSessionStatus.PLANNED: "Planned",
    RemovalSessionStatus.DONE: "Done",
    RemovalSessionStatus.CANCELLED: "Cancelled",
    TestSpotOutcome.PENDING: "Waiting for the result",
    TestSpotOutcome.GOOD_RESPONSE: "Faded well, healed well",
    TestSpotOutcome.LITTLE_CHANGE: "Little change",
    TestSpotOutcome.ADVERSE: "Adverse reaction",
    TattooLocation.HEAD_NECK: "Head and neck",
    TattooLocation.UPPER_TRUNK: "Upper trunk",
    TattooLocation.LOWER_TRUNK: "Lower trunk",
    TattooLocation.PROXIMAL_EXTREMITY: "Upper arm or thigh",
    TattooLocation.DISTAL_EXTREMITY: "Forearm, lower leg, hand or foot",
    InkColours.BLACK_ONLY: "Black only",
    InkColours.MOSTLY_BLACK_SOME_RED: "Mostly black, some red",
    InkColours.BLACK_RED_AND_OTHERS: "Black and red with other colours",
    InkColours.MULTIPLE_COLOURS: "Multiple colours",
    InkAmount.AMATEUR: "Amateur",
    InkAmount.MINIMAL: "Minimal",
    InkAmount.MODERATE: "Moderate",
    InkAmount.SIGNIFICANT: "Significant",
    Scarring.NONE: "None",
    Scarring.MINIMAL: "Minimal",
    Scarring.MODERATE: "Moderate",
    Scarring.SIGNIFICANT: "Significant",
    Layering.NONE: "None",
    Layering.LAYERED: "Layered or covered up",
}
ZONES = {
    ScalpZone.HAIRLINE: "Hairline",
    ScalpZone.FRONTAL: "Frontal",
    ScalpZone.MID_SCALP: "Mid-scalp",
    ScalpZone.CROWN: "Crown",
    ScalpZone.LEFT_TEMPLE: "Left temple",
    ScalpZone.RIGHT_TEMPLE: "Right temple",
    ScalpZone.SIDES: "Sides",
    ScalpZone.BACK: "Back",
    ScalpZone.SCAR: "Scar",
}
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI"}
PHOTO_WIDTH_MM = 80
PHOTO_MAX_HEIGHT_MM = 62


@dataclass(frozen=True, slots=True)
class PlanPhoto:
    """An assessment photo ready for print: a downscaled JPEG (a print rendition) and its caption."""

    image: bytes | Path
    caption: str


@dataclass(frozen=True, slots=True)
class MissingPhoto:
    """An assessment photo whose file could not be read: the document says so in its place."""

    caption: str
    reason: str


def text_of(value: object | None, empty: str = "—") -> str:
    return empty if value is None else LABELS.get(value, str(value))


def short_date(day: date | None) -> str:
    return "" if day is None else f"{day.day} {long_date(day).split()[2][:3]} {day.year}"


def _number(value: float | None, unit: str) -> str:
    return "—" if value is None else f"{value:g} {unit}"


def removal_plan_document(
    letterhead: Letterhead,
    plan: RemovalPlanRecord,
    rule: MethodRule,
    *,
    photos: Sequence[PlanPhoto | MissingPhoto] = (),
    aftercare: AftercareTemplate | None = None,
    aftercare_problem: str = "",
    printed_on: date | None = None,
) -> PdfDocument:
    """The plan laid out on the studio's letterhead (call .build() for the bytes)."""
    draft = plan.draft
    method = text_of(draft.method)
    doc = PdfDocument(
        letterhead,
        title=f"Removal plan – {plan.client_name}",
        subject=f"{method} removal plan #{plan.id} for {plan.client_name}",
        keywords=("removal plan", draft.method.value),
        running_title=f"Removal plan – {plan.client_name}",
    )
    doc.document_title("Removal plan", subtitle=f"For {plan.client_name}")
    facts = [
        ("Client", plan.client_name),
        (
            "Plan",
            f"#{plan.id}, started {long_date(plan.created_at.date())}"
            + (f" by {plan.created_by}" if plan.created_by else ""),
        ),
        ("Reason", text_of(draft.reason)),
        ("Method", method),
        ("Status", text_of(draft.status)),
        ("Device", draft.device),
        ("Carried out by", draft.provider_name or letterhead.studio_name),
        ("Their contact", draft.provider_contact if draft.provider_name else ""),
    ]
    if printed_on is not None:
        facts.append(("Printed", long_date(printed_on)))
    doc.facts([(label, value) for label, value in facts if value.strip()])

    _assessment(doc, plan)
    _test_spot(doc, plan)
    _pigment(doc, plan)
    _sessions(doc, plan, rule)
    _new_smp(doc, plan, rule)

    doc.heading("Risks")
    doc.paragraph(draft.risks or "No risks were written down for this plan.")
    if draft.notes:
        doc.heading("Notes")
        doc.paragraph(draft.notes)
    if photos:
        _photos(doc, photos)
    _aftercare(doc, plan, aftercare, aftercare_problem)
    return doc


def _assessment(doc: PdfDocument, plan: RemovalPlanRecord) -> None:
    draft, score = plan.draft, plan.kirby_desai
    doc.heading("Assessment (Kirby-Desai scale)")
    points = dict(score.points)

    def row(label: str, answer: str, factor: str) -> list[str]:
        value = points.get(factor)
        return [label, answer, "—" if value is None else str(value)]

    skin = f"Type {ROMAN[draft.fitzpatrick_type]}" if draft.fitzpatrick_type in ROMAN else "—"
    rows = [
        row("Skin type (Fitzpatrick)", skin, "skin_type"),
        row("Location", text_of(draft.kd_location), "location"),
        row("Colours", text_of(draft.kd_colours), "colours"),
        row("Amount of ink", text_of(draft.kd_amount), "amount"),
        row("Scarring", text_of(draft.kd_scarring), "scarring"),
        row("Layering", text_of(draft.kd_layering), "layering"),
    ]
    rows.append(["Score", "", str(score.subtotal) if score.complete else f"{score.subtotal} so far"])
    doc.table(["Factor", "Assessed as", "Points"], rows, col_widths_mm=[55, 95, 24])
    doc.spacer(2)
    if score.complete and score.session_range is not None:
        low, high = score.session_range
        doc.rich(
            "Kirby-Desai score <b>{score}</b>: an estimate of about <b>{low} to {high}</b> laser sessions.",
            score=score.subtotal,
            low=low,
            high=high,
        )
    else:
        doc.paragraph("The assessment is not complete yet: " + ", ".join(score.missing).replace("_", " ") + ".")
    doc.paragraph(
        "The scale was measured on body tattoos treated with a Q-switched laser six weeks apart; SMP pigment sits "
        "shallow and often clears in fewer sessions. It is an estimate to plan with, not a promise.",
        "small",
    )


def _test_spot(doc: PdfDocument, plan: RemovalPlanRecord) -> None:
    draft = plan.draft
    doc.heading("Test spot")
    if draft.test_spot_on is None:
        doc.paragraph("No test spot has been recorded.")
        return
    doc.facts(
        [
            (label, value)
            for label, value in (
                ("Done on", long_date(draft.test_spot_on)),
                ("Result", text_of(draft.test_spot_outcome, "Not recorded yet")),
                ("Notes", draft.test_spot_notes),
            )
            if value.strip()
        ]
    )


def _pigment(doc: PdfDocument, plan: RemovalPlanRecord) -> None:
    doc.heading("Pigment being removed")
    targets = plan.draft.targets
    if not targets:
        doc.paragraph("No pigment from the session records was named for this plan.")
        return
    rows = [
        [
            ZONES.get(t.zone, "—") if t.zone is not None else "Other area",
            t.pigment_shade or "—",
            t.pigment_lot or "—",
            short_date(t.applied_on) or "—",
            t.notes,
        ]
        for t in targets
    ]
    doc.table(["Zone", "Pigment", "Lot", "Applied", "Note"], rows, col_widths_mm=[30, 48, 30, 26, 40])
    doc.keep_together(2)


def _sessions(doc: PdfDocument, plan: RemovalPlanRecord, rule: MethodRule) -> None:
    draft = plan.draft
    doc.heading("Sessions")
    laser = draft.method.is_laser
    doc.paragraph(
        f"{text_of(draft.method)}: sessions at least {rule.min_interval_days} days apart, usually "
        f"{rule.usual_interval_days}.",
        "small",
    )
    if not draft.sessions:
        doc.paragraph("No sessions are planned yet.")
        return
    warned = {w.index for w in plan.warnings}
    header = ["#", "Status", "Planned", "Done"]
    widths = [7, 19, 23, 23]
    if laser:
        header += ["Wave\u00adlength", "Fluence", "Spot", "Rate"]
        widths += [21, 22, 14, 14]
    header.append("Notes")
    widths.append(174 - sum(widths))
    rows = []
    for number, entry in enumerate(draft.sessions, start=1):
        row = [
            str(number),
            text_of(entry.status) + (" *" if number - 1 in warned else ""),
            short_date(entry.planned_on),
            short_date(entry.done_on) if entry.status is RemovalSessionStatus.DONE else "",
        ]
        if laser:
            row += [
                _number(entry.wavelength_nm, "nm") if entry.wavelength_nm is not None else "—",
                _number(entry.fluence_j_cm2, "J/cm²"),
                _number(entry.spot_size_mm, "mm"),
                _number(entry.repetition_hz, "Hz"),
            ]
        row.append(_session_notes(plan, entry))
        rows.append(row)
    doc.table(header, rows, col_widths_mm=widths)
    doc.keep_together(3)  # the heading, the interval line and the table move to a new page together when they fit
    for warning in plan.warnings:
        entry = draft.sessions[warning.index]
        doc.paragraph(
            f"* Session {warning.index + 1} is {(warning.day - warning.previous).days} days after the one before "
            f"(the method's minimum is {rule.min_interval_days} days)"
            + (f": {entry.interval_note}" if entry.interval_note else "."),
            "small",
        )


def _session_notes(plan: RemovalPlanRecord, entry: RemovalSessionEntry) -> str:
    parts = [entry.notes]
    who = plan.staff_name(entry.performed_by_id)
    if who and entry.status is RemovalSessionStatus.DONE:
        parts.append(f"({who})")
    return " ".join(p for p in parts if p)


def _new_smp(doc: PdfDocument, plan: RemovalPlanRecord, rule: MethodRule) -> None:
    doc.heading("New SMP")
    if plan.earliest_new_smp_on is None:
        doc.paragraph(
            f"New pigment may be applied about {rule.new_smp_after_days} days after the last removal session, "
            "once the skin has fully healed. The date follows when the sessions are planned."
        )
        return
    doc.rich(
        "The earliest date for new SMP is <b>{day}</b>: {days} days after the last removal session, and only once "
        "the skin has fully healed. A later session moves this date.",
        day=long_date(plan.earliest_new_smp_on),
        days=rule.new_smp_after_days,
    )


def _photos(doc: PdfDocument, photos: Sequence[PlanPhoto | MissingPhoto]) -> None:
    doc.heading("Assessment photos")
    for photo in photos:
        if isinstance(photo, MissingPhoto):
            doc.paragraph(f"{photo.caption}: {photo.reason}", "warning")
            continue
        doc.image(photo.image, width_mm=PHOTO_WIDTH_MM, max_height_mm=PHOTO_MAX_HEIGHT_MM, caption=photo.caption)
        doc.spacer(2)


def _aftercare(doc: PdfDocument, plan: RemovalPlanRecord, template: AftercareTemplate | None, problem: str) -> None:
    doc.heading("Aftercare")
    if template is None:
        doc.paragraph(problem or "Aftercare is given on its own sheet after each session.")
        return
    doc.paragraph(template.title, "h2")
    if template.intro:
        doc.paragraph(template.intro)
    doc.keep_together(3 if template.intro else 2)  # never the heading alone at the foot of a page
    sessions = plan.draft.sessions
    done = [s.done_on for s in sessions if s.status is RemovalSessionStatus.DONE and s.done_on]
    planned = [s.planned_on for s in sessions if s.status is RemovalSessionStatus.PLANNED and s.planned_on]
    counted_from = max(done) if done else (min(planned) if planned else None)
    if counted_from is not None:
        which = "the last session" if done else "the first planned session"
        doc.paragraph(
            f"Dates below count from {which}, {long_date(counted_from)}; each session starts them again.", "small"
        )
        for phase in dated_phases(template, counted_from):
            headline = plain_template_markup(phase.headline, phase.values())
            when = " ".join(phase.when.split())
            doc.markup_paragraph(f"<b>{plain_markup(when)}: {headline}</b>")
            doc.bullets(phase.guidance)
    else:
        for undated in template.phases:
            span = f"Day {undated.from_day}" + (
                f" to {undated.to_day}" if undated.to_day not in (None, undated.from_day) else ""
            )
            doc.markup_paragraph(f"<b>{plain_markup(span)}</b>")
            doc.bullets(undated.guidance)
    if template.warning_signs:
        doc.paragraph("Warning signs: when to call", "h2")
        doc.bullets(template.warning_signs, "warning")
        if template.when_to_call:
            doc.paragraph(template.when_to_call)
        doc.keep_together(3 if template.when_to_call else 2)
    elif template.when_to_call:
        doc.paragraph(template.when_to_call)

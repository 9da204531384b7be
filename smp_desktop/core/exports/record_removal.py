"""The record's removal plans: reason, method and provider, the assessment (Fitzpatrick type, Kirby-Desai inputs
and score, test spot, risks: only with health answers), the pigment being removed, the sessions with their laser
parameters, the earliest date for new SMP, and the assessment photos (only with photos)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from smp_desktop.core.exports.record_blocks import Block, Entry, Fields, Grid, PhotoFigure, Section
from smp_desktop.core.exports.record_data import Choices, day, label, number, staff_names
from smp_desktop.core.models import Client, Photo
from smp_desktop.core.models.removal import RemovalPlan


def removal(session: Session, client: Client, choices: Choices) -> Section | None:
    plans = list(
        session.scalars(select(RemovalPlan).where(RemovalPlan.client_id == client.id).order_by(RemovalPlan.created_at))
    )
    if not plans:
        return None
    names = staff_names(session, (s.performed_by_id for p in plans for s in p.sessions))
    entries = []
    for plan in plans:
        facts: list[tuple[str, str]] = [
            ("Reason", label(plan.reason)),
            ("Method", label(plan.method) + (f" ({plan.device})" if plan.device else "")),
            ("Status", label(plan.status)),
            ("Provider", " · ".join(p for p in (plan.provider_name, plan.provider_contact) if p)),
        ]
        if choices.with_health:
            facts.append(("Fitzpatrick skin type", str(plan.fitzpatrick_type) if plan.fitzpatrick_type else ""))
            kd = [
                label(v)
                for v in (plan.kd_location, plan.kd_colours, plan.kd_amount, plan.kd_scarring, plan.kd_layering)
            ]
            score = f"{plan.kd_score}" if plan.kd_score is not None else "incomplete"
            facts.append(("Kirby-Desai", f"{score} ({', '.join(k for k in kd if k)})" if any(kd) else score))
            test = " — ".join(
                p for p in (day(plan.test_spot_on), label(plan.test_spot_outcome), plan.test_spot_notes) if p
            )
            facts.append(("Test spot", test))
            facts.append(("Risks", plan.risks))
        facts += [("Earliest new SMP", day(plan.earliest_new_smp_on)), ("Notes", plan.notes)]
        blocks: list[Block] = [Fields(tuple(facts))]
        if plan.targets:
            blocks.append(
                Grid(
                    ("Zone", "Pigment", "Lot", "Applied", "Notes"),
                    tuple(
                        (label(t.zone), t.pigment_shade, t.pigment_lot, day(t.applied_on), t.notes)
                        for t in plan.targets
                    ),
                    (1, 1.5, 1.2, 1, 2),
                )
            )
        if plan.sessions:
            blocks.append(
                Grid(
                    ("#", "Planned", "Done", "Status", "nm", "J/cm²", "Spot mm", "Hz", "By", "Notes"),
                    tuple(
                        (
                            str(n),
                            day(s.planned_on),
                            day(s.done_on),
                            label(s.status),
                            number(s.wavelength_nm),
                            number(s.fluence_j_cm2),
                            number(s.spot_size_mm),
                            number(s.repetition_hz),
                            names.get(s.performed_by_id or -1, ""),
                            "; ".join(p for p in (s.interval_note, s.notes) if p),
                        )
                        for n, s in enumerate(plan.sessions, 1)
                    ),
                    (0.35, 1.15, 1.15, 0.95, 0.75, 0.75, 0.7, 0.55, 1.1, 1.8),
                )
            )
        if choices.with_photos and plan.photos:
            for link in plan.photos:
                photo = session.get(Photo, link.photo_id)
                if photo is None:
                    continue
                caption = " · ".join(p for p in (link.caption, label(photo.view), day(photo.taken_at)) if p)
                blocks.append(
                    PhotoFigure(
                        choices.paths.photos / photo.stored_name, photo.content_hash, photo.width, photo.height, caption
                    )
                )
        entries.append(Entry(f"{label(plan.method)} — {day(plan.created_at)}", tuple(blocks)))
    return Section("removal", "Removal plans", tuple(entries))

"""Collects a client's whole record, as the record PDF shows it, into sections of plain blocks (record_blocks).

Each part of the record is one collector: a function (session, client, choices) -> Section | None. A part with
nothing to show returns a section saying so; a part the person exporting left out (health answers, photos)
returns None and its section is absent from the document, not blank. Adding a part of the record is adding a
collector to `collectors()`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from sqlalchemy import select
from sqlalchemy.orm import Session

from smp_desktop.core.exports.record_blocks import (
    Block,
    Entry,
    Fields,
    Grid,
    PhotoFigure,
    RecordDocument,
    Section,
    Text,
)
from smp_desktop.core.hairline import HairlineShapes
from smp_desktop.core.models import Client, HairlineDesign, Photo, SessionZone, StaffMember, Studio, TreatmentSession
from smp_desktop.core.services.client_data import display_name
from smp_desktop.paths import StudioPaths

# Labels where the stored word does not read well on its own.
_LABELS = {
    "session_1": "Session 1",
    "session_2": "Session 2",
    "session_3": "Session 3",
    "session_4": "Session 4",
    "fut_strip": "FUT strip",
    "fue_dots": "FUE dots",
    "q_switched_laser": "Q-switched laser",
    "head_neck": "Head and neck",
    "walk_in": "Walk-in",
    "keep_long": "Keep long",
    "doctors_letter": "Doctor's letter",
}


def label(value: Enum | str | None) -> str:
    """A stored choice as words: "front_hairline" → "Front hairline"."""
    if value is None:
        return ""
    raw = value.value if isinstance(value, Enum) else str(value)
    return _LABELS.get(raw, raw.replace("_", " ").capitalize())


def when(moment: datetime | None) -> str:
    """A time as the studio's computer shows it: "Tue 3 Mar 2026, 10:00"."""
    if moment is None:
        return ""
    local = moment.astimezone()
    return f"{local.strftime('%a')} {local.day} {local.strftime('%b %Y, %H:%M')}"


def day(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone().date()
    return f"{value.day} {value.strftime('%b %Y')}"


def number(value: float | None, unit: str = "") -> str:
    if value is None:
        return ""
    text = f"{value:g}"
    return f"{text} {unit}".strip()


@dataclass(frozen=True, slots=True)
class Choices:
    with_health: bool
    with_photos: bool
    paths: StudioPaths


Collector = Callable[[Session, Client, Choices], Section | None]


def collect_record(
    session: Session, client_id: int, paths: StudioPaths, with_health: bool, with_photos: bool
) -> RecordDocument:
    client = session.get(Client, client_id)
    if client is None:
        raise LookupError(f"client #{client_id}")
    choices = Choices(with_health, with_photos, paths)
    sections = tuple(s for collector in collectors() if (s := collector(session, client, choices)) is not None)
    studio = session.scalars(select(Studio).order_by(Studio.id).limit(1)).first()
    subtitle = " · ".join(
        (
            "With health answers" if with_health else "Without health answers",
            "with photos" if with_photos else "without photos",
        )
    )
    return RecordDocument(
        client_name=display_name(client.first_name, client.last_name, client.preferred_name),
        client_id=client.id,
        studio_name=studio.name if studio else "",
        subtitle=subtitle,
        sections=sections,
    )


def staff_names(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.execute(select(StaffMember.id, StaffMember.display_name).where(StaffMember.id.in_(wanted)))
    return {row.id: row.display_name for row in rows}


# --- identity and profile --------------------------------------------------------------------------------------


def identity(session: Session, client: Client, choices: Choices) -> Section:
    address = ", ".join(
        p for p in (client.address_line1, client.address_line2, client.city, client.postcode, client.country) if p
    )
    emergency = " · ".join(
        p
        for p in (client.emergency_contact_name, client.emergency_contact_relation, client.emergency_contact_phone)
        if p
    )
    referral = " — ".join(p for p in (label(client.referral_source), client.referral_detail) if p)
    person = Fields(
        (
            ("Name", display_name(client.first_name, client.last_name)),
            ("First name", client.first_name),
            ("Last name", client.last_name),
            ("Preferred name", client.preferred_name),
            ("Date of birth", day(client.date_of_birth)),
            ("Phone", client.phone),
            ("E-mail", client.email),
            ("Address", address),
            ("Emergency contact", emergency),
            ("Found the studio through", referral),
            ("Client number", str(client.id)),
            ("Client since", day(client.created_at)),
            ("Archived", day(client.archived_at) if client.archived else ""),
        )
    )
    entries = [Entry("Identity", (person,))]
    profile_rows: list[tuple[str, str]] = []
    if choices.with_health:
        profile_rows += [
            ("Reasons", ", ".join(label(r) for r in client.reasons)),
            ("Norwood stage", client.norwood_stage),
            ("Alopecia", label(client.alopecia_pattern) + (" (temporary)" if client.alopecia_temporary else "")),
            ("Fitzpatrick skin type", str(client.fitzpatrick_type) if client.fitzpatrick_type else ""),
            ("Scalp condition", label(client.scalp_condition)),
            ("Scalp notes", client.scalp_condition_notes),
        ]
    profile_rows += [
        ("Hair colour", client.hair_colour),
        ("Greying", label(client.greying)),
        ("Hairline style", label(client.hairline_style)),
        ("Hair length wish", label(client.hair_length_wish)),
        ("Touch-up after", f"{client.touch_up_years} years (client's own)" if client.touch_up_years else ""),
    ]
    profile: list[Block] = [Fields(tuple(profile_rows))]
    if choices.with_health and client.scars:
        profile.append(
            Grid(
                ("Scar", "Kind", "Notes"),
                tuple((s.location, label(s.kind), s.notes) for s in client.scars),
                (2, 1, 3),
            )
        )
    entries.append(Entry("SMP profile", tuple(profile)))
    if client.notes:
        entries.append(Entry("Notes", (Text(client.notes),)))
    return Section("identity", "Identity and profile", tuple(entries))


# --- sessions -------------------------------------------------------------------------------------------------


def sessions(session: Session, client: Client, choices: Choices) -> Section:
    rows = list(
        session.scalars(
            select(TreatmentSession)
            .where(TreatmentSession.client_id == client.id)
            .order_by(TreatmentSession.starts_at, TreatmentSession.id)
        )
    )
    if not rows:
        return Section("sessions", "Sessions", (Entry("", (Text("No sessions are recorded.", muted=True),)),))
    names = staff_names(session, (r.artist_id for r in rows))
    lots = _lots(session, [z.lot_id for r in rows for z in r.zones if z.lot_id is not None])
    entries = []
    for row in rows:
        facts: list[tuple[str, str]] = [
            ("When", f"{when(row.starts_at)} ({row.duration_minutes} min)"),
            ("Status", label(row.status) + (f": {row.cancel_reason}" if row.cancel_reason else "")),
            ("Artist", names.get(row.artist_id or -1, "")),
            ("Numbing", row.numbing),
            ("Skin reaction", row.skin_reaction),
        ]
        if choices.with_health and row.health_unchanged is not None:
            facts.append(
                ("Health since last visit", "No change" if row.health_unchanged else f"Changed: {row.health_changes}")
            )
        facts += [("Booked sooner because", row.spacing_note), ("Notes", row.notes)]
        blocks: list[Block] = [Fields(tuple(facts))]
        if row.zones:
            blocks.append(_zone_grid(row.zones, lots))
        entries.append(Entry(f"{label(row.kind)} — {day(row.starts_at)}", tuple(blocks)))
    return Section("sessions", "Sessions", tuple(entries))


def _zone_grid(zones: list[SessionZone], lots: dict[int, tuple[str, str]]) -> Grid:
    rows = []
    for zone in zones:
        product, lot = lots.get(zone.lot_id, ("", "")) if zone.lot_id is not None else ("", "")
        pigment = product or zone.pigment_shade
        lot = lot or zone.pigment_lot
        override = zone.lot_override_reason
        if override:
            lot = f"{lot} (used anyway: {override})"
        dilution = ""
        if zone.dilution_water_parts is not None and zone.dilution_pigment_parts is not None:
            dilution = f"{zone.dilution_water_parts:g} : {zone.dilution_pigment_parts:g}"
        machine = ", ".join(
            p
            for p in (number(zone.machine_voltage, "V"), number(zone.machine_stroke_mm, "mm"), zone.machine_speed)
            if p
        )
        details = "; ".join(p for p in (zone.depth_notes, zone.dot_density, zone.notes) if p)
        rows.append((label(zone.zone), pigment, lot, dilution, zone.needle, machine, details))
    return Grid(
        ("Zone", "Pigment", "Lot", "Water : pigment", "Needle", "Machine", "Depth, density, notes"),
        tuple(rows),
        (1.1, 1.4, 1.5, 1.0, 1.0, 1.0, 2.0),
    )


def _lots(session: Session, lot_ids: list[int]) -> dict[int, tuple[str, str]]:
    """(product, lot number and use-by date) of the ink register's lots the zones name."""
    if not lot_ids:
        return {}
    from smp_desktop.core.models.ink import PigmentLot, PigmentProduct

    rows = session.execute(
        select(PigmentLot.id, PigmentLot.lot_number, PigmentLot.expires_on, PigmentProduct.brand, PigmentProduct.name)
        .join(PigmentProduct, PigmentProduct.id == PigmentLot.product_id)
        .where(PigmentLot.id.in_(set(lot_ids)))
    )
    found = {}
    for row in rows:
        expiry = f", use by {day(row.expires_on)}" if row.expires_on else ""
        found[row.id] = (f"{row.brand} {row.name}", f"{row.lot_number}{expiry}")
    return found


# --- photos and hairline designs ------------------------------------------------------------------------------


def photos(session: Session, client: Client, choices: Choices) -> Section | None:
    if not choices.with_photos:
        return None
    rows = list(session.scalars(select(Photo).where(Photo.client_id == client.id).order_by(Photo.taken_at, Photo.id)))
    if not rows:
        return Section("photos", "Photos", (Entry("", (Text("No photos are kept.", muted=True),)),))
    kinds = {
        row.id: row.kind
        for row in session.execute(
            select(TreatmentSession.id, TreatmentSession.kind).where(TreatmentSession.client_id == client.id)
        )
    }
    entries = []
    by_view: dict[str, list[Photo]] = {}
    for photo in rows:
        by_view.setdefault(photo.view.value, []).append(photo)
    for view, group in by_view.items():
        figures: list[Block] = []
        for photo in group:
            parts = [label(photo.view), day(photo.taken_at)]
            if photo.session_id is not None and photo.session_id in kinds:
                parts.append(label(kinds[photo.session_id]))
            if photo.note:
                parts.append(photo.note)
            parts.append(f"photo #{photo.id}")
            figures.append(
                PhotoFigure(
                    choices.paths.photos / photo.stored_name,
                    photo.content_hash,
                    photo.width,
                    photo.height,
                    " · ".join(p for p in parts if p),
                )
            )
        entries.append(Entry(label(view), tuple(figures)))
    return Section("photos", "Photos", tuple(entries))


def designs(session: Session, client: Client, choices: Choices) -> Section | None:
    """The current hairline design of each view, drawn over its base photo (or the newest photo of that view)."""
    if not choices.with_photos:
        return None
    rows = list(
        session.scalars(
            select(HairlineDesign)
            .where(HairlineDesign.client_id == client.id)
            .order_by(HairlineDesign.view, HairlineDesign.version.desc())
        )
    )
    current: dict[str, HairlineDesign] = {}
    for design in rows:
        current.setdefault(design.view.value, design)
    if not current:
        return None
    names = staff_names(session, (d.author_id for d in current.values()))
    entries = []
    for view, design in current.items():
        shapes = HairlineShapes.from_json(design.shapes)
        photo = session.get(Photo, design.base_photo_id) if design.base_photo_id is not None else None
        if photo is None:
            photo = session.scalars(
                select(Photo)
                .where(Photo.client_id == client.id, Photo.view == design.view)
                .order_by(Photo.taken_at.desc(), Photo.id.desc())
                .limit(1)
            ).first()
        facts = Fields(
            (
                ("Version", f"{design.version}, {day(design.created_at)}"),
                ("Designed by", names.get(design.author_id or -1, "")),
                ("Zones", ", ".join(f"{label(z.kind)}: {z.label}" if z.label else label(z.kind) for z in shapes.zones)),
                ("Note", design.note),
            )
        )
        blocks: list[Block] = [facts]
        if photo is not None:
            caption = (
                f"{label(design.view)} · design version {design.version} over photo #{photo.id} "
                f"of {day(photo.taken_at)}"
            )
            blocks.append(
                PhotoFigure(
                    choices.paths.photos / photo.stored_name,
                    photo.content_hash,
                    photo.width,
                    photo.height,
                    caption,
                    shapes,
                )
            )
        else:
            blocks.append(Text("No photo of this view is kept to draw the design over.", muted=True))
        entries.append(Entry(label(view), tuple(blocks)))
    return Section("designs", "Hairline designs", tuple(entries))


def collectors() -> list[Collector]:
    """The parts of the record in the order the document shows them."""
    from smp_desktop.core.exports.record_consents import consents, screening
    from smp_desktop.core.exports.record_files import documents, recalls
    from smp_desktop.core.exports.record_removal import removal

    return [identity, screening, consents, sessions, photos, designs, removal, recalls, documents]

"""The ink register through InkService and the session service: catalogue and lots with their checks, expiry and
label rules, the lot a zone names (a reason for a lot that may not be used), mixes kept on completion, recalls with
the clients reached and the contact log, permissions and the audit."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from smp_desktop.core.domain import ScalpZone, SessionKind, StaffRole
from smp_desktop.core.ink import (
    LABEL_FIELDS,
    ContactChannel,
    ContactOutcome,
    LabelCheck,
    LotStatus,
    Usability,
    add_months,
    label_gaps,
    usability,
    use_by,
)
from smp_desktop.core.models import AuditEvent, SessionZone
from smp_desktop.core.services.access import Actor, PermissionDenied
from smp_desktop.core.services.errors import NotFound, ValidationFailed
from smp_desktop.core.services.ink import AmbiguousLot, InkService, LotFilter
from smp_desktop.core.services.ink_data import LotDraft, LotRecord, ProductDraft, ProductRecord
from smp_desktop.core.services.session_data import SessionDraft, ZoneEntry
from smp_desktop.core.studio_db import OpenStudio
from tests.conftest import TODAY
from tests.consent_helpers import give_valid_consent

ALL_PRESENT = dict.fromkeys(LABEL_FIELDS, LabelCheck.PRESENT)


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour).astimezone()


@pytest.fixture
def ink(studio: OpenStudio) -> InkService:
    return studio.services.ink


@pytest.fixture
def artist(studio: OpenStudio, owner: Actor) -> Actor:
    info = studio.services.studio.add_staff(owner, "Priya Shah", StaffRole.ARTIST)
    return Actor(info.id, info.display_name, info.role)


@pytest.fixture
def reception(studio: OpenStudio, owner: Actor) -> Actor:
    info = studio.services.studio.add_staff(owner, "Chloe Evans", StaffRole.RECEPTION)
    return Actor(info.id, info.display_name, info.role)


@pytest.fixture
def product(ink: InkService, owner: Actor) -> ProductRecord:
    return ink.save_product(
        owner,
        ProductDraft(
            "Scalp Pigments Co.",
            "Soft Black",
            swatch="#2B2B2B",
            months_after_opening=12,
            ingredients="Aqua, Carbon Black (CI 77266), Glycerin",
            warnings="Contains nickel. May cause allergic reactions.",
        ),
    )


def lot(ink: InkService, actor: Actor, product: ProductRecord, number: str = "SB-2407", **fields: object) -> LotRecord:
    values: dict[str, object] = {
        "supplier": "Tattoo Supply Ltd",
        "purchased_on": date(2026, 3, 1),
        "expires_on": date(2028, 3, 1),
        **ALL_PRESENT,
    }
    values.update(fields)
    return ink.save_lot(actor, LotDraft(product.id, number, **values))  # type: ignore[arg-type]


# --- rules -------------------------------------------------------------------------------------------------------
def test_use_by_is_the_printed_date_or_sooner_once_opened() -> None:
    assert use_by(date(2028, 1, 1), None, 12) == date(2028, 1, 1)
    assert use_by(date(2028, 1, 1), date(2026, 6, 15), 12) == date(2027, 6, 15)
    assert use_by(date(2026, 12, 1), date(2026, 6, 15), 12) == date(2026, 12, 1)
    assert use_by(None, date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert use_by(None, None, 12) is None
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)


def test_usability_lists_every_reason_worst_first() -> None:
    last = date(2026, 11, 24)
    assert usability(LotStatus.IN_STOCK, last, ALL_PRESENT, date(2026, 11, 24)) == (Usability.USABLE,)
    assert usability(LotStatus.IN_STOCK, last, ALL_PRESENT, date(2026, 11, 25)) == (Usability.EXPIRED,)
    gaps = {**ALL_PRESENT, "label_batch_number": LabelCheck.MISSING}
    assert usability(LotStatus.RECALLED, last, gaps, date(2026, 11, 25)) == (
        Usability.RECALLED,
        Usability.EXPIRED,
        Usability.LABEL_INCOMPLETE,
    )
    assert usability(LotStatus.USED_UP, None, ALL_PRESENT, TODAY) == (Usability.USED_UP,)


def test_where_relevant_items_may_be_not_applicable_the_others_may_not() -> None:
    checks = {**ALL_PRESENT, "label_ph_regulator": LabelCheck.NOT_APPLICABLE}
    assert label_gaps(checks) == ()
    checks["label_ingredients"] = LabelCheck.NOT_APPLICABLE
    checks["label_nickel_chromium"] = LabelCheck.UNCHECKED
    assert [g.field for g in label_gaps(checks)] == ["label_ingredients", "label_nickel_chromium"]


# --- catalogue and lots ------------------------------------------------------------------------------------------
def test_products_are_checked_unique_and_audited(ink: InkService, owner: Actor, product: ProductRecord) -> None:
    assert product.draft.swatch == "#2b2b2b" and product.title == "Scalp Pigments Co. Soft Black"
    with pytest.raises(ValidationFailed) as failed:
        ink.save_product(owner, ProductDraft("scalp pigments co.", "soft black"))
    assert failed.value.problems[0].code == "product_exists"
    with pytest.raises(ValidationFailed) as failed:
        ink.save_product(owner, ProductDraft(" ", "X", swatch="black", months_after_opening=0))
    assert {p.field for p in failed.value.problems} == {"brand", "swatch", "months_after_opening"}
    name = '<b>Ann & "Co"</b> Zoë Łukasiewicz 王伟'
    changed = ink.save_product(owner, product.draft.replace(name=name), product.id)
    assert ink.product(owner, product.id).draft.name == name == changed.draft.name
    archived = ink.set_product_archived(owner, product.id, True)
    assert archived.archived and ink.products(owner) == [] and len(ink.products(owner, include_archived=True)) == 1


def test_a_lot_is_stored_exactly_and_its_usability_worked_out(
    studio: OpenStudio, ink: InkService, owner: Actor, product: ProductRecord
) -> None:
    saved = lot(
        ink,
        owner,
        product,
        purchased_on=date(2025, 12, 1),
        opened_on=date(2026, 1, 10),
        status=LotStatus.OPENED,
        bottle_ml=15.0,
    )
    assert saved.draft.supplier == "Tattoo Supply Ltd" and saved.draft.bottle_ml == 15.0
    assert saved.use_by == date(2027, 1, 10)  # 12 months after opening, before the printed date
    assert saved.usable and saved.expires_soon  # 46 days left, the studio warns 60 days ahead
    incomplete = lot(ink, owner, product, "SB-2408", label_ingredients=LabelCheck.MISSING)
    assert incomplete.usability == (Usability.LABEL_INCOMPLETE,)
    assert [g.field for g in incomplete.label_gaps] == ["label_ingredients"]
    expired = lot(ink, owner, product, "SB-2301", purchased_on=date(2023, 1, 1), expires_on=date(2025, 1, 1))
    assert expired.usability == (Usability.EXPIRED,) and expired.shown_status is LotStatus.EXPIRED
    assert expired.draft.status is LotStatus.IN_STOCK  # the stored status is as recorded
    with studio.sessions() as session:
        actions = session.scalars(select(AuditEvent.action).where(AuditEvent.entity == "pigment_lot")).all()
    assert actions == ["create", "create", "create"]
    picker = ink.picker_lots(owner)
    assert [p.draft.lot_number for p in picker] == ["SB-2407", "SB-2408", "SB-2301"]  # usable first


def test_lot_input_is_checked_and_nothing_is_saved(ink: InkService, owner: Actor, product: ProductRecord) -> None:
    with pytest.raises(ValidationFailed) as failed:
        lot(
            ink,
            owner,
            product,
            " ",
            quantity=-1,
            purchased_on=date(2027, 1, 1),
            expires_on=date(2026, 1, 1),
            label_batch_number=LabelCheck.NOT_APPLICABLE,
            supplier="x" * 201,
        )
    fields = {p.field for p in failed.value.problems}
    assert fields == {"lot_number", "quantity", "purchased_on", "expires_on", "label_batch_number", "supplier"}
    assert ink.lots(owner) == []
    lot(ink, owner, product)
    with pytest.raises(ValidationFailed) as failed:
        lot(ink, owner, product, "sb-2407")
    assert failed.value.problems[0].code == "lot_exists"
    with pytest.raises(ValidationFailed):
        lot(ink, owner, product, "SB-9", status=LotStatus.RECALLED)  # a recall needs its reason: recall()


def test_reception_sees_the_register_but_cannot_change_it_or_recall(
    ink: InkService, owner: Actor, reception: Actor, product: ProductRecord
) -> None:
    saved = lot(ink, owner, product)
    assert [r.id for r in ink.lots(reception)] == [saved.id]
    with pytest.raises(PermissionDenied):
        ink.save_product(reception, ProductDraft("A", "B"))
    with pytest.raises(PermissionDenied):
        ink.recall(reception, saved.id, "supplier notice")


def test_filter_and_find_lots_and_an_ambiguous_number(ink: InkService, owner: Actor, product: ProductRecord) -> None:
    other = ink.save_product(owner, ProductDraft("Inkline", "Charcoal", pigment_base="iron_oxide"))  # type: ignore[arg-type]
    lot(ink, owner, product, "L-1")
    lot(ink, owner, other, "L-1", supplier="Inkline Direct")
    lot(ink, owner, other, "L-2", status=LotStatus.USED_UP)
    assert [r.product_name for r in ink.lots(owner, LotFilter(text="direct"))] == ["Charcoal"]
    assert [r.draft.lot_number for r in ink.lots(owner, LotFilter(product_id=other.id, include_used_up=False))] == [
        "L-1"
    ]
    with pytest.raises(AmbiguousLot) as ambiguous:
        ink.one_lot(owner, " l-1 ")
    assert "2 products" in str(ambiguous.value) and "Inkline Charcoal" in str(ambiguous.value)
    assert ink.one_lot(owner, "L-1", product="charcoal").product_name == "Charcoal"
    with pytest.raises(NotFound):
        ink.one_lot(owner, "nope")


# --- sessions ----------------------------------------------------------------------------------------------------
def _session(zones: tuple[ZoneEntry, ...], day: date = TODAY, artist: Actor | None = None) -> SessionDraft:
    return SessionDraft(
        kind=SessionKind.SESSION_1,
        starts_at=at(day),
        artist_id=artist.staff_id if artist else None,
        health_unchanged=True,
        zones=zones,
    )


def test_a_zone_names_its_lot_and_takes_its_text(
    studio: OpenStudio, ink: InkService, artist: Actor, product: ProductRecord, make_client
) -> None:  # type: ignore[no-untyped-def]
    good = lot(ink, artist, product)
    client = make_client(first_name="Νίκος", last_name="Παπαδόπουλος")
    give_valid_consent(studio, artist, client.id)  # the completion gate
    zone = ZoneEntry(ScalpZone.HAIRLINE, lot_id=good.id, dilution_water_parts=4, dilution_pigment_parts=1)
    record = studio.services.sessions.create(artist, client.id, _session((zone,)), complete=True)
    (saved,) = record.draft.zones
    assert (saved.lot_id, saved.pigment_shade, saved.pigment_lot) == (
        good.id,
        "Scalp Pigments Co. Soft Black",
        "SB-2407",
    )
    assert ink.lot(artist, good.id).times_used == 1


def test_a_lot_that_may_not_be_used_needs_a_reason_which_is_recorded(
    studio: OpenStudio, ink: InkService, artist: Actor, product: ProductRecord, make_client
) -> None:  # type: ignore[no-untyped-def]
    expired = lot(ink, artist, product, "OLD-1", purchased_on=date(2023, 1, 1), expires_on=date(2025, 1, 1))
    client = make_client()
    give_valid_consent(studio, artist, client.id, on=date(2024, 1, 1))  # the completion gate in 2024
    zone = ZoneEntry(ScalpZone.CROWN, lot_id=expired.id)
    with pytest.raises(ValidationFailed) as failed:
        studio.services.sessions.create(artist, client.id, _session((zone,)))
    (problem,) = failed.value.problems
    assert problem.code == "lot_reason_required" and problem.param("usability") == "expired"
    assert problem.param("number") == "1" and problem.param("column") == "lot"
    assert studio.services.sessions.overview(artist, client.id).sessions == ()  # nothing saved
    reason = "Client's own bottle, agreed after checking the batch"
    record = studio.services.sessions.create(artist, client.id, _session((zone.replace(lot_override_reason=reason),)))
    assert record.draft.zones[0].lot_override_reason == reason
    # a session on a day the lot was still good needs no reason, and a kept lot is not asked about again
    past = studio.services.sessions.create(artist, client.id, _session((zone,), day=date(2024, 6, 3)), complete=True)
    studio.services.sessions.update(artist, past.id, past.draft.replace(notes="later note"))


def test_a_lot_recalled_after_the_session_was_fine_that_day(
    studio: OpenStudio, ink: InkService, owner: Actor, product: ProductRecord, make_client
) -> None:  # type: ignore[no-untyped-def]
    bottle = lot(ink, owner, product)
    ink.recall(owner, bottle.id, "Supplier notice: nickel above the limit", recalled_on=TODAY)
    client = make_client()
    zone = ZoneEntry(ScalpZone.CROWN, lot_id=bottle.id)
    studio.services.sessions.create(owner, client.id, _session((zone,), day=TODAY - timedelta(days=30)))
    with pytest.raises(ValidationFailed):
        studio.services.sessions.create(owner, client.id, _session((zone,), day=TODAY + timedelta(days=20)))


def test_completing_a_session_keeps_the_clients_mix_per_zone(
    studio: OpenStudio, ink: InkService, artist: Actor, product: ProductRecord, make_client
) -> None:  # type: ignore[no-untyped-def]
    bottle = lot(ink, artist, product)
    client = make_client()
    give_valid_consent(studio, artist, client.id)
    first = ZoneEntry(
        ScalpZone.HAIRLINE, lot_id=bottle.id, dilution_water_parts=4, dilution_pigment_parts=1, notes="soft edge"
    )
    crown = ZoneEntry(ScalpZone.CROWN, pigment_shade="Charcoal", dilution_water_parts=2, dilution_pigment_parts=1)
    sessions = studio.services.sessions
    planned = sessions.create(artist, client.id, _session((first, crown), day=TODAY - timedelta(days=20)))
    assert ink.client_mixes(artist, client.id) == []  # planned: no mix yet
    sessions.mark_completed(artist, planned.id)
    mixes = ink.client_mixes(artist, client.id)
    assert [(m.zone, m.product_title, m.lot_number, m.dilution, m.notes) for m in mixes] == [
        (ScalpZone.HAIRLINE, "Scalp Pigments Co. Soft Black", "SB-2407", "4 : 1", "soft edge"),
        (ScalpZone.CROWN, "", "", "2 : 1", ""),
    ]
    later = first.replace(dilution_water_parts=3.0, notes="")
    sessions.create(artist, client.id, _session((later,), day=TODAY), complete=True)
    # an earlier session recorded afterwards does not replace the later mix
    sessions.create(artist, client.id, _session((first,), day=TODAY - timedelta(days=40)), complete=True)
    mixes = ink.client_mixes(artist, client.id)
    assert [(m.zone, m.dilution) for m in mixes] == [(ScalpZone.HAIRLINE, "3 : 1"), (ScalpZone.CROWN, "2 : 1")]


# --- recalls -----------------------------------------------------------------------------------------------------
def test_a_recall_finds_every_client_and_session_with_contact_details_and_logs_contacts(
    studio: OpenStudio,
    ink: InkService,
    owner: Actor,
    artist: Actor,
    reception: Actor,
    product: ProductRecord,
    make_client,
) -> None:  # type: ignore[no-untyped-def]
    bottle = lot(ink, owner, product)
    other = lot(ink, owner, product, "SB-2499")
    zoe = make_client(
        first_name="Zoë",
        last_name="Łukasiewicz",
        phone="+44 161 496 0123",
        email="zoe@example.com",
        address_line1="1 High St",
        city="Leeds",
        postcode="LS1 1AA",
    )
    wang = make_client(first_name="伟", last_name="王", phone="+44 20 7946 0456")
    untouched = make_client(first_name="Ann", last_name="Other")
    for client in (zoe, wang, untouched):
        give_valid_consent(studio, artist, client.id)
    sessions = studio.services.sessions
    sessions.create(
        artist,
        zoe.id,
        _session(
            (ZoneEntry(ScalpZone.HAIRLINE, lot_id=bottle.id), ZoneEntry(ScalpZone.CROWN, lot_id=bottle.id)),
            TODAY - timedelta(days=30),
        ),
        complete=True,
    )
    sessions.create(artist, zoe.id, _session((ZoneEntry(ScalpZone.HAIRLINE, lot_id=bottle.id),), TODAY), complete=True)
    sessions.create(
        artist,
        wang.id,
        _session((ZoneEntry(ScalpZone.SCAR, lot_id=bottle.id),), TODAY - timedelta(days=9)),
        complete=True,
    )
    sessions.create(artist, untouched.id, _session((ZoneEntry(ScalpZone.SCAR, lot_id=other.id),)), complete=True)

    report = ink.recall(owner, bottle.id, "Supplier notice: nickel above 5 mg/kg", source="Tattoo Supply Ltd")
    assert report.lot.shown_status is LotStatus.RECALLED and report.lot.usability[0] is Usability.RECALLED
    assert report.recall is not None and report.recall.recorded_by == "Olivia Owner"
    assert [c.name for c in report.clients] == ["Zoë Łukasiewicz", "王伟"]
    first = report.clients[0]
    assert (first.phone, first.email, first.address) == (
        "+44 161 496 0123",
        "zoe@example.com",
        "1 High St, LS1 1AA Leeds",
    )
    assert [len(s.zones) for s in first.sessions] == [2, 1] and report.session_count == 3
    assert not first.informed

    with pytest.raises(ValidationFailed):
        ink.recall(owner, bottle.id, "again")
    with pytest.raises(ValidationFailed):
        ink.log_contact(owner, bottle.id, untouched.id, ContactChannel.PHONE, ContactOutcome.REACHED)
    ink.log_contact(reception, bottle.id, zoe.id, ContactChannel.PHONE, ContactOutcome.NO_ANSWER)
    contact = ink.log_contact(reception, bottle.id, zoe.id, ContactChannel.EMAIL, ContactOutcome.REACHED, "Replied")
    assert contact.attempt == 2 and contact.by_name == "Chloe Evans"
    report = ink.recall_report(reception, bottle.id)
    assert report.clients[0].informed and not report.clients[1].informed
    assert [c.outcome for c in report.clients[0].contacts] == [ContactOutcome.NO_ANSWER, ContactOutcome.REACHED]
    with studio.sessions() as session:
        actions = session.scalars(select(AuditEvent.action).where(AuditEvent.action.like("recall%"))).all()
    assert actions == ["recall", "recall_contact", "recall_contact"]
    with pytest.raises(ValidationFailed):  # a recall cannot be undone through an edit
        ink.save_lot(owner, ink.lot(owner, bottle.id).draft.replace(status=LotStatus.IN_STOCK), bottle.id)


def test_the_zone_lot_link_is_indexed(studio: OpenStudio) -> None:
    assert any(index.name == "ix_session_zone_lot_id" for index in SessionZone.__table__.indexes)
    with studio.engine.connect() as connection:
        plan = connection.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT session_id FROM session_zone WHERE lot_id = 1"
        ).fetchall()
    assert "ix_session_zone_lot_id" in " ".join(str(row) for row in plan)


def test_names_in_any_script_are_matched_without_case(ink: InkService, owner: Actor) -> None:
    product = ink.save_product(owner, ProductDraft("Żółw Pigmenty", "Czerń Łagodna"))
    with pytest.raises(ValidationFailed) as failed:
        ink.save_product(owner, ProductDraft("ŻÓŁW PIGMENTY", "czerń łagodna"))
    assert failed.value.problems[0].code == "product_exists"
    lot(ink, owner, product, "ŁG-1", supplier="Дмитрий Поставки")
    assert [r.draft.lot_number for r in ink.lots(owner, LotFilter(text="дмитрий"))] == ["ŁG-1"]
    assert [r.draft.lot_number for r in ink.lots(owner, LotFilter(text="żółw pigmenty czerń"))] == ["ŁG-1"]
    assert ink.lots(owner, LotFilter(text="nothing like it")) == []

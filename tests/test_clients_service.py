"""Client records through ClientService: exact storage, validation messages, duplicate warnings, archive, audit."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from smp_desktop.core.domain import (
    AlopeciaPattern,
    Greying,
    HairLengthWish,
    HairlineStyle,
    ReferralSource,
    ScalpCondition,
    ScarKind,
    StaffRole,
    TreatmentReason,
)
from smp_desktop.core.models import AuditEvent
from smp_desktop.core.services.access import Actor, PermissionDenied
from smp_desktop.core.services.client_data import ClientDraft, ScarEntry, without_clinical
from smp_desktop.core.services.clients import PossibleDuplicate
from smp_desktop.core.services.errors import NotFound, ValidationFailed
from smp_desktop.core.studio_db import OpenStudio

FULL = ClientDraft(
    first_name="Łukasz",
    last_name="Żółkiewski-Nguyễn",
    preferred_name="Łuki",
    date_of_birth=date(1984, 3, 9),
    phone="+48 601 234 567",
    email="lukasz.z@example.com",
    address_line1="ul. Świętokrzyska 12/4",
    address_line2="",
    city="Łódź",
    postcode="90-001",
    country="PL",
    emergency_contact_name="Agnieszka Żółkiewska",
    emergency_contact_phone="+48 602 345 678",
    emergency_contact_relation="żona",
    referral_source=ReferralSource.FRIEND,
    referral_detail="Marek (client #12)",
    notes='Line one\n  indented <b>Ann & "Co"</b>\ttab\r\nZażółć gęślą jaźń  ',
    reasons=(TreatmentReason.THINNING, TreatmentReason.SCAR_CONCEALMENT),
    norwood_stage="5A",
    alopecia_pattern=None,
    alopecia_temporary=False,
    scars=(
        ScarEntry("back of head, ear to ear", ScarKind.FUT_STRIP, "2 mm wide, pale"),
        ScarEntry("crown", ScarKind.FUE_DOTS, ""),
    ),
    hair_colour="dark brown",
    greying=Greying.SOME,
    fitzpatrick_type=3,
    scalp_condition=ScalpCondition.DRY,
    scalp_condition_notes="flaky at the crown",
    hairline_style=HairlineStyle.SOFT,
    hair_length_wish=HairLengthWish.BUZZ,
)


def test_every_field_is_stored_and_read_back_exactly(studio: OpenStudio, owner: Actor) -> None:
    created = studio.services.clients.create(owner, FULL)
    studio.close()  # read through a new engine: nothing comes from a cache
    from smp_desktop.core.studio_db import open_studio

    with open_studio(studio.paths) as reopened:
        record = reopened.services.clients.get(owner, created.id)
    assert record.draft == FULL
    assert record.display_name == "Łukasz Żółkiewski-Nguyễn (Łuki)"
    assert record.concerns == ()
    assert not record.archived


@pytest.mark.parametrize(
    "name",
    ["Γιώργος", "Александр", "Nguyễn Văn Đức", "محمد العلي", "王伟", "山田 太郎", "Ørjan Ødegård", "Zoë 🙂", "O'Brien"],
)
def test_names_in_any_script_are_kept_as_typed(studio: OpenStudio, owner: Actor, name: str) -> None:
    record = studio.services.clients.create(owner, ClientDraft(first_name=name, last_name=name))
    assert studio.services.clients.get(owner, record.id).draft.first_name == name


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"email": "ann@@example"}, "email", "E-mail"),
        ({"email": "ann@example"}, "email", "not valid"),
        ({"phone": "12"}, "phone", "Phone “12”"),
        ({"phone": "+44 1234"}, "phone", "not a valid number"),
        ({"date_of_birth": date(2030, 1, 1)}, "date_of_birth", "in the future"),
        ({"date_of_birth": date(1850, 1, 1)}, "date_of_birth", "before 1900"),
        ({"first_name": "", "last_name": ""}, "first_name", "first name or last name"),
        ({"first_name": "A" * 101}, "first_name", "shorten it to 100"),
        ({"last_name": "Smith\nJones"}, "last_name", "line break"),
        ({"fitzpatrick_type": 7}, "fitzpatrick_type", "between 1 and 6"),
        ({"norwood_stage": "9"}, "norwood_stage", "Norwood stage must be one of"),
        ({"country": "Poland"}, "country", "two-letter code"),
        ({"scars": (ScarEntry("  ", ScarKind.OTHER),)}, "scars", "Scar 1 needs a location"),
        ({"emergency_contact_phone": "abc"}, "emergency_contact_phone", "Emergency contact phone"),
    ],
)
def test_bad_input_is_refused_with_a_message_naming_the_field_and_nothing_is_saved(
    studio: OpenStudio, owner: Actor, changes: dict[str, object], field: str, words: str
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        studio.services.clients.create(owner, ClientDraft(first_name="Ann", last_name="Lee").replace(**changes))
    message = caught.value.for_field(field)
    assert message is not None and words in message
    assert studio.services.clients.count(owner, include_archived=True) == 0


def test_a_national_phone_number_is_read_in_the_studios_country(studio: OpenStudio, owner: Actor) -> None:
    record = studio.services.clients.create(owner, ClientDraft(first_name="Ann", phone="07911 123456"))
    assert record.draft.phone == "07911 123456"  # shown as typed
    assert studio.services.clients.search(owner, "+44 7911 123456").rows[0].id == record.id


def test_suitability_concerns(studio: OpenStudio, owner: Actor) -> None:
    record = studio.services.clients.create(
        owner,
        ClientDraft(
            first_name="Mia",
            date_of_birth=date(2010, 1, 1),
            hair_length_wish=HairLengthWish.KEEP_LONG,
            alopecia_pattern=AlopeciaPattern.AREATA,
            alopecia_temporary=True,
        ),
    )
    codes = {c.code: c.message for c in record.concerns}
    assert set(codes) == {"keep_long_hair", "temporary_alopecia", "under_18"}
    assert "age 16" in codes["under_18"]
    adult = studio.services.clients.create(owner, ClientDraft(first_name="Max", date_of_birth=date(2008, 11, 25)))
    assert adult.concerns == ()  # 18 today


@pytest.mark.parametrize(
    "second",
    [
        ClientDraft(first_name="ANN", last_name="LEE", date_of_birth=date(1990, 5, 1)),  # same name and birth date
        ClientDraft(first_name="Someone", last_name="Else", phone="+44 7911 123456"),  # same phone, other format
        ClientDraft(first_name="Someone", last_name="Else", email="Ann.Lee@Example.com"),  # same e-mail, other case
    ],
)
def test_probable_duplicates_are_offered_before_creating(studio: OpenStudio, owner: Actor, second: ClientDraft) -> None:
    first = studio.services.clients.create(
        owner,
        ClientDraft(
            first_name="Ann", last_name="Lee", date_of_birth=date(1990, 5, 1), phone="07911123456",
            email="ann.lee@example.com",
        ),
    )  # fmt: skip
    with pytest.raises(PossibleDuplicate) as caught:
        studio.services.clients.create(owner, second)
    assert [m.id for m in caught.value.matches] == [first.id]
    assert studio.services.clients.count(owner) == 1
    studio.services.clients.create(owner, second, allow_duplicate=True)
    assert studio.services.clients.count(owner) == 2


def test_same_name_but_other_birth_date_is_not_a_duplicate(studio: OpenStudio, owner: Actor) -> None:
    studio.services.clients.create(
        owner, ClientDraft(first_name="Ann", last_name="Lee", date_of_birth=date(1990, 5, 1))
    )
    studio.services.clients.create(
        owner, ClientDraft(first_name="Ann", last_name="Lee", date_of_birth=date(1991, 5, 1))
    )
    assert studio.services.clients.count(owner) == 2


def test_update_changes_the_record_and_its_search_keys(studio: OpenStudio, owner: Actor, make_client) -> None:  # type: ignore[no-untyped-def]
    record = make_client(first_name="Ann", last_name="Lee")
    updated = studio.services.clients.update(owner, record.id, record.draft.replace(last_name="Ørsted"))
    assert updated.draft.last_name == "Ørsted"
    assert [r.id for r in studio.services.clients.search(owner, "orsted").rows] == [record.id]
    assert studio.services.clients.search(owner, "lee").rows == ()
    with pytest.raises(NotFound):
        studio.services.clients.update(owner, 9999, record.draft)


def test_archived_clients_leave_the_list_but_are_never_lost(studio: OpenStudio, owner: Actor, make_client) -> None:  # type: ignore[no-untyped-def]
    kept = make_client(first_name="Kept")
    gone = make_client(first_name="Archived")
    studio.services.clients.set_archived(owner, gone.id, True)
    assert [r.id for r in studio.services.clients.list_page(owner)[0]] == [kept.id]
    assert studio.services.clients.search(owner, "archived").rows == ()
    assert [r.id for r in studio.services.clients.search(owner, "archived", include_archived=True).rows] == [gone.id]
    assert studio.services.clients.get(owner, gone.id).archived
    assert studio.services.clients.count(owner) == 1
    assert studio.services.clients.count(owner, include_archived=True) == 2
    studio.services.clients.set_archived(owner, gone.id, False)
    assert studio.services.clients.count(owner) == 2


def test_changes_leave_an_audit_trail_naming_the_staff_member(studio: OpenStudio, owner: Actor, make_client) -> None:  # type: ignore[no-untyped-def]
    record = make_client(first_name="Ann")
    studio.services.clients.update(owner, record.id, record.draft.replace(email="ann@example.com"))
    studio.services.clients.set_archived(owner, record.id, True)
    with studio.sessions() as session:
        events = session.execute(
            select(AuditEvent.action, AuditEvent.staff_id, AuditEvent.detail).where(AuditEvent.entity == "client")
        ).all()
    assert [(a, s) for a, s, _ in events] == [
        ("create", owner.staff_id),
        ("update", owner.staff_id),
        ("archive", owner.staff_id),
    ]
    assert events[1].detail == "email"


def test_roles_limit_what_a_staff_member_may_do(studio: OpenStudio, owner: Actor, make_client) -> None:  # type: ignore[no-untyped-def]
    record = make_client(first_name="Ann")
    reception = Actor(staff_id=owner.staff_id, display_name="Rita", role=StaffRole.RECEPTION)
    assert studio.services.clients.get(reception, record.id).id == record.id  # may look up and book
    with pytest.raises(PermissionDenied, match="Rita"):
        studio.services.clients.set_archived(reception, record.id, True)
    assert not studio.services.clients.get(owner, record.id).archived


def test_the_front_desk_sees_and_changes_no_health_data(studio: OpenStudio, owner: Actor, make_client) -> None:  # type: ignore[no-untyped-def]
    clients = studio.services.clients
    record = make_client(
        first_name="Γιώργος",
        last_name="Παπαδόπουλος",
        reasons=(TreatmentReason.ALOPECIA,),
        norwood_stage="5",
        alopecia_temporary=True,
        scalp_condition_notes="psoriasis behind the left ear",
        scars=(ScarEntry("crown", ScarKind.SURGICAL, "6 cm"),),
        hair_colour="black",
    )
    reception = Actor(staff_id=owner.staff_id, display_name="Rita", role=StaffRole.RECEPTION)
    seen = clients.get(reception, record.id)
    assert not seen.health_visible and seen.draft == without_clinical(record.draft)
    assert seen.draft.hair_colour == "black" and seen.draft.scars == () and seen.draft.norwood_stage == ""
    assert "temporary_alopecia" not in {c.code for c in seen.concerns}

    # A phone change from the front desk keeps what it could not see.
    clients.update(reception, record.id, seen.draft.replace(phone="+30 691 234 5678"))
    whole = clients.get(owner, record.id)
    assert whole.health_visible and whole.draft.phone != record.draft.phone
    assert whole.draft.replace(phone=record.draft.phone) == record.draft  # everything else as it was

    # A client added at the desk carries no health data, whatever the draft held.
    added = clients.create(reception, ClientDraft(first_name="Ann", last_name="Lee", norwood_stage="3"))
    assert clients.get(owner, added.id).draft.norwood_stage == ""


def test_list_pages_follow_name_order_without_gaps(studio: OpenStudio, owner: Actor, make_client) -> None:  # type: ignore[no-untyped-def]
    names = ["Żak", "Adams", "adams", "Ängström", "Brown", "Éclair", "Zed", "Ørsted", "O'Neil", "Baker"]
    for i, last in enumerate(names):
        make_client(first_name=f"F{i}", last_name=last)
    seen, cursor = [], None
    while True:
        page, cursor = studio.services.clients.list_page(owner, after=cursor, limit=3)
        seen.extend(r.last_name for r in page)
        if cursor is None:
            break
    assert sorted(seen) == sorted(names) and len(seen) == len(names)
    assert seen[:4] == ["Adams", "adams", "Ängström", "Baker"]  # folded order: accents and case do not scatter


def test_a_future_birth_date_is_an_error_not_an_under_18_concern() -> None:
    from smp_desktop.core.services.client_validation import suitability_concerns

    assert (
        suitability_concerns(ClientDraft(first_name="A", date_of_birth=date(2030, 1, 1)), today=date(2026, 1, 1)) == ()
    )


@pytest.mark.parametrize(
    ("first", "last", "preferred", "said", "listed"),
    [
        ("Łukasz", "Żółkiewski", "Łuki", "Łukasz Żółkiewski (Łuki)", "Żółkiewski, Łukasz (Łuki)"),
        ("伟", "王", "", "王伟", "王伟"),
        ("太郎", "山田", "", "山田太郎", "山田太郎"),
        ("민준", "김", "", "김민준", "김민준"),
        ("Anna", "", "", "Anna", "Anna"),
    ],
)
def test_names_are_shown_in_their_cultures_order(first: str, last: str, preferred: str, said: str, listed: str) -> None:
    from smp_desktop.core.services.client_data import display_name, list_name

    assert display_name(first, last, preferred) == said
    assert list_name(first, last, preferred) == listed

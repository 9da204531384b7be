"""The demo people: deterministic, valid as the app validates clients, international, and medically consistent."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import phonenumbers
import pytest
from email_validator import validate_email

from smp_desktop.core.demo_people import EMAIL_DOMAINS, _ascii, demo_clients
from smp_desktop.core.domain import NORWOOD_STAGES, Greying, HairLengthWish, TreatmentReason
from smp_desktop.core.services.client_data import ClientDraft
from smp_desktop.core.services.client_validation import age_on, check_client

TODAY = date(2026, 11, 25)
SAMPLE = 2000
VIETNAMESE_LETTERS = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")


@pytest.fixture(scope="module")
def sample() -> list[ClientDraft]:
    return list(demo_clients(SAMPLE, seed=2026, today=TODAY))


def _names(client: ClientDraft) -> str:
    return f"{client.first_name} {client.last_name} {client.preferred_name} {client.emergency_contact_name}"


def _scripts(text: str) -> set[str]:
    return {unicodedata.name(ch, "?").split()[0] for ch in text if ch.isalpha()}


def test_same_seed_same_clients_and_a_short_run_is_a_prefix(sample: list[ClientDraft]) -> None:
    assert list(demo_clients(SAMPLE, seed=2026, today=TODAY)) == sample
    assert list(demo_clients(50, seed=2026, today=TODAY)) == sample[:50]
    assert list(demo_clients(50, seed=2027, today=TODAY)) != sample[:50]


@pytest.mark.parametrize("count", [0, 1, 7, 1234])
def test_yields_exactly_count_clients(count: int) -> None:
    assert sum(1 for _ in demo_clients(count, today=TODAY)) == count


def test_every_phone_is_valid_for_the_country_the_client_lives_in(sample: list[ClientDraft]) -> None:
    for client in sample:
        for text in filter(None, (client.phone, client.emergency_contact_phone)):
            number = phonenumbers.parse(text, None)
            region = phonenumbers.region_code_for_number(number)
            assert phonenumbers.is_valid_number_for_region(number, region), text
            assert phonenumbers.number_type(number) in (
                phonenumbers.PhoneNumberType.MOBILE,
                phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
            ), text
        if client.phone:
            number = phonenumbers.parse(client.phone, None)
            assert phonenumbers.region_code_for_number(number) == client.country, client


def test_phones_and_emails_are_unique(sample: list[ClientDraft]) -> None:
    phones = [c.phone for c in sample if c.phone] + [c.emergency_contact_phone for c in sample]
    phones = [p for p in phones if p]
    emails = [c.email for c in sample if c.email]
    assert len(set(phones)) == len(phones)
    assert len(set(emails)) == len(emails)


def test_emails_are_valid_ascii_at_reserved_example_domains(sample: list[ClientDraft]) -> None:
    for client in sample:
        if client.email:
            assert client.email.isascii(), client.email
            assert client.email.rsplit("@", 1)[1] in EMAIL_DOMAINS
            validate_email(client.email, check_deliverability=False)


@pytest.mark.parametrize(
    ("name", "scheme", "ascii_form"),
    [
        ("Γιώργος", "el", "giorgos"),
        ("Παπαδόπουλος", "el", "papadopoulos"),
        ("Ευάγγελος", "el", "evangelos"),
        ("Александр", "ru", "aleksandr"),
        ("Фёдоров", "ru", "fyodorov"),
        ("Олександр", "uk", "oleksandr"),
        ("Ковальський", "uk", "kovalskyi"),
        ("Łukasz Wiśniewski", "", "lukaszwisniewski"),
        ("Nguyễn Văn Đức", "", "nguyenvanduc"),
        ("Yılmaz İbrahim", "", "yilmazibrahim"),
        ("Søren Bækgaard", "", "sorenbaekgaard"),
        ("O'Brien", "", "obrien"),
    ],
)
def test_names_are_transliterated_for_emails(name: str, scheme: str, ascii_form: str) -> None:
    assert _ascii(name, scheme) == ascii_form


def test_email_local_parts_come_from_the_name(sample: list[ClientDraft]) -> None:
    for client in sample:
        if client.email:
            local = client.email.split("@")[0]
            assert re.fullmatch(r"[a-z][a-z._]*[a-z][0-9]+", local), client.email


@pytest.mark.parametrize("today", [TODAY, date(2028, 2, 29), date(2027, 1, 1), date(2026, 12, 31)])
def test_nobody_is_born_in_the_future_or_under_18(today: date) -> None:
    clients = list(demo_clients(3000, seed=5, today=today))
    born = [c.date_of_birth for c in clients if c.date_of_birth is not None]
    assert all(b <= today and 18 <= age_on(b, today) <= 75 for b in born)
    assert 0 < len(clients) - len(born) < len(clients) * 0.1  # a few without a date of birth
    ages = [age_on(b, today) for b in born]
    assert sum(25 <= a <= 55 for a in ages) > 0.7 * len(ages)


def test_every_script_is_present(sample: list[ClientDraft]) -> None:
    names = [_names(c) for c in sample]
    scripts = set().union(*(_scripts(n) for n in names))
    assert {"LATIN", "GREEK", "CYRILLIC", "ARABIC", "CJK", "HANGUL"} <= scripts
    text = " ".join(names)
    assert "ł" in text or "Ł" in text
    assert VIETNAMESE_LETTERS & set(text.lower())
    assert "ı" in text and ("ø" in text or "å" in text)
    latin = sum(_scripts(f"{c.first_name}{c.last_name}") == {"LATIN"} for c in sample)
    assert 0.72 < latin / SAMPLE < 0.88  # mostly Latin, like a European studio's list


def test_realistic_mix_of_contact_data(sample: list[ClientDraft]) -> None:
    def share(attr: str) -> float:
        return sum(bool(getattr(c, attr)) for c in sample) / SAMPLE

    assert 0.85 < share("phone") < 0.98
    assert 0.7 < share("email") < 0.9
    assert 0.6 < share("city") < 0.8
    assert 0.4 < share("emergency_contact_name") < 0.6
    assert 0.03 < share("preferred_name") < 0.15
    assert 0.05 < share("notes") < 0.3
    for client in sample:
        if client.city:
            assert client.address_line1 and client.country
        if client.emergency_contact_name:
            assert client.emergency_contact_phone and client.emergency_contact_relation


def test_names_repeat_realistically(sample: list[ClientDraft]) -> None:
    clients = list(demo_clients(20_000, seed=3, today=TODAY))
    counts: dict[tuple[str, str], int] = {}
    for c in clients:
        counts[c.first_name, c.last_name] = counts.get((c.first_name, c.last_name), 0) + 1
    assert max(counts.values()) <= 12  # some namesakes, no absurd crowds
    assert len(counts) > 0.75 * len(clients)


def test_profile_fits_the_reason(sample: list[ClientDraft]) -> None:
    for c in sample:
        reasons = set(c.reasons)
        assert (TreatmentReason.SCAR_CONCEALMENT in reasons) == bool(c.scars), c
        assert 1 <= len(c.scars) <= 2 or not c.scars
        assert all(scar.location for scar in c.scars)
        assert (TreatmentReason.ALOPECIA in reasons) == (c.alopecia_pattern is not None), c
        assert not c.alopecia_temporary or TreatmentReason.ALOPECIA in reasons
        if TreatmentReason.THINNING in reasons:
            assert c.norwood_stage in NORWOOD_STAGES and c.norwood_stage != "1", c
        if c.norwood_stage:
            assert reasons & {TreatmentReason.THINNING, TreatmentReason.DENSITY}
        if not reasons:  # an enquiry, not assessed yet
            assert (c.hair_colour, c.greying, c.hair_length_wish, c.norwood_stage) == ("", None, None, "")
        else:
            assert c.hair_colour and c.greying is not None and c.hair_length_wish is not None
        if c.fitzpatrick_type is not None:
            assert 1 <= c.fitzpatrick_type <= 6
    temporary = sum(c.alopecia_temporary for c in sample)
    keep_long = sum(c.hair_length_wish is HairLengthWish.KEEP_LONG for c in sample)
    assert 0 < temporary < 0.05 * SAMPLE
    assert 0 < keep_long < 0.12 * SAMPLE
    assert sum(TreatmentReason.THINNING in c.reasons for c in sample) > 0.5 * SAMPLE


def test_greying_follows_age(sample: list[ClientDraft]) -> None:
    def grey_share(young: bool) -> float:
        group = [
            c
            for c in sample
            if c.greying is not None and c.date_of_birth is not None and (age_on(c.date_of_birth, TODAY) < 35) == young
        ]
        return sum(c.greying in (Greying.HALF, Greying.MOSTLY, Greying.ALL) for c in group) / len(group)

    assert grey_share(young=True) < 0.15 < grey_share(young=False)


def test_every_client_passes_the_apps_own_validation(sample: list[ClientDraft]) -> None:
    for client in sample:
        checked = check_client(client, today=TODAY, default_region=None)
        assert checked.draft == client  # nothing needed trimming or fixing

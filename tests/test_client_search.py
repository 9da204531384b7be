"""Search as you type: any part of a name, phone or e-mail, case- and accent-insensitive, best matches first."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from smp_desktop.core.models import Client
from smp_desktop.core.search import fold
from smp_desktop.core.services.access import Actor
from smp_desktop.core.studio_db import OpenStudio

PEOPLE = [
    ("Łukasz", "Żółkiewski", "+48 601 234 567", "lukasz@example.com"),
    ("Γιώργος", "Παπαδόπουλος", "", "giorgos@example.gr"),
    ("Александр", "Иванов", "+7 912 345 67 89", ""),
    ("Đức", "Nguyễn Văn", "", "duc.nguyen@example.org"),
    ("محمد", "العلي", "+44 7911 123456", ""),
    ("伟", "王", "", ""),
    ("Søren", "Ødegård", "", "soren@example.net"),
    ("Anna", "Smith", "", "anna.smith@example.com"),
    ("John", "Annandale", "", ""),
    ("Joanna", "Brown", "", ""),
    ("Bob", "Hannah", "", ""),
    ("Straße", "Müller", "", ""),
    ("100%", "Real_Name", "", ""),
    ('Ann "Quote"', "O'Brien", "", ""),
]


@pytest.fixture
def people(studio: OpenStudio, owner: Actor, make_client) -> dict[str, int]:  # type: ignore[no-untyped-def]
    ids = {}
    for first, last, phone, email in PEOPLE:
        ids[last] = make_client(first_name=first, last_name=last, phone=phone, email=email).id
    return ids


def found(studio: OpenStudio, owner: Actor, query: str) -> list[str]:
    return [row.last_name for row in studio.services.clients.search(owner, query).rows]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zolk", "Żółkiewski"),
        ("ŻÓŁKIEWSKI", "Żółkiewski"),
        ("łukasz ż", "Żółkiewski"),  # first then last name
        ("zolkiewski luk", "Żółkiewski"),  # last then first name
        ("πάπα", "Παπαδόπουλος"),
        ("ΠΑΠΑΔ", "Παπαδόπουλος"),
        ("иван", "Иванов"),
        ("nguyen", "Nguyễn Văn"),
        ("duc", "Nguyễn Văn"),
        ("العلي", "العلي"),
        ("王", "王"),
        ("odegard", "Ødegård"),
        ("strasse", "Müller"),
        ("mull", "Müller"),
        ("601 234", "Żółkiewski"),
        ("+48601234567", "Żółkiewski"),
        ("07911 123456", "العلي"),  # national format finds the number stored in international format
        ("example.gr", "Παπαδόπουλος"),
        ("100%", "Real_Name"),
        ("a_e", None),  # LIKE wildcards are literal: "_" would otherwise match the "m" of "real_name"
        ('"quote"', "O'Brien"),  # quotes cannot break the index query
        ("o'b", "O'Brien"),
    ],
)
def test_finds_by_any_part_in_any_script(
    studio: OpenStudio, owner: Actor, people: dict[str, int], query: str, expected: str | None
) -> None:
    result = found(studio, owner, query)
    if expected is None:
        assert result == []
    else:
        assert expected in result, f"{query!r} should find {expected!r}, found {result}"


def test_results_start_from_the_first_character(studio: OpenStudio, owner: Actor, people: dict[str, int]) -> None:
    assert "Żółkiewski" in found(studio, owner, "z")
    assert "王" in found(studio, owner, "王")


def test_best_matches_come_first(studio: OpenStudio, owner: Actor, people: dict[str, int]) -> None:
    result = found(studio, owner, "ann")
    # last name starts with it, then first name starts with it, then it appears inside a name or e-mail
    assert result[0] == "Annandale"
    assert result[1:3] == ["Smith", "O'Brien"] or result[1:3] == ["O'Brien", "Smith"]
    assert set(result[3:]) == {"Brown", "Hannah"}


def test_short_queries_match_word_starts_and_longer_ones_match_anywhere(
    studio: OpenStudio, owner: Actor, people: dict[str, int]
) -> None:
    assert "Müller" in found(studio, owner, "mü")  # 1–2 characters: a word starts with them
    assert "Nguyễn Văn" in found(studio, owner, "va")  # ... any word, not only the first
    assert "Smith" in found(studio, owner, "a.")  # ... e-mail parts too ("anna.smith@...")
    assert "Müller" not in found(studio, owner, "ll")  # inside a word needs three characters ...
    assert "Müller" in found(studio, owner, "ull")  # ... then any part matches
    assert "Żółkiewski" in found(studio, owner, "kiew")


def test_more_flag_when_the_page_is_full(studio: OpenStudio, owner: Actor, make_client) -> None:  # type: ignore[no-untyped-def]
    for i in range(12):
        make_client(first_name=f"Sam{i}", last_name="Jones")
    result = studio.services.clients.search(owner, "jones", limit=10)
    assert len(result.rows) == 10 and result.more
    result = studio.services.clients.search(owner, "jones", limit=12)
    assert len(result.rows) == 12 and not result.more


def test_empty_query_finds_nothing(studio: OpenStudio, owner: Actor, people: dict[str, int]) -> None:
    assert studio.services.clients.search(owner, "   ").rows == ()


def test_search_and_list_never_load_client_objects(studio: OpenStudio, owner: Actor, people: dict[str, int]) -> None:
    loaded: list[object] = []

    def on_load(target: object, context: object) -> None:
        loaded.append(target)

    event.listen(Client, "load", on_load)
    try:
        for query in ("a", "ann", "zolk", "601"):
            assert studio.services.clients.search(owner, query).rows
        assert studio.services.clients.list_page(owner)[0]
    finally:
        event.remove(Client, "load", on_load)
    assert loaded == []


def test_fold_handles_letters_unicode_does_not_decompose() -> None:
    assert fold("Łódź Ørsted Straße Đức Æsir Œuvre") == "lodz orsted strasse duc aesir oeuvre"
    assert fold("  Many   Spaces ") == "many spaces"

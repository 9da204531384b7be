"""The removal rules as plain functions: the Kirby-Desai points and estimate, the studio's method rules read from
data (and a studio's own copy), session dates at the method's interval, interval warnings, the earliest date for
new SMP and the laser parameter checks."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from smp_desktop.core.removal import (
    KirbyDesaiInputs,
    LaserParameters,
    RemovalRulesInvalid,
    SessionDate,
    check_parameters,
    earliest_new_smp,
    interval_warnings,
    kirby_desai,
    load_rules,
    next_date,
    suggest_dates,
)
from smp_desktop.core.removal_vocabulary import (
    InkAmount,
    InkColours,
    Layering,
    RemovalMethod,
    RemovalSessionStatus,
    Scarring,
    TattooLocation,
)
from smp_desktop.resources import resource_path

PLANNED, DONE, CANCELLED = RemovalSessionStatus.PLANNED, RemovalSessionStatus.DONE, RemovalSessionStatus.CANCELLED


def test_kirby_desai_adds_the_published_points() -> None:
    # The published example: skin type II, chest (upper trunk), multiple colours, moderate ink, no scar, no layer.
    chest = KirbyDesaiInputs(
        2, TattooLocation.UPPER_TRUNK, InkColours.MULTIPLE_COLOURS, InkAmount.MODERATE, Scarring.NONE, Layering.NONE
    )
    assert kirby_desai(chest).score == 11
    # Black amateur work on the head of a type III client: 3 + 1 + 1 + 1 + 0 + 0.
    scalp = KirbyDesaiInputs(
        3, TattooLocation.HEAD_NECK, InkColours.BLACK_ONLY, InkAmount.AMATEUR, Scarring.NONE, Layering.NONE
    )
    assert kirby_desai(scalp).score == 6
    assert kirby_desai(scalp).session_range == (4, 8)
    # Every factor at its top: VI + distal 5 + 4 colours + significant 4 + significant scarring 5 + layered 2.
    worst = KirbyDesaiInputs(
        6,
        TattooLocation.DISTAL_EXTREMITY,
        InkColours.MULTIPLE_COLOURS,
        InkAmount.SIGNIFICANT,
        Scarring.SIGNIFICANT,
        Layering.LAYERED,
    )
    result = kirby_desai(worst)
    assert result.score == 26
    assert dict(result.points) == {
        "skin_type": 6,
        "location": 5,
        "colours": 4,
        "amount": 4,
        "scarring": 5,
        "layering": 2,
    }


@pytest.mark.parametrize(
    ("scarring", "points"),
    [(Scarring.NONE, 0), (Scarring.MINIMAL, 1), (Scarring.MODERATE, 3), (Scarring.SIGNIFICANT, 5)],
)
def test_scarring_points_skip_two_and_four(scarring: Scarring, points: int) -> None:
    base = KirbyDesaiInputs(
        1, TattooLocation.HEAD_NECK, InkColours.BLACK_ONLY, InkAmount.AMATEUR, scarring, Layering.NONE
    )
    assert kirby_desai(base).score == 1 + 1 + 1 + 1 + points


def test_an_unanswered_factor_gives_a_subtotal_but_no_score() -> None:
    partial = KirbyDesaiInputs(fitzpatrick_type=4, colours=InkColours.MOSTLY_BLACK_SOME_RED)
    result = kirby_desai(partial)
    assert result.score is None and not result.complete
    assert result.subtotal == 4 + 1 + 2  # the location defaults to head and neck for a scalp
    assert result.missing == ("amount", "scarring", "layering")
    assert result.session_range is None
    assert kirby_desai(KirbyDesaiInputs(fitzpatrick_type=7)).points[0] == ("skin_type", None)


def test_the_shipped_rules_hold_the_domain_intervals() -> None:
    rules = load_rules()
    q = rules.rule(RemovalMethod.Q_SWITCHED_LASER)
    pico = rules.rule(RemovalMethod.PICOSECOND_LASER)
    saline = rules.rule(RemovalMethod.SALINE)
    assert (q.min_interval_days, q.usual_interval_days) == (42, 56)  # 6-8 weeks
    assert (pico.min_interval_days, pico.usual_interval_days) == (21, 28)  # reassess after 3-4 weeks
    assert (saline.min_interval_days, saline.usual_interval_days) == (42, 56)
    assert q.new_smp_after_days == 90
    assert q.wavelengths_nm == (532, 694, 755, 1064) and saline.wavelengths_nm == ()
    assert "grey" in q.risks and q.aftercare


def test_a_studio_copy_of_the_rules_wins(tmp_path: Path) -> None:
    data = json.loads(resource_path("removal/methods.json").read_text(encoding="utf-8"))
    data["methods"]["saline"]["min_interval_days"] = 49
    data["methods"]["saline"]["usual_interval_days"] = 63
    own = tmp_path / "removal-methods.json"
    own.write_text(json.dumps(data), encoding="utf-8")
    assert load_rules(own).rule(RemovalMethod.SALINE).usual_interval_days == 63
    assert load_rules(tmp_path / "absent.json").rule(RemovalMethod.SALINE).usual_interval_days == 56


def test_a_broken_rules_file_is_named(tmp_path: Path) -> None:
    broken = tmp_path / "removal-methods.json"
    broken.write_text('{"methods": {"saline": {}}}', encoding="utf-8")
    with pytest.raises(RemovalRulesInvalid, match=r"removal-methods\.json"):
        load_rules(broken)
    data = json.loads(resource_path("removal/methods.json").read_text(encoding="utf-8"))
    data["methods"]["saline"]["min_interval_days"] = 90  # above the usual interval
    broken.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RemovalRulesInvalid, match="saline"):
        load_rules(broken)


def test_dates_follow_the_usual_interval_and_never_start_in_the_past() -> None:
    q = load_rules().rule(RemovalMethod.Q_SWITCHED_LASER)
    start = date(2026, 1, 5)
    assert suggest_dates(start, 3, q) == [start, start + timedelta(days=56), start + timedelta(days=112)]
    today = date(2026, 3, 1)
    assert next_date([], q, today) == today
    sessions = [SessionDate(DONE, date(2026, 1, 5), date(2026, 1, 6)), SessionDate(CANCELLED, date(2026, 2, 20))]
    assert next_date(sessions, q, today) == date(2026, 3, 3)  # 56 days after the 6th, the cancelled one ignored
    assert next_date(sessions, q, date(2026, 6, 1)) == date(2026, 6, 1)


def test_a_session_too_soon_after_the_previous_is_warned_about() -> None:
    q = load_rules().rule(RemovalMethod.Q_SWITCHED_LASER)
    sessions = [
        SessionDate(PLANNED, date(2026, 3, 1)),  # 58 days after 2 January: fine
        SessionDate(DONE, date(2026, 1, 1), date(2026, 1, 2)),  # given out of order: compared by date
        SessionDate(CANCELLED, date(2026, 3, 10)),  # cancelled: not counted
        SessionDate(PLANNED, date(2026, 4, 1)),  # 31 days after 1 March: too soon
    ]
    (warning,) = interval_warnings(sessions, q)
    assert (warning.index, warning.previous, warning.earliest) == (3, date(2026, 3, 1), date(2026, 4, 12))
    assert warning.message == (
        "2026-04-01 is 31 days after the session of 2026-03-01; this method needs at least 42 days between "
        "sessions (from 2026-04-12)."
    )


def test_interval_warning_names_the_earliest_good_day() -> None:
    pico = load_rules().rule(RemovalMethod.PICOSECOND_LASER)
    sessions = [SessionDate(DONE, date(2026, 1, 1), date(2026, 1, 1)), SessionDate(PLANNED, date(2026, 1, 15))]
    (warning,) = interval_warnings(sessions, pico)
    assert warning.index == 1 and warning.earliest == date(2026, 1, 22)
    assert "14 days" in warning.message and "at least 21 days" in warning.message
    assert interval_warnings([*sessions[:1], SessionDate(PLANNED, date(2026, 1, 22))], pico) == []
    (before_test,) = interval_warnings([SessionDate(PLANNED, date(2026, 1, 10))], pico, test_spot_on=date(2026, 1, 12))
    assert "test spot" in before_test.message


def test_new_smp_waits_after_the_last_session() -> None:
    q = load_rules().rule(RemovalMethod.Q_SWITCHED_LASER)
    sessions = [
        SessionDate(DONE, date(2026, 1, 1), date(2026, 1, 3)),
        SessionDate(PLANNED, date(2026, 3, 1)),
        SessionDate(CANCELLED, date(2026, 6, 1)),
    ]
    assert earliest_new_smp(sessions, q) == date(2026, 3, 1) + timedelta(days=90)
    assert earliest_new_smp([], q) is None


def test_laser_parameters_are_checked_with_clear_messages() -> None:
    rules = load_rules()
    q = RemovalMethod.Q_SWITCHED_LASER
    good = LaserParameters(1064, 3.5, 4.0, 5.0)
    assert check_parameters(q, good, rules, done=True) == []
    problems = check_parameters(q, LaserParameters(1000, -2.0, 80.0, None), rules, done=True, prefix="Session 2: ")
    by_field = {p.field: p.message for p in problems}
    assert by_field["wavelength_nm"] == (
        "Session 2: A wavelength of 1000 nm is not one this method uses; choose 532, 694, 755, 1064 nm."
    )
    assert by_field["fluence_j_cm2"] == "Session 2: The fluence must be a positive number of J/cm²."
    assert "80 mm is outside the plausible range 0.5–15 mm" in by_field["spot_size_mm"]
    assert "repetition_hz" not in by_field  # optional
    missing = check_parameters(q, LaserParameters(), rules, done=True)
    assert {p.field for p in missing} == {"wavelength_nm", "fluence_j_cm2", "spot_size_mm"}
    assert check_parameters(q, LaserParameters(), rules, done=False) == []  # planned: nothing yet
    (saline,) = check_parameters(RemovalMethod.SALINE, good, rules, done=True)
    assert saline.code == "saline_no_parameters"
    assert check_parameters(RemovalMethod.SALINE, LaserParameters(), rules, done=True) == []
    (nan,) = check_parameters(q, LaserParameters(1064, float("nan"), 4.0), rules, done=True)
    assert nan.field == "fluence_j_cm2"

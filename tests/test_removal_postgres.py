"""Removal plans on a studio's shared PostgreSQL server: the migration's tables take a whole plan and give it back
exactly (dates, enums, floats, text in any script)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from smp_desktop.core.removal_vocabulary import (
    InkAmount,
    InkColours,
    Layering,
    RemovalMethod,
    RemovalReason,
    RemovalSessionStatus,
    Scarring,
)
from smp_desktop.core.services.client_data import ClientDraft
from smp_desktop.core.services.removal_data import RemovalSessionEntry
from smp_desktop.core.studio_db import open_studio
from smp_desktop.paths import StudioPaths
from tests.postgres_server import Server

TODAY = date(2026, 11, 25)


def test_a_plan_round_trips_on_postgresql(postgres: Server, tmp_path: Path) -> None:
    with open_studio(StudioPaths(tmp_path / "pg"), url=postgres.new_database(), today=lambda: TODAY) as studio:
        owner = studio.services.studio.create("Server Studio", "Paula Owner", country="PL")
        client = studio.services.clients.create(owner, ClientDraft(first_name="Νίκος", last_name="王"))
        removals = studio.services.removals
        draft = removals.new_draft(owner, client.id, RemovalMethod.PICOSECOND_LASER, RemovalReason.COMPLETE)
        draft = draft.replace(
            fitzpatrick_type=5,
            kd_colours=InkColours.BLACK_ONLY,
            kd_amount=InkAmount.SIGNIFICANT,
            kd_scarring=Scarring.MODERATE,
            kd_layering=Layering.LAYERED,
            notes="Дмитрий — <b>ok</b>",
            sessions=(
                RemovalSessionEntry(
                    status=RemovalSessionStatus.DONE,
                    planned_on=TODAY - timedelta(days=28),
                    done_on=TODAY - timedelta(days=28),
                    wavelength_nm=755,
                    fluence_j_cm2=2.25,
                    spot_size_mm=3.5,
                    repetition_hz=2.0,
                ),
                RemovalSessionEntry(planned_on=TODAY + timedelta(days=1)),
            ),
        )
        record = removals.create(owner, client.id, draft)
        again = removals.get(owner, record.id)
        assert again.kd_score == 5 + 1 + 1 + 4 + 3 + 2
        assert again.draft.notes == "Дмитрий — <b>ok</b>"
        assert [(s.wavelength_nm, s.fluence_j_cm2, s.done_on) for s in again.draft.sessions] == [
            (755, 2.25, TODAY - timedelta(days=28)),
            (None, None, None),
        ]
        assert again.earliest_new_smp_on == TODAY + timedelta(days=91)
        assert [p.id for p in removals.list_for_client(owner, client.id)] == [record.id]

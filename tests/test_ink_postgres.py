"""The ink register on a studio's shared PostgreSQL server: the register, a zone naming its lot, a recall with its
clients, CSV round trip, and the demo's set-based linking (temporary table, window function)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from smp_desktop.core.demo import create_demo_studio
from smp_desktop.core.domain import ScalpZone, SessionKind
from smp_desktop.core.ink import LABEL_FIELDS, LabelCheck, LotStatus
from smp_desktop.core.progress import run_to_end
from smp_desktop.core.services.client_data import ClientDraft
from smp_desktop.core.services.ink_data import LotDraft, ProductDraft
from smp_desktop.core.services.session_data import SessionDraft, ZoneEntry
from smp_desktop.core.studio_db import open_studio
from smp_desktop.paths import StudioPaths
from tests.consent_helpers import give_valid_consent
from tests.postgres_server import Server

TODAY = date(2026, 11, 25)


@pytest.fixture
def server_url(postgres: Server) -> str:
    return postgres.new_database()  # each test on its own empty database


def test_the_register_and_a_recall_on_postgresql(server_url: str, tmp_path: Path) -> None:
    with open_studio(StudioPaths(tmp_path / "pg"), url=server_url, today=lambda: TODAY) as studio:
        owner = studio.services.studio.create("Server Studio", "Paula Owner", country="PL")
        ink = studio.services.ink
        product = ink.save_product(owner, ProductDraft('<b>Ann & "Co"</b>', "Czerń miękka"))
        lot = ink.save_lot(
            owner,
            LotDraft(
                product.id, "CM-1", expires_on=date(2028, 1, 1), **dict.fromkeys(LABEL_FIELDS, LabelCheck.PRESENT)
            ),
        )  # type: ignore[arg-type]
        client = studio.services.clients.create(owner, ClientDraft(first_name="Łukasz", last_name="Żółkiewski"))
        give_valid_consent(studio, owner, client.id)
        draft = SessionDraft(kind=SessionKind.SESSION_1, starts_at=datetime(2026, 11, 2, 10).astimezone(),
                             health_unchanged=True, zones=(ZoneEntry(ScalpZone.CROWN, lot_id=lot.id),))  # fmt: skip
        studio.services.sessions.create(owner, client.id, draft, complete=True)
        assert [m.lot_number for m in ink.client_mixes(owner, client.id)] == ["CM-1"]
        report = ink.recall(owner, lot.id, "Nickel above the limit", source="GIS notice")
        assert [c.name for c in report.clients] == ["Łukasz Żółkiewski"]
        assert ink.one_lot(owner, "cm-1").shown_status is LotStatus.RECALLED
        out = tmp_path / "lots.csv"
        assert ink.export_lots(owner, out) == 1


def test_the_demo_register_links_its_sessions_on_postgresql(server_url: str, tmp_path: Path) -> None:
    with open_studio(StudioPaths(tmp_path / "pg-demo"), url=server_url, today=lambda: TODAY) as studio:
        owner = run_to_end(create_demo_studio(studio, clients=30, today=TODAY))
        ink = studio.services.ink
        lots = ink.lots(owner)
        assert any(lot.times_used for lot in lots) and len(ink.recalls(owner)) == 1
        some = next(lot for lot in lots if lot.times_used)
        assert ink.recall_report(owner, some.id).clients

"""The demo studio's ink register: realistic brands and lots, the lots its sessions used linked to their zones, an
expired lot, a label-incomplete lot, a recalled lot whose clients are listed, and the clients' mixes."""

from __future__ import annotations

from sqlalchemy import func, select

from smp_desktop.core.ink import LotStatus, Usability
from smp_desktop.core.models import ClientMix, SessionZone
from tests.conftest import DemoStudio


def test_the_demo_register_is_used_by_the_demo_sessions(demo_studio: DemoStudio) -> None:
    studio, owner = demo_studio.studio, demo_studio.owner
    ink = studio.services.ink
    products = ink.products(owner)
    assert len(products) == 5 and {p.draft.brand for p in products} >= {"Perma Scalp Pigments", "Inkline Pro"}
    with studio.sessions() as session:
        zones, linked = session.execute(
            select(func.count(), func.count(SessionZone.lot_id)).where(SessionZone.pigment_lot != "")
        ).one()
        mixes = session.scalar(select(func.count()).select_from(ClientMix))
    assert zones > 0 and linked == zones  # every zone names its register lot
    assert mixes and mixes > 0
    lots = ink.lots(owner)
    reasons = {lot.draft.lot_number: lot.usability for lot in lots}
    assert any(u == (Usability.EXPIRED,) for u in reasons.values())
    assert any(u == (Usability.LABEL_INCOMPLETE,) for u in reasons.values())
    assert sum(1 for lot in lots if lot.usable and lot.draft.status is LotStatus.IN_STOCK) >= 3
    (recall,) = ink.recalls(owner)
    report = ink.recall_report(owner, recall.lot_id)
    assert report.lot.shown_status is LotStatus.RECALLED and report.clients
    assert all(client.sessions for client in report.clients)
    soft = next(lot for lot in lots if lot.product_name == "SMP Black Soft" and lot.times_used)
    assert soft.draft.lot_number.startswith("CS-")  # the soft shade's bottles have their own numbers

"""Migration 0004 turns the plain shade and lot text of earlier session zones into products and lots and links
each zone to its lot, keeping the text as it was."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from smp_desktop.core.db import migrate
from smp_desktop.core.db.engine import make_engine, sqlite_url

FIXTURE = Path(__file__).parent / "fixtures" / "schema_0002" / "studio.sqlite"


def test_text_lots_become_register_lots_linked_to_their_zones(tmp_path: Path) -> None:
    copy = tmp_path / "studio.sqlite"
    shutil.copy(FIXTURE, copy)
    engine = make_engine(sqlite_url(copy))
    migrate.upgrade(engine, None)
    engine.dispose()
    db = sqlite3.connect(copy)
    try:
        zones = db.execute(
            "SELECT z.zone, z.pigment_shade, z.pigment_lot, l.lot_number, p.name, p.brand, l.status,"
            " l.label_batch_number, z.lot_override_reason"
            " FROM session_zone z JOIN pigment_lot l ON l.id = z.lot_id JOIN pigment_product p ON p.id = l.product_id"
            " ORDER BY z.position"
        ).fetchall()
        assert zones == [
            (
                "hairline",
                "Carbon black (soft)",
                "CB-24117",
                "CB-24117",
                "Carbon black (soft)",
                "From session records",
                "opened",
                "unchecked",
                "",
            ),
            (
                "crown",
                "Charcoal",
                "CH-25031",
                "CH-25031",
                "Charcoal",
                "From session records",
                "opened",
                "unchecked",
                "",
            ),
        ]
        assert db.execute("SELECT count(*) FROM pigment_product").fetchone() == (2,)
        assert db.execute("SELECT count(*) FROM pigment_lot").fetchone() == (2,)
        assert db.execute("SELECT pigment_base FROM pigment_product ORDER BY name").fetchall() == [
            ("carbon_black",),
            ("other",),
        ]
    finally:
        db.close()
    assert FIXTURE.stat().st_size > 0  # the fixture itself is only read


def test_the_same_lot_text_under_two_shades_gives_two_lots_and_blank_lots_none(tmp_path: Path) -> None:
    copy = tmp_path / "studio.sqlite"
    shutil.copy(FIXTURE, copy)
    db = sqlite3.connect(copy)
    session_id = db.execute("SELECT session_id FROM session_zone LIMIT 1").fetchone()[0]
    columns = (
        "session_id, position, zone, pigment_shade, pigment_lot, needle, machine_speed, depth_notes, dot_density, notes"
    )
    db.executemany(
        f"INSERT INTO session_zone ({columns}) VALUES (?, ?, ?, ?, ?, '', '', '', '', '')",
        [
            (
                session_id,
                5,
                "sides",
                "Charcoal",
                "  CB-24117 ",
            ),
            (session_id, 6, "back", "Charcoal", ""),
            (session_id, 7, "scar", "", "X-1"),
        ],
    )
    db.commit()
    db.close()
    engine = make_engine(sqlite_url(copy))
    migrate.upgrade(engine, None)
    engine.dispose()
    db = sqlite3.connect(copy)
    try:
        rows = dict(
            db.execute(
                "SELECT z.zone, p.name || ' / ' || l.lot_number FROM session_zone z"
                " LEFT JOIN pigment_lot l ON l.id = z.lot_id LEFT JOIN pigment_product p ON p.id = l.product_id"
            ).fetchall()
        )
        assert rows["sides"] == "Charcoal / CB-24117"
        assert rows["hairline"] == "Carbon black (soft) / CB-24117"
        assert rows["back"] is None  # no lot written: nothing to link
        assert rows["scar"] == "Unnamed shade / X-1"
        assert db.execute("SELECT count(*) FROM pigment_lot WHERE lot_number = 'CB-24117'").fetchone() == (2,)
    finally:
        db.close()

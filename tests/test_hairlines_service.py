"""Hairline design versions: numbered per client and view, never changed once saved, checked and audited."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from smp_desktop.core.domain import PhotoView, StaffRole
from smp_desktop.core.hairline import HairlineShapes, Point, Zone, ZoneKind
from smp_desktop.core.models import AuditEvent, HairlineDesign, Photo, StaffMember
from smp_desktop.core.services.access import Actor, PermissionDenied
from smp_desktop.core.services.errors import NotFound, ValidationFailed
from smp_desktop.core.studio_db import OpenStudio

FIRST = HairlineShapes(
    hairline=(Point(0.2, 0.4), Point(0.5, 0.3), Point(0.8, 0.4)),
    left_temple=Point(0.85, 0.45),
    right_temple=Point(0.15, 0.45),
    zones=(Zone(ZoneKind.DENSITY, "Frontal", (Point(0.3, 0.2), Point(0.7, 0.2), Point(0.5, 0.05)), 3),),
)
REDESIGN = HairlineShapes(hairline=(Point(0.2, 0.45), Point(0.5, 0.38), Point(0.8, 0.45)))


def add_staff(studio: OpenStudio, name: str, role: StaffRole) -> Actor:
    with studio.sessions.begin() as session:
        member = StaffMember(display_name=name, role=role)
        session.add(member)
        session.flush()
        return Actor(member.id, name, role)


def add_photo(studio: OpenStudio, client_id: int, view: PhotoView, number: int) -> int:
    with studio.sessions.begin() as session:
        photo = Photo(
            client_id=client_id,
            view=view,
            taken_at=datetime(2026, 3, number, tzinfo=UTC),
            content_hash=f"{number:064x}",
            source_hash=f"{number:064x}",
            stored_name=f"00/{number:064x}.jpg",
            media_type="image/jpeg",
            width=1200,
            height=900,
            size_bytes=1000,
        )
        session.add(photo)
        session.flush()
        return photo.id


def test_versions_count_per_client_and_view_and_old_ones_stay(studio: OpenStudio, owner: Actor, make_client) -> None:  # type: ignore[no-untyped-def]
    hairlines = studio.services.hairlines
    nguyen = make_client(first_name="Nguyễn", last_name="Văn An")
    other = make_client(first_name="Иван", last_name="Иванов")
    photo = add_photo(studio, nguyen.id, PhotoView.FRONT_HAIRLINE, 1)
    first = hairlines.save_new_version(
        owner, nguyen.id, PhotoView.FRONT_HAIRLINE, FIRST, base_photo_id=photo, note="Soft, age-appropriate"
    )
    crown = hairlines.save_new_version(owner, nguyen.id, PhotoView.CROWN, REDESIGN)
    elsewhere = hairlines.save_new_version(owner, other.id, PhotoView.FRONT_HAIRLINE, FIRST)
    second = hairlines.save_new_version(owner, nguyen.id, PhotoView.FRONT_HAIRLINE, REDESIGN, note="Lower, 2031")
    assert (first.version, crown.version, elsewhere.version, second.version) == (1, 1, 1, 2)
    assert (
        first.author_name == "Olivia Owner" and first.base_photo_id == photo and first.note == "Soft, age-appropriate"
    )

    front = hairlines.versions(owner, nguyen.id, PhotoView.FRONT_HAIRLINE)
    assert [(r.version, r.is_current) for r in front] == [(2, True), (1, False)]
    assert front[1].shapes == FIRST  # the first design is exactly as saved
    assert hairlines.get(owner, first.id).shapes == FIRST and not hairlines.get(owner, first.id).is_current
    assert [(r.view, r.version) for r in hairlines.versions(owner, nguyen.id)] == [
        (PhotoView.FRONT_HAIRLINE, 2),
        (PhotoView.CROWN, 1),
        (PhotoView.FRONT_HAIRLINE, 1),
    ]
    current = hairlines.current(owner, nguyen.id, PhotoView.FRONT_HAIRLINE)
    assert current is not None and current.id == second.id and current.shapes == REDESIGN
    assert hairlines.current(owner, nguyen.id, PhotoView.BACK) is None
    with studio.sessions() as session:
        stored = session.get(HairlineDesign, first.id)
        assert stored is not None and stored.shapes == FIRST.to_json()
        events = session.scalars(select(AuditEvent).where(AuditEvent.entity == "hairline_design")).all()
        assert [(e.action, e.entity_id) for e in events] == [
            ("create", first.id),
            ("create", crown.id),
            ("create", elsewhere.id),
            ("create", second.id),
        ]


def test_bad_designs_and_base_photos_are_refused_with_nothing_saved(
    studio: OpenStudio, owner: Actor, make_client
) -> None:  # type: ignore[no-untyped-def]
    hairlines = studio.services.hairlines
    client = make_client(first_name="عبدالله", last_name="Saleh")
    stranger = make_client(first_name="Ann", last_name="Other")
    crown_photo = add_photo(studio, client.id, PhotoView.CROWN, 2)
    strangers_photo = add_photo(studio, stranger.id, PhotoView.FRONT_HAIRLINE, 3)
    with pytest.raises(ValidationFailed) as error:
        hairlines.save_new_version(owner, client.id, PhotoView.FRONT_HAIRLINE, HairlineShapes())
    assert error.value.problems[0].code == "hairline_empty"
    one_point = HairlineShapes(hairline=(Point(0.5, 0.5),))
    with pytest.raises(ValidationFailed) as error:
        hairlines.save_new_version(owner, client.id, PhotoView.FRONT_HAIRLINE, one_point)
    assert error.value.problems[0].code == "too_few_points"
    outside = HairlineShapes(hairline=(Point(0.5, 0.5), Point(1.5, 0.5)))
    with pytest.raises(ValidationFailed) as error:
        hairlines.save_new_version(owner, client.id, PhotoView.FRONT_HAIRLINE, outside)
    assert error.value.problems[0].code == "out_of_range"
    with pytest.raises(ValidationFailed) as error:
        hairlines.save_new_version(owner, client.id, PhotoView.FRONT_HAIRLINE, FIRST, base_photo_id=crown_photo)
    assert error.value.problems[0].code == "base_photo_other_view"
    with pytest.raises(ValidationFailed) as error:
        hairlines.save_new_version(owner, client.id, PhotoView.FRONT_HAIRLINE, FIRST, base_photo_id=strangers_photo)
    assert error.value.problems[0].code == "base_photo_other_client"
    with pytest.raises(ValidationFailed) as error:
        hairlines.save_new_version(owner, client.id, PhotoView.FRONT_HAIRLINE, FIRST, note="x" * 2001)
    assert error.value.problems[0].code == "too_long"
    with pytest.raises(NotFound):
        hairlines.save_new_version(owner, 9999, PhotoView.FRONT_HAIRLINE, FIRST)
    assert hairlines.versions(owner, client.id) == []
    with studio.sessions() as session:
        assert session.scalars(select(HairlineDesign)).all() == []
    with pytest.raises(NotFound):
        hairlines.get(owner, 12345)


def test_permissions(studio: OpenStudio, owner: Actor, make_client) -> None:  # type: ignore[no-untyped-def]
    hairlines = studio.services.hairlines
    client = make_client(first_name="Γιώργος", last_name="Παπαδόπουλος")
    artist = add_staff(studio, "Ada Artist", StaffRole.ARTIST)
    reception = add_staff(studio, "Rita Reception", StaffRole.RECEPTION)
    saved = hairlines.save_new_version(artist, client.id, PhotoView.FRONT_HAIRLINE, FIRST)
    assert saved.author_name == "Ada Artist"
    assert [r.version for r in hairlines.versions(artist, client.id)] == [1]
    # The front desk sees neither the scalp photos nor the designs drawn on them, and cannot draw one.
    with pytest.raises(PermissionDenied):
        hairlines.save_new_version(reception, client.id, PhotoView.FRONT_HAIRLINE, REDESIGN)
    with pytest.raises(PermissionDenied):
        hairlines.versions(reception, client.id)
    with pytest.raises(PermissionDenied):
        hairlines.current(reception, client.id, PhotoView.FRONT_HAIRLINE)
    with pytest.raises(PermissionDenied):
        hairlines.get(reception, saved.id)


def test_a_design_stored_by_a_newer_version_is_named_when_it_cannot_be_read(
    studio: OpenStudio,
    owner: Actor,
    make_client,  # type: ignore[no-untyped-def]
) -> None:
    client = make_client(first_name="Zoë", last_name="Ødegård")
    saved = studio.services.hairlines.save_new_version(owner, client.id, PhotoView.FRONT_HAIRLINE, FIRST)
    with studio.sessions.begin() as session:
        stored = session.get(HairlineDesign, saved.id)
        assert stored is not None
        stored.shapes = {**FIRST.to_json(), "format": 2}
    with pytest.raises(ValidationFailed) as error:
        studio.services.hairlines.get(owner, saved.id)
    assert error.value.problems[0].code == "format_version"
    assert str(error.value).startswith(f"Version 1 of the front_hairline hairline design of client #{client.id}")
    assert "Update SMP Desktop" in str(error.value)

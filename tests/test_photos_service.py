"""PhotoService: a client's photo library — import, list, files, thumbnails, tags, deletion, comparison picks,
permissions and the audit trail — on a real studio database and real files."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import photo_files
import pytest
from photo_import_run import run_import
from PIL import Image
from sqlalchemy import select

from smp_desktop.core.domain import PhotoView, SessionKind, StaffRole
from smp_desktop.core.models import AuditEvent, HairlineDesign, Photo, StaffMember, TreatmentSession
from smp_desktop.core.services.access import Actor, PermissionDenied
from smp_desktop.core.services.errors import NotFound, ValidationFailed
from smp_desktop.core.services.photo_data import ImportOutcome, PhotoChange, PhotoImportOptions
from smp_desktop.core.studio_db import OpenStudio


def add_staff(studio: OpenStudio, name: str, role: StaffRole) -> Actor:
    with studio.sessions.begin() as session:
        member = StaffMember(display_name=name, role=role)
        session.add(member)
        session.flush()
        return Actor(member.id, name, role)


def add_session(studio: OpenStudio, client_id: int) -> int:
    with studio.sessions.begin() as session:
        treatment = TreatmentSession(
            client_id=client_id, kind=SessionKind.SESSION_1, starts_at=datetime(2026, 3, 1, 10, tzinfo=UTC)
        )
        session.add(treatment)
        session.flush()
        return treatment.id


def photo_rows(studio: OpenStudio) -> list[Photo]:
    with studio.sessions() as session:
        return list(session.scalars(select(Photo).order_by(Photo.id)))


def audit_actions(studio: OpenStudio, entity: str = "photo") -> list[tuple[str, int | None]]:
    with studio.sessions() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.entity == entity).order_by(AuditEvent.id))
        return [(event.action, event.entity_id) for event in events]


def store_files(studio: OpenStudio) -> list[str]:
    return sorted(p.relative_to(studio.paths.photos).as_posix() for p in studio.paths.photos.rglob("*") if p.is_file())


@pytest.fixture
def client_id(make_client) -> int:  # type: ignore[no-untyped-def]
    return make_client(first_name="Władysław", last_name="Żółkiewski").id


def test_import_jpeg_and_png_then_list_get_file_and_thumbnail(
    studio: OpenStudio, owner: Actor, client_id: int, tmp_path: Path
) -> None:
    photos = studio.services.photos
    front = photo_files.jpeg(tmp_path / "Żółkiewski front.jpg", image=photo_files.pattern(400, 300))
    crown = photo_files.png(tmp_path / "crown.PNG")
    options = PhotoImportOptions(client_id, view=PhotoView.FRONT_HAIRLINE, clinical_consent=True)

    progress, summary = run_import(photos, owner, [front, crown], options)

    assert [(p.done, p.total) for p in progress] == [(0, 2), (1, 2), (2, 2)]
    assert summary.imported == 2 and not summary.rejected and not summary.cancelled
    rows = photo_rows(studio)
    assert [(r.original_filename, r.media_type, r.view, r.client_id) for r in rows] == [
        ("Żółkiewski front.jpg", "image/jpeg", PhotoView.FRONT_HAIRLINE, client_id),
        ("crown.PNG", "image/png", PhotoView.FRONT_HAIRLINE, client_id),
    ]
    assert (rows[0].width, rows[0].height) == (400, 300)
    assert rows[0].taken_at == datetime(2025, 3, 14, 9, 30, tzinfo=UTC) and rows[0].taken_at_from_photo
    assert rows[0].created_by_id == owner.staff_id
    for row in rows:
        stored = studio.paths.photos / row.stored_name
        assert row.stored_name == f"{row.content_hash[:2]}/{row.content_hash}{stored.suffix}"
        assert photo_files.sha256(stored) == row.content_hash
        assert row.source_hash != row.content_hash  # the metadata was cut out of the stored copy
        assert stored.stat().st_size == row.size_bytes

    listed = photos.list_for_client(owner, client_id)
    assert [p.id for p in listed] == [r.id for r in rows]
    record = photos.get(owner, rows[0].id)
    assert record == listed[0] and record.clinical_consent and not record.marketing_consent
    assert photos.file_path(owner, record.id) == studio.paths.photos / record.stored_name

    thumb = photos.thumbnail_of(owner, record)
    assert thumb.parent.parent == studio.paths.cache / "thumbs" / "256"
    with Image.open(thumb) as image:
        assert image.format == "JPEG" and image.size == (256, 192) and photo_files.looks_upright(image)
    large = photos.thumbnail_of(owner, record, size=100)
    with Image.open(large) as image:
        assert image.size == (100, 75)
    assert audit_actions(studio) == [("import", rows[0].id), ("import", rows[1].id)]


def test_thumbnail_is_made_again_when_the_cache_was_emptied(
    studio: OpenStudio, owner: Actor, client_id: int, tmp_path: Path
) -> None:
    photos = studio.services.photos
    _, summary = run_import(photos, owner, [photo_files.jpeg(tmp_path / "a.jpg")], PhotoImportOptions(client_id))
    photo = summary.files[0].photo
    assert photo is not None
    made_at_import = photos.thumbnail_of(owner, photo)
    made_at_import.unlink()
    again = photos.thumbnail_of(owner, photo)
    assert again == made_at_import and Image.open(again).size == (80, 60)
    with pytest.raises(ValueError):
        photos.thumbnail_of(owner, photo, size=5000)


def test_thumbnail_of_a_missing_file_says_so(studio: OpenStudio, owner: Actor, client_id: int, tmp_path: Path) -> None:
    photos = studio.services.photos
    _, summary = run_import(photos, owner, [photo_files.jpeg(tmp_path / "a.jpg")], PhotoImportOptions(client_id))
    photo = summary.files[0].photo
    assert photo is not None
    (studio.paths.photos / photo.stored_name).unlink()
    for cached in (studio.paths.cache / "thumbs").rglob("*.jpg"):
        cached.unlink()
    with pytest.raises(NotFound, match="missing"):
        photos.thumbnail_of(owner, photo)


def test_the_same_photo_twice_is_stored_once_and_shared_between_clients(
    studio: OpenStudio,
    owner: Actor,
    make_client,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    photos = studio.services.photos
    first = make_client(first_name="Νίκος", last_name="Παπαδόπουλος").id
    second = make_client(first_name="Иван", last_name="Иванов").id
    shot = photo_files.jpeg(tmp_path / "IMG_0001.jpg")
    copy = tmp_path / "copy of IMG_0001.jpg"
    copy.write_bytes(shot.read_bytes())

    _, summary = run_import(photos, owner, [shot, copy], PhotoImportOptions(first))
    assert [f.outcome for f in summary.files] == [ImportOutcome.IMPORTED, ImportOutcome.ALREADY_PRESENT]
    assert summary.files[1].photo == summary.files[0].photo
    _, again = run_import(photos, owner, [shot], PhotoImportOptions(first))
    assert again.already_present == 1 and again.imported == 0
    _, other = run_import(photos, owner, [shot], PhotoImportOptions(second))
    assert other.imported == 1

    rows = photo_rows(studio)
    assert [r.client_id for r in rows] == [first, second]
    assert rows[0].stored_name == rows[1].stored_name
    assert len(store_files(studio)) == 1

    photos.delete(owner, rows[0].id)  # the second client still uses the file
    assert store_files(studio) == [rows[1].stored_name]
    photos.delete(owner, rows[1].id)
    assert store_files(studio) == [] and photo_rows(studio) == []
    assert not list((studio.paths.cache / "thumbs").rglob("*.jpg"))
    assert audit_actions(studio)[-2:] == [("delete", rows[0].id), ("delete", rows[1].id)]
    with pytest.raises(NotFound):
        photos.get(owner, rows[0].id)


def test_delete_keeps_the_hairline_design_drawn_on_the_photo(
    studio: OpenStudio, owner: Actor, client_id: int, tmp_path: Path
) -> None:
    photos = studio.services.photos
    _, summary = run_import(photos, owner, [photo_files.jpeg(tmp_path / "a.jpg")], PhotoImportOptions(client_id))
    photo = summary.files[0].photo
    assert photo is not None
    with studio.sessions.begin() as session:
        session.add(HairlineDesign(client_id=client_id, view=PhotoView.TOP, version=1, base_photo_id=photo.id,
                                   shapes={"version": 1}))  # fmt: skip
    photos.delete(owner, photo.id)
    with studio.sessions() as session:
        design = session.scalars(select(HairlineDesign)).one()
        assert design.base_photo_id is None


def test_update_changes_tags_only_and_is_audited(
    studio: OpenStudio,
    owner: Actor,
    client_id: int,
    make_client,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    photos = studio.services.photos
    session_id = add_session(studio, client_id)
    _, summary = run_import(photos, owner, [photo_files.jpeg(tmp_path / "a.jpg")], PhotoImportOptions(client_id))
    photo = summary.files[0].photo
    assert photo is not None
    when = datetime(2026, 3, 1, 11, 15, tzinfo=UTC)
    change = PhotoChange(PhotoView.CROWN, session_id, when, False, True, "  Crown after session 1, عبدالله  ")

    updated = photos.update(owner, photo.id, change)

    assert (updated.view, updated.session_id, updated.taken_at) == (PhotoView.CROWN, session_id, when)
    assert not updated.clinical_consent and updated.marketing_consent
    assert updated.note == "Crown after session 1, عبدالله" and not updated.taken_at_from_photo
    assert updated.content_hash == photo.content_hash and photos.get(owner, photo.id) == updated
    assert audit_actions(studio)[-1] == ("update", photo.id)

    other_clients_session = add_session(studio, make_client(first_name="王", last_name="伟").id)
    with pytest.raises(ValidationFailed) as refused:
        photos.update(owner, photo.id, PhotoChange(PhotoView.CROWN, other_clients_session, when, True, False, ""))
    assert refused.value.problems[0].code == "photo_session_of_other_client"
    with pytest.raises(ValidationFailed):
        photos.update(owner, photo.id, PhotoChange(PhotoView.CROWN, None, when, True, False, "x" * 2001))
    assert photos.get(owner, photo.id) == updated


def test_import_checks_the_client_and_session_before_reading_any_file(
    studio: OpenStudio,
    owner: Actor,
    client_id: int,
    make_client,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    photos = studio.services.photos
    shot = photo_files.jpeg(tmp_path / "a.jpg")
    with pytest.raises(NotFound, match="Client #999"):
        run_import(photos, owner, [shot], PhotoImportOptions(999))
    foreign = add_session(studio, make_client(first_name="Nguyễn", last_name="Văn An").id)
    with pytest.raises(ValidationFailed):
        run_import(photos, owner, [shot], PhotoImportOptions(client_id, session_id=foreign))
    own = add_session(studio, client_id)
    _, summary = run_import(photos, owner, [shot], PhotoImportOptions(client_id, session_id=own))
    assert summary.files[0].photo is not None and summary.files[0].photo.session_id == own
    assert len(photo_rows(studio)) == 1


def test_list_is_ordered_by_taken_date_and_comparison_picks_first_and_latest(
    studio: OpenStudio, owner: Actor, client_id: int, tmp_path: Path
) -> None:
    photos = studio.services.photos
    shots = {
        "march": ("2025:03:14 10:00:00", PhotoView.FRONT_HAIRLINE),
        "january": ("2025:01:02 09:00:00", PhotoView.FRONT_HAIRLINE),
        "june": ("2025:06:30 16:45:00", PhotoView.FRONT_HAIRLINE),
        "crown": ("2025:02:01 12:00:00", PhotoView.CROWN),
    }
    ids: dict[str, int] = {}
    for name, (taken, view) in shots.items():
        image = photo_files.textured(64, 48, seed=len(ids))
        path = photo_files.jpeg(tmp_path / f"{name}.jpg", image=image, taken=taken, offset="+00:00")
        _, summary = run_import(photos, owner, [path], PhotoImportOptions(client_id, view=view))
        photo = summary.files[0].photo
        assert photo is not None
        ids[name] = photo.id

    assert [p.id for p in photos.list_for_client(owner, client_id)] == [
        ids["january"], ids["crown"], ids["march"], ids["june"]
    ]  # fmt: skip
    pair = photos.comparison_pair(owner, client_id, PhotoView.FRONT_HAIRLINE)
    assert pair is not None and (pair[0].id, pair[1].id) == (ids["january"], ids["june"])
    assert photos.comparison_pair(owner, client_id, PhotoView.CROWN) is None  # one photo: nothing to compare
    assert photos.comparison_pair(owner, client_id, PhotoView.SCAR) is None

    latest = photos.previous_of_view(owner, client_id, PhotoView.FRONT_HAIRLINE)
    assert latest is not None and latest.id == ids["june"]
    before_june = photos.previous_of_view(
        owner, client_id, PhotoView.FRONT_HAIRLINE, before=datetime(2025, 6, 30, 16, 45, tzinfo=UTC)
    )
    assert before_june is not None and before_june.id == ids["march"]
    assert (
        photos.previous_of_view(owner, client_id, PhotoView.FRONT_HAIRLINE, before=datetime(2024, 1, 1, tzinfo=UTC))
        is None
    )
    assert photos.count_for_client(owner, client_id) == 4


def test_reception_may_neither_import_nor_see_photos(
    studio: OpenStudio, owner: Actor, client_id: int, tmp_path: Path
) -> None:
    photos = studio.services.photos
    _, summary = run_import(photos, owner, [photo_files.jpeg(tmp_path / "a.jpg")], PhotoImportOptions(client_id))
    photo = summary.files[0].photo
    assert photo is not None
    reception = add_staff(studio, "Rita Reception", StaffRole.RECEPTION)
    artist = add_staff(studio, "Arek Artist", StaffRole.ARTIST)
    second = photo_files.jpeg(tmp_path / "b.jpg", image=photo_files.textured(40, 30))

    with pytest.raises(PermissionDenied):
        run_import(photos, reception, [second], PhotoImportOptions(client_id))
    for look in (
        lambda: photos.list_for_client(reception, client_id),
        lambda: photos.get(reception, photo.id),
        lambda: photos.file_path(reception, photo.id),
        lambda: photos.thumbnail_of(reception, photo),
        lambda: photos.comparison_pair(reception, client_id, PhotoView.OTHER),
        lambda: photos.previous_of_view(reception, client_id, PhotoView.OTHER),
        lambda: photos.delete(reception, photo.id),
    ):
        with pytest.raises(PermissionDenied):
            look()
    assert len(photo_rows(studio)) == 1

    _, by_artist = run_import(photos, artist, [second], PhotoImportOptions(client_id))
    assert by_artist.imported == 1
    assert len(photos.list_for_client(artist, client_id)) == 2


def test_unknown_photo_and_client(studio: OpenStudio, owner: Actor) -> None:
    photos = studio.services.photos
    with pytest.raises(NotFound):
        photos.get(owner, 42)
    with pytest.raises(NotFound):
        photos.list_for_client(owner, 42)
    with pytest.raises(NotFound):
        photos.delete(owner, 42)
    with pytest.raises(NotFound):
        photos.update(
            owner, 42, PhotoChange(PhotoView.TOP, None, datetime.now(UTC) - timedelta(days=1), True, False, "")
        )


def test_thumbnail_of_a_record_in_hand_needs_no_query_once_cached(
    studio: OpenStudio, owner: Actor, client_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    photos = studio.services.photos
    big = photo_files.jpeg(tmp_path / "a.jpg", image=photo_files.pattern(400, 300))
    _, summary = run_import(photos, owner, [big], PhotoImportOptions(client_id))
    photo = summary.files[0].photo
    assert photo is not None
    cached = photos.thumbnail_of(owner, photo, 128)  # made from the stored file
    assert Image.open(cached).size == (128, 96)

    def no_database(*args: object, **kwargs: object) -> None:
        raise AssertionError("the database was asked")

    monkeypatch.setattr(photos, "_sessions", no_database)
    assert photos.thumbnail_of(owner, photo, 128) == cached
    with pytest.raises(PermissionDenied):
        photos.thumbnail_of(add_staff(studio, "Rita", StaffRole.RECEPTION), photo)

"""The import pipeline on real files: stored copies upright and free of location and device metadata, every
format converted as promised, dates read from the photo, bad files reported by name with nothing of them stored
while the rest of the batch goes in, a stop between files, and no half-written file after a failed write."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from pathlib import Path

import photo_files
import pytest
from photo_import_run import run_import
from PIL import Image
from sqlalchemy import select

from smp_desktop.core.models import Photo
from smp_desktop.core.photos import importer, store
from smp_desktop.core.progress import Progress, run_to_end
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.photo_data import ImportedFile, ImportOutcome, PhotoImportOptions, PhotoRecord
from smp_desktop.core.studio_db import OpenStudio

GPS_IFD = 0x8825


@pytest.fixture
def client_id(make_client) -> int:  # type: ignore[no-untyped-def]
    return make_client(first_name="Νίκος", last_name="Παπαδόπουλος").id


def import_one(studio: OpenStudio, owner: Actor, client_id: int, path: Path) -> PhotoRecord:
    _, summary = run_import(studio.services.photos, owner, [path], PhotoImportOptions(client_id))
    (result,) = summary.files
    assert result.outcome is ImportOutcome.IMPORTED, result.reason
    assert result.photo is not None
    return result.photo


def stored(studio: OpenStudio, photo: PhotoRecord) -> Image.Image:
    image = Image.open(studio.paths.photos / photo.stored_name)
    image.load()
    return image


def assert_no_private_metadata(image: Image.Image, path: Path) -> None:
    exif = image.getexif()
    assert photo_files.MAKE not in exif and photo_files.MODEL not in exif
    assert not exif.get_ifd(GPS_IFD) and GPS_IFD not in exif
    assert not exif.get_ifd(photo_files.EXIF_IFD)
    assert "xmp" not in image.info and "XML:com.adobe.xmp" not in image.info
    assert "comment" not in image.info and "Location" not in image.info
    raw = path.read_bytes()
    for secret in (b"Canon", b"EOS R5", b"SN-0042-7781", b"GPSLatitude", b"Studio Nord", b"51.5072", b"Exif\x00"):
        assert secret not in raw, secret


@pytest.mark.parametrize("orientation", [1, 3, 6, 8, 2, 5])
def test_a_camera_jpeg_is_stored_upright_without_location_or_device(
    studio: OpenStudio, owner: Actor, client_id: int, tmp_path: Path, orientation: int
) -> None:
    source = photo_files.jpeg(tmp_path / f"IMG_{orientation}.JPG", orientation=orientation)
    with Image.open(source) as original:  # the camera wrote it turned (unless orientation 1)
        assert photo_files.looks_upright(original) is (orientation == 1)

    photo = import_one(studio, owner, client_id, source)

    image = stored(studio, photo)
    assert image.format == "JPEG" and photo.media_type == "image/jpeg"
    assert image.size == (80, 60) == (photo.width, photo.height)
    assert photo_files.looks_upright(image)
    assert_no_private_metadata(image, studio.paths.photos / photo.stored_name)
    assert image.info.get("icc_profile") == photo_files.srgb_profile()  # the colours keep their meaning
    assert photo.taken_at == datetime(2025, 3, 14, 9, 30, tzinfo=UTC) and photo.taken_at_from_photo


def test_an_upright_jpeg_keeps_its_compressed_image_data_exactly(
    studio: OpenStudio, owner: Actor, client_id: int, tmp_path: Path
) -> None:
    source = photo_files.jpeg(tmp_path / "upright.jpg", image=photo_files.textured(320, 240))
    photo = import_one(studio, owner, client_id, source)
    with Image.open(source) as original, Image.open(studio.paths.photos / photo.stored_name) as copy:
        assert original.tobytes() == copy.tobytes()  # not re-encoded: not a single pixel changed


@pytest.mark.parametrize("orientation", [1, 6])
def test_a_jpeg_carrying_a_second_picture_keeps_only_the_photo(
    studio: OpenStudio, owner: Actor, client_id: int, tmp_path: Path, orientation: int
) -> None:
    source = photo_files.mpo(tmp_path / "Samsung.jpg", orientation=orientation)
    photo = import_one(studio, owner, client_id, source)
    image = stored(studio, photo)
    assert image.format == "JPEG" and getattr(image, "n_frames", 1) == 1 and image.size == (320, 240)
    with Image.open(source) as original:
        first = original.convert("RGB")
        if orientation == 6:
            first = first.transpose(Image.Transpose.ROTATE_270)
    difference = max(abs(a - b) for a, b in zip(image.convert("RGB").tobytes(), first.tobytes(), strict=True))
    assert difference <= (0 if orientation == 1 else 60)  # upright: the very same compressed data
    assert_no_private_metadata(image, studio.paths.photos / photo.stored_name)
    assert source.read_bytes().count(b"\xff\xd8") == 2  # two pictures went in...
    assert (studio.paths.photos / photo.stored_name).read_bytes().count(b"\xff\xd8") == 1  # ...one is stored


@pytest.mark.parametrize(
    ("maker", "suffix", "media_type"),
    [
        (photo_files.heic, ".heic", "image/jpeg"),
        (photo_files.webp, ".webp", "image/jpeg"),
        (photo_files.png, ".png", "image/png"),
    ],
)
def test_heic_and_webp_become_jpeg_and_png_stays_lossless(
    studio: OpenStudio,
    owner: Actor,
    client_id: int,
    tmp_path: Path,
    maker,
    suffix: str,
    media_type: str,  # type: ignore[no-untyped-def]
) -> None:
    source = maker(tmp_path / f"iPhone photo{suffix}", orientation=6)
    photo = import_one(studio, owner, client_id, source)
    image = stored(studio, photo)
    assert photo.media_type == media_type and image.format == media_type.split("/")[1].upper()
    assert photo.stored_name.endswith(".jpg" if media_type == "image/jpeg" else ".png")
    assert image.size == (80, 60) and photo_files.looks_upright(image)
    assert_no_private_metadata(image, studio.paths.photos / photo.stored_name)
    assert photo.taken_at == datetime(2025, 3, 14, 9, 30, tzinfo=UTC)
    if media_type == "image/png":
        assert image.getpixel((0, 0)) == photo_files.TOP_LEFT  # lossless: exactly the source's pixels


def test_cmyk_16_bit_and_transparent_images_are_converted(
    studio: OpenStudio, owner: Actor, client_id: int, tmp_path: Path
) -> None:
    cmyk = import_one(studio, owner, client_id, photo_files.cmyk_jpeg(tmp_path / "print.jpg"))
    assert stored(studio, cmyk).mode == "RGB" and photo_files.looks_upright(stored(studio, cmyk))
    grey = import_one(studio, owner, client_id, photo_files.grey16_png(tmp_path / "scanner.png"))
    grey_image = stored(studio, grey)
    assert grey.media_type == "image/png" and grey_image.getpixel((50, 10)) > grey_image.getpixel((10, 10))
    clear = import_one(studio, owner, client_id, photo_files.png(tmp_path / "cut-out.png", alpha=True))
    assert stored(studio, clear).mode == "RGBA" and stored(studio, clear).getpixel((0, 0))[3] == 0
    for photo in (cmyk, grey, clear):
        thumb = studio.services.photos.thumbnail_of(owner, photo)
        assert Image.open(thumb).mode in ("RGB", "L")


def test_taken_date_without_offset_is_local_time_and_without_date_is_the_import_time(
    studio: OpenStudio, owner: Actor, client_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "STD+5")  # POSIX: five hours behind UTC (no time zone database needed)
    if hasattr(time, "tzset"):
        time.tzset()
    try:
        local = import_one(studio, owner, client_id, photo_files.jpeg(tmp_path / "a.jpg", offset=None))
        assert local.taken_at == datetime(2025, 3, 14, 15, 30, tzinfo=UTC) and local.taken_at_from_photo
    finally:
        monkeypatch.delenv("TZ")
        if hasattr(time, "tzset"):
            time.tzset()
    before = datetime.now(UTC)
    undated = photo_files.jpeg(tmp_path / "b.jpg", image=photo_files.textured(40, 30), taken=None, offset=None)
    photo = import_one(studio, owner, client_id, undated)
    assert not photo.taken_at_from_photo and before <= photo.taken_at <= datetime.now(UTC)
    unset_clock = photo_files.jpeg(tmp_path / "c.jpg", image=photo_files.textured(40, 31), taken="0000:00:00 00:00:00")
    assert not import_one(studio, owner, client_id, unset_clock).taken_at_from_photo


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_bad_files_are_reported_by_name_and_the_rest_of_the_batch_is_imported(
    studio: OpenStudio, owner: Actor, client_id: int, tmp_path: Path
) -> None:
    good = [
        photo_files.jpeg(tmp_path / "01 front.jpg", image=photo_files.textured(64, 48, seed=1)),
        photo_files.png(tmp_path / "03 crown.png"),
        photo_files.heic(tmp_path / "05 temple.heic"),
        photo_files.jpeg(tmp_path / "07 back.jpg", image=photo_files.textured(64, 48, seed=2), orientation=6),
        photo_files.webp(tmp_path / "09 scar.webp"),
    ]
    bad = {
        photo_files.truncated_jpeg(tmp_path / "02 cut off.jpg"): "photo_damaged",
        photo_files.empty(tmp_path / "04 empty.jpg"): "photo_empty",
        photo_files.text_named_as_photo(tmp_path / "06 notes.jpg"): "photo_not_an_image",
        photo_files.png_bomb(tmp_path / "08 bomb.png"): "photo_too_many_pixels",
        photo_files.jpeg_claiming_size(tmp_path / "10 huge.jpg", 12000, 9000): "photo_too_many_pixels",
        photo_files.oversized(tmp_path / "11 enormous.jpg"): "photo_too_large",
        photo_files.animated_png(tmp_path / "12 animation.png"): "photo_animated",
        photo_files.gif(tmp_path / "13 old.jpg"): "photo_unsupported_format",
        tmp_path / "14 gone.jpg": "photo_missing",
    }
    files = sorted([*good, *bad], key=lambda p: p.name)
    (tmp_path / "15 folder.jpg").mkdir()
    files.append(tmp_path / "15 folder.jpg")
    bad[tmp_path / "15 folder.jpg"] = "photo_not_a_file"

    heard: list[ImportedFile] = []
    steps = studio.services.photos.import_files(owner, files, PhotoImportOptions(client_id), on_file=heard.append)
    progress: list[Progress] = []
    summary = run_to_end(steps, progress.append)

    assert [f.source for f in summary.files] == files  # in the order given, each once
    assert heard == list(summary.files)
    assert [p.done for p in progress] == list(range(len(files) + 1))
    assert summary.imported == len(good) and not summary.cancelled
    assert {f.source: f.code for f in summary.rejected} == bad
    for rejected in summary.rejected:
        assert rejected.reason.endswith(".") and rejected.photo is None and len(rejected.reason) > 30
    bomb = next(f for f in summary.rejected if f.source.name == "08 bomb.png")
    assert bomb.params["megapixels"] == 900 and "megapixels" in bomb.reason
    huge = next(f for f in summary.rejected if f.source.name == "10 huge.jpg")
    assert (huge.params["width"], huge.params["height"]) == (12000, 9000)
    enormous = next(f for f in summary.rejected if f.source.name == "11 enormous.jpg")
    assert enormous.params == {"size_mb": 81, "limit_mb": 80}

    with studio.sessions() as session:
        names = sorted(session.scalars(select(Photo.original_filename)))
    assert names == sorted(p.name for p in good)
    stored_files = [p for p in studio.paths.photos.rglob("*") if p.is_file()]
    assert len(stored_files) == len(good)  # nothing of the bad files, no temporary leftovers


def test_a_stop_between_files_keeps_what_was_imported_and_leaves_nothing_else(
    studio: OpenStudio, owner: Actor, client_id: int, tmp_path: Path
) -> None:
    files = [
        photo_files.jpeg(tmp_path / f"{n:02}.jpg", image=photo_files.textured(64, 48, seed=n), orientation=6)
        for n in range(8)
    ]
    steps: list[int] = []

    def should_stop() -> bool:
        return len(steps) >= 3

    photos = studio.services.photos
    generator = photos.import_files(owner, files, PhotoImportOptions(client_id), should_stop=should_stop)
    summary = run_to_end(generator, lambda progress: steps.append(progress.done))

    assert summary.cancelled and summary.imported == 2 and [f.source for f in summary.files] == files[:2]
    with studio.sessions() as session:
        rows = session.scalars(select(Photo)).all()
    assert sorted(r.original_filename for r in rows) == ["00.jpg", "01.jpg"]
    # Files prepared ahead on the worker threads were removed again: the store holds exactly the two photos.
    assert sorted(p.relative_to(studio.paths.photos).as_posix() for p in studio.paths.photos.rglob("*.*")) == sorted(
        r.stored_name for r in rows
    )
    assert len(list((studio.paths.cache / "thumbs").rglob("*.jpg"))) == 2


def test_a_write_failing_midway_leaves_no_file_under_its_name_and_no_row(
    studio: OpenStudio, owner: Actor, client_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = photo_files.jpeg(tmp_path / "front.jpg", image=photo_files.textured(200, 150))
    real_fsync = os.fsync
    calls: list[int] = []

    def failing_fsync(fd: int) -> None:  # the data was written to the temporary file; making it durable fails
        calls.append(fd)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store.os, "fsync", failing_fsync)
    _, summary = run_import(studio.services.photos, owner, [source], PhotoImportOptions(client_id))

    (result,) = summary.files
    assert result.outcome is ImportOutcome.REJECTED and result.code == "photo_not_saved"
    assert "No space left on device" in result.reason
    assert calls  # the write got as far as the flush
    assert [p for p in studio.paths.photos.rglob("*") if p.is_file()] == []  # no final file, no temporary one
    with studio.sessions() as session:
        assert session.scalars(select(Photo)).all() == []

    monkeypatch.setattr(store.os, "fsync", real_fsync)  # the disk has room again: the same file imports
    _, again = run_import(studio.services.photos, owner, [source], PhotoImportOptions(client_id))
    assert again.imported == 1


def test_a_row_that_cannot_be_saved_takes_its_new_file_away_again(
    studio: OpenStudio, owner: Actor, client_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    from smp_desktop.core.services import photo_import

    def refuse(*args: object, **kwargs: object) -> None:
        raise OperationalError("INSERT INTO audit_event", {}, Exception("database is locked"))

    monkeypatch.setattr(photo_import.audit, "record", refuse)
    _, summary = run_import(
        studio.services.photos, owner, [photo_files.jpeg(tmp_path / "a.jpg")], PhotoImportOptions(client_id)
    )
    assert summary.files[0].code == "photo_not_saved" and "database is locked" in summary.files[0].reason
    assert [p for p in studio.paths.photos.rglob("*") if p.is_file()] == []
    assert list((studio.paths.cache / "thumbs").rglob("*.jpg")) == []


def test_folder_files_lists_images_recursively_in_name_order(tmp_path: Path) -> None:
    folder = tmp_path / "Camera Roll"
    (folder / "2025" / "March").mkdir(parents=True)
    (folder / ".thumbnails").mkdir()
    for name in ("b.JPG", "a.heic", "notes.txt", "2025/March/c.png", "2025/z.webp", ".thumbnails/x.jpg", "._a.jpg"):
        (folder / name).write_bytes(b"x")
    found = importer.folder_files(folder)
    assert [p.relative_to(folder).as_posix() for p in found] == ["2025/March/c.png", "2025/z.webp", "a.heic", "b.JPG"]


def test_an_unexpected_fault_costs_one_file_not_the_batch(
    studio: OpenStudio, owner: Actor, client_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from smp_desktop.core.photos import decode

    real_prepare = decode.prepare
    files = [photo_files.jpeg(tmp_path / f"{n}.jpg", image=photo_files.textured(40, 30, seed=n)) for n in range(3)]
    poisoned = files[1].read_bytes()

    def prepare(data: bytes, **kwargs: object) -> object:
        if data == poisoned:
            raise RuntimeError("a bug")
        return real_prepare(data, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(decode, "prepare", prepare)
    _, summary = run_import(studio.services.photos, owner, files, PhotoImportOptions(client_id))
    imported, rejected = ImportOutcome.IMPORTED, ImportOutcome.REJECTED
    assert [f.outcome for f in summary.files] == [imported, rejected, imported]
    assert summary.files[1].code == "photo_failed" and "unexpected error" in summary.files[1].reason


def test_files_are_prepared_on_one_thread_per_core_plus_one_and_recorded_in_order(
    studio: OpenStudio, owner: Actor, client_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A third file is prepared while two decode on a 2-core computer: the cores stay busy while one file's stored
    copy waits for the disk (fsync)."""
    import threading

    from smp_desktop.core.photos import decode

    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert importer.worker_count() == 3
    monkeypatch.setattr(os, "cpu_count", lambda: 16)
    assert importer.worker_count() == 4  # each file in flight holds its bytes twice: no more than four at once
    monkeypatch.setattr(os, "cpu_count", lambda: 2)

    real_prepare = decode.prepare
    lock = threading.Lock()
    running: list[int] = [0]
    most: list[int] = [0]
    all_three = threading.Barrier(3, timeout=10)

    calls: list[int] = [0]

    def prepare(data: bytes, **kwargs: object) -> object:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
            calls[0] += 1
            first_three = calls[0] <= 3
        try:
            if first_three:
                all_three.wait()  # the first three files meet here only if three threads prepare at once
            return real_prepare(data, **kwargs)  # type: ignore[arg-type]
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(decode, "prepare", prepare)
    files = [photo_files.jpeg(tmp_path / f"{n}.jpg", image=photo_files.textured(40, 30, seed=n)) for n in range(7)]
    _, summary = run_import(studio.services.photos, owner, files, PhotoImportOptions(client_id))

    assert most[0] == 3
    assert summary.imported == 7 and [f.source for f in summary.files] == files


@pytest.mark.parametrize("orientation", [1, 6])
def test_each_photo_is_decoded_in_one_call_of_the_decoder_not_64_kb_at_a_time(
    studio: OpenStudio,
    owner: Actor,
    client_id: int,
    tmp_path: Path,
    decoder_feeds: list[int],
    orientation: int,
) -> None:
    """Between two calls of its decoder Pillow takes the interpreter lock back, and while other imports run the
    window's thread queues behind each of those turns: a photo is handed to the decoder whole, upright ones (whose
    data is kept and decoded small for the check and thumbnail) and turned ones (decoded whole) alike, and the
    thumbnail made later from the stored copy too."""
    path = photo_files.jpeg(
        tmp_path / "scalp.jpg", image=photo_files.textured(900, 700), orientation=orientation, quality=97
    )
    assert path.stat().st_size > 3 * 65536  # Pillow's default feed would take several calls

    photo = import_one(studio, owner, client_id, path)
    assert decoder_feeds and all(length > 3 * 65536 for length in decoder_feeds), decoder_feeds
    decoder_feeds.clear()
    thumbnail = studio.services.photos.thumbnail_of(owner, photo, 128)
    assert thumbnail.is_file() and len(decoder_feeds) == 1 and decoder_feeds[0] > 3 * 65536, decoder_feeds

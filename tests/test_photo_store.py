"""The content-addressed store and its atomic writes, and the lossless JPEG metadata cut, on real bytes."""

from __future__ import annotations

import builtins
import io
from pathlib import Path

import photo_files
import pytest
from PIL import Image

from smp_desktop.core.photos import jpeg_clean, store
from smp_desktop.core.photos.store import PhotoStore, sha256_bytes, write_atomically


def segments(data: bytes) -> list[tuple[int, bytes]]:
    """(marker, first bytes of payload) of every segment before the first scan."""
    found, position = [], 2
    while data[position + 1] != 0xDA:
        marker = data[position + 1]
        length = int.from_bytes(data[position + 2 : position + 4], "big")
        found.append((marker, data[position + 4 : position + 4 + min(length - 2, 14)]))
        position += 2 + length
    return found


def camera_bytes(tmp_path: Path, **options: object) -> bytes:
    return photo_files.jpeg(tmp_path / "camera.jpg", image=photo_files.textured(160, 120), **options).read_bytes()  # type: ignore[arg-type]


def test_put_names_files_by_content_and_stores_identical_bytes_once(tmp_path: Path) -> None:
    photos = PhotoStore(tmp_path / "photos")
    data = b"\xff\xd8 pretend photo bytes \xff\xd9"
    first = photos.put(data, ".jpg")
    digest = sha256_bytes(data)
    assert first.name == f"{digest[:2]}/{digest}.jpg" and first.created and first.size_bytes == len(data)
    assert photos.path(first.name).read_bytes() == data
    second = photos.put(data, ".jpg")
    assert second.name == first.name and not second.created
    assert [p.name for p in photos.files()] == [f"{digest}.jpg"]


def test_put_replaces_a_damaged_copy_under_the_same_name(tmp_path: Path) -> None:
    photos = PhotoStore(tmp_path / "photos")
    data = b"the real photo"
    name = photos.name_for(sha256_bytes(data), ".png")
    photos.path(name).parent.mkdir(parents=True)
    photos.path(name).write_bytes(b"bit rot")
    assert photos.put(data, ".png").created
    assert photos.path(name).read_bytes() == data


def test_remove_takes_the_emptied_folder_too(tmp_path: Path) -> None:
    photos = PhotoStore(tmp_path / "photos")
    stored = photos.put(b"abc", ".jpg")
    photos.remove(stored.name)
    assert list((tmp_path / "photos").iterdir()) == []
    photos.remove(stored.name)  # already gone: nothing to do


def test_a_write_that_fails_midway_leaves_neither_the_final_nor_a_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "photos" / "ab" / "abcdef.jpg"
    real_open = builtins.open

    class HalfWriter(io.FileIO):
        def write(self, data: bytes) -> int:  # type: ignore[override]
            super().write(bytes(data)[: len(data) // 2])
            raise OSError(5, "Input/output error")

    def half_open(file: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        if mode == "xb":
            return HalfWriter(str(file), "x")
        return real_open(file, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(store, "open", half_open, raising=False)
    with pytest.raises(OSError, match="Input/output error"):
        write_atomically(target, b"x" * 10_000)
    assert list(target.parent.iterdir()) == []
    monkeypatch.undo()
    write_atomically(target, b"x" * 10_000)
    assert target.read_bytes() == b"x" * 10_000 and list(target.parent.iterdir()) == [target]


def test_strip_metadata_keeps_the_image_data_and_colour_profile_and_drops_the_rest(tmp_path: Path) -> None:
    original = camera_bytes(tmp_path)
    # What phones add: a multi-picture preview segment, Photoshop/IPTC data and a video after the image.
    with_extras = (
        original[:2]
        + b"\xff\xe2\x00\x0aMPF\x00\x01\x02\x03\x04"
        + b"\xff\xed\x00\x12Photoshop 3.0\x00\x38\x42"
        + original[2:]
        + b"ftypmp42 motion photo video of the treatment room"
    )
    clean = jpeg_clean.strip_metadata(with_extras)

    markers = segments(clean)
    assert [m for m, _ in markers if 0xE0 <= m <= 0xEF or m == 0xFE] == [0xE0, 0xE2]
    assert any(m == 0xE2 and p.startswith(b"ICC_PROFILE") for m, p in markers)
    assert clean.endswith(b"\xff\xd9") and b"motion photo" not in clean and b"Photoshop" not in clean
    for secret in (b"Exif", b"Canon", b"EOS R5", b"xmpmeta", b"Studio Nord", b"MPF"):
        assert secret not in clean
    scan = original.index(b"\xff\xda")
    assert clean.endswith(original[scan:])  # the compressed image is copied byte for byte
    with Image.open(io.BytesIO(clean)) as image, Image.open(io.BytesIO(original)) as source:
        assert image.tobytes() == source.tobytes()
        assert image.info["icc_profile"] == photo_files.srgb_profile()


def test_strip_metadata_keeps_adobe_and_drops_the_jfif_thumbnail(tmp_path: Path) -> None:
    original = camera_bytes(tmp_path)
    thumbnail = b"\x02\x02" + b"\x80" * 12  # a 2×2 RGB thumbnail in the JFIF header
    jfif = b"JFIF\x00\x01\x02\x00\x00\x01\x00\x01" + thumbnail
    adobe = b"Adobe\x00\x64\x00\x00\x00\x00\x01"
    data = (
        original[:2]
        + b"\xff\xe0" + (len(jfif) + 2).to_bytes(2, "big") + jfif
        + b"\xff\xee" + (len(adobe) + 2).to_bytes(2, "big") + adobe
        + original[2:]
    )  # fmt: skip
    markers = segments(jpeg_clean.strip_metadata(data))
    assert markers[0] == (0xE0, b"JFIF\x00\x01\x02\x00\x00\x01\x00\x01\x00\x00")
    assert (0xEE, adobe[:14]) in markers


def test_strip_metadata_handles_progressive_and_restart_intervals(tmp_path: Path) -> None:
    for options in ({"progressive": True}, {"restart_marker_blocks": 4}):
        buffer = io.BytesIO()
        photo_files.textured(200, 150).save(buffer, "JPEG", quality=85, comment=b"secret", **options)
        clean = jpeg_clean.strip_metadata(buffer.getvalue())
        assert b"secret" not in clean
        with Image.open(io.BytesIO(clean)) as image, Image.open(buffer) as source:
            assert image.tobytes() == source.tobytes()


@pytest.mark.parametrize("slice_size", [1, 2, 3, 7, 64])
def test_strip_metadata_searches_the_image_data_in_slices_without_missing_a_marker_between_them(
    monkeypatch: pytest.MonkeyPatch, slice_size: int
) -> None:
    """The scan is searched a slice at a time (so other threads run meanwhile): stuffed 0xFF 0x00 pairs, restart
    markers and fill bytes before a marker that straddle two slices must read as they do in one."""
    buffer = io.BytesIO()
    photo_files.textured(120, 90).save(buffer, "JPEG", quality=90, progressive=True, restart_marker_blocks=2)
    data = buffer.getvalue()
    data = data[:-2] + b"\xff\xff\xff\xd9" + b"trailing video"  # fill bytes before the end, data after it
    whole = jpeg_clean.strip_metadata(data)
    assert whole.endswith(b"\xff\xd9") and b"trailing" not in whole
    searched: list[tuple[int, int]] = []
    pattern = jpeg_clean._SCAN_END

    class Spy:
        def search(self, data: bytes, start: int, end: int) -> object:
            searched.append((start, end))
            return pattern.search(data, start, end)

    monkeypatch.setattr(jpeg_clean, "SCAN_SLICE", slice_size)
    monkeypatch.setattr(jpeg_clean, "_SCAN_END", Spy())
    assert jpeg_clean.strip_metadata(data) == whole
    assert len(searched) > 10 and all(end - start <= slice_size + 1 for start, end in searched)
    with Image.open(io.BytesIO(whole)) as image, Image.open(buffer) as source:
        assert image.tobytes() == source.tobytes()


@pytest.mark.parametrize("cut", [1, 3, 20, 400, -2, -1])
def test_strip_metadata_refuses_a_truncated_jpeg(tmp_path: Path, cut: int) -> None:
    original = camera_bytes(tmp_path)
    with pytest.raises(jpeg_clean.NotAJpeg):
        jpeg_clean.strip_metadata(original[:cut])


def test_strip_metadata_refuses_what_is_not_a_jpeg() -> None:
    with pytest.raises(jpeg_clean.NotAJpeg):
        jpeg_clean.strip_metadata(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(jpeg_clean.NotAJpeg):
        jpeg_clean.strip_metadata(b"\xff\xd8\x00\x00garbage")


def test_strip_metadata_skips_padding_between_segments_as_decoders_do(tmp_path: Path) -> None:
    original = camera_bytes(tmp_path)
    padded = original[:2] + b"\x00\x00\x00" + original[2:]  # what some cameras write after the start marker
    clean = jpeg_clean.strip_metadata(padded)
    with Image.open(io.BytesIO(clean)) as image, Image.open(io.BytesIO(original)) as source:
        assert image.tobytes() == source.tobytes()

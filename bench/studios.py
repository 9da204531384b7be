"""Synthetic studios for the benchmark, built with `smp-desktop demo` and cached between runs, with a photo layer of
real camera-sized photos.

The demo studio (clients, sessions, the ink register, consents, removal plans, and small 640 × 480 drawn photos for
its first six clients) is what `smp-desktop demo --clients N` makes. The benchmark adds a photo layer to it, once:
two more clients with a course each get a photo history of 12-megapixel camera files as a studio receives them —
upright JPEGs, portrait ones (Exif orientation 6 and 8, turned upright on import) and iPhone HEICs (converted on
import) — imported through the real `PhotoService` and linked to their sessions, so that the studio's photo folder,
thumbnails and backups hold what a studio's do. 22 photos, about 90 MB per studio: the disk stays sane.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

CACHE = Path(__file__).resolve().parent / ".cache"
SEED = 7
LAYER_CLIENTS = 2
UPRIGHT, PORTRAIT_6, PORTRAIT_8, HEIC = 6, 2, 1, 2  # per client: 11 photos, 2 of them HEIC (18 %)
LAYER_MARKER = ".photo-layer"


def studio_dir(clients: int) -> Path:
    """The data folder of a demo studio with this many clients and its photo layer, generating it on first use.
    The schema's revision and a fingerprint of the demo's code are part of the name: a new schema or a richer demo
    builds new studios instead of measuring stale ones (delete the old folders to free the disk)."""
    from smp_desktop.core.db.migrate import SCHEMA_HEAD

    folder = CACHE / f"studio-{clients}-seed{SEED}-schema{SCHEMA_HEAD}-demo{demo_fingerprint()}"
    marker = folder / ".complete"
    if not marker.exists():
        if folder.exists():  # an interrupted generation: start again
            for path in sorted(folder.rglob("*"), reverse=True):
                path.unlink() if path.is_file() else path.rmdir()
        started = time.perf_counter()
        print(f"generating a demo studio of {clients:,} clients (cached in {folder}) ...", file=sys.stderr, flush=True)
        subprocess.run(
            [sys.executable, "-m", "smp_desktop", "--data-dir", str(folder), "demo", "--clients", str(clients),
             "--seed", str(SEED)],
            check=True,
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        marker.write_text(f"{time.perf_counter() - started:.1f} s to generate\n")
    if not (folder / LAYER_MARKER).exists():
        add_photo_layer(folder)
    return folder


def demo_fingerprint() -> str:
    """8 hex digits of the demo generator's code (smp_desktop/core/demo*.py) and this photo layer's recipe."""
    import hashlib

    import smp_desktop.core

    digest = hashlib.sha256(f"{LAYER_CLIENTS}-{UPRIGHT}-{PORTRAIT_6}-{PORTRAIT_8}-{HEIC}".encode())
    for path in sorted(Path(smp_desktop.core.__file__).parent.glob("demo*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:8]


def heic_set(count: int) -> list[Path]:
    """count iPhone-like HEICs of 12 megapixels (cached): the gallery's drawn scalp photos, every other one held in
    portrait (Exif orientation 6). x265's ultrafast preset: a noisy 12 MP frame takes minutes at its default."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    import photo_files
    import pillow_heif
    from gallery import photo_files as gallery_photos
    from PIL import Image

    pillow_heif.register_heif_opener()
    folder = CACHE / "photos-12mp-heic"
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"IMG_{n:04}.HEIC" for n in range(count)]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"making {len(missing)} 12-megapixel HEICs in {folder} ...", file=sys.stderr, flush=True)
        sources = gallery_photos()[-count:]  # the gallery's own set: other content than the gallery's first 200
        for n, path in enumerate(paths):
            if path.exists():
                continue
            orientation = 6 if n % 2 else 1
            with Image.open(sources[n]) as source:
                shot = photo_files.stored_as_upright(source.convert("RGB"), orientation)
            partial = path.with_suffix(".partial")
            shot.save(
                partial,
                "HEIF",
                quality=80,
                enc_params={"preset": "ultrafast"},
                exif=photo_files.camera_exif(orientation).tobytes(),
            )
            partial.rename(path)
    return paths


def add_photo_layer(folder: Path) -> None:
    """Two clients' 12-megapixel photo histories (upright, orientation 6 and 8, HEIC) imported through
    PhotoService into the cached studio, linked to their completed sessions; marked done in LAYER_MARKER."""
    from photo_import import photo_set

    from smp_desktop.core.domain import PhotoView, SessionStatus
    from smp_desktop.core.progress import run_to_end
    from smp_desktop.core.services.photo_data import PhotoImportOptions
    from smp_desktop.core.studio_db import open_studio
    from smp_desktop.paths import StudioPaths

    started = time.perf_counter()
    print(f"adding the 12-megapixel photo layer to {folder} ...", file=sys.stderr, flush=True)
    upright = photo_set(UPRIGHT * LAYER_CLIENTS, 1)
    portrait_6 = photo_set(PORTRAIT_6 * LAYER_CLIENTS, 6)
    portrait_8 = photo_set(PORTRAIT_8 * LAYER_CLIENTS, 8)
    heics = heic_set(HEIC * LAYER_CLIENTS)
    views = (PhotoView.FRONT_HAIRLINE, PhotoView.TOP, PhotoView.CROWN)
    imported = 0
    with open_studio(StudioPaths(folder)) as studio:
        owner = studio.services.studio.owner()
        sessions = studio.services.sessions
        chosen: list[tuple[int, list[int]]] = []
        for summary in studio.services.clients.list_page(owner, limit=60)[0][6:]:  # past the demo's photo clients
            done = [s.id for s in sessions.overview(owner, summary.id).sessions if s.status is SessionStatus.COMPLETED]
            if done:
                chosen.append((summary.id, done))
            if len(chosen) == LAYER_CLIENTS:
                break
        for n, (client_id, done) in enumerate(chosen):
            files = (
                upright[n * UPRIGHT : (n + 1) * UPRIGHT]
                + portrait_6[n * PORTRAIT_6 : (n + 1) * PORTRAIT_6]
                + portrait_8[n * PORTRAIT_8 : (n + 1) * PORTRAIT_8]
                + heics[n * HEIC : (n + 1) * HEIC]
            )
            for k, view in enumerate(views):  # a visit's shots of one view at a time, as they are taken
                options = PhotoImportOptions(client_id, session_id=done[k % len(done)], view=view)
                summary = run_to_end(studio.services.photos.import_files(owner, files[k :: len(views)], options))
                if summary.rejected:
                    raise RuntimeError(f"photo layer: {summary.rejected[0]}")
                imported += summary.imported + summary.already_present
    (folder / LAYER_MARKER).write_text(
        f"{imported} photos of 12 MP for {LAYER_CLIENTS} clients, {time.perf_counter() - started:.1f} s\n"
    )

"""The demo studio's scalp photos and hairline designs, and the same drawn photos for tests, screenshots and the
benchmark: a studio backdrop, a shaded head, the short hair left at the sides and back, and SMP's pigment dots,
denser as the treatment goes on. Made with Pillow; imported through the real PhotoService."""

from __future__ import annotations

import random
import tempfile
from collections.abc import Generator
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from smp_desktop.core.domain import PIGMENTING_KINDS, PhotoView, SessionKind, SessionStatus
from smp_desktop.core.hairline import HairlineShapes, Point, Zone, ZoneKind
from smp_desktop.core.progress import Progress, run_to_end
from smp_desktop.core.services.access import Actor
from smp_desktop.core.services.hairlines import HairlineService
from smp_desktop.core.services.photo_data import PhotoImportOptions
from smp_desktop.core.services.photos import PhotoService
from smp_desktop.core.services.session_data import SessionSummary
from smp_desktop.core.services.sessions import SessionService

PHOTO_CLIENTS = 6  # a handful of full photo histories: enough to show the gallery, comparisons and designs
DEMO_PHOTO_SIZE = (640, 480)
DENSITY = {SessionKind.CONSULTATION: 0.0, SessionKind.SESSION_1: 0.35, SessionKind.SESSION_2: 0.6}

EXIF_IFD, DATE_TIME_ORIGINAL = 0x8769, 0x9003
SKIN_TONES = ((224, 186, 160), (198, 152, 118), (160, 112, 80), (112, 76, 54))


def scalp_image(
    view: PhotoView = PhotoView.FRONT_HAIRLINE,
    *,
    size: tuple[int, int] = (960, 720),
    density: float = 0.6,
    seed: int = 1,
    skin: int = 1,
    shift: tuple[float, float] = (0.0, 0.0),
) -> Image.Image:
    """density 0 is the bare scalp before treatment, 1 a finished course. shift moves the head (a fraction of the
    frame), as a new shot never lines up exactly with the last one."""
    rng = random.Random(seed)
    width, height = size
    tone = SKIN_TONES[skin % len(SKIN_TONES)]
    image = Image.linear_gradient("L").resize(size).point(lambda v: 70 + v // 6)
    image = Image.merge("RGB", (image.point(lambda v: v - 8), image, image.point(lambda v: v + 14)))

    cx = width * (0.5 + shift[0])
    cy = height * ({PhotoView.FRONT_HAIRLINE: 0.78, PhotoView.BACK: 0.5}.get(view, 0.55) + shift[1])
    rx = width * (0.36 if view in (PhotoView.TOP, PhotoView.CROWN) else 0.42)
    ry = height * (0.62 if view is PhotoView.FRONT_HAIRLINE else 0.5)
    head_box = (cx - rx, cy - ry, cx + rx, cy + ry)

    head_mask = Image.new("L", size, 0)
    ImageDraw.Draw(head_mask).ellipse(head_box, fill=255)
    head_mask = head_mask.filter(ImageFilter.GaussianBlur(max(1, width // 400)))
    light = Image.radial_gradient("L").resize((int(rx * 2.2), int(ry * 2.2)))
    shade = Image.new("L", size, 255)
    shade.paste(light, (int(cx - rx * 1.25), int(cy - ry * 1.3)))
    skin_layer = Image.new("RGB", size, tone)
    darker = Image.new("RGB", size, tuple(int(c * 0.5) for c in tone))
    skin_layer = Image.composite(darker, skin_layer, shade)
    grain = Image.effect_noise(size, 18).convert("RGB")
    skin_layer = ImageChops.add(skin_layer, grain, scale=1.0, offset=-128)
    image.paste(skin_layer, (0, 0), head_mask)

    dots = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(dots)
    hair = (38, 30, 26)
    radius = max(0.8, width / 1100)

    def inside_head(x: float, y: float) -> bool:
        return ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 < 0.97

    def hairline_y(x: float) -> float:
        # A soft hairline with receded temples: lower in the middle, higher towards the sides.
        t = (x - cx) / rx
        return cy - ry * (0.3 + 0.3 * t * t) if view is PhotoView.FRONT_HAIRLINE else height * 2

    area = width * height
    pigment_dots = int(area / 30 * density)
    for _ in range(pigment_dots):
        x, y = rng.uniform(cx - rx, cx + rx), rng.uniform(cy - ry, cy + ry)
        if not inside_head(x, y) or y > hairline_y(x) + rng.gauss(0, height * 0.012):
            continue
        r = radius * rng.uniform(0.6, 1.2)
        alpha = rng.randint(120, 220)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(*hair, alpha))
    # Short natural hair at the sides and back, where it never went: denser and a little longer.
    for _ in range(int(4 * rx * ry / 14)):  # drawn only where the head is: the same density, a fraction of the work
        x, y = rng.uniform(cx - rx, cx + rx), rng.uniform(cy - ry, cy + ry)
        if not inside_head(x, y):
            continue
        side = abs(x - cx) / rx > 0.74 + rng.gauss(0, 0.035) or (view is PhotoView.BACK and y > cy + ry * 0.1)
        if not side:
            continue
        r = radius * rng.uniform(0.7, 1.4)
        draw.ellipse((x - r, y - r * 1.6, x + r, y + r * 1.6), fill=(*hair, rng.randint(150, 235)))
    if view is PhotoView.SCAR:
        draw.line((cx - rx * 0.7, cy + ry * 0.2, cx + rx * 0.7, cy + ry * 0.28), fill=(238, 200, 190, 200), width=8)
    dots = dots.filter(ImageFilter.GaussianBlur(0.5))
    image = Image.alpha_composite(image.convert("RGBA"), dots).convert("RGB")
    return image


def write_scalp_photo(
    path: Path, view: PhotoView = PhotoView.FRONT_HAIRLINE, *, taken: datetime | None = None, **options: object
) -> Path:
    """A JPEG (with the camera's DateTimeOriginal when taken is given) or, by its suffix, a PNG."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image = scalp_image(view, **options)  # type: ignore[arg-type]
    if path.suffix.lower() in (".jpg", ".jpeg"):
        exif = Image.Exif()
        if taken is not None:
            exif.get_ifd(EXIF_IFD)[DATE_TIME_ORIGINAL] = taken.strftime("%Y:%m:%d %H:%M:%S")
        image.save(path, quality=88, exif=exif)
    else:
        image.save(path)
    return path


def add_demo_photos(
    photos: PhotoService,
    sessions: SessionService,
    hairlines: HairlineService,
    owner: Actor,
    client_ids: list[int],
    *,
    seed: int,
) -> Generator[Progress, None, int]:
    """Photo histories for the first PHOTO_CLIENTS clients (in client_ids' order) whose course has begun: the front
    hairline at every visit, the crown at the consultation and the latest session, each linked to its session and
    dated by it; and the hairline designed at the consultation. Yields progress; returns how many photos."""
    rng = random.Random(seed)
    histories: list[tuple[int, list[SessionSummary]]] = []
    for client_id in client_ids:
        visits = [
            s
            for s in reversed(sessions.overview(owner, client_id).sessions)
            if s.status is SessionStatus.COMPLETED
            and (s.kind is SessionKind.CONSULTATION or s.kind in PIGMENTING_KINDS)
        ]
        if len(visits) >= 3 and visits[0].kind is SessionKind.CONSULTATION:
            histories.append((client_id, visits[:4]))
        if len(histories) == PHOTO_CLIENTS:
            break
    total, count = len(histories), 0
    yield Progress(0, total, "Adding photos")
    with tempfile.TemporaryDirectory(prefix="smp-demo-photos-") as folder:
        for done, (client_id, visits) in enumerate(histories, start=1):
            skin, shift = rng.randrange(4), (rng.uniform(-0.02, 0.02), rng.uniform(-0.02, 0.02))
            consultation_photo: int | None = None
            for number, visit in enumerate(visits):
                views = [PhotoView.FRONT_HAIRLINE]
                if number in (0, len(visits) - 1):
                    views.append(PhotoView.CROWN)
                density = DENSITY.get(visit.kind, 0.85)
                taken = visit.starts_at.astimezone().replace(tzinfo=None)
                for view in views:
                    path = Path(folder) / str(visit.id) / f"IMG_{rng.randrange(1000, 10000)}.jpg"
                    write_scalp_photo(
                        path, view, taken=taken, size=DEMO_PHOTO_SIZE, density=density, skin=skin,
                        seed=rng.randrange(1_000_000), shift=(shift[0] + rng.uniform(-0.01, 0.01), shift[1]),
                    )  # fmt: skip
                    options = PhotoImportOptions(client_id, visit.id, view, marketing_consent=client_id % 2 == 0)
                    # The import's own per-file progress is not the demo's.
                    summary = run_to_end(photos.import_files(owner, [path], options))
                    (imported,) = summary.files
                    if imported.photo is not None:
                        count += 1
                        if number == 0 and view is PhotoView.FRONT_HAIRLINE:
                            consultation_photo = imported.photo.id
            hairlines.save_new_version(
                owner,
                client_id,
                PhotoView.FRONT_HAIRLINE,
                demo_design(shift),
                base_photo_id=consultation_photo,
                note="Consultation: soft edge, temples kept back",
            )
            yield Progress(done, total, "Adding photos")
    return count


def demo_design(shift: tuple[float, float] = (0.0, 0.0)) -> HairlineShapes:
    """A soft hairline with receded temples over a front photo drawn by scalp_image (the same head geometry)."""
    cx, cy, rx, ry = 0.5 + shift[0], 0.78 + shift[1], 0.42, 0.62

    def at(t: float, lift: float = 0.0) -> Point:
        return Point(cx + rx * t, cy - ry * (0.3 + 0.3 * t * t + lift))

    front = tuple(at(t) for t in (-0.8, -0.45, 0.0, 0.45, 0.8))
    density = Zone(
        ZoneKind.DENSITY,
        "Front third",
        (at(-0.35, 0.02), at(0.35, 0.02), at(0.35, 0.25), at(-0.35, 0.25)),
        density=4,
    )
    return HairlineShapes(
        hairline=front,
        left_temple=at(0.95, 0.08),  # the client's left is the picture's right on a front photo
        right_temple=at(-0.95, 0.08),
        zones=(density,),
        base_aspect=DEMO_PHOTO_SIZE[0] / DEMO_PHOTO_SIZE[1],
    )

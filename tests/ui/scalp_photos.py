"""Plausible scalp photos made with Pillow for the photo UI tests and screenshots: a studio backdrop, a shaded
head, the short hair left at the sides and back, and SMP's pigment dots, denser as the treatment goes on."""

from __future__ import annotations

import random
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from smp_desktop.core.domain import PhotoView

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
    for _ in range(int(area / 14)):
        x, y = rng.uniform(0, width), rng.uniform(0, height)
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

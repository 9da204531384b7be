"""What the photo library accepts: file types, and the size and pixel limits that keep a bad file from hurting."""

from __future__ import annotations

# A 12-megapixel phone JPEG is 3–6 MB and a 48-megapixel HEIC 5–15 MB; 80 MB leaves room for uncompressed
# PNG exports from editing software while refusing video files and disk images dropped by mistake.
MAX_FILE_BYTES = 80 * 1024 * 1024

# Checked from the image header before any pixel is decoded (a 30000×30000 PNG of a few kilobytes would
# otherwise ask for gigabytes of memory). 100 MP is above any phone or studio camera in use.
MAX_PIXELS = 100_000_000

# Suffixes a folder import picks up (case-insensitive). Other files in a folder are left alone, not reported.
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".webp", ".heic", ".heif", ".hif"})

# Pillow format names accepted, whatever the file's extension says.
ACCEPTED_FORMATS = frozenset({"JPEG", "PNG", "WEBP", "HEIF"})

JPEG_QUALITY = 92  # for photos that must be re-encoded (rotated, HEIC/WebP converted): visually lossless
THUMBNAIL_SIZE = 256  # the gallery's tiles; other sizes are made on demand
THUMBNAIL_QUALITY = 85
MIN_THUMBNAIL_SIZE = 16
MAX_THUMBNAIL_SIZE = 2048

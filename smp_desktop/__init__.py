"""SMP Desktop: practice manager for scalp micropigmentation studios."""

from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("smp-desktop")
except _metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.1.0"

APP_NAME = "SMP Desktop"
APP_ID = "smp-desktop"
ORG_NAME = "SMP Desktop"
